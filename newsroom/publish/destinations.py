"""From what the user typed (or a name in the settings) to destinations, refusing the dangerous ones.

A folder is written with a slash (`/srv/www`, `./www`): a bare word is a name
from PUBLISH_DESTINATIONS, so a misspelt name never becomes a new folder
reported "published". A one-letter "host" (`w:/srv/www`) is refused rather
than guessed at, as is anything rsync or ssh would take for an option.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .base import Destination, PublishError
from .folder import FolderDestination
from .rsync import RsyncDestination
from .s3 import S3Destination

# rsync's own rule: `host:path` and `user@host:path` are remote; a colon after a slash is not.
REMOTE = re.compile(r"^(?:(?P<user>[^@/:]*)@)?(?P<host>\[[^\]/]*\]|[^@/:\[]*):(?P<path>.*)$", re.S)
USER = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._-]*$")
HOST = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])$")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
FOLDER_NAMES = {"project": ("dự án", "project"), "cwd": ("đang làm việc", "working"), "content": ("nội dung", "content"),
                "theme": ("giao diện", "theme"), "output": ("bản dựng", "build output")}


def _refuse(target: str, vietnamese: str, english: str) -> PublishError:
    return PublishError(f"{target}: lỗi: {vietnamese} / error: {english}")


def destinations_for(name: str, settings: dict, protected: dict[str, Path] | None = None) -> list[Destination]:
    """A name from PUBLISH_DESTINATIONS (one target or several, published in turn), or a target itself."""
    named = settings.get("PUBLISH_DESTINATIONS") or {}
    if name in named:
        targets = named[name]
        targets = [targets] if isinstance(targets, str) else list(targets)
        if not targets or not all(isinstance(target, str) for target in targets):
            raise _refuse(name, "PUBLISH_DESTINATIONS phải cho mỗi tên một đích hoặc một danh sách đích",
                          "PUBLISH_DESTINATIONS must give each name a target or a list of targets")
    elif _looks_like_target(name):
        targets = [name]
    else:
        known = ", ".join(sorted(named))
        raise _refuse(name, f"không có đích tên \"{name}\" trong PUBLISH_DESTINATIONS ({f'có: {known}' if known else 'chưa khai báo tên nào'}); "
                            f"thư mục phải viết kèm dấu /, ví dụ ./{name} hoặc /srv/www/{name}",
                      f"no destination named \"{name}\" in PUBLISH_DESTINATIONS ({f'known: {known}' if known else 'none declared'}); "
                      f"write a folder with a slash, e.g. ./{name} or /srv/www/{name}")
    return [destination_for(target, protected or {}) for target in targets]


def _looks_like_target(text: str) -> bool:
    return "/" in text or ":" in text or text in (".", "..")


def destination_for(target: str, protected: dict[str, Path] | None = None) -> Destination:
    protected = protected or {}
    if not target or target.startswith("-") or CONTROL.search(target):
        raise _refuse(target or '""', "đích không được bắt đầu bằng dấu - hay chứa ký tự điều khiển",
                      "a destination may not start with - nor hold control characters")
    if target.startswith("s3://"):
        return S3Destination(target)
    if target.startswith("rsync:"):
        return RsyncDestination(str(local_folder(target[len("rsync:"):], target, protected)))
    remote = REMOTE.match(target)
    if remote:
        return RsyncDestination(_remote(target, remote))
    return FolderDestination(local_folder(target, target, protected))


def _remote(target: str, match: re.Match) -> str:
    user, host, path = match["user"], match["host"], match["path"]
    if len(host) <= 1:
        raise _refuse(target, f"\"{host}:\" không phải tên máy chủ (tên một chữ cái, như ổ đĩa Windows); "
                              f"hãy viết user@may-chu:/duong/dan, hoặc ./{target} nếu đó là thư mục",
                      f"\"{host}:\" is not a host name (one letter, like a Windows drive); "
                      f"write user@host:/path, or ./{target} for a folder")
    if not HOST.match(host) or (user is not None and not USER.match(user)):
        raise _refuse(target, "tên máy chủ hoặc tên người dùng không hợp lệ", "invalid host or user name")
    if not path or path.startswith(("-", ":")) or path.strip("/") == "":
        raise _refuse(target, "cần đường dẫn thư mục trên máy chủ, không phải thư mục gốc, ví dụ may-chu:/srv/www/tintuc",
                      "give a folder on the server other than its root, e.g. host:/srv/www/tintuc")
    return target


def local_folder(typed: str, target: str, protected: dict[str, Path]) -> Path:
    """The absolute folder; never the root, the home folder, nor one holding or inside the project's own."""
    folder = Path(os.path.abspath(os.path.expanduser(typed)))
    resolved = folder.resolve()
    home = Path.home().resolve()
    if resolved == Path(resolved.anchor) or resolved == home:
        raise _refuse(target, "không xuất bản vào thư mục gốc hay thư mục nhà; hãy chọn một thư mục riêng cho trang, ví dụ /srv/www/tintuc",
                      "refusing to publish into the root or home folder; choose a folder of its own, e.g. /srv/www/tintuc")
    found = []
    for name, guarded in protected.items():
        guarded = guarded.resolve()
        same, inside, holds = resolved == guarded, guarded in resolved.parents, resolved in guarded.parents
        if same or holds or (inside and name != "cwd"):
            # The most telling first: the folder itself, then the innermost folder it lies in (content, not project).
            found.append((0 if same else 1 if inside else 2, -len(guarded.parts), name, guarded, same, inside))
    if found:
        _, _, name, guarded, same, inside = min(found)
        relation, relation_en = ("là", "is") if same else ("nằm trong", "lies inside") if inside else ("chứa", "holds")
        vietnamese, english = FOLDER_NAMES.get(name.rstrip("0123456789"), ("plugin", "plugins"))
        raise _refuse(target, f"đích {relation} thư mục {vietnamese} ({guarded}); hãy xuất bản ra ngoài dự án, ví dụ /srv/www/tintuc",
                      f"the destination {relation_en} the {english} folder ({guarded}); publish outside the project, e.g. /srv/www/tintuc")
    return folder
