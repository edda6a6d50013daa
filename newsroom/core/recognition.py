"""Recognising registered units and awards in an article, and who was honoured.

`Recogniser(registry)` compiles the registry once; `recognise()` then costs
time proportional to the article, not to the registry. Metadata wins: the
article's `Units:` / `Awards:` add what the text lacks, `Exclude:` removes a
wrong recognition.
"""

from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import NamedTuple

from newsroom.core.candidates import (
    AWARD_HEADS, PLACE_FIRST_WORDS, PLACE_LEVELS, bodies_in_award, find_heads, in_code, place_at, place_name_end, place_suffix_end,
)
from newsroom.core.honours import ArticleState, Decision, Honour, merge_honours, sentence_honours
from newsroom.core.matching import Match, Sentence, compile_authorities, compile_trie, scan, split_sentences
from newsroom.core.nearnames import NearNames, Slip, sort_out
from newsroom.core.registry import Award, Registry, Unit
from newsroom.core.shapes import DIVISION_HEADS
from newsroom.core.text import normalise, normalise_word

_FIRST = attrgetter("first")
BARE_AWARD_NAMES = frozenset(" ".join(head) for head in AWARD_HEADS)

__all__ = ["Candidate", "Decision", "Honour", "Mention", "Recognition", "Recogniser", "split_metadata_list"]


class Mention(NamedTuple):  # (a named tuple, not a frozen dataclass: one per name found, built 2x faster)
    kind: str  # "unit" | "award"
    slug: str
    start: int  # offsets into the article text
    end: int


# A Mention made from its four fields as the tuple it is: the named tuple's own __new__ is Python
# code, twice as slow, and one Mention is made for every name found.
_new_mention = tuple.__new__


@dataclass(frozen=True)
class Candidate:
    kind: str  # "unit" | "award"
    text: str
    named: bool = field(default=True, compare=False)  # False: a bare head ("Bằng khen") whose issuer is unknown
    parent: str | None = field(default=None, compare=False)  # a registered unit named right after it, by slug


@dataclass
class Recognition:
    units: list[Unit] = field(default_factory=list)
    awards: list[Award] = field(default_factory=list)
    honours: list[Honour] = field(default_factory=list)
    unregistered: list[Candidate] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    unknown_metadata: list[str] = field(default_factory=list)
    # Registered units as the article writes them: abbreviated, by a former name, or with the
    # place ("Thanh tra tỉnh Thái Nguyên"); slug -> names as written, in order of appearance.
    written_names: dict[str, list[str]] = field(default_factory=dict)
    slips: list[Slip] = field(default_factory=list)  # registered names misspelt ("Sở Nôi vụ"): not in `unregistered`
    # The honours as read from the text, when the article's `Honours:` line changed them (newsroom.core.honour_edits).
    read_honours: list[Honour] | None = None


def split_metadata_list(value: str) -> list[str]:
    """Items of a `Units:` / `Awards:` / `Exclude:` value.

    Comma-separated; if the value has a ";" that separates instead (names like
    "Sở Văn hóa, Thể thao và Du lịch" contain commas). Quotes protect commas too.
    The recogniser also re-joins comma pieces that only make sense together.
    """
    value = (value or "").strip()
    if not value:
        return []
    separator = ";" if ";" in value else ","
    items = re.findall(rf'"([^"]*)"|“([^”]*)”|([^{separator}]+)', value)
    return [" ".join(next(part for part in item if part).split()) for item in items if any(p.strip() for p in item)]


class Recogniser:
    def __init__(self, registry: Registry):
        self.registry = registry
        self._trie = compile_trie(registry)
        self._authorities = compile_authorities(registry)
        self._near = NearNames.of_registry(registry)

    def recognise(
        self,
        title: str,
        text: str,
        metadata_units: Iterable[str] = (),
        metadata_awards: Iterable[str] = (),
        excluded: Iterable[str] = (),
    ) -> Recognition:
        with _cycle_collector_paused():
            return self._recognise(title, text, metadata_units, metadata_awards, excluded)

    def _recognise(self, title, text, metadata_units, metadata_awards, excluded) -> Recognition:
        sentences = split_sentences(title or "", in_title=True) + split_sentences(text or "")
        found = [(sentence, scan(self._trie, sentence.tokens, sentence.norms)) for sentence in sentences]
        ambiguous = _resolve_units(found)
        result = Recognition()
        candidates: dict[str, Candidate] = {}
        honours: list[Honour] = []
        state = ArticleState(self.registry, newest_year=_newest_year(title, text))
        listed: dict[str, set[int]] = {"unit": set(), "award": set()}  # ids of registered targets in result.units/awards
        mentions = result.mentions
        for sentence, matches in found:
            if matches:
                _places(sentence, matches)
            resolved, unregistered = find_heads(sentence, matches, self._authorities)
            if resolved:
                matches[:] = sorted((m for m in matches + resolved if m.target is not None), key=_FIRST)
            elif ambiguous and matches:  # (scan's matches are in order already; only the ambiguous lack a target)
                matches[:] = [m for m in matches if m.target is not None]
            parents = _parents_after(sentence, resolved, matches) if resolved else {}
            for match in matches:
                if match.kind == "award" and "của" in match.target.name:
                    # (a registered body there is the award's authority, linked with it; one the registry
                    # lacks is named to the editors like any other)
                    unregistered.extend(("unit", body) for body in bodies_in_award(sentence, match)
                                        if not self.registry.names_unit(body))
            for kind, candidate in unregistered:
                if kind == "prize":  # a contest prize or a sports medal: the editors hear of it, the JSON lists no award
                    kind, named = "award", False
                    candidates.setdefault(kind + normalise(candidate), Candidate(kind, candidate, named))
                    continue
                named = kind == "unit" or normalise(candidate) not in BARE_AWARD_NAMES
                candidates.setdefault(kind + normalise(candidate), Candidate(kind, candidate, named, parents.get(candidate)))
            if matches or state.wants(sentence):
                honours.extend(sentence_honours(sentence, matches, self.registry, state))
            if not matches:
                continue
            starts, tokens, in_body = sentence.starts, sentence.tokens, not sentence.in_title  # (read once per sentence)
            base, written_text = starts[0], sentence.text
            for match in matches:
                target = match.target
                if not target.registered:
                    continue
                # Registered targets are the registry's own objects, one per slug: identity is equality,
                # and a set of ids spares the dataclass __eq__ that `in` on the list would call.
                kind = match.kind
                seen = listed[kind]
                if id(target) not in seen:
                    seen.add(id(target))
                    (result.units if kind == "unit" else result.awards).append(target)
                last = match.last - 1
                end = starts[last] + len(tokens[last].text)  # (Sentence.end, inlined)
                if kind == "unit":  # (the name as written: Sentence.slice, inlined)
                    written = written_text[starts[match.first] - base : end - base]
                    written = match.written or (None if written == target.name else _spelt_otherwise(written, target))
                    if written:
                        names = result.written_names.setdefault(target.slug, [])
                        if written.casefold() not in map(str.casefold, names):
                            names.append(written)
                if in_body:
                    mentions.append(_new_mention(Mention, (kind, target.slug, starts[match.first], end)))
        if state.dropped:
            honours = [h for h in honours if not any(h is d for d in state.dropped)]
        result.honours = merge_honours(honours)
        for honour in result.honours:  # "539 lượt tập thể đạt Lao động tiên tiến" confers the collective title
            if honour.award.registered and id(honour.award) not in listed["award"]:  # (registry objects: as above)
                listed["award"].add(id(honour.award))
                result.awards.append(honour.award)
        result.unregistered = _graded_elsewhere(list(candidates.values()), result)
        result.unregistered, result.slips = sort_out(self._near, [s for s, _ in found], result.unregistered)
        self._apply_metadata(result, list(metadata_units), list(metadata_awards), list(excluded))
        return result

    def _apply_metadata(self, result: Recognition, units: list[str], awards: list[str], excluded: list[str]) -> None:
        registry = self.registry
        context = {unit.slug for unit in result.units}
        for names in _rejoin(units, lambda name: bool(registry.find_units(name))):
            unit = _pick_unit(registry.find_units(names), context)
            if unit is None:
                result.unknown_metadata.append(names)
            elif unit not in result.units:
                result.units.append(unit)
        for names in _rejoin(awards, lambda name: registry.find_award(name) is not None):
            award = registry.find_award(names)
            if award is None:
                result.unknown_metadata.append(names)
            elif award not in result.awards:
                result.awards.append(award)
        gone_units: set[str] = set()
        gone_awards: set[str] = set()
        def known(name: str) -> bool:
            return bool(registry.find_units(name)) or registry.find_award(name) is not None

        for names in _rejoin(excluded, known):
            units_named, award = registry.find_units(names), registry.find_award(names)
            if not units_named and award is None:
                result.unknown_metadata.append(names)
            gone_units.update(unit.slug for unit in units_named)
            if award is not None:
                gone_awards.add(award.slug)
        if gone_units or gone_awards:
            _exclude(result, gone_units, gone_awards)


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _newest_year(title: str | None, text: str | None) -> int:
    """The latest year an article names: a clause about an older one may be history."""
    years = [int(y) for y in _YEAR.findall(f"{title or ''} {text or ''}")]
    return max((y for y in years if y <= 2100), default=0)


def _spelt_otherwise(written: str, unit: Unit) -> str | None:
    """The name as the article writes it, when none of the unit's registered names is spelt so ("Ủy ban Mặt trận
    Tổ quốc Việt Nam tỉnh" for "Ủy ban MTTQ Việt Nam tỉnh"); None when it is one of them, whatever its capitals."""
    if written == unit.name:
        return None  # (most mentions)
    key = (written, unit.slug)
    known = _SPELT.get(key, _SPELT)
    if known is _SPELT:
        folded = _spelling(written)
        same = any(folded == _spelling(name) for name in (unit.name, *unit.aliases, *unit.former_names))
        known = None if same else " ".join(written.split())
        if len(_SPELT) < 50_000:
            _SPELT[key] = known
    return known


_SPELT: dict = {}  # (text as written, unit) -> _spelt_otherwise's answer: names repeat from article to article


_DASHES = re.compile(r"[\-\u2010-\u2015\u2212]")


def _spelling(name: str) -> str:
    """A name's letters and words, whatever its capitals, dashes, spaces, Unicode form and tone placement."""
    return " ".join(map(normalise_word, _DASHES.sub(" ", name).split()))


@contextmanager
def _cycle_collector_paused():
    """Reading an article allocates many small objects (sentences, matches, lists) and makes no
    reference cycles; the cyclic collector, run every 700 allocations, took a large share of the
    time. It is paused for one article and resumed after (unless the caller had paused it), so
    nothing is left uncollected."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _rejoin(items: list[str], known) -> list[str]:
    """Comma pieces re-joined when only the whole is a name ("Sở Văn hóa", "Thể thao và Du lịch")."""
    names, index = [], 0
    while index < len(items):
        for end in range(min(len(items), index + 4), index, -1):
            candidate = ", ".join(items[index:end])
            if end == index + 1 or known(candidate):
                names.append(candidate)
                index = end
                break
    return names


def _pick_unit(units: list[Unit], context: set[str]) -> Unit | None:
    if len(units) == 1:
        return units[0]
    near = [unit for unit in units if unit.parent in context]
    return near[0] if len(near) == 1 else None


def _exclude(result: Recognition, units: set[str], awards: set[str]) -> None:
    result.units = [u for u in result.units if u.slug not in units]
    result.awards = [a for a in result.awards if a.slug not in awards]
    result.mentions = [m for m in result.mentions if m.slug not in (units if m.kind == "unit" else awards)]
    honours = []
    for honour in result.honours:
        if honour.award.slug in awards:
            continue
        if honour.unit is not None and honour.unit.slug in units:
            if honour.recipient_kind == "unit":
                continue
            honour = replace(honour, unit=None)
        honours.append(honour)
    result.honours = honours


_DIVISION_HEADS = frozenset(head[0] for head in DIVISION_HEADS)  # "Phòng X, Sở Y"


def _graded_elsewhere(candidates: list[Candidate], result: Recognition) -> list[Candidate]:
    """"Huân chương Lao động" beside "Huân chương Lao động hạng Ba": the same award named loosely,
    no award of its own unless an honour is given with it."""
    graded = [normalise(award.name) + " " for award in result.awards]
    honoured = {normalise(h.award.name) for h in result.honours}
    kept = []
    for candidate in candidates:
        key = normalise(candidate.text)
        if candidate.kind == "award" and candidate.named and key not in honoured and any(g.startswith(key + " ") for g in graded):
            candidate = replace(candidate, named=False)
        kept.append(candidate)
    return kept


def _parents_after(sentence: Sentence, resolved: list[Match], matches: list[Match]) -> dict[str, str]:
    """"Phòng Công tác xã hội, Sở Y tế", "… thuộc Sở Y tế": the registered unit an unregistered one belongs to."""
    tokens = sentence.tokens
    registered = {m.first: m for m in matches if m.kind == "unit" and m.target is not None and m.target.registered}
    parents = {}
    for match in resolved:
        if match.kind != "unit" or match.target.registered:
            continue
        index = match.last
        while index < len(tokens) and index - match.last < 3 and tokens[index].norm in ("thuộc", "của", "(", "trực") \
                or index < len(tokens) and tokens[index].norm == "," and index == match.last \
                and normalise(match.target.name).split(" ")[0] in _DIVISION_HEADS:
            index += 1
        if index > match.last and index in registered:
            parents[match.target.name] = registered[index].target.slug
    return parents


def _blocked(tokens, matches: list[Match]) -> list[bool]:
    """Whether each token is inside a name found (slice assignment: no Python step per token)."""
    blocked = [False] * len(tokens)
    for match in matches:
        blocked[match.first : match.last] = [True] * (match.last - match.first)
    return blocked


def _places(sentence: Sentence, matches: list[Match]) -> None:
    """Registered names written with their place ("Sở Tư pháp tỉnh Nghệ An") or by a former name."""
    tokens = sentence.tokens
    blocked: list[bool] | None = None  # tokens inside a name: built when a place is first read (most names have none)
    dropped = []
    for match in matches:
        if match.kind != "unit":
            continue
        last = match.last
        if match.target is not None and match.first >= 2 and match.target.slug and tokens[match.first].norm == "thường" \
                and tokens[match.first - 2].norm == "bí" and tokens[match.first - 1].norm == "thư":
            dropped.append(match)  # "Phó Bí thư Thường trực Tỉnh ủy": a rank, not the standing committee
            continue
        if match.first and tokens[match.first - 1].norm == "/" and in_code(sentence, match.first):
            dropped.append(match)  # "Công văn số 12/UBND-VX": a document's code
            continue
        if match.needs_place and sentence.all_caps:
            dropped.append(match)  # capitals say nothing about names here
            continue
        if match.needs_place:
            # "Báo và PTTH Phú Thọ" stands for "… tỉnh"; "Ban Thi đua - Khen thưởng Trung ương" is another body.
            # A province's name has two syllables or more: "Thanh tra Chính phủ" is no place.
            blocked = blocked or _blocked(tokens, matches)
            end = place_name_end(tokens, last, blocked)
            if end - last < 2 or place_at(tokens, last) or place_at(tokens, end):
                # ("Ủy ban MTTQ Việt Nam phường X": the words after the name were no province's)
                dropped.append(match)
                continue
        else:
            # (a place word must come next: most names are followed by none, and skip the call)
            end = last
            if last < len(tokens) and tokens[last].norm in PLACE_FIRST_WORDS and place_at(tokens, last):
                blocked = blocked or _blocked(tokens, matches)
                end = place_suffix_end(tokens, last, blocked, sentence)
            if end == last and tokens[last - 1].norm in PLACE_LEVELS:
                blocked = blocked or _blocked(tokens, matches)
                end = place_name_end(tokens, last, blocked, sentence)
        former = match.former.get(match.target.slug) if match.target is not None else None
        if end > last:
            match.written = sentence.name(match.first, end)
            match.last = end
            if former and not match.needs_place:
                match.written = f"{former} {sentence.name(last, end)}"
        elif former:
            match.written = former
    for match in dropped:
        matches.remove(match)


def _resolve_units(found: list[tuple[Sentence, list[Match]]]) -> bool:
    """Pick the office of an ambiguous department from its context.

    In order: the office named right after it ("phòng Tổng hợp, Văn phòng
    Tỉnh ủy"), the nearest office before it in the sentence, an office in the
    title, the office the article names most; then the same with any
    ancestor. Unresolved mentions stay unresolved (dropped later, never
    guessed) but still cover their words, so they are no candidates either.
    """
    if not any(match.target is None for _, matches in found for match in matches):
        return False  # nothing ambiguous: most articles (the counts below would go unused)
    counts: Counter[str] = Counter()
    title: list[str] = []
    for sentence, matches in found:
        for match in matches:
            if match.kind == "unit" and match.target is not None:
                counts[match.target.slug] += 1
                if sentence.in_title:
                    title.append(match.target.slug)
    for sentence, matches in found:
        for position, match in enumerate(matches):
            if match.kind != "unit" or match.target is not None:
                continue
            for relation in ("parent", "ancestor"):
                options = match.parents[relation]
                target = _from_context(sentence, matches, position, options, counts, title)
                if target is not None:
                    match.target = target
                    break
    return True  # some names were ambiguous (and may still be)


def _from_context(sentence, matches, position, options, counts, title) -> Unit | None:
    def pick(slug):
        value = options.get(slug)
        if isinstance(value, list):
            return value[0] if len(value) == 1 else None
        return value

    match = matches[position]
    if position + 1 < len(matches):
        following = matches[position + 1]
        between = {t.norm for t in sentence.tokens[match.last : following.first]}
        if following.target is not None and following.first - match.last <= 2 and between <= {",", "thuộc", "của", "trực"}:
            if pick(following.target.slug):
                return pick(following.target.slug)
    for earlier in reversed(matches[:position]):
        if earlier.kind == "unit" and earlier.target is not None and pick(earlier.target.slug):
            return pick(earlier.target.slug)
    for slug in title:
        if pick(slug):
            return pick(slug)
    ranked = sorted(((count, slug) for slug, count in counts.items() if slug in options), reverse=True)
    if ranked and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
        return pick(ranked[0][1])
    return None
