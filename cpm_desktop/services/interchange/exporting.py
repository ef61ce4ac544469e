"""Exporting the store as interchange files: the exact inverse of importing.

Rows are streamed from the store sorted by their interchange id (history files: by the record they belong
to, then as they happened), written to a partial file beside the target and renamed into place, so an
interrupted export never leaves a half-written file behind. Text a spreadsheet would run as a formula is
escaped (``domain.interchange``).
"""
from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Result, func, literal_column, select
from sqlalchemy.orm import Session, aliased

from cpm_desktop.domain.interchange import escape_cell
from cpm_desktop.services.files import make_private_folder, private_file
from cpm_desktop.services.interchange.columns import FILE_ORDER, INTERCHANGE_COLUMNS, filename
from cpm_desktop.services.interchange.coverage import MODEL_OF
from cpm_desktop.services.interchange.reading import ImportCancelled
from cpm_desktop.storage import audit
from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import Store

Progress = Callable[[int, int, str], object]
Rows = Result[Any]


@dataclass
class ExportSummary:
    rows: dict[str, int] = field(default_factory=dict)

    def __str__(self) -> str:
        parts = [f"{n:,} {stem.replace('_', ' ')}" for stem, n in self.rows.items() if n]  # empty files go unsaid
        return ", ".join(parts) if parts else "no records (every file has only its header)"


_CELLS: dict[type, Callable[[Any], str]] = {
    str: escape_cell,  # text a spreadsheet would run as a formula gets its apostrophe
    type(None): lambda value: "",
    bool: lambda value: "yes" if value else "no",
    datetime: lambda value: value.strftime("%Y-%m-%dT%H:%M"),
    date: date.isoformat,
    int: str,  # whole numbers, never negative in the store: never escaped
}


def cell(value: object) -> str:
    """A stored value as its interchange cell (looked up by type: an export formats millions of them)."""
    return _CELLS[type(value)](value)


def _live(model: Any) -> ColumnElement[bool]:
    return model.deleted_at.is_(None)  # type: ignore[no-any-return]


def _written(model: Any) -> ColumnElement[Any]:
    """The order rows were written in (SQLite's rowid): what tells apart rows of one record made the same day."""
    return literal_column(f"{model.__tablename__}.rowid")


def _live_only(model: type[m.Base]) -> tuple[ColumnElement[bool], ...]:
    return (_live(model),) if issubclass(model, m.Record) else ()


def _streamed(session: Session, query: Any, per: int = 5000) -> Rows:  # Any: selects of any shape
    return session.execute(query.execution_options(yield_per=per))


def _vocabulary_rows(session: Session) -> Rows:
    v = m.VocabularyEntry
    return _streamed(session, select(v.kind, v.code, v.label).order_by(v.kind, v.code))


def _referral_rows(session: Session) -> Rows:
    p, r, o = m.Person, m.Referral, m.Organisation
    query = (
        select(r.referral_id, p.person_id, r.referred_on, p.first_name, p.last_name, p.date_of_birth,
               r.age_at_referral, p.gender, r.address, r.postcode, r.phone, r.email, r.area, o.name,
               r.referrer_name, r.referrer_email, r.referrer_phone, r.crime_reference, r.description, r.consent,
               r.victim, r.perpetrator, r.victim_crimes, r.perpetrator_crimes, r.vulnerabilities, r.outcome,
               r.decided_on, r.first_contact_on, r.closed_on, r.closure_reason, r.feedback_sent_on,
               r.police_calls_before, r.police_calls_after,
               r.under_18_reason, r.consent_on, r.decision_reason, r.decided_by, r.police_calls_source)
        .join(p, p.id == r.person_uuid)
        .outerjoin(o, o.id == r.organisation_uuid)
        .where(_live(r))
        .order_by(r.referral_id)
    )
    return _streamed(session, query)


def _mentor_rows(session: Session) -> Rows:
    t = m.Mentor
    last_check = (select(func.max(m.ProgressCheck.checked_on))
                  .where(m.ProgressCheck.mentor_uuid == t.id, _live(m.ProgressCheck))
                  .scalar_subquery())
    query = (
        select(t.mentor_id, t.first_name, t.last_name, t.gender, t.date_of_birth, t.phone, t.email, t.area,
               t.cohort, t.training_completed_on, t.dbs_checked_on, t.safeguarding_completed_on, t.status,
               t.left_on, t.left_reason, t.lived_experience, t.former_client, last_check, t.other_areas,
               t.status_reason, t.capacity, t.availability)
        .where(_live(t)).order_by(t.mentor_id)
    )
    return _streamed(session, query)


def _allocation_rows(session: Session) -> Rows:
    a, r, t = m.Allocation, m.Referral, m.Mentor
    query = (
        select(r.referral_id, t.mentor_id, a.allocated_on, a.ended_on, a.end_reason, a.single_reason)
        .join(r, r.id == a.referral_uuid).join(t, t.id == a.mentor_uuid)
        .where(_live(a), _live(r), _live(t))
        .order_by(r.referral_id, t.mentor_id, a.allocated_on)
    )
    return _streamed(session, query)


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
    return _streamed(session, query, 10000)


def _goal_rows(session: Session) -> Rows:
    g, r = m.Goal, m.Referral
    query = (
        select(g.goal_id, r.referral_id, g.set_on, g.goal, g.reality, g.options, g.way_forward, g.commitment,
               g.status, g.reviewed_on)
        .join(r, r.id == g.referral_uuid).where(_live(g), _live(r)).order_by(g.goal_id)
    )
    return _streamed(session, query)

def _referral_event_rows(session: Session) -> Rows:
    e, r = m.ReferralEvent, m.Referral
    return _streamed(session, select(e.id, r.referral_id, e.kind, e.happened_on, e.outcome, e.reason, e.by)
                     .join(r, r.id == e.referral_uuid).where(_live(e), _live(r))
                     .order_by(r.referral_id, e.happened_on, e.created_at, _written(e)))


def _assessment_rows(session: Session) -> Rows:
    a, r = m.RiskAssessment, m.Referral
    return _streamed(session, select(a.id, r.referral_id, a.assessed_on, a.assessed_by, a.kind, a.danger_to_staff,
                                     a.will_to_change, a.want_to_change, a.capacity_to_change, a.notes)
                     .join(r, r.id == a.referral_uuid).where(_live(a), _live(r))
                     .order_by(r.referral_id, a.assessed_on, a.created_at, _written(a)))


def _of_live_assessments(query: Any, model: Any) -> Any:
    a, r = m.RiskAssessment, m.Referral
    return (query.join(a, a.id == model.assessment_uuid).join(r, r.id == a.referral_uuid)
            .where(_live(model), _live(a), _live(r))
            .order_by(r.referral_id, a.assessed_on, a.created_at, _written(a), model.created_at, _written(model)))


def _risk_check_rows(session: Session) -> Rows:
    c = m.RiskCheck
    return _streamed(session, _of_live_assessments(
        select(c.id, c.assessment_uuid, c.source, c.checked_on, c.findings), c))


def _professional_rows(session: Session) -> Rows:
    p = m.ProfessionalConsulted
    return _streamed(session, _of_live_assessments(
        select(p.id, p.assessment_uuid, p.name, p.organisation, p.advice, p.consulted_on), p))


def _flag_rows(session: Session) -> Rows:
    f, r = m.RiskFlag, m.Referral
    return _streamed(session, select(f.id, r.referral_id, f.flag, f.raised_on, f.cleared_on, f.notes)
                     .join(r, r.id == f.referral_uuid).where(_live(f), _live(r))
                     .order_by(r.referral_id, f.raised_on, f.created_at, _written(f)))


def _visit_rows(session: Session) -> Rows:
    v, r = m.HomeVisit, m.Referral
    return _streamed(session, select(v.id, r.referral_id, v.visit_on, v.status, v.visitors, v.joint_with_referrer,
                                     v.notes)
                     .join(r, r.id == v.referral_uuid).where(_live(v), _live(r))
                     .order_by(r.referral_id, v.visit_on, v.created_at, _written(v)))


def _goal_review_rows(session: Session) -> Rows:
    gr, g, r = m.GoalReview, m.Goal, m.Referral
    return _streamed(session, select(gr.id, g.goal_id, gr.reviewed_on, gr.status, gr.commitment, gr.notes)
                     .join(g, g.id == gr.goal_uuid).join(r, r.id == g.referral_uuid)
                     .where(_live(gr), _live(g), _live(r))
                     .order_by(g.goal_id, gr.reviewed_on, gr.created_at, _written(gr)))


def _status_change_rows(session: Session) -> Rows:
    s, t = m.MentorStatusChange, m.Mentor
    return _streamed(session, select(s.id, t.mentor_id, s.changed_on, s.status, s.reason)
                     .join(t, t.id == s.mentor_uuid).where(_live(s), _live(t))
                     .order_by(t.mentor_id, s.changed_on, s.created_at, _written(s)))


def _progress_check_rows(session: Session) -> Rows:
    p, t = m.ProgressCheck, m.Mentor
    return _streamed(session, select(p.id, t.mentor_id, p.checked_on, p.checked_by, p.notes)
                     .join(t, t.id == p.mentor_uuid).where(_live(p), _live(t))
                     .order_by(t.mentor_id, p.checked_on, p.created_at, _written(p)))


def _revision_rows(session: Session) -> Rows:
    v, c, r = m.ContactRevision, m.Contact, m.Referral
    mentor = aliased(m.Mentor)
    # In the order the versions were replaced: that order is all that tells them apart.
    return _streamed(session, select(v.id, c.contact_id, v.occurred_at, v.activity, v.minutes, mentor.mentor_id,
                                     v.staff_name, v.notes)
                     .join(c, c.id == v.contact_uuid).join(r, r.id == c.referral_uuid)
                     .outerjoin(mentor, mentor.id == v.mentor_uuid)
                     .where(_live(v), _live(c), _live(r))
                     .order_by(c.contact_id, v.created_at, _written(v)))


def _request_rows(session: Session) -> Rows:
    q, p, t, r = m.SubjectAccessRequest, m.Person, m.Mentor, m.Referral
    # A person is in the files through their referrals: a request about someone with none is not exported.
    referred = select(r.id).where(r.person_uuid == p.id, _live(r)).exists()
    subject_id = func.coalesce(p.person_id, t.mentor_id)
    return _streamed(session, select(q.id, q.subject_kind, subject_id, q.received_on, q.identity_checked_on,
                                     q.paused_days, q.extension_months, q.extension_reason, q.completed_on, q.notes)
                     .outerjoin(p, (q.subject_kind == "person") & (p.id == q.subject_uuid) & _live(p) & referred)
                     .outerjoin(t, (q.subject_kind == "mentor") & (t.id == q.subject_uuid) & _live(t))
                     .where(_live(q), subject_id.is_not(None))
                     .order_by(q.subject_kind, subject_id, q.received_on, q.created_at, _written(q)))


_ROWS: dict[str, Callable[[Session], Rows]] = {
    "vocabulary": _vocabulary_rows, "mentors": _mentor_rows, "mentor_status_changes": _status_change_rows,
    "progress_checks": _progress_check_rows, "referrals": _referral_rows, "referral_events": _referral_event_rows,
    "risk_assessments": _assessment_rows, "risk_checks": _risk_check_rows,
    "professionals_consulted": _professional_rows, "risk_flags": _flag_rows, "home_visits": _visit_rows,
    "allocations": _allocation_rows, "contacts": _contact_rows, "contact_revisions": _revision_rows,
    "goals": _goal_rows, "goal_reviews": _goal_review_rows, "subject_access_requests": _request_rows,
}


def export_folder(store: Store, folder: Path, *, progress: Progress | None = None) -> ExportSummary:
    """Write every interchange file into ``folder`` (created if needed)."""
    folder = make_private_folder(folder)
    summary = ExportSummary()
    exported: list[tuple[str, str]] = []
    # One snapshot, so the files agree with each other; read without the write lock, so saves carry on.
    with store.snapshot() as session:
        total = sum(session.scalar(select(func.count()).select_from(model).where(*_live_only(model))) or 0
                    for model in MODEL_OF.values())
        done = 0
        for stem in FILE_ORDER:
            def report(n: int, stem: str = stem, base: int = done) -> None:
                if progress and progress(min(base + n, total), total, f"Writing {filename(stem)}") is False:
                    raise ImportCancelled()

            count = _write_csv(folder / filename(stem), INTERCHANGE_COLUMNS[stem], _ROWS[stem](session), report)
            done += count
            summary.rows[stem] = count
            exported.append((MODEL_OF[stem].__tablename__, f"{count} rows to {filename(stem)}"))
    with store.transaction() as session:
        for table, detail in exported:
            audit.record_access(session, "export", table, detail=detail)
    if progress:
        progress(total, total, "Export written")
    return summary


def _write_csv(path: Path, header: tuple[str, ...], rows: Iterable[Any], report: Callable[[int], None]) -> int:
    count = 0
    with private_file(path, "w", newline="") as handle:  # owner-only, whole or not at all
        writer = csv.writer(handle, lineterminator="\r\n")  # RFC 4180
        writer.writerow(header)
        for row in rows:
            writer.writerow([cell(value) for value in row])
            count += 1
            if count % 5000 == 0:
                report(count)
    report(count)
    return count
