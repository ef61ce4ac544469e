"""The headline figures, the areas and the previous period added to the evaluation document."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import cycle

import pytest

from cpm_desktop.domain.evaluation import (
    EvaluationParameters,
    compute_evaluation,
    headline_figures,
    previous_period,
    quarterly_counts,
)
from tests.domain import fixture_2018 as f2018
from tests.domain.test_evaluation import CODES, mentor, referral

ADDITIVE = ("referrals", "supported", "contacts", "support_hours", "demand_clients", "calls_before", "calls_after",
            "calls_avoided", "no_calls_after", "hours_saved", "cost_saved", "mentors_active", "mentors_trained")
FY_2017_18 = EvaluationParameters(date(2017, 4, 1), date(2018, 3, 31), date(2018, 6, 30),
                                  hours_per_call=f2018.HOURS_PER_CALL)


@pytest.fixture(scope="module")
def spread():
    """The 2018 records shared round robin between the four areas and no area at all."""
    areas = cycle(["darlington", "south", "east", "north", None])
    rows = [replace(r, area=next(areas)) for r in f2018.referrals()]
    mentors = [replace(m, area=next(areas)) for m in f2018.mentors()]
    return rows, f2018.contact_tallies(rows), mentors


def test_the_2018_headline():
    rows = f2018.referrals()
    h = compute_evaluation(EvaluationParameters(as_of=f2018.AS_OF, hours_per_call=f2018.HOURS_PER_CALL), rows,
                           f2018.contact_tallies(rows), f2018.mentors(), CODES)["by_area"]["total"]
    assert (h["referrals"], h["supported"], h["supported_pct"]) == (261, 140, 53.6)
    assert (h["reduction_pct"], h["calls_avoided"], h["cost_saved"], h["hours_saved"]) == (81.0, 4860, 660_425,
                                                                                           26_417.0)
    assert (h["no_calls_after"], h["demand_clients"]) == (30, 60)
    assert (h["contacts"], h["support_hours"]) == (4298, 4298.0)  # an hour a contact
    assert h["referral_to_decision"] == {"median": 7, "p90": 7, "n": 261}  # every referral decided after a week
    assert h["mentors_active"] == 62 and h["mentors_trained"] == 158


@pytest.mark.parametrize(("start", "end", "as_of", "expected"), [
    # A financial year steps back a year, a quarter a quarter, as_of with them (31 May → 29 February).
    (date(2017, 4, 1), date(2018, 3, 31), date(2018, 6, 30), (date(2016, 4, 1), date(2017, 3, 31), date(2017, 6, 30))),
    (date(2020, 3, 1), date(2020, 5, 31), date(2020, 5, 31), (date(2019, 12, 1), date(2020, 2, 29), date(2020, 2, 29))),
    # Any other period steps back by its number of days.
    (date(2018, 5, 10), date(2018, 5, 19), date(2018, 5, 20), (date(2018, 4, 30), date(2018, 5, 9), date(2018, 5, 10))),
    # No end: the period runs to as_of.
    (date(2018, 1, 15), None, date(2018, 1, 24), (date(2018, 1, 5), date(2018, 1, 14), date(2018, 1, 14))),
])
def test_the_previous_period_has_the_same_length(start, end, as_of, expected):
    previous = previous_period(EvaluationParameters(start, end, as_of, area="east", cost_per_hour=30))
    assert (previous.date_from, previous.date_to, previous.as_of) == expected
    assert (previous.area, previous.cost_per_hour) == ("east", 30)


def test_no_previous_period_without_a_start():
    assert previous_period(EvaluationParameters(None, date(2018, 3, 31), date(2018, 6, 30))) is None
    rows = f2018.referrals()
    assert compute_evaluation(EvaluationParameters(as_of=f2018.AS_OF), rows, [], [], CODES)["previous_period"] is None


def test_previous_period_figures_are_a_second_run_over_that_period(spread):
    rows, tallies, mentors = spread
    for area in (None, "east"):
        params = replace(FY_2017_18, area=area)
        document = compute_evaluation(params, rows, tallies, mentors, CODES)
        previous = document["previous_period"]
        assert (previous["from"], previous["to"], previous["as_of"]) == ("2016-04-01", "2017-03-31", "2017-06-30")
        second = compute_evaluation(replace(params, date_from=date(2016, 4, 1), date_to=date(2017, 3, 31),
                                            as_of=date(2017, 6, 30)), rows, tallies, mentors, CODES)
        assert previous["figures"] == second["by_area"]["total"]
        assert previous["figures"]["referrals"] == second["referrals"]["total"]
        now = document["by_area"]["total"]
        assert previous["change"]["referrals"] == now["referrals"] - second["referrals"]["total"]
    whole = compute_evaluation(FY_2017_18, rows, tallies, mentors, CODES)["previous_period"]
    assert (whole["figures"]["referrals"], whole["change"]["referrals"]) == (34, 171 - 34)
    assert whole["change"]["supported_pct"] == round(63 / 171 * 100 - 30 / 34 * 100, 1)  # in points


def test_the_change_of_a_missing_median_is_null():
    rows = [referral(1, referred_on=date(2018, 5, 1), decided_on=date(2018, 5, 4))]
    document = compute_evaluation(EvaluationParameters(date(2018, 4, 1), date(2019, 3, 31), date(2019, 3, 31)),
                                  rows, [], [], CODES)
    assert document["previous_period"]["figures"]["referral_to_decision"] == {"median": None, "p90": None, "n": 0}
    assert document["previous_period"]["change"]["referral_to_decision"] == {"median": None, "p90": None, "n": 1}


def test_the_areas_add_up_to_the_whole_scheme(spread):
    rows, tallies, mentors = spread
    by_area = compute_evaluation(FY_2017_18, rows, tallies, mentors, CODES)["by_area"]
    assert [a["area"] for a in by_area["areas"]] == [*CODES["area"], None]
    total = by_area["total"]
    assert total["referrals"] == 171 and total["mentors_active"] == 62
    rows_count = len(by_area["areas"])
    rounded = {"support_hours": 0.05, "hours_saved": 0.05, "cost_saved": 0.5}  # each row rounded on its own
    for key in ADDITIVE:
        added = sum(a[key] for a in by_area["areas"])
        if key in rounded:
            assert added == pytest.approx(total[key], abs=rounded[key] * rows_count), key
        else:
            assert added == total[key], key
    # At a whole number of hours a call the pounds add up exactly too.
    whole_hours = compute_evaluation(replace(FY_2017_18, hours_per_call=2.0), rows, tallies, mentors, CODES)["by_area"]
    assert sum(a["cost_saved"] for a in whole_hours["areas"]) == whole_hours["total"]["cost_saved"] > 0
    for row in by_area["areas"]:
        if row["area"] is not None:  # each area's row is that area's own report
            alone = compute_evaluation(replace(FY_2017_18, area=row["area"]), rows, tallies, mentors, CODES)
            assert alone["by_area"] == {"areas": [row], "total": {k: v for k, v in row.items() if k != "area"}}
            assert (row["referrals"], row["supported"]) == (alone["referrals"]["total"],
                                                            alone["referrals"]["supported"])


def test_an_area_code_outside_the_vocabulary_still_counts():
    rows = [referral(1, area="retired_area"), referral(2, area="east")]
    areas = compute_evaluation(EvaluationParameters(as_of=date(2019, 1, 1)), rows, [], [], CODES)["by_area"]["areas"]
    assert [a["area"] for a in areas][-1] == "retired_area" and sum(a["referrals"] for a in areas) == 2


def test_mentors_active_and_trained_in_the_period():
    day = date(2018, 6, 30)
    mentors = [
        mentor(1),                                                     # active, trained January 2018
        mentor(2, status="left", left_on=date(2018, 9, 1)),            # left after as_of: still active then
        mentor(3, status="left", left_on=date(2018, 3, 1)),            # gone
        mentor(4, status="left", left_on=None),                        # left, no date: gone
        mentor(5, status="other_organisation"),
        mentor(6, status="in_training", training_completed_on=None),
        mentor(7, training_completed_on=date(2018, 8, 1)),             # trained after as_of
        mentor(8, status="sabbatical", training_completed_on=date(2017, 1, 1)),
    ]
    h = headline_figures(EvaluationParameters(date(2017, 4, 1), date(2018, 3, 31), day), [], [], mentors)
    assert h["mentors_active"] == 3  # 1, 2 and 8
    assert h["mentors_trained"] == 5  # trained January 2018: 1 to 5 (7 after as_of, 8 before the period)


def test_quarters_run_from_the_first_to_the_last_with_empty_ones():
    rows = [referral(1, referred_on=date(2017, 3, 31)), referral(2, referred_on=date(2017, 4, 1), outcome="pending"),
            referral(3, referred_on=date(2017, 12, 31), area="north")]
    assert quarterly_counts(rows) == [
        {"quarter": "2016-17 Q4", "referred": 1, "supported": 1},
        {"quarter": "2017-18 Q1", "referred": 1, "supported": 0},
        {"quarter": "2017-18 Q2", "referred": 0, "supported": 0},
        {"quarter": "2017-18 Q3", "referred": 1, "supported": 1},
    ]
    assert quarterly_counts(rows, "north") == [{"quarter": "2017-18 Q3", "referred": 1, "supported": 1}]
    assert quarterly_counts([]) == []
