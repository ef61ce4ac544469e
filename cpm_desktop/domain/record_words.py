"""The words the screens use for the store's records, fields and audited actions.

The audit trail names tables and fields as the database does (``risk_assessment``, ``assessment_uuid``);
what a person reads — the subject-access export's audit table first — says "Risk assessment" and "Risk
assessment it belongs to". One mapping, here; a name it does not know yet (a column added later) is still
printed as words (:func:`readable`), never as snake_case.
"""
from __future__ import annotations

RECORDS: dict[str, str] = {
    "person": "Personal details",
    "mentor": "Volunteer mentor",
    "organisation": "Referring organisation",
    "referral": "Referral",
    "referral_event": "Decision or case history",
    "risk_assessment": "Risk assessment",
    "risk_check": "Check made for a risk assessment",
    "professional_consulted": "Professional consulted",
    "risk_flag": "Risk flag",
    "home_visit": "Home visit",
    "mentor_status_change": "Mentor status",
    "progress_check": "Progress check-in",
    "allocation": "Mentors allocated",
    "contact": "Contact",
    "contact_revision": "Earlier version of a contact",
    "goal": "Goal",
    "goal_review": "Goal review",
    "subject_access_request": "Request to see the information held",
    "retention_hold": "Legal hold (kept past the retention rules)",
    "evaluation": "Evaluation summary",
}

ACTIONS: dict[str, str] = {
    "create": "Added",
    "update": "Changed",
    "delete": "Deleted",
    "erase": "Erased",
    "view": "Viewed",
    "export": "Exported",
    "import": "Imported",
}

# Fields with the same meaning in every record they appear in.
COMMON_FIELDS: dict[str, str] = {
    "first_name": "First name", "last_name": "Last name", "date_of_birth": "Date of birth", "gender": "Gender",
    "phone": "Phone", "email": "Email", "area": "Area", "notes": "Notes", "status": "Status", "reason": "Reason",
    "outcome": "Decision", "kind": "Kind", "deleted_at": "Deleted on", "deleted_reason": "Reason for deleting",
    "person_id": "Person id", "mentor_id": "Mentor id", "referral_id": "Referral id", "contact_id": "Contact id",
    "goal_id": "Goal id", "person_uuid": "Person", "referral_uuid": "Referral", "mentor_uuid": "Mentor",
    "assessment_uuid": "Risk assessment", "goal_uuid": "Goal", "contact_uuid": "Contact",
    "organisation_uuid": "Referring organisation", "subject_uuid": "Whose information", "name": "Name",
    "commitment": "Commitment (0–10)", "reviewed_on": "Reviewed on", "minutes": "Minutes", "activity": "Activity",
    "occurred_at": "When", "staff_name": "Staff member", "checked_on": "Checked on", "checked_by": "Checked by",
    "id": "Record number", "created_at": "Added on", "updated_at": "Last changed on", "updated_by": "Last changed by",
    "origin_device": "Laptop it was first made on", "hlc": "Sync clock", "field_hlc": "Sync clocks of the details",
}

# Fields whose words depend on the record (``status`` of a visit is not the status of a mentor, …).
FIELDS: dict[tuple[str, str], str] = {
    ("referral", "referred_on"): "Received on", ("referral", "age_at_referral"): "Age when referred",
    ("referral", "under_18_reason"): "Reason accepted although under 18", ("referral", "address"): "Address",
    ("referral", "postcode"): "Postcode", ("referral", "referrer_name"): "Referrer",
    ("referral", "referrer_email"): "Referrer's email", ("referral", "referrer_phone"): "Referrer's phone",
    ("referral", "crime_reference"): "Crime or incident reference",
    ("referral", "description"): "The referrer's description", ("referral", "consent"): "Consent",
    ("referral", "consent_on"): "Consent given on", ("referral", "victim"): "Victim of crime",
    ("referral", "perpetrator"): "Perpetrator of crime", ("referral", "victim_crimes"): "Crimes (as victim)",
    ("referral", "perpetrator_crimes"): "Crimes (as perpetrator)", ("referral", "vulnerabilities"): "Vulnerabilities",
    ("referral", "decided_on"): "Decided on", ("referral", "decision_reason"): "Reason for the decision",
    ("referral", "decided_by"): "Decided by", ("referral", "first_contact_on"): "First contact",
    ("referral", "closed_on"): "Support ended", ("referral", "closure_reason"): "Why support ended",
    ("referral", "feedback_sent_on"): "Feedback sent to the referrer",
    ("referral", "police_calls_before"): "Calls to the police, 12 months before",
    ("referral", "police_calls_after"): "Calls to the police, 12 months after first contact",
    ("referral", "police_calls_source"): "Source of the police figures",
    ("referral", "search_text"): "Search index",
    ("referral_event", "happened_on"): "Date", ("referral_event", "by"): "By", ("referral_event", "kind"): "Event",
    ("risk_assessment", "assessed_on"): "Date", ("risk_assessment", "assessed_by"): "Assessed by",
    ("risk_assessment", "danger_to_staff"): "Danger to staff", ("risk_assessment", "will_to_change"): "Will to change",
    ("risk_assessment", "want_to_change"): "Want to change",
    ("risk_assessment", "capacity_to_change"): "Capacity to change",
    ("risk_check", "source"): "Source checked", ("risk_check", "findings"): "Findings",
    ("professional_consulted", "organisation"): "Organisation", ("professional_consulted", "advice"): "Advice",
    ("professional_consulted", "consulted_on"): "Consulted on",
    ("risk_flag", "flag"): "Flag", ("risk_flag", "raised_on"): "Raised", ("risk_flag", "cleared_on"): "Cleared",
    ("home_visit", "visit_on"): "Date", ("home_visit", "visitors"): "Who went",
    ("home_visit", "joint_with_referrer"): "Joint with referrer",
    ("mentor", "other_areas"): "Other areas", ("mentor", "cohort"): "Training cohort",
    ("mentor", "training_completed_on"): "Training completed", ("mentor", "dbs_checked_on"): "DBS check",
    ("mentor", "safeguarding_completed_on"): "Safeguarding training", ("mentor", "status_reason"): "Status reason",
    ("mentor", "left_on"): "Left on", ("mentor", "left_reason"): "Reason for leaving",
    ("mentor", "lived_experience"): "Lived experience", ("mentor", "former_client"): "Former client of the scheme",
    ("mentor", "capacity"): "Clients at once", ("mentor", "availability"): "Availability",
    ("mentor_status_change", "changed_on"): "Date",
    ("progress_check", "checked_by"): "With",
    ("allocation", "allocated_on"): "From", ("allocation", "ended_on"): "Until",
    ("allocation", "end_reason"): "Why it ended", ("allocation", "single_reason"): "Why one mentor, not a pair",
    ("goal", "set_on"): "Set on", ("goal", "goal"): "Goal", ("goal", "reality"): "Reality",
    ("goal", "options"): "Options", ("goal", "way_forward"): "Way forward",
    ("contact_revision", "occurred_at"): "When", ("contact", "mentor_uuid"): "By (mentor)",
    ("subject_access_request", "subject_kind"): "Client or mentor",
    ("subject_access_request", "received_on"): "Received",
    ("subject_access_request", "identity_checked_on"): "Identity checked",
    ("subject_access_request", "paused_days"): "Clock paused (days)",
    ("subject_access_request", "extension_months"): "Extension (months)",
    ("subject_access_request", "extension_reason"): "Reason for the extension",
    ("subject_access_request", "completed_on"): "Completed",
    ("subject_access_request", "request_kind"): "To see the information, or to erase it",
    ("retention_hold", "subject_kind"): "Client or mentor", ("retention_hold", "subject_uuid"): "Whose record",
    ("retention_hold", "reason"): "Why it is kept", ("retention_hold", "until"): "Kept until",
}

_DATABASE_SUFFIXES = ("_uuid", "_id")


def readable(name: str) -> str:
    """A name the mapping does not know, as words: ``origin_device_uuid`` → "Origin device"."""
    for suffix in _DATABASE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
    words = " ".join(name.replace("_", " ").split())
    return words[:1].upper() + words[1:] if words else name


def record_words(table: str) -> str:
    return RECORDS.get(table) or readable(table)


def field_words(table: str, field: str) -> str:
    return FIELDS.get((table, field)) or COMMON_FIELDS.get(field) or readable(field)


# The store's own bookkeeping, recorded with every new record: no part of what a person reads about theirs.
BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "updated_by", "origin_device", "hlc", "field_hlc"})


def fields_words(table: str, fields: str) -> str:
    """An audit event's fields (``a,b,c``) as words, in alphabetical order, without the bookkeeping."""
    return ", ".join(sorted(field_words(table, field) for field in fields.split(",")
                            if field and field not in BOOKKEEPING))


def action_words(action: str) -> str:
    return ACTIONS.get(action) or readable(action)
