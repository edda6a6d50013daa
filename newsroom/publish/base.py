"""What every destination does: list what it holds, send files, delete files, switch in; keep its manifest."""

from __future__ import annotations

import json

from .files import MANIFEST, SiteFile, file_from_bytes
from .plan import compare


class PublishError(Exception):
    """A publish step failed; the message names the file (or destination) and says why, Vietnamese then English."""


def record_of(file: SiteFile) -> dict:
    return {"sha256": file.sha256, "md5": file.md5, "size": file.size}


def manifest_file(records: dict[str, dict], site_url: str) -> SiteFile:
    """The manifest: every file newsroom put at the destination, with its digests."""
    text = json.dumps({"newsroom": 1, "site": site_url, "files": dict(sorted(records.items()))},
                      ensure_ascii=False, indent=0)
    return file_from_bytes(MANIFEST, text.encode("utf-8"))


def parse_manifest(data: bytes) -> dict[str, dict] | None:
    """Path -> record; None for a manifest that is not ours or is damaged (then every file counts as another's)."""
    try:
        parsed = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    files = parsed.get("files") if isinstance(parsed, dict) and parsed.get("newsroom") == 1 else None
    if not isinstance(files, dict):
        return None
    return {path: record if isinstance(record, dict) else {} for path, record in files.items() if isinstance(path, str)}


class Destination:
    label: str

    def listing(self) -> dict[str, str | None]:
        """Path -> digest (or None when unknown) of every file the destination holds now, the manifest aside."""
        raise NotImplementedError

    def read_manifest(self) -> dict[str, dict] | None:
        """The manifest the last publish left, or None when there is none (or it is damaged)."""
        raise NotImplementedError

    def write_manifest(self, manifest: SiteFile) -> None:
        """Put the manifest at the destination (a folder: into the release, live at the switch)."""
        self.upload([MANIFEST], {MANIFEST: manifest})

    def recorded_digest(self, record: dict) -> str | None:
        """How `listing` shows a file with this manifest record; None when it cannot tell."""
        return record.get("sha256")

    def edited_since(self, record: dict, digest: str | None) -> bool:
        """Whether a file newsroom wrote no longer holds the bytes it wrote."""
        expected = self.recorded_digest(record)
        return digest is not None and expected is not None and digest != expected

    def same(self, file: SiteFile, digest: str | None) -> bool:
        return digest == file.sha256

    def differences(self, files: dict[str, SiteFile], listing: dict[str, str | None]):
        return compare(files, listing, self.same)

    def begin(self, plan) -> None:
        """Called once before the first upload, with the whole plan."""

    def upload(self, paths: list[str], files: dict[str, SiteFile], progress=None) -> None:
        """Send `paths`; `progress(path, size)` after each file."""
        raise NotImplementedError

    def delete(self, paths: list[str]) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        """Make the sent files live (a folder switches in here); others are live as sent."""

    def close(self) -> None:
        """Drop anything staged and not committed."""
