"""Dates as people type them: day first, year in full, empty for unknown, and never a wrong date."""
from datetime import date

import pytest

from cpm_desktop.domain.dates import DateProblem, format_day, parse_day, range_problem


@pytest.mark.parametrize("text", ["12/03/1985", "12031985", "12-3-1985", "1985-03-12", "12.03.1985", " 12 3 1985 ",
                                  "12 March 1985", "12th mar 1985", "1985/3/12"])
def test_the_ways_a_date_is_typed_give_the_same_day(text):
    assert parse_day(text) == date(1985, 3, 12)


@pytest.mark.parametrize("text", ["", "   ", "unknown", "Unknown"])
def test_an_empty_field_is_an_unknown_date(text):
    assert parse_day(text) is None


@pytest.mark.parametrize(("text", "words"), [
    ("31/02/2020", "February 2020 has 29 days"),
    ("29/02/2019", "February 2019 has 28 days"),
    ("31042021", "April 2021 has 30 days"),
    ("12/13/1985", "there is no month 13"),
    ("2020-02-30", "February 2020 has 29 days"),
    ("12/03/85", "Write the year in full"),
    ("120385", "Write the year in full"),
    ("unknown2031985", "is not a date"),
    ("12/01/00003/1985", "is not a date"),
    ("12 Marchember 1985", "not the name of a month"),
    ("00/03/1985", "March 1985 has 31 days"),
])
def test_a_date_that_does_not_exist_is_said_in_words(text, words):
    with pytest.raises(DateProblem, match=words):
        parse_day(text)


def test_29_february_of_a_leap_year_is_a_date():
    assert parse_day("29/02/2020") == date(2020, 2, 29)
    assert parse_day("29022000") == date(2000, 2, 29)
    with pytest.raises(DateProblem):
        parse_day("29/02/1900")  # not a leap year: the standard library's calendar knows


def test_format_day_is_read_back():
    assert format_day(date(1985, 3, 2)) == "02/03/1985"
    assert parse_day(format_day(date(1, 1, 1))) == date(1, 1, 1)


def test_range_problem_says_future_or_too_early():
    today = date(2026, 12, 1)
    assert range_problem(date(2026, 12, 2), None, today, today) == "02/12/2026 is in the future."
    assert "before 01/04/2016" in range_problem(date(2016, 3, 31), date(2016, 4, 1), None, today)
    assert "after 31/03/2017" in range_problem(date(2017, 4, 1), None, date(2017, 3, 31), today)
    assert range_problem(today, date(2016, 4, 1), today, today) is None


def test_a_moment_is_a_day_and_a_time_or_a_time_today():
    from datetime import datetime

    from cpm_desktop.domain.dates import format_moment, parse_clock, parse_moment

    today = date(2026, 12, 1)
    for text in ("12/03/2024 14:30", "12032024 1430", "12-3-2024 2:30pm", "2024-03-12 14.30", "12 March 2024 2.30pm"):
        assert parse_moment(text, today) == datetime(2024, 3, 12, 14, 30), text
    assert parse_moment("14:30", today) == datetime(2026, 12, 1, 14, 30)
    assert parse_moment("9", today) == datetime(2026, 12, 1, 9, 0)
    assert parse_moment("12am", today) == datetime(2026, 12, 1, 0, 0)
    assert parse_moment("", today) is None
    assert format_moment(datetime(2024, 3, 2, 9, 5)) == "02/03/2024 09:05"
    assert parse_clock("12pm").hour == 12
    for text, words in (("25:00", "no hour 25"), ("14:61", "no minute 61"), ("13pm", "hour is 1 to 12"),
                        ("12/03/2024", "Give the time too"), ("31/02/2024 10:00", "February 2024 has 29 days"),
                        ("soon", "is not a time")):
        with pytest.raises(DateProblem, match=words):
            parse_moment(text, today)
