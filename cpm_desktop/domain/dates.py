"""Calendar rules of the scheme: whole months, ages, financial years (1 April to 31 March)."""
from __future__ import annotations

from datetime import date


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
