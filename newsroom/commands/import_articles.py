"""`newsroom import FILE...`: raw-text articles into content/articles/YYYY/MM/<slug>.md.

Prints each file written. A file already imported (an article with the same
slug and date exists) is reported and skipped, so importing twice is harmless.
The conversion rules (captions, time of day) are in newsroom.core.rawimport.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

from newsroom.content.files import known_articles
from newsroom.core.text import slugify
from newsroom.core.rawimport import to_markdown
from newsroom.core.source import SourceError, parse_raw


def add_arguments(parser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"), help="thư mục nội dung / content folder (content)")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="tệp văn bản thô / raw-text file")


def run(args) -> int:
    known = known_articles(args.content)
    failed = 0
    for path in args.files:
        try:
            failed += not import_one(path, args.content, known)
        except SourceError as failure:
            print(failure, file=sys.stderr)
            failed += 1
        except OSError as failure:
            print(f"{path}:1: lỗi: không đọc được tệp / error: cannot read the file ({failure.strerror})", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


def import_one(path: Path, content: Path, known: dict) -> bool:
    """Write one article; False when the file cannot be imported."""
    article = parse_raw(path)
    if not _valid_date(article.date):
        print(
            f"{path}:{article.title_line}: lỗi: dòng đầu phải là \"date YYYY-MM-DD Tiêu đề\" / "
            f"error: the first line must be \"date YYYY-MM-DD Title\"",
            file=sys.stderr,
        )
        return False
    base = slugify(article.title)
    if not base or not article.blocks:
        print(f"{path}:{article.title_line}: lỗi: bài không có tiêu đề hoặc nội dung / error: no title or no text", file=sys.stderr)
        return False
    for existing, date in known.get(base, ()):
        if date == article.date:
            print(f"{path}: đã nhập / already imported: {existing}")
            return True
    slug, target = _free_slug(base, article.date, content, known)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8", newline="\n") as output:  # "x": never overwrite
        output.write(to_markdown(article, slug if slug != base else None))
    known.setdefault(slug, []).append((target, article.date))
    if not article.author:
        print(f"{path}: cảnh báo: không thấy tên tác giả ở dòng cuối / warning: no author name on the last line", file=sys.stderr)
    print(target)
    return True


def _valid_date(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _free_slug(base: str, date: str, content: Path, known: dict) -> tuple[str, Path]:
    """The title's slug, or slug-2, slug-3... when another article (another day) holds it."""
    folder = content / "articles" / date[:4] / date[5:7]
    number = 1
    while True:
        slug = base if number == 1 else f"{base}-{number}"
        target = folder / f"{slug}.md"
        if slug not in known and not target.exists():
            return slug, target
        number += 1
