"""An article without `Summary:` is summarised by its first words, as Pelican would have cut them."""

from __future__ import annotations

import html

import pytest
from markupsafe import Markup
from pelican.utils import truncate_html_words

from newsroom.site.summary import first_words

WORDS = ("Sáng 12/3, Văn phòng UBND tỉnh tổ chức hội nghị tổng kết công tác năm 2025 & triển khai "
         "nhiệm vụ <năm 2026>; đồng chí Chánh Văn phòng chủ trì - các phòng, ban tham dự đầy đủ").split()


@pytest.mark.parametrize("count", [0, 1, 12, 49, 50, 51, 140])
def test_the_same_words_as_pelicans_cut(count):
    text = " ".join((WORDS * 8)[:count])
    pelican = Markup(truncate_html_words(f"<p>{html.escape(text, quote=False)}</p>", 50, "…")).striptags()
    assert Markup(first_words(text, 50, "…")).striptags() == pelican


def test_paragraph_breaks_read_as_spaces_and_markup_stays_text():
    summary = first_words("Một <b>hai</b>\n\nba   bốn", 50)
    assert summary == "Một &lt;b&gt;hai&lt;/b&gt; ba bốn"
    assert Markup(summary).striptags() == "Một <b>hai</b> ba bốn"
