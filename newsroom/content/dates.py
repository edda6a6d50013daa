"""Article dates: ISO 8601 only, because "05/01/2026" means 5 January to an editor and 1 May to Pelican."""

from __future__ import annotations

import datetime
import re
from zoneinfo import ZoneInfo

DAY_MONTH_YEAR = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
# Calendar dates only (year-month-day, a time, an offset): week dates and ordinal days are ISO too, but no editor means them.
CALENDAR = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")


class DateProblem(ValueError):
    def __init__(self, vietnamese: str, english: str):
        super().__init__(english)
        self.vietnamese, self.english = vietnamese, english


def parse_article_date(value: str) -> datetime.datetime:
    """The date of an article's `Date:` metadata, or DateProblem saying what to write instead."""
    text = value.strip()
    if not text:
        raise DateProblem("thiếu ngày đăng", "the date is empty")
    if CALENDAR.match(text):
        try:
            return datetime.datetime.fromisoformat(text)
        except ValueError:
            pass
    match = DAY_MONTH_YEAR.match(text)
    if match:
        first, second, year = (int(g) for g in match.groups())
        if first <= 12 and second <= 12 and first != second:
            raise DateProblem(
                f'ngày "{text}" không rõ là ngày {first} tháng {second} hay ngày {second} tháng {first}; '
                f"hãy viết {year}-{second:02d}-{first:02d} (năm-tháng-ngày)",
                f'"{text}" is ambiguous (day/month order); write {year}-{second:02d}-{first:02d} (ISO 8601)',
            )
        day, month = (first, second) if second <= 12 else (second, first)
        raise DateProblem(
            f'hãy viết ngày theo dạng năm-tháng-ngày: {year}-{month:02d}-{day:02d}',
            f"write the date as ISO 8601: {year}-{month:02d}-{day:02d}",
        )
    raise DateProblem(
        f'ngày "{text}" không hợp lệ; hãy viết dạng 2026-01-21 hoặc 2026-01-21T14:00',
        f'invalid date "{text}"; write it as 2026-01-21 or 2026-01-21T14:00',
    )


def localised(moment: datetime.datetime, timezone: ZoneInfo) -> datetime.datetime:
    """A date without an offset is the portal's local time (pelicanconf.py TIMEZONE)."""
    return moment.replace(tzinfo=timezone) if moment.tzinfo is None else moment
