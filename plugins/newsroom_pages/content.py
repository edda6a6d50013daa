"""Per-article work: turn photos into figures."""

from __future__ import annotations

from newsroom.site.figures import figures_from_images


def enrich_content(content) -> None:
    if content._content:
        content._content = figures_from_images(content._content)
