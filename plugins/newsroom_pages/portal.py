"""The state portal's basics: the owner's facts in every page's context, the 404 page, related articles."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from newsroom.addresses import NOT_FOUND
from newsroom.site.portal import load_portal




def add_portal(pelican) -> None:
    portal, problems = load_portal(Path(pelican.settings["PATH"]))
    for problem in problems:
        if problem.is_error:
            logging.getLogger("pelican.newsroom").error(str(problem))
    pelican.settings["PORTAL"] = portal


class NotFoundPageGenerator(Generator):
    """/404.html: Vietnamese, with search and the main links; servers send it for a missing path."""

    def generate_context(self) -> None:
        pass

    def generate_output(self, writer) -> None:
        writer.write_file(NOT_FOUND, self.get_template("404"), self.context, self.settings["RELATIVE_URLS"], page_name="404")


def get_generators(pelican):
    return NotFoundPageGenerator


def connect() -> None:
    signals.initialized.connect(add_portal)
    signals.get_generators.connect(get_generators)
