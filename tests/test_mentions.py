"""Linking the first mention of a unit or award in article HTML, without changing the text."""

from bs4 import BeautifulSoup

from newsroom.site.figures import make_figures
from newsroom.site.htmltree import parse_fragment, serialise
from newsroom.site.mentions import HtmlText

HTML = (
    "<h2>Phòng Tổng hợp</h2>\n"
    "<p>Trao cho <b>phòng</b> Tổng hợp và phòng Quản trị; phòng Quản trị nhận.</p>\n"
    '<p>Xem <a href="/x/">phòng Tổng hợp</a> và phòng Tổng hợp.</p>\n'
    "<figure><img alt='a' src='x.jpg'/><figcaption>Bằng khen cho phòng Tổng hợp</figcaption></figure>"
)


def spans_of(text: HtmlText, needle: str) -> list[tuple[int, int]]:
    found, start = [], text.text.find(needle)
    while start >= 0:
        found.append((start, start + len(needle)))
        start = text.text.find(needle, start + 1)
    return found


def test_text_has_one_paragraph_per_block():
    text = HtmlText(HTML)
    assert text.text.split("\n\n")[0] == "Phòng Tổng hợp"
    assert text.text.split("\n\n")[-1] == "Bằng khen cho phòng Tổng hợp"


def test_first_linkable_mention_is_linked_once_and_text_unchanged():
    text = HtmlText(HTML)
    before = BeautifulSoup(HTML, "html.parser").get_text()
    spans = {"tong-hop": spans_of(text, "phòng Tổng hợp") + spans_of(text, "Phòng Tổng hợp"), "quan-tri": spans_of(text, "phòng Quản trị")}
    assert text.link_first(spans, {"tong-hop": "/don-vi/th/", "quan-tri": "/don-vi/qt/"}) == 2
    html = text.html()
    assert html.count('href="/don-vi/qt/"') == 1 and html.count('href="/don-vi/th/"') == 1
    assert "<h2>Phòng Tổng hợp</h2>" in html, "never inside a heading"
    assert '<a href="/x/">phòng Tổng hợp</a> và <a href="/don-vi/th/">phòng Tổng hợp</a>' in html, "nor inside a link"
    assert BeautifulSoup(text.html(), "html.parser").get_text() == before


def test_overlapping_mentions_are_not_nested():
    text = HtmlText("<p>Bằng khen của Chủ tịch UBND tỉnh.</p>")
    award = spans_of(text, "Bằng khen của Chủ tịch UBND tỉnh")
    unit = spans_of(text, "UBND tỉnh")
    assert text.link_first({"award": award, "unit": unit}, {"award": "/a/", "unit": "/u/"}) == 1
    assert "<a" not in text.html().split("</a>", 1)[0].split("<a", 1)[1]


def test_image_alone_with_title_becomes_a_figure():
    root = parse_fragment('<p><img alt="Ảnh" src="a.jpg" title="Chú thích &lt;b&gt;."></p><p>chữ <img alt="i" src="b.png"> chữ</p>')
    assert make_figures(root)
    html = serialise(root)
    figure, paragraph = BeautifulSoup(html, "html.parser").find_all(["figure", "p"], recursive=False)
    image, caption = figure.contents
    assert (image.name, image.attrs) == ("img", {"alt": "Ảnh", "src": "a.jpg", "loading": "lazy"})
    assert (caption.name, caption.string) == ("figcaption", "Chú thích <b>.")
    assert [child.name for child in paragraph.children] == [None, "img", None], "a photo within words stays"
