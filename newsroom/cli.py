"""Entry point of the `newsroom` command: dispatches to one module per subcommand."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

from newsroom.integrity import user_state_folder
from newsroom.pelicanlog import keep_pelican_off_the_console

# name shown to the user -> (module under newsroom.commands, one-line help)
COMMANDS = {
    "build": ("build", "dựng trang web / build the site"),
    "serve": ("serve", "dựng, phục vụ và tự dựng lại / build, serve and rebuild on change"),
    "extract": ("extract", "liệt kê đơn vị, khen thưởng trong bài / list units and awards found"),
    "check": ("check", "kiểm tra bài viết và danh mục / validate articles and the registry"),
    "new": ("new", "tạo bài viết mới / create a new article"),
    "import": ("import_articles", "nhập bài từ văn bản thô / import raw-text articles"),
    "publish": ("publish", "dựng bản chính thức và xuất bản / build for production and publish"),
    "registry": ("registry", "gợi ý đơn vị chưa có trong danh mục / suggest unregistered organisations"),
}


def build_parser(available: dict[str, object]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsroom", description="Cổng tin tức văn phòng / office news portal")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module in available.items():
        command_parser = sub.add_parser(name, help=COMMANDS[name][1], description=COMMANDS[name][1])
        module.add_arguments(command_parser)
        command_parser.set_defaults(run=module.run)
    return parser


def available_commands(argv: list[str] | None = None) -> dict[str, object]:
    """The command modules: only the one asked for when it is named first (publish alone imports boto3)."""
    words = sys.argv[1:] if argv is None else argv
    names = [words[0]] if words and words[0] in COMMANDS else list(COMMANDS)
    return {name: importlib.import_module(f"newsroom.commands.{COMMANDS[name][0]}") for name in names}


def main(argv: list[str] | None = None) -> int:
    args = build_parser(available_commands(argv)).parse_args(argv)
    keep_pelican_off_the_console(lambda: error_log_folders())
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `newsroom check | head`: the reader left; stay quiet instead of printing a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as failure:  # a bug of ours: one line for the user, the traceback in a log file
        log = write_error_log(failure, sys.argv if argv is None else ["newsroom", *argv])
        where_vi = f"chi tiết đã ghi vào {log}" if log else "không ghi được tệp nhật ký"
        where_en = f"details were logged to {log}" if log else "no log file could be written"
        print(
            f"newsroom: lỗi nội bộ không lường trước ({type(failure).__name__}), {where_vi}; xin báo cho nhóm phát triển / "
            f"unexpected internal error ({type(failure).__name__}); {where_en}; please report it",
            file=sys.stderr,
        )
        return 1


def write_error_log(failure: BaseException, argv: list[str]) -> Path | None:
    """Write the traceback of `failure` to a new log file; return its path, or None if no folder could take it."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    text = (
        f"newsroom {' '.join(argv[1:])}\n{time.strftime('%Y-%m-%d %H:%M:%S %z')}\npython {sys.version}\n\n"
        + "".join(traceback.format_exception(failure))
    )
    for folder in error_log_folders():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"newsroom-error-{stamp}-{os.getpid()}.log"
            path.write_text(text, encoding="utf-8")
            return path
        except OSError:
            continue
    return None


def error_log_folders() -> list[Path]:
    """NEWSROOM_LOG_DIR, else the user's state folder (XDG), else the temporary folder."""
    folders = []
    if os.environ.get("NEWSROOM_LOG_DIR"):
        folders.append(Path(os.environ["NEWSROOM_LOG_DIR"]))
    folders += [user_state_folder(), Path(tempfile.gettempdir())]
    return folders


if __name__ == "__main__":
    sys.exit(main())
