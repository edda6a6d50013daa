"""Commands sharing the project's caches, and when one of them may prune them.

Builds of several contents (or outputs), `check`, `publish` and `serve` read
and fill the same `.cache`. A build prunes the caches to what it read, which
would take from another command running meanwhile the analyses and photo
derivatives it is about to use. So every such command holds a shared lock on
the caches while it runs, and a build prunes only when it can turn its share
into the whole lock without waiting: when no other command uses them. A
build that finds company leaves pruning to the next build that runs alone.
"""

from __future__ import annotations

import contextlib
import fcntl
from pathlib import Path
from typing import Iterator

LOCK = "users.lock"


class CacheUse:
    def __init__(self, handle):
        self.handle = handle

    def alone(self) -> bool:
        """Whether no other command uses the caches; when True, none can start until this one ends."""
        if self.handle is None:
            return False
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fcntl.flock(self.handle, fcntl.LOCK_SH)  # a failed conversion may have dropped our share: take it again
            return False
        return True


@contextlib.contextmanager
def using_caches(folder: Path) -> Iterator[CacheUse]:
    """Hold a share of the caches in `folder` while the block runs (waiting while a build prunes them)."""
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        handle = open(Path(folder) / LOCK, "a")
    except OSError:  # caches that cannot be written are not pruned either
        yield CacheUse(None)
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_SH)
        yield CacheUse(handle)
