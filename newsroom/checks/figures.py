"""Checks of the photos in an article: present, on disk, described and captioned.

A photo is `![alt text](path "Caption.")`. `newsroom import` writes photos it
does not have yet as PLACEHOLDER so that the build refuses them until an
editor puts the real file in place. Paths are resolved the way Pelican does:
`{static}/x` from the content folder, `{static}x` from the article's folder;
a plain `/images/x` from the content folder too (the site root mirrors it).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from newsroom.content.links import IMAGE, LINK_PREFIX, body_lines, photo_file
from newsroom.core.rawimport import PLACEHOLDER
from newsroom.core.source import MarkdownSource
from newsroom.problems import Problem, error, warning
from newsroom.site.static_files import is_photo_name


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
    target = photo_file(unquote(parts.path), src, source.path, content)
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
