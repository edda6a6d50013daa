"""Each article's URL, computed once.

Pelican formats `url` and `save_as` from the settings on every access, and
every list, feed and browse page asks again: tens of thousands of calls on a
large site. Its `override_url` holds a value it then returns as is. (Not
`override_save_as`: Pelican would then let the article replace other pages.)
"""

from __future__ import annotations


def fix_urls(generator) -> None:
    for kind in ("articles", "translations", "drafts", "drafts_translations", "pages", "hidden_pages", "draft_pages"):
        for content in getattr(generator, kind, ()):
            content.override_url = content.url
