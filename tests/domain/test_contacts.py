"""Rules of the contact log and of GROW goals."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from cpm_desktop.domain import contacts as rules

NOW = datetime(2024, 5, 1, 12, 0)
ACTIVITIES = ("home_visit", "telephone")


def test_a_contact_needs_a_known_activity_sensible_minutes_and_no_future_time():
    rules.check_contact(occurred_at=NOW.replace(second=40), activity="telephone", minutes=0,
                        activities=ACTIVITIES, now=NOW)  # this very minute is allowed
    rules.check_contact(occurred_at=NOW, activity="home_visit", minutes=None, activities=ACTIVITIES, now=NOW)
    for occurred_at, activity, minutes, message in (
            (NOW.replace(minute=1), "telephone", 5, "future"), (None, "telephone", 5, "date and time"),
            (NOW, "juggling", 5, "activities"), (NOW, None, 5, "activities"),
            (NOW, "telephone", -1, "1,440"), (NOW, "telephone", 1441, "1,440")):
        with pytest.raises(rules.ContactError, match=message):
            rules.check_contact(occurred_at=occurred_at, activity=activity, minutes=minutes,
                                activities=ACTIVITIES, now=NOW)


def test_ids_follow_the_largest_number_whatever_else_is_there():
    assert rules.next_number(["C99", "C0000123", "C12a", "X500", "", None], rules.CONTACT_ID) == 124
    assert rules.contact_id(124) == "C0000124" and rules.next_number([], rules.CONTACT_ID) == 1
    assert rules.goal_id(rules.next_number(["G1", "G000007"], rules.GOAL_ID)) == "G000008"


def test_first_contact_is_the_earliest():
    assert rules.first_contact_on(None, NOW) == NOW.date()
    assert rules.first_contact_on(date(2024, 6, 1), NOW) == NOW.date()
    assert rules.first_contact_on(date(2024, 1, 1), NOW) == date(2024, 1, 1)


def test_delete_needs_a_reason():
    with pytest.raises(rules.ContactError):
        rules.check_delete_reason("  ")
    assert rules.check_delete_reason(" Wrong client ") == "Wrong client"


def test_goal_commitment_is_one_to_ten_and_reviews_are_dated_sensibly():
    today = date(2024, 5, 1)
    rules.check_goal(goal="Walk to the shop", commitment=10, set_on=today, today=today)
    for goal, commitment, set_on in (("", 5, today), ("Go", 0, today), ("Go", 11, today),
                                     ("Go", 5, date(2024, 5, 2))):
        with pytest.raises(rules.GoalError):
            rules.check_goal(goal=goal, commitment=commitment, set_on=set_on, today=today)
    rules.check_review(status="withdrawn", commitment=None, reviewed_on=today, set_on=today, today=today)
    for status, reviewed_on in (("abandoned", today), ("open", date(2024, 4, 30)), ("open", date(2024, 5, 2))):
        with pytest.raises(rules.GoalError):
            rules.check_review(status=status, commitment=None, reviewed_on=reviewed_on, set_on=today, today=today)


def test_the_latest_dated_review_decides_what_the_goal_shows():
    assert rules.standing(6, []) == rules.GoalStanding("open", 6, None)
    reviews = [rules.Review(date(2024, 3, 1), "achieved", None, 0),  # entered first, dated last
               rules.Review(date(2024, 2, 1), "ongoing", 8, 1),
               rules.Review(date(2024, 2, 1), "not_achieved", None, 2)]  # same day, entered later: wins the tie
    assert rules.standing(6, reviews) == rules.GoalStanding("achieved", 8, date(2024, 3, 1))
    assert rules.standing(6, reviews[1:]) == rules.GoalStanding("not_achieved", 8, date(2024, 2, 1))


def test_totals_per_activity():
    assert rules.totals([("telephone", 10), ("telephone", None), ("home_visit", 60)]) == {
        "telephone": (2, 10), "home_visit": (1, 60)}
