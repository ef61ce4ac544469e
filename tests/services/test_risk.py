"""services/risk.py on a real encrypted store: the kind of each assessment decided by the domain rule, a
case's whole risk view read in one snapshot, and every function given a uuid that is not there (never there,
or deleted since) answering with RiskError's one sentence, writing nothing."""
from __future__ import annotations

from datetime import date

import pytest

from cpm_desktop.services import cases, risk
from cpm_desktop.storage import models as m
from tests.services.test_missing_records import GONE, TODAY, counts, delete, one_sentence, referral
from tests.sessions import record_sessions

ON = date(2026, 11, 3)


def test_the_service_decides_initial_then_reassessment(store):
    case = referral(store).referral_uuid
    risk.add_assessment(store, case, risk.Assessment(ON), today=TODAY)
    risk.add_assessment(store, case, risk.Assessment(date(2026, 11, 10), danger_to_staff="low"), today=TODAY)
    assert [a.kind for a in risk.assessments(store, case)] == [risk.AssessmentKind.REASSESSMENT,
                                                               risk.AssessmentKind.INITIAL]


def test_an_assessment_named_as_the_wrong_kind_is_refused_and_nothing_written(store):
    case = referral(store).referral_uuid
    with pytest.raises(risk.RiskError, match="first one is the initial assessment") as refused:
        risk.add_assessment(store, case, risk.Assessment(ON, kind=risk.AssessmentKind.REASSESSMENT), today=TODAY)
    assert one_sentence(refused) and risk.assessments(store, case) == []
    risk.add_assessment(store, case, risk.Assessment(ON, kind=risk.AssessmentKind.INITIAL), today=TODAY)
    with pytest.raises(risk.RiskError, match="next assessment is a reassessment"):
        risk.add_assessment(store, case, risk.Assessment(ON, kind=risk.AssessmentKind.INITIAL), today=TODAY)
    assert len(risk.assessments(store, case)) == 1


def test_a_form_with_findings_but_no_source_is_refused_before_anything_is_written(store):
    case = referral(store).referral_uuid
    form = risk.AssessmentForm(ON, checks=(risk.CheckRow("PNC", "None"), risk.CheckRow("", "Known to CMHT")))
    before = counts(store)
    with pytest.raises(risk.RiskError, match="^Check 2 has findings but no system or database checked"):
        risk.add_assessment(store, case, form.assessment(), today=TODAY)
    assert counts(store) == before and risk.assessments(store, case) == []


def test_the_risk_view_is_the_whole_case_read_in_one_snapshot(store, monkeypatch):
    case = referral(store).referral_uuid
    risk.add_assessment(store, case, risk.Assessment(
        ON, checks=(risk.Check("Police national computer", ON, "<b>two</b> call-outs & 警告"),)), today=TODAY)
    cleared = risk.raise_flag(store, case, "two_staff", ON)
    risk.clear_flag(store, cleared, date(2026, 11, 5))
    risk.raise_flag(store, case, "never_alone", ON)
    risk.save_visit(store, case, risk.Visit(date(2026, 11, 8), visitors="Coordinator"))
    cases.record_decision(store, case, "supported", "Will, want and capacity", ON, today=TODAY)
    opened = record_sessions(store, monkeypatch)
    view = risk.risk_view(store, case)
    assert opened == ["snapshot"]  # one consistent read, no write transaction
    assert (view.header.uuid, view.header.name, str(view.header.status)) == (case, "Ann Lee", "awaiting mentors")
    assert view.next_kind is risk.AssessmentKind.REASSESSMENT
    assert view.assessments[0].checks[0].findings == "<b>two</b> call-outs & 警告"
    assert [f.flag for f in view.flags] == ["never_alone"]  # the cleared one is history, not shown
    assert [v.visitors for v in view.visits] == ["Coordinator"]
    assert [(e.kind, e.outcome) for e in view.history] == [("decision", "supported")]


def test_a_case_not_yet_assessed_is_due_its_initial_assessment(store):
    assert risk.risk_view(store, referral(store).referral_uuid).next_kind is risk.AssessmentKind.INITIAL


# --- a uuid that is not there: every function ------------------------------------------------------------

READERS = {
    "assessments": lambda store, uuid: risk.assessments(store, uuid),
    "flags": lambda store, uuid: risk.flags(store, uuid, include_cleared=True),
    "visits": lambda store, uuid: risk.visits(store, uuid),
    "risk_view": lambda store, uuid: risk.risk_view(store, uuid),
}
WRITERS = {
    "add_assessment": lambda store, uuid: risk.add_assessment(store, uuid, risk.Assessment(ON), today=TODAY),
    "raise_flag": lambda store, uuid: risk.raise_flag(store, uuid, "two_staff", ON),
    "save_visit": lambda store, uuid: risk.save_visit(store, uuid, risk.Visit(date(2026, 11, 8))),
}


@pytest.mark.parametrize("name", [*READERS, *WRITERS])
def test_a_referral_that_is_not_there_is_a_risk_error(store, name):
    call = {**READERS, **WRITERS}[name]
    deleted = referral(store).referral_uuid
    delete(store, m.Referral, deleted)
    before = counts(store)
    for uuid in (GONE, deleted, ""):
        with pytest.raises(risk.RiskError) as refused:
            call(store, uuid)
        assert str(refused.value) == "That referral is no longer in the store."
    assert counts(store) == before


def test_a_flag_that_is_not_there_cannot_be_cleared(store):
    case = referral(store).referral_uuid
    flag = risk.raise_flag(store, case, "two_staff", ON)
    delete(store, m.RiskFlag, flag)
    for uuid in (GONE, flag, ""):
        with pytest.raises(risk.RiskError) as refused:
            risk.clear_flag(store, uuid, date(2026, 11, 12))
        assert str(refused.value) == "That flag is no longer in the store."


def test_a_visit_that_is_not_there_cannot_be_updated(store):
    case = referral(store).referral_uuid
    visit = risk.save_visit(store, case, risk.Visit(date(2026, 11, 8)))
    delete(store, m.HomeVisit, visit)
    for uuid in (GONE, visit):
        with pytest.raises(risk.RiskError) as refused:
            risk.save_visit(store, case, risk.Visit(date(2026, 11, 8), status="done", uuid=uuid))
        assert str(refused.value) == "That visit is no longer in this case's record."
    assert risk.visits(store, case) == []


def test_raising_no_flag_at_all_is_refused(store):
    case = referral(store).referral_uuid
    with pytest.raises(risk.RiskError, match="^Choose the flag to raise.$"):
        risk.raise_flag(store, case, "", ON)
    assert risk.flags(store, case) == []
