"""The evaluation summary from a real store: the 2018 evaluation's records, written through the CSV import,
give the same document as the pure computation over the same rows, and so the report's own figures."""
from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from cpm_desktop.domain.evaluation import EvaluationParameters, compute_evaluation
from cpm_desktop.domain.vocabulary import KINDS
from cpm_desktop.resources_path import base_vocabulary
from cpm_desktop.services.interchange import import_tables
from cpm_desktop.services.reports import (
    evaluation_note,
    evaluation_pdf,
    evaluation_summary,
    load_mentor_rows,
    save_evaluation_note,
)
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


FY_2017_18 = EvaluationParameters(date(2017, 4, 1), date(2018, 3, 31), date(2018, 6, 30),
                                  hours_per_call=f2018.HOURS_PER_CALL)


def _log_contact(store, referral_id: str, at: datetime, minutes: int = 45) -> None:
    with store.transaction() as session:
        referral = session.scalars(select(m.Referral).where(m.Referral.referral_id == referral_id)).one()
        session.add(m.Contact(contact_id=f"X-{referral_id}-{at:%Y%m%d}", referral_uuid=referral.id, occurred_at=at,
                              activity="telephone", minutes=minutes))


def test_previous_period_figures_equal_a_second_run_over_that_period(store_2018):
    # R001 is of 2016-17 and still open; a call in December 2017 is after the previous period's as_of
    # (30 June 2017) and must not count there, though a run as at 30 June 2018 counts it.
    _log_contact(store_2018, "R001", datetime(2017, 12, 1, 10, 0))
    summary = evaluation_summary(store_2018, FY_2017_18)
    previous = summary["previous_period"]
    assert (previous["from"], previous["to"], previous["as_of"]) == ("2016-04-01", "2017-03-31", "2017-06-30")
    second = evaluation_summary(store_2018, EvaluationParameters(
        date(2016, 4, 1), date(2017, 3, 31), date(2017, 6, 30), hours_per_call=f2018.HOURS_PER_CALL))
    assert previous["figures"] == second["by_area"]["total"]
    assert (previous["figures"]["referrals"], previous["figures"]["supported"]) == (34, 30)
    later = evaluation_summary(store_2018, replace(FY_2017_18, date_from=date(2016, 4, 1), date_to=date(2017, 3, 31)))
    assert later["by_area"]["total"]["contacts"] == previous["figures"]["contacts"] + 1
    assert previous["change"]["referrals"] == 171 - 34 and previous["change"]["supported"] == 63 - 30


def test_areas_from_the_store_add_up_to_the_whole(store_2018):
    with store_2018.transaction() as session:  # move a few referrals and mentors to other areas
        for n, area in ((40, "east"), (41, "north"), (50, "south"), (60, "east")):
            session.scalars(select(m.Referral).where(m.Referral.referral_id == f"R{n:03d}")).one().area = area
        for n, area in ((33, "east"), (34, "south")):
            session.scalars(select(m.Mentor).where(m.Mentor.mentor_id == f"M{n:03d}")).one().area = area
    by_area = evaluation_summary(store_2018, FY_2017_18)["by_area"]
    assert [a["area"] for a in by_area["areas"]] == list(CODES["area"])
    for key in ("referrals", "people", "supported", "contacts", "calls_avoided", "mentors_active"):
        assert sum(a[key] for a in by_area["areas"]) == by_area["total"][key], key
    east = evaluation_summary(store_2018, replace(FY_2017_18, area="east"))
    row = next(a for a in by_area["areas"] if a["area"] == "east")
    assert east["by_area"]["areas"] == [row] and row["referrals"] == east["referrals"]["total"] == 2
    assert row["mentors_active"] == east["mentors"]["active_or_sabbatical"] == 1


def test_the_leads_paragraph_is_kept_per_period_and_area_and_printed_on_page_one(store_2018):
    assert evaluation_note(store_2018, FY_2017_18) == ""
    save_evaluation_note(store_2018, FY_2017_18, "  A year of growth: three new referrers.\n")
    assert evaluation_note(store_2018, FY_2017_18) == "A year of growth: three new referrers."
    # The same period seen on another day or at another rate keeps its paragraph; another area or period has none.
    assert evaluation_note(store_2018, replace(FY_2017_18, as_of=date(2019, 1, 1), cost_per_hour=30)) != ""
    assert evaluation_note(store_2018, replace(FY_2017_18, area="east")) == ""
    assert evaluation_note(store_2018, replace(FY_2017_18, date_to=date(2018, 3, 30))) == ""

    def page_one(params) -> str:
        reader = PdfReader(io.BytesIO(evaluation_pdf(store_2018, params)))
        return " ".join(reader.pages[0].extract_text().split())

    first = page_one(FY_2017_18)
    assert "A year of growth: three new referrers." in first and "Prepared by tester" in first
    assert "A year of growth" not in page_one(replace(FY_2017_18, area="east"))
    save_evaluation_note(store_2018, FY_2017_18, "   ")
    assert evaluation_note(store_2018, FY_2017_18) == ""
    assert "A year of growth" not in page_one(FY_2017_18)


def test_the_headline_page_from_the_store_prints_the_json_figures(store_2018):
    summary = evaluation_summary(store_2018, PARAMS)
    h = summary["by_area"]["total"]
    assert (h["supported"], h["reduction_pct"], h["cost_saved"]) == (140, 81.0, 660_425)
    reader = PdfReader(io.BytesIO(evaluation_pdf(store_2018, PARAMS)))
    first = " ".join(reader.pages[0].extract_text().split())
    assert "140 clients supported, 53.6% of referrals" in first
    assert "81.0% fewer calls to the police: 4,860 calls avoided by 60 clients" in first
    assert "£660,425 saved: 26,417.0 police staff hours at £25 an hour" in first
    assert f"{h['contacts']:,} contacts with supported clients: {h['support_hours']:,} hours of support" in first
