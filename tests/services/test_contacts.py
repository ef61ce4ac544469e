"""The contact log: quick entry, first contact date, edits kept as revisions, soft deletes with a reason."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from cpm_desktop.services import contacts, referrals
from cpm_desktop.services.interchange import import_tables
from cpm_desktop.storage import models as m
from tests.services.test_interchange import sample_tables
from tests.sessions import record_sessions


@pytest.fixture
def r4(store):
    import_tables(store, sample_tables())
    return next(r.uuid for r in referrals.list_referrals(store) if r.referral_id == "R4")


def test_first_contact_sets_the_case_date_and_ids_follow_on(store, r4):
    contact_id = contacts.add_contact(store, r4, occurred_at=datetime(2018, 7, 3, 10, 30), activity="home_visit",
                                      minutes=60, notes="First visit")
    assert contact_id == "C0000100"  # after C99 from the import
    with store.transaction() as session:
        assert session.get(m.Referral, r4).first_contact_on == date(2018, 7, 3)
    rows = contacts.list_contacts(store, r4)
    assert rows[0].who == "tester"  # no mentor: the member of staff logged in


def test_edits_keep_the_earlier_version_and_deletes_need_a_reason(store, r4):
    contacts.add_contact(store, r4, occurred_at=datetime(2018, 7, 3, 10, 30), activity="telephone", minutes=5,
                         notes="Rang")
    (row,) = contacts.list_contacts(store, r4)
    contacts.edit_contact(store, row.uuid, occurred_at=datetime(2018, 7, 3, 11, 0), activity="home_visit",
                          minutes=45, notes="Visited, not rang")
    (edited,) = contacts.list_contacts(store, r4)
    assert (edited.activity, edited.minutes, edited.notes) == ("home_visit", 45, "Visited, not rang")
    (before,) = contacts.revisions(store, row.uuid)
    assert (before.activity, before.minutes, before.notes) == ("telephone", 5, "Rang")
    with pytest.raises(contacts.ContactError):
        contacts.delete_contact(store, row.uuid, " ")
    contacts.delete_contact(store, row.uuid, "Logged against the wrong client")
    assert contacts.list_contacts(store, r4) == []
    with store.transaction() as session:
        kept = session.get(m.Contact, row.uuid)
        assert kept.deleted_reason == "Logged against the wrong client"
        actions = session.scalars(select(m.AuditEvent.action).where(m.AuditEvent.record_uuid == row.uuid)).all()
    assert actions == ["create", "update", "delete"]


def test_bad_minutes_and_future_contacts_are_refused(store, r4):
    with pytest.raises(contacts.ContactError):
        contacts.add_contact(store, r4, occurred_at=datetime(2018, 7, 3), activity="telephone", minutes=2000)
    with pytest.raises(contacts.ContactError):
        contacts.add_contact(store, r4, occurred_at=datetime(2999, 1, 1), activity="telephone", minutes=5)


def test_totals_by_activity(store, r4):
    for minutes in (10, None, 20):
        contacts.add_contact(store, r4, occurred_at=datetime(2018, 7, 3, 9), activity="telephone", minutes=minutes)
    assert contacts.totals(contacts.list_contacts(store, r4)) == {"telephone": (3, 30)}


def test_a_correction_can_change_who_and_the_revision_says_who_corrected_it(store):
    import_tables(store, sample_tables())
    r1 = next(r.uuid for r in referrals.list_referrals(store) if r.referral_id == "R1")
    row = next(r for r in contacts.list_contacts(store, r1) if r.contact_id == "C0")
    assert row.who == "Zoë Ælfric" and row.mentor_uuid
    contacts.edit_contact(store, row.uuid, occurred_at=row.occurred_at, activity="telephone", minutes=20,
                          notes="Phoned, not visited", mentor_uuid=None)
    edited = next(r for r in contacts.list_contacts(store, r1) if r.contact_id == "C0")
    assert (edited.who, edited.mentor_uuid, edited.activity) == ("tester", None, "telephone")
    (before,) = contacts.revisions(store, row.uuid)
    assert (before.who, before.activity, before.minutes, before.revised_by) == ("Zoë Ælfric", "home_visit", 60,
                                                                                 "tester")
    contacts.edit_contact(store, row.uuid, occurred_at=row.occurred_at, activity="telephone", minutes=25,
                          notes="Phoned")  # who left out: stays staff
    assert next(r for r in contacts.list_contacts(store, r1) if r.contact_id == "C0").who == "tester"
    assert [r.minutes for r in contacts.revisions(store, row.uuid)] == [20, 60]


def test_case_totals_count_the_whole_case_and_leave_out_deleted_entries(store, r4):
    for activity, minutes in (("telephone", 10), ("telephone", None), ("home_visit", 60), ("home_visit", 30)):
        contacts.add_contact(store, r4, occurred_at=datetime(2018, 7, 3, 9), activity=activity, minutes=minutes)
    gone = contacts.list_contacts(store, r4, "home_visit")[0]
    contacts.delete_contact(store, gone.uuid, "Entered twice")
    assert contacts.case_totals(store, r4) == {"telephone": (2, 10), "home_visit": (1, 60 + 30 - gone.minutes)}
    assert len(contacts.list_contacts(store, r4, "telephone")) == 2
    with pytest.raises(contacts.ContactError, match="no longer"):
        contacts.delete_contact(store, gone.uuid, "Again")
    with pytest.raises(contacts.ContactError, match="no longer"):
        contacts.edit_contact(store, gone.uuid, occurred_at=datetime(2018, 7, 3, 9), activity="telephone",
                              minutes=1, notes="")


def test_unknown_activity_and_missing_referral_are_refused(store, r4):
    with pytest.raises(contacts.ContactError, match="activities"):
        contacts.add_contact(store, r4, occurred_at=datetime(2018, 7, 3), activity="juggling", minutes=5)
    with pytest.raises(contacts.ContactError, match="no longer"):
        contacts.add_contact(store, "no-such-referral", occurred_at=datetime(2018, 7, 3), activity="telephone",
                             minutes=5)


def test_the_contact_log_view_is_what_the_small_reads_say_in_one_snapshot(store, r4, monkeypatch):
    from cpm_desktop.services import cases, goals

    contacts.add_contact(store, r4, occurred_at=datetime(2018, 7, 3, 10, 30), activity="home_visit", minutes=60,
                         notes="First visit")
    contacts.add_contact(store, r4, occurred_at=datetime(2018, 7, 4, 9, 0), activity="telephone", minutes=5)
    goal_id = goals.set_goal(store, r4, goal="Walk to the shops", commitment=4, set_on=date(2018, 7, 3))
    goal = next(g for g in goals.goals(store, r4) if g.goal_id == goal_id)
    goals.review_goal(store, goal.uuid, status="ongoing", commitment=6, reviewed_on=date(2018, 7, 10),
                      notes="Half way")
    cases.record_police_calls(store, r4, before=9, after=3, source="Control room")
    opened = record_sessions(store, monkeypatch)

    view = contacts.contact_log_view(store, r4, "telephone")

    assert opened == ["snapshot"]  # one consistent read, no write lock
    monkeypatch.undo()
    assert view is not None and view.header == referrals.case_header(store, r4)
    assert view.log.rows == contacts.list_contacts(store, r4, "telephone")
    assert view.log.totals == contacts.case_totals(store, r4) == {"home_visit": (1, 60), "telephone": (1, 5)}
    assert view.helpers == contacts.helpers(store, r4)
    panel = view.panel
    assert panel.goals == goals.goals(store, r4) and panel.reviews_of(goal.uuid) == goals.reviews(store, goal.uuid)
    assert panel.police_calls == cases.police_calls(store, r4) and panel.closed_on is None
    assert panel.closings == []


def test_the_contact_log_view_of_a_referral_not_in_the_store_is_none(store, r4):
    assert contacts.contact_log_view(store, "not-a-referral") is None
    with pytest.raises(LookupError, match="no longer in the store"):
        from cpm_desktop.services import cases
        cases.case_panel_view(store, "not-a-referral")


def test_the_case_panel_lists_the_latest_closings_and_reopenings(store, r4):
    from cpm_desktop.services import cases

    for day in (5, 6, 7):
        cases.close_case(store, r4, date(2018, 8, day), f"Closed {day}")
        cases.reopen_case(store, r4, f"Back {day}", on=date(2018, 8, day))
    view = cases.case_panel_view(store, r4)
    assert [e.reason for e in view.closings] == ["Back 7", "Closed 7", "Back 6", "Closed 6"]
    assert view.closed_on is None
