"""When every page is known: index the pages readers should find (articles, units, awards, fixed pages).

Lists, paginations and archives are never records. The index is written
straight into the output folder, which Pelican has already cleaned; the last
bundle is kept beside the build's analysis cache when there is one.
"""

from __future__ import annotations

import functools
from pathlib import Path

from pelican.generators import ArticlesGenerator, PagesGenerator

from newsroom.settings import portal
from newsroom.site.dates import vi_date
from newsroom.site.search_index import (
    SEARCH_LATER, article_record, award_record, page_record, unit_record, write_search_index,
)


def index_pages(generators) -> None:
    articles = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
    pages = next((g for g in generators if isinstance(g, PagesGenerator)), None)
    if articles is None:
        return
    records = []
    for article in articles.articles:
        records.append(article_record(
            url=article.url, title=article.title, date=article.date, text=article.analysis.text,
            units=getattr(article, "units", []), awards=getattr(article, "awards", []), date_label=vi_date(article.date),
        ))
    for page in pages.pages if pages else []:
        records.append(page_record(url=page.url, title=page.title, text=page.analysis.text))
    catalogue = articles.context.get("catalogue")
    if catalogue is not None:
        # Pages the browse generator writes: every registered unit, awards given or mentioned.
        records.extend(unit_record(entry) for entry in catalogue.units.values())
        records.extend(award_record(entry) for _, entries in catalogue.awards_by_kind(only_conferred=True) for entry in entries)
    write = functools.partial(write_search_index, Path(articles.output_path), records, cache_dir=_cache_dir(articles.settings))
    later = articles.context.get(SEARCH_LATER)
    if later is not None:  # `serve` regenerating: the pages first, the index (Pagefind is slow) after them
        later.append(write)
        return
    write()


def _cache_dir(settings) -> Path:
    """Beside the analyses kept between builds."""
    return portal(settings).analysis_cache.parent / "search"
