"""The catalogue behind the browse pages, built from recognitions without Pelican."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from types import SimpleNamespace

from newsroom.core.catalogue import Catalogue
from newsroom.core.registry import Award, Registry, Unit

REGISTRY = Registry(
    units=[
        Unit("van-phong", "Văn phòng Tỉnh ủy", "office"),
        Unit("vp-tong-hop", "Phòng Tổng hợp", "division", parent="van-phong"),
        Unit("vp-quan-tri", "Phòng Quản trị", "division", parent="van-phong"),
        Unit("so-y-te", "Sở Y tế", "department"),
    ],
    awards=[
        Award("huan-chuong", "Huân chương Lao động hạng Ba", "order", precedence=10),
        Award("bang-khen", "Bằng khen của Thủ tướng Chính phủ", "certificate_of_merit", precedence=50),
        Award("giay-khen", "Giấy khen", "certificate_of_commendation", precedence=90),
    ],
)


@dataclass
class Recognition:
    units: list = field(default_factory=list)
    awards: list = field(default_factory=list)
    honours: list = field(default_factory=list)


def article(day: int, year: int = 2026):
    return SimpleNamespace(title=f"Tin {day}", url=f"tin-tuc/{day}/", date=datetime.datetime(year, 1, day))


def honour(award: str, recipient: str, kind: str, unit: str | None = None, count: int | None = None):
    return SimpleNamespace(
        award=REGISTRY.awards[award], recipient=recipient, recipient_kind=kind,
        unit=REGISTRY.units[unit] if unit else None, count=count, role=None, authority=None, sentence="",
    )


def build():
    u, a = REGISTRY.units, REGISTRY.awards
    first, second, old = article(21), article(28), article(5, 2025)
    pairs = [
        (first, Recognition([u["van-phong"], u["vp-tong-hop"]], [a["bang-khen"]], [honour("bang-khen", "Phòng Tổng hợp", "unit", "vp-tong-hop")])),
        (second, Recognition([u["vp-tong-hop"]], [a["giay-khen"], a["huan-chuong"]], [
            honour("giay-khen", "cá nhân", "group", count=26),
            honour("huan-chuong", "Nguyễn Thị Minh", "person", "vp-tong-hop"),
        ])),
        (old, Recognition([u["so-y-te"]], [a["bang-khen"]], [honour("bang-khen", "cá nhân", "group", "so-y-te", 2)])),
    ]
    return Catalogue.build(REGISTRY, pairs), first, second, old


def test_units_carry_their_articles_newest_first_and_honours():
    catalogue, first, second, _ = build()
    department = catalogue.units["vp-tong-hop"]
    assert department.articles == [second, first]
    assert [c.award.name for c in department.conferments] == ["Huân chương Lao động hạng Ba", "Bằng khen của Thủ tướng Chính phủ"]
    assert department.full_name == "Phòng Tổng hợp (Văn phòng Tỉnh ủy)"
    assert first.units[1] is department and first.honours[0].unit is department


def test_tree_holds_listed_units_and_their_ancestors_only():
    catalogue, *_ = build()
    tree = catalogue.unit_tree()
    assert [node.entry.name for node in tree] == ["Sở Y tế", "Văn phòng Tỉnh ủy"]
    office = tree[1]
    assert [child.entry.name for child in office.children] == ["Phòng Tổng hợp"], "Phòng Quản trị has nothing to show"


def test_awards_grouped_by_kind_in_order_of_precedence():
    catalogue, *_ = build()
    groups = catalogue.awards_by_kind(only_conferred=True)
    assert [label for label, _ in groups] == ["Huân chương", "Bằng khen", "Giấy khen"]


def test_year_roll_groups_by_award_with_totals():
    catalogue, *_ = build()
    assert list(catalogue.years) == [2026, 2025]
    roll = catalogue.roll(2026)
    assert [line.award.name for line in roll] == ["Huân chương Lao động hạng Ba", "Bằng khen của Thủ tướng Chính phủ", "Giấy khen"]
    assert [line.recipients for line in roll] == [1, 1, 26]
    assert not roll[0].uncounted
    assert [(entry.name, count) for entry, count in catalogue.roll_by_unit(2026)] == [("Phòng Tổng hợp", 2)]
    assert catalogue.roll(2025)[0].recipients == 2


def test_a_group_without_a_number_makes_the_total_a_minimum():
    u, a = REGISTRY.units, REGISTRY.awards
    pairs = [(article(3), Recognition([], [a["giay-khen"]], [honour("giay-khen", "phòng", "group"), honour("giay-khen", "Phòng Tổng hợp", "unit", "vp-tong-hop")]))]
    line = Catalogue.build(REGISTRY, pairs).roll(2026)[0]
    assert (line.recipients, line.uncounted) == (1, True)
