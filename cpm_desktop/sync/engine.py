"""Push this laptop's changes to the hub, pull everyone else's, and merge them field by field.

- **Push** reads the outbox (written in the same transactions as the edits), routes each change to its
  area(s), hands them to the hub in pages and only then removes them from the outbox. A kill at any point
  leaves them queued; pushing them again is harmless, because the hub keeps the first copy of a change id.
- **Pull** reads the hub's log after the last sequence this laptop has applied, and applies each page in one
  local transaction together with the new sequence number: a kill leaves either the whole page applied and
  counted, or none of it. Erasures in a page are applied first, and an erased row is never brought back.
- **Merge** is ``domain/merge.py``: field by field, the later clock standing everywhere, and a true conflict
  kept in ``sync_conflict`` for a person to settle.

A laptop holds only its areas' cases: a case that moves to an area the laptop does not hold is taken off it
(with its person, unless another held case needs them).
"""
from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import delete, func, insert, inspect, select
from sqlalchemy.orm import Session

from cpm_desktop.domain import clock as hlc
from cpm_desktop.domain.merge import Held, Incoming, merge_codes, merge_field
from cpm_desktop.domain.text import referral_search_text
from cpm_desktop.domain.vocabulary import join_codes, split_codes
from cpm_desktop.storage import changes, erasure
from cpm_desktop.storage import models as m
from cpm_desktop.storage.device import device_identity
from cpm_desktop.storage.engine import Store
from cpm_desktop.sync import routing
from cpm_desktop.sync.membership import Membership, advance, membership, save_membership
from cpm_desktop.sync.protocol import Change, Hub, Pulled

PAGE = 2000
SHARED_CLOCKS_KEY = "local.shared_clocks"  # the clock of each scheme-wide setting and list entry held here
Progress = Callable[[str], None]

MODELS: dict[str, type[m.Record]] = {
    mapper.class_.__tablename__: mapper.class_
    for mapper in m.Base.registry.mappers
    if issubclass(mapper.class_, m.Record)
}
# Parents before children, so a page that creates a case creates it whole.
ORDER = ["organisation", "person", "mentor", "referral", "referral_event", "risk_assessment", "risk_check",
         "professional_consulted", "risk_flag", "home_visit", "mentor_status_change", "progress_check",
         "allocation", "contact", "contact_revision", "goal", "goal_review", "subject_access_request",
         "retention_hold"]
# Columns naming another record: a change of a row whose parent was erased here is part of that erasure.
PARENT_COLUMNS = ("referral_uuid", "assessment_uuid", "goal_uuid", "contact_uuid", "person_uuid")
MENTOR_LINKS = frozenset({"contact", "contact_revision"})  # they outlive an erased mentor, unnamed


class NotAMember(Exception):
    def __init__(self) -> None:
        super().__init__("This store is not a member of a scheme yet: join one with an invitation first.")


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    removed_cases: int = 0
    last_seq: int = 0

    def sentence(self) -> str:
        parts = [f"sent {self.pushed} change{'s' * (self.pushed != 1)}",
                 f"received {self.pulled} change{'s' * (self.pulled != 1)}"]
        if self.conflicts:
            parts.append(f"{self.conflicts} new conflict{'s' * (self.conflicts != 1)} to settle")
        if self.removed_cases:
            parts.append(f"{self.removed_cases} case{'s' * (self.removed_cases != 1)} moved off this laptop")
        return "Synced: " + ", ".join(parts) + "."


def sync(store: Store, hub: Hub, progress: Progress | None = None) -> SyncReport:
    """Push, then pull, then push what pulling queued (cases moved here need nothing; moves made here do)."""
    report = SyncReport()
    report.pushed = push(store, hub, progress)
    pulled, conflicts, removed, last = pull(store, hub, progress)
    report.pulled, report.conflicts, report.removed_cases, report.last_seq = pulled, conflicts, removed, last
    report.pushed += push(store, hub, progress)
    with store.transaction() as session:
        current = membership(session)
        if current is not None:
            now = datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="seconds")
            advance(session, current, last_sync_at=now)
    return report


def enrol(store: Store, member: Membership) -> int:
    """Make the store a member; what it already holds is queued so the scheme receives it at the first sync."""
    with store.transaction() as session:
        if membership(session) is not None:
            raise ValueError("This store is already a member of a scheme.")
        if not member.all_areas:
            others = session.scalar(select(func.count()).select_from(m.Referral).where(
                m.Referral.area.is_not(None), m.Referral.area.not_in(member.areas)))
            if others:
                raise ValueError(f"This store holds {others} case{'s' * (others != 1)} of areas this laptop is not "
                                 "invited for; ask the project lead for an invite with those areas, or export "
                                 "them for the lead to import first. Nothing was changed.")
        save_membership(session, member)
        return queue_everything(session)


# --- push ---------------------------------------------------------------------------------------------


def push(store: Store, hub: Hub, progress: Progress | None = None) -> int:
    pushed = 0
    while True:
        with store.transaction() as session:
            member = _member(session)
            queued = session.scalars(select(m.SyncOutbox).order_by(m.SyncOutbox.seq).limit(PAGE)).all()
            if not queued:
                return pushed
            device = device_identity(session).uuid
            router = routing.Router(session, [(row.entity, row.row_uuid, _subject(row)) for row in queued])
            outgoing = _routed(list(queued), router, device)
            last = queued[-1].seq
        hub.push(outgoing)  # raises HubUnreachable: the outbox is untouched and will be pushed next time
        with store.transaction() as session:
            moved = [_moved(row) for row in queued]
            session.execute(delete(m.SyncOutbox).where(m.SyncOutbox.seq <= last))
            for referral_uuid, new_area in filter(None, moved):
                if new_area is not None:
                    queue_case_copy(session, referral_uuid)
                if not member.holds_area(new_area):
                    purge_case(session, referral_uuid)
        pushed += len(queued)
        if progress:
            progress(f"Sent {pushed} changes")


def _routed(rows: list[m.SyncOutbox], router: routing.Router, device: str) -> list[Change]:
    outgoing: list[Change] = []
    for row in rows:
        payload = json.loads(row.payload)
        if payload.get("op") == "erase":
            areas: routing.Areas = {None}  # an erasure must reach every copy; it holds no personal data
        else:
            subject = payload.get("fields", {}).get("subject_uuid") if row.entity == "audit_event" else None
            areas = router.areas(row.entity, row.row_uuid, subject)
            if payload.get("moved_from") is not None:
                areas.add(payload["moved_from"])  # the laptops it leaves must learn that it left
        body = row.payload.encode()
        for area in sorted(areas, key=lambda a: a or ""):
            change_id = row.change_id if len(areas) == 1 else str(uuid.uuid5(uuid.UUID(row.change_id), area or ""))
            outgoing.append(Change(change_id=change_id, device=device, area=area, entity=row.entity,
                                   row_uuid=row.row_uuid, clock=row.clock, payload=body))
    return outgoing


def _subject(row: m.SyncOutbox) -> str | None:
    if row.entity != "audit_event":
        return None
    subject = json.loads(row.payload).get("fields", {}).get("subject_uuid")
    return str(subject) if subject else None


def _moved(row: m.SyncOutbox) -> tuple[str, str | None] | None:
    if row.entity != "referral":
        return None
    payload = json.loads(row.payload)
    if "moved_from" not in payload:
        return None
    return row.row_uuid, payload["fields"].get("area")


def queue_case_copy(session: Session, referral_uuid: str) -> int:
    """Queue full copies of a case and its person: the laptops of its new area have never held them."""
    referral = session.get(m.Referral, referral_uuid)
    if referral is None:
        return 0
    rows: list[m.Record] = []
    person = session.get(m.Person, referral.person_uuid)
    if person is not None:
        rows.append(person)
    rows.append(referral)
    rows.extend(case_rows(session, referral_uuid))
    for row in rows:
        queue_copy(session, row)
    return len(rows)


def queue_copy(session: Session, row: m.Record) -> None:
    session.add(m.SyncOutbox(change_id=str(uuid.uuid4()), entity=row.__tablename__, row_uuid=row.id,
                             clock=row.hlc or hlc.ZERO,
                             payload=json.dumps(changes.full_state(row), ensure_ascii=False, sort_keys=True)))


def queue_everything(session: Session) -> int:
    """Queue a copy of every row (a store that joins the scheme with records of its own)."""
    count = 0
    for entity in ORDER:
        for row in session.scalars(select(MODELS[entity])):
            queue_copy(session, row)
            count += 1
    for event in session.scalars(select(m.AuditEvent)):
        values = {c.key: getattr(event, c.key) for c in inspect(event).mapper.column_attrs}
        changes.queue_append(session, "audit_event", event.id, values, hlc.ZERO)
        count += 1
    return count


def adopt_unstamped(session: Session) -> int:
    """Stamp and queue rows written without the ORM (an import into a member store), so they reach the hub."""
    if membership(session) is None:
        return 0
    reading = changes.next_reading(session)
    device = device_identity(session).uuid
    previous = session.info.get(changes.APPLYING)
    session.info[changes.APPLYING] = True  # these stamps are not edits of their own
    count = 0
    try:
        for entity in ORDER:
            for row in session.scalars(select(MODELS[entity]).where(MODELS[entity].hlc == hlc.ZERO)):
                row.hlc, row.field_hlc, row.origin_device = reading, json.dumps({"": reading}), device
                queue_copy(session, row)
                count += 1
        session.flush()
    finally:
        session.info[changes.APPLYING] = previous
    return count


def case_rows(session: Session, referral_uuid: str) -> list[m.Record]:
    """Every record that is part of a case, parents before children."""
    found: dict[str, list[str]] = {"referral": [referral_uuid]}
    rows: list[m.Record] = []
    for entity in ORDER:
        if entity not in routing.PARENTS:
            continue
        model, column, parent = routing.PARENTS[entity]
        parents = found.get(parent, [])
        if not parents:
            continue
        children = session.scalars(select(model).where(getattr(model, column).in_(parents))).all()
        found[entity] = [child.id for child in children]
        rows.extend(children)
    return rows


def purge_case(session: Session, referral_uuid: str) -> None:
    """Take a case off this laptop (not an erasure: it lives on in its area's laptops and the hub)."""
    referral = session.get(m.Referral, referral_uuid)
    if referral is None:
        return
    previous = session.info.get(changes.APPLYING)
    session.info[changes.APPLYING] = True
    try:
        for row in reversed(case_rows(session, referral_uuid)):
            session.delete(row)
        person_uuid = referral.person_uuid
        session.delete(referral)
        session.flush()
        others = session.scalar(select(func.count()).select_from(m.Referral)
                                .where(m.Referral.person_uuid == person_uuid))
        person = session.get(m.Person, person_uuid)
        if not others and person is not None:
            session.delete(person)
            session.flush()
    finally:
        session.info[changes.APPLYING] = previous


# --- pull ---------------------------------------------------------------------------------------------


def pull(store: Store, hub: Hub, progress: Progress | None = None) -> tuple[int, int, int, int]:
    pulled = conflicts = removed = erased = 0
    with store.transaction() as session:
        last_seq = _member(session).last_seq
    while True:
        page = hub.pull(last_seq, PAGE)
        if not page:
            if erased:  # erased rows leave no copy in free pages or the -wal file here either
                erasure.scrub(store)
            return pulled, conflicts, removed, last_seq
        with store.transaction() as session:
            member = _member(session)
            applier = _Applier(session, member, device_identity(session).uuid)
            applier.apply_page(page)
            last_seq = page[-1].seq
            advance(session, member, last_seq=last_seq)
        pulled += applier.applied
        erased += applier.erasures
        conflicts += applier.conflicts
        removed += applier.removed
        if progress:
            progress(f"Received {pulled} changes")


class _Applier:
    def __init__(self, session: Session, member: Membership, device: str) -> None:
        self.session, self.member, self.device = session, member, device
        self.applied = self.conflicts = self.removed = 0
        self.latest = hlc.ZERO
        self.touched_people: set[str] = set()
        self.rows: dict[str, m.Record] = {}  # the page's rows, loaded once
        # Rows new to this laptop, waiting to be inserted in bulk: (model, their columns) -> rows.
        self.inserts: dict[tuple[type[m.Record], frozenset[str]], list[dict[str, Any]]] = {}
        self.inserted: dict[str, type[m.Record]] = {}
        self.written: set[str] = set()  # rows this page already inserted (read back when a later change needs them)
        self.erased: set[str] = set()
        self.erasures = 0

    def apply_page(self, page: list[Pulled]) -> None:
        session = self.session
        session.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # a page may bring children first
        session.info[changes.APPLYING] = True
        try:
            theirs = [p.change for p in page if p.change.device != self.device]
            payloads = [(change, json.loads(change.payload)) for change in theirs]
            with session.no_autoflush:
                self._prefetch(payloads)
                if any(payload.get("op") == "erase" for _, payload in payloads):
                    session.connection().exec_driver_sql("PRAGMA secure_delete = ON")
                for change, payload in payloads:  # erasures before anything else: nothing erased comes back
                    if payload.get("op") == "erase":
                        self._erase(change, payload)
                events: list[dict[str, Any]] = []
                for change, payload in payloads:
                    self.latest = max(self.latest, change.clock)
                    if payload.get("op") == "erase":
                        continue
                    if change.entity == "audit_event":
                        event = {k: changes.from_json(v) for k, v in payload["fields"].items()}
                        if not {event.get("subject_uuid"), event.get("record_uuid")} & self.erased:
                            events.append(event)
                    elif change.entity in MODELS:
                        self._merge(change, payload)
                    elif change.entity in changes.SHARED:
                        self._merge_shared(change, payload)
                self._insert_new_rows()
                session.flush()
                self._forward_misrouted(payloads)
                if events:  # append-only: one statement for the page, a copy already held is skipped
                    session.execute(insert(m.AuditEvent).prefix_with("OR IGNORE"), events)
                self._refresh_search_text()
            self.applied = len(theirs)
            if self.latest:
                changes.remember_reading(session, self.latest)
            session.flush()
        finally:
            session.info[changes.APPLYING] = False

    def _forward_misrouted(self, payloads: list[tuple[Change, dict[str, Any]]]) -> None:
        """Pass on what was sent to a case's old area after the case moved (by a laptop that had not heard).

        The laptop that moved a case holds both areas, so it hears such a change and is allowed to send to the
        new area; any laptop holding both does the same. The copy carries every field's clock, so merging it
        twice changes nothing; without it a contact logged in the old area just before the move would reach
        the lead but never the new area's coordinators.
        """
        candidates = {(change.entity, change.row_uuid): change.area for change, payload in payloads
                      if change.area is not None and payload.get("op") != "erase" and "moved_from" not in payload
                      and (change.entity in routing.PARENTS or change.entity in ("referral", "person"))
                      and change.row_uuid not in self.erased}
        if not candidates:
            return
        router = routing.Router(self.session, [(entity, row_uuid, None) for entity, row_uuid in candidates])
        for (entity, row_uuid), sent_to in candidates.items():
            now_in = router.areas(entity, row_uuid)
            if now_in and sent_to not in now_in and all(self.member.holds_area(area) for area in now_in):
                row = self.session.get(MODELS[entity], row_uuid)
                if row is not None:
                    queue_copy(self.session, row)

    def _prefetch(self, payloads: list[tuple[Change, dict[str, Any]]]) -> None:
        """Load every row the page touches in a few queries, so merging reads from memory; learn which of
        the rows, their parents and the subjects of their audit events were erased here."""
        by_entity: dict[str, list[str]] = {}
        referenced: set[str] = set()
        for change, payload in payloads:
            by_entity.setdefault(change.entity, []).append(change.row_uuid)
            fields = payload.get("fields", {})
            referenced.update(str(fields[name]) for name in (*PARENT_COLUMNS, "mentor_uuid", "subject_uuid",
                                                              "record_uuid") if fields.get(name))
        all_ids = sorted({change.row_uuid for change, _ in payloads} | referenced)
        for chunk in routing._chunks(all_ids):
            self.erased.update(self.session.scalars(select(m.Tombstone.row_uuid).where(m.Tombstone.row_uuid.in_(chunk))))
        for entity, ids in by_entity.items():
            model = MODELS.get(entity)
            if model is None:
                continue
            for chunk in routing._chunks(sorted(set(ids))):
                for row in self.session.scalars(select(model).where(model.id.in_(chunk))):
                    self.rows[row.id] = row

    def _refresh_search_text(self) -> None:
        """Search text is made on each laptop from the merged names and details (it never travels)."""
        session = self.session
        people = {p.id: p for chunk in routing._chunks(sorted(self.touched_people))
                  for p in session.scalars(select(m.Person).where(m.Person.id.in_(chunk)))}
        for chunk in routing._chunks(sorted(people)):
            for referral in session.scalars(select(m.Referral).where(m.Referral.person_uuid.in_(chunk))):
                person = people[referral.person_uuid]
                referral.search_text = referral_search_text(
                    first_name=person.first_name, last_name=person.last_name, person_id=person.person_id,
                    referral_id=referral.referral_id, crime_reference=referral.crime_reference,
                    postcode=referral.postcode, phone=referral.phone)

    # -- the three kinds of change

    def _erase(self, change: Change, payload: dict[str, Any]) -> None:
        session = self.session
        rule = str(payload.get("rule") or "erased on another laptop")
        self.erasures += 1
        if change.entity == "audit_event":  # past its retention period: no tombstone, it never comes back
            erasure.delete_audit_events(session, [change.row_uuid])
            return
        row = self.rows.pop(change.row_uuid, None)
        if row is not None:  # with whatever this laptop recorded on it that the other laptop never saw
            if isinstance(row, m.Mentor):
                erasure.clear_references(session, row.id)
            erased = erasure.erase_levels(session, erasure.record_levels(session, row), rule=rule,
                                          today=date.today())
            for _, row_uuid in erased.rows:
                self.rows.pop(row_uuid, None)
                self.erased.add(row_uuid)
        if change.row_uuid not in self.erased and session.get(m.Tombstone, change.row_uuid) is None:
            session.add(m.Tombstone(row_uuid=change.row_uuid, entity=change.entity, erased_on=date.today(),
                                    rule=rule, hlc=change.clock))
        self.erased.add(change.row_uuid)
        session.flush()

    def _merge(self, change: Change, payload: dict[str, Any]) -> None:
        session = self.session
        if change.row_uuid in self.erased:
            return  # erased here: a late edit never brings it back
        model = MODELS[change.entity]
        fields: dict[str, Any] = {k: changes.from_json(v) for k, v in payload.get("fields", {}).items()}
        if any(fields.get(name) in self.erased for name in PARENT_COLUMNS):
            return  # made on a laptop that had not yet heard that its case or person was erased
        if fields.get("mentor_uuid") in self.erased:
            if change.entity not in MENTOR_LINKS:
                return
            fields["mentor_uuid"] = None
        if change.entity == "person":
            self.touched_people.add(change.row_uuid)
        clocks: dict[str, str] = payload.get("clocks", {})
        if change.row_uuid in self.inserted:  # made earlier in this page: insert it, then merge into it
            self._insert_new_rows()
            loaded = session.get(model, change.row_uuid)
            if loaded is not None:
                self.rows[loaded.id] = loaded
        row = self.rows.get(change.row_uuid)
        if row is None and change.row_uuid in self.written:
            row = session.get(model, change.row_uuid)
            if row is not None:
                self.rows[row.id] = row
        if change.entity == "referral":
            person_uuid = fields.get("person_uuid") or getattr(row, "person_uuid", None)
            if person_uuid:
                self.touched_people.add(person_uuid)
            # A case new here is taken only if it is in this laptop's areas; a case held here is merged first
            # (an older copy naming its old area must not take it away) and let go after if it moved away.
            if row is None and not self.member.holds_area(fields.get("area")):
                return
        if row is None:
            if payload.get("op") not in ("create", "state"):
                return  # an edit of a row this laptop never held (another area's): nothing to merge into
            values = self._new_row(change, payload, fields, clocks)
            self.inserts.setdefault((model, frozenset(values)), []).append(values)
            self.inserted[change.row_uuid] = model
            return
        self._merge_fields(row, change, payload, fields, clocks)

    def _merge_shared(self, change: Change, payload: dict[str, Any]) -> None:
        """A scheme-wide setting or vocabulary entry: the latest change stands (its clock is remembered here)."""
        session = self.session
        seen = session.get(m.Setting, SHARED_CLOCKS_KEY)
        clocks: dict[str, str] = json.loads(seen.value) if seen else {}
        key = f"{change.entity}/{change.row_uuid}"
        if change.clock <= clocks.get(key, hlc.ZERO):
            return
        fields = {k: changes.from_json(v) for k, v in payload["fields"].items()}
        model: type[m.Base] = m.Setting if change.entity == "setting" else m.VocabularyEntry
        identity = fields["key"] if model is m.Setting else (fields["kind"], fields["code"])
        row = session.get(model, identity)
        if row is None:
            session.add(model(**fields))
            session.flush()  # later changes of the page find it (the page is applied without autoflush)
        else:
            for name, value in fields.items():
                setattr(row, name, value)
        clocks[key] = change.clock
        if seen is None:
            seen = m.Setting(key=SHARED_CLOCKS_KEY, updated_by="sync")
            session.add(seen)
        seen.value = json.dumps(clocks, sort_keys=True)
        seen.updated_at = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
        session.flush()

    def _purge(self, referral_uuid: str) -> None:
        self._insert_new_rows()
        self.session.flush()
        purge_case(self.session, referral_uuid)
        self.rows = {uuid_: row for uuid_, row in self.rows.items() if row in self.session}
        self.removed += 1

    def _new_row(self, change: Change, payload: dict[str, Any], fields: dict[str, Any],
                 clocks: dict[str, str]) -> dict[str, Any]:
        """The columns of a row this laptop has never held (inserted in bulk at the end of the page)."""
        created = payload.get("created") or change.clock
        field_clocks: dict[str, Any] = {"": created}
        for name, reading in clocks.items():
            if reading != created:
                field_clocks[name] = [reading, None]
        for name, codes in payload.get("code_clocks", {}).items():
            for code, reading in codes.items():
                field_clocks[f"{name}#{code}"] = reading
        return {**fields, "id": change.row_uuid, "origin_device": payload.get("origin") or change.device,
                "field_hlc": json.dumps(field_clocks, sort_keys=True), "hlc": max([created, *clocks.values()])}

    def _insert_new_rows(self) -> None:
        """Rows new to this laptop, one statement per kind of record, parents first."""
        rank = {entity: n for n, entity in enumerate(ORDER)}
        for (model, _), rows in sorted(self.inserts.items(), key=lambda item: rank.get(item[0][0].__tablename__, 99)):
            self.session.execute(insert(model.__table__), rows)  # type: ignore[arg-type]
        self.written.update(self.inserted)
        self.inserts.clear()
        self.inserted.clear()

    def _merge_fields(self, row: m.Record, change: Change, payload: dict[str, Any], fields: dict[str, Any],
                      clocks: dict[str, str]) -> None:
        held_clocks = changes.field_clocks(row)
        bases: dict[str, str] = payload.get("base", {})
        full_copy = payload.get("op") == "state"
        was_deleted = row.deleted_at is not None
        for name, value in fields.items():
            reading = clocks.get(name, change.clock)
            if changes.is_set_field(change.entity, name):
                self._merge_codes(row, held_clocks, name, value, reading, payload)
                continue
            held = Held(getattr(row, name), changes.clock_of(held_clocks, name), changes.base_of(held_clocks, name))
            base = None if full_copy or name in changes.STAMPS else bases.get(name, hlc.ZERO)
            outcome = merge_field(held, Incoming(value, reading, base))
            if outcome.apply:
                setattr(row, name, value)
                held_clocks[name] = [reading, None if full_copy else bases.get(name)]
            if outcome.conflict:
                self._conflict(row, change, name, outcome.kept, outcome.set_aside, held, reading, fields, payload)
        self._edit_against_deletion(row, change, fields, bases, held_clocks, was_deleted, full_copy)
        row.field_hlc = json.dumps(held_clocks, sort_keys=True)
        row.hlc = max(row.hlc or hlc.ZERO, change.clock)
        if change.entity == "referral" and "area" in fields and not self.member.holds_area(row.area):  # type: ignore[attr-defined]
            self._purge(row.id)

    def _edit_against_deletion(self, row: m.Record, change: Change, fields: dict[str, Any], bases: dict[str, str],
                               held_clocks: dict[str, Any], was_deleted: bool, full_copy: bool) -> None:
        """A deletion on one laptop and an edit on another, neither having seen the other: a person decides."""
        if full_copy:
            return
        deletion = ("deleted_at", "deleted_reason")
        edited = [name for name in fields if name not in changes.STAMPS and name not in deletion]
        if "deleted_at" in fields and fields["deleted_at"] is not None and not was_deleted:
            base = bases.get("deleted_at", hlc.ZERO)
            local_edits = [name for name, entry in held_clocks.items()
                           if isinstance(entry, list) and name not in changes.STAMPS
                           and name not in deletion and entry[0] > base]
            if local_edits:
                self._record(row, change, "", "deleted", "edited: " + ", ".join(sorted(local_edits)),
                             change.clock, row.updated_by, fields.get("updated_by", ""), change.clock)
        elif was_deleted and edited:
            deleted_clock = changes.clock_of(held_clocks, "deleted_at")
            if min(bases.get(name, hlc.ZERO) for name in edited) < deleted_clock:
                self._record(row, change, "", "deleted", "edited: " + ", ".join(sorted(edited)),
                             deleted_clock, row.updated_by, fields.get("updated_by", ""), change.clock)

    def _merge_codes(self, row: m.Record, held_clocks: dict[str, Any], name: str, value: Any, reading: str,
                     payload: dict[str, Any]) -> None:
        current = set(split_codes(getattr(row, name) or ""))
        held = {code: (code in current, changes.code_clock(held_clocks, name, code))
                for code in current | set(payload.get("sets", {}).get(name, {}))
                | set(payload.get("code_clocks", {}).get(name, {}))}
        if payload.get("op") == "state":
            incoming_codes = set(split_codes(value or ""))
            named = set(payload.get("code_clocks", {}).get(name, {})) | incoming_codes | set(held)
            merged = dict(held)
            for code in named:
                code_reading = payload.get("code_clocks", {}).get(name, {}).get(code, payload.get("created", reading))
                if code not in merged or code_reading > merged[code][1]:
                    merged[code] = (code in incoming_codes, code_reading)
        elif name in payload.get("sets", {}):
            merged = merge_codes(held, payload["sets"][name], reading)
        else:  # a create of a row we already hold: its whole list, at its clock
            incoming_codes = set(split_codes(value or ""))
            merged = merge_codes(held, {code: code in incoming_codes for code in incoming_codes | set(held)}, reading)
        setattr(row, name, join_codes(sorted(code for code, (present, _) in merged.items() if present)))
        for code, (_, code_reading) in merged.items():
            held_clocks[f"{name}#{code}"] = code_reading
        held_clocks[name] = [max(changes.clock_of(held_clocks, name), reading), None]

    def _conflict(self, row: m.Record, change: Change, name: str, kept: Any, set_aside: Any, held: Held,
                  reading: str, fields: dict[str, Any], payload: dict[str, Any]) -> None:
        theirs_won = reading > held.clock
        their_by = str(fields.get("updated_by") or "another laptop")
        if theirs_won:
            self._record(row, change, name, kept, set_aside, reading, their_by, row.updated_by, held.clock)
        else:
            self._record(row, change, name, kept, set_aside, held.clock, row.updated_by, their_by, reading)

    def _record(self, row: m.Record, change: Change, name: str, kept: Any, other: Any, kept_clock: str,
                kept_by: str, other_by: str, other_clock: str) -> None:
        self.session.add(m.SyncConflict(
            entity=change.entity, row_uuid=row.id, field=name,
            kept_value=json.dumps(changes.to_json(kept), ensure_ascii=False),
            other_value=json.dumps(changes.to_json(other), ensure_ascii=False),
            kept_clock=kept_clock, kept_by=kept_by or "", other_clock=other_clock, other_by=other_by or "",
            detected_at=datetime.now(UTC).replace(tzinfo=None, microsecond=0)))
        self.conflicts += 1


def _member(session: Session) -> Membership:
    member = membership(session)
    if member is None:
        raise NotAMember()
    return member


def pending_changes(store: Store) -> int:
    with store.snapshot() as session:
        return int(session.scalar(select(func.count()).select_from(m.SyncOutbox)) or 0)

