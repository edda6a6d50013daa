"""After Pelican has read every article: the catalogue of units and awards, from each article's one analysis."""

from __future__ import annotations

from pathlib import Path

from newsroom.checks.site import analyser_for
from newsroom.core.catalogue import YEAR_URL, Catalogue


def build_catalogue(generator) -> None:
    analyser = analyser_for(Path(generator.settings["PATH"]), generator.settings)
    recognised = [(article, article.analysis.recognition) for article in generator.articles]
    generator.context["catalogue"] = Catalogue.build(analyser.registry, recognised)
    generator.context["archive_years"] = sorted({article.date.year for article in generator.articles}, reverse=True)
    generator.context["year_url"] = YEAR_URL  # the home page links the latest year's honours roll
