"""`newsroom check`: list every problem in the content as `file:line: error|warning: Vietnamese / English`.

Exits 1 when there is an error (the build would refuse), 0 with only warnings.
`--fix` first rewrites decomposed (NFD) articles to NFC, touching nothing else.
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsroom.checks import check_site
from newsroom.checks.site import article_files
from newsroom.checks.text import fix_nfc


def add_arguments(parser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"), help="thư mục nội dung / content folder (content)")
    parser.add_argument("--fix", action="store_true", help="sửa những lỗi sửa được tự động (NFD -> NFC) / fix what can be fixed (NFD -> NFC)")


def run(args) -> int:
    content: Path = args.content
    if not (content / "articles").is_dir():
        print(f"{content}: lỗi: không tìm thấy thư mục bài viết {content / 'articles'} / error: no articles folder", file=sys.stderr)
        return 2
    if args.fix:
        for path in article_files(content):
            if fix_nfc(path):
                print(f"{path}: đã chuyển sang dạng NFC / rewritten in NFC")
    problems = check_site(content)
    for problem in problems:
        print(problem)
    errors = sum(problem.is_error for problem in problems)
    warnings = len(problems) - errors
    count = len(article_files(content))
    print(
        f"{count} bài, {errors} lỗi, {warnings} cảnh báo. / {count} articles, {errors} errors, {warnings} warnings."
    )
    return 1 if errors else 0
