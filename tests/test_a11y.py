"""axe-core in real Chromium: no violations on any page type, search results and the 404 page included.

axe-core comes from npm (package.json; `make test` and .ci/run install it into node_modules).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_project, run_newsroom, serving
from readers_site import DEPARTMENT, PARENT, honours_articles
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


# Pages only a site with long lists has: a unit's whole honours, an award's whole list of articles.
LONG_LIST_PAGES = {
    "unit honours": "/don-vi/van-phong-tinh-uy-phong-tong-hop/khen-thuong/",
    "award articles": "/khen-thuong/bang-khen-cua-chu-tich-ubnd-tinh/bai-viet/",
}


@pytest.fixture(scope="module")
def served_long_lists(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("long-lists"))
    for relative, text in honours_articles().items():
        (project / "content/articles" / relative).parent.mkdir(parents=True, exist_ok=True)
        (project / "content/articles" / relative).write_text(text, encoding="utf-8")
    run_newsroom("build", "--output", str(project / "output"), cwd=project, check=True)
    with serving(project / "output") as address:
        yield address


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("kind", LONG_LIST_PAGES)
def test_no_axe_violations_on_whole_lists(browser, served_long_lists, axe_source, kind, viewport):
    tab = browser.new_page(viewport=VIEWPORTS[viewport])
    response = tab.goto(served_long_lists + LONG_LIST_PAGES[kind])
    assert response.status == 200
    tab.wait_for_load_state("load")
    assert violations(tab, axe_source) == []
    tab.close()
