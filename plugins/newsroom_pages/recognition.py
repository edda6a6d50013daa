"""After Pelican has read every article: recognise units and awards, link first mentions, build the catalogue."""

from __future__ import annotations

from pathlib import Path

from newsroom.core.catalogue import AWARD_URL, UNIT_URL, Catalogue
from newsroom.core.recognition import Recogniser, split_metadata_list
from newsroom.core.registry import Registry
from newsroom.site.mentions import HtmlText


def recognise_articles(generator) -> None:
    settings = generator.settings
    registry = Registry.load(Path(settings["PATH"]) / settings.get("REGISTRY_DIR", "registry"))
    recogniser = Recogniser(registry)
    site_url = settings.get("SITEURL", "")
    recognised = []
    for article in generator.articles:
        text = HtmlText(article._content or "")
        recognition = recogniser.recognise(
            article.title,
            text.text,
            metadata_units=split_metadata_list(article.metadata.get("units", "")),
            metadata_awards=split_metadata_list(article.metadata.get("awards", "")),
            excluded=split_metadata_list(article.metadata.get("exclude", "")),
        )
        _link_first_mentions(text, recognition, site_url)
        article._content = text.html()
        recognised.append((article, recognition))
    generator.context["catalogue"] = Catalogue.build(registry, recognised)


def _link_first_mentions(text: HtmlText, recognition, site_url: str) -> None:
    shown = {("unit", u.slug) for u in recognition.units} | {("award", a.slug) for a in recognition.awards}
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for mention in recognition.mentions:
        key = (mention.kind, mention.slug)
        if key in shown:
            spans.setdefault(key, []).append((mention.start, mention.end))
    patterns = {"unit": UNIT_URL, "award": AWARD_URL}
    hrefs = {key: f"{site_url}/{patterns[key[0]].format(slug=key[1])}" for key in spans}
    text.link_first(spans, hrefs)
