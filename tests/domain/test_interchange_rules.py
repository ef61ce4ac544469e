"""The pure rules of the interchange files: formula escaping is a bijection, control characters, safe echoes."""
from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from cpm_desktop.domain.dates import birth_date_range, event_date_range
from cpm_desktop.domain.interchange import FORMULA_STARTS, control_character, escape_cell, shown, unescape_cell

# Text built mostly from the characters that matter here, so the edge cases come up often.
cells = st.text(alphabet=st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'", "a", "1", " ", "\n", "é"]) |
                st.characters(), max_size=12)


@given(cells)
def test_unescape_undoes_escape(value):
    assert unescape_cell(escape_cell(value)) == value


@given(cells)
def test_escaping_is_a_bijection_onto_what_it_writes(value):
    written = escape_cell(value)
    assert escape_cell(unescape_cell(written)) == written


@given(cells, cells)
def test_two_values_never_write_the_same_cell(a, b):
    assert a == b or escape_cell(a) != escape_cell(b)


@given(cells)
def test_no_written_cell_starts_a_formula(value):
    assert escape_cell(value)[:1] not in FORMULA_STARTS


def test_examples():
    assert escape_cell('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert escape_cell("+44 7700 900123") == "'+44 7700 900123"
    assert escape_cell("-5 kg") == "'-5 kg" and escape_cell("@home") == "'@home"
    assert escape_cell("\tindented") == "'\tindented" and escape_cell("\rx") == "'\rx"
    assert escape_cell("'=x") == "''=x" and escape_cell("''") == "'''"
    assert escape_cell("'s-Hertogenbosch") == "'s-Hertogenbosch"  # an apostrophe name is left alone
    assert escape_cell("O'Neil") == "O'Neil" and escape_cell("") == "" and escape_cell("'") == "'"
    assert unescape_cell("'s-Hertogenbosch") == "'s-Hertogenbosch"


def test_numbers_round_trip_unescaped_or_escaped():
    """Whole numbers in the store are never negative, so none is escaped; a negative one would round-trip too."""
    for number in ("0", "40", "1440"):
        assert escape_cell(number) == number
    assert unescape_cell(escape_cell("-3")) == "-3"


def test_control_characters():
    assert control_character("Ann\x00", multiline=False) == "\x00"
    assert control_character("Ann\tLee", multiline=False) == "\t"
    assert control_character("line\none\ttab\r\n", multiline=True) is None
    assert control_character("bell\x07", multiline=True) == "\x07"
    assert control_character("\x1b[31mred", multiline=True) == "\x1b"
    assert control_character("Zoë 李雷", multiline=False) is None


def test_values_are_shown_escaped_and_cut():
    assert shown("\x1b[2J\x1b[31mgotcha") == "\\x1b[2J\\x1b[31mgotcha"
    assert shown("a\nb\rc\td\\e") == "a\\nb\\rc\\td\\\\e"
    assert shown("right\u202eleft") == "right\\u202eleft"
    assert shown("x" * 100) == "x" * 60 + "..."


def test_date_ranges():
    today = date(2024, 2, 29)
    assert event_date_range(today) == (date(1900, 1, 1), date(2025, 3, 1))
    assert birth_date_range(today) == (date(1900, 1, 1), today)
