"""The engine that reads conferment shapes (`honour_shapes.yml`) in a sentence.

A sentence becomes a row of elements: the names found in it (awards,
units), persons, places, counts, years, the word classes the data declares
(one element per phrase, longest first) and punctuation. Each element is
written as `‹` + one private character per class + `|form›`, so a pattern of the data compiles to one
regular expression over that row: the search runs at C speed, and a shape is
data, not code. Slots of a match are element ranges.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

import yaml

from newsroom.core.candidates import SURNAMES
from newsroom.core.shapes import PLACE_WORDS
from newsroom.core.text import normalise

SHAPES_FILE = "honour_shapes.yml"
PUNCTUATION = {",": "','", ":": "':'", ";": "';'", "(": "'('", ")": "')'", "-": "'-'", "–": "'-'", "—": "'-'"}
MAX_NAME_WORDS = 5


class Element(NamedTuple):
    """One element of a sentence's row (a named tuple: a few dozen are made per sentence with an award)."""

    first: int  # token range [first, last) in the sentence
    last: int
    tags: frozenset
    form: str  # the phrase's matching form, words joined by "_"; a name's kind for names
    match: Any = None  # the registry Match of an award or unit
    value: int | None = None  # a count's number
    code: str = ""  # how the patterns see it (see code_of)


_new = tuple.__new__  # an Element from its fields, without the named tuple's Python-level __new__


@dataclass(frozen=True)
class Pattern:
    name: str
    shape: str
    regex: re.Pattern
    slots: tuple
    examples: tuple
    needs: tuple  # characters of classes the row's text must contain for the pattern to be searched
    groups: tuple  # (regex group, slot name) pairs
    reach: int  # how many elements before its award a match may start
    ends_at_award: bool  # the shape ends with its award slot
    first: str | None  # the class every match starts with, when the shape starts with a bare class
    doubt: str | None = None  # "named": named recipients of this pattern are uncertain


@dataclass(frozen=True)
class Grammar:
    classes: dict  # class name -> frozenset of phrases (tuples of words)
    lexicon: dict  # first word -> [(phrase tuple, frozenset of classes)], longest first
    numbers: dict
    patterns: tuple
    places: frozenset  # place levels, as phrases
    decision: str  # the regex of a decision's number, date and issuer
    decision_words: tuple  # one of these must be in a sentence that names a decision
    consultation: tuple  # phrases of a title announcing a consultation on proposals
    literals: frozenset  # forms the patterns name ('cho', ','): only these are written in an element's code
    special: frozenset  # first words of phrases, titles, places, surnames and number words: read in context
    single: dict  # one-word phrase -> its classes (punctuation's classes)
    place_first: frozenset
    subject_bounds: frozenset  # classes and forms a passive's recipients never run back over
    title_first: frozenset  # first words of titles ("ông", "đồng")
    contextual: frozenset  # words whose element depends on the words after them: titles, surnames, places, numbers
    trie: dict  # the phrases of the data by word (see _trie)
    proposal_first: frozenset  # first words of proposal phrases
    anaphora: dict  # a word that points back -> the start of the name it points to
    collective_awards: tuple  # starts of the names of awards given to collectives
    first_phrase: dict  # class -> its first phrase in the data
    plain: dict = field(default_factory=dict, compare=False)  # token -> (tags, code), per spelling
    plain_caps: dict = field(default_factory=dict, compare=False)

    def words(self, name: str) -> frozenset:
        """The phrases of one class, as strings ("đề nghị")."""
        return frozenset(" ".join(p) for p in self.classes.get(name, ()))


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    data = yaml.safe_load(resources.files("newsroom.core").joinpath(SHAPES_FILE).read_text(encoding="utf-8"))
    classes: dict[str, frozenset] = {}
    by_phrase: dict[tuple, set] = {}
    for name, phrases in data["classes"].items():
        words = frozenset(tuple(normalise(str(p)).split()) for p in phrases)
        classes[name] = words
        for phrase in words:
            by_phrase.setdefault(phrase, set()).add(name)
    lexicon: dict[str, list] = {}
    for phrase in sorted(by_phrase, key=len, reverse=True):
        lexicon.setdefault(phrase[0], []).append((phrase, frozenset(by_phrase[phrase])))
    macros = data.get("macros", {})
    _LITERALS.clear()
    patterns = tuple(_compile(p, macros, number) for number, p in enumerate(data["patterns"]))
    places = frozenset(p for p in PLACE_WORDS if p != ("trung", "ương"))
    numbers = {normalise(k): v for k, v in data["numbers"].items()}
    single = {phrase[0]: classes for phrase, classes in by_phrase.items() if len(phrase) == 1}
    # Words read in context: first words of longer phrases, titles, places, surnames, number words.
    special = frozenset(p[0] for p in by_phrase if len(p) > 1) | {p[0] for p in places} | SURNAMES \
        | frozenset(numbers) | {p[0] for p in classes["title"]}
    single = {phrase[0]: classes for phrase, classes in by_phrase.items() if len(phrase) == 1}
    return Grammar(classes, lexicon, numbers, patterns, places, data["decision"]["regex"],
                   tuple(data["decision"]["words"]), tuple(" ".join(normalise(p).split()) for p in data["consultation"]),
                   frozenset(_LITERALS), special, {k: frozenset(v) for k, v in single.items()},
                   frozenset(p[0] for p in places), frozenset(data["subject_bounds"]),
                   frozenset(p[0] for p in classes["title"]),
                   frozenset(p[0] for p in classes["title"]) | SURNAMES | {p[0] for p in places} | frozenset(numbers),
                   _trie(by_phrase),
                   frozenset(p[0] for p in classes["proposal"]),
                   {"_".join(normalise(k).split()): normalise(v) for k, v in data["anaphora"].items()},
                   tuple(normalise(w) for w in data["collective_awards"]),
                   {name: normalise(str(phrases[0])) for name, phrases in data["classes"].items() if phrases})


_LITERALS: set = set()  # forms named by the patterns, filled while they compile


# The pattern language


_TOKEN = re.compile(r"\s*(?:(?P<slot>[a-z_]+):|(?P<quant>\*\?|\+\?|[?*+]|\{\d*,?\d*\}\??)|(?P<open>\()|(?P<close>\))"
                    r"|(?P<bar>\|)|(?P<lit>'[^']*')|(?P<not>!(?:'[^']*'|\w+)(?:,(?:'[^']*'|\w+))*)|(?P<any>\.)|(?P<macro>\$\w+)|(?P<cls>\w+))")
_ANY = "(?:‹[^›]*›)"
_CHOICE = re.compile(r"\s*\(\s*\w+(?:\s*\|\s*\w+)*\s*\)")


_CHARS: dict[str, str] = {}  # class name -> the private-use character that stands for it in a row's text


def tag_char(name: str) -> str:
    char = _CHARS.get(name)
    if char is None:
        char = _CHARS[name] = chr(0xE000 + len(_CHARS))
    return char


def _class_rx(*names: str) -> str:
    """An element of any of these classes: one character class, tested once per element."""
    chars = "".join(tag_char(name) for name in names)
    return f"(?:‹[^|›]*[{chars}][^›]*›)"


def _form(literal: str) -> str:
    text = literal.strip("'")
    form = "_".join(normalise(text).split()) or text
    _LITERALS.add(form)
    return form


def _literal_rx(text: str) -> str:
    return rf"‹[^|›]*\|{re.escape(_form(text))}›"


def _not_rx(names: str) -> str:
    parts, classes = [], []
    for name in re.findall(r"'[^']*'|\w+", names):
        if name.startswith("'"):
            parts.append(rf"[^|›]*\|{re.escape(_form(name))}›")
        else:
            classes.append(tag_char(name))
    if classes:
        parts.append(f"[^|›]*[{''.join(classes)}]")
    return "(?:‹(?!" + "|".join(parts) + ")[^›]*›)"


def _translate(shape: str, macros: dict, depth: int = 0, prefix: str = "") -> str:
    if depth > 5:
        raise ValueError(f"macros nested too deep in {shape!r}")
    out, position = [], 0
    shape = shape.strip()
    while position < len(shape):
        token = _TOKEN.match(shape, position)
        if token is None or token.end() == position:
            raise ValueError(f"cannot read pattern {shape!r} at {shape[position:]!r}")
        position = token.end()
        kind, text = token.lastgroup, token.group(token.lastgroup)
        if kind == "slot":
            out.append(f"(?P<{prefix}{text}_{len(out)}>")
            out.append("\x00")  # closed after the next item (see _close_slots)
        elif kind == "quant":
            out.append(text)
        elif kind == "open":
            choice = _CHOICE.match(shape, token.start())
            if choice is not None:  # "(unit|cap|word)": one character class
                out.append(_class_rx(*re.findall(r"\w+", choice.group())))
                position = choice.end()
            else:
                out.append("(?:")
        elif kind == "close":
            out.append(")")
        elif kind == "bar":
            out.append("|")
        elif kind == "lit":
            out.append("(?:" + _literal_rx(text) + ")")
        elif kind == "not":
            out.append(_not_rx(text[1:]))
        elif kind == "any":
            out.append(_ANY)
        elif kind == "macro":
            out.append("(?:" + _translate(macros[text[1:]], macros, depth + 1, f"{prefix}m{len(out)}") + ")")
        else:
            out.append(_class_rx(text))
    return _close_slots(out)


def _close_slots(parts: list[str]) -> str:
    """A slot label applies to the item after it: an element, a group, with its quantifier."""
    result: list[str] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        if index + 1 < len(parts) and parts[index + 1] == "\x00":
            result.append(part)
            index += 2
            item, index = _item(parts, index)
            result.append(_close_slots(item) + ")")
            continue
        result.append(part)
        index += 1
    return "".join(result)


def _item(parts: list[str], index: int) -> tuple[list[str], int]:
    """The parts of one item from `index` (a group with its contents), and its quantifier."""
    if parts[index] == "(?:":
        depth, end = 0, index
        while True:
            if parts[end] == "(?:":
                depth += 1
            elif parts[end] == ")":
                depth -= 1
                if depth == 0:
                    break
            end += 1
        end += 1
    else:
        end = index + 1
    while end < len(parts) and (parts[end] in ("?", "*", "+", "*?", "+?") or parts[end].startswith("{")):
        end += 1
    return parts[index:end], end


def _slot_name(group: str) -> str:
    """"p3_recipient_12" -> "recipient" (groups are named by pattern, slot and place)."""
    return group.split("_", 1)[1].rsplit("_", 1)[0]


def _compile(data: dict, macros: dict, number: int) -> Pattern:
    source = _translate(data["shape"], macros, 0, f"p{number}_")
    regex = re.compile(source)
    slots = tuple(sorted({_slot_name(name) for name in regex.groupindex}))
    examples = tuple((e["text"], tuple(tuple(h) for h in e.get("honours", ()))) for e in data.get("examples", ()))
    needs = tuple(tag_char(name) for name in data.get("needs", ()))
    groups = tuple((group, _slot_name(group)) for group in regex.groupindex)
    ends = data["shape"].rstrip().endswith(("award:$awards", "award:award"))
    head = _TOKEN.match(data["shape"].strip())
    following = _TOKEN.match(data["shape"].strip(), head.end())
    quantified = following is not None and following.lastgroup == "quant"
    first = head.group("cls") if head.lastgroup == "cls" and not quantified else None
    if head.lastgroup == "slot":  # "award:$awards" starts with an award
        after = _TOKEN.match(data["shape"].strip(), head.end())
        first = "award" if after is not None and after.group(0).strip() in ("$awards", "award") else None
    return Pattern(data["name"], data["shape"], regex, slots, examples, needs, groups, int(data["reach"]), ends,
                   first, data.get("doubt"))


# Elements of a sentence


def elements(sentence, matches) -> list[Element]:
    """The sentence as a row of elements (see the module's docstring)."""
    g = grammar()
    tokens, norms = sentence.tokens, sentence.norms
    starts = {m.first: m for m in matches if m.target is not None}
    caps = sentence.all_caps
    out: list[Element] = []
    append = out.append
    index, count = 0, len(tokens)
    special, plain, contextual = g.special, g.plain_caps if caps else g.plain, g.contextual
    names = sorted(starts)
    names.append(count)
    following = 0
    next_start = names[0]
    while index < count:
        if index == next_start:
            match = starts[index]
            append(_name_element(index, match))
            index = match.last
            while names[following] < index:
                following += 1
            next_start = names[following]
            continue
        norm = norms[index]
        if norm not in special and not norm[:1].isdigit():
            # (most words: no phrase, title, place or number starts here; one element per spelling, cached)
            token = tokens[index]
            code = plain.get(token)
            if code is None:
                code = plain[token] = _plain(g, token, caps)
            append(_new(Element, (index, index + 1, code[0], norm, None, None, code[1])))
            index += 1
            continue
        if norm in contextual or norm[:1].isdigit() or not tokens[index].is_word:
            index = _special(g, sentence, index, starts, caps, next_start, append)
            continue
        # A word that only starts phrases of the data ("trao", "cá"): the longest phrase, inline.
        length, classes = _phrase(g, norms, index, next_start)
        if length:
            tags = classes | _WORD
            form = "_".join(norms[index : index + length]) if length > 1 else norm
            append(_new(Element, (index, index + length, tags, form, None, None, code_of(tags, form))))
            index += length
        else:
            tags, code = _plain(g, tokens[index], caps)
            append(_new(Element, (index, index + 1, tags, norm, None, None, code)))
            index += 1
    return out


def _name_element(index: int, match) -> Element:
    tags, code = _NAMES.get(match.kind) or _name_code(match.kind)
    return _new(Element, (index, match.last, tags, match.kind, match, None, code))


_NAMES: dict = {}  # "unit" | "award" -> (tags, code), made once


def _name_code(kind: str) -> tuple:
    tags = frozenset((kind,))
    _NAMES[kind] = (tags, code_of(tags, kind))
    return _NAMES[kind]


def _plain(g: "Grammar", token, caps: bool) -> tuple[frozenset, str]:
    if not token.is_word:
        tags = frozenset(("punct",)) | g.single.get(token.norm, frozenset())
        form = PUNCTUATION.get(token.norm, "'" + token.norm + "'").strip("'")
    elif token.norm in g.single:  # a one-word phrase no longer one starts with ("cho", "các")
        tags = g.single[token.norm] | _WORD
        form = token.norm
    else:
        tags = frozenset(("cap",) if token.is_capitalised and not caps else ("word",))
        form = token.norm
    return tags, code_of(tags, form)


def _special(g: "Grammar", sentence, index: int, starts, caps: bool, limit: int, append) -> int:
    """The element at a word that may start a phrase, a person, a place or a count; the index after it."""
    tokens, norms = sentence.tokens, sentence.norms
    norm = norms[index]
    if not tokens[index].is_word:
        tags, code = _plain(g, tokens[index], caps)
        append(_new(Element, (index, index + 1, tags, norm, None, None, code)))
        return index + 1
    if norm[:1].isdigit():
        value = _number(norm)
        if value is not None:
            tags = _YEAR if len(norm) == 4 and 1900 <= value <= 2100 else _NUM
            append(_new(Element, (index, index + 1, tags, norm, None, value, code_of(tags, norm))))
            return index + 1
    person = _person(g, sentence, index, starts, caps) if norm in g.title_first or norm in SURNAMES else 0
    if person:
        append(_new(Element, (index, person, _PERSON, "person", None, None, _PERSON_CODE[0] or _code(_PERSON))))
        return person
    place = _place(g, sentence, index, starts, caps) if norm in g.place_first else 0
    if place:
        append(_new(Element, (index, place, _PLACE, "place", None, None, code_of(_PLACE, "place"))))
        return place
    if norm in g.numbers and index + 1 < len(tokens) \
            and _phrase(g, norms, index + 1)[1] & {"individuals", "collectives", "count_unit"}:
        append(_new(Element, (index, index + 1, _NUM, norm, None, g.numbers[norm], code_of(_NUM, norm))))
        return index + 1
    length, classes = _phrase(g, norms, index, limit)
    if length:
        tags = classes | _WORD
        form = "_".join(norms[index : index + length]) if length > 1 else norm
        append(_new(Element, (index, index + length, tags, form, None, None, code_of(tags, form))))
        return index + length
    tags, code = _plain(g, tokens[index], caps)
    append(_new(Element, (index, index + 1, tags, norm, None, None, code)))
    return index + 1


_PERSON, _PLACE, _NUM, _YEAR, _WORD = (frozenset((t,)) for t in ("person", "place", "num", "year", "word"))
_CODES: dict = {}
_PERSON_CODE = [None]


def _code(tags: frozenset) -> str:
    _PERSON_CODE[0] = code_of(tags, "person")
    return _PERSON_CODE[0]


def code_of(tags: frozenset, form: str) -> str:
    """How an element is written for the patterns: its classes, and its form if a pattern names it."""
    key = (tags, form)
    code = _CODES.get(key)
    if code is None:
        shown = form if form in grammar().literals else ""
        code = "‹" + "".join(sorted(tag_char(tag) for tag in tags)) + "|" + shown + "›"
        if len(_CODES) < 50_000:
            _CODES[key] = code
    return code


def _phrase_classes(g: Grammar, norms, index: int, length: int) -> frozenset:
    for phrase, classes in g.lexicon.get(norms[index], ()):
        if len(phrase) == length and tuple(norms[index : index + length]) == phrase:
            return classes
    return frozenset()


def _phrase(g: Grammar, norms, index: int, limit: int | None = None) -> tuple[int, frozenset]:
    """(length, classes) of the longest phrase of the data at `index` that ends by `limit`, or (0, ∅)."""
    node = g.trie.get(norms[index])
    stop = len(norms) if limit is None else min(limit, len(norms))
    best, position = (0, _EMPTY), index + 1
    while node is not None:
        children, classes = node
        if classes:
            best = (position - index, classes)
        if position >= stop:
            break
        node = children.get(norms[position])
        position += 1
    return best


_EMPTY = frozenset()


def _trie(by_phrase: dict) -> dict:
    """Phrases by word: word -> (children, classes of the phrase ending here)."""
    root: dict = {}
    for phrase, classes in by_phrase.items():
        level = root
        for position, word in enumerate(phrase):
            children, ending = level.get(word, ({}, _EMPTY))
            if position == len(phrase) - 1:
                ending = frozenset(classes)
            level[word] = (children, ending)
            level = children
    return root


def _capitalised_name(sentence, start: int, starts, caps: bool, g: Grammar) -> int:
    """End of a run of capitalised words from `start` (a person's or a place's name)."""
    tokens, norms = sentence.tokens, sentence.norms
    end = start
    while end < len(tokens) and end - start < MAX_NAME_WORDS and tokens[end].is_word and tokens[end].is_capitalised \
            and end not in starts and not tokens[end].text[:1].isdigit():
        if end > start and _dash_before(sentence, end):
            break
        if caps and (_phrase(g, norms, end)[1] & {"role", "confer", "passive", "for", "stop", "and", "individuals",
                                                   "collectives", "of", "filler", "incl", "proposal"}):
            break
        end += 1
    return end


def _dash_before(sentence, index: int) -> bool:
    base = sentence.starts[0]
    gap = sentence.text[sentence.end(index - 1) - base : sentence.starts[index] - base]
    return any(char in gap for char in "-–—")


def _person(g: Grammar, sentence, index: int, starts, caps: bool) -> int:
    """End of a person ("ông Trần Văn An", "Đỗ Thị Cúc") starting at `index`, or 0."""
    tokens, norms = sentence.tokens, sentence.norms
    norm = norms[index]
    if norm not in g.title_first and norm not in SURNAMES:
        return 0
    if not any(t.is_capitalised and t.is_word for t in tokens[index + 1 : index + 4]):
        return 0  # (a name is capitalised: most titles and surnames here start none)
    length, classes = _phrase(g, norms, index)
    if "title" in classes:
        start = index + length
        if start < len(tokens) and start not in starts and tokens[start].is_capitalised and tokens[start].is_word \
                and not (_phrase(g, norms, start)[1] & {"role", "title"}):
            end = _capitalised_name(sentence, start, starts, caps, g)
            if end > start and not (end - start == 1 and norms[start] in SURNAMES and caps):
                return end
        return 0
    if norms[index] in SURNAMES and tokens[index].is_capitalised and not caps:
        end = _capitalised_name(sentence, index, starts, caps, g)
        if end - index >= 3:
            return end
    return 0


def _place(g: Grammar, sentence, index: int, starts, caps: bool) -> int:
    tokens, norms = sentence.tokens, sentence.norms
    for place in g.places:
        if tuple(norms[index : index + len(place)]) == place:
            start = index + len(place)
            if start < len(tokens) and start not in starts and tokens[start].is_capitalised and tokens[start].is_word:
                end = _capitalised_name(sentence, start, starts, caps, g)
                if end > start:
                    return end
    return 0


_GROUPED = re.compile(r"\d{1,3}(?:[.,]\d{3})+")


def _number(norm: str) -> int | None:
    if norm.isdigit():
        return int(norm)
    if norm[:1].isdigit() and _GROUPED.fullmatch(norm):
        return int(re.sub(r"[.,]", "", norm))
    return None


# Matching


def encode(row: list[Element]) -> tuple[str, list[int]]:
    """The row as text for the patterns, and where each element starts in it."""
    codes = [element.code for element in row]
    offsets = list(accumulate(map(len, codes), initial=0))
    return "".join(codes), offsets


@dataclass
class Found:
    pattern: Pattern
    slots: dict  # slot name -> [(first element, last element)]
    span: tuple[int, int]


def find(row: list[Element], text: str, offsets: list[int], patterns=None) -> list[Found]:
    """The matches of every pattern around each award, in pattern order (see `around`)."""
    awards = [i for i, element in enumerate(row) if "award" in element.tags]
    return [found for award in awards for found in around(row, text, offsets, award, patterns)]


def around(row: list[Element], text: str, offsets: list[int], award: int, patterns=None):
    """The match of each pattern that holds the award at `award`, in the data's order, one at a time:
    the one that starts first, at most `reach` elements before it. (A generator: the caller stops at
    the first reading it can use.)"""
    for pattern in patterns if patterns is not None else grammar().patterns:
        missing = False
        for need in pattern.needs:
            if need not in text:
                missing = True
                break
        if missing:
            continue
        match = _around(pattern, row, text, offsets, award)
        if match is not None:
            yield match


def _around(pattern: Pattern, row, text: str, offsets: list[int], award: int) -> Found | None:
    low = max(0, award - pattern.reach)
    if pattern.first is not None:
        # The shape starts with a class: a match is tried only where an element of that class stands.
        starts = [i for i in range(low, award + 1) if pattern.first in row[i].tags] if award > low else [award]
        for start in starts:
            match = pattern.regex.match(text, offsets[start])
            if match is not None:
                slots = _slots(match, pattern.groups, offsets)
                if any(first <= award < last for first, last in slots.get("award", ())):
                    return Found(pattern, slots, (start, bisect_left(offsets, match.end())))
        return None
    # A pattern that ends with its award ends by the award's end: the search stops there.
    stop = offsets[award + 1] if pattern.ends_at_award else len(text)
    start = low
    while start <= award:
        match = pattern.regex.search(text, offsets[start], stop)
        if match is None:
            return None
        start = bisect_left(offsets, match.start())
        if start > award:
            return None
        slots = _slots(match, pattern.groups, offsets)
        if any(first <= award < last for first, last in slots.get("award", ())):
            return Found(pattern, slots, (start, bisect_left(offsets, match.end())))
        start += 1
    return None


def _slots(match, groups, offsets) -> dict:
    slots: dict[str, list] = {}
    for group, slot in groups:
        start = match.start(group)
        if start >= 0:
            slots.setdefault(slot, []).append((bisect_left(offsets, start), bisect_left(offsets, match.end(group))))
    return slots

