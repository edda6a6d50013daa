"""The search index, built from the portal's own records with Pagefind's Python API.

Only pages meant to be found become records (articles, unit pages, award pages,
fixed pages); lists, paginations and archives never do. Each record is indexed
in its folded form (see search_folding), so a query typed with or without
diacritics, or with an abbreviation, meets the same words. Pagefind's own
excerpt would then be folded text, so each record's original text is written
beside the bundle (texts/<hash of the text>.txt, named in the record's meta "source") and
the search page cuts the excerpt from it for the results it shows. Kept out
of Pagefind's meta on purpose: Pagefind indexes every meta value as words,
which doubled its time and memory (bench/search_index.py).

Readers come for news: an article's words weigh as Pagefind weighs a page
(its title as a heading, its text as text), while a unit's or an award's page,
short and named in every article, weighs little (WEIGHTS), so "ubnd" lists the
articles that write it before the pages of every office with UBND in its name.
A reference page's other names (aliases, former names) are found but never
shown: its excerpt is its description.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from newsroom.addresses import BUNDLE
from newsroom.codeversion import code_version
from newsroom.site.search_folding import fold, folding_table

FOLDING_FILE = "folding.json"  # written inside the bundle folder, next to pagefind.js
LANGUAGE = "vi"
KINDS = {"article": "Bài viết", "unit": "Đơn vị", "award": "Khen thưởng", "page": "Trang"}
INDEX_FORMAT = "newsroom-search-2"  # change when records or pages change shape: kept bundles are then rebuilt
# A list in Pelican's context: when the run puts one there, the index is handed over to be written after
# the pages (newsroom.pelicanrun.SiteRun), instead of before them.
SEARCH_LATER = "newsroom_search_later"
CACHE_MANIFEST = "newsroom-cache.json"
TEXTS = "texts"  # folder inside the bundle with each record's original text, for excerpts
# Pagefind's data-pagefind-weight (0-10, on a quadratic scale; its default is 7 for an h1, 1 for text) of a
# record's title, text and other names, by kind. Reference pages weigh a quarter of an article's text.
ARTICLE_WEIGHTS = (7.0, 1.0, 1.0)
REFERENCE_WEIGHTS = (1.0, 0.5, 0.5)
WEIGHTS = {"article": ARTICLE_WEIGHTS, "page": ARTICLE_WEIGHTS, "unit": REFERENCE_WEIGHTS, "award": REFERENCE_WEIGHTS}


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
    text:    the page's reading text, plain (no markup, no date line or byline); excerpts are cut from it.
    kind:    "article", "unit", "award" or "page".
    names:   other names the page is found by, never shown (a unit's aliases and former names).
    filters: filter name -> values, e.g. {"don-vi": ["van-phong-tinh-uy", "tinh-uy"], "nam": ["2026"]}.
    meta:    extra values shown with a result, e.g. {"date": "28/01/2026"}.
    sort:    sort keys, e.g. {"date": "2026-01-28T14:00"}.
    """

    url: str
    title: str
    text: str
    kind: str
    filters: dict[str, list[str]] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)
    sort: dict[str, str] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)

    def searchable(self) -> str:
        """Folded title, text and other names, as Pagefind indexes them."""
        return "\n".join(fold(part) for part in (self.title, self.text, *self.names))

    def pagefind_meta(self) -> dict[str, str]:
        return {
            **self.meta,
            "title": self.title,
            "kind": self.kind,
            "kind_label": KINDS.get(self.kind, self.kind),
            "source": f"{TEXTS}/{self.key()}.txt",
        }

    def pagefind_filters(self) -> dict[str, list[str]]:
        return {**{name: sorted(set(values)) for name, values in self.filters.items() if values}, "loai": [self.kind]}

    def key(self) -> str:
        """The name of the record's text file, from its content (like Pagefind's chunks): safe to cache forever."""
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:20]

    def source_path(self) -> str:
        """Where Pagefind finds the record so that it gives back `url`: "/a/b/" -> "a/b/index.html"."""
        path = self.url.strip("/")
        if not path or self.url.endswith("/"):
            path = f"{path}/index.html".lstrip("/")
        if ".." in path.split("/"):
            raise SearchIndexError([f"{self.url}: lỗi: địa chỉ không hợp lệ cho chỉ mục / error: not a site path"])
        return path

    def html(self) -> str:
        """The record as Pagefind reads it: folded words to search, meta, filters and sort keys as attributes."""
        tags = [_tag("data-pagefind-meta", f"{name}[content]", value) for name, value in self.pagefind_meta().items()]
        tags += [_tag("data-pagefind-filter", f"{name}[content]", value)
                 for name, values in self.pagefind_filters().items() for value in values]
        tags += [_tag("data-pagefind-sort", f"{name}[content]", value) for name, value in self.sort.items()]
        title, text, names = WEIGHTS.get(self.kind, ARTICLE_WEIGHTS)
        blocks = [("h1", title, self.title), ("p", text, self.text)] + [("p", names, name) for name in self.names]
        body = "".join(f'<{tag} data-pagefind-weight="{weight:g}">{escape(fold(words))}</{tag}>'
                       for tag, weight, words in blocks if words)
        return (f'<!DOCTYPE html><html lang="{LANGUAGE}"><head><meta charset="utf-8">{"".join(tags)}</head>'
                f"<body><main>{body}</main></body></html>")


def _tag(attribute: str, name: str, value: str) -> str:
    return f'<meta {attribute}="{escape(name)}" content="{escape(value)}">'


def write_search_index(site_dir: Path, records: Iterable[SearchRecord], cache_dir: Path | None = None) -> int:
    """Write the Pagefind bundle and the folding table into `site_dir`; return how many records were indexed.

    With `cache_dir`, the last bundles are kept there and reused when the records
    are the same: Pagefind writes its filter files in a different order on
    every run, so without it two builds of the same site would differ (and a
    publish would send them again).

    The bundle is made in a private folder and landed (see _land), so a site
    being served never shows half an index; its files are copies, never links
    to the kept bundle or to another site.
    """
    site_dir = Path(site_dir)
    folding = json.dumps(folding_table(), ensure_ascii=False)
    records = list(records)
    # The records themselves and the code that turns them into pages key the kept bundle: folding every
    # record's text into its page costs more than the rest of a reuse.
    digest = hashlib.sha256(f"{INDEX_FORMAT}\0{_pagefind_version()}\0{code_version()}\0{folding}".encode("utf-8"))
    for record in records:
        digest.update(repr(dataclasses.astuple(record)).encode("utf-8", "surrogatepass"))
    fingerprint = digest.hexdigest()
    site_dir.mkdir(parents=True, exist_ok=True)
    making = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site_dir))
    try:
        if cache_dir is None or not _reuse(Path(cache_dir), fingerprint, making):
            _index(records, making)
            (making / FOLDING_FILE).write_text(folding, encoding="utf-8")
            if cache_dir is not None:
                _remember(Path(cache_dir), fingerprint, making)
        making.chmod(0o755)
        _land(making, site_dir / BUNDLE)
    finally:
        shutil.rmtree(making, ignore_errors=True)
    return len(records)


def _index(records: list[SearchRecord], bundle: Path) -> None:
    texts = bundle / TEXTS
    texts.mkdir(parents=True, exist_ok=True)
    # Each record becomes a small page of its own in a scratch folder that Pagefind
    # indexes in one call. Adding records one by one through the Python service
    # costs a 0.1 s poll per record (33 s for 325 records), this costs one.
    with tempfile.TemporaryDirectory(prefix="newsroom-search-", dir=_memory_folder()) as scratch:
        for record in records:
            target = Path(scratch) / record.source_path()
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(record.html(), encoding="utf-8")
            (texts / f"{record.key()}.txt").write_text(record.text, encoding="utf-8")
        _run(_index_folder(Path(scratch), bundle))


def _land(staging: Path, bundle: Path) -> None:
    """`staging` becomes `bundle`: by one rename in a fresh build; in a live site file by file, each
    replaced in one step and only when its bytes changed, then the files the new bundle no longer has go."""
    if not bundle.exists():
        os.rename(staging, bundle)
        return
    fresh = {path.relative_to(staging) for path in staging.rglob("*") if path.is_file()}
    for relative in sorted(fresh):
        source, target = staging / relative, bundle / relative
        try:
            if os.path.samefile(source, target) or _same_bytes(source, target):
                continue
        except OSError:
            pass  # not there yet
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)
    for path in list(bundle.rglob("*")):
        if path.is_file() and path.relative_to(bundle) not in fresh:
            path.unlink(missing_ok=True)


def _same_bytes(first: Path, second: Path) -> bool:
    return first.stat().st_size == second.stat().st_size and first.read_bytes() == second.read_bytes()


def _memory_folder() -> str | None:
    """Where scratch pages cost no disk: they are written only for Pagefind to read them back at once."""
    shared = "/dev/shm"
    return shared if os.path.isdir(shared) and os.access(shared, os.W_OK | os.X_OK) else None


def _pagefind_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pagefind_bin")
    except PackageNotFoundError:
        return "unknown"


def _manifest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file() and path.name != CACHE_MANIFEST
    }


# Bundles kept: one per set of records, so two contents built in turn (or at once) each find theirs.
KEEP_BUNDLES = 4


def _reuse(cache_dir: Path, fingerprint: str, bundle: Path) -> bool:
    """Copy the bundle kept for `fingerprint` into `bundle`, each file checked against its hash as it is read.

    Kept bundles are never changed once in place (made aside, renamed in, removed
    by renaming away), so a bundle another build is keeping or retiring meanwhile
    is either read whole or not found: then the caller indexes afresh.
    """
    kept = cache_dir / fingerprint[:32]
    try:
        manifest = json.loads((kept / CACHE_MANIFEST).read_text(encoding="utf-8"))
        files = manifest.get("files") if manifest.get("fingerprint") == fingerprint else None
        if not isinstance(files, dict) or not files:
            return False
        for name, expected in files.items():
            source, target = kept / name, bundle / name
            if ".." in Path(name).parts or Path(name).is_absolute():
                return False
            data = source.read_bytes()
            if hashlib.sha256(data).hexdigest() != expected:
                return False
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        os.utime(kept / CACHE_MANIFEST)  # most recently used: kept longest
    except (OSError, ValueError, AttributeError, TypeError):
        _clear(bundle)
        return False
    return True


def _clear(folder: Path) -> None:
    for child in list(folder.iterdir()) if folder.is_dir() else []:
        shutil.rmtree(child, ignore_errors=True) if child.is_dir() else child.unlink(missing_ok=True)


def _remember(cache_dir: Path, fingerprint: str, bundle: Path) -> None:
    """Keep a copy of this bundle for later builds; the manifest is written last, so a half-copied one is never reused."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fresh = Path(tempfile.mkdtemp(prefix=".bundle-", dir=cache_dir))
        try:
            shutil.copytree(bundle, fresh, dirs_exist_ok=True)
            (fresh / CACHE_MANIFEST).write_text(json.dumps({"fingerprint": fingerprint, "files": _manifest(fresh)}),
                                                encoding="utf-8")
            kept = cache_dir / fingerprint[:32]
            _retire(kept)
            os.rename(fresh, kept)  # fails when another build kept the same bundle meanwhile: theirs stays
        finally:
            shutil.rmtree(fresh, ignore_errors=True)
        _prune(cache_dir)
    except OSError:
        pass  # a cache that cannot be written only costs the next build an indexing run


def _retire(folder: Path) -> None:
    """Rename away, then delete: a reader sees the folder whole or not at all."""
    if folder.exists():
        retired = folder.with_name(f".old-{folder.name}-{os.getpid()}-{time.monotonic_ns()}")
        try:
            os.rename(folder, retired)
        except OSError:
            return
        shutil.rmtree(retired, ignore_errors=True)


def _prune(cache_dir: Path) -> None:
    """The most recently used KEEP_BUNDLES bundles stay; older ones, and the single bundle of earlier versions, go."""
    def used(folder: Path) -> float:
        try:
            return (folder / CACHE_MANIFEST).stat().st_mtime
        except OSError:
            return 0.0

    folders = [p for p in cache_dir.iterdir() if p.is_dir()]
    kept = sorted((p for p in folders if not p.name.startswith(".")), key=used, reverse=True)
    for folder in kept[KEEP_BUNDLES:]:
        _retire(folder)
    for folder in folders:  # what killed builds left half-made or half-removed, after a day
        if folder.name.startswith((".bundle-", ".old-")) and time.time() - folder.stat().st_mtime > 86400:
            shutil.rmtree(folder, ignore_errors=True)


async def _index_folder(folder: Path, bundle: Path) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(force_language=LANGUAGE, output_path=str(bundle))
    try:
        async with PagefindIndex(config=config) as index:
            await index.add_directory(str(folder))
    except Exception as failure:  # the service reports its errors as plain exceptions
        raise SearchIndexError([f"pagefind: error: {failure}"]) from failure


def _run(coroutine) -> None:
    """asyncio.run, also from code that already runs an event loop (a dev server, a notebook)."""
    import asyncio  # only when Pagefind indexes: most builds reuse the bundle and never need it

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
    # No parent name: every department would match its office's name (full_name already names it for divisions).
    text = "\n".join(part for part in (unit.description, getattr(unit, "functions", "")) if part)
    return SearchRecord(url=_absolute(entry.url), title=entry.full_name, text=text, kind="unit",
                        names=[*unit.aliases, *unit.former_names],
                        meta={"detail": entry.kind_label} if entry.kind_label else {})


def award_record(entry) -> SearchRecord:
    award = entry.award
    return SearchRecord(url=_absolute(entry.url), title=entry.name, text=award.description or "", kind="award",
                        names=[name for name in (award.authority, *award.aliases) if name],
                        meta={"detail": entry.kind_label})


def page_record(*, url: str, title: str, text: str) -> SearchRecord:
    return SearchRecord(url=_absolute(url), title=title, text=text, kind="page")


def _absolute(url: str) -> str:
    """Record URLs are paths from the site root; the search page prefixes the site's address."""
    return "/" + url.lstrip("/")
