"""This store's membership of the scheme: the hub it syncs with, its areas, the sync key, how far it has read.

Kept in the store's own ``setting`` table under a ``local.`` key (never synced): the store is encrypted, so the
sync key and the device's hub password are as safe as the records themselves.
"""
from __future__ import annotations

import base64
import json
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime

from sqlalchemy.orm import Session

from cpm_desktop.storage import models as m
from cpm_desktop.storage.device import update_device_identity
from cpm_desktop.sync.enrolment import Enrolment

MEMBERSHIP_KEY = "local.sync"


@dataclass(frozen=True)
class Membership:
    hub_url: str  # libpq URL without the password
    role: str  # this device's PostgreSQL role
    password: str
    code: str  # this device's code in interchange ids
    member_role: str  # coordinator | lead | office
    areas: tuple[str, ...] = ()
    all_areas: bool = False
    sync_key_b64: str = ""
    last_seq: int = 0
    last_sync_at: str | None = None  # ISO UTC
    user: str | None = None
    may_invite: bool = False
    device_uuid: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, enrolment: Enrolment, sync_key: bytes, user: str | None) -> Membership:
        return cls(hub_url=enrolment.url, role=enrolment.role, password=enrolment.password, code=enrolment.code,
                   member_role=enrolment.member_role, areas=tuple(enrolment.areas), all_areas=enrolment.all_areas,
                   sync_key_b64=base64.b64encode(sync_key).decode("ascii"), user=user,
                   may_invite=enrolment.may_invite, device_uuid=enrolment.device_uuid)

    def enrolment(self) -> Enrolment:
        return Enrolment(url=self.hub_url, role=self.role, password=self.password, code=self.code,
                         device_uuid=self.device_uuid, areas=self.areas, all_areas=self.all_areas,
                         member_role=self.member_role, may_invite=self.may_invite)  # type: ignore[arg-type]

    @property
    def sync_key(self) -> bytes:
        return base64.b64decode(self.sync_key_b64)

    def holds_area(self, area: str | None) -> bool:
        return self.all_areas or area is None or area in self.areas


def membership(session: Session) -> Membership | None:
    row = session.get(m.Setting, MEMBERSHIP_KEY)
    if row is None:
        return None
    data = json.loads(row.value)
    data["areas"] = tuple(data.get("areas", ()))
    return Membership(**data)


def save_membership(session: Session, value: Membership) -> None:
    row = session.get(m.Setting, MEMBERSHIP_KEY) or m.Setting(key=MEMBERSHIP_KEY)
    row.value = json.dumps(asdict(value), sort_keys=True)
    row.updated_at = datetime.utcnow().replace(microsecond=0)
    row.updated_by = value.user or "sync"
    session.add(row)
    identity = {"code": value.code, "role": value.member_role, "user": value.user}
    if value.device_uuid:  # the hub knows this laptop by the uuid it was enrolled under
        identity["uuid"] = value.device_uuid
    update_device_identity(session, **identity)


def advance(session: Session, value: Membership, **changes: object) -> Membership:
    updated = replace(value, **changes)  # type: ignore[arg-type]
    save_membership(session, updated)
    return updated
