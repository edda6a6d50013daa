"""The portal's own facts (agency, address, phone, email, person responsible) from content/portal.yml.

A state portal shows these on every page (Nghị định 42/2022, Art. 4). Editors
own the file; it is read with PyYAML's safe loader and every problem names the
file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from newsroom.problems import Problem, error, warning

FILE_NAME = "portal.yml"
REQUIRED = ("agency", "address", "phone", "email", "responsible")
OPTIONAL = ("licence",)


@dataclass(frozen=True)
class Portal:
    agency: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    responsible: str = ""
    licence: str = ""

    @property
    def phone_link(self) -> str:
        """tel: with digits and + only, so phones dial what the reader sees."""
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")


def load_portal(content: Path) -> tuple[Portal | None, list[Problem]]:
    """The portal facts, or None and the problems that prevent reading them."""
    path = Path(content) / FILE_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        # A warning, not an error: a new site builds, but its footer names no agency yet.
        return None, [warning(path, 1, "thiếu tệp thông tin cơ quan chủ quản (agency, address, phone, email, responsible)",
                              "missing the portal's owner file (agency, address, phone, email, responsible)")]
    except (OSError, UnicodeDecodeError) as failure:
        return None, [error(path, 1, f"không đọc được tệp ({failure})", f"cannot read the file ({failure})")]
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as failure:
        mark = failure.problem_mark or failure.context_mark
        line = mark.line + 1 if mark else 1
        return None, [error(path, line, f"YAML sai cú pháp: {failure.problem}", f"invalid YAML: {failure.problem}")]
    if not isinstance(root, yaml.MappingNode):
        line = root.start_mark.line + 1 if root is not None else 1
        return None, [error(path, line, "tệp phải gồm các cặp khóa: giá trị", "the file must be key: value lines")]
    values: dict[str, str] = {}
    problems: list[Problem] = []
    for key_node, value_node in root.value:
        key, line = str(key_node.value), key_node.start_mark.line + 1
        if key not in REQUIRED + OPTIONAL:
            known = ", ".join(REQUIRED + OPTIONAL)
            problems.append(error(path, line, f'khóa không hợp lệ "{key}" (dùng: {known})', f'unknown key "{key}" (use: {known})'))
        elif not isinstance(value_node, yaml.ScalarNode):
            problems.append(error(path, line, f'"{key}" phải là một chuỗi', f'"{key}" must be a string'))
        else:
            values[key] = str(value_node.value).strip()
    for key in REQUIRED:
        if not values.get(key):
            problems.append(error(path, 1, f'thiếu "{key}"', f'missing "{key}"'))
    if problems:
        return None, problems
    return Portal(**values), []


def check_portal_file(content: Path) -> list[Problem]:
    """For `newsroom check` and the build's checks."""
    return load_portal(content)[1]
