"""A progress bar for a terminal, and sizes and times as an editor reads them.

The bar redraws one line in place, so it is drawn only when the output is a
terminal: a log or a pipe gets the summary alone.
"""

from __future__ import annotations

import sys
import threading
import time

WIDTH = 30


def size_text(count: int) -> str:
    """1 234 567 -> '1,2 MB' (Vietnamese decimal comma)."""
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("kB", 1 << 10)):
        if count >= scale:
            return f"{count / scale:.1f} {unit}".replace(".", ",")
    return f"{count} B"


def seconds_text(seconds: float) -> str:
    return f"{seconds:.1f} s".replace(".", ",")


class ProgressBar:
    def __init__(self, label: str, files: int, size: int, stream=None):
        self.label, self.files, self.size = label, files, size
        self.stream = stream or sys.stdout
        self.done_files = self.done_bytes = 0
        self._lock = threading.Lock()  # S3 uploads report from several threads
        self._drawn = 0.0

    def advance(self, _path: str, size: int) -> None:
        with self._lock:
            self.done_files += 1
            self.done_bytes += size
            now = time.monotonic()
            if now - self._drawn >= 0.1 or self.done_files == self.files:
                self._drawn = now
                self._draw()

    def _draw(self) -> None:
        share = self.done_files / self.files if self.files else 1.0
        filled = int(share * WIDTH)
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (WIDTH - filled)}] {self.done_files}/{self.files} tệp, "
                          f"{size_text(self.done_bytes)}/{size_text(self.size)}")
        self.stream.flush()

    def finish(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")  # the summary line takes the bar's place
            self.stream.flush()


def terminal_progress(stream=None):
    """A maker of progress bars when `stream` is a terminal, else None."""
    stream = stream or sys.stdout
    try:
        is_terminal = stream.isatty()
    except (AttributeError, ValueError):
        is_terminal = False
    if not is_terminal:
        return None
    return lambda label, files, size: ProgressBar(label, files, size, stream)
