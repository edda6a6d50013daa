"""Related articles: those sharing units or awards, found near the article in each unit's and award's list.

Each unit and award keeps its articles newest first. Looking only at a fixed
window of neighbours in each list keeps the cost linear in the number of
mentions, however large a unit grows; nearby-in-time is what readers want anyway.
"""

from __future__ import annotations

from typing import Any

WINDOW = 12


def related_articles(article: Any, limit: int = 3) -> list[Any]:
    scores: dict[int, list] = {}
    for entry in [*getattr(article, "units", ()), *getattr(article, "awards", ())]:
        articles = entry.articles
        position = _positions(entry).get(id(article))
        if position is None:
            continue
        for neighbour in articles[max(0, position - WINDOW): position + WINDOW + 1]:
            if neighbour is article:
                continue
            score = scores.setdefault(id(neighbour), [0, neighbour])
            score[0] += 1
    date = article.date
    ranked = sorted(scores.values(), key=lambda pair: (-pair[0], abs((pair[1].date - date).total_seconds()), pair[1].title))
    return [neighbour for _, neighbour in ranked[:limit]]


def _positions(entry: Any) -> dict[int, int]:
    """Where each article sits in the entry's list; made once per entry and kept on it."""
    cached = getattr(entry, "_related_positions", None)
    if cached is None or len(cached) != len(entry.articles):
        cached = {id(a): i for i, a in enumerate(entry.articles)}
        entry._related_positions = cached
    return cached
