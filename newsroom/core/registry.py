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
from pathlib import Path

from newsroom.core.registry_entries import (  # noqa: F401  (the registry's vocabulary, imported from here by most callers)
    AWARD_FIELDS, AWARD_KINDS, DEFAULT_PRECEDENCE, KIND_LABELS, KIND_ORDER, RECIPIENT_KINDS, SLUG, UNIT_FIELDS,
    UNIT_KIND_LABELS, Award, RegistryError, Unit, award_keys, unit_keys,
)
from newsroom.core.registry_loader import load_registry
from newsroom.core.text import normalise


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
