"""`newsroom publish DESTINATION`: build with the production settings, then send only what changed."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from newsroom.commands.options import add_content_argument, add_settings_argument, command_settings
from newsroom.publish import PublishError, PublishLog, destinations_for, publish
from newsroom.settings import portal
from newsroom.sitebuild import BuildFailed, BuildOptions, build_site


def add_arguments(parser) -> None:
    parser.add_argument("destination", metavar="DESTINATION",
                        help="thư mục, user@host:/đường/dẫn, s3://bucket/thư-mục hoặc tên trong PUBLISH_DESTINATIONS / "
                             "a folder, user@host:/path, s3://bucket/prefix or a name from PUBLISH_DESTINATIONS")
    parser.add_argument("--dry-run", action="store_true", help="chỉ in kế hoạch, không thay đổi gì / print the plan, change nothing")
    parser.add_argument("--max-deletes", type=int, default=100, metavar="N",
                        help="dừng nếu phải xoá quá N tệp (100) / stop when more than N files would be deleted (100)")
    parser.add_argument("--yes", action="store_true", help="đồng ý xoá quá giới hạn / confirm deletions above the limit")
    add_content_argument(parser)
    add_settings_argument(parser, "publishconf.py")
    parser.add_argument("--output", type=Path, default=None,
                        help="giữ bản dựng ở thư mục này / keep the build in this folder (default: a temporary one)")
    parser.add_argument("--log", type=Path, default=None,
                        help="nhật ký xuất bản / publish log (publish-log.jsonl beside the settings)")


def error(message: str) -> None:
    print(message, file=sys.stderr)


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
    try:
        destinations = destinations_for(args.destination, settings)
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
        return publish(output, destinations, log, settings, dry_run=args.dry_run, max_deletes=args.max_deletes,
                       confirmed=args.yes, say=print, warn=error)
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
