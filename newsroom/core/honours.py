"""Who received which award: the honours of one article, read with the shapes of `honour_shapes.yml`.

The engine (`grammar.py`) finds, around each award, the pattern that names
its recipients; this module turns a pattern's `recipient` slot into
recipients (persons, units, places, counted and uncounted groups, names that
point back), gives each honour the status of its clause (a proposal word
governs its clause and the list it introduces; history is `earlier`), keeps
lists going across sentences, and merges repeats. Presenters, organisers,
signers and proposers are other slots of the patterns: never recipients.
Relatives receiving on behalf are skipped inside a recipient ("thân nhân").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from newsroom.core.grammar import around, encode, elements, grammar, tag_char
from newsroom.core.matching import Match, Sentence
from newsroom.core.registry import Award, Registry, Unit
from newsroom.core.text import normalise

STATUSES = ("conferred", "proposed", "posthumous", "earlier")
RECIPIENT_KINDS = ("person", "unit", "individuals", "collectives")
_GROUP_TAGS = frozenset(("individuals", "collectives"))
_ENDS = frozenset((".", "!", "?", "…"))
_CLAUSE_VERBS = frozenset(("proposal", "passive", "confer"))
_HEAD_BOUNDS = frozenset(("award", "proposal", "passive", "confer", "opener", "presenter"))
_SKIPPED = frozenset(("plural", "kin", "for", "filler", "opener", "and", "incl", "quote"))


@dataclass(frozen=True)
class Decision:
    """The decision that confers: "Quyết định số 1234/QĐ-UBND ngày 12/3/2026 của Chủ tịch UBND tỉnh"."""

    number: str | None
    date: str | None
    issuer: str | None


@dataclass(frozen=True)
class Honour:
    award: Award
    recipient: str  # a person's name, a unit's name, or a group as written ("cá nhân", "các phòng, đơn vị …")
    recipient_kind: str  # "person" | "unit" | "individuals" | "collectives"
    unit: Unit | None
    count: int | None
    role: str | None
    authority: str | None
    sentence: str
    status: str = "conferred"  # "conferred" | "proposed" | "posthumous" | "earlier" (history, not this article's)
    decision: Decision | None = None
    # Why the text allows two readings ("status", "recipient"), or None: an uncertain honour is not published.
    uncertain: str | None = None
    offset: int | None = None  # where its sentence starts in the text it was read from
    in_title: bool = False


@dataclass(slots=True)
class _Recipient:
    kind: str  # person | unit | group | place | role
    name: str
    unit: Unit | None = None
    count: int | None = None
    role: str | None = None
    group_kind: str | None = None
    record: bool = False  # read from a list of what a unit received before: history
    doubt: bool = False  # the pattern that read it allows another role for it
    described: bool = False  # words follow a counted group's nouns ("17 đồng chí đang công tác tại …")
    first: int = 0  # element range in the row
    last: int = 0


@dataclass
class OpenList:
    """A list of recipients that goes on in the next sentences ("Các cá nhân gồm:", "- bà A …")."""

    award: Award
    authority: str | None
    status: str
    decision: Decision | None
    counted: list[Honour] = field(default_factory=list)
    named: int = 0
    weak: bool = False  # opened by an unnamed group: only a sentence that introduces a list goes on with it


@dataclass
class ArticleState:
    """What one sentence leaves to the next; lives only while an article is read."""

    registry: Registry
    actor: Unit | None = None
    named: list[Unit] = field(default_factory=list)  # units in the order named, for "nhà trường"
    open_list: OpenList | None = None
    list_status: str | None = None  # the status a line ending in ":" gives the list lines after it
    decision_text: str = ""
    dropped: list[Honour] = field(default_factory=list)
    record_unit: Unit | None = None  # the unit a list of achievements is about ("… Trường X, cụ thể:")
    newest_year: int = 0  # the latest year the article names: older years in a clause may be history
    article_status: str | None = None  # "proposed" when the title announces a consultation on proposals

    def wants(self, sentence: Sentence) -> bool:
        """Whether a sentence without names still matters: a title, a list's intro or lines, a list going on."""
        return self.open_list is not None or sentence.in_title or bool(sentence.norms) and sentence.norms[-1] == ":" \
            or self.list_status is not None or self.record_unit is not None


# Reading a sentence


def sentence_honours(sentence: Sentence, matches: list[Match], registry: Registry,
                     state: ArticleState | None = None) -> list[Honour]:
    """Honours conferred in one sentence; `matches` are its resolved names in order."""
    state = state or ArticleState(registry)
    previous_text, state.decision_text = state.decision_text, sentence.text
    awards = [m for m in matches if m.kind == "award" and m.target is not None]
    if not awards and state.open_list is None:
        _remember(sentence, matches, None, state)
        return []
    row = elements(sentence, matches)
    decision = find_decision(sentence.text) or find_decision(previous_text)
    if not awards:
        honours = _continue_list(sentence, row, state, decision)
        _remember(sentence, matches, row, state)
        return honours
    text, offsets = encode(row)
    view = _Text(text, offsets)

    def found(award: int):
        return around(row, text, offsets, award)
    inherited = state.list_status if (sentence.item or state.open_list) else None
    honours: list[Honour] = []
    opened: OpenList | None = None
    for position, element in enumerate(row):
        if "award" not in element.tags:
            continue
        reading = _reading(row, position, found, sentence, state)
        if reading is None:
            continue
        recipients, span, listed = reading
        status, uncertain = _status(row, view, position, span, inherited, state)
        if recipients[0].record:
            status, uncertain = "earlier", None
        award = element.match.target
        authority = element.match.authority or _authority(sentence, row, position)
        made = [_honour(_variant(award, r, registry), r, authority, sentence, status, decision,
                        "recipient" if r.doubt else uncertain) for r in recipients]
        honours.extend(made)
        if listed:
            opened = OpenList(award, authority, status, decision, [h for h in made if h.count is not None],
                              sum(1 for h in made if h.count is None and h.recipient_kind in ("person", "unit")))
        elif all(r.kind == "group" and r.count is None for r in recipients) and position == _last_award(row):
            # "tặng Bằng khen cho các tập thể …" then "Theo đó, 39 tập thể gồm: A; B; …": the group may be named next.
            opened = OpenList(award, authority, status, decision, weak=True)
    state.open_list = opened
    if opened is None and not sentence.item:
        state.list_status = None
    _remember(sentence, matches, row, state)
    return honours


def _reading(row, position, found, sentence, state):
    """(recipients, recipient element span, whether a list goes on) for the award at `position`, or None.

    The first pattern that names recipients wins; a counted subject ("4 đồng chí được tặng …") keeps the
    names a list after the award gives ("…, gồm: ông A, bà B")."""
    first = _first_reading(row, position, found, sentence, state)
    if first is None:
        return None
    if first[1][0] < position:
        backward = first
        if not all(r.kind == "group" and r.count for r in backward[0]) \
                or not any(e.form == ":" or "incl" in e.tags for e in row[position:]):
            return first
    else:
        if not first[2] or not any("num" in e.tags for e in row[:position]):
            return first
        backward = _first_reading(row, position, found, sentence, state, backward_only=True)
        if backward is None or not all(r.kind == "group" and r.count for r in backward[0]):
            return first
    later = first if first[1][0] > position else _first_reading(row, position, found, sentence, state,
                                                                  forward_only=True)
    if later is None or not later[2]:
        return first
    return backward[0] + [r for r in later[0] if r.kind != "group"], later[1], True


def _first_reading(row, position, found, sentence, state, forward_only=False, backward_only=False):
    for result in found(position):
        if forward_only and not ("recipient" in result.slots and result.slots["recipient"][0][0] > position):
            continue
        if backward_only and not ("recipient" in result.slots and result.slots["recipient"][0][0] < position):
            continue
        if "recipient" in result.slots:
            first, last = result.slots["recipient"][0][0], result.slots["recipient"][-1][1]
            backwards = last <= position
            if first == last:
                first = _subject_start(row, last)
            if not backwards and last < len(row) and row[last].tags & _CLAUSE_VERBS:
                # "…: A; B; 2 tập thể đề nghị tặng …": the items after the last ";" are the next clause's subject.
                cut = max((i for i in range(first, last) if row[i].form == ";"), default=None)
                if cut is not None:
                    last = cut
            recipients = _recipients(row, first, last, sentence, state, backwards)
            if backwards and not any(r.kind in ("person", "unit") for r in recipients):
                # "8 đồng chí nguyên là cán bộ … qua các thời kỳ được trao tặng": the counted head of the clause,
                # with all its description, is the subject.
                head = _counted_head(row, last)
                if head is not None:
                    first = head
                    recipients = [r for r in _recipients(row, head, last, sentence, state, False)
                                  if r.kind == "group" and r.count is not None] or recipients
            awards = result.slots.get("award", ())
            if recipients and sum("award" in row[i].tags for a, b in awards for i in range(a, b)) > 1:
                # "trao Huân chương A, Huân chương B cho 3 cá nhân": the number counts all the awards together.
                for recipient in recipients:
                    recipient.count = None
            if recipients and result.pattern.doubt == "named":
                for recipient in recipients:
                    recipient.doubt = recipient.kind in ("person", "unit")
            if recipients:
                listed = not backwards and last == len(row) and any(
                    row[i].tags & {"incl"} or row[i].form == ":" for i in range(first - 1, last))
                return recipients, (first, last), listed or (not backwards and _ends_with_colon(row))
        elif "count" in result.slots and not forward_only:
            first, _ = result.slots["count"][0]
            counted = next(e for e in row[first:position] if "num" in e.tags)
            kind, noun = _counted_kind(row, first, position)
            return [_Recipient("group", noun, count=counted.value, group_kind=kind, first=first, last=position)], \
                (first, position), False
    if sentence.item and state.record_unit is not None and not forward_only:
        # "- Năm 2019: Huân chương …" under "… của Trường X, cụ thể:": what that unit received before.
        unit = state.record_unit
        return [_Recipient("unit", unit.name, unit=unit, first=position, last=position + 1, record=True)], \
            (position, position + 1), False
    return None


def _subject_start(row, end: int) -> int:
    """Where the recipients before a passive verb may start: back from `end` to a bound of the data."""
    bounds = grammar().subject_bounds
    start = end
    while start > 0:
        element = row[start - 1]
        if element.form in (":", ";") and _intro_before(row, start - 1):
            start -= 1  # "Các đồng chí: A, chức vụ; B, chức vụ được tặng": the list is the subject
            continue
        if element.tags & bounds or element.form in bounds:
            break
        start -= 1
    return start


def _counted_head(row, end: int) -> int | None:
    """The first counted group ("8 đồng chí", "5 trường học") of the clause that ends at `end`."""
    start = end
    while start > 0 and not (row[start - 1].tags & _HEAD_BOUNDS or row[start - 1].form in (":", ";")):
        start -= 1
    for index in range(start, end - 1):
        if "num" in row[index].tags and row[index + 1].tags & _GROUP_TAGS:
            return index
    return None


def _intro_before(row, index: int) -> bool:
    """Whether a list of persons or groups is opened before `index` ("các đồng chí:", "các cá nhân gồm:")."""
    for position in range(index, 0, -1):
        element = row[position]
        if element.form == ":":
            introducer = row[position - 1]
            return bool(introducer.tags & (_GROUP_TAGS | {"title"})) and not introducer.tags & {"person"}
        if element.tags & {"award", "confer", "passive", "proposal", "stop", "opener"}:
            return False
    return False


def _last_award(row) -> int:
    return max(i for i, e in enumerate(row) if "award" in e.tags)


def _ends_with_colon(row) -> bool:
    return bool(row) and row[-1].form == ":"


def _counted_kind(row, first, position) -> tuple[str, str]:
    award = row[position].match.target
    name = _normal(award.name)
    if name.startswith(grammar().collective_awards) or award.kind == "emulation_flag":
        return "collectives", _first_of("collectives")
    return "individuals", _first_of("individuals")


def _first_of(name: str) -> str:
    """The first noun the data gives a group kind ("cá nhân", "tập thể"): what a count of awards counts."""
    return grammar().first_phrase[name]


class _Text:
    """A row's text for the patterns, read by character: which classes stand between two elements."""

    __slots__ = ("text", "offsets", "chars")

    def __init__(self, text: str, offsets: list[int]):
        self.text, self.offsets = text, offsets
        # The classes the row has at all: most rows have no proposal, history or posthumous word.
        self.chars = {name: char for name, char in _tag_chars().items() if char in text}

    def has(self, name: str, first: int, last: int) -> bool:
        char = self.chars.get(name)
        return char is not None and first < last and self.text.find(char, self.offsets[first], self.offsets[last]) >= 0

    def index(self, position: int) -> int:
        """The element at a position of the text."""
        return bisect_right(self.offsets, position) - 1

    def find(self, form: str, first: int, last: int | None = None) -> int:
        """The first element from `first` (before `last`) written as `form`, or -1."""
        end = self.offsets[-1] if last is None else self.offsets[last]
        found = self.text.find("|" + form + "›", self.offsets[first], end)
        return -1 if found < 0 else self.index(found)

    def rfind(self, form: str, first: int, last: int) -> int:
        found = self.text.rfind("|" + form + "›", self.offsets[first], self.offsets[last])
        return -1 if found < 0 else self.index(found)


@lru_cache(maxsize=1)
def _tag_chars() -> dict:
    return {name: tag_char(name) for name in ("proposal", "history", "posthumous", "incl", "opener", "year", "num")}


def _status(row, view: _Text, position, span, inherited, state) -> tuple[str, str | None]:
    """The status the award's clause gives it, and whether another reading is possible."""
    start = _clause_start(row, view, position)
    end = max(span[1] if span else 0, _clause_end(view, position, len(row)))
    ranges = [(start, position)]
    if span and span[0] > position:
        ranges.append((position + 1, span[0]))
    elif span and span[1] <= position:
        ranges.append((span[0], position))
    uncertain = None

    def within(name: str) -> bool:
        for first, last in ranges:
            if view.has(name, first, last):
                return True
        return False

    if within("proposal"):
        status = "proposed"
    elif inherited or state.article_status:
        status = inherited or state.article_status
    elif view.has("history", 0, position) or within("history") or _past_year(row, view, start, end, state):
        status = "earlier"
    elif within("posthumous"):
        status = "posthumous"
    else:
        status = "conferred"
    if status != "proposed" and view.has("proposal", 0, len(row)):
        uncertain = "status"  # a proposal word in the sentence, outside this award's clause
    return status, uncertain


def _clause_start(row, view: _Text, position) -> int:
    """After the last ";" (or ", đồng thời") before the award that is not inside a list opened by ":" or "gồm"."""
    listing = min(i for i in (view.find(":", 0), len(row)) if i >= 0)
    if view.has("incl", 0, listing):
        listing = next(i for i in range(listing) if "incl" in row[i].tags)
    limit = min(position, listing)
    start = view.rfind(";", 0, limit) + 1
    if view.has("opener", start, limit):
        for index in range(max(start, 1), limit):
            if "opener" in row[index].tags and row[index - 1].form == ",":
                start = index + 1
    return start


def _clause_end(view: _Text, position, count) -> int:
    found = view.find(";", position + 1) if position + 1 < count else -1
    return count if found < 0 else found


def _past_year(row, view: _Text, start: int, end: int, state) -> bool:
    """"đã được tặng … năm 2010": a year before the article's newest, with "đã" in the clause."""
    if state.newest_year == 0 or not view.has("year", start, end):
        return False
    scope = row[start:end]
    years = [e.value for e in scope if "year" in e.tags]
    return bool(years) and state.newest_year > 0 and max(years) < state.newest_year - 1 \
        and any("past" in e.tags for e in scope)


def _authority(sentence, row, position) -> str | None:
    after = position + 1
    if after < len(row) and "of" in row[after].tags:
        end = after + 1
        while end < len(row) and row[end].tags & {"unit", "cap", "role"} and end - after < 8:
            end += 1
        if end > after + 1:
            return sentence.slice(row[after + 1].first, row[end - 1].last)
    award = row[position].match.target
    if award.authority and after < len(row) and "unit" in row[after].tags \
            and _normal(award.name).endswith(_normal(award.authority)):
        # "Bằng khen của Bộ trưởng Bộ Công Thương": the generic award, its authority named in full.
        return f"{award.authority} {sentence.slice(row[after].first, row[after].last)}"
    return award.authority


@lru_cache(maxsize=4096)
def _normal(name: str) -> str:
    return normalise(name)


# Recipient lists


def _items(row, first, last) -> list[tuple[int, int, list[int]]]:
    """Items of a list: (first, last, element indices outside brackets), split on ",", ";", ":", "và", "gồm"."""
    items, current, start, depth = [], [], first, 0
    for index in range(first, last):
        element = row[index]
        if element.form == "(":
            depth += 1
            continue
        if element.form == ")":
            depth = max(0, depth - 1)
            continue
        if depth or element.form in _ENDS:
            continue
        if element.form in (",", ";", ":") or element.tags & {"and", "incl"} and "individuals" not in element.tags:
            if current:
                items.append((start, index, current))
            current, start = [], index + 1
            continue
        current.append(index)
    if current:
        items.append((start, last, current))
    return items


def _recipients(row, first, last, sentence, state, backwards: bool) -> list[_Recipient]:
    items = _items(row, first, last)
    parsed = []
    if backwards:  # the trailing items that read as recipients, read from the verb back
        for item in reversed(items):
            recipient = _parse(row, item, sentence, state)
            if recipient is None:
                break
            parsed.append(recipient)
        parsed.reverse()
    else:  # the leading items that read as recipients
        for item in items:
            recipient = _parse(row, item, sentence, state)
            if recipient is None:
                if parsed:
                    break
                continue
            parsed.append(recipient)
    return _walk(parsed, sentence, row, state)


def _parse(row, item, sentence, state) -> _Recipient | None:
    start, end, indices = item
    lead = indices[0] if indices else start
    while indices and row[indices[0]].tags & _SKIPPED and not row[indices[0]].tags & ({"person", "unit"} | _GROUP_TAGS):
        indices = indices[1:]
    while indices and "approx" in row[indices[0]].tags and len(indices) > 1 and "num" in row[indices[1]].tags:
        indices = indices[1:]
    if not indices:
        return None
    if not row[indices[0]].tags & {"person", "unit", "num"} and any("num" in row[i].tags for i in indices):
        # "toàn ngành có 45 công chức": a count inside the item says what it is.
        counted = next((p for p, i in enumerate(indices[:-1]) if "num" in row[i].tags
                        and row[indices[p + 1]].tags & (_GROUP_TAGS | {"count_unit"})), None)
        if counted is not None:
            indices = indices[counted:]
    head = row[indices[0]]
    rest = indices[1:]
    item_first, item_last = row[indices[0]].first, row[indices[-1]].last
    if "num" in head.tags:
        nouns = [i for i in rest if row[i].tags & (_GROUP_TAGS | {"count_unit"})]
        if not nouns or nouns[0] != rest[0] and not (row[rest[0]].tags & {"count_unit"} and len(rest) > 1):
            return None
        run = _run_length(row, rest)
        group = [i for i in rest[:run] if row[i].tags & _GROUP_TAGS]
        if not group:
            return None
        kind = _kind(row, group)
        noun_first, noun_last = row[group[0]].first, row[group[-1]].last
        return _Recipient("group", sentence.slice(noun_first, noun_last), unit=_unit_of(row, rest), count=head.value,
                          group_kind=kind, first=start, last=end, described=run < len(rest))
    if "person" in head.tags:
        name_first = _name_start(row, head, sentence)
        name = sentence.slice(name_first, head.last)
        role_parts = [i for i in rest if not row[i].tags & {"punct"} or row[i].form not in ("-",)]
        role = sentence.slice(row[role_parts[0]].first, row[role_parts[-1]].last) if role_parts else None
        if role and role.startswith(("-", "–")):
            role = role.lstrip("-– ") or None
        return _Recipient("person", name, unit=_first_unit(row, rest), role=role, first=start, last=end)
    if "unit" in head.tags:
        match = head.match
        return _Recipient("unit", match.written or match.target.name, unit=match.target, first=start, last=end)
    if "place" in head.tags:
        return _Recipient("place", sentence.slice(head.first, head.last), first=start, last=end)
    if head.tags & _GROUP_TAGS or "anaphora" in head.tags:
        following = row[rest[0]] if rest else None
        if following is not None and "title" in head.tags and "role" in following.tags:
            return None  # "Đồng chí Trưởng Ban …": a post held by someone unnamed, not a group
        if "collective" in head.tags:  # "tập thể [cơ quan] Thanh tra tỉnh": the body itself
            named = next((row[i] for i in rest if not row[i].tags & _GROUP_TAGS), None)
            if named is not None and "unit" in named.tags:
                match = named.match
                return _Recipient("unit", match.written or match.target.name, unit=match.target, first=start, last=end)
        pointed = _anaphora(row, indices, state)
        if pointed is not None:
            return _Recipient("unit", pointed.name, unit=pointed, first=start, last=end)
        if not head.tags & _GROUP_TAGS:
            return None
        group = [i for i in indices[: _run_length(row, indices)] if row[i].tags & _GROUP_TAGS]
        written_first = row[lead].first if "plural" in row[lead].tags else item_first
        return _Recipient("group", sentence.slice(written_first, item_last), unit=_first_unit(row, rest),
                          group_kind=_kind(row, group), first=start, last=end)
    if "role" in head.tags:
        return _Recipient("role", sentence.slice(item_first, item_last), unit=_first_unit(row, rest), first=start,
                          last=end)
    if 3 <= len(indices) <= 4 and all("cap" in row[i].tags for i in indices) \
            and row[indices[-1]].last - row[indices[0]].first == len(indices):
        return _Recipient("person", sentence.slice(item_first, item_last), first=start, last=end)  # "Lê Thị B" (a surname the list may lack)
    return None


def _run_length(row, indices) -> int:
    """How many of `indices` are a run of group nouns ("cán bộ chiến sĩ", "lượt tập thể")."""
    length = 0
    for index in indices:
        if row[index].tags & (_GROUP_TAGS | {"count_unit"}):
            length += 1
        else:
            break
    return length


def _kind(row, group) -> str:
    kinds = {k for i in group for k in row[i].tags & _GROUP_TAGS}
    if len(kinds) == 1:
        return kinds.pop()
    first = row[group[0]].tags & _GROUP_TAGS  # a noun of both kinds ("gia đình") follows the first
    return "individuals" if first == {"individuals"} else "collectives"


def _name_start(row, element, sentence) -> int:
    """A person element starts with its title ("bà", "đồng chí"), if any: the name follows it."""
    g = grammar()
    norms = sentence.norms
    for phrase, classes in g.lexicon.get(norms[element.first], ()):
        if "title" in classes and tuple(norms[element.first : element.first + len(phrase)]) == phrase \
                and element.first + len(phrase) < element.last:
            return element.first + len(phrase)
    return element.first


def _first_unit(row, indices) -> Unit | None:
    return next((row[i].match.target for i in indices if "unit" in row[i].tags), None)


def _unit_of(row, indices) -> Unit | None:
    for position, index in enumerate(indices):
        if "of" in row[index].tags:
            return _first_unit(row, indices[position + 1 :])
    return None


def _anaphora(row, indices, state) -> Unit | None:
    """"nhà trường", "tập thể nhà trường": the unit of that kind named last."""
    for index in indices[:2]:
        element = row[index]
        if "anaphora" in element.tags:
            following = indices.index(index) + 1
            if following < len(indices) and row[indices[following]].tags & {"cap", "unit", "place"}:
                return None
            head = grammar().anaphora.get(element.form)
            if head is None:
                return None
            return next((u for u in reversed(state.named) if _normal(u.name).startswith(head + " ")), None)
    return None


def _walk(parsed: list[_Recipient], sentence, row, state) -> list[_Recipient]:
    """Appositives (role, unit, a place) attach to the recipient before them; runs of groups stay one."""
    registry = state.registry
    recipients: list[_Recipient] = []
    for item in parsed:
        last = recipients[-1] if recipients else None
        if last is not None and last.kind == "person" and (item.kind in ("role", "unit", "place")
                                                            or item.kind == "group" and item.count is None):
            if item.kind == "role":
                last.role = last.role or item.name
            if item.unit is not None:
                last.unit = _narrower(registry, last.unit, item.unit)
            continue
        if item.kind == "role":
            continue
        if item.kind == "place" and last is not None and last.kind in ("unit", "group"):
            continue  # "Trường Tiểu học A, huyện B": the place qualifies the name before it
        if item.kind == "unit" and last is not None and last.kind == "unit" and last.unit is not None \
                and item.unit is not None and _is_ancestor(registry, item.unit, last.unit):
            continue  # "phòng Tổng hợp, Văn phòng Tỉnh ủy": the office qualifies the department
        if item.kind == "unit" and last is not None and last.kind == "group" and last.unit is not None:
            continue  # "3 cá nhân thuộc Công an tỉnh, Bộ Công an": the bodies qualify the group
        if item.kind == "group" and item.count is None and last is not None and last.kind in ("unit", "place"):
            continue  # "thành phố Hải Phòng, đơn vị hoàn thành xuất sắc …": a description
        if item.kind == "group" and item.count is None and last is not None and last.kind == "group" \
                and not last.described:
            # "các phòng, đơn vị trực thuộc và cá nhân", "23 tập thể, cá nhân": one group, read as written.
            if last.count is None:
                last.name = sentence.slice(row[last.first].first, row[item.last - 1].last) \
                    if _plural_start(row, last) else f"{last.name}{_gap(sentence, row, last, item)}{item.name}"
            else:
                last.name = f"{last.name}{_gap(sentence, row, last, item)}{item.name}"
            last.last = item.last
            last.unit = last.unit or item.unit
            if item.group_kind != last.group_kind:
                last.group_kind = "collectives"
            continue
        recipients.append(item)
    # "5 tập thể và 12 cá nhân thuộc Sở Nội vụ": "thuộc" qualifies the whole run of groups.
    for later, earlier in zip(reversed(recipients), list(reversed(recipients))[1:]):
        if not (later.kind == earlier.kind == "group") or later.unit is None:
            break
        earlier.unit = earlier.unit or later.unit
    return recipients


def _plural_start(row, recipient) -> bool:
    return recipient.first < len(row) and "plural" in row[recipient.first].tags


def _gap(sentence, row, earlier: _Recipient, later: _Recipient) -> str:
    """The words between two groups as written (", ", " và ")."""
    separator = row[earlier.last] if earlier.last < len(row) else None
    if separator is None:
        return " "
    return ", " if separator.form == "," else f" {sentence.slice(separator.first, separator.last)} "


def _continue_list(sentence, row, state, decision) -> list[Honour]:
    """A sentence of a list the previous one opened: "Các cá nhân gồm: Ông …", "- Bà …, Chủ tịch HĐQT …"."""
    opened = state.open_list
    if opened is None or not row:
        return []
    reach = 40 if opened.weak else 12  # a group named before may come back with a long description
    intro = next((i for i in range(min(len(row), reach) - 1, -1, -1) if row[i].form == ":"), None)
    if intro is None:
        intro = next((i for i, e in enumerate(row[:8]) if "incl" in e.tags), None)
    first = row[0]
    counted: list[_Recipient] = []
    if intro is not None and any(e.tags & (_GROUP_TAGS | {"person", "unit", "place"}) for e in row[:intro]):
        start = intro + 1
        if opened.weak:  # "Theo đó, có 39 tập thể … gồm:": the number of the group named before
            lead = [_parse(row, item, sentence, state) for item in _items(row, 0, intro)]
            counted = [r for r in lead if r is not None and r.kind == "group" and r.count is not None][:1]
    elif (first.tags & {"person", "unit"} or sentence.item) and not opened.weak:
        start = 0
    else:
        state.open_list = None
        return []
    parsed = [_parse(row, item, sentence, state) for item in _items(row, start, len(row))]
    recipients = [r for r in _walk([p for p in parsed if p is not None], sentence, row, state) if r.kind != "group"]
    if not recipients:
        state.open_list = None
        return []
    weak = opened.weak
    if weak:
        opened.weak, opened.counted, opened.named = False, [], 0
        recipients = counted + recipients
    made = [_honour(opened.award, r, opened.authority, sentence, opened.status, opened.decision or decision, None)
            for r in recipients]
    if weak and counted:
        opened.counted = made[:1]  # the group's number: dropped once the names cover it
    opened.named += sum(1 for honour in made if honour.count is None)
    for honour in opened.counted:
        if honour.count is not None and honour.count <= opened.named and honour not in state.dropped:
            state.dropped.append(honour)  # the names now cover the number
    return made


def _remember(sentence, matches, row, state: ArticleState) -> None:
    """Units named (for "nhà trường"), the actor, and the status a list's intro line gives its lines."""
    has_award = False
    if sentence.in_title:
        title = " ".join(sentence.norms)
        if any(phrase in title for phrase in grammar().consultation):
            state.article_status = "proposed"
    for match in matches:
        if match.kind == "award":
            has_award = True
        elif match.target is not None:
            state.named.append(match.target)
            if state.actor is None:
                state.actor = match.target
    if len(state.named) > 64:
        del state.named[:-32]
    if sentence.norms and sentence.norms[-1] == ":" and not has_award:
        proposes = not grammar().proposal_first.isdisjoint(sentence.norms)
        if proposes:  # (only then is the row needed: phrases that contain a proposal word are none)
            row = row if row is not None else elements(sentence, matches)
            proposes = any("proposal" in e.tags for e in row)
        state.list_status = "proposed" if proposes else None
        units = [m.target for m in matches if m.kind == "unit" and m.target is not None]
        state.record_unit = units[-1] if units else None
    elif not sentence.item:
        state.record_unit = None
        if state.open_list is None and not has_award:
            state.list_status = None


def _is_ancestor(registry: Registry, ancestor: Unit, unit: Unit) -> bool:
    return any(a.slug == ancestor.slug for a in registry.ancestors(unit.slug))


def _narrower(registry: Registry, current: Unit | None, new: Unit | None) -> Unit | None:
    """The more specific of two units naming the same person's place of work."""
    if current is None:
        return new
    if new is None or not (new.registered and current.registered) or _is_ancestor(registry, new, current):
        return current  # the first named is the narrowest: "Ban Công binh, Bộ Chỉ huy Quân sự tỉnh"
    return new


def _variant(award: Award, recipient: _Recipient, registry: Registry) -> Award:
    """"539 lượt tập thể đạt Lao động tiên tiến": collectives get the collective title."""
    if recipient.kind == "group" and recipient.group_kind == "collectives":
        key = (id(registry), award.slug, award.name)
        if key not in _COLLECTIVE:
            prefixes = grammar().collective_awards
            named = _normal(award.name).startswith(prefixes)
            _COLLECTIVE[key] = None if named else registry.find_award(f"{prefixes[0]} {award.name}")
        return _COLLECTIVE[key] or award
    return award


_COLLECTIVE: dict = {}  # (registry, award) -> its collective title, or None


def _honour(award: Award, recipient: _Recipient, authority: str | None, sentence: Sentence, status: str,
            decision: Decision | None, uncertain: str | None) -> Honour:
    if recipient.kind == "group":
        kind = recipient.group_kind or "individuals"
    elif recipient.kind == "place":
        kind = "collectives"
    elif recipient.kind == "role":
        kind = "person"
    else:
        kind = recipient.kind
    role = recipient.role.strip(" ,") if recipient.role else None
    offset = sentence.starts[0] if sentence.starts else None
    return Honour(award, recipient.name, kind, recipient.unit, recipient.count, role or None, authority, sentence.text,
                  status, decision, uncertain, offset, sentence.in_title)


# Decisions


@lru_cache(maxsize=1)
def _decision_letters() -> tuple:
    return tuple(dict.fromkeys(c for word in grammar().decision_words for c in (word[0], word[0].upper())))


@lru_cache(maxsize=1)
def _decision_regex() -> re.Pattern:
    return re.compile(grammar().decision, re.IGNORECASE)


def find_decision(text: str) -> Decision | None:
    letters = _decision_letters()
    if not (letters[0] in text or letters[1] in text or any(letter in text for letter in letters[2:])):
        return None  # no first letter of a decision word: most sentences, skipped without lowering them
    lowered = text.lower()
    if not any(word in lowered for word in grammar().decision_words):
        return None  # most sentences name no decision: skipped without the regex
    match = _decision_regex().search(text)
    if match is None or not (match["number"] or match["date"]):
        return None
    number = (match["number"] or "").rstrip(".,–-") or None
    issuer = " ".join(match["issuer"].split()) if match["issuer"] else None
    date = re.sub(r"\s+", "", match["date"]) if match["date"] and not re.search(r"[^\d\s/.\-]", match["date"]) \
        else match["date"]
    return Decision(number, date, issuer)


# Repeats


def merge_honours(honours: list[Honour]) -> list[Honour]:
    """One honour per conferment, however often the article repeats it.

    A vaguer repeat (no unit, no count, a caption's "các tập thể") of a more
    precise honour of the same award is the same conferment.
    """
    unique: dict[tuple, Honour] = {}
    for honour in honours:
        key = _key(honour)
        if key in unique and unique[key].uncertain and not honour.uncertain:
            unique[key] = honour  # a certain reading of the same honour wins
        unique.setdefault(key, honour)
    alike: dict[tuple, list[tuple[tuple, Honour]]] = {}
    for key, honour in unique.items():
        alike.setdefault((key[0], key[5]), []).append((key, honour))
    return [
        honour for key, honour in unique.items()
        if len(alike[key[0], key[5]]) == 1
        or not any(other is not honour and _subsumes(other_key, key, _unnamed(honour))
                   for other_key, other in alike[key[0], key[5]])
    ]


def _key(honour: Honour) -> tuple:
    recipient = normalise(honour.recipient)
    for plural in ("các ", "những "):
        recipient = recipient.removeprefix(plural)  # "các cá nhân" repeats "26 cá nhân"
    return (honour.award.slug, honour.recipient_kind, recipient,
            honour.unit.slug if honour.unit else None, honour.count, honour.status)


def _unnamed(honour: Honour) -> bool:
    """A group without a name: only group nouns ("các tập thể, cá nhân", not "Ngành Giáo dục"), in any case."""
    return all(word in _group_words() for word in _normal(honour.recipient).split() if word[:1].isalnum())


@lru_cache(maxsize=1)
def _group_words() -> frozenset:
    classes = grammar().classes
    return frozenset(word for name in ("individuals", "collectives", "plural", "and")
                     for phrase in classes[name] for word in phrase)


def _subsumes(precise: tuple, vague: tuple, unnamed: bool) -> bool:
    """Whether honour key `precise` says everything `vague` says, and more."""
    award, kind, recipient, unit, count, status = vague
    if precise[0] != award or precise[5] != status:
        return False
    if kind == "collectives" and count is None and unit is None and precise[1] == "unit" and unnamed:
        return True  # "các tập thể" beside named units given the same award
    if count is None and unit is None and precise[4] is not None and precise[1] == kind \
            and recipient.startswith(precise[2] + " ") and kind in ("individuals", "collectives"):
        return True  # "gia đình có nhiều liệt sĩ" beside "1 gia đình": the counted group said more
    if precise[1:3] != (kind, recipient):
        return False
    same_unit = unit is None or precise[3] == unit
    same_count = count is None or precise[4] == count
    more = (unit is None and precise[3] is not None) or (count is None and precise[4] is not None)
    return same_unit and same_count and more
