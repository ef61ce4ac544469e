"""Which area a record belongs to: the hub routes each change to the laptops of that area only.

A case and everything recorded on it (assessments, visits, contacts, goals…) go to the case's area. A person
goes to the areas of their cases. Mentors, organisations, erasures and audit events without a client are for
every member (``None``): mentors work across the scheme, and an erasure must reach every copy.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from cpm_desktop.storage import models as m

# entity -> (model, the column naming its parent, the parent's entity)
PARENTS: dict[str, tuple[type[m.Base], str, str]] = {
    "referral_event": (m.ReferralEvent, "referral_uuid", "referral"),
    "risk_assessment": (m.RiskAssessment, "referral_uuid", "referral"),
    "risk_flag": (m.RiskFlag, "referral_uuid", "referral"),
    "home_visit": (m.HomeVisit, "referral_uuid", "referral"),
    "allocation": (m.Allocation, "referral_uuid", "referral"),
    "contact": (m.Contact, "referral_uuid", "referral"),
    "goal": (m.Goal, "referral_uuid", "referral"),
    "risk_check": (m.RiskCheck, "assessment_uuid", "risk_assessment"),
    "professional_consulted": (m.ProfessionalConsulted, "assessment_uuid", "risk_assessment"),
    "goal_review": (m.GoalReview, "goal_uuid", "goal"),
    "contact_revision": (m.ContactRevision, "contact_uuid", "contact"),
}
SCHEME_WIDE = {"mentor", "mentor_status_change", "progress_check", "organisation", "tombstone"}


def referral_of(session: Session, entity: str, row_uuid: str) -> str | None:
    """The case a record is part of (``None`` for records that are not part of a case)."""
    while entity in PARENTS:
        model, column, parent = PARENTS[entity]
        found = session.scalar(select(getattr(model, column)).where(model.id == row_uuid))  # type: ignore[attr-defined]
        if found is None:
            return None
        entity, row_uuid = parent, found
    return row_uuid if entity == "referral" else None


def areas_of_person(session: Session, person_uuid: str) -> set[str | None]:
    areas = set(session.scalars(select(m.Referral.area).where(m.Referral.person_uuid == person_uuid)))
    return areas or {None}


def areas_of(session: Session, entity: str, row_uuid: str, subject_uuid: str | None = None) -> set[str | None]:
    if entity in SCHEME_WIDE:
        return {None}
    if entity == "person":
        return areas_of_person(session, row_uuid)
    if entity == "subject_access_request":
        subject = session.scalar(select(m.SubjectAccessRequest.subject_uuid)
                                 .where(m.SubjectAccessRequest.id == row_uuid))
        return areas_of_person(session, subject) if subject else {None}
    if entity == "audit_event":
        if subject_uuid and session.get(m.Person, subject_uuid) is not None:
            return areas_of_person(session, subject_uuid)
        return {None}
    referral_uuid = row_uuid if entity == "referral" else referral_of(session, entity, row_uuid)
    if referral_uuid is None:
        return {None}
    return {session.scalar(select(m.Referral.area).where(m.Referral.id == referral_uuid))}
