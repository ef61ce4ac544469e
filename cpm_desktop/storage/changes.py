"""Stamping and capturing changes for sync, inside the transaction that makes them.

The audit hook calls :func:`stamp_new` and :func:`stamp_changed` for every record a flush writes: each gets a
hybrid logical clock reading (``domain/clock.py``), per field, so that two laptops' edits merge field by field.
When the store is a member of the scheme, each change is also written to the outbox (``sync_outbox``) in the
same transaction, so a change is either both saved and queued for the hub, or neither.

Changes applied from the hub are written with ``session.info[APPLYING] = True``: they keep the clocks and
origin they came with and are not queued again.
"""
from __future__ import annotations

import json
import time
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from cpm_desktop.domain import clock
from cpm_desktop.domain.vocabulary import split_codes
from cpm_desktop.storage import models as m
from cpm_desktop.storage.device import device_identity

APPLYING = "sync.applying"
CLOCK_KEY = "local.hlc"  # the latest clock reading this store has made or seen
_NOT_SYNCED = {"id", "created_at", "updated_at", "origin_device", "hlc", "field_hlc"}
# Lists of codes held as "a;b" text: sync merges them element by element, not as one value.
SET_FIELDS = {
    "referral": frozenset({"victim_crimes", "perpetrator_crimes", "vulnerabilities"}),
    "mentor": frozenset({"lived_experience", "other_areas"}),
}


def to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"dt": value.isoformat()}
    if isinstance(value, date):
        return {"d": value.isoformat()}
    return value


def from_json(value: Any) -> Any:
    if isinstance(value, dict):
        if "dt" in value:
            return datetime.fromisoformat(value["dt"])
        if "d" in value:
            return date.fromisoformat(value["d"])
    return value


def synced_fields(record: m.Base) -> list[str]:
    return [c.key for c in inspect(record).mapper.column_attrs if c.key not in _NOT_SYNCED]


def field_clocks(record: m.Record) -> dict[str, str]:
    return json.loads(record.field_hlc or "{}")  # type: ignore[no-any-return]


def clock_of(clocks: dict[str, str], field: str) -> str:
    return clocks.get(field, clocks.get("", clock.ZERO))


def next_reading(session: Session) -> str:
    """A clock reading later than any this store has made or seen (kept in the transaction)."""
    row = session.get(m.Setting, CLOCK_KEY)
    device = device_identity(session).uuid
    reading = clock.tick(row.value if row else clock.ZERO, time.time_ns() // 1_000_000, device)
    remember_reading(session, reading)
    return reading


def remember_reading(session: Session, reading: str) -> None:
    row = session.get(m.Setting, CLOCK_KEY)
    if row is None:
        row = m.Setting(key=CLOCK_KEY, value=clock.ZERO, updated_by="sync", updated_at=datetime(1970, 1, 1))
        session.add(row)
    if reading > row.value:
        row.value = reading
        row.updated_at = datetime.now().replace(microsecond=0)


def is_member(session: Session) -> bool:
    return device_identity(session).code is not None


def stamp_new(session: Session, record: m.Record, reading: str) -> None:
    if session.info.get(APPLYING):
        return
    record.origin_device = device_identity(session).uuid
    record.hlc = reading
    record.field_hlc = json.dumps({"": reading})
    if is_member(session):
        fields = {name: to_json(getattr(record, name)) for name in synced_fields(record)}
        _queue(session, record, "upsert", fields, {name: reading for name in fields}, {}, {})


def stamp_changed(session: Session, record: m.Record, fields: list[str], reading: str) -> None:
    if session.info.get(APPLYING):
        return
    clocks = field_clocks(record)
    base = {name: clock_of(clocks, name) for name in fields}
    for name in fields:
        clocks[name] = reading
    record.hlc = reading
    record.field_hlc = json.dumps(clocks, sort_keys=True)
    if is_member(session):
        state = inspect(record)
        values, sets = {}, {}
        for name in fields:
            values[name] = to_json(getattr(record, name))
            if name in SET_FIELDS.get(record.__tablename__, ()):
                before = state.attrs[name].history.deleted
                old = set(split_codes(before[0] if before else ""))
                new = set(split_codes(getattr(record, name) or ""))
                sets[name] = {"add": sorted(new - old), "remove": sorted(old - new)}
        _queue(session, record, "upsert", values, {name: reading for name in fields}, base, sets)


def stamp_erased(session: Session, entity: str, row_uuid: str, reading: str) -> None:
    """A record erased for real (retention or a request): the tombstone travels, never the values."""
    if session.info.get(APPLYING) or not is_member(session):
        return
    session.add(m.SyncOutbox(change_id=str(uuid.uuid4()), entity=entity, row_uuid=row_uuid, clock=reading,
                             payload=json.dumps({"op": "erase"})))


def queue_append(session: Session, entity: str, row_uuid: str, values: dict[str, Any], reading: str) -> None:
    """An append-only row (an audit event, a tombstone) made on this laptop."""
    if session.info.get(APPLYING) or not is_member(session):
        return
    payload = {"op": "append", "fields": {k: to_json(v) for k, v in values.items()}}
    session.add(m.SyncOutbox(change_id=str(uuid.uuid4()), entity=entity, row_uuid=row_uuid, clock=reading,
                             payload=json.dumps(payload, ensure_ascii=False, sort_keys=True)))


def _queue(session: Session, record: m.Record, op: str, fields: dict[str, Any], clocks: dict[str, str],
           base: dict[str, str], sets: dict[str, Any]) -> None:
    payload: dict[str, Any] = {"op": op, "fields": fields, "clocks": clocks, "origin": record.origin_device}
    if base:
        payload["base"] = base
    if sets:
        payload["sets"] = sets
    session.add(m.SyncOutbox(
        change_id=str(uuid.uuid4()), entity=record.__tablename__, row_uuid=record.id,
        clock=max(clocks.values(), default=clock.ZERO),
        payload=json.dumps(payload, ensure_ascii=False, sort_keys=True),
    ))
