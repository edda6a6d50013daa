"""Running Pelican for `newsroom build` and `newsroom serve`.

The site is written into a fresh folder beside the output folder and swapped
in only when the whole build succeeded, so readers never see a half-written
site and a failed build leaves the last good one in place. The output folder
itself is a symbolic link to the current build (see newsroom/site_output.py):
one rename replaces it.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from newsroom.checks import Problem, check_site
from newsroom.errors import BuildFailed
from newsroom.site_output import protected_folders, refuse_unsafe_output, staged_output


@dataclass
class BuildOptions:
    content: Path = Path("content")
    output: Path = Path("output")
    settings: Path = Path("pelicanconf.py")
    overrides: dict = field(default_factory=dict)


@dataclass
class BuildReport:
    seconds: float
    warnings: list[Problem]


class _PelicanLogCollector(logging.Handler):
    """Pelican reports skipped articles and broken links as log lines; we make them fatal."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _refuse_unsafe_output(options: BuildOptions) -> None:
    refuse_unsafe_output(options.output, protected_folders(options))


def run_pelican(options: BuildOptions, output: Path) -> list[str]:
    """Run Pelican into `output`; return its warnings and errors as messages."""
    from pelican import Pelican
    from pelican.settings import read_settings

    overrides = {"PATH": str(options.content.resolve()), "OUTPUT_PATH": str(output), **options.overrides}
    settings = read_settings(str(options.settings), override=overrides)
    collector = _PelicanLogCollector()
    pelican_logger = logging.getLogger("pelican")
    pelican_logger.addHandler(collector)
    try:
        Pelican(settings).run()
    except Exception as failure:  # Pelican raises bare exceptions for template and writer errors
        collector.records.append(logging.makeLogRecord({"levelno": logging.ERROR, "msg": f"{type(failure).__name__}: {failure}"}))
    finally:
        pelican_logger.removeHandler(collector)
    return [f"pelican: {record.levelname.lower()}: {record.getMessage()}" for record in collector.records]


def build_site(options: BuildOptions) -> BuildReport:
    started = time.perf_counter()
    problems = check_site(options.content)
    errors = [p for p in problems if p.is_error]
    if errors:
        raise BuildFailed([str(p) for p in errors])
    _refuse_unsafe_output(options)
    with staged_output(options.output) as staging:
        messages = run_pelican(options, staging)
        if messages:
            raise BuildFailed(messages)
        index_for_search(staging)
    return BuildReport(time.perf_counter() - started, [p for p in problems if not p.is_error])


def index_for_search(site: Path) -> None:
    """Pagefind indexes the written HTML; its files ship with the site, so search works offline."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--quiet"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BuildFailed([f"pagefind: error: {line}" for line in (result.stderr or result.stdout).splitlines() if line.strip()])
