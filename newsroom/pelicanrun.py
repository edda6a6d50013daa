"""Pelican's generators run by us, kept in memory so `newsroom serve` can re-publish one saved article.

This mirrors `Pelican.run()` (same generators, same signals, same order)
without its console summary, and keeps the generators and their context:
after a save, the article's page is written at once from the warm context;
everything else is regenerated in the background, writing only files whose
bytes changed, each replaced atomically so the server never sends half a page.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from pelican import Pelican, signals
from pelican.contents import Article
from pelican.generators import ArticlesGenerator
from pelican.writers import FileOverwriteFailedError, Writer

from newsroom.site.search_index import SEARCH_LATER


class SiteRun:
    def __init__(self, settings: dict):
        self.settings = settings
        self.pelican = Pelican(settings)
        self.generators: list = []
        self.context: dict = {}

    @property
    def output(self) -> Path:
        return Path(self.settings["OUTPUT_PATH"])

    def generate(self, writer_class=Writer, search_later: bool = False) -> None:
        """`search_later`: the search index is left to `write_search_index()`, so the pages come first."""
        pelican = self.pelican
        context = self.settings.copy()
        if search_later:
            context[SEARCH_LATER] = []
        context["generated_content"] = {}
        context["static_links"] = set()
        context["static_content"] = {}
        context["localsiteurl"] = self.settings["SITEURL"]
        self.context = context
        self.generators = [
            cls(context=context, settings=self.settings, path=pelican.path, theme=pelican.theme, output_path=pelican.output_path)
            for cls in pelican._get_generator_classes()
        ]
        for generator in self.generators:
            if hasattr(generator, "generate_context"):
                generator.generate_context()
            if hasattr(generator, "check_disabled_readers"):
                generator.check_disabled_readers()
        signals.all_generators_finalized.send(self.generators)
        for generator in self.generators:
            if hasattr(generator, "refresh_metadata_intersite_links"):
                generator.refresh_metadata_intersite_links()
        writer = writer_class(pelican.output_path, settings=self.settings)
        for generator in self.generators:
            if hasattr(generator, "generate_output"):
                generator.generate_output(writer)
        signals.finalized.send(pelican)

    def write_search_index(self) -> None:
        for write in self.context.get(SEARCH_LATER) or ():
            write()

    def moved_to(self, output: Path) -> None:
        """The site was swapped in at `output`: later writes go there."""
        self.settings = {**self.settings, "OUTPUT_PATH": str(output)}
        self.pelican.output_path = str(output)
        self.pelican.settings = self.settings
        for generator in self.generators:
            generator.output_path = str(output)

    def rewrite_article(self, source: Path) -> str | None:
        """Write the page of one saved article from the warm context; its save path, or None when
        the change reaches beyond its own page (a new article, a new address or date): rebuild then."""
        articles = next((g for g in self.generators if isinstance(g, ArticlesGenerator)), None)
        if articles is None:
            return None
        source = str(Path(source).resolve())
        old = next((a for a in articles.articles if a.source_path == source), None)
        if old is None:
            return None
        relative = os.path.relpath(source, articles.path)
        new = articles.readers.read_file(
            base_path=articles.path, path=relative, content_class=Article, context=articles.context,
            preread_signal=signals.article_generator_preread, preread_sender=articles,
            context_signal=signals.article_generator_context, context_sender=articles,
        )
        if (new.save_as, new.date, new.status) != (old.save_as, old.date, old.status):
            return None
        new.override_url = new.url
        for collection in (articles.articles, articles.dates, *_period_lists(articles)):
            if old in collection:
                collection[collection.index(old)] = new
        articles.context["generated_content"][relative] = new
        writer = ChangedOnlyWriter(str(self.output), settings=self.settings)
        writer.write_file(new.save_as, articles.get_template(new.template), articles.context, article=new,
                          category=getattr(new, "category", None), url=new.url, blog=True)
        return new.save_as


    def rewrite_lists(self) -> None:
        """The home page, the news archive and its years and months, from the warm context: the lists a saved
        article shows in, written before everything else is regenerated."""
        articles = next((g for g in self.generators if isinstance(g, ArticlesGenerator)), None)
        if articles is None:
            return
        writer = ChangedOnlyWriter(str(self.output), settings=self.settings)
        articles.generate_direct_templates(writer.write_file)
        articles.generate_period_archives(writer.write_file)


def _period_lists(articles) -> list[list]:
    """The article lists of each year's and month's archive (Pelican keeps copies of them)."""
    return [period[key] for periods in (getattr(articles, "period_archives", None) or {}).values()
            for period in periods for key in ("articles", "dates")]


class _BufferingWriter(Writer):
    """Pelican's writer with each file's text kept in memory until closed, so a subclass decides how it lands."""

    def _open_w(self, filename, encoding, override=False):
        # Pelican's own rules against writing one file twice in a run, kept as they are.
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(f'Failed to overwrite "{filename}" a second time (was previously overwritten)')
            return open(os.devnull, "w", encoding=encoding)
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already written to it previously (set `override=True` if intended)')
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return _OnClose(encoding, lambda data: self._land(filename, data))

    def _land(self, filename: str, data: bytes) -> None:
        raise NotImplementedError


class FreshWriter(_BufferingWriter):
    """Writes a fresh build: every file is a new file of this build alone.

    Never a hard link to the previous build, nor to a cache: a file shared by
    two sites is changed in both by whoever writes into it next (a live
    preview, Pagefind, a copy falling back to writing over a link), which is
    how one site once published another's half-written search files.
    """

    def _land(self, filename: str, data: bytes) -> None:
        with open(filename, "wb") as out:
            out.write(data)


class ChangedOnlyWriter(_BufferingWriter):
    """Writes a file only when its bytes change, through a temporary file renamed over the old one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.changed: list[str] = []

    def _land(self, filename: str, data: bytes) -> None:
        try:
            unchanged = Path(filename).read_bytes() == data
        except OSError:
            unchanged = False
        if not unchanged:
            handle, temporary = tempfile.mkstemp(dir=os.path.dirname(filename), prefix=".write-")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.chmod(temporary, 0o644)
            os.replace(temporary, filename)
            self.changed.append(filename)


class _OnClose(io.StringIO):
    def __init__(self, encoding: str, land):
        super().__init__()
        self.encoding_name, self.land = encoding, land

    def close(self) -> None:
        if not self.closed:
            self.land(self.getvalue().encode(self.encoding_name))
        super().close()
