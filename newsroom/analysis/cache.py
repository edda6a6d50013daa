"""Analyses kept on disk between builds, keyed by everything they depend on.

The key covers the article's path and bytes, the registry, the Markdown
settings and the code itself, so a stale entry is never found. An entry that
cannot be read back (damaged, truncated, from another version) is ignored and
replaced, and a damaged cache file is started afresh: the cache is never
trusted over the source.

All entries live in one SQLite file: creating one small file per article cost
more than a third of a millisecond each on an ordinary disk, about as much as
analysing the article again.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from newsroom.integrity import sign, verified

from .pickling import loads

FORMAT = "newsroom-analysis-1"
DATABASE = "analyses.sqlite3"
SCHEMA_VERSION = 3  # 3: payloads signed (newsroom.integrity)
PURPOSE = "analysis"
SCHEMA = "CREATE TABLE IF NOT EXISTS analyses (key TEXT PRIMARY KEY, payload BLOB NOT NULL, used INTEGER NOT NULL)"
# Entries nobody read for this many days go: earlier versions of edited articles, deleted articles, old code.
KEEP_DAYS = 30


def entry_key(context_key: str, relative_path: str, data: bytes) -> str:
    digest = hashlib.sha256(f"{FORMAT}\0{context_key}".encode())
    digest.update(b"\0" + relative_path.encode() + b"\0")
    digest.update(data)
    return digest.hexdigest()


class AnalysisCache:
    def __init__(self, folder: Path | None):
        self.folder = Path(folder) if folder else None
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        self._read: set[str] = set()  # keys read since the last store: their day of use is renewed then
        self._pruned = False

    def load(self, key: str):
        connection = self._database()
        if connection is None:
            return None
        try:
            row = connection.execute("SELECT payload FROM analyses WHERE key = ?", (key,)).fetchone()
        except sqlite3.OperationalError:  # busy (another build writes), not damaged: analyse again, keep the file
            return None
        except sqlite3.DatabaseError:
            self._start_afresh()
            return None
        if row is None:
            return None
        # Unpickling runs code a crafted entry names: only what this user's newsroom wrote is unpickled.
        payload = verified(PURPOSE, row[0])
        if payload is None:
            return None
        try:
            stored_key, analysis = loads(payload)
        except Exception:  # damaged or from another version: analyse again
            return None
        if stored_key != key:
            return None
        self._read.add(key)
        return analysis

    def store_many(self, entries: Iterable[tuple[str, bytes]]) -> None:
        """Keep fresh entries (payloads made by newsroom.analysis.pickling where the analysis was made) and
        mark the entries read since the last call as used today; one transaction."""
        entries, read, self._read = list(entries), self._read, set()
        connection = self._database() if entries or read else None
        if connection is None:
            return
        today = _today()
        try:
            with connection:
                connection.executemany("INSERT OR REPLACE INTO analyses (key, payload, used) VALUES (?, ?, ?)",
                                       [(key, sign(PURPOSE, payload), today) for key, payload in entries])
                connection.executemany("UPDATE analyses SET used = ? WHERE key = ? AND used < ?",
                                       [(today, key, today) for key in read])
                if not self._pruned:
                    connection.execute("DELETE FROM analyses WHERE used < ?", (today - KEEP_DAYS,))
                    self._pruned = True
        except sqlite3.OperationalError:
            pass  # busy beyond the timeout (other builds of this project store theirs): this build's entries wait
        except sqlite3.DatabaseError:
            self._start_afresh()  # a read-only, full or damaged cache costs speed, never the build

    def prune(self, keep: set[str]) -> None:
        """Drop every entry but `keep` (what the last build read), and give the space back to the disk."""
        connection = self._database()
        if connection is None:
            return
        try:
            with connection:
                connection.execute("CREATE TEMP TABLE IF NOT EXISTS kept (key TEXT PRIMARY KEY)")
                connection.execute("DELETE FROM kept")
                connection.executemany("INSERT OR IGNORE INTO kept (key) VALUES (?)", [(key,) for key in keep])
                connection.execute("DELETE FROM analyses WHERE key NOT IN (SELECT key FROM kept)")
                connection.execute("DELETE FROM kept")
            free, pages = (connection.execute(f"PRAGMA {name}").fetchone()[0] for name in ("freelist_count", "page_count"))
            if free * 4 > pages:  # a quarter of the file unused: worth rewriting it
                connection.isolation_level = None
                connection.execute("VACUUM")
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                connection.isolation_level = "DEFERRED"
        except sqlite3.OperationalError:
            connection.isolation_level = "DEFERRED"  # busy with another command's build: prune next time
        except sqlite3.DatabaseError:
            self._start_afresh()

    def _database(self) -> sqlite3.Connection | None:
        # A connection must not cross a fork (serve regenerates in a forked process): each process opens its own.
        if self.folder is None:
            return None
        if self._connection is not None and self._pid == os.getpid():
            return self._connection
        self._connection, self._pid = None, os.getpid()
        for attempt in range(2):
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                connection = sqlite3.connect(self.folder / DATABASE, timeout=10, isolation_level=None)
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=NORMAL")
                if connection.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                    connection.execute("DROP TABLE IF EXISTS analyses")  # an earlier layout: start empty
                    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                connection.execute(SCHEMA)
                connection.isolation_level = "DEFERRED"
                self._connection = connection
                _remove_per_file_entries(self.folder)
                return connection
            except sqlite3.OperationalError:  # locked by another build of this project: never a reason to delete it
                return None
            except sqlite3.DatabaseError:
                if attempt == 0:
                    self._start_afresh()
            except OSError:
                return None
        return None

    def _start_afresh(self) -> None:
        if self._connection is not None:
            self._connection.close()
        self._connection = None
        for suffix in ("", "-wal", "-shm"):
            try:
                (self.folder / f"{DATABASE}{suffix}").unlink(missing_ok=True)
            except OSError:
                pass


def _today() -> int:
    return int(time.time() // 86400)


def _remove_per_file_entries(folder: Path) -> None:
    """Earlier versions kept one pickle file per article in two-letter folders: they are never read again."""
    for child in folder.glob("[0-9a-f][0-9a-f]"):
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
