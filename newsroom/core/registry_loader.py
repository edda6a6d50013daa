"""Reading and validating units.yml and awards.yml, with file and line in every problem."""

from __future__ import annotations

import difflib
from pathlib import Path

import yaml

from newsroom.core.registry_entries import (
    AWARD_FIELDS,
    AWARD_KINDS,
    DEFAULT_PRECEDENCE,
    RECIPIENT_KINDS,
    SLUG,
    UNIT_FIELDS,
    UNIT_KIND_LABELS,
    Award,
    RegistryError,
    Unit,
    award_keys,
    unit_keys,
)
from newsroom.problems import Problem, error

# libyaml when the machine has it (the same events and line marks, several times faster), else pure Python.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Problems = list[Problem]
Fields = dict[str, tuple[int, object]]  # key -> (line, value)


def load_registry(directory: Path) -> tuple[list[Unit], list[Award]]:
    units_path, awards_path = directory / "units.yml", directory / "awards.yml"
    problems: Problems = []
    unit_entries = _read_list(units_path, problems)
    award_entries = _read_list(awards_path, problems)
    units = _validate_units(units_path, unit_entries, problems)
    awards = _validate_awards(awards_path, award_entries, problems)
    if problems:
        problems.sort(key=lambda item: (str(item.path), item.line))
        raise RegistryError(problems)
    return units, awards


def _read_list(path: Path, problems: Problems) -> list[tuple[int, Fields]]:
    """A YAML list of mappings as (line, fields); problems are appended."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(error(path, 1, "không tìm thấy tệp", "file not found"))
        return []
    except (UnicodeDecodeError, OSError) as failure:
        problems.append(error(path, 1, f"không đọc được tệp ({failure})", f"cannot read file ({failure})"))
        return []
    refused = _refused_constructs(path, text)
    if refused:
        problems.extend(refused)
        return []
    try:
        root = yaml.compose(text, Loader=SAFE_LOADER)
    except yaml.MarkedYAMLError as failure:
        mark = failure.problem_mark or failure.context_mark
        what = failure.problem or ""
        problems.append(error(path, mark.line + 1 if mark else 1, f"YAML sai cú pháp: {what}", f"invalid YAML: {what}"))
        return []
    except yaml.YAMLError as failure:  # defensive: _refused_constructs reads what the reader refuses
        problems.append(error(path, 1, f"YAML sai cú pháp: {failure}", f"invalid YAML: {failure}"))
        return []
    if root is None or (isinstance(root, yaml.SequenceNode) and not root.value):
        # An empty file would silently remove every unit or award page.
        line = 1 if root is None else root.start_mark.line + 1
        problems.append(error(path, line,
            "tệp không có mục nào; mỗi mục bắt đầu bằng \"- \"", 'the file has no entries; each entry starts with "- "'))
        return []
    if not isinstance(root, yaml.SequenceNode):
        problems.append(error(path, root.start_mark.line + 1,
            'tệp phải là một danh sách, mỗi mục bắt đầu bằng "- "', 'the file must be a list, each entry starting with "- "'))
        return []
    constructor = SAFE_LOADER("")
    entries = []
    for node in root.value:
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode):
            problems.append(error(path, line, "mỗi mục phải là các cặp khóa: giá trị", "each entry must be a key: value mapping"))
            continue
        fields: Fields = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(error(path, key_line, "khóa phải là một từ, ví dụ name:", "a key must be a word, e.g. name:"))
                continue
            key = key_node.value
            if key in fields:
                problems.append(error(path, key_line, f'khóa trùng "{key}"', f'duplicate key "{key}"'))
                continue
            fields[key] = (key_line, constructor.construct_object(value_node, deep=True))
        entries.append((line, fields))
    constructor.dispose()
    return entries


MAX_DEPTH = 8  # list > entry > former_names > {name, slug} is 4; deeper is a mistake or an attack


def _refused_constructs(path: Path, text: str) -> Problems:
    """YAML features a registry never needs, found before anything is built from them.

    Anchors and aliases let a few hundred bytes expand to gigabytes, and tags
    (!!python/..., !foo) choose what gets constructed: all refused, each at its
    line. So are control characters and absurd nesting. Reading events only
    (yaml.parse) keeps memory proportional to the file.
    """
    found: Problems = []
    for line_number, line in enumerate(text.split("\n"), 1):  # YAML counts lines by \n, as this does
        bad = next((c for c in line if _is_control(c)), None)
        if bad is not None:
            code = f"U+{ord(bad):04X}"
            found.append(error(path, line_number,
                f"ký tự điều khiển {code} không được phép; hãy xóa nó", f"control character {code} is not allowed; delete it"))
    if found:
        return found
    depth = 0
    try:
        for event in yaml.parse(text, Loader=SAFE_LOADER):
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent):
                found.append(error(path, line,
                    f"không dùng bí danh YAML (*{event.anchor}); hãy viết đầy đủ giá trị",
                    f"YAML aliases (*{event.anchor}) are not allowed; write the value out"))
            elif isinstance(event, yaml.NodeEvent):
                if event.anchor is not None:
                    found.append(error(path, line,
                        f"không dùng neo YAML (&{event.anchor})", f"YAML anchors (&{event.anchor}) are not allowed"))
                if getattr(event, "tag", None) is not None:
                    found.append(error(path, line,
                        f'không dùng thẻ YAML ({event.tag}); giá trị là chữ thì đặt trong ngoặc kép',
                        f'YAML tags ({event.tag}) are not allowed; put text in double quotes'))
                if isinstance(event, yaml.ScalarEvent) and any(_is_control(c) for c in event.value if c not in "\n"):
                    found.append(error(path, line, "ký tự điều khiển không được phép", "control characters are not allowed"))
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    found.append(error(path, line,
                        f"lồng nhau quá sâu (hơn {MAX_DEPTH} cấp)", f"nested too deeply (more than {MAX_DEPTH} levels)"))
                    break
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if len(found) >= 20:
                break
    except yaml.MarkedYAMLError:
        return found  # syntax errors are reported by compose, with their own message
    except yaml.YAMLError as failure:
        return found + [error(path, 1, f"YAML sai cú pháp: {failure}", f"invalid YAML: {failure}")]
    return found


def _is_control(character: str) -> bool:
    return (ord(character) < 0x20 and character not in "\t\r\n") or 0x7F <= ord(character) <= 0x9F


class _Entry:
    """Typed access to one entry's fields; type problems are recorded, not raised."""

    def __init__(self, path: Path, line: int, fields: Fields, allowed: set[str], problems: Problems):
        self.path, self.line, self.fields, self.problems = path, line, fields, problems
        for key, (key_line, _value) in fields.items():
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                self.report(key_line, f'khóa không hợp lệ "{key}" (dùng: {known})', f'unknown key "{key}" (use: {known})')

    def report(self, line: int, vietnamese: str, english: str) -> None:
        self.problems.append(error(self.path, line, vietnamese, english))

    def line_of(self, key: str) -> int:
        return self.fields[key][0] if key in self.fields else self.line

    def text(self, key: str, required: bool = False) -> str | None:
        if key not in self.fields or self.fields[key][1] is None:
            if required:
                self.report(self.line, f'thiếu "{key}"', f'missing "{key}"')
            return None
        line, value = self.fields[key]
        if not isinstance(value, str):
            # `name: yes` is a boolean to YAML and `name: 2020` a number; neither is a name.
            self.report(line, f'"{key}" phải là chữ; hãy đặt trong ngoặc kép: {key}: "..."',
                        f'"{key}" must be text; put it in double quotes: {key}: "..."')
            return None
        if not value.strip():
            if required:
                self.report(line, f'"{key}" đang để trống', f'"{key}" is empty')
            return None
        return value.strip()

    def texts(self, key: str) -> tuple[str, ...]:
        if key not in self.fields or self.fields[key][1] is None:
            return ()
        line, value = self.fields[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.report(line, f'"{key}" phải là danh sách chuỗi', f'"{key}" must be a list of strings')
            return ()
        return tuple(str(v).strip() for v in value if str(v).strip())

    def slug(self) -> str | None:
        slug = self.text("slug", required=True)
        if slug is not None and not SLUG.match(slug):
            self.report(self.line_of("slug"), f'slug không hợp lệ "{slug}" (chỉ a-z, 0-9 và "-")',
                        f'invalid slug "{slug}" (only a-z, 0-9 and "-")')
            return None
        return slug


def _former(entry: _Entry) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """former_names: strings or {name, slug}; a former slug keeps old URLs working."""
    if "former_names" not in entry.fields or entry.fields["former_names"][1] is None:
        return (), ()
    line, value = entry.fields["former_names"]
    if not isinstance(value, list):
        value = [value]
    names, slugs = [], []
    for item in value:
        if isinstance(item, str):
            names.append(item.strip())
        elif isinstance(item, dict) and isinstance(item.get("name"), str) and set(item) <= {"name", "slug"}:
            names.append(item["name"].strip())
            slug = item.get("slug")
            if slug is not None:
                if not isinstance(slug, str) or not SLUG.match(slug):
                    entry.report(line, f'slug cũ không hợp lệ "{slug}"', f'invalid former slug "{slug}"')
                else:
                    slugs.append(slug)
        else:
            entry.report(line, 'former_names: mỗi mục là tên hoặc {name, slug}', "former_names: each item is a name or {name, slug}")
    return tuple(names), tuple(slugs)


def _claim_slug(entry: _Entry, slug: str, seen: dict[str, int], line: int) -> bool:
    if slug in seen:
        entry.report(line, f'slug trùng "{slug}" (đã có ở dòng {seen[slug]})', f'duplicate slug "{slug}" (already on line {seen[slug]})')
        return False
    seen[slug] = line
    return True


def _validate_units(path: Path, entries: list[tuple[int, Fields]], problems: Problems) -> list[Unit]:
    units: list[Unit] = []
    lines: dict[str, int] = {}
    parent_lines: dict[str, int] = {}
    slugs: dict[str, int] = {}
    for line, fields in entries:
        entry = _Entry(path, line, fields, UNIT_FIELDS, problems)
        slug, name = entry.slug(), entry.text("name", required=True)
        kind, parent = entry.text("kind"), entry.text("parent")
        if kind is not None and kind not in UNIT_KIND_LABELS:
            allowed = ", ".join(UNIT_KIND_LABELS)
            entry.report(entry.line_of("kind"), f'loại đơn vị không hợp lệ "{kind}" (dùng: {allowed})',
                         f'unknown unit kind "{kind}" (use: {allowed})')
        former_names, former_slugs = _former(entry)
        if slug is None or name is None or not _claim_slug(entry, slug, slugs, entry.line_of("slug")):
            continue
        for former_slug in former_slugs:
            _claim_slug(entry, former_slug, slugs, entry.line_of("former_names"))
        unit = Unit(slug, name, kind, parent, entry.texts("aliases"), former_names, former_slugs, entry.text("description") or "",
                    **{key: entry.text(key) or "" for key in ("address", "phone", "email", "functions")})
        units.append(unit)
        lines[slug] = line
        parent_lines[slug] = entry.line_of("parent")
    by_slug = {unit.slug: unit for unit in units}
    for unit in units:
        if unit.parent and unit.parent not in by_slug:
            close = difflib.get_close_matches(unit.parent, list(by_slug), n=1)
            hint_vi, hint_en = (f' (có phải "{close[0]}"?)', f' (did you mean "{close[0]}"?)') if close else ("", "")
            problems.append(error(path, parent_lines[unit.slug],
                f'đơn vị cha không tồn tại "{unit.parent}"{hint_vi}', f'unknown parent "{unit.parent}"{hint_en}'))
    _check_cycles(path, by_slug, lines, problems)
    # The same name twice under one parent is a real duplicate; "Phòng Tổng
    # hợp" under two offices is not (context picks the office).
    owners: dict[tuple[str, str | None], Unit] = {}
    for unit in units:
        for key in unit_keys(unit):
            other = owners.setdefault((key, unit.parent), unit)
            if other is not unit:
                problems.append(error(path, lines[unit.slug],
                    f'tên hoặc bí danh trùng "{key}" (đã dùng cho "{other.slug}")',
                    f'duplicate name or alias "{key}" (already used by "{other.slug}")'))
    return units


def _check_cycles(path: Path, by_slug: dict[str, Unit], lines: dict[str, int], problems: Problems) -> None:
    reported: set[str] = set()
    for start in by_slug:
        chain: list[str] = []
        slug: str | None = start
        while slug in by_slug and slug not in chain:
            chain.append(slug)
            slug = by_slug[slug].parent
        if slug in chain:
            cycle = chain[chain.index(slug):]
            if not reported.intersection(cycle):
                reported.update(cycle)
                loop = " -> ".join([*cycle, slug])
                problems.append(error(path, lines[slug], f"vòng lặp đơn vị cha: {loop}", f"parent cycle: {loop}"))


def _validate_awards(path: Path, entries: list[tuple[int, Fields]], problems: Problems) -> list[Award]:
    awards: list[Award] = []
    slugs: dict[str, int] = {}
    owners: dict[str, Award] = {}
    for line, fields in entries:
        entry = _Entry(path, line, fields, AWARD_FIELDS, problems)
        slug, name, kind = entry.slug(), entry.text("name", required=True), entry.text("kind", required=True)
        if kind is not None and kind not in AWARD_KINDS:
            allowed = ", ".join(AWARD_KINDS)
            entry.report(entry.line_of("kind"), f'loại khen thưởng không hợp lệ "{kind}" (dùng: {allowed})',
                         f'unknown award kind "{kind}" (use: {allowed})')
            kind = None
        recipients = entry.texts("recipients")
        for recipient in recipients:
            if recipient not in RECIPIENT_KINDS:
                allowed = ", ".join(RECIPIENT_KINDS)
                entry.report(entry.line_of("recipients"), f'đối tượng không hợp lệ "{recipient}" (dùng: {allowed})',
                             f'unknown recipient kind "{recipient}" (use: {allowed})')
        precedence = DEFAULT_PRECEDENCE
        if "precedence" in fields:
            value = fields["precedence"][1]
            if isinstance(value, bool) or not isinstance(value, int):
                entry.report(entry.line_of("precedence"), '"precedence" phải là số nguyên', '"precedence" must be an integer')
            else:
                precedence = value
        if slug is None or name is None or kind is None or not _claim_slug(entry, slug, slugs, entry.line_of("slug")):
            continue
        award = Award(slug, name, kind, entry.text("grade"), entry.text("authority"), recipients, precedence,
                      entry.texts("aliases"), entry.text("description") or "")
        for key in award_keys(award):
            other = owners.setdefault(key, award)
            if other is not award:
                entry.report(line, f'tên hoặc bí danh trùng "{key}" (đã dùng cho "{other.slug}")',
                             f'duplicate name or alias "{key}" (already used by "{other.slug}")')
        awards.append(award)
    return awards
