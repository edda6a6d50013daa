"""Plain text of a Markdown body, one paragraph per block, for recognition.

Image titles (`![alt](src "caption")`) are the photo captions of an article:
they become paragraphs of their own, like the caption lines of raw text.
"""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

BLOCKS = ["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "figcaption", "pre", "blockquote"]


def markdown_to_text(source: str) -> str:
    html = markdown.markdown(source or "", extensions=["extra"])
    soup = BeautifulSoup(html, "html.parser")
    for line_break in soup.find_all("br"):
        line_break.replace_with(" ")
    paragraphs: list[str] = []
    for element in soup.find_all(BLOCKS):
        if element.find(BLOCKS):
            continue  # a container: its inner blocks are read on their own
        text = " ".join(element.get_text().split())  # no separator: "<em>hai</em>," stays "hai,"
        if text:
            paragraphs.append(text)
        for image in element.find_all("img"):
            caption = " ".join((image.get("title") or "").split())
            if caption:
                paragraphs.append(caption)
    return "\n\n".join(paragraphs)
