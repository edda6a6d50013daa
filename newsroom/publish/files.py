"""The files of a built site: content hashes, kind, Content-Type and Cache-Control.

Pelican rewrites every file on each build, so times say nothing: files are
compared by content hash only.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import re
from dataclasses import dataclass
from pathlib import Path

# Written by the build for the publisher (which URL came from which article); never published.
from newsroom.addresses import BUNDLE, ROBOTS, SITEMAP
from newsroom.site.production import BUILD_NOTES

# Kept at each destination: which files newsroom put there, so it never touches another's.
MANIFEST = ".newsroom-manifest.json"
SYMLINK = "symlink:"  # listing digest of a symbolic link: never equal to a file's

# Publishing order: a reader never gets a page whose photos or styles are missing,
# nor a feed, sitemap or search entry pointing at a page not yet there.
ASSET, PAGE, SEARCH_CHUNK, INDEX = 0, 1, 2, 3
KIND_NAMES = {ASSET: "ảnh và tài nguyên / assets", PAGE: "trang / pages",
              SEARCH_CHUNK: "chỉ mục tìm kiếm / search index", INDEX: "nguồn tin, sitemap / feeds, sitemap"}

SHORT = "public, max-age=300"
DAY = "public, max-age=86400"
IMMUTABLE = "public, max-age=31536000, immutable"

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".gif": "image/gif",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".pdf": "application/pdf",
    ".wasm": "application/wasm",
}

# Pagefind names its chunks after their content hash: such a name never changes meaning.
_FINGERPRINTED = re.compile(r"_[0-9a-f]{7,}\.pf_(fragment|index|meta|filter)$")


@dataclass(frozen=True)
class SiteFile:
    path: str  # relative, with forward slashes
    size: int
    sha256: str
    md5: str
    source: Path | None = None  # a file of the built site
    data: bytes | None = None  # or bytes made by the publisher (redirect and removal pages)

    def read(self) -> bytes:
        return self.data if self.data is not None else self.source.read_bytes()

    @property
    def kind(self) -> int:
        return kind_of(self.path)

    @property
    def content_type(self) -> str:
        return content_type_of(self.path)

    @property
    def cache_control(self) -> str:
        return cache_control_of(self.path)


def file_from_bytes(path: str, data: bytes) -> SiteFile:
    return SiteFile(path, len(data), hashlib.sha256(data).hexdigest(), hashlib.md5(data).hexdigest(), data=data)


def file_from_disk(path: str, source: Path) -> SiteFile:
    sha, md5 = hashlib.sha256(), hashlib.md5()
    size = 0
    with source.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            sha.update(chunk)
            md5.update(chunk)
            size += len(chunk)
    return SiteFile(path, size, sha.hexdigest(), md5.hexdigest(), source=source)


def scan_site(root: Path) -> dict[str, SiteFile]:
    """Every file of the built site (a folder, or a link to one), by relative path."""
    root = root.resolve()
    files = {}
    for source in sorted(root.rglob("*")):
        if not source.is_file():
            continue
        path = source.relative_to(root).as_posix()
        if path in (BUILD_NOTES, MANIFEST):
            continue
        files[path] = file_from_disk(path, source)
    return files


def scan_folder(root: Path) -> dict[str, str]:
    """Path -> SHA-256 of every file under `root`; a symbolic link (to a file or a folder) is one entry, not followed."""
    root = root.resolve()
    found = {}
    for folder, dirs, names in os.walk(root):
        for name in sorted(dirs + names):
            full = os.path.join(folder, name)
            path = os.path.relpath(full, root).replace(os.sep, "/")
            if os.path.islink(full):
                found[path] = SYMLINK + os.readlink(full)
            elif name in names:
                found[path] = file_from_disk(path, Path(full)).sha256 if os.path.isfile(full) else "special:"
        dirs[:] = [name for name in dirs if not os.path.islink(os.path.join(folder, name))]
    return found


def kind_of(path: str) -> int:
    name = path.rsplit("/", 1)[-1]
    if name in (SITEMAP, ROBOTS) or path.endswith(".xml"):  # feeds, sitemap, robots
        return INDEX
    if path.startswith(f"{BUNDLE}/"):
        if name == "pagefind-entry.json" or name.endswith(".pf_meta"):
            return INDEX
        if name.endswith((".pf_fragment", ".pf_index", ".pf_filter")) or path.startswith(f"{BUNDLE}/texts/"):
            return SEARCH_CHUNK  # named by their content
        return ASSET
    if name.endswith(".html"):
        return PAGE
    return ASSET


def content_type_of(path: str) -> str:
    if path.endswith(".atom.xml"):
        return "application/atom+xml; charset=utf-8"
    if path.endswith(".rss.xml"):
        return "application/rss+xml; charset=utf-8"
    if path.endswith(".pagefind") and "wasm" in path.rsplit("/", 1)[-1]:
        return "application/wasm"
    suffix = Path(path).suffix.lower()
    if suffix in CONTENT_TYPES:
        return CONTENT_TYPES[suffix]
    guessed, _ = mimetypes.guess_type(path)
    return guessed or "application/octet-stream"


def cache_control_of(path: str) -> str:
    """HTML, feeds and indexes change with every article: short. Hash-named chunks: forever."""
    name = path.rsplit("/", 1)[-1]
    if _FINGERPRINTED.search(name):
        return IMMUTABLE
    if kind_of(path) in (PAGE, INDEX) or name.endswith((".json", ".txt")):
        return SHORT
    return DAY
