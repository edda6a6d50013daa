"""Which files of the content folder are articles and pages, and where the build writes each article.

Pelican publishes exactly the `.md` files of `articles/` and `pages/`
(pelicanconf.py READERS); the checker, the build and `newsroom new`/`import`
ask these functions, so they never disagree about what is published or where.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from newsroom.content.dates import DateProblem, parse_article_date
from newsroom.core.source import MarkdownSource, SourceError, parse_markdown
from newsroom.core.text import slugify

# The one extension Pelican publishes (pelicanconf.py READERS): exactly these files are checked and built.
ARTICLE_SUFFIX = ".md"
SOURCE_FOLDERS = ("articles", "pages")
# Kept in step with pelicanconf.py (ARTICLE_SAVE_AS, Pelican's DRAFT_SAVE_AS).
ARTICLE_SAVE_AS = "tin-tuc/{year}/{month}/{slug}/index.html"
DRAFT_SAVE_AS = "drafts/{slug}.html"
# What a Slug: may hold: anything else could leave the output folder or break URLs.
SAFE_SLUG = re.compile(r"^[A-Za-z0-9_-]+$")


def article_files(content: Path) -> list[Path]:
    return source_files(content, "articles")


def source_files(content: Path, folder: str) -> list[Path]:
    root = Path(content) / folder
    return sorted(p for p in root.rglob(f"*{ARTICLE_SUFFIX}") if p.is_file()) if root.is_dir() else []


@dataclass(frozen=True)
class Destination:
    path: Path
    line: int
    slug: str
    output: str
    group: tuple[str, str]  # (status group, language): Pelican pairs slugs within it


def output_path(slug: str, year: int, month: int, status: str = "published") -> str:
    """Where Pelican writes the article, relative to the output folder."""
    if status == "draft":
        return DRAFT_SAVE_AS.format(slug=slug)
    return ARTICLE_SAVE_AS.format(year=f"{year:04d}", month=f"{month:02d}", slug=slug)


def destination(source: MarkdownSource) -> Destination | None:
    """Where the article will be written, or None when other checks already refuse it."""
    title, slug_field = source.metadata.get("title"), source.metadata.get("slug")
    slug = slug_field.value if slug_field and slug_field.value else slugify(title.value) if title else ""
    if not slug:
        return None
    status = source.get("status", "published").lower()
    try:
        date = parse_article_date(source.get("date"))
    except DateProblem:
        if status != "draft":
            return None
        date = None
    if date is None:
        output = output_path(slug, 0, 0, status)
    else:
        output = output_path(slug, date.year, date.month, status)
    line = (slug_field or title).line
    group = ("draft" if status == "draft" else "hidden" if status == "hidden" else "published", source.get("lang", "vi"))
    return Destination(source.path, line, slug, output, group)


def known_articles(content: Path) -> dict[str, list[tuple[Path, str]]]:
    """Slug -> [(file, date YYYY-MM-DD or "")] of the articles already in `content`.

    For `newsroom new` and `newsroom import`, which must not create a second
    article under a slug that is taken. Unreadable files are skipped here; the
    checker reports them.
    """
    known: dict[str, list[tuple[Path, str]]] = defaultdict(list)
    for path in article_files(content):
        try:
            source = parse_markdown(path)
        except (SourceError, OSError):
            continue
        title, slug = source.get("title"), source.get("slug")
        slug = slug or (slugify(title) if title else "")
        if slug:
            known[slug].append((path, source.get("date")[:10]))
    return known
