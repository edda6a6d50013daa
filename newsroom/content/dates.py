"""Article dates: ISO 8601 only, because "05/01/2026" means 5 January to an editor and 1 May to Pelican."""

from __future__ import annotations

import datetime
import re
from zoneinfo import ZoneInfo

DAY_MONTH_YEAR = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
# Calendar dates only (year-month-day, a time, an offset): week dates and ordinal days are ISO too, but no editor means them.
CALENDAR = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")


# News of the portal's offices: a year outside these is a typo (9999, 0001), and years past 9998 break time zones.
FIRST_YEAR, LAST_YEAR = 1900, 2100


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
            moment = datetime.datetime.fromisoformat(text)
        except ValueError:
            pass
        else:
            if not FIRST_YEAR <= moment.year <= LAST_YEAR:
                raise DateProblem(
                    f'năm {moment.year} của ngày "{text}" nằm ngoài {FIRST_YEAR}–{LAST_YEAR}; có phải gõ nhầm?',
                    f'the year {moment.year} of "{text}" is outside {FIRST_YEAR}–{LAST_YEAR}; a typo?',
                )
            return moment
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
        try:
            datetime.date(year, month, day)
        except ValueError:  # 31/02/2026: no ISO spelling of it to suggest
            raise DateProblem(
                f'ngày "{text}" không có trên lịch (tháng {month} năm {year} không có ngày {day}); '
                f"hãy viết ngày đúng dạng năm-tháng-ngày, ví dụ {year}-{month:02d}-01",
                f'"{text}" is not a date of the calendar (month {month} of {year} has no day {day}); '
                f"write a real date as ISO 8601, e.g. {year}-{month:02d}-01",
            ) from None
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
