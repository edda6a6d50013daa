"""A local web root, switched in one atomic step.

The web root is a symbolic link to a release folder beside it; a publish fills
a new release (unchanged files hard-linked from the current one, changed files
copied) and then replaces the link in one rename, so a reader sees either the
old site or the new one, never a mix. The previous release is kept until the
next publish, for a manual roll-back. What another put in the web root (a file,
a linked folder) is carried into the new release as it is.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from .base import Destination, PublishError, parse_manifest
from .files import MANIFEST, SYMLINK, SiteFile, scan_folder


class FolderDestination(Destination):
    def __init__(self, target: Path):
        self.target = Path(os.path.abspath(target))
        self.label = str(self.target)
        self.releases = self.target.with_name(f".{self.target.name}.releases")
        self.release: Path | None = None
        self._sent: set[str] = set()
        self._listing: dict[str, str] = {}

    def listing(self) -> dict[str, str | None]:
        if not self.target.exists():
            return {}
        if not self.target.is_dir():
            raise PublishError(f"{self.target}: lỗi: đích không phải thư mục / error: the destination is not a folder")
        if not self.target.is_symlink() and any(self.target.iterdir()) and not (self.target / "index.html").is_file():
            # Never move aside a folder that is not a published site (a home folder, the project itself).
            raise PublishError(f"{self.target}: lỗi: thư mục đã có dữ liệu khác, không phải trang web; không ghi đè / "
                               f"error: the folder holds something other than a site; refusing to replace it")
        self._listing = scan_folder(self.target)
        return {path: digest for path, digest in self._listing.items() if path != MANIFEST}

    def read_manifest(self) -> dict[str, dict] | None:
        try:
            return parse_manifest((self.target / MANIFEST).read_bytes()) if MANIFEST in self._listing else None
        except OSError:
            return None

    def begin(self, plan) -> None:
        try:
            self._fill_release(plan)
        except OSError as failure:
            raise PublishError(f"{failure.filename or self.target}: lỗi: không chuẩn bị được bản mới / "
                               f"error: could not prepare the new release: {failure.strerror}") from failure

    def _fill_release(self, plan) -> None:
        self.releases.mkdir(parents=True, exist_ok=True)
        self.release = self.releases / f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**9}"
        self.release.mkdir(mode=0o755)
        current = self.target.resolve() if self.target.exists() else None
        if current is None:
            return
        to_send = set(plan.uploads)
        for path in [path for path in plan.files if path not in to_send] + plan.kept:
            destination = self.release / path
            destination.parent.mkdir(parents=True, exist_ok=True)
            digest = self._listing.get(path, "")
            if digest.startswith(SYMLINK):
                os.symlink(digest[len(SYMLINK):], destination)
                continue
            try:
                os.link(current / path, destination, follow_symlinks=False)
            except OSError:
                shutil.copyfile(current / path, destination)

    def upload(self, paths: list[str], files: dict[str, SiteFile], progress=None) -> None:
        for path in paths:
            destination = self.release / path
            try:
                destination.parent.mkdir(parents=True, exist_ok=True)
                destination.write_bytes(files[path].read())
                destination.chmod(0o644)
            except OSError as failure:
                raise PublishError(f"{path}: lỗi: không ghi được vào {self.target} / error: could not write: {failure.strerror}") from failure
            self._sent.add(path)
            if progress is not None:
                progress(path, files[path].size)

    def delete(self, paths: list[str]) -> None:
        """Nothing to do: the new release never had them."""

    def commit(self) -> None:
        try:
            self._switch()
        except OSError as failure:
            raise PublishError(f"{failure.filename or self.target}: lỗi: không chuyển được sang bản mới / "
                               f"error: could not switch to the new release: {failure.strerror}") from failure

    def _switch(self) -> None:
        link = self.target.with_name(f".{self.target.name}.link-{os.getpid()}")
        os.symlink(os.path.relpath(self.release, self.target.parent), link)
        previous = None
        if self.target.is_symlink():
            previous = self.target.resolve()
        elif self.target.exists():
            # A real folder from before: moved aside once; from now on the switch is one rename.
            previous = self.releases / f"before-{time.strftime('%Y%m%d-%H%M%S')}"
            os.rename(self.target, previous)
        os.replace(link, self.target)
        for old in self.releases.iterdir():
            if old not in (self.release, previous):
                shutil.rmtree(old, ignore_errors=True)
        self.release = None

    def close(self) -> None:
        if self.release is not None and self.release.exists():
            shutil.rmtree(self.release, ignore_errors=True)
        self.release = None
