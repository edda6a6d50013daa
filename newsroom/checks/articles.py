"""Checks of one Markdown article's metadata and body."""

from __future__ import annotations

from newsroom.core.source import MarkdownSource

from .dates import DateProblem, parse_article_date
from .problems import Problem, error


def check_article(source: MarkdownSource) -> list[Problem]:
    problems: list[Problem] = []
    path = source.path
    title = source.metadata.get("title")
    if title is None or not title.value:
        problems.append(error(path, title.line if title else 1, "bài viết thiếu tiêu đề (Title:)", "the article has no title (Title:)"))
    date = source.metadata.get("date")
    if date is None:
        problems.append(error(path, 1, "bài viết thiếu ngày đăng (Date:)", "the article has no date (Date:)"))
    else:
        try:
            parse_article_date(date.value)
        except DateProblem as problem:
            problems.append(error(path, date.line, problem.vietnamese, problem.english))
    return problems
