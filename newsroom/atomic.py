"""Replacing a folder in one step, for anything that readers or other processes may be looking at."""

from __future__ import annotations

import ctypes
import os
from pathlib import Path

RENAME_EXCHANGE = 2
AT_FDCWD = -100


def exchange(first: Path, second: Path) -> None:
    """Swap two names atomically (Linux renameat2); elsewhere, two renames with a moment between them."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is not None:
        result = renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE)
        if result == 0:
            return
    aside = first.with_name(first.name + ".old")
    os.rename(second, aside)
    os.rename(first, second)
    os.rename(aside, first)
