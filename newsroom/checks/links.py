"""Links and images in bodies: every {static}/{filename} target inside the content folder and present,
every link to this site leading to a page or file the build publishes.

Runs on each check (not cached with the analysis): whether a target exists
depends on other files than the article.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from newsroom.addresses import NOT_FOUND, ROBOTS, SITEMAP
from newsroom.checks.paths import PELICAN_LINK, link_target_problems, site_link_problems
from newsroom.content.dates import localised
from newsroom.content.files import destination, page_slug
from newsroom.core.catalogue import Catalogue
from newsroom.problems import Problem
from newsroom.settings import portal
from newsroom.site.browse import browse_pages, written_addresses
from newsroom.site.photos import OUTPUT_FOLDER


def published_paths(settings: dict, analyses: list, pages: list, registry, theme: Path | None) -> set[str]:
    """What the build will write, as output paths relative to the site root: the same addresses, lists and
    pagination the build uses (newsroom.addresses, newsroom.site.browse), for these analyses of the articles
    (`analyses`) and of the fixed pages (`pages`).
    """
    found = portal(settings)
    addresses = found.addresses
    published = {NOT_FOUND, SITEMAP, ROBOTS} | ({addresses.feed_all} if addresses.feed_all else set())
    listed = []
    for analysis in analyses:
        written = destination(analysis.source, addresses)
        if written is None:
            continue
        if written.output:
            published.add(written.output)
        if written.listed:
            listed.append((written, analysis))
    for template, address in addresses.direct.items():
        published |= {page.save_as for page in addresses.pages_of(address, template, len(listed))}
    for _kind, address, count in addresses.periods([written.date for written, _ in listed]):
        published |= {page.save_as for page in addresses.pages_of(address, "period_archives", count)}
    published |= {addresses.page(page_slug(page.source)).save_as for page in pages}
    # The photos' sized copies the pages show (the originals are content files, below).
    published |= {f"{OUTPUT_FOLDER}/{derivative.name}" for analysis in [*analyses, *pages]
                  for photo in analysis.photos for derivative in photo.derivatives}
    for folder, prefix in [*((found.content / name, name) for name in addresses.static_folders),
                           ((theme / "static") if theme else None, addresses.theme_folder)]:
        if folder is not None and folder.is_dir():
            published |= {f"{prefix}/{p.relative_to(folder).as_posix()}" for p in folder.rglob("*") if p.is_file()}
    if registry is not None:
        articles = [(SimpleNamespace(date=localised(written.date, found.timezone), url=written.url, title=analysis.source.get("title")),
                     analysis.recognition) for written, analysis in listed]
        catalogue = Catalogue.build(registry, articles, addresses.mention_urls)
        published |= written_addresses(*browse_pages(catalogue, addresses), addresses)
    return published


def check_links(content: Path, analysis, page_url: str, published: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    for target, line in analysis.links:
        if PELICAN_LINK.match(target):
            problems += link_target_problems(content, analysis.path, line, target)
        else:
            problems += site_link_problems(analysis.path, line, page_url, target, published)
    return problems
