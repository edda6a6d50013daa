"""`newsroom new` and `newsroom import`: articles that pass the checks, never a second copy."""

from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import markdown
import pytest
from conftest import ROOT, run_newsroom, soup_of
from PIL import Image

from bs4 import BeautifulSoup
from publish_support import newsroom_publish, published
from test_desk import desk  # noqa: F401  (the fixture: `newsroom serve` on a project copy)

from newsroom.checks.placeholder import PLACEHOLDER
from newsroom.core.rawimport import escape_markdown, is_caption, time_of_day
from newsroom.core.source import parse_markdown

# The raw seeds the hand-made articles were made from (a copy of the shared seeds, kept in the repo).
SEEDS = sorted((ROOT / "tests/fixtures/seeds").glob("*.txt"))
HAND_MADE = sorted((ROOT / "content/articles/2026/01").glob("*.md"))
FIGURE = re.compile(r'^!\[(?P<alt>.*)\]\((?P<src>\S+) "(?P<title>.*)"\)$')


def empty_content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copytree(ROOT / "content/registry", content / "registry")
    return content


def problem_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if ": error: " in line or ": warning: " in line]


def soup_of_text(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def blocks(path: Path) -> list[tuple[str, str]]:
    """("p", text) or ("figure", caption) for each block of an article's body."""
    result = []
    for block in parse_markdown(path).body.strip().split("\n\n"):
        match = FIGURE.match(block)
        result.append(("figure", match["title"]) if match else ("p", block))
    return result


# newsroom new


def test_new_writes_an_article_that_previews_at_once_and_publishes_once_written(project_copy):
    result = run_newsroom("new", "Hội nghị tổng kết công tác năm 2025", "--author", "Minh Hằng", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    now = datetime.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh"))
    url = f"tin-tuc/{now:%Y/%m}/hoi-nghi-tong-ket-cong-tac-nam-2025/"
    file_line, address_line = result.stdout.splitlines()
    path = project_copy / file_line
    assert path.relative_to(project_copy).as_posix() == f"content/articles/{now:%Y/%m}/hoi-nghi-tong-ket-cong-tac-nam-2025.md"
    assert address_line.endswith(f"http://127.0.0.1:8000/{url}") and "Địa chỉ trang" in address_line
    source = parse_markdown(path)
    assert source.get("title") == "Hội nghị tổng kết công tác năm 2025"
    assert source.get("author") == "Minh Hằng"
    assert "summary" in source.metadata
    date = datetime.datetime.fromisoformat(source.get("date"))
    assert date.utcoffset() == datetime.timedelta(hours=7) and abs((now - date).total_seconds()) < 120
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:00\+07:00", source.get("date"))
    # Fresh from `new` the article holds a placeholder: a warning at its line, and the page builds at once.
    relative = path.relative_to(project_copy).as_posix()
    placeholder_line = path.read_text(encoding="utf-8").split("\n").index(PLACEHOLDER) + 1
    check = run_newsroom("check", cwd=project_copy)
    assert check.returncode == 0, check.stdout
    mine = [line for line in problem_lines(check.stdout) if line.startswith(relative)]
    assert [line for line in mine if "giữ chỗ" in line] == [line for line in mine if line.startswith(f"{relative}:{placeholder_line}: warning: đoạn giữ chỗ")]
    assert len([line for line in mine if "giữ chỗ" in line]) == 1 and not [line for line in mine if ": error: " in line]
    build = run_newsroom("build", "--output", str(project_copy / "output"), cwd=project_copy)
    assert build.returncode == 0, build.stderr
    page = soup_of(project_copy / "output" / url / "index.html")
    assert page.h1.get_text(strip=True) == "Hội nghị tổng kết công tác năm 2025"
    body = page.select_one(".article__body")
    assert body.find("img") is None and "Mô tả ảnh" not in body.get_text()  # the example stays a comment
    # Publishing refuses while the placeholder is there, naming the file and line.
    web_root = project_copy.parent / f"{project_copy.name}-www"
    refused = newsroom_publish(project_copy, str(web_root))
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert f"{relative}:{placeholder_line}: warning: đoạn giữ chỗ" in refused.stderr and "placeholder" in refused.stderr
    assert not web_root.exists() and not (project_copy / "publish-log.jsonl").exists()
    # Written, it publishes.
    written = path.read_text(encoding="utf-8").replace(PLACEHOLDER, "Văn phòng Tỉnh ủy tổ chức hội nghị.")
    path.write_text(written.replace("Summary:", "Summary: Hội nghị tổng kết.", 1), encoding="utf-8")
    check = run_newsroom("check", cwd=project_copy)
    assert check.returncode == 0 and not [line for line in problem_lines(check.stdout) if line.startswith(relative)]
    published(project_copy, str(web_root))
    assert "Văn phòng Tỉnh ủy tổ chức hội nghị." in soup_of(web_root / url / "index.html").select_one(".article__body").get_text()


def test_new_never_overwrites(tmp_path):
    content = empty_content(tmp_path)
    first = run_newsroom("new", "Tin thử", "--content", str(content))
    path = Path(first.stdout.splitlines()[0])
    path.write_text(path.read_text(encoding="utf-8") + "\nĐoạn đã viết.\n", encoding="utf-8")
    before = path.read_bytes()
    again = run_newsroom("new", "Tin thử", "--content", str(content))
    assert again.returncode == 1
    assert "không ghi đè" in again.stderr and "--slug tin-thu-2" in again.stderr
    assert path.read_bytes() == before
    suffixed = run_newsroom("new", "Tin thử", "--slug", "tin-thu-2", "--content", str(content))
    assert suffixed.returncode == 0 and suffixed.stdout.splitlines()[0].endswith("tin-thu-2.md")
    second = Path(suffixed.stdout.splitlines()[0])
    second.write_text(second.read_text(encoding="utf-8") + "\nĐoạn thứ hai.\n", encoding="utf-8")
    assert run_newsroom("check", "--content", str(content)).returncode == 0


def test_new_author_from_environment_or_default(tmp_path, monkeypatch):
    content = empty_content(tmp_path)
    monkeypatch.setenv("NEWSROOM_AUTHOR", "Đinh Vũ")
    path = Path(run_newsroom("new", "Một", "--content", str(content)).stdout.splitlines()[0])
    assert parse_markdown(path).get("author") == "Đinh Vũ"
    monkeypatch.delenv("NEWSROOM_AUTHOR")
    path = Path(run_newsroom("new", "Hai", "--content", str(content)).stdout.splitlines()[0])
    assert parse_markdown(path).get("author") == "Ban biên tập"


# newsroom import


def test_import_into_empty_content_leaves_only_missing_photos(tmp_path):
    content = empty_content(tmp_path)
    result = run_newsroom("import", "--content", str(content), *map(str, SEEDS))
    assert result.returncode == 0, result.stderr
    written = [Path(line) for line in result.stdout.splitlines()]
    assert sorted(p.name for p in written) == sorted(p.name for p in HAND_MADE)
    check = run_newsroom("check", "--content", str(content))
    lines = [line for line in problem_lines(check.stdout) if "/articles/" in line]
    figures = sum(kind == "figure" for path in HAND_MADE for kind, _ in blocks(path))
    assert len(lines) == figures == 12
    assert [line for line in problem_lines(check.stdout) if "/articles/" not in line] == [
        line for line in problem_lines(check.stdout) if "portal.yml:1: warning:" in line], "a new folder lacks only its portal.yml"
    assert all(": error: ảnh chưa có: " in line and " / photo missing: " in line for line in lines), lines
    assert check.returncode == 1


def test_import_reproduces_the_hand_made_articles(tmp_path):
    content = empty_content(tmp_path)
    run_newsroom("import", "--content", str(content), *map(str, SEEDS), check=True)
    for hand_made in HAND_MADE:
        imported = content / "articles/2026/01" / hand_made.name
        assert blocks(imported) == blocks(hand_made)
        for key in ("title", "date", "author"):
            assert parse_markdown(imported).get(key) == parse_markdown(hand_made).get(key)


def test_import_twice_makes_one_article(tmp_path):
    content = empty_content(tmp_path)
    run_newsroom("import", "--content", str(content), *map(str, SEEDS), check=True)
    before = {p: p.read_bytes() for p in (content / "articles").rglob("*.md")}
    again = run_newsroom("import", "--content", str(content), *map(str, SEEDS))
    assert again.returncode == 0
    assert again.stdout.count("đã nhập / already imported: ") == len(SEEDS)
    assert {p: p.read_bytes() for p in (content / "articles").rglob("*.md")} == before


def test_same_title_another_day_gets_its_own_slug(tmp_path):
    content = empty_content(tmp_path)
    seed = SEEDS[-1].read_text(encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(seed.replace("2026-01-28", "2026-02-04", 1), encoding="utf-8")
    run_newsroom("import", "--content", str(content), str(SEEDS[-1]), str(other), check=True)
    second = content / "articles/2026/02/van-phong-tinh-uy-trien-khai-nhiem-vu-nam-2026-2.md"
    assert parse_markdown(second).get("slug") == "van-phong-tinh-uy-trien-khai-nhiem-vu-nam-2026-2"
    check = run_newsroom("check", "--content", str(content))
    assert "trùng" not in check.stdout


def test_import_refuses_bad_files_without_traceback(tmp_path):
    content = empty_content(tmp_path)
    no_date = tmp_path / "no-date.txt"
    no_date.write_text("Tiêu đề không có ngày\n\nĐoạn một.\n\nTác Giả\n", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_newsroom("import", "--content", str(content), str(no_date), str(binary), str(empty), str(SEEDS[0]))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{no_date}:1: lỗi:" in result.stderr and "date YYYY-MM-DD" in result.stderr
    assert f"{binary}:1: error: tệp nhị phân" in result.stderr
    assert f"{empty}:1: error: tệp rỗng" in result.stderr
    assert len(result.stdout.splitlines()) == 1  # the good seed was still imported


def test_imported_site_builds_and_matches_the_hand_made_pages(project_copy, site):
    content = project_copy / "content"
    shutil.rmtree(content / "articles")
    shutil.rmtree(content / "images")
    (content / "articles").mkdir()
    run_newsroom("import", "--content", str(content), *map(str, SEEDS), check=True)
    for number, article in enumerate(sorted((content / "articles").rglob("*.md"))):
        text = article.read_text(encoding="utf-8")
        count = text.count("ANH-CHUA-CO.jpg")
        for index in range(count):  # an editor puts each photo in place
            name = f"images/2026/01/anh-{number}-{index}.jpg"
            (content / name).parent.mkdir(parents=True, exist_ok=True)
            Image.new("RGB", (8, 6), "gray").save(content / name)
            text = text.replace("ANH-CHUA-CO.jpg", "{static}/" + name, 1)
        article.write_text(text, encoding="utf-8")
    assert run_newsroom("check", "--content", str(content)).returncode == 0
    build = run_newsroom("build", "--output", str(project_copy / "output"), cwd=project_copy)
    assert build.returncode == 0, build.stderr
    for hand_made in HAND_MADE:
        url = f"tin-tuc/2026/01/{hand_made.stem}/index.html"
        ours, theirs = soup_of(project_copy / "output" / url), soup_of(site / url)
        for selector in (".article__body p", ".article__body figcaption", "time"):
            assert theirs.select(selector), selector
            assert [e.get_text() for e in ours.select(selector)] == [e.get_text() for e in theirs.select(selector)], selector
        assert ours.select_one("time")["datetime"] == theirs.select_one("time")["datetime"]


# the conversion rules


@pytest.mark.parametrize("lead, time", [
    ("Chiều 21/1, Văn phòng UBND tỉnh tổ chức hội nghị.", "14:00"),
    ("Sáng nay (5/2), Sở Y tế họp.", "08:00"),
    ("Trưa 3/2, đoàn công tác đến.", "11:30"),
    ("Tối ngày 3/2, chương trình diễn ra.", "19:30"),
    ("Ngày 21/1, Văn phòng Tỉnh ủy tổ chức hội nghị.", "08:00"),
    ("Sáng tạo là động lực phát triển.", "08:00"),
])
def test_time_of_day_from_the_lead(lead, time):
    assert time_of_day(lead) == time


@pytest.mark.parametrize("text, index, caption", [
    ("Toàn cảnh hội nghị.", 1, True),
    ("Toàn cảnh hội nghị.", 0, False),  # the lead
    ("Năm 2025, Văn phòng đã hoàn thành. Năm 2026 tiếp tục.", 2, False),
    ("Trao Bằng khen cho phòng Tổng hợp; trao Giấy khen cho 5 cá nhân.", 2, False),
    ("Lãnh đạo Văn phòng đã trao Bằng khen.", 2, False),
    ("Chiều 28/1, Văn phòng tổ chức hội nghị.", 2, False),
    ("Đại biểu " * 30, 2, False),  # longer than 200 characters
])
def test_caption_rule(text, index, caption):
    assert is_caption(text, index) is caption


@pytest.mark.parametrize("text", [
    "1. Mở đầu bằng số thứ tự",
    "- Gạch đầu dòng",
    "# Dấu thăng",
    "> Trích dẫn",
    "Giá 5 * 3 = 15, tên_tệp_ảnh, [1] và <b>thẻ</b> & `mã`",
    "Đường dẫn C:\\thu-muc\\tep",
])
def test_paragraphs_render_exactly_as_written(text):
    html = markdown.markdown(escape_markdown(text), extensions=["extra"])
    assert html.startswith("<p>") and html.endswith("</p>")
    assert html[3:-4].replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == text


def test_new_prints_an_address_the_running_preview_serves_with_its_title(desk):
    from urllib.parse import urlsplit

    from test_desk import fetch, wait_for

    base, project, _article = desk
    result = run_newsroom("new", "Lễ ra mắt cổng thông tin điện tử", cwd=project)
    assert result.returncode == 0, result.stderr
    address = result.stdout.splitlines()[1].rsplit(" ", 1)[-1]
    assert address.startswith("http://127.0.0.1:8000/tin-tuc/") and address.endswith("/le-ra-mat-cong-thong-tin-dien-tu/")
    page = wait_for(lambda: fetch(base + urlsplit(address).path))
    assert soup_of_text(page).h1.get_text(strip=True) == "Lễ ra mắt cổng thông tin điện tử"
