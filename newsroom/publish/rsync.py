"""Web servers over rsync (ssh), or a folder through rsync.

rsync compares by checksum (--checksum), never by time: Pelican rewrites every
file. The publisher stages the site with its redirect pages, asks rsync (dry
run) what differs, then sends assets, pages, search index and feeds in that
order, and deletes last, by name: only the files newsroom put there. The ssh
command is rsync's own RSYNC_RSH.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from .base import Destination, PublishError, parse_manifest
from .files import MANIFEST, SYMLINK, SiteFile

# Same permissions on every server whatever the publisher's umask: the web server must read them.
COMMON = ["rsync", "--recursive", "--checksum", "--8-bit-output", "--perms", "--chmod=D755,F644", "--mkpath"]
MISSING = "No such file or directory"


class RsyncDestination(Destination):
    def __init__(self, target: str):
        self.target = target.rstrip("/") + "/"
        self.label = target.rstrip("/") or target
        self.staging: Path | None = None
        self._has_manifest = False

    def _rsync(self, arguments: list[str]) -> subprocess.CompletedProcess:
        if shutil.which("rsync") is None:
            raise PublishError(f"{self.label}: lỗi: chưa cài rsync / error: rsync is not installed (apt-get install rsync)")
        return subprocess.run(["rsync", *arguments], capture_output=True, text=True)

    def _run(self, arguments: list[str], what: tuple[str, str], progress=None) -> str:
        if progress is None:
            result = self._rsync([*COMMON[1:], *arguments])
            if result.returncode != 0:
                raise PublishError(self._failure(result, what))
            return result.stdout
        # One line per file sent, read as rsync sends them: the progress bar follows the transfer.
        with subprocess.Popen([*COMMON, "--out-format=%n", *arguments], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) as process:
            for line in process.stdout:
                if not line.rstrip("\n").endswith("/"):
                    progress(line.rstrip("\n"))
            stderr = process.stderr.read()
        if process.returncode != 0:
            raise PublishError(self._failure(subprocess.CompletedProcess(process.args, process.returncode, "", stderr), what))
        return ""

    def _failure(self, result, what: tuple[str, str]) -> str:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        quoted = [match.group(1) for line in lines for match in [re.search(r'"([^"]+)"', line)] if match]
        where = quoted[0] if quoted else self.label
        detail = " | ".join(lines[-3:]) or f"exit {result.returncode}"
        return f"{where}: lỗi: rsync không {what[0]} được / error: rsync could not {what[1]}: {detail}"

    def listing(self) -> dict[str, str | None]:
        """Files by size (rsync lists no digests), links by target: enough to see a file edited since."""
        result = self._rsync(["--recursive", "--8-bit-output", "--no-human-readable", "--list-only", self.target])
        if result.returncode == 23 and MISSING in result.stderr:
            return {}  # first publish: the folder is not there yet
        if result.returncode != 0:
            raise PublishError(self._failure(result, ("đọc đích", "read the destination")))
        listing = {}
        for line in result.stdout.splitlines():
            fields = line.split(None, 4)
            if len(fields) != 5 or fields[4] == ".":
                continue
            if line.startswith("-"):
                listing[fields[4]] = f"size:{fields[1].replace(',', '')}"
            elif line.startswith("l"):
                name, _, target = fields[4].partition(" -> ")
                listing[name] = SYMLINK + target
            elif not line.startswith("d"):
                listing[fields[4]] = "special:"
        self._has_manifest = listing.pop(MANIFEST, None) is not None
        return listing

    def read_manifest(self) -> dict[str, dict] | None:
        if not self._has_manifest:
            return None
        scratch = Path(tempfile.mkdtemp(prefix="newsroom-manifest-"))
        try:
            self._run([self.target + MANIFEST, f"{scratch}/"], ("đọc danh sách tệp đã đăng", "read the manifest"))
            return parse_manifest((scratch / MANIFEST).read_bytes())
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    def recorded_digest(self, record: dict) -> str | None:
        return f"size:{record['size']}" if isinstance(record.get("size"), int) else None

    def differences(self, files: dict[str, SiteFile], listing: dict[str, str | None]):
        self._stage(files)
        output = self._run(["--dry-run", "--out-format=%i|%n", f"{self.staging}/", self.target], ("so sánh", "compare"))
        added, changed = [], []
        for line in output.splitlines():
            flags, _, path = line.partition("|")
            if path.endswith("/") or path not in files:
                continue
            if flags[1:2] == "f":
                (changed if path in listing else added).append(path)
        return added, changed, sorted(path for path in listing if path not in files)

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

    def upload(self, paths: list[str], files: dict[str, SiteFile], progress=None) -> None:
        for path in paths:
            if files[path].source is not None:
                continue  # staged by `differences`
            destination = self.staging / path  # redirect pages and the manifest: bytes made here
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(files[path].read())
        sizes = {path: files[path].size for path in paths}
        on_line = None if progress is None else (lambda path: progress(path, sizes.get(path, 0)))
        with self._names(paths) as names:
            self._run(["--from0", f"--files-from={names}", f"{self.staging}/", self.target], ("gửi tệp", "send files"), on_line)

    def delete(self, paths: list[str]) -> None:
        """Only the files named: never another's file, whatever else the folder holds."""
        if paths:
            for path in paths:  # rsync skips a missing name whose folder is missing too
                parent = (self.staging / path).parent
                if not parent.is_dir():
                    parent.mkdir(parents=True, exist_ok=True)
            with self._names(paths) as names:
                self._run(["--from0", f"--files-from={names}", "--delete-missing-args", f"{self.staging}/", self.target], ("xoá", "delete"))

    @contextlib.contextmanager
    def _names(self, paths: list[str]):
        names = self.staging.with_name(self.staging.name + ".files")
        names.write_bytes(b"".join(path.encode("utf-8", "surrogateescape") + b"\0" for path in paths))
        try:
            yield names
        finally:
            names.unlink()

    def close(self) -> None:
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None
