"""Web servers over rsync (ssh), or a folder through rsync.

rsync compares by checksum (--checksum), never by time: Pelican rewrites every
file. The publisher stages the site with its redirect pages, asks rsync (dry
run) what differs, then sends assets, pages, search index and feeds in that
order, and deletes last. The ssh command is rsync's own RSYNC_RSH.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from .base import Destination, PublishError
from .files import SiteFile

# Same permissions on every server whatever the publisher's umask: the web server must read them.
COMMON = ["rsync", "--recursive", "--checksum", "--8-bit-output", "--perms", "--chmod=D755,F644", "--mkpath"]
MISSING = "No such file or directory"


class RsyncDestination(Destination):
    def __init__(self, target: str):
        self.target = target.rstrip("/") + "/"
        self.label = target.rstrip("/") or target
        self.staging: Path | None = None

    def _run(self, arguments: list[str], what: tuple[str, str]) -> str:
        if shutil.which("rsync") is None:
            raise PublishError(f"{self.label}: lỗi: chưa cài rsync / error: rsync is not installed (apt-get install rsync)")
        result = subprocess.run([*COMMON, *arguments], capture_output=True, text=True)
        if result.returncode != 0:
            raise PublishError(self._failure(result, what))
        return result.stdout

    def _failure(self, result, what: tuple[str, str]) -> str:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        quoted = [match.group(1) for line in lines for match in [re.search(r'"([^"]+)"', line)] if match]
        where = quoted[0] if quoted else self.label
        detail = " | ".join(lines[-3:]) or f"exit {result.returncode}"
        return f"{where}: lỗi: rsync không {what[0]} được / error: rsync could not {what[1]}: {detail}"

    def listing(self) -> dict[str, str | None]:
        result = subprocess.run(["rsync", "--recursive", "--8-bit-output", "--list-only", self.target],
                                capture_output=True, text=True)
        if result.returncode == 23 and MISSING in result.stderr:
            return {}  # first publish: the folder is not there yet
        if result.returncode != 0:
            raise PublishError(self._failure(result, ("đọc đích", "read the destination")))
        listing = {}
        for line in result.stdout.splitlines():
            fields = line.split(None, 4)
            if len(fields) == 5 and line.startswith("-"):
                listing[fields[4]] = None
        return listing

    def differences(self, files: dict[str, SiteFile], listing: dict[str, str | None]):
        self._stage(files)
        output = self._run(["--dry-run", "--delete", "--out-format=%i|%n", f"{self.staging}/", self.target],
                           ("so sánh", "compare"))
        added, changed, extra = [], [], []
        for line in output.splitlines():
            flags, _, path = line.partition("|")
            if path.endswith("/"):
                continue
            if flags.startswith("*deleting"):
                extra.append(path)
            elif flags[1:2] == "f":
                (added if "+++++++" in flags else changed).append(path)
        return added, changed, sorted(extra)

    def _stage(self, files: dict[str, SiteFile]) -> None:
        self.staging = Path(tempfile.mkdtemp(prefix="newsroom-publish-"))
        self.staging.chmod(0o755)
        for path, file in files.items():
            destination = self.staging / path
            destination.parent.mkdir(parents=True, exist_ok=True)
            if file.source is not None:
                try:
                    os.link(file.source, destination)
                    continue
                except OSError:
                    pass
            destination.write_bytes(file.read())

    def upload(self, paths: list[str], files: dict[str, SiteFile]) -> None:
        listing = self.staging.with_name(self.staging.name + ".files")
        listing.write_text("".join(path + "\n" for path in paths), encoding="utf-8")
        try:
            self._run([f"--files-from={listing}", f"{self.staging}/", self.target], ("gửi tệp", "send files"))
        finally:
            listing.unlink()

    def delete(self, paths: list[str]) -> None:
        if paths:
            self._run(["--delete", "--existing", "--ignore-existing", f"{self.staging}/", self.target], ("xoá", "delete"))

    def close(self) -> None:
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None
