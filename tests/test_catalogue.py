"""The catalogue behind the browse pages, built from recognitions without Pelican."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from types import SimpleNamespace

from conftest import ROOT

from newsroom.core.catalogue import Catalogue
from newsroom.core.registry import Award, Registry, Unit
from newsroom.settings import load_settings, portal

# The page addresses of the project's settings.
URLS = portal(load_settings(ROOT / "pelicanconf.py", {"PATH": str(ROOT / "content")}, for_pelican=False)).addresses.mention_urls

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


def honour(award: str, recipient: str, kind: str, unit: str | None = None, count: int | None = None,
           status: str = "conferred", decision=None):
    return SimpleNamespace(
        award=REGISTRY.awards[award], recipient=recipient, recipient_kind=kind,
        unit=REGISTRY.units[unit] if unit else None, count=count, role=None, authority=None, sentence="",
        status=status, decision=decision,
    )


def build():
    u, a = REGISTRY.units, REGISTRY.awards
    first, second, old = article(21), article(28), article(5, 2025)
    pairs = [
        (first, Recognition([u["van-phong"], u["vp-tong-hop"]], [a["bang-khen"]], [honour("bang-khen", "Phòng Tổng hợp", "unit", "vp-tong-hop")])),
        (second, Recognition([u["vp-tong-hop"]], [a["giay-khen"], a["huan-chuong"]], [
            honour("giay-khen", "cá nhân", "individuals", count=26),
            honour("huan-chuong", "Nguyễn Thị Minh", "person", "vp-tong-hop"),
        ])),
        (old, Recognition([u["so-y-te"]], [a["bang-khen"]], [honour("bang-khen", "cá nhân", "individuals", "so-y-te", 2)])),
    ]
    return Catalogue.build(REGISTRY, pairs, URLS), first, second, old


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
    assert [(line.individuals, line.collectives) for line in roll] == [(1, 0), (0, 1), (26, 0)]
    assert not roll[0].uncounted
    assert [(entry.name, count) for entry, count in catalogue.roll_by_unit(2026)] == [("Phòng Tổng hợp", 2)]
    assert (catalogue.roll(2025)[0].individuals, catalogue.roll(2025)[0].collectives) == (2, 0)


def test_a_group_without_a_number_makes_the_total_a_minimum():
    a = REGISTRY.awards
    pairs = [(article(3), Recognition([], [a["giay-khen"]], [honour("giay-khen", "các phòng", "collectives"), honour("giay-khen", "Phòng Tổng hợp", "unit", "vp-tong-hop")]))]
    line = Catalogue.build(REGISTRY, pairs, URLS).roll(2026)[0]
    assert (line.individuals, line.collectives, line.uncounted) == (0, 1, True)


def test_proposals_are_shown_apart_and_counted_nowhere():
    from newsroom.core.honours import Decision

    u, a = REGISTRY.units, REGISTRY.awards
    decision = Decision("1234/QĐ-UBND", "12/3/2026", "Chủ tịch UBND tỉnh")
    pairs = [(article(4), Recognition([u["so-y-te"]], [a["huan-chuong"]], [
        honour("huan-chuong", "Sở Y tế", "unit", "so-y-te", status="proposed"),
        honour("huan-chuong", "cá nhân", "individuals", count=3, decision=decision),
        honour("huan-chuong", "tập thể", "collectives", count=2, status="posthumous"),
    ]))]
    catalogue = Catalogue.build(REGISTRY, pairs, URLS)
    [line] = catalogue.roll(2026)
    assert (line.individuals, line.collectives) == (3, 2)
    assert [c.recipient for c in line.proposals] == ["Sở Y tế"]
    entry = catalogue.awards["huan-chuong"]
    assert [c.recipient for c in entry.proposals] == ["Sở Y tế"]
    assert all(not c.proposed for c in entry.conferments)
    assert catalogue.units["so-y-te"].conferments == []  # a proposal is no conferment of the unit
    assert catalogue.roll_by_unit(2026) == []
    assert entry.conferments[0].decision.number == "1234/QĐ-UBND"


def test_unregistered_awards_and_units_make_no_entries():
    a = REGISTRY.awards
    school = Unit("truong-thpt-ham-rong", "Trường THPT Hàm Rồng", registered=False)
    order = Award("huan-chuong-bao-ve-to-quoc", "Huân chương Bảo vệ Tổ quốc", "order", registered=False)
    pairs = [(article(6), Recognition([], [a["giay-khen"]], [
        SimpleNamespace(award=a["giay-khen"], recipient=school.name, recipient_kind="unit", unit=school, count=None,
                        role=None, authority=None, sentence="", status="conferred", decision=None),
        SimpleNamespace(award=order, recipient="đồng chí", recipient_kind="individuals", unit=None, count=8,
                        role=None, authority=None, sentence="", status="conferred", decision=None),
    ]))]
    catalogue = Catalogue.build(REGISTRY, pairs, URLS)
    assert "truong-thpt-ham-rong" not in catalogue.units and "huan-chuong-bao-ve-to-quoc" not in catalogue.awards
    [line] = catalogue.roll(2026)
    [conferment] = line.conferments
    assert (conferment.recipient, conferment.unit, line.collectives) == ("Trường THPT Hàm Rồng", None, 1)
