"""Calendar rules of the scheme: whole months, ages, financial years (1 April to 31 March)."""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time


def months_between(a: date, b: date) -> int:
    """Whole months from ``a`` to ``b`` (spec/evaluation.md): a month is only complete on its day."""
    months = (b.year - a.year) * 12 + (b.month - a.month)
    return months - 1 if b.day < a.day else months


def age_on(date_of_birth: date, day: date) -> int:
    """Whole years of age on ``day``; someone born on 29 February turns a year older on 1 March."""
    return day.year - date_of_birth.year - ((day.month, day.day) < (date_of_birth.month, date_of_birth.day))


def financial_year_start(day: date) -> int:
    """The calendar year in which ``day``'s financial year begins."""
    return day.year if day.month >= 4 else day.year - 1


def financial_year_label(day: date) -> str:
    """``2016-17`` for any day from 1 April 2016 to 31 March 2017."""
    start = financial_year_start(day)
    return f"{start}-{(start + 1) % 100:02d}"


def financial_year_bounds(day: date, years_back: int = 0) -> tuple[date, date]:
    """1 April to 31 March of the financial year containing ``day``, or one ``years_back`` before it."""
    start = financial_year_start(day) - years_back
    return date(start, 4, 1), date(start + 1, 3, 31)


EARLIEST = date(1900, 1, 1)  # no record of the scheme, nor anyone's birth, is dated before this


def one_year_after(day: date) -> date:
    """The same day a year later (29 February becomes 1 March)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return date(day.year + 1, 3, 1)


def event_date_range(today: date) -> tuple[date, date]:
    """Dates a record may carry: from 1900 to a year ahead (planned visits, extensions), so 0001-01-01
    or 9999-12-31 — typing slips and spreadsheet placeholders — are refused."""
    return EARLIEST, one_year_after(today)


def birth_date_range(today: date) -> tuple[date, date]:
    """A date of birth: from 1900 to today."""
    return EARLIEST, today


# --- dates as people type them (day first, as in the UK) -----------------------------------------------

# English names, not calendar.month_name: that follows the process locale, which Qt sets from the user's.
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
_MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, 1)} | {
    name[:3].lower(): number for number, name in enumerate(MONTH_NAMES, 1)} | {"sept": 9}
_YEAR_FIRST = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})\s*[-/. ]\s*(\d{1,2})\s*[-/. ]\s*(\d{2,4})")
_DAY_MONTH_NAME = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s*[-/. ]?\s*([a-z]+)\.?,?\s*[-/. ]?\s*(\d{2,4})", re.I)
_UNKNOWN = {"", "unknown", "not known", "?"}


class DateProblem(ValueError):
    """What is wrong with a typed date, in one sentence for the person who typed it."""


def format_day(day: date) -> str:
    """The way the scheme writes a date: 12/03/1985."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def parse_day(text: str) -> date | None:
    """The date in ``text``, or None when it is left empty (unknown).

    Accepts 12/03/1985, 12-3-1985, 12.3.1985, 12 3 1985, 12031985, 12 March 1985 (day first) and 1985-03-12.
    Raises :class:`DateProblem` for anything else, and for a day that does not exist (31/02/2020): such a
    date is never quietly turned into another one.
    """
    cleaned = " ".join(text.split())
    if cleaned.lower() in _UNKNOWN:
        return None
    if cleaned.isdigit() and len(cleaned) == 8:
        return _checked(cleaned, int(cleaned[4:]), int(cleaned[2:4]), int(cleaned[:2]))
    if match := _YEAR_FIRST.fullmatch(cleaned):
        return _checked(cleaned, int(match[1]), int(match[2]), int(match[3]))
    if match := _DAY_FIRST.fullmatch(cleaned) or _DAY_MONTH_NAME.fullmatch(cleaned):
        if len(match[3]) != 4:
            raise DateProblem(f"Write the year in full in “{cleaned}”, for example 12/03/1985.")
        month = int(match[2]) if match[2].isdigit() else _MONTHS.get(match[2].lower())
        if month is None:
            raise DateProblem(f"“{match[2]}” is not the name of a month.")
        return _checked(cleaned, int(match[3]), month, int(match[1]))
    if cleaned.isdigit() and len(cleaned) == 6:
        raise DateProblem(f"Write the year in full in “{cleaned}”, for example 12031985.")
    raise DateProblem(f"“{cleaned}” is not a date; type it day first, for example 12/03/1985.")


def _checked(text: str, year: int, month: int, day: int) -> date:
    """The date, or why it does not exist (the calendar module knows how long each month is)."""
    if not 1 <= month <= 12:
        raise DateProblem(f"“{text}” is not a date: there is no month {month}.")
    if year < 1:
        raise DateProblem(f"“{text}” is not a date: there is no year 0.")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise DateProblem(f"“{text}” is not a date: {MONTH_NAMES[month - 1]} {year} has {days} days.")
    return date(year, month, day)


def range_problem(day: date, earliest: date | None, latest: date | None, today: date) -> str | None:
    """Why ``day`` falls outside ``earliest``..``latest`` (either may be open), in words; None when it is inside."""
    if latest is not None and day > latest:
        return (f"{format_day(day)} is in the future." if latest == today
                else f"{format_day(day)} is after {format_day(latest)}, the latest date this can be.")
    if earliest is not None and day < earliest:
        return f"{format_day(day)} is before {format_day(earliest)}, the earliest date this can be."
    return None


# --- a moment of a day: the contact log's "when" ---------------------------------------------------------

_CLOCK = re.compile(r"(\d{1,2})(?:[:.]?(\d{2}))?\s*([ap]\.?m\.?)?", re.I)


def parse_clock(text: str) -> time:
    """14:30, 1430, 14.30, 2:30pm, 2pm, 9 (nine in the morning) as a time of day; DateProblem otherwise."""
    cleaned = " ".join(text.split())
    match = _CLOCK.fullmatch(cleaned)
    if match is None:
        raise DateProblem(f"“{cleaned}” is not a time; type it as 14:30.")
    hour, minute = int(match[1]), int(match[2] or 0)
    if match[3]:
        if not 1 <= hour <= 12:
            raise DateProblem(f"“{cleaned}” is not a time: with am or pm the hour is 1 to 12.")
        hour = hour % 12 + (12 if match[3].lower().startswith("p") else 0)
    if hour > 23:
        raise DateProblem(f"“{cleaned}” is not a time: there is no hour {hour}.")
    if minute > 59:
        raise DateProblem(f"“{cleaned}” is not a time: there is no minute {minute}.")
    return time(hour, minute)


def parse_moment(text: str, today: date) -> datetime | None:
    """A day and a time, day first (12/03/2024 14:30, 12032024 1430), or a time alone for ``today``;
    None when empty. DateProblem, in words, for anything that is not a real day and time."""
    cleaned = " ".join(text.split())
    if cleaned.lower() in _UNKNOWN:
        return None
    if _is_a_day(cleaned):
        raise DateProblem(f"Give the time too in “{cleaned}”, for example {cleaned} 14:30.")
    day_part, _, clock_part = cleaned.rpartition(" ")
    clock = parse_clock(clock_part)
    day = parse_day(day_part) if day_part else today
    if day is None:
        raise DateProblem(f"“{cleaned}” is not a day and time; type it as 12/03/2024 14:30.")
    return datetime.combine(day, clock)


def _is_a_day(text: str) -> bool:
    try:
        return parse_day(text) is not None
    except DateProblem:
        return False


def format_moment(moment: datetime) -> str:
    """12/03/2024 14:30."""
    return f"{format_day(moment.date())} {moment:%H:%M}"
