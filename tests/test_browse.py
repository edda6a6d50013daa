"""Browsing by unit and by award: index pages, unit and award pages, the yearly roll, feeds."""

from __future__ import annotations

import re

import feedparser

from conftest import ROOT, page, run_newsroom, soup_of
from readers_site import honours_articles

VP_TU = "/don-vi/van-phong-tinh-uy/"
PHONG_TONG_HOP_TU = "/don-vi/van-phong-tinh-uy-phong-tong-hop/"
BK_TTG = "/khen-thuong/bang-khen-cua-thu-tuong-chinh-phu/"
SEED_TU = "Văn phòng Tỉnh ủy triển khai nhiệm vụ năm 2026"
SEED_UB = "Nâng cao chất lượng tham mưu, góp phần cùng UBND tỉnh hoàn thành thắng lợi mục tiêu, nhiệm vụ năm 2026"


def link_texts(soup, selector="main a"):
    return [a.get_text(" ", strip=True) for a in soup.select(selector)]


def hrefs(soup, selector="main a"):
    return [a["href"] for a in soup.select(selector)]


def test_units_index_is_a_tree_with_counts(site):
    soup = page(site, "/don-vi/")
    office = soup.find("a", href=VP_TU)
    assert office, "Văn phòng Tỉnh ủy is listed"
    branch = office.find_parent("li")
    assert branch.find("a", href=PHONG_TONG_HOP_TU), "its departments sit under it"
    assert re.search(r"\d+ bài viết, \d+ khen thưởng", branch.get_text(" "))


def test_office_links_to_departments_and_back(site):
    office = page(site, VP_TU)
    assert office.h1.get_text(strip=True) == "Văn phòng Tỉnh ủy"
    departments = [
        "/don-vi/van-phong-tinh-uy-phong-tong-hop/",
        "/don-vi/van-phong-tinh-uy-phong-chuyen-doi-so-co-yeu/",
        "/don-vi/van-phong-tinh-uy-phong-quan-tri/",
    ]
    for url in departments:
        assert url in hrefs(office), f"{url} linked from the office"
        assert VP_TU in hrefs(page(site, url)), f"{url} links back to the office"


def test_department_page_lists_article_and_honour(site):
    soup = page(site, PHONG_TONG_HOP_TU)
    assert soup.h1.get_text(strip=True) == "Phòng Tổng hợp"
    assert SEED_TU in link_texts(soup)
    honours = soup.find("h2", string="Khen thưởng").find_next("ul").get_text(" ", strip=True)
    assert "Tập thể Lao động xuất sắc" in honours
    assert soup.find("time", string="28/01/2026")


def test_awards_index_groups_by_kind_in_precedence_order(site):
    soup = page(site, "/khen-thuong/")
    kinds = [h.get_text(strip=True) for h in soup.select("main section > h2")]
    assert kinds.index("Huân chương") < kinds.index("Bằng khen") < kinds.index("Giấy khen")
    bang_khen = soup.find("h2", string="Bằng khen").find_parent("section")
    names = link_texts(bang_khen, "a")
    assert names.index("Bằng khen của Thủ tướng Chính phủ") < names.index("Bằng khen của Chủ tịch UBND tỉnh")
    assert "/khen-thuong/nam-2026/" in hrefs(soup)


def test_award_page_lists_conferments_of_both_seeds(site):
    soup = page(site, BK_TTG)
    assert soup.h1.get_text(strip=True) == "Bằng khen của Thủ tướng Chính phủ"
    table = soup.select_one("table").get_text(" ", strip=True)
    assert SEED_TU in table and SEED_UB in table
    assert "2 cá nhân" in table
    assert "Thủ tướng Chính phủ" in soup.select_one(".facts").get_text(" ")


def test_year_roll_lists_every_honour_with_counts(site):
    text = page(site, "/khen-thuong/nam-2026/").get_text(" ", strip=True)
    for expected in [
        "Huân chương Lao động hạng Ba",
        "Nguyễn Thị Minh",
        "Bằng khen của Thủ tướng Chính phủ",
        "Tập thể Lao động xuất sắc",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "Chiến sĩ thi đua cấp tỉnh",
        "26 cá nhân",
        "58 ",
        "108 ",
        "Lao động tiên tiến",
    ]:
        assert expected in text, expected
    roll = page(site, "/khen-thuong/nam-2026/")
    headings = [h.get_text(strip=True) for h in roll.select("section.roll h2")]
    assert headings.index("Huân chương Lao động hạng Ba") < headings.index("Bằng khen của Thủ tướng Chính phủ")


def test_article_shows_its_units_and_awards_and_links_first_mentions(site):
    soup = page(site, "/tin-tuc/2026/01/van-phong-tinh-uy-trien-khai-nhiem-vu-nam-2026/")
    tag_links = hrefs(soup, "ul.tags a")
    assert VP_TU in tag_links and PHONG_TONG_HOP_TU in tag_links and BK_TTG in tag_links
    body = soup.select_one(".article__body")
    in_body = [a for a in body.find_all("a") if a["href"] == PHONG_TONG_HOP_TU]
    assert len(in_body) == 1, "only the first mention is a link"
    assert in_body[0].get_text().lower() == "phòng tổng hợp"
    assert not body.select("h1 a, h2 a, h3 a, a a")


def test_linking_leaves_the_text_unchanged(site):
    from newsroom.core.source import parse_markdown

    soup = page(site, "/tin-tuc/2026/01/van-phong-tinh-uy-trien-khai-nhiem-vu-nam-2026/")
    paragraphs = [p.get_text() for p in soup.select(".article__body > p")]
    article = parse_markdown(next((ROOT / "content/articles").rglob("van-phong-tinh-uy-*.md")))
    written = [block for block in article.body.split("\n\n") if block and not block.startswith("![")]
    assert paragraphs == [block.strip() for block in written]


def test_every_feed_parses_and_is_autodiscovered(site):
    feeds = sorted((site / "feeds").rglob("*.atom.xml"))
    assert len(feeds) > 5
    for feed in feeds:
        parsed = feedparser.parse(feed.read_bytes())
        assert not parsed.bozo, f"{feed}: {parsed.get('bozo_exception')}"
        assert parsed.entries, feed
    for url in (VP_TU, PHONG_TONG_HOP_TU, BK_TTG):
        link = page(site, url).find("link", rel="alternate", type="application/atom+xml", title=True, href=re.compile("/feeds/(don-vi|khen-thuong)/"))
        assert link and (site / link["href"].lstrip("/")).is_file(), url


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def build_with(project, articles: dict[str, str]):
    """The articles (path in content/articles: text) added, then a build; returns the output folder."""
    for relative, text in articles.items():
        write(project / "content/articles" / relative, text)
    output = project / "output"
    result = run_newsroom("build", "--output", str(output), cwd=project)
    assert result.returncode == 0, result.stderr
    return output


def build_with_department_news(project):
    """Twelve articles about Phòng Tổng hợp of Văn phòng Tỉnh ủy, then a build."""
    return build_with(project, {
        f"2026/03/tin-{day:02d}.md": f"Title: Tin số {day} của phòng\nDate: 2026-03-{day:02d}T08:00\nAuthor: Biên tập\n\n"
                                     f"Văn phòng Tỉnh ủy: phòng Tổng hợp họp giao ban lần {day}.\n"
        for day in range(1, 13)
    })


def test_unit_articles_are_paginated_with_a_vietnamese_pager(project_copy):
    output = build_with_department_news(project_copy)
    first = soup_of(output / PHONG_TONG_HOP_TU.strip("/") / "index.html")
    assert len(first.select(".news-item")) == 10
    pager = first.select_one("nav.pager")
    assert pager.find("a", attrs={"aria-label": "Trang 2"}) and pager.find("a", string=re.compile("Trang sau"))
    second = soup_of(output / PHONG_TONG_HOP_TU.strip("/") / "trang/2/index.html")
    assert second.select_one("nav.pager").find("a", string=re.compile("Trang trước"))
    assert len(second.select(".news-item")) == 3


def test_former_slug_redirects_to_the_current_page(project_copy):
    units = project_copy / "content/registry/units.yml"
    units.write_text(
        units.read_text(encoding="utf-8")
        + '\n- slug: trung-tam-thong-tin-moi\n  name: "Trung tâm Thông tin Mới"\n  kind: centre\n'
        + '  former_names:\n    - {name: "Trung tâm Thông tin Cũ", slug: trung-tam-thong-tin-cu}\n',
        encoding="utf-8",
    )
    write(
        project_copy / "content/articles/2026/02/trung-tam.md",
        "Title: Trung tâm Thông tin Mới ra mắt\nDate: 2026-02-10T08:00\nAuthor: Biên tập\n\nTrung tâm Thông tin Mới bắt đầu hoạt động.\n",
    )
    output = project_copy / "output"
    result = run_newsroom("build", "--output", str(output), cwd=project_copy)
    assert result.returncode == 0, result.stderr
    old = soup_of(output / "don-vi/trung-tam-thong-tin-cu/index.html")
    assert old.find("meta", attrs={"http-equiv": "refresh"})["content"].endswith("/don-vi/trung-tam-thong-tin-moi/")
    assert old.find("link", rel="canonical")["href"] == "/don-vi/trung-tam-thong-tin-moi/"
    assert (output / "don-vi/trung-tam-thong-tin-moi/index.html").is_file()


def test_unregistered_names_are_warnings_never_pages(project_copy):
    write(
        project_copy / "content/articles/2026/02/la.md",
        "Title: Sở Du hành Vũ trụ ra mắt\nDate: 2026-02-11T08:00\nAuthor: Biên tập\n\n"
        "Sở Du hành Vũ trụ trao Bằng khen của Giám đốc Sở Du hành Vũ trụ cho phòng Tổng hợp.\n",
    )
    output = project_copy / "output"
    result = run_newsroom("build", "--output", str(output), cwd=project_copy)
    assert result.returncode == 0, result.stderr
    assert "Sở Du hành Vũ trụ" in result.stderr and "warning" in result.stderr
    names = {soup_of(p).h1.get_text(strip=True) for p in (output / "don-vi").rglob("index.html")}
    names |= {soup_of(p).h1.get_text(strip=True) for p in (output / "khen-thuong").rglob("index.html")}
    assert not any("Du hành" in name for name in names)


def test_long_lists_get_pages_of_their_own(project_copy):
    """No page grows with the site: a unit's page shows its latest honours, an award's page the latest
    articles naming it, a year's page its months; each whole list has paginated pages of its own."""
    output = build_with(project_copy, honours_articles(25))

    unit = soup_of(output / PHONG_TONG_HOP_TU.strip("/") / "index.html")
    shown = [li for li in unit.select("main ul.plain-list > li") if li.a["href"].startswith("/khen-thuong/")]
    assert len(shown) == 10
    everything = unit.find("a", string=re.compile(r"Xem tất cả \d+ lượt khen thưởng"))
    assert everything and everything["href"] == PHONG_TONG_HOP_TU + "khen-thuong/"
    total = int(re.search(r"\d+", everything.get_text()).group())
    assert total >= 25
    honours = soup_of(output / PHONG_TONG_HOP_TU.strip("/") / "khen-thuong/index.html")
    assert honours.h1.get_text(strip=True) == "Khen thưởng của Phòng Tổng hợp"
    assert [li.get_text(strip=True) for li in honours.select("nav.breadcrumbs li")][-2:] == ["Phòng Tổng hợp", "Khen thưởng"]
    listed = honours.select("main ul.plain-list > li")
    assert len(listed) == total, "all of them, one page (50 a page)"
    assert [h.get_text() for h in honours.select("main h2")][:2] == ["Năm 2026", "Năm 2025"]
    assert "đợt 25" in honours.get_text(), "newest first"

    award_url = "/khen-thuong/bang-khen-cua-chu-tich-ubnd-tinh/"
    award = soup_of(output / award_url.strip("/") / "index.html")
    heading = award.find("h2", string="Bài viết nhắc đến")
    assert len(heading.find_next("ul").find_all("li")) == 20
    more = award.find("a", string=re.compile(r"Xem tất cả \d+ bài viết nhắc đến"))
    assert more and more["href"] == award_url + "bai-viet/"
    mentions = soup_of(output / award_url.strip("/") / "bai-viet/index.html")
    assert len(mentions.select("main ul.plain-list > li")) == int(re.search(r"\d+", more.get_text()).group())

    year = soup_of(output / "tin-tuc/2025/index.html")
    months = [(a["href"], a.find_parent("li").get_text(" ", strip=True)) for a in year.select("main ul.plain-list a")]
    assert months[0] == ("/tin-tuc/2025/05/", "Tháng 5 năm 2025 – 5 bài viết"), "newest month first, counted"
    assert len(months) == 5 and not year.select(".news-item"), "months, not every article of the year"


def test_portal_lists_are_paginated_even_when_the_settings_forget_them(project_copy):
    settings = project_copy / "pelicanconf.py"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(re.sub(r"PAGINATED_TEMPLATES = \{.*\}", 'PAGINATED_TEMPLATES = {"index": None}', text), encoding="utf-8")
    output = build_with_department_news(project_copy)
    first = soup_of(output / PHONG_TONG_HOP_TU.strip("/") / "index.html")
    assert len(first.select(".news-item")) == 10
    assert (output / PHONG_TONG_HOP_TU.strip("/") / "trang/2/index.html").is_file()


def test_a_year_lists_its_articles_when_months_have_no_pages(project_copy):
    settings = project_copy / "pelicanconf.py"
    settings.write_text(re.sub(r"(?m)^MONTH_ARCHIVE_SAVE_AS = .*$", 'MONTH_ARCHIVE_SAVE_AS = ""',
                               settings.read_text(encoding="utf-8")), encoding="utf-8")
    output = build_with(project_copy, {})
    year = soup_of(output / "tin-tuc/2026/index.html")
    assert year.select(".news-item") and not year.select("main ul.plain-list a[href$='/01/']")
