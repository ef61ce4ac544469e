"""What travels between a store and the hub: the contract between the sync engine and the hub client.

The engine (``sync/engine.py`` and friends) turns local edits into :class:`Change` values and applies pulled
ones; the hub client (``sync/hub.py``) seals each payload with the scheme's sync key (AES-256-GCM) before it
leaves the laptop and opens it after pulling. The hub itself stores only the routing fields and ciphertext.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Change:
    """One row's change, as routed by the hub.

    ``change_id`` is the idempotency key (a uuid4 made once, when the change is captured): the hub keeps the
    first copy it receives and ignores any later one. ``area`` is the routing area code; ``None`` means every
    member receives it (mentors, organisations, scheme-wide settings, tombstones of erased people).
    ``payload`` is the plaintext the engine builds (JSON bytes); it is never stored or sent unsealed.
    """

    change_id: str
    device: str
    area: str | None
    entity: str
    row_uuid: str
    clock: str
    payload: bytes


@dataclass(frozen=True)
class Pulled:
    """A change as the hub ordered it: ``seq`` is the hub's sequence, strictly increasing in commit order."""

    seq: int
    change: Change


class HubUnreachable(Exception):
    """The hub cannot be reached now. Offline is a normal state: the caller says so and carries on."""


class HubRefused(Exception):
    """The hub answered but refused: wrong or revoked credentials, or something this device's role may not do.

    Unlike :class:`HubUnreachable` this is not a normal state: it needs a person (usually the project lead).
    """


class Hub(Protocol):
    """A connection to the hub for one enrolled device (its PostgreSQL role limits what it may read)."""

    def push(self, changes: Sequence[Change]) -> None:
        """Store these changes (sealed) in one hub transaction; changes already held are ignored."""

    def pull(self, after_seq: int, limit: int) -> list[Pulled]:
        """Up to ``limit`` changes with ``seq > after_seq`` that this device may read, opened, in seq order."""

    def close(self) -> None:
        ...
