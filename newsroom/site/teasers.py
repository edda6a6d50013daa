"""An article's first photo, small, beside its title in a list of news (the home page).

The photo is the article's own <picture> (its WebP and JPEG derivatives, made
by newsroom/site/photos.py), taken from the published body and told it is shown
small, so phones load the narrowest derivative. Its text alternative is empty:
in a list the title beside it names the news, and a screen reader would
otherwise read each caption again between the titles.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup

# Small beside the title on a phone, a column's share on a desktop (theme/static/css/site.css .news-item__photo).
SIZES = "(max-width: 40rem) 7.5rem, 14rem"
_PICTURE = re.compile(r"<picture\b.*?</picture>", re.DOTALL)
_ATTRIBUTE = {
    "sizes": re.compile(r'\ssizes="[^"]*"'),
    "alt": re.compile(r'\salt="[^"]*"'),
    "loading": re.compile(r'\sloading="[^"]*"'),
    "fetchpriority": re.compile(r'\sfetchpriority="[^"]*"'),
}


@lru_cache(maxsize=4096)  # the home page and its pages show each article once per build
def teaser_photo(html: str) -> Markup:
    """The first photo of an article's published body, as a small decorative <picture>; empty when it has none."""
    found = _PICTURE.search(html or "")
    if found is None:
        return Markup("")
    picture = found[0]
    picture = _ATTRIBUTE["sizes"].sub(f' sizes="{SIZES}"', picture)
    picture = _ATTRIBUTE["alt"].sub(' alt=""', picture)
    picture = _ATTRIBUTE["fetchpriority"].sub("", picture)
    picture = _ATTRIBUTE["loading"].sub(' loading="lazy"', picture)
    return Markup(picture)  # noqa: S704 - our own markup, written by photos.size_images from sanitised bodies
