"""Feeds say what pages say: an entry's title is the article's title as written, text, never markup.

Pelican strips tags from a title and decodes its entities before handing it
to the feed (`Markup(title).striptags()`): a title written `&lt;/script&gt;`
(shown as those very characters on its page, in JSON-LD and in search)
became `</script>` in every Atom feed, live markup for a reader that shows
titles as HTML. Each entry gets its article's own title back before the feed
is written; the feed writer escapes it as XML text.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def plain_titles(context, feed) -> None:
    titles = {}
    for name in ("articles", "hidden_articles"):
        for article in context.get(name) or ():
            titles["/" + article.url.lstrip("/")] = str(article.title)
    base = urlsplit(context.get("SITEURL") or "").path.rstrip("/")
    for item in feed.items:
        path = urlsplit(item.get("link") or "").path
        path = path[len(base):] if base and path.startswith(base + "/") else path
        if path in titles:
            item["title"] = titles[path]
