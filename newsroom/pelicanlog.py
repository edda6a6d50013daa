"""Pelican's own log lines: English, about Pelican, never shown to the editor.

During a build, what Pelican reports is collected and said in our words
(newsroom.sitebuild.PelicanMessages); every line also goes to pelican.log in
the log folder, for whoever maintains the portal. Without this, Python's
last-resort handler prints Pelican's warnings to the terminal.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

LOG_NAME = "pelican.log"


class PelicanLogFile(logging.Handler):
    """Appends each line to pelican.log in the first log folder that takes it; opened only when a line comes."""

    def __init__(self, folders, level=logging.WARNING):
        super().__init__(level=level)
        self.folders = folders
        self.path: Path | None = None  # where the last line went

    def emit(self, record: logging.LogRecord) -> None:
        line = f"{time.strftime('%Y-%m-%d %H:%M:%S')} {record.levelname.lower()}: {record.getMessage()}\n"
        for folder in self.folders():
            try:
                folder.mkdir(parents=True, exist_ok=True)
                with open(folder / LOG_NAME, "a", encoding="utf-8") as log:
                    log.write(line)
                self.path = folder / LOG_NAME
                return
            except OSError:
                continue


def keep_pelican_off_the_console(folders) -> None:
    """`folders()`: where log files may go, in order of preference."""
    logger = logging.getLogger("pelican")
    logger.propagate = False
    if not any(isinstance(handler, PelicanLogFile) for handler in logger.handlers):
        logger.addHandler(PelicanLogFile(folders))


def pelican_log_path() -> Path | None:
    """The file Pelican's last line went to, if any was written."""
    for handler in logging.getLogger("pelican").handlers:
        if isinstance(handler, PelicanLogFile):
            return handler.path
    return None
