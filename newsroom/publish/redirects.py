"""No link rot: a URL published once keeps answering, with a redirect or a removal notice.

A URL is the folder of an `index.html`. The publish log remembers which article
(its source file) each published URL showed, so a renamed article's old URL
leads to its new one; a removed article's URL says it was removed; a listing
page that no longer exists (a page of a shorter list) leads to the nearest
page above it.
"""

from __future__ import annotations

from markupsafe import escape

from .files import SiteFile, file_from_bytes

INDEX = "index.html"


def page_urls(paths) -> set[str]:
    """'tin-tuc/2026/01/x/index.html' -> 'tin-tuc/2026/01/x/'; the home page is ''."""
    return {path[: -len(INDEX)] for path in paths if path == INDEX or path.endswith("/" + INDEX)}


def dropped_urls(remembered: dict[str, str], remote_paths, files: dict[str, SiteFile],
                 sources: dict[str, str]) -> dict[str, str | None]:
    """Dropped URL -> redirect target URL ('' is the home page), or None when the article was removed."""
    current = page_urls(files)
    url_of_source = {source: url for url, source in sources.items()}
    dropped = {}
    for url in sorted((set(remembered) | page_urls(remote_paths)) - current):
        source = remembered.get(url, "")
        if source and source in url_of_source:
            dropped[url] = url_of_source[source]
        elif source:
            dropped[url] = None
        else:
            dropped[url] = _nearest_ancestor(url, current)
    return dropped


def _nearest_ancestor(url: str, current: set[str]) -> str:
    parts = url.rstrip("/").split("/")
    while parts:
        parts.pop()
        candidate = "/".join(parts) + "/" if parts else ""
        if candidate in current:
            return candidate
    return ""


def pages_for(dropped: dict[str, str | None], site_url: str, site_name: str, stylesheet: str | None,
              archives_url: str) -> dict[str, SiteFile]:
    """`archives_url`: where "all news" is (newsroom.addresses), linked from each removal notice."""
    pages = {}
    for url, target in dropped.items():
        path = url + INDEX
        html = _removed(site_url, site_name, stylesheet, archives_url) if target is None else _redirect(site_url, target, site_name)
        pages[path] = file_from_bytes(path, html.encode("utf-8"))
    return pages


def _redirect(site_url: str, target: str, site_name: str) -> str:
    href = escape(f"{site_url}/{target}")
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Đã chuyển – {escape(site_name)}</title>\n"
        f'<link rel="canonical" href="{href}">\n<meta http-equiv="refresh" content="0; url={href}">\n'
        '<meta name="robots" content="noindex">\n</head>\n<body>\n'
        f'<p>Trang này đã chuyển đến <a href="{href}">{href}</a>.</p>\n</body>\n</html>\n'
    )


def _removed(site_url: str, site_name: str, stylesheet: str | None, archives_url: str) -> str:
    link = f'<link rel="stylesheet" href="{escape(site_url)}/{escape(stylesheet)}">\n' if stylesheet else ""
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Bài viết đã gỡ – {escape(site_name)}</title>\n{link}"
        '<meta name="robots" content="noindex">\n</head>\n<body>\n<main class="wrap">\n'
        '<h1 class="removed-notice">Bài viết đã gỡ</h1>\n'
        "<p>Bài viết từng đăng tại địa chỉ này đã được gỡ khỏi cổng thông tin.</p>\n"
        f'<p><a href="{escape(site_url)}/">Về trang chủ {escape(site_name)}</a> · '
        f'<a href="{escape(site_url)}/{escape(archives_url)}">Tất cả tin</a></p>\n</main>\n</body>\n</html>\n'
    )
