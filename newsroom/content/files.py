"""Which files of the content folder are articles and pages, and where the build writes each article.

Pelican publishes exactly the `.md` files of `articles/` and `pages/`
(pelicanconf.py READERS); the checker, the build and `newsroom new`/`import`
ask these functions, so they never disagree about what is published or where.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from newsroom.addresses import Addresses
from newsroom.content.dates import DateProblem, parse_article_date
from newsroom.core.source import MarkdownSource, SourceError, parse_markdown
from newsroom.core.text import slugify

# The one extension Pelican publishes (pelicanconf.py READERS): exactly these files are checked and built.
ARTICLE_SUFFIX = ".md"
SOURCE_FOLDERS = ("articles", "pages")
# What editors' programs leave beside a file they save: hidden and swap files (".bai.md.swp", ".#bai.md"),
# backups ("bai.md~", "#bai.md#"), JetBrains' and Kate's temporary copies.
EDITOR_LEFTOVER = re.compile(r"^\.|~$|^#.*#$|___jb_(?:tmp|old)___$|\.kate-swp$")
# What a Slug: may hold: anything else could leave the output folder or break URLs.
SAFE_SLUG = re.compile(r"^[A-Za-z0-9_-]+$")


def editor_leftover(name: str) -> bool:
    """Whether a file of this name is an editor's working copy, never an article: not checked, not watched."""
    return EDITOR_LEFTOVER.search(name) is not None or _vim_probe(name)


def _vim_probe(name: str) -> bool:
    """Vim tries whether it may write in a folder with a file named 4913 (then 5036, 5159…: +123 while taken).
    Only those numbers: year and month folders ("2026", "12") are digits too."""
    return name.isdigit() and int(name) >= 4913 and (int(name) - 4913) % 123 == 0


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
    output: str  # "" for a draft: not written
    url: str
    group: tuple[str, str]  # (status group, language): Pelican pairs slugs within it
    date: datetime.datetime | None

    @property
    def listed(self) -> bool:
        """In the lists, feeds and browse pages: published (hidden and withdrawn ones get their page only)."""
        return self.group[0] == "published" and self.date is not None


def article_slug(source: MarkdownSource) -> str:
    """The slug Pelican gives the article: its `Slug:`, else its title's."""
    title, slug_field = source.metadata.get("title"), source.metadata.get("slug")
    return slug_field.value if slug_field and slug_field.value else slugify(title.value) if title else ""


def page_slug(source: MarkdownSource) -> str:
    return source.get("slug") or slugify(source.get("title"))


def destination(source: MarkdownSource, addresses: Addresses) -> Destination | None:
    """Where the article will be written, or None when other checks already refuse it."""
    title, slug_field = source.metadata.get("title"), source.metadata.get("slug")
    slug = article_slug(source)
    if not slug:
        return None
    status = source.get("status", "published").lower()
    try:
        date = parse_article_date(source.get("date"))
    except DateProblem:
        if status != "draft":
            return None
        date = None
    if status == "draft":
        written = addresses.draft(slug)
    else:
        written = addresses.article(slug, date, {key: field.value for key, field in source.metadata.items()})
    line = (slug_field or title).line
    group = ("draft" if status == "draft" else "published" if status == "published" else "hidden", source.get("lang", "vi"))
    return Destination(source.path, line, slug, written.save_as, written.url, group, date)


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
