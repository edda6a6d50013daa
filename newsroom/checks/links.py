"""Links and images in bodies: every {static}/{filename} target inside the content folder and present,
every link to this site leading to a page or file the build publishes.

Runs on each check (not cached with the analysis): whether a target exists
depends on other files than the article.
"""

from __future__ import annotations

from pathlib import Path

from newsroom.checks.paths import PELICAN_LINK, link_target_problems, site_link_problems
from newsroom.content.files import destination
from newsroom.core.text import slugify
from newsroom.problems import Problem

# Pages the portal writes whatever the content: list and browse pages, feeds, search, production files.
FIXED_OUTPUTS = {
    "index.html", "404.html", "sitemap.xml", "robots.txt", "tin-tuc/index.html", "don-vi/index.html",
    "khen-thuong/index.html", "tim-kiem/index.html", "feeds/all.atom.xml",
}


def published_paths(content: Path, sources: list, pages: list, registry, theme: Path | None) -> set[str]:
    """What the build will publish, as output paths relative to the site root."""
    published = set(FIXED_OUTPUTS)
    for source in sources:
        found = destination(source)
        if found is not None:
            published.add(found.output)
            year, month = found.output.split("/")[1:3] if found.output.startswith("tin-tuc/") else ("", "")
            if year:
                published |= {f"tin-tuc/{year}/index.html", f"tin-tuc/{year}/{month}/index.html",
                              f"khen-thuong/nam-{year}/index.html"}
    for source in pages:
        slug = source.get("slug") or ""
        if not slug:
            slug = slugify(source.get("title"))
        published.add(f"{slug}/index.html")
    for folder, prefix in ((content / "images", "images"), ((theme / "static") if theme else None, "theme")):
        if folder is not None and folder.is_dir():
            published |= {f"{prefix}/{p.relative_to(folder).as_posix()}" for p in folder.rglob("*") if p.is_file()}
    if registry is not None:
        for unit in registry.units.values():
            published |= {f"don-vi/{unit.slug}/index.html", f"feeds/don-vi/{unit.slug}.atom.xml"}
        for award in registry.awards.values():
            published |= {f"khen-thuong/{award.slug}/index.html", f"feeds/khen-thuong/{award.slug}.atom.xml"}
    return published


def check_links(content: Path, analysis, page_url: str, published: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    for target, line in analysis.links:
        if PELICAN_LINK.match(target):
            problems += link_target_problems(content, analysis.path, line, target)
        else:
            problems += site_link_problems(analysis.path, line, page_url, target, published)
    return problems
