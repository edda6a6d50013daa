"""The portal's settings: declared once here, validated, and read by the plugin, checks, commands and templates.

`pelicanconf.py` holds Pelican's settings and ours. Every name it sets must be
one Pelican knows or one declared below, so a misspelt setting ("TIMEZON",
"DEFAULT_PAGINATON") is an error naming the line instead of a silent default.
"""

from __future__ import annotations

import contextlib
import copy
import difflib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Setting:
    default: Any
    kind: type
    help: str


# The portal's own settings, with their defaults.
PORTAL_SETTINGS: dict[str, Setting] = {
    "REGISTRY_DIR": Setting("registry", str, "folder of units.yml and awards.yml, inside the content folder"),
    "ANALYSIS_CACHE_PATH": Setting(".cache/analysis", str, "analyses kept between builds, relative to the settings file"),
    "ANALYSIS_WORKERS": Setting(0, int, "processes analysing articles; 0 means one per core"),
    "SITESUBTITLE": Setting("", str, "the line under the site's name"),
    "PHOTO_CACHE_PATH": Setting("", str, "photo derivatives kept between builds; empty: beside the output folder"),
    "PUBLISH_DESTINATIONS": Setting({}, dict, "named publish targets: a destination or a list of them"),
    "PUBLISH_LOG": Setting("publish-log.jsonl", str, "the publish log, relative to the settings file"),
}
# The browse pages' lists and how many items a page of each holds (PAGINATED_TEMPLATES may change them):
# a template missing from PAGINATED_TEMPLATES would be written as one page, however long its list.
PORTAL_PAGINATION = {"archives": 50, "unit": 10, "award": 20, "unit_honours": 50, "award_articles": 50}
# Settings Pelican reads without declaring them in its DEFAULT_CONFIG.
PELICAN_UNDECLARED = {"AUTHOR", "TIMEZONE", "FEED_ALL_RSS", "FEED_DOMAIN", "SITEURL"}
PELICAN_LIST_TEMPLATES = {"index", "tags", "categories", "authors", "archives"}


class SettingsError(Exception):
    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


def load_settings(path: Path, overrides: dict | None = None, for_pelican: bool = True) -> dict:
    """Pelican's settings from `path` with ours filled in; SettingsError names every unknown or mistyped one.

    `for_pelican=False` skips what only a build needs (the theme must exist), for `newsroom check`.
    """
    from pelican.settings import DEFAULT_CONFIG, get_settings_from_file, read_settings

    path = Path(path)
    try:
        own = get_settings_from_file(str(path))
    except Exception as failure:  # the settings file is Python: any error in it is the editor's to see
        raise SettingsError([
            f"{path}:1: lỗi: không đọc được tệp cấu hình ({type(failure).__name__}: {failure}) / "
            f"error: cannot load the settings file ({type(failure).__name__}: {failure})"
        ]) from None
    templates = set(own.get("DIRECT_TEMPLATES", DEFAULT_CONFIG["DIRECT_TEMPLATES"])) | PELICAN_LIST_TEMPLATES
    known = set(DEFAULT_CONFIG) | set(PORTAL_SETTINGS) | PELICAN_UNDECLARED
    known |= {f"{name.upper()}_{suffix}" for name in templates for suffix in ("SAVE_AS", "URL")}
    messages = []
    lines = _assignment_lines(path)
    for name in sorted(set(own) - known):
        guess = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.75)
        hint_vi, hint_en = (f'; có phải "{guess[0]}"?', f'; did you mean "{guess[0]}"?') if guess else ("", "")
        messages.append(f'{path}:{lines.get(name, 1)}: lỗi: thiết lập "{name}" không tồn tại{hint_vi} / '
                        f'error: unknown setting "{name}"{hint_en}')
    for name, setting in PORTAL_SETTINGS.items():
        if name in own and not isinstance(own[name], setting.kind):
            messages.append(f'{path}:{lines.get(name, 1)}: lỗi: "{name}" phải là {setting.kind.__name__} / '
                            f'error: "{name}" must be a {setting.kind.__name__}')
    if messages:
        raise SettingsError(messages)
    if for_pelican:
        try:
            with _quiet(DEVELOPMENT_FEED_WARNING):
                settings = read_settings(str(path), override=dict(overrides or {}))
        except ValueError as failure:  # Pelican's word for a theme or path it cannot find
            raise SettingsError([f"{path}:1: lỗi: cấu hình không dùng được ({failure}) / error: unusable settings ({failure})"]) from None
    else:
        settings = {**copy.deepcopy(DEFAULT_CONFIG), **own, **(overrides or {})}
    for name, setting in PORTAL_SETTINGS.items():
        settings.setdefault(name, setting.default)
    settings["PAGINATED_TEMPLATES"] = {**PORTAL_PAGINATION, **(settings.get("PAGINATED_TEMPLATES") or {})}
    cache = Path(settings["ANALYSIS_CACHE_PATH"])
    settings["ANALYSIS_CACHE_PATH"] = str(cache if cache.is_absolute() else path.resolve().parent / cache)
    if for_pelican:
        settings["JINJA_ENVIRONMENT"] = _remembered_templates(
            settings.get("JINJA_ENVIRONMENT") or {}, Path(settings["ANALYSIS_CACHE_PATH"]).parent)
    return settings


def _remembered_templates(environment: dict, cache_root: Path) -> dict:
    """Templates compiled once and kept (Jinja checks the template's file before using its kept code), and
    not looked at again during a run: a build is one run, and `serve` starts a new run when the theme changes."""
    from newsroom.integrity import signed_bytecode_cache

    folder = Path(cache_root) / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        environment = {"bytecode_cache": signed_bytecode_cache(folder), **environment}
    except OSError:
        pass  # no cache folder: templates are compiled on every run
    return {"auto_reload": False, **environment}


# Development builds have no site address by design; production ones do (publishconf.py).
DEVELOPMENT_FEED_WARNING = "Feeds generated without SITEURL"


@contextlib.contextmanager
def _quiet(prefix: str):
    """Drop Pelican's log lines starting with `prefix` while the block runs."""

    def keep(record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(prefix)

    logger = logging.getLogger("pelican.settings")
    logger.addFilter(keep)
    try:
        yield
    finally:
        logger.removeFilter(keep)


def _assignment_lines(path: Path) -> dict[str, int]:
    lines = {}
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            for target in line.split("=")[:-1]:
                if target.strip().isidentifier() and target.strip().isupper():
                    lines.setdefault(target.strip(), number)
    except OSError:
        pass
    return lines
