"""The interchange files and their columns (docs/interchange.md describes each one)."""
from __future__ import annotations

INTERCHANGE_COLUMNS: dict[str, tuple[str, ...]] = {
    # Entries a project lead added to the fixed lists, so codes used by the other files are known.
    "vocabulary": ("kind", "code", "label"),
    "referrals": (
        "referral_id", "person_id", "referred_on", "first_name", "last_name", "date_of_birth",
        "age_at_referral", "gender", "address", "postcode", "phone", "email", "area", "referrer_org",
        "referrer_name", "referrer_email", "referrer_phone", "crime_reference", "description", "consent",
        "victim", "perpetrator", "victim_crimes", "perpetrator_crimes", "vulnerabilities", "outcome",
        "decided_on", "first_contact_on", "closed_on", "closure_reason", "feedback_sent_on",
        "police_calls_before", "police_calls_after",
        "under_18_reason", "consent_on", "decision_reason", "decided_by", "police_calls_source",
    ),
    "mentors": (
        "mentor_id", "first_name", "last_name", "gender", "date_of_birth", "phone", "email", "area", "cohort",
        "training_completed_on", "dbs_checked_on", "safeguarding_completed_on", "status", "left_on",
        "left_reason", "lived_experience", "former_client", "last_progress_check_on",
        "other_areas", "status_reason", "capacity", "availability",
    ),
    "allocations": ("referral_id", "mentor_id", "allocated_on", "ended_on", "end_reason", "single_reason"),
    "contacts": (
        "contact_id", "referral_id", "occurred_at", "activity", "minutes", "mentor_id", "staff_name", "notes",
    ),
    "goals": (
        "goal_id", "referral_id", "set_on", "goal", "reality", "options", "way_forward", "commitment",
        "status", "reviewed_on",
    ),
    # History files: rows have no interchange id of their own, so the record's uuid is its id.
    "referral_events": ("uuid", "referral_id", "kind", "happened_on", "outcome", "reason", "by"),
    "risk_assessments": (
        "uuid", "referral_id", "assessed_on", "assessed_by", "kind", "danger_to_staff", "will_to_change",
        "want_to_change", "capacity_to_change", "notes",
    ),
    "risk_checks": ("uuid", "assessment_uuid", "source", "checked_on", "findings"),
    "professionals_consulted": ("uuid", "assessment_uuid", "name", "organisation", "advice", "consulted_on"),
    "risk_flags": ("uuid", "referral_id", "flag", "raised_on", "cleared_on", "notes"),
    "home_visits": ("uuid", "referral_id", "visit_on", "status", "visitors", "joint_with_referrer", "notes"),
    "goal_reviews": ("uuid", "goal_id", "reviewed_on", "status", "commitment", "notes"),
    "mentor_status_changes": ("uuid", "mentor_id", "changed_on", "status", "reason"),
    "progress_checks": ("uuid", "mentor_id", "checked_on", "checked_by", "notes"),
    "contact_revisions": (
        "uuid", "contact_id", "occurred_at", "activity", "minutes", "mentor_id", "staff_name", "notes",
    ),
    "subject_access_requests": (
        "uuid", "subject_kind", "subject_id", "received_on", "identity_checked_on", "paused_days",
        "extension_months", "extension_reason", "completed_on", "notes",
    ),
}

# Columns a file must have, with a value on every row.
REQUIRED: dict[str, tuple[str, ...]] = {
    "vocabulary": ("kind", "code", "label"),
    "referrals": ("referral_id", "person_id", "referred_on", "first_name", "last_name", "outcome"),
    "mentors": ("mentor_id", "first_name", "last_name", "status"),
    "allocations": ("referral_id", "mentor_id", "allocated_on"),
    "contacts": ("contact_id", "referral_id", "occurred_at", "activity"),
    "goals": ("goal_id", "referral_id", "set_on", "status"),
    "referral_events": ("uuid", "referral_id", "kind", "happened_on"),
    "risk_assessments": ("uuid", "referral_id", "assessed_on", "kind"),
    "risk_checks": ("uuid", "assessment_uuid", "source"),
    "professionals_consulted": ("uuid", "assessment_uuid", "name"),
    "risk_flags": ("uuid", "referral_id", "flag", "raised_on"),
    "home_visits": ("uuid", "referral_id", "visit_on", "status"),
    "goal_reviews": ("uuid", "goal_id", "reviewed_on", "status"),
    "mentor_status_changes": ("uuid", "mentor_id", "changed_on", "status"),
    "progress_checks": ("uuid", "mentor_id", "checked_on"),
    "contact_revisions": ("uuid", "contact_id", "occurred_at", "activity"),
    "subject_access_requests": ("uuid", "subject_kind", "subject_id", "received_on"),
}

# Text that may run over several lines: it keeps tabs and line breaks (other cells hold no control character).
MULTILINE = {
    "address", "description", "closure_reason", "notes", "goal", "reality", "options", "way_forward",
    "under_18_reason", "decision_reason", "police_calls_source", "status_reason", "availability", "end_reason",
    "single_reason", "reason", "findings", "advice", "extension_reason",
}

# Free text is kept exactly as written (spaces, new lines); every other cell is trimmed.
FREE_TEXT = MULTILINE | {
    "first_name", "last_name", "referrer_org", "referrer_name", "staff_name", "cohort", "assessed_by", "by",
    "checked_by", "source", "name", "organisation", "visitors", "decided_by",
}

# Read in this order, so every reference is to a row already read (or already in the store).
FILE_ORDER = (
    "vocabulary", "mentors", "mentor_status_changes", "progress_checks", "referrals", "referral_events",
    "risk_assessments", "risk_checks", "professionals_consulted", "risk_flags", "home_visits", "allocations",
    "contacts", "contact_revisions", "goals", "goal_reviews", "subject_access_requests",
)

def filename(stem: str) -> str:
    return f"{stem}.csv"
