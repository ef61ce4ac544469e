"""A hub in memory with the real hub's rules (first copy of a change id wins, areas limit reading and pushing).

For the property tests of the merge, which run thousands of syncs; the PostgreSQL hub has its own tests.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from cpm_desktop.sync.protocol import Change, HubRefused, HubUnreachable, Pulled


@dataclass
class MemoryLog:
    changes: list[Change] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    down: bool = False


class MemoryHub:
    def __init__(self, log: MemoryLog, areas: set[str] | None) -> None:
        self.log, self.areas = log, areas  # areas None: all areas (the lead)

    def push(self, changes: Sequence[Change]) -> None:
        if self.log.down:
            raise HubUnreachable("The hub cannot be reached.")
        if self.areas is not None and any(c.area is not None and c.area not in self.areas for c in changes):
            raise HubRefused("pushed for an area it does not hold")  # the real hub's row-level security
        for change in changes:
            if change.change_id not in self.log.ids:
                self.log.ids.add(change.change_id)
                self.log.changes.append(change)

    def pull(self, after_seq: int, limit: int) -> list[Pulled]:
        if self.log.down:
            raise HubUnreachable("The hub cannot be reached.")
        found = []
        for seq, change in enumerate(self.log.changes[after_seq:], start=after_seq + 1):
            if self.areas is None or change.area is None or change.area in self.areas:
                found.append(Pulled(seq, change))
                if len(found) == limit:
                    break
        return found

    def close(self) -> None:
        pass
