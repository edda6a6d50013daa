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
_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)+(?!\w)|(?:[^\W_]|[\u0300-\u036f])+|\S"
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

    @property
    def is_word(self) -> bool:
        return self.norm[:1].isalnum()

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


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


_RAW_CACHE: dict[str, tuple[str, ...]] = {}


def _word_norms(raw: str) -> tuple[str, ...]:
    """Matching forms of one word as written: usually one, several for an abbreviation."""
    cached = _RAW_CACHE.get(raw)
    if cached is None:
        norm = normalise_word(raw)
        cached = ABBREVIATIONS.get(norm, (norm,))
        if len(_RAW_CACHE) < 200_000:
            _RAW_CACHE[raw] = cached
    return cached


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Matching tokens of `text`; offsets are shifted by `offset`.

    Dashes are separators like spaces and produce no token; other punctuation
    is kept (commas are part of names like "Sở Văn hóa, Thể thao và Du lịch",
    semicolons separate conferments). An abbreviation expands to several tokens
    sharing its span. Words are looked up in a cache: this loop is the
    recogniser's hot path.
    """
    tokens: list[Token] = []
    append = tokens.append
    new = tuple.__new__
    for match in _TOKEN.finditer(text):
        raw = match.group()
        start, end = match.span()
        first = raw[0]
        if not (first.isalnum() or "\u0300" <= first <= "\u036f"):
            if len(raw) == 1 and _is_dash(raw):
                continue
            if raw == "." and tokens and tokens[-1].end == start + offset and tokens[-1].norm in _DOTTED:
                # "VP." "TP." "TT.": the dot belongs to the abbreviation.
                previous = tokens.pop()
                expansion = _DOTTED[previous.norm]
                tokens.extend(Token(n, previous.start, end + offset, text[previous.start - offset : end]) for n in expansion)
                continue
            append(new(Token, (raw, start + offset, end + offset, raw)))
            continue
        norms = _word_norms(raw)
        if len(norms) == 1:
            norm = norms[0]
            if norm in GRADES and tokens and tokens[-1].norm == "hạng":
                norm = GRADES[norm]
            append(new(Token, (norm, start + offset, end + offset, raw)))
        elif norms[0] in _DOTTED_FIRST and end < len(text) and text[end] == "." and normalise_word(raw) in _DOTTED:
            append(new(Token, (normalise_word(raw), start + offset, end + offset, raw)))
        else:
            for norm in norms:
                append(new(Token, (norm, start + offset, end + offset, raw)))
    return tokens


_DOTTED_FIRST = frozenset(expansion[0] for expansion in _DOTTED.values())


def normalise(text: str) -> str:
    """The matching form of a whole string: normalised tokens joined by spaces."""
    return " ".join(token.norm for token in tokenize(text))


# Pelican's default SLUG_REGEX_SUBSTITUTIONS: one slug rule for articles, units and awards.
_SLUG_SUBSTITUTIONS = ((r"[^\w\s-]", ""), (r"\A\s*", ""), (r"\s*\Z", ""), (r"[-\s]+", "-"))


def slugify(text: str) -> str:
    """Pelican's default slug, without importing Pelican: "Văn phòng Tỉnh ủy" -> "van-phong-tinh-uy"."""
    value = unidecode(unicodedata.normalize("NFKC", Markup(text).striptags()))
    for pattern, replacement in _SLUG_SUBSTITUTIONS:
        value = re.sub(pattern, replacement, value, flags=re.IGNORECASE)
    return value.lower().strip()
