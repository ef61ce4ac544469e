"""The case's rules: intake, decisions and their revision, closing and re-opening."""
from __future__ import annotations

from datetime import date

import pytest

from cpm_desktop.domain.workflow import (
    CaseState,
    WorkflowError,
    case_status,
    check_close,
    check_decision,
    check_intake,
    check_reopen,
    days_waiting,
)

TODAY = date(2026, 11, 23)
PENDING = CaseState("pending", None, date(2026, 11, 1), None)
SUPPORTED = CaseState("supported", date(2026, 11, 5), date(2026, 11, 1), None)


def intake(**changes):
    values = dict(first_name="Ann", last_name="Lee", referred_on=date(2026, 11, 20), age=40, under_18_reason="",
                  today=TODAY)
    values.update(changes)
    return check_intake(**values)


def test_intake_needs_names_and_a_past_date():
    assert intake() == []
    assert intake(first_name=" ") == ["Give the person's first and last name."]
    assert intake(referred_on=None) == ["Give the date the referral was received."]
    assert intake(referred_on=date(2026, 12, 1)) == ["The referral date cannot be in the future."]


def test_under_18_needs_a_reason_and_is_not_refused():
    assert "18 or over" in intake(age=16)[0]
    assert intake(age=16, under_18_reason="Care leaver, referred by the youth offending team") == []
    assert intake(age=18) == [] and intake(age=None) == []


def test_decision_needs_reason_and_sensible_date():
    check_decision(PENDING, "supported", "Will, want and capacity", date(2026, 11, 5), TODAY)
    with pytest.raises(WorkflowError, match="reason"):
        check_decision(PENDING, "supported", " ", date(2026, 11, 5), TODAY)
    with pytest.raises(WorkflowError, match="future"):
        check_decision(PENDING, "supported", "ok", date(2026, 12, 5), TODAY)
    with pytest.raises(WorkflowError, match="before the referral"):
        check_decision(PENDING, "supported", "ok", date(2026, 10, 5), TODAY)


def test_decision_can_be_revised_but_not_repeated():
    check_decision(SUPPORTED, "declined_after_engagement", "Too volatile after the home visit", date(2026, 11, 9),
                   TODAY)
    with pytest.raises(WorkflowError, match="already the decision"):
        check_decision(SUPPORTED, "supported", "again", date(2026, 11, 9), TODAY)
    allocated = CaseState("supported", date(2026, 11, 5), date(2026, 11, 1), None, has_open_allocations=True)
    with pytest.raises(WorkflowError, match="allocated"):
        check_decision(allocated, "declined_by_client", "Stopped answering", date(2026, 11, 9), TODAY)
    closed = CaseState("supported", date(2026, 11, 5), date(2026, 11, 1), date(2026, 11, 20))
    with pytest.raises(WorkflowError, match="re-open"):
        check_decision(closed, "declined_by_client", "x", date(2026, 11, 21), TODAY)


def test_close_and_reopen():
    check_close(SUPPORTED, date(2026, 11, 20), "Goals achieved", TODAY)
    with pytest.raises(WorkflowError, match="Only a supported case"):
        check_close(PENDING, date(2026, 11, 20), "x", TODAY)
    with pytest.raises(WorkflowError, match="reason"):
        check_close(SUPPORTED, date(2026, 11, 20), "", TODAY)
    closed = CaseState("supported", date(2026, 11, 5), date(2026, 11, 1), date(2026, 11, 20))
    with pytest.raises(WorkflowError, match="already closed"):
        check_close(closed, date(2026, 11, 21), "x", TODAY)
    check_reopen(closed, "Rang again after a new incident")
    check_reopen(CaseState("declined_by_client", date(2026, 11, 5), date(2026, 11, 1), None), "Ready now")
    with pytest.raises(WorkflowError, match="open already"):
        check_reopen(SUPPORTED, "x")


def test_status_words_and_days_waiting():
    assert case_status("pending", None, False) == "awaiting decision"
    assert case_status("supported", None, False) == "awaiting mentors"
    assert case_status("supported", None, True) == "active"
    assert case_status("supported", date(2026, 1, 1), True) == "closed"
    assert case_status("referred_on", None, False) == "not supported"
    assert days_waiting("pending", date(2026, 11, 1), None, False, None, TODAY) == 22
    assert days_waiting("supported", date(2026, 11, 1), date(2026, 11, 13), False, None, TODAY) == 10
    assert days_waiting("supported", date(2026, 11, 1), date(2026, 11, 13), True, None, TODAY) is None


def test_only_supported_open_cases_may_have_mentors_allocated():
    from datetime import date

    from cpm_desktop.domain.workflow import CaseStatus, case_status

    assert case_status("supported", None, False) is CaseStatus.AWAITING_MENTORS
    assert case_status("supported", None, True).may_allocate
    assert not case_status("supported", date(2026, 1, 1), True).may_allocate
    assert not case_status("pending", None, False).may_allocate
    assert str(CaseStatus.AWAITING_MENTORS) == "awaiting mentors"  # the lists show the same words as before


def test_a_short_label_leaves_out_the_explanation_in_brackets():
    from cpm_desktop.resources_path import base_vocabulary

    vocabulary = base_vocabulary()
    for code in vocabulary.codes("outcome"):
        assert " (" not in vocabulary.short_label("outcome", code)
        assert vocabulary.label("outcome", code).startswith(vocabulary.short_label("outcome", code))
