"""Risk assessment of a referral: dated assessments with their checks and the professionals consulted,
risk flags that follow the case, and home visits. Each entry is kept; a reassessment never overwrites.

The rules (which assessment comes next, what a typed row of checks is) are ``domain.risk``'s; the values
are re-exported here for the callers of this service.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cpm_desktop.domain.risk import (
    Assessment,
    AssessmentForm,
    AssessmentKind,
    Check,
    CheckRow,
    Professional,
    ProfessionalRow,
    RiskError,
    check_kind,
    next_assessment_kind,
)
from cpm_desktop.services.cases import CaseEvent, history_in
from cpm_desktop.services.records import live
from cpm_desktop.services.referrals import CaseHeader, header_in
from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import Store

__all__ = ["DANGER_LEVELS", "VISIT_STATUSES", "Assessment", "AssessmentForm", "AssessmentKind", "Check", "CheckRow",
           "Flag", "Professional", "ProfessionalRow", "RiskError", "RiskView", "Visit", "add_assessment",
           "assessments", "clear_flag", "flags", "raise_flag", "risk_view", "save_visit", "visits"]

DANGER_LEVELS = ("low", "medium", "high")
VISIT_STATUSES = ("planned", "done", "cancelled")


@dataclass(frozen=True)
class Flag:
    uuid: str
    flag: str
    raised_on: date
    cleared_on: date | None
    notes: str


@dataclass(frozen=True)
class Visit:
    visit_on: date
    status: str = "planned"
    visitors: str = ""
    joint_with_referrer: bool = False
    notes: str = ""
    uuid: str = field(default="", compare=False)


@dataclass(frozen=True)
class RiskView:
    """All the Risk pane shows of one case, read at one moment."""

    header: CaseHeader
    assessments: list[Assessment]  # newest first
    flags: list[Flag]  # raised and not cleared
    visits: list[Visit]  # newest first
    history: list[CaseEvent]  # decisions, closures and re-openings, newest first
    next_kind: AssessmentKind  # what the next assessment of the case is


def _referral(session: Session, referral_uuid: str) -> m.Referral:
    referral = live(session, m.Referral, referral_uuid)
    if referral is None:
        raise RiskError("That referral is no longer in the store.")
    return referral


def _assessment_count(session: Session, referral_uuid: str) -> int:
    a = m.RiskAssessment
    return session.scalar(select(func.count()).select_from(a).where(
        a.referral_uuid == referral_uuid, a.deleted_at.is_(None))) or 0


def add_assessment(store: Store, referral_uuid: str, assessment: Assessment, today: date | None = None) -> str:
    """Record an assessment; its kind is the next one's (``domain.risk.next_assessment_kind``)."""
    if assessment.assessed_on > (today or date.today()):
        raise RiskError("An assessment cannot be dated in the future.")
    if assessment.danger_to_staff not in (None, *DANGER_LEVELS):
        raise RiskError("Danger to staff is low, medium or high.")
    if any(not check.source.strip() for check in assessment.checks):
        raise RiskError("Each check needs the system or database that was checked.")
    if any(not person.name.strip() for person in assessment.professionals):
        raise RiskError("Each professional consulted needs a name.")
    with store.transaction() as session:
        referral = _referral(session, referral_uuid)
        kind = check_kind(assessment.kind, _assessment_count(session, referral.id))
        row = m.RiskAssessment(
            referral_uuid=referral.id, assessed_on=assessment.assessed_on,
            assessed_by=assessment.assessed_by or session.info.get("actor"), kind=kind.value,
            danger_to_staff=assessment.danger_to_staff, will_to_change=assessment.will_to_change,
            want_to_change=assessment.want_to_change, capacity_to_change=assessment.capacity_to_change,
            notes=assessment.notes or None)
        session.add(row)
        session.flush()
        session.add_all(m.RiskCheck(assessment_uuid=row.id, source=c.source.strip(), checked_on=c.checked_on,
                                    findings=c.findings or None) for c in assessment.checks)
        session.add_all(m.ProfessionalConsulted(assessment_uuid=row.id, name=p.name.strip(),
                                                organisation=p.organisation or None, advice=p.advice or None,
                                                consulted_on=p.consulted_on) for p in assessment.professionals)
        return row.id


def _assessments(session: Session, referral_uuid: str) -> list[Assessment]:
    a = m.RiskAssessment
    rows = session.scalars(select(a).where(a.referral_uuid == referral_uuid, a.deleted_at.is_(None))
                           .order_by(a.assessed_on.desc(), a.created_at.desc())).all()
    ids = [row.id for row in rows]
    checks: dict[str, list[Check]] = {}
    for c in session.scalars(select(m.RiskCheck).where(m.RiskCheck.assessment_uuid.in_(ids),
                                                       m.RiskCheck.deleted_at.is_(None))):
        checks.setdefault(c.assessment_uuid, []).append(Check(c.source, c.checked_on, c.findings or ""))
    people: dict[str, list[Professional]] = {}
    for p in session.scalars(select(m.ProfessionalConsulted).where(
            m.ProfessionalConsulted.assessment_uuid.in_(ids), m.ProfessionalConsulted.deleted_at.is_(None))):
        people.setdefault(p.assessment_uuid, []).append(
            Professional(p.name, p.organisation or "", p.advice or "", p.consulted_on))
    return [Assessment(row.assessed_on, AssessmentKind(row.kind), row.danger_to_staff, row.will_to_change,
                       row.want_to_change, row.capacity_to_change, row.notes or "", tuple(checks.get(row.id, ())),
                       tuple(people.get(row.id, ())), row.assessed_by or "", row.id) for row in rows]


def assessments(store: Store, referral_uuid: str) -> list[Assessment]:
    """The case's assessments, newest first, each with its checks and professionals."""
    with store.snapshot() as session:
        return _assessments(session, _referral(session, referral_uuid).id)


def raise_flag(store: Store, referral_uuid: str, flag: str, raised_on: date, notes: str = "") -> str:
    if not flag:
        raise RiskError("Choose the flag to raise.")
    with store.transaction() as session:
        referral = _referral(session, referral_uuid)
        existing = session.scalar(select(m.RiskFlag.id).where(
            m.RiskFlag.referral_uuid == referral.id, m.RiskFlag.flag == flag, m.RiskFlag.cleared_on.is_(None),
            m.RiskFlag.deleted_at.is_(None)))
        if existing:
            raise RiskError("That flag is already raised on this case.")
        row = m.RiskFlag(referral_uuid=referral.id, flag=flag, raised_on=raised_on, notes=notes or None)
        session.add(row)
        session.flush()
        return row.id


def clear_flag(store: Store, flag_uuid: str, cleared_on: date) -> None:
    with store.transaction() as session:
        row = live(session, m.RiskFlag, flag_uuid)
        if row is None:
            raise RiskError("That flag is no longer in the store.")
        if row.cleared_on is not None:
            raise RiskError("That flag is already cleared.")
        if cleared_on < row.raised_on:
            raise RiskError("A flag cannot be cleared before it was raised.")
        row.cleared_on = cleared_on


def _flags(session: Session, referral_uuid: str, include_cleared: bool) -> list[Flag]:
    f = m.RiskFlag
    query = select(f).where(f.referral_uuid == referral_uuid, f.deleted_at.is_(None)).order_by(f.raised_on.desc())
    if not include_cleared:
        query = query.where(f.cleared_on.is_(None))
    return [Flag(row.id, row.flag, row.raised_on, row.cleared_on, row.notes or "") for row in session.scalars(query)]


def flags(store: Store, referral_uuid: str, *, include_cleared: bool = False) -> list[Flag]:
    with store.snapshot() as session:
        return _flags(session, _referral(session, referral_uuid).id, include_cleared)


def save_visit(store: Store, referral_uuid: str, visit: Visit) -> str:
    """Plan or record a home visit; an existing visit (by uuid) is updated, e.g. planned → done."""
    if visit.status not in VISIT_STATUSES:
        raise RiskError("A visit is planned, done or cancelled.")
    if visit.status == "done" and visit.visit_on > date.today():
        raise RiskError("A visit in the future cannot be done yet.")
    with store.transaction() as session:
        referral = _referral(session, referral_uuid)
        if visit.uuid:
            found = live(session, m.HomeVisit, visit.uuid)
            if found is None or found.referral_uuid != referral.id:
                raise RiskError("That visit is no longer in this case's record.")
            row = found
        else:
            row = m.HomeVisit(referral_uuid=referral.id)
        row.visit_on, row.status, row.visitors = visit.visit_on, visit.status, visit.visitors or None
        row.joint_with_referrer, row.notes = visit.joint_with_referrer, visit.notes or None
        session.add(row)
        session.flush()
        return row.id


def _visits(session: Session, referral_uuid: str) -> list[Visit]:
    v = m.HomeVisit
    return [Visit(row.visit_on, row.status, row.visitors or "", row.joint_with_referrer, row.notes or "", row.id)
            for row in session.scalars(select(v).where(v.referral_uuid == referral_uuid, v.deleted_at.is_(None))
                                       .order_by(v.visit_on.desc()))]


def visits(store: Store, referral_uuid: str) -> list[Visit]:
    with store.snapshot() as session:
        return _visits(session, _referral(session, referral_uuid).id)


def risk_view(store: Store, referral_uuid: str) -> RiskView:
    """Everything the Risk pane shows of the case, in one read of one snapshot of the store."""
    with store.snapshot() as session:
        referral = _referral(session, referral_uuid)
        header = header_in(session, referral.id)
        if header is None:  # a referral without its person: as good as gone
            raise RiskError("That referral is no longer in the store.")
        found = _assessments(session, referral.id)
        return RiskView(header, found, _flags(session, referral.id, include_cleared=False),
                        _visits(session, referral.id), history_in(session, referral.id),
                        next_assessment_kind(len(found)))
