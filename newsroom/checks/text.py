"""Checks of the article text as typed or pasted: Unicode form, paragraph length, empty body.

Text pasted from some Mac and Word sources is decomposed (NFD): "ệ" is stored
as "e" plus two combining marks. It looks right but search, sorting and the
recognition of names see different letters, so we ask for composed text (NFC)
and `newsroom check --fix` rewrites it.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from newsroom.core.source import MarkdownSource

from newsroom.content.links import COMMENT
from newsroom.problems import Problem, error, warning

from .placeholder import check_placeholder

# Longer than any real paragraph: a whole article pasted without line breaks.
LONG_LINE = 5000


def check_text(source: MarkdownSource) -> list[Problem]:
    problems: list[Problem] = []
    path = source.path
    if not unicodedata.is_normalized("NFC", source.text):
        number = next(
            n for n, line in enumerate(source.text.split("\n"), start=1)
            if not unicodedata.is_normalized("NFC", line)
        )
        problems.append(warning(
            path, number,
            "chữ tiếng Việt ở dạng tổ hợp (NFD), tìm kiếm và nhận diện tên sẽ sai; chạy `newsroom check --fix` để sửa",
            "decomposed Unicode (NFD) breaks search and name recognition; run `newsroom check --fix`",
        ))
    for number, line in enumerate(source.text.split("\n"), start=1):
        if len(line) > LONG_LINE:
            problems.append(warning(
                path, number,
                f"đoạn văn dài {len(line)} ký tự; có thể thiếu dòng trống giữa các đoạn khi dán",
                f"a {len(line)}-character paragraph; blank lines between paragraphs may be missing",
            ))
    if not COMMENT.sub("", source.body).strip():
        problems.append(error(path, source.body_line, "bài viết chưa có nội dung nên chưa đăng được; hãy viết nội dung bên dưới phần thông tin",
                              "the article has no body text, so it cannot be published; write it below the metadata"))
    problems += check_placeholder(source)
    return problems


def fix_nfc(path: Path) -> bool:
    """Rewrite a UTF-8 file in NFC; every other byte (BOM, line ends) stays. True when changed."""
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    fixed = unicodedata.normalize("NFC", text)
    if fixed == text:
        return False
    Path(path).write_bytes(fixed.encode("utf-8"))
    return True
