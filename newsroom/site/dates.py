"""Vietnamese dates through Babel (system locales are absent on these machines)."""

from __future__ import annotations

import datetime
from functools import lru_cache

from babel import Locale
from babel.dates import format_date

LOCALE = Locale.parse("vi")  # parsed once: Babel parses a locale name again on every call


@lru_cache(maxsize=65536)  # every list shows each article's date: format it once
def vi_date(value: datetime.date | datetime.datetime, style: str = "full") -> str:
    """'Thứ Tư, 21 tháng 1, 2026' (full) or '21/01/2026' (short)."""
    if style == "short":
        return format_date(value, "dd/MM/y", locale=LOCALE)
    return format_date(value, style, locale=LOCALE)


def vi_month_year(value: datetime.date | datetime.datetime) -> str:
    """'Tháng 1 năm 2026', as archive headings say it."""
    return f"Tháng {value.month} năm {value.year}"
