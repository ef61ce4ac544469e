"""Referrals: intake, search as you type, filters, re-referrals, decisions and risk history."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from cpm_desktop.domain.workflow import WorkflowError
from cpm_desktop.services import cases, referrals, risk
from cpm_desktop.services.record_views import flush_record_views
from cpm_desktop.services.referrals import IntakeError, ReferralForm
from cpm_desktop.storage import models as m

TODAY = date(2026, 11, 23)


def new(store, **changes) -> ReferralForm:
    values = dict(first_name="Ionuț", last_name="Păun", referred_on=date(2026, 11, 2), date_of_birth=date(1970, 2, 28),
                  gender="male", phone="07700 900123", postcode="DL1 9ZZ", area="darlington",
                  referrer_org="MIND", crime_reference="DUR-12345", victim=True,
                  victim_crimes=("harassment_stalking",), vulnerabilities=("mental_health", "alcohol"))
    values.update(changes)
    return referrals.save_referral(store, ReferralForm(**values), today=TODAY)


def test_new_referral_gets_ids_and_derived_age(store):
    saved = new(store)
    assert (saved.referral_id, saved.person_id) == ("R000001", "P000001")
    loaded = referrals.load_referral(store, saved.referral_uuid)
    assert loaded.age_at_referral == 56 and loaded.vulnerabilities == ("mental_health", "alcohol")
    assert loaded.referrer_org == "MIND"
    assert new(store, first_name="Ann", last_name="Lee", phone="").referral_id == "R000002"


def test_intake_problems_write_nothing(store):
    with pytest.raises(IntakeError) as raised:
        new(store, first_name="", date_of_birth=date(2012, 1, 1))
    assert len(raised.value.problems) == 2
    with store.transaction() as session:
        assert session.scalars(select(m.Referral)).all() == []


def test_under_18_with_a_reason_is_saved(store):
    saved = new(store, date_of_birth=date(2010, 1, 1), under_18_reason="Referred by the youth offending team")
    assert referrals.load_referral(store, saved.referral_uuid).under_18_reason.startswith("Referred")


@pytest.mark.parametrize("query", ["paun", "PĂUN", "ionut paun", "R000001", "dur-123", "dl19zz", "DL1 9ZZ",
                                   "07700900123", "900123", "P000001"])
def test_search_is_case_and_accent_insensitive(store, query):
    new(store)
    new(store, first_name="Ann", last_name="Lee", phone="07700 900999", postcode="SR8 1ZZ", crime_reference="")
    assert [row.name for row in referrals.list_referrals(store, search=query, today=TODAY)] == ["Ionuț Păun"]


def test_search_with_like_wildcards_is_literal(store):
    new(store)
    assert referrals.list_referrals(store, search="%", today=TODAY) == []
    assert referrals.list_referrals(store, search="_", today=TODAY) == []


def test_filters_and_days_waiting(store):
    waiting = new(store)
    decided = new(store, first_name="Ann", last_name="Lee", phone="")
    cases.record_decision(store, decided.referral_uuid, "supported", "Will, want and capacity", date(2026, 11, 10),
                          today=TODAY)
    rows = {r.referral_id: r for r in referrals.list_referrals(store, today=TODAY)}
    assert rows[waiting.referral_id].days_waiting == 21 and rows[waiting.referral_id].status == "awaiting decision"
    assert rows[decided.referral_id].days_waiting == 13 and rows[decided.referral_id].status == "awaiting mentors"
    assert [r.referral_id for r in referrals.list_referrals(store, state="awaiting_decision", today=TODAY)] == [
        waiting.referral_id]
    assert [r.referral_id for r in referrals.list_referrals(store, state="awaiting_allocation", today=TODAY)] == [
        decided.referral_id]
    assert referrals.list_referrals(store, area="east", today=TODAY) == []
    assert len(referrals.list_referrals(store, outcome="supported", today=TODAY)) == 1


def test_re_referral_is_offered_and_linked(store):
    first = new(store)
    matches = referrals.possible_matches(store, first_name="Ionut", last_name="Paun", date_of_birth=date(1970, 2, 28))
    assert [match.person_id for match in matches] == ["P000001"]
    assert "same date of birth" in matches[0].why
    by_phone = referrals.possible_matches(store, first_name="J", last_name="Smith", phone="07700900123")
    assert by_phone and by_phone[0].why == "same phone"
    assert referrals.possible_matches(store, first_name="Ionut", last_name="Paun", date_of_birth=date(1981, 1, 1)) == []
    again = referrals.person_details(store, first.person_uuid)
    again.referred_on = date(2026, 11, 20)
    second = referrals.save_referral(store, again, today=TODAY)
    assert second.person_id == first.person_id and second.referral_id == "R000002"
    assert len(referrals.list_referrals(store, search="paun", today=TODAY)) == 2


def test_renaming_a_person_updates_search_of_all_their_referrals(store):
    first = new(store)
    form = referrals.load_referral(store, first.referral_uuid)
    form.last_name = "Popescu"
    referrals.save_referral(store, form, today=TODAY)
    assert len(referrals.list_referrals(store, search="popescu", today=TODAY)) == 1
    assert referrals.list_referrals(store, search="paun", today=TODAY) == []


def test_viewing_a_referral_is_audited(store):
    saved = new(store)
    referrals.load_referral(store, saved.referral_uuid)
    flush_record_views(store)  # the window does this every half minute (tests/services/test_record_views.py)
    with store.transaction() as session:
        views = session.scalars(select(m.AuditEvent).where(m.AuditEvent.action == "view")).all()
    assert [(v.record_uuid, v.subject_uuid) for v in views] == [(saved.referral_uuid, saved.person_uuid)]


def test_the_person_id_of_a_case_is_read_without_recording_a_view(store):
    saved = new(store)
    assert referrals.person_id_of(store, saved.referral_uuid) == saved.person_id == "P000001"
    assert referrals.person_id_of(store, "no such case") is None
    flush_record_views(store)
    with store.snapshot() as session:
        assert session.scalars(select(m.AuditEvent).where(m.AuditEvent.action == "view")).all() == []


def test_decisions_are_revised_with_history_and_cases_reopen(store):
    saved = new(store)
    uuid = saved.referral_uuid
    cases.record_decision(store, uuid, "supported", "Will, want and capacity", date(2026, 11, 5), today=TODAY)
    cases.record_decision(store, uuid, "declined_after_engagement", "Too volatile at the home visit",
                          date(2026, 11, 9), today=TODAY)
    cases.reopen_case(store, uuid, "Calmer now; asked again", on=date(2026, 11, 20))
    history = cases.case_history(store, uuid)
    assert [(e.kind, e.outcome) for e in history] == [
        ("reopened", "pending"), ("decision", "declined_after_engagement"), ("decision", "supported")]
    assert referrals.case_header(store, uuid).status == "awaiting decision"
    with pytest.raises(WorkflowError):
        cases.record_decision(store, uuid, "supported", "", date(2026, 11, 21), today=TODAY)


def test_close_and_reopen_a_supported_case(store):
    uuid = new(store).referral_uuid
    cases.record_decision(store, uuid, "supported", "ok", date(2026, 11, 5), today=TODAY)
    cases.close_case(store, uuid, date(2026, 11, 22), "Goals achieved", today=TODAY)
    assert referrals.case_header(store, uuid).status == "closed"
    cases.reopen_case(store, uuid, "New incident", on=TODAY)
    assert referrals.case_header(store, uuid).status == "awaiting mentors"
    assert [e.kind for e in cases.case_history(store, uuid)] == ["reopened", "closed", "decision"]


def test_assessments_flags_and_visits_are_kept_as_history(store):
    uuid = new(store).referral_uuid
    risk.add_assessment(store, uuid, risk.Assessment(
        date(2026, 11, 3), danger_to_staff="medium", will_to_change=True, want_to_change=True,
        capacity_to_change=False, notes="Lives alone <flat 2> & anxious",
        checks=(risk.Check("Police national computer", date(2026, 11, 3), "Two call-outs"),),
        professionals=(risk.Professional("PC O'Neil", "Durham Constabulary", "Joint first visit"),)), today=TODAY)
    risk.add_assessment(store, uuid, risk.Assessment(date(2026, 11, 10), kind="reassessment",
                                                     danger_to_staff="low", capacity_to_change=True), today=TODAY)
    history = risk.assessments(store, uuid)
    assert [a.kind for a in history] == ["reassessment", "initial"]
    assert history[1].checks[0].findings == "Two call-outs" and history[1].professionals[0].name == "PC O'Neil"
    flag = risk.raise_flag(store, uuid, "two_staff", date(2026, 11, 3))
    with pytest.raises(risk.RiskError):
        risk.raise_flag(store, uuid, "two_staff", date(2026, 11, 4))
    risk.clear_flag(store, flag, date(2026, 11, 12))
    assert risk.flags(store, uuid) == [] and len(risk.flags(store, uuid, include_cleared=True)) == 1
    visit = risk.save_visit(store, uuid, risk.Visit(date(2026, 11, 8), visitors="Coordinator and PC O'Neil",
                                                   joint_with_referrer=True))
    risk.save_visit(store, uuid, risk.Visit(date(2026, 11, 8), status="done", visitors="Coordinator", uuid=visit))
    assert [(v.status, v.visitors) for v in risk.visits(store, uuid)] == [("done", "Coordinator")]
    with pytest.raises(risk.RiskError):
        risk.add_assessment(store, uuid, risk.Assessment(date(2027, 1, 1)), today=TODAY)


def test_search_tolerates_a_typo_in_a_name_ranked_after_exact_hits(store):
    from cpm_desktop.services.interchange import import_tables
    from tests.services.test_interchange import blank, sample_tables

    tables = sample_tables()
    tables["referrals"].append(blank("referrals", referral_id="R9", person_id="P9", referred_on="2019-02-01",
                                     first_name="Alan", last_name="Brian", outcome="pending"))
    import_tables(store, tables)
    found = referrals.search_referrals(store, search="siobahn", limit=2000)
    assert (found.exact, found.total, [row.name for row in found.rows]) == (0, 0, ["Siobhán Ó Briain"])
    found = referrals.search_referrals(store, search="briain", limit=2000)
    assert (found.exact, [row.name for row in found.rows]) == (1, ["Siobhán Ó Briain", "Alan Brian"])
    found = referrals.search_referrals(store, search="paun", limit=2000)  # enough exact hits? two: both shown
    assert {row.name for row in found.rows} == {"Ionuț Păun"} and found.exact == 2
    assert referrals.search_referrals(store, search="xyzzy", limit=2000).rows == []
    assert referrals.search_referrals(store, search="sio", limit=2000).exact == 1  # too short to be a typo
    # Filters hold for close spellings too.
    assert referrals.search_referrals(store, search="siobahn", area="west", limit=2000).rows == []


def test_close_spellings_follow_a_change_of_name(store):
    """The fuzzy pass keeps the search texts in memory: a saved change is seen at once."""
    from cpm_desktop.services.interchange import import_tables
    from tests.services.test_interchange import sample_tables

    import_tables(store, sample_tables())
    [found] = referrals.search_referrals(store, search="siobahn", limit=2000).rows
    form = referrals.load_referral(store, found.uuid)
    form.first_name = "Saoirse"
    referrals.save_referral(store, form)
    assert referrals.search_referrals(store, search="siobahn", limit=2000).rows == []
    assert [r.name for r in referrals.search_referrals(store, search="saorise", limit=2000).rows] == [
        "Saoirse Ó Briain"]
