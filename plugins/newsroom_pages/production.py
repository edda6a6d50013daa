"""Production metadata: sitemap.xml, robots.txt, one id and alternate link per feed, and the
notes the publisher reads (which article each URL shows, so renamed articles get redirects).

Connected by `connect()` from register(); the work is plain Python in newsroom.site.production.
"""

from __future__ import annotations

from pathlib import Path

from pelican import signals

from newsroom.settings import portal
from newsroom.site.production import feed_identity, last_changes, source_map, write_production_files

# Output folder -> (URL -> source file, URL -> last change), from the generators to the end of the run.
_notes: dict[str, tuple[dict[str, str], dict[str, str]]] = {}


def remember_sources(generators) -> None:
    settings = generators[0].settings
    contents = []
    for generator in generators:
        for name in ("articles", "hidden_articles", "pages", "hidden_pages"):
            contents += getattr(generator, name, [])
    _notes[settings["OUTPUT_PATH"]] = (source_map(contents, settings["PATH"]), last_changes(contents))


def identify_feed(context, feed) -> None:
    feed_identity(feed.feed, context.get("SITEURL", ""), portal(context).addresses)


def write_files(pelican) -> None:
    sources, changes = _notes.pop(pelican.settings["OUTPUT_PATH"], ({}, {}))
    write_production_files(Path(pelican.output_path), pelican.settings.get("SITEURL", ""), sources, changes)


def connect() -> None:
    signals.all_generators_finalized.connect(remember_sources)
    signals.feed_generated.connect(identify_feed)
    signals.finalized.connect(write_files)
