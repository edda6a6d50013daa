"""The search form of Vietnamese text, in Python (index) and in the reader's browser (query): they must agree."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsroom.site.search_folding import ABBREVIATIONS, fold, fold_words
from newsroom.site.search_index import SearchRecord, article_record


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("đồng chí", "dong chi"),
        ("ĐỒNG CHÍ", "dong chi"),
        ("Đảng ủy", "dang uy"),
        ("Đảng uỷ", "dang uy"),  # old tone placement
        ("đơn vị", "don vi"),
        ("UBND tỉnh", "uy ban nhan dan tinh"),
        ("Ủy ban nhân dân tỉnh", "uy ban nhan dan tinh"),
        ("HĐND, ĐBQH; MTTQ", "hoi dong nhan dan dai bieu quoc hoi mat tran to quoc"),
        ("TP. Hải Phòng", "thanh pho hai phong"),
        ("CSTĐ cơ sở; LĐTT", "chien si thi dua co so lao dong tien tien"),
        ("HCLĐ hạng Ba", "huan chuong lao dong hang ba"),
        ("Chiến sỹ thi đua", "chien si thi dua"),
        ("kỹ thuật, kĩ thuật", "ki thuat ki thuat"),
        ("Phòng Chuyển đổi số - Cơ yếu", "phong chuyen doi so co yeu"),
        ("ngày 23/11/2026", "ngay 23 11 2026"),
        ("", ""),
    ],
)
def test_fold(typed, folded):
    assert fold(typed) == folded


def test_decomposed_input_folds_like_composed():
    text = "Đồng chí Nguyễn Thị Minh, Trưởng phòng Hành chính – Tổ chức"
    assert fold(unicodedata.normalize("NFD", text)) == fold(text)


def test_every_abbreviation_folds_to_words_a_reader_can_type():
    for short, long in ABBREVIATIONS.items():
        assert short.isascii() and short.isalnum()
        assert fold_words(long) == long.split(), f"{short}: {long} is not already folded"


def test_record_is_indexed_folded_and_keeps_its_own_text_for_excerpts():
    record = SearchRecord(url="/gioi-thieu/", title="Giới thiệu", text="Tin của UBND tỉnh.", kind="page")
    assert record.searchable() == "gioi thieu\ntin cua uy ban nhan dan tinh"
    assert record.pagefind_meta()["source"] == f"texts/{record.key()}.txt"
    assert "UBND" not in record.html()  # Pagefind indexes meta values: the original text stays out
    assert record.pagefind_filters() == {"loai": ["page"]}


class _Unit:
    def __init__(self, slug, parent=None):
        self.slug, self.parent = slug, parent


def test_article_counts_for_every_unit_above_its_own():
    import datetime

    office = _Unit("van-phong-tinh-uy", _Unit("tinh-uy"))
    department = _Unit("van-phong-tinh-uy-phong-quan-tri", office)
    record = article_record(url="tin-tuc/2025/06/a/", title="A", date=datetime.datetime(2025, 6, 10, 9), text="",
                            units=[department, office], awards=[])
    assert record.url == "/tin-tuc/2025/06/a/"
    assert record.filters["don-vi"] == ["van-phong-tinh-uy-phong-quan-tri", "van-phong-tinh-uy", "tinh-uy"]
    assert record.filters["nam"] == ["2025"]
    assert record.sort == {"date": "2025-06-10T09:00:00"}


# ---- the browser's folding (theme/static/js/search.js) against Python's ----

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
ALPHABET = VIETNAMESE + VIETNAMESE.upper() + "0123456789 ,.;:-–/()“”\"'\n\u0300\u0301\u0303\u0309\u0323ð"
WORDS = st.sampled_from(sorted(ABBREVIATIONS) + ["UBND", "HĐND", "Đbqh", "TP.", "sỹ", "Kỳ", "quý", "ĐẢNG"])
TEXTS = st.lists(st.one_of(st.text(alphabet=ALPHABET, max_size=12), WORDS), max_size=8).map(" ".join)


@pytest.fixture(scope="module")
def finder(browser, served_site):
    tab = browser.new_page()
    tab.goto(served_site + "/tim-kiem/")
    tab.locator("[data-search][data-state=ready], [data-search][data-state=error]").wait_for()
    assert tab.evaluate("typeof window.newsroomFold('') === 'string'"), tab.get_by_role("status").inner_text()
    yield tab
    tab.close()


@pytest.mark.browser
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_browser_folds_queries_exactly_as_the_index_was_folded(finder, text):
    assert finder.evaluate("text => window.newsroomFold(text)", text) == fold(text)
