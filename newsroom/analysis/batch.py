"""Analysing every article of a content folder: cached, in parallel on every core, remembered in memory."""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from newsroom.problems import Problem, error
from newsroom.core.recognition import Recogniser
from newsroom.core.registry import Registry, RegistryError
from newsroom.core.source import SourceError, decode_text
from newsroom.site.photos import PhotoCache, is_whole, local_photo

from .article import ArticleAnalysis, analyse
from newsroom.codeversion import code_version

from .cache import AnalysisCache, entry_key
from .pickling import dumps, known_registry, loads
from .render import BodyRenderer
from .sharing import share

# Below this many articles to analyse, starting worker processes costs more than it saves.
PARALLEL_FROM = 24


@dataclass
class Unreadable:
    path: Path
    problem: Problem


class Analyser:
    """The registry, the renderer and the recogniser of one content folder, and the analyses made so far."""

    def __init__(self, content: Path, markdown_settings: dict, registry: Path | None = None,
                 cache_dir: Path | None = None, workers: int = 0, photo_cache: Path | None = None,
                 mention_urls: dict[str, str] | None = None):
        """`mention_urls`: kind ("unit", "award") -> URL pattern of its page, for linking first mentions."""
        self.content = Path(content)
        self.registry_folder = Path(registry) if registry is not None else self.content / "registry"
        self.mention_urls = dict(mention_urls or {})
        self.inputs: tuple | None = None  # what its maker built it from (newsroom.checks.site.current_analyser)
        self.registry_problems: list[Problem] = []
        self.registry: Registry | None = None
        self._registry_stamp = _folder_stamp(self.registry_folder)
        self.registry_digest = _folder_digest(self.registry_folder)
        try:
            self.registry = Registry.load(self.registry_folder)
        except RegistryError as failure:
            self.registry_problems = failure.problems
        self.renderer = BodyRenderer(markdown_settings)
        self.recogniser = Recogniser(self.registry) if self.registry is not None else None
        settings_key = json.dumps([self.renderer.settings, self.mention_urls], sort_keys=True, default=repr)
        self.context_key = hashlib.sha256(
            f"{code_version()}\0{self.registry_digest}\0{settings_key}".encode()
        ).hexdigest()
        if self.registry is not None:
            known_registry(self.context_key, self.registry)
        self.cache = AnalysisCache(cache_dir)
        self.photo_cache = PhotoCache(photo_cache) if photo_cache else None
        self.workers = workers or os.cpu_count() or 1
        # Keyed by absolute path: check walks `content/…`, Pelican's reader passes the same file absolute.
        self._memory: dict[str, tuple[tuple[int, int], str, ArticleAnalysis]] = {}
        self.check_memo: dict[Path, tuple] = {}  # newsroom.checks.site: each article's problems, while still true

    def registry_changed(self) -> bool:
        # Asked before every article Pelican reads: the files' stamps answer, their bytes only when a stamp moved.
        stamp = _folder_stamp(self.registry_folder)
        if stamp is not None and stamp == self._registry_stamp:
            return False
        if _folder_digest(self.registry_folder) != self.registry_digest:
            return True
        self._registry_stamp = stamp
        return False

    def analyse_files(self, paths: list[Path]) -> tuple[dict[Path, ArticleAnalysis], list[Unreadable]]:
        """Every file's analysis, from memory, the cache or fresh, in the order given."""
        results: dict[Path, ArticleAnalysis] = {}
        unreadable: list[Unreadable] = []
        pending: list[tuple[Path, str, bytes, tuple[int, int]]] = []
        for path in paths:
            try:
                stat = path.stat()
                stamp = (stat.st_mtime_ns, stat.st_size)
                remembered = self._memory.get(os.path.abspath(path))
                if remembered is not None and remembered[0] == stamp and _current(remembered[2]):
                    results[path] = remembered[2]
                    continue
                data = path.read_bytes()
            except OSError as failure:
                unreadable.append(Unreadable(path, error(
                    path, 1, f"không đọc được tệp ({failure.strerror})", f"cannot read the file ({failure.strerror})")))
                continue
            key = entry_key(self.context_key, self._relative(path), data)
            cached = self.cache.load(key)
            if cached is not None and _current(cached):
                cached.path = path
                cached.source.path = path
                self._remember(path, stamp, key, cached)
                results[path] = cached
            else:
                pending.append((path, key, data, stamp))
        fresh: list[tuple[str, bytes]] = []
        for path, key, stamp, outcome in self._analyse_pending(pending):
            if isinstance(outcome, Unreadable):
                unreadable.append(outcome)
                continue
            payload, analysis = outcome
            fresh.append((key, payload))
            self._remember(path, stamp, key, analysis)
            results[path] = analysis
        self.cache.store_many(fresh)
        return {path: results[path] for path in paths if path in results}, unreadable

    def _remember(self, path: Path, stamp: tuple[int, int], key: str, analysis: ArticleAnalysis) -> None:
        self._memory[os.path.abspath(path)] = (stamp, key, analysis)

    def prune_caches(self, paths: list[Path]) -> None:
        """Keep in the caches only what the analyses of `paths` (the whole content, just checked) read."""
        keep: set[str] = set()
        folders: set[Path] = set()
        for path in paths:
            remembered = self._memory.get(os.path.abspath(path))
            if remembered is not None:
                keep.add(remembered[1])
                folders |= {photo.folder for photo in remembered[2].photos}
        self.cache.prune(keep)
        if self.photo_cache is not None:
            self.photo_cache.prune(folders)

    def _relative(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.content.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def _analyse_pending(self, pending):
        jobs = [(path, key, data) for path, key, data, _ in pending]
        stamps = {path: stamp for path, _, _, stamp in pending}
        if len(jobs) < PARALLEL_FROM or self.workers < 2:
            outcomes = (self.analyse_bytes(*job) for job in jobs)
        else:
            outcomes = self._in_workers(jobs)
        for (path, key, _), outcome in zip(jobs, outcomes):
            if isinstance(outcome, bytes):
                outcome = (outcome, loads(outcome)[1])
            yield path, key, stamps[path], outcome

    def analyse_bytes(self, path: Path, key: str, data: bytes):
        """(pickled (key, analysis), analysis), or Unreadable when the bytes are no UTF-8 text."""
        try:
            text = decode_text(path, data)
        except SourceError as failure:
            return Unreadable(path, failure.problem)
        analysis = analyse(path, text, self.renderer, self.recogniser, self._photo if self.photo_cache else None,
                           self.mention_urls)
        return dumps((key, analysis), self.context_key), analysis

    def _in_workers(self, jobs):
        return share(jobs, lambda job: self.analyse_bytes(*job), self.workers, portable=_payload)

    def _photo(self, src: str, article: Path):
        file = local_photo(src, self.content, article)
        if file is None:
            return None
        return self.photo_cache.sized(file), file


def _current(analysis: ArticleAnalysis) -> bool:
    """Whether the files the analysis read besides the article (photos) are as they were, and the derivatives it
    names still in the photo cache (a deleted `.cache/photos` is made again, never a build that fails)."""
    if not all(is_whole(photo) for photo in analysis.photos):
        return False
    for name, (size, mtime) in analysis.depends_on.items():
        try:
            stat = os.stat(name)
        except OSError:
            return False
        if (stat.st_size, stat.st_mtime_ns) != (size, mtime):
            return False
    return True


def _payload(outcome):
    """What a forked analysis hands back: the pickled analysis (already made for the cache), or Unreadable."""
    return outcome[0] if isinstance(outcome, tuple) else outcome


def _folder_stamp(folder: Path) -> tuple | None:
    """The registry files' names, sizes and times; None while one was changed too recently to trust its time
    (a file system that keeps whole seconds could show an edit in the same second as the one before)."""
    try:
        stats = [(path.name, path.stat()) for path in sorted(folder.glob("*.yml"))] if folder.is_dir() else []
    except OSError:
        return None
    if any(time.time() - stat.st_mtime < 2 for _, stat in stats):
        return None
    return tuple((name, stat.st_size, stat.st_mtime_ns, stat.st_ino) for name, stat in stats)


def _folder_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else ():
        try:
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        except OSError:
            digest.update(path.name.encode() + b"\0unreadable\0")
    return digest.hexdigest()
