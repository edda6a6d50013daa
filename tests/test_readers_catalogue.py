"""Honours rolled up: a unit counts its departments' articles and honours; the per-unit roll of a year."""

from __future__ import annotations

from newsroom.core.catalogue import Catalogue
from newsroom.site.related import related_articles
from test_catalogue import REGISTRY, URLS, Recognition, article, build, honour


def test_parent_rolls_up_departments_articles_and_honours():
    catalogue, first, second, _ = build()
    office, department = catalogue.units["van-phong"], catalogue.units["vp-tong-hop"]
    assert office.articles == [first]
    assert office.rolled_up_articles == [second, first]
    assert office.own_article(first) and not office.own_article(second)
    assert office.conferments == []
    assert [c.unit for c in office.rolled_up_conferments] == [department, department]
    assert department.rolled_up_articles == department.articles
    assert department.ancestors == [office] and office.ancestors == []


def test_year_roll_per_unit_counts_recipients_with_departments_under_their_office():
    a = REGISTRY.awards
    pairs = [(article(3), Recognition([], [a["giay-khen"]], [
        honour("giay-khen", "cá nhân", "group", "vp-tong-hop", count=26),
        honour("giay-khen", "Phòng Quản trị", "unit", "vp-quan-tri"),
        honour("giay-khen", "cá nhân", "group", "van-phong", count=3),
        honour("giay-khen", "phòng", "group", "so-y-te"),
    ]))]
    rows = Catalogue.build(REGISTRY, pairs, URLS).unit_roll(2026)
    table = [(row.entry.name, row.depth, len(row.conferments), row.individuals, row.collectives, row.uncounted) for row in rows]
    assert table == [
        ("Sở Y tế", 0, 1, 0, 0, True),
        ("Văn phòng Tỉnh ủy", 0, 3, 29, 1, False),
        ("Phòng Quản trị", 1, 1, 0, 1, False),
        ("Phòng Tổng hợp", 1, 1, 26, 0, False),
    ]
    assert rows[1].own == 1


def test_related_articles_share_units_or_awards_most_shared_first():
    catalogue, first, second, old = build()
    # Each shares one entry with `first`; the nearer in time comes first.
    assert related_articles(first) == [second, old]
    assert related_articles(first, limit=1) == [second]
    assert related_articles(old) == [first], "Bằng khen is shared"
    lonely = article(9)
    lonely.units, lonely.awards = [], []
    assert related_articles(lonely) == []
