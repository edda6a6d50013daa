"""Where a link written in an article leads: the one reading of {static}/{filename} targets and of site paths.

Pelican resolves {static}, {attach} and {filename} against the content folder
and copies what it finds; a photo's `![alt](src)` is read the same way. The
checks, the analysis (photos) and the build all ask these functions.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from newsroom.core.source import MarkdownSource

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


IMAGE = re.compile(
    r"!\[(?P<alt>(?:\\.|\[[^\]\n]*\]|[^\[\]\\\n])*)\]"
    r"\(\s*<?(?P<src>[^\s)>]*)>?(?:\s+(?P<quote>[\"'])(?P<title>.*?)(?P=quote))?\s*\)"
)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
FENCE = re.compile(r"^\s*(```|~~~)")
LINK_PREFIX = re.compile(r"^\{(static|attach|filename)\}")


def body_lines(source: MarkdownSource):
    """(line number, text) of the body, without HTML comments and fenced code."""
    # Comments become blank runs of the same number of lines, so numbering holds.
    body = COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), source.body)
    fenced = False
    for offset, line in enumerate(body.split("\n")):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield source.body_line + offset, line


@lru_cache(maxsize=65536)  # every photo of every article resolves against the same folders
def _resolved(path: Path) -> Path:
    return path.resolve()


def photo_file(link_path: str, src: str, article: Path, content: Path) -> Path | None:
    """The file a photo link points to, or None when it leaves the content folder."""
    root = _resolved(content)
    # `{static}x` is relative to the article (Pelican); everything else to the content folder.
    relative_to_article = src.startswith("{") and not link_path.startswith("/")
    base = _resolved(article).parent if relative_to_article else root
    # Resolved every time: a photo replaced by a link to a file outside the content must be seen in `serve`.
    target = (base / link_path.lstrip("/")).resolve()
    return target if root in target.parents else None


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
