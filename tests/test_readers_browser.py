"""The reading experience in real Chromium: first screen of a phone, light photos, print, the served 404 page."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from readers_site import PHOTO_ARTICLE
from test_readers_pages import SEED_ARTICLES

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 800}


@pytest.mark.parametrize("path", SEED_ARTICLES)
def test_lead_on_the_first_screen_of_a_phone(browser, served_readers_site, path):
    tab = browser.new_page(viewport=PHONE)
    tab.goto(f"{served_readers_site}/{path}")
    top = tab.locator(".article__summary").evaluate("element => element.getBoundingClientRect().top")
    assert 0 < top < PHONE["height"], f"the lead starts at {top}px"
    # The unit and award chips come after the body, so they cannot push the lead down.
    assert tab.locator(".article__tags").evaluate("e => e.getBoundingClientRect().top") > top
    tab.close()


def test_a_4000_px_photo_reaches_a_phone_light(browser, served_readers_site):
    tab = browser.new_page(viewport=PHONE)
    photos = []
    tab.on("requestfinished", lambda request: photos.append(request) if "/images/" in request.url else None)
    tab.goto(f"{served_readers_site}/{PHOTO_ARTICLE}", wait_until="load")
    image = tab.locator(".article__body img")
    image.evaluate("img => img.complete || new Promise(done => img.addEventListener('load', done))")
    assert image.evaluate("img => img.currentSrc").endswith("-480.webp"), "the narrowest WebP fits a 360 px phone"
    assert len(photos) == 1, [r.url for r in photos]
    sizes = photos[0].sizes()
    transferred = sizes["responseBodySize"] + sizes["responseHeadersSize"]
    print(f"4000 px photo on a 360 px phone: {transferred} bytes transferred ({photos[0].url.rsplit('/', 1)[1]})")
    assert transferred <= 120 * 1024
    tab.close()


def test_space_for_photos_is_kept_before_they_load(browser, served_readers_site):
    tab = browser.new_page(viewport=PHONE)
    # Photos never arrive: the layout must still know their height from width/height.
    tab.route("**/images/co-anh/**", lambda route: route.abort())
    tab.goto(f"{served_readers_site}/{SEED_ARTICLES[0]}")
    heights = tab.locator(".article__body img").evaluate_all("images => images.map(i => i.getBoundingClientRect().height)")
    assert heights and min(heights) > 150, heights
    tab.close()


def test_print_shows_article_photos_and_source_without_navigation(browser, served_readers_site):
    tab = browser.new_page()
    tab.goto(f"{served_readers_site}/{SEED_ARTICLES[0]}")
    assert not tab.locator(".article__source").is_visible()
    tab.emulate_media(media="print")
    for hidden in (".site-nav", ".breadcrumbs", ".article__tags", ".related", ".site-footer__links"):
        assert not tab.locator(hidden).is_visible(), hidden
    assert tab.locator("h1").is_visible() and tab.locator(".article__body p").first.is_visible()
    assert tab.locator(".article__body figure img").first.is_visible()
    source = tab.locator(".article__source")
    assert source.is_visible() and source.inner_text().endswith("/" + SEED_ARTICLES[0])
    tab.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_newsroom_serve_answers_a_missing_path_with_the_404_page(project_copy):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "newsroom.cli", "serve", "--port", str(port)], cwd=project_copy,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/khong-co-trang-nay/", timeout=5)
                raise AssertionError("a missing path answered 200")
            except urllib.error.HTTPError as answer:
                status, body = answer.code, answer.read().decode("utf-8")
                break
            except OSError:
                assert time.monotonic() < deadline, "newsroom serve did not start"
                time.sleep(0.2)
        assert status == 404
        assert "Không tìm thấy trang" in body and 'action="/tim-kiem/"' in body
    finally:
        process.terminate()
        process.wait(timeout=10)
