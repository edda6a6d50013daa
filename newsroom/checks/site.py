"""Checks over a whole content folder."""

from __future__ import annotations

from pathlib import Path

from newsroom.core.source import SourceError, parse_markdown

from .articles import check_article
from .problems import Problem, error

ARTICLE_SUFFIXES = {".md", ".markdown", ".mkd"}


def article_files(content: Path) -> list[Path]:
    folder = Path(content) / "articles"
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)


def check_site(content: Path) -> list[Problem]:
    problems: list[Problem] = []
    for path in article_files(content):
        try:
            source = parse_markdown(path)
        except SourceError as failure:
            problems.append(error(path, failure.line, *failure.message.split(" / ", 1)))
            continue
        problems.extend(check_article(source))
    return problems
