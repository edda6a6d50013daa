"""What every destination does: list what it holds, send files, delete files, switch in."""

from __future__ import annotations

from .files import SiteFile
from .plan import compare


class PublishError(Exception):
    """A publish step failed; the message names the file (or destination) and says why, Vietnamese then English."""


class Destination:
    label: str

    def listing(self) -> dict[str, str | None]:
        """Path -> digest (or None when unknown) of every file the destination holds now."""
        raise NotImplementedError

    def same(self, file: SiteFile, digest: str | None) -> bool:
        return digest == file.sha256

    def differences(self, files: dict[str, SiteFile], listing: dict[str, str | None]):
        return compare(files, listing, self.same)

    def begin(self, plan) -> None:
        """Called once before the first upload, with the whole plan."""

    def upload(self, paths: list[str], files: dict[str, SiteFile]) -> None:
        raise NotImplementedError

    def delete(self, paths: list[str]) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        """Make the sent files live (a folder switches in here); others are live as sent."""

    def close(self) -> None:
        """Drop anything staged and not committed."""
