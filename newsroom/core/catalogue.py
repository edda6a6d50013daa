"""The browsable catalogue: every unit and award with its articles and conferments.

Built once per site in one pass over the articles' recognitions, so index
pages need no search at render time: cost is linear in articles + honours.
Articles are any objects with `date`, `url` and `title` (Pelican's, or test doubles).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from newsroom.core.registry import KIND_LABELS, KIND_ORDER, UNIT_KIND_LABELS, Award, Registry, Unit


@dataclass(eq=False)
class UnitEntry:
    unit: Unit
    url: str
    parent: UnitEntry | None = None
    children: list[UnitEntry] = field(default_factory=list)
    articles: list[Any] = field(default_factory=list)
    conferments: list[Conferment] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.unit.name

    @property
    def slug(self) -> str:
        return self.unit.slug

    @property
    def kind_label(self) -> str:
        return UNIT_KIND_LABELS.get(self.unit.kind or "", "")

    @property
    def full_name(self) -> str:
        """'Phòng Tổng hợp (Văn phòng Tỉnh ủy)': department names repeat across offices."""
        return f"{self.name} ({self.parent.name})" if self.parent and self.unit.kind == "division" else self.name

    @property
    def listed(self) -> bool:
        return bool(self.articles or self.conferments)

    # Roll-up: a unit as readers count it includes its departments (and theirs).

    def descendants(self) -> list[UnitEntry]:
        return self._descendants

    @cached_property
    def _descendants(self) -> list[UnitEntry]:
        found, stack, seen = [], list(self.children), {id(self)}
        while stack:
            entry = stack.pop()
            if id(entry) in seen:  # the registry refuses cycles; this only keeps a bad one from looping
                continue
            seen.add(id(entry))
            found.append(entry)
            stack.extend(entry.children)
        return found

    # Computed once the catalogue is complete, then kept: every page of a unit and of its parent asks again.
    @cached_property
    def rolled_up_articles(self) -> list[Any]:
        """Its own and its departments' articles, each once, newest first."""
        if not self.children:
            return self.articles
        seen: dict[int, Any] = {id(a): a for a in self.articles}
        for entry in self.descendants():
            for article in entry.articles:
                seen.setdefault(id(article), article)
        return sorted(seen.values(), key=lambda a: a.date, reverse=True)

    @cached_property
    def rolled_up_conferments(self) -> list[Conferment]:
        """Honours of the unit, its people and its departments, newest first."""
        found = list(self.conferments)
        for entry in self.descendants():
            found.extend(entry.conferments)
        return sorted(found, key=lambda c: c.date, reverse=True)

    @property
    def ancestors(self) -> list[UnitEntry]:
        """From the root down to its parent, for breadcrumbs."""
        chain: list[UnitEntry] = []
        node = self.parent
        while node is not None and node is not self and node not in chain:
            chain.insert(0, node)
            node = node.parent
        return chain

    def own_article(self, article: Any) -> bool:
        """False for an article listed only because a department is named in it."""
        count, own = self.__dict__.get("_own_ids", (-1, set()))
        if count != len(self.articles):  # made once per unit, not once per listed article
            count, own = self.__dict__["_own_ids"] = (len(self.articles), {id(a) for a in self.articles})
        return id(article) in own


@dataclass(eq=False)
class AwardEntry:
    award: Award
    url: str
    conferments: list[Conferment] = field(default_factory=list)  # conferred or posthumous, never proposals
    articles: list[Any] = field(default_factory=list)
    proposals: list[Conferment] = field(default_factory=list)  # proposed only: shown apart, counted nowhere

    @property
    def name(self) -> str:
        return self.award.name

    @property
    def slug(self) -> str:
        return self.award.slug

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.award.kind, self.award.kind)


@dataclass(eq=False)
class Conferment:
    """One honour as readers see it: an award given (or proposed) to someone, in an article."""

    award: AwardEntry
    recipient: str
    recipient_kind: str  # person | unit | individuals | collectives
    unit: UnitEntry | None
    count: int | None
    role: str | None
    authority: str | None
    sentence: str
    article: Any
    status: str = "conferred"  # conferred | proposed | posthumous
    decision: Any = None  # newsroom.core.honours.Decision: number, date, issuer
    revoked: bool = False  # the article's `Revoked:` names it: shown as revoked, counted nowhere

    @property
    def date(self):
        return self.article.date

    @property
    def year(self) -> int:
        return self.article.date.year

    @property
    def proposed(self) -> bool:
        return self.status == "proposed"

    @property
    def individuals(self) -> int:
        """People honoured: a person is one, a counted group of people its number."""
        if self.revoked:
            return 0
        if self.recipient_kind == "person":
            return 1
        if self.recipient_kind in ("individuals", "group"):
            return self.count or 0
        return 0

    @property
    def collectives(self) -> int:
        """Collectives honoured: a unit is one, a counted group of collectives its number."""
        if self.revoked:
            return 0
        if self.recipient_kind == "unit":
            return 1
        if self.recipient_kind == "collectives":
            return self.count or 0
        return 0

    @property
    def uncounted(self) -> bool:
        """A group the text gives no number for ("các phòng, đơn vị …"): totals are then a minimum."""
        return self.recipient_kind not in ("person", "unit") and not self.count and not self.revoked


class Totals:
    """Totals of `conferments` that never mix individuals with collectives (proposals are never among them)."""

    conferments: list[Conferment]

    @property
    def individuals(self) -> int:
        return sum(c.individuals for c in self.conferments)

    @property
    def collectives(self) -> int:
        return sum(c.collectives for c in self.conferments)

    @property
    def uncounted(self) -> bool:
        """Some conferment names a group without a number ("các phòng"), so the totals are a minimum."""
        return any(c.uncounted for c in self.conferments)


@dataclass
class RollLine(Totals):
    """One award in a year's roll: its conferments, and its proposals apart."""

    award: AwardEntry
    conferments: list[Conferment]
    proposals: list[Conferment] = field(default_factory=list)


@dataclass
class TreeNode:
    entry: UnitEntry
    children: list[TreeNode]


@dataclass
class Catalogue:
    units: dict[str, UnitEntry]
    awards: dict[str, AwardEntry]
    years: dict[int, list[Conferment]]

    @classmethod
    def build(cls, registry: Registry, recognised: Iterable[tuple[Any, Any]], urls: dict[str, str]) -> Catalogue:
        """`recognised` pairs each article with its Recognition (units, awards, honours);
        `urls` holds the URL patterns of a unit's and an award's page ({"unit": …, "award": …}, from the site's addresses)."""
        units = {slug: UnitEntry(unit, urls["unit"].format(slug=slug)) for slug, unit in registry.units.items()}
        for entry in units.values():
            if entry.unit.parent in units:
                entry.parent = units[entry.unit.parent]
                entry.parent.children.append(entry)
        awards = {slug: AwardEntry(award, urls["award"].format(slug=slug)) for slug, award in registry.awards.items()}
        years: dict[int, list[Conferment]] = defaultdict(list)
        for article, recognition in sorted(recognised, key=lambda pair: pair[0].date, reverse=True):
            article.units = [units[u.slug] for u in recognition.units]
            article.awards = [awards[a.slug] for a in recognition.awards]
            article.honours = []
            for unit in article.units:
                unit.articles.append(article)
            for award in article.awards:
                award.articles.append(article)
            for honour in recognition.honours:
                if honour.award.slug not in awards or not getattr(honour.award, "registered", True):
                    continue  # an award the registry lacks has no page; the build names it as a warning
                if getattr(honour, "status", "conferred") == "earlier":
                    continue  # history: an honour received before, not this article's
                if getattr(honour, "uncertain", False):
                    continue  # the text reads two ways: not published until the editor confirms it (Honours: + …)
                unit = honour.unit
                conferment = Conferment(
                    award=awards[honour.award.slug],
                    recipient=honour.recipient,
                    recipient_kind=honour.recipient_kind,
                    unit=units.get(unit.slug) if unit is not None and getattr(unit, "registered", True) else None,
                    count=honour.count,
                    role=honour.role,
                    authority=honour.authority,
                    sentence=honour.sentence,
                    article=article,
                    status=getattr(honour, "status", "conferred"),
                    decision=getattr(honour, "decision", None),
                )
                article.honours.append(conferment)
                if conferment.proposed:
                    conferment.award.proposals.append(conferment)
                else:
                    conferment.award.conferments.append(conferment)
                    if conferment.unit:
                        conferment.unit.conferments.append(conferment)
                years[conferment.year].append(conferment)
        return cls(units, awards, dict(sorted(years.items(), reverse=True)))

    def unit_tree(self) -> list[TreeNode]:
        """The units that have articles or honours, as a tree, with the ancestors that connect them."""
        shown: set[str] = set()
        for entry in self.units.values():
            node: UnitEntry | None = entry if entry.listed else None
            while node and node.slug not in shown:
                shown.add(node.slug)
                node = node.parent

        def grow(entry: UnitEntry) -> TreeNode:
            return TreeNode(entry, [grow(c) for c in sorted(entry.children, key=_by_name) if c.slug in shown])

        roots = [e for e in self.units.values() if e.slug in shown and (e.parent is None or e.parent.slug not in shown)]
        return [grow(e) for e in sorted(roots, key=_by_name)]

    def awards_by_kind(self, only_conferred: bool = False) -> list[tuple[str, list[AwardEntry]]]:
        groups: dict[str, list[AwardEntry]] = defaultdict(list)
        for entry in self.awards.values():
            if entry.conferments or entry.articles or not only_conferred:
                groups[entry.award.kind].append(entry)
        order = {kind: i for i, kind in enumerate(KIND_ORDER)}
        return [
            (KIND_LABELS.get(kind, kind), sorted(entries, key=lambda e: (e.award.precedence, e.name)))
            for kind, entries in sorted(groups.items(), key=lambda item: order.get(item[0], len(order)))
        ]

    def roll(self, year: int) -> list[RollLine]:
        """A year's honours roll: conferments grouped by award, in order of precedence."""
        by_award: dict[str, list[Conferment]] = defaultdict(list)
        for conferment in self.years.get(year, []):
            by_award[conferment.award.slug].append(conferment)
        lines = []
        for slug, items in by_award.items():
            items = sorted(items, key=lambda c: c.date)
            lines.append(RollLine(self.awards[slug], [c for c in items if not c.proposed], [c for c in items if c.proposed]))
        return sorted(lines, key=lambda line: (line.award.award.precedence, line.award.name))

    def roll_by_unit(self, year: int) -> list[tuple[UnitEntry, int]]:
        """Per unit: how many conferments of the year name it (the unit or its people)."""
        counts: dict[str, int] = defaultdict(int)
        for conferment in self.years.get(year, []):
            if conferment.unit and not conferment.proposed:
                counts[conferment.unit.slug] += 1
        return sorted(((self.units[slug], n) for slug, n in counts.items()), key=lambda pair: (-pair[1], pair[0].full_name))

    def unit_roll(self, year: int) -> list[UnitRollRow]:
        return unit_roll(self, year)


@dataclass
class UnitRollRow(Totals):
    """One unit in a year's per-unit table: what it and its departments received."""

    entry: UnitEntry
    depth: int
    conferments: list[Conferment]

    @property
    def own(self) -> int:
        return sum(1 for c in self.conferments if c.unit is self.entry)


def unit_roll(catalogue: Catalogue, year: int) -> list[UnitRollRow]:
    """Per unit, in the order of the unit tree: the year's conferments naming it or any of its departments."""
    direct: dict[int, list[Conferment]] = defaultdict(list)
    for conferment in catalogue.years.get(year, []):
        if conferment.unit and not conferment.proposed:
            direct[id(conferment.unit)].append(conferment)
    rows: list[UnitRollRow] = []

    def visit(entry: UnitEntry, depth: int) -> list[Conferment]:
        row = UnitRollRow(entry, depth, list(direct.get(id(entry), ())))
        position = len(rows)
        rows.append(row)
        for child in sorted(entry.children, key=_by_name):
            row.conferments.extend(visit(child, depth + 1))
        if not row.conferments:
            del rows[position:]
        return row.conferments

    for root in sorted((e for e in catalogue.units.values() if e.parent is None), key=_by_name):
        visit(root, 0)
    return rows


def _by_name(entry: UnitEntry) -> str:
    return entry.name
