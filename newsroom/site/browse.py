"""The browse pages of the portal: which pages and feeds the units and awards get, at which addresses.

One plan, read by the plugin's generator to write them and by the link
check to know them: a page type added here is written and linkable at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsroom.addresses import Address, Addresses
from newsroom.core.catalogue import Catalogue

# A unit's page shows its latest honours and an award's page the latest articles naming it; the
# whole lists get pages of their own, paginated, so no page grows with the site.
UNIT_PAGE_HONOURS = 10
AWARD_PAGE_ARTICLES = 20


@dataclass
class BrowsePage:
    template: str
    address: Address
    items: list | None = None  # the list the page paginates (PAGINATED_TEMPLATES), or None for a single page
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class BrowseFeed:
    path: str
    articles: list
    name: str  # the feed's title before the site's name


def browse_pages(catalogue: Catalogue, addresses: Addresses) -> tuple[list[BrowsePage], list[BrowseFeed]]:
    """Every page and feed of the units, the awards and the yearly honours rolls, in writing order."""
    pages, feeds = [BrowsePage("units", addresses.units(), values={"tree": catalogue.unit_tree()})], []
    # Every registered unit gets a page, so parents and departments always link somewhere.
    for entry in catalogue.units.values():
        # A unit's page and feed include its departments' news, as its readers expect.
        articles, honours = entry.rolled_up_articles, entry.rolled_up_conferments
        feed = addresses.unit_feed(entry.slug)
        honours_page = addresses.unit_honours(entry.slug) if len(honours) > UNIT_PAGE_HONOURS else None
        pages.append(BrowsePage("unit", addresses.unit(entry.slug), articles, {
            "unit": entry, "feed": feed if articles else None, "honours_shown": UNIT_PAGE_HONOURS,
            "honours_url": honours_page.url if honours_page else None}))
        if honours_page:
            pages.append(BrowsePage("unit_honours", honours_page, honours, {"unit": entry}))
        if articles:
            feeds.append(BrowseFeed(feed, articles, entry.full_name))
        pages += [BrowsePage("redirect", addresses.unit(former), values={"target": entry}) for former in entry.unit.former_slugs]
    awards_by_kind = catalogue.awards_by_kind(only_conferred=True)
    pages.append(BrowsePage("awards", addresses.awards(), values={"awards_by_kind": awards_by_kind}))
    for entry in (entry for _, entries in awards_by_kind for entry in entries):
        feed = addresses.award_feed(entry.slug)
        conferments = sorted(entry.conferments, key=lambda c: c.date, reverse=True)
        articles_page = addresses.award_articles(entry.slug) if len(entry.articles) > AWARD_PAGE_ARTICLES else None
        pages.append(BrowsePage("award", addresses.award(entry.slug), conferments, {
            "award": entry, "feed": feed if entry.articles else None, "articles_shown": AWARD_PAGE_ARTICLES,
            "articles_url": articles_page.url if articles_page else None}))
        if articles_page:
            pages.append(BrowsePage("award_articles", articles_page, entry.articles, {"award": entry}))
        if entry.articles:
            feeds.append(BrowseFeed(feed, entry.articles, entry.name))
    for year in catalogue.years:
        address = addresses.honours_year(year)
        pages.append(BrowsePage("honours_year", address, values={
            "year": year, "roll": catalogue.roll(year), "by_unit": catalogue.roll_by_unit(year), "url": address.url}))
    return pages, feeds


def written_addresses(pages: list[BrowsePage], feeds: list[BrowseFeed], addresses: Addresses) -> set[str]:
    """The output paths the browse pages and feeds take, every page of each paginated list included."""
    written = {feed.path for feed in feeds}
    for page in pages:
        if page.items is None:
            written.add(page.address.save_as)
        else:
            written |= {found.save_as for found in addresses.pages_of(page.address, page.template, len(page.items))}
    return written
