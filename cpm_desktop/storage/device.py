"""This store's own identity as a member of the scheme: never synced, kept in the ``setting`` table.

``code`` is the short device code the hub assigns when the store joins (``None`` while the store stands
alone); interchange ids made on a member carry it so two laptops can never make the same id. ``uuid`` names
the device in clocks and audit events from the day the store is created. ``user`` and ``role`` are the named
person using this store (coordinator, lead or office); the audit trail and "Prepared by" name them.
"""
from __future__ import annotations

import json
import uuid as uuid_module
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from typing import TypedDict, Unpack

from sqlalchemy.orm import Session

from cpm_desktop.storage import models as m

DEVICE_KEY = "local.device"  # "local." settings are this laptop's own and never travel over sync


@dataclass(frozen=True)
class DeviceIdentity:
    uuid: str
    code: str | None = None
    user: str | None = None
    role: str | None = None  # coordinator | lead | office


def device_identity(session: Session) -> DeviceIdentity:
    """This store's identity, made (with a fresh device uuid) the first time it is asked for."""
    cached = session.info.get(DEVICE_KEY)
    if isinstance(cached, DeviceIdentity):
        return cached
    row = session.get(m.Setting, DEVICE_KEY)
    if row is not None:
        identity = DeviceIdentity(**json.loads(row.value))
        session.info[DEVICE_KEY] = identity
        return identity
    identity = DeviceIdentity(uuid=str(uuid_module.uuid4()))
    set_device_identity(session, identity)
    return identity


def set_device_identity(session: Session, identity: DeviceIdentity) -> None:
    session.info[DEVICE_KEY] = identity  # one identity per session, even before the row is flushed
    row = session.get(m.Setting, DEVICE_KEY) or m.Setting(key=DEVICE_KEY)
    row.value = json.dumps(asdict(identity), sort_keys=True)
    row.updated_at = datetime.now(UTC).replace(tzinfo=None)
    row.updated_by = identity.user or "this device"
    session.add(row)


class IdentityChanges(TypedDict, total=False):
    """What may change in an identity: never its uuid, which names the device for good."""

    code: str | None
    user: str | None
    role: str | None


def update_device_identity(session: Session, **changes: Unpack[IdentityChanges]) -> DeviceIdentity:
    identity = replace(device_identity(session), **changes)
    set_device_identity(session, identity)
    return identity
