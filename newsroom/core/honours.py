"""Who received which award: conferments read from the sentences of one article.

The word classes live in `shapes.py`; this module is the small grammar that
combines them. Around every award name in a sentence it tries, in order:

1. counted award      "177 bằng khen của Chủ tịch UBND tỉnh", "9 Huân chương Độc lập hạng Ba"
2. active             "<award> [của X] [năm N] cho|tặng|đến|:|là|gồm <recipients>"
3. passive            "<recipients> [đã] [được|vinh dự] [X trình Y] <verb> [danh hiệu] <award> [, gồm: <names>]"
4. record             an award with no recipient in a list of an actor's achievements
                      ("Năm 2016 được tặng Cờ thi đua …; Bằng khen …"), given to the unit the
                      list is about (named before "cụ thể:", or the article's actor)

Recipients are a list split on ",", "và" and ";" outside names and brackets:
persons (title or rank, then a name; appositives after it give role and unit),
units (registered or named by their head), places ("thành phố Hải Phòng"),
words that point back ("nhà trường": the school last named) and counted or
uncounted groups. A run of uncounted groups is one recipient read as written
("các phòng, đơn vị trực thuộc và cá nhân"). A list opened by "gồm:" or
"<award>: 01 cá nhân" goes on in the next sentences while they are list items.
Status comes from the words before the award: proposals (đề nghị, trình, lấy
ý kiến…) and posthumous conferments (truy tặng); a decision named in the
sentence ("Quyết định số …") is attached to its honours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, count as counter
from operator import itemgetter

from newsroom.core.candidates import SURNAMES
from newsroom.core.matching import Match, Sentence
from newsroom.core.registry import Award, Registry, Unit
from newsroom.core.shapes import (
    ACTIVE_MARKERS, AFTER_AWARD_VERBS, AGENT_WORDS, ANAPHORA, APPROXIMATE, COLLECTIVE_NOUNS, CONFER_WORDS, COUNT_UNITS,
    INDIVIDUAL_NOUNS, LEADING_FILLER, LIST_END, LIST_MARKERS, NUMBER_WORDS, OF_WORDS, PASSIVE_FILLER, PASSIVE_MARKS,
    PERSON_TITLES, PLACE_RECIPIENT_WORDS, POST_WORDS, POSTHUMOUS_WORD, PROPOSAL_WORDS, QUALIFIER_END, ROLE_WORDS,
    TIME_WORDS,
)
from newsroom.core.text import normalise

_NORM = itemgetter(0)  # a token's matching form

STATUSES = ("conferred", "proposed", "posthumous")
RECIPIENT_KINDS = ("person", "unit", "individuals", "collectives")


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
    status: str = "conferred"  # "conferred" | "proposed" | "posthumous"
    decision: Decision | None = None


GROUP_NOUNS = {noun: "individuals" for noun in INDIVIDUAL_NOUNS} | {noun: "collectives" for noun in COLLECTIVE_NOUNS}
class _Countish(dict):
    """norm -> whether it may be a count ("12", "1.780", "hai"): the same test as _count_at's, cached per word."""

    def __missing__(self, norm: str) -> bool:
        value = bool(norm[:1].isdigit() or norm in NUMBER_WORDS)
        if len(self) < 100_000:
            self[norm] = value
        return value


_COUNTISH = _Countish()
_GROUPS_BY_WORD: dict[str, list[tuple[str, ...]]] = {}
for _noun in sorted(GROUP_NOUNS, key=len, reverse=True):
    _GROUPS_BY_WORD.setdefault(_noun[0], []).append(_noun)
_TITLES_BY_WORD: dict[str, list[tuple[str, ...]]] = {}
for _title in sorted(PERSON_TITLES, key=len, reverse=True):
    _TITLES_BY_WORD.setdefault(_title[0], []).append(_title)
_ANAPHORA_FIRST_WORDS = frozenset(words[0] for words in ANAPHORA)
_PLACE_FIRST_WORDS = frozenset(words[0] for words in PLACE_RECIPIENT_WORDS)
_PROPOSAL_FIRST = frozenset(words[0] for words in PROPOSAL_WORDS)
_INTRO_WORDS = frozenset((":", "gồm", "là"))
# Words a recipient list is split or ended at (_items): separators, brackets, LIST_END, QUALIFIER_END's first words.
_ITEM_WORDS = frozenset({",", "và", ";", ":", "gồm", "là", "(", ")", "."} | LIST_END
                        | {pair[0] for pair in QUALIFIER_END})
_CLAUSE_MARKS = frozenset((":", ";"))
_OPENING_QUOTES = frozenset(("“", '"', "«"))
_LIST_OPENERS = frozenset((":", "gồm"))
_DECISION = re.compile(
    r"(?:quyết định|qđ)\s*(?:số\s*)?(?P<number>\d+[\w/.\-–]*)?"
    r"(?:\s*,?\s*(?:ngày|ký ngày)\s*(?P<date>\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}"
    r"|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?"
    r"(?:\s*(?:\([^)]*\)\s*)?của\s+(?P<issuer>[^,;.():]+?))?(?=\s+(?:về|v/v|tặng|trao|truy|khen|công|phong|và)\b|\s*[,;.():]|$)",
    re.IGNORECASE,
)


@dataclass(slots=True)  # (slots: a few per award, built and read by every rule of the grammar)
class _Recipient:
    kind: str  # person | unit | group | place | role | point (anaphora resolved to a unit)
    name: str
    unit: Unit | None = None
    count: int | None = None
    role: str | None = None
    group_kind: str | None = None  # for groups: individuals | collectives
    first: int = 0
    last: int = 0


@dataclass
class OpenList:
    """A list of recipients that goes on in the next sentences ("Các cá nhân gồm:", "Ông …")."""

    award: Award
    authority: str | None
    status: str
    decision: Decision | None
    counted: list[Honour] = field(default_factory=list)
    named: int = 0


@dataclass
class ArticleState:
    """What one sentence leaves to the next; lives only while an article is read."""

    registry: Registry
    actor: Unit | None = None
    by_head: dict[str, Unit] = field(default_factory=dict)
    open_list: OpenList | None = None
    record_unit: Unit | None = None
    list_status: str | None = None
    # The previous sentence read here: its decision, if it names one, covers this sentence's honours.
    # (Kept as text and read only when honours need it: most sentences confer nothing.)
    decision_text: str = ""
    dropped: list[Honour] = field(default_factory=list)


# Reading a sentence


def sentence_honours(sentence: Sentence, matches: list[Match], registry: Registry,
                     state: ArticleState | None = None) -> list[Honour]:
    """Honours conferred in one sentence; `matches` are its resolved names in order."""
    state = state or ArticleState(registry)
    tokens = sentence.tokens
    previous_text, state.decision_text = state.decision_text, sentence.text
    awards = [m for m in matches if m.kind == "award" and m.target is not None]
    if not awards and state.open_list is None:
        _remember(sentence, matches, state)
        return []  # no award and no list going on: nothing conferred here
    starts = {m.first: m for m in matches if m.target is not None}
    decision = find_decision(sentence.text) or find_decision(previous_text)
    if not awards:
        honours = _continue_list(sentence, starts, state, decision)
        _remember(sentence, matches, state)
        return honours
    honours: list[Honour] = []
    bounds = _clauses(sentence.norms)
    record_from: list[_Recipient] | None = None
    opened: OpenList | None = None
    list_status = state.list_status if sentence.item or state.open_list else None
    for number, match in enumerate(awards):
        clause_start, clause_end = bounds[0] if len(bounds) == 1 else \
            next((a, b) for a, b in bounds if a <= match.first < b)
        before = max(awards[number - 1].last if number else clause_start, clause_start)
        after = min(awards[number + 1].first if number + 1 < len(awards) else clause_end, clause_end)
        status = list_status or _status(sentence.norms, clause_start, match.first)
        if status == "conferred":  # "<award> được đề nghị tặng cho …"
            following = _status(sentence.norms, match.last, min(after, match.last + 6))
            status = following if following == "proposed" else status
        authority, position = _authority(sentence, match, after, starts)
        recipients, listed, how = _conferment(sentence, match, before, after, position, starts, state)
        if not recipients and record_from is not None and how == "bare":
            recipients, how = record_from, "record"
        if not recipients and how == "bare" and (sentence.item or _only_time(tokens, clause_start, match.first)) \
                and state.record_unit is not None:
            recipients, how = [_unit_recipient(state.record_unit)], "record"
        if how == "record":
            record_from, status = recipients, "conferred" if status == "proposed" and list_status else status
        award = match.target
        made = [_honour(_variant(award, recipient, registry), recipient, authority, sentence.text, status, decision)
                for recipient in recipients]
        honours.extend(made)
        if listed:
            opened = OpenList(award, authority, status, decision, [h for h in made if h.count is not None],
                              sum(1 for h in made if h.count is None))
    state.open_list = opened
    if opened is None:
        state.list_status = None
    _remember(sentence, matches, state)
    return honours


def _clauses(norms: list[str]) -> list[tuple[int, int]]:
    """Clauses split on ";", except inside a list opened by ":" or "gồm" (its items are split by ";")."""
    if ";" not in norms:
        return [(0, len(norms))]  # (most sentences: one clause, found without looking for a list)
    listing = min(_first_index(norms, ":"), _first_index(norms, "gồm"))
    bounds, start = [], 0
    index = _first_index(norms, ";", 0, listing)
    while index < listing:
        bounds.append((start, index))
        start = index + 1
        index = _first_index(norms, ";", start, listing)
    bounds.append((start, len(norms)))
    return bounds


def _first_index(norms: list[str], word: str, start: int = 0, stop: int | None = None) -> int:
    """Index of the first `word` in norms[start:stop], or `stop` (len(norms)) when there is none.
    (list.index compares at C speed, with no call per token.)"""
    stop = len(norms) if stop is None else stop
    if word not in norms:
        return stop  # (most sentences: no exception raised and caught)
    try:
        return norms.index(word, start, stop)
    except ValueError:
        return stop


def _remember(sentence: Sentence, matches: list[Match], state: ArticleState) -> None:
    """Units named, for "nhà trường" later; the unit a list of achievements is about; a proposal's list."""
    tokens = sentence.tokens
    last_unit = None
    has_award = False
    for match in matches:
        if match.kind == "award":
            has_award = True
        elif match.target is not None:
            state.by_head[_first_word(match.target.name)] = match.target
            last_unit = match.target
            if state.actor is None:
                state.actor = match.target
    ends_list = bool(tokens) and tokens[-1].norm == ":"
    if ends_list and not has_award:
        state.record_unit = last_unit
        state.list_status = _status(sentence.norms, 0, len(tokens))
    elif not sentence.item and not has_award and state.open_list is None:
        state.record_unit = None  # the list of achievements is over


@lru_cache(maxsize=4096)
def _first_word(name: str) -> str:
    return normalise(name).split(" ")[0]


def _only_time(tokens, first: int, last: int) -> bool:
    """Only dates and time words before the award: the clause's subject is the unit it is about."""
    words = [t for t in tokens[first:last] if t.norm not in (":", ";")]
    return all(t.norm in TIME_WORDS or t.norm in CONFER_WORDS or t.norm.isdigit() for t in words)


def _status(norms: list[str], first: int, last: int) -> str:
    """"proposed" when a proposal word stands before the award, "posthumous" for "truy tặng", else "conferred"."""
    norms = norms[first:last]
    # (most clauses have no proposal word at all: the set test spares the loop)
    for index, norm in enumerate(() if _PROPOSAL_FIRST.isdisjoint(norms) else norms):
        if norm not in _PROPOSAL_FIRST:
            continue
        for words, (cancel_after, cancel_before) in PROPOSAL_WORDS.items():
            if tuple(norms[index : index + len(words)]) != words:
                continue
            following = norms[index + len(words)] if index + len(words) < len(norms) else None
            preceding = norms[index - 1] if index else None
            if following != cancel_after and (cancel_before is None or preceding not in cancel_before):
                return "proposed"
    if POSTHUMOUS_WORD in norms[-8:]:
        return "posthumous"
    return "conferred"


def find_decision(text: str) -> Decision | None:
    if "q" not in text and "Q" not in text:
        return None  # no "quyết định" nor "QĐ": most sentences, skipped without the regex
    lowered = text.lower()
    if "quyết định" not in lowered and "qđ" not in lowered:
        return None  # "q" is common ("quả", "Quang"): the regex needs one of these words
    match = _DECISION.search(text)
    if match is None or not (match["number"] or match["date"]):
        return None
    number = (match["number"] or "").rstrip(".,–-") or None
    issuer = " ".join(match["issuer"].split()) if match["issuer"] else None
    date = re.sub(r"\s+", "", match["date"]) if match["date"] and "tháng" not in match["date"] else match["date"]
    return Decision(number, date, issuer)


# One award and its recipients


def _authority(sentence: Sentence, match: Match, after: int, starts: dict[int, Match]) -> tuple[str | None, int]:
    """Who confers ("của X"), and where the words after the award name and its authority start."""
    tokens = sentence.tokens
    authority = match.authority
    position = match.last
    while position < after and tokens[position].norm in ("”", '"', "’", "'", "»"):
        position += 1
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
        # (capitals are read last, and only when a capitalised word follows: they cost a regex)
        if normalise(match.target.name).endswith(normalise(authority)) and position < after \
                and tokens[position].is_capitalised and not sentence.all_caps:
            end = position
            while end < after and tokens[end].is_word and tokens[end].is_capitalised and tokens[end].norm not in ACTIVE_MARKERS:
                if end in starts and starts[end].target.registered:
                    break
                end = starts[end].last if end in starts else end + 1
            if end > position:
                authority = f"{authority} {sentence.slice(position, end)}"
                position = end
    return authority, position


def _conferment(sentence, match, before, after, position, starts, state):
    """(recipients, whether a list was opened, which shape found them)."""
    tokens = sentence.tokens
    counted = _count_before(tokens, match.first, before, starts)
    if counted is not None:
        count, first = counted
        noun, kind = _context_group(tokens, before, first, match.target)
        return [_Recipient("group", noun, count=count, group_kind=kind, first=first, last=match.first)], False, "counted"
    # Active: "<award> [của X] [(…)] [năm 2025] cho|tặng|đến <recipients>".
    marker = _skip_after_award(tokens, position, after)
    if marker < after and tokens[marker].norm in ACTIVE_MARKERS:
        start = marker + 1
        while start < after and tokens[start].norm in ACTIVE_MARKERS | {":"}:
            start += 1
        recipients, listed = _list(sentence, start, after, starts, state)
        if recipients:
            return recipients, listed, "active"
    elif marker < after and _count_at(tokens, marker, after, starts) is not None:
        recipients, listed = _list(sentence, marker, after, starts, state)  # "tặng bằng khen 78 tập thể"
        if recipients and all(r.kind == "group" and r.count is not None for r in recipients):
            return recipients, listed, "active"
    # Named after the award: "<award>: <recipients>", "<award>, gồm: …", "<award> là Sở Tài chính".
    named, listed = [], False
    if marker < after and tokens[marker].norm in LIST_MARKERS:
        start = marker + 1
        while start < after and tokens[start].norm in LIST_MARKERS:
            start += 1
        named, _ = _list(sentence, start, after, starts, state)
        listed = tokens[marker].norm in (":", "gồm")
    # Passive: "<recipients> … được tặng <award>".
    verb = _verb_start(tokens, match.first, before, starts)
    if verb is None:
        return named, listed, "colon" if named else "bare"
    # The last ":" or ";" before the verb, then the last opening quote after it (found at C speed).
    norms = sentence.norms
    marks = list(compress(counter(before), map(_CLAUSE_MARKS.__contains__, norms[before:verb])))
    phrase = marks[-1] + 1 if marks else before
    quotes = list(compress(counter(phrase), map(_OPENING_QUOTES.__contains__, norms[phrase:verb])))
    if quotes:
        phrase = quotes[-1] + 1  # a quotation starts its own clause
    passive = not PASSIVE_MARKS.isdisjoint(norms[verb : match.first])
    subject = _subject(sentence, phrase, verb, starts, state)
    if not passive:
        subject = [r for r in subject if r.kind == "group" and r.count is not None]
    named_only = [r for r in named if r.kind != "group" or r.count is not None]
    if named_only:
        counts = [r for r in subject if r.kind == "group" and r.count is not None]
        if counts and counts[0].count > len([r for r in named_only if r.kind != "group"]):
            return counts + named_only, listed, "passive"  # an excerpt cut inside the list: the number says more
        return named_only, listed, "passive"
    if subject:
        return subject, listed, "passive"
    if passive and _only_time(tokens, phrase, verb) and state.record_unit is None and state.actor is not None:
        return [_unit_recipient(state.actor)], False, "record"
    return named, listed, "colon" if named else "bare"


def _skip_after_award(tokens, position: int, after: int) -> int:
    """The first word after an award's name that may start its recipients: skips years, brackets, commas,
    and a passive verb ("<award> được trao cho …")."""
    index = position
    verbs = index
    while verbs < after and tokens[verbs].norm in AFTER_AWARD_VERBS:
        verbs += 1
    if verbs > index and verbs < after and tokens[verbs].norm in ACTIVE_MARKERS and tokens[index].norm in ("được", "đã", "sẽ"):
        return verbs
    while index < after:
        norm = tokens[index].norm
        if norm == "(":
            close = next((i for i in range(index, after) if tokens[i].norm == ")"), None)
            if close is None:
                return after
            index = close + 1
        elif norm == "năm" and index + 1 < after and tokens[index + 1].norm.isdigit():
            index += 2
        elif norm in (",", "”", '"', "’", "»") and index + 1 < after and tokens[index + 1].norm in LIST_MARKERS | ACTIVE_MARKERS:
            index += 1
        elif norm in ("hạng",) or norm in ("thời", "kỳ", "đổi", "mới"):
            index += 1
        else:
            return index
    return index


def _verb_start(tokens, award_first: int, before: int, starts: dict[int, Match]) -> int | None:
    """Start of "[đã] được [X trình Y] trao tặng [danh hiệu]" before an award, if a conferment verb is there.

    Read backwards: verbs, "danh hiệu", proposal words; then an agent
    ("UBND tỉnh trình Thủ tướng Chính phủ") only if "được" stands before it;
    left of "được" only "đã", "cũng", "vinh dự".
    """
    index, verbs = award_first, 0
    while index > before:
        norm = tokens[index - 1].norm
        if norm in CONFER_WORDS:
            verbs += 1
        elif not (norm in PASSIVE_FILLER or norm in ("“", '"', "‘", "«", "đề", "nghị", "trình", "xét")):
            break
        index -= 1
    if not verbs:
        return None
    probe = index
    firsts = {m.last - 1: m.first for m in starts.values()}
    while probe > before and award_first - probe < 16 and tokens[probe - 1].norm != "được":
        token = tokens[probe - 1]
        if (probe - 1) in firsts:
            probe = max(firsts[probe - 1], before)  # a whole name: "được Ban Thường vụ Tỉnh ủy tặng"
            continue
        if not (token.norm in AGENT_WORDS or token.is_capitalised):
            break
        probe -= 1
    if probe > before and tokens[probe - 1].norm == "được" and probe < index:
        index = probe
    while index > before and tokens[index - 1].norm in ("được", "đã", "cũng", "đều", "đang", "vinh", "dự"):
        index -= 1
    return index


def _ends(starts: dict[int, Match]) -> set[int]:
    return {m.last - 1 for m in starts.values()}


def _subject(sentence, first: int, last: int, starts, state) -> list[_Recipient]:
    """Recipients before a passive verb: the last counted group, or the named list that ends there."""
    tokens = sentence.tokens
    # Only numbers can start a count (_count_at says None elsewhere): they are found at C speed.
    numbers = compress(counter(first), map(_COUNTISH.__getitem__, sentence.norms[first:last]))
    for index in reversed(list(numbers)):
        counted = _count_at(tokens, index, last, starts)
        if counted is None or (index > first and _count_at(tokens, index - 1, last, starts)):
            continue
        count, after = counted
        group = _group_run(tokens, after, last)
        if group is None:
            continue
        nouns_end, kind = group
        found = [_Recipient("group", sentence.slice(after, nouns_end), count=count, group_kind=kind,
                            first=index, last=nouns_end, unit=_unit_after(tokens, nouns_end, last, starts))]
        # "3 tập thể và 5 cá nhân được tặng …": the counted groups before it go with it.
        while index - 3 >= first and tokens[index - 1].norm in ("và", ","):
            for start in range(index - 2, max(first, index - 5) - 1, -1):
                earlier = _count_at(tokens, start, index - 1, starts)
                run = _group_run(tokens, earlier[1], index - 1) if earlier else None
                if run is not None and run[0] == index - 1:
                    found.insert(0, _Recipient("group", sentence.slice(earlier[1], run[0]), count=earlier[0],
                                               group_kind=run[1], first=start, last=run[0], unit=found[-1].unit))
                    index = start
                    break
            else:
                break
        return found
    items = _items(sentence, first, last, starts, forward=False)
    taken: list[tuple[int, int]] = []
    parsed: list[_Recipient] = []
    for item in reversed(items):
        recipient = _parse(sentence, item, starts, state)
        if recipient is None:
            break
        taken.insert(0, item)
        parsed.insert(0, recipient)
    return _walk(sentence, taken, starts, state, parsed)  # (parsed once: _parse reads nothing _walk changes)


def _unit_after(tokens, first: int, last: int, starts) -> Unit | None:
    for index in range(first, last):
        if tokens[index].norm in OF_WORDS:
            return _unit_in(starts, index + 1, last)
    return None


def _count_before(tokens, award_first: int, before: int, starts) -> tuple[int, int] | None:
    """"177 bằng khen", "gần 1.150 lao động tiên tiến": a number right before the award counts it."""
    index = award_first - 1
    if index < before:
        return None
    value = _number(tokens[index].norm)
    # (the set of names' ends is built only behind a number)
    if value is None or index in _ends(starts) or tokens[index].norm.isdigit() and 1900 <= value <= 2100:
        return None
    first = index
    while first > before and tokens[first - 1].norm in APPROXIMATE:
        first -= 1
    if first > 0 and tokens[first - 1].norm in ("hạng", "số", "thứ", "lần", "năm", "khóa", "/"):
        return None
    return value, first


def _context_group(tokens, first: int, last: int, award: Award) -> tuple[str, str]:
    """What a count of awards counts: a counted group before it ("cho 83 đồng chí …, gồm:"), else the award's kind."""
    for index in range(last - 2, -1, -1):
        if tokens[index].norm == ";":
            break
        if _number(tokens[index].norm) is not None:
            group = _group_at(tokens, index + 1)
            if group is not None:
                return group[0], group[1]
    name = normalise(award.name)
    if name.startswith(("tập thể", "cờ")) or award.kind == "emulation_flag":
        return "tập thể", "collectives"
    return "cá nhân", "individuals"


def _variant(award: Award, recipient: _Recipient, registry: Registry) -> Award:
    """"539 lượt tập thể đạt Lao động tiên tiến": collectives get the collective title."""
    if recipient.kind == "group" and recipient.group_kind == "collectives" and not award.name.lower().startswith("tập thể"):
        collective = registry.find_award(f"Tập thể {award.name}")
        if collective is not None:
            return collective
    return award


# Recipient lists


def _list(sentence, start: int, end: int, starts, state) -> tuple[list[_Recipient], bool]:
    """Recipients from `start`; True when they are introduced as a list ("7 tập thể, gồm: …")."""
    items = _items(sentence, start, end, starts)
    recipients = _walk(sentence, items, starts, state)
    intro = next(compress(counter(start), map(_INTRO_WORDS.__contains__, sentence.norms[start:end])), None)
    if intro is None:
        return recipients, False
    before = [r for r in recipients if r.first < intro]
    named = [r for r in recipients if r.first > intro and r.kind != "group"]
    counts = [r for r in before if r.kind == "group" and r.count is not None]
    if not named:
        return recipients, True
    if counts and counts[-1].count > len(named):
        return [counts[-1]] + named, True  # the list is cut short: keep the number too
    return [r for r in before if r.kind != "group"] + named, True


def _items(sentence: Sentence, start: int, end: int, starts: dict[int, Match], forward: bool = True) -> list[tuple[int, int]]:
    """Token ranges of a recipient list, split on ",", "và", ";" and list words outside names and brackets.

    A list after the verb ends where a word says why or when ("vì", "tại"); a
    list before a passive verb is read backwards, so there those words only
    separate.
    """
    tokens = sentence.tokens
    items, first, index = [], start, start
    while index < end:
        if index in starts:
            index = starts[index].last
            continue
        norm = tokens[index].norm
        if norm not in _ITEM_WORDS:
            index += 1  # (a plain word: none of the tests below applies)
            continue
        if norm == "(":
            close = next((i for i in range(index, min(end, index + 30)) if tokens[i].norm == ")"), None)
            if close is None:
                break
            if index > first:
                items.append((first, index))
            first = index = close + 1
            continue
        if norm in {",", "và", ";", ":", "gồm", "là"}:
            if index > first:
                items.append((first, index))
            first = index + 1
        elif not forward and (norm in LIST_END or norm == "."):
            if index > first:
                items.append((first, index))
            first = index + 1
        elif norm in {".", ")"} or norm in LIST_END and index > first and not (index + 1 < end and tokens[index + 1].is_capitalised and norm == "tại"):
            break
        elif index + 1 < end and (norm, tokens[index + 1].norm) in QUALIFIER_END and index > first:
            break
        index += 1
    if min(index, end) > first:
        items.append((first, min(index, end)))
    return items


_GROUPED_DIGITS = re.compile(r"\d{1,3}(?:[.,]\d{3})+")


def _number(norm: str) -> int | None:
    if norm.isdigit():
        return int(norm)
    if not norm[:1].isdecimal():
        return None  # (\d is a decimal digit): most words, without the regex
    if _GROUPED_DIGITS.fullmatch(norm):
        return int(re.sub(r"[.,]", "", norm))
    return None


def _count_at(tokens, index: int, last: int, starts) -> tuple[int, int] | None:
    """(count, index after it and after "lượt") for "07", "1.780 lượt", "hai" before a group noun."""
    if index >= last or index in starts:
        return None
    norm = tokens[index].norm
    value = _number(norm) if norm[:1].isdigit() else None  # (a number starts with a digit: most words skip the call)
    after = index + 1
    if value is None:
        if norm not in NUMBER_WORDS or after >= last or (_group_at(tokens, after) is None
                                                         and tokens[after].norm not in COUNT_UNITS):
            return None
        value = NUMBER_WORDS[norm]
    while after < last and tokens[after].norm in COUNT_UNITS:
        after += 1
    return value, after


def _group_at(tokens, index: int):
    """(noun as normalised, "individuals" | "collectives", length) of a group noun at `index`."""
    if index >= len(tokens):
        return None
    for noun in _GROUPS_BY_WORD.get(tokens[index].norm, ()):  # longest first
        if len(noun) == 1 or tuple(map(_NORM, tokens[index : index + len(noun)])) == noun:  # (keyed by its first word)
            return " ".join(noun), GROUP_NOUNS[noun], len(noun)
    return None


def _group_run(tokens, index: int, last: int) -> tuple[int, str] | None:
    """"tập thể, cá nhân", "công nhân, viên chức, người lao động": nouns of one counted group."""
    group = _group_at(tokens, index)
    if group is None:
        return None
    kind, end = group[1], index + group[2]
    while end + 1 < last and tokens[end].norm in (",", "và"):
        following = _group_at(tokens, end + 1)
        if following is None or _count_at(tokens, end + 1, last, {}) is not None:
            break
        end += 1 + following[2]
    return end, kind


def _title_at(tokens, index: int) -> int:
    for title in _TITLES_BY_WORD.get(tokens[index].norm, ()):
        if len(title) == 1 or tuple(map(_NORM, tokens[index : index + len(title)])) == title:  # (keyed by its first word)
            return len(title)
    return 0


def _person_name_end(sentence: Sentence, start: int, last: int, starts) -> int:
    """A person's name: capitalised words, ended by a dash, comma or lower-case word ("Trần Văn An - Hiệu trưởng")."""
    tokens = sentence.tokens
    end = start
    while end < last and end - start < 6 and tokens[end].is_word and tokens[end].is_capitalised and end not in starts:
        if end > start and _dash_before(sentence, end):
            break
        end += 1
    return end


def _dash_before(sentence: Sentence, index: int) -> bool:
    base = sentence.starts[0]
    gap = sentence.text[sentence.end(index - 1) - base : sentence.starts[index] - base]
    return any(char in gap for char in "-–—")


def _parse(sentence: Sentence, item: tuple[int, int], starts: dict[int, Match], state: ArticleState) -> _Recipient | None:
    tokens = sentence.tokens
    first, last = item
    while first < last and tokens[first].norm in LEADING_FILLER and first not in starts:
        first += 1
    if first >= last:
        return None
    count = None
    if first + 1 < last and tokens[first].norm in APPROXIMATE and _number(tokens[first + 1].norm) is not None:
        first += 1  # "gần 150 tập thể": about a number is still that number
    # (the word tables are read here before each call: most items start with none of them)
    counted = _count_at(tokens, first, last, starts) if _COUNTISH[tokens[first].norm] else None
    if counted is not None:
        count, first = counted
    if first >= last:
        return None
    norm = tokens[first].norm
    title = _title_at(tokens, first) if norm in _TITLES_BY_WORD else 0
    if count is None and title and first + title < last and tokens[first + title].is_capitalised \
            and tokens[first + title].norm not in ROLE_WORDS:  # "Đồng chí Trưởng Ban …" names a post, not a person
        start = first + title
        end = _person_name_end(sentence, start, last, starts)
        if end > start:
            unit = _unit_in(starts, end, last)
            role = sentence.slice(end, last) if end < last and not _unit_in(starts, end, end + 1) else None
            return _Recipient("person", sentence.slice(start, end), unit=unit, role=role, first=first, last=last)
    match = starts.get(first)
    if match is not None and match.kind == "unit" and count is None:
        return _Recipient("unit", match.written or match.target.name, unit=match.target, first=first, last=last)
    pointed = _anaphora(tokens, first, last, state) if norm in _ANAPHORA_FIRST_WORDS else None
    if pointed is not None and count is None:
        return _Recipient("unit", pointed.name, unit=pointed, first=first, last=last)
    group = _group_at(tokens, first) if norm in _GROUPS_BY_WORD else None
    if group is not None and count is None and first + group[2] < last and tokens[first + group[2]].norm in POST_WORDS \
            and tokens[first + group[2]].is_capitalised and (first + group[2]) not in starts:
        group = None  # "Đồng chí Trưởng Ban Tuyên giáo": a post, not a group
    if group is not None:
        noun, kind, length = group
        position = first + length
        while position < last and _group_at(tokens, position) and position not in starts:
            position += _group_at(tokens, position)[2]  # "tập thể cơ quan Thanh tra tỉnh"
        following = starts.get(position)
        if following is not None and following.kind == "unit" and count is None and noun == "tập thể":
            return _Recipient("unit", following.written or following.target.name, unit=following.target,
                              first=first, last=last)  # "tập thể Phòng X"
        pointed = _anaphora(tokens, position, last, state)
        if pointed is not None and count is None:
            return _Recipient("unit", pointed.name, unit=pointed, first=first, last=last)  # "tập thể nhà trường"
        if following is not None and following.kind == "unit" and count is None:
            return _Recipient("group", sentence.slice(first, position), unit=following.target, group_kind=kind,
                              first=first, last=last)  # "cán bộ, nhân viên Thanh tra thành phố"
        unit = None
        for index in range(position, last):
            if tokens[index].norm in OF_WORDS:
                unit = _unit_in(starts, index + 1, last)
                break
        if count is not None:
            return _Recipient("group", sentence.slice(first, first + length), unit=unit, count=count, group_kind=kind,
                              first=first, last=last)
        lead = first - 1 if first > item[0] and tokens[first - 1].norm in ("các", "những") else first
        return _Recipient("group", sentence.slice(lead, last), unit=unit, group_kind=kind, first=lead, last=last)
    if count is None and tokens[first].norm in _PLACE_FIRST_WORDS:
        length = next((len(p) for p in sorted(PLACE_RECIPIENT_WORDS, key=len, reverse=True)
                       if tuple(map(_NORM, tokens[first : first + len(p)])) == p), 0)
        end = first + length
        while end < last and tokens[end].is_word and tokens[end].is_capitalised:
            end += 1
        if length and end > first + length:
            return _Recipient("place", sentence.slice(first, end), first=first, last=last)  # "thành phố Hải Phòng"
    if count is None and _is_name(tokens, first, last, starts):
        end = _person_name_end(sentence, first, last, starts)
        role = sentence.slice(end, last) if end < last and not _unit_in(starts, end, end + 1) else None
        return _Recipient("person", sentence.slice(first, end), unit=_unit_in(starts, end, last), role=role,
                          first=first, last=last)
    if count is None and tokens[first].norm in ROLE_WORDS:
        return _Recipient("role", sentence.slice(first, last), unit=_unit_in(starts, first, last), first=first, last=last)
    return None


def _is_name(tokens, first: int, last: int, starts) -> bool:
    """Three capitalised words with no title ("Đỗ Thị Cúc" in "cho các Bà mẹ: Đỗ Thị Cúc, …")."""
    if first + 2 >= last + 0 or tokens[first].norm not in SURNAMES:
        return False
    return all(i < last and tokens[i].is_word and tokens[i].is_capitalised and i not in starts
               for i in range(first, first + 3))


def _anaphora(tokens, first: int, last: int, state: ArticleState) -> Unit | None:
    """"nhà trường", "bệnh viện": the school or hospital last named in the article."""
    if first >= len(tokens) or tokens[first].norm not in _ANAPHORA_FIRST_WORDS:
        return None
    for words, head in ANAPHORA.items():
        if not head or tuple(map(_NORM, tokens[first : first + len(words)])) != words:
            continue
        if first + len(words) < last and tokens[first + len(words)].is_capitalised:
            return None  # a name follows: "Trường THPT …" is no reference
        return state.by_head.get(head[0])  # units are remembered by the first word of their name
    return None


def _unit_in(starts: dict[int, Match], first: int, last: int) -> Unit | None:
    units = [starts[i].target for i in range(first, last) if i in starts and starts[i].kind == "unit"]
    return units[0] if units else None


def _unit_recipient(unit: Unit) -> _Recipient:
    return _Recipient("unit", unit.name, unit=unit)


def _walk(sentence: Sentence, items: list[tuple[int, int]], starts: dict[int, Match], state: ArticleState,
          parsed_items: list[_Recipient] | None = None) -> list[_Recipient]:
    """Recipients of a list; appositives (role, unit, a group's description) attach to the one before.

    `parsed_items`: the items already parsed, when the caller has read them (fresh objects, changed here)."""
    registry = state.registry
    recipients: list[_Recipient] = []
    if parsed_items is None:
        parsed_items = [_parse(sentence, item, starts, state) for item in items]
    for parsed in parsed_items:
        if parsed is None:
            continue
        last = recipients[-1] if recipients else None
        if last is not None and last.kind == "person" and parsed.kind in ("role", "unit", "place") \
                or last is not None and last.kind == "person" and parsed.kind == "group" and parsed.count is None:
            # "Thiếu tướng Nguyễn Văn B, Phó Tư lệnh Quân khu 9, Bộ Quốc phòng": role, then units.
            if parsed.kind == "role":
                last.role = last.role or parsed.name
            if parsed.unit is not None:
                last.unit = _narrower(registry, last.unit, parsed.unit)
            continue
        if parsed.kind == "role":
            continue
        if parsed.kind == "unit" and last is not None and last.kind == "unit" and last.unit is not None \
                and parsed.unit is not None and _is_ancestor(registry, parsed.unit, last.unit):
            continue  # "phòng Tổng hợp, Văn phòng Tỉnh ủy": the office qualifies the department
        if parsed.kind == "group" and parsed.count is None and last is not None and last.kind in ("unit", "place"):
            continue  # "thành phố Hải Phòng, đơn vị hoàn thành xuất sắc …": a description
        if parsed.kind == "group" and parsed.count is None and last is not None and last.kind == "group" \
                and last.count is None:
            # "các phòng, đơn vị trực thuộc và cá nhân": one group, read as written.
            last.name = sentence.slice(last.first, parsed.last)
            last.last = parsed.last
            last.unit = last.unit or parsed.unit
            if parsed.group_kind != last.group_kind:
                last.group_kind = "collectives"
            if last.unit is not None and normalise(last.name).startswith("tập thể") and parsed.unit is not None:
                # "tập thể cán bộ, công chức Thanh tra thành phố": the collective is the unit itself.
                recipients[-1] = _Recipient("unit", last.unit.name, unit=last.unit, first=last.first, last=last.last)
            continue
        recipients.append(parsed)
    # "5 tập thể và 12 cá nhân thuộc Sở Nội vụ": "thuộc" qualifies the whole run of groups.
    for later, earlier in zip(reversed(recipients), list(reversed(recipients))[1:]) if len(recipients) > 1 else ():
        if not (later.kind == earlier.kind == "group") or later.unit is None:
            break
        earlier.unit = earlier.unit or later.unit
    return recipients


def _continue_list(sentence: Sentence, starts, state: ArticleState, decision) -> list[Honour]:
    """A sentence of a list the previous one opened: "Các cá nhân gồm: Ông …", "Bà …, Chủ tịch HĐQT …"."""
    opened = state.open_list
    tokens = sentence.tokens
    if opened is None or not tokens:
        return []
    start = 0
    group = _group_at(tokens, 1 if tokens[0].norm in ("các", "những") else 0)
    intro = next((i for i in range(min(len(tokens), 6)) if tokens[i].norm in (":", "gồm")), None)
    if group is not None and intro is not None:
        start = intro + 1
        while start < len(tokens) and tokens[start].norm in (":", "gồm"):
            start += 1
    elif not (_title_at(tokens, 0) or 0 in starts and starts[0].kind == "unit" or sentence.item):
        state.open_list = None
        return []
    recipients = [r for r in _walk(sentence, _items(sentence, start, len(tokens), starts), starts, state)
                  if r.kind != "group"]
    if not recipients:
        return []
    opened.named += len(recipients)
    for counted in opened.counted:
        if counted.count is not None and counted.count <= opened.named and counted not in state.dropped:
            state.dropped.append(counted)  # the names now cover the number
    return [_honour(opened.award, r, opened.authority, sentence.text, opened.status, opened.decision or decision)
            for r in recipients]


def _is_ancestor(registry: Registry, ancestor: Unit, unit: Unit) -> bool:
    return any(a.slug == ancestor.slug for a in registry.ancestors(unit.slug))


def _narrower(registry: Registry, current: Unit | None, new: Unit | None) -> Unit | None:
    """The more specific of two units naming the same person's place of work."""
    if current is None:
        return new
    if new is None or not (new.registered and current.registered) or _is_ancestor(registry, new, current):
        return current  # the first named is the narrowest: "Ban Công binh, Bộ Chỉ huy Quân sự tỉnh"
    return new


def _honour(award: Award, recipient: _Recipient, authority: str | None, sentence: str, status: str,
            decision: Decision | None) -> Honour:
    if recipient.kind == "group":
        kind = recipient.group_kind or "individuals"
    elif recipient.kind == "place":
        kind = "collectives"
    elif recipient.kind == "role":
        kind = "person"
    else:
        kind = recipient.kind
    role = recipient.role.strip(" ,") if recipient.role else None
    return Honour(award, recipient.name, kind, recipient.unit, recipient.count, role or None, authority, sentence,
                  status, decision)


def merge_honours(honours: list[Honour]) -> list[Honour]:
    """One honour per conferment, however often the article repeats it.

    A vaguer repeat (no unit, no count, a caption's "các tập thể") of a more
    precise honour of the same award is the same conferment.
    """
    unique: dict[tuple, Honour] = {}
    for honour in honours:
        unique.setdefault(_key(honour), honour)
    # Only keys of the same award and status can subsume each other: compare within those.
    alike: dict[tuple, list[tuple[tuple, Honour]]] = {}
    for key, honour in unique.items():
        alike.setdefault((key[0], key[5]), []).append((key, honour))
    return [
        honour for key, honour in unique.items()
        if len(alike[key[0], key[5]]) == 1  # (alone with its award and status: nothing to compare)
        or not any(other is not honour and _subsumes(other_key, key) for other_key, other in alike[key[0], key[5]])
    ]


def _key(honour: Honour) -> tuple:
    recipient = normalise(honour.recipient)
    for plural in ("các ", "những "):
        recipient = recipient.removeprefix(plural)  # "các cá nhân" repeats "26 cá nhân"
    return (honour.award.slug, honour.recipient_kind, recipient,
            honour.unit.slug if honour.unit else None, honour.count, honour.status)


def _subsumes(precise: tuple, vague: tuple) -> bool:
    """Whether honour key `precise` says everything `vague` says, and more."""
    award, kind, recipient, unit, count, status = vague
    if precise[0] != award or precise[5] != status:
        return False
    if kind in ("collectives", "individuals") and count is None and unit is None and precise[1] == "unit" \
            and recipient.startswith(("tập thể", "đơn vị")):
        return True  # "các tập thể" beside named units given the same award
    if precise[1:3] != (kind, recipient):
        return False
    same_unit = unit is None or precise[3] == unit
    same_count = count is None or precise[4] == count
    more = (unit is None and precise[3] is not None) or (count is None and precise[4] is not None)
    return same_unit and same_count and more
