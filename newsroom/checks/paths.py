"""Where a link in an article leads, on disk and on the site; and what in the content folder is not a plain file.

Pelican resolves {static}, {attach} and {filename} against the content folder
and copies what it finds: a target outside the folder would publish (or
overwrite) a file of the machine. Symbolic links do the same behind a
harmless name. These functions say so, as Problems the checker reports;
they read the disk but never change it.
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from newsroom.checks.problems import Problem, error

PELICAN_LINK = re.compile(r"^\s*(?:\{(?P<braced>static|filename|attach)\}|\|(?P<piped>static|filename|attach)\|)(?P<value>.*)$", re.DOTALL)
EXTERNAL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//|^\\\\")


@dataclass(frozen=True)
class LinkTarget:
    """A {static}/{attach}/{filename} target as Pelican would look it up."""

    kind: str  # "static", "attach" or "filename"
    written: str  # the link as written, e.g. "{static}/images/a.jpg"
    relative: str  # the path Pelican looks up, relative to the content folder (posix)
    path: Path  # content / relative, normalised, links not followed
    escapes: bool  # leads outside the content folder (by "..", an absolute path or a symbolic link)
    exists: bool  # a regular file inside the content folder


def resolve_link_target(content: Path, source: Path, target: str) -> LinkTarget | None:
    """Resolve `target`, written in the file `source`, as Pelican does; None if it is not a Pelican link.

    A leading "/" means the content folder; otherwise the folder of `source`.
    Pelican also tries the target percent-decoded and HTML-unescaped: a
    target escapes if any of those spellings does.
    """
    match = PELICAN_LINK.match(target)
    if match is None:
        return None
    kind = match.group("braced") or match.group("piped")
    root = Path(os.path.abspath(content))
    source_dir = Path(os.path.abspath(source)).parent
    candidates = []
    for spelling in dict.fromkeys((match.group("value"), unquote(match.group("value")), unescape(match.group("value")))):
        path = urlsplit(spelling).path.replace("%20", " ")
        if path.startswith("/"):
            relative = path[1:]
        else:
            relative = os.path.relpath(os.path.join(source_dir, path), root) if path else ""
        candidates.append(posixpath.normpath(relative.replace(os.sep, "/")) if relative else ".")
    # Pelican keeps a scheme or host written after the prefix: "{static}//host/x" would load from that host.
    foreign = any(urlsplit(spelling).scheme or urlsplit(spelling).netloc
                  for spelling in (match.group("value"), unquote(match.group("value")), unescape(match.group("value"))))
    escapes = foreign or any(_escapes(root, relative) for relative in candidates)
    relative = candidates[0]
    path = Path(os.path.normpath(root / relative))
    exists = not escapes and any(_is_plain_file(root, r) for r in candidates)
    return LinkTarget(kind, target, relative, path, escapes, exists)


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


def site_path(page_url: str, href: str, site_url: str = "") -> str | None:
    """The output path (posix, relative to the site root) a link on the page at `page_url` leads to.

    None for what is not a page of this site: other hosts, mailto:, anchors on
    the same page, Pelican links (checked on disk instead), and empty links.
    A folder path ends in "index.html", as the server answers it.
    """
    href = href.strip()
    if site_url and href.startswith(site_url.rstrip("/") + "/"):
        href = href[len(site_url.rstrip("/")):]
    if not href or href.startswith(("#", "?")) or PELICAN_LINK.match(href) or EXTERNAL.match(href):
        return None
    joined = urlsplit(urljoin("http://site.invalid/" + page_url.lstrip("/"), href))
    if joined.netloc != "site.invalid":
        return None
    path = unquote(joined.path).lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return posixpath.normpath(path)


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


def symlink_problems(content: Path) -> list[Problem]:
    """Alias of special_file_problems(): symbolic links and other non-files under `content`."""
    return special_file_problems(content)


def _escapes(root: Path, relative: str) -> bool:
    if os.path.isabs(relative) or relative == ".." or relative.startswith("../"):
        return True
    # Inside by name; a symbolic link on the way may still lead out.
    real_root = os.path.realpath(root)
    real = os.path.realpath(root / relative)
    return os.path.commonpath([real_root, real]) != real_root


def _is_plain_file(root: Path, relative: str) -> bool:
    path = root / relative
    return path.is_file() and not any(p.is_symlink() for p in [path, *path.parents] if root in p.parents)


def _hint(content: Path, resolved: LinkTarget) -> tuple[str, str]:
    match = PELICAN_LINK.match(resolved.written)
    if resolved.kind in ("static", "attach") and match and not match.group("value").startswith("/"):
        return (' (đường dẫn không bắt đầu bằng "/" được tính từ thư mục của bài; có phải muốn viết {static}/...?)',
                ' (a path without a leading "/" is taken from the article\'s folder; did you mean {static}/...?)')
    return "", ""
