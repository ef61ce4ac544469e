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
ERASURE_RULE = "erasure.rule"  # session.info: the retention rule or request the session's deletions carry out
CLOCK_KEY = "local.hlc"  # the latest clock reading this store has made or seen
# search_text is derived from the names and details on each laptop, so it is never sent (nor a conflict).
_NOT_SYNCED = {"id", "origin_device", "hlc", "field_hlc", "search_text"}
STAMPS = frozenset({"created_at", "updated_at", "updated_by"})  # travel with changes, never conflict
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


FieldClocks = dict[str, Any]  # "": creation clock; field: [clock, base]; "field#code": clock of that code


def field_clocks(record: m.Record) -> FieldClocks:
    return json.loads(record.field_hlc or "{}")  # type: ignore[no-any-return]


def clock_of(clocks: FieldClocks, field: str) -> str:
    entry = clocks.get(field)
    if entry is None:
        return str(clocks.get("", clock.ZERO))
    return str(entry[0]) if isinstance(entry, list) else str(entry)


def base_of(clocks: FieldClocks, field: str) -> str | None:
    entry = clocks.get(field)
    return str(entry[1]) if isinstance(entry, list) and entry[1] is not None else None


def code_clock(clocks: FieldClocks, field: str, code: str) -> str:
    return str(clocks.get(f"{field}#{code}", clocks.get("", clock.ZERO)))


def is_set_field(entity: str, field: str) -> bool:
    return field in SET_FIELDS.get(entity, ())


def full_state(record: m.Record) -> dict[str, Any]:
    """The whole row with every field's clock: what a laptop that has never held it needs."""
    clocks = field_clocks(record)
    fields = {name: to_json(getattr(record, name)) for name in synced_fields(record)}
    field_times = {name: clock_of(clocks, name) for name in fields}
    codes = {name: {key.split("#", 1)[1]: value for key, value in clocks.items() if key.startswith(name + "#")}
             for name in fields if is_set_field(record.__tablename__, name)}
    payload: dict[str, Any] = {"op": "state", "fields": fields, "clocks": field_times,
                               "origin": record.origin_device, "created": clocks.get("", clock.ZERO)}
    if any(codes.values()):
        payload["code_clocks"] = {name: value for name, value in codes.items() if value}
    return payload


def wall_clock_ms() -> int:
    """This laptop's wall clock (UTC milliseconds); it may be wrong by minutes, which the clock survives."""
    return time.time_ns() // 1_000_000


def next_reading(session: Session) -> str:
    """A clock reading later than any this store has made or seen (kept in the transaction)."""
    row = session.get(m.Setting, CLOCK_KEY)
    device = device_identity(session).uuid
    reading = clock.tick(row.value if row else clock.ZERO, wall_clock_ms(), device)
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
    _apply_defaults(record)  # so the change carries what the row will hold, not None for "the default"
    record.origin_device = device_identity(session).uuid
    record.hlc = reading
    record.field_hlc = json.dumps({"": reading})
    if is_member(session):
        fields = {name: to_json(getattr(record, name)) for name in synced_fields(record)}
        _queue(session, record, "create", fields, {name: reading for name in fields}, {}, {})


def _apply_defaults(record: m.Record) -> None:
    for column in inspect(record).mapper.columns:
        default = column.default
        if getattr(record, column.key, None) is None and default is not None and getattr(default, "is_scalar", False):
            setattr(record, column.key, default.arg)  # type: ignore[attr-defined]


def stamp_changed(session: Session, record: m.Record, fields: list[str], reading: str) -> None:
    if session.info.get(APPLYING):
        return
    fields = [name for name in fields if name not in _NOT_SYNCED]
    clocks = field_clocks(record)
    base = {name: clock_of(clocks, name) for name in fields}
    state = inspect(record)
    sets: dict[str, dict[str, bool]] = {}
    for name in fields:
        clocks[name] = [reading, base[name]]
        if is_set_field(record.__tablename__, name):
            before = state.attrs[name].history.deleted
            old = set(split_codes(before[0] if before else ""))
            new = set(split_codes(getattr(record, name) or ""))
            sets[name] = {code: code in new for code in sorted(old ^ new)}
            for code in sets[name]:
                clocks[f"{name}#{code}"] = reading
    record.hlc = reading
    record.field_hlc = json.dumps(clocks, sort_keys=True)
    if is_member(session):
        values = {name: to_json(getattr(record, name)) for name in fields}
        if "area" in fields and record.__tablename__ == "referral":
            before = state.attrs["area"].history.deleted
            sets_or_none: dict[str, Any] = {"moved_from": before[0] if before else None}
        else:
            sets_or_none = {}
        _queue(session, record, "upsert", values, {name: reading for name in fields}, base, sets, sets_or_none)


def stamp_erased(session: Session, entity: str, row_uuid: str, reading: str, rule: str | None = None) -> None:
    """A record erased for real (retention or a request): the tombstone travels, with the rule in words, never
    the values."""
    if session.info.get(APPLYING) or not is_member(session):
        return
    payload: dict[str, Any] = {"op": "erase"}
    if rule:
        payload["rule"] = rule
    session.add(m.SyncOutbox(change_id=str(uuid.uuid4()), entity=entity, row_uuid=row_uuid, clock=reading,
                             payload=json.dumps(payload, ensure_ascii=False, sort_keys=True)))


def queue_append(session: Session, entity: str, row_uuid: str, values: dict[str, Any], reading: str) -> None:
    """An append-only row (an audit event, a tombstone) made on this laptop."""
    if session.info.get(APPLYING) or not is_member(session):
        return
    payload = {"op": "append", "fields": {k: to_json(v) for k, v in values.items()}}
    session.add(m.SyncOutbox(change_id=str(uuid.uuid4()), entity=entity, row_uuid=row_uuid, clock=reading,
                             payload=json.dumps(payload, ensure_ascii=False, sort_keys=True)))


def _queue(session: Session, record: m.Record, op: str, fields: dict[str, Any], clocks: dict[str, str],
           base: dict[str, str], sets: dict[str, Any], extra: dict[str, Any] | None = None) -> None:
    payload: dict[str, Any] = {"op": op, "fields": fields, "clocks": clocks, "origin": record.origin_device}
    if base:
        payload["base"] = base
    if sets:
        payload["sets"] = sets
    payload.update(extra or {})
    session.add(m.SyncOutbox(
        change_id=str(uuid.uuid4()), entity=record.__tablename__, row_uuid=record.id,
        clock=max(clocks.values(), default=clock.ZERO),
        payload=json.dumps(payload, ensure_ascii=False, sort_keys=True),
    ))


SHARED = ("setting", "vocabulary_entry")  # scheme-wide lists and settings the lead maintains


def shared_key(record: m.Base) -> str | None:
    """The sync key of a scheme-wide setting or vocabulary entry (``None`` for this laptop's own settings)."""
    if isinstance(record, m.Setting):
        return None if record.key.startswith("local.") else record.key
    if isinstance(record, m.VocabularyEntry):
        return f"{record.kind}:{record.code}"
    return None


def queue_shared(session: Session, record: m.Base, reading: str) -> None:
    """A scheme-wide setting or vocabulary entry changed here: the latest one stands on every laptop."""
    key = shared_key(record)
    if key is None or session.info.get(APPLYING) or not is_member(session):
        return
    fields = {c.key: to_json(getattr(record, c.key)) for c in inspect(record).mapper.column_attrs}
    session.add(m.SyncOutbox(change_id=str(uuid.uuid4()), entity=record.__tablename__, row_uuid=key, clock=reading,
                             payload=json.dumps({"op": "state", "fields": fields}, ensure_ascii=False,
                                                sort_keys=True)))
