"""The portal's settings: declared once here, validated once, and read by the plugin, checks, commands and templates.

`pelicanconf.py` holds Pelican's settings and ours. Every name it sets must be
one Pelican knows or one declared below, so a misspelt setting ("TIMEZON",
"DEFAULT_PAGINATON") is an error naming the line instead of a silent default.

Loading yields Pelican's settings dict with, under SETTINGS_KEY, one frozen `Settings`:
the portal's settings typed, their paths resolved once (against the settings
file's folder, the registry against the content folder), the timezone, the
page sizes and the site's `Addresses`. Everything else asks `portal(settings)`.
"""

from __future__ import annotations

import contextlib
import copy
import difflib
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pelican.settings import DEFAULT_CONFIG, get_settings_from_file, read_settings

from newsroom.addresses import Addresses
from newsroom.integrity import signed_bytecode_cache


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
    "PHOTO_CACHE_PATH": Setting("", str, "photo derivatives kept between builds, relative to the settings file; empty: photos/ beside the analyses"),
    "PUBLISH_DESTINATIONS": Setting({}, dict, "named publish targets: a destination or a list of them"),
    "PUBLISH_LOG": Setting("publish-log.jsonl", str, "the publish log, relative to the settings file"),
    # The portal's own pages, beside Pelican's *_URL/*_SAVE_AS: each a folder, written as its index.html (newsroom.addresses).
    "UNITS_URL": Setting("don-vi/", str, "the units' index"),
    "UNIT_URL": Setting("don-vi/{slug}/", str, "a unit's page"),
    "UNIT_HONOURS_URL": Setting("don-vi/{slug}/khen-thuong/", str, "a unit's whole honours, when its page shows only the latest"),
    "UNIT_FEED_ATOM": Setting("feeds/don-vi/{slug}.atom.xml", str, "a unit's feed"),
    "AWARDS_URL": Setting("khen-thuong/", str, "the awards' index"),
    "AWARD_URL": Setting("khen-thuong/{slug}/", str, "an award's page"),
    "AWARD_ARTICLES_URL": Setting("khen-thuong/{slug}/bai-viet/", str, "an award's whole articles, when its page shows only the latest"),
    "AWARD_FEED_ATOM": Setting("feeds/khen-thuong/{slug}.atom.xml", str, "an award's feed"),
    "HONOURS_YEAR_URL": Setting("khen-thuong/nam-{year}/", str, "a year's honours roll"),
}
# The key of the portal's `Settings` in Pelican's settings dict.
SETTINGS_KEY = "NEWSROOM"
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


@dataclass(frozen=True)
class Settings:
    """The portal's settings, validated and resolved once (Pelican's own stay in its dict)."""

    file: Path | None  # the settings file, None when Pelican was given a dict
    content: Path  # Pelican's PATH
    registry: Path  # REGISTRY_DIR inside the content folder
    analysis_cache: Path
    analysis_workers: int
    photo_cache: Path
    publish_destinations: Mapping[str, Any]
    publish_log: Path
    timezone: ZoneInfo
    pagination: Mapping[str, int]  # template -> items a page (None: DEFAULT_PAGINATION)
    addresses: Addresses


def portal(settings: dict) -> Settings:
    """The portal's `Settings` in Pelican's dict; made from the dict when Pelican was run without `load_settings`."""
    found = settings.get(SETTINGS_KEY)
    if found is None:
        for name, setting in PORTAL_SETTINGS.items():
            settings.setdefault(name, setting.default)
        settings["PAGINATED_TEMPLATES"] = {**PORTAL_PAGINATION, **(settings.get("PAGINATED_TEMPLATES") or {})}
        found = settings[SETTINGS_KEY] = _portal_settings(None, settings)
    return found


def _portal_settings(path: Path | None, settings: dict) -> Settings:
    content = Path(settings["PATH"]).resolve()
    # Relative paths are the project's: the settings file's folder (without one, the content folder's parent).
    project = path.resolve().parent if path is not None else content.parent
    analysis_cache = project / settings["ANALYSIS_CACHE_PATH"]
    photos = settings.get("PHOTO_CACHE_PATH")
    return Settings(
        file=path.resolve() if path is not None else None,
        content=content,
        registry=content / settings["REGISTRY_DIR"],
        analysis_cache=analysis_cache,
        analysis_workers=settings["ANALYSIS_WORKERS"],
        photo_cache=project / photos if photos else analysis_cache.parent / "photos",
        publish_destinations=MappingProxyType(dict(settings["PUBLISH_DESTINATIONS"])),
        publish_log=project / settings["PUBLISH_LOG"],
        timezone=_timezone(settings.get("TIMEZONE")),
        pagination=MappingProxyType(dict(settings["PAGINATED_TEMPLATES"])),
        addresses=Addresses(settings),
    )


def _timezone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")  # load_settings refused it already; a dict given to Pelican directly gets Pelican's default


def load_settings(path: Path | None, overrides: dict | None = None, for_pelican: bool = True) -> dict:
    """Pelican's settings from `path` with ours filled in; SettingsError names every unknown or mistyped one.

    `for_pelican=False` skips what only a build needs (the theme must exist), for `newsroom check`;
    `path=None` (only then) gives the defaults, for `extract` and `registry` in a folder without settings.
    """
    if path is None:
        return _completed(None, {**copy.deepcopy(DEFAULT_CONFIG), **(overrides or {})}, for_pelican=False)
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
    if "TIMEZONE" in own:
        try:
            ZoneInfo(str(own["TIMEZONE"]))
        except (ZoneInfoNotFoundError, ValueError):
            messages.append(f'{path}:{lines.get("TIMEZONE", 1)}: lỗi: múi giờ "{own["TIMEZONE"]}" không tồn tại, ví dụ "Asia/Ho_Chi_Minh" / '
                            f'error: unknown time zone "{own["TIMEZONE"]}", e.g. "Asia/Ho_Chi_Minh"')
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
    return _completed(path, settings, for_pelican)


def _completed(path: Path | None, settings: dict, for_pelican: bool) -> dict:
    for name, setting in PORTAL_SETTINGS.items():
        settings.setdefault(name, setting.default)
    settings["PAGINATED_TEMPLATES"] = {**PORTAL_PAGINATION, **(settings.get("PAGINATED_TEMPLATES") or {})}
    found = settings[SETTINGS_KEY] = _portal_settings(path, settings)
    if for_pelican:
        settings["JINJA_ENVIRONMENT"] = _remembered_templates(settings.get("JINJA_ENVIRONMENT") or {}, found.analysis_cache.parent)
    return settings


def _remembered_templates(environment: dict, cache_root: Path) -> dict:
    """Templates compiled once and kept (Jinja checks the template's file before using its kept code), and
    not looked at again during a run: a build is one run, and `serve` starts a new run when the theme changes."""
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
