"""Writes the browse pages: units, awards, yearly honours rolls, their feeds, and redirects for former slugs."""

from __future__ import annotations

from markupsafe import escape
from pelican.generators import Generator

from newsroom.core.catalogue import YEAR_URL, Catalogue

FEED_UNIT = "feeds/don-vi/{slug}.atom.xml"
FEED_AWARD = "feeds/khen-thuong/{slug}.atom.xml"
# A unit's page shows its latest honours and an award's page the latest articles naming it; the
# whole lists get pages of their own, paginated, so no page grows with the site.
UNIT_PAGE_HONOURS = 10
AWARD_PAGE_ARTICLES = 20


class IndexPagesGenerator(Generator):
    def generate_context(self) -> None:
        """Nothing to read: the catalogue comes from the articles generator."""

    def generate_output(self, writer) -> None:
        catalogue: Catalogue | None = self.context.get("catalogue")
        if catalogue is None:
            return
        tree = catalogue.unit_tree()
        awards_by_kind = catalogue.awards_by_kind(only_conferred=True)
        shown_awards = [entry for _, entries in awards_by_kind for entry in entries]
        common = dict(catalogue=catalogue, years=list(catalogue.years), feed_of_unit=FEED_UNIT, feed_of_award=FEED_AWARD, year_url=YEAR_URL)

        self._write(writer, "don-vi/index.html", "units", tree=tree, **common)
        # Every registered unit gets a page, so parents and departments always link somewhere.
        for entry in catalogue.units.values():
            feed = FEED_UNIT.format(slug=entry.slug)
            # A unit's page and feed include its departments' news, as its readers expect.
            articles = entry.rolled_up_articles
            honours = entry.rolled_up_conferments
            honours_url = f"{entry.url}khen-thuong/" if len(honours) > UNIT_PAGE_HONOURS else None
            self._write_paginated(writer, entry.url, "unit", articles, unit=entry, feed=feed if articles else None,
                                  honours_shown=UNIT_PAGE_HONOURS, honours_url=honours_url, **common)
            if honours_url:
                self._write_paginated(writer, honours_url, "unit_honours", honours, unit=entry, **common)
            self._write_feed(writer, articles, feed, f"{entry.full_name} – {self.settings['SITENAME']}")
            for former in entry.unit.former_slugs:
                self._write(writer, f"don-vi/{former}/index.html", "redirect", target=entry, **common)

        self._write(writer, "khen-thuong/index.html", "awards", awards_by_kind=awards_by_kind, **common)
        for entry in shown_awards:
            feed = FEED_AWARD.format(slug=entry.slug)
            conferments = sorted(entry.conferments, key=lambda c: c.date, reverse=True)
            articles_url = f"{entry.url}bai-viet/" if len(entry.articles) > AWARD_PAGE_ARTICLES else None
            self._write_paginated(writer, entry.url, "award", conferments, award=entry, feed=feed if entry.articles else None,
                                  articles_shown=AWARD_PAGE_ARTICLES, articles_url=articles_url, **common)
            if articles_url:
                self._write_paginated(writer, articles_url, "award_articles", entry.articles, award=entry, **common)
            self._write_feed(writer, entry.articles, feed, f"{entry.name} – {self.settings['SITENAME']}")
        for year in catalogue.years:
            url = YEAR_URL.format(year=year)
            self._write(writer, url + "index.html", "honours_year", year=year, roll=catalogue.roll(year),
                        by_unit=catalogue.roll_by_unit(year), url=url, **common)

    def _write(self, writer, save_as: str, template: str, **values) -> None:
        writer.write_file(save_as, self.get_template(template), self.context, self.settings["RELATIVE_URLS"], **values)

    def _write_paginated(self, writer, url: str, template: str, items: list, **values) -> None:
        writer.write_file(
            url + "index.html",
            self.get_template(template),
            self.context,
            self.settings["RELATIVE_URLS"],
            paginated={"items": items},
            template_name=template,
            url=url,
            **values,
        )

    def _write_feed(self, writer, articles: list, path: str, title: str) -> None:
        if articles:
            # Escaped here because Pelican strips tags and decodes entities of a feed's title: a name stays its text.
            writer.write_feed(articles, self.context, path, feed_type="atom", feed_title=escape(title))
