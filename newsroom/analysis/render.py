"""Markdown to safe HTML, with the project's Markdown settings and one Markdown instance per process."""

from __future__ import annotations

import copy

import markdown

from newsroom.analysis.markdown_limits import markdown_hazards
from newsroom.problems import Problem
from newsroom.core.source import MarkdownSource
from newsroom.site.sanitise import body_problems

# Metadata is read by newsroom.core.source, with line numbers; Markdown sees the body only.
META_EXTENSIONS = {"markdown.extensions.meta", "meta"}


def body_markdown_settings(markdown_settings: dict) -> dict:
    """Pelican's MARKDOWN setting less the meta extension, in a stable form (it keys the cache too)."""
    settings = copy.deepcopy(markdown_settings or {})
    configs = {k: v for k, v in settings.get("extension_configs", {}).items() if k not in META_EXTENSIONS}
    extensions = [e for e in settings.get("extensions", []) if isinstance(e, str) and e not in META_EXTENSIONS]
    extensions += [name for name in configs if name not in extensions]
    return {"extensions": sorted(extensions), "extension_configs": configs,
            "output_format": settings.get("output_format", "html5")}


class BodyRenderer:
    def __init__(self, markdown_settings: dict):
        self.settings = body_markdown_settings(markdown_settings)
        self._markdown = markdown.Markdown(**copy.deepcopy(self.settings))

    def render(self, source: MarkdownSource) -> tuple[str, list[Problem]]:
        """The body's safe HTML and what rendering it refused or removed, at its line.

        Markdown that would take too long to render (or crash Python-Markdown) is
        refused before rendering; raw HTML, scripts and other hosts' resources are
        removed by the allowlist sanitiser, each a problem at its line.
        """
        hazards = markdown_hazards(source.path, source.body, source.body_line)
        if any(problem.is_error for problem in hazards):
            return "", hazards
        self._markdown.reset()
        html = self._markdown.convert(source.body)
        clean, problems = body_problems(source.path, source.body, html, first_line=source.body_line,
                                        fallback_line=source.body_line)
        return clean, hazards + problems
