"""Every address the build writes: URL and output path, from Pelican's *_URL/*_SAVE_AS settings and the portal's.

The patterns themselves are settings (pelicanconf.py, and the portal's
defaults in newsroom/settings.py); this object is the one place that turns
them into addresses. The plugin's generator, the link check, the search
index, production files, publish redirects and `registry suggest` all ask it,
so a new kind of page is taught here once.

A URL is written from the site root without its leading "/" ("don-vi/x/"),
an output path relative to the output folder ("don-vi/x/index.html").
"""

from __future__ import annotations

import datetime
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass

from pelican.paginator import PaginationRule, Paginator

# The portal's page patterns (settings declared in newsroom/settings.py), each a folder URL written as its index.html.
PORTAL_PATTERNS = ("UNITS_URL", "UNIT_URL", "UNIT_HONOURS_URL", "AWARDS_URL", "AWARD_URL", "AWARD_ARTICLES_URL",
                   "HONOURS_YEAR_URL")
PORTAL_FEEDS = ("UNIT_FEED_ATOM", "AWARD_FEED_ATOM")
INDEX = "index.html"
# Folders of the site that no content names: the search bundle (the theme's files and the photos are settings).
BUNDLE = "pagefind"
# Files the portal writes at the site's root: the page servers answer a missing path with, and (in production) for crawlers.
NOT_FOUND = "404.html"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"


@dataclass(frozen=True)
class Address:
    url: str  # from the site root, without the leading "/"
    save_as: str  # relative to the output folder


class _Fields(dict):
    """Format values: a field the pattern names but the article lacks is empty, as Pelican's metadata would leave it."""

    def __missing__(self, key: str) -> str:
        return ""


class Addresses:
    """URL and output path of every page the build writes; `settings` is Pelican's dict with the portal's filled in."""

    def __init__(self, settings: Mapping):
        # Pelican's writer paginates with these; its read_settings makes the patterns PaginationRules.
        self._settings = {"PAGINATION_PATTERNS": [PaginationRule(*rule) for rule in settings["PAGINATION_PATTERNS"]],
                          "DEFAULT_ORPHANS": settings["DEFAULT_ORPHANS"], "DEFAULT_PAGINATION": settings["DEFAULT_PAGINATION"]}
        self.per_page = dict(settings.get("PAGINATED_TEMPLATES") or {})
        self.default_lang = settings.get("DEFAULT_LANG", "en")
        self._article = (settings["ARTICLE_URL"], settings["ARTICLE_SAVE_AS"])
        self._page = (settings["PAGE_URL"], settings["PAGE_SAVE_AS"])
        self._draft = (settings.get("DRAFT_URL", ""), settings.get("DRAFT_SAVE_AS", ""))
        self._year = (settings.get("YEAR_ARCHIVE_URL", ""), settings.get("YEAR_ARCHIVE_SAVE_AS", ""))
        self._month = (settings.get("MONTH_ARCHIVE_URL", ""), settings.get("MONTH_ARCHIVE_SAVE_AS", ""))
        self._day = (settings.get("DAY_ARCHIVE_URL", ""), settings.get("DAY_ARCHIVE_SAVE_AS", ""))
        self._portal = {name: settings[name] for name in PORTAL_PATTERNS + PORTAL_FEEDS}
        self.direct = {}
        for template in settings.get("DIRECT_TEMPLATES", ()):
            save_as = settings.get(f"{template.upper()}_SAVE_AS", f"{template}.html")
            if save_as:
                self.direct[template] = Address(settings.get(f"{template.upper()}_URL", _url_of(save_as)), save_as)
        self.feed_all = settings.get("FEED_ALL_ATOM") or ""
        self.static_folders = tuple(settings.get("STATIC_PATHS") or ())
        self.theme_folder = settings.get("THEME_STATIC_DIR", "theme")
        self.patterns = (*self._article, *self._page, *self._year, *self._month, *self._day,
                         *(a.save_as for a in self.direct.values()), self.feed_all, *self._portal.values(),
                         *(p[1] for p in self._settings["PAGINATION_PATTERNS"]))
        self._reserve()

    # Pelican's own pages

    def article(self, slug: str, date: datetime.datetime, metadata: Mapping | None = None) -> Address:
        fields = _Fields(metadata or {}, slug=slug, date=date, lang=self.default_lang)
        url, save_as = self._article
        return Address(url.format_map(fields), save_as.format_map(fields))

    def draft(self, slug: str) -> Address:
        """Where a draft is written: nowhere ("") unless DRAFT_SAVE_AS says so."""
        url, save_as = self._draft
        return Address(url.format_map(_Fields(slug=slug, lang=self.default_lang)), save_as.format_map(_Fields(slug=slug, lang=self.default_lang)))

    def page(self, slug: str) -> Address:
        fields = _Fields(slug=slug, lang=self.default_lang)
        url, save_as = self._page
        return Address(url.format_map(fields), save_as.format_map(fields))

    def periods(self, dates: list[datetime.datetime]) -> list[tuple[str, Address, int]]:
        """(kind, address, number of articles) of every year, month and day archive Pelican writes for these dates."""
        found: dict[tuple[str, str], list] = {}
        for kind, (url, save_as), key in (("year", self._year, "%Y"), ("month", self._month, "%Y-%m"),
                                          ("day", self._day, "%Y-%m-%d")):
            if not save_as:
                continue
            for date in dates:
                entry = found.setdefault((kind, date.strftime(key)), [kind, Address(url.format(date=date), save_as.format(date=date)), 0])
                entry[2] += 1
        return [tuple(entry) for entry in found.values()]

    # The portal's pages

    def units(self) -> Address:
        return self._folder("UNITS_URL")

    def unit(self, slug: str) -> Address:
        return self._folder("UNIT_URL", slug=slug)

    def unit_honours(self, slug: str) -> Address:
        return self._folder("UNIT_HONOURS_URL", slug=slug)

    def unit_feed(self, slug: str) -> str:
        return self._portal["UNIT_FEED_ATOM"].format(slug=slug)

    def awards(self) -> Address:
        return self._folder("AWARDS_URL")

    def award(self, slug: str) -> Address:
        return self._folder("AWARD_URL", slug=slug)

    def award_articles(self, slug: str) -> Address:
        return self._folder("AWARD_ARTICLES_URL", slug=slug)

    def award_feed(self, slug: str) -> str:
        return self._portal["AWARD_FEED_ATOM"].format(slug=slug)

    def honours_year(self, year: int) -> Address:
        return self._folder("HONOURS_YEAR_URL", year=year)

    def feed_page(self, feed: str) -> str | None:
        """The URL of the page a unit's or an award's feed follows, from the feed's path; None for other feeds."""
        for feed_name, page_name in (("UNIT_FEED_ATOM", "UNIT_URL"), ("AWARD_FEED_ATOM", "AWARD_URL")):
            match = _pattern_regex(self._portal[feed_name]).fullmatch(feed)
            if match:
                return self._portal[page_name].format(**match.groupdict())
        return None

    def pattern(self, name: str) -> str:
        """One of the portal's patterns as set (templates format a year's or a feed's address from it)."""
        return self._portal[name]

    @property
    def mention_urls(self) -> dict[str, str]:
        """URL patterns of the pages a recognised unit or award links to, by kind."""
        return {"unit": self._portal["UNIT_URL"], "award": self._portal["AWARD_URL"]}

    def _folder(self, name: str, **fields) -> Address:
        url = self._portal[name].format(**fields)
        return Address(url, url + INDEX)

    # Pagination, as Pelican's writer does it

    def pages_of(self, address: Address, template: str, count: int) -> list[Address]:
        """The addresses of a list's pages: one, or one per page when `template` is paginated."""
        if template not in self.per_page:
            return [address]
        per_page = self.per_page[template] or self._settings["DEFAULT_PAGINATION"]
        paginator = Paginator(address.save_as, address.url, range(count), self._settings, per_page)
        return [Address(page.url, page.save_as) for page in map(paginator.page, paginator.page_range)]

    # Words no content may take as its slug

    def reserved(self, slug: str) -> bool:
        """Whether a page, article, unit or award slugged `slug` could take or shadow an address the portal owns."""
        return slug in self.reserved_words or any(p.fullmatch(slug) for p in self.reserved_patterns)

    def _reserve(self) -> None:
        """The portal's folders: every literal folder name of an address pattern, the search bundle, theme and photos;
        and folder names made of words and fields ("nam-{year}"), as the slugs they would format to."""
        words = {BUNDLE, self.theme_folder, *(folder.split("/")[0] for folder in self.static_folders)}
        words |= {segment for pattern in self.patterns for segment in _folders(pattern) if "{" not in segment}
        self.reserved_words = frozenset(words - {""})
        self.reserved_patterns = tuple(dict.fromkeys(
            _pattern_regex(segment) for pattern in self.patterns for segment in _folders(pattern)
            if "{" in segment and not _only_field(segment)))


def _url_of(save_as: str) -> str:
    return save_as.removesuffix(INDEX) if save_as.endswith("/" + INDEX) else save_as


def _folders(pattern: str) -> list[str]:
    """The folder names of a pattern (not its file name, not a bare field): what a slug could collide with."""
    parts = [part for part in pattern.strip("/").split("/") if part]
    if parts and "." in parts[-1]:
        parts.pop()
    return [part for part in parts if not _only_field(part)]


def _only_field(segment: str) -> bool:
    return segment.startswith("{") and segment.endswith("}") and segment.count("{") == 1


# What a field formats to: years, months and page numbers are digits; anything else one path segment.
_FIELD_REGEX = {"year": r"\d+", "number": r"\d+", "month": r"\d+", "%Y": r"\d{4}", "%m": r"\d{2}", "%d": r"\d{2}"}


def _pattern_regex(pattern: str) -> re.Pattern:
    """A regex matching what `pattern` formats to, with a named group for each plain field."""
    regex, named = [], set()
    for literal, field, spec, _conversion in string.Formatter().parse(pattern):
        regex.append(re.escape(literal))
        if field is None:
            continue
        shape = _FIELD_REGEX.get(spec or field, r"[^/]+")
        if field.isidentifier() and field not in named:
            named.add(field)
            regex.append(f"(?P<{field}>{shape})")
        else:
            regex.append(f"(?:{shape})")
    return re.compile("".join(regex))
