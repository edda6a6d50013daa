"""Units and awards against the editors' registry (content/registry/*.yml).

A name in `Units:`/`Awards:` that the registry lacks (or that names several
units) would silently be dropped by the build, so it is an error with the
nearest registered name. Names found in the text but not registered are
warnings: editors may want to add them.
"""

from __future__ import annotations

from newsroom.core.recognition import Recognition
from newsroom.core.source import MarkdownSource

from newsroom.problems import Problem, error, warning

def check_terms(source: MarkdownSource, registry, result: Recognition) -> list[Problem]:
    """Names in Units:/Awards:/Exclude: that the article's one recognition could not resolve."""
    return [_unknown_metadata(source, registry, name) for name in result.unknown_metadata]


def unregistered_names(analyses) -> list[Problem]:
    """Each name the registry lacks, once for the whole site: at its first article, with how many name it;
    each registered name an article misspells, at its line."""
    analyses = list(analyses)
    named: dict[tuple[str, str], list] = {}
    for analysis in analyses:
        for candidate in analysis.recognition.unregistered:
            articles = named.setdefault((candidate.kind, candidate.text), [])
            if not articles or articles[-1] is not analysis:
                articles.append(analysis)
    problems = [problem for analysis in analyses for problem in _slips(analysis)]
    for (kind, text), articles in named.items():
        what_vi, what_en, file = _WHAT[kind]
        first = articles[0].source
        more_vi = f" (và {len(articles) - 1} bài khác)" if len(articles) > 1 else ""
        more_en = f" (and {len(articles) - 1} other articles)" if len(articles) > 1 else ""
        problems.append(warning(
            first.path, _line_of(first, text),
            f'{what_vi} "{text}" chưa có trong danh mục{more_vi}; nếu đúng, hãy thêm vào content/registry/{file} '
            f'(xem `newsroom registry suggest`)',
            f'{what_en} "{text}" is not registered{more_en}; if it is right, add it to content/registry/{file} '
            f'(see `newsroom registry suggest`)',
        ))
    return problems


def _slips(analysis) -> list[Problem]:
    """"Sở Nôi vụ": a registered name misspelt is no new organisation; the editor is told which it is."""
    problems, seen = [], set()
    for slip in analysis.recognition.slips:
        if slip.written in seen:
            continue
        seen.add(slip.written)
        what_vi, what_en, file = _WHAT[slip.kind]
        problems.append(warning(
            analysis.source.path, _line_of(analysis.source, slip.written),
            f'Có phải "{slip.name}"? {what_vi.capitalize()} "{slip.written}" không có trong danh mục; '
            f'hãy sửa lại cho đúng tên',
            f'Did you mean "{slip.name}"? The {what_en} "{slip.written}" is not registered; correct the name',
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
