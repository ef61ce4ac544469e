"""Maintained settings, kept in the store (JSON in the `setting` table) over shipped defaults."""
from __future__ import annotations

import json
import tomllib
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cpm_desktop.resources_path import resource_path
from cpm_desktop.storage import models as m
from cpm_desktop.storage.audit import actor_of, utcnow
from cpm_desktop.storage.engine import Store

GDPR = "gdpr"
RETENTION = "retention"  # the retention rules (domain/retention.py), rule by rule
_SHIPPED = {GDPR: "gdpr_defaults.toml", RETENTION: "retention_defaults.toml"}


def _defaults(key: str) -> dict[str, Any]:
    if key in _SHIPPED:
        with resource_path(_SHIPPED[key]).open("rb") as handle:
            return tomllib.load(handle)
    return {}


def get_setting(store: Store, key: str) -> dict[str, Any]:
    """The stored value merged over the shipped defaults (so a new default field always has a value)."""
    with store.snapshot() as session:
        return setting_in(session, key)


def setting_in(session: Session, key: str) -> dict[str, Any]:
    """As :func:`get_setting`, read in the caller's session: one consistent view with what else it reads."""
    stored = session.scalar(select(m.Setting.value).where(m.Setting.key == key))
    return _defaults(key) | (json.loads(stored) if stored else {})


def set_setting(store: Store, key: str, value: dict[str, Any]) -> None:
    with store.transaction() as session:
        row = session.get(m.Setting, key) or m.Setting(key=key)
        row.value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        row.updated_at, row.updated_by = utcnow(), actor_of(session)
        session.add(row)
