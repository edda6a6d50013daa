"""A portal that leads with news: the home page and a unit's page as a reader on a phone sees them."""

from __future__ import annotations

import re

import pytest

from conftest import page
from readers_site import DEPARTMENT, PARENT

PHONE = {"width": 360, "height": 800}


def top(locator) -> float:
    return locator.evaluate("element => element.getBoundingClientRect().top")


@pytest.mark.browser
def test_a_units_news_comes_first_on_a_phone(browser, served_readers_site):
    """Văn phòng UBND tỉnh has functions, contacts and ten departments: its news still starts on the first screens."""
    tab = browser.new_page(viewport=PHONE)
    tab.goto(f"{served_readers_site}/don-vi/{PARENT}/")
    first = tab.locator("main .news-item__title a").first
    assert top(first) < 1200, f"the first article link is {top(first)} px down"
    for later in ("Chức năng, nhiệm vụ", "Liên hệ", "Đơn vị trực thuộc"):
        heading = tab.get_by_role("heading", name=later, exact=True)
        assert top(heading) > top(first), f"{later} comes after the news"
    tab.close()


@pytest.mark.browser
def test_the_home_page_offers_search_and_the_ways_in_above_the_news_with_photos(browser, served_readers_site):
    tab = browser.new_page(viewport=PHONE)
    tab.goto(served_readers_site + "/")
    search = tab.get_by_role("search").get_by_role("searchbox")
    ways = tab.get_by_role("navigation", name="Xem theo chủ đề")
    first_news = tab.locator("main .news-item__title a").first
    assert top(search) < top(ways) < top(first_news)
    assert top(search) < PHONE["height"], "the search box is on the first screen"
    for name in ("Đơn vị", "Khen thưởng", "Khen thưởng năm 2026"):
        assert ways.get_by_role("link", name=name, exact=True).is_visible(), name
    photos = tab.locator("main .news-item .news-item__photo img")
    assert photos.count() >= 2, "the latest news show their photos"
    assert photos.first.get_attribute("alt") == "", "the title beside it names the news: the photo is not read again"
    search.fill("ubnd")
    search.press("Enter")
    tab.wait_for_url("**/tim-kiem/?q=ubnd")
    tab.locator("[data-search][data-state=ready]").wait_for()
    tab.close()


def test_sub_units_never_show_empty_counts(readers_site):
    unit = page(readers_site, f"don-vi/{PARENT}/")
    children = unit.select(".unit__children li")
    assert len(children) >= 5
    shown = " ".join(li.get_text(" ", strip=True) for li in children)
    assert not re.search(r"\b0 (bài viết|khen thưởng)", shown), shown
    department = next(li for li in children if li.a["href"] == f"/don-vi/{DEPARTMENT}/")
    assert department.get_text(" ", strip=True).endswith("– 1 bài viết")
    units = page(readers_site, "don-vi/").select_one(".tree").get_text(" ", strip=True)
    assert not re.search(r"\b0 (bài viết|khen thưởng)", units)


def test_the_home_page_headings_frame_the_news(readers_site):
    home = page(readers_site, "/")
    assert home.select_one("main form[role=search]") and home.select_one("nav.ways-in")
    assert [h.get_text(strip=True) for h in home.select("main h2")] == ["Tin mới nhất"]
    assert home.select("main .news-item h3.news-item__title"), "news titles sit under their section's heading"
