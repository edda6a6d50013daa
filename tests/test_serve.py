"""`newsroom serve`: serves the built site, rebuilds after a save, and tells open pages to reload."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest


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
        time.sleep(0.2)
    raise AssertionError("timed out")


@pytest.fixture
def server(project_copy):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "newsroom.cli", "serve", "--port", str(port)],
        cwd=project_copy,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(lambda: fetch(base + "/"))
        yield base, project_copy
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serves_both_seed_articles(server):
    base, _ = server
    home = fetch(base + "/")
    assert "Văn phòng Tỉnh ủy triển khai nhiệm vụ năm 2026" in home
    assert "Nâng cao chất lượng tham mưu" in home


def test_rebuilds_after_a_save_and_reloads_open_pages(server):
    base, project = server
    build_id = fetch(base + "/__newsroom/build-id")
    assert "/__newsroom/build-id" in fetch(base + "/"), "served pages carry the reload script"
    article = next((project / "content/articles").rglob("van-phong-tinh-uy-*.md"))
    article.write_text(
        article.read_text(encoding="utf-8").replace("Title: Văn phòng Tỉnh ủy", "Title: ĐÃ SỬA Văn phòng Tỉnh ủy"),
        encoding="utf-8",
    )
    wait_for(lambda: fetch(base + "/__newsroom/build-id") != build_id)
    assert "ĐÃ SỬA Văn phòng Tỉnh ủy" in fetch(base + "/")
    assert not (project / "output/__newsroom").exists(), "the reload script is never written into the site"


ARTICLE_PAGE = "/tin-tuc/2026/01/van-phong-tinh-uy-trien-khai-nhiem-vu-nam-2026/"


def test_a_body_edit_reaches_the_article_at_once_and_the_unit_pages_after(server):
    base, project = server
    article = next((project / "content/articles").rglob("van-phong-tinh-uy-*.md"))
    article.write_text(article.read_text(encoding="utf-8") + "\nSở Nội vụ dự hội nghị và chúc mừng.\n", encoding="utf-8")
    wait_for(lambda: "chúc mừng" in fetch(base + ARTICLE_PAGE))
    assert 'href="/don-vi/so-noi-vu/"' in fetch(base + ARTICLE_PAGE), "the new mention is linked to its unit"
    wait_for(lambda: fetch(base + "/__newsroom/status") == "idle")
    assert "Văn phòng Tỉnh ủy triển khai nhiệm vụ năm 2026" in fetch(base + "/don-vi/so-noi-vu/")


def test_a_broken_save_shows_its_errors_in_place_of_the_site_until_fixed(server):
    base, project = server
    article = next((project / "content/articles").rglob("van-phong-tinh-uy-*.md"))
    good = article.read_text(encoding="utf-8")
    article.write_text(good.replace("Date: 2026-01-28T14:00:00+07:00", "Date: 28/01/2026"), encoding="utf-8")
    page = wait_for(lambda: (lambda text: "Trang chưa dựng được" in text and text)(fetch(base + ARTICLE_PAGE)))
    relative = article.relative_to(project).as_posix()
    assert f"{relative}, dòng 2" in page and "hãy viết ngày theo dạng năm-tháng-ngày" in page
    assert "Trang chưa dựng được" in fetch(base + "/"), "every page shows the errors"
    article.write_text(good, encoding="utf-8")
    wait_for(lambda: "Trang chưa dựng được" not in fetch(base + ARTICLE_PAGE))
    assert "Văn phòng Tỉnh ủy triển khai nhiệm vụ năm 2026" in fetch(base + ARTICLE_PAGE)


def test_missing_pages_and_bad_addresses_get_a_404_page(server):
    base, _ = server
    for path in ("/khong-co-trang-nay/", "/" + "a" * 5000):
        with pytest.raises(urllib.error.HTTPError) as failure:
            fetch(base + path)
        assert failure.value.code == 404
        assert "Không tìm thấy" in failure.value.read().decode("utf-8")


def test_first_build_failing_shows_errors_never_a_directory_listing(project_copy):
    article = next((project_copy / "content/articles").rglob("van-phong-tinh-uy-*.md"))
    article.write_text(article.read_text(encoding="utf-8").replace("Title: ", "Tiêu đề: ", 1), encoding="utf-8")
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "newsroom.cli", "serve", "--port", str(port)], cwd=project_copy,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        page = wait_for(lambda: fetch(f"http://127.0.0.1:{port}/"))
        assert "Trang chưa dựng được" in page and "Directory listing" not in page
        assert "thiếu tiêu đề" in page
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_busy_port_is_one_clear_line(server, project_copy):
    base, _ = server
    port = base.rsplit(":", 1)[1]
    result = subprocess.run([sys.executable, "-m", "newsroom.cli", "serve", "--port", port], cwd=project_copy,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"không mở được cổng {port}" in result.stderr and f"cannot use port {port}" in result.stderr


@pytest.mark.browser
def test_the_open_page_shows_a_failed_save_and_recovers_in_the_browser(server, browser):
    base, project = server
    article = next((project / "content/articles").rglob("van-phong-tinh-uy-*.md"))
    good = article.read_text(encoding="utf-8")
    tab = browser.new_page()
    tab.goto(base + ARTICLE_PAGE)
    assert tab.locator("h1").inner_text() == "Văn phòng Tỉnh ủy triển khai nhiệm vụ năm 2026"
    article.write_text(good.replace("Author: Đinh Vũ", "Tác giả: Đinh Vũ"), encoding="utf-8")
    errors = tab.locator("ul.build-errors li")
    errors.first.wait_for(timeout=60000)  # the page reloads itself with the errors above the last good page
    assert "Trang chưa dựng được" in tab.locator("aside.newsroom-desk h2").inner_text()
    assert tab.locator("h1").inner_text() == "Văn phòng Tỉnh ủy triển khai nhiệm vụ năm 2026"
    shown = errors.all_inner_texts()
    relative = article.relative_to(project).as_posix()
    assert any(text.startswith(f"{relative}, dòng") and "Tác giả:" in text for text in shown), shown
    article.write_text(good, encoding="utf-8")
    errors.first.wait_for(state="detached", timeout=60000)
    tab.close()
