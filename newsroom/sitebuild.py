"""Running Pelican for `newsroom build` and `newsroom serve`.

The site is written into a fresh folder beside the output folder and swapped
in only when the whole build succeeded, so readers never see a half-written
site and a failed build leaves the last good one in place. The output folder
itself is a symbolic link to the current build (see newsroom/site_output.py):
one rename replaces it.
"""

from __future__ import annotations

import functools
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from newsroom.addresses import BUNDLE
from newsroom.buildstate import inputs_fingerprint, is_current, remember
from newsroom.checks.site import ANALYSER, check_content
from newsroom.errors import BuildFailed
from newsroom.pelicanrun import ReusingWriter, SiteRun
from newsroom.settings import SettingsError, load_settings, portal
from newsroom.site_output import (
    live_build, output_lock, protected_folders, refuse_unsafe_output, remove_leftovers, staging_for,
)


@dataclass
class BuildOptions:
    content: Path = Path("content")
    output: Path = Path("output")
    settings: Path = Path("pelicanconf.py")
    overrides: dict = field(default_factory=dict)


@dataclass
class BuildReport:
    seconds: float
    warnings: list  # Problems, or their lines as remembered from the build that made an unchanged output
    unchanged: bool = False  # nothing changed since the build that made the output: it was kept
    run: object = None  # the Pelican run, kept when asked (newsroom serve re-publishes from it)
    analyser: object = None  # the analyses it checked and published, for the next check or build of a warm process


class _PelicanLogCollector(logging.Handler):
    """Pelican reports skipped articles and broken links as log lines; we make them fatal."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _refuse_unsafe_output(options: BuildOptions) -> None:
    refuse_unsafe_output(options.output, protected_folders(options))


def site_settings(options: BuildOptions) -> dict:
    """The settings of this build, read and validated once; BuildFailed names what is wrong."""
    try:
        return load_settings(options.settings, {"PATH": str(options.content.resolve()), **options.overrides})
    except SettingsError as failure:
        raise BuildFailed(failure.messages) from None


def run_pelican(settings: dict, output: Path) -> list[str]:
    """Run Pelican into `output`; return its warnings and errors as messages."""
    return run_site(settings, output)[0]


def run_site(settings: dict, output: Path, previous: Path | None = None):
    """(messages, SiteRun): the run's generators stay usable for re-publishing one article.

    `previous`: the build being replaced; pages that come out the same are linked from it.
    """
    run = None
    with PelicanMessages() as messages:
        run = SiteRun({**settings, "OUTPUT_PATH": str(output)})
        run.generate(functools.partial(ReusingWriter, previous=str(previous) if previous else None))
    return messages.lines, run


class PelicanMessages:
    """Pelican's warnings and errors (and any exception it raises) while the block runs, as messages."""

    def __enter__(self):
        self.collector = _PelicanLogCollector()
        self.lines: list[str] = []
        logging.getLogger("pelican").addHandler(self.collector)
        return self

    def __exit__(self, kind, failure, traceback) -> bool:
        logging.getLogger("pelican").removeHandler(self.collector)
        records = self.collector.records
        if failure is not None and isinstance(failure, Exception):  # Pelican raises bare exceptions for template and writer errors
            records.append(logging.makeLogRecord({"levelno": logging.ERROR, "levelname": "ERROR",
                                                  "msg": f"{type(failure).__name__}: {failure}"}))
        self.lines += [f"pelican: {record.levelname.lower()}: {record.getMessage()}" for record in records]
        return failure is None or isinstance(failure, Exception)


def build_site(options: BuildOptions, keep_run: bool = False, analyser=None) -> BuildReport:
    """`analyser`: the one of an earlier check or build in this process, reused while it fits (newsroom serve)."""
    started = time.perf_counter()
    settings = site_settings(options)
    _refuse_unsafe_output(options)
    state_folder = portal(settings).analysis_cache.parent
    fingerprint = _inputs_of(options, settings)
    with output_lock(options.output) as output:
        remove_leftovers(output)
        kept = None if keep_run else is_current(state_folder, output, fingerprint)
        if kept is not None:  # same inputs as the build that made this output: same check, same site
            return BuildReport(time.perf_counter() - started, kept, unchanged=True)
        checked = check_content(options.content, settings, analyser)
        if checked.errors:
            raise BuildFailed([str(p) for p in checked.errors])
        with staging_for(output, shown=options.output) as staging:
            # Pelican's run publishes the analyses just checked: the same analyser, handed over in its settings.
            messages, run = run_site({**settings, ANALYSER: checked.analyser}, staging, previous=live_build(output))
            if messages:
                raise BuildFailed(messages)
            index_for_search(staging)
        remember(state_folder, output, fingerprint, [str(p) for p in checked.warnings])
    run.moved_to(options.output.resolve())
    return BuildReport(time.perf_counter() - started, checked.warnings, run=run if keep_run else None, analyser=checked.analyser)


def _inputs_of(options: BuildOptions, settings: dict) -> str:
    folders = [options.content.resolve(), Path(settings["THEME"]).resolve()]
    folders += [Path(p).resolve() for p in settings.get("PLUGIN_PATHS", [])]
    # Settings may come from the environment (publishconf.py reads NEWSROOM_SITEURL): their plain values count.
    plain = sorted((k, repr(v)) for k, v in settings.items() if isinstance(v, (str, int, float, bool, type(None))))
    extra = repr(plain) + repr(sorted((k, repr(v)) for k, v in options.overrides.items()))
    return inputs_fingerprint(folders, [options.settings.resolve()], extra)


def index_for_search(site: Path) -> None:
    """The plugin indexes the pages meant to be found (newsroom.site.search_index); refuse a site without it."""
    if not (site / BUNDLE / "pagefind.js").is_file():
        raise BuildFailed([
            f"{site}: lỗi: thiếu chỉ mục tìm kiếm (plugin newsroom_pages chưa chạy?) / "
            f"error: the search index is missing (is the newsroom_pages plugin enabled?)"
        ])
