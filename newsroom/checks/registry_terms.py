"""Units and awards against the editors' registry (content/registry/*.yml).

A name in `Units:`/`Awards:` that the registry lacks (or that names several
units) would silently be dropped by the build, so it is an error with the
nearest registered name. Names found in the text but not registered are
warnings: editors may want to add them.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from newsroom.core.markdown_text import markdown_to_text
from newsroom.core.recognition import Recogniser, split_metadata_list
from newsroom.core.registry import Registry, RegistryError
from newsroom.core.source import MarkdownSource

from .figures import COMMENT
from .problems import Problem, error, warning

REGISTRY_MESSAGE = re.compile(r"^\s*(?:lỗi|cảnh báo):\s*(?P<vi>.*?)\s*/\s*(?:error|warning):\s*(?P<en>.*)$", re.DOTALL)


def load_registry(content: Path):
    """(registry or None, problems): the build needs the registry, so a missing one is an error here too."""
    try:
        return Registry.load(Path(content) / "registry"), []
    except RegistryError as failure:
        return None, [_registry_problem(*item) for item in failure.problems]


def _registry_problem(path, line, message: str) -> Problem:
    match = REGISTRY_MESSAGE.match(message)
    vietnamese, english = (match["vi"], match["en"]) if match else (message, message)
    return error(Path(path), line or 1, vietnamese, english)


class TermChecker:
    """The registry, its recogniser and each article's result, kept while the registry files are unchanged.

    `newsroom serve` runs check_site on every save: loading the registry and
    recognising every article again would cost seconds on a large site, so
    only articles whose text changed are recognised again.
    """

    _latest: TermChecker | None = None

    def __init__(self, digest: str, registry: Registry):
        self.digest, self.registry = digest, registry
        self.recogniser = Recogniser(registry)
        self._results: dict[Path, tuple[str, list[Problem]]] = {}

    @classmethod
    def for_content(cls, content: Path) -> tuple[TermChecker | None, list[Problem]]:
        digest = _digest(Path(content) / "registry")
        if cls._latest is not None and cls._latest.digest == digest:
            return cls._latest, []
        registry, problems = load_registry(content)
        if registry is None:
            return None, problems
        cls._latest = cls(digest, registry)
        return cls._latest, []

    def check(self, source: MarkdownSource) -> list[Problem]:
        cached = self._results.get(source.path)
        if cached is None or cached[0] != source.text:
            cached = (source.text, check_terms(source, self.registry, self.recogniser))
            self._results[source.path] = cached
        return cached[1]


def _digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else ():
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def check_terms(source: MarkdownSource, registry, recogniser: Recogniser) -> list[Problem]:
    """Recognise the article once, as the build will, and report what did not resolve."""
    result = recogniser.recognise(
        source.get("title"),
        markdown_to_text(COMMENT.sub("", source.body)),
        metadata_units=split_metadata_list(source.get("units")),
        metadata_awards=split_metadata_list(source.get("awards")),
        excluded=split_metadata_list(source.get("exclude")),
    )
    problems = [_unknown_metadata(source, registry, name) for name in result.unknown_metadata]
    seen = set()
    for candidate in result.unregistered:
        if (candidate.kind, candidate.text) in seen:
            continue
        seen.add((candidate.kind, candidate.text))
        what_vi, what_en, file = _WHAT[candidate.kind]
        problems.append(warning(
            source.path, _line_of(source, candidate.text),
            f'{what_vi} "{candidate.text}" chưa có trong danh mục; nếu đúng, hãy thêm vào content/registry/{file}',
            f'{what_en} "{candidate.text}" is not registered; if it is right, add it to content/registry/{file}',
        ))
    return problems


_WHAT = {"unit": ("đơn vị", "unit", "units.yml"), "award": ("khen thưởng", "award", "awards.yml")}


def _unknown_metadata(source: MarkdownSource, registry, name: str) -> Problem:
    """A name in Units:/Awards:/Exclude: that the recogniser could not resolve: the build would drop it."""
    key = next((k for k in ("units", "awards", "exclude") if _names(name) in _names(source.get(k))), "units")
    line = source.metadata[key].line if key in source.metadata else 1
    if key == "exclude":
        return warning(
            source.path, line,
            f'"{name}" trong Exclude: không có trong danh mục nên không loại trừ gì',
            f'"{name}" in Exclude: is not in the registry, so it excludes nothing',
        )
    units = registry.find_units(name) if key == "units" else []
    if len(units) > 1:
        options = "; ".join(_qualified(registry, unit) for unit in units)
        return error(
            source.path, line,
            f'có nhiều đơn vị tên "{name}" và bài không cho biết là đơn vị nào; hãy ghi rõ, ví dụ: {options}',
            f'several units are named "{name}" and the text does not tell which; qualify it, e.g. {options}',
        )
    what_vi, what_en, file = _WHAT["unit" if key == "units" else "award"]
    nearest = registry.suggest_unit(name) if key == "units" else registry.suggest_award(name)
    return error(
        source.path, line,
        f'{what_vi} "{name}" không có trong danh mục (content/registry/{file})' + (f'; có phải "{nearest}"?' if nearest else ""),
        f'{what_en} "{name}" is not in the registry (content/registry/{file})' + (f'; did you mean "{nearest}"?' if nearest else ""),
    )


def _names(text: str) -> str:
    return " ".join(text.split())


def _qualified(registry, unit) -> str:
    parent = registry.units.get(unit.parent) if unit.parent else None
    return f"{unit.name} ({parent.name})" if parent else unit.name


def _line_of(source: MarkdownSource, text: str) -> int:
    index = source.text.find(text)
    if index < 0:
        return source.body_line
    return source.text.count("\n", 0, index) + 1
