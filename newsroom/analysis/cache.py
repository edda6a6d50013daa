"""Analyses kept on disk between builds, keyed by everything they depend on.

The key covers the article's path and bytes, the registry, the Markdown
settings and the code itself, so a stale entry is never found. An entry that
cannot be read back (damaged, truncated, from another version) is ignored and
replaced: the cache is never trusted over the source.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

FORMAT = "newsroom-analysis-1"


def entry_key(context_key: str, relative_path: str, data: bytes) -> str:
    digest = hashlib.sha256(f"{FORMAT}\0{context_key}".encode())
    digest.update(b"\0" + relative_path.encode() + b"\0")
    digest.update(data)
    return digest.hexdigest()


class AnalysisCache:
    def __init__(self, folder: Path | None):
        self.folder = Path(folder) if folder else None

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def load(self, key: str):
        if self.folder is None:
            return None
        try:
            stored_key, analysis = pickle.loads(self._file(key).read_bytes())
        except Exception:  # missing, damaged or foreign: analyse again
            return None
        return analysis if stored_key == key else None

    def store(self, key: str, payload: bytes) -> None:
        """`payload` is pickle.dumps((key, analysis)), made where the analysis was made."""
        if self.folder is None:
            return
        target = self._file(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as out:
                out.write(payload)
            os.replace(temporary, target)
        except OSError:
            pass  # a read-only or full disk costs speed, never the build
