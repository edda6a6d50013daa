"""What every command reads the same way: the content folder and the settings file.

Commands run from the project folder (README): `--settings` names the
settings file, by default that folder's pelicanconf.py. Nothing below the
commands reads a settings file by itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsroom.settings import SettingsError, load_settings


def add_content_argument(parser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"), help="thư mục nội dung / content folder (content)")


def add_settings_argument(parser, default: str = "pelicanconf.py") -> None:
    parser.add_argument("--settings", type=Path, default=Path(default), help=f"tệp cấu hình / settings file ({default})")


def command_settings(args, required: bool = True) -> dict | None:
    """The settings of a command that reads content (not a build): validated once, the content folder from --content.

    Without the settings file: an error when `required`, else the defaults (`extract` and `registry` work
    on any folder). None, the messages printed, when the settings are wrong.
    """
    overrides = {"PATH": str(Path(args.content).resolve())}
    if not args.settings.is_file():
        if required:
            print(f"{args.settings}: lỗi: không tìm thấy tệp cấu hình / error: settings file not found", file=sys.stderr)
            return None
        return load_settings(None, overrides)
    try:
        return load_settings(args.settings, overrides, for_pelican=False)
    except SettingsError as failure:
        print("\n".join(failure.messages), file=sys.stderr)
        return None
