"""Running Pelican for `newsroom build` and `newsroom serve`.

The site is written into a fresh folder beside the output folder and swapped
in only when the whole build succeeded, so readers never see a half-written
site and a failed build leaves the last good one in place.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from newsroom.checks import Problem, check_site


class BuildFailed(Exception):
    """The build stopped; `messages` say why, each naming a file where one is known."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


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
    output = options.output.resolve()
    for protected in (options.content.resolve(), Path.cwd().resolve(), options.settings.resolve().parent):
        if output == protected or output in protected.parents:
            raise BuildFailed([
                f"{options.output}: lỗi: thư mục xuất không được chứa nội dung hay dự án / "
                f"error: the output folder must not contain the content or the project"
            ])
    if output.exists() and any(output.iterdir()) and not (output / "index.html").exists():
        raise BuildFailed([
            f"{options.output}: lỗi: thư mục đã có dữ liệu khác, không phải trang đã dựng; không ghi đè / "
            f"error: the folder holds something other than a built site; refusing to replace it"
        ])


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
    output = options.output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.building-", dir=output.parent))
    try:
        messages = run_pelican(options, staging)
        if messages:
            raise BuildFailed(messages)
        index_for_search(staging)
        _swap_in(staging, output)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return BuildReport(time.perf_counter() - started, [p for p in problems if not p.is_error])


def index_for_search(site: Path) -> None:
    """The plugin indexes the pages meant to be found (newsroom.site.search_index); refuse a site without it."""
    if not (site / "pagefind" / "pagefind.js").is_file():
        raise BuildFailed([
            f"{site}: lỗi: thiếu chỉ mục tìm kiếm (plugin newsroom_pages chưa chạy?) / "
            f"error: the search index is missing (is the newsroom_pages plugin enabled?)"
        ])


def _swap_in(staging: Path, output: Path) -> None:
    staging.chmod(0o755)  # mkdtemp makes it private; the site is public
    if not output.exists():
        os.rename(staging, output)
        return
    retired = output.with_name(f".{output.name}.old-{os.getpid()}-{time.monotonic_ns()}")
    os.rename(output, retired)
    os.rename(staging, output)
    shutil.rmtree(retired, ignore_errors=True)
