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
from functools import lru_cache
from operator import itemgetter
from itertools import accumulate, chain, compress, count, filterfalse
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
# Letters of Vietnamese text, all of them \w: listed before \w, the regex engine finds most
# characters in its bitmap without the slower Unicode category lookup (same tokens, faster).
WORD_FAST_RANGES = "a-zA-Z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f\u01a0-\u01b0\u1ea0-\u1ef9"
_TOKEN = re.compile(
    rf"\d+(?:[.,]\d+)+(?!\w)|[{WORD_FAST_RANGES}\w\u0300-\u036f]+|[^\s{_DASHES}]"
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
    # Bodies as reporters shorten them.
    "bvđk": ("bệnh", "viện", "đa", "khoa"),
    "ttyt": ("trung", "tâm", "y", "tế"),
    "tyt": ("trạm", "y", "tế"),
    "lđlđ": ("liên", "đoàn", "lao", "động"),
    "llvt": ("lực", "lượng", "vũ", "trang"),
    "ttg": ("thủ", "tướng"),  # "Bằng khen TTg"
    # Awards as the law's forms are shortened in lists and tables ("HCLĐ hạng Ba", "02 CSTĐ").
    "hclđ": ("huân", "chương", "lao", "động"),
    "hcđl": ("huân", "chương", "độc", "lập"),
    "hcbvtq": ("huân", "chương", "bảo", "vệ", "tổ", "quốc"),
    "hccc": ("huân", "chương", "chiến", "công"),
    "hcqc": ("huân", "chương", "quân", "công"),
    "ahlđ": ("anh", "hùng", "lao", "động"),
    "ahllvt": ("anh", "hùng", "lực", "lượng", "vũ", "trang"),
    "ahllvtnd": ("anh", "hùng", "lực", "lượng", "vũ", "trang", "nhân", "dân"),
    "bmvnah": ("bà", "mẹ", "việt", "nam", "anh", "hùng"),
    "cstđ": ("chiến", "sĩ", "thi", "đua"),
    "cstđcs": ("chiến", "sĩ", "thi", "đua", "cơ", "sở"),
    "cstđtq": ("chiến", "sĩ", "thi", "đua", "toàn", "quốc"),
    "lđtt": ("lao", "động", "tiên", "tiến"),
    "lđxs": ("lao", "động", "xuất", "sắc"),
    "ttlđtt": ("tập", "thể", "lao", "động", "tiên", "tiến"),
    "ttlđxs": ("tập", "thể", "lao", "động", "xuất", "sắc"),
    "bk": ("bằng", "khen"),
    "ctđ": ("cờ", "thi", "đua"),
    "knc": ("kỷ", "niệm", "chương"),
    # (NGƯT, NSND, TTƯT … are left alone: written before a person's name, they are a title held, not news)
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


class Word(NamedTuple):
    """A token without its place: one shared object per spelling, so reading an article builds
    no object per token (offsets live beside the words, in parallel lists)."""

    norm: str  # matching form
    text: str  # original spelling, for capitalisation and display
    is_word: bool = True  # a word or number, not punctuation
    is_capitalised: bool = False  # written with a capital first letter


class Words(NamedTuple):
    """The tokens of a text as parallel lists: shared words, their matching forms, where they start.

    A token ends at its start plus the length of its spelling (`Word.text`), which for an
    abbreviation's words is the whole abbreviation ("UBND", "TP.").
    """

    words: list[Word]
    norms: list[str]
    starts: list[int]


_WORD_OF: dict[str, Word] = {}  # spelling -> its Word
# An abbreviation's spelling ("UBND", "TP.") -> the words it stands for, and their forms.
_PARTS: dict[str, tuple[tuple[Word, ...], tuple[str, ...]]] = {}
_GRADE_OF: dict[str, Word] = {}  # a grade's spelling after "hạng" ("3", "III") -> its word
# The same tokens as _TOKEN, kept between the gaps by split, in a form the regex engine runs
# faster: every token starts with a non-space non-dash character, so the pattern starts with
# that class and the engine skips spaces without trying each alternative there; a letter
# then goes on as a word at once (no digit test), a digit as a number if it can, else as a word.
# tests/test_text.py checks that it splits exactly as _TOKEN does.
_LETTERS = WORD_FAST_RANGES.replace("0-9", "")
_WORD_CHARS = rf"{WORD_FAST_RANGES}\w\u0300-\u036f"
_SPLIT = re.compile(
    rf"([^\s{_DASHES}](?:(?<=[{_LETTERS}])[{_WORD_CHARS}]*|(?<=\d)\d*(?:[.,]\d+)+(?!\w)"
    rf"|(?<=[{_WORD_CHARS}])[{_WORD_CHARS}]*|))"
)
_CACHE_LIMIT = 200_000

# The tokenizer reads a text as chunks between single spaces ("tỉnh,", "(UBND)"): no token spans a
# space, so a chunk's tokens do not depend on its neighbours, and a few thousand chunks make up most
# of any prose. Each chunk is split by _SPLIT once and remembered (a property of the tokenizer, like
# the word caches: at most _CACHE_LIMIT chunks of at most _CHUNK_MAX characters), as a flat tuple
# (word, form, advance, word, form, advance, …); advance is how far the next token starts, or the
# next chunk for the last one. Reading a text is then a few C-level passes, no Python step per token.
_CHUNK_TOKENS: dict[str, tuple] = {}
_CHUNK_MAX = 32  # longer chunks (a link, text spaced by no-break spaces) are read whole, never kept
# Chunks whose first token is not at their start: "" and "-" (no token), "–Tài", "\nTổ".
_UNALIGNED: set[str] = set()
_LEAD: dict[str, int] = {}  # an unaligned chunk -> where its first token starts (its length if none)
_GRADED: set[str] = set()  # chunks with a "hạng": its grade may be in the next chunk ("hạng 3")


def _word(raw: str) -> Word:
    """The Word of one token as written (cached); an abbreviation's Word has a tuple as its form."""
    cached = _WORD_OF.get(raw)
    if cached is None:
        is_word = raw[0].isalnum() or "\u0300" <= raw[0] <= "\u036f"
        if is_word:
            norm = normalise_word(raw)
            expansion = ABBREVIATIONS.get(norm, (norm,))
            norm = expansion[0] if len(expansion) == 1 else expansion
        else:
            norm = raw
        cached = Word(norm, raw, is_word, raw[:1].isupper())
        if len(_WORD_OF) < _CACHE_LIMIT:
            _WORD_OF[raw] = cached
    return cached


def _learn(chunks: list[str]) -> bool:
    """Split and remember the chunks not seen before (emptying the tables first when they would grow
    too big); False if some chunk is too long to remember, or there are more than the tables hold."""
    new = set(filterfalse(_CHUNK_TOKENS.__contains__, chunks))
    if not new:
        return True
    if len(_CHUNK_TOKENS) + len(new) > _CACHE_LIMIT:
        for table in (_CHUNK_TOKENS, _UNALIGNED, _LEAD, _GRADED):
            table.clear()
        new = set(chunks)
        if len(new) > _CACHE_LIMIT:
            return False  # more chunks than the tables hold (a huge text): it is split whole
    complete = True
    for chunk in new:
        if len(chunk) > _CHUNK_MAX:
            complete = False
            continue
        words, norms, starts = _split_expanded(chunk, 0)
        starts.append(len(chunk) + 1)  # (the next chunk, past the space)
        flat = []
        for index, word in enumerate(words):
            flat += (word, norms[index], starts[index + 1] - starts[index])
        _CHUNK_TOKENS[chunk] = tuple(flat)
        if starts[0] != 0 or not flat:
            _UNALIGNED.add(chunk)
            _LEAD[chunk] = starts[0] if flat else len(chunk)
        if "hạng" in norms:
            _GRADED.add(chunk)
    return complete


def _split_expanded(text: str, offset: int) -> tuple[list, list, list[int]]:
    """Words, forms and starts of `text` split by _SPLIT, abbreviations expanded (they never span a space)."""
    pieces = _SPLIT.split(text)  # [gap, token, gap, token, …, gap]
    starts = list(accumulate(map(len, pieces[:-1]), initial=offset))[1::2]
    words = list(map(_word, pieces[1::2]))
    norms = [word.norm for word in words]
    special = [index for index, norm in enumerate(norms) if norm.__class__ is tuple or norm == "tt"]
    if special:
        return _expand(text, offset, words, norms, starts, special)
    return words, norms, starts


def _aligned(chunks: list[str]) -> tuple[list[str], int] | None:
    """The chunks joined so that each starts with a token (an unaligned one joins the chunk before
    it: "hoạch", "-" -> "hoạch -"), and where the first token starts, leading empty chunks dropped;
    None if they cannot all be remembered."""
    if not _learn(chunks):  # (to know which are unaligned: a chunk seen before may have sent us here)
        return None
    chunks = chunks[:]
    for index in reversed(list(compress(count(), map(_UNALIGNED.__contains__, chunks)))):
        if index:
            chunks[index - 1] += " " + chunks.pop(index)
    if not _learn(chunks):
        return None
    lead = 0
    while len(chunks) > 1 and not _CHUNK_TOKENS[chunks[0]]:  # the text starts with no token
        lead += len(chunks.pop(0)) + 1
    return chunks, lead + _LEAD.get(chunks[0], 0)


def _chunks(text: str) -> list[str]:
    """`text` cut at its spaces. A dash between spaces ("Kế hoạch - Tài chính") would be a chunk
    with no token, to be joined to its neighbour in Python; written with a no-break space before it
    (same length: offsets hold, and both are spaces to the tokenizer) it is read with the word
    before it ("hoạch\u00a0-"), at C speed."""
    return text.replace(" - ", "\u00a0- ").replace(" – ", "\u00a0– ").split(" ")


def _read_chunks(text: str, offset: int) -> tuple[list, list, list[int], bool] | None:
    """Words, forms and starts of `text` from its remembered chunks, and whether it has a "hạng";
    None if a chunk is new."""
    chunks = _chunks(text)
    lead = 0
    if not _UNALIGNED.isdisjoint(chunks):  # (double spaces, a space before a line break: rare)
        aligned = _aligned(chunks)
        if aligned is None:
            return None
        chunks, lead = aligned
    try:  # (itemgetter looks all chunks up in one call: twice as fast as a map)
        found = itemgetter(*chunks)(_CHUNK_TOKENS) if len(chunks) > 1 else (_CHUNK_TOKENS[chunks[0]],)
    except KeyError:
        return None
    flat = list(chain.from_iterable(found))
    starts = list(accumulate(flat[2::3], initial=offset + lead))
    starts.pop()  # (where a token after the last would start)
    return flat[0::3], flat[1::3], starts, not _GRADED.isdisjoint(chunks)


def read_words(text: str, offset: int = 0) -> Words:
    """Matching tokens of `text` as parallel lists; offsets are shifted by `offset`.

    Dashes are separators like spaces and produce no token; other punctuation
    is kept (commas are part of names like "Sở Văn hóa, Thể thao và Du lịch",
    semicolons separate conferments). An abbreviation expands to several tokens
    sharing its span. This is the recogniser's hot path: the text is cut at its
    spaces, each chunk's tokens are looked up in a cache, and the lists are built
    by C-level map/chain/slices (abbreviations are expanded in their chunk);
    only a grade after "hạng" takes a Python step.
    """
    read = _read_chunks(text, offset)
    if read is None and _learn(_chunks(text)):  # new chunks (after a few texts, most are known)
        read = _read_chunks(text, offset)
    if read is None:  # chunks too long or too many to remember: the text is split whole
        words, norms, starts = _split_expanded(text, offset)
        graded = "hạng" in norms
    else:
        words, norms, starts, graded = read
    if graded:  # (award names: "hạng 3" spans a space, so it is read here, not in a chunk)
        _grades(words, norms)
    return Words(words, norms, starts)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Matching tokens of `text`, each with its span; offsets are shifted by `offset` (see `read_words`)."""
    read = read_words(text, offset)
    return [Token(word.norm, start, start + len(word.text), word.text, word.is_word, word.is_capitalised)
            for word, start in zip(read.words, read.starts)]


def _parts(words) -> tuple[tuple[Word, ...], tuple[str, ...]]:
    """The words an abbreviation stands for, with their forms (cached together in _PARTS)."""
    words = tuple(words)
    return words, tuple(word.norm for word in words)


def _expand(text: str, offset: int, words: list[Word], norms: list, starts: list[int],
            special: list[int]) -> tuple[list[Word], list[str], list[int]]:
    """Expand abbreviations ("UBND", "TP." with its dot).

    One pass that copies the plain runs between special tokens: splicing the
    list at every abbreviation would cost a copy of the list each time.
    None of the tokens a special one changes (a dot) is special itself.
    """
    out_words: list[Word] = []
    out_norms: list[str] = []
    out_starts: list[int] = []
    count = len(words)
    done = 0  # words[:done] are in the output
    for index in special:
        out_words += words[done:index]
        out_norms += norms[done:index]
        out_starts += starts[done:index]
        done = index + 1
        word = words[index]
        norm = word.norm
        following = words[index + 1] if index + 1 < count else None
        if (following is not None and following.text == "." and starts[index + 1] == starts[index] + len(word.text)
                and normalise_word(word.text) in _DOTTED):
            # "VP." "TP." "TT.": the dot belongs to the abbreviation.
            written = text[starts[index] - offset : starts[index + 1] + 1 - offset]  # the word and its dot
            parts = _PARTS.get(written)
            if parts is None:
                parts = _parts(Word(part, written, True, word.is_capitalised)
                               for part in _DOTTED[normalise_word(word.text)])
                if len(_PARTS) < _CACHE_LIMIT:
                    _PARTS[written] = parts
            done = index + 2
        elif norm.__class__ is tuple:
            parts = _PARTS.get(word.text)
            if parts is None:
                parts = _parts(Word(part, word.text, word.is_word, word.is_capitalised) for part in norm)
                if len(_PARTS) < _CACHE_LIMIT:
                    _PARTS[word.text] = parts
        else:
            parts = ((word,), (norm,))
        out_words += parts[0]
        out_norms += parts[1]
        out_starts += [starts[index]] * len(parts[0])
    out_words += words[done:]
    out_norms += norms[done:]
    out_starts += starts[done:]
    return out_words, out_norms, out_starts


def _grades(words: list[Word], norms: list[str]) -> None:
    """"hạng 3", "hạng III" -> "hạng ba": the grade after "hạng" gets its word as matching form (in place)."""
    index = norms.index("hạng")
    while True:
        following = words[index + 1] if index + 1 < len(words) else None
        if following is not None and following.norm in GRADES:
            grade = _GRADE_OF.get(following.text)
            if grade is None:
                grade = Word(GRADES[following.norm], following.text, following.is_word, following.is_capitalised)
                if len(_GRADE_OF) < _CACHE_LIMIT:
                    _GRADE_OF[following.text] = grade
            words[index + 1], norms[index + 1] = grade, grade.norm
        try:
            index = norms.index("hạng", index + 1)
        except ValueError:
            return


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """The matching form of a whole string: normalised tokens joined by spaces (names repeat: cached)."""
    return " ".join(read_words(text).norms)


# Pelican's default SLUG_REGEX_SUBSTITUTIONS: one slug rule for articles, units and awards.
_SLUG_SUBSTITUTIONS = ((r"[^\w\s-]", ""), (r"\A\s*", ""), (r"\s*\Z", ""), (r"[-\s]+", "-"))


@lru_cache(maxsize=8192)
def slugify(text: str) -> str:
    """Pelican's default slug, without importing Pelican: "Văn phòng Tỉnh ủy" -> "van-phong-tinh-uy"."""
    value = unidecode(unicodedata.normalize("NFKC", Markup(text).striptags()))
    for pattern, replacement in _SLUG_SUBSTITUTIONS:
        value = re.sub(pattern, replacement, value, flags=re.IGNORECASE)
    return value.lower().strip()
