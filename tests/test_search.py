"""A reader searching in real Chromium: the sample site plus a few articles written for these tests.

The added articles give the finder something to tell apart: a department's
article and its office's article in 2025, an article that only writes "UBND
tỉnh", one that only writes "Ủy ban nhân dân tỉnh", and 2026 news from the
sample site.
"""

from __future__ import annotations

import functools
import shutil
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import ROOT, QuietHandler, run_newsroom, soup_of

pytestmark = pytest.mark.browser

DEPARTMENT_2025 = "Phòng Quản trị sơ kết công tác hậu cần sáu tháng đầu năm"
OFFICE_2025 = "Văn phòng Tỉnh ủy tập huấn nghiệp vụ văn thư, lưu trữ"
ABBREVIATED_2025 = "Văn phòng UBND tỉnh hướng dẫn số hóa hồ sơ công việc"
SPELLED_OUT_2025 = "Ủy ban nhân dân tỉnh ban hành kế hoạch cải cách hành chính"
OFFICE_2026 = "Văn phòng Tỉnh ủy triển khai nhiệm vụ năm 2026"  # from the sample site

ARTICLES = {
    "2025/06/phong-quan-tri-so-ket.md": f"""Title: {DEPARTMENT_2025}
Date: 2025-06-10T09:00:00+07:00
Author: Thu Trang
Summary: Phòng Quản trị thuộc Văn phòng Tỉnh ủy sơ kết công tác hậu cần.

Sáng 10/6, Phòng Quản trị, Văn phòng Tỉnh ủy tổ chức sơ kết công tác quản trị, hậu cần sáu tháng đầu năm.

Đồng chí Trưởng phòng Quản trị cho biết phòng đã bảo đảm cơ sở vật chất cho các hội nghị của cơ quan.

Dịp này, Phòng Quản trị được tặng Bằng khen của Chủ tịch UBND tỉnh.
""",
    "2025/09/van-phong-tinh-uy-tap-huan.md": f"""Title: {OFFICE_2025}
Date: 2025-09-05T08:00:00+07:00
Author: Thu Trang
Summary: Văn phòng Tỉnh ủy tập huấn nghiệp vụ cho cán bộ làm công tác văn thư.

Ngày 5/9, Văn phòng Tỉnh ủy tổ chức lớp tập huấn nghiệp vụ văn thư, lưu trữ cho cán bộ các cơ quan Đảng.

Phát biểu khai mạc, đồng chí Phó Chánh Văn phòng yêu cầu học viên nắm vững quy trình số hóa tài liệu.
""",
    "2025/08/van-phong-ubnd-tinh-so-hoa.md": f"""Title: {ABBREVIATED_2025}
Date: 2025-08-01T08:00:00+07:00
Author: Minh Hằng
Summary: Văn phòng UBND tỉnh hướng dẫn các phòng số hóa hồ sơ công việc.

Ngày 1/8, Văn phòng UBND tỉnh tổ chức hướng dẫn số hóa hồ sơ công việc trên hệ thống quản lý văn bản.

Theo kế hoạch, hồ sơ trình UBND tỉnh từ tháng 9 được lập hoàn toàn trên môi trường điện tử.
""",
    "2025/10/uy-ban-nhan-dan-tinh-cai-cach.md": f"""Title: {SPELLED_OUT_2025}
Date: 2025-10-02T08:00:00+07:00
Author: Minh Hằng
Summary: Kế hoạch cải cách hành chính năm 2026 của tỉnh.

Ủy ban nhân dân tỉnh vừa ban hành kế hoạch cải cách hành chính năm 2026, trọng tâm là thủ tục trực tuyến.

Các sở, ngành rà soát thủ tục, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/11.
""",
}


@pytest.fixture(scope="module")
def search_site(tmp_path_factory) -> Path:
    """The sample project plus the articles above, built by `newsroom build`."""
    project = tmp_path_factory.mktemp("search-project")
    for name in ("content", "theme", "plugins"):
        shutil.copytree(ROOT / name, project / name)
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, project / name)
    for path, text in ARTICLES.items():
        target = project / "content" / "articles" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    output = project / "output"
    run_newsroom("build", "--output", str(output), cwd=project, check=True)
    return output


@pytest.fixture(scope="module")
def served(search_site):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(search_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def tab(browser, served):
    page = browser.new_page()
    yield page
    page.close()


def open_finder(tab, served: str, query: str = "") -> None:
    """Open /tim-kiem/ with a shared address and wait until its results are shown."""
    tab.goto(f"{served}/tim-kiem/{'?' + query if query else ''}")
    wait_until_shown(tab)


def wait_until_shown(tab) -> None:
    tab.locator("[data-search][data-state=ready], [data-search][data-state=error]").wait_for()
    assert tab.locator("[data-search]").get_attribute("data-state") == "ready", tab.get_by_role("status").inner_text()


def results(tab) -> list[tuple[str, str]]:
    """(title, path) of every result, after loading them all."""
    more = tab.get_by_role("button", name="Xem thêm kết quả")
    while more.is_visible():
        shown = tab.locator(".finder__result").count()
        more.click()
        tab.wait_for_function("n => document.querySelectorAll('.finder__result').length > n", arg=shown)
        wait_until_shown(tab)
    links = tab.locator(".finder__result-title a")
    return [(links.nth(i).inner_text(), urlsplit(links.nth(i).get_attribute("href")).path) for i in range(links.count())]


def search(tab, served: str, words: str) -> list[tuple[str, str]]:
    open_finder(tab, served, "q=" + words.replace(" ", "+"))
    return results(tab)


def titles(found) -> set[str]:
    return {title for title, _ in found}


def paths(found) -> set[str]:
    return {path for _, path in found}


def test_with_or_without_diacritics_the_same_pages(tab, served, search_site):
    with_marks = search(tab, served, "đồng chí")
    without = search(tab, served, "dong chi")
    assert paths(with_marks) == paths(without)
    # Every article that writes "đồng chí" or "Đồng chí" is found.
    assert {DEPARTMENT_2025, OFFICE_2025, OFFICE_2026} <= titles(without)
    for words, spelled in (("don vi", "đơn vị"), ("dang uy", "đảng ủy"), ("DANG UY", "Đảng ủy")):
        found = search(tab, served, words)
        assert paths(found) == paths(search(tab, served, spelled)), words
        assert found, words


def test_abbreviations_meet_their_long_forms_both_ways(tab, served):
    spelled_query = search(tab, served, "uy ban nhan dan tinh")
    abbreviated_query = search(tab, served, "UBND tỉnh")
    for found in (spelled_query, abbreviated_query):
        assert {ABBREVIATED_2025, SPELLED_OUT_2025} <= titles(found)
    assert paths(spelled_query) == paths(abbreviated_query)
    # "CSTĐ" finds the sample article that writes "Chiến sĩ thi đua" and the award pages.
    found = search(tab, served, "CSTĐ")
    assert OFFICE_2026 in titles(found)
    assert "/khen-thuong/chien-si-thi-dua-cap-tinh/" in paths(found)


def test_unit_award_and_fixed_pages_are_found_by_name(tab, served):
    assert "/don-vi/van-phong-tinh-uy-phong-tong-hop/" in paths(search(tab, served, "phong tong hop"))
    assert "/don-vi/van-phong-tinh-uy/" in paths(search(tab, served, "Văn phòng Tỉnh ủy"))
    assert "/khen-thuong/bang-khen-cua-thu-tuong-chinh-phu/" in paths(search(tab, served, "bang khen thu tuong"))
    assert "/gioi-thieu/" in paths(search(tab, served, "gioi thieu"))
    kinds = tab.locator(".finder__result-meta").all_inner_texts()
    assert any(kind.startswith("Trang") for kind in kinds)


def kinds(tab) -> list[str]:
    return [text.split(" · ")[0] for text in tab.locator(".finder__result-meta").all_inner_texts()]


def test_articles_rank_above_reference_pages_for_the_words_of_their_text(tab, served):
    """"ubnd" is in the name of a dozen offices and departments: readers looking for it want the news first."""
    search(tab, served, "ubnd")
    assert "Bài viết" in kinds(tab)[:3], kinds(tab)
    search(tab, served, "dong chi")
    assert set(kinds(tab)[:3]) == {"Bài viết"}, kinds(tab)


def test_reference_pages_excerpt_their_description_never_their_aliases(tab, served):
    search(tab, served, "bang khen chu tich ubnd")
    award = tab.locator(".finder__result", has=tab.get_by_role("link", name="Bằng khen của Chủ tịch UBND tỉnh", exact=True))
    excerpt = award.locator(".finder__result-excerpt").inner_text()
    assert excerpt.startswith("Bằng khen cấp tỉnh"), excerpt
    assert "Bằng khen của UBND tỉnh" not in excerpt, "an alias is found by, never shown"


def test_on_a_phone_the_results_scroll_into_view_after_enter(browser, served):
    tab = browser.new_page(viewport={"width": 360, "height": 800})
    open_finder(tab, served)
    status = tab.get_by_role("status")
    assert status.evaluate("e => e.getBoundingClientRect().top") > 800, "the form fills a phone's screen"
    tab.get_by_role("searchbox", name="Từ khóa").fill("dong chi")
    tab.get_by_role("searchbox", name="Từ khóa").press("Enter")
    tab.locator(".finder__result").first.wait_for()
    tab.wait_for_function("() => { const r = document.querySelector('[role=status]').getBoundingClientRect();"
                          " return r.top >= 0 && r.bottom <= innerHeight; }")
    assert tab.locator(".finder__result-title a").first.is_visible()
    # Arriving with words in the address (another page's search box) shows the results too.
    tab.goto(f"{served}/tim-kiem/?q=ubnd")
    tab.wait_for_function("() => { const r = document.querySelector('[role=status]').getBoundingClientRect();"
                          " return document.querySelector('.finder__result') && r.top >= 0 && r.bottom <= innerHeight; }")
    tab.close()


def test_excerpts_are_body_text_with_the_words_marked(tab, served):
    search(tab, served, "dong chi")
    item = tab.locator(".finder__result", has=tab.get_by_role("link", name=OFFICE_2025))
    excerpt = item.locator(".finder__result-excerpt")
    assert "đồng chí Phó Chánh Văn phòng" in excerpt.inner_text()
    assert excerpt.locator("mark").all_inner_texts()[:2] == ["đồng", "chí"]
    for text in tab.locator(".finder__result-excerpt").all_inner_texts():
        assert not text.startswith("Thứ") and "Tác giả" not in text


def test_filter_by_parent_unit_and_year_lists_its_departments_articles(browser, tab, served):
    open_finder(tab, served)
    tab.get_by_label("Đơn vị").select_option(label="Văn phòng Tỉnh ủy")
    tab.get_by_label("Năm").select_option("2025")
    tab.wait_for_function("new URLSearchParams(location.search).get('nam') === '2025'")
    wait_until_shown(tab)
    found = results(tab)
    assert titles(found) == {DEPARTMENT_2025, OFFICE_2025}
    status = tab.get_by_role("status")
    assert status.inner_text().startswith("Tìm thấy 2 kết quả")
    assert parse_qs(urlsplit(tab.url).query) == {"don-vi": ["van-phong-tinh-uy"], "nam": ["2025"]}

    # The address is the list: opened elsewhere, it shows the same filters and results.
    other = browser.new_page()
    open_finder(other, served, urlsplit(tab.url).query)
    assert titles(results(other)) == {DEPARTMENT_2025, OFFICE_2025}
    assert other.get_by_label("Đơn vị").input_value() == "van-phong-tinh-uy"
    other.close()

    # Up the tree (Tỉnh ủy holds the office) and across years.
    open_finder(tab, served, "don-vi=tinh-uy&nam=2025")
    assert titles(results(tab)) == {DEPARTMENT_2025, OFFICE_2025}
    open_finder(tab, served, "don-vi=van-phong-tinh-uy&nam=2026")
    assert titles(results(tab)) == {OFFICE_2026}
    # Down the tree: a department does not hold its office's own articles.
    open_finder(tab, served, "don-vi=van-phong-tinh-uy-phong-quan-tri&nam=2025")
    assert titles(results(tab)) == {DEPARTMENT_2025}


def test_filter_by_award_kind_and_words_combined(tab, served):
    open_finder(tab, served, "loai-khen-thuong=certificate_of_merit&nam=2025")
    assert titles(results(tab)) == {DEPARTMENT_2025}
    open_finder(tab, served, "khen-thuong=bang-khen-cua-chu-tich-ubnd-tinh")
    found = titles(results(tab))
    assert {DEPARTMENT_2025, OFFICE_2026} <= found and ABBREVIATED_2025 not in found
    open_finder(tab, served, "q=so+hoa&nam=2025&don-vi=van-phong-tinh-uy")
    assert titles(results(tab)) == {OFFICE_2025}


def test_reader_types_and_the_address_follows(tab, served):
    open_finder(tab, served)
    tab.get_by_label("Từ khóa").fill("đồng chí")
    status = tab.get_by_role("status")
    status.filter(has_text="“đồng chí”").wait_for()
    assert parse_qs(urlsplit(tab.url).query) == {"q": ["đồng chí"]}
    tab.get_by_role("button", name="Xóa từ khóa và bộ lọc").click()
    tab.wait_for_function("location.search === ''")
    wait_until_shown(tab)
    assert tab.locator(".finder__result").count() == 0


def test_only_pages_meant_to_be_found_are_indexed(tab, served, search_site):
    open_finder(tab, served)
    indexed = tab.evaluate(
        """async () => {
            const pagefind = await import('/pagefind/pagefind.js');
            const kinds = {};
            for (const kind of ['article', 'unit', 'award', 'page']) {
                const search = await pagefind.search(null, {filters: {loai: kind}});
                kinds[kind] = await Promise.all(search.results.map(r => r.data().then(d => d.raw_url)));
            }
            return kinds;
        }"""
    )
    built = {kind: set() for kind in indexed}
    for page in search_site.rglob("index.html"):
        path = "/" + page.parent.relative_to(search_site).as_posix() + "/"
        soup = soup_of(page)
        if soup.find("meta", attrs={"http-equiv": "refresh"}) or "/trang/" in path:
            continue  # redirects for former slugs and later pages of a list
        parts = path.strip("/").split("/")
        if parts[0] == "tin-tuc" and len(parts) == 4:
            built["article"].add(path)
        elif parts[0] == "don-vi" and len(parts) == 2:
            built["unit"].add(path)
        elif parts[0] == "khen-thuong" and len(parts) == 2 and not parts[1].startswith("nam-"):
            built["award"].add(path)
        elif path == "/gioi-thieu/":
            built["page"].add(path)
    assert {kind: sorted(urls) for kind, urls in indexed.items()} == {kind: sorted(urls) for kind, urls in built.items()}
    sample_articles = len(list((ROOT / "content" / "articles").rglob("*.md")))
    assert len(built["article"]) == sample_articles + len(ARTICLES) and built["unit"] and built["award"]


def test_search_page_requests_nothing_from_elsewhere(browser, served):
    tab = browser.new_page()
    requested: list[str] = []
    tab.on("request", lambda request: requested.append(request.url))
    open_finder(tab, served, "q=dong+chi")
    assert tab.locator(".finder__result").count() > 0
    assert requested and all(url.startswith(served + "/") for url in requested), requested
    tab.close()


def test_without_javascript_the_page_points_to_the_browse_pages(browser, served):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(served + "/tim-kiem/")
    assert not tab.get_by_label("Từ khóa").is_visible()
    for name, href in (("Tin theo đơn vị", "/don-vi/"), ("Tin theo khen thưởng", "/khen-thuong/"),
                       ("Tất cả tin tức, theo thời gian", "/tin-tuc/")):
        link = tab.get_by_role("link", name=name)
        assert link.is_visible() and link.get_attribute("href") == href
    context.close()
