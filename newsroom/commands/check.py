"""`newsroom check`: list every problem in the content as `file:line: error|warning: Vietnamese / English`.

Exits 1 when there is an error (the build would refuse), 0 with only warnings.
It judges the same analysis the build publishes, so it passes exactly when
`newsroom build` would. `--fix` first rewrites decomposed (NFD) articles to NFC.
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsroom.cache_users import using_caches
from newsroom.checks.site import check_content
from newsroom.checks.text import fix_nfc
from newsroom.commands.options import add_content_argument, add_settings_argument, command_settings
from newsroom.content.files import SOURCE_FOLDERS, source_files
from newsroom.settings import portal


def add_arguments(parser) -> None:
    add_content_argument(parser)
    add_settings_argument(parser)
    parser.add_argument("--fix", action="store_true", help="sửa những lỗi sửa được tự động (NFD -> NFC) / fix what can be fixed (NFD -> NFC)")


def run(args) -> int:
    content: Path = args.content
    if not (content / "articles").is_dir():
        print(f"{content}: lỗi: không tìm thấy thư mục bài viết {content / 'articles'} / error: no articles folder", file=sys.stderr)
        return 2
    if not args.settings.is_file():
        print(f"{args.settings}: lỗi: không tìm thấy tệp cấu hình / error: settings file not found", file=sys.stderr)
        return 2
    settings = command_settings(args)
    if settings is None:
        return 1
    if args.fix:
        for folder in SOURCE_FOLDERS:
            for path in source_files(content, folder):
                if fix_nfc(path):
                    print(f"{path}: đã chuyển sang dạng NFC / rewritten in NFC")
    with using_caches(portal(settings).analysis_cache.parent):  # a build meanwhile must not prune them
        checked = check_content(content, settings)
    for problem in checked.problems:
        print(problem)
    errors, warnings = len(checked.errors), len(checked.warnings)
    count = len(checked.articles)
    print(f"{count} bài, {errors} lỗi, {warnings} cảnh báo. / "
          f"{_english(count, 'article')}, {_english(errors, 'error')}, {_english(warnings, 'warning')}.")
    return 1 if errors else 0


def _english(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
