"""Allocation through the one service function: eligibility in every path, pairs, ending and replacing with
history kept, ranked suggestions with reasons, and the imported history that is not refused."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from cpm_desktop.services import allocation, cases, mentors, referrals, risk
from cpm_desktop.services.interchange import import_tables
from cpm_desktop.services.mentors import MentorForm
from cpm_desktop.storage import models as m
from tests.services.test_interchange import blank, sample_tables

TODAY = date(2018, 8, 1)
CHECKED = dict(training_completed_on="2018-01-01", dbs_checked_on="2017-12-01", safeguarding_completed_on="2017-12-02")


@pytest.fixture
def case(store):
    tables = sample_tables()
    tables["mentors"] += [
        blank("mentors", mentor_id="M3", first_name="Ann", last_name="New", area="east", status="active",
              lived_experience="alcohol", **CHECKED),
        blank("mentors", mentor_id="M4", first_name="No", last_name="Dbs", area="east", status="active",
              training_completed_on="2018-01-01", safeguarding_completed_on="2017-12-02"),
        blank("mentors", mentor_id="M5", first_name="On", last_name="Break", area="east", status="sabbatical",
              **CHECKED),
        blank("mentors", mentor_id="M6", first_name="Cy", last_name="Covers", area="north", status="active",
              **CHECKED)]
    # An imported history: M5, on sabbatical today, supported R1 in the past; the import records it.
    tables["allocations"].append(blank("allocations", referral_id="R1", mentor_id="M5", allocated_on="2017-05-01",
                                       ended_on="2018-04-01", end_reason="case closed"))
    import_tables(store, tables)
    return next(r.uuid for r in referrals.list_referrals(store) if r.referral_id == "R4")


def uuid_of(store, mentor_id):
    return next(m.mentor_uuid for m in mentors.mentor_list(store) if m.mentor_id == mentor_id)


def open_ids(store, case):
    return sorted(a.mentor_id for a in allocation.allocated_mentors(store, case) if a.ended_on is None)


def test_imported_history_is_kept_whatever_the_mentor_status_today(store, case):
    r1 = next(r.uuid for r in referrals.list_referrals(store) if r.referral_id == "R1")
    assert "M5" in [a.mentor_id for a in allocation.allocated_mentors(store, r1)]


def test_suggestions_rank_and_explain(store, case):
    suggested = allocation.suggestions(store, case, today=TODAY)
    assert [s.mentor_id for s in suggested] == ["M3", "M1", "M6"]  # M4 lacks DBS, M5 on sabbatical, M2 left
    assert suggested[0].why == ("lived experience: Alcohol dependency · same area · 2 of 2 places free · "
                                "waiting 212 days for a first client")
    assert "experienced" not in suggested[0].why
    risk.raise_flag(store, case, "experienced_mentors", TODAY)
    assert [s.mentor_id for s in allocation.suggestions(store, case, today=TODAY)][0] == "M1"


def test_a_mentor_covering_the_area_rises(store, case):
    form = mentors.load_mentor(store, uuid_of(store, "M6"))
    form.other_areas = ("east", "north")  # the main area is not kept twice
    mentors.save_mentor(store, form, today=TODAY)
    assert mentors.load_mentor(store, uuid_of(store, "M6")).other_areas == ("east",)
    suggested = allocation.suggestions(store, case, today=TODAY)
    assert [s.mentor_id for s in suggested] == ["M3", "M6", "M1"]
    assert "also covers the area" in suggested[1].why


def test_the_suggested_pair_and_the_partner(store, case):
    choices = allocation.suggestions(store, case, today=TODAY)
    assert [c.mentor_id for c in allocation.suggested_pair(choices)] == ["M3", "M1"]
    assert [c.mentor_id for c in allocation.suggested_pair(choices, needed=1)] == ["M3"]
    assert allocation.mentors_needed(store, case) == 2


def test_allocation_rules_hold_in_every_path(store, case):
    with pytest.raises(allocation.AllocationError, match="DBS"):
        allocation.allocate(store, case, [uuid_of(store, "M3"), uuid_of(store, "M4")], TODAY)
    with pytest.raises(allocation.AllocationError, match="Only an active mentor"):
        allocation.allocate(store, case, [uuid_of(store, "M3"), uuid_of(store, "M5")], TODAY)
    with pytest.raises(allocation.AllocationError, match="pairs"):
        allocation.allocate(store, case, [uuid_of(store, "M3")], TODAY)
    with pytest.raises(allocation.AllocationError, match="twice"):
        allocation.allocate(store, case, [uuid_of(store, "M3"), uuid_of(store, "M3")], TODAY)
    late = mentors.save_mentor(store, MentorForm(first_name="Late", last_name="Dbs", area="east", status="active",
                                                 dbs_checked_on=date(2018, 7, 20),
                                                 safeguarding_completed_on=date(2018, 4, 2)), today=TODAY)
    with pytest.raises(allocation.AllocationError, match="DBS check .20/07/2018. is later than the allocation"):
        allocation.allocate(store, case, [uuid_of(store, "M3"), late.uuid], date(2018, 7, 10))
    with pytest.raises(allocation.AllocationError, match="before the decision"):
        allocation.allocate(store, case, [uuid_of(store, "M3"), uuid_of(store, "M1")], date(2018, 7, 1))
    assert open_ids(store, case) == []  # nothing half-done
    new = allocation.allocate(store, case, [uuid_of(store, "M3"), uuid_of(store, "M1")], TODAY)
    assert len(new) == 2 and open_ids(store, case) == ["M1", "M3"]
    with pytest.raises(allocation.AllocationError, match="already supports"):
        allocation.allocate(store, case, [uuid_of(store, "M3")], TODAY)
    assert allocation.mentors_needed(store, case) == 0
    assert [c.mentor_id for c in allocation.suggestions(store, case, today=TODAY)] == ["M0007", "M6"]


def test_only_supported_open_cases_get_mentors(store, case):
    r2 = next(r.uuid for r in referrals.list_referrals(store) if r.referral_id == "R2")  # pending
    with pytest.raises(allocation.AllocationError, match="supported, open case"):
        allocation.allocate(store, r2, [uuid_of(store, "M3"), uuid_of(store, "M1")], TODAY)


def test_one_mentor_with_a_reason_but_never_on_a_case_flagged_never_alone(store, case):
    allocation.allocate(store, case, [uuid_of(store, "M3")], TODAY, single_reason="Only Ann is in the east")
    [only] = allocation.allocated_mentors(store, case)
    assert only.single_reason == "Only Ann is in the east"
    allocation.end_allocation(store, only.allocation_uuid, TODAY, "Started again as a pair")
    risk.raise_flag(store, case, "never_alone", TODAY)
    with pytest.raises(allocation.AllocationError, match="never work alone"):
        allocation.allocate(store, case, [uuid_of(store, "M3")], TODAY, single_reason="Still only Ann")


def test_ending_keeps_the_allocation_with_its_date_and_reason(store, case):
    allocation.allocate(store, case, [uuid_of(store, "M3"), uuid_of(store, "M1")], TODAY)
    ann = next(a for a in allocation.allocated_mentors(store, case) if a.mentor_id == "M3")
    with pytest.raises(allocation.AllocationError, match="reason"):
        allocation.end_allocation(store, ann.allocation_uuid, TODAY, " ")
    with pytest.raises(allocation.AllocationError, match="before it began"):
        allocation.end_allocation(store, ann.allocation_uuid, date(2018, 7, 31), "Moved away")
    allocation.end_allocation(store, ann.allocation_uuid, date(2018, 9, 1), "Moved away")
    with pytest.raises(allocation.AllocationError, match="already ended"):
        allocation.end_allocation(store, ann.allocation_uuid, date(2018, 9, 2), "Again")
    with store.transaction() as session:
        row = session.get(m.Allocation, ann.allocation_uuid)
        assert (row.ended_on, row.end_reason, row.deleted_at) == (date(2018, 9, 1), "Moved away", None)


def test_replacing_a_mentor_keeps_history_and_the_waiting_lists_change(store, case):
    assert [w.referral_id for w in mentors.clients_waiting(store, today=TODAY)] == ["R4"]
    assert [w.mentor_id for w in mentors.mentors_never_allocated(store, today=TODAY)] == ["M3", "M4", "M6"]
    allocation.allocate(store, case, [uuid_of(store, "M3"), uuid_of(store, "M1")], TODAY)
    assert mentors.clients_waiting(store, today=TODAY) == []
    assert [w.mentor_id for w in mentors.mentors_never_allocated(store, today=TODAY)] == ["M4", "M6"]
    ann = next(a for a in allocation.allocated_mentors(store, case) if a.mentor_id == "M3")
    with pytest.raises(allocation.AllocationError, match="different mentor"):
        allocation.replace_mentor(store, ann.allocation_uuid, uuid_of(store, "M3"), date(2018, 9, 1), "Moved")
    with pytest.raises(allocation.AllocationError, match="DBS"):  # both or neither: Ann is still allocated
        allocation.replace_mentor(store, ann.allocation_uuid, uuid_of(store, "M4"), date(2018, 9, 1), "Moved")
    assert open_ids(store, case) == ["M1", "M3"]
    allocation.replace_mentor(store, ann.allocation_uuid, uuid_of(store, "M6"), date(2018, 9, 1), "Moved away")
    history = allocation.allocated_mentors(store, case)
    assert [(a.mentor_id, a.allocated_on, a.ended_on, a.end_reason) for a in history] == [
        ("M6", date(2018, 9, 1), None, ""), ("M1", TODAY, None, ""), ("M3", TODAY, date(2018, 9, 1), "Moved away")]
    assert [w.mentor_id for w in mentors.mentors_never_allocated(store, today=TODAY)] == ["M4"]
    with store.transaction() as session:  # nothing deleted, the change audited
        assert session.scalar(select(m.Allocation.id).where(m.Allocation.deleted_at.is_not(None))) is None


def test_after_one_mentor_leaves_a_single_newcomer_completes_the_pair(store, case):
    allocation.allocate(store, case, [uuid_of(store, "M3"), uuid_of(store, "M1")], TODAY)
    ann = next(a for a in allocation.allocated_mentors(store, case) if a.mentor_id == "M3")
    allocation.end_allocation(store, ann.allocation_uuid, date(2018, 9, 1), "Moved away")
    assert allocation.mentors_needed(store, case) == 1
    mentors.save_mentor(store, MentorForm(first_name="Dee", last_name="Bs", area="east", status="active",
                                          training_completed_on=date(2018, 5, 1), dbs_checked_on=date(2018, 4, 1),
                                          safeguarding_completed_on=date(2018, 4, 2)), today=TODAY)
    allocation.allocate(store, case, [uuid_of(store, "M0007")], date(2018, 9, 1))  # no reason: the pair is whole
    assert open_ids(store, case) == ["M0007", "M1"]


def test_a_full_mentor_is_not_offered_nor_allocated_and_the_register_says_why(store, case):
    """Capacity is part of the rule: the register never says "may be allocated" beside "2 of 2" or "5 of 2"."""
    ann = uuid_of(store, "M3")
    form = mentors.load_mentor(store, ann)
    form.capacity = 1
    mentors.save_mentor(store, form, today=TODAY)
    allocation.allocate(store, case, [ann, uuid_of(store, "M1")], TODAY)
    row = next(r for r in mentors.mentor_list(store, today=TODAY) if r.mentor_id == "M3")
    assert (row.open_allocations, row.capacity) == (1, 1)
    assert row.not_allocatable == "Full: already supporting 1 client, the most agreed at once."
    other = next(r.uuid for r in referrals.list_referrals(store) if r.referral_id == "R2")
    later = date(2019, 1, 10)
    cases.record_decision(store, other, "supported", "Will, want and capacity", later, today=later)
    assert "M3" not in [s.mentor_id for s in allocation.suggestions(store, other, today=later)]
    with pytest.raises(allocation.AllocationError, match="Ann New: Full"):
        allocation.allocate(store, other, [ann, uuid_of(store, "M6")], later)
