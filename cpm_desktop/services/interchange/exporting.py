"""Exporting the store as interchange files: the exact inverse of importing.

Rows are streamed from the store sorted by their interchange id, written to a partial file beside the
target and renamed into place, so an interrupted export never leaves a half-written file behind.
"""
from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, aliased

from cpm_desktop.services.interchange.columns import INTERCHANGE_COLUMNS, filename
from cpm_desktop.services.interchange.reading import ImportCancelled
from cpm_desktop.storage import audit
from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import Store

Progress = Callable[[int, int, str], object]
Rows = Iterable[Sequence[Any]]  # result rows, in the interchange columns' order


@dataclass
class ExportSummary:
    rows: dict[str, int] = field(default_factory=dict)

    def __str__(self) -> str:
        return ", ".join(f"{n:,} {stem}" for stem, n in self.rows.items())


def cell(value: object) -> str:
    """A stored value as its interchange cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _live(model: type[m.Record]) -> ColumnElement[bool]:
    return model.deleted_at.is_(None)


def _referral_rows(session: Session) -> Rows:
    p, r, o = m.Person, m.Referral, m.Organisation
    query = (
        select(r.referral_id, p.person_id, r.referred_on, p.first_name, p.last_name, p.date_of_birth,
               r.age_at_referral, p.gender, r.address, r.postcode, r.phone, r.email, r.area, o.name,
               r.referrer_name, r.referrer_email, r.referrer_phone, r.crime_reference, r.description, r.consent,
               r.victim, r.perpetrator, r.victim_crimes, r.perpetrator_crimes, r.vulnerabilities, r.outcome,
               r.decided_on, r.first_contact_on, r.closed_on, r.closure_reason, r.feedback_sent_on,
               r.police_calls_before, r.police_calls_after)
        .join(p, p.id == r.person_uuid)
        .outerjoin(o, o.id == r.organisation_uuid)
        .where(_live(r))
        .order_by(r.referral_id)
    )
    return session.execute(query.execution_options(yield_per=5000))


def _mentor_rows(session: Session) -> Rows:
    t = m.Mentor
    last_check = (select(func.max(m.ProgressCheck.checked_on))
                  .where(m.ProgressCheck.mentor_uuid == t.id, _live(m.ProgressCheck))
                  .scalar_subquery())
    query = (
        select(t.mentor_id, t.first_name, t.last_name, t.gender, t.date_of_birth, t.phone, t.email, t.area,
               t.cohort, t.training_completed_on, t.dbs_checked_on, t.safeguarding_completed_on, t.status,
               t.left_on, t.left_reason, t.lived_experience, t.former_client, last_check)
        .where(_live(t)).order_by(t.mentor_id)
    )
    return session.execute(query.execution_options(yield_per=5000))


def _allocation_rows(session: Session) -> Rows:
    a, r, t = m.Allocation, m.Referral, m.Mentor
    query = (
        select(r.referral_id, t.mentor_id, a.allocated_on, a.ended_on)
        .join(r, r.id == a.referral_uuid).join(t, t.id == a.mentor_uuid)
        .where(_live(a), _live(r), _live(t))
        .order_by(r.referral_id, t.mentor_id, a.allocated_on)
    )
    return session.execute(query.execution_options(yield_per=5000))


def _contact_rows(session: Session) -> Rows:
    c, r = m.Contact, m.Referral
    mentor = aliased(m.Mentor)
    query = (
        select(c.contact_id, r.referral_id, c.occurred_at, c.activity, c.minutes, mentor.mentor_id,
               c.staff_name, c.notes)
        .join(r, r.id == c.referral_uuid).outerjoin(mentor, mentor.id == c.mentor_uuid)
        .where(_live(c), _live(r))
        .order_by(c.contact_id)
    )
    return session.execute(query.execution_options(yield_per=10000))


def _goal_rows(session: Session) -> Rows:
    g, r = m.Goal, m.Referral
    query = (
        select(g.goal_id, r.referral_id, g.set_on, g.goal, g.reality, g.options, g.way_forward, g.commitment,
               g.status, g.reviewed_on)
        .join(r, r.id == g.referral_uuid).where(_live(g), _live(r)).order_by(g.goal_id)
    )
    return session.execute(query.execution_options(yield_per=5000))


_SOURCES = {
    "referrals": (m.Referral, _referral_rows),
    "mentors": (m.Mentor, _mentor_rows),
    "allocations": (m.Allocation, _allocation_rows),
    "contacts": (m.Contact, _contact_rows),
    "goals": (m.Goal, _goal_rows),
}


def export_folder(store: Store, folder: Path, *, progress: Progress | None = None) -> ExportSummary:
    """Write the five interchange files into ``folder`` (created if needed)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    summary = ExportSummary()
    exported: list[tuple[str, str]] = []
    # One snapshot, so the files agree with each other; read without the write lock, so saves carry on.
    with store.snapshot() as session:
        total = sum(session.scalar(select(func.count()).select_from(model).where(_live(model))) or 0
                    for model, _ in _SOURCES.values())
        done = 0
        for stem, (model, rows) in _SOURCES.items():
            def report(n: int, stem: str = stem, base: int = done) -> None:
                if progress and progress(base + n, total, f"Writing {filename(stem)}") is False:
                    raise ImportCancelled()

            count = _write_csv(folder / filename(stem), INTERCHANGE_COLUMNS[stem], rows(session), report)
            done += count
            summary.rows[stem] = count
            exported.append((model.__tablename__, f"{count} rows to {filename(stem)}"))
    with store.transaction() as session:
        for table, detail in exported:
            audit.record_access(session, "export", table, detail=detail)
    return summary


def _write_csv(path: Path, header: tuple[str, ...], rows: Rows, report: Callable[[int], None]) -> int:
    partial = path.with_name(path.name + ".partial")
    count = 0
    try:
        with partial.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")  # RFC 4180
            writer.writerow(header)
            for row in rows:
                writer.writerow([cell(value) for value in row])
                count += 1
                if count % 5000 == 0:
                    report(count)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    report(count)
    return count
