"""Subject-access exports (UK GDPR Art. 15): everything held on a client or a volunteer mentor.

The data is gathered here as plain sections of text, with third parties redacted from the text itself
(never covered over in the PDF); ``reports.sar`` only sets it in type. Another client's data is never
included: a mentor's export names the cases they supported by id only.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime

from sqlalchemy import ColumnElement, func, literal_column, select
from sqlalchemy.orm import Session

from cpm_desktop.domain.record_words import action_words, fields_words, record_words
from cpm_desktop.domain.subject_access import (
    Redaction,
    Section,
    SubjectAccessExport,
    due_date,
    redact,
)
from cpm_desktop.domain.vocabulary import Vocabulary, split_codes
from cpm_desktop.services.retention import retention_rules_in
from cpm_desktop.services.settings import GDPR, setting_in
from cpm_desktop.services.vocabulary import vocabulary_for
from cpm_desktop.storage import audit
from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import Store

Progress = Callable[[int, int, str], object]
# Gathering a person's record reports steps 1–8; setting it in type is step 9 of 10, done is 10.
STEPS = 10


class _Text:
    """Turns stored values into printable text, applying the redactions and remembering which applied."""

    def __init__(self, vocabulary: Vocabulary, redactions: Iterable[Redaction]):
        self.vocabulary = vocabulary
        self.redactions = [r for r in redactions if r.text.strip()]
        self.applied: list[Redaction] = []

    def __call__(self, value: object) -> str:
        if value is None or value == "":
            return ""
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, datetime):
            return value.strftime("%d/%m/%Y %H:%M")
        if isinstance(value, date):
            return value.strftime("%d/%m/%Y")
        text, applied = redact(str(value), self.redactions)
        self.applied += [r for r in applied if r not in self.applied]
        return text

    def label(self, kind: str, code: str | None) -> str:
        return self.vocabulary.label(kind, code) if code else ""

    def labels(self, kind: str, codes: str) -> str:
        return "; ".join(self.vocabulary.label(kind, code) for code in split_codes(codes))


def _live(model: type[m.Record]) -> ColumnElement[bool]:
    return model.deleted_at.is_(None)


def _trail(session: Session, t: _Text, subject_uuid: str) -> Section:
    """The audit events about the subject, in the words of the screens (never the database's names)."""
    e = m.AuditEvent

    def what(action: str, detail: str | None) -> str:
        return f"{action_words(action)} ({detail})" if detail else action_words(action)

    rows = session.execute(select(e.at, e.actor, e.action, e.detail, e.record_table, e.fields)
                           .where(e.subject_uuid == subject_uuid)
                           .order_by(e.at, literal_column("audit_event.rowid"))).all()
    return Section("Who viewed, changed or exported this record", ("When (UTC)", "Who", "What", "Record", "Fields"),
                   [(t(at), t(actor), what(action, detail), record_words(table),
                     fields_words(table, fields))
                    for at, actor, action, detail, table, fields in rows],
                   "Every view, change and export of the record is logged; the log names fields, never their values.")


def subject_access_data(store: Store, *, person_id: str | None = None, mentor_id: str | None = None,
                        redactions: Iterable[Redaction] = (), progress: Progress | None = None,
                        today: date | None = None, action: str = "export") -> SubjectAccessExport:
    """Everything held on the person or mentor, as plain sections, with the redactions applied.

    The gathering is audited: ``action`` "export" when a copy is being made (a disclosure, recorded at once and
    listed in the copy's own trail), "view" when the coordinator only reads the record to find passages naming
    other people (read without writing; the view joins the trail with the next write, as every view does).
    Raises ``LookupError`` for an unknown id.
    """
    if (person_id is None) == (mentor_id is None):
        raise ValueError("Give either a person id or a mentor id.")
    reviewing = action == "view"
    store.write_pending_views()  # the trail read below lists every view made until now
    with store.snapshot() if reviewing else store.transaction() as session:
        t = _Text(vocabulary_for(session), redactions)
        if person_id is not None:
            person = session.scalar(select(m.Person).where(m.Person.person_id == person_id, _live(m.Person)))
            if person is None:
                raise LookupError(f"There is no person with the id {person_id} in this store.")
            export = _person_export(session, t, person, progress)
            subject_uuid = person.id
        else:
            mentor = session.scalar(select(m.Mentor).where(m.Mentor.mentor_id == mentor_id, _live(m.Mentor)))
            if mentor is None:
                raise LookupError(f"There is no mentor with the id {mentor_id} in this store.")
            export = _mentor_export(session, t, mentor)
            subject_uuid = mentor.id
        export.prepared_on = today or date.today()
        export.prepared_by = audit.actor_of(session)
        # a name and its other forms share one reason: listed once
        export.redaction_reasons = list(dict.fromkeys(r.reason for r in t.applied))
        if reviewing:
            store.pending_views.note(export.prepared_by, export.kind, subject_uuid, subject_uuid=subject_uuid,
                                     detail="subject-access review")
        else:  # recorded before the trail is read, so the export itself appears in it
            audit.record_access(session, action, export.kind, subject_uuid, subject_uuid=subject_uuid,
                                detail="subject-access export")
            session.flush()
        if progress:
            progress(8, STEPS, "Audit trail")
        export.sections.append(_trail(session, t, subject_uuid))
        # How long it is kept is said by the retention rules themselves, never by a copy that could drift from
        # them; read with the record, so the copy is one consistent view.
        export.supplementary = setting_in(session, GDPR) | {
            "retention": retention_rules_in(session).subject_access_text()}
    return export


def _person_export(session: Session, t: _Text, person: m.Person, progress: Progress | None) -> SubjectAccessExport:
    export = SubjectAccessExport("person", person.person_id, t(f"{person.first_name} {person.last_name}"),
                                 date.today(), "")
    export.sections.append(Section("Personal details", ("Detail", "Held"), [
        ("Person id", person.person_id), ("First name", t(person.first_name)), ("Last name", t(person.last_name)),
        ("Date of birth", t(person.date_of_birth)), ("Gender", t.label("gender", person.gender))]))
    referrals = session.scalars(select(m.Referral).where(m.Referral.person_uuid == person.id, _live(m.Referral))
                                .order_by(m.Referral.referred_on)).all()
    ids = {r.id: r.referral_id for r in referrals}
    for referral in referrals:
        organisation = referral.organisation.name if referral.organisation else ""
        export.sections.append(Section(f"Referral {referral.referral_id}", ("Detail", "Held"), [
            ("Received on", t(referral.referred_on)), ("Age when referred", t(referral.age_at_referral)),
            ("Reason accepted although under 18", t(referral.under_18_reason)),
            ("Address", t(referral.address)), ("Postcode", t(referral.postcode)), ("Phone", t(referral.phone)),
            ("Email", t(referral.email)), ("Area", t.label("area", referral.area)),
            ("Referring organisation", t(organisation)), ("Referrer", t(referral.referrer_name)),
            ("Referrer's email", t(referral.referrer_email)), ("Referrer's phone", t(referral.referrer_phone)),
            ("Crime or incident reference", t(referral.crime_reference)),
            ("The referrer's description", t(referral.description)),
            ("Consent", t.label("consent", referral.consent)), ("Consent given on", t(referral.consent_on)),
            ("Victim of crime", t(referral.victim)), ("Crimes (as victim)", t.labels("crime", referral.victim_crimes)),
            ("Perpetrator of crime", t(referral.perpetrator)),
            ("Crimes (as perpetrator)", t.labels("crime", referral.perpetrator_crimes)),
            ("Vulnerabilities", t.labels("vulnerability", referral.vulnerabilities)),
            ("Decision", t.label("outcome", referral.outcome)), ("Decided on", t(referral.decided_on)),
            ("Reason for the decision", t(referral.decision_reason)),
            ("First contact", t(referral.first_contact_on)), ("Support ended", t(referral.closed_on)),
            ("Why support ended", t(referral.closure_reason)),
            ("Feedback sent to the referrer", t(referral.feedback_sent_on)),
            ("Calls to the police, 12 months before", t(referral.police_calls_before)),
            ("Calls to the police, 12 months after first contact", t(referral.police_calls_after)),
            ("Source of the police figures", t(referral.police_calls_source))]))
    uuids = list(ids)

    def step(n: int, message: str) -> None:
        if progress:
            progress(n, STEPS, message)

    step(1, "Decisions")
    e = m.ReferralEvent
    export.sections.append(Section("Decisions and case history",
                                   ("Date", "Referral", "Event", "Outcome", "Reason", "By"), [
        (t(ev.happened_on), ids[ev.referral_uuid], ev.kind, t.label("outcome", ev.outcome), t(ev.reason), t(ev.by))
        for ev in session.scalars(select(e).where(e.referral_uuid.in_(uuids), _live(e)).order_by(e.happened_on))]))
    step(2, "Risk assessments")
    a = m.RiskAssessment
    assessments = session.scalars(select(a).where(a.referral_uuid.in_(uuids), _live(a)).order_by(a.assessed_on)).all()
    checks: dict[str, list[str]] = {}
    for check in session.scalars(select(m.RiskCheck).where(
            m.RiskCheck.assessment_uuid.in_([x.id for x in assessments]), _live(m.RiskCheck))):
        checks.setdefault(check.assessment_uuid, []).append(
            f"{t(check.source)} ({t(check.checked_on)}): {t(check.findings)}")
    people: dict[str, list[str]] = {}
    for p in session.scalars(select(m.ProfessionalConsulted).where(
            m.ProfessionalConsulted.assessment_uuid.in_([x.id for x in assessments]), _live(m.ProfessionalConsulted))):
        people.setdefault(p.assessment_uuid, []).append(f"{t(p.name)}, {t(p.organisation)}: {t(p.advice)}")
    export.sections.append(Section(
        "Risk assessments", ("Date", "Referral", "Kind", "Danger to staff", "Will / want / capacity", "Checks made",
                             "Professionals consulted", "Notes"),
        [(t(x.assessed_on), ids[x.referral_uuid], x.kind, x.danger_to_staff or "",
          " / ".join(t(v) or "?" for v in (x.will_to_change, x.want_to_change, x.capacity_to_change)),
          "\n".join(checks.get(x.id, [])), "\n".join(people.get(x.id, [])), t(x.notes)) for x in assessments]))
    f = m.RiskFlag
    export.sections.append(Section("Risk flags", ("Referral", "Flag", "Raised", "Cleared", "Notes"), [
        (ids[x.referral_uuid], t.label("risk_flag", x.flag), t(x.raised_on), t(x.cleared_on), t(x.notes))
        for x in session.scalars(select(f).where(f.referral_uuid.in_(uuids), _live(f)).order_by(f.raised_on))]))
    step(3, "Home visits")
    v = m.HomeVisit
    export.sections.append(Section("Home visits",
                                   ("Date", "Referral", "Status", "Who went", "Joint with referrer", "Notes"), [
        (t(x.visit_on), ids[x.referral_uuid], x.status, t(x.visitors), t(x.joint_with_referrer), t(x.notes))
        for x in session.scalars(select(v).where(v.referral_uuid.in_(uuids), _live(v)).order_by(v.visit_on))]))
    step(4, "Mentors")
    al, mt = m.Allocation, m.Mentor
    export.sections.append(Section(
        "Mentors who supported you", ("Referral", "Mentor", "From", "Until"),
        [(ids[ref], t(first), t(start), t(end)) for ref, first, start, end in session.execute(
            select(al.referral_uuid, mt.first_name, al.allocated_on, al.ended_on).join(mt, mt.id == al.mentor_uuid)
            .where(al.referral_uuid.in_(uuids), _live(al)).order_by(al.allocated_on))],
        "Mentors are volunteers: only their first names are given."))
    step(5, "Contacts")
    c = m.Contact
    contact_rows = session.execute(
        select(c.occurred_at, c.referral_uuid, c.activity, c.minutes, mt.first_name, c.staff_name, c.notes)
        .outerjoin(mt, mt.id == c.mentor_uuid).where(c.referral_uuid.in_(uuids), _live(c))
        .order_by(c.occurred_at, c.contact_id)).all()
    export.sections.append(Section("Contacts with you and about you",
                                   ("When", "Referral", "Activity", "Minutes", "By", "Notes"), [
        (t(at), ids[ref], t.label("activity", activity).split(":")[0], t(minutes), t(first or staff), t(notes))
        for at, ref, activity, minutes, first, staff, notes in contact_rows]))
    rv = m.ContactRevision
    revisions = session.execute(
        select(c.contact_id, rv.created_at, rv.occurred_at, rv.activity, rv.minutes, mt.first_name, rv.staff_name,
               rv.notes)
        .join(c, c.id == rv.contact_uuid).outerjoin(mt, mt.id == rv.mentor_uuid)
        .where(c.referral_uuid.in_(uuids), _live(c), _live(rv)).order_by(c.occurred_at, rv.created_at)).all()
    if revisions:
        export.sections.append(Section(
            "Earlier versions of corrected contacts", ("Contact", "Corrected", "When", "Activity", "Minutes", "By",
                                                       "Notes"),
            [(cid, t(changed), t(at), t.label("activity", activity).split(":")[0], t(minutes), t(first or staff),
              t(notes)) for cid, changed, at, activity, minutes, first, staff, notes in revisions],
            "When a contact entry is corrected, what it said before is kept, and is part of your record."))
    step(6, "Goals")
    g = m.Goal
    goals = session.scalars(select(g).where(g.referral_uuid.in_(uuids), _live(g)).order_by(g.set_on)).all()
    export.sections.append(Section("Goals (GROW)", ("Set on", "Referral", "Goal", "Reality", "Options", "Way forward",
                                                    "Commitment", "Status", "Reviewed"), [
        (t(x.set_on), ids[x.referral_uuid], t(x.goal), t(x.reality), t(x.options), t(x.way_forward), t(x.commitment),
         t.label("goal_status", x.status), t(x.reviewed_on)) for x in goals]))
    gr = m.GoalReview
    reviews = session.scalars(select(gr).where(gr.goal_uuid.in_([x.id for x in goals]), _live(gr))
                              .order_by(gr.reviewed_on)).all()
    titles = {x.id: x.goal for x in goals}
    if reviews:
        export.sections.append(Section("Goal reviews", ("Reviewed on", "Goal", "Status", "Commitment", "Notes"), [
            (t(x.reviewed_on), t(titles.get(x.goal_uuid)), t.label("goal_status", x.status), t(x.commitment),
             t(x.notes)) for x in reviews]))
    step(7, "Requests and audit trail")
    export.sections.append(_requests(session, t, person.id))
    return export


def _requests(session: Session, t: _Text, subject_uuid: str) -> Section:
    """The subject's own requests in the register (this one included): they are personal data too."""
    q = m.SubjectAccessRequest
    rows = session.scalars(select(q).where(q.subject_uuid == subject_uuid, _live(q)).order_by(q.received_on)).all()
    return Section("Your requests to see your information", ("Received", "Identity checked", "Clock paused (days)",
                                                             "Due", "Extension", "Completed"),
                   [(t(x.received_on), t(x.identity_checked_on), str(x.paused_days or 0),
                     t(due_date(x.received_on, paused_days=x.paused_days or 0,
                                extension_months=x.extension_months or 0)),
                     f"{x.extension_months} months: {t(x.extension_reason)}" if x.extension_months else "",
                     t(x.completed_on)) for x in rows])


def _mentor_export(session: Session, t: _Text, mentor: m.Mentor) -> SubjectAccessExport:
    export = SubjectAccessExport("mentor", mentor.mentor_id, t(f"{mentor.first_name} {mentor.last_name}"),
                                 date.today(), "")
    export.sections.append(Section("Your details as a volunteer mentor", ("Detail", "Held"), [
        ("Mentor id", mentor.mentor_id), ("First name", t(mentor.first_name)), ("Last name", t(mentor.last_name)),
        ("Gender", t.label("gender", mentor.gender)), ("Date of birth", t(mentor.date_of_birth)),
        ("Phone", t(mentor.phone)), ("Email", t(mentor.email)), ("Area", t.label("area", mentor.area)),
        ("Training cohort", t(mentor.cohort)), ("Training completed", t(mentor.training_completed_on)),
        ("DBS check", t(mentor.dbs_checked_on)), ("Safeguarding training", t(mentor.safeguarding_completed_on)),
        ("Status", t.label("mentor_status", mentor.status)), ("Status reason", t(mentor.status_reason)),
        ("Left on", t(mentor.left_on)), ("Reason for leaving", t.label("left_reason", mentor.left_reason)),
        ("Lived experience", t.labels("lived_experience", mentor.lived_experience)),
        ("Former client of the scheme", t(mentor.former_client)), ("Clients at once", t(mentor.capacity)),
        ("Availability", t(mentor.availability))]))
    s = m.MentorStatusChange
    export.sections.append(Section("Status history", ("Date", "Status", "Reason"), [
        (t(x.changed_on), t.label("mentor_status", x.status), t(x.reason))
        for x in session.scalars(select(s).where(s.mentor_uuid == mentor.id, _live(s)).order_by(s.changed_on))]))
    p = m.ProgressCheck
    export.sections.append(Section("Progress check-ins", ("Date", "With", "Notes"), [
        (t(x.checked_on), t(x.checked_by), t(x.notes))
        for x in session.scalars(select(p).where(p.mentor_uuid == mentor.id, _live(p)).order_by(p.checked_on))]))
    a, r = m.Allocation, m.Referral
    export.sections.append(Section(
        "Clients you supported", ("Case", "From", "Until"),
        [(ref, t(start), t(end)) for ref, start, end in session.execute(
            select(r.referral_id, a.allocated_on, a.ended_on).join(r, r.id == a.referral_uuid)
            .where(a.mentor_uuid == mentor.id, _live(a)).order_by(a.allocated_on))],
        "Clients' own details are their personal data and are not part of your record: cases are named by id."))
    c = m.Contact
    export.sections.append(Section(
        "Contacts you made", ("Case", "Contacts", "Minutes", "First", "Last"),
        [(ref, f"{n:,}", f"{minutes or 0:,}", t(first), t(last)) for ref, n, minutes, first, last in session.execute(
            select(r.referral_id, func.count(), func.sum(c.minutes), func.min(c.occurred_at), func.max(c.occurred_at))
            .join(r, r.id == c.referral_uuid).where(c.mentor_uuid == mentor.id, _live(c))
            .group_by(r.referral_id).order_by(func.min(c.occurred_at)))],
        "How many contacts you logged with each case; the notes of those contacts are about the client, and are "
        "the client's personal data, so they are not given here."))
    export.sections.append(_requests(session, t, mentor.id))
    return export


def subject_access_pdf(store: Store, *, person_id: str | None = None, mentor_id: str | None = None,
                       redactions: Iterable[Redaction] = (), password: str | None = None,
                       progress: Progress | None = None) -> bytes:
    """The subject-access export as a PDF (optionally AES-256 protected); raises LookupError for an unknown id."""
    from cpm_desktop.reports.sar import render_subject_access

    export = subject_access_data(store, person_id=person_id, mentor_id=mentor_id, redactions=redactions,
                                 progress=progress)
    if progress:
        progress(9, STEPS, f"Setting {sum(len(s.rows) for s in export.sections):,} entries in type")
    pdf = render_subject_access(export, password=password)
    if progress:
        progress(STEPS, STEPS, "Done")
    return pdf
