"""The mentor register: create and edit, dated status history, progress checks, and the waiting lists."""
from __future__ import annotations

from datetime import date

import pytest

from cpm_desktop.services import allocation, mentors, referrals
from cpm_desktop.services.interchange import import_tables
from cpm_desktop.services.mentors import MentorForm
from tests.services.test_interchange import sample_tables

TODAY = date(2018, 8, 1)


def ready(**changes) -> MentorForm:
    values = dict(first_name="Pat", last_name="Ready", area="east", status="active", cohort="Cohort 9",
                  training_completed_on=date(2018, 5, 1), dbs_checked_on=date(2018, 4, 1),
                  safeguarding_completed_on=date(2018, 4, 2), lived_experience=("alcohol", "prison"),
                  other_areas=("north",), availability="Tue and Thu evenings", capacity=3, former_client=True)
    values.update(changes)
    return MentorForm(**values)


@pytest.fixture
def imported(store):
    import_tables(store, sample_tables())
    return store


def test_a_new_mentor_gets_the_next_id_and_reads_back(store):
    saved = mentors.save_mentor(store, ready(), today=TODAY)
    assert saved.mentor_id == "M0001"
    again = mentors.load_mentor(store, saved.uuid)
    assert (again.first_name, again.area, again.other_areas, again.lived_experience, again.capacity,
            again.availability, again.former_client, again.cohort) == (
        "Pat", "east", ("north",), ("alcohol", "prison"), 3, "Tue and Thu evenings", True, "Cohort 9")
    assert [(c.status, c.changed_on) for c in mentors.status_history(store, saved.uuid)] == [("active", TODAY)]
    [row] = mentors.mentor_list(store, today=TODAY)
    assert (row.mentor_id, row.status, row.open_allocations, row.capacity, row.not_allocatable) == (
        "M0001", "active", 0, 3, "")


def test_the_form_refuses_what_the_scheme_cannot_record(store):
    for changes, message in ((dict(first_name=" "), "first and last name"),
                             (dict(status="left"), "reason the mentor left"),
                             (dict(status="sabbatical"), "reason for the sabbatical"),
                             (dict(capacity=0), "1 to 10"),
                             (dict(status_changed_on=date(2018, 8, 2)), "future")):
        with pytest.raises(mentors.MentorError, match=message):
            mentors.save_mentor(store, ready(**changes), today=TODAY)
    assert mentors.mentor_list(store) == []


def test_status_changes_are_dated_history(store):
    saved = mentors.save_mentor(store, ready(status="in_training", dbs_checked_on=None), today=date(2018, 3, 1))
    assert "active" in mentors.mentor_list(store)[0].not_allocatable
    form = mentors.load_mentor(store, saved.uuid)
    form.status, form.dbs_checked_on, form.status_changed_on = "active", date(2018, 4, 1), date(2018, 5, 2)
    mentors.save_mentor(store, form, today=TODAY)
    form = mentors.load_mentor(store, saved.uuid)
    form.status, form.status_reason, form.status_changed_on = "sabbatical", "New baby", date(2018, 7, 1)
    mentors.save_mentor(store, form, today=TODAY)
    form = mentors.load_mentor(store, saved.uuid)
    form.phone = "07700 900001"  # not a change of status: no new history
    mentors.save_mentor(store, form, today=TODAY)
    form = mentors.load_mentor(store, saved.uuid)
    form.status, form.left_reason, form.status_reason = "left", "moved_away", ""
    mentors.save_mentor(store, form, today=TODAY)
    assert [(c.status, c.changed_on, c.reason) for c in mentors.status_history(store, saved.uuid)] == [
        ("left", TODAY, "moved_away"), ("sabbatical", date(2018, 7, 1), "New baby"),
        ("active", date(2018, 5, 2), ""), ("in_training", date(2018, 3, 1), "")]
    left = mentors.load_mentor(store, saved.uuid)
    assert (left.left_on, left.left_reason) == (TODAY, "moved_away")


def test_progress_checks_say_when_who_and_what(store):
    saved = mentors.save_mentor(store, ready(), today=TODAY)
    mentors.add_progress_check(store, saved.uuid, date(2018, 6, 1), "Settling in", checked_by="Jo (coordinator)",
                               today=TODAY)
    mentors.add_progress_check(store, saved.uuid, date(2018, 7, 1), "  ", today=TODAY)
    with pytest.raises(mentors.MentorError, match="future"):
        mentors.add_progress_check(store, saved.uuid, date(2018, 8, 2), today=TODAY)
    checks = mentors.progress_checks(store, saved.uuid)
    assert [(c.checked_on, c.checked_by, c.notes) for c in checks] == [
        (date(2018, 7, 1), "tester", ""), (date(2018, 6, 1), "Jo (coordinator)", "Settling in")]
    assert mentors.mentor_list(store)[0].last_check == date(2018, 7, 1)


def test_waiting_lists(imported):
    store = imported
    assert [(w.referral_id, w.days_waiting) for w in mentors.clients_waiting(store, today=TODAY)] == [("R4", 30)]
    pat = mentors.save_mentor(store, ready(), today=TODAY)
    assert [(w.name, w.days) for w in mentors.mentors_never_allocated(store, today=TODAY)] == [("Pat Ready", 92)]
    overdue = {w.mentor_id: w.days for w in mentors.progress_checks_overdue(store, today=TODAY)}
    assert overdue == {"M1": 212, "M0003": None}  # M1 last checked on 2018-01-01; Pat never
    mentors.add_progress_check(store, pat.uuid, TODAY, "First talk", today=TODAY)
    assert [w.mentor_id for w in mentors.progress_checks_overdue(store, today=TODAY)] == ["M1"]
    r4 = next(r.uuid for r in referrals.list_referrals(store) if r.referral_id == "R4")
    m1 = next(r.mentor_uuid for r in mentors.mentor_list(store) if r.mentor_id == "M1")
    allocation.allocate(store, r4, [pat.uuid, m1], TODAY)
    assert mentors.clients_waiting(store, today=TODAY) == []
    assert mentors.mentors_never_allocated(store, today=TODAY) == []
    assert {r.mentor_id: r.open_allocations for r in mentors.mentor_list(store)}["M0003"] == 1
