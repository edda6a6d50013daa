"""Normalisation: one matching form for every spelling of a name, offsets kept."""

import unicodedata

import pytest

from newsroom.core.text import normalise, slugify, tokenize


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Hòa Bình", "Hoà Bình"),
        ("Tỉnh ủy", "Tỉnh uỷ"),
        ("Thúy", "Thuý"),
        ("khỏe", "khoẻ"),
        ("Văn phòng Tỉnh ủy", unicodedata.normalize("NFD", "Văn phòng Tỉnh ủy")),
        ("VĂN PHÒNG TỈNH ỦY", "văn phòng tỉnh ủy"),
        ("Đinh", "\u00d0inh"),  # Icelandic eth look-alike
        ("Hành chính - Tổ chức", "Hành chính Tổ chức"),
        ("Hành chính – Tổ chức", "Hành chính—Tổ chức"),
        ("Hành chính \u2011 Tổ chức", "Hành  chính\tTổ chức"),
        ("UBND tỉnh", "Ủy ban nhân dân tỉnh"),
        ("HĐND tỉnh", "Hội đồng nhân dân tỉnh"),
        ("Đoàn ĐBQH", "Đoàn đại biểu Quốc hội"),
        ("VP. UBND tỉnh", "Văn phòng UBND tỉnh"),
        ("TP. Việt Trì", "thành phố Việt Trì"),
        ("TT. Phục vụ hành chính công", "Trung tâm Phục vụ hành chính công"),
        ("Chiến sỹ thi đua", "Chiến sĩ thi đua"),
        ("Huân chương Lao động hạng 3", "Huân chương Lao động hạng Ba"),
        ("Huân chương Lao động hạng III", "Huân chương Lao động hạng ba"),
        ("hạng I", "hạng Nhất"),
        ("hạng 2", "hạng Nhì"),
        ("hạng II", "hạng nhì"),
    ],
)
def test_same_matching_form(left, right):
    assert normalise(left) == normalise(right)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Tổ chức", "Tờ chức"),  # diacritics are kept: different words stay different
        ("TT Phục vụ", "Trung tâm Phục vụ"),  # only "TT." with its dot is Trung tâm
        ("Phòng Tổng hợp", "Phòng Tổng hợp, Văn phòng"),
    ],
)
def test_different_forms(left, right):
    assert normalise(left) != normalise(right)


@pytest.mark.parametrize(
    "word",
    ["hòa", "hoàn", "thủy", "quý", "quyết", "giá", "gì", "giữ", "người", "tuổi", "ngoài", "khuỷu", "mía", "của", "hướng"],
)
def test_new_style_words_are_stable(word):
    assert normalise(word) == word


def test_tokens_keep_original_offsets():
    text = "Chánh VP. UBND tỉnh – Hoà"
    tokens = tokenize(text)
    assert [t.norm for t in tokens] == ["chánh", "văn", "phòng", "ủy", "ban", "nhân", "dân", "tỉnh", "hòa"]
    assert [text[t.start : t.end] for t in tokens] == ["Chánh", "VP.", "VP.", "UBND", "UBND", "UBND", "UBND", "tỉnh", "Hoà"]


def test_nfd_offsets_point_into_the_nfd_string():
    text = unicodedata.normalize("NFD", "Văn phòng Tỉnh ủy")
    tokens = tokenize(text, offset=10)
    assert [t.norm for t in tokens] == ["văn", "phòng", "tỉnh", "ủy"]
    assert text[tokens[-1].start - 10 : tokens[-1].end - 10] == unicodedata.normalize("NFD", "ủy")


def test_punctuation_is_kept_dashes_are_not():
    assert [t.norm for t in tokenize("Sở Văn hóa, Thể thao - Du lịch; năm 2025.")] == [
        "sở", "văn", "hóa", ",", "thể", "thao", "du", "lịch", ";", "năm", "2025", ".",
    ]


def test_slugify():
    assert slugify("Văn phòng Đoàn ĐBQH và HĐND tỉnh") == "van-phong-doan-dbqh-va-hdnd-tinh"
    assert slugify("Huân chương Lao động hạng Ba") == "huan-chuong-lao-dong-hang-ba"


# Properties over generated Vietnamese text.

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
words = st.text(alphabet=LETTERS, min_size=1, max_size=7)
phrases = st.lists(words, min_size=1, max_size=8)


@given(phrases)
def test_unicode_form_and_case_do_not_matter(parts):
    text = " ".join(parts)
    assert normalise(unicodedata.normalize("NFD", text)) == normalise(text)
    assert normalise(text.upper()) == normalise(text)
    assert normalise(text.title()) == normalise(text)


@given(phrases, st.sampled_from(["-", "–", "—", "\u2011", " ", "\t", "  "]))
def test_separators_are_spaces(parts, separator):
    assert normalise(f" {separator} ".join(parts)) == normalise(" ".join(parts))


@given(phrases)
def test_offsets_cover_the_original(parts):
    text = unicodedata.normalize("NFD", " – ".join(parts))
    tokens = tokenize(text)
    assert [t.start for t in tokens] == sorted(t.start for t in tokens)
    for token in tokens:
        assert 0 <= token.start < token.end <= len(text)
        assert text[token.start : token.end] == token.text


@given(phrases)
def test_normalising_twice_changes_nothing(parts):
    once = normalise(" ".join(parts))
    assert normalise(once) == once


def test_pager_window_shows_first_last_and_neighbours():
    from newsroom.site.pagination import pager_window

    assert pager_window(5, 100) == [1, None, 4, 5, 6, None, 100]
    assert pager_window(1, 3) == [1, 2, 3]
    assert pager_window(3, 5) == [1, 2, 3, 4, 5]
    assert pager_window(100, 100) == [1, None, 99, 100]


def test_fast_letter_ranges_are_word_characters():
    """The tokenizer lists these ranges before \\w only for speed: each must already be \\w."""
    import re

    from newsroom.core.text import WORD_FAST_RANGES

    ranges = re.findall(r"(.)-(.)", WORD_FAST_RANGES)
    assert "".join(f"{a}-{b}" for a, b in ranges) == WORD_FAST_RANGES
    for first, last in ranges:
        for code in range(ord(first), ord(last) + 1):
            assert re.fullmatch(r"\w", chr(code)), hex(code)


TRICKY = "aAđĐếỆ0123456789٠١.,;:-–—‐ \t\n\u00a0²³¼_()\"“”'…!?/&%\u0300\u0301\u0323ǅⅫ①"


@given(st.text(alphabet=TRICKY + LETTERS, max_size=30))
def test_fast_token_split_is_the_token_pattern(text):
    """The tokenizer's split regex is a faster form of _TOKEN: it must cut every text the same way."""
    import re

    from newsroom.core.text import _SPLIT, _TOKEN

    assert _SPLIT.split(text) == re.split(f"({_TOKEN.pattern})", text)


@given(st.text(alphabet=TRICKY + LETTERS + "    ", max_size=40))
def test_tokens_are_the_token_pattern_over_the_whole_text(text):
    """Texts are read in chunks between spaces, each chunk's tokens remembered: every token must
    still be a match of _TOKEN over the whole text, at its place (abbreviations aside: they expand)."""
    from hypothesis import assume

    from newsroom.core.text import _TOKEN, ABBREVIATIONS, normalise_word

    matches = list(_TOKEN.finditer(text))
    assume(not any(normalise_word(m.group()) in ABBREVIATIONS or normalise_word(m.group()) in ("hạng", "tt")
                   for m in matches))
    for _ in range(2):  # once as new chunks, once from the cache
        assert [(t.start, t.text) for t in tokenize(text)] == [(m.start(), m.group()) for m in matches]
