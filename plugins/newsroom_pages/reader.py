"""The one reader of Markdown sources: Pelican publishes exactly the analysis `newsroom check` judged."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup
from pelican.readers import BaseReader

from newsroom.content.dates import localised, parse_article_date
from newsroom.checks.site import ANALYSER, current_analyser
from newsroom.settings import portal
from newsroom.site.summary import first_words

DATE_KEYS = ("date", "modified")


class AnalysedMarkdownReader(BaseReader):
    enabled = True
    file_extensions = ["md"]

    def read(self, source_path):
        path = Path(source_path)
        analyser = run_analyser(self.settings)
        analyses, unreadable = analyser.analyse_files([path])
        if unreadable:
            raise ValueError(str(unreadable[0].problem))
        analysis = analyses[path]
        metadata = {}
        for key, field in analysis.source.metadata.items():
            if key in DATE_KEYS:
                metadata[key] = localised(parse_article_date(field.value), portal(self.settings).timezone)
            else:
                metadata[key] = self.process_metadata(key, field.value)
        metadata["analysis"] = analysis
        if "summary" not in metadata:
            metadata["summary"] = first_words(
                analysis.text, self.settings.get("SUMMARY_MAX_LENGTH"), self.settings.get("SUMMARY_END_SUFFIX", "…"))
        # Lists show each article's summary many times over: its plain text is made once, here.
        metadata["summary_text"] = Markup(metadata["summary"]).striptags()
        # One section of news: Pelican's draft and feed code expect every article to have a category.
        metadata.setdefault("category", self.process_metadata("category", "Tin tức"))
        return analysis.html_for(self.settings.get("SITEURL", "")), metadata


def run_analyser(settings: dict):
    """The run's analyser: the one its build checked with, kept in the run's settings (a new one for a bare Pelican run)."""
    analyser = settings[ANALYSER] = current_analyser(settings, settings.get(ANALYSER))
    return analyser


def use_analysed_reader(readers) -> None:
    """Our reader takes .md; Pelican's other Markdown extensions are not published (check refuses them)."""
    for extension in ("markdown", "mkd", "mdown"):
        readers.reader_classes[extension] = None
    readers.reader_classes["md"] = AnalysedMarkdownReader
