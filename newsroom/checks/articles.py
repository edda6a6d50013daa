"""Checks of one Markdown article, each kind in its own module."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from newsroom.core.source import MarkdownSource

from .figures import check_figures
from .metadata import check_metadata
from newsroom.problems import Problem
from .text import check_text


def check_article(source: MarkdownSource, content: Path, timezone: ZoneInfo, page: bool = False) -> list[Problem]:
    """Checks of an article, or of a fixed page (`page`), which needs no date or author."""
    return check_metadata(source, timezone, page=page) + check_figures(source, content) + check_text(source)
