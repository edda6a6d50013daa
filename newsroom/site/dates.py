"""Vietnamese dates as the province's portals write them, through Babel (system locales are absent here).

Babel's own Vietnamese long form ("28 tháng 1, 2026") follows English word order; no Vietnamese portal writes
it. Lists and tables use the numeric form, prose the spelt-out one, an article's header the weekday too.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

from babel import Locale
from babel.dates import format_date

LOCALE = Locale.parse("vi")  # parsed once: Babel parses a locale name again on every call

PATTERNS = {
    "short": "dd/MM/y",                          # 28/01/2026
    "full": "EEEE, dd/MM/y",                     # Thứ Tư, 28/01/2026
    "long": "'ngày' d 'tháng' M 'năm' y",        # ngày 28 tháng 1 năm 2026
}


@lru_cache(maxsize=65536)  # every list shows each article's date: format it once
def vi_date(value: datetime.date | datetime.datetime, style: str = "short") -> str:
    """The date in one of PATTERNS' styles: 'short' (28/01/2026), 'full' (Thứ Tư, 28/01/2026), 'long'
    (ngày 28 tháng 1 năm 2026)."""
    return format_date(value, PATTERNS[style], locale=LOCALE)


def vi_month_year(value: datetime.date | datetime.datetime) -> str:
    """'Tháng 1 năm 2026', as archive headings say it."""
    return f"Tháng {value.month} năm {value.year}"
