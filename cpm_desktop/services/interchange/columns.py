"""The interchange files and their columns, in the order of spec/interchange.md."""
from __future__ import annotations

INTERCHANGE_COLUMNS: dict[str, tuple[str, ...]] = {
    "referrals": (
        "referral_id", "person_id", "referred_on", "first_name", "last_name", "date_of_birth",
        "age_at_referral", "gender", "address", "postcode", "phone", "email", "area", "referrer_org",
        "referrer_name", "referrer_email", "referrer_phone", "crime_reference", "description", "consent",
        "victim", "perpetrator", "victim_crimes", "perpetrator_crimes", "vulnerabilities", "outcome",
        "decided_on", "first_contact_on", "closed_on", "closure_reason", "feedback_sent_on",
        "police_calls_before", "police_calls_after",
    ),
    "mentors": (
        "mentor_id", "first_name", "last_name", "gender", "date_of_birth", "phone", "email", "area", "cohort",
        "training_completed_on", "dbs_checked_on", "safeguarding_completed_on", "status", "left_on",
        "left_reason", "lived_experience", "former_client", "last_progress_check_on",
    ),
    "allocations": ("referral_id", "mentor_id", "allocated_on", "ended_on"),
    "contacts": (
        "contact_id", "referral_id", "occurred_at", "activity", "minutes", "mentor_id", "staff_name", "notes",
    ),
    "goals": (
        "goal_id", "referral_id", "set_on", "goal", "reality", "options", "way_forward", "commitment",
        "status", "reviewed_on",
    ),
}

# Columns a file must have, with a value on every row.
REQUIRED: dict[str, tuple[str, ...]] = {
    "referrals": ("referral_id", "person_id", "referred_on", "first_name", "last_name", "outcome"),
    "mentors": ("mentor_id", "first_name", "last_name", "status"),
    "allocations": ("referral_id", "mentor_id", "allocated_on"),
    "contacts": ("contact_id", "referral_id", "occurred_at", "activity"),
    "goals": ("goal_id", "referral_id", "set_on", "status"),
}

# Free text is kept exactly as written (spaces, new lines); every other cell is trimmed.
FREE_TEXT = {
    "first_name", "last_name", "address", "referrer_org", "referrer_name", "description", "closure_reason",
    "staff_name", "notes", "goal", "reality", "options", "way_forward", "cohort",
}

FILE_ORDER = ("mentors", "referrals", "allocations", "contacts", "goals")  # so references resolve in order


def filename(stem: str) -> str:
    return f"{stem}.csv"
