"""An article body as one lxml tree: parsed once, changed in place, written back once.

BeautifulSoup cost a third of an article's analysis (parse, tree changes, writing back);
libxml2 does the same work about ten times faster. The bodies it reads are already
sanitised by nh3, so they are well-formed HTML of a known, small set of elements.
"""

from __future__ import annotations

import re

import lxml.html
from lxml.etree import ParserError, iterwalk

# HTML5 elements libxml2 does not know as void: written with an end tag we remove again.
_VOID_END_TAGS = re.compile(r"></(?:source|track|wbr)>")
# Characters lxml refuses in a text node: the parser keeps some of them, and a link then cut around one
# would fail. `check` reports them in the source; the page gets a space each (offsets hold).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Without huge_tree libxml2 silently drops what lies deeper than 256 elements or in a text over 10 MB;
# with it, nothing is dropped below 2,048 levels, and the analysis refuses bodies nested that deep.
_PARSER = lxml.html.HTMLParser(huge_tree=True)


def parse_fragment(html: str) -> lxml.html.HtmlElement:
    """The body's elements under one <div> (the wrapper is not written back by serialise)."""
    html = _NOT_XML.sub(" ", html)
    if html.strip():
        try:
            return lxml.html.fragment_fromstring(html, create_parent="div", parser=_PARSER)
        except ParserError:  # libxml2 found no document in it
            pass
    wrapper = lxml.html.Element("div")
    wrapper.text = html or None
    return wrapper


def depth(root: lxml.html.HtmlElement) -> int:
    """How many elements deep the tree goes below `root`."""
    deepest = level = 0
    for event, _ in iterwalk(root, events=("start", "end")):
        level += 1 if event == "start" else -1
        deepest = max(deepest, level)
    return deepest - 1


def serialise(root: lxml.html.HtmlElement) -> str:
    """The HTML inside the wrapper made by parse_fragment.

    libxml2 writes href and src percent-encoded where the editor wrote spaces or
    letters beyond ASCII: the same address for browsers and for Pelican's {static} links.
    """
    written = lxml.html.tostring(root, encoding="unicode")
    inner = written[written.index(">") + 1 : written.rindex("<")]
    return _VOID_END_TAGS.sub(">", inner) if "</" in inner else inner


def new_element(tag: str, **attributes: str) -> lxml.html.HtmlElement:
    element = lxml.html.Element(tag)
    for name, value in attributes.items():
        element.set(name, value)
    return element


def replace(old: lxml.html.HtmlElement, new: lxml.html.HtmlElement) -> None:
    """`new` in `old`'s place, the text that followed `old` now following `new`."""
    new.tail, old.tail = old.tail, None
    old.getparent().replace(old, new)
