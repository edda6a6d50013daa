"""An article body parsed once and written back: the same page for a reader, whatever the body holds."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from newsroom.site.htmltree import depth, new_element, parse_fragment, serialise


@pytest.mark.parametrize("html", [
    "", "   ", "\n", "chỉ có chữ", "chữ trước <b>đậm</b> chữ sau",
    "<p>a</p>\n<p>b &amp; c &lt;d&gt; e</p>",
    '<p><a href="/x/?a=1&amp;b=2" title="nói &quot;có&quot; &lt;b&gt;">liên kết</a></p>',
    "<ul>\n<li>một</li>\n<li>hai</li>\n</ul>",
    "<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>",
    "<figure><img alt=\"ảnh\" src=\"a.jpg\"><figcaption>Chú thích</figcaption></figure>",
    "<p>dòng một<br>dòng hai</p>",
    "<pre><code>x &lt; y</code></pre>",
    "<p>\u00a0khoảng trắng cứng\u00a0</p>",
])
def test_written_back_as_a_browser_reads_it(html):
    written = serialise(parse_fragment(html))
    assert BeautifulSoup(written, "html.parser").get_text() == BeautifulSoup(html, "html.parser").get_text()
    assert [(t.name, t.attrs) for t in BeautifulSoup(written, "html.parser").find_all(True)] == \
        [(t.name, t.attrs) for t in BeautifulSoup(html, "html.parser").find_all(True)]


def test_addresses_keep_their_meaning():
    written = serialise(parse_fragment('<p><a href="{static}/tệp tin/a.pdf">tệp</a> <img src="{static}/ảnh 1.jpg" alt=""></p>'))
    soup = BeautifulSoup(written, "html.parser")
    # Written percent-encoded: the same address for browsers and for Pelican's {static} links.
    assert soup.a["href"] == "{static}/t%E1%BB%87p%20tin/a.pdf"
    assert soup.img["src"] == "{static}/%E1%BA%A3nh%201.jpg"


def test_html5_void_elements_have_no_end_tag():
    root = parse_fragment("<p>x</p>")
    picture = new_element("picture")
    picture.append(new_element("source", type="image/webp", srcset="a.webp 480w"))
    picture.append(new_element("img", src="a.jpg", alt=""))
    root.append(picture)
    written = serialise(root)
    assert "</source>" not in written and "</img>" not in written
    assert '<picture><source type="image/webp" srcset="a.webp 480w"><img src="a.jpg" alt=""></picture>' in written


@pytest.mark.parametrize("html", ["\x0b", "\x0c", " \x1f ", "\x1c\n", "\x00", "a\x00b", "<p>\x0b</p>"])
def test_control_characters_never_raise(html):
    written = serialise(parse_fragment(html))  # (lxml refuses them in text it is handed: a ValueError)
    assert serialise(parse_fragment(written)) == written
    assert "\x00" not in written


def test_a_link_beside_a_control_character():
    from newsroom.site.mentions import HtmlText

    for html in ("<p>Ngày 5/1,\x0bTrung đoàn 1 được tặng</p>", "\x01<p>Trung đoàn 1 được tặng</p>"):
        text = HtmlText(html)
        start = text.text.index("Trung đoàn 1")
        assert text.link_first({"unit": [(start, start + len("Trung đoàn 1"))]}, {"unit": "/don-vi/td1/"}) == 1
        assert '<a href="/don-vi/td1/">Trung đoàn 1</a>' in text.html()


def test_nothing_deep_or_long_is_dropped():
    deep = "<div>" * 300 + "Trung đoàn 1" + "</div>" * 300
    root = parse_fragment(deep)
    assert depth(root) == 300 and "Trung đoàn 1" in serialise(root)
    long = "<p>" + "chữ " * 3_000_000 + "</p>"  # one text of 12 M characters
    assert len(serialise(parse_fragment(long))) == len(long)
