"""GROW goals: dated reviews kept as history; the goal shows the latest-dated review."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from cpm_desktop.services import goals, referrals
from cpm_desktop.services.interchange import import_tables
from cpm_desktop.storage import models as m
from tests.services.test_interchange import sample_tables


@pytest.fixture
def r4(store):
    import_tables(store, sample_tables())
    return next(r.uuid for r in referrals.list_referrals(store) if r.referral_id == "R4")


def test_a_review_entered_late_does_not_overwrite_a_later_one(store, r4):
    goals.set_goal(store, r4, goal="Sleep through the night", commitment=4, set_on=date(2018, 7, 10))
    (goal,) = goals.goals(store, r4)
    goals.review_goal(store, goal.uuid, status="achieved", commitment=9, reviewed_on=date(2018, 10, 1))
    goals.review_goal(store, goal.uuid, status="ongoing", commitment=6, notes="From the paper notes",
                      reviewed_on=date(2018, 8, 1))
    (goal,) = goals.goals(store, r4)
    assert (goal.status, goal.commitment, goal.reviewed_on) == ("achieved", 9, date(2018, 10, 1))
    assert [(r.reviewed_on, r.status) for r in goals.reviews(store, goal.uuid)] == [
        (date(2018, 10, 1), "achieved"), (date(2018, 8, 1), "ongoing")]


def test_a_review_without_a_score_keeps_the_score_and_each_change_is_audited(store, r4):
    goals.set_goal(store, r4, goal="Cook a meal", commitment=5, set_on=date(2018, 7, 10))
    (goal,) = goals.goals(store, r4)
    goals.review_goal(store, goal.uuid, status="withdrawn", reviewed_on=date(2018, 8, 1))
    goals.review_goal(store, goal.uuid, status="ongoing", reviewed_on=date(2018, 9, 1), notes="Taken up again")
    (goal,) = goals.goals(store, r4)
    assert (goal.status, goal.commitment) == ("ongoing", 5)
    with store.transaction() as session:
        tables = session.scalars(select(m.AuditEvent.record_table).where(m.AuditEvent.action == "create")).all()
    assert tables.count("goal_review") == 2


def test_goal_rules_are_enforced(store, r4):
    with pytest.raises(goals.GoalError, match="future"):
        goals.set_goal(store, r4, goal="Tomorrow", set_on=date(2999, 1, 1))
    goals.set_goal(store, r4, goal="Join the library", set_on=date(2018, 7, 10))
    (goal,) = goals.goals(store, r4)
    with pytest.raises(goals.GoalError, match="before the goal was set"):
        goals.review_goal(store, goal.uuid, status="ongoing", reviewed_on=date(2018, 7, 9))
    with pytest.raises(goals.GoalError, match="from the list"):
        goals.review_goal(store, goal.uuid, status="maybe", reviewed_on=date(2018, 7, 11))
    with pytest.raises(goals.GoalError, match="no longer"):
        goals.review_goal(store, "no-such-goal", status="ongoing")
    assert goals.reviews(store, goal.uuid) == []
