"""What an article body may contain: an allowlist, applied by nh3 (ammonia), with a report of what it removed.

Editors write Markdown, and Markdown passes raw HTML through. Everything an
editor needs (paragraphs, headings, lists, tables, emphasis, quotes, code,
links to the web or the site, photos from the site, our figures) is kept;
anything else is removed, never escaped into view. nh3 decides what survives;
the report beside it is our own reading of the same policy over the input, so
`newsroom check` can tell the editor what went and where.

The site lives on an intranet: a resource (image, frame, video, style, ...)
loaded from another host is an error of its own, found by external_resources().
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import nh3

from newsroom.problems import Problem, error, warning

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
ALLOWED_TAGS = HEADINGS | {
    "p", "br", "hr", "div", "span",
    "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "strong", "em", "b", "i", "u", "s", "del", "ins", "sub", "sup", "mark", "small", "abbr", "cite", "q",
    "blockquote", "code", "pre", "kbd", "samp", "var",
    "a", "img", "figure", "figcaption",
}
# Removed with everything inside them: their content is code, foreign markup or raw text, never prose.
REMOVED_WITH_CONTENT = {
    "script", "style", "template", "noscript", "iframe", "frame", "frameset", "noembed", "noframes",
    "object", "applet", "svg", "math", "textarea", "select", "title", "xmp", "plaintext",
}
ATTRIBUTES = {
    "*": {"title", "lang"},
    "a": {"href", "class"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading", "decoding"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "ol": {"start"},
    "th": {"colspan", "rowspan", "align", "style"},
    "td": {"colspan", "rowspan", "align", "style"},
    "abbr": set(),
    # Footnotes (Markdown "extra") link by id; attr_list gives headings ids.
    "sup": {"id"},
    "li": {"id"},
    **{heading: {"id"} for heading in HEADINGS},
    # class only with the values in CLASSES, checked in _keep()
    "div": {"class"},
    "code": {"class"},
}
# Classes the Markdown extensions and our build emit; nothing else styles a body.
CLASSES = {
    "a": {"footnote-ref", "footnote-backref"},
    "div": {"footnote"},
}
CODE_LANGUAGE = re.compile(r"language-[a-z0-9_+#-]{1,30}")
URL_SCHEMES = {"http", "https", "mailto", "tel"}
URL_ATTRIBUTES = {"href", "src", "cite"}
TABLE_ALIGN = re.compile(r"text-align:\s*(left|center|right);?")
SAFE_ID = re.compile(r"[A-Za-z][A-Za-z0-9_:.-]{0,80}")
NUMBER = re.compile(r"[0-9]{1,5}")
SRCSET_DESCRIPTOR = re.compile(r"[0-9]{1,5}w|[0-9]{1,2}(?:\.[0-9]{1,2})?x")
MEDIA_SIZES = re.compile(r"[a-z0-9\s(),.:%-]{1,200}", re.IGNORECASE)
ENUMERATED = {"loading": {"lazy", "eager"}, "decoding": {"async", "sync", "auto"}, "align": {"left", "center", "right"}}
# Pelican rewrites every href/src/cite value that starts like this (INTRASITE_LINK_REGEX), keeping the
# scheme, host, query and fragment written after it: "{index}javascript:x?%0aalert(1)" becomes a
# javascript: URL once SITEURL is set, "{static}//host/a.jpg" a request to that host. Editors need
# {static}, {attach} and {filename}, with a path only; the targets are checked by newsroom.checks.paths.
PELICAN_PREFIX = re.compile(r"[{|](?P<what>.*?)[|}]")
PELICAN_KINDS = {"static", "filename", "attach"}
# What browsers ignore or fold in a URL before reading its scheme (WHATWG URL standard).
_URL_STRIP = "".join(chr(c) for c in range(0x21))
_URL_DROP = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")

# tag -> attributes that load something (frames, media, styles, forms, redirects)
RESOURCE_ATTRIBUTES = {
    "img": ("src", "srcset", "lowsrc", "dynsrc", "longdesc"),
    "iframe": ("src",), "frame": ("src",), "embed": ("src",), "object": ("data", "codebase"), "applet": ("codebase",),
    "video": ("src", "poster"), "audio": ("src",), "source": ("src", "srcset"), "track": ("src",),
    "script": ("src",), "link": ("href",), "input": ("src", "formaction"), "button": ("formaction",),
    "form": ("action",), "base": ("href",), "image": ("href", "xlink:href"), "use": ("href", "xlink:href"),
    "feimage": ("href", "xlink:href"), "body": ("background",), "table": ("background",), "td": ("background",),
    "th": ("background",), "tr": ("background",),
}
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))|@import\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
META_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\";]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Removal:
    """One thing the sanitiser removed from a body."""

    kind: str  # "tag", "attribute" or "url"
    tag: str
    attribute: str | None = None
    value: str | None = None  # the attribute's value, decoded
    snippet: str = ""  # the start tag as written in the HTML

    def needles(self) -> list[str]:
        """Strings, most telling first, that find the Markdown line this came from."""
        # Raw HTML reaches the page as written: its start tag is the best needle.
        found = [self.snippet] if self.snippet else []
        if self.attribute:
            raw = _raw_attribute(self.snippet, self.attribute)
            values = [v for v in (raw, self.value) if v]
            attribute = [f"{self.attribute}="]
            found += values + attribute if self.kind == "url" else attribute + values
        found.append(f"<{self.tag}")
        return found

    def describe(self) -> tuple[str, str]:
        if self.kind == "tag":
            return f"đã bỏ thẻ <{self.tag}> (không được phép trong bài)", f"removed <{self.tag}> (not allowed in an article)"
        if self.kind == "url":
            shown = _shorten(self.value or "")
            return (f'đã bỏ địa chỉ không được phép "{shown}" ({self.tag} {self.attribute})',
                    f'removed a disallowed address "{shown}" ({self.tag} {self.attribute})')
        return (f'đã bỏ thuộc tính "{self.attribute}" của <{self.tag}> (không được phép)',
                f'removed attribute "{self.attribute}" of <{self.tag}> (not allowed)')


@dataclass(frozen=True)
class ExternalResource:
    """A resource the page would load from another host."""

    tag: str
    attribute: str
    url: str
    snippet: str = ""

    def needles(self) -> list[str]:
        if self.attribute == "url()":  # inside a <style>: the URL tells which one
            return [self.url, self.snippet]
        raw = _raw_attribute(self.snippet, self.attribute)
        return [v for v in (self.snippet, raw, self.url, f"<{self.tag}") if v]


@dataclass(frozen=True)
class SanitisedHtml:
    html: str
    removed: list[Removal] = field(default_factory=list)


def sanitise(html: str, site_url: str = "") -> SanitisedHtml:
    """The body with only what the allowlist keeps, and what was removed.

    `site_url` is the site's own address (SITEURL): images from it are kept.
    """
    site_host = _host_of(site_url)
    (collector,) = _read(html, _Collector(site_host))
    return SanitisedHtml(_cleaner(site_host).clean(html), collector.removed)


@lru_cache(maxsize=16)
def _cleaner(site_host: str) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=ALLOWED_TAGS,
        clean_content_tags=REMOVED_WITH_CONTENT,
        attributes=ATTRIBUTES,
        attribute_filter=lambda tag, name, value: value if _keep(tag, name, value, site_host) else None,
        strip_comments=True,
        link_rel=None,
        url_schemes=URL_SCHEMES,
    )


def external_resources(html: str, site_url: str = "") -> list[ExternalResource]:
    """Everything in `html` that a browser would load from a host other than the site's."""
    (finder,) = _read(html, _ResourceFinder(_host_of(site_url)))
    return finder.found


def is_external(url: str, site_host: str = "") -> bool:
    """True when a browser would fetch `url` from a host other than `site_host` (relative URLs are the site's)."""
    host = _fetch_host(url)
    return host is not None and host != site_host


def locate(source: str, items, first_line: int = 1) -> list[int | None]:
    """The source line of each removal or external resource, found by its needles; None where not found.

    Equal needles take successive occurrences, so the second removed
    `<script` points at the second one in the file.
    """
    lines = source.splitlines()
    lowered = [line.lower() for line in lines]
    cursor: dict[str, int] = {}
    result: list[int | None] = []
    for item in items:
        found = None
        for needle in item.needles():
            key = needle.lower()
            start = cursor.get(key, 0)
            for index in range(start, len(lowered)):
                if key in lowered[index]:
                    found = index
                    cursor[key] = index + 1 if lowered[index].count(key) == 1 else index
                    break
            if found is not None:
                break
        result.append(None if found is None else found + first_line)
    return result


def body_problems(path: Path, source: str, html: str, site_url: str = "", first_line: int = 1,
                  fallback_line: int = 1) -> tuple[str, list[Problem]]:
    """Sanitised HTML of one body and its problems: a warning per removal, an error per external resource.

    `source` is the Markdown text whose first line is `first_line` of the file;
    what cannot be found in it is reported at `fallback_line`.
    """
    site_host = _host_of(site_url)
    clean = _cleaner(site_host).clean(html)
    if clean == html:
        # nh3 changed nothing, so it removed nothing; and the only element left that loads anything is
        # <img>, whose other-host sources the policy removes: nothing to report. True of nearly every body.
        return clean, []
    # One reading of the HTML feeds both lists: each reading costs as much as nh3's whole cleaning.
    collector, finder = _read(html, _Collector(site_host), _ResourceFinder(site_host))
    result = SanitisedHtml(clean, collector.removed)
    resources = finder.found
    problems: list[Problem] = []
    for resource, line in zip(resources, locate(source, resources, first_line)):
        shown = _shorten(resource.url)
        problems.append(error(
            path, line or fallback_line,
            f'tài nguyên từ máy chủ khác "{shown}" (<{resource.tag} {resource.attribute}>): trang chạy trong mạng nội bộ, '
            f"hãy chép tệp vào content/images và dùng {{static}}",
            f'resource from another host "{shown}" (<{resource.tag} {resource.attribute}>): the site runs on an intranet; '
            f"copy the file into content/images and link it with {{static}}",
        ))
    # A removal that is also an external resource is reported once, as the error.
    external = {(r.tag, r.attribute, r.url) for r in resources}
    external_tags = {(r.tag, r.snippet) for r in resources}
    removals = [r for r in result.removed
                if (r.tag, r.attribute, r.value) not in external and not (r.kind == "tag" and (r.tag, r.snippet) in external_tags)]
    for removal, line in zip(removals, locate(source, removals, first_line)):
        vietnamese, english = removal.describe()
        problems.append(warning(path, line or fallback_line, vietnamese, english))
    problems.sort(key=lambda p: p.line)
    return result.html, problems


def _keep(tag: str, name: str, value: str, site_host: str) -> bool:
    """The attribute policy nh3 cannot express: values of URLs, classes, ids, sizes."""
    if name in URL_ATTRIBUTES:
        if not _safe_url(value):
            return False
        return tag != "img" or not is_external(value, site_host)
    if name == "srcset":
        candidates = [c.split() for c in value.split(",") if c.strip()]
        return bool(candidates) and all(
            len(c) <= 2 and (len(c) == 1 or SRCSET_DESCRIPTOR.fullmatch(c[1])) and _safe_url(c[0])
            and not is_external(c[0], site_host)
            for c in candidates
        )
    if name == "class":
        tokens = value.split()
        allowed = CLASSES.get(tag, set())
        return bool(tokens) and all(t in allowed or (tag == "code" and CODE_LANGUAGE.fullmatch(t)) for t in tokens)
    if name == "id":
        return bool(SAFE_ID.fullmatch(value))
    if name == "style":
        return tag in ("th", "td") and bool(TABLE_ALIGN.fullmatch(value.strip()))
    if name in ("width", "height", "colspan", "rowspan", "start"):
        return bool(NUMBER.fullmatch(value.strip()))
    if name in ENUMERATED:
        return value.strip().lower() in ENUMERATED[name]
    if name == "sizes":
        return bool(MEDIA_SIZES.fullmatch(value))
    return True


def _normalised_url(url: str) -> str:
    return _URL_DROP.sub("", url.strip(_URL_STRIP)).replace("\\", "/")


def _pelican_link(cleaned: str) -> bool | None:
    """None if `cleaned` is no Pelican link; else whether it is one we allow: a known kind and a bare path."""
    match = PELICAN_PREFIX.match(cleaned)
    if match is None:
        return None
    rest = cleaned[match.end():]
    parts = urlsplit(rest) if not _SCHEME.match(rest) else None
    return match.group("what") in PELICAN_KINDS and parts is not None and not parts.scheme and not parts.netloc


def _safe_url(url: str) -> bool:
    """A link or source a browser would not run: http(s), mailto, tel, or a path on the site."""
    cleaned = _normalised_url(url)
    pelican = _pelican_link(cleaned)
    if pelican is not None:
        return pelican
    scheme = _SCHEME.match(cleaned)
    if scheme is None:
        return not any(ord(c) < 0x20 or c == "\x7f" for c in url.strip(_URL_STRIP))
    return scheme.group(1).lower() in URL_SCHEMES


def _fetch_host(url: str) -> str | None:
    """The host a browser would contact for `url`; None for the site itself (relative) and for non-network schemes."""
    cleaned = _normalised_url(url)
    match = PELICAN_PREFIX.match(cleaned)
    if match:  # Pelican keeps a host written after the prefix
        cleaned = cleaned[match.end():]
    scheme = _SCHEME.match(cleaned)
    if scheme:
        name = scheme.group(1).lower()
        if name in ("data", "javascript", "vbscript", "about", "blob", "mailto", "tel"):
            return None
        rest = cleaned[scheme.end():].lstrip("/")  # browsers read http:evil.com as http://evil.com
        return _authority_host(rest) if rest else None
    if cleaned.startswith("//"):
        return _authority_host(cleaned.lstrip("/"))
    return None


def _authority_host(rest: str) -> str:
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
    host = authority.rsplit("@", 1)[-1].lower()
    return host.rstrip(".") or "?"


def _host_of(site_url: str) -> str:
    if not site_url:
        return ""
    return urlsplit(site_url if "//" in site_url else f"//{site_url}").netloc.lower()


def _srcset_urls(value: str) -> list[str]:
    urls = []
    for candidate in value.split(","):
        parts = candidate.split()
        if parts:
            urls.append(parts[0])
    return urls


def _raw_attribute(start_tag: str, attribute: str) -> str | None:
    """The value of `attribute` as written in `start_tag`, entities and all."""
    match = re.search(
        r"[\s/\"']" + re.escape(attribute) + r"""\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", start_tag, re.IGNORECASE)
    if not match:
        return None
    return next(group for group in match.groups() if group is not None) or None


def _shorten(text: str, limit: int = 80) -> str:
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _read(html: str, *readers):
    """Feed `html` once to each reader's handlers; returns the readers."""
    parser = _Readers(readers)
    parser.feed(html)
    parser.close()
    return readers


class _Readers(HTMLParser):
    """One tokenising of the HTML whose events go to several readers (each asks it for the start tag's text)."""

    def __init__(self, readers):
        super().__init__(convert_charrefs=True)
        self.readers = readers
        for reader in readers:
            reader.get_starttag_text = self.get_starttag_text

    def handle_starttag(self, tag, attrs):
        for reader in self.readers:
            reader.handle_starttag(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        for reader in self.readers:
            reader.handle_startendtag(tag, attrs)

    def handle_endtag(self, tag):
        for reader in self.readers:
            reader.handle_endtag(tag)

    def handle_data(self, data):
        for reader in self.readers:
            reader.handle_data(data)


class _Collector:
    """Reads the input as nh3 will clean it and lists what the policy removes."""

    def __init__(self, site_host: str):
        self.site_host = site_host
        self.removed: list[Removal] = []
        self.hidden_depth = 0  # inside an element removed with its content

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, closes=False)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, closes=True)

    def _start(self, tag, attrs, closes):
        if self.hidden_depth:
            if tag in REMOVED_WITH_CONTENT and not closes:
                self.hidden_depth += 1
            return
        snippet = self.get_starttag_text() or f"<{tag}>"
        if tag not in ALLOWED_TAGS:
            self.removed.append(Removal("tag", tag, snippet=snippet))
            if tag in REMOVED_WITH_CONTENT and not closes:
                self.hidden_depth = 1
            return
        allowed = ATTRIBUTES.get(tag, set()) | ATTRIBUTES["*"]
        for name, value in attrs:
            value = value or ""
            if name not in allowed:
                self.removed.append(Removal("attribute", tag, name, value, snippet))
            elif not _keep(tag, name, value, self.site_host):
                kind = "url" if name in URL_ATTRIBUTES or name == "srcset" else "attribute"
                self.removed.append(Removal(kind, tag, name, value, snippet))

    def handle_endtag(self, tag):
        if self.hidden_depth and tag in REMOVED_WITH_CONTENT:
            self.hidden_depth -= 1

    def handle_data(self, data):
        pass


class _ResourceFinder:
    def __init__(self, site_host: str):
        self.site_host = site_host
        self.found: list[ExternalResource] = []
        self.style_tag: str | None = None  # start tag of the <style> being read

    def handle_starttag(self, tag, attrs):
        snippet = self.get_starttag_text() or f"<{tag}>"
        values = {name: value or "" for name, value in attrs}
        for name in RESOURCE_ATTRIBUTES.get(tag, ()):
            if name not in values:
                continue
            urls = _srcset_urls(values[name]) if name == "srcset" else [values[name]]
            for url in urls:
                self._add(tag, name, url, snippet)
        if tag == "meta" and values.get("http-equiv", "").strip().lower() == "refresh":
            match = META_REFRESH_URL.search(values.get("content", ""))
            if match:
                self._add(tag, "content", match.group(1).strip(), snippet)
        if tag == "iframe" and "srcdoc" in values:
            for resource in external_resources(values["srcdoc"]):
                self._add(tag, "srcdoc", resource.url, snippet)
        if "style" in values:
            for url in _css_urls(values["style"]):
                self._add(tag, "style", url, snippet)
        if tag == "style":
            self.style_tag = snippet

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "style":
            self.style_tag = None

    def handle_data(self, data):
        if self.style_tag:
            for url in _css_urls(data):
                self._add("style", "url()", url, self.style_tag)

    def _add(self, tag, attribute, url, snippet):
        if is_external(url, self.site_host):
            self.found.append(ExternalResource(tag, attribute, url, snippet))


def _css_urls(css: str) -> list[str]:
    return [next(g for g in match.groups() if g is not None) for match in CSS_URL.finditer(css)]
