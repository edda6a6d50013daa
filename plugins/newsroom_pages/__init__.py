"""Pelican glue of the portal. `register()` only connects signals; the logic lives in `newsroom`."""

from pelican import signals

from .content import enrich_content
from .corrections import connect as connect_corrections
from .generator import IndexPagesGenerator
from .production import connect as connect_production_metadata
from .recognition import recognise_articles


def get_generators(pelican):
    return IndexPagesGenerator


def register():
    signals.content_object_init.connect(enrich_content)
    signals.article_generator_finalized.connect(recognise_articles)
    signals.get_generators.connect(get_generators)
    connect_production_metadata()
    connect_corrections()
