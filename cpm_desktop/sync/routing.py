"""Which area a record belongs to: the hub routes each change to the laptops of that area only.

A case and everything recorded on it (assessments, visits, contacts, goals…) go to the case's area. A person
goes to the areas of their cases. Mentors, organisations, erasures and audit events without a client are for
every member (``None``): mentors work across the scheme, and an erasure must reach every copy.

A page of changes is routed with a few queries per kind of record (never one per change, never a scan of the
caseload), so routing costs grow with the changes, not with the store.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from cpm_desktop.storage import models as m

# entity -> (model, the column naming its parent, the parent's entity)
PARENTS: dict[str, tuple[type[m.Record], str, str]] = {
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
SCHEME_WIDE = {"mentor", "mentor_status_change", "progress_check", "organisation", "tombstone", "setting",
               "vocabulary_entry", "retention_hold"}
_CHUNK = 500  # ids per IN (...) query, well under SQLite's limit on bound parameters

Areas = set[str | None]


def _chunks(ids: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]


class Router:
    """The areas of a batch of records, found with a few queries per kind of record."""

    def __init__(self, session: Session, records: Iterable[tuple[str, str, str | None]]) -> None:
        """``records``: (entity, row uuid, subject uuid of an audit event or None)."""
        self.session = session
        self.records = list(records)
        self.referral_of: dict[tuple[str, str], str | None] = {}
        self.referral_area: dict[str, str | None] = {}
        self.person_areas: dict[str, Areas] = defaultdict(set)
        self.request_subject: dict[str, str] = {}
        self._resolve()

    def _resolve(self) -> None:
        wanted: dict[str, set[str]] = defaultdict(set)
        people: set[str] = set()
        for entity, row_uuid, subject in self.records:
            if entity in PARENTS:
                wanted[entity].add(row_uuid)
            elif entity == "referral":
                self.referral_of[("referral", row_uuid)] = row_uuid
            elif entity == "person":
                people.add(row_uuid)
            elif entity == "audit_event" and subject:
                people.add(subject)
            elif entity == "subject_access_request":
                wanted["subject_access_request"].add(row_uuid)
        for request_ids in _chunks(sorted(wanted.pop("subject_access_request", set()))):
            for request_uuid, subject in self.session.execute(
                    select(m.SubjectAccessRequest.id, m.SubjectAccessRequest.subject_uuid)
                    .where(m.SubjectAccessRequest.id.in_(request_ids))):
                self.request_subject[request_uuid] = subject
                people.add(subject)
        # Children to their parents, deepest first (a check → its assessment → its case).
        parent_of: dict[tuple[str, str], tuple[str, str] | None] = {}
        for entity in ("risk_check", "professional_consulted", "goal_review", "contact_revision", *PARENTS):
            ids = sorted(wanted.pop(entity, set()))
            if not ids:
                continue
            model, column, parent = PARENTS[entity]
            for chunk in _chunks(ids):
                for row_uuid, parent_uuid in self.session.execute(
                        select(model.id, getattr(model, column)).where(model.id.in_(chunk))):
                    parent_of[(entity, row_uuid)] = (parent, parent_uuid)
                    if parent in PARENTS:
                        wanted[parent].add(parent_uuid)
        for key in parent_of:
            self.referral_of[key] = self._climb(key, parent_of)
        referrals = sorted({r for r in self.referral_of.values() if r})
        for chunk in _chunks(referrals):
            for referral_uuid, area in self.session.execute(
                    select(m.Referral.id, m.Referral.area).where(m.Referral.id.in_(chunk))):
                self.referral_area[referral_uuid] = area
        for chunk in _chunks(sorted(people)):
            for person_uuid, area in self.session.execute(
                    select(m.Referral.person_uuid, m.Referral.area).where(m.Referral.person_uuid.in_(chunk))):
                self.person_areas[person_uuid].add(area)

    @staticmethod
    def _climb(key: tuple[str, str], parent_of: dict[tuple[str, str], tuple[str, str] | None]) -> str | None:
        current: tuple[str, str] | None = key
        while current is not None and current[0] != "referral":
            current = parent_of.get(current)
        return current[1] if current else None

    def areas(self, entity: str, row_uuid: str, subject: str | None = None) -> Areas:
        """Where the change goes; empty when the record is no longer here (taken off or erased): a change of
        a record that is gone is not sent anywhere, least of all to every laptop."""
        if entity in SCHEME_WIDE:
            return {None}
        if entity == "person":
            return set(self.person_areas.get(row_uuid, set()))
        if entity == "audit_event":
            return set(self.person_areas.get(subject or "") or {None})
        if entity == "subject_access_request":
            return set(self.person_areas.get(self.request_subject.get(row_uuid, "")) or {None})
        referral_uuid = self.referral_of.get((entity, row_uuid))
        if referral_uuid is None or referral_uuid not in self.referral_area:
            return set()
        return {self.referral_area[referral_uuid]}


def areas_of(session: Session, entity: str, row_uuid: str, subject_uuid: str | None = None) -> Areas:
    return Router(session, [(entity, row_uuid, subject_uuid)]).areas(entity, row_uuid, subject_uuid)


def referral_of(session: Session, entity: str, row_uuid: str) -> str | None:
    """The case a record is part of (``None`` for records that are not part of a case)."""
    router = Router(session, [(entity, row_uuid, None)])
    return router.referral_of.get((entity, row_uuid))
