"""Article bodies pass an allowlist: nothing an editor writes becomes script or a request to another host."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from newsroom.site.sanitise import ALLOWED_TAGS, body_problems, external_resources, sanitise

ROOT = Path(__file__).resolve().parent.parent
SITE = "https://tintuc.example.gov.vn"
PELICAN_REWRITES = re.compile(r"[{|].*?[|}]")  # Pelican's INTRASITE_LINK_REGEX, at the start of a value


def project_markdown() -> markdown.Markdown:
    """Python-Markdown configured as pelicanconf.py configures Pelican."""
    namespace: dict = {}
    exec((ROOT / "pelicanconf.py").read_text(encoding="utf-8"), namespace)
    config = namespace["MARKDOWN"]
    return markdown.Markdown(
        extensions=list(config["extension_configs"]),
        extension_configs=config["extension_configs"],
        output_format=config.get("output_format", "html5"),
    )


def render(text: str) -> str:
    return project_markdown().convert(text)


def clean(text: str) -> str:
    return sanitise(render(text), SITE).html


def url_values(soup):
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            values = value if isinstance(value, list) else [value]
            for item in values:
                yield tag, name, item


def browser_url(value: str) -> str:
    """A URL as a browser reads its scheme: C0 and spaces trimmed, tabs and newlines dropped, lower case."""
    return re.sub(r"[\t\n\r]", "", value.strip("".join(map(chr, range(0x21))))).lower()


def assert_harmless(html: str) -> None:
    soup = BeautifulSoup(html, "html.parser")
    names = {tag.name for tag in soup.find_all(True)}
    assert names <= ALLOWED_TAGS, names - ALLOWED_TAGS
    for tag, name, value in url_values(soup):
        assert not name.lower().startswith("on"), (tag.name, name)
        seen = browser_url(value)
        for scheme in ("javascript:", "vbscript:", "data:"):
            assert not seen.startswith(scheme), (tag.name, name, value)
        if name in ("href", "src", "cite") and PELICAN_REWRITES.match(value):
            # Pelican replaces the prefix by a path and keeps what follows: no scheme, no host may follow.
            rest = browser_url(PELICAN_REWRITES.sub("", value, count=1)).replace("\\", "/")
            assert not re.match(r"[a-z][a-z0-9+.-]*:", rest) and not rest.startswith("//"), (tag.name, name, value)
        if name == "style":
            assert "url(" not in seen and "expression" not in seen, value
        if tag.name == "img" and name in ("src", "srcset"):
            for candidate in (value.split(",") if name == "srcset" else [value]):
                url = browser_url(candidate.split()[0] if candidate.split() else "").replace("\\", "/")
                on_site = url.startswith(SITE) or not (url.startswith("//") or re.match(r"[a-z][a-z0-9+.-]*:", url))
                assert on_site, (name, value)
    assert "<script" not in html.lower()
    assert external_resources(html, SITE) == []


# --- what editors need survives ---------------------------------------------------------------------------------

def test_editor_markdown_is_kept():
    text = (
        "## Kết quả\n\nĐoạn *nghiêng*, **đậm**, `mã`.\n\n- một\n- hai\n\n1. ba\n\n"
        "> Trích dẫn.\n\n| Cột | Số |\n|:--|--:|\n| a | 1 |\n\n"
        "[Cổng](https://chinhphu.vn) [thư](mailto:vp@example.gov.vn) [bài]({filename}/articles/a.md) [mục](/don-vi/)\n\n"
        '![Ảnh]({static}/images/2026/02/a.jpg "Chú thích.")\n\nChú thích[^1].\n\n[^1]: Ghi chú.\n'
    )
    result = sanitise(render(text), SITE)
    assert result.removed == []
    soup = BeautifulSoup(result.html, "html.parser")
    assert soup.h2.text == "Kết quả" and soup.em and soup.strong and soup.code and soup.blockquote
    assert [a["href"] for a in soup.find_all("a")][:4] == [
        "https://chinhphu.vn", "mailto:vp@example.gov.vn", "{filename}/articles/a.md", "/don-vi/"]
    assert soup.img["src"] == "{static}/images/2026/02/a.jpg" and soup.img["title"] == "Chú thích."
    assert soup.find("td", style="text-align: left;") is not None
    assert soup.find("div", class_="footnote") and soup.find("a", class_="footnote-ref")


def test_our_figures_and_first_mention_links_are_kept():
    figure = (
        '<figure><img alt="Hội nghị" src="/images/2026/02/a.jpg" loading="lazy" decoding="async" width="800" '
        'height="600" srcset="/images/a-400.jpg 400w, /images/a-800.jpg 800w" sizes="(max-width: 600px) 100vw, 800px">'
        '<figcaption>Quang cảnh hội nghị.</figcaption></figure>'
        f'<p>Đồng chí dự họp tại <a href="{SITE}/don-vi/so-y-te/" title="Sở Y tế">Sở Y tế</a>.</p>'
    )
    result = sanitise(figure, SITE)
    assert result.removed == []
    assert BeautifulSoup(result.html, "html.parser") == BeautifulSoup(figure, "html.parser")


def test_site_images_by_absolute_address_are_kept_other_hosts_are_not():
    kept = sanitise(f'<img alt="a" src="{SITE}/images/a.jpg">', SITE)
    assert 'src="https://tintuc.example.gov.vn/images/a.jpg"' in kept.html and kept.removed == []
    dropped = sanitise('<img alt="a" src="https://cdn.example.com/a.jpg">', SITE)
    assert "cdn.example.com" not in dropped.html
    assert [(r.kind, r.attribute) for r in dropped.removed] == [("url", "src")]


# --- the reproductions of issue 9, item 1 ----------------------------------------------------------------------

REPRODUCTIONS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "Đoạn văn.\n{: onclick=\"alert(1)\" }",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<iframe src="https://evil.example/"></iframe>',
    '<img src="https://evil.example/a.png">',
    '<link rel="stylesheet" href="https://evil.example/a.css">',
    '<video src="https://evil.example/a.mp4"></video>',
    '<form action="https://evil.example/"><input name="q"></form>',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "<style>body { background: url(https://evil.example/a.png) }</style>",
    "<!-- x --><script>alert(1)</script>",
]


@pytest.mark.parametrize("fragment", REPRODUCTIONS)
def test_reproductions_are_removed_and_reported(fragment):
    html = render(f"Mở đầu.\n\n{fragment}\n\nKết thúc.\n")
    result = sanitise(html, SITE)
    assert_harmless(result.html)
    assert "Mở đầu." in result.html and "Kết thúc." in result.html
    assert result.removed or external_resources(html, SITE), fragment


@pytest.mark.parametrize("fragment, host", [
    ('<iframe src="https://evil.example/"></iframe>', "evil.example"),
    ('<img src="//evil.example/a.png">', "evil.example"),
    ('<img src="\\\\evil.example/a.png">', "evil.example"),
    ('<img src="http:evil.example/a.png">', "evil.example"),
    ('<video poster="https://evil.example/p.jpg"></video>', "evil.example"),
    ('<source srcset="/a.jpg 1x, https://evil.example/b.jpg 2x">', "evil.example"),
    ('<p style="background:url(\'https://evil.example/a.png\')">x</p>', "evil.example"),
    ("<style>@import 'https://evil.example/a.css';</style>", "evil.example"),
    ('<form action="https://evil.example/post"></form>', "evil.example"),
    ('<meta http-equiv="refresh" content="0; URL=https://evil.example/">', "evil.example"),
])
def test_external_resources_are_found(fragment, host):
    found = external_resources(fragment, SITE)
    assert found and host in found[0].url


def test_links_to_other_hosts_are_not_resources():
    assert external_resources('<a href="https://chinhphu.vn/">Cổng</a><img src="/images/a.jpg">', SITE) == []
    assert external_resources(f'<img src="{SITE}/images/a.jpg">', SITE) == []


def test_problems_name_the_markdown_line():
    source = (
        "Đoạn một.\n"                                   # line 5 of the file
        "\n"
        "<img src=\"/images/a.jpg\" onerror=\"alert(1)\">\n"
        "\n"
        "[Bấm](javascript:alert(1))\n"
        "\n"
        "![Ảnh ngoài](https://evil.example/a.png)\n"
        "\n"
        "<script>alert(2)</script>\n"
    )
    path = Path("content/articles/2026/02/a.md")
    html, problems = body_problems(path, source, render(source), SITE, first_line=5)
    assert_harmless(html)
    seen = [(p.line, p.severity.value, p.english.split(" ")[0]) for p in problems]
    assert seen == [(7, "warning", "removed"), (9, "warning", "removed"), (11, "error", "resource"), (13, "warning", "removed")]
    assert all(str(p).startswith(f"{path}:") for p in problems)
    assert "onerror" in problems[0].english and "javascript:" in problems[1].english


def test_same_tag_twice_points_at_each_line():
    source = "a\n\n<script>x</script>\n\nb\n\n<script>y</script>\n"
    _html, problems = body_problems(Path("a.md"), source, render(source))
    assert [p.line for p in problems] == [3, 7]


# --- property: a grammar of hostile fragments -------------------------------------------------------------------

SCRIPT_SCHEMES = [
    "javascript:", "JaVaScRiPt:", "&#106;avascript:", "&#x6A;avascript:", "&#0000106;avascript:", "&#x6a&#x61vascript:",
    "java\tscript:", "java&#9;script:", "java&Tab;script:", "java&NewLine;script:", "java&#x0A;script:",
    " javascript:", "&#1;javascript:", "\x01javascript:", "javascript&colon;", "vbscript:", "data:text/html,",
    "DATA:text/html;base64,", "data:image/svg+xml,", " &#100;ata:",
    "{index}javascript:x?%0a", "{tag}javascript:", "|filename|javascript:", "{static}javascript:", "&#123;index}javascript:",
]
HOSTS = [
    "https://evil.example/", "//evil.example/", "\\\\evil.example/", "/\\evil.example/", "http:evil.example/",
    "HTTPS://EVIL.EXAMPLE/", "https://user@evil.example/", "ht&#116;ps://evil.example/", " https://evil.example/",
    "{static}//evil.example/", "{attach}https://evil.example/", "|static|\\\\evil.example/",
]
PAYLOADS = ["alert(1)", "x.png", "%3Cscript%3E", "document.cookie"]
TAGS = ["script", "ScRiPt", "img", "svg", "iframe", "link", "video", "audio", "source", "form", "base", "meta",
        "style", "object", "embed", "a", "math", "template", "noscript", "textarea", "input", "body", "p", "td"]
ATTRIBUTES = ["onerror", "onload", "OnClick", "onmouseover", "src", "href", "srcset", "action", "formaction",
              "poster", "background", "data", "style", "content", "http-equiv", "xlink:href"]


@st.composite
def urls(draw):
    payload = draw(st.sampled_from(PAYLOADS))
    if draw(st.booleans()):
        return draw(st.sampled_from(SCRIPT_SCHEMES)) + payload
    return draw(st.sampled_from(HOSTS)) + payload


@st.composite
def attribute_values(draw):
    return draw(st.one_of(
        urls(),
        st.sampled_from(["alert(1)", "background:url(//evil.example/a.png)", "refresh", "0;url=https://evil.example/"]),
        urls().map(lambda u: f"background-image: url({u})"),
    ))


@st.composite
def html_fragments(draw):
    tag = draw(st.sampled_from(TAGS))
    attributes = draw(st.lists(st.tuples(st.sampled_from(ATTRIBUTES), attribute_values()), max_size=3))
    quote = draw(st.sampled_from(['"', "'", ""]))
    written = "".join(
        f" {name}={quote}{value if quote else value.replace(' ', '')}{quote}" for name, value in attributes)
    separator = draw(st.sampled_from([" ", "/", "\n"]))
    start = f"<{tag}{separator if written else ''}{written.lstrip()}>"
    inner = draw(st.sampled_from(["", "alert(1)", "<script>alert(1)</script>", "chữ"]))
    close = draw(st.sampled_from([f"</{tag}>", "", f"</{tag.upper()}>"]))
    return draw(st.sampled_from(["{}", "<!-- x -->{}", "<!--{}-->", "<![CDATA[{}]]>"])).format(start + inner + close)


@st.composite
def markdown_fragments(draw):
    url = draw(urls())
    alt = draw(st.sampled_from(["ảnh", "a [b] c", "x](y", ""]))
    return draw(st.sampled_from([
        f"[liên kết]({url})",
        f"![{alt}]({url})",
        f'![{alt}]({url} "Chú thích")',
        f"![{alt}][ref]\n\n[ref]: {url}",
        f"[liên kết][ref]\n\n[ref]: <{url}>",
        f"<{url}>",
        f"Đoạn văn.\n{{: onclick=\"alert(1)\" style=\"background:url({url})\" }}",
        "## Tiêu đề {: onmouseover=alert(1) }",
    ]))


bodies = st.lists(st.one_of(html_fragments(), markdown_fragments()), min_size=1, max_size=6).map("\n\n".join)


@settings(max_examples=300, deadline=None)
@given(bodies)
def test_no_hostile_fragment_survives(body):
    html = render(body)
    result = sanitise(html, SITE)
    assert_harmless(result.html)
    # Sanitising is stable: what survives passes again unchanged.
    assert sanitise(result.html, SITE).html == result.html


# --- item 10: pure-Markdown external images ----------------------------------------------------------------------

@pytest.mark.parametrize("source, line", [
    ("Mở đầu.\n\n![Ảnh][hinh]\n\n[hinh]: https://evil.example/a.png\n", 5),
    ("Mở đầu.\n\n![Ảnh [có] ngoặc](https://evil.example/a.png)\n", 3),
    ('Mở đầu.\n\n![Ảnh](//evil.example/a.png "Chú thích")\n', 3),
    ("Mở đầu.\n\n![Ảnh][hinh]\n\n[hinh]: <https://evil.example/a.png>\n", 5),
])
def test_markdown_images_from_other_hosts_are_errors_at_their_line(source, line):
    html, problems = body_problems(Path("a.md"), source, render(source), SITE)
    assert [(p.line, p.is_error) for p in problems] == [(line, True)], problems
    assert "evil.example" in problems[0].english and "evil.example" not in html


def test_attribute_lists_are_located_at_their_line():
    source = "Mở đầu.\n\nĐoạn văn.\n{: onclick=\"alert(1)\" }\n"
    html, problems = body_problems(Path("a.md"), source, render(source))
    assert "onclick" not in html
    assert [(p.line, p.severity.value) for p in problems] == [(4, "warning")]


@pytest.mark.parametrize("href", [
    "{index}javascript:x?%0aalert(1)",     # Pelican keeps the scheme: javascript:https://site/index.html?\nalert(1)
    "{tag}javascript:x",
    "&#123;index}javascript:x?%0aalert(1)",
    "{static}//evil.example/a.png",
    "{static}javascript:alert(1)",
    "{author}x",
])
def test_pelican_links_carry_no_scheme_or_host(href):
    result = sanitise(f'<p><a href="{href}">a</a><img src="{href}"></p>', SITE)
    soup = BeautifulSoup(result.html, "html.parser")
    assert not soup.a.has_attr("href") and not soup.img.has_attr("src")
    assert {r.attribute for r in result.removed} == {"href", "src"}


def test_pelican_links_to_files_are_kept():
    html = '<p><a href="{filename}/articles/a.md#muc">a</a><img src="{static}/images/a.jpg"><a href="|attach|b.pdf">b</a></p>'
    assert sanitise(html, SITE).removed == []
