"""Running Pelican for `newsroom build` and `newsroom serve`.

The site is written into a fresh folder beside the output folder and swapped
in only when the whole build succeeded, so readers never see a half-written
site and a failed build leaves the last good one in place. The output folder
itself is a symbolic link to the current build (see newsroom/site_output.py):
one rename replaces it.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from newsroom.addresses import BUNDLE
from newsroom.buildstate import inputs_fingerprint, is_current, remember
from newsroom.cache_users import using_caches
from newsroom.checks.site import ANALYSER, check_content, prune_caches
from newsroom.errors import BuildFailed
from newsroom.pelicanlog import pelican_log_path
from newsroom.pelicanrun import FreshWriter, SiteRun
from newsroom.settings import SettingsError, load_settings, portal
from newsroom.site_output import (
    output_lock, protected_folders, refuse_unsafe_output, remove_leftovers, staging_for,
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


def run_site(settings: dict, output: Path):
    """(messages, SiteRun): the run's generators stay usable for re-publishing one article."""
    run = None
    with PelicanMessages() as messages:
        run = SiteRun({**settings, "OUTPUT_PATH": str(output)})
        run.generate(FreshWriter)
    return messages.lines, run


class PelicanMessages:
    """What Pelican reports while the block runs (warnings, errors, an exception it raises), as one message of ours.

    Pelican's lines are English and about Pelican: they go to its log file (newsroom.pelicanlog), and
    `lines` says in our words that the build failed and where they are. `check` passes exactly when the
    build succeeds, so this only happens when the theme, plugins or code are at fault, never the content.
    """

    def __enter__(self):
        self.collector = _PelicanLogCollector()
        self.lines: list[str] = []
        logging.getLogger("pelican").addHandler(self.collector)
        return self

    def __exit__(self, kind, failure, traceback) -> bool:
        logger = logging.getLogger("pelican")
        logger.removeHandler(self.collector)
        records = self.collector.records
        if failure is not None and isinstance(failure, Exception):  # Pelican raises bare exceptions for template and writer errors
            record = logging.makeLogRecord({"name": "pelican", "levelno": logging.ERROR, "levelname": "ERROR",
                                            "msg": f"{type(failure).__name__}: {failure}"})
            logger.handle(record)
            records.append(record)
        if records:
            where = pelican_log_path()
            self.lines.append(
                f"lỗi: không dựng được trang (Pelican báo {len(records)} dòng, "
                f"{f'ghi ở {where}' if where else 'không ghi được tệp nhật ký'}); hãy báo cho người quản trị cổng / "
                f"error: the site could not be built (Pelican reported {len(records)} lines, "
                f"{f'logged in {where}' if where else 'no log file could be written'}); tell the portal's administrator")
        return failure is None or isinstance(failure, Exception)


def build_site(options: BuildOptions, keep_run: bool = False, wait: bool = False, analyser=None) -> BuildReport:
    """Check and build; `wait`: for another command holding the output to finish, instead of refusing at once;
    `analyser`: the one of an earlier check or build in this process, reused while it fits (newsroom serve)."""
    started = time.perf_counter()
    settings = site_settings(options)
    _refuse_unsafe_output(options)
    state_folder = portal(settings).analysis_cache.parent
    fingerprint = _inputs_of(options, settings)
    with using_caches(state_folder) as caches, output_lock(options.output, wait=wait) as output:
        remove_leftovers(output)
        kept = None if keep_run else is_current(state_folder, output, fingerprint)
        if kept is not None:  # same inputs as the build that made this output: same check, same site
            return BuildReport(time.perf_counter() - started, kept, unchanged=True)
        checked = check_content(options.content, settings, analyser)
        if checked.errors:
            raise BuildFailed(checked.errors)
        with staging_for(output, shown=options.output) as staging:
            # Pelican's run publishes the analyses just checked: the same analyser, handed over in its settings.
            messages, run = run_site({**settings, ANALYSER: checked.analyser}, staging)
            if messages:
                raise BuildFailed(messages)
            index_for_search(staging)
        remember(state_folder, output, fingerprint, [str(p) for p in checked.warnings])
        if caches.alone():  # another command using the caches would lose what it is about to read
            prune_caches(checked)
    run.moved_to(staging.resolve())  # swapped in: the folder `output` now links to
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
