"""What a publish will do to one destination, in the order it does it."""

from __future__ import annotations

from dataclasses import dataclass, field

from .files import KIND_NAMES, SiteFile


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

    def summary(self) -> str:
        return (f"{self.destination}: thêm {len(self.added)}, sửa {len(self.changed)}, xoá {len(self.deleted)}, "
                f"giữ nguyên {self.unchanged}, {self.bytes_to_send} byte / added {len(self.added)}, "
                f"changed {len(self.changed)}, deleted {len(self.deleted)}, unchanged {self.unchanged}, "
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
        sent = set(self.added + self.changed)
        for url, target in sorted(self.dropped.items()):
            if url + "index.html" not in sent:
                continue  # written by an earlier publish, unchanged
            if target is not None:
                lines.append(f"  chuyển hướng / redirect: /{url} -> /{target}")
            else:
                lines.append(f"  trang đã gỡ / removal notice: /{url}")
        return lines


def compare(files: dict[str, SiteFile], remote: dict[str, str | None], same) -> tuple[list[str], list[str], list[str]]:
    """Added, changed and extra (remote only) paths; `same(file, remote_digest)` decides equality."""
    added = [path for path in files if path not in remote]
    changed = [path for path in files if path in remote and not same(files[path], remote[path])]
    extra = sorted(path for path in remote if path not in files)
    return added, changed, extra
