"""A scheme's record with something for every retention rule, its names canaries to look for in the bytes.

Today is 1 December 2026. Quagmire's case closed over six years ago (due); Keepwell's closed last year (kept).
Mentor Leftlong left 6 months and 1 day ago (due); Leftlately left 5 months and 30 days ago (not due).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from dateutil.relativedelta import relativedelta

from cpm_desktop.services import allocation, cases, contacts, goals, mentors
from cpm_desktop.services import referrals as referral_service
from cpm_desktop.storage.engine import Store

TODAY = date(2026, 12, 1)
CANARY = "Quagmirecanary"  # the client whose closed case is due
MENTOR_CANARY = "Leftlongcanary"  # the mentor who left 6 months and 1 day ago
KEPT = "Keepwellperson"


@dataclass
class Scheme:
    due_referral: str
    due_person_id: str
    kept_referral: str
    kept_person_id: str
    leaver: str  # mentor uuid, due
    leaver_id: str
    recent_leaver: str  # mentor uuid, not due


def _mentor(store: Store, first: str, last: str) -> mentors.MentorForm:
    return mentors.save_mentor(store, mentors.MentorForm(
        first_name=first, last_name=last, area="north", status="active", training_completed_on=date(2017, 1, 1),
        dbs_checked_on=date(2017, 1, 1), safeguarding_completed_on=date(2017, 1, 1), phone="07700 900123",
        email=f"{last.lower()}@example.org", status_changed_on=date(2017, 1, 1)), today=date(2017, 1, 2))


def _leave(store: Store, form: mentors.MentorForm, left_on: date) -> None:
    form.status, form.left_on, form.left_reason, form.status_changed_on = "left", left_on, "new_job", left_on
    mentors.save_mentor(store, form, today=TODAY)


def _case(store: Store, first: str, last: str, referred_on: date, closed_on: date,
          mentor_uuids: list[str]) -> referral_service.ReferralForm:
    form = referral_service.save_referral(store, referral_service.ReferralForm(
        first_name=first, last_name=last, referred_on=referred_on, area="north", phone="07700 900456",
        address=f"1 {last} Street", description=f"{first} {last} was burgled; {last} feels unsafe at home."),
        today=referred_on)
    assert form.referral_uuid is not None
    cases.record_decision(store, form.referral_uuid, "supported", f"{last} wants support", referred_on,
                          today=referred_on)
    allocation.allocate(store, form.referral_uuid, mentor_uuids, referred_on)
    contact_id = contacts.add_contact(store, form.referral_uuid, occurred_at=datetime(*referred_on.timetuple()[:3], 10),
                                      activity="home_visit", minutes=60, mentor_uuid=mentor_uuids[0],
                                      notes=f"Visited {last} at home")
    rows = contacts.list_contacts(store, form.referral_uuid)
    contacts.edit_contact(store, rows[0].uuid, occurred_at=rows[0].occurred_at, activity="home_visit", minutes=75,
                          mentor_uuid=mentor_uuids[0], notes=f"Visited {last} at home; {last} made tea")
    assert contact_id
    goals.set_goal(store, form.referral_uuid, goal=f"{last} to join a club", commitment=7, set_on=referred_on,
                   today=referred_on)
    cases.close_case(store, form.referral_uuid, closed_on, f"{last} met the goals", today=closed_on)
    return form


def build(store: Store) -> Scheme:
    leaver = _mentor(store, "Lena", MENTOR_CANARY)
    recent = _mentor(store, "Rita", "Leftlately")
    due = _case(store, "Zebedee", CANARY, date(2018, 3, 1), TODAY - relativedelta(years=6, days=1),
                [leaver.uuid or "", recent.uuid or ""])
    kept = _case(store, "Karen", KEPT, date(2024, 3, 1), date(2025, 6, 1), [leaver.uuid or "", recent.uuid or ""])
    _leave(store, leaver, TODAY - relativedelta(months=6, days=1))
    _leave(store, recent, TODAY - relativedelta(months=5, days=30))
    assert due.referral_uuid and kept.referral_uuid and leaver.uuid and recent.uuid
    return Scheme(due.referral_uuid, due.person_id, kept.referral_uuid, kept.person_id, leaver.uuid, leaver.mentor_id,
                  recent.uuid)
