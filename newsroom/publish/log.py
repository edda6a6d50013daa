"""The publish log: one JSON line per publish, appended, never rewritten.

Each successful line also keeps the URLs the destination serves and the article
each came from, so a later publish can tell a renamed article from a removed one.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path


class PublishLog:
    def __init__(self, path: Path):
        self.path = path

    def entries(self) -> list[dict]:
        if not self.path.is_file():
            return []
        entries = []
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                entries.append(json.loads(line))
            except json.JSONDecodeError:
                continue  # a line cut short by a crash must not stop the next publish
        return entries

    def remembered(self, destination: str) -> dict[str, str]:
        """URL -> source file of every page ever published to `destination` (newest wins)."""
        pages: dict[str, str] = {}
        for entry in self.entries():
            if entry.get("destination") == destination and entry.get("status") == "ok":
                pages.update(entry.get("pages", {}))
        return pages

    def append(self, **fields) -> dict:
        entry = {"time": datetime.datetime.now(datetime.timezone.utc).astimezone().isoformat(timespec="seconds"), **fields}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as stream:
            stream.write(json.dumps(entry, ensure_ascii=False) + "\n")
        return entry
