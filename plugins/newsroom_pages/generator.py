"""Writes the browse pages: units, awards, yearly honours rolls, their feeds, and redirects for former slugs.

Which pages, at which addresses: newsroom.site.browse, the plan the link check reads too.
"""

from __future__ import annotations

from markupsafe import escape
from pelican.generators import Generator

from newsroom.core.catalogue import Catalogue
from newsroom.settings import portal
from newsroom.site.browse import browse_pages


class IndexPagesGenerator(Generator):
    def generate_context(self) -> None:
        """Nothing to read: the catalogue comes from the articles generator."""

    def generate_output(self, writer) -> None:
        catalogue: Catalogue | None = self.context.get("catalogue")
        if catalogue is None:
            return
        addresses = portal(self.settings).addresses
        pages, feeds = browse_pages(catalogue, addresses)
        common = dict(catalogue=catalogue, years=list(catalogue.years), feed_of_unit=addresses.pattern("UNIT_FEED_ATOM"),
                      feed_of_award=addresses.pattern("AWARD_FEED_ATOM"), year_url=addresses.pattern("HONOURS_YEAR_URL"))
        for page in pages:
            if page.items is None:
                writer.write_file(page.address.save_as, self.get_template(page.template), self.context,
                                  self.settings["RELATIVE_URLS"], **page.values, **common)
            else:
                writer.write_file(page.address.save_as, self.get_template(page.template), self.context,
                                  self.settings["RELATIVE_URLS"], paginated={"items": page.items}, template_name=page.template,
                                  url=page.address.url, **page.values, **common)
        for feed in feeds:
            writer.write_feed(feed.articles, self.context, feed.path, feed_type="atom",
                              # Escaped here because Pelican strips tags and decodes entities of a feed's title: a name stays its text.
                              feed_title=escape(f"{feed.name} – {self.settings['SITENAME']}"))
