"""Letters to referrers: acknowledging a referral with the expected wait, and feedback on the support."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cpm_desktop.domain.evaluation import lower_median
from cpm_desktop.domain.letters import Letter, feedback_kind
from cpm_desktop.domain.text import plural
from cpm_desktop.resources_path import resource_path
from cpm_desktop.services.vocabulary import vocabulary_for
from cpm_desktop.storage import audit
from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import Store


def _day(value: date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else "not yet"


def _days(n: int) -> str:
    return plural(n, "day")


def _paragraphs(wording: str) -> list[str]:
    """The coordinator's wording: paragraphs are separated by a blank line."""
    return [p.strip() for p in wording.replace("\r\n", "\n").split("\n\n") if p.strip()]


def _template(name: str) -> list[str]:
    text = resource_path("letters", f"{name}.txt").read_text(encoding="utf-8")
    return [paragraph.strip() for paragraph in text.split("\n\n") if paragraph.strip()]


def _referral(session: Session, referral_id: str) -> m.Referral:
    referral = session.scalar(select(m.Referral).where(m.Referral.referral_id == referral_id,
                                                       m.Referral.deleted_at.is_(None)))
    if referral is None:
        raise LookupError(f"There is no referral with the id {referral_id} in this store.")
    return referral


def expected_waits(store: Store, today: date | None = None) -> tuple[int | None, int | None]:
    """Median days from referral to decision, and from decision to mentors, over the last 12 months."""
    today = today or date.today()
    since = today - timedelta(days=365)
    r, a = m.Referral, m.Allocation
    first = (select(a.referral_uuid, func.min(a.allocated_on).label("first")).where(a.deleted_at.is_(None))
             .group_by(a.referral_uuid).subquery())
    with store.snapshot() as session:
        rows = session.execute(select(r.referred_on, r.decided_on, r.outcome, first.c.first)
                               .outerjoin(first, first.c.referral_uuid == r.id)
                               .where(r.deleted_at.is_(None), r.decided_on >= since, r.outcome != "pending")).all()
    to_decision = [(decided - referred).days for referred, decided, _, _ in rows]
    to_mentors = [(allocated - decided).days for _, decided, outcome, allocated in rows
                  if outcome == "supported" and allocated]
    return lower_median(to_decision), lower_median(to_mentors)


def acknowledgement_letter(store: Store, referral_id: str, today: date | None = None) -> Letter:
    today = today or date.today()
    decision_days, mentor_days = expected_waits(store, today)
    with store.transaction() as session:
        referral = _referral(session, referral_id)
        person = referral.person
        organisation = referral.organisation.name if referral.organisation else ""
        if decision_days is None:
            wait = "We do not yet have enough recent decisions to estimate the wait."
        else:
            wait = (f"Over the last twelve months a decision took {_days(decision_days)} from the referral "
                    "(the median of the referrals we decided), and "
                    + (f"mentors were allocated {_days(mentor_days)} after the decision (the median for the clients "
                       "we took on)." if mentor_days is not None
                       else "we have too few allocations to say how long mentors took after that."))
        values = dict(client=f"{person.first_name} {person.last_name}", client_first=person.first_name,
                      referred_on=_day(referral.referred_on), referral_id=referral.referral_id, expected_wait=wait)
        audit.record_access(session, "export", "referral", referral.id, subject_uuid=person.id,
                            detail="acknowledgement letter")
    return Letter("Acknowledgement of your referral", today, referral.referrer_name or "The referrer", organisation,
                  f"{values['client']} (referral {referral_id})",
                  [paragraph.format_map(values) for paragraph in _template("acknowledgement")])


def feedback_letter(store: Store, referral_id: str, today: date | None = None) -> Letter:
    """Feedback to the referrer in the words that fit the referral's outcome (domain.letters.feedback_kind):
    for support given, its dates, kind and amount and the goals achieved; for a referral declined, rejected,
    referred on or not yet in contact, what happened instead, and no table of support."""
    today = today or date.today()
    with store.transaction() as session:
        referral = _referral(session, referral_id)
        person = referral.person
        vocabulary = vocabulary_for(session)
        c = m.Contact
        by_activity = session.execute(
            select(c.activity, func.count(), func.coalesce(func.sum(c.minutes), 0))
            .where(c.referral_uuid == referral.id, c.deleted_at.is_(None)).group_by(c.activity)).all()
        achieved = session.scalars(select(m.Goal.goal).where(
            m.Goal.referral_uuid == referral.id, m.Goal.deleted_at.is_(None), m.Goal.status == "achieved")
            .order_by(m.Goal.set_on)).all()
        organisation = referral.organisation.name if referral.organisation else ""
        contacts = sum(n for _, n, _ in by_activity)
        minutes = sum(total or 0 for _, _, total in by_activity)
        kind = feedback_kind(referral.outcome, referral.closed_on is not None, contacts)
        values = dict(client=f"{person.first_name} {person.last_name}", client_first=person.first_name,
                      referred_on=_day(referral.referred_on), decided_on=_day(referral.decided_on),
                      first_contact_on=_day(referral.first_contact_on), closed_on=_day(referral.closed_on),
                      contacts=plural(contacts, "time"), hours=_hours(minutes))
        table = [(vocabulary.label("activity", code).split(":")[0], f"{n:,}")
                 for code, n, _ in sorted(by_activity, key=lambda row: -row[1])] if kind.shows_support else []
        goals_achieved = [goal for goal in achieved if goal] if kind.shows_support else []
        return Letter(kind.title, today, referral.referrer_name or "The referrer", organisation,
                      f"{values['client']} (referral {referral_id})",
                      [paragraph.format_map(values) for paragraph in _template(kind.template)],
                      "Support given" if table else "", table, "Goals achieved" if goals_achieved else "",
                      goals_achieved, describes=kind.describes, ends_the_referral=kind.ends_the_referral)


def _hours(minutes: int) -> str:
    """``1 hour``, ``2.5 hours``: a tenth of an hour at most."""
    hours = round(minutes / 60, 1)
    return "1 hour" if hours == 1 else f"{hours:,.1f} hours".replace(".0 hours", " hours")


def _record_export(store: Store, referral_id: str, detail: str) -> None:
    with store.transaction() as session:
        referral = _referral(session, referral_id)
        audit.record_access(session, "export", "referral", referral.id, subject_uuid=referral.person_uuid,
                            detail=detail)


def mark_feedback_sent(store: Store, referral_id: str, on: date | None = None) -> None:
    with store.transaction() as session:
        referral = _referral(session, referral_id)
        referral.feedback_sent_on = on or date.today()


def letter_pdf(letter: Letter, password: str | None = None) -> bytes:
    from cpm_desktop.reports.letters import render_letter

    return render_letter(letter, password=password)


def feedback_letter_pdf(store: Store, referral_id: str, *, wording: str | None = None,
                        paragraphs: list[str] | None = None, mark_sent: bool = True, password: str | None = None,
                        today: date | None = None) -> bytes:
    """The feedback letter (a progress update while the referral is under way) as a PDF.

    The coordinator's edited ``wording`` (paragraphs separated by blank lines; or ``paragraphs``) replaces
    the standard text; the table of support and the achieved goals' titles follow it. The letter shares
    no more than the referrer needs: dates of support, contacts by kind, achieved goal titles — never
    contact notes, goal details, reviews or risk information. Making the letter is audited as an export;
    with ``mark_sent`` a letter that ends the referral (closed, declined, referred on…) records the date
    feedback was sent. Raises ``LookupError`` ("There
    is no referral with the id …") for an unknown referral id.
    """
    letter = feedback_letter(store, referral_id, today)
    if wording is not None:
        paragraphs = _paragraphs(wording)
    if paragraphs is not None:
        letter.paragraphs = [p for p in paragraphs if p.strip()]
    pdf = letter_pdf(letter, password)
    _record_export(store, referral_id, "feedback letter" if letter.ends_the_referral else "progress update")
    if mark_sent and letter.ends_the_referral:
        mark_feedback_sent(store, referral_id, letter.written_on)
    return pdf


def acknowledgement_letter_pdf(store: Store, referral_id: str, *, wording: str | None = None,
                               password: str | None = None, today: date | None = None) -> bytes:
    """The acknowledgement to the referrer as a PDF (audited); raises ``LookupError`` for an unknown id."""
    letter = acknowledgement_letter(store, referral_id, today)
    if wording is not None:
        letter.paragraphs = _paragraphs(wording)
    return letter_pdf(letter, password)
