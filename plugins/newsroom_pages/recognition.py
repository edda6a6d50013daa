"""After Pelican has read every article: the catalogue of units and awards, from each article's one analysis."""

from __future__ import annotations

from newsroom.core.catalogue import Catalogue
from newsroom.settings import portal

from .reader import run_analyser


def build_catalogue(generator) -> None:
    analyser = run_analyser(generator.settings)
    recognised = [(article, article.analysis.recognition) for article in generator.articles]
    urls = portal(generator.settings).addresses.mention_urls
    generator.context["catalogue"] = Catalogue.build(analyser.registry, recognised, urls)
    generator.context["archive_years"] = sorted({article.date.year for article in generator.articles}, reverse=True)
    generator.context["year_url"] = portal(generator.settings).addresses.pattern("HONOURS_YEAR_URL")  # the home page links the latest year's honours roll
