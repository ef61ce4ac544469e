"""The mentor register and the waiting lists the 2018 evaluation asked the scheme to watch."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, timedelta

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from cpm_desktop.domain import ids
from cpm_desktop.domain.matching import MentorFacts, why_not_allocatable
from cpm_desktop.domain.vocabulary import join_codes, split_codes
from cpm_desktop.services.allocation import allocation_counts
from cpm_desktop.services.records import live
from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import Store
from cpm_desktop.storage.ids import next_id

PROGRESS_CHECK_DAYS = 90


class MentorError(ValueError):
    pass


@dataclass
class MentorForm:
    first_name: str = ""
    last_name: str = ""
    gender: str | None = None
    date_of_birth: date | None = None
    phone: str = ""
    email: str = ""
    area: str | None = None
    other_areas: tuple[str, ...] = ()
    cohort: str = ""
    training_completed_on: date | None = None
    dbs_checked_on: date | None = None
    safeguarding_completed_on: date | None = None
    status: str = "in_training"
    status_reason: str = ""
    left_on: date | None = None
    left_reason: str | None = None
    lived_experience: tuple[str, ...] = ()
    former_client: bool = False
    capacity: int = 2
    availability: str = ""
    status_changed_on: date | None = None  # the day a change of status took effect (default: today)
    uuid: str | None = None
    mentor_id: str = field(default="", compare=False)


@dataclass(frozen=True)
class MentorRow:
    """One line of the mentor register."""

    mentor_uuid: str
    mentor_id: str
    name: str
    area: str | None
    status: str
    open_allocations: int
    capacity: int
    trained_on: date | None
    last_check: date | None
    not_allocatable: str  # "" when the mentor may be allocated, else the reason (domain.matching)


@dataclass(frozen=True)
class StatusChange:
    status: str
    changed_on: date
    reason: str


@dataclass(frozen=True)
class ProgressCheckRow:
    uuid: str
    checked_on: date
    checked_by: str
    notes: str


@dataclass(frozen=True)
class WaitingClient:
    referral_uuid: str
    referral_id: str
    name: str
    area: str | None
    days_waiting: int


@dataclass(frozen=True)
class WaitingMentor:
    mentor_uuid: str
    mentor_id: str
    name: str
    area: str | None
    days: int | None  # since training (never allocated) or since the last progress check (None: never)


def load_mentor(store: Store, mentor_uuid: str) -> MentorForm:
    with store.transaction() as session:
        row = live(session, m.Mentor, mentor_uuid)
        if row is None:
            raise MentorError("That mentor is not in the register.")
        values = {f.name: getattr(row, f.name) for f in fields(MentorForm)
                  if f.name not in ("uuid", "status_changed_on")}
    values["lived_experience"] = tuple(split_codes(values["lived_experience"]))
    values["other_areas"] = tuple(split_codes(values["other_areas"]))
    for name in ("phone", "email", "cohort", "status_reason", "availability"):
        values[name] = values[name] or ""
    return MentorForm(**values, uuid=mentor_uuid)


def save_mentor(store: Store, form: MentorForm, today: date | None = None) -> MentorForm:
    """Create or update a mentor; a change of status is kept as dated history."""
    today = today or date.today()
    if not form.first_name.strip() or not form.last_name.strip():
        raise MentorError("Give the mentor's first and last name.")
    if form.status == "left" and not form.left_reason:
        raise MentorError("Give the reason the mentor left.")
    if form.status in ("sabbatical",) and not form.status_reason.strip():
        raise MentorError("Give the reason for the sabbatical.")
    if form.status_changed_on and form.status_changed_on > today:
        raise MentorError("A change of status cannot be dated in the future.")
    if not 1 <= form.capacity <= 10:
        raise MentorError("A mentor supports 1 to 10 clients at once.")
    with store.transaction() as session:
        if form.uuid:
            found = live(session, m.Mentor, form.uuid)
            if found is None:
                raise MentorError("That mentor is no longer in the register; nothing was saved.")
            mentor, old_status = found, found.status
        else:
            mentor, old_status = m.Mentor(mentor_id=next_id(session, ids.MENTOR)), None
        mentor.first_name, mentor.last_name = form.first_name.strip(), form.last_name.strip()
        for name in ("phone", "email", "cohort", "status_reason", "availability"):
            setattr(mentor, name, getattr(form, name).strip() or None)
        for name in ("gender", "date_of_birth", "area", "training_completed_on", "dbs_checked_on",
                     "safeguarding_completed_on", "status", "former_client", "capacity"):
            setattr(mentor, name, getattr(form, name))
        mentor.left_on = (form.left_on or today) if form.status == "left" else None
        mentor.left_reason = form.left_reason if form.status == "left" else None
        mentor.lived_experience = join_codes(form.lived_experience)
        mentor.other_areas = join_codes(code for code in form.other_areas if code != form.area)
        session.add(mentor)
        session.flush()
        if old_status != form.status:
            session.add(m.MentorStatusChange(mentor_uuid=mentor.id, status=form.status,
                                             changed_on=form.status_changed_on or today,
                                             reason=form.status_reason.strip() or form.left_reason or None))
        form.uuid, form.mentor_id = mentor.id, mentor.mentor_id
    return form


def add_progress_check(store: Store, mentor_uuid: str, checked_on: date, notes: str = "", checked_by: str = "",
                       today: date | None = None) -> str:
    """Record a coordinator's talk with a mentor about their progress (who: the given name, else the user)."""
    if checked_on > (today or date.today()):
        raise MentorError("A progress check cannot be dated in the future.")
    with store.transaction() as session:
        mentor = session.get(m.Mentor, mentor_uuid)
        if mentor is None or mentor.deleted_at is not None:
            raise MentorError("That mentor is not in the register.")
        check = m.ProgressCheck(mentor_uuid=mentor_uuid, checked_on=checked_on,
                                checked_by=checked_by.strip() or session.info.get("actor"),
                                notes=notes.strip() or None)
        session.add(check)
        session.flush()
        return check.id


def status_history(store: Store, mentor_uuid: str) -> list[StatusChange]:
    """The mentor's changes of status, latest first."""
    s = m.MentorStatusChange
    with store.transaction() as session:
        rows = session.execute(select(s.status, s.changed_on, s.reason)
                               .where(s.mentor_uuid == mentor_uuid, s.deleted_at.is_(None))
                               .order_by(s.changed_on.desc(), s.created_at.desc())).all()
    return [StatusChange(status, on, reason or "") for status, on, reason in rows]


def progress_checks(store: Store, mentor_uuid: str) -> list[ProgressCheckRow]:
    """The progress checks with a mentor, latest first."""
    c = m.ProgressCheck
    with store.transaction() as session:
        rows = session.execute(select(c.id, c.checked_on, c.checked_by, c.notes)
                               .where(c.mentor_uuid == mentor_uuid, c.deleted_at.is_(None))
                               .order_by(c.checked_on.desc(), c.created_at.desc())).all()
    return [ProgressCheckRow(u, on, by or "", notes or "") for u, on, by, notes in rows]


def mentor_list(store: Store, today: date | None = None) -> list[MentorRow]:
    """Every mentor in the register, with their load, last progress check and whether they may be allocated."""
    today = today or date.today()
    t, c = m.Mentor, m.ProgressCheck
    with store.transaction() as session:
        counts = allocation_counts(session)
        last = dict(iter(session.execute(select(c.mentor_uuid, func.max(c.checked_on)).where(c.deleted_at.is_(None))
                                         .group_by(c.mentor_uuid))))
        rows = session.execute(select(t.id, t.mentor_id, t.first_name, t.last_name, t.area, t.status, t.capacity,
                                      t.training_completed_on, t.dbs_checked_on, t.safeguarding_completed_on)
                               .where(t.deleted_at.is_(None)).order_by(t.mentor_id)).all()
    return [MentorRow(r.id, r.mentor_id, f"{r.first_name} {r.last_name}", r.area, r.status,
                      counts.get(r.id, (0, 0))[0], r.capacity, r.training_completed_on, last.get(r.id),
                      why_not_allocatable(MentorFacts(r.status, r.dbs_checked_on, r.safeguarding_completed_on,
                                                      counts.get(r.id, (0, 0))[0], r.capacity), today) or "")
            for r in rows]


def clients_waiting(store: Store, today: date | None = None) -> list[WaitingClient]:
    """Supported, open cases with no mentor allocated, longest waiting first."""
    with store.transaction() as session:
        return clients_waiting_in(session, today or date.today())


def clients_waiting_in(session: Session, today: date) -> list[WaitingClient]:
    """As :func:`clients_waiting`, read in the caller's session."""
    r, p, a = m.Referral, m.Person, m.Allocation
    rows = session.execute(
        select(r.id, r.referral_id, p.first_name, p.last_name, r.area, r.decided_on, r.referred_on)
        .join(p, p.id == r.person_uuid)
        .where(r.deleted_at.is_(None), r.outcome == "supported", r.closed_on.is_(None),
               ~exists().where(a.referral_uuid == r.id, a.ended_on.is_(None), a.deleted_at.is_(None)))).all()
    waiting = [WaitingClient(u, i, f"{first} {last}", area, (today - (decided or referred)).days)
               for u, i, first, last, area, decided, referred in rows]
    return sorted(waiting, key=lambda w: -w.days_waiting)


def mentors_never_allocated(store: Store, today: date | None = None) -> list[WaitingMentor]:
    """Trained, active mentors who have never had a client, longest since training first."""
    with store.transaction() as session:
        return never_allocated_in(session, today or date.today())


def never_allocated_in(session: Session, today: date) -> list[WaitingMentor]:
    """As :func:`mentors_never_allocated`, read in the caller's session."""
    t, a = m.Mentor, m.Allocation
    rows = session.execute(
        select(t.id, t.mentor_id, t.first_name, t.last_name, t.area, t.training_completed_on)
        .where(t.deleted_at.is_(None), t.status == "active", t.training_completed_on.is_not(None),
               ~exists().where(a.mentor_uuid == t.id, a.deleted_at.is_(None)))).all()
    waiting = [WaitingMentor(u, i, f"{first} {last}", area, (today - trained).days if trained else None)
               for u, i, first, last, area, trained in rows]
    return sorted(waiting, key=lambda w: -(w.days or 0))


def progress_checks_overdue(store: Store, today: date | None = None) -> list[WaitingMentor]:
    """Active mentors nobody has talked to about their progress in the last 90 days."""
    with store.transaction() as session:
        return checks_overdue_in(session, today or date.today())


def checks_overdue_in(session: Session, today: date) -> list[WaitingMentor]:
    """As :func:`progress_checks_overdue`, read in the caller's session."""
    t, c = m.Mentor, m.ProgressCheck
    last = (select(c.mentor_uuid, func.max(c.checked_on).label("last")).where(c.deleted_at.is_(None))
            .group_by(c.mentor_uuid).subquery())
    rows = session.execute(
        select(t.id, t.mentor_id, t.first_name, t.last_name, t.area, last.c.last)
        .outerjoin(last, last.c.mentor_uuid == t.id)
        .where(t.deleted_at.is_(None), t.status == "active")).all()
    cutoff = today - timedelta(days=PROGRESS_CHECK_DAYS)
    overdue = [WaitingMentor(u, i, f"{first} {last}", area, (today - checked).days if checked else None)
               for u, i, first, last, area, checked in rows if checked is None or checked < cutoff]
    return sorted(overdue, key=lambda w: -(w.days if w.days is not None else 10**6))
