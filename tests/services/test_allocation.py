"""Allocation: who may be allocated (in every path), ranking with reasons, pairs, and the waiting lists."""
from __future__ import annotations

from datetime import date

import pytest

from cpm_desktop.domain.matching import MentorFacts, lived_experience_fits, why_not_allocatable
from cpm_desktop.resources import base_vocabulary
from cpm_desktop.services import allocation, mentors, referrals, risk
from cpm_desktop.services.interchange import import_tables
from cpm_desktop.services.mentors import MentorForm
from tests.services.test_interchange import blank, sample_tables

TODAY = date(2018, 8, 1)


def test_eligibility_rule():
    ok = MentorFacts("active", date(2017, 1, 1), date(2017, 1, 2))
    assert why_not_allocatable(ok) is None
    assert "active" in why_not_allocatable(MentorFacts("sabbatical", date(2017, 1, 1), date(2017, 1, 2)))
    assert "DBS" in why_not_allocatable(MentorFacts("active", None, date(2017, 1, 2)))
    assert "safeguarding" in why_not_allocatable(MentorFacts("active", date(2017, 1, 1), None))


def test_lived_experience_fits_the_clients_needs():
    matching = base_vocabulary().matching
    assert lived_experience_fits(["alcohol", "domestic_abuse", "armed_forces"], matching,
                                 vulnerabilities=["alcohol", "domestic_abuse_victim"], victim_crimes=[],
                                 victim=False, perpetrator=False) == ["alcohol", "domestic_abuse"]
    assert lived_experience_fits(["sexual_offence_victim", "crime_victim", "prison"], matching, vulnerabilities=[],
                                 victim_crimes=["rape"], victim=True, perpetrator=False) == [
        "sexual_offence_victim", "crime_victim"]
    assert lived_experience_fits(["prison"], matching, vulnerabilities=[], victim_crimes=[], victim=False,
                                 perpetrator=True) == ["prison"]


@pytest.fixture
def case(store):
    tables = sample_tables()
    tables["mentors"] += [
        blank("mentors", mentor_id="M3", first_name="Ann", last_name="New", area="east", status="active",
              training_completed_on="2018-01-01", dbs_checked_on="2017-12-01", safeguarding_completed_on="2017-12-02",
              lived_experience="alcohol"),
        blank("mentors", mentor_id="M4", first_name="No", last_name="Dbs", area="east", status="active",
              training_completed_on="2018-01-01", safeguarding_completed_on="2017-12-02"),
        blank("mentors", mentor_id="M5", first_name="On", last_name="Break", area="east", status="sabbatical",
              training_completed_on="2018-01-01", dbs_checked_on="2017-12-01", safeguarding_completed_on="2017-12-02")]
    import_tables(store, tables)
    return next(r.uuid for r in referrals.list_referrals(store) if r.referral_id == "R4")


def uuid_of(store, mentor_id):
    return next(m.mentor_uuid for m in mentors.mentor_list(store) if m.mentor_id == mentor_id)


def test_suggestions_rank_and_explain(store, case):
    suggested = allocation.suggestions(store, case, today=TODAY)
    assert [s.mentor_id for s in suggested] == ["M3", "M1"]  # M4 lacks DBS, M5 on sabbatical, M2 left
    assert "lived experience: Alcohol dependency" in suggested[0].why and "same area" in suggested[0].why
    assert "waiting 212 days for a first client" in suggested[0].why
    risk.raise_flag(store, case, "experienced_mentors", TODAY)
    assert [s.mentor_id for s in allocation.suggestions(store, case, today=TODAY)][0] == "M1"


def test_allocation_rules_hold_in_every_path(store, case):
    with pytest.raises(allocation.AllocationError, match="DBS"):
        allocation.allocate(store, case, [uuid_of(store, "M3"), uuid_of(store, "M4")], TODAY)
    with pytest.raises(allocation.AllocationError, match="pairs"):
        allocation.allocate(store, case, [uuid_of(store, "M3")], TODAY)
    allocation.allocate(store, case, [uuid_of(store, "M3"), uuid_of(store, "M1")], TODAY)
    assert sorted(a.mentor_id for a in allocation.allocated_mentors(store, case)) == ["M1", "M3"]


def test_replacing_a_mentor_keeps_history_and_waiting_lists_change(store, case):
    assert [w.referral_id for w in mentors.clients_waiting(store, today=TODAY)] == ["R4"]
    assert [w.mentor_id for w in mentors.mentors_never_allocated(store, today=TODAY)] == ["M3", "M4"]
    allocation.allocate(store, case, [uuid_of(store, "M3"), uuid_of(store, "M1")], TODAY)
    assert mentors.clients_waiting(store, today=TODAY) == []
    assert [w.mentor_id for w in mentors.mentors_never_allocated(store, today=TODAY)] == ["M4"]  # no DBS yet
    first = next(a for a in allocation.allocated_mentors(store, case) if a.mentor_id == "M3")
    allocation.end_allocation(store, first.allocation_uuid, date(2018, 9, 1), "Moved away")
    mentors.save_mentor(store, MentorForm(first_name="Dee", last_name="Bs", area="east", status="active",
                                          training_completed_on=date(2018, 5, 1), dbs_checked_on=date(2018, 4, 1),
                                          safeguarding_completed_on=date(2018, 4, 2)), today=TODAY)
    newcomer = uuid_of(store, "M0006")
    allocation.allocate(store, case, [newcomer], date(2018, 9, 1), single_reason="Replaces Ann, who moved away")
    history = allocation.allocated_mentors(store, case)
    assert [(a.mentor_id, a.ended_on) for a in history] == [
        ("M0006", None), ("M1", None), ("M3", date(2018, 9, 1))]


def test_mentor_register_keeps_status_history_and_progress_checks(store, case):
    form = mentors.load_mentor(store, uuid_of(store, "M3"))
    form.status, form.status_reason = "sabbatical", "New baby"
    mentors.save_mentor(store, form, today=TODAY)
    with pytest.raises(mentors.MentorError, match="reason the mentor left"):
        form.status, form.left_reason = "left", None
        mentors.save_mentor(store, form, today=TODAY)
    overdue = {w.mentor_id for w in mentors.progress_checks_overdue(store, today=TODAY)}
    assert "M1" in overdue  # last checked on 2018-01-01
    mentors.add_progress_check(store, uuid_of(store, "M1"), TODAY, "Going well")
    assert "M1" not in {w.mentor_id for w in mentors.progress_checks_overdue(store, today=TODAY)}
