"""Interchange ids (R…, P…, M…, C…, G…): one rule for every kind, so laptops never make the same id.

A store standing alone makes ``R000123``. A store that is a member of the scheme has a short device code the
hub gave it (``B``, ``AC``…) and makes ``R-B-000123``: two laptops can each make their own next referral
offline and the two ids still differ. Ids already in a store keep their form for ever; the allocator only
decides the next one (``storage/ids.py`` takes it inside the write transaction).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DEVICE_CODE = re.compile(r"^[A-Z]{1,4}$")


@dataclass(frozen=True)
class IdKind:
    name: str
    prefix: str
    width: int  # digits, zero-padded

    def format(self, number: int, device_code: str | None = None) -> str:
        if device_code is None:
            return f"{self.prefix}{number:0{self.width}d}"
        return f"{self.prefix}-{device_code}-{number:0{self.width}d}"

    def stem(self, device_code: str | None = None) -> str:
        """What every id of this kind made by this device starts with."""
        return self.prefix if device_code is None else f"{self.prefix}-{device_code}-"

    def number(self, value: str, device_code: str | None = None) -> int | None:
        """The number in ``value`` if it is an id of this kind made by this device (else ``None``)."""
        stem = self.stem(device_code)
        if not value.startswith(stem):
            return None
        digits = value[len(stem):]
        return int(digits) if digits.isascii() and digits.isdigit() else None


PERSON = IdKind("person", "P", 6)
REFERRAL = IdKind("referral", "R", 6)
MENTOR = IdKind("mentor", "M", 4)
CONTACT = IdKind("contact", "C", 7)
GOAL = IdKind("goal", "G", 6)
KINDS = {kind.name: kind for kind in (PERSON, REFERRAL, MENTOR, CONTACT, GOAL)}


def device_code(sequence: int) -> str:
    """The hub's n-th device (1-based) as letters: 1 → A, 26 → Z, 27 → AA (bijective base 26)."""
    if sequence < 1:
        raise ValueError("device sequence numbers start at 1")
    letters = ""
    while sequence:
        sequence, remainder = divmod(sequence - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def largest_number(values: list[str] | tuple[str, ...], kind: IdKind, device_code: str | None = None) -> int:
    """The largest number among ids of this kind and device (0 when there is none)."""
    numbers = [n for n in (kind.number(value, device_code) for value in values) if n is not None]
    return max(numbers, default=0)
