"""The search index, built from the portal's own records with Pagefind's Python API.

Only pages meant to be found become records (articles, unit pages, award pages,
fixed pages); lists, paginations and archives never do. Each record is indexed
in its folded form (see search_folding), so a query typed with or without
diacritics, or with an abbreviation, meets the same words. Pagefind's own
excerpt would then be folded text, so the original text travels in the
record's meta ("text") and the search page cuts the excerpt from it.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsroom.site.search_folding import fold, folding_table

BUNDLE = "pagefind"
FOLDING_FILE = "folding.json"  # written inside the bundle folder, next to pagefind.js
LANGUAGE = "vi"
KINDS = {"article": "Bài viết", "unit": "Đơn vị", "award": "Khen thưởng", "page": "Trang"}
TEXT_LIMIT = 20_000  # characters of original text kept for excerpts; enough for any news item


class SearchIndexError(Exception):
    """Pagefind refused the records; `messages` say why."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass
class SearchRecord:
    """One page readers can find.

    url:     the page's path from the site root, "/tin-tuc/2026/01/slug/".
    title:   as shown on the page.
    text:    the page's reading text, plain (no markup, no date line or byline).
    kind:    "article", "unit", "award" or "page".
    filters: filter name -> values, e.g. {"don-vi": ["van-phong-tinh-uy", "tinh-uy"], "nam": ["2026"]}.
    meta:    extra values shown with a result, e.g. {"date": "28 tháng 1, 2026"}.
    sort:    sort keys, e.g. {"date": "2026-01-28T14:00"}.
    """

    url: str
    title: str
    text: str
    kind: str
    filters: dict[str, list[str]] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)
    sort: dict[str, str] = field(default_factory=dict)

    def searchable(self) -> str:
        """Folded title and text; the title twice so a page found by its name ranks first."""
        return fold(f"{self.title}\n{self.title}\n{self.text}")

    def pagefind_meta(self) -> dict[str, str]:
        return {
            **self.meta,
            "title": self.title,
            "kind": self.kind,
            "kind_label": KINDS.get(self.kind, self.kind),
            "text": self.text[:TEXT_LIMIT],
        }

    def pagefind_filters(self) -> dict[str, list[str]]:
        return {**{name: sorted(set(values)) for name, values in self.filters.items() if values}, "loai": [self.kind]}


def write_search_index(site_dir: Path, records: Iterable[SearchRecord]) -> int:
    """Write the Pagefind bundle and the folding table into `site_dir`; return how many records were indexed."""
    records = list(records)
    _run(_write(Path(site_dir), records))
    (Path(site_dir) / BUNDLE / FOLDING_FILE).write_text(json.dumps(folding_table(), ensure_ascii=False), encoding="utf-8")
    return len(records)


async def _write(site_dir: Path, records: list[SearchRecord]) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(force_language=LANGUAGE, output_path=str(site_dir / BUNDLE))
    try:
        async with PagefindIndex(config=config) as index:
            for record in records:
                await index.add_custom_record(
                    url=record.url,
                    content=record.searchable(),
                    language=LANGUAGE,
                    meta=record.pagefind_meta(),
                    filters=record.pagefind_filters(),
                    sort=record.sort or None,
                )
    except SearchIndexError:
        raise
    except Exception as failure:  # the service reports bad records and I/O errors as plain exceptions
        raise SearchIndexError([f"pagefind: error: {failure}"]) from failure


def _run(coroutine) -> None:
    """asyncio.run, also from code that already runs an event loop (a dev server, a notebook)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(coroutine)
        return
    failures: list[BaseException] = []

    def target() -> None:
        try:
            asyncio.run(coroutine)
        except BaseException as failure:  # re-raised in the caller's thread
            failures.append(failure)

    worker = threading.Thread(target=target)
    worker.start()
    worker.join()
    if failures:
        raise failures[0]


# Records from the catalogue's entries (newsroom.core.catalogue); Pelican objects stay in the plugin.

def article_record(*, url: str, title: str, date, text: str, units: Iterable, awards: Iterable, date_label: str = "") -> SearchRecord:
    """An article: found by its words, filtered by unit (with every unit above it), award, kind of award and year.

    `units` and `awards` are catalogue entries (UnitEntry with .slug and .parent,
    AwardEntry with .slug and .award.kind); a department's article counts for
    its office and everything above, so filtering by a parent unit finds it.
    """
    unit_slugs: list[str] = []
    for entry in units:
        node = entry
        while node is not None and node.slug not in unit_slugs:
            unit_slugs.append(node.slug)
            node = node.parent
    awards = list(awards)
    return SearchRecord(
        url=_absolute(url),
        title=title,
        text=text,
        kind="article",
        filters={
            "don-vi": unit_slugs,
            "khen-thuong": [a.slug for a in awards],
            "loai-khen-thuong": [a.award.kind for a in awards],
            "nam": [str(date.year)],
        },
        meta={"date": date_label} if date_label else {},
        sort={"date": date.isoformat()},
    )


def unit_record(entry) -> SearchRecord:
    unit = entry.unit
    names = [*unit.aliases, *unit.former_names]
    parts = [unit.description, entry.parent.name if entry.parent else "", *names, entry.kind_label]
    return SearchRecord(url=_absolute(entry.url), title=entry.full_name, text="\n".join(p for p in parts if p),
                        kind="unit", meta={"detail": entry.kind_label} if entry.kind_label else {})


def award_record(entry) -> SearchRecord:
    award = entry.award
    parts = [award.description, award.authority or "", *award.aliases, entry.kind_label]
    return SearchRecord(url=_absolute(entry.url), title=entry.name, text="\n".join(p for p in parts if p),
                        kind="award", meta={"detail": entry.kind_label})


def page_record(*, url: str, title: str, text: str) -> SearchRecord:
    return SearchRecord(url=_absolute(url), title=title, text=text, kind="page")


def _absolute(url: str) -> str:
    """Record URLs are paths from the site root; the search page prefixes the site's address."""
    return "/" + url.lstrip("/")
