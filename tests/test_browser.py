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


@pytest.mark.parametrize(
    "path",
    ["/", "/tin-tuc/", "/gioi-thieu/", "/tim-kiem/", "/don-vi/", "/khen-thuong/", "/khen-thuong/nam-2026/",
     "/khen-thuong/bang-khen-cua-thu-tuong-chinh-phu/", "/don-vi/van-phong-tinh-uy/"],
)
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


def test_reader_browses_by_unit_and_by_award(browser, served_site):
    tab = browser.new_page()
    tab.goto(served_site + "/")
    tab.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Đơn vị").click()
    office = tab.locator(".tree li", has=tab.get_by_role("link", name="Văn phòng Tỉnh ủy", exact=True)).first
    office.get_by_role("link", name="Phòng Tổng hợp", exact=True).click()
    tab.wait_for_load_state()
    assert tab.locator("h1").inner_text() == "Phòng Tổng hợp"
    assert tab.get_by_role("link", name="Văn phòng Tỉnh ủy", exact=True).first.is_visible()
    articles = tab.locator(".news-list")
    assert articles.get_by_role("link", name="Văn phòng Tỉnh ủy triển khai nhiệm vụ năm 2026").is_visible()
    assert "28/01/2026" in articles.inner_text()
    honours = tab.locator("h2:has-text('Khen thưởng') + h3 + ul")
    assert honours.get_by_role("link", name="Tập thể Lao động xuất sắc").is_visible()

    tab.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Khen thưởng").click()
    tab.get_by_role("link", name="Bằng khen của Thủ tướng Chính phủ", exact=True).click()
    tab.wait_for_load_state()
    assert tab.locator("h1").inner_text() == "Bằng khen của Thủ tướng Chính phủ"
    table = tab.locator("table")
    assert table.get_by_role("link", name="Văn phòng Tỉnh ủy triển khai nhiệm vụ năm 2026").is_visible()
    assert table.get_by_role("link", name="Nâng cao chất lượng tham mưu", exact=False).first.is_visible()
    tab.close()


def test_reader_searches_the_site(browser, served_site):
    tab = browser.new_page()
    tab.goto(served_site + "/tim-kiem/")
    tab.get_by_label("Từ khóa").fill("Lao động tiên tiến")
    tab.get_by_role("status").filter(has_text="Lao động tiên tiến").wait_for()
    assert "Văn phòng Tỉnh ủy triển khai nhiệm vụ năm 2026" in tab.locator(".finder__results").inner_text()
    tab.close()
