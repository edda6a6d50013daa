"""Addresses the portal owns: no page, article, unit or award may take one, and no article may move itself.

A slug such as "tin-tuc", "don-vi", "pagefind" or "nam-2026" would put a page
on (or under) one of the portal's own addresses: the build would fail or one
page would replace another. `Lang:` other than the site's language makes
Pelican write the article at another address (ARTICLE_LANG_SAVE_AS), as a
translation: the portal chooses addresses, so both are errors at their line.
"""

from __future__ import annotations

import re
from pathlib import Path

from newsroom.addresses import Addresses
from newsroom.content.files import article_slug, page_slug
from newsroom.core.source import MarkdownSource
from newsroom.problems import Problem, error


def reserved_slug_problems(source: MarkdownSource, addresses: Addresses, page: bool) -> list[Problem]:
    problems = []
    slug = page_slug(source) if page else article_slug(source)
    if slug and addresses.reserved(slug):
        field = source.metadata.get("slug") or source.metadata.get("title")
        where_vi, where_en = ("dòng Slug:", "the Slug: line") if "slug" in source.metadata else ("tiêu đề", "the title")
        problems.append(error(
            source.path, field.line if field else 1,
            f'đường dẫn "{slug}" (từ {where_vi}) là địa chỉ dành riêng của cổng; hãy thêm dòng Slug: khác',
            f'the slug "{slug}" (from {where_en}) is an address the portal owns; add a different Slug:',
        ))
    lang = source.metadata.get("lang")
    if lang is not None and lang.value.strip() != addresses.default_lang:
        problems.append(error(
            source.path, lang.line,
            f'"Lang: {lang.value}" sẽ chuyển bài sang địa chỉ khác; cổng chỉ đăng bài tiếng {addresses.default_lang}, hãy xóa dòng này',
            f'"Lang: {lang.value}" would move the article to another address; the portal publishes in '
            f'"{addresses.default_lang}" only, delete this line',
        ))
    return problems


def reserved_registry_problems(registry, folder: Path, addresses: Addresses) -> list[Problem]:
    """Units and awards (and their former slugs) whose page would take an address the portal owns."""
    problems = []
    for file, entries in (("units.yml", registry.units.values()), ("awards.yml", registry.awards.values())):
        path = folder / file
        taken = [slug for entry in entries for slug in (entry.slug, *getattr(entry, "former_slugs", ())) if addresses.reserved(slug)]
        lines = _slug_lines(path) if taken else {}
        for slug in taken:
            problems.append(error(
                path, lines.get(slug, 1),
                f'slug "{slug}" là địa chỉ dành riêng của cổng (trang của nó sẽ trùng trang khác); hãy đặt slug khác',
                f'the slug "{slug}" is an address the portal owns (its page would collide with another); choose another',
            ))
    return problems


_SLUG_LINE = re.compile(r"""^\s*(?:-\s*)?slug:\s*["']?(?P<slug>[a-z0-9-]+)["']?\s*(?:#.*)?$""")


def _slug_lines(path: Path) -> dict[str, int]:
    """The line of each `slug:` in a registry file (the registry keeps no lines; a slug appears once)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    lines: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        match = _SLUG_LINE.match(line)
        if match:
            lines.setdefault(match["slug"], number)
    return lines
