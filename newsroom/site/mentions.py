"""The reading text of an article's HTML, mapped back to its text nodes.

Recognition runs on plain text; readers get links in HTML. HtmlText keeps,
for every character of the text, the text node it came from, so the first
mention of a unit or award can become a link without changing a letter.
"""

from __future__ import annotations

import bisect

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

BLOCKS = {
    "p", "li", "figcaption", "figure", "blockquote", "td", "th", "dd", "dt", "div", "pre",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "tr", "section", "article",
}
NO_LINKS_INSIDE = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "button", "label"}
NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)
PARAGRAPH_BREAK = "\n\n"


def _block_of(node) -> Tag | None:
    for parent in node.parents:
        if parent.name in BLOCKS:
            return parent
    return None


class HtmlText:
    """Built from HTML or from a tree already parsed (the analysis parses each article once)."""

    def __init__(self, html: str | BeautifulSoup):
        self.soup = html if isinstance(html, BeautifulSoup) else BeautifulSoup(html, "html.parser")
        self._starts: list[int] = []
        self._nodes: list[NavigableString] = []
        parts: list[str] = []
        position = 0
        last_block = None
        for node in self.soup.descendants:
            if isinstance(node, Tag):
                if node.name == "br":  # the lines it separates are read as paragraphs of their own
                    last_block = node
                continue
            if isinstance(node, NOT_TEXT) or node.parent.name in ("script", "style"):
                continue
            block = _block_of(node)
            if not node.strip() and (block is None or node.parent is block and block.name not in ("p", "li", "figcaption", "td", "th")):
                continue  # layout whitespace between blocks carries no words
            if parts and block is not last_block:
                parts.append(PARAGRAPH_BREAK)
                position += len(PARAGRAPH_BREAK)
            last_block = block
            self._starts.append(position)
            self._nodes.append(node)
            parts.append(str(node))
            position += len(node)
        self.text = "".join(parts)

    def _locate(self, start: int, end: int) -> int | None:
        """Index of the one text node holding text[start:end], if a link may go there."""
        index = bisect.bisect_right(self._starts, start) - 1
        if index < 0:
            return None
        node = self._nodes[index]
        if end - self._starts[index] > len(node) or any(p.name in NO_LINKS_INSIDE for p in node.parents):
            return None
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
        node, offset = self._nodes[index], start - self._starts[index]
        text = str(node)
        before, inside, after = text[:offset], text[offset : offset + end - start], text[offset + end - start :]
        anchor = self.soup.new_tag("a", href=href)
        if title:
            anchor["title"] = title
        anchor.string = inside
        pieces = [NavigableString(before)] if before else []
        pieces += [anchor] + ([NavigableString(after)] if after else [])
        node.replace_with(*pieces)
        if before:
            self._nodes[index] = pieces[0]
        else:
            del self._nodes[index], self._starts[index]
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
        return str(self.soup)
