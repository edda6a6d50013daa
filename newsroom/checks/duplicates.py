"""Two articles that Pelican would write to the same page, or treat as one.

Same output path: Pelican aborts halfway through writing the site. Same slug
in different months: Pelican takes the second for a translation of the first
and drops it from every list. Both are errors naming every file involved.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from newsroom.core.source import MarkdownSource

from .dates import DateProblem, parse_article_date
from .problems import Problem, error
from .slugs import output_path, slugify


@dataclass(frozen=True)
class Destination:
    path: Path
    line: int
    slug: str
    output: str
    group: tuple[str, str]  # (status group, language): Pelican pairs slugs within it


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


def check_duplicates(sources: list[MarkdownSource]) -> list[Problem]:
    destinations = [d for d in map(destination, sources) if d is not None]
    problems = []
    by_output: dict[str, list[Destination]] = defaultdict(list)
    by_slug: dict[tuple, list[Destination]] = defaultdict(list)
    for item in destinations:
        by_output[item.output].append(item)
        by_slug[(item.group, item.slug)].append(item)
    reported: set[Path] = set()
    for output, items in by_output.items():
        for item in items if len(items) > 1 else ():
            others = ", ".join(str(o.path) for o in items if o is not item)
            reported.add(item.path)
            problems.append(error(
                item.path, item.line,
                f"trùng địa chỉ trang {output} với {others}; hãy đổi tiêu đề hoặc thêm dòng Slug: khác",
                f"same page address {output} as {others}; change the title or add a different Slug:",
            ))
    for (_, slug), items in by_slug.items():
        for item in items if len(items) > 1 else ():
            if item.path in reported:
                continue
            others = ", ".join(str(o.path) for o in items if o is not item)
            problems.append(error(
                item.path, item.line,
                f'trùng đường dẫn rút gọn "{slug}" với {others}, Pelican sẽ bỏ mất một bài; hãy thêm dòng Slug: khác',
                f'same slug "{slug}" as {others}; Pelican would drop one of them; add a different Slug:',
            ))
    return problems


def known_articles(content: Path) -> dict[str, list[tuple[Path, str]]]:
    """Slug -> [(file, date YYYY-MM-DD or "")] of the articles already in `content`.

    For `newsroom new` and `newsroom import`, which must not create a second
    article under a slug that is taken. Unreadable files are skipped here; the
    checker reports them.
    """
    from newsroom.core.source import SourceError, parse_markdown

    from .site import article_files

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
