"""The editors' registry of units and awards: content/registry/units.yml and awards.yml.

Both files are YAML lists of mappings. They are validated on load and every
problem names the file and line (from yaml.compose node marks), so an editor
can fix a typo without reading Python. All problems are collected and raised
together in one RegistryError.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


from newsroom.core.text import normalise

AWARD_KINDS = (
    "order",
    "medal",
    "honour_title",
    "prize",
    "emulation_title",
    "emulation_flag",
    "certificate_of_merit",
    "certificate_of_commendation",
    "commemorative_medal",
)
# Plural Vietnamese headings, e.g. for the awards index page.
KIND_LABELS = {
    "order": "Huân chương",
    "medal": "Huy chương",
    "honour_title": "Danh hiệu vinh dự Nhà nước",
    "prize": "Giải thưởng",
    "emulation_title": "Danh hiệu thi đua",
    "emulation_flag": "Cờ thi đua",
    "certificate_of_merit": "Bằng khen",
    "certificate_of_commendation": "Giấy khen",
    "commemorative_medal": "Kỷ niệm chương",
}
# Display order: the law's forms of commendation from the highest down,
# emulation flags and titles beside the certificates they rank with.
KIND_ORDER = (
    "order",
    "medal",
    "honour_title",
    "prize",
    "emulation_flag",
    "emulation_title",
    "certificate_of_merit",
    "certificate_of_commendation",
    "commemorative_medal",
)
UNIT_KIND_LABELS = {
    "party_committee": "Cấp ủy",
    "party_body": "Cơ quan thường trực cấp ủy",
    "party_board": "Ban, cơ quan tham mưu của Tỉnh ủy",
    "party_organisation": "Đảng bộ trực thuộc",
    "people_council": "Hội đồng nhân dân",
    "people_committee": "Ủy ban nhân dân",
    "assembly_delegation": "Đoàn đại biểu Quốc hội",
    "council_board": "Ban của Hội đồng nhân dân",
    "office": "Văn phòng",
    "department": "Sở, ngành",
    "council": "Hội đồng",
    "division": "Phòng",
    "centre": "Trung tâm",
    "agency": "Cơ quan, đơn vị",
    "front": "Mặt trận, đoàn thể",
}
RECIPIENT_KINDS = ("individual", "collective", "household")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
UNIT_FIELDS = {"slug", "name", "kind", "parent", "aliases", "former_names", "description",
               "address", "phone", "email", "functions"}  # the last four: optional contacts shown on the unit's page
AWARD_FIELDS = {"slug", "name", "kind", "grade", "authority", "recipients", "precedence", "aliases", "description"}
DEFAULT_PRECEDENCE = 1000


def problem(vietnamese: str, english: str) -> str:
    return f"lỗi: {vietnamese} / error: {english}"


class RegistryError(Exception):
    """Invalid registry; `.problems` lists every (path, line, message) found."""

    def __init__(self, path, line: int, message: str, problems: list[tuple[Path, int, str]] | None = None):
        self.path, self.line, self.message = Path(path), line, message
        self.problems = problems or [(self.path, line, message)]
        super().__init__("\n".join(f"{p}:{n}: {m}" for p, n, m in self.problems))


@dataclass(frozen=True)
class Unit:
    slug: str
    name: str
    kind: str | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    former_names: tuple[str, ...] = ()
    former_slugs: tuple[str, ...] = ()
    description: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    functions: str = ""
    registered: bool = True  # False: named in an article by its shape only; no page, no slug of its own


@dataclass(frozen=True)
class Award:
    slug: str
    name: str
    kind: str
    grade: str | None = None
    authority: str | None = None
    recipients: tuple[str, ...] = ()
    precedence: int = DEFAULT_PRECEDENCE
    aliases: tuple[str, ...] = ()
    description: str = ""
    registered: bool = True


def award_keys(award: Award) -> set[str]:
    """Normalised names an award is known by; "Bằng khen của X" also as "Bằng khen X"."""
    keys = set()
    for name in (award.name, *award.aliases):
        key = normalise(name)
        keys.add(key)
        if " của " in key:
            keys.add(key.replace(" của ", " ", 1))
    return keys


def unit_keys(unit: Unit) -> set[str]:
    return {normalise(name) for name in (unit.name, *unit.aliases, *unit.former_names)}


class Registry:
    """Units and awards by slug, with lookups by any normalised name."""

    def __init__(self, units: Iterable[Unit] = (), awards: Iterable[Award] = ()):
        self.units: dict[str, Unit] = {unit.slug: unit for unit in units}
        self.awards: dict[str, Award] = {award.slug: award for award in awards}
        self._children: dict[str, list[Unit]] = {}
        self._unit_index: dict[str, list[Unit]] = {}
        self._former_slugs: dict[str, Unit] = {}
        for unit in self.units.values():
            if unit.parent:
                self._children.setdefault(unit.parent, []).append(unit)
            for key in unit_keys(unit):
                self._unit_index.setdefault(key, []).append(unit)
            for slug in unit.former_slugs:
                self._former_slugs[slug] = unit
        self._award_index: dict[str, Award] = {}
        for award in self.awards.values():
            for key in award_keys(award):
                self._award_index.setdefault(key, award)

    @classmethod
    def load(cls, directory: Path) -> Registry:
        from newsroom.core.registry_loader import load_registry

        units, awards = load_registry(Path(directory))
        return cls(units, awards)

    # Structure

    def children(self, slug: str) -> list[Unit]:
        return list(self._children.get(slug, ()))

    def ancestors(self, slug: str) -> list[Unit]:
        """Parent first, up to the root (stops on a cycle rather than looping)."""
        chain: list[Unit] = []
        unit = self.units.get(slug)
        while unit is not None and unit.parent and unit.parent in self.units:
            unit = self.units[unit.parent]
            if unit in chain or unit.slug == slug:
                break
            chain.append(unit)
        return chain

    def unit_by_slug(self, slug: str) -> Unit | None:
        """A unit by its current or former slug (old URLs keep working)."""
        return self.units.get(slug) or self._former_slugs.get(slug)

    # Lookups by name

    def find_units(self, text: str) -> list[Unit]:
        """Every unit named `text` (several offices have a "Phòng Tổng hợp").

        "Phòng Tổng hợp (Văn phòng Tỉnh ủy)" names the parent to pick one.
        """
        text = text.strip()
        by_slug = self.unit_by_slug(text.lower())
        if by_slug is not None:
            return [by_slug]
        qualified = re.fullmatch(r"(.+?)\s*\((.+)\)", text)
        if qualified:
            parents = {unit.slug for unit in self.find_units(qualified[2])}
            return [u for u in self.find_units(qualified[1]) if u.parent in parents]
        return list(self._unit_index.get(normalise(text), ()))

    def names_unit(self, text: str) -> bool:
        """Whether `text` is one of the names of a registered unit (by name only: no slug, no parent in brackets)."""
        return normalise(text) in self._unit_index

    def find_unit(self, text: str) -> Unit | None:
        """The unit named `text`, or None when unknown or ambiguous."""
        units = self.find_units(text)
        return units[0] if len(units) == 1 else None

    def find_award(self, text: str) -> Award | None:
        text = text.strip()
        return self.awards.get(text.lower()) or self._award_index.get(normalise(text))

    def suggest_unit(self, text: str) -> str | None:
        names = {normalise(n): unit.name for unit in self.units.values() for n in (unit.name, *unit.aliases)}
        return _nearest(text, names)

    def suggest_award(self, text: str) -> str | None:
        names = {normalise(n): award.name for award in self.awards.values() for n in (award.name, *award.aliases)}
        return _nearest(text, names)


def _nearest(text: str, names: dict[str, str]) -> str | None:
    # Only for messages (the checker): a linear scan is fine here.
    close = difflib.get_close_matches(normalise(text), list(names), n=1, cutoff=0.75)
    return names[close[0]] if close else None
