"""Markdown that Python-Markdown cannot render in time, found in linear time before it is rendered.

Measured (bench/pathological_markdown.py): the link and image patterns scan
to the end of the paragraph for every "[" left open, and raw-HTML matching
does the same for every "<tag" left open, so 10,000 "![" on one line take
20 s; lists nested 250 deep exhaust Python's recursion limit; every
abbreviation definition is a pattern run over the whole text. Real articles
are nowhere near these limits; a file past one is refused at its line.
"""

from __future__ import annotations

import re
from pathlib import Path

from newsroom.problems import Problem, error

MAX_NESTING = 20  # lists and quotes inside each other; articles use 2 or 3
MAX_HTML_DEPTH = 100  # elements inside each other in the rendered body (raw HTML included); articles use 5 or 6
SCAN_BUDGET = 10_000_000  # open "[" × paragraph length, summed over the file: about 2 s of rendering
ANGLE_WEIGHT = 0.25  # an open "<tag" costs about a quarter of an open "["
MAX_ABBREVIATIONS = 200
ABBREVIATION = re.compile(r"^\s{0,3}\*\[[^\]]+\]:")
LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
TAG_START = re.compile(r"<[A-Za-z/!?]")
BRACKET_OR_ANGLE = re.compile(r"[\[\]<>]")


def markdown_hazards(path: Path, text: str, first_line: int = 1) -> list[Problem]:
    """Errors for what would make rendering `text` slow or crash; `first_line` is the file line of text's first line."""
    lines = text.split("\n")
    problems = _nesting(path, lines, first_line) + _abbreviations(path, lines, first_line)
    problems += _open_brackets(path, lines, first_line)
    return problems


def _nesting(path: Path, lines: list[str], first_line: int) -> list[Problem]:
    for index, line in enumerate(lines):
        depth = _depth(line)
        if depth > MAX_NESTING:
            return [error(
                path, first_line + index,
                f"danh sách hoặc trích dẫn lồng nhau quá sâu ({depth} cấp, tối đa {MAX_NESTING})",
                f"lists or quotes nested too deeply ({depth} levels, at most {MAX_NESTING})",
            )]
    return []


def _depth(line: str) -> int:
    """Container levels a line opens: 4 columns of indentation, a ">" or a list marker each count one."""
    depth, column, position = 0, 0, 0
    while position < len(line):
        character = line[position]
        if character == " ":
            column += 1
        elif character == "\t":
            column += 4 - column % 4
        elif character == ">":
            depth += 1
            if line.startswith(" ", position + 1):  # "> " is one marker
                position += 1
        else:
            marker = LIST_MARKER.match(line, position)
            if marker is None:
                break
            depth += 1
            position = marker.end()
            continue
        position += 1
    return depth + column // 4


def _abbreviations(path: Path, lines: list[str], first_line: int) -> list[Problem]:
    count = 0
    for index, line in enumerate(lines):
        if ABBREVIATION.match(line):
            count += 1
            if count > MAX_ABBREVIATIONS:
                return [error(
                    path, first_line + index,
                    f"quá nhiều định nghĩa viết tắt *[...] (hơn {MAX_ABBREVIATIONS})",
                    f"too many abbreviation definitions *[...] (more than {MAX_ABBREVIATIONS})",
                )]
    return []


def _open_brackets(path: Path, lines: list[str], first_line: int) -> list[Problem]:
    """Sum, over paragraphs, of (open "[" + weighted open "<tag") × paragraph length; report the worst paragraph."""
    total, worst, worst_line, worst_open = 0.0, 0.0, first_line, 0
    start, block = 0, []
    for index, line in enumerate([*lines, ""]):
        if line.strip():
            if not block:
                start = index
            block.append(line)
            continue
        if block:
            paragraph = "\n".join(block)
            open_brackets, open_angles = _open_counts(paragraph)
            cost = (open_brackets + ANGLE_WEIGHT * open_angles) * len(paragraph)
            total += cost
            if cost > worst:
                worst, worst_open = cost, open_brackets + open_angles
                worst_line = first_line + start + _line_of_first_open(block)
            block = []
    if total <= SCAN_BUDGET:
        return []
    return [error(
        path, worst_line,
        f'đoạn văn có {worst_open} dấu "[" hoặc "<" không đóng, không thể dựng kịp; hãy đóng hoặc bỏ chúng',
        f'the paragraph has {worst_open} "[" or "<" left open and cannot be rendered in time; close or remove them',
    )]


def _open_counts(paragraph: str) -> tuple[int, int]:
    brackets = angles = 0
    for found in BRACKET_OR_ANGLE.finditer(paragraph):  # most paragraphs have none: no loop over every letter
        character, position = found.group(), found.start()
        if character == "[":
            brackets += 1
        elif character == "]" and brackets:
            brackets -= 1
        elif character == "<" and TAG_START.match(paragraph, position):
            angles += 1
        elif character == ">" and angles:
            angles -= 1
    return brackets, angles


def _line_of_first_open(block: list[str]) -> int:
    for offset, line in enumerate(block):
        if "[" in line or "<" in line:
            return offset
    return 0


def html_too_deep(path: Path, levels: int, line: int) -> list[Problem]:
    """An error when the rendered body nests elements deeper than readers' browsers, or our parser, should go."""
    if levels <= MAX_HTML_DEPTH:
        return []
    return [error(
        path, line,
        f"nội dung lồng nhau quá sâu ({levels} cấp thẻ HTML, tối đa {MAX_HTML_DEPTH}); hãy bỏ các thẻ HTML thừa",
        f"the content is nested too deeply ({levels} levels of HTML elements, at most {MAX_HTML_DEPTH}); remove the extra HTML tags",
    )]
