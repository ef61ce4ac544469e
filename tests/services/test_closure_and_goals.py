"""Goals with reviews, police call figures, closing and the feedback-due list."""
from __future__ import annotations

from datetime import date

import pytest

from cpm_desktop.domain.workflow import WorkflowError
from cpm_desktop.services import cases, goals, referrals
from cpm_desktop.services.interchange import import_tables
from tests.services.test_interchange import sample_tables


@pytest.fixture
def r4(store):
    import_tables(store, sample_tables())
    return next(r.uuid for r in referrals.list_referrals(store) if r.referral_id == "R4")


def test_goals_are_set_and_reviewed_with_history(store, r4):
    goal_id = goals.set_goal(store, r4, goal="Go to the café club <Tuesdays>", reality="Has not been out",
                             options="Café; library", way_forward="Walk there with a mentor", commitment=6,
                             set_on=date(2018, 7, 10))
    assert goal_id == "G000002"  # after G1 from the import
    (goal,) = goals.goals(store, r4)
    goals.review_goal(store, goal.uuid, status="ongoing", commitment=7, notes="Went twice",
                      reviewed_on=date(2018, 8, 1))
    goals.review_goal(store, goal.uuid, status="achieved", reviewed_on=date(2018, 9, 1))
    (goal,) = goals.goals(store, r4)
    assert (goal.status, goal.commitment, goal.reviewed_on) == ("achieved", 7, date(2018, 9, 1))
    assert [r.status for r in goals.reviews(store, goal.uuid)] == ["achieved", "ongoing"]
    with pytest.raises(goals.GoalError):
        goals.review_goal(store, goal.uuid, status="ongoing", commitment=11)
    with pytest.raises(goals.GoalError):
        goals.set_goal(store, r4, goal="  ")


def test_police_calls_need_a_source_and_show_the_change(store, r4):
    with pytest.raises(WorkflowError, match="where the figures come from"):
        cases.record_police_calls(store, r4, before=30, after=None, source="")
    cases.record_police_calls(store, r4, before=30, after=6, source="Command and control system")
    calls = cases.police_calls(store, r4)
    assert calls.change == "24 fewer calls (80% down)" and calls.source == "Command and control system"


def test_closed_cases_wait_for_feedback_until_it_is_sent(store, r4):
    cases.close_case(store, r4, date(2018, 9, 30), "Goals achieved", today=date(2018, 10, 1))
    due = cases.feedback_due(store, today=date(2018, 10, 11))
    assert [(d.referral_id, d.days_since_closure) for d in due] == [("R4", 11)]
    from cpm_desktop.services import letters

    letters.feedback_letter_pdf(store, "R4", today=date(2018, 10, 12))
    assert cases.feedback_due(store) == []
