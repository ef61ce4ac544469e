"""The mentor register and the waiting lists the 2018 evaluation asked the scheme to watch."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date, timedelta

from sqlalchemy import exists, func, select

from cpm_desktop.domain.vocabulary import join_codes, split_codes
from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import Store

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
    uuid: str | None = None
    mentor_id: str = field(default="", compare=False)


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


def _next_mentor_id(session) -> str:
    largest = 0
    for (value,) in session.execute(select(m.Mentor.mentor_id).where(m.Mentor.mentor_id.like("M%"))):
        found = re.match(r"^M(\d+)$", value)
        if found:
            largest = max(largest, int(found.group(1)))
    return f"M{largest + 1:04d}"


def load_mentor(store: Store, mentor_uuid: str) -> MentorForm:
    with store.transaction() as session:
        row = session.get(m.Mentor, mentor_uuid)
        values = {f.name: getattr(row, f.name) for f in fields(MentorForm) if f.name not in ("uuid",)}
    values["lived_experience"] = tuple(split_codes(values["lived_experience"]))
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
    if not 1 <= form.capacity <= 10:
        raise MentorError("A mentor supports 1 to 10 clients at once.")
    with store.transaction() as session:
        mentor = session.get(m.Mentor, form.uuid) if form.uuid else m.Mentor(mentor_id=_next_mentor_id(session))
        old_status = None if form.uuid is None else mentor.status
        mentor.first_name, mentor.last_name = form.first_name.strip(), form.last_name.strip()
        for name in ("phone", "email", "cohort", "status_reason", "availability"):
            setattr(mentor, name, getattr(form, name).strip() or None)
        for name in ("gender", "date_of_birth", "area", "training_completed_on", "dbs_checked_on",
                     "safeguarding_completed_on", "status", "former_client", "capacity"):
            setattr(mentor, name, getattr(form, name))
        mentor.left_on = (form.left_on or today) if form.status == "left" else None
        mentor.left_reason = form.left_reason if form.status == "left" else None
        mentor.lived_experience = join_codes(form.lived_experience)
        session.add(mentor)
        session.flush()
        if old_status != form.status:
            session.add(m.MentorStatusChange(mentor_uuid=mentor.id, status=form.status, changed_on=today,
                                             reason=form.status_reason.strip() or form.left_reason or None))
        form.uuid, form.mentor_id = mentor.id, mentor.mentor_id
    return form


def add_progress_check(store: Store, mentor_uuid: str, checked_on: date, notes: str = "") -> None:
    with store.transaction() as session:
        session.add(m.ProgressCheck(mentor_uuid=mentor_uuid, checked_on=checked_on,
                                    checked_by=session.info.get("actor"), notes=notes.strip() or None))


def mentor_list(store: Store) -> list[WaitingMentor]:
    """Every mentor, for the register (days = since training)."""
    t = m.Mentor
    today = date.today()
    with store.transaction() as session:
        rows = session.execute(select(t.id, t.mentor_id, t.first_name, t.last_name, t.area, t.training_completed_on)
                               .where(t.deleted_at.is_(None)).order_by(t.mentor_id)).all()
    return [WaitingMentor(u, i, f"{first} {last}", a, (today - d).days if d else None) for u, i, first, last, a, d in rows]


def clients_waiting(store: Store, today: date | None = None) -> list[WaitingClient]:
    """Supported, open cases with no mentor allocated, longest waiting first."""
    today = today or date.today()
    r, p, a = m.Referral, m.Person, m.Allocation
    with store.transaction() as session:
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
    today = today or date.today()
    t, a = m.Mentor, m.Allocation
    with store.transaction() as session:
        rows = session.execute(
            select(t.id, t.mentor_id, t.first_name, t.last_name, t.area, t.training_completed_on)
            .where(t.deleted_at.is_(None), t.status == "active", t.training_completed_on.is_not(None),
                   ~exists().where(a.mentor_uuid == t.id, a.deleted_at.is_(None)))).all()
    waiting = [WaitingMentor(u, i, f"{first} {last}", area, (today - trained).days) for u, i, first, last, area, trained in rows]
    return sorted(waiting, key=lambda w: -(w.days or 0))


def progress_checks_overdue(store: Store, today: date | None = None) -> list[WaitingMentor]:
    """Active mentors nobody has talked to about their progress in the last 90 days."""
    today = today or date.today()
    t, c = m.Mentor, m.ProgressCheck
    last = (select(c.mentor_uuid, func.max(c.checked_on).label("last")).where(c.deleted_at.is_(None))
            .group_by(c.mentor_uuid).subquery())
    with store.transaction() as session:
        rows = session.execute(
            select(t.id, t.mentor_id, t.first_name, t.last_name, t.area, last.c.last)
            .outerjoin(last, last.c.mentor_uuid == t.id)
            .where(t.deleted_at.is_(None), t.status == "active")).all()
    cutoff = today - timedelta(days=PROGRESS_CHECK_DAYS)
    overdue = [WaitingMentor(u, i, f"{first} {last}", area, (today - checked).days if checked else None)
               for u, i, first, last, area, checked in rows if checked is None or checked < cutoff]
    return sorted(overdue, key=lambda w: -(w.days if w.days is not None else 10**6))
