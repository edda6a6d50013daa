"""Raw-text articles (as the provincial newspaper sends them) to Markdown articles.

The raw format (see newsroom.core.source.parse_raw): a first line
`date YYYY-MM-DD Title`, paragraphs one per line, photo captions as short
lines between them, the author's name last.

Captions. A block is taken for a photo caption when all of these hold:
  - it is not the first block (the lead is never a caption);
  - it is one sentence: no ". " inside it;
  - it has no ";" (captions do not list);
  - it does not contain the word "đã" (captions are in the present: "trao",
    "phát biểu"; reported facts say "đã trao");
  - it is at most 200 characters;
  - it does not start with a dateline: Sáng/Chiều/Tối/Trưa/Ngày + digits.
This reproduces exactly the figures of the hand-made seed articles
(content/articles/2026/01/). Each caption becomes a figure awaiting its photo:
`![Ảnh: caption](ANH-CHUA-CO.jpg "Caption.")`, which `newsroom check` reports
as a missing photo until an editor puts in the real path.

Time of day. The raw date has no time; the lead says it: "Chiều 21/1, ...".
Sáng 08:00, Trưa 11:30, Chiều 14:00, Tối 19:30, otherwise 08:00, at +07:00.

Paragraphs are kept as written; only characters Markdown would take for
markup (`*`, `_`, `[`, a leading "1. " ...) are escaped, so the page shows
them as written. Text is stored composed (NFC).
"""

from __future__ import annotations

import re
import unicodedata

from newsroom.core.source import RawArticle

# A photo not supplied yet: `newsroom check` refuses it until replaced by the real path.
PLACEHOLDER = "ANH-CHUA-CO.jpg"
MAX_CAPTION = 200
TIMES = {"sáng": "08:00", "trưa": "11:30", "chiều": "14:00", "tối": "19:30"}
DEFAULT_TIME = "08:00"
OFFSET = "+07:00"  # Asia/Ho_Chi_Minh has no daylight saving
# "Chiều 21/1, ...", "Sáng nay (5/2), ...", "Tối ngày 3/2, ...": the time word opens the lead.
LEAD_TIME = re.compile(r"^(?P<word>sáng|trưa|chiều|tối)\s+(?=\d|ngày\b|nay\b|qua\b|hôm\b|mai\b|\()", re.IGNORECASE)
DATELINE = re.compile(r"^(?:sáng|chiều|tối|trưa|ngày)\s+\d", re.IGNORECASE)
WORD_DA = re.compile(r"(?<!\w)đã(?!\w)", re.IGNORECASE)

# Markdown syntax that plain text may contain by chance.
_INLINE = re.compile(r"([\\`*_\[\]])")
_BLOCK_START = re.compile(r"^(?:(?P<marker>[#>+-])|(?P<number>\d+)(?P<dot>[.)])(?=\s|$))")


def is_caption(text: str, index: int) -> bool:
    """True when the block at `index` (0 = the lead) is a photo caption; rule in the module docstring."""
    return (
        index > 0
        and ". " not in text
        and ";" not in text
        and not WORD_DA.search(text)
        and len(text) <= MAX_CAPTION
        and not DATELINE.match(text)
    )


def time_of_day(lead: str) -> str:
    match = LEAD_TIME.match(lead)
    return TIMES[match["word"].lower()] if match else DEFAULT_TIME


def escape_markdown(text: str) -> str:
    """Plain text as Markdown that renders exactly that text."""
    text = _INLINE.sub(r"\\\1", text).replace("<", "&lt;")
    match = _BLOCK_START.match(text)
    if match and match["marker"]:
        text = "\\" + text
    elif match and match["number"]:
        text = f"{match['number']}\\{match['dot']}{text[match.end():]}"
    return text


def _curly_quotes(text: str) -> str:
    """Straight double quotes as Vietnamese print writes them, opening then closing: “…”."""
    parts = text.split('"')
    return "".join(part + ("“" if number % 2 == 0 else "”") for number, part in enumerate(parts[:-1])) + parts[-1]


def figure(caption: str) -> str:
    alt = _INLINE.sub(r"\\\1", f"Ảnh: {caption.rstrip('.').rstrip()}")
    # The caption is the image's quoted title: a straight quote in it would end the title ('") kết thúc' broke it).
    return f'![{alt}]({PLACEHOLDER} "{_curly_quotes(caption)}")'


def to_markdown(article: RawArticle, slug: str | None = None) -> str:
    """The Markdown article for a raw one (the raw article must have a date)."""
    nfc = lambda text: unicodedata.normalize("NFC", text)  # noqa: E731
    blocks = [nfc(block.text) for block in article.blocks]
    time = time_of_day(blocks[0]) if blocks else DEFAULT_TIME
    lines = [
        f"Title: {nfc(article.title)}",
        f"Date: {article.date}T{time}:00{OFFSET}",
        f"Author: {nfc(article.author)}".rstrip(),
    ]
    if slug:
        lines.append(f"Slug: {slug}")
    body = [figure(text) if is_caption(text, index) else escape_markdown(text) for index, text in enumerate(blocks)]
    return "\n".join(lines) + "\n\n" + "\n\n".join(body) + "\n"
