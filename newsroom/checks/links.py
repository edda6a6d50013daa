"""Links and images in bodies: every {static}/{filename} target inside the content folder and present,
every link to this site leading to a page or file the build publishes.

Runs on each check (not cached with the analysis): whether a target exists
depends on other files than the article.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from newsroom.addresses import NOT_FOUND, ROBOTS, SITEMAP
from newsroom.checks.paths import link_target_problems, site_link_problems
from newsroom.content.dates import localised
from newsroom.content.files import destination, page_slug
from newsroom.content.links import PELICAN_LINK, resolve_link_target
from newsroom.core.catalogue import Catalogue
from newsroom.problems import Problem, error
from newsroom.settings import portal
from newsroom.site.browse import browse_pages, written_addresses
from newsroom.site.photos import OUTPUT_FOLDER
from newsroom.site.static_files import ALLOWED_EN, ALLOWED_VI, is_photo_name, publishable


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
    # The photos' sized copies the pages show; of the static folders, the documents (originals are never published).
    published |= {f"{OUTPUT_FOLDER}/{derivative.name}" for analysis in [*analyses, *pages]
                  for photo in analysis.photos if photo is not None for derivative in photo.derivatives}
    for name in addresses.static_folders:
        root = found.content / name
        if root.is_dir():
            published |= {p.relative_to(found.content).as_posix() for p in root.rglob("*") if publishable(p)}
    if theme is not None and (theme / "static").is_dir():
        static = theme / "static"
        published |= {f"{addresses.theme_folder}/{p.relative_to(static).as_posix()}" for p in static.rglob("*") if p.is_file()}
    if registry is not None:
        articles = [(SimpleNamespace(date=localised(written.date, found.timezone), url=written.url, title=analysis.source.get("title")),
                     analysis.recognition) for written, analysis in listed]
        catalogue = Catalogue.build(registry, articles, addresses.mention_urls)
        published |= written_addresses(*browse_pages(catalogue, addresses), addresses)
    return published


def check_links(content: Path, analysis, page_url: str, published: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    for target, line, tag in analysis.links:
        if PELICAN_LINK.match(target):
            found = link_target_problems(content, analysis.path, line, target)
            problems += found or _unpublished_target(content, analysis.path, line, target, tag)
        else:
            problems += site_link_problems(analysis.path, line, page_url, target, published)
    return problems


def _unpublished_target(content: Path, source: Path, line: int, target: str, tag: str) -> list[Problem]:
    """An error for a {static}/{attach}/{filename} link to a file the build does not publish as it is."""
    resolved = resolve_link_target(content, source, target)
    path = resolved.path
    if publishable(path) or (resolved.kind == "filename" and path.suffix == ".md"):
        return []
    if is_photo_name(path):
        if tag == "img":
            return []  # shown as its derivatives
        return [error(
            source, line,
            f'liên kết "{target}" dẫn tới ảnh gốc, mà ảnh gốc (có thông tin máy ảnh, vị trí) không được đăng; '
            f"hãy hiện ảnh trong bài bằng ![mô tả]({target})",
            f'the link "{target}" leads to an original photo, and originals (with camera and location data) are not '
            f"published; show the photo in the article with ![alt]({target})",
        )]
    return [error(
        source, line,
        f'liên kết "{target}" dẫn tới tệp không được đăng (chỉ {ALLOWED_VI})',
        f'the link "{target}" leads to a file that is not published ({ALLOWED_EN} only)',
    )]
