"""Pelican glue of the portal. `register()` only connects signals; the logic lives in `newsroom`."""

from pelican import signals

from .generator import IndexPagesGenerator
from . import feeds, photos, portal
from .reader import use_analysed_reader
from .recognition import build_catalogue
from .urls import fix_urls
from .corrections import connect as connect_corrections
from .production import connect as connect_production_metadata
from .search_records import index_pages


def get_generators(pelican):
    return IndexPagesGenerator


def register():
    signals.readers_init.connect(use_analysed_reader)
    signals.article_generator_finalized.connect(fix_urls)
    signals.page_generator_finalized.connect(fix_urls)
    signals.article_generator_finalized.connect(build_catalogue)
    signals.get_generators.connect(get_generators)
    photos.connect()
    feeds.connect()
    portal.connect()
    connect_production_metadata()
    connect_corrections()
    signals.all_generators_finalized.connect(index_pages)
