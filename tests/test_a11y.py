"""axe-core in real Chromium: no violations on any page type, search results and the 404 page included.

axe-core comes from npm (package.json; `make test` and .ci/run install it into node_modules).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from readers_site import DEPARTMENT, PARENT
from test_readers_pages import SEED_ARTICLES

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent.parent / "node_modules/axe-core/axe.min.js"
PAGES = {
    "home": "/",
    "article": "/" + SEED_ARTICLES[0],
    "archive": "/tin-tuc/",
    "year archive": "/tin-tuc/2026/",
    "month archive": "/tin-tuc/2026/01/",
    "unit list": "/don-vi/",
    "unit": f"/don-vi/{PARENT}/",
    "department": f"/don-vi/{DEPARTMENT}/",
    "award list": "/khen-thuong/",
    "award": "/khen-thuong/bang-khen-cua-thu-tuong-chinh-phu/",
    "year roll": "/khen-thuong/nam-2026/",
    "giới thiệu": "/gioi-thieu/",
    "search": "/tim-kiem/",
    "404": "/404.html",
}
VIEWPORTS = {"phone": {"width": 360, "height": 800}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"axe-core not found at {AXE}: run `make test` (it runs npm ci)")
    return AXE.read_text(encoding="utf-8")


def violations(tab, axe_source: str) -> list[str]:
    tab.add_script_tag(content=axe_source)
    result = tab.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(node["target"][0] if isinstance(node["target"][0], str) else str(node["target"]) for node in v["nodes"][:5])
        for v in result["violations"]
    ]


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("kind", PAGES)
def test_no_axe_violations(browser, served_readers_site, axe_source, kind, viewport):
    tab = browser.new_page(viewport=VIEWPORTS[viewport])
    tab.goto(served_readers_site + PAGES[kind])
    tab.wait_for_load_state("load")
    assert violations(tab, axe_source) == []
    tab.close()


def test_no_axe_violations_on_search_results(browser, served_readers_site, axe_source):
    tab = browser.new_page()
    tab.goto(served_readers_site + "/tim-kiem/")
    tab.locator("main input[type=search], main input[type=text]").first.fill("Văn phòng Tỉnh ủy")
    tab.locator("main a[href*='/tin-tuc/20']").first.wait_for(timeout=60000)
    assert violations(tab, axe_source) == []
    tab.close()
