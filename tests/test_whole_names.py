"""Whole names of organisations and every form of the 2022 law's honours (issue 17, items 5 and 6).

Every sentence is invented: each stands for a shape of office prose (a name with "và", a long
lower-case description, a division written with its body, an abbreviation), never for an article.
"""

import unicodedata
from pathlib import Path

import pytest

from newsroom.core.recognition import Recogniser
from newsroom.core.registry import Registry

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def recogniser():
    return Recogniser(Registry.load(ROOT / "content" / "registry"))


def units(recogniser, text, title=""):
    """Every unit the text names, as written: registered ones by their written name, then unregistered ones."""
    result = recogniser.recognise(title, text)
    registered = [name for unit in result.units for name in result.written_names.get(unit.slug, [unit.name])]
    return registered + [c.text for c in result.unregistered if c.kind == "unit"]


def awards(recogniser, text):
    return [award.name for award in recogniser.recognise("", text).awards]


# 5. Whole names


@pytest.mark.parametrize(
    "name",
    [
        "Văn phòng HĐND và UBND huyện Yên Hòa",  # an office serving two bodies
        "Trung tâm Ứng dụng tiến bộ Khoa học và Công nghệ tỉnh Hòa Bắc",  # "và" between capitalised words
        "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng tỉnh",  # a long description ending at its level
        "Đảng ủy Khối các cơ quan tỉnh",
        "Trường Tiểu học và Trung học cơ sở Sơn Hà",  # "Trung học" after "và" is no new head
        "Trường Phổ thông dân tộc nội trú Mường Thanh",  # five lower-case words before the proper name
        "Trường Phổ thông dân tộc bán trú Trung học cơ sở Nậm Cang",  # eleven words after the head
        "Phòng Cảnh sát giao thông",  # "giao" of "giao thông" is no verb
        "Bộ Ngoại giao",
        "Phòng Tổ chức cán bộ Sở Y tế",  # a division written with its body
        "Văn phòng Sở Giáo dục và Đào tạo",
        "Công đoàn Khu Kinh tế Đông Hải",
        "Đại học Vùng Cao",
        "Đảng bộ phường Trung Sơn",
        "TTYT huyện Lạc Sơn", "TYT xã Tân Phong", "BVĐK tỉnh Hòa Bắc",  # abbreviated heads
        "TYT xã Phú Hòa Đông A",  # a letter tells two places of one name apart
        "Trường Trung cấp Nông nghiệp thực hành Hòa Bắc",  # "thực hành" is no "thực hiện"
        "Đảng bộ Sở Y tế",  # a body's party organisation, named with it
        "Bộ Lao động, Thương binh và Xã hội",  # a ministry's fields, commas between them
        "Ngân hàng Chính sách xã hội chi nhánh tỉnh Hòa Bắc",  # a branch inside the name
        "Học viện Chính trị quốc gia Hồ Chí Minh",  # named after a person
        "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Hòa Bắc",
        "Hạt Kiểm lâm huyện Yên Sơn", "Tỉnh đoàn Hòa Bắc", "Bưu điện tỉnh Hòa Bắc",
    ],
)
def test_names_are_kept_whole(recogniser, name):
    found = units(recogniser, f"Sáng nay, {name} tổ chức hội nghị tổng kết.")
    assert name in found, found
    assert not [other for other in found if other != name and other in name and other[:4] == name[:4]], found


def test_a_name_with_a_long_tail_is_no_shorter_name(recogniser):
    text = "Chủ tịch UBND tỉnh tặng Bằng khen cho Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng tỉnh."
    assert "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng tỉnh" in units(recogniser, text)
    assert not any(name.startswith("Ban Quản lý dự án đầu") and not name.endswith("tỉnh") for name in units(recogniser, text))


def test_a_body_named_in_an_awards_authority_is_an_organisation(recogniser):
    text = "Công an tỉnh trao bằng khen của Bộ trưởng Bộ Giao thông vận tải cho 2 tập thể."
    assert units(recogniser, text) == ["Công an tỉnh", "Bộ Giao thông vận tải"]
    # a registered one is the award's own authority, not a new organisation
    assert units(recogniser, "Sở Y tế nhận Bằng khen của Chủ tịch UBND tỉnh.") == ["Sở Y tế"]


@pytest.mark.parametrize(
    "text",
    [
        "Sở Nội vụ hướng dẫn các đơn vị tỉnh thực hiện.",  # "các" after a verb starts no name
        "Công ty Minh Phát hỗ trợ các hộ dân tỉnh.",  # …nor after a proper name's lower-case words
        "Sở Tài chính giao nhiệm vụ cho các phòng.",  # "giao" a verb
        "Đại diện các Báo Hòa Bắc, Yên Sơn và Tân An dự.",  # newspapers of places, not one name's fields
        "UBND tỉnh ban hành Công văn số 125/UBND-VX về việc tổ chức lễ.",  # a document's code
    ],
)
def test_clauses_and_codes_are_no_part_of_a_name(recogniser, text):
    found = units(recogniser, text)
    assert not [name for name in found if " các " in name or "giao nhiệm" in name or "-VX" in name or "," in name], found


@pytest.mark.parametrize(
    "text, name",
    [
        ("Trung tâm bảo trợ xã hội Hòa An khám sức khỏe cho người cao tuổi.", "Trung tâm bảo trợ xã hội Hòa An"),
        ("Năm 2024, Bộ Tư lệnh Quân khu 9 công nhận đơn vị vững mạnh.", "Bộ Tư lệnh Quân khu 9"),
        ("Công ty cổ phần Dịch vụ và Thương mại Yên Sơn tiền thân là một xí nghiệp.",
         "Công ty cổ phần Dịch vụ và Thương mại Yên Sơn"),
        ("Bằng khen được trao cho Bộ Quốc phòng và Thượng úy Lê Văn Tâm.", "Bộ Quốc phòng"),
        ("Bác sĩ Lê Văn Tâm, Trưởng khoa Hồi sức tích cực cũng được vinh danh.", "Khoa Hồi sức tích cực"),
    ],
)
def test_the_sentence_going_on_after_a_name_is_no_part_of_it(recogniser, text, name):
    found = units(recogniser, text)
    assert name in found and not [other for other in found if other.startswith(name + " ")], found


def test_a_person_after_a_place_is_no_part_of_it(recogniser):
    found = units(recogniser, "Chủ tịch UBND tỉnh Hòa Bắc Nguyễn Văn Minh phát biểu; Thành ủy TP Hòa An Trần Văn Bình dự.")
    assert not [name for name in found if "Nguyễn" in name or "Trần" in name], found
    # a place's first word may be a surname too
    assert "UBND tỉnh Lâm Hà" in units(recogniser, "Chủ tịch UBND tỉnh Lâm Hà Hồ Văn Nam ký văn bản.")


def test_a_ward_level_front_is_not_the_provincial_one(recogniser):
    result = recogniser.recognise("", "Đại diện Ủy ban MTTQ Việt Nam phường Tân An dự lễ.")
    assert "uy-ban-mttq-viet-nam-tinh" not in [unit.slug for unit in result.units]
    assert [c.text for c in result.unregistered if c.kind == "unit"] == ["Ủy ban MTTQ Việt Nam phường Tân An"]


def test_registered_units_are_listed_as_the_article_writes_them(recogniser):
    result = recogniser.recognise("", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp tổ chức.")
    assert result.written_names["uy-ban-mttq-viet-nam-tinh"] == ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]
    # capitals, dashes and spaces alone are no other spelling
    result = recogniser.recognise("", "Đại diện phòng  Hành chính Tổ chức, Văn phòng UBND tỉnh dự.")
    assert result.written_names == {}


def test_names_written_with_double_spaces_are_one_name(recogniser):
    found = units(recogniser, "Trường  Tiểu học  Sơn Hà tổ chức lễ; Trường Tiểu học Sơn Hà nhận hoa.")
    assert found.count("Trường Tiểu học Sơn Hà") == 1 and len(found) == 1, found


def test_collective_recipients_are_read_whole(recogniser):
    honours = recogniser.recognise(
        "", "Chủ tịch nước tặng Huân chương Lao động hạng Ba cho Nhân dân và cán bộ xã Minh Tân.").honours
    assert [h.recipient for h in honours] == ["Nhân dân và cán bộ xã Minh Tân"]
    assert units(recogniser, "Đảng bộ, chính quyền và Nhân dân huyện Sơn Đông đón nhận danh hiệu Anh hùng.") == []


def test_a_place_in_brackets_qualifies_the_name_and_is_no_unit(recogniser):
    text = "UBND tỉnh tặng Cờ thi đua cho Trường Tiểu học Kim Sơn (huyện Đồng Lạc)."
    assert units(recogniser, text) == ["UBND tỉnh", "Trường Tiểu học Kim Sơn"]
    assert [h.recipient for h in recogniser.recognise("", text).honours] == ["Trường Tiểu học Kim Sơn"]


@pytest.mark.parametrize(
    "transform",
    [
        lambda text: unicodedata.normalize("NFD", text),
        lambda text: text.replace("ủy", "uỷ").replace("Ủy", "Uỷ").replace("hòa", "hoà").replace("Hòa", "Hoà"),
    ],
    ids=["nfd", "old-tone-marks"],
)
def test_spellings_give_the_same_units(recogniser, transform):
    text = ("Sáng nay, Văn phòng HĐND và UBND huyện Yên Hòa, Đảng ủy Khối các cơ quan tỉnh và "
            "Phòng Tổ chức cán bộ Sở Y tế tổ chức hội nghị.")
    expected = [unicodedata.normalize("NFC", name) for name in units(recogniser, text)]
    assert len(expected) == 4
    found = [unicodedata.normalize("NFC", name) for name in units(recogniser, transform(text))]
    assert [name.replace("uỷ", "ủy").replace("Uỷ", "Ủy").replace("oà", "òa") for name in found] == [
        name.replace("uỷ", "ủy").replace("Uỷ", "Ủy").replace("oà", "òa") for name in expected]


def test_a_title_in_capitals_adds_no_units(recogniser):
    body = "Sáng nay, Phòng Tổ chức cán bộ Sở Y tế tổ chức hội nghị."
    plain = units(recogniser, body)
    assert units(recogniser, body, title="PHÒNG TỔ CHỨC CÁN BỘ SỞ Y TẾ TỔNG KẾT NĂM VÀ TRAO BẰNG KHEN") == plain


# 6. Every state honour of the 2022 law


@pytest.mark.parametrize(
    "written, name",
    [
        ("Huân chương Bảo vệ Tổ quốc hạng Nhì", "Huân chương Bảo vệ Tổ quốc hạng Nhì"),
        ("Huân chương Quân công hạng Ba", "Huân chương Quân công hạng Ba"),
        ("Huân chương Chiến công hạng Nhất", "Huân chương Chiến công hạng Nhất"),
        ("Huân chương Dũng cảm", "Huân chương Dũng cảm"),
        ("Huy chương Chiến sĩ vẻ vang hạng Nhì", "Huy chương Chiến sĩ vẻ vang hạng Nhì"),
        ("Huy chương Quân kỳ quyết thắng", "Huy chương Quân kỳ quyết thắng"),
        ("danh hiệu Nhà giáo nhân dân", "Nhà giáo nhân dân"),
        ("danh hiệu Thầy thuốc ưu tú", "Thầy thuốc ưu tú"),
        ("danh hiệu Nghệ sĩ nhân dân", "Nghệ sĩ nhân dân"),
        ("huân chương lao động hạng ba", "Huân chương Lao động hạng Ba"),  # lower case
        ("HCLĐ hạng III", "Huân chương Lao động hạng Ba"),  # abbreviations
        ("HCBVTQ hạng 3", "Huân chương Bảo vệ Tổ quốc hạng Ba"),
        ("danh hiệu AHLĐ", "Anh hùng Lao động"),
        ("danh hiệu CSTĐ cơ sở", "Chiến sĩ thi đua cơ sở"),
        ("danh hiệu LĐTT", "Lao động tiên tiến"),
        ("BK của Thủ tướng Chính phủ", "Bằng khen của Thủ tướng Chính phủ"),
        ("BK TTg", "Bằng khen của Thủ tướng Chính phủ"),
    ],
)
def test_every_form_of_the_law_is_known(recogniser, written, name):
    assert awards(recogniser, f"Ông Trần Văn Bình được tặng {written}.") == [name]


def test_a_title_before_a_name_in_its_short_form_is_no_award(recogniser):
    # "NSƯT", "NGƯT" before a name say what the person holds, not what the article reports.
    assert awards(recogniser, "NSƯT Trần Văn Bình và NGƯT Lê Thị Hoa dự buổi gặp mặt.") == []
