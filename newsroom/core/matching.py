"""Finding registered names in tokenised text: a token trie compiled once per registry.

From each token the scan walks the trie only as deep as the text keeps
matching a registered name, so the cost per article depends on the text, not
on how many units and awards the registry holds.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import compress, count as counter
from operator import itemgetter

from newsroom.core.registry import Award, Registry, Unit, award_keys, unit_keys
from newsroom.core.text import SENTENCE_END, Word, normalise, read_words

END = ""  # trie key of a complete name (no token is empty)
PLACED = "\x00"  # trie key of a name that a place name must follow ("… Truyền hình Phú Thọ" for "… tỉnh")


# Runs of two letters or more (one letter says nothing about capitals).
_WORDS = re.compile(r"[^\W\d_]{2,}")


@dataclass(slots=True)  # (slots: a few thousand per MB of text, built and read in the hot path)
class Sentence:
    tokens: list[Word]  # shared per spelling; token i starts at starts[i] and is len(tokens[i].text) long
    text: str  # the sentence as written
    in_title: bool
    item: bool = False  # a line of a list ("- Năm 2016: …", "1. …")
    norms: list | None = None  # the tokens' matching forms, for scans that look at nothing else
    caps: bool | None = field(default=None, repr=False)  # all_caps, once computed
    starts: list[int] = field(default_factory=list, repr=False)  # offsets into the article

    def __post_init__(self) -> None:
        if self.norms is None:
            self.norms = list(map(_NORM, self.tokens))

    def slice(self, first: int, last: int) -> str:
        """The original text of tokens [first, last)."""
        base = self.starts[0]
        return self.text[self.starts[first] - base : self.end(last - 1) - base]

    def name(self, first: int, last: int) -> str:
        """The text of tokens [first, last) as a name: runs of spaces and line breaks made one space."""
        return " ".join(self.slice(first, last).split())

    def end(self, index: int) -> int:
        """Where token `index` ends in the article."""
        return self.starts[index] + len(self.tokens[index].text)

    @property
    def all_caps(self) -> bool:
        """Written in capitals: capitalisation then says nothing about names."""
        if self.caps is None:  # (a plain property: functools.cached_property takes a lock per read)
            words = _WORDS.findall(self.text, 0, 400)
            self.caps = bool(words) and sum(map(str.isupper, words)) >= 0.7 * len(words)
        return self.caps


@dataclass(slots=True)  # (slots: one per name found, read in every rule)
class Match:
    kind: str  # "unit" | "award"
    first: int  # token range [first, last) in its sentence
    last: int
    options: tuple  # the registered entries the name may mean
    target: Unit | Award | None = None  # the one meant, once resolved
    authority: str | None = None  # for an award: who confers it, as written
    parents: dict = field(default_factory=dict)  # ambiguous unit: parent slug -> unit
    former: dict = field(default_factory=dict)  # unit slug -> the former name the text used
    written: str | None = None  # a unit's name as written, when it is not the registered one
    needs_place: bool = False  # "Báo và Phát thanh, Truyền hình" + a place name stands for "… tỉnh"


@dataclass
class Terminal:
    units: list[Unit] = field(default_factory=list)
    award: Award | None = None
    by_parent: dict[str, Unit] = field(default_factory=dict)
    by_ancestor: dict[str, list[Unit]] = field(default_factory=dict)
    former: dict[str, str] = field(default_factory=dict)  # unit slug -> former name, when this key is one
    # What every Match of this entry carries, built once when the trie is compiled (read-only).
    options: tuple = ()
    parents: dict = field(default_factory=dict)


def compile_trie(registry: Registry) -> dict:
    """Registered names by their first word: word -> node (see `_node`)."""
    root: dict = {}

    def terminal(key: str, end: str = END) -> Terminal:
        node = root
        for word in key.split(" "):
            node = node.setdefault(word, {})
        return node.setdefault(end, Terminal())

    for unit in registry.units.values():
        former = {normalise(name): name for name in unit.former_names}
        for key in unit_keys(unit):
            entries = [terminal(key)]
            if key.endswith(" tỉnh") and key.count(" ") >= 2:
                entries.append(terminal(key[: -len(" tỉnh")], PLACED))
            for entry in entries:
                if unit not in entry.units:
                    entry.units.append(unit)
                if key in former:
                    entry.former[unit.slug] = former[key]
    for award in registry.awards.values():
        for key in award_keys(award):
            terminal(key).award = award
    # "70 lượt tập thể đạt danh hiệu lao động xuất sắc": a collective title named without "Tập thể".
    for award in registry.awards.values():
        for key in award_keys(award):
            if key.startswith("tập thể ") and key.count(" ") >= 2:
                entry = terminal(key[len("tập thể "):])
                if entry.award is None and not entry.units:
                    entry.award = award
    _index_parents(root, registry)
    return {word: _node(child) for word, child in root.items()}


def _node(node: dict) -> tuple:
    """A trie node as the scan reads it: (children by word, entry ending here, entry ending here if a
    place name follows). One tuple unpacked per step instead of three dict lookups."""
    children = {word: _node(child) for word, child in node.items() if word not in (END, PLACED)}
    return children, node.get(END), node.get(PLACED)


def _index_parents(node: dict, registry: Registry) -> None:
    """Ambiguous names ("Phòng Tổng hợp") get dicts by parent and ancestor: O(1) context checks."""
    stack = [node]
    while stack:
        current = stack.pop()
        for key, child in current.items():
            if key not in (END, PLACED):
                stack.append(child)
                continue
            child.options = (child.award,) if child.award is not None else tuple(child.units)
            if len(child.units) > 1:
                child.parents = {"parent": child.by_parent, "ancestor": child.by_ancestor}
                for unit in child.units:
                    if unit.parent:
                        child.by_parent.setdefault(unit.parent, unit)
                    for ancestor in registry.ancestors(unit.slug):
                        child.by_ancestor.setdefault(ancestor.slug, []).append(unit)


def compile_authorities(registry: Registry) -> dict:
    """Trie of conferring authorities: "Chủ tịch UBND tỉnh" -> {"bằng khen": award}.

    Used when the authority is the sentence's subject ("Chủ tịch UBND tỉnh
    tặng bằng khen"). One-word authorities ("tỉnh") are too vague to use.
    """
    root: dict = {}
    for award in registry.awards.values():
        pairs = set()
        for key in award_keys(award):
            if " của " in key:
                head, authority = key.split(" của ", 1)
                pairs.add((head, authority))
        heads = {head for head, _ in pairs}
        if award.authority:
            pairs.update((head, normalise(award.authority)) for head in heads)
        for head, authority in pairs:
            words = authority.split(" ")
            if len(words) < 2:
                continue
            node = root
            for word in words:
                node = node.setdefault(word, {})
            node.setdefault(END, {}).setdefault(head, award)
    return root


_ITEM_MARK = re.compile(r"[ \t]*(?:[-–—•+*]|\d{1,2}[.)]|[a-zđ]\))\s")
_NEWLINES = re.compile(r"\n(?:[ \t]*\n)*")
_NORM = itemgetter(0)


def _sentence_ends(text: str, norms: list[str]) -> set[int]:
    """Cuts after the tokens that are ".", "!", "?" or "…" (a dot inside "1.000" or "TP." is no token).

    Found by list.index, which compares at C speed, and only for marks the text has at all."""
    cuts = set()
    for mark in SENTENCE_END:
        if mark not in text:
            continue
        index = -1
        try:
            while True:
                index = norms.index(mark, index + 1)
                cuts.add(index + 1)
        except ValueError:
            pass
    return cuts


def split_sentences(text: str, in_title: bool = False) -> list[Sentence]:
    """Paragraphs and lines cut at sentence ends.

    A line break ends a sentence unless the next line goes on in lower case
    (a caption broken over two lines). A line that starts with a list mark
    ("- ", "1. ", "a) ") is a list item: the mark is dropped and the sentence
    remembers it was one. Cuts are found per line and per sentence end, not
    per token in Python, so this stays cheap on long articles.
    """
    tokens, norms, starts = read_words(text)
    count = len(tokens)
    if not count:
        return []
    cuts = _sentence_ends(text, norms)
    items: set[int] = set()
    dropped: set[int] = set()
    line_starts = [0]
    for match in _NEWLINES.finditer(text):
        index = bisect_left(starts, match.end())
        if index < count and (match.group().count("\n") >= 2 or not tokens[index].text[:1].islower()
                              or _ITEM_MARK.match(text, match.end())):
            cuts.add(index)
        line_starts.append(match.end())
    for position in line_starts:
        mark = _ITEM_MARK.match(text, position)
        if mark is None:
            continue
        first = bisect_left(starts, position)
        after = bisect_left(starts, mark.end())
        if first >= count or after >= count or (first != 0 and first not in cuts):
            continue
        dropped.update(range(first, after))
        cuts.discard(after)  # "1." ends no sentence
        items.add(after)
        cuts.add(after)
    cuts.discard(0)
    sentences: list[Sentence] = []
    previous = 0
    if not dropped and not items:  # no list marks: each sentence is plain slices (most articles)
        for cut in sorted(cuts) + [count]:
            if cut > previous:
                written = text[starts[previous] : starts[cut - 1] + len(tokens[cut - 1].text)]
                sentences.append(Sentence(tokens[previous:cut], written, in_title, False, norms[previous:cut],
                                          starts=starts[previous:cut]))
                previous = cut
        return sentences
    for cut in sorted(cuts) + [count]:
        if cut <= previous:
            continue
        kept = range(previous, cut)
        if dropped:
            kept = [offset for offset in kept if offset not in dropped]
        if kept:
            first, last = kept[0], kept[-1]
            if len(kept) == last + 1 - first:  # (no list mark inside: plain slices)
                part = (tokens[first : last + 1], norms[first : last + 1], starts[first : last + 1])
            else:
                part = tuple([values[offset] for offset in kept] for values in (tokens, norms, starts))
            item = bool(items) and (previous in items or any(i in items for i in range(previous, min(cut, previous + 3))))
            sentences.append(Sentence(part[0], text[starts[first] : starts[last] + len(tokens[last].text)], in_title, item,
                                      part[1], starts=part[2]))
        previous = cut
    return sentences


# A word that turns a unit's name into a rank held by a person.
ROLE_SUFFIXES = {"viên"}


def scan(trie: dict, tokens: list[Word], norms: list | None = None) -> list[Match]:
    """Leftmost-longest registered names, not overlapping."""
    matches: list[Match] = []
    if norms is None:
        norms = list(map(_NORM, tokens))
    count = len(tokens)
    index = 0
    # Only tokens that start some registered name are walked (found at C speed).
    for first in compress(counter(), map(trie.__contains__, norms)):
        if first < index:
            continue  # inside the name found before
        children, ending, placed_ending = trie[norms[first]]
        if ending is None and placed_ending is None and (first + 1 == count or norms[first + 1] not in children):
            continue  # (most starts: no one-word name, and the next word goes on with none)
        index = first
        entry: Terminal | None = None  # the longest name so far: it ends at `end`, `placed` if a place must follow
        position = index + 1
        while True:
            if ending is not None:
                entry, end, placed = ending, position, False
            elif placed_ending is not None and position < count and tokens[position].is_capitalised \
                    and tokens[position].is_word:
                entry, end, placed = placed_ending, position, True
            if position >= count:
                break
            node = children.get(norms[position])
            if node is None:
                break
            children, ending, placed_ending = node
            position += 1
        if entry is None:
            continue
        if entry.award is None and end < count and norms[end] in ROLE_SUFFIXES:
            index = end  # "Tỉnh ủy viên" is a person's rank, not the body Tỉnh ủy
            continue
        # (the entry's empty dicts: no new ones per match; arguments by position: a third faster)
        if entry.award is not None:
            matches.append(Match("award", index, end, entry.options, entry.award, None, entry.parents, entry.former))
        else:
            target = entry.units[0] if len(entry.units) == 1 else None
            matches.append(Match("unit", index, end, entry.options, target, None, entry.parents, entry.former,
                                 None, placed))
        index = end
    return matches


def scan_authorities(trie: dict, norms: list[str], stop: int) -> list[tuple[int, int, dict]]:
    """Authority phrases in the first `stop` tokens (given by their matching forms) as (first, last, {head: award})."""
    found = []
    index = 0
    # Only tokens that start some authority are walked (found at C speed).
    for first in compress(counter(), map(trie.__contains__, norms[:stop])):
        if first < index:
            continue  # inside the authority found before
        node = trie[norms[first]]
        best = None
        position = first
        while node is not None and position < stop:
            position += 1
            if END in node:
                best = (first, position, node[END])
            if position >= stop:
                break
            node = node.get(norms[position])
        if best:
            found.append(best)
            index = best[1]
    return found
