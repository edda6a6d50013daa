"""Two articles that Pelican would write to the same page, or treat as one.

Same output path: Pelican aborts halfway through writing the site. Same slug
in different months: Pelican takes the second for a translation of the first
and drops it from every list. Both are errors naming every file involved.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from newsroom.addresses import Addresses
from newsroom.content.files import Destination, destination
from newsroom.core.source import MarkdownSource
from newsroom.problems import Problem, error


def check_duplicates(sources: list[MarkdownSource], addresses: Addresses) -> list[Problem]:
    destinations = [d for d in (destination(source, addresses) for source in sources) if d is not None]
    problems = []
    by_output: dict[str, list[Destination]] = defaultdict(list)
    by_slug: dict[tuple, list[Destination]] = defaultdict(list)
    for item in destinations:
        by_output[item.output].append(item)
        by_slug[(item.group, item.slug)].append(item)
    reported: set[Path] = set()
    for output, items in by_output.items():
        for item in items if len(items) > 1 and output else ():
            others = ", ".join(str(o.path) for o in items if o is not item)
            reported.add(item.path)
            problems.append(error(
                item.path, item.line,
                f"trùng địa chỉ trang {output} với {others}; hãy đổi tiêu đề hoặc thêm dòng Slug: khác",
                f"same page address {output} as {others}; change the title or add a different Slug:",
            ))
    for (_, slug), items in by_slug.items():
        for item in items if len(items) > 1 else ():
            if item.path in reported:
                continue
            others = ", ".join(str(o.path) for o in items if o is not item)
            problems.append(error(
                item.path, item.line,
                f'trùng đường dẫn rút gọn "{slug}" với {others}, Pelican sẽ bỏ mất một bài; hãy thêm dòng Slug: khác',
                f'same slug "{slug}" as {others}; Pelican would drop one of them; add a different Slug:',
            ))
    return problems
