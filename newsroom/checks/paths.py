"""Links in an article that lead nowhere or out of the content folder; and what in the content folder is not a plain file.

Pelican resolves {static}, {attach} and {filename} against the content folder
and copies what it finds: a target outside the folder would publish (or
overwrite) a file of the machine. Symbolic links do the same behind a
harmless name. These functions say so, as Problems the checker reports;
they read the disk but never change it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from newsroom.content.links import PELICAN_LINK, LinkTarget, resolve_link_target, site_path
from newsroom.problems import Problem, error

def link_target_problems(content: Path, source: Path, line: int, target: str) -> list[Problem]:
    """Errors for a {static}/{attach}/{filename} target that leaves the content folder or names no file."""
    resolved = resolve_link_target(content, source, target)
    if resolved is None:
        return []
    if resolved.escapes:
        return [error(
            source, line,
            f'liên kết "{target}" trỏ ra ngoài thư mục nội dung; chỉ dùng tệp trong {content}',
            f'the link "{target}" leads outside the content folder; use only files inside {content}',
        )]
    if not resolved.exists:
        hint_vi, hint_en = _hint(content, resolved)
        return [error(
            source, line,
            f'không tìm thấy tệp "{resolved.relative}" cho liên kết "{target}"{hint_vi}',
            f'no file "{resolved.relative}" for the link "{target}"{hint_en}',
        )]
    return []


def site_link_problems(source: Path, line: int, page_url: str, href: str, published, site_url: str = "") -> list[Problem]:
    """An error when `href`, on the page at `page_url`, leads to no file the build publishes.

    `published` holds the output paths of the build (posix, relative to the
    site root, e.g. "tin-tuc/2026/02/a/index.html", "images/2026/02/a.jpg").
    """
    path = site_path(page_url, href, site_url)
    if path is None or path in published or f"{path}/index.html" in published:
        return []
    return [error(
        source, line,
        f'liên kết hỏng "{href}": trang web không có /{path.removesuffix("index.html")}',
        f'broken link "{href}": the site has no /{path.removesuffix("index.html")}',
    )]


def special_file_problems(content: Path) -> list[Problem]:
    """Every symbolic link under `content` (file or folder), and anything that is neither a file nor a folder.

    Reported at line 1 of the link itself; folders behind links are not entered.
    `content` itself may be a link (a deployment choice, not an editor's).
    """
    problems = []
    for folder, dirnames, filenames in os.walk(content, followlinks=False):
        for name in sorted(dirnames + filenames):
            path = Path(folder) / name
            try:
                mode = os.lstat(path).st_mode
            except OSError:
                continue
            if stat.S_ISLNK(mode):
                problems.append(error(
                    path, 1,
                    f'liên kết tượng trưng (symlink) tới "{os.readlink(path)}" không được phép trong thư mục nội dung; '
                    f"hãy chép tệp thật vào",
                    f'a symbolic link (to "{os.readlink(path)}") is not allowed in the content folder; copy the real file in',
                ))
            elif not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                problems.append(error(
                    path, 1,
                    "không phải tệp thường (ống, socket hay thiết bị); hãy xóa khỏi thư mục nội dung",
                    "not a regular file (a pipe, socket or device); remove it from the content folder",
                ))
        dirnames[:] = [d for d in dirnames if not os.path.islink(os.path.join(folder, d))]
    return problems


def _hint(content: Path, resolved: LinkTarget) -> tuple[str, str]:
    match = PELICAN_LINK.match(resolved.written)
    if resolved.kind in ("static", "attach") and match and not match.group("value").startswith("/"):
        return (' (đường dẫn không bắt đầu bằng "/" được tính từ thư mục của bài; có phải muốn viết {static}/...?)',
                ' (a path without a leading "/" is taken from the article\'s folder; did you mean {static}/...?)')
    return "", ""
