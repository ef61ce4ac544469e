"""Sync use cases, shared by the window and the command line: set up the hub, invite, join, sync, conflicts.

Offline is normal: :func:`sync_now` raises ``HubUnreachable`` with one sentence, which the window shows in its
status bar and the command line prints, and the laptop carries on; its changes stay queued.
"""
from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cpm_desktop.domain.vocabulary import split_codes
from cpm_desktop.services.files import write_private_file
from cpm_desktop.services.vocabulary import vocabulary_for
from cpm_desktop.storage import changes
from cpm_desktop.storage import models as m
from cpm_desktop.storage.audit import actor_of
from cpm_desktop.storage.device import device_identity
from cpm_desktop.storage.engine import Store
from cpm_desktop.sync import engine
from cpm_desktop.sync.enrolment import MEMBER_ROLES, enrol_device
from cpm_desktop.sync.hub import PostgresHub
from cpm_desktop.sync.hub_schema import init_hub, member_count
from cpm_desktop.sync.invite import open_invite, seal_invite
from cpm_desktop.sync.membership import Membership, membership
from cpm_desktop.sync.protocol import HubRefused, HubUnreachable
from cpm_desktop.sync.sealing import new_sync_key

__all__ = ["HubRefused", "HubUnreachable", "SyncError", "SyncStatus", "ConflictRow", "set_up_hub", "invite",
           "join", "sync_now", "status", "conflicts", "resolve_conflict"]


class SyncError(Exception):
    """A sync request that cannot be done, as one sentence."""


@dataclass(frozen=True)
class SyncStatus:
    member: bool
    hub: str = ""
    code: str = ""
    member_role: str = ""
    areas: tuple[str, ...] = ()
    all_areas: bool = False
    last_sync_at: str | None = None
    pending: int = 0
    open_conflicts: int = 0


def status(store: Store) -> SyncStatus:
    with store.snapshot() as session:
        return _status(session)


def _status(session: Session) -> SyncStatus:
    current = membership(session)
    pending = int(session.scalar(select(func.count()).select_from(m.SyncOutbox)) or 0)
    open_conflicts = int(session.scalar(select(func.count()).select_from(m.SyncConflict)
                                        .where(m.SyncConflict.resolved_at.is_(None))) or 0)
    if current is None:
        return SyncStatus(member=False, pending=pending)
    return SyncStatus(True, current.hub_url, current.code, current.member_role, current.areas, current.all_areas,
                      current.last_sync_at, pending, open_conflicts)


def set_up_hub(store: Store, admin_url: str, user: str | None = None) -> Membership:
    """Create (or upgrade) the hub's schema and make this store its first member: the lead, all areas."""
    with store.snapshot() as session:
        if membership(session) is not None:
            raise SyncError("This store is already a member of a scheme; its hub is set up.")
        device = device_identity(session).uuid
        actor = user or actor_of(session)
    init_hub(admin_url)
    if member_count(admin_url):
        raise SyncError("This hub already has members: join it with an invite from the project lead's laptop "
                        "instead (cpm-desktop invite, then cpm-desktop join).")
    enrolment = enrol_device(admin_url, device_uuid=device, member_role="lead", areas=(), all_areas=True,
                             may_invite=True)
    member = Membership.of(enrolment, new_sync_key(), actor)
    engine.enrol(store, member)
    store.use_actor(actor)
    return member


def invite(store: Store, *, areas: tuple[str, ...], member_role: str, out: Path) -> str:
    """Enrol a new laptop at the hub and write its invite file; returns the one-time code that opens it."""
    if member_role not in MEMBER_ROLES:
        raise SyncError(f"The role must be one of {', '.join(MEMBER_ROLES)}.")
    with store.snapshot() as session:
        current = membership(session)
    if current is None:
        raise SyncError("This store is not a member of a scheme, so it cannot invite anyone.")
    if not current.may_invite:
        raise SyncError("Only the project lead's laptop can invite others to the scheme.")
    all_areas = member_role in ("lead", "office")
    if not all_areas and not areas:
        raise SyncError("Give the areas a coordinator works in.")
    with store.snapshot() as session:
        vocabulary = vocabulary_for(session)
    known = vocabulary.codes("area")
    by_label = {vocabulary.label("area", code).casefold(): code for code in known}
    areas = tuple(area if area in known else by_label.get(area.casefold(), area) for area in areas)  # labels too
    unknown = [area for area in areas if area not in known]
    if unknown and not all_areas:
        raise SyncError(f"{', '.join(unknown)} {'is not an area code' if len(unknown) == 1 else 'are not area codes'}"
                        f"; the areas are {', '.join(known)}.")
    enrolment = enrol_device(current.enrolment(), device_uuid=str(uuid.uuid4()), member_role=member_role,  # type: ignore[arg-type]
                             areas=() if all_areas else areas, all_areas=all_areas, may_invite=member_role == "lead")
    data, code = seal_invite(enrolment, current.sync_key)
    write_private_file(out, data)
    return code


def join(store: Store, invite_file: Path, code: str, hub_url: str | None = None, user: str | None = None
         ) -> Membership:
    """Make this store a member with an invite file and its code; the first sync brings its areas' records."""
    try:
        data = Path(invite_file).read_bytes()
    except OSError:
        raise SyncError(f"The invite file {invite_file} cannot be read.") from None
    enrolment, sync_key = open_invite(data, code)
    if hub_url:
        enrolment = enrolment.reached_at(hub_url)
    with store.snapshot() as session:
        actor = user or actor_of(session)
    member = Membership.of(enrolment, sync_key, actor)
    try:
        engine.enrol(store, member)
    except ValueError as error:
        raise SyncError(str(error)) from None
    store.use_actor(actor)
    return member


def sync_now(store: Store, progress: engine.Progress | None = None) -> engine.SyncReport:
    with store.snapshot() as session:
        current = membership(session)
    if current is None:
        raise SyncError("This store is not a member of a scheme yet: join one with an invite first.")
    hub = PostgresHub(current.enrolment(), current.sync_key)
    try:
        return engine.sync(store, hub, progress)
    finally:
        hub.close()


# --- conflicts ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConflictRow:
    conflict_id: str
    record: str  # e.g. "Referral R-B-000012"
    field: str  # the words the screens use
    kept: str
    kept_by: str
    kept_at: str
    other: str
    other_by: str
    other_at: str
    resolved: bool


_RECORD_WORDS = {"referral": "Referral", "person": "Person", "mentor": "Mentor", "contact": "Contact",
                 "goal": "Goal", "risk_assessment": "Risk assessment", "risk_flag": "Risk flag",
                 "home_visit": "Home visit", "allocation": "Allocation"}


def _shown(value: str) -> str:
    decoded: Any = changes.from_json(json.loads(value))
    if decoded is None or decoded == "":
        return "(empty)"
    return decoded.isoformat() if hasattr(decoded, "isoformat") else str(decoded)


def _when(reading: str) -> str:
    try:
        wall_ms = int(reading.split(".", 1)[0])
    except ValueError:
        return ""
    return datetime.utcfromtimestamp(wall_ms / 1000).strftime("%Y-%m-%d %H:%M UTC")


def conflicts(store: Store, *, include_resolved: bool = False) -> list[ConflictRow]:
    with store.snapshot() as session:
        return _conflicts(session, include_resolved)


def _conflicts(session: Session, include_resolved: bool = False) -> list[ConflictRow]:
    query = select(m.SyncConflict).order_by(m.SyncConflict.detected_at)
    if not include_resolved:
        query = query.where(m.SyncConflict.resolved_at.is_(None))
    return [ConflictRow(conflict.id, _record_label(session, conflict.entity, conflict.row_uuid),
                        conflict.field.replace("_", " ") or "deleted, or edited", _shown(conflict.kept_value),
                        conflict.kept_by, _when(conflict.kept_clock), _shown(conflict.other_value), conflict.other_by,
                        _when(conflict.other_clock), conflict.resolved_at is not None)
            for conflict in session.scalars(query)]


@dataclass(frozen=True)
class SyncView:
    """What the sync window shows: this laptop's membership and the conflicts still to settle."""
    status: SyncStatus
    conflicts: list[ConflictRow]


def sync_view(store: Store) -> SyncView:
    """The sync window's whole view, read in one snapshot (the counts and the list agree)."""
    with store.snapshot() as session:
        return SyncView(_status(session), _conflicts(session))


def _record_label(session: Any, entity: str, row_uuid: str) -> str:
    model = engine.MODELS.get(entity)
    row = session.get(model, row_uuid) if model else None
    words = _RECORD_WORDS.get(entity, entity.replace("_", " ").capitalize())
    for id_column in ("referral_id", "person_id", "mentor_id", "contact_id", "goal_id"):
        if row is not None and hasattr(row, id_column):
            return f"{words} {getattr(row, id_column)}"
    return words


def resolve_conflict(store: Store, conflict_id: str, choose: str) -> None:
    """Settle a conflict: ``kept`` leaves the value that stands; ``other`` makes the set-aside value stand.

    Choosing the other value is an ordinary edit, so it reaches every laptop at the next sync.
    """
    if choose not in ("kept", "other"):
        raise SyncError("Choose the value that stands now or the other one.")
    with store.transaction() as session:
        conflict = session.get(m.SyncConflict, conflict_id)
        if conflict is None or conflict.resolved_at is not None:
            raise SyncError("That conflict is no longer open.")
        model = engine.MODELS.get(conflict.entity)
        row = session.get(model, conflict.row_uuid) if model else None
        if row is None:
            raise SyncError("The record of that conflict is no longer on this laptop.")
        if choose == "other":
            if conflict.field:
                value = changes.from_json(json.loads(conflict.other_value))
                if changes.is_set_field(conflict.entity, conflict.field):
                    value = ";".join(split_codes(value))
                setattr(row, conflict.field, value)
            else:  # the edit against a deletion wins: the record is brought back, with its edits
                row.deleted_at, row.deleted_reason = None, None
        conflict.resolved_at = datetime.utcnow().replace(microsecond=0)
        conflict.resolution = choose
