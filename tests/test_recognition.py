"""Recognition of units, awards and honours: the seeds exactly, and what must not be recognised."""

import unicodedata
from pathlib import Path

import pytest

from newsroom.core.recognition import Candidate, Recogniser, split_metadata_list
from newsroom.core.registry import Registry
from newsroom.core.source import parse_raw

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).parent / "fixtures" / "seeds"


@pytest.fixture(scope="module")
def registry():
    return Registry.load(ROOT / "content" / "registry")


@pytest.fixture(scope="module")
def recogniser(registry):
    return Recogniser(registry)


def seed(recogniser, name, transform=lambda text: text):
    article = parse_raw(SEEDS / name)
    return recogniser.recognise(transform(article.title), transform(article.body_text))


def units(recognition):
    return {(u.name, u.parent) for u in recognition.units}


def awards(recognition):
    return {a.name for a in recognition.awards}


def honours(recognition):
    return {(h.award.name, h.recipient, h.recipient_kind, h.unit.slug if h.unit else None, h.count) for h in recognition.honours}


SEED_000 = "000_18a16725d093f9c8.txt"
SEED_002 = "002_f319973ca7bfc76d.txt"


def test_seed_000_units(recogniser):
    assert units(seed(recogniser, SEED_000)) == {
        ("Văn phòng UBND tỉnh", "ubnd-tinh"),
        ("Phòng Văn hóa - Xã hội", "van-phong-ubnd-tinh"),
        ("Phòng Hành chính - Tổ chức", "van-phong-ubnd-tinh"),
        # other real organisations the text names
        ("UBND tỉnh", None),
        ("Tỉnh ủy", None),
        ("Đảng ủy UBND tỉnh", "tinh-uy"),
    }


def test_seed_000_awards(recogniser):
    recognition = seed(recogniser, SEED_000)
    assert [a.name for a in recognition.awards] == [
        "Huân chương Lao động hạng Ba",
        "Bằng khen của Thủ tướng Chính phủ",
        "Bằng khen của Chủ tịch UBND tỉnh",
    ]
    assert recognition.unregistered == []


def test_seed_000_honours(recogniser):
    recognition = seed(recogniser, SEED_000)
    assert honours(recognition) == {
        ("Huân chương Lao động hạng Ba", "Nguyễn Thị Minh", "person", "van-phong-ubnd-tinh-phong-hanh-chinh-to-chuc", None),
        # "cho các phòng, đơn vị trực thuộc UBND và cá nhân": one group, read as written (issue 10, item 2).
        ("Bằng khen của Thủ tướng Chính phủ", "các phòng, đơn vị trực thuộc UBND và cá nhân", "collectives", None, None),
        ("Bằng khen của Chủ tịch UBND tỉnh", "các tập thể và cá nhân", "collectives", None, None),
    }
    assert {h.status for h in recognition.honours} == {"conferred"}
    minh = recognition.honours[0]
    assert minh.role == "Trưởng phòng Hành chính - Tổ chức"
    assert minh.unit.parent == "van-phong-ubnd-tinh"
    assert minh.sentence.startswith("Thừa ủy quyền Chủ tịch nước")


def test_seed_002_units(recogniser):
    assert units(seed(recogniser, SEED_002)) == {
        ("Văn phòng Tỉnh ủy", "tinh-uy"),
        ("Phòng Tổng hợp", "van-phong-tinh-uy"),
        ("Phòng Chuyển đổi số - Cơ yếu", "van-phong-tinh-uy"),
        ("Phòng Quản trị", "van-phong-tinh-uy"),
        # other real organisations the text names
        ("Tỉnh ủy", None),
        ("Ban Thường vụ Tỉnh ủy", "tinh-uy"),
        ("Thường trực Tỉnh ủy", "tinh-uy"),
        ("UBND tỉnh", None),
    }


def test_seed_002_awards(recogniser):
    recognition = seed(recogniser, SEED_002)
    assert [a.name for a in recognition.awards] == [
        "Bằng khen của Thủ tướng Chính phủ",
        "Tập thể Lao động xuất sắc",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "Chiến sĩ thi đua cấp tỉnh",
        "Giấy khen",
        "Chiến sĩ thi đua cơ sở",
        "Lao động tiên tiến",
    ]
    assert recognition.unregistered == []


def test_seed_002_honours(recogniser):
    recognition = seed(recogniser, SEED_002)
    assert honours(recognition) == {
        ("Bằng khen của Thủ tướng Chính phủ", "cá nhân", "individuals", "van-phong-tinh-uy", 2),
        ("Tập thể Lao động xuất sắc", "Phòng Tổng hợp", "unit", "van-phong-tinh-uy-phong-tong-hop", None),
        ("Bằng khen của Chủ tịch UBND tỉnh", "Phòng Chuyển đổi số - Cơ yếu", "unit", "van-phong-tinh-uy-phong-chuyen-doi-so-co-yeu", None),
        ("Bằng khen của Chủ tịch UBND tỉnh", "Phòng Quản trị", "unit", "van-phong-tinh-uy-phong-quan-tri", None),
        ("Bằng khen của Chủ tịch UBND tỉnh", "cá nhân", "individuals", None, 9),
        ("Chiến sĩ thi đua cấp tỉnh", "đồng chí", "individuals", None, 1),
        ("Giấy khen", "cá nhân", "individuals", None, 26),
        ("Chiến sĩ thi đua cơ sở", "đồng chí", "individuals", None, 58),
        ("Lao động tiên tiến", "đồng chí", "individuals", None, 108),
    }
    assert {h.status for h in recognition.honours} == {"conferred"}
    giay_khen = next(h for h in recognition.honours if h.award.slug == "giay-khen")
    assert giay_khen.authority == "Chánh Văn phòng Tỉnh ủy"


@pytest.mark.parametrize("name", [SEED_000, SEED_002])
@pytest.mark.parametrize(
    "transform",
    [
        lambda text: unicodedata.normalize("NFD", text),
        lambda text: text.replace("ủy", "uỷ").replace("Ủy", "Uỷ").replace("hóa", "hoá"),
        str.upper,
    ],
    ids=["nfd", "old-tones", "upper"],
)
def test_seed_variants_give_the_same_units_and_awards(recogniser, name, transform):
    plain, changed = seed(recogniser, name), seed(recogniser, name, transform)
    assert [u.slug for u in changed.units] == [u.slug for u in plain.units]
    assert [a.slug for a in changed.awards] == [a.slug for a in plain.awards]


def test_mentions_point_into_the_text(recogniser):
    article = parse_raw(SEEDS / SEED_002)
    recognition = recogniser.recognise(article.title, article.body_text)
    text = article.body_text
    first = {}
    for mention in recognition.mentions:
        first.setdefault((mention.kind, mention.slug), text[mention.start : mention.end])
    assert first[("unit", "van-phong-tinh-uy")] == "Văn phòng Tỉnh ủy"
    assert first[("unit", "van-phong-tinh-uy-phong-tong-hop")] == "phòng Tổng hợp"
    assert first[("unit", "van-phong-tinh-uy-phong-chuyen-doi-so-co-yeu")] == "phòng Chuyển đổi số - Cơ yếu"
    assert first[("award", "giay-khen")] == "Giấy khen"
    assert [m.start for m in recognition.mentions] == sorted(m.start for m in recognition.mentions)


def recognise(recogniser, text, title="", **metadata):
    return recogniser.recognise(title, text, **metadata)


def test_award_with_grade_and_authority_variants(recogniser):
    for text in (
        "Trao Bằng khen Thủ tướng Chính phủ cho ông Lê Văn An.",
        "Trao Bằng khen của Thủ tướng Chính phủ cho ông Lê Văn An.",
        "Thủ tướng Chính phủ tặng bằng khen cho ông Lê Văn An.",
    ):
        assert awards(recognise(recogniser, text)) == {"Bằng khen của Thủ tướng Chính phủ"}, text
    for text in (
        "Trao Bằng khen của Chủ tịch UBND cho Sở Y tế.",
        "Chủ tịch UBND tỉnh tặng bằng khen cho Sở Y tế.",
        "Thừa ủy quyền Chủ tịch UBND tỉnh, Giám đốc Sở Nội vụ trao Bằng khen cho Sở Y tế.",
    ):
        recognition = recognise(recogniser, text)
        assert awards(recognition) == {"Bằng khen của Chủ tịch UBND tỉnh"}, text
        assert honours(recognition) == {("Bằng khen của Chủ tịch UBND tỉnh", "Sở Y tế", "unit", "so-y-te", None)}
    assert awards(recognise(recogniser, "Trao Huân chương lao động hạng 3 cho bà Hà.")) == {"Huân chương Lao động hạng Ba"}


def test_bare_bang_khen_inside_an_office_name_is_not_its_authority(recogniser):
    recognition = recognise(recogniser, "Thừa ủy quyền Thủ tướng Chính phủ, Chánh Văn phòng UBND tỉnh trao Bằng khen cho 3 tập thể.")
    assert awards(recognition) == {"Bằng khen của Thủ tướng Chính phủ"}


@pytest.mark.parametrize(
    "text",
    [
        "Đồng chí Hà Văn Bình được trao Huy hiệu 30 năm tuổi Đảng.",
        "Năm 2025, 100% cán bộ được đánh giá Hoàn thành xuất sắc nhiệm vụ.",
        "Tập thể được xếp loại hoàn thành xuất sắc nhiệm vụ.",
        "Ông Nguyễn Văn Phòng, Giám đốc, phát biểu.",
        "Bà Trần Thị Sở phát biểu tại hội nghị.",
        "Các phòng, ban, đơn vị trực thuộc ký giao ước thi đua.",
        "Lãnh đạo các sở, ngành, địa phương dự hội nghị.",
        "Trưởng phòng Nguyễn Văn Hải báo cáo.",
        "Ban Giám đốc và Ban Tổ chức hội thi cảm ơn các đội.",
    ],
)
def test_look_alikes_are_nothing(recogniser, text):
    recognition = recognise(recogniser, text)
    assert (recognition.awards, recognition.honours, recognition.unregistered) == ([], [], []), text
    assert [u.slug for u in recognition.units] == []


def test_roles_mention_their_units(recogniser):
    recognition = recognise(recogniser, "Trưởng phòng Hành chính - Tổ chức và Chánh Văn phòng Tỉnh ủy Phú Thọ dự họp.")
    assert [u.slug for u in recognition.units] == ["van-phong-ubnd-tinh-phong-hanh-chinh-to-chuc", "van-phong-tinh-uy"]


def test_a_rank_named_after_a_body_is_not_the_body(recogniser):
    recognition = recognise(recogniser, "Đồng chí Đinh Anh Tuấn - Tỉnh ủy viên, Chánh Văn phòng Tỉnh ủy phát biểu.")
    assert [u.slug for u in recognition.units] == ["van-phong-tinh-uy"]


def test_department_resolved_by_its_office(recogniser):
    by_sentence = recognise(recogniser, "Văn phòng UBND tỉnh khen thưởng phòng Tổng hợp.")
    assert [u.slug for u in by_sentence.units] == ["van-phong-ubnd-tinh", "van-phong-ubnd-tinh-phong-tong-hop"]
    after = recognise(recogniser, "Phòng Tổng hợp, Văn phòng Tỉnh ủy họp.")
    assert [u.slug for u in after.units] == ["van-phong-tinh-uy-phong-tong-hop", "van-phong-tinh-uy"]
    by_title = recognise(recogniser, "Phòng Tổng hợp họp tổng kết.", title="Văn phòng UBND tỉnh tổng kết năm")
    assert "van-phong-ubnd-tinh-phong-tong-hop" in {u.slug for u in by_title.units}
    nowhere = recognise(recogniser, "Phòng Tổng hợp họp tổng kết.")
    assert nowhere.units == [] and nowhere.unregistered == []  # ambiguous: dropped, not guessed


def test_unregistered_candidates(recogniser):
    recognition = recognise(
        recogniser,
        "Giám đốc Sở Y tế trao Bằng khen của Ban Chấp hành Công đoàn Viên chức tỉnh cho Phòng Tông hợp "
        "và Trung tâm Kiểm soát bệnh tật tỉnh; trao Huân chương Lao động cho ông Lò Văn Pao.",
    )
    assert recognition.unregistered == [
        Candidate("award", "Bằng khen của Ban Chấp hành Công đoàn Viên chức tỉnh"),
        Candidate("unit", "Trung tâm Kiểm soát bệnh tật tỉnh"),
        Candidate("award", "Huân chương Lao động"),
        Candidate("unit", "Ban Chấp hành Công đoàn Viên chức tỉnh"),  # the body named in the award's authority
    ]
    # "Phòng Tông hợp" misspells a registered name: no new organisation (check asks "did you mean")
    assert [(slip.written, slip.name) for slip in recognition.slips] == [("Phòng Tông hợp", "Phòng Tổng hợp")]
    assert [u.slug for u in recognition.units] == ["so-y-te"]
    assert recognition.awards == []


def test_lists_and_clauses(recogniser):
    recognition = recognise(
        recogniser,
        "Chánh Văn phòng Tỉnh ủy trao Bằng khen của Chủ tịch UBND tỉnh cho phòng Chuyển đổi số - Cơ yếu, "
        "phòng Quản trị và 9 cá nhân; trao Giấy khen cho bà Lê Thị Hoa, chuyên viên Phòng Tổng hợp.",
    )
    assert honours(recognition) == {
        ("Bằng khen của Chủ tịch UBND tỉnh", "Phòng Chuyển đổi số - Cơ yếu", "unit", "van-phong-tinh-uy-phong-chuyen-doi-so-co-yeu", None),
        ("Bằng khen của Chủ tịch UBND tỉnh", "Phòng Quản trị", "unit", "van-phong-tinh-uy-phong-quan-tri", None),
        ("Bằng khen của Chủ tịch UBND tỉnh", "cá nhân", "individuals", None, 9),
        ("Giấy khen", "Lê Thị Hoa", "person", "van-phong-tinh-uy-phong-tong-hop", None),
    }


def test_passive_with_agent(recogniser):
    recognition = recognise(recogniser, "Năm 2025, Sở Nội vụ được Thủ tướng Chính phủ tặng Bằng khen.")
    assert honours(recognition) == {("Bằng khen của Thủ tướng Chính phủ", "Sở Nội vụ", "unit", "so-noi-vu", None)}


def test_metadata_adds_and_excludes(recogniser):
    text = "Văn phòng Tỉnh ủy trao Giấy khen cho phòng Quản trị. Lãnh đạo Sở Y tế dự."
    recognition = recognise(
        recogniser, text,
        metadata_units=["Sở Văn hóa", "Thể thao và Du lịch", "phong-tong-hop-khong-co"],
        metadata_awards=["Cờ thi đua của Chính phủ", "Huân chương Lao động hạng 3"],
        excluded=["Sở Y tế", "giay-khen"],
    )
    slugs = [u.slug for u in recognition.units]
    assert slugs == ["van-phong-tinh-uy", "van-phong-tinh-uy-phong-quan-tri", "so-van-hoa-the-thao-va-du-lich"]
    assert [a.slug for a in recognition.awards] == ["co-thi-dua-cua-chinh-phu", "huan-chuong-lao-dong-hang-ba"]
    assert recognition.honours == []
    assert recognition.unknown_metadata == ["phong-tong-hop-khong-co"]
    assert {m.slug for m in recognition.mentions} == {"van-phong-tinh-uy", "van-phong-tinh-uy-phong-quan-tri"}


def test_metadata_department_uses_the_article_office(recogniser):
    recognition = recognise(recogniser, "Văn phòng Tỉnh ủy họp.", metadata_units=["Phòng Tổng hợp"])
    assert [u.slug for u in recognition.units] == ["van-phong-tinh-uy", "van-phong-tinh-uy-phong-tong-hop"]
    lost = recognise(recogniser, "Họp.", metadata_units=["Phòng Tổng hợp", "Phòng Tổng hợp (Văn phòng UBND tỉnh)"])
    assert [u.slug for u in lost.units] == ["van-phong-ubnd-tinh-phong-tong-hop"]
    assert lost.unknown_metadata == ["Phòng Tổng hợp"]


@pytest.mark.parametrize(
    ("value", "items"),
    [
        ("", []),
        ("Văn phòng Tỉnh ủy, Phòng Tổng hợp", ["Văn phòng Tỉnh ủy", "Phòng Tổng hợp"]),
        ("Sở Văn hóa, Thể thao và Du lịch; Sở Y tế", ["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế"]),
        ('"Sở Văn hóa, Thể thao và Du lịch", so-y-te', ["Sở Văn hóa, Thể thao và Du lịch", "so-y-te"]),
        (" giay-khen ,  , Bằng khen  của Thủ tướng ", ["giay-khen", "Bằng khen của Thủ tướng"]),
    ],
)
def test_split_metadata_list(value, items):
    assert split_metadata_list(value) == items


# Hold-out articles: other offices, provinces and years, never tuned on.

UNSEEN = Path(__file__).parent / "fixtures" / "articles-unseen"


def unseen(recogniser, name):
    from newsroom.core.markdown_text import markdown_to_text
    from newsroom.core.source import parse_markdown

    path = UNSEEN / name
    if path.suffix == ".md":
        source = parse_markdown(path)
        return recogniser.recognise(
            source.get("title"), markdown_to_text(source.body),
            metadata_units=split_metadata_list(source.get("units")),
            metadata_awards=split_metadata_list(source.get("awards")),
            excluded=split_metadata_list(source.get("exclude")),
        )
    article = parse_raw(path)
    return recogniser.recognise(article.title, article.body_text)


def test_unseen_so_noi_vu(recogniser):
    recognition = unseen(recogniser, "so-noi-vu-huan-chuong.txt")
    assert {u.slug for u in recognition.units} == {
        "so-noi-vu", "so-noi-vu-phong-to-chuc-bien-che", "trung-tam-luu-tru-lich-su-tinh", "tinh-uy", "ubnd-tinh",
        "so-noi-vu-phong-cong-chuc-vien-chuc", "so-noi-vu-phong-thi-dua-khen-thuong",
    }
    assert [a.slug for a in recognition.awards] == [
        "huan-chuong-lao-dong-hang-nhi", "co-thi-dua-cua-ubnd-tinh", "bang-khen-cua-chu-tich-ubnd-tinh",
        "chien-si-thi-dua-cap-tinh", "giay-khen", "lao-dong-tien-tien",
    ]
    assert honours(recognition) == {
        ("Huân chương Lao động hạng Nhì", "Sở Nội vụ tỉnh Tuyên Quang", "unit", "so-noi-vu", None),  # as written
        ("Huân chương Lao động hạng Nhì", "Sở Nội vụ", "unit", "so-noi-vu", None),
        ("Cờ thi đua của UBND tỉnh", "Phòng Công chức, viên chức", "unit", "so-noi-vu-phong-cong-chuc-vien-chuc", None),
        ("Bằng khen của Chủ tịch UBND tỉnh", "tập thể", "collectives", "so-noi-vu", 5),
        ("Bằng khen của Chủ tịch UBND tỉnh", "cá nhân", "individuals", "so-noi-vu", 12),
        ("Chiến sĩ thi đua cấp tỉnh", "Ma Đình Thắng", "person", "so-noi-vu-phong-thi-dua-khen-thuong", None),
        ("Giấy khen", "cá nhân", "individuals", None, 34),
        ("Lao động tiên tiến", "công chức", "individuals", None, 41),
    }
    assert recognition.unregistered == []


def test_unseen_van_phong_doan_dbqh(recogniser):
    recognition = unseen(recogniser, "van-phong-doan-dbqh-hdnd-tong-ket.txt")
    assert {u.slug for u in recognition.units} == {
        "thuong-truc-hdnd-tinh", "ubnd-tinh",  # "Phó Chủ tịch Thường trực HĐND tỉnh", "Chủ tịch UBND tỉnh"
        "van-phong-doan-dbqh-va-hdnd-tinh", "hdnd-tinh", "doan-dbqh-tinh", "ban-phap-che-hdnd-tinh",
        "ban-kinh-te-ngan-sach-hdnd-tinh", "van-phong-doan-dbqh-va-hdnd-tinh-phong-cong-tac-hdnd",
        "van-phong-doan-dbqh-va-hdnd-tinh-phong-cong-tac-quoc-hoi",
        "van-phong-doan-dbqh-va-hdnd-tinh-phong-hanh-chinh-to-chuc-quan-tri",
    }
    assert [a.slug for a in recognition.awards] == [
        "bang-khen-cua-thu-tuong-chinh-phu", "bang-khen-cua-chu-tich-ubnd-tinh", "giay-khen",
    ]
    assert honours(recognition) == {
        ("Bằng khen của Thủ tướng Chính phủ", "Văn phòng Đoàn ĐBQH và HĐND tỉnh", "unit", "van-phong-doan-dbqh-va-hdnd-tinh", None),
        ("Bằng khen của Chủ tịch UBND tỉnh", "Phòng Hành chính - Tổ chức - Quản trị", "unit",
         "van-phong-doan-dbqh-va-hdnd-tinh-phong-hanh-chinh-to-chuc-quan-tri", None),
        ("Bằng khen của Chủ tịch UBND tỉnh", "cá nhân", "individuals", None, 3),
        ("Giấy khen", "cá nhân", "individuals", None, 15),
    }
    assert recognition.unregistered == []


def test_unseen_old_spelling_and_former_names(recogniser):
    recognition = unseen(recogniser, "ban-tuyen-giao-2024.txt")
    assert {u.slug for u in recognition.units} == {
        "ban-tuyen-giao-va-dan-van-tinh-uy",  # "Ban Tuyên giáo Tỉnh uỷ", a former name
        "ban-thuong-vu-tinh-uy",  # "Phó Bí thư Thường trực Tỉnh uỷ" is a rank, not the standing committee
        "so-khoa-hoc-va-cong-nghe",  # "Sở Thông tin và Truyền thông", merged in 2025
        "bao-va-phat-thanh-truyen-hinh-tinh",  # "Đài Phát thanh và Truyền hình tỉnh"
    }
    assert [a.slug for a in recognition.awards] == ["ky-niem-chuong-vi-su-nghiep-tuyen-giao", "bang-khen-cua-ban-thuong-vu-tinh-uy"]
    assert honours(recognition) == {
        ("Kỷ niệm chương Vì sự nghiệp Tuyên giáo", "đồng chí", "individuals", None, 6),
        ("Bằng khen của Ban Thường vụ Tỉnh ủy", "tập thể", "collectives", None, 3),
        ("Bằng khen của Ban Thường vụ Tỉnh ủy", "cá nhân", "individuals", None, 4),
    }
    assert recognition.unregistered == [
        Candidate("unit", "Trung tâm Chính trị"),
        Candidate("award", "Giải thưởng Báo chí Búa liềm vàng"),
        Candidate("award", "Kỷ niệm chương Vì sự nghiệp Báo chí Việt Nam"),
    ]


def test_unseen_markdown_with_metadata(recogniser):
    recognition = unseen(recogniser, "so-giao-duc-co-thi-dua.md")
    assert [u.slug for u in recognition.units] == ["so-giao-duc-va-dao-tao"]  # Sở Y tế excluded
    assert Candidate("unit", "Bộ Giáo dục và Đào tạo") in recognition.unregistered
    assert [a.slug for a in recognition.awards] == [
        "co-thi-dua-cua-chinh-phu", "nha-giao-uu-tu", "chien-si-thi-dua-toan-quoc",
        "bang-khen-cua-bo-truong-bo-giao-duc-va-dao-tao", "huan-chuong-lao-dong-hang-ba",
    ]
    assert honours(recognition) == {
        ("Cờ thi đua của Chính phủ", "Sở Giáo dục và Đào tạo", "unit", "so-giao-duc-va-dao-tao", None),
        ("Cờ thi đua của Chính phủ", "Ngành Giáo dục", "collectives", None, None),  # the title's subject
        ("Nhà giáo ưu tú", "nhà giáo", "individuals", None, 2),
        ("Chiến sĩ thi đua toàn quốc", "cá nhân", "individuals", None, 1),
        ("Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo", "tập thể", "collectives", None, 7),
        ("Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo", "cá nhân", "individuals", None, 20),
        ("Huân chương Lao động hạng Ba", "Lê Văn Nam", "person", "so-giao-duc-va-dao-tao", None),
    }
    assert recognition.unregistered == [Candidate("unit", "Phòng Giáo dục Trung học"), Candidate("unit", "Bộ Giáo dục và Đào tạo")]
    assert recognition.unknown_metadata == []


# Property: spelling variants of the same article recognise the same things.

import re  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from newsroom.core.text import normalise  # noqa: E402

TONE = "[\u0300\u0301\u0303\u0309\u0323]"
AFTER = r"(?![\w\u0300-\u036f])"


def old_tones(text):
    """"hòa/ủy/thúy" -> "hoà/uỷ/thuý" (tone on the second vowel of open oa, oe, uy)."""
    text = unicodedata.normalize("NFD", text)
    text = re.sub(rf"(?<![qQ])([oO])({TONE})([aAeE]){AFTER}", r"\1\3\2", text)
    text = re.sub(rf"(?<![qQ])([uU])({TONE})([yY]){AFTER}", r"\1\3\2", text)
    return unicodedata.normalize("NFC", text)


def new_tones(text):
    text = unicodedata.normalize("NFD", text)
    text = re.sub(rf"(?<![qQ])([oO])([aAeE])({TONE}){AFTER}", r"\1\3\2", text)
    text = re.sub(rf"(?<![qQ])([uU])([yY])({TONE}){AFTER}", r"\1\3\2", text)
    return unicodedata.normalize("NFC", text)


def test_tone_helpers():
    assert old_tones("Tỉnh ủy, văn hóa, Thúy, quý, hoàn") == "Tỉnh uỷ, văn hoá, Thuý, quý, hoàn"
    assert new_tones("Tỉnh uỷ, văn hoá, khoẻ") == "Tỉnh ủy, văn hóa, khỏe"


ARTICLES = [SEEDS / SEED_000, SEEDS / SEED_002, *sorted(UNSEEN.glob("*.txt"))]
variants = st.fixed_dictionaries({
    "article": st.sampled_from(ARTICLES),
    "form": st.sampled_from(["NFC", "NFD"]),
    "tones": st.sampled_from([old_tones, new_tones, lambda text: text]),
    "case": st.sampled_from(["keep", "upper", "lower"]),
    "dash": st.sampled_from(["-", "–", "—", "\u2011", " "]),
})


def variant(text, choice):
    text = re.sub(r" [-–—] ", f" {choice['dash']} ", text)
    text = choice["tones"](text)
    text = {"keep": text, "upper": text.upper(), "lower": text.lower()}[choice["case"]]
    return unicodedata.normalize(choice["form"], text)


def summary(recognition, with_honours):
    result = {
        "units": sorted(u.slug for u in recognition.units),
        "awards": [a.slug for a in recognition.awards],
    }
    if with_honours:
        result["honours"] = sorted(
            (h.award.slug, h.recipient_kind, normalise(h.recipient), h.unit.slug if h.unit else "", h.count or 0)
            for h in recognition.honours
        )
    return result


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(choice=variants)
def test_spelling_variants_give_the_same_result(recogniser, choice):
    article = parse_raw(choice["article"])
    expected = recogniser.recognise(article.title, article.body_text)
    got = recogniser.recognise(variant(article.title, choice), variant(article.body_text, choice))
    # Lower case hides person names (capitals delimit them): units and awards must still agree.
    with_honours = choice["case"] != "lower"
    assert summary(got, with_honours) == summary(expected, with_honours)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(choice=variants)
def test_mentions_stay_on_the_words(recogniser, choice):
    article = parse_raw(choice["article"])
    text = variant(article.body_text, choice)
    recognition = recogniser.recognise("", text)
    for mention in recognition.mentions:
        span = text[mention.start : mention.end]
        assert span == span.strip() and span, mention
        assert normalise(span)  # a mention covers real words


def test_authority_named_in_full_and_flag_from_the_subject(recogniser):
    minister = recognise(recogniser, "Ông Phạm Văn Hùng, Giám đốc Sở Công Thương nhận Bằng khen của Bộ trưởng Bộ Công Thương.")
    [honour] = minister.honours
    assert (honour.award.slug, honour.recipient, honour.unit.slug) == ("bang-khen-cua-bo-truong", "Phạm Văn Hùng", "so-cong-thuong")
    assert (honour.role, honour.authority) == ("Giám đốc Sở Công Thương", "Bộ trưởng Bộ Công Thương")
    flag = recognise(recogniser, "Sở Y tế được UBND tỉnh tặng Cờ thi đua.")
    assert honours(flag) == {("Cờ thi đua của UBND tỉnh", "Sở Y tế", "unit", "so-y-te", None)}
    award_first = recognise(recogniser, "Kỷ niệm chương Vì sự nghiệp Xây dựng tổ chức Nhà nước được trao cho 5 đồng chí.")
    assert honours(award_first) == {("Kỷ niệm chương Vì sự nghiệp Xây dựng tổ chức Nhà nước", "đồng chí", "individuals", None, 5)}
