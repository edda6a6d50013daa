"""The plugin as one object: the state of one Pelican run, and the signal handlers that fill and use it.

`register()` makes one per Pelican instance and connects its methods (as
pelican-plugins' sitemap keeps its state in one object, not in the module).
Signals are process-wide, so a new run's object first takes the place of the
previous run's: handlers never see another run's state.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from newsroom.addresses import NOT_FOUND
from newsroom.settings import portal
from newsroom.site.corrections import mark_revoked, metadata_line, withdraw
from newsroom.site.photos import copy_derivatives
from newsroom.site.portal import load_portal
from newsroom.site.production import feed_identity, last_changes, source_map, write_production_files
from newsroom.site.static_files import publishable

from .feeds import plain_titles
from .generator import IndexPagesGenerator
from .reader import use_analysed_reader
from .recognition import build_catalogue
from .search_records import index_pages
from .urls import fix_urls

# Under "pelican": the build reports these as its own errors.
logger = logging.getLogger("pelican.plugins.newsroom")
WRITTEN = ("articles", "translations", "hidden_articles", "pages", "hidden_pages")


class NotFoundPageGenerator(Generator):
    """/404.html: Vietnamese, with search and the main links; servers send it for a missing path."""

    def generate_context(self) -> None:
        pass

    def generate_output(self, writer) -> None:
        writer.write_file(NOT_FOUND, self.get_template("404"), self.context, self.settings["RELATIVE_URLS"], page_name="404")


class NewsroomPlugin:
    def __init__(self):
        self.photos: dict[str, object] = {}  # the photos the pages show: their derivatives are copied once pages are written
        self.sources: dict[str, str] = {}  # URL -> source file, for the publisher's notes
        self.changes: dict[str, str] = {}  # URL -> last change, for the sitemap

    def connect(self) -> None:
        for signal, handler in ((signals.initialized, self.initialized), (signals.readers_init, use_analysed_reader),
                                (signals.content_object_init, self.content_read),
                                (signals.article_generator_finalized, self.articles_read),
                                (signals.page_generator_finalized, self.pages_read),
                                (signals.static_generator_finalized, self.static_read),
                                (signals.get_generators, self.generators),
                                (signals.all_generators_finalized, self.all_read),
                                (signals.feed_generated, self.feed_written), (signals.finalized, self.finalized)):
            for receiver in list(signal.receivers.values()):
                if isinstance(getattr(receiver, "__self__", None), NewsroomPlugin) or receiver is use_analysed_reader:
                    signal.disconnect(receiver)
            signal.connect(handler, weak=False)

    def initialized(self, pelican) -> None:
        """The portal's own facts (content/portal.yml) in every page's context."""
        facts, problems = load_portal(Path(pelican.settings["PATH"]))
        for problem in problems:
            if problem.is_error:
                logger.error(str(problem))
        pelican.settings["PORTAL"] = facts

    def generators(self, pelican):
        return IndexPagesGenerator, NotFoundPageGenerator

    def content_read(self, content) -> None:
        # Incomplete corrections and withdrawals are refused by the check (newsroom.site.corrections.check_corrections).
        withdraw(content)

    def articles_read(self, generator) -> None:
        fix_urls(generator)
        build_catalogue(generator)
        self._collect_photos(generator)

    def pages_read(self, generator) -> None:
        fix_urls(generator)
        self._collect_photos(generator)

    def static_read(self, generator) -> None:
        """Of the content's own files Pelican would copy, only checked documents: never an original photo (its
        derivatives stand in for it), nor anything check refuses (newsroom.site.static_files)."""
        root = Path(generator.path)
        generator.staticfiles[:] = [f for f in generator.staticfiles if publishable(root / f.source_path)]

    def all_read(self, generators) -> None:
        settings = generators[0].settings
        contents = [content for generator in generators for name in ("articles", "hidden_articles", "pages", "hidden_pages")
                    for content in getattr(generator, name, [])]
        self.sources, self.changes = source_map(contents, settings["PATH"]), last_changes(contents)
        self._mark_revoked_honours(generators)
        index_pages(generators)

    def feed_written(self, context, feed) -> None:
        plain_titles(context, feed)
        feed_identity(feed.feed, context.get("SITEURL", ""), portal(context).addresses)

    def finalized(self, pelican) -> None:
        """Pages are written (Pelican empties the output between reading and writing): the photos' copies, production files."""
        for photo in self.photos.values():
            copy_derivatives(Path(pelican.output_path), photo)
        write_production_files(Path(pelican.output_path), pelican.settings.get("SITEURL", ""), self.sources, self.changes)

    def _collect_photos(self, generator) -> None:
        for kind in WRITTEN:
            for content in getattr(generator, kind, ()):
                for photo in getattr(getattr(content, "analysis", None), "photos", ()):
                    self.photos[str(photo.folder)] = photo

    @staticmethod
    def _mark_revoked_honours(generators) -> None:
        for generator in generators:
            articles = getattr(generator, "articles", None)
            if articles is None or not hasattr(generator, "hidden_articles"):
                continue
            for article, revocation in mark_revoked(articles):
                # An error fails the build (sitebuild makes Pelican's errors fatal): the editor meant something.
                logger.error('%s:%d: lỗi: "Revoked: %s" không khớp lượt khen thưởng nào trong bài / '
                             'error: "Revoked: %s" names no honour of this article', article.source_path,
                             metadata_line(article.source_path, "Revoked"), revocation.text, revocation.text)
