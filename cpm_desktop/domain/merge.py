"""How a change from another laptop meets this laptop's copy of a field: the merge rule, pure.

Each field is a register with a clock (``domain/clock.py``). A change carries the field's new value, its
clock and its *base* — the clock of the value its author saw before editing. Then:

- the change's clock is the one we hold: it is a copy of what we have, and nothing happens;
- the change was made on top of what we hold (base = our clock): it simply applies;
- otherwise both sides changed the field since they last agreed. The later clock stands on every laptop, so
  all laptops end with the same value whatever order changes arrive in; if the two values differ, the one
  set aside is a **conflict** for a person to settle. Nothing is overwritten silently.

A full copy of a row (sent when a laptop joins or a case moves area) has no base: the later clock stands and
nothing is a conflict, because a copy is not an edit.

Lists of codes are merged element by element: each code's presence is a register of its own, so a code
added on one laptop and another removed on a second both stand.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Held:
    """This laptop's copy of a field: its value, clock and the base its clock was made on."""

    value: Any
    clock: str
    base: str | None = None


@dataclass(frozen=True)
class Incoming:
    value: Any
    clock: str
    base: str | None  # None: a full copy of the row, not an edit


@dataclass(frozen=True)
class Outcome:
    apply: bool  # write the incoming value and clock
    conflict: bool  # the two sides changed the field independently and their values differ
    kept: Any  # the value that stands
    set_aside: Any  # the value a person may still choose (meaningful when ``conflict``)


def merge_field(held: Held | None, incoming: Incoming) -> Outcome:
    if held is None:
        return Outcome(True, False, incoming.value, None)
    if incoming.clock == held.clock:
        return Outcome(False, False, held.value, None)
    newer = incoming.clock > held.clock
    if incoming.base is None or incoming.value == held.value:
        return _later_stands(held, incoming, newer, conflict=False)
    if newer:
        # The author saw our value (or a later one): an edit on top of ours.
        concurrent = incoming.base < held.clock
    else:
        # Ours is later. It was made without seeing theirs if its own base is older than their change (a
        # value we hold from a creation or a full copy has no base, and is no edit to conflict with).
        concurrent = held.base is not None and held.base < incoming.clock
    return _later_stands(held, incoming, newer, conflict=concurrent)


def _later_stands(held: Held, incoming: Incoming, newer: bool, *, conflict: bool) -> Outcome:
    if newer:
        return Outcome(True, conflict, incoming.value, held.value)
    return Outcome(False, conflict, held.value, incoming.value)


def merge_codes(held: dict[str, tuple[bool, str]], incoming: dict[str, bool],
                clock: str) -> dict[str, tuple[bool, str]]:
    """Each code's presence is a register: the later clock stands, code by code."""
    merged = dict(held)
    for code, present in incoming.items():
        current = merged.get(code)
        if current is None or clock > current[1]:
            merged[code] = (present, clock)
    return merged
