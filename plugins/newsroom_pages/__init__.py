"""Pelican glue of the portal. `register()` only connects signals; the logic lives in `newsroom`."""

from pelican import signals

from .content import enrich_content
from .generator import IndexPagesGenerator
from .recognition import recognise_articles
from .search_records import index_pages


def get_generators(pelican):
    return IndexPagesGenerator


def register():
    signals.content_object_init.connect(enrich_content)
    signals.article_generator_finalized.connect(recognise_articles)
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(index_pages)
