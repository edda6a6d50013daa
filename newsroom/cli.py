"""Entry point of the `newsroom` command: dispatches to one module per subcommand."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

# name shown to the user -> (module under newsroom.commands, one-line help)
COMMANDS = {
    "build": ("build", "dựng trang web / build the site"),
    "serve": ("serve", "dựng, phục vụ và tự dựng lại / build, serve and rebuild on change"),
    "extract": ("extract", "liệt kê đơn vị, khen thưởng trong bài / list units and awards found"),
    "check": ("check", "kiểm tra bài viết và danh mục / validate articles and the registry"),
    "new": ("new", "tạo bài viết mới / create a new article"),
    "import": ("import_articles", "nhập bài từ văn bản thô / import raw-text articles"),
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


def available_commands() -> dict[str, object]:
    return {name: importlib.import_module(f"newsroom.commands.{module}") for name, (module, _help) in COMMANDS.items()}


def main(argv: list[str] | None = None) -> int:
    args = build_parser(available_commands()).parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `newsroom check | head`: the reader left; stay quiet instead of printing a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
