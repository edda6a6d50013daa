"""Links and images in bodies: every {static}/{filename} target inside the content folder and present,
every link to this site leading to a page or file the build publishes.

Runs on each check (not cached with the analysis): whether a target exists
depends on other files than the article.
"""

from __future__ import annotations

from pathlib import Path

from newsroom.checks.paths import PELICAN_LINK, link_target_problems, resolve_link_target, site_link_problems
from newsroom.site.static_files import ALLOWED_EN, ALLOWED_VI, is_photo_name, publishable

from .duplicates import destination
from .problems import Problem, error

# Pages the portal writes whatever the content: list and browse pages, feeds, search, production files.
FIXED_OUTPUTS = {
    "index.html", "404.html", "sitemap.xml", "robots.txt", "tin-tuc/index.html", "don-vi/index.html",
    "khen-thuong/index.html", "tim-kiem/index.html", "feeds/all.atom.xml",
}


def published_paths(content: Path, sources: list, pages: list, registry, theme: Path | None,
                    static_paths: tuple[str, ...] = ("images",)) -> set[str]:
    """What the build will publish, as output paths relative to the site root (of the static folders, the
    documents: photos are published as their derivatives only)."""
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
            from .slugs import slugify

            slug = slugify(source.get("title"))
        published.add(f"{slug}/index.html")
    for folder in static_paths:
        root = content / folder
        if root.is_dir():
            published |= {p.relative_to(content).as_posix() for p in root.rglob("*") if publishable(p)}
    if theme is not None and (theme / "static").is_dir():
        published |= {f"theme/{p.relative_to(theme / 'static').as_posix()}" for p in (theme / "static").rglob("*") if p.is_file()}
    if registry is not None:
        for unit in registry.units.values():
            published |= {f"don-vi/{unit.slug}/index.html", f"feeds/don-vi/{unit.slug}.atom.xml"}
        for award in registry.awards.values():
            published |= {f"khen-thuong/{award.slug}/index.html", f"feeds/khen-thuong/{award.slug}.atom.xml"}
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
