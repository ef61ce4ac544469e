"""Where each stored column of case data goes in the interchange files — or why it stays in the store.

``tests/services/test_interchange_coverage.py`` walks ``storage/models.py`` and fails on any column found in
neither place, so a new column of case data cannot be left out of the files unnoticed.
"""
from __future__ import annotations

from cpm_desktop.services.interchange.columns import INTERCHANGE_COLUMNS
from cpm_desktop.storage import models as m

# The model whose rows each file holds (referrals.csv also holds the person and the referring organisation).
MODEL_OF: dict[str, type[m.Base]] = {
    "vocabulary": m.VocabularyEntry, "mentors": m.Mentor, "mentor_status_changes": m.MentorStatusChange,
    "progress_checks": m.ProgressCheck, "referrals": m.Referral, "referral_events": m.ReferralEvent,
    "risk_assessments": m.RiskAssessment, "risk_checks": m.RiskCheck,
    "professionals_consulted": m.ProfessionalConsulted, "risk_flags": m.RiskFlag, "home_visits": m.HomeVisit,
    "allocations": m.Allocation, "contacts": m.Contact, "contact_revisions": m.ContactRevision, "goals": m.Goal,
    "goal_reviews": m.GoalReview, "subject_access_requests": m.SubjectAccessRequest,
}

# Files whose rows have no interchange id: the record's own key (``id``) is written as ``uuid``.
KEYED_BY_UUID = frozenset(stem for stem, columns in INTERCHANGE_COLUMNS.items() if "uuid" in columns)

# Columns written under another name: a column pointing at another record is written as that record's id.
RENAMED: dict[str, str] = {
    "person.person_id": "referrals.person_id", "person.first_name": "referrals.first_name",
    "person.last_name": "referrals.last_name", "person.date_of_birth": "referrals.date_of_birth",
    "person.gender": "referrals.gender", "organisation.name": "referrals.referrer_org",
    "referral.person_uuid": "referrals.person_id", "referral.organisation_uuid": "referrals.referrer_org",
    "mentor_status_change.mentor_uuid": "mentor_status_changes.mentor_id",
    "progress_check.mentor_uuid": "progress_checks.mentor_id",
    "referral_event.referral_uuid": "referral_events.referral_id",
    "risk_assessment.referral_uuid": "risk_assessments.referral_id",
    "risk_flag.referral_uuid": "risk_flags.referral_id", "home_visit.referral_uuid": "home_visits.referral_id",
    "allocation.referral_uuid": "allocations.referral_id", "allocation.mentor_uuid": "allocations.mentor_id",
    "contact.referral_uuid": "contacts.referral_id", "contact.mentor_uuid": "contacts.mentor_id",
    "contact_revision.contact_uuid": "contact_revisions.contact_id",
    "contact_revision.mentor_uuid": "contact_revisions.mentor_id",
    "goal.referral_uuid": "goals.referral_id", "goal_review.goal_uuid": "goal_reviews.goal_id",
    "subject_access_request.subject_uuid": "subject_access_requests.subject_id",
}

# Columns that are not interchange data, by "table.column" or, for every table, by "*.column".
LOCAL_ONLY: dict[str, str] = {
    "*.id": "the store's own key; the files name records by their interchange ids (history files: uuid)",
    "*.created_at": "stamped by the store that writes the row (an import stamps the time of the import)",
    "*.updated_at": "stamped by the store that writes the row",
    "*.updated_by": "stamped by the store that writes the row (an import stamps the user importing)",
    "*.deleted_at": "soft-deleted rows are not exported; they wait in their store for retention to erase them",
    "*.deleted_reason": "soft-deleted rows are not exported",
    # Sync bookkeeping (the lead's sync columns): each store keeps its own; sync, not CSV, carries them.
    "*.origin_device": "sync bookkeeping of the store", "*.hlc": "sync bookkeeping of the store",
    "*.field_hlc": "sync bookkeeping of the store",
    "referral.search_text": "derived from the names, ids, postcode and phone on every write",
    "vocabulary_entry.added_at": "stamped by the store that adds the entry",
    "vocabulary_entry.added_by": "stamped by the store that adds the entry",
    "audit_event.*": "the store's own trail of who did what; each store keeps its own",
    "setting.*": "settings of this installation (device identity, GDPR text, evaluation paragraphs)",
    "id_counter.*": "the next interchange id this laptop will hand out",
    "sync_outbox.*": "changes waiting to be sent to the hub",
    "sync_conflict.*": "conflicts sync found, waiting for a person on this laptop",
    "tombstone.*": "what is left of erased records: the proof of erasure, passed on by sync, never exported",
    # Retention (docs/retention.md). An erasure request outlives its subject, who is in no file any more, so
    # every request that is exported is one to see the information.
    "subject_access_request.request_kind": "every exported request is for access: an erasure request's subject "
                                           "is erased, so it is never exported",
    "retention_hold.*": "legal holds travel over sync; not yet in the interchange files (a CSV round trip "
                        "loses them: place them again after an import)",
}


def exported_as(table: str, column: str) -> str | None:
    """The ``file.column`` a stored column is written as, or None when it is not written."""
    key = f"{table}.{column}"
    if key in RENAMED:
        return RENAMED[key]
    for stem, model in MODEL_OF.items():
        if model.__tablename__ == table:
            name = "uuid" if column == "id" and stem in KEYED_BY_UUID else column
            return f"{stem}.{name}" if name in INTERCHANGE_COLUMNS[stem] else None
    return None


def local_only(table: str, column: str) -> str | None:
    """Why a stored column is not interchange data, or None when it should be."""
    return LOCAL_ONLY.get(f"{table}.{column}") or LOCAL_ONLY.get(f"*.{column}") or LOCAL_ONLY.get(f"{table}.*")
