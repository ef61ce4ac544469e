"""A record that is gone (never there, or deleted since the list was shown) is one sentence in the service's
own error, never an AttributeError from an unchecked ``session.get``; and nothing is written."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from cpm_desktop.services import mentors, referrals, risk
from cpm_desktop.services.mentors import MentorError, MentorForm
from cpm_desktop.services.referrals import IntakeError, ReferralForm
from cpm_desktop.storage import models as m

TODAY = date(2026, 11, 23)
GONE = "00000000-0000-0000-0000-000000000000"


def referral(store, first_name="Ann") -> ReferralForm:
    return referrals.save_referral(store, ReferralForm(first_name=first_name, last_name="Lee",
                                                       referred_on=date(2026, 11, 2)), today=TODAY)


def delete(store, model, uuid: str) -> None:
    with store.transaction() as session:
        session.get(model, uuid).deleted_at = datetime(2026, 11, 20)


def counts(store) -> dict[str, int]:
    with store.transaction() as session:
        return {model.__name__: session.scalar(select(func.count()).select_from(model))
                for model in (m.Referral, m.Person, m.Mentor, m.RiskFlag, m.HomeVisit, m.AuditEvent)}


def one_sentence(error: pytest.ExceptionInfo) -> bool:
    text = str(error.value)
    return text.endswith(".") and "\n" not in text and "NoneType" not in text


# --- risk ----------------------------------------------------------------------------------------------


def test_clearing_a_flag_that_is_gone_is_a_risk_error(store):
    case = referral(store).referral_uuid
    flag = risk.raise_flag(store, case, "two_staff", date(2026, 11, 3))
    delete(store, m.RiskFlag, flag)
    before = counts(store)
    for uuid in (GONE, flag):
        with pytest.raises(risk.RiskError, match="no longer") as raised:
            risk.clear_flag(store, uuid, date(2026, 11, 12))
        assert one_sentence(raised)
    assert counts(store) == before


def test_saving_a_visit_that_is_gone_or_another_cases_is_a_risk_error(store):
    mine, theirs = referral(store).referral_uuid, referral(store, "Bob").referral_uuid
    their_visit = risk.save_visit(store, theirs, risk.Visit(date(2026, 11, 8), visitors="Coordinator"))
    before = counts(store)
    for uuid in (GONE, their_visit):
        with pytest.raises(risk.RiskError, match="no longer") as raised:
            risk.save_visit(store, mine, risk.Visit(date(2026, 11, 8), status="done", uuid=uuid))
        assert one_sentence(raised)
    assert counts(store) == before
    assert [(v.status, v.visitors) for v in risk.visits(store, theirs)] == [("planned", "Coordinator")]


def test_risk_entries_on_a_referral_that_is_gone_are_risk_errors(store):
    case = referral(store).referral_uuid
    delete(store, m.Referral, case)
    before = counts(store)
    with pytest.raises(risk.RiskError, match="referral is no longer"):
        risk.add_assessment(store, case, risk.Assessment(date(2026, 11, 3)), today=TODAY)
    with pytest.raises(risk.RiskError, match="referral is no longer"):
        risk.raise_flag(store, GONE, "two_staff", date(2026, 11, 3))
    with pytest.raises(risk.RiskError, match="referral is no longer"):
        risk.save_visit(store, case, risk.Visit(date(2026, 11, 8)))
    assert counts(store) == before


# --- mentors -------------------------------------------------------------------------------------------


def test_a_mentor_that_is_gone_is_a_mentor_error(store):
    saved = mentors.save_mentor(store, MentorForm(first_name="Pat", last_name="Ready"), today=TODAY)
    delete(store, m.Mentor, saved.uuid)
    before = counts(store)
    for uuid in (GONE, saved.uuid):
        with pytest.raises(MentorError, match="not in the register") as raised:
            mentors.load_mentor(store, uuid)
        assert one_sentence(raised)
        with pytest.raises(MentorError, match="no longer in the register") as raised:
            mentors.save_mentor(store, MentorForm(first_name="Pat", last_name="Renamed", uuid=uuid), today=TODAY)
        assert one_sentence(raised)
    assert counts(store) == before


# --- referrals -----------------------------------------------------------------------------------------


def test_saving_a_referral_that_is_gone_is_an_intake_error(store):
    saved = referral(store)
    delete(store, m.Referral, saved.referral_uuid)
    before = counts(store)
    for form in (ReferralForm(first_name="Ann", last_name="Lee", referred_on=date(2026, 11, 2),
                              referral_uuid=saved.referral_uuid, person_uuid=saved.person_uuid),
                 ReferralForm(first_name="Ann", last_name="Lee", referred_on=date(2026, 11, 2), person_uuid=GONE)):
        with pytest.raises(IntakeError, match="no longer in the store") as raised:
            referrals.save_referral(store, form, today=TODAY)
        assert one_sentence(raised) and len(raised.value.problems) == 1
    assert counts(store) == before


def test_the_details_of_a_person_who_is_gone_are_a_lookup_error(store):
    with pytest.raises(LookupError, match="person is no longer in the store"):
        referrals.person_details(store, GONE)
