"""One matching form for Vietnamese names, token by token, keeping original offsets.

Editors and reporters write the same name many ways: NFC or NFD, "hoà" or
"hòa", "UBND" or "Ủy ban nhân dân", "Hành chính - Tổ chức" or "Hành chính Tổ
chức". Matching compares the normalised tokens; each token remembers its
(start, end) in the original string so a match can be mapped back to a span
(to link the first mention in HTML). Diacritics are kept: stripping them would
conflate different words ("tổ"/"tờ"/"to").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache, partial
from itertools import accumulate, compress, count, repeat
from operator import itemgetter
from typing import NamedTuple

from markupsafe import Markup
from unidecode import unidecode

# Combining tone marks (grave, acute, tilde, hook above, dot below).
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
VOWELS = frozenset("aăâeêioôơuưy")
# Vowels carrying a quality mark take the tone in every spelling convention.
QUALITY_VOWELS = frozenset("ăâêôơư")

# A number (1.000, 2,5), or a run of letters/digits with their combining marks
# (NFD input keeps its marks inside the word), or any other single
# non-space character (punctuation; dashes are dropped later).
_DASHES = "\\-\u2010-\u2015\u2212\u2043\u2e3a\u2e3b\ufe58\ufe63\uff0d"
_TOKEN = re.compile(
    rf"\d+(?:[.,]\d+)+(?!\w)|[\w\u0300-\u036f]+|[^\s{_DASHES}]"
)

# Abbreviations that need their dot; a bare "TT" is left alone (too ambiguous).
_DOTTED = {"vp": ("văn", "phòng"), "tp": ("thành", "phố"), "tt": ("trung", "tâm")}
# Whole-token abbreviations and spelling variants, keyed by normalised token.
ABBREVIATIONS = {
    "ubnd": ("ủy", "ban", "nhân", "dân"),
    "hđnd": ("hội", "đồng", "nhân", "dân"),
    "đbqh": ("đại", "biểu", "quốc", "hội"),
    "mttq": ("mặt", "trận", "tổ", "quốc"),
    "ubkt": ("ủy", "ban", "kiểm", "tra"),
    "vp": ("văn", "phòng"),
    "tp": ("thành", "phố"),
    "sỹ": ("sĩ",),  # "Chiến sỹ" is the same word as "Chiến sĩ"
}
# "hạng 3", "hạng III" -> "hạng ba": grades are written both ways.
GRADES = {"1": "nhất", "i": "nhất", "2": "nhì", "ii": "nhì", "3": "ba", "iii": "ba", "nhứt": "nhất"}
SENTENCE_END = frozenset(".!?…")


class Token(NamedTuple):
    norm: str  # matching form
    start: int  # span in the original string
    end: int
    text: str  # original spelling, for capitalisation and display
    is_word: bool = True  # a word or number, not punctuation
    is_capitalised: bool = False  # written with a capital first letter


def _is_dash(char: str) -> bool:
    return unicodedata.category(char) == "Pd" or char in "\u2212\u2043"


def place_tone(word: str) -> str:
    """Put the tone mark of one lower-case NFC syllable where "hòa/thủy" puts it.

    The old and new conventions only differ for open oa/oe/uy ("hoà" vs
    "hòa"); re-placing the tone by one rule maps both to one form.
    """
    decomposed = unicodedata.normalize("NFD", word)
    tones = [char for char in decomposed if char in TONE_MARKS]
    if len(tones) != 1:
        return word
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    first = next((i for i, char in enumerate(base) if char in VOWELS), None)
    if first is None:
        return word
    last = first
    while last < len(base) and base[last] in VOWELS:
        last += 1
    start = first
    # "qu" and "gi" are initials: their u/i never takes the tone.
    if first > 0 and last - first > 1 and base[first - 1 : first + 1] in ("qu", "gi"):
        start = first + 1
    quality = [i for i in range(start, last) if base[i] in QUALITY_VOWELS]
    if quality:
        position = quality[-1]
    elif last - start == 1:
        position = start
    elif last < len(base):  # closed syllable: "hoàn", "thuyền"
        position = last - 1
    elif last - start == 2:  # open pair: "hòa", "thủy", "mía"
        position = start
    else:  # open triple: "ngoài", "khuỷu"
        position = start + 1
    return unicodedata.normalize("NFC", base[: position + 1] + tones[0] + base[position + 1 :])


_WORD_CACHE: dict[str, str] = {}


def normalise_word(word: str) -> str:
    """NFC, lower case, đ for the look-alike Ð/ð, one tone placement."""
    cached = _WORD_CACHE.get(word)
    if cached is None:
        cached = unicodedata.normalize("NFC", word).lower().replace("ð", "đ")
        cached = place_tone(cached)
        if len(_WORD_CACHE) < 200_000:
            _WORD_CACHE[word] = cached
    return cached


_RAW_CACHE: dict[str, object] = {}
_IS_WORD: dict[str, bool] = {}
_IS_CAPITALISED: dict[str, bool] = {}
_SPECIAL_RAWS: set[str] = set()  # cached words whose matching form depends on context (_expand)
_MAKE = partial(tuple.__new__, Token)
_SPLIT = re.compile(f"({_TOKEN.pattern})")  # the tokens, kept between what finditer would skip


def _word_norm(raw: str) -> object:
    """Matching form of one token as written: a string, or a tuple for an abbreviation's words."""
    cached = _RAW_CACHE.get(raw)
    if cached is None:
        if raw[0].isalnum() or "\u0300" <= raw[0] <= "\u036f":
            norm = normalise_word(raw)
            expansion = ABBREVIATIONS.get(norm, (norm,))
            cached = expansion[0] if len(expansion) == 1 else expansion
        else:
            cached = raw
        if len(_RAW_CACHE) < 200_000:
            _RAW_CACHE[raw] = cached
            _IS_WORD[raw] = raw[0].isalnum() or "\u0300" <= raw[0] <= "\u036f"
            _IS_CAPITALISED[raw] = raw[:1].isupper()
            if cached.__class__ is tuple or cached in _CONTEXT_WORDS:
                _SPECIAL_RAWS.add(raw)
    return cached


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Matching tokens of `text`; offsets are shifted by `offset`.

    Dashes are separators like spaces and produce no token; other punctuation
    is kept (commas are part of names like "Sở Văn hóa, Thể thao và Du lịch",
    semicolons separate conferments). An abbreviation expands to several tokens
    sharing its span. This is the recogniser's hot path: one regex split, words
    looked up in a cache, and lists built by C-level map/zip/accumulate; only the rare
    tokens that need context (abbreviations, "hạng 3", "TP.") take a Python loop.
    """
    # Split on the tokens: [gap, token, gap, token, …, gap]. The running sum of the pieces'
    # lengths gives every token's span without building a Match object per word.
    pieces = _SPLIT.split(text)
    if len(pieces) == 1:
        return []
    bounds = list(accumulate(map(len, pieces), initial=offset))
    raws = pieces[1::2]
    norms = list(map(_RAW_CACHE.get, raws))
    cached = None not in norms  # every word seen before: its flags are cached too
    if not cached:
        norms = list(map(_word_norm, raws))
        cached = all(map(_IS_WORD.__contains__, raws))  # False only once the caches are full
    if cached:
        words = list(map(_IS_WORD.__getitem__, raws))
        capitals = map(_IS_CAPITALISED.__getitem__, raws)
        special = list(compress(count(), map(_SPECIAL_RAWS.__contains__, raws)))
    else:
        words = [r[0].isalnum() or "\u0300" <= r[0] <= "\u036f" for r in raws]
        capitals = [r[:1].isupper() for r in raws]
        special = [i for i, n in enumerate(norms) if n.__class__ is tuple or n in _CONTEXT_WORDS]
    # tuple.__new__ straight from map: no Python-level call per token.
    tokens = list(map(tuple.__new__, repeat(Token), zip(norms, bounds[1::2], bounds[2::2], raws, words, capitals)))
    if special:
        tokens = _expand(text, offset, tokens, special)
    return tokens


# Tokens whose matching form depends on their neighbours.
_CONTEXT_WORDS = frozenset(("hạng", "tt"))


def _expand(text: str, offset: int, tokens: list[Token], special: list[int]) -> list[Token]:
    """Expand abbreviations ("UBND", "TP." with its dot) and read the grade after "hạng".

    One pass that copies the plain runs between special tokens: splicing the
    list at every abbreviation would cost a copy of the article each time.
    None of the tokens a special one changes (a grade, a dot) is special itself.
    """
    result: list[Token] = []
    count = len(tokens)
    done = 0  # tokens[:done] are in result
    for index in special:
        result += tokens[done:index]
        done = index + 1
        token = tokens[index]
        norm = token[0]
        following = tokens[index + 1] if index + 1 < count else None
        if norm == "hạng":
            result.append(token)
            if following is not None and following[0].__class__ is str and following[0] in GRADES:
                result.append(_MAKE((GRADES[following[0]],) + following[1:]))
                done = index + 2
            continue
        lowered = normalise_word(token[3])
        if lowered in _DOTTED and following is not None and following[3] == "." and following[1] == token[2]:
            # "VP." "TP." "TT.": the dot belongs to the abbreviation.
            written = text[token[1] - offset : following[2] - offset]
            result += [Token(part, token[1], following[2], written, True, token[5]) for part in _DOTTED[lowered]]
            done = index + 2
        elif norm.__class__ is tuple:
            rest = token[1:]
            result += [_MAKE((part,) + rest) for part in norm]
        else:
            result.append(token)
    result += tokens[done:]
    return result


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """The matching form of a whole string: normalised tokens joined by spaces (names repeat: cached)."""
    return " ".join(map(itemgetter(0), tokenize(text)))


# Pelican's default SLUG_REGEX_SUBSTITUTIONS: one slug rule for articles, units and awards.
_SLUG_SUBSTITUTIONS = ((r"[^\w\s-]", ""), (r"\A\s*", ""), (r"\s*\Z", ""), (r"[-\s]+", "-"))


@lru_cache(maxsize=8192)
def slugify(text: str) -> str:
    """Pelican's default slug, without importing Pelican: "Văn phòng Tỉnh ủy" -> "van-phong-tinh-uy"."""
    value = unidecode(unicodedata.normalize("NFKC", Markup(text).striptags()))
    for pattern, replacement in _SLUG_SUBSTITUTIONS:
        value = re.sub(pattern, replacement, value, flags=re.IGNORECASE)
    return value.lower().strip()
