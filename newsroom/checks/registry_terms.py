"""Units and awards against the editors' registry (content/registry/*.yml).

A name in `Units:`/`Awards:` that the registry lacks would silently link
nothing, so it is an error with the nearest registered name. Names found in
the text but not registered are warnings: editors may want to add them.
"""

from __future__ import annotations

import re
from pathlib import Path

from newsroom.core.source import MarkdownSource

from .figures import COMMENT, IMAGE
from .problems import Problem, error, warning

REGISTRY_FILES = ("units.yml", "awards.yml")
REGISTRY_MESSAGE = re.compile(r"^\s*(?:lỗi|cảnh báo):\s*(?P<vi>.*?)\s*/\s*(?:error|warning):\s*(?P<en>.*)$", re.DOTALL)


def load_registry(content: Path):
    """(registry or None, problems): None while the registry files do not exist yet."""
    folder = Path(content) / "registry"
    if not any((folder / name).is_file() for name in REGISTRY_FILES):
        return None, []
    from newsroom.core.registry import Registry, RegistryError

    try:
        return Registry.load(folder), []
    except RegistryError as failure:
        return None, [_registry_problem(*item) for item in failure.problems]


def _registry_problem(path, line, message: str) -> Problem:
    match = REGISTRY_MESSAGE.match(message)
    vietnamese, english = (match["vi"], match["en"]) if match else (message, message)
    return error(Path(path), line or 1, vietnamese, english)


def split_list(value: str) -> list[str]:
    try:
        from newsroom.core.recognition import split_metadata_list
    except ImportError:  # the recogniser is optional for the checker
        return [item.strip() for item in value.split(",") if item.strip()]
    return list(split_metadata_list(value))


def check_metadata_terms(source: MarkdownSource, registry) -> list[Problem]:
    problems: list[Problem] = []
    path = source.path
    for key, find, suggest, what_vi, what_en, file in (
        ("units", _find_units(registry), registry.suggest_unit, "đơn vị", "unit", "units.yml"),
        ("awards", _find_awards(registry), registry.suggest_award, "khen thưởng", "award", "awards.yml"),
    ):
        field = source.metadata.get(key)
        for name in split_list(field.value) if field else ():
            found = find(name)
            if len(found) == 1:
                continue
            if len(found) > 1:
                options = "; ".join(_qualified(registry, unit) for unit in found)
                problems.append(error(
                    path, field.line,
                    f'có nhiều {what_vi} tên "{name}"; hãy ghi rõ, ví dụ: {options}',
                    f'several {what_en}s are named "{name}"; qualify it, e.g. {options}',
                ))
                continue
            nearest = suggest(name)
            problems.append(error(
                path, field.line,
                f'{what_vi} "{name}" không có trong danh mục (content/registry/{file})'
                + (f'; có phải "{nearest}"?' if nearest else ""),
                f'{what_en} "{name}" is not in the registry (content/registry/{file})'
                + (f'; did you mean "{nearest}"?' if nearest else ""),
            ))
    excluded = source.metadata.get("exclude")
    for name in split_list(excluded.value) if excluded else ():
        if not _find_units(registry)(name) and not _find_awards(registry)(name):
            problems.append(warning(
                path, excluded.line,
                f'"{name}" trong Exclude: không có trong danh mục nên không loại trừ gì',
                f'"{name}" in Exclude: is not in the registry, so it excludes nothing',
            ))
    return problems


def _find_units(registry):
    if hasattr(registry, "find_units"):
        return registry.find_units
    return lambda name: [u for u in [registry.find_unit(name)] if u is not None]


def _find_awards(registry):
    return lambda name: [a for a in [registry.find_award(name)] if a is not None]


def _qualified(registry, unit) -> str:
    parent = registry.units.get(unit.parent) if getattr(unit, "parent", None) else None
    return f"{unit.name} ({parent.name})" if parent else unit.name


def make_recogniser(registry):
    try:
        from newsroom.core.recognition import Recogniser
    except ImportError:
        return None
    return Recogniser(registry)


def check_text_terms(source: MarkdownSource, recogniser) -> list[Problem]:
    """Warnings for units and awards the text names but the registry lacks."""
    text = IMAGE.sub(lambda m: m["title"] or m["alt"], COMMENT.sub("", source.body))
    result = recogniser.recognise(
        source.get("title"),
        text,
        metadata_units=split_list(source.get("units")),
        metadata_awards=split_list(source.get("awards")),
        excluded=split_list(source.get("exclude")),
    )
    problems = []
    seen = set()
    for candidate in getattr(result, "unregistered", ()):
        key = (candidate.kind, candidate.text)
        if key in seen:
            continue
        seen.add(key)
        what_vi, what_en, file = (
            ("đơn vị", "unit", "units.yml") if candidate.kind == "unit" else ("khen thưởng", "award", "awards.yml")
        )
        problems.append(warning(
            source.path, _line_of(source, candidate.text),
            f'{what_vi} "{candidate.text}" chưa có trong danh mục; nếu đúng, hãy thêm vào content/registry/{file}',
            f'{what_en} "{candidate.text}" is not registered; if it is right, add it to content/registry/{file}',
        ))
    return problems


def _line_of(source: MarkdownSource, text: str) -> int:
    index = source.text.find(text)
    if index < 0:
        return source.body_line
    return source.text.count("\n", 0, index) + 1
