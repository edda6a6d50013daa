"""Checks of one Markdown article, each kind in its own module."""

from __future__ import annotations

from pathlib import Path

from newsroom.core.source import MarkdownSource

from .figures import check_figures
from .metadata import check_metadata
from newsroom.problems import Problem
from .text import check_text


def check_article(source: MarkdownSource, content: Path | None = None, page: bool = False) -> list[Problem]:
    """Checks of an article, or of a fixed page (`page`), which needs no date or author."""
    content = Path(content) if content is not None else _content_folder(source.path)
    return check_metadata(source, page=page) + check_figures(source, content) + check_text(source)


def _content_folder(path: Path) -> Path:
    """The folder holding `articles/`, for callers that check one file alone."""
    for parent in path.resolve().parents:
        if parent.name == "articles":
            return parent.parent
    return path.parent
