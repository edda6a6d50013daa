"""The editors' desk in `newsroom serve`: every way of saving reaches every page, and the open page shows
what the editor needs to know (warnings, errors, what the article adds to the portal)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ARTICLE_PAGE = "/tin-tuc/2026/01/van-phong-tinh-uy-trien-khai-nhiem-vu-nam-2026/"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float = 120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError("timed out")


@pytest.fixture
def desk(project_copy):
    """`newsroom serve` on a copy of the project: (address, project folder, the article's source)."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "newsroom.cli", "serve", "--port", str(port)], cwd=project_copy,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(lambda: fetch(base + "/"))
        article = next((project_copy / "content/articles").rglob("van-phong-tinh-uy-*.md"))
        yield base, project_copy, article
    finally:
        process.terminate()
        process.wait(timeout=10)


def with_summary(text: str, summary: str) -> str:
    return re.sub(r"^Summary: .*$", f"Summary: {summary}", text, count=1, flags=re.MULTILINE)


def save_in_place(path: Path, text: str) -> None:
    """What most editors do: the same file opened, truncated and written."""
    with open(path, "r+", encoding="utf-8") as file:
        file.seek(0)
        file.write(text)
        file.truncate()


def save_by_rename(path: Path, text: str) -> None:
    """What careful programs do: a new file written beside it, renamed over the old one."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def save_like_vim(path: Path, text: str) -> None:
    """Vim's default save: a probe file, the old file renamed to a backup, the new one written, the backup gone."""
    probe = path.with_name("4913")
    probe.write_text("", encoding="utf-8")
    probe.unlink()
    backup = path.with_name(path.name + "~")
    os.rename(path, backup)
    path.write_text(text, encoding="utf-8")
    backup.unlink()


@pytest.mark.browser
@pytest.mark.parametrize("save", [save_in_place, save_by_rename, save_like_vim], ids=["in-place", "rename", "vim"])
def test_a_saved_summary_reaches_the_open_home_page_within_two_seconds(desk, browser, save):
    base, _, article = desk
    tab = browser.new_page()
    try:
        tab.goto(base + "/")
        tab.get_by_text("Văn phòng Tỉnh ủy tổng kết công tác năm 2025").first.wait_for()
        save(article, with_summary(article.read_text(encoding="utf-8"), "Tóm tắt vừa sửa, đọc được ngay trên trang chủ."))
        tab.get_by_text("Tóm tắt vừa sửa, đọc được ngay trên trang chủ.").first.wait_for(timeout=2000)
    finally:
        tab.close()


def test_an_in_place_save_reaches_lists_feeds_and_search(desk):
    base, project, article = desk
    text = article.read_text(encoding="utf-8")
    save_in_place(article, with_summary(text, "Tóm tắt mới cho danh sách tháng.") + "\nĐoạn thêm có từ ngựavằn.\n")
    wait_for(lambda: "Tóm tắt mới cho danh sách tháng." in fetch(base + "/tin-tuc/2026/01/"))
    wait_for(lambda: fetch(base + "/__newsroom/status") == "idle")
    assert "Tóm tắt mới cho danh sách tháng." in fetch(base + "/feeds/all.atom.xml")
    assert "Tóm tắt mới cho danh sách tháng." in fetch(base + "/don-vi/van-phong-tinh-uy/")
    texts = list((project / "output/pagefind/texts").glob("*.txt"))
    assert any("ngựavằn" in path.read_text(encoding="utf-8") for path in texts), "the search index has the new words"


def test_editor_leftovers_are_neither_published_nor_errors(project_copy):
    from conftest import run_newsroom

    folder = next((project_copy / "content/articles").rglob("van-phong-tinh-uy-*.md")).parent
    for name in ("van-phong-tinh-uy-trien-khai-nhiem-vu-nam-2026.md~", "#bai.md#", "4913"):
        (folder / name).write_text("Title: bản sao\n", encoding="utf-8")
    result = run_newsroom("check", cwd=project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    (folder / "ghi-chu.txt").write_text("ghi chú", encoding="utf-8")
    result = run_newsroom("check", cwd=project_copy)
    assert result.returncode == 1 and "ghi-chu.txt:1: error:" in result.stdout, "any other file is still an error"


def without_first_caption(text: str) -> tuple[str, int]:
    """The article with its first photo's caption taken away, and that photo's line."""
    lines = text.split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith("![") and '"' in line.rsplit("(", 1)[1])
    lines[number] = re.sub(r'\s+"[^"]*"\)$', ")", lines[number])
    return "\n".join(lines), number + 1


@pytest.mark.browser
def test_a_photo_without_caption_is_a_warning_in_the_open_page_which_is_still_shown(desk, browser):
    base, project, article = desk
    good = article.read_text(encoding="utf-8")
    tab = browser.new_page()
    try:
        tab.goto(base + ARTICLE_PAGE)
        assert tab.locator("aside.newsroom-desk .desk-messages").count() == 0, "no messages while the content is clean"
        broken, line = without_first_caption(good)
        save_in_place(article, broken)
        warning = tab.locator("aside.newsroom-desk ul.build-warnings li")
        warning.first.wait_for(timeout=60000)
        text = warning.first.inner_text()
        relative = article.relative_to(project).as_posix()
        assert text.startswith(f"{relative}, dòng {line}"), text
        assert text.index("ảnh thiếu chú thích") < text.index("the photo has no caption"), "Vietnamese first"
        assert "error:" not in text and "warning:" not in text, "no English prefix"
        assert tab.locator("h1").inner_text() == "Văn phòng Tỉnh ủy triển khai nhiệm vụ năm 2026", "the page is shown"
        # In the portal's typography: the page's own font, never a monospace block.
        fonts = tab.evaluate("""() => [getComputedStyle(document.querySelector('aside.newsroom-desk li')).fontFamily,
                                         getComputedStyle(document.body).fontFamily]""")
        assert fonts[0] == fonts[1] and "mono" not in fonts[0].lower(), fonts
        panel = tab.locator("aside.newsroom-desk").bounding_box()
        title = tab.locator("h1").bounding_box()
        assert panel["y"] + panel["height"] <= title["y"], "the panel pushes the page down, it does not cover it"
        save_in_place(article, good)
        warning.first.wait_for(state="detached", timeout=60000)
        assert tab.locator("aside.newsroom-desk .desk-messages").count() == 0, "the panel goes when the content is clean"
    finally:
        tab.close()


@pytest.mark.browser
def test_the_panel_shows_what_the_article_adds_and_follows_the_honours_line(desk, browser):
    base, _, article = desk
    tab = browser.new_page()
    try:
        tab.goto(base + ARTICLE_PAGE)
        adds = tab.locator("aside.newsroom-desk details.desk-adds")
        adds.locator("summary").click()
        assert "Văn phòng Tỉnh ủy" in adds.locator("h3:text('Đơn vị') + ul").inner_text()
        honour = adds.locator("ol.desk-honours li:has(> strong:text-is('Phòng Tổng hợp'))")
        text = honour.inner_text()
        assert "Tập thể Lao động xuất sắc" in text and "tặng" in text
        assert "trao danh hiệu Tập thể Lao động xuất sắc cho phòng Tổng hợp" in honour.locator("blockquote").inner_text()

        head, body = article.read_text(encoding="utf-8").split("\n\n", 1)
        save_in_place(article, f"{head}\nHonours: - Tập thể Lao động xuất sắc – Phòng Tổng hợp; "
                               f"+ Huân chương Lao động hạng Ba – Nguyễn Văn An (đề nghị)\n\n{body}")
        added = tab.locator("aside.newsroom-desk ol.desk-honours li:has(> strong:text-is('Nguyễn Văn An'))")
        added.wait_for(timeout=60000)
        assert "Huân chương Lao động hạng Ba" in added.inner_text() and "đề nghị" in added.inner_text()
        removed = tab.locator("aside.newsroom-desk ol.desk-honours li.desk-removed:has(del strong:text-is('Phòng Tổng hợp'))")
        assert "không đăng" in removed.inner_text()
        kept = tab.locator("aside.newsroom-desk ol.desk-honours li:not(.desk-removed) > strong:text-is('Phòng Tổng hợp')")
        assert kept.count() == 0, "a removed honour is shown struck through only"
    finally:
        tab.close()


def test_the_built_site_has_no_panel(project_copy):
    from conftest import run_newsroom

    article = next((project_copy / "content/articles").rglob("van-phong-tinh-uy-*.md"))
    broken, _ = without_first_caption(article.read_text(encoding="utf-8"))
    article.write_text(broken, encoding="utf-8")  # a warning: serve would show the panel
    run_newsroom("build", "--output", str(project_copy / "out"), cwd=project_copy, check=True)
    pages = list((project_copy / "out").rglob("*.html"))
    assert pages and not [p for p in pages if "newsroom-desk" in p.read_text(encoding="utf-8")]


def test_a_new_article_in_a_new_month_folder_is_served_with_its_title(desk):
    from conftest import run_newsroom

    base, project, _ = desk
    created = run_newsroom("new", "Bài mới xem trước ngay", cwd=project, check=True)
    path = re.search(r"http://[^/\s]+(/tin-tuc/\S+/)", created.stdout)[1]
    assert (project / "content/articles").rglob("bai-moi-xem-truoc-ngay.md"), created.stdout
    page = wait_for(lambda: (lambda text: "Bài mới xem trước ngay" in text and text)(fetch(base + path)))
    assert "<h1" in page
