"""Hybrid logical clocks: an order of changes that every laptop agrees on, even with clocks that drift.

A clock reading is ``wall.counter.device``: the wall time in milliseconds (UTC), a counter that breaks ties
within one millisecond or when the wall clock stands still or goes back, and the device uuid that made it. The
readings are fixed-width text, so comparing two strings compares the clocks. Every change a store makes is
stamped with a reading later than any it has seen, its own or another laptop's (Kulkarni et al., 2014).
"""
from __future__ import annotations

from dataclasses import dataclass

ZERO = ""  # the clock of rows that existed before clocks did: earlier than any reading
_WALL_DIGITS = 15
_COUNTER_DIGITS = 6


@dataclass(frozen=True, order=True)
class Reading:
    wall_ms: int
    counter: int
    device: str

    def __str__(self) -> str:
        return f"{self.wall_ms:0{_WALL_DIGITS}d}.{self.counter:0{_COUNTER_DIGITS}d}.{self.device}"

    @classmethod
    def parse(cls, text: str) -> Reading:
        wall, counter, device = text.split(".", 2)
        return cls(int(wall), int(counter), device)


def tick(last: str, now_ms: int, device: str) -> str:
    """The next reading for a local change, after ``last`` (the latest reading this store has seen)."""
    if not last:
        return str(Reading(now_ms, 0, device))
    previous = Reading.parse(last)
    if now_ms > previous.wall_ms:
        return str(Reading(now_ms, 0, device))
    return str(Reading(previous.wall_ms, previous.counter + 1, device))


def witness(last: str, remote: str) -> str:
    """The latest reading after seeing a remote one: the next local tick will be later than both."""
    return max(last, remote)
