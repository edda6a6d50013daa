"""An article's summary, when the editor wrote none: its first words, as Pelican would cut them.

Pelican cuts the rendered HTML with a parser on every article; the analysis
already holds the reading text, so the same words are taken from it.
"""

from __future__ import annotations

import html
import re
from itertools import islice

WORD = re.compile(r"\w[\w'-]*")  # what Pelican's truncate_html_words counts as a word


def first_words(text: str, max_words: int | None, suffix: str = "…") -> str:
    """The first `max_words` words of `text` (whitespace collapsed), then `suffix` when cut; escaped for HTML."""
    if max_words is not None:
        if max_words <= 0:
            return ""
        words = list(islice(WORD.finditer(text), max_words))
        if len(words) == max_words:  # Pelican cuts (and adds the suffix) as soon as the last word counted ends
            text = text[: words[-1].end()] + (f" {suffix}" if suffix else "")
    return html.escape(" ".join(text.split()), quote=False)
