"""The preview asks "did you mean" too: a misspelt registered name is a warning in the open article page."""

from __future__ import annotations

import pytest

from test_desk import ARTICLE_PAGE, desk, save_in_place  # noqa: F401 - desk is the fixture: `newsroom serve`

pytestmark = pytest.mark.browser


def test_a_misspelt_unit_is_a_did_you_mean_in_the_open_page(desk, browser):  # noqa: F811
    base, project, article = desk
    good = article.read_text(encoding="utf-8")
    tab = browser.new_page()
    try:
        tab.goto(base + ARTICLE_PAGE)
        save_in_place(article, good + "\nĐại biểu HĐND tình và Sở Nôi vụ dự hội nghị.\n")
        warnings = tab.locator("aside.newsroom-desk ul.build-warnings li")
        warnings.first.wait_for(timeout=60000)
        shown = warnings.all_inner_texts()
        for registered in ("Sở Nội vụ", "HĐND tỉnh"):
            said = [text for text in shown if f'Có phải "{registered}"?' in text]
            assert said and f'Did you mean "{registered}"?' in said[0], shown
        assert tab.locator("h1").inner_text() == "Văn phòng Tỉnh ủy triển khai nhiệm vụ năm 2026", "the page is shown"
    finally:
        tab.close()
