"""Reading article sources with line numbers, so every message can name file and line.

Two formats: Markdown articles as Pelican reads them (a metadata block of
`Key: value` lines, then the body), and the raw text the portal's seed
articles came in (`date YYYY-MM-DD Title`, paragraphs, short caption lines,
the author's name last).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from newsroom.problems import error

# Python-Markdown's meta extension: the same patterns decide where metadata ends.
META_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)$")
META_CONTINUATION = re.compile(r"^[ ]{4,}(?P<value>.*)$")
RAW_DATE_LINE = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\s+(?P<title>.+?)\s*$")


class SourceError(ValueError):
    """A source file that cannot be read as text; `problem` says where and why."""

    def __init__(self, path: Path, line: int, vietnamese: str, english: str):
        self.problem = error(path, line, vietnamese, english)
        self.path, self.line = self.problem.path, line
        super().__init__(str(self.problem))


@dataclass
class MetaField:
    key: str  # lower-case, as Pelican sees it
    value: str
    line: int  # 1-based line of the key in the file


@dataclass
class MarkdownSource:
    path: Path
    text: str
    metadata: dict[str, MetaField]
    body: str
    body_line: int  # 1-based line where the body starts
    duplicate_keys: list[MetaField] = field(default_factory=list)

    def get(self, key: str, default: str = "") -> str:
        item = self.metadata.get(key.lower())
        return item.value if item else default


def read_text(path: Path) -> str:
    """The file's text, decoded as UTF-8 (a byte-order mark is dropped), with Unix line ends."""
    return decode_text(path, Path(path).read_bytes())


def decode_text(path: Path, data: bytes) -> str:
    """`read_text` for bytes already read."""
    if b"\x00" in data:
        raise SourceError(path, 1, "tệp nhị phân, không phải văn bản", "binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(path, line, "không phải văn bản UTF-8", "not UTF-8 text") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_markdown(path: Path, text: str | None = None) -> MarkdownSource:
    text = read_text(path) if text is None else text
    lines = text.split("\n")
    metadata: dict[str, MetaField] = {}
    duplicates: list[MetaField] = []
    last: MetaField | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            break
        match = META_LINE.match(line)
        if match:
            last = MetaField(match["key"].lower(), match["value"].strip(), index + 1)
            if last.key in metadata:
                duplicates.append(last)
            else:
                metadata[last.key] = last
        elif last is not None and META_CONTINUATION.match(line):
            last.value = f"{last.value} {line.strip()}".strip()
        else:
            break
        index += 1
    while index < len(lines) and not lines[index].strip():
        index += 1
    body = "\n".join(lines[index:])
    return MarkdownSource(Path(path), text, metadata, body, index + 1, duplicates)


@dataclass
class RawBlock:
    text: str
    line: int


@dataclass
class RawArticle:
    path: Path
    title: str
    date: str  # YYYY-MM-DD, or "" when the file has no date line
    title_line: int
    blocks: list[RawBlock]  # paragraphs and caption lines, in order, without the author
    author: str
    author_line: int

    @property
    def body_text(self) -> str:
        return "\n\n".join(block.text for block in self.blocks)


def parse_raw(path: Path, text: str | None = None) -> RawArticle:
    """Split a raw-text article into title, date, blocks and author.

    Without a `date` line the first line is the title. The author is the last
    block when it is a short name-like line (no final punctuation).
    """
    text = read_text(path) if text is None else text
    blocks = [
        RawBlock(line.strip(), number)
        for number, line in enumerate(text.split("\n"), start=1)
        if line.strip()
    ]
    if not blocks:
        raise SourceError(path, 1, "tệp rỗng", "empty file")
    first = blocks.pop(0)
    match = RAW_DATE_LINE.match(first.text)
    title, date = (match["title"], match["date"]) if match else (first.text, "")
    author, author_line = "", 0
    if blocks and _looks_like_name(blocks[-1].text):
        last = blocks.pop()
        author, author_line = last.text, last.line
    return RawArticle(Path(path), title, date, first.line, blocks, author, author_line)


def _looks_like_name(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 5 and not line.endswith((".", ":", ";", "!", "?", "”", '"'))
