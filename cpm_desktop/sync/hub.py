"""The hub client: one enrolled device's connection to the PostgreSQL hub (implements ``protocol.Hub``).

Changes are sealed here, before they leave the laptop, and opened here after pulling; the sync key is never
sent. Push is one hub transaction that stores all of its changes or none, and ignores any change already held,
so delivering the same change twice stores it once and a push cut off at any point can simply be repeated.
"""
from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import psycopg

from cpm_desktop.sync import connection as hub_connection
from cpm_desktop.sync.enrolment import Enrolment
from cpm_desktop.sync.protocol import Change, HubRefused, Pulled
from cpm_desktop.sync.sealing import Sealed, SyncCipher

T = TypeVar("T")
PUSH_BATCH = 5_000  # rows per INSERT statement (all of them in the one transaction)

# One statement per batch: the rows travel as parallel arrays, unnested in order (ordinality keeps the
# engine's order, so a row's creation is never sequenced after its own update). %b sends the arrays in
# binary: as text, 10,000 ciphertexts would be hex-escaped and parsed again, four times slower in all.
_INSERT = """
INSERT INTO hub.change_log (change_id, device, area, entity, row_uuid, clock, nonce, ciphertext)
SELECT change_id, device, area, entity, row_uuid, clock, nonce, ciphertext
  FROM unnest(%b::uuid[], %b::text[], %b::text[], %b::text[], %b::text[], %b::text[], %b::bytea[], %b::bytea[])
       WITH ORDINALITY AS pushed(change_id, device, area, entity, row_uuid, clock, nonce, ciphertext, position)
 ORDER BY position
ON CONFLICT (change_id) DO NOTHING
"""
_PULL = """
SELECT seq, change_id::text, device, area, entity, row_uuid, clock, nonce, ciphertext
  FROM hub.change_log WHERE seq > %s ORDER BY seq LIMIT %s
"""


class PostgresHub:
    """The hub as one device sees it. Connects lazily; a connection the server has since dropped (a restart)
    is replaced once, transparently, which is safe because push and pull are both idempotent.
    One thread at a time (like the psycopg connection it holds)."""

    def __init__(self, enrolment: Enrolment, sync_key: bytes) -> None:
        self._enrolment = enrolment
        self._cipher = SyncCipher(sync_key)
        self._conn: psycopg.Connection[tuple[Any, ...]] | None = None

    def push(self, changes: Sequence[Change]) -> None:
        if not changes:
            return
        for change in changes:  # one clear sentence here rather than the server's refusal of the whole push
            _check_uuid(change.change_id, "change_id")
        sealed = [self._cipher.seal(change) for change in changes]
        batches = [_columns(sealed[start:start + PUSH_BATCH]) for start in range(0, len(sealed), PUSH_BATCH)]

        def insert(conn: psycopg.Connection[tuple[Any, ...]]) -> None:
            try:
                with conn.transaction(), conn.cursor() as cursor:
                    for batch in batches:
                        cursor.execute(_INSERT, batch)
            except psycopg.errors.InsufficientPrivilege:  # row-level security: nothing of the push was stored
                raise HubRefused("The hub refused these changes: a device may push only as itself, and only "
                                 "for the areas it is enrolled for.") from None

        self._with_connection(insert)

    def pull(self, after_seq: int, limit: int) -> list[Pulled]:
        if limit < 1:
            raise ValueError(f"A pull asks for at least one change, not {limit}.")

        def select(conn: psycopg.Connection[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
            with conn.cursor() as cursor:
                # binary: the ciphertexts arrive as they are, not hex-encoded (twice as fast)
                return cursor.execute(_PULL, (after_seq, limit), binary=True).fetchall()

        rows = self._with_connection(select)
        # Opening happens outside the connection's error handling: a SealError is not "offline", it is an alarm.
        return [Pulled(int(seq), self._cipher.open(Sealed(change_id, device, area, entity, row_uuid, clock,
                                                           bytes(nonce), bytes(ciphertext))))
                for seq, change_id, device, area, entity, row_uuid, clock, nonce, ciphertext in rows]

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> PostgresHub:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _with_connection(self, work: Callable[[psycopg.Connection[tuple[Any, ...]]], T]) -> T:
        url = self._enrolment.url
        with hub_connection.hub_errors(url):
            reused = self._conn is not None and not self._conn.closed
            try:
                return work(self._connection())
            except (psycopg.OperationalError, psycopg.InterfaceError) as error:
                self.close()
                if not (reused and hub_connection.is_connection_failure(error)):
                    raise
            # The connection was old and is gone (the hub restarted, say): once more on a fresh one.
            return work(self._connection())

    def _connection(self) -> psycopg.Connection[tuple[Any, ...]]:
        if self._conn is None or self._conn.closed:
            self._conn = hub_connection.connect(self._enrolment.url, self._enrolment.password, autocommit=True)
        return self._conn


def _check_uuid(value: str, what: str) -> None:
    # Only the canonical form: the hub gives a uuid back canonical, and the seal binds the exact text.
    try:
        canonical = str(uuid.UUID(value)) == value
    except ValueError:
        canonical = False
    if not canonical:
        raise ValueError(f"A change's {what} must be a uuid in its usual lower-case form, not {value!r}.")


def _columns(batch: Sequence[Sealed]) -> tuple[list[Any], ...]:
    return ([s.change_id for s in batch], [s.device for s in batch], [s.area for s in batch],
            [s.entity for s in batch], [s.row_uuid for s in batch], [s.clock for s in batch],
            [s.nonce for s in batch], [s.ciphertext for s in batch])
