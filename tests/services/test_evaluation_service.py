"""The evaluation summary from a real store: the 2018 evaluation's records, written through the CSV import,
give the same document as the pure computation over the same rows, and so the report's own figures."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from cpm_desktop.domain.evaluation import EvaluationParameters, compute_evaluation
from cpm_desktop.domain.vocabulary import KINDS
from cpm_desktop.resources import base_vocabulary
from cpm_desktop.services.interchange import import_tables
from cpm_desktop.services.reports import evaluation_summary, load_mentor_rows
from cpm_desktop.storage import models as m
from tests.domain import fixture_2018 as f2018
from tests.services.test_interchange import blank

CODES = {kind: base_vocabulary().codes(kind) for kind in KINDS}
PARAMS = EvaluationParameters(as_of=f2018.AS_OF, hours_per_call=f2018.HOURS_PER_CALL, cost_per_hour=25)


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def tables_2018() -> dict[str, list[dict[str, str]]]:
    """The fixture's rows as interchange tables: one contact row per contact, real allocations."""
    referrals, mentors = f2018.referrals(), f2018.mentors()
    tables: dict[str, list[dict[str, str]]] = {"referrals": [], "mentors": [], "allocations": [], "contacts": []}
    for r in referrals:
        tables["referrals"].append(blank(
            "referrals", referral_id=r.referral_id, person_id=r.person_id, referred_on=_day(r.referred_on),
            first_name="Client", last_name=r.person_id, age_at_referral=str(r.age_at_referral), gender=r.gender,
            area=r.area, victim=_yes(r.victim), perpetrator=_yes(r.perpetrator),
            victim_crimes=";".join(r.victim_crimes), perpetrator_crimes=";".join(r.perpetrator_crimes),
            vulnerabilities=";".join(r.vulnerabilities), outcome=r.outcome, decided_on=_day(r.decided_on),
            first_contact_on=_day(r.first_contact_on), closed_on=_day(r.closed_on),
            closure_reason="Goals met" if r.closed_on else "", feedback_sent_on=_day(r.feedback_sent_on),
            police_calls_before="" if r.police_calls_before is None else str(r.police_calls_before),
            police_calls_after="" if r.police_calls_after is None else str(r.police_calls_after)))
    for mentor in mentors:
        tables["mentors"].append(blank(
            "mentors", mentor_id=mentor.mentor_id, first_name="Mentor", last_name=mentor.mentor_id,
            gender=mentor.gender, date_of_birth=_day(mentor.date_of_birth), area=mentor.area, cohort=mentor.cohort,
            training_completed_on=_day(mentor.training_completed_on), status=mentor.status,
            left_reason=mentor.left_reason or "", lived_experience=";".join(mentor.lived_experience),
            former_client=_yes(mentor.former_client), last_progress_check_on=_day(mentor.last_progress_check_on)))
    # Every supported referral goes to the mentor allocated first; each other mentor's first allocation is
    # to the first referral, which is still open and allocated before any of them.
    allocated = sorted((m for m in mentors if m.first_allocated_on), key=lambda m: m.first_allocated_on)
    busiest, first_case = allocated[0], next(r for r in referrals if r.first_allocated_on)
    assert busiest.first_allocated_on == first_case.first_allocated_on and first_case.closed_on is None
    for r in referrals:
        if r.first_allocated_on:
            tables["allocations"].append(blank("allocations", referral_id=r.referral_id,
                                               mentor_id=busiest.mentor_id, allocated_on=_day(r.first_allocated_on)))
    for mentor in allocated[1:]:
        tables["allocations"].append(blank("allocations", referral_id=first_case.referral_id,
                                           mentor_id=mentor.mentor_id, allocated_on=_day(mentor.first_allocated_on)))
    first_contact = {r.referral_id: r.first_contact_on for r in referrals}
    for tally in f2018.contact_tallies(referrals):
        for i in range(tally.count):
            at = f"{first_contact[tally.referral_id]}T{8 + i // 60:02d}:{i % 60:02d}"
            tables["contacts"].append(blank(
                "contacts", contact_id=f"C{tally.referral_id}-{i}", referral_id=tally.referral_id, occurred_at=at,
                activity=tally.activity, minutes=str(tally.minutes // tally.count)))
    return tables


@pytest.fixture
def store_2018(store):
    import_tables(store, tables_2018())
    return store


def test_the_store_gives_the_same_document_as_the_rows(store_2018):
    rows = f2018.referrals()
    expected = compute_evaluation(PARAMS, rows, f2018.contact_tallies(rows), f2018.mentors(), CODES)
    assert evaluation_summary(store_2018, PARAMS) == expected


def test_the_store_reproduces_the_2018_report(store_2018):
    summary = evaluation_summary(store_2018, PARAMS)
    assert (summary["referrals"]["total"], summary["referrals"]["supported"]) == (261, 140)
    assert summary["referrals"]["supported_pct"] == 53.6
    assert [(y["referred"], y["supported"]) for y in summary["referrals"]["by_year"]] == [(34, 30), (171, 63),
                                                                                         (56, 47)]
    assert summary["supported"]["age"]["female"] == {"min": 19, "max": 97, "mean": 45.9}
    assert summary["contacts"]["mean_per_client"] == 30.7
    assert summary["contacts"]["bands"] == {"200+": 5, "100-199": 11, "50-99": 12, "0-49": 112}
    assert summary["engagement"]["longest_months"] == 19 and summary["engagement"]["longest_still_active"]
    assert summary["demand"]["cost_saved"] == 660_425
    assert summary["mentors"]["trained"] == 158 and summary["mentors"]["active_or_sabbatical"] == 62
    assert summary["mentors"]["age"] == {"min": 20, "max": 82, "mean": 44.2}


def test_area_and_period_filter_in_the_store(store_2018):
    summary = evaluation_summary(store_2018, EvaluationParameters(
        as_of=f2018.AS_OF, date_from=date(2017, 4, 1), date_to=date(2018, 3, 31)))
    assert summary["referrals"]["by_year"] == [{"year": "2017-18", "referred": 171, "supported": 63}]
    elsewhere = evaluation_summary(store_2018, EvaluationParameters(as_of=f2018.AS_OF, area="north"))
    assert elsewhere["referrals"]["total"] == 0 and elsewhere["mentors"]["by_status"]["active"] == 0


def test_a_progress_check_after_as_of_does_not_hide_the_one_before(store_2018):
    # M001 was checked on 20 June 2018, ten days before as_of, and again in December: on 30 June the December
    # check has not happened, and the June one keeps M001 in time.
    with store_2018.transaction() as session:
        mentor = session.scalars(select(m.Mentor).where(m.Mentor.mentor_id == "M001")).one()
        session.add(m.ProgressCheck(mentor_uuid=mentor.id, checked_on=date(2018, 12, 1), checked_by="tester"))
    with store_2018.transaction() as session:
        rows = {row.mentor_id: row for row in load_mentor_rows(session, f2018.AS_OF)}
        assert rows["M001"].last_progress_check_on == f2018.AS_OF - timedelta(days=10)
    assert evaluation_summary(store_2018, PARAMS)["mentors"]["progress_check_overdue"] == 0
    # On 15 January 2019 only M001 (checked on 1 December) is in time.
    later = EvaluationParameters(as_of=date(2019, 1, 15))
    assert evaluation_summary(store_2018, later)["mentors"]["progress_check_overdue"] == 55 - 1
