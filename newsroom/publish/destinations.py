"""From what the user typed (or a name in the settings) to destinations."""

from __future__ import annotations

from pathlib import Path

from .base import Destination
from .folder import FolderDestination
from .rsync import RsyncDestination
from .s3 import S3Destination


def is_remote(target: str) -> bool:
    """rsync's own rule: `host:path` and `user@host:path` are remote; a colon after a slash is not."""
    head, colon, _ = target.partition(":")
    return bool(colon) and "/" not in head and len(head) > 1


def destinations_for(name: str, settings: dict) -> list[Destination]:
    """A name from PUBLISH_DESTINATIONS (one target or several, published in turn), or a target itself."""
    targets = settings.get("PUBLISH_DESTINATIONS", {}).get(name, name)
    if isinstance(targets, str):
        targets = [targets]
    return [destination_for(target) for target in targets]


def destination_for(target: str) -> Destination:
    if target.startswith("s3://"):
        return S3Destination(target)
    if target.startswith("rsync:"):
        return RsyncDestination(target[len("rsync:"):])
    if is_remote(target):
        return RsyncDestination(target)
    return FolderDestination(Path(target))
