"""Reports for the project lead: the evaluation summary as a JSON document or a printable PDF.

The rows are loaded with a handful of aggregate queries (contacts are counted per referral and
activity in SQL, never loaded one by one); ``domain.evaluation`` computes every figure, and the same
document feeds the JSON and the PDF, so their numbers cannot differ.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.expression import Subquery

from cpm_desktop.domain.evaluation import (
    ContactTally,
    Document,
    EvaluationParameters,
    MentorRow,
    ReferralRow,
    compute_evaluation,
    previous_period,
    quarterly_counts,
)
from cpm_desktop.domain.vocabulary import KINDS, split_codes
from cpm_desktop.services.settings import get_setting, set_setting
from cpm_desktop.services.vocabulary import vocabulary_for
from cpm_desktop.storage import audit
from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import Store

Progress = Callable[[int, int, str], object]


def _first_allocations(session: Session, key: InstrumentedAttribute[str]) -> Subquery:
    return (select(key, func.min(m.Allocation.allocated_on).label("first"))
            .where(m.Allocation.deleted_at.is_(None)).group_by(key).subquery())


def load_referral_rows(session: Session) -> list[ReferralRow]:
    r, p = m.Referral, m.Person
    first = _first_allocations(session, m.Allocation.referral_uuid)
    query = (
        select(r.referral_id, p.person_id, r.referred_on, r.area, p.gender, r.age_at_referral, r.victim,
               r.perpetrator, r.victim_crimes, r.perpetrator_crimes, r.vulnerabilities, r.outcome, r.decided_on,
               r.first_contact_on, r.closed_on, r.feedback_sent_on, r.police_calls_before, r.police_calls_after,
               first.c.first)
        .join(p, p.id == r.person_uuid)
        .outerjoin(first, first.c.referral_uuid == r.id)
        .where(r.deleted_at.is_(None))
    )
    return [
        ReferralRow(row[0], row[1], row[2], row[3], row[4], row[5], bool(row[6]), bool(row[7]),
                    tuple(split_codes(row[8])), tuple(split_codes(row[9])), tuple(split_codes(row[10])),
                    row[11], row[12], row[13], row[14], row[15], row[16], row[17], row[18])
        for row in session.execute(query)
    ]


def load_contact_tallies(session: Session, as_of: date) -> list[ContactTally]:
    c, r = m.Contact, m.Referral
    until = datetime.combine(as_of + timedelta(days=1), time())
    query = (
        select(r.referral_id, c.activity, func.count(), func.coalesce(func.sum(c.minutes), 0))
        .join(r, r.id == c.referral_uuid)
        .where(c.deleted_at.is_(None), c.occurred_at < until, r.outcome == "supported")
        .group_by(c.referral_uuid, c.activity)
    )
    return [ContactTally(referral_id, activity, count, minutes or 0)
            for referral_id, activity, count, minutes in session.execute(query)]


def load_mentor_rows(session: Session, as_of: date | None = None) -> list[MentorRow]:
    """One row per mentor, with the first allocation and the last progress check up to ``as_of``."""
    t, check = m.Mentor, m.ProgressCheck
    first = _first_allocations(session, m.Allocation.mentor_uuid)
    checks = [check.deleted_at.is_(None)] + ([check.checked_on <= as_of] if as_of else [])
    last_check = (select(check.mentor_uuid, func.max(check.checked_on).label("last"))
                  .where(*checks).group_by(check.mentor_uuid).subquery())
    query = (
        select(t.mentor_id, t.area, t.gender, t.date_of_birth, t.cohort, t.training_completed_on, t.status,
               t.left_reason, t.lived_experience, t.former_client, last_check.c.last, first.c.first, t.left_on)
        .outerjoin(first, first.c.mentor_uuid == t.id)
        .outerjoin(last_check, last_check.c.mentor_uuid == t.id)
        .where(t.deleted_at.is_(None))
    )
    return [MentorRow(*row[:8], tuple(split_codes(row[8])), bool(row[9]), row[10], row[11], row[12])
            for row in session.execute(query)]


def _evaluation(store: Store, params: EvaluationParameters, progress: Progress | None = None
                ) -> tuple[Document, list[Document]]:
    """The summary document and the referrals by quarter across the store (for the PDF's chart)."""
    as_of = params.as_of or date.today()
    params = EvaluationParameters(params.date_from, params.date_to, as_of, params.cost_per_hour,
                                  params.hours_per_call, params.area)
    previous = previous_period(params)
    steps = ("Loading referrals", "Counting contacts", "Loading mentors", "Computing the summary")
    with store.transaction() as session:
        def step(n: int) -> None:
            if progress:
                progress(n, len(steps), steps[n])

        step(0)
        referrals = load_referral_rows(session)
        step(1)
        tallies = load_contact_tallies(session, as_of)
        previous_tallies = None
        if previous is not None and previous.as_of is not None and previous.as_of != as_of:
            previous_tallies = load_contact_tallies(session, previous.as_of)
        step(2)
        mentors = load_mentor_rows(session, as_of)
        step(3)
        vocabulary = vocabulary_for(session)
        codes = {kind: vocabulary.codes(kind) for kind in KINDS}
        summary = compute_evaluation(params, referrals, tallies, mentors, codes, previous_tallies)
        audit.record_access(session, "export", "evaluation",
                            detail=f"evaluation summary of {summary['referrals']['total']} referrals")
    return summary, quarterly_counts(referrals, params.area)


def evaluation_summary(store: Store, params: EvaluationParameters, progress: Progress | None = None) -> Document:
    """The evaluation summary document (spec/evaluation.md, with by_area and previous_period)."""
    return _evaluation(store, params, progress)[0]


def evaluation_pdf(store: Store, params: EvaluationParameters, progress: Progress | None = None) -> bytes:
    """The printable evaluation summary: the same document as :func:`evaluation_summary`, rendered, with the
    referrals by quarter, the lead's paragraph stored for this period and area, and the store's user as the
    person who prepared it."""
    from cpm_desktop.reports.evaluation import render_evaluation

    summary, quarters = _evaluation(store, params, progress)
    with store.transaction() as session:
        vocabulary = vocabulary_for(session)
    return render_evaluation(summary, vocabulary, quarters=quarters, note=evaluation_note(store, params),
                             prepared_by=store.actor)


# --- the lead's paragraph on page one -------------------------------------------------------------------


def note_key(params: EvaluationParameters) -> str:
    """The setting that holds the lead's paragraph for this period and area (not for as_of or the rates)."""
    return "evaluation_note:{}:{}:{}".format(
        params.date_from.isoformat() if params.date_from else "start",
        params.date_to.isoformat() if params.date_to else "end", params.area or "all")


def evaluation_note(store: Store, params: EvaluationParameters) -> str:
    """The paragraph the lead wrote for this period and area, or "" when there is none."""
    return str(get_setting(store, note_key(params)).get("text", "")).strip()


def save_evaluation_note(store: Store, params: EvaluationParameters, text: str) -> None:
    """Keep the lead's paragraph for this period and area; an empty text removes it."""
    text = text.strip()
    if text or evaluation_note(store, params):
        set_setting(store, note_key(params), {"text": text})
