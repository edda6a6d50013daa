"""Markdown Python-Markdown cannot render in time is refused at its line, in linear time (issue 9, item 13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsroom.analysis.markdown_limits import MAX_ABBREVIATIONS, MAX_NESTING, markdown_hazards

ROOT = Path(__file__).resolve().parent.parent
PROSE = "Văn phòng Tỉnh ủy tổ chức [hội nghị](/tin-tuc/) tổng kết công tác năm.\n\n"
PATH = Path("content/articles/2026/02/bai.md")


def nested(depth: int, marker: str = "- ", indent: str = "\t") -> str:
    return "\n".join(indent * level + marker + "mục" for level in range(depth))


@pytest.mark.parametrize("hazard, line, words", [
    ("![" * 10_000, 3, '"[" or "<" left open'),                       # the reproduction
    ("[^" * 10_000, 3, '"[" or "<" left open'),
    ("\n".join("[x" for _ in range(2000)), 3, '"[" or "<" left open'),
    ("<a " * 10_000, 3, '"[" or "<" left open'),
    (nested(250), 3 + MAX_NESTING, "nested too deeply"),
    ("\n".join("> " * level + "trích" for level in range(1, 40)), 3 + MAX_NESTING, "nested too deeply"),
    (nested(60, "1. ", "    "), 3 + MAX_NESTING, "nested too deeply"),
    ("\n".join(f"*[A{i}]: viết tắt {i}" for i in range(300)), 3 + MAX_ABBREVIATIONS, "abbreviation"),
])
def test_hazards_are_refused_at_their_line(hazard, line, words):
    text = PROSE + hazard + "\n\n" + PROSE
    problems = markdown_hazards(PATH, text, first_line=1)
    assert [p.line for p in problems] == [line], problems
    assert problems[0].is_error and words in problems[0].english and problems[0].path == PATH


def test_lines_count_from_the_body_start():
    problems = markdown_hazards(PATH, "![" * 10_000, first_line=7)
    assert [p.line for p in problems] == [7]


@pytest.mark.parametrize("text", [
    PROSE * 1000,                                                      # a long article
    "[a](b) " * 3000,                                                  # many closed links in one paragraph
    "\n\n".join("[x" for _ in range(2000)),                            # open brackets, each in its own paragraph
    nested(MAX_NESTING, "- ", "    "),
    "\n".join("> " * level + "trích" for level in range(1, MAX_NESTING + 1)),
    "\n".join(f"*[A{i}]: viết tắt" for i in range(MAX_ABBREVIATIONS)),
    "```\n" + "\n".join("    " * 5 + "code" for _ in range(50)) + "\n```",
])
def test_heavy_but_ordinary_markdown_is_accepted(text):
    assert markdown_hazards(PATH, text) == []


def test_every_shipped_article_is_accepted():
    files = [*ROOT.glob("content/**/*.md"), *ROOT.glob("tests/fixtures/**/*.md"), *ROOT.glob("tests/fixtures/**/*.txt")]
    assert files
    for path in files:
        assert markdown_hazards(path, path.read_text(encoding="utf-8", errors="replace")) == [], path


def test_html_nested_too_deep_is_refused_at_the_body():
    from newsroom.analysis.article import analyse
    from newsroom.analysis.render import BodyRenderer

    text = "Title: Sâu\nDate: 2026-01-22T10:00\n\n" + "<div>" * 150 + "chữ" + "</div>" * 150 + "\n"
    errors = [p for p in analyse(Path("sau.md"), text, BodyRenderer({}), None).problems if p.is_error]
    assert [(p.line, "nested too deeply (150 levels" in p.english) for p in errors] == [(4, True)]
    ordinary = "Title: Thường\nDate: 2026-01-22T10:00\n\n" + "<div>" * 20 + "chữ" + "</div>" * 20 + "\n"
    assert not [p for p in analyse(Path("thuong.md"), ordinary, BodyRenderer({}), None).problems if p.is_error]
