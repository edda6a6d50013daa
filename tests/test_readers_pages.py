"""What a reader gets on the built pages: photos, article page, the portal's basics, honours rolled up."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from conftest import page, soup_of
from readers_site import DEPARTMENT, DEPARTMENT_ARTICLE, PARENT, PHOTO_ARTICLE, ROOT

SEED_ARTICLES = [
    "tin-tuc/2026/01/van-phong-tinh-uy-trien-khai-nhiem-vu-nam-2026/",
    "tin-tuc/2026/01/nang-cao-chat-luong-tham-muu-gop-phan-cung-ubnd-tinh-hoan-thanh-thang-loi-muc-tieu-nhiem-vu-nam-2026/",
]


def html_pages(site: Path):
    return sorted(site.rglob("*.html"))


def test_every_img_has_width_height_and_srcset(readers_site):
    images = [(path, img) for path in html_pages(readers_site) for img in soup_of(path).find_all("img")]
    assert len(images) >= 12
    for path, img in images:
        assert img.get("width", "").isdigit() and img.get("height", "").isdigit(), f"{path}: {img}"
        assert img.get("srcset") and img.get("sizes"), f"{path}: {img}"
        assert img.parent.name == "picture" and img.parent.source["type"] == "image/webp"
        for candidate in [*img["srcset"].split(","), *img.parent.source["srcset"].split(",")]:
            url = candidate.split()[0]
            assert (readers_site / url.lstrip("/")).is_file(), f"{path}: {url} was not written"


def test_first_photo_eager_the_others_lazy(readers_site):
    images = page(readers_site, SEED_ARTICLES[0]).select(".article__body img")
    assert images[0]["loading"] == "eager" and images[0]["fetchpriority"] == "high"
    assert {img["loading"] for img in images[1:]} == {"lazy"}


def test_photos_published_without_exif(readers_site):
    from PIL import Image

    for derivative in (readers_site / "images/co-anh").iterdir():
        with Image.open(derivative) as image:
            assert len(image.getexif()) == 0, derivative.name


def test_chips_after_the_body_and_breadcrumbs_as_a_list(readers_site):
    soup = page(readers_site, SEED_ARTICLES[0])
    article = soup.select_one("article.article")
    parts = [child for child in article.children if getattr(child, "name", None)]
    classes = [" ".join(child.get("class", [])) for child in parts]
    assert classes.index("article__summary") < classes.index("article__body") < classes.index("article__tags")
    crumbs = soup.select("nav.breadcrumbs > ol > li")
    assert [li.get_text(strip=True) for li in crumbs[:2]] == ["Trang chủ", "Tin tức"]
    current = crumbs[-1].select_one("[aria-current=page]")
    assert current.get_text(strip=True) == soup.h1.get_text(strip=True)
    assert len(soup.select("nav.breadcrumbs [aria-current]")) == 1


def test_date_and_time_of_day(readers_site):
    meta = page(readers_site, SEED_ARTICLES[0]).select_one(".article__meta")
    assert meta.time["datetime"] == "2026-01-28T14:00:00+07:00"
    assert meta.get_text(" ", strip=True).startswith("Thứ Tư, 28/01/2026 lúc 14:00")


def test_related_articles_share_units_or_awards(readers_site):
    related = page(readers_site, SEED_ARTICLES[0]).select(".related li a")
    assert [a["href"] for a in related] == ["/" + SEED_ARTICLES[1]]
    assert not page(readers_site, PHOTO_ARTICLE).select(".related"), "an article naming no unit or award has none"


def test_og_canonical_and_news_article_json_ld(readers_site):
    soup = page(readers_site, SEED_ARTICLES[0])
    url = "/" + SEED_ARTICLES[0]
    assert soup.find("link", rel="canonical")["href"] == url
    og = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
    assert og["og:type"] == "article" and og["og:url"] == url
    assert og["og:title"] == soup.h1.get_text(strip=True)
    assert og["og:image"] == soup.select_one(".article__body img")["src"]
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "NewsArticle" and data["headline"] == og["og:title"]
    assert data["datePublished"] == "2026-01-28T14:00:00+07:00" and data["author"]["name"] == "Đinh Vũ"
    assert "<" not in soup.find("script", type="application/ld+json").string, "tojson escapes <, so no text can close the script"
    assert data["publisher"]["name"] == yaml.safe_load((ROOT / "content/portal.yml").read_text(encoding="utf-8"))["agency"]


def test_not_found_page_in_vietnamese_with_search_and_main_links(readers_site):
    soup = soup_of(readers_site / "404.html")
    assert soup.html["lang"] == "vi" and soup.h1.get_text(strip=True) == "Không tìm thấy trang"
    form = soup.select_one("main form[role=search]")
    assert form["action"] == "/tim-kiem/" and form.select_one("input[type=search]")["name"] == "q"
    links = {a["href"] for a in soup.select("main .main-links a")}
    assert {"/", "/tin-tuc/", "/don-vi/", "/khen-thuong/", "/gioi-thieu/"} <= links


def test_favicon_is_local(readers_site):
    for path in (readers_site / "index.html", readers_site / "404.html", readers_site / SEED_ARTICLES[0] / "index.html"):
        icon = soup_of(path).find("link", rel="icon")
        assert icon["href"].startswith("/") and (readers_site / icon["href"].lstrip("/")).is_file()


def test_agency_facts_in_every_footer_and_on_gioi_thieu(readers_site):
    facts = yaml.safe_load((ROOT / "content/portal.yml").read_text(encoding="utf-8"))
    for path in (readers_site / "index.html", readers_site / "404.html", readers_site / "don-vi/index.html"):
        footer = soup_of(path).select_one("footer.site-footer").get_text(" ", strip=True)
        for key in ("agency", "address", "phone", "email", "responsible"):
            assert facts[key] in footer, f"{path}: {key}"
    about = page(readers_site, "gioi-thieu/").select_one("main").get_text(" ", strip=True)
    for key in ("agency", "address", "phone", "email", "responsible"):
        assert facts[key] in about
    assert page(readers_site, "/").select_one(f'footer a[href="mailto:{facts["email"]}"]')


def test_unit_page_shows_address_contacts_and_functions(readers_site):
    units = yaml.safe_load((ROOT / "content/registry/units.yml").read_text(encoding="utf-8"))
    office = next(u for u in units if u["slug"] == PARENT)
    main = page(readers_site, f"don-vi/{PARENT}/").select_one("main")
    text = main.get_text(" ", strip=True)
    for key in ("address", "phone", "email", "functions"):
        assert office[key] in text
    assert main.select_one(f'a[href="mailto:{office["email"]}"]')
    assert "Liên hệ" not in page(readers_site, f"don-vi/{DEPARTMENT}/").select_one("main").get_text(), "no contacts, no heading"


def test_every_unit_page_is_linked_from_somewhere(readers_site):
    linked = set()
    for path in html_pages(readers_site):
        linked |= {a["href"] for a in soup_of(path).find_all("a", href=True)}
    units = yaml.safe_load((ROOT / "content/registry/units.yml").read_text(encoding="utf-8"))
    missing = [u["slug"] for u in units if f"/don-vi/{u['slug']}/" not in linked]
    assert missing == []


def test_parent_unit_page_rolls_up_its_departments(readers_site):
    main = page(readers_site, f"don-vi/{PARENT}/").select_one("main")
    items = {li.select_one(".news-item__title a")["href"]: li for li in main.select(".news-item")}
    assert "/" + DEPARTMENT_ARTICLE in items, "a department's article is listed on its parent's page"
    owner = items["/" + DEPARTMENT_ARTICLE].select_one(".news-item__owner a")
    assert owner["href"] == f"/don-vi/{DEPARTMENT}/"
    assert items["/" + SEED_ARTICLES[1]].select_one(".news-item__owner") is None, "its own article is not marked"
    honours = main.select("h2:-soup-contains('Khen thưởng') ~ ul li")
    assert any("Phòng Hành chính - Tổ chức" in li.get_text() and "Huân chương Lao động hạng Ba" in li.get_text() for li in honours)


def unit_counts(soup, href: str) -> tuple[int, int]:
    """(articles, honours) beside a unit's link; a count of nothing is not written ("– 1 bài viết")."""
    link = soup.select_one(f'.tree a[href="{href}"]')
    shown = link.find_next_sibling("span").get_text()
    assert not re.search(r"\b0 (bài viết|khen thưởng)", shown), shown
    articles, honours = (re.search(rf"(\d+) {what}", shown) for what in ("bài viết", "khen thưởng"))
    return int(articles[1]) if articles else 0, int(honours[1]) if honours else 0


def test_unit_tree_counts_include_departments(readers_site):
    soup = page(readers_site, "don-vi/")
    parent, department = unit_counts(soup, f"/don-vi/{PARENT}/"), unit_counts(soup, f"/don-vi/{DEPARTMENT}/")
    assert department == (1, 0)
    # Its own seed article and its departments' (the test article; the seed's Phòng Hành chính - Tổ chức);
    # honours: those of its departments' people as well as its own.
    assert parent[0] == 2 and parent[1] >= 1
    unit_page = page(readers_site, f"don-vi/{PARENT}/")
    assert len(unit_page.select(".news-list .news-item")) == parent[0]


def test_year_roll_counts_per_unit_what_each_received(readers_site):
    rows = {}
    for tr in page(readers_site, "khen-thuong/nam-2026/").select("table.unit-roll tbody tr"):
        rows[tr.th.a["href"]] = [td.get_text(" ", strip=True) for td in tr.find_all("td")]
    assert rows["/don-vi/van-phong-tinh-uy-phong-tong-hop/"] == ["1", "0 cá nhân và 1 tập thể"]
    assert rows["/don-vi/van-phong-tinh-uy-phong-quan-tri/"] == ["1", "0 cá nhân và 1 tập thể"]
    assert rows["/don-vi/van-phong-tinh-uy-phong-chuyen-doi-so-co-yeu/"] == ["1", "0 cá nhân và 1 tập thể"]
    # Văn phòng Tỉnh ủy: 2 cá nhân of its own, plus three of its departments honoured as collectives,
    # counted apart: individuals and collectives are never added together.
    assert rows["/don-vi/van-phong-tinh-uy/"] == ["4", "2 cá nhân và 3 tập thể"]
    assert rows[f"/don-vi/{PARENT}/"][0] == "1", "the office shows its department's Huân chương"
    assert not all(values[0] == "1" for values in rows.values())


def test_dates_never_break_inside_a_number():
    css = (ROOT / "theme/static/css/site.css").read_text(encoding="utf-8")
    assert re.search(r"(^|\n)time\s*\{[^}]*white-space:\s*nowrap", css)


def test_a_parent_units_feed_carries_its_departments_news(readers_site):
    import feedparser

    feed = feedparser.parse((readers_site / "feeds/don-vi/van-phong-tinh-uy.atom.xml").read_bytes())
    department = feedparser.parse((readers_site / "feeds/don-vi/van-phong-tinh-uy-phong-tong-hop.atom.xml").read_bytes())
    assert not feed.bozo and not department.bozo
    assert {entry.link for entry in department.entries} <= {entry.link for entry in feed.entries}
