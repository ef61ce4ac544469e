"""Retention and erasure: what the rules make due, erasing it for real, and erasure on request.

The rules are data (``domain/retention.py``; shipped defaults in ``resources/retention_defaults.toml``, the
lead's own under the setting "retention", which travels over sync). Listing what is due writes nothing.
Erasing removes the rows, what is recorded on them and the audit events about them, leaves a tombstone for
each, then clears the freed pages and the write-ahead log (``storage/erasure.py``). A record under a legal
hold, or whose subject has an open subject-access request, is kept and says why.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from cpm_desktop.domain import retention as rules_of
from cpm_desktop.domain.retention import Due, RetentionRules, RuleError
from cpm_desktop.services import stores
from cpm_desktop.services.settings import RETENTION, get_setting, set_setting, setting_in
from cpm_desktop.storage import audit, changes, erasure
from cpm_desktop.storage import models as m
from cpm_desktop.storage.device import device_identity
from cpm_desktop.storage.engine import Store
from cpm_desktop.storage.restore import Restored
from cpm_desktop.sync.engine import MODELS, ORDER  # the order parents come in (erased in reverse)

CASE, MENTOR, AUDIT = "case", "mentor", "audit"
Progress = Callable[[str], object]


class ErasureRefused(ValueError):
    """An erasure that may not happen (a hold, an open request, not the lead), as one sentence."""


# --- the rules ------------------------------------------------------------------------------------------


def retention_rules(store: Store) -> RetentionRules:
    return RetentionRules.from_mapping(get_setting(store, RETENTION))


def retention_rules_in(session: Session) -> RetentionRules:
    """As :func:`retention_rules`, read in the caller's session (one read with what else it shows)."""
    return RetentionRules.from_mapping(setting_in(session, RETENTION))


def save_retention_rules(store: Store, months: dict[str, int]) -> RetentionRules:
    """The lead's periods (rule key -> months); the bases in words stay. Raises RuleError, saving nothing."""
    rules = retention_rules(store)
    for key, value in months.items():
        if key not in rules_of.RULE_KEYS:
            raise RuleError(f"There is no retention rule {key!r}.")
        rules = rules.with_months(key, value)
    set_setting(store, RETENTION, rules.to_mapping())
    return rules


# --- what is due -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DueItem:
    """One line of the "Due for deletion" list. ``kept`` says why it is kept although due (else empty)."""

    kind: str  # case | mentor | audit
    uuid: str  # the referral's or mentor's uuid; "" for the audit events
    label: str
    reason: str
    since: date
    rule: str  # the rule in words, as the tombstones will carry it
    kept: str = ""
    count: int = 1  # audit events: how many
    subject_kind: str = ""  # person | mentor: whom a legal hold would name
    subject_id: str = ""

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.uuid}"


def due_for_deletion(store: Store, today: date | None = None) -> list[DueItem]:
    """What the rules make due today, oldest first, each with why and since when; writes nothing."""
    today = today or date.today()
    with store.snapshot() as session:  # one read: the rules and the records they are applied to
        return _due(session, retention_rules_in(session), today)


def _due(session: Session, rules: RetentionRules, today: date) -> list[DueItem]:
    holds = _holds(session, today)
    open_requests = _open_requests(session)
    items: list[DueItem] = []
    r, p = m.Referral, m.Person
    cases = session.execute(select(r.id, r.referral_id, r.outcome, r.decided_on, r.closed_on, p.id, p.person_id)
                            .join(p, p.id == r.person_uuid).where(r.outcome != "pending")).all()
    for referral_uuid, referral_id, outcome, decided_on, closed_on, person_uuid, person_id in cases:
        due = rules_of.case_due(rules, outcome=outcome, decided_on=decided_on, closed_on=closed_on, today=today)
        if due is not None:  # names are read only for what is due
            first, last = session.execute(select(p.first_name, p.last_name).where(p.id == person_uuid)).one()
            items.append(_item(CASE, referral_uuid, f"Case {referral_id}: {first} {last} ({person_id})", due,
                               holds.get(person_uuid) or open_requests.get(person_uuid), "person", person_id))
    sabbaticals = _sabbaticals(session)
    for mentor in session.scalars(select(m.Mentor).where(m.Mentor.status.in_((rules_of.LEFT, rules_of.SABBATICAL)))):
        due = rules_of.mentor_due(rules, status=mentor.status, left_on=mentor.left_on,
                                  sabbatical_since=sabbaticals.get(mentor.id), today=today)
        if due is not None:
            label = f"Mentor {mentor.mentor_id}: {mentor.first_name} {mentor.last_name}"
            items.append(_item(MENTOR, mentor.id, label, due, holds.get(mentor.id) or open_requests.get(mentor.id),
                               "mentor", mentor.mentor_id))
    cutoff = rules_of.audit_cutoff(rules, today)
    old = session.execute(select(func.count(), func.min(m.AuditEvent.at)).where(*_expired_events(cutoff))).one()
    if old[0]:
        due = Due(rules.audit, old[1].date(), rules.audit.due_since(old[1].date()))
        items.append(DueItem(AUDIT, "", f"{old[0]:,} audit events about no record (exports, imports, reports)",
                             f"Recorded before {cutoff:%d/%m/%Y}; {rules_of.describe(rules.audit)}", due.since,
                             _rule_words(due), count=int(old[0])))
    return sorted(items, key=lambda item: (item.since, item.label))


def _item(kind: str, uuid: str, label: str, due: Due, kept: str | None, subject_kind: str,
          subject_id: str) -> DueItem:
    return DueItem(kind, uuid, label, due.reason(), due.since, _rule_words(due), kept or "",
                   subject_kind=subject_kind, subject_id=subject_id)


def _rule_words(due: Due) -> str:
    return f"retention rule {due.rule.key}: {rules_of.describe(due.rule)}"


def _expired_events(cutoff: date) -> tuple[ColumnElement[bool], ...]:
    e = m.AuditEvent
    return (e.record_uuid.is_(None), e.subject_uuid.is_(None), e.at < datetime.combine(cutoff, time()))


def _holds(session: Session, today: date) -> dict[str, str]:
    h = m.RetentionHold
    found: dict[str, str] = {}
    for hold in session.scalars(select(h).where(h.deleted_at.is_(None)).order_by(h.until.is_(None), h.until)):
        if hold.until is None or hold.until >= today:
            until = f"until {hold.until:%d/%m/%Y}" if hold.until else "until it is lifted"
            found[hold.subject_uuid] = f"Kept: a legal hold {until} ({hold.reason})"
    return found


def _open_requests(session: Session) -> dict[str, str]:
    q = m.SubjectAccessRequest
    return {request.subject_uuid: f"Kept: a subject-access request received on {request.received_on:%d/%m/%Y} is "
                                  "still open"
            for request in session.scalars(select(q).where(q.deleted_at.is_(None), q.completed_on.is_(None),
                                                           q.request_kind == "access"))}


def _sabbaticals(session: Session) -> dict[str, date]:
    """When each mentor's current sabbatical began (their latest status change, if it was to sabbatical)."""
    s = m.MentorStatusChange
    latest: dict[str, tuple[date, str]] = {}
    for mentor_uuid, changed_on, status in session.execute(
            select(s.mentor_uuid, s.changed_on, s.status).where(s.deleted_at.is_(None)).order_by(s.changed_on)):
        latest[mentor_uuid] = (changed_on, status)
    return {uuid: on for uuid, (on, status) in latest.items() if status == rules_of.SABBATICAL}


# --- erasing what is due --------------------------------------------------------------------------------


@dataclass
class ErasureReport:
    erased_records: int = 0
    audit_events: int = 0
    kept: list[str] = field(default_factory=list)  # labels of items kept, with why
    wal_cleared: bool = True

    def sentence(self) -> str:
        text = (f"Erased {self.erased_records:,} record{'s' * (self.erased_records != 1)} and "
                f"{self.audit_events:,} audit event{'s' * (self.audit_events != 1)}")
        if self.kept:
            text += f"; kept {len(self.kept)} under a hold or an open request"
        text += "."
        if not self.wal_cleared:
            text += (" Another program has the store open, so its log file could not be emptied yet: close it "
                     "and run this again.")
        return text


def apply_retention(store: Store, keys: Iterable[str], today: date | None = None,
                    progress: Progress | None = None) -> ErasureReport:
    """Erase the due items named by ``keys`` (``DueItem.key``), checking again that each is due and not kept."""
    today = today or date.today()
    wanted = set(keys)
    rules = retention_rules(store)
    report = ErasureReport()
    with store.transaction() as session:
        _check_may_erase(session)
        _secure_delete(session)
        items = {item.key: item for item in _due(session, rules, today)}
        unknown = wanted - set(items)
        if unknown:
            raise ErasureRefused("Some of the records chosen are no longer due for deletion; list them again. "
                                 "Nothing was erased.")
        chosen = [items[key] for key in sorted(wanted)]
        report.kept = [f"{item.label}: {item.kept}" for item in chosen if item.kept]
        by_rule: dict[tuple[str, str], list[str]] = {}
        for item in chosen:
            if not item.kept:
                by_rule.setdefault((item.kind, item.rule), []).append(item.uuid)
        for (kind, rule), uuids in sorted(by_rule.items()):  # a few queries per rule, however many records
            if progress:
                progress(f"Erasing {len(uuids):,} under {rule}")
            if kind == CASE:
                _erase_cases(session, uuids, rule, today, report)
            elif kind == MENTOR:
                _count(report, erasure.erase_levels(session, erasure.mentors_levels(session, uuids), rule=rule,
                                                    today=today))
            else:
                report.audit_events += _erase_old_events(session, rules, today, rule)
        audit.record_access(session, "erase", "retention",
                            detail=f"{report.erased_records} records and {report.audit_events} audit events "
                                   "erased under the retention rules")
    _scrub(store, report)
    return report


def _erase_cases(session: Session, referral_uuids: list[str], rule: str, today: date, report: ErasureReport) -> None:
    """The cases, and the people whose last cases they are; a person with another case kept keeps their record."""
    r = m.Referral
    chosen = set(referral_uuids)
    people = {person for chunk in erasure.chunks(referral_uuids)
              for person in session.scalars(select(r.person_uuid).where(r.id.in_(chunk)))}
    cases_of: dict[str, set[str]] = {}
    for chunk in erasure.chunks(sorted(people)):
        for referral_uuid, person_uuid in session.execute(select(r.id, r.person_uuid).where(r.person_uuid.in_(chunk))):
            cases_of.setdefault(person_uuid, set()).add(referral_uuid)
    whole = sorted(person for person, cases in cases_of.items() if cases <= chosen)
    alone = sorted(chosen - {case for person in whole for case in cases_of[person]})
    if alone:
        _count(report, erasure.erase_levels(session, erasure.case_levels(session, alone), rule=rule, today=today))
    if whole:
        _count(report, erasure.erase_levels(session, erasure.people_levels(session, whole), rule=rule, today=today))


def _erase_old_events(session: Session, rules: RetentionRules, today: date, rule: str) -> int:
    ids = list(session.scalars(select(m.AuditEvent.id).where(*_expired_events(rules_of.audit_cutoff(rules, today)))))
    erasure.delete_audit_events(session, ids)
    reading = changes.next_reading(session)
    for event_id in ids:  # other laptops drop their copies too
        changes.stamp_erased(session, "audit_event", event_id, reading, rule)
    return len(ids)


def _count(report: ErasureReport, erased: erasure.Erased) -> None:
    report.erased_records += erased.count
    report.audit_events += erased.audit_events


def _check_may_erase(session: Session) -> None:
    identity = device_identity(session)
    if identity.code is not None and identity.role != "lead":
        raise ErasureRefused("Only the project lead erases records; nothing was erased.")


def _secure_delete(session: Session) -> None:
    """Pages this transaction frees are overwritten with zeros (the scrub then rebuilds the file)."""
    session.connection().exec_driver_sql("PRAGMA secure_delete = ON")


def _scrub(store: Store, report: ErasureReport) -> None:
    # Reports no progress: a Cancel pressed now must not stop the clearing of what is already erased.
    report.wal_cleared = erasure.scrub(store).wal_cleared


# --- erasure on request -----------------------------------------------------------------------------------


def erase_on_request(store: Store, *, kind: str, subject_id: str, reason: str, received_on: date | None = None,
                     today: date | None = None, progress: Progress | None = None) -> ErasureReport:
    """Erase a person or a mentor at their request (UK GDPR Art. 17), recording it in the request register.

    Refused, erasing nothing, while a legal hold stands or a subject-access request of theirs is open.
    """
    today = today or date.today()
    reason = reason.strip()
    if kind not in ("person", "mentor"):
        raise ValueError("Erase either a person or a mentor.")
    if not reason:
        raise ErasureRefused("Give the reason for the erasure (for example, how and when it was asked for).")
    if received_on is not None and received_on > today:
        raise ErasureRefused("The request cannot have been received in the future.")
    report = ErasureReport()
    with store.transaction() as session:
        _check_may_erase(session)
        _secure_delete(session)
        model, column = (m.Person, m.Person.person_id) if kind == "person" else (m.Mentor, m.Mentor.mentor_id)
        subject = session.scalar(select(model).where(column == subject_id))
        if subject is None:
            raise LookupError(f"There is no {kind} with the id {subject_id} in this store.")
        kept = _holds(session, today).get(subject.id) or _open_requests(session).get(subject.id)
        if kept:
            raise ErasureRefused(f"{kept}, so the {kind} {subject_id} was not erased.")
        rule = f"erasure request of {received_on or today:%d/%m/%Y}"
        levels = erasure.person_levels(session, subject.id) if kind == "person" \
            else erasure.mentor_levels(session, subject.id)
        _count(report, erasure.erase_levels(session, levels, rule=rule, today=today))
        session.add(m.SubjectAccessRequest(subject_kind=kind, subject_uuid=subject.id, request_kind="erasure",
                                           received_on=received_on or today, completed_on=today, paused_days=0,
                                           extension_months=0, notes=reason))
    _scrub(store, report)
    return report


# --- legal holds ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HoldRow:
    uuid: str
    subject_kind: str
    subject_id: str
    reason: str
    until: date | None


def place_hold(store: Store, *, kind: str, subject_id: str, reason: str, until: date | None = None,
               today: date | None = None) -> str:
    """Keep a person's or mentor's record past its retention period (a claim, an investigation)."""
    reason = reason.strip()
    if not reason:
        raise ValueError("Give the reason for the hold.")
    if until is not None and until < (today or date.today()):
        raise ValueError("A hold cannot end in the past.")
    with store.transaction() as session:
        model, column = (m.Person, m.Person.person_id) if kind == "person" else (m.Mentor, m.Mentor.mentor_id)
        subject = session.scalar(select(model).where(column == subject_id))
        if subject is None:
            raise LookupError(f"There is no {kind} with the id {subject_id} in this store.")
        hold = m.RetentionHold(subject_kind=kind, subject_uuid=subject.id, reason=reason, until=until)
        session.add(hold)
        session.flush()
        return hold.id


def lift_hold(store: Store, hold_uuid: str) -> None:
    with store.transaction() as session:
        hold = session.get(m.RetentionHold, hold_uuid)
        if hold is None or hold.deleted_at is not None:
            raise LookupError("That hold has already been lifted.")
        hold.deleted_at, hold.deleted_reason = audit.utcnow(), "lifted"


# --- backups ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TombstoneRow:
    row_uuid: str
    entity: str
    erased_on: date
    rule: str


def tombstones(store: Store, since: date | None = None) -> list[TombstoneRow]:
    """The store's tombstones (erased on or after ``since``): what a restored backup must erase again."""
    t = m.Tombstone
    with store.snapshot() as session:
        query = select(t).order_by(t.erased_on, t.row_uuid)
        if since is not None:
            query = query.where(t.erased_on >= since)
        return [TombstoneRow(x.row_uuid, x.entity, x.erased_on, x.rule) for x in session.scalars(query)]


def reapply_tombstones(store: Store, tombstones: Sequence[TombstoneRow], today: date | None = None) -> int:
    """Erase again, in a restored backup, what was erased after the backup was made; returns rows erased.

    ``restore_keeping_erasures`` (what ``cpm-desktop restore`` runs) calls it with the tombstones of the store
    it replaces, before the restored store is used or synced; the hub's erase changes reach a member again at
    its next sync too. Every erased row has its own tombstone, so each is erased with what hangs from it.
    """
    today = today or date.today()
    depth = {entity: index for index, entity in enumerate(ORDER)}
    report = ErasureReport()
    with store.transaction() as session:
        _secure_delete(session)
        by_entity: dict[str, list[TombstoneRow]] = {}
        for stone in tombstones:
            by_entity.setdefault(stone.entity, []).append(stone)
        levels: list[list[m.Record]] = []
        for entity in sorted(by_entity, key=lambda name: -depth.get(name, len(ORDER))):
            model = MODELS.get(entity)
            if model is not None:
                levels.append([row for stone in by_entity[entity] if (row := session.get(model, stone.row_uuid))])
                if model is m.Mentor:
                    for mentor in levels[-1]:
                        erasure.clear_references(session, mentor.id)
        if levels:
            _count(report, erasure.erase_levels(session, levels, rule="erased after this backup was made",
                                                today=today))
        for stone in tombstones:  # the original dates and rules, not the restore's
            held = session.get(m.Tombstone, stone.row_uuid)
            if held is None:
                session.add(m.Tombstone(row_uuid=stone.row_uuid, entity=stone.entity, erased_on=stone.erased_on,
                                        rule=stone.rule))
            else:
                held.erased_on, held.rule = stone.erased_on, stone.rule
    _scrub(store, report)
    return report.erased_records


def restore_keeping_erasures(store: Path, backup: Path, passphrase: str) -> tuple[Restored, int]:
    """Restore a backup in the place of ``store`` (``stores.restore_backup``), then erase again in it
    what the store it replaces had erased since; returns what was restored and how many rows were erased again.

    The tombstones are read from the store being replaced when it still opens; a store that is lost or too
    damaged to read has none to give, and a member laptop gets the erasures again from the hub at its next sync.
    """
    stones: list[TombstoneRow] = []
    if store.exists():
        try:
            with Store.open(store, passphrase, actor="restore") as current:
                stones = tombstones(current)
        except stores.StoreError:
            stones = []
    restored = stores.restore_backup(store, backup, passphrase)
    if not stones:
        return restored, 0
    with Store.open(restored.store, passphrase, actor="restore") as fresh:
        return restored, reapply_tombstones(fresh, stones)
