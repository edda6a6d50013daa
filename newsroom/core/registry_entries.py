"""The registry's entries: what a unit and an award are, their kinds and fields, and the error a bad registry raises.

Declared apart from the Registry (newsroom.core.registry) so that the loader,
which builds entries, and the Registry, which loads them, do not import each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsroom.core.text import normalise
from newsroom.problems import Problem

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


class RegistryError(Exception):
    """Invalid registry; `.problems` lists every problem found, in file and line order."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        self.path, self.line = problems[0].path, problems[0].line
        super().__init__("\n".join(map(str, problems)))


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
