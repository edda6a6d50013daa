"""`newsroom new "Tiêu đề"`: start an article at content/articles/YYYY/MM/<slug>.md; print its path and address.

The file holds the metadata every article needs, dated now (Vietnam time), a
photo example inside an HTML comment (neither shown on the page nor checked)
and a placeholder paragraph: the article builds and shows in the preview at
once, `check` warns until the placeholder is replaced, and `publish` refuses.
An existing file or slug is never overwritten.
"""

from __future__ import annotations

import datetime
import os
import sys
import unicodedata

from newsroom.checks.metadata import MAX_SLUG
from newsroom.checks.placeholder import PLACEHOLDER
from newsroom.commands.options import add_content_argument, add_settings_argument, command_settings
from newsroom.content.files import SAFE_SLUG, known_articles
from newsroom.core.text import slugify
from newsroom.settings import portal

DEFAULT_AUTHOR = "Ban biên tập"  # pelicanconf.py AUTHOR
TEMPLATE = """\
Title: {title}
Date: {date}
Author: {author}
Summary:{slug_line}

<!--
Viết nội dung bài ở đây, các đoạn cách nhau một dòng trống. Ghi một câu tóm tắt vào dòng Summary ở trên.
Ảnh: chép ảnh vào content/images/{year}/{month}/ rồi viết trên một dòng riêng, mô tả trong [...], chú thích trong ngoặc kép:
![Mô tả ảnh]({{static}}/images/{year}/{month}/ten-anh.jpg "Chú thích ảnh.")
Khối này là ghi chú (HTML comment), không hiện trên trang; có thể xóa khi viết xong.
-->

{placeholder}
"""
PREVIEW = "http://127.0.0.1:8000/"  # `newsroom serve`'s address


def add_arguments(parser) -> None:
    parser.add_argument("title", help="tiêu đề bài viết / the article's title")
    add_content_argument(parser)
    add_settings_argument(parser)
    parser.add_argument("--author", help="tác giả (mặc định: NEWSROOM_AUTHOR hoặc Ban biên tập) / author")
    parser.add_argument("--slug", help="đường dẫn rút gọn khác với tiêu đề / a slug other than the title's")


def _unwritable_characters(text: str) -> list[str]:
    """Characters that would break out of a metadata line (newlines) or hide in it (control characters)."""
    return [f"U+{ord(c):04X}" for c in text if unicodedata.category(c) in ("Cc", "Zl", "Zp")]


def run(args) -> int:
    if not args.content.is_dir():
        print(
            f"{args.content}: lỗi: không tìm thấy thư mục nội dung; hãy chạy lệnh trong thư mục dự án hoặc chỉ đúng --content / "
            f"error: content folder not found; run the command in the project folder or give the right --content",
            file=sys.stderr,
        )
        return 1
    author = args.author or os.environ.get("NEWSROOM_AUTHOR") or DEFAULT_AUTHOR
    for what, what_en, value in (("tiêu đề", "title", args.title), ("tác giả", "author", author)):
        bad = _unwritable_characters(value)
        if bad:
            print(
                f"lỗi: {what} chứa ký tự xuống dòng hoặc ký tự điều khiển ({', '.join(dict.fromkeys(bad))}); hãy viết trên một dòng / "
                f"error: the {what_en} holds a line break or control character ({', '.join(dict.fromkeys(bad))}); write it on one line",
                file=sys.stderr,
            )
            return 1
    author = author.strip()
    if not author:
        print("lỗi: tên tác giả đang để trống / error: the author is empty", file=sys.stderr)
        return 1
    title = " ".join(args.title.split())
    slug = args.slug or slugify(title)
    # A long title keeps its words; its address is cut at a word, within what check allows, and written as Slug:.
    shortened = not args.slug and len(slug) > MAX_SLUG
    if shortened:
        slug = slug[: MAX_SLUG + 1].rsplit("-", 1)[0] if "-" in slug[:MAX_SLUG] else slug[:MAX_SLUG]
    if args.slug and len(slug) > MAX_SLUG:
        print(f"lỗi: --slug dài {len(slug)} ký tự (tối đa {MAX_SLUG}) / error: --slug is {len(slug)} characters long (at most {MAX_SLUG})",
              file=sys.stderr)
        return 2
    if not title or not slug or not SAFE_SLUG.match(slug):
        print("lỗi: tiêu đề (hoặc --slug) phải có chữ hoặc số / error: the title (or --slug) needs letters or digits", file=sys.stderr)
        return 2
    settings = command_settings(args, required=False)
    if settings is None:
        return 1
    if portal(settings).addresses.reserved(slug):
        print(f'lỗi: đường dẫn "{slug}" là địa chỉ dành riêng của cổng; hãy đổi tiêu đề hoặc dùng --slug khác / '
              f'error: "{slug}" is an address the portal owns; change the title or give another --slug', file=sys.stderr)
        return 2
    now = datetime.datetime.now(portal(settings).timezone).replace(second=0, microsecond=0)
    year, month = f"{now.year:04d}", f"{now.month:02d}"
    target = args.content / "articles" / year / month / f"{slug}.md"
    taken = [path for path, _date in known_articles(args.content).get(slug, ())]
    if target.exists() or taken:
        existing = target if target.exists() else taken[0]
        print(
            f"{existing}: lỗi: đã có bài với đường dẫn \"{slug}\", không ghi đè; hãy đổi tiêu đề hoặc thêm hậu tố: --slug {slug}-2 / "
            f"error: an article with slug \"{slug}\" exists, not overwritten; change the title or add a suffix: --slug {slug}-2",
            file=sys.stderr,
        )
        return 1
    text = TEMPLATE.format(
        title=title, date=now.isoformat(), author=author, year=year, month=month,
        slug_line=f"\nSlug: {slug}" if args.slug or shortened else "", placeholder=PLACEHOLDER,
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8", newline="\n") as output:  # "x": a race never overwrites either
        output.write(text)
    address = portal(settings).addresses.article(slug, now).url
    print(target)
    print(f"Địa chỉ trang khi xem thử (newsroom serve) / page address in the preview: {PREVIEW}{address}")
    return 0
