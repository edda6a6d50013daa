"""The reading text of an article's HTML, mapped back to its text nodes.

Recognition runs on plain text; readers get links in HTML. HtmlText keeps,
for every character of the text, the text node it came from, so the first
mention of a unit or award can become a link without changing a letter.

In lxml a text node is an element's `text` (before its first child) or its
`tail` (after its end tag, inside its parent): here (element, "text" | "tail").
"""

from __future__ import annotations

import bisect

from lxml.html import HtmlElement

from newsroom.site.htmltree import new_element, parse_fragment, serialise

BLOCKS = {
    "p", "li", "figcaption", "figure", "blockquote", "td", "th", "dd", "dt", "div", "pre",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "tr", "section", "article",
}
NO_LINKS_INSIDE = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "button", "label"}
NOT_READ = {"script", "style"}
WHITESPACE_KEPT_IN = {"p", "li", "figcaption", "td", "th"}
PARAGRAPH_BREAK = "\n\n"

TextNode = tuple[HtmlElement, str]


def _holder(node: TextNode) -> HtmlElement:
    """The element the text is inside of."""
    element, where = node
    return element if where == "text" else element.getparent()


def _block_of(element: HtmlElement, root: HtmlElement) -> HtmlElement | None:
    while element is not None and element is not root:
        if element.tag in BLOCKS:
            return element
        element = element.getparent()
    return None


def _text_nodes(root: HtmlElement):
    """Every text node in document order, with the elements where a line break starts a new paragraph."""
    for event, element in _walk(root):
        if event == "start":
            if element.tag == "br":
                yield element, None
            if element.text and element.tag not in NOT_READ:
                yield element, "text"
        elif element.tail and element is not root and element.getparent().tag not in NOT_READ:
            yield element, "tail"


def _walk(root: HtmlElement):
    """Start and end of every element; a comment only ends (lxml's iterwalk skips comments, whose tail is text)."""
    stack = [(root, iter(root))]
    yield "start", root
    while stack:
        element, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            yield "end", element
        elif isinstance(child.tag, str):
            yield "start", child
            stack.append((child, iter(child)))
        else:  # a comment or processing instruction: only its tail is text
            yield "end", child


class HtmlText:
    """Built from HTML or from a tree already parsed (the analysis parses each article once)."""

    def __init__(self, html: str | HtmlElement):
        self.root = parse_fragment(html) if isinstance(html, str) else html
        self._starts: list[int] = []
        self._nodes: list[TextNode] = []
        parts: list[str] = []
        position = 0
        last_block = None
        for element, where in _text_nodes(self.root):
            if where is None:  # a <br>: the lines it separates are read as paragraphs of their own
                last_block = element
                continue
            node = (element, where)
            text = getattr(element, where)
            holder = _holder(node)
            block = _block_of(holder, self.root)
            if not text.strip() and (block is None or holder is block and block.tag not in WHITESPACE_KEPT_IN):
                continue  # layout whitespace between blocks carries no words
            if parts and block is not last_block:
                parts.append(PARAGRAPH_BREAK)
                position += len(PARAGRAPH_BREAK)
            last_block = block
            self._starts.append(position)
            self._nodes.append(node)
            parts.append(text)
            position += len(text)
        self.text = "".join(parts)

    def _locate(self, start: int, end: int) -> int | None:
        """Index of the one text node holding text[start:end], if a link may go there."""
        index = bisect.bisect_right(self._starts, start) - 1
        if index < 0:
            return None
        element, where = node = self._nodes[index]
        if end - self._starts[index] > len(getattr(element, where) or ""):
            return None
        holder = _holder(node)
        while holder is not None and holder is not self.root:
            if holder.tag in NO_LINKS_INSIDE:
                return None
            holder = holder.getparent()
        return index

    def can_link(self, start: int, end: int) -> bool:
        return self._locate(start, end) is not None

    def link(self, start: int, end: int, href: str, title: str | None = None) -> bool:
        """Wrap text[start:end] in <a href>; False where it spans nodes or sits in a link or heading.

        Call in decreasing order of `start` when linking several spans.
        """
        index = self._locate(start, end)
        if index is None:
            return False
        element, where = self._nodes[index]
        offset = start - self._starts[index]
        text = getattr(element, where)
        before, inside, after = text[:offset], text[offset : offset + end - start], text[offset + end - start :]
        anchor = new_element("a", href=href, **({"title": title} if title else {}))
        anchor.text, anchor.tail = inside, after or None
        setattr(element, where, before or None)
        if where == "text":
            element.insert(0, anchor)
        else:
            element.addnext(anchor)  # after the element's (now shortened) tail
        return True

    def link_first(self, spans: dict[str, list[tuple[int, int]]], hrefs: dict[str, str]) -> int:
        """Link, for each key, its first linkable span that overlaps no other chosen span; returns how many."""
        chosen: list[tuple[int, int, str]] = []
        for key, candidates in spans.items():
            for start, end in sorted(candidates):
                if self.can_link(start, end) and not any(s < end and start < e for s, e, _ in chosen):
                    chosen.append((start, end, key))
                    break
        for start, end, key in sorted(chosen, reverse=True):
            self.link(start, end, hrefs[key])
        return len(chosen)

    def html(self) -> str:
        return serialise(self.root)
