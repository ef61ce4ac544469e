"""Interchange ids that never collide between laptops, and clocks every laptop orders the same way."""
from __future__ import annotations

import pytest

from cpm_desktop.domain import clock, ids


def test_a_standalone_store_keeps_the_familiar_form():
    assert ids.REFERRAL.format(123) == "R000123"
    assert ids.CONTACT.format(5) == "C0000005"
    assert ids.MENTOR.format(7) == "M0007"


def test_a_member_device_puts_its_code_in_every_id():
    assert ids.REFERRAL.format(123, "B") == "R-B-000123"
    assert ids.REFERRAL.number("R-B-000123", "B") == 123
    assert ids.REFERRAL.number("R-C-000123", "B") is None
    assert ids.REFERRAL.number("R000123", "B") is None
    assert ids.REFERRAL.number("R000123") == 123
    assert ids.REFERRAL.number("R-B-000123") is None  # "-B-000123" is not digits


def test_largest_number_ignores_other_devices_and_shapes():
    values = ["R000009", "R-B-000002", "R-B-000010", "R-C-000500", "Rx", "R-B-1e3"]
    assert ids.largest_number(values, ids.REFERRAL, "B") == 10
    assert ids.largest_number(values, ids.REFERRAL) == 9


@pytest.mark.parametrize(("sequence", "code"), [(1, "A"), (2, "B"), (26, "Z"), (27, "AA"), (28, "AB"), (702, "ZZ"),
                                                (703, "AAA")])
def test_device_codes_are_letters_in_order(sequence, code):
    assert ids.device_code(sequence) == code
    assert ids.DEVICE_CODE.match(code)


def test_clock_readings_order_as_text():
    first = clock.tick(clock.ZERO, 1_000, "dev-a")
    same_ms = clock.tick(first, 1_000, "dev-a")
    clock_went_back = clock.tick(same_ms, 400, "dev-a")
    later = clock.tick(clock_went_back, 2_000, "dev-a")
    assert clock.ZERO < first < same_ms < clock_went_back < later


def test_a_remote_reading_ahead_of_ours_moves_our_clock_past_it():
    ours = clock.tick(clock.ZERO, 1_000, "dev-a")
    theirs = clock.tick(clock.ZERO, 600_000 + 1_000, "dev-b")  # a laptop whose clock is 10 minutes fast
    seen = clock.witness(ours, theirs)
    after = clock.tick(seen, 1_500, "dev-a")
    assert after > theirs > ours
    assert clock.Reading.parse(after).device == "dev-a"
