"""Article slugs and output paths computed exactly as Pelican will, without importing Pelican.

The checker must predict Pelican's URL for each article (to find two articles
that would be written to the same place) and `newsroom new`/`import` must name
files after the same slug. Pelican's default rule (SLUG_REGEX_SUBSTITUTIONS):
strip tags, NFKC, unidecode, drop [^\\w\\s-], trim, [-\\s]+ -> "-", lower case.
"""

from __future__ import annotations

import re

from newsroom.core.text import slugify  # noqa: F401  (re-exported: new, import and duplicates use it here)

# Kept in step with pelicanconf.py (ARTICLE_SAVE_AS, Pelican's DRAFT_SAVE_AS).
ARTICLE_SAVE_AS = "tin-tuc/{year}/{month}/{slug}/index.html"
DRAFT_SAVE_AS = "drafts/{slug}.html"

# What a Slug: may hold: anything else could leave the output folder or break URLs.
SAFE_SLUG = re.compile(r"^[A-Za-z0-9_-]+$")


def output_path(slug: str, year: int, month: int, status: str = "published") -> str:
    """Where Pelican writes the article, relative to the output folder."""
    if status == "draft":
        return DRAFT_SAVE_AS.format(slug=slug)
    return ARTICLE_SAVE_AS.format(year=f"{year:04d}", month=f"{month:02d}", slug=slug)
