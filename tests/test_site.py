"""What a reader sees in the built sample site, parsed with BeautifulSoup."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
import pytest

from conftest import page, soup_of

SEEDS = {
    "Nâng cao chất lượng tham mưu, góp phần cùng UBND tỉnh hoàn thành thắng lợi mục tiêu, nhiệm vụ năm 2026": {
        "date": "Thứ Tư, 21/01/2026",
        "author": "Minh Hằng",
        "captions": [
            "Toàn cảnh hội nghị.",
            "Đại diện lãnh đạo Phòng Văn hóa - Xã hội phát biểu tại hội nghị.",
            "Chánh Văn phòng UBND tỉnh Nguyễn Thế Anh phát biểu tại hội nghị.",
            "Thừa ủy quyền Chủ tịch nước, Chánh Văn phòng UBND tỉnh Nguyễn Thế Anh trao Huân chương lao động hạng Ba cho bà Nguyễn Thị Minh, Trưởng phòng Hành chính - Tổ chức, Văn phòng UBND tỉnh.",
            "Thừa ủy quyền Thủ tướng Chính phủ, Phó Chánh Văn phòng UBND tỉnh Lê Việt Hiếu trao Bằng khen của Thủ tướng Chính phủ cho các phòng, đơn vị trực thuộc UBND và cá nhân đạt thành tích xuất sắc.",
            "Các phòng, đơn vị trực thuộc UBND tỉnh ký giao ước thi đua năm 2026.",
        ],
    },
    "Văn phòng Tỉnh ủy triển khai nhiệm vụ năm 2026": {
        "date": "Thứ Tư, 28/01/2026",
        "author": "Đinh Vũ",
        "captions": [
            "Đồng chí Đinh Anh Tuấn - Tỉnh ủy viên, Chánh Văn phòng Tỉnh ủy phát biểu tại hội nghị.",
            "Các đại biểu dự hội nghị.",
            "Thừa ủy quyền của Thủ tướng Chính phủ, Chánh Văn phòng Tỉnh ủy Đinh Anh Tuấn trao Bằng khen của Thủ tướng Chính phủ cho 2 cá nhân thuộc Văn phòng Tỉnh ủy Phú Thọ.",
            "Lãnh đạo Văn phòng Tỉnh ủy trao Bằng khen của Chủ tịch UBND tỉnh tặng các tập thể, cá nhân có thành tích xuất sắc trong công tác năm 2025.",
            "Các phòng, ban, đơn vị trực thuộc Văn phòng Tỉnh ủy ký giao ước thi đua thực hiện thắng lợi nhiệm vụ năm 2026.",
            "Quang cảnh hội nghị.",
        ],
    },
}


def article_pages(site: Path) -> dict[str, Path]:
    pages = {}
    for path in (site / "tin-tuc").rglob("index.html"):
        heading = soup_of(path).select_one("h1.article__title")
        if heading:
            pages[heading.get_text(strip=True)] = path
    return pages


def test_home_page_lists_both_seed_articles(site):
    titles = [a.get_text(strip=True) for a in page(site, "/").select(".news-item__title a")]
    assert set(SEEDS) <= set(titles)
    assert titles[0] == "Văn phòng Tỉnh ủy triển khai nhiệm vụ năm 2026", "newest first"


@pytest.mark.parametrize("title", SEEDS)
def test_article_page_shows_title_vietnamese_date_and_author(site, title):
    soup = soup_of(article_pages(site)[title])
    assert soup.select_one("h1").get_text(strip=True) == title
    assert soup.title.get_text().startswith(title)
    assert soup.select_one(".article__meta time").get_text(strip=True) == SEEDS[title]["date"]
    assert SEEDS[title]["author"] in soup.select_one(".article__author").get_text()
    assert soup.html["lang"] == "vi"


def test_dates_read_as_vietnamese_portals_write_them(site):
    """"28/01/2026" in lists, "ngày 28 tháng 1 năm 2026" in prose; never Babel's "28 tháng 1, 2026"."""
    shown = []
    for path in site.rglob("*.html"):
        shown += [time.get_text(" ", strip=True) for time in soup_of(path).select("time")]
    assert "28/01/2026" in shown
    numeric, spelt = re.compile(r"(Thứ \w+|Chủ [Nn]hật), \d\d/\d\d/\d{4}|\d\d/\d\d/\d{4}"), re.compile(r"ngày \d+ tháng \d+ năm \d{4}")
    assert all(numeric.fullmatch(text) or spelt.fullmatch(text) for text in shown), set(shown)
    assert not [path for path in site.rglob("*.html") if re.search(r"tháng \d+, \d{4}", path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("title", SEEDS)
def test_every_caption_is_a_figure_with_an_existing_photo(site, title):
    soup = soup_of(article_pages(site)[title])
    figures = soup.select(".article__body figure")
    captions = [figure.figcaption.get_text().strip() for figure in figures]
    assert captions == SEEDS[title]["captions"]
    for figure in figures:
        image = figure.find("img")
        assert image["alt"].strip(), "every photo has alt text"
        assert (site / unquote(image["src"]).lstrip("/")).is_file()


def test_article_urls_are_clean_folders(site):
    for path in article_pages(site).values():
        relative = path.relative_to(site).parts
        assert relative[0] == "tin-tuc" and relative[1] == "2026" and relative[2] == "01"
        assert relative[-1] == "index.html" and len(relative) == 5


def internal_targets(site: Path):
    for html in site.rglob("*.html"):
        soup = soup_of(html)
        for tag in soup.find_all(href=True):
            yield html, tag["href"]
        for tag in soup.find_all(src=True):
            yield html, tag["src"]


def test_every_internal_link_resolves(site):
    broken = []
    for html, link in internal_targets(site):
        parts = urlsplit(link)
        if parts.scheme or parts.netloc or link.startswith(("#", "mailto:")):
            continue
        path = unquote(parts.path)
        base = site if path.startswith("/") else html.parent
        target = (base / path.lstrip("/")).resolve()
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            broken.append(f"{html.relative_to(site)} -> {link}")
    assert not broken, "\n".join(broken)


def test_no_page_refers_to_another_host(site):
    external = [
        f"{html.relative_to(site)} -> {link}"
        for html, link in internal_targets(site)
        if urlsplit(link).scheme in ("http", "https") or link.startswith("//")
    ]
    assert not external, "\n".join(external)
    remote = re.compile(r"""(url\(\s*['"]?|@import\s+['"]?)(https?:)?//""")
    for css in site.rglob("*.css"):
        assert not remote.search(css.read_text()), f"{css} loads something from another host"


def test_archives_by_year_and_month(site):
    archive = page(site, "/tin-tuc/")
    assert archive.find("a", string="Năm 2026")
    assert archive.find("a", string="Tháng 1")
    month = page(site, "/tin-tuc/2026/01/")
    assert month.h1.get_text(strip=True) == "Tin tức tháng 1 năm 2026"
    assert len(month.select(".news-item")) == 2


def test_atom_feed_lists_both_articles(site):
    feed = feedparser.parse((site / "feeds/all.atom.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert {entry.title for entry in feed.entries} == set(SEEDS)


def test_templates_escape_text_from_content(project_copy, monkeypatch):
    """Even past the checker (which refuses markup in metadata), templates never turn text into markup."""
    from newsroom.sitebuild import BuildOptions, run_site, site_settings

    article = project_copy / "content/articles/2026/01/escape.md"
    article.write_text(
        "Title: Tin <script>alert(1)</script> thử\nDate: 2026-01-05T09:00\nAuthor: <b>Ai đó</b>\n"
        "Summary: <img src=x onerror=alert(1)>\n\nNội dung.\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(project_copy)
    output = project_copy / "output"
    options = BuildOptions(content=project_copy / "content", settings=project_copy / "pelicanconf.py")
    messages, _run = run_site(site_settings(options), output)
    assert not messages
    soup = soup_of(next((output / "tin-tuc/2026/01").glob("tin-*thu/index.html")))
    assert not soup.find("script", string="alert(1)")
    assert not soup.find("img", src="x")
    assert not soup.find("b", string="Ai đó")
    assert "<script>alert(1)</script>" in soup.h1.get_text()
    home = soup_of(output / "index.html")
    assert not home.find("script", string="alert(1)") and not home.find("img", src="x")
