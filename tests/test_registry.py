"""The registry: shipped data is valid and complete, editors' mistakes are reported with file and line."""

from pathlib import Path

import pytest

from newsroom.core.registry import AWARD_KINDS, KIND_LABELS, KIND_ORDER, Registry, RegistryError

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "registry"


@pytest.fixture(scope="module")
def registry():
    return Registry.load(ROOT / "content" / "registry")


def test_kinds_have_labels_and_an_order():
    assert set(KIND_LABELS) == set(AWARD_KINDS) == set(KIND_ORDER)
    assert KIND_LABELS["honour_title"] == "Danh hiệu vinh dự Nhà nước"


def test_shipped_registry_loads(registry):
    assert len(registry.units) > 50
    assert len(registry.awards) > 60
    assert all(unit.description for unit in registry.units.values())


@pytest.mark.parametrize(
    ("name", "slug", "kind"),
    [
        ("Huân chương Lao động hạng Ba", "huan-chuong-lao-dong-hang-ba", "order"),
        ("Huân chương Độc lập hạng Nhất", "huan-chuong-doc-lap-hang-nhat", "order"),
        ("Huân chương Sao vàng", "huan-chuong-sao-vang", "order"),
        ("Huy chương Chiến sĩ vẻ vang hạng Nhì", "huy-chuong-chien-si-ve-vang-hang-nhi", "medal"),
        ("Anh hùng Lao động", "anh-hung-lao-dong", "honour_title"),
        ("Nhà giáo ưu tú", "nha-giao-uu-tu", "honour_title"),
        ("Giải thưởng Hồ Chí Minh", "giai-thuong-ho-chi-minh", "prize"),
        ("Bằng khen của Thủ tướng Chính phủ", "bang-khen-cua-thu-tuong-chinh-phu", "certificate_of_merit"),
        ("Bằng khen Thủ tướng Chính phủ", "bang-khen-cua-thu-tuong-chinh-phu", "certificate_of_merit"),
        ("Bằng khen của Chủ tịch UBND", "bang-khen-cua-chu-tich-ubnd-tinh", "certificate_of_merit"),
        ("Giấy khen", "giay-khen", "certificate_of_commendation"),
        ("Chiến sĩ thi đua toàn quốc", "chien-si-thi-dua-toan-quoc", "emulation_title"),
        ("Chiến sĩ thi đua bộ, ban, ngành, tỉnh", "chien-si-thi-dua-cap-tinh", "emulation_title"),
        ("Chiến sỹ thi đua cấp cơ sở", "chien-si-thi-dua-co-so", "emulation_title"),
        ("Lao động tiên tiến", "lao-dong-tien-tien", "emulation_title"),
        ("Tập thể lao động xuất sắc", "tap-the-lao-dong-xuat-sac", "emulation_title"),
        ("Tập thể lao động tiên tiến", "tap-the-lao-dong-tien-tien", "emulation_title"),
        ("Cờ thi đua của Chính phủ", "co-thi-dua-cua-chinh-phu", "emulation_flag"),
        ("Cờ thi đua của Ủy ban nhân dân tỉnh", "co-thi-dua-cua-ubnd-tinh", "emulation_flag"),
        ("Kỷ niệm chương Vì sự nghiệp Xây dựng tổ chức Nhà nước", "ky-niem-chuong-vi-su-nghiep-xay-dung-to-chuc-nha-nuoc", "commemorative_medal"),
        ("huan-chuong-lao-dong-hang-nhi", "huan-chuong-lao-dong-hang-nhi", "order"),
    ],
)
def test_award_vocabulary(registry, name, slug, kind):
    award = registry.find_award(name)
    assert award is not None and (award.slug, award.kind) == (slug, kind)


def test_grades_are_separate_awards(registry):
    grades = [registry.find_award(f"Huân chương Lao động hạng {g}") for g in ("Nhất", "Nhì", "Ba")]
    assert [a.grade for a in grades] == ["hạng Nhất", "hạng Nhì", "hạng Ba"]
    assert [a.precedence for a in grades] == sorted(a.precedence for a in grades)
    assert registry.find_award("Huân chương Lao động") is None


@pytest.mark.parametrize(
    "name",
    [
        "Tỉnh ủy", "HĐND tỉnh", "UBND tỉnh", "Văn phòng UBND tỉnh", "Văn phòng Tỉnh ủy",
        "Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp", "Sở Xây dựng",
        "Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo", "Sở Y tế",
        "Sở Văn hóa, Thể thao và Du lịch", "Sở Công Thương", "Sở Dân tộc và Tôn giáo", "Sở Ngoại vụ",
        "Thanh tra tỉnh", "Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ban Nội chính Tỉnh ủy",
        "Ủy ban Kiểm tra Tỉnh ủy", "Hội đồng Thi đua - Khen thưởng tỉnh", "Trung tâm Phục vụ hành chính công",
        "Phòng Văn hóa - Xã hội", "Phòng Hành chính - Tổ chức", "Phòng Kinh tế",
        "Phòng Chuyển đổi số - Cơ yếu", "Phòng Quản trị", "Phòng Tài chính Đảng",
    ],
)
def test_units_of_the_province(registry, name):
    assert registry.find_units(name), name


def test_phong_tong_hop_under_several_offices(registry):
    units = registry.find_units("Phòng Tổng hợp")
    assert {u.parent for u in units} >= {"van-phong-tinh-uy", "van-phong-ubnd-tinh"}
    assert len({u.slug for u in units}) == len(units)
    assert {u.name for u in units} == {"Phòng Tổng hợp"}
    assert registry.find_unit("Phòng Tổng hợp") is None  # ambiguous without its office
    assert registry.find_unit("Phòng Tổng hợp (Văn phòng Tỉnh ủy)").slug == "van-phong-tinh-uy-phong-tong-hop"
    assert registry.find_unit("van-phong-ubnd-tinh-phong-tong-hop").parent == "van-phong-ubnd-tinh"


def test_structure(registry):
    assert [u.slug for u in registry.ancestors("van-phong-tinh-uy-phong-tong-hop")] == ["van-phong-tinh-uy", "tinh-uy"]
    children = {u.slug for u in registry.children("van-phong-tinh-uy")}
    assert {"van-phong-tinh-uy-phong-tong-hop", "van-phong-tinh-uy-phong-quan-tri"} <= children
    assert all(u.parent is None or u.parent in registry.units for u in registry.units.values())


def test_former_names_and_slugs(registry):
    unit = registry.find_unit("Sở Kế hoạch và Đầu tư")
    assert unit.slug == "so-tai-chinh"
    assert "so-ke-hoach-va-dau-tu" in unit.former_slugs
    assert registry.unit_by_slug("so-ke-hoach-va-dau-tu") is unit
    assert registry.find_unit("Ban Tuyên giáo Tỉnh ủy").slug == "ban-tuyen-giao-va-dan-van-tinh-uy"


def test_lookups_are_normalised(registry):
    assert registry.find_unit("VĂN PHÒNG TỈNH UỶ").slug == "van-phong-tinh-uy"
    assert registry.find_unit("Ủy ban nhân dân tỉnh").slug == "ubnd-tinh"
    assert registry.find_unit("Phòng Hành chính Tổ chức").slug == "van-phong-ubnd-tinh-phong-hanh-chinh-to-chuc"
    assert registry.find_award("huân chương lao động hạng 3").slug == "huan-chuong-lao-dong-hang-ba"
    assert registry.find_unit("Phòng Không Có") is None


def test_suggestions(registry):
    assert registry.suggest_unit("Phòng Tông hợp") == "Phòng Tổng hợp"
    assert registry.suggest_unit("Sở Nôi vụ") == "Sở Nội vụ"
    assert registry.suggest_award("Bằng khen của Thủ tuớng Chính phủ") == "Bằng khen của Thủ tướng Chính phủ"
    assert registry.suggest_unit("Câu lạc bộ bóng đá") is None


def test_valid_fixture():
    registry = Registry.load(FIXTURES / "valid")
    unit = registry.find_unit("Văn phòng HĐND và UBND tỉnh")
    assert unit.slug == "van-phong-ubnd-tinh"
    assert unit.former_names == ("Văn phòng Ủy ban tỉnh", "Văn phòng HĐND và UBND tỉnh")
    assert unit.former_slugs == ("van-phong-hdnd-va-ubnd-tinh",)


def load_problems(case):
    with pytest.raises(RegistryError) as caught:
        Registry.load(FIXTURES / case)
    return [(p.path.name, p.line, p.vietnamese, p.english) for p in caught.value.problems], str(caught.value)


@pytest.mark.parametrize(
    ("case", "file", "line", "words"),
    [
        ("duplicate-slug", "units.yml", 5, ['slug trùng "phong-tong-hop"', 'duplicate slug "phong-tong-hop"']),
        ("duplicate-alias", "units.yml", 3, ["bí danh trùng", "duplicate name or alias", "van-phong-ubnd-tinh"]),
        ("unknown-parent", "units.yml", 6, ['đơn vị cha không tồn tại "van-phong-tinh-uyy"', 'did you mean "van-phong-tinh-uy"']),
        ("cycle", "units.yml", 1, ["vòng lặp", "parent cycle", "a -> c -> b -> a"]),
        ("missing-name", "units.yml", 3, ['thiếu "name"', 'missing "name"']),
        ("yaml-syntax", "units.yml", 6, ["YAML sai cú pháp", "invalid YAML"]),
        ("not-a-list", "units.yml", 1, ["danh sách", "must be a list"]),
    ],
)
def test_each_error_names_file_and_line(case, file, line, words):
    problems, text = load_problems(case)
    assert len(problems) == 1, problems
    assert problems[0][:2] == (file, line)
    assert text.startswith(f"{FIXTURES / case / file}:{line}: error: ")
    for word in words:
        assert word in text


def test_all_problems_are_collected():
    problems, _ = load_problems("bad-award")
    assert [(f, n) for f, n, _, _ in problems] == [
        ("awards.yml", 6),  # unknown kind "badge"
        ("awards.yml", 10),  # precedence not an integer
        ("awards.yml", 11),  # unknown recipient kind
        ("awards.yml", 15),  # unknown key "aliase"
        ("awards.yml", 16),  # "Bằng khen Chủ tịch UBND tỉnh" is "Bằng khen của Chủ tịch UBND tỉnh"
    ]


def test_missing_registry_file(tmp_path):
    (tmp_path / "units.yml").write_text("[]\n", encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        Registry.load(tmp_path)
    assert caught.value.path == tmp_path / "awards.yml"
    assert "error: không tìm thấy tệp / file not found" in str(caught.value)
