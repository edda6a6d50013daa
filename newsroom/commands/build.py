"""`newsroom build`: check the content, then build the site into the output folder in one step."""

from __future__ import annotations

import sys
from pathlib import Path

from newsroom.sitebuild import BuildFailed, BuildOptions, build_site


def add_arguments(parser) -> None:
    add_site_arguments(parser)


def add_site_arguments(parser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"), help="thư mục nội dung / content folder (content)")
    parser.add_argument("--output", type=Path, default=Path("output"), help="thư mục xuất / output folder (output)")
    parser.add_argument("--settings", type=Path, default=Path("pelicanconf.py"), help="tệp cấu hình / settings file (pelicanconf.py)")


def options_from(args) -> BuildOptions:
    return BuildOptions(content=args.content, output=args.output, settings=args.settings)


def run(args) -> int:
    return build_and_report(options_from(args))


def build_and_report(options: BuildOptions) -> int:
    if not options.settings.is_file():
        print(f"{options.settings}: lỗi: không tìm thấy tệp cấu hình / error: settings file not found", file=sys.stderr)
        return 2
    if not options.content.is_dir():
        print(f"{options.content}: lỗi: không tìm thấy thư mục nội dung / error: content folder not found", file=sys.stderr)
        return 2
    try:
        report = build_site(options)
    except BuildFailed as failure:
        for message in failure.messages:
            print(message, file=sys.stderr)
        print(
            f"Dựng trang thất bại, thư mục {options.output} giữ nguyên. / Build failed; {options.output} is unchanged.",
            file=sys.stderr,
        )
        return 1
    for problem in report.warnings:
        print(problem, file=sys.stderr)
    if report.unchanged:
        print(f"Không có gì thay đổi; {options.output} đã là bản mới nhất. / Nothing changed; {options.output} is up to date.")
    else:
        print(f"Đã dựng trang vào {options.output} trong {report.seconds:.2f} giây. / Built {options.output} in {report.seconds:.2f} s.")
    return 0
