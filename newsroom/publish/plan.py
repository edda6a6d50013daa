"""What a publish will do to one destination, in the order it does it.

Newsroom writes only where it wrote before or where nothing is. The manifest at
the destination names the files newsroom put there; anything else is another's:
kept as it is, never overwritten or deleted. A plan that would meet one (a page
where another's file is, a file inside another's folder or link) is refused
unless the editor names it with `--adopt`, and adopted files count against
`--max-deletes` like every removal and every overwrite of a file whose bytes are
no longer those newsroom wrote.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .files import KIND_NAMES, SiteFile

SHOWN = 10  # paths named in a refusal; the dry run lists them all


@dataclass
class Plan:
    destination: str
    files: dict[str, SiteFile]
    added: list[str]
    changed: list[str]
    deleted: list[str]
    unchanged: int
    # dropped URL -> the URL it now redirects to, or None for a removal ("đã gỡ") page
    dropped: dict[str, str | None] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)  # URL -> source file, for the publish log
    kept: list[str] = field(default_factory=list)  # another's files, left as they are
    conflicts: list[str] = field(default_factory=list)  # another's files the plan would overwrite, not adopted
    overwritten: list[str] = field(default_factory=list)  # changed files newsroom did not write (adopted, edited since)
    adopted: list[str] = field(default_factory=list)
    previous: dict[str, dict] = field(default_factory=dict)  # newsroom's files there now, as its manifest records them

    @property
    def uploads(self) -> list[str]:
        """Added and changed files: assets, then pages, then search chunks, then feeds and sitemap."""
        return sorted(self.added + self.changed, key=lambda path: (self.files[path].kind, path))

    def groups(self) -> list[tuple[int, list[str]]]:
        grouped: dict[int, list[str]] = {}
        for path in self.uploads:
            grouped.setdefault(self.files[path].kind, []).append(path)
        return sorted(grouped.items())

    @property
    def bytes_to_send(self) -> int:
        return sum(self.files[path].size for path in self.added + self.changed)

    @property
    def sent(self) -> int:
        return len(self.added) + len(self.changed)

    @property
    def destructive(self) -> int:
        """What --max-deletes counts: every removal, and every overwrite of a file newsroom did not write last."""
        return len(self.deleted) + len(self.overwritten)

    def summary(self) -> str:
        kept = (f", để nguyên {len(self.kept)} tệp không do newsroom đăng", f", {len(self.kept)} not ours kept") if self.kept else ("", "")
        return (f"{self.destination}: thêm {len(self.added)}, sửa {len(self.changed)}, xoá {len(self.deleted)}, "
                f"giữ nguyên {self.unchanged}{kept[0]}, {self.bytes_to_send} byte / added {len(self.added)}, "
                f"changed {len(self.changed)}, deleted {len(self.deleted)}, unchanged {self.unchanged}{kept[1]}, "
                f"{self.bytes_to_send} bytes")

    def describe(self) -> list[str]:
        lines = [f"Kế hoạch / plan: {self.summary()}"]
        step = 0
        for kind, paths in self.groups():
            step += 1
            lines.append(f"  {step}. {KIND_NAMES[kind]}: {len(paths)}")
            lines += [f"     {'+' if path in self.added else '~'} {path}" for path in paths]
        if self.deleted:
            step += 1
            lines.append(f"  {step}. xoá / delete: {len(self.deleted)}")
            lines += [f"     - {path}" for path in self.deleted]
        if self.overwritten:
            lines.append(f"  ghi đè tệp lần xuất bản trước không ghi (đã bị sửa ở đích, hoặc --adopt) / "
                         f"overwrites of files the last publish did not write (edited there, or adopted): {len(self.overwritten)}")
            lines += [f"     ! {path}" for path in self.overwritten]
        if self.kept:
            lines.append(f"  không do newsroom đăng, để nguyên / not published by newsroom, kept: {len(self.kept)}")
            lines += [f"     = {path}" for path in self.kept]
        if self.conflicts:
            lines.append(f"  không do newsroom đăng, sẽ bị ghi đè / not published by newsroom, in the way: {len(self.conflicts)}")
            lines += [f"     ! {path}" for path in self.conflicts]
        lines += self.redirect_lines()
        return lines

    def redirect_lines(self) -> list[str]:
        lines = []
        sent = set(self.added + self.changed)
        for url, target in sorted(self.dropped.items()):
            if url + "index.html" not in sent:
                continue  # written by an earlier publish, unchanged
            if target is not None:
                lines.append(f"  chuyển hướng / redirect: /{url} -> /{target}")
            else:
                lines.append(f"  trang đã gỡ / removal notice: /{url}")
        return lines

    def refusal(self) -> str:
        shown = ", ".join(self.conflicts[:SHOWN]) + (f" (+{len(self.conflicts) - SHOWN})" if len(self.conflicts) > SHOWN else "")
        return (f"{self.destination}: lỗi: {len(self.conflicts)} tệp ở đích không do newsroom đăng mà kế hoạch sẽ ghi đè hoặc "
                f"chắn đường: {shown}; không thay đổi gì. Nếu đúng là muốn thay chúng, chạy lại với --adopt ĐƯỜNG-DẪN "
                f"(một tệp hoặc thư mục; --adopt . là tất cả) / error: {len(self.conflicts)} files at the destination that "
                f"newsroom did not publish are in the plan's way: {shown}; nothing changed. To replace them, run again "
                f"with --adopt PATH (a file or folder; --adopt . for all)")


def ancestors(path: str) -> list[str]:
    parts = path.split("/")
    return ["/".join(parts[:index]) for index in range(1, len(parts))]


def adopts(path: str, names: list[str]) -> bool:
    for name in names:
        name = name.strip("/")
        if name in ("", ".") or path == name or path.startswith(name + "/"):
            return True
    return False


def in_the_way(files, foreign: set[str]) -> list[str]:
    """Another's paths the site would meet: the same path, a file or link where the site needs a folder, or below a site file."""
    hit = set()
    for path in files:
        if path in foreign:
            hit.add(path)
        hit.update(prefix for prefix in ancestors(path) if prefix in foreign)
    site = set(files)
    hit.update(path for path in foreign if any(prefix in site for prefix in ancestors(path)))
    return sorted(hit)


def compare(files: dict[str, SiteFile], remote: dict[str, str | None], same) -> tuple[list[str], list[str], list[str]]:
    """Added, changed and extra (remote only) paths; `same(file, remote_digest)` decides equality."""
    added = [path for path in files if path not in remote]
    changed = [path for path in files if path in remote and not same(files[path], remote[path])]
    extra = sorted(path for path in remote if path not in files)
    return added, changed, extra
