"""Conferment shapes of real office prose, each in invented sentences (issue 10, items 1–5).

No sentence here comes from a real article; each stands for a shape the
recogniser must read in every variant (NFD, old/new tone marks, capitals,
counts in digits, words or with a leading zero).
"""

import unicodedata
from pathlib import Path

import pytest

from newsroom.core.recognition import Recogniser
from newsroom.core.registry import Registry
from newsroom.core.text import normalise

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def recogniser():
    return Recogniser(Registry.load(ROOT / "content" / "registry"))


def honours(recogniser, text, title=""):
    result = recogniser.recognise(title, text)
    return {(h.award.name, h.recipient, h.recipient_kind, h.count, h.status) for h in result.honours}


def unregistered_units(recogniser, text):
    return [c.text for c in recogniser.recognise("", text).unregistered if c.kind == "unit"]


# 1. Honours in the shapes real news uses


def test_counted_groups_before_the_award(recogniser):
    text = ("Năm 2025, toàn ngành có 45 công chức đạt danh hiệu “Lao động tiên tiến”; "
            "12 cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở.")
    assert honours(recogniser, text) == {
        ("Lao động tiên tiến", "công chức", "individuals", 45, "conferred"),
        ("Chiến sĩ thi đua cơ sở", "cá nhân", "individuals", 12, "conferred"),
    }


def test_award_then_colon_then_recipients(recogniser):
    text = "Bằng khen của Chủ tịch UBND tỉnh: 31 tập thể và 66 cá nhân; Cờ thi đua của UBND tỉnh: 7 tập thể."
    assert honours(recogniser, text) == {
        ("Bằng khen của Chủ tịch UBND tỉnh", "tập thể", "collectives", 31, "conferred"),
        ("Bằng khen của Chủ tịch UBND tỉnh", "cá nhân", "individuals", 66, "conferred"),
        ("Cờ thi đua của UBND tỉnh", "tập thể", "collectives", 7, "conferred"),
    }


def test_counted_awards(recogniser):
    text = ("Trong năm, toàn huyện có 120 giấy khen của Chủ tịch UBND huyện, 9 Chiến sĩ thi đua cấp tỉnh "
            "và gần 1.780 lượt cá nhân đạt danh hiệu Lao động tiên tiến.")
    assert honours(recogniser, text) == {
        ("Giấy khen", "cá nhân", "individuals", 120, "conferred"),
        ("Chiến sĩ thi đua cấp tỉnh", "cá nhân", "individuals", 9, "conferred"),
        ("Lao động tiên tiến", "cá nhân", "individuals", 1780, "conferred"),
    }


def test_enumeration_of_people_with_roles_each_clause_its_award(recogniser):
    text = ("Ông Lê Văn An - Giám đốc Sở Xây dựng được tặng Huân chương Lao động hạng Nhì; "
            "các ông Trần Quốc Bình - Phó Chủ tịch UBND tỉnh, Đỗ Thị Cúc - Chánh Văn phòng Tỉnh uỷ "
            "được tặng Huân chương Lao động hạng Ba.")
    result = recogniser.recognise("", text)
    got = {(h.award.name, h.recipient, h.role, h.unit.slug if h.unit else None) for h in result.honours}
    assert got == {
        ("Huân chương Lao động hạng Nhì", "Lê Văn An", "Giám đốc Sở Xây dựng", "so-xay-dung"),
        ("Huân chương Lao động hạng Ba", "Trần Quốc Bình", "Phó Chủ tịch UBND tỉnh", "ubnd-tinh"),
        ("Huân chương Lao động hạng Ba", "Đỗ Thị Cúc", "Chánh Văn phòng Tỉnh uỷ", "van-phong-tinh-uy"),
    }


@pytest.mark.parametrize("mark", ["- ", "– ", "+ ", "1. ", "a) "])
def test_list_lines_under_a_line_naming_the_award(recogniser, mark):
    text = (f"Tặng Cờ thi đua của Chính phủ cho 3 tập thể:\n{mark}Trường THPT Lê Quý Đôn;\n"
            f"{mark}Trung tâm Y tế huyện Tân Sơn;\n{mark}Sở Nội vụ.\n\nBuổi lễ kết thúc lúc 11 giờ.")
    assert honours(recogniser, text) == {
        ("Cờ thi đua của Chính phủ", "Trường THPT Lê Quý Đôn", "unit", None, "conferred"),
        ("Cờ thi đua của Chính phủ", "Trung tâm Y tế huyện Tân Sơn", "unit", None, "conferred"),
        ("Cờ thi đua của Chính phủ", "Sở Nội vụ", "unit", None, "conferred"),
    }


def test_a_list_cut_short_keeps_its_number(recogniser):
    text = ("4 đồng chí được tặng Huân chương Lao động hạng Ba, gồm: ông Vũ Minh Khang, Trưởng phòng Tổng hợp, "
            "Văn phòng UBND tỉnh; bà Hà Thu Trang, chuyên viên Sở Y tế.")
    got = honours(recogniser, text)
    assert ("Huân chương Lao động hạng Ba", "đồng chí", "individuals", 4, "conferred") in got
    assert {h[1] for h in got} == {"đồng chí", "Vũ Minh Khang", "Hà Thu Trang"}


def test_a_list_goes_on_in_the_next_sentences(recogniser):
    text = ("Chủ tịch nước tặng danh hiệu Anh hùng Lao động cho 3 tập thể, cá nhân gồm: Công ty Cổ phần Chè Sông Lô. "
            "Các cá nhân gồm: Ông Phan Văn Tùng, Giám đốc Công ty TNHH Hoa Mai.\n\nBà Lò Thị Hiền, nghệ nhân.")
    got = honours(recogniser, text)
    # Three named: the number says nothing more and is dropped.
    assert {h[1] for h in got} == {"Công ty Cổ phần Chè Sông Lô", "Phan Văn Tùng", "Lò Thị Hiền"}


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Chủ tịch UBND tỉnh trao Bằng khen của Chủ tịch UBND tỉnh cho Sở Y tế.", "conferred"),
        ("Chủ tịch UBND tỉnh trao tặng Bằng khen của Chủ tịch UBND tỉnh cho Sở Y tế.", "conferred"),
        ("Chủ tịch UBND tỉnh tặng Bằng khen của Chủ tịch UBND tỉnh cho Sở Y tế.", "conferred"),
        ("Sở Y tế được tặng Bằng khen của Chủ tịch UBND tỉnh.", "conferred"),
        ("Sở Y tế được trao tặng Bằng khen của Chủ tịch UBND tỉnh.", "conferred"),
        ("Sở Y tế vinh dự được nhận Bằng khen của Chủ tịch UBND tỉnh.", "conferred"),
        ("Sở Y tế được Chủ tịch UBND tỉnh tặng Bằng khen.", "conferred"),
        ("Bằng khen của Chủ tịch UBND tỉnh được trao cho Sở Y tế.", "conferred"),
        ("Theo đề nghị của Giám đốc Sở Nội vụ, Chủ tịch UBND tỉnh tặng Bằng khen của Chủ tịch UBND tỉnh cho Sở Y tế.",
         "conferred"),
        ("Hội đồng thống nhất đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho Sở Y tế.", "proposed"),
        ("Sở Nội vụ trình Chủ tịch UBND tỉnh tặng Bằng khen của Chủ tịch UBND tỉnh cho Sở Y tế.", "proposed"),
        ("Sở Y tế đề nghị được tặng Bằng khen của Chủ tịch UBND tỉnh.", "proposed"),
        ("Ban Thi đua lấy ý kiến nhân dân về việc tặng Bằng khen của Chủ tịch UBND tỉnh cho Sở Y tế.", "proposed"),
    ],
)
def test_verbs_active_and_passive_and_their_status(recogniser, sentence, status):
    assert honours(recogniser, sentence) == {("Bằng khen của Chủ tịch UBND tỉnh", "Sở Y tế", "unit", None, status)}


@pytest.mark.parametrize("verb", ["đạt", "được công nhận", "được phong tặng"])
def test_titles_reached_or_recognised(recogniser, verb):
    assert honours(recogniser, f"Có 8 giáo viên {verb} danh hiệu Chiến sĩ thi đua cơ sở.") == {
        ("Chiến sĩ thi đua cơ sở", "giáo viên", "individuals", 8, "conferred"),
    }


def test_posthumous(recogniser):
    got = honours(recogniser, "Chủ tịch nước truy tặng danh hiệu “Bà mẹ Việt Nam anh hùng” cho 3 mẹ.")
    assert got == {("Bà mẹ Việt Nam anh hùng", "mẹ", "individuals", 3, "posthumous")}


@pytest.mark.parametrize(
    ("written", "count"),
    [("07 tập thể", 7), ("7 tập thể", 7), ("bảy tập thể", 7), ("1.780 lượt tập thể", 1780), ("01 tập thể", 1),
     ("hai tập thể", 2), ("gần 150 tập thể", 150)],
)
def test_counts_in_every_spelling(recogniser, written, count):
    got = honours(recogniser, f"Giám đốc Sở Y tế trao Giấy khen cho {written}.")
    assert got == {("Giấy khen", "tập thể", "collectives", count, "conferred")}


def test_each_recipient_says_what_it_is_and_totals_keep_kinds_apart(recogniser):
    text = ("Chủ tịch UBND tỉnh trao Bằng khen của Chủ tịch UBND tỉnh cho Sở Y tế, Trường THCS Văn Lang, "
            "bà Nguyễn Thị Lan, 5 tập thể và 12 cá nhân.")
    got = {(h.recipient, h.recipient_kind, h.count) for h in recogniser.recognise("", text).honours}
    assert got == {
        ("Sở Y tế", "unit", None), ("Trường THCS Văn Lang", "unit", None), ("Nguyễn Thị Lan", "person", None),
        ("tập thể", "collectives", 5), ("cá nhân", "individuals", 12),
    }


def test_a_place_and_its_people_are_collective_recipients(recogniser):
    got = honours(recogniser, "Bộ trưởng Bộ Công an trao Bằng khen của Bộ trưởng cho nhân dân và cán bộ xã Yên Lập.")
    assert {h[1] for h in got} == {"nhân dân và cán bộ xã Yên Lập"}
    city = honours(recogniser, "Thủ tướng Chính phủ trao Cờ thi đua của Chính phủ tặng thành phố Việt Trì.")
    assert city == {("Cờ thi đua của Chính phủ", "thành phố Việt Trì", "collectives", None, "conferred")}


def test_a_school_named_before_is_the_one_that_receives(recogniser):
    text = ("Tại Trường THCS Văn Lang, lễ khai giảng diễn ra trang trọng.\n\n"
            "Phó Chủ tịch UBND tỉnh trao Huân chương Lao động hạng Ba cho tập thể nhà trường.")
    assert honours(recogniser, text) == {
        ("Huân chương Lao động hạng Ba", "Trường THCS Văn Lang", "unit", None, "conferred"),
    }


def test_achievements_of_the_unit_a_list_is_about(recogniser):
    # What the unit received before is history: extracted as "earlier", never this article's honour.
    text = ("Ban Thi đua lấy ý kiến nhân dân đối với tập thể Trường THPT Hùng Vương, cụ thể:\n"
            "- Năm 2019: Huân chương Lao động hạng Ba\n- Năm 2022: Cờ thi đua của UBND tỉnh")
    assert honours(recogniser, text) == {
        ("Huân chương Lao động hạng Ba", "Trường THPT Hùng Vương", "unit", None, "earlier"),
        ("Cờ thi đua của UBND tỉnh", "Trường THPT Hùng Vương", "unit", None, "earlier"),
    }


# 2. Groups kept whole


def test_a_run_of_groups_is_one_recipient_read_as_written(recogniser):
    text = "Giám đốc Sở Y tế trao Giấy khen cho các phòng, đơn vị trực thuộc và cá nhân có thành tích xuất sắc."
    assert honours(recogniser, text) == {
        ("Giấy khen", "các phòng, đơn vị trực thuộc và cá nhân", "collectives", None, "conferred"),
    }


def test_a_counted_mixed_group_is_one_recipient(recogniser):
    got = honours(recogniser, "Có 23 tập thể, cá nhân được đề nghị tặng danh hiệu Anh hùng Lao động.")
    assert got == {("Anh hùng Lao động", "tập thể, cá nhân", "collectives", 23, "proposed")}


# 4. Decisions


def test_the_decision_named_is_carried_by_its_honours(recogniser):
    text = ("Chủ tịch UBND tỉnh ký Quyết định số 1234/QĐ-UBND ngày 12/3/2026 về việc tặng Bằng khen của "
            "Chủ tịch UBND tỉnh cho Trường THCS Văn Lang và 4 cá nhân.")
    result = recogniser.recognise("", text)
    assert {(h.recipient, h.decision.number, h.decision.date) for h in result.honours} == {
        ("Trường THCS Văn Lang", "1234/QĐ-UBND", "12/3/2026"), ("cá nhân", "1234/QĐ-UBND", "12/3/2026"),
    }
    with_issuer = recogniser.recognise("", "Theo Quyết định số 56/QĐ-CTN ngày 05/01/2026 của Chủ tịch nước, "
                                           "Sở Nội vụ được tặng Huân chương Lao động hạng Ba.")
    [honour] = with_issuer.honours
    assert (honour.decision.number, honour.decision.date, honour.decision.issuer) == ("56/QĐ-CTN", "05/01/2026", "Chủ tịch nước")
    assert recogniser.recognise("", "Sở Nội vụ được tặng Huân chương Lao động hạng Ba.").honours[0].decision is None


# 5. Every organisation, registered or not


@pytest.mark.parametrize(
    "name",
    [
        "Trường THPT Lê Quý Đôn", "Bệnh viện Đa khoa huyện Thanh Sơn", "UBND xã Minh Hòa", "Đảng ủy phường Nông Trang",
        "Công ty TNHH Thương mại Sông Lô", "Liên đoàn Lao động huyện Hạ Hòa", "Công an xã Tiên Lương",
        "Trung tâm Y tế huyện Cẩm Khê", "Ban Quản lý dự án huyện Yên Lập", "Chi cục Thuế khu vực Ba",
        "Trung tâm an sinh xã hội phường", "Báo Lao Động", "Cục Thống kê tỉnh Yên Bái",
    ],
)
def test_organisations_by_head_and_shape(recogniser, name):
    assert unregistered_units(recogniser, f"Sáng nay, {name} tổ chức hội nghị tổng kết.") == [name]


def test_registered_names_keep_their_place_and_former_names_as_written(recogniser):
    result = recogniser.recognise("", "Sở Tư pháp tỉnh Lào Cai và Sở Giao thông vận tải tỉnh Lào Cai ký kết phối hợp.")
    assert {slug: names for slug, names in result.written_names.items()} == {
        "so-tu-phap": ["Sở Tư pháp tỉnh Lào Cai"], "so-xay-dung": ["Sở Giao thông vận tải tỉnh Lào Cai"],
    }


@pytest.mark.parametrize(
    "text",
    [
        "Các phòng, ban, đơn vị trực thuộc ký giao ước thi đua.",
        "Trưởng phòng Nguyễn Văn Hải báo cáo.",
        "Phó Cục trưởng Cục Thuế phát biểu.",  # the second head is the body, the first a rank
        "Sở đã tham mưu ban hành kế hoạch.",
        "Hội nghị tổng kết diễn ra sáng nay.",
        "Xã Trường Sơn đạt chuẩn nông thôn mới.",
    ],
)
def test_heads_without_a_name_are_nothing(recogniser, text):
    assert [c for c in unregistered_units(recogniser, text) if not c.startswith("Cục Thuế")] == []


# Variants of one sentence give the same honours


SENTENCE = "Thừa ủy quyền, Chánh Văn phòng Tỉnh ủy trao Bằng khen của Chủ tịch UBND tỉnh cho Sở Y tế và {count} cá nhân."


def summary(result):
    return sorted((h.award.slug, h.recipient_kind, normalise(h.recipient), h.unit.slug if h.unit else None, h.count,
                   h.status) for h in result.honours)


@pytest.mark.parametrize(
    "transform",
    [
        lambda text: unicodedata.normalize("NFD", text),
        lambda text: text.replace("ủy", "uỷ").replace("Ủy", "Uỷ"),
        str.upper,
        lambda text: text,
    ],
    ids=["nfd", "old-tones", "upper", "as-is"],
)
@pytest.mark.parametrize("count", ["7", "07", "bảy"])
def test_variants_give_the_same_honours(recogniser, transform, count):
    expected = summary(recogniser.recognise("", SENTENCE.format(count="7")))
    assert len(expected) == 2
    assert summary(recogniser.recognise("", transform(SENTENCE.format(count=count)))) == expected


def test_results_are_plain_picklable_data(recogniser):
    import pickle

    text = ("Theo Quyết định số 56/QĐ-CTN ngày 05/01/2026 của Chủ tịch nước, Trường THPT Hùng Vương được tặng "
            "Huân chương Lao động hạng Ba; 5 cá nhân được đề nghị tặng Bằng khen của Thủ tướng Chính phủ.")
    result = recogniser.recognise("Trường THPT Hùng Vương đón nhận Huân chương", text)
    assert {h.status for h in result.honours} == {"conferred", "proposed"}
    assert pickle.loads(pickle.dumps(result)) == result


@pytest.mark.parametrize(
    "text",
    [
        "Đoàn thể thao của tỉnh giành 3 Huy chương Vàng và 2 Huy chương Bạc tại Đại hội.",
        "Tác phẩm của tỉnh đoạt Giải thưởng Báo chí Cánh Diều Vàng.",
        "Ngư dân vươn khơi ra quần đảo Trường Sa.",
        "Bộ Luật Lao động năm 2019 có hiệu lực từ đầu năm.",
    ],
)
def test_look_alikes_are_no_award_and_no_body(recogniser, text):
    result = recogniser.recognise("", text)
    assert result.honours == [] and result.awards == []
    assert [c for c in result.unregistered if c.kind == "unit" or c.named] == []


def test_counted_groups_then_a_passive_with_its_agent(recogniser):
    assert honours(recogniser, "Dịp này, 3 tập thể và 5 cá nhân được UBND tỉnh tặng Bằng khen.") == {
        ("Bằng khen của Chủ tịch UBND tỉnh", "tập thể", "collectives", 3, "conferred"),
        ("Bằng khen của Chủ tịch UBND tỉnh", "cá nhân", "individuals", 5, "conferred"),
    }
    got = recogniser.recognise("", "Ông Lò Văn Hải, Bí thư Đảng ủy xã Hy Cương được Ban Thường vụ Tỉnh ủy tặng Bằng khen.")
    assert [(h.award.slug, h.recipient, h.unit.name) for h in got.honours] == [
        ("bang-khen-cua-ban-thuong-vu-tinh-uy", "Lò Văn Hải", "Đảng ủy xã Hy Cương"),
    ]


def test_a_grade_less_mention_beside_its_graded_award_is_no_award_of_its_own(recogniser):
    loose = recogniser.recognise("Lấy ý kiến đề nghị khen thưởng Huân chương Lao động",
                                 "Huân chương Lao động hạng Ba: 01 cá nhân.\nÔng Vi Văn Tâm, Trưởng phòng, Sở Y tế.")
    assert [c.named for c in loose.unregistered if c.text == "Huân chương Lao động"] == [False]
    counted = recogniser.recognise("", "5 trường được tặng Huân chương Lao động; Trường THCS Văn Lang nhận "
                                       "Huân chương Lao động hạng Nhì.")
    assert [c.named for c in counted.unregistered if c.text == "Huân chương Lao động"] == [True]


def test_a_bare_award_takes_the_name_of_the_body_that_confers_it(recogniser):
    got = honours(recogniser, "Ban Chỉ huy Quân sự huyện Yên Lập được Bộ Tư lệnh Quân khu 2 tặng Bằng khen.")
    assert got == {("Bằng khen của Bộ Tư lệnh Quân khu 2", "Ban Chỉ huy Quân sự huyện Yên Lập", "unit", None, "conferred")}


def test_collectives_reaching_a_title_get_the_collective_title(recogniser):
    result = recogniser.recognise("", "5 năm qua, toàn huyện có 320 lượt tập thể đạt danh hiệu lao động tiên tiến.")
    assert [(h.award.name, h.count, h.recipient_kind) for h in result.honours] == [
        ("Tập thể lao động tiên tiến", 320, "collectives"),
    ]
    assert "Tập thể lao động tiên tiến" in [a.name for a in result.awards]
