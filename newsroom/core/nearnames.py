"""Registered names an article misspells: a tone mark, a letter or two ("Sở Nôi vụ", "HĐND tình").

A name one slip away from a registered one is that name misspelt, not a new
organisation: the editors get "did you mean", `registry suggest` never offers it.
Two ways in, both by dictionary lookups on names stripped of their marks, so the
cost does not grow with the registry:

- in the text, a capitalised run of words equal to a registered name once every
  diacritic is stripped ("sở nôi vụ" ~ "sở nội vụ"), but not equal as written;
- for a name the recogniser found unregistered, a registered name with the same
  words but one ("Phòng Tổg hợp"), checked by a bounded edit distance.

Slips stay narrow because Vietnamese syllables are short and many real names differ
by one: a word may differ only in its marks, or by one letter when the registered
word has four or more; abbreviations ("THPT"/"THCS") and numbers never differ; two edits in all.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress, count

from newsroom.core.text import normalise

MAX_EDITS = 2  # in the whole name
LETTER_EDIT_MIN_LENGTH = 4  # a registered word shorter than this may differ in its marks only
MIN_WORDS = 2  # a one-word name ("Tỉnh ủy" is two) is too easily another word
VOWELS = frozenset("aeiouy")


@dataclass(frozen=True)
class Slip:
    kind: str  # "unit" | "award"
    written: str  # the name as the article writes it
    name: str  # the registered name it stands for


_BARE: dict[str, str] = {}


def bare(word: str) -> str:
    """A normalised word without any diacritic: "nội" -> "noi", "đầu" -> "dau"."""
    found = _BARE.get(word)
    if found is None:
        stripped = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
        found = stripped.replace("đ", "d")
        if len(_BARE) < 200_000:
            _BARE[word] = found
    return found


@dataclass(frozen=True)
class _Entry:
    kind: str
    words: tuple[str, ...]  # the registered key, normalised
    name: str  # what to suggest: the current registered name


class NearNames:
    """Registered names by their bare words, to find the ones an article misspells."""

    def __init__(self, names: Iterable[tuple[str, str, str]]):
        """`names`: (kind, a registered name, alias or former name, the name to suggest for it)."""
        self._exact: set[tuple[str, ...]] = set()
        self._by_bare: dict[tuple[str, ...], list[_Entry]] = {}
        self._by_masked: dict[tuple[str, ...], list[_Entry]] = {}
        self._lengths: dict[str, set[int]] = {}  # bare first word -> word counts of names starting with it
        for kind, written, name in names:
            words = tuple(normalise(written).split())
            if len(words) < MIN_WORDS or words in self._exact:
                continue
            self._exact.add(words)
            entry = _Entry(kind, words, name)
            bares = tuple(map(bare, words))
            self._by_bare.setdefault(bares, []).append(entry)
            self._lengths.setdefault(bares[0], set()).add(len(words))
            for i in range(len(bares)):
                self._by_masked.setdefault(bares[:i] + ("",) + bares[i + 1:], []).append(entry)
        self._firsts = frozenset(self._lengths)
        # (longest first, sorted once: slips() reads them at every capitalised word that may start a name)
        self._longest_first = {first: tuple(sorted(counts, reverse=True)) for first, counts in self._lengths.items()}

    @classmethod
    def of_registry(cls, registry) -> NearNames:
        names = [("unit", written, unit.name) for unit in registry.units.values()
                 for written in (unit.name, *unit.aliases, *unit.former_names)]
        names += [("award", written, award.name) for award in registry.awards.values()
                  for written in (award.name, *award.aliases)]
        return cls(names)

    def nearest(self, text: str, kind: str | None = None) -> str | None:
        """The registered name `text` misspells, or None (also when `text` is registered as written)."""
        words = tuple(normalise(text).split())
        if words in self._exact:
            return None
        bares = tuple(map(bare, words))
        options = list(self._by_bare.get(bares, ()))
        for i in range(len(bares)):
            options += self._by_masked.get(bares[:i] + ("",) + bares[i + 1:], ())
        best = None
        for entry in options:
            if kind is not None and entry.kind != kind:
                continue
            edits = name_edits(words, entry.words)
            if edits is not None and (best is None or (edits, entry.name) < best):
                best = (edits, entry.name)
        return best[1] if best else None

    def slips(self, sentences) -> list[tuple[int, int, int, _Entry]]:
        """Misspelt registered names in tokenised sentences (matching.Sentence): (sentence index, first
        token, last token, entry), longest first at each place. Only marks may differ here."""
        found = []
        firsts, lengths = self._firsts, self._longest_first
        for number, sentence in enumerate(sentences):
            norms = sentence.norms
            bares = list(map(_BARE.get, norms))  # (most words are known: no Python call per token)
            if None in bares:
                bares = list(map(bare, norms))
            done = 0
            for i in compress(count(), map(firsts.__contains__, bares)):
                if i < done or not sentence.tokens[i].is_capitalised:
                    continue
                for n in lengths[bares[i]]:
                    key = tuple(bares[i:i + n])
                    if len(key) < n or key not in self._by_bare:
                        continue
                    words = tuple(norms[i:i + n])
                    if words in self._exact:
                        break  # written as registered: the recogniser has it
                    entry = next((e for e in self._by_bare[key] if name_edits(words, e.words) is not None), None)
                    if entry is not None:
                        found.append((number, i, i + n, entry))
                        done = i + n
                        break
        return found


def name_edits(written: tuple[str, ...], registered: tuple[str, ...]) -> int | None:
    """Edits from one name to the other, word by word; None beyond what a slip can be."""
    if len(written) != len(registered):
        return None
    total = 0
    for a, b in zip(written, registered):
        if a == b:
            continue
        if not _spelt(a) or not _spelt(b):
            return None  # "THPT" is not "THCS", "Phòng 1" not "Phòng 2"
        if bare(a) == bare(b) and len(a) == len(b):
            edits = sum(x != y for x, y in zip(a, b))
        elif len(b) >= LETTER_EDIT_MIN_LENGTH:
            edits = _edit_distance(a, b, 1)
            if edits > 1:
                return None
        else:
            return None
        total += edits
        if total > MAX_EDITS:
            return None
    return total or None


def _spelt(word: str) -> bool:
    """A word read as a syllable: it has a vowel and no digit (not an abbreviation or a number)."""
    plain = bare(word)
    return any(c in VOWELS for c in plain) and not any(c.isdigit() for c in plain)


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or limit + 1 as soon as it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def sort_out(near: NearNames, sentences, candidates: list) -> tuple[list, list[Slip]]:
    """The recogniser's unregistered candidates that are no misspelling, and every misspelling in the text.

    `candidates` have `kind` and `text` (recognition.Candidate); one that a misspelling found in the text
    starts, or that is itself one slip from a registered name, is a misspelling, not a new organisation.
    """
    slips: list[Slip] = []
    for number, first, last, entry in near.slips(sentences):
        sentence = sentences[number]
        slips.append(Slip(entry.kind, " ".join(sentence.slice(first, last).split()), entry.name))
    slipped = [tuple(normalise(s.written).split()) for s in slips]
    kept = []
    for candidate in candidates:
        words = tuple(normalise(candidate.text).split())
        if any(words[:len(s)] == s for s in slipped):
            continue
        name = near.nearest(candidate.text, candidate.kind)
        if name is None:
            kept.append(candidate)
        else:
            slips.append(Slip(candidate.kind, candidate.text, name))
    return kept, slips
