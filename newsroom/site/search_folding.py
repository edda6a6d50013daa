"""The search form of Vietnamese text: what readers type and what pages say meet here.

Most readers type without diacritics, and office prose abbreviates ("UBND tỉnh"
for "Ủy ban nhân dân tỉnh"). Both the index and the query are folded the same
way: lower case, no tone or quality marks, đ as d, i for the y of "kỹ/kĩ",
and every known abbreviation replaced by its long form. The reader's browser
folds the query with theme/static/js/search.js, which reads `FOLDING_TABLE`
from the JSON written beside the index, so the table lives only here;
tests/test_search_folding.py runs both foldings on the same strings.

Folding conflates words that differ only by marks ("tổ", "tờ", "to"); for
search that is what a reader typing without marks asks for.
"""

from __future__ import annotations

import re
import unicodedata

# Folded abbreviation -> folded long form. Keys are whole words once folded,
# so "HĐND", "HDND" and "hđnd" are one key. Left out: abbreviations that are
# also common words or too ambiguous to expand ("TT", "CT", "TU", "DN").
ABBREVIATIONS: dict[str, str] = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "dbqh": "dai bieu quoc hoi",
    "qh": "quoc hoi",
    "mttq": "mat tran to quoc",
    "ubmttq": "uy ban mat tran to quoc",
    "ubkt": "uy ban kiem tra",
    "bch": "ban chap hanh",
    "btv": "ban thuong vu",
    "bcd": "ban chi dao",
    "tw": "trung uong",
    "vp": "van phong",
    "tp": "thanh pho",
    "cstd": "chien si thi dua",
    "cstdcs": "chien si thi dua co so",
    "ldtt": "lao dong tien tien",
    "ldxs": "lao dong xuat sac",
    "ttldxs": "tap the lao dong xuat sac",
    "ttldtt": "tap the lao dong tien tien",
    "hcld": "huan chuong lao dong",
    "hcdl": "huan chuong doc lap",
    "hcbvtq": "huan chuong bao ve to quoc",
    "bk": "bang khen",
    "cntt": "cong nghe thong tin",
    "cchc": "cai cach hanh chinh",
    "cbcc": "can bo cong chuc",
    "cbccvc": "can bo cong chuc vien chuc",
    "xhcn": "xa hoi chu nghia",
    "ntm": "nong thon moi",
    "htx": "hop tac xa",
    "bhxh": "bao hiem xa hoi",
    "bhyt": "bao hiem y te",
    "thpt": "trung hoc pho thong",
    "thcs": "trung hoc co so",
    "cand": "cong an nhan dan",
    "qdnd": "quan doi nhan dan",
    "tncs": "thanh nien cong san",
    "ccb": "cuu chien binh",
    "ldld": "lien doan lao dong",
    "pccc": "phong chay chua chay",
    "atgt": "an toan giao thong",
}

# An open syllable ending in a lone y after a consonant is written with i as
# well ("kỹ thuật"/"kĩ thuật", "lý"/"lí", "Chiến sỹ"/"Chiến sĩ").
Y_AS_I = r"^(?:b|c|ch|d|g|gh|h|k|kh|l|m|n|ng|ngh|nh|p|ph|qu|r|s|t|th|tr|v|x)y$"
_Y_AS_I = re.compile(Y_AS_I)

# A word: letters and digits once the marks are gone. The browser uses the
# same class, [\p{L}\p{N}]+ with the u flag.
_WORD = re.compile(r"[^\W_]+")
_MARKS = re.compile(r"[\u0300-\u036f]")


def fold_word(word: str) -> str:
    """One word without marks, in lower case, đ as d."""
    plain = _MARKS.sub("", unicodedata.normalize("NFD", word.lower()))
    plain = plain.replace("đ", "d").replace("ð", "d")
    return unicodedata.normalize("NFC", plain)


def fold_words(text: str) -> list[str]:
    """The folded words of `text`, abbreviations expanded into their words."""
    words: list[str] = []
    for raw in _WORD.findall(fold_word(text)):
        expansion = ABBREVIATIONS.get(raw)
        if expansion:
            words.extend(expansion.split())
        elif _Y_AS_I.match(raw):
            words.append(raw[:-1] + "i")
        else:
            words.append(raw)
    return words


def fold(text: str) -> str:
    return " ".join(fold_words(text))


def folding_table() -> dict:
    """What the browser needs to fold a query exactly as pages were folded."""
    return {"version": 1, "abbreviations": ABBREVIATIONS, "y_as_i": Y_AS_I}
