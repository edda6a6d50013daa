"""`newsroom publish DESTINATION`: build with the production settings, then send only what changed."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from newsroom.checks.placeholder import is_placeholder
from newsroom.commands.options import add_content_argument, add_settings_argument, command_settings
from newsroom.publish import PublishError, PublishLog, destinations_for, publish
from newsroom.publish.log import redact
from newsroom.publish.progress import terminal_progress
from newsroom.settings import portal
from newsroom.site_output import protected_folders
from newsroom.sitebuild import BuildFailed, BuildOptions, build_site


def count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"cần một số nguyên không âm, không phải {text!r} / a whole number of 0 or more, not {text!r}")
    return value


def add_arguments(parser) -> None:
    parser.add_argument("destination", metavar="DESTINATION",
                        help="thư mục, user@host:/đường/dẫn, s3://bucket/thư-mục hoặc tên trong PUBLISH_DESTINATIONS / "
                             "a folder, user@host:/path, s3://bucket/prefix or a name from PUBLISH_DESTINATIONS")
    parser.add_argument("--dry-run", action="store_true", help="chỉ in kế hoạch, không thay đổi gì / print the plan, change nothing")
    parser.add_argument("--max-deletes", type=count, default=100, metavar="N",
                        help="dừng nếu phải xoá (hoặc ghi đè tệp lần trước không ghi) quá N tệp (100) / "
                             "stop when more than N files would be deleted or overwritten without the last publish writing them (100)")
    parser.add_argument("--yes", action="store_true", help="đồng ý xoá quá giới hạn / confirm deletions above the limit")
    parser.add_argument("--adopt", action="append", default=[], metavar="PATH",
                        help="cho phép thay/xoá tệp ở đích không do newsroom đăng (tệp hoặc thư mục; . là tất cả) / "
                             "let newsroom replace or delete files at the destination it did not publish (a file or folder; . for all)")
    add_content_argument(parser)
    add_settings_argument(parser, "publishconf.py")
    parser.add_argument("--output", type=Path, default=None,
                        help="giữ bản dựng ở thư mục này / keep the build in this folder (default: a temporary one)")
    parser.add_argument("--log", type=Path, default=None,
                        help="nhật ký xuất bản / publish log (publish-log.jsonl beside the settings)")


def error(message: str) -> None:
    print(redact(message), file=sys.stderr)


def production_settings(args) -> dict | None:
    path = args.settings
    if not path.is_file():
        error(f"{path}: lỗi: không tìm thấy tệp cấu hình / error: settings file not found")
        return None
    settings = command_settings(args)
    if settings is None:
        return None
    address = urlsplit(settings.get("SITEURL") or "")
    if address.scheme not in ("http", "https") or not address.netloc:
        error(f"{path}: lỗi: chưa đặt địa chỉ trang (biến NEWSROOM_SITEURL, ví dụ https://tintuc.example.gov.vn) / "
              f"error: the site address is not set (NEWSROOM_SITEURL, e.g. https://tintuc.example.gov.vn)")
        return None
    return settings


def run(args) -> int:
    settings = production_settings(args)
    if settings is None:
        return 2
    protected = protected_folders(BuildOptions(content=args.content, settings=args.settings))
    if args.output is not None:
        protected["output"] = args.output.absolute()
    try:
        destinations = destinations_for(args.destination, settings, protected)
    except PublishError as failure:
        error(str(failure))
        return 2
    log = PublishLog(args.log or portal(settings).publish_log)
    scratch = None
    output = args.output
    if output is None:
        scratch = Path(tempfile.mkdtemp(prefix="newsroom-publish-"))
        output = scratch / "output"
    try:
        try:
            report = build_site(BuildOptions(content=args.content, output=output, settings=args.settings))
        except BuildFailed as failure:
            for message in failure.messages:
                error(message)
            error("Dựng trang thất bại, không xuất bản gì. / Build failed; nothing was published.")
            return 1
        for problem in report.warnings:
            error(str(problem))
        placeholders = [problem for problem in report.warnings if is_placeholder(problem)]
        if placeholders and not args.dry_run:
            error(f"lỗi: {len(placeholders)} bài còn đoạn giữ chỗ của newsroom new (xem cảnh báo ở trên); không xuất bản gì / "
                  f"error: {len(placeholders)} articles still hold the placeholder of newsroom new (see the warnings above); "
                  f"nothing was published")
            return 1
        return publish(output, destinations, log, settings, dry_run=args.dry_run, max_deletes=args.max_deletes,
                       confirmed=args.yes, adopt=args.adopt, say=print, warn=error, progress=terminal_progress())
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
