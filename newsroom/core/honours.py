"""Who received which award: conferments read from one sentence at a time.

Vietnamese office news states conferments in two shapes:
active "trao <award> [của X] cho <recipients>" and passive
"<recipients> được nhận <award>". Recipients are a list split on commas and
"và" (never inside a registered name): persons ("bà Nguyễn Thị Minh,
Trưởng phòng …, Văn phòng …"), counted groups ("26 cá nhân thuộc …") and
units ("phòng Tổng hợp, Văn phòng Tỉnh ủy"). Clauses separated by ";" are
separate conferments.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsroom.core.matching import Match, Sentence
from newsroom.core.registry import Award, Registry, Unit
from newsroom.core.text import normalise


@dataclass(frozen=True)
class Honour:
    award: Award
    recipient: str  # a person's name, a unit's display name or a group ("cá nhân")
    recipient_kind: str  # "person" | "unit" | "group"
    unit: Unit | None
    count: int | None
    role: str | None
    authority: str | None
    sentence: str


GROUP_NOUNS = {
    tuple(noun.split()): noun
    for noun in (
        "cá nhân", "tập thể", "đồng chí", "cán bộ", "công chức", "viên chức", "người lao động", "đảng viên",
        "đơn vị", "phòng", "hộ gia đình", "gia đình", "học sinh", "sinh viên", "giáo viên", "đoàn viên",
        "hội viên", "cơ quan", "doanh nghiệp", "chi bộ", "người", "chiến sĩ", "nhà giáo", "thầy thuốc", "bác sĩ",
        "nghệ sĩ", "nghệ nhân", "hộ",
    )
}
COLLECTIVE_GROUPS = {"tập thể", "đơn vị", "phòng", "cơ quan", "chi bộ"}
PERSON_TITLES = {("ông",), ("bà",), ("anh",), ("chị",), ("đồng", "chí"), ("đ", "/", "c"), ("thầy",), ("cô",)}
ROLE_WORDS = frozenset(
    "trưởng phó giám chánh chủ bí chuyên kế nhân thư ủy tỉnh cán công viên lái văn thanh trợ kiểm phóng".split()
)
NUMBER_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
LEADING_FILLER = {"các", "những", "toàn", "thể", "cho", "tặng", "đã"}
ACTIVE_MARKERS = {"cho", "tặng"}
PASSIVE_VERBS = {"nhận", "đạt", "tặng", "trao", "thưởng", "được", "đón", "vinh"}
OF_WORDS = {"thuộc", "của"}


@dataclass
class _Recipient:
    kind: str
    name: str
    unit: Unit | None = None
    count: int | None = None
    role: str | None = None


def sentence_honours(sentence: Sentence, matches: list[Match], registry: Registry) -> list[Honour]:
    """Honours conferred in one sentence; `matches` are its resolved names in order."""
    honours: list[Honour] = []
    tokens = sentence.tokens
    starts = {m.first: m for m in matches if m.target is not None}
    bounds = [-1] + [i for i, t in enumerate(tokens) if t.norm == ";"] + [len(tokens)]
    for clause_start, clause_end in zip(bounds, bounds[1:]):
        clause_start += 1
        awards = [m for m in matches if m.kind == "award" and m.target and clause_start <= m.first < clause_end]
        for number, match in enumerate(awards):
            before = awards[number - 1].last if number else clause_start
            after = awards[number + 1].first if number + 1 < len(awards) else clause_end
            authority, recipients = _conferment(sentence, match, before, after, starts, registry)
            for recipient in recipients:
                honours.append(_honour(match.target, recipient, authority, sentence.text))
    return honours


def _conferment(sentence: Sentence, match: Match, before: int, after: int, starts: dict[int, Match], registry: Registry):
    tokens = sentence.tokens
    authority = match.authority
    position = match.last
    if position < after and tokens[position].norm == "của":
        end = position + 1
        while end < after and tokens[end].is_word and tokens[end].norm not in ACTIVE_MARKERS | {"trao", "và"}:
            end = starts[end].last if end in starts else end + 1
        if end > position + 1:
            authority = sentence.slice(position + 1, min(end, after))
        position = end
    if authority is None and match.target.authority:
        authority = match.target.authority
        # "Bằng khen của Bộ trưởng Bộ Công Thương": the generic award, its authority named in full.
        if normalise(match.target.name).endswith(normalise(authority)) and not sentence.all_caps:
            end = position
            while (end < after and tokens[end].is_word and tokens[end].is_capitalised and end not in starts
                   and tokens[end].norm not in ACTIVE_MARKERS):
                end += 1
            if end > position:
                authority = f"{authority} {sentence.slice(position, end)}"
                position = end
    # Active: "<award> [của X] [năm 2025] cho/tặng <recipients>".
    for marker in range(position, min(position + 4, after)):
        norm = tokens[marker].norm
        if norm in ACTIVE_MARKERS:
            start = marker + 1 + (tokens[marker + 1].norm == "cho" if marker + 1 < after else 0)
            return authority, _walk(sentence, _items(sentence, start, after, starts), starts, registry)
        if not tokens[marker].is_word:
            break
    # Passive: "<recipients> [được] nhận [danh hiệu] <award>".
    end = match.first
    if end - 2 >= before and (tokens[end - 2].norm, tokens[end - 1].norm) == ("danh", "hiệu"):
        end -= 2
    if end - 1 < before or tokens[end - 1].norm not in PASSIVE_VERBS:
        return authority, []
    segment_start = end - 1
    while segment_start > before and tokens[segment_start - 1].norm not in {",", ":"}:
        segment_start -= 1
    verb = next((i for i in range(segment_start, end) if tokens[i].norm in {"được", "vinh"}), None)
    if verb is None:
        if tokens[end - 1].norm not in {"nhận", "đạt"}:
            return authority, []
        verb = end - 1
    items = _items(sentence, before, verb, starts)
    if items:
        # "toàn ngành có 2 nhà giáo được …": the count starts the recipient.
        first, last = items[-1]
        count = next((i for i in range(first + 1, last) if tokens[i].norm.isdigit() and i not in starts), None)
        if count is not None:
            items[-1] = (count, last)
    taken: list[tuple[int, int]] = []
    for item in reversed(items):
        if _parse(sentence, item, starts) is None:
            break
        taken.insert(0, item)
    return authority, _walk(sentence, taken, starts, registry)


def _items(sentence: Sentence, start: int, end: int, starts: dict[int, Match]) -> list[tuple[int, int]]:
    """Token ranges of a recipient list, split on "," and "và" outside registered names."""
    tokens = sentence.tokens
    items, first, index = [], start, start
    while index < end:
        if index in starts:
            index = starts[index].last
            continue
        if tokens[index].norm in {",", "và", ":"}:
            if index > first:
                items.append((first, index))
            first = index + 1
        elif tokens[index].norm in {".", "(", ")"}:
            break
        index += 1
    if min(index, end) > first:
        items.append((first, min(index, end)))
    return items


def _parse(sentence: Sentence, item: tuple[int, int], starts: dict[int, Match]) -> _Recipient | None:
    tokens = sentence.tokens
    first, last = item
    while first < last and tokens[first].norm in LEADING_FILLER and first not in starts:
        first += 1
    if first >= last:
        return None
    count = None
    if tokens[first].norm.isdigit():
        count, first = int(tokens[first].norm), first + 1
    elif tokens[first].norm in NUMBER_WORDS and first + 1 < last and _group_at(tokens, first + 1):
        count, first = NUMBER_WORDS[tokens[first].norm], first + 1
    if first >= last:
        return None
    title = next((t for t in PERSON_TITLES if tuple(x.norm for x in tokens[first : first + len(t)]) == t), None)
    if count is None and title and first + len(title) < last and tokens[first + len(title)].is_capitalised:
        start = first + len(title)
        end = start
        while end < last and end - start < 6 and tokens[end].is_word and tokens[end].is_capitalised and end not in starts:
            end += 1
        if end > start:
            return _Recipient("person", sentence.slice(start, end), unit=_unit_in(starts, end, last))
    match = starts.get(first)
    if match is not None and match.kind == "unit" and count is None:
        return _Recipient("unit", match.target.name, unit=match.target)
    group = _group_at(tokens, first)
    if group:
        noun, length = group
        following = starts.get(first + length)
        if following is not None and following.kind == "unit" and count is None:
            return _Recipient("unit", following.target.name, unit=following.target)  # "tập thể Phòng X"
        unit = None
        for index in range(first + length, last):
            if tokens[index].norm in OF_WORDS:
                unit = _unit_in(starts, index + 1, last)
                break
        return _Recipient("group", noun, unit=unit, count=count)
    if count is None and tokens[first].norm in ROLE_WORDS:
        return _Recipient("role", sentence.slice(first, last), unit=_unit_in(starts, first, last))
    return None


def _group_at(tokens, index: int):
    for length in (3, 2, 1):
        key = tuple(t.norm for t in tokens[index : index + length])
        if key in GROUP_NOUNS:
            return GROUP_NOUNS[key], length
    return None


def _unit_in(starts: dict[int, Match], first: int, last: int) -> Unit | None:
    units = [starts[i].target for i in range(first, last) if i in starts and starts[i].kind == "unit"]
    return units[0] if units else None


def _walk(sentence: Sentence, items: list[tuple[int, int]], starts: dict[int, Match], registry: Registry) -> list[_Recipient]:
    """Recipients of a list; appositives (role, parent office) attach to the one before."""
    recipients: list[_Recipient] = []
    for item in items:
        parsed = _parse(sentence, item, starts)
        if parsed is None:
            continue
        last = recipients[-1] if recipients else None
        if parsed.kind == "role":
            if last is not None and last.kind == "person":
                last.role = last.role or parsed.name
                last.unit = _narrower(registry, last.unit, parsed.unit)
            continue
        if parsed.kind == "unit" and last is not None and last.kind in ("person", "unit"):
            if last.unit is None or _is_ancestor(registry, parsed.unit, last.unit):
                if last.kind == "person":
                    last.unit = _narrower(registry, last.unit, parsed.unit)
                continue  # "phòng Tổng hợp, Văn phòng Tỉnh ủy": the office qualifies the department
        recipients.append(parsed)
    # "5 tập thể và 12 cá nhân thuộc Sở Nội vụ": "thuộc" qualifies the whole run of groups.
    for later, earlier in zip(reversed(recipients), list(reversed(recipients))[1:]):
        if not (later.kind == earlier.kind == "group") or later.unit is None:
            break
        earlier.unit = earlier.unit or later.unit
    return recipients


def _is_ancestor(registry: Registry, ancestor: Unit, unit: Unit) -> bool:
    return any(a.slug == ancestor.slug for a in registry.ancestors(unit.slug))


def _narrower(registry: Registry, current: Unit | None, new: Unit | None) -> Unit | None:
    """The more specific of two units naming the same person's place of work."""
    if current is None:
        return new
    if new is None or _is_ancestor(registry, new, current):
        return current
    return new


def _honour(award: Award, recipient: _Recipient, authority: str | None, sentence: str) -> Honour:
    kind = recipient.kind if recipient.kind != "role" else "person"
    return Honour(award, recipient.name, kind, recipient.unit, recipient.count, recipient.role, authority, sentence)


def merge_honours(honours: list[Honour]) -> list[Honour]:
    """One honour per conferment, however often the article repeats it.

    A vaguer repeat (no unit, no count, a caption's "các tập thể") of a more
    precise honour of the same award is the same conferment.
    """
    unique: dict[tuple, Honour] = {}
    for honour in honours:
        unique.setdefault(_key(honour), honour)
    kept = list(unique.items())
    return [
        honour for key, honour in kept
        if not any(other is not honour and _subsumes(other_key, key) for other_key, other in kept)
    ]


def _key(honour: Honour) -> tuple:
    return (honour.award.slug, honour.recipient_kind, normalise(honour.recipient),
            honour.unit.slug if honour.unit else None, honour.count)


def _subsumes(precise: tuple, vague: tuple) -> bool:
    """Whether honour key `precise` says everything `vague` says, and more."""
    award, kind, recipient, unit, count = vague
    if precise[0] != award:
        return False
    if kind == "group" and recipient in COLLECTIVE_GROUPS and count is None and unit is None and precise[1] == "unit":
        return True  # "các tập thể" beside named departments given the same award
    if precise[1:3] != (kind, recipient):
        return False
    same_unit = unit is None or precise[3] == unit
    same_count = count is None or precise[4] == count
    more = (unit is None and precise[3] is not None) or (count is None and precise[4] is not None)
    return same_unit and same_count and more
