"""A reader in real Chromium: click through, and no horizontal scroll on a 360 px phone."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 800}


def test_reader_opens_first_article_from_home(browser, served_site):
    tab = browser.new_page()
    tab.goto(served_site + "/")
    first = tab.locator(".news-item__title a").first
    title = first.inner_text()
    first.click()
    tab.wait_for_load_state()
    assert tab.locator("h1").inner_text() == title
    assert tab.locator("figcaption").first.is_visible()
    assert tab.locator("figcaption").first.inner_text().strip()
    tab.close()


@pytest.mark.parametrize("path", ["/", "/tin-tuc/", "/gioi-thieu/", "/tim-kiem/", "/don-vi/", "/khen-thuong/"])
def test_no_horizontal_scroll_on_a_phone(browser, served_site, path):
    tab = browser.new_page(viewport=PHONE)
    tab.goto(served_site + path)
    overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 360px"
    tab.close()


def test_article_fits_a_phone(browser, served_site):
    tab = browser.new_page(viewport=PHONE)
    tab.goto(served_site + "/")
    tab.locator(".news-item__title a").first.click()
    tab.wait_for_load_state()
    overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    image_width = tab.evaluate("document.querySelector('figure img').getBoundingClientRect().width")
    assert 0 < image_width <= PHONE["width"]
    tab.close()
