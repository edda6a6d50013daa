"""What a published site needs besides its pages: sitemap.xml, robots.txt, feed identity,
and the build notes the publisher reads. Plain Python, no Pelican import."""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from newsroom.addresses import ROBOTS, SITEMAP, Addresses

BUILD_NOTES = ".newsroom-sources.json"  # read by newsroom.publish; never published
NOINDEX = b'name="robots" content="noindex"'


def is_absolute(site_url: str) -> bool:
    parts = urlsplit(site_url or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def source_map(contents, content_root: str) -> dict[str, str]:
    """URL ('tin-tuc/2026/01/x/') -> source file relative to the content folder."""
    sources = {}
    for content in contents:
        source = getattr(content, "source_path", None)
        url = getattr(content, "url", None)
        if source and url is not None:
            sources[url] = Path(os.path.relpath(source, content_root)).as_posix()
    return sources


def last_changes(contents) -> dict[str, str]:
    """URL -> W3C datetime of its last change (Modified, else Date), for the sitemap's <lastmod>."""
    changes = {}
    for content in contents:
        when = getattr(content, "modified", None) or getattr(content, "date", None)
        if when is not None and getattr(content, "url", None) is not None:
            changes[content.url] = when.isoformat()
    return changes


def feed_identity(feed: dict, site_url: str, addresses: Addresses) -> None:
    """Each feed's own <id> (its address) and alternate link (the page it follows), instead of the site's."""
    feed_url = feed.get("feed_url") or ""
    feed["id"] = feed_url
    path = urlsplit(feed_url).path.lstrip("/")
    base = urlsplit(site_url or "").path.strip("/")
    if base and path.startswith(base + "/"):
        path = path[len(base) + 1:]
    page = addresses.feed_page(path) or ""
    feed["link"] = f"{(site_url or '').rstrip('/')}/{page}"


def page_urls(site: Path) -> list[str]:
    """Every page readers should find: index.html files, less redirects and removal notices (noindex)."""
    urls = []
    for path in sorted(site.rglob("index.html")):
        if NOINDEX in path.read_bytes()[:4096]:
            continue
        relative = path.relative_to(site).as_posix()
        urls.append(relative[: -len("index.html")])
    return urls


def sitemap(site_url: str, urls: list[str], changes: dict[str, str] | None = None) -> str:
    changes = changes or {}
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for url in urls:
        lastmod = f"<lastmod>{escape(changes[url])}</lastmod>" if url in changes else ""
        lines.append(f"  <url><loc>{escape(site_url.rstrip('/') + '/' + url)}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/{SITEMAP}\n"


def write_production_files(site: Path, site_url: str, sources: dict[str, str], changes: dict[str, str] | None = None) -> None:
    (site / BUILD_NOTES).write_text(json.dumps(sources, ensure_ascii=False, sort_keys=True, indent=0), encoding="utf-8")
    if not is_absolute(site_url):
        return  # a development build has no address to give search engines
    (site / SITEMAP).write_text(sitemap(site_url, page_urls(site), changes), encoding="utf-8")
    (site / ROBOTS).write_text(robots(site_url), encoding="utf-8")
