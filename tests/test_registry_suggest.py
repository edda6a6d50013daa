"""`newsroom registry suggest`: organisations the articles name that the registry lacks, and `--add`."""

import json
import shutil
from pathlib import Path

from tests.conftest import ROOT, run_newsroom

from newsroom.core.registry import Registry

ARTICLE = """Title: {title}
Date: 2026-03-{day:02d}T08:00
Author: Biên tập

{body}
"""


def content_folder(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "registry", content / "registry")
    articles = content / "articles" / "2026" / "03"
    articles.mkdir(parents=True)
    bodies = [
        ("Trường THPT Hùng Vương đón nhận Huân chương", "Chủ tịch UBND tỉnh trao Huân chương Lao động hạng Ba cho "
         "Trường THPT Hùng Vương. Phòng Công tác xã hội, Sở Y tế báo cáo."),
        ("Hội nghị ngành y tế", "Trường THPT Hùng Vương và Trung tâm Y tế huyện Cẩm Khê ký kết phối hợp."),
        ("Tổng kết năm", "Văn phòng Tỉnh ủy tổ chức hội nghị tổng kết."),
    ]
    for day, (title, body) in enumerate(bodies, start=1):
        (articles / f"bai-{day}.md").write_text(ARTICLE.format(title=title, day=day, body=body), encoding="utf-8")
    return content


def suggest(content: Path, *extra: str):
    return run_newsroom("registry", "suggest", "--content", str(content), *extra)


def test_lists_every_unregistered_organisation_with_its_articles(tmp_path):
    content = content_folder(tmp_path)
    result = suggest(content, "--json")
    assert result.returncode == 0, result.stderr
    found = {item["name"]: item for item in json.loads(result.stdout)}
    assert set(found) == {"Trường THPT Hùng Vương", "Trung tâm Y tế huyện Cẩm Khê", "Phòng Công tác xã hội"}
    school = found["Trường THPT Hùng Vương"]
    assert school["count"] == 2 and school["slug"] == "truong-thpt-hung-vuong"
    assert school["articles"] == ["articles/2026/03/bai-1.md", "articles/2026/03/bai-2.md"]
    assert found["Phòng Công tác xã hội"]["parent"] == "so-y-te"  # "Phòng …, Sở Y tế"
    listing = suggest(content)
    assert "Trường THPT Hùng Vương  (2 bài / articles)" in listing.stdout
    assert "3 đơn vị chưa có trong danh mục" in listing.stdout


def test_add_appends_valid_entries_and_keeps_the_file(tmp_path):
    content = content_folder(tmp_path)
    units = content / "registry" / "units.yml"
    before = units.read_text(encoding="utf-8")
    result = suggest(content, "--add", "Trường THPT Hùng Vương", "phòng công tác xã hội")
    assert result.returncode == 0, result.stderr
    after = units.read_text(encoding="utf-8")
    assert after.startswith(before)  # comments and order untouched: entries go at the end
    registry = Registry.load(content / "registry")
    assert registry.units["truong-thpt-hung-vuong"].name == "Trường THPT Hùng Vương"
    assert registry.units["phong-cong-tac-xa-hoi"].parent == "so-y-te"
    check = run_newsroom("check", "--content", str(content))
    assert check.returncode == 0, check.stdout + check.stderr
    assert f"{units}:" not in check.stdout  # no problem in the registry file itself
    assert "Trường THPT Hùng Vương" not in check.stdout and "Trung tâm Y tế huyện Cẩm Khê" in check.stdout
    again = json.loads(suggest(content, "--json").stdout)
    assert [item["name"] for item in again] == ["Trung tâm Y tế huyện Cẩm Khê"]


def test_add_refuses_a_name_not_suggested(tmp_path):
    content = content_folder(tmp_path)
    units = content / "registry" / "units.yml"
    before = units.read_text(encoding="utf-8")
    result = suggest(content, "--add", "Sở Không Có Thật")
    assert result.returncode == 1
    assert "không có trong danh sách gợi ý / error:" in result.stderr and "Traceback" not in result.stderr
    assert units.read_text(encoding="utf-8") == before


SLIPS = ("Sáng 30/3, Sở Nôi vụ phối hợp với Văn phòng Tỉnh ủy tổ chức hội nghị.\n\n"
         "Đại biểu HĐND tình dự hội nghị.\n\n"
         "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh báo cáo tiến độ.")


def test_misspelt_registered_names_get_did_you_mean_and_are_never_suggested(tmp_path):
    content = content_folder(tmp_path)
    article = content / "articles/2026/03/bai-4.md"
    article.write_text(ARTICLE.format(title="Hội nghị phối hợp", day=4, body=SLIPS), encoding="utf-8")
    check = run_newsroom("check", "--content", str(content))
    assert check.returncode == 0, check.stdout + check.stderr
    lines = check.stdout.splitlines()
    for line, written, registered in ((5, "Sở Nôi vụ", "Sở Nội vụ"), (7, "HĐND tình", "HĐND tỉnh")):
        said = [text for text in lines if text.startswith(f"{article}:{line}: warning:") and f'"{written}"' in text]
        assert len(said) == 1, lines
        assert f'Có phải "{registered}"?' in said[0] and f'/ Did you mean "{registered}"?' in said[0]
        assert said[0].index("Có phải") < said[0].index("Did you mean"), "Vietnamese first"
        assert "units.yml" not in said[0], "a misspelling is not a new organisation to register"
    found = [item["name"] for item in json.loads(suggest(content, "--json").stdout)]
    assert not any("Nôi" in name or "tình" in name for name in found), found
    assert not [name for name in found if name.split()[-1] in ("đầu", "dụng")], f"names cut mid-phrase: {found}"
    assert "Trường THPT Hùng Vương" in found, "whole unregistered names are still offered"


def test_added_units_carry_nothing_the_site_shows(tmp_path):
    content = content_folder(tmp_path)
    units = content / "registry" / "units.yml"
    assert suggest(content, "--add", "Trường THPT Hùng Vương").returncode == 0
    added = units.read_text(encoding="utf-8").split("slug: truong-thpt-hung-vuong")[1]
    assert "registry suggest" not in added and "description" not in added, added
    assert "# Thêm bằng `newsroom registry suggest`" in units.read_text(encoding="utf-8"), "the tool's note is a comment"
    unit = Registry.load(content / "registry").units["truong-thpt-hung-vuong"]
    assert not unit.description


def test_a_name_cut_mid_phrase_is_recognised_as_cut():
    from newsroom.commands.registry import cut_mid_phrase

    text = ("Ban Quản lý dự án đầu tư xây dựng tỉnh báo cáo. Trung tâm dân dụng và công nghiệp họp. "
            "Sở Nội vụ và Sở Y tế ký kết. Trường THPT Hùng Vương tuyên dương học sinh.")
    assert cut_mid_phrase("Ban Quản lý dự án đầu", text), "cut before “tư”"
    assert cut_mid_phrase("Trung tâm dân dụng", text), "cut before “và” + more of the phrase"
    assert not cut_mid_phrase("Sở Nội vụ", text), "“và” before another name ends this one"
    assert not cut_mid_phrase("Trường THPT Hùng Vương", text), "a proper name ends at its last capital"
