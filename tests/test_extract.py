"""`newsroom extract`: JSON and listing output, Markdown and raw input, errors on stderr."""

import json
import shutil
from pathlib import Path


from newsroom.cli import main
from newsroom.core.markdown_text import markdown_to_text

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).parent / "fixtures" / "seeds"
CONTENT = ROOT / "content"


def extract(capsys, *args):
    code = main(["extract", "--content", str(CONTENT), *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def extract_json(capsys, *files):
    code, out, err = extract(capsys, "--json", *files)
    assert code == 0, err
    return json.loads(out)


def test_seed_000_json(capsys):
    [result] = extract_json(capsys, SEEDS / "000_18a16725d093f9c8.txt")
    assert result["file"] == str(SEEDS / "000_18a16725d093f9c8.txt")
    units = {(u["name"], u["parent"]) for u in result["units"]}
    assert {
        ("Văn phòng UBND tỉnh", "UBND tỉnh"),
        ("Phòng Văn hóa - Xã hội", "Văn phòng UBND tỉnh"),
        ("Phòng Hành chính - Tổ chức", "Văn phòng UBND tỉnh"),
    } <= units
    assert units - {("UBND tỉnh", None), ("Tỉnh ủy", None), ("Đảng ủy UBND tỉnh", "Tỉnh ủy")} == {
        ("Văn phòng UBND tỉnh", "UBND tỉnh"),
        ("Phòng Văn hóa - Xã hội", "Văn phòng UBND tỉnh"),
        ("Phòng Hành chính - Tổ chức", "Văn phòng UBND tỉnh"),
    }
    assert [a["name"] for a in result["awards"]] == [
        "Huân chương Lao động hạng Ba", "Bằng khen của Thủ tướng Chính phủ", "Bằng khen của Chủ tịch UBND tỉnh",
    ]
    assert {"name": "Huân chương Lao động hạng Ba", "slug": "huan-chuong-lao-dong-hang-ba", "kind": "order", "registered": True} in result["awards"]
    assert {"award": "Huân chương Lao động hạng Ba", "recipient": "Nguyễn Thị Minh", "unit": "Phòng Hành chính - Tổ chức",
            "count": None, "status": "conferred", "recipient_kind": "person", "decision": None, "uncertain": None} in result["honours"]
    assert result["unregistered"] == []


def test_seed_002_json(capsys):
    [result] = extract_json(capsys, SEEDS / "002_f319973ca7bfc76d.txt")
    assert [a["name"] for a in result["awards"]] == [
        "Bằng khen của Thủ tướng Chính phủ", "Tập thể Lao động xuất sắc", "Bằng khen của Chủ tịch UBND tỉnh",
        "Chiến sĩ thi đua cấp tỉnh", "Giấy khen", "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến",
    ]
    departments = [u for u in result["units"] if u["name"].startswith("Phòng")]
    assert departments == [
        {"name": "Phòng Tổng hợp", "slug": "van-phong-tinh-uy-phong-tong-hop", "parent": "Văn phòng Tỉnh ủy", "registered": True},
        {"name": "Phòng Chuyển đổi số - Cơ yếu", "slug": "van-phong-tinh-uy-phong-chuyen-doi-so-co-yeu", "parent": "Văn phòng Tỉnh ủy", "registered": True},
        {"name": "Phòng Quản trị", "slug": "van-phong-tinh-uy-phong-quan-tri", "parent": "Văn phòng Tỉnh ủy", "registered": True},
    ]
    assert result["honours"] == [
        {"award": "Bằng khen của Thủ tướng Chính phủ", "recipient": "cá nhân", "unit": "Văn phòng Tỉnh ủy", "count": 2, "status": "conferred", "recipient_kind": "individuals", "decision": None, "uncertain": None},
        {"award": "Tập thể Lao động xuất sắc", "recipient": "Phòng Tổng hợp", "unit": "Phòng Tổng hợp", "count": None, "status": "conferred", "recipient_kind": "unit", "decision": None, "uncertain": None},
        {"award": "Bằng khen của Chủ tịch UBND tỉnh", "recipient": "Phòng Chuyển đổi số - Cơ yếu", "unit": "Phòng Chuyển đổi số - Cơ yếu", "count": None, "status": "conferred", "recipient_kind": "unit", "decision": None, "uncertain": None},
        {"award": "Bằng khen của Chủ tịch UBND tỉnh", "recipient": "Phòng Quản trị", "unit": "Phòng Quản trị", "count": None, "status": "conferred", "recipient_kind": "unit", "decision": None, "uncertain": None},
        {"award": "Chiến sĩ thi đua cấp tỉnh", "recipient": "đồng chí", "unit": None, "count": 1, "status": "conferred", "recipient_kind": "individuals", "decision": None, "uncertain": None},
        {"award": "Bằng khen của Chủ tịch UBND tỉnh", "recipient": "cá nhân", "unit": None, "count": 9, "status": "conferred", "recipient_kind": "individuals", "decision": None, "uncertain": None},
        {"award": "Giấy khen", "recipient": "cá nhân", "unit": None, "count": 26, "status": "conferred", "recipient_kind": "individuals", "decision": None, "uncertain": None},
        {"award": "Chiến sĩ thi đua cơ sở", "recipient": "đồng chí", "unit": None, "count": 58, "status": "conferred", "recipient_kind": "individuals", "decision": None, "uncertain": None},
        {"award": "Lao động tiên tiến", "recipient": "đồng chí", "unit": None, "count": 108, "status": "conferred", "recipient_kind": "individuals", "decision": None, "uncertain": None},
    ]


def test_listing(capsys):
    code, out, err = extract(capsys, SEEDS / "002_f319973ca7bfc76d.txt")
    assert code == 0 and err == ""
    assert "Đơn vị / Units:" in out
    assert "    - Phòng Tổng hợp, Văn phòng Tỉnh ủy (van-phong-tinh-uy-phong-tong-hop)" in out
    assert "    - Giấy khen → 26 cá nhân" in out
    assert "    - Bằng khen của Thủ tướng Chính phủ → 2 cá nhân (Văn phòng Tỉnh ủy)" in out


MARKDOWN = """Title: Văn phòng Tỉnh ủy tổng kết công tác thi đua
Date: 2026-01-30
Units: Sở Văn hóa, Thể thao và Du lịch, Phòng Không Tồn Tại
Awards: Huân chương Lao động hạng Nhì
Exclude: Sở Y tế

Chiều 30/1, **Văn phòng Tỉnh ủy** tổ chức hội nghị; lãnh đạo *Sở Y tế* dự.

![Trao thưởng](/images/2026/01/a.jpg "Chánh Văn phòng Tỉnh ủy trao Giấy khen cho phòng Quản trị.")

Hội nghị trao Giấy khen cho phòng Quản trị.
"""


def test_markdown_article(tmp_path, capsys):
    article = tmp_path / "bai.md"
    article.write_text(MARKDOWN, encoding="utf-8")
    [result] = extract_json(capsys, article)
    assert [u["slug"] for u in result["units"]] == [
        "van-phong-tinh-uy", "van-phong-tinh-uy-phong-quan-tri", "so-van-hoa-the-thao-va-du-lich",
    ]
    assert [a["slug"] for a in result["awards"]] == ["giay-khen", "huan-chuong-lao-dong-hang-nhi"]
    assert result["honours"] == [{"award": "Giấy khen", "recipient": "Phòng Quản trị", "unit": "Phòng Quản trị", "count": None, "status": "conferred", "recipient_kind": "unit", "decision": None, "uncertain": None}]
    code, out, _ = extract(capsys, article)
    assert "Phòng Không Tồn Tại" in out and "Unknown metadata" in out


def test_raw_text_without_date_line(tmp_path, capsys):
    article = tmp_path / "bai.txt"
    article.write_text("Sở Nội vụ tổng kết năm\n\nGiám đốc Sở Nội vụ trao Giấy khen cho 12 cá nhân.\n\nHà An\n", encoding="utf-8")
    [result] = extract_json(capsys, article)
    assert [u["slug"] for u in result["units"]] == ["so-noi-vu"]
    assert result["honours"] == [{"award": "Giấy khen", "recipient": "cá nhân", "unit": None, "count": 12, "status": "conferred", "recipient_kind": "individuals", "decision": None, "uncertain": None}]


def test_missing_and_binary_files(tmp_path, capsys):
    binary = tmp_path / "anh.jpg"
    binary.write_bytes(b"\xff\xd8\x00\x01")
    code, out, err = extract(capsys, "--json", tmp_path / "khong-co.txt", binary, SEEDS / "000_18a16725d093f9c8.txt")
    assert code == 1
    assert f"{tmp_path / 'khong-co.txt'}:1: error: không tìm thấy tệp / file not found" in err
    assert f"{binary}:1: error: tệp nhị phân" in err and "/ binary file" in err
    assert len(json.loads(out)) == 1  # the good file is still reported


def test_invalid_registry(tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(CONTENT / "registry", content / "registry")
    units = content / "registry" / "units.yml"
    units.write_text(units.read_text(encoding="utf-8") + "\n- slug: tinh-uy\n  name: Tỉnh ủy mới\n", encoding="utf-8")
    line = units.read_text(encoding="utf-8").splitlines().index("- slug: tinh-uy", 20) + 1
    code = main(["extract", "--content", str(content), str(SEEDS / "000_18a16725d093f9c8.txt")])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.startswith(f'{units}:{line}: error: slug trùng "tinh-uy"')
    assert '/ duplicate slug "tinh-uy"' in err


def test_markdown_to_text():
    text = markdown_to_text(
        "Chiều 21/1, **Văn phòng UBND tỉnh**\ntổ chức hội nghị, *lần* 2.\n\n"
        '![Ảnh](/a.jpg "Toàn cảnh hội nghị.")\n\n- Mục một\n- Mục hai\n\n## Tiêu đề\n'
    )
    assert text.split("\n\n") == [
        "Chiều 21/1, Văn phòng UBND tỉnh tổ chức hội nghị, lần 2.",
        "Toàn cảnh hội nghị.",
        "Mục một",
        "Mục hai",
        "Tiêu đề",
    ]
