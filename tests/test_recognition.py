"""Recognition of units, awards and honours: the seeds exactly, and what must not be recognised."""

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
        ("Bằng khen của Thủ tướng Chính phủ", "phòng", "group", None, None),
        ("Bằng khen của Thủ tướng Chính phủ", "đơn vị", "group", None, None),
        ("Bằng khen của Thủ tướng Chính phủ", "cá nhân", "group", None, None),
        ("Bằng khen của Chủ tịch UBND tỉnh", "tập thể", "group", None, None),
        ("Bằng khen của Chủ tịch UBND tỉnh", "cá nhân", "group", None, None),
    }
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
        ("Bằng khen của Thủ tướng Chính phủ", "cá nhân", "group", "van-phong-tinh-uy", 2),
        ("Tập thể Lao động xuất sắc", "Phòng Tổng hợp", "unit", "van-phong-tinh-uy-phong-tong-hop", None),
        ("Bằng khen của Chủ tịch UBND tỉnh", "Phòng Chuyển đổi số - Cơ yếu", "unit", "van-phong-tinh-uy-phong-chuyen-doi-so-co-yeu", None),
        ("Bằng khen của Chủ tịch UBND tỉnh", "Phòng Quản trị", "unit", "van-phong-tinh-uy-phong-quan-tri", None),
        ("Bằng khen của Chủ tịch UBND tỉnh", "cá nhân", "group", None, 9),
        ("Chiến sĩ thi đua cấp tỉnh", "đồng chí", "group", None, 1),
        ("Giấy khen", "cá nhân", "group", None, 26),
        ("Chiến sĩ thi đua cơ sở", "đồng chí", "group", None, 58),
        ("Lao động tiên tiến", "đồng chí", "group", None, 108),
    }
    giay_khen = next(h for h in recognition.honours if h.award.slug == "giay-khen")
    assert giay_khen.authority == "Chánh Văn phòng Tỉnh ủy"


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
        Candidate("unit", "Phòng Tông hợp"),
        Candidate("unit", "Trung tâm Kiểm soát bệnh tật tỉnh"),
        Candidate("award", "Huân chương Lao động"),
    ]
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
        ("Bằng khen của Chủ tịch UBND tỉnh", "cá nhân", "group", None, 9),
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
