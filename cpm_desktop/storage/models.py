"""The case record's tables, as typed SQLAlchemy 2 models.

Storage rules (DESIGN.md): UUID text keys with the interchange ids as separate unique columns; every
record carries created/updated stamps and who changed it last; case data is deleted softly
(``deleted_at``) until retention erases it. Lists of vocabulary codes are stored as ``a;b`` text, the
same form as the interchange files, and split by ``domain.vocabulary.split_codes``; sync merges them element
by element (an code added on one laptop and another removed on a second both stand).

Many laptops write the same scheme's records: every synced row carries the device that created it and hybrid
logical clock readings (``domain/clock.py``) — the row's latest and each field's — so two laptops' edits merge
field by field. Every stamp is UTC; a contact's ``occurred_at`` is the wall-clock time the coordinator entered
(the scheme works in one time zone), which is what the log shows and the interchange files carry.
"""
from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names keep Alembic's batch migrations on SQLite predictable.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uuid() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Record(Base):
    """Columns every record of case data has. Stamps are set by the audit hook, not by callers."""

    __abstract__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(120))
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    deleted_reason: Mapped[str | None] = mapped_column(Text)
    # Sync: the device (uuid) that created the row, the clock of its latest change, and each field's clock
    # as JSON ({"": creation, field: clock, ...}; a field not named has the creation clock).
    origin_device: Mapped[str] = mapped_column(String(36), default="", server_default="")
    hlc: Mapped[str] = mapped_column(String(64), default="", server_default="")
    field_hlc: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")


# --- people and referrals -------------------------------------------------------------------------


class Person(Record):
    """A client. The same person may be referred again: "the door is always open"."""

    __tablename__ = "person"

    person_id: Mapped[str] = mapped_column(String(64), unique=True)
    first_name: Mapped[str] = mapped_column(Text)
    last_name: Mapped[str] = mapped_column(Text)
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    gender: Mapped[str | None] = mapped_column(String(40))

    referrals: Mapped[list[Referral]] = relationship(back_populates="person")


class Organisation(Record):
    """A referring organisation (the list starts from Appendix 1 and grows)."""

    __tablename__ = "organisation"

    name: Mapped[str] = mapped_column(Text, unique=True)


class Referral(Record):
    __tablename__ = "referral"
    # The referral list reads only these columns: a covering index lets it (and search-as-you-type over
    # search_text) scan a narrow index instead of decrypting every wide referral row.
    __table_args__ = (Index("ix_referral_list", "referred_on", "referral_id", "deleted_at", "person_uuid", "area",
                            "outcome", "decided_on", "closed_on", "postcode", "phone", "search_text"),)

    referral_id: Mapped[str] = mapped_column(String(64), unique=True)
    person_uuid: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    referred_on: Mapped[date] = mapped_column(Date)
    age_at_referral: Mapped[int | None] = mapped_column(Integer)
    under_18_reason: Mapped[str | None] = mapped_column(Text)
    # Contact details and area as at this referral; they may differ between referrals.
    address: Mapped[str | None] = mapped_column(Text)
    postcode: Mapped[str | None] = mapped_column(String(16))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(Text)
    area: Mapped[str | None] = mapped_column(String(40), index=True)
    organisation_uuid: Mapped[str | None] = mapped_column(ForeignKey("organisation.id"))
    referrer_name: Mapped[str | None] = mapped_column(Text)
    referrer_email: Mapped[str | None] = mapped_column(Text)
    referrer_phone: Mapped[str | None] = mapped_column(String(40))
    crime_reference: Mapped[str | None] = mapped_column(String(64))
    description: Mapped[str | None] = mapped_column(Text)
    consent: Mapped[str | None] = mapped_column(String(16))
    consent_on: Mapped[date | None] = mapped_column(Date)
    victim: Mapped[bool] = mapped_column(Boolean, default=False)
    perpetrator: Mapped[bool] = mapped_column(Boolean, default=False)
    victim_crimes: Mapped[str] = mapped_column(Text, default="")
    perpetrator_crimes: Mapped[str] = mapped_column(Text, default="")
    vulnerabilities: Mapped[str] = mapped_column(Text, default="")
    # The current decision; its history is in ReferralEvent.
    outcome: Mapped[str] = mapped_column(String(40), default="pending", index=True)
    decided_on: Mapped[date | None] = mapped_column(Date)
    decision_reason: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str | None] = mapped_column(String(120))
    first_contact_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    closure_reason: Mapped[str | None] = mapped_column(Text)
    feedback_sent_on: Mapped[date | None] = mapped_column(Date)
    # Demand on the police: calls in the 12 months before the referral and after first contact.
    police_calls_before: Mapped[int | None] = mapped_column(Integer)
    police_calls_after: Mapped[int | None] = mapped_column(Integer)
    police_calls_source: Mapped[str | None] = mapped_column(Text)
    # Folded (case- and accent-insensitive) text of names, ids, crime ref, postcode and phone.
    search_text: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship(back_populates="referrals")
    organisation: Mapped[Organisation | None] = relationship()


class ReferralEvent(Record):
    """Dated history of a case: decisions (and revisions), closures and re-openings. Never overwritten."""

    __tablename__ = "referral_event"

    referral_uuid: Mapped[str] = mapped_column(ForeignKey("referral.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # decision | closed | reopened
    happened_on: Mapped[date] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(40))
    reason: Mapped[str | None] = mapped_column(Text)
    by: Mapped[str | None] = mapped_column(String(120))


# --- risk assessment and home visits -----------------------------------------------------------


class RiskAssessment(Record):
    """An initial assessment or a reassessment; each is kept, dated, as history."""

    __tablename__ = "risk_assessment"

    referral_uuid: Mapped[str] = mapped_column(ForeignKey("referral.id"), index=True)
    assessed_on: Mapped[date] = mapped_column(Date)
    assessed_by: Mapped[str | None] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20), default="initial")  # initial | reassessment
    danger_to_staff: Mapped[str | None] = mapped_column(String(20))  # low | medium | high
    will_to_change: Mapped[bool | None] = mapped_column(Boolean)
    want_to_change: Mapped[bool | None] = mapped_column(Boolean)
    capacity_to_change: Mapped[bool | None] = mapped_column(Boolean)
    notes: Mapped[str | None] = mapped_column(Text)


class RiskCheck(Record):
    """A check made for an assessment: police systems, other databases."""

    __tablename__ = "risk_check"

    assessment_uuid: Mapped[str] = mapped_column(ForeignKey("risk_assessment.id"), index=True)
    source: Mapped[str] = mapped_column(Text)
    checked_on: Mapped[date | None] = mapped_column(Date)
    findings: Mapped[str | None] = mapped_column(Text)


class ProfessionalConsulted(Record):
    __tablename__ = "professional_consulted"

    assessment_uuid: Mapped[str] = mapped_column(ForeignKey("risk_assessment.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    organisation: Mapped[str | None] = mapped_column(Text)
    advice: Mapped[str | None] = mapped_column(Text)
    consulted_on: Mapped[date | None] = mapped_column(Date)


class RiskFlag(Record):
    """A flag that follows the case (vocabulary ``risk_flag``) until it is cleared."""

    __tablename__ = "risk_flag"

    referral_uuid: Mapped[str] = mapped_column(ForeignKey("referral.id"), index=True)
    flag: Mapped[str] = mapped_column(String(40))
    raised_on: Mapped[date] = mapped_column(Date)
    cleared_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)


class HomeVisit(Record):
    __tablename__ = "home_visit"

    referral_uuid: Mapped[str] = mapped_column(ForeignKey("referral.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="planned")  # planned | done | cancelled
    visit_on: Mapped[date] = mapped_column(Date)
    visitors: Mapped[str | None] = mapped_column(Text)
    joint_with_referrer: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)


# --- mentors and allocation ----------------------------------------------------------------------


class Mentor(Record):
    """A volunteer mentor."""

    __tablename__ = "mentor"

    mentor_id: Mapped[str] = mapped_column(String(64), unique=True)
    first_name: Mapped[str] = mapped_column(Text)
    last_name: Mapped[str] = mapped_column(Text)
    gender: Mapped[str | None] = mapped_column(String(40))
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(Text)
    area: Mapped[str | None] = mapped_column(String(40), index=True)
    # Other areas the mentor will also travel to (codes, "a;b"); the main area is ``area``.
    other_areas: Mapped[str] = mapped_column(Text, default="", server_default="")
    cohort: Mapped[str | None] = mapped_column(String(60))
    training_completed_on: Mapped[date | None] = mapped_column(Date)
    dbs_checked_on: Mapped[date | None] = mapped_column(Date)
    safeguarding_completed_on: Mapped[date | None] = mapped_column(Date)
    # The current status; its dated history is in MentorStatusChange.
    status: Mapped[str] = mapped_column(String(40), default="in_training")
    status_reason: Mapped[str | None] = mapped_column(Text)
    left_on: Mapped[date | None] = mapped_column(Date)
    left_reason: Mapped[str | None] = mapped_column(String(40))
    lived_experience: Mapped[str] = mapped_column(Text, default="")
    former_client: Mapped[bool] = mapped_column(Boolean, default=False)
    capacity: Mapped[int] = mapped_column(Integer, default=2)
    availability: Mapped[str | None] = mapped_column(Text)


class MentorStatusChange(Record):
    __tablename__ = "mentor_status_change"

    mentor_uuid: Mapped[str] = mapped_column(ForeignKey("mentor.id"), index=True)
    status: Mapped[str] = mapped_column(String(40))
    changed_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(Text)


class ProgressCheck(Record):
    """A coordinator's talk with a mentor about their progress; the latest is the mentor's last check."""

    __tablename__ = "progress_check"

    mentor_uuid: Mapped[str] = mapped_column(ForeignKey("mentor.id"), index=True)
    checked_on: Mapped[date] = mapped_column(Date)
    checked_by: Mapped[str | None] = mapped_column(String(120))
    notes: Mapped[str | None] = mapped_column(Text)


class Allocation(Record):
    """A mentor supporting a referral. Mentors normally work in pairs."""

    __tablename__ = "allocation"
    # The second index covers each mentor's load (open and past allocations) for ranking, read index-only.
    __table_args__ = (Index("ix_allocation_mentor_uuid", "mentor_uuid"),
                      Index("ix_allocation_mentor_load", "mentor_uuid", "deleted_at", "ended_on"))

    referral_uuid: Mapped[str] = mapped_column(ForeignKey("referral.id"), index=True)
    mentor_uuid: Mapped[str] = mapped_column(ForeignKey("mentor.id"))
    allocated_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(Text)
    # Why a single mentor was allocated rather than a pair (recorded by the coordinator).
    single_reason: Mapped[str | None] = mapped_column(Text)


# --- working with the client ---------------------------------------------------------------------


class Contact(Record):
    """One entry of the contact log."""

    __tablename__ = "contact"
    # Covering: the case's log (by time) and the evaluation's counts per activity read only the index.
    __table_args__ = (Index("ix_contact_case", "referral_uuid", "occurred_at", "activity", "minutes", "deleted_at"),)

    contact_id: Mapped[str] = mapped_column(String(64), unique=True)
    referral_uuid: Mapped[str] = mapped_column(ForeignKey("referral.id"))
    occurred_at: Mapped[datetime] = mapped_column(DateTime)  # local time, as entered
    activity: Mapped[str] = mapped_column(String(40))
    minutes: Mapped[int | None] = mapped_column(Integer)
    mentor_uuid: Mapped[str | None] = mapped_column(ForeignKey("mentor.id"))
    staff_name: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text, default="")


class Goal(Record):
    """A GROW goal: Goal, Reality, Options, Way forward."""

    __tablename__ = "goal"

    goal_id: Mapped[str] = mapped_column(String(64), unique=True)
    referral_uuid: Mapped[str] = mapped_column(ForeignKey("referral.id"), index=True)
    set_on: Mapped[date] = mapped_column(Date)
    goal: Mapped[str] = mapped_column(Text, default="")
    reality: Mapped[str] = mapped_column(Text, default="")
    options: Mapped[str] = mapped_column(Text, default="")
    way_forward: Mapped[str] = mapped_column(Text, default="")
    commitment: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(40), default="open")
    reviewed_on: Mapped[date | None] = mapped_column(Date)


class GoalReview(Record):
    """A dated review of a goal, kept as history."""

    __tablename__ = "goal_review"

    goal_uuid: Mapped[str] = mapped_column(ForeignKey("goal.id"), index=True)
    reviewed_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(40))
    commitment: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)


# --- the store's own records -----------------------------------------------------------------------


class AuditEvent(Base):
    """Who did what to which record, and when — field names only, never values.

    Events are made on every laptop and travel over sync unchanged, so they have uuid keys and name the
    device that made them.
    """

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_record", "record_table", "record_uuid"),
                      Index("ix_audit_event_at", "at"))

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(120))
    device: Mapped[str] = mapped_column(String(36), default="", server_default="")
    action: Mapped[str] = mapped_column(String(20))  # create | update | delete | view | export | import
    record_table: Mapped[str] = mapped_column(String(40))
    record_uuid: Mapped[str | None] = mapped_column(String(36))
    # The person or mentor the record is about, so a subject-access export can find its trail.
    subject_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    fields: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[str | None] = mapped_column(Text)  # no personal data: e.g. "12,000 rows"


class Setting(Base):
    """Maintained settings (e.g. the GDPR supplementary information), as JSON text."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(120))


class VocabularyEntry(Base):
    """An entry a project lead added to a fixed list at run time; codes are never reused."""

    __tablename__ = "vocabulary_entry"

    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    code: Mapped[str] = mapped_column(String(60), primary_key=True)
    label: Mapped[str] = mapped_column(Text)
    added_at: Mapped[datetime] = mapped_column(DateTime)
    added_by: Mapped[str] = mapped_column(String(120))


class SubjectAccessRequest(Record):
    """A subject-access request in the register: the one-month clock, pauses, extension, completion."""

    __tablename__ = "subject_access_request"

    subject_kind: Mapped[str] = mapped_column(String(10))  # person | mentor
    subject_uuid: Mapped[str] = mapped_column(String(36), index=True)
    # access (Art. 15) | erasure (Art. 17): an erasure request outlives its subject, as proof it was done
    request_kind: Mapped[str] = mapped_column(String(10), default="access", server_default="access")
    received_on: Mapped[date] = mapped_column(Date)
    identity_checked_on: Mapped[date | None] = mapped_column(Date)
    # Days the clock stood still, waiting for proof of identity or clarification.
    paused_days: Mapped[int] = mapped_column(Integer, default=0)
    extension_months: Mapped[int] = mapped_column(Integer, default=0)
    extension_reason: Mapped[str | None] = mapped_column(Text)
    completed_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)


class RetentionHold(Record):
    """A legal hold: the person's or mentor's record is kept past its retention period until it is lifted
    (``until`` passes, or ``deleted_at`` is set), for example while a claim or an investigation is open."""

    __tablename__ = "retention_hold"

    subject_kind: Mapped[str] = mapped_column(String(10))  # person | mentor
    subject_uuid: Mapped[str] = mapped_column(String(36), index=True)
    reason: Mapped[str] = mapped_column(Text)
    until: Mapped[date | None] = mapped_column(Date)  # None: until lifted


class ContactRevision(Record):
    """The values a contact had before an edit: editing the log never loses what was first written."""

    __tablename__ = "contact_revision"

    contact_uuid: Mapped[str] = mapped_column(ForeignKey("contact.id"), index=True)
    occurred_at: Mapped[datetime] = mapped_column(DateTime)
    activity: Mapped[str] = mapped_column(String(40))
    minutes: Mapped[int | None] = mapped_column(Integer)
    mentor_uuid: Mapped[str | None] = mapped_column(String(36))
    staff_name: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text, default="")


# --- this laptop's own bookkeeping (never synced) ----------------------------------------------------


class IdCounter(Base):
    """The last number handed out for one kind of interchange id made by this device (``storage/ids.py``)."""

    __tablename__ = "id_counter"

    stem: Mapped[str] = mapped_column(String(40), primary_key=True)  # e.g. "R" or "R-B-"
    last: Mapped[int] = mapped_column(Integer)


class SyncOutbox(Base):
    """A local change waiting to be pushed to the hub, written in the transaction that made it."""

    __tablename__ = "sync_outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(36), unique=True)
    entity: Mapped[str] = mapped_column(String(40))
    row_uuid: Mapped[str] = mapped_column(String(64))
    area: Mapped[str | None] = mapped_column(String(40))
    clock: Mapped[str] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text)  # JSON; sealed only when it leaves the laptop


class SyncConflict(Base):
    """The same field changed on two laptops since they last agreed (or an edit met a deletion).

    The later change stands on every laptop, so all of them agree; the other value is kept here, with who
    made it and when, until a person chooses between them. Nothing is overwritten silently.
    """

    __tablename__ = "sync_conflict"
    __table_args__ = (Index("ix_sync_conflict_row", "entity", "row_uuid", "field"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    entity: Mapped[str] = mapped_column(String(40))
    row_uuid: Mapped[str] = mapped_column(String(64))
    field: Mapped[str] = mapped_column(String(60))  # "" for an edit against a deletion
    kept_value: Mapped[str] = mapped_column(Text)  # JSON of the value that stands
    kept_clock: Mapped[str] = mapped_column(String(64))
    kept_by: Mapped[str] = mapped_column(String(120))
    other_value: Mapped[str] = mapped_column(Text)  # JSON of the value set aside
    other_clock: Mapped[str] = mapped_column(String(64))
    other_by: Mapped[str] = mapped_column(String(120))
    detected_at: Mapped[datetime] = mapped_column(DateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolution: Mapped[str | None] = mapped_column(String(20))  # kept | other | superseded


class Tombstone(Base):
    """All that is left of an erased record: enough to prove the erasure and to pass it on over sync."""

    __tablename__ = "tombstone"

    row_uuid: Mapped[str] = mapped_column(String(64), primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    erased_on: Mapped[date] = mapped_column(Date)
    rule: Mapped[str] = mapped_column(Text)  # the retention rule or the erasure request, in words
    hlc: Mapped[str] = mapped_column(String(64), default="", server_default="")
