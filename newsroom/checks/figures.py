"""Checks of the photos in an article: present, on disk, described and captioned.

A photo is `![alt text](path "Caption.")`. `newsroom import` writes photos it
does not have yet as PLACEHOLDER so that the build refuses them until an
editor puts the real file in place. Paths are resolved the way Pelican does:
`{static}/x` from the content folder, `{static}x` from the article's folder;
a plain `/images/x` from the content folder too (the site root mirrors it).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from newsroom.core.rawimport import PLACEHOLDER
from newsroom.core.source import MarkdownSource

from newsroom.site.static_files import is_photo_name

from .problems import Problem, error, warning

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


def check_figures(source: MarkdownSource, content: Path) -> list[Problem]:
    problems: list[Problem] = []
    for number, line in body_lines(source):
        if "![" not in line:
            continue
        for match in IMAGE.finditer(line):
            problems += _check_image(source, content, number, match)
    return problems


def _check_image(source: MarkdownSource, content: Path, number: int, match: re.Match) -> list[Problem]:
    path, src = source.path, match["src"]
    problems = []
    if not match["alt"].strip():
        problems.append(error(
            path, number,
            "ảnh thiếu mô tả cho người không nhìn thấy (phần trong [...])",
            "the photo has no alt text (the part in [...])",
        ))
    if match["title"] is None or not match["title"].strip():
        problems.append(warning(
            path, number,
            'ảnh thiếu chú thích (viết trong ngoặc kép sau đường dẫn: "Chú thích.")',
            'the photo has no caption (write it in quotes after the path: "Caption.")',
        ))
    if src == PLACEHOLDER or not src:
        folder = _photo_folder(source)
        problems.append(error(
            path, number,
            f"ảnh chưa có: chép ảnh vào content/{folder}/ rồi thay {src or '()'} bằng {{static}}/{folder}/ten-anh.jpg",
            f"photo missing: copy it into content/{folder}/ and replace {src or '()'} with {{static}}/{folder}/name.jpg",
        ))
        return problems
    parts = urlsplit(LINK_PREFIX.sub("", src))
    if parts.scheme or parts.netloc:
        problems.append(error(
            path, number,
            f"ảnh {src} nằm ở máy chủ khác; hãy chép ảnh vào content/images/ (trang không tải gì từ nơi khác)",
            f"photo {src} is on another server; copy it into content/images/ (the site loads nothing from elsewhere)",
        ))
        return problems
    relative_page_link = not LINK_PREFIX.match(src) and not src.startswith("/")
    if relative_page_link:
        problems.append(error(
            path, number,
            f"đường dẫn ảnh {src} sẽ hỏng trên trang web; hãy viết {{static}}/{src}",
            f"the photo path {src} breaks on the web page; write {{static}}/{src}",
        ))
    target = _resolve(unquote(parts.path), src, source.path, content)
    if target is None or not target.is_file():
        problems.append(error(
            path, number,
            f"không tìm thấy tệp ảnh {src} trong thư mục nội dung",
            f"photo file {src} not found in the content folder",
        ))
    elif not is_photo_name(target):
        problems.append(error(
            path, number,
            f"{src} không phải ảnh được phép; trang chỉ hiện ảnh JPEG, PNG, WebP",
            f"{src} is not an allowed photo; pages show JPEG, PNG and WebP photos only",
        ))
    return problems


def _photo_folder(source: MarkdownSource) -> str:
    """images/YYYY/MM of the article's date, where the README asks editors to put its photos."""
    date = source.get("date")
    if len(date) >= 7 and date[:4].isdigit() and date[5:7].isdigit():
        return f"images/{date[:4]}/{date[5:7]}"
    return "images/YYYY/MM"


@lru_cache(maxsize=65536)  # every photo of every article resolves against the same folders
def _resolved(path: Path) -> Path:
    return path.resolve()


def _resolve(link_path: str, src: str, article: Path, content: Path) -> Path | None:
    """The file a photo link points to, or None when it leaves the content folder."""
    root = _resolved(content)
    # `{static}x` is relative to the article (Pelican); everything else to the content folder.
    relative_to_article = src.startswith("{") and not link_path.startswith("/")
    base = _resolved(article).parent if relative_to_article else root
    # Resolved every time: a photo replaced by a link to a file outside the content must be seen in `serve`.
    target = (base / link_path.lstrip("/")).resolve()
    return target if root in target.parents else None
