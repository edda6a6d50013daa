"""The body `newsroom new` writes for the editor to replace, and the warning while it is still there.

The article builds and shows in the preview at once (an empty body would be an
error and stop the whole preview), `check` warns at the placeholder's line, and
`newsroom publish` refuses while any article still holds it.
"""

from __future__ import annotations

import unicodedata

from newsroom.core.source import MarkdownSource

from newsroom.problems import Problem, warning

PLACEHOLDER = "Thay đoạn này bằng nội dung bài viết."
ENGLISH = "the placeholder text of `newsroom new` is still here; replace it with the article before publishing"


def check_placeholder(source: MarkdownSource) -> list[Problem]:
    problems = []
    for number, line in enumerate(source.text.split("\n"), start=1):
        if PLACEHOLDER in " ".join(unicodedata.normalize("NFC", line).split()):
            problems.append(warning(source.path, number,
                                    f"đoạn giữ chỗ \"{PLACEHOLDER}\" vẫn còn; hãy thay bằng nội dung bài trước khi xuất bản",
                                    ENGLISH))
    return problems


def is_placeholder(problem) -> bool:
    """Whether a warning (a Problem, or its line as an unchanged build remembers it) is the placeholder's."""
    return ENGLISH in str(problem)
