"""The publish log: one JSON line per publish, appended, never rewritten.

Each successful line also keeps the URLs the destination serves and the article
each came from, so a later publish can tell a renamed article from a removed one,
and the files it sent and removed. The line is written before the site is
switched in: a publish whose log cannot be written changes nothing. A switch
that fails after it appends a line cancelling it. Secrets (the credentials in
the environment, a password inside a URL) are masked in everything written.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import uuid
from pathlib import Path
from urllib.parse import urlsplit

SECRET_VARIABLES = ("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN")
URL_VARIABLES = ("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "HTTPS_PROXY", "HTTP_PROXY", "https_proxy", "http_proxy")
PASSWORD_IN_URL = re.compile(r"(?P<head>\b[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@\"']*:)[^@\s/\"']*@")
MASK = "***"


def _secrets() -> list[str]:
    found = [os.environ.get(name, "") for name in SECRET_VARIABLES]
    for name in URL_VARIABLES:
        try:
            found.append(urlsplit(os.environ.get(name, "")).password or "")
        except ValueError:
            continue
    return sorted({secret for secret in found if len(secret) >= 4}, key=len, reverse=True)


def redact(value):
    """`value` (text, or lists and dicts of it) with every secret masked."""
    if isinstance(value, str):
        for secret in _secrets():
            value = value.replace(secret, MASK)
        return PASSWORD_IN_URL.sub(lambda match: match["head"] + MASK + "@", value)
    if isinstance(value, list):
        return [redact(item) for item in value]
    if isinstance(value, dict):
        return {redact(key): redact(item) for key, item in value.items()}
    return value


class PublishLog:
    def __init__(self, path: Path):
        self.path = path

    def entries(self) -> list[dict]:
        if not self.path.is_file():
            return []
        entries = []
        for line in self.path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut short by a crash must not stop the next publish
            if isinstance(entry, dict):
                entries.append(entry)
        return entries

    def _succeeded(self, destination: str) -> list[dict]:
        entries = self.entries()
        cancelled = {entry.get("cancels") for entry in entries if entry.get("cancels")}
        return [entry for entry in entries if entry.get("destination") == destination and entry.get("status") == "ok"
                and entry.get("id", object()) not in cancelled]

    def remembered(self, destination: str) -> dict[str, str]:
        """URL -> source file of every page ever published to `destination` (newest wins)."""
        pages: dict[str, str] = {}
        for entry in self._succeeded(destination):
            if isinstance(entry.get("pages"), dict):
                pages.update(entry["pages"])
        return pages

    def sent_to(self, destination: str) -> set[str]:
        """Every file this log says was put at `destination`: for destinations published before manifests."""
        paths: set[str] = set()
        for entry in self._succeeded(destination):
            paths.update(path for path in entry.get("sent", []) if isinstance(path, str))
            paths.update(url + "index.html" for url in entry.get("pages", {}) if isinstance(url, str))
        return paths

    def probe(self) -> None:
        """Raise OSError unless a line can be appended (the file made if missing); writes nothing."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8"):
            pass

    def append(self, **fields) -> dict:
        entry = {"time": datetime.datetime.now(datetime.timezone.utc).astimezone().isoformat(timespec="seconds"),
                 "id": uuid.uuid4().hex, **redact(fields)}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as stream:
            stream.write(json.dumps(entry, ensure_ascii=False) + "\n")
            stream.flush()
            os.fsync(stream.fileno())
        return entry
