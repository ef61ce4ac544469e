"""The retention rules: calendar months exactly, each rule in words, the lead's periods checked."""
from __future__ import annotations

import tomllib
from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta

from cpm_desktop.domain import retention
from cpm_desktop.domain.retention import RetentionRules, RuleError
from cpm_desktop.resources_path import resource_path

with resource_path("retention_defaults.toml").open("rb") as _shipped:
    RULES = RetentionRules.from_mapping(tomllib.load(_shipped))  # the shipped defaults


def left_due(left_on: date, today: date) -> bool:
    return retention.mentor_due(RULES, status="left", left_on=left_on, sabbatical_since=None, today=today) is not None


def test_a_mentor_who_left_6_months_and_1_day_ago_is_due_and_5_months_30_days_is_not():
    today = date(2026, 12, 1)
    assert left_due(today - relativedelta(months=6, days=1), today)
    assert not left_due(today - relativedelta(months=5, days=30), today)
    assert not left_due(today - relativedelta(months=6), today)  # the 6 months are kept in full


def test_the_boundary_holds_on_every_day_of_four_years_including_month_ends_and_a_leap_day():
    start = date(2023, 1, 1)
    for offset in range(4 * 366):
        left_on = start + timedelta(days=offset)
        six_and_a_day = left_on + relativedelta(months=6) + timedelta(days=1)
        assert left_due(left_on, six_and_a_day), left_on
        assert not left_due(left_on, left_on + relativedelta(months=6)), left_on
        five_months_thirty = left_on + relativedelta(months=5, days=30)
        if relativedelta(five_months_thirty, left_on) == relativedelta(months=5, days=30):
            assert not left_due(left_on, five_months_thirty), left_on


def test_a_sabbatical_starts_its_retention_period_only_once_it_has_lasted_6_months():
    began = date(2025, 3, 10)
    rule = RULES.mentor_sabbatical
    assert rule.kept_until(began) == date(2026, 3, 10)
    due = retention.mentor_due(RULES, status="sabbatical", left_on=None, sabbatical_since=began,
                               today=date(2026, 3, 11))
    assert due is not None and due.since == date(2026, 3, 11)
    assert retention.mentor_due(RULES, status="sabbatical", left_on=None, sabbatical_since=began,
                                today=date(2026, 3, 10)) is None
    assert retention.mentor_due(RULES, status="active", left_on=date(2000, 1, 1), sabbatical_since=None,
                                today=date(2026, 3, 10)) is None


def test_closed_cases_are_kept_6_years_by_default_and_open_cases_are_never_due():
    closed = date(2019, 2, 28)
    due = retention.case_due(RULES, outcome="supported", decided_on=None, closed_on=closed, today=date(2025, 3, 1))
    assert due is not None and due.since == date(2025, 3, 1)
    assert retention.case_due(RULES, outcome="supported", decided_on=None, closed_on=closed,
                              today=date(2025, 2, 28)) is None
    assert retention.case_due(RULES, outcome="supported", decided_on=date(2000, 1, 1), closed_on=None,
                              today=date(2026, 1, 1)) is None
    assert retention.case_due(RULES, outcome="pending", decided_on=None, closed_on=None, today=date(2099, 1, 1)) is None
    declined = retention.case_due(RULES, outcome="declined_by_client", decided_on=date(2020, 5, 1), closed_on=None,
                                  today=date(2022, 5, 2))
    assert declined is not None and declined.rule.key == retention.NOT_TAKEN_UP


def test_each_rule_names_its_basis_and_reads_in_words():
    for key in retention.RULE_KEYS:
        assert RULES.rule(key).basis.strip()
    assert retention.describe(RULES.mentor_left) == "kept 6 months after leaving the scheme"
    assert retention.describe(RULES.closed_case) == "kept 6 years after support ended"
    assert "6 years" in RULES.subject_access_text() and "6 months" in RULES.subject_access_text()
    assert "Appendix 4" in RULES.mentor_left.basis


def test_the_audit_cutoff_agrees_with_the_rule_day_by_day():
    for offset in range(0, 800, 7):
        today = date(2025, 1, 1) + timedelta(days=offset)
        cutoff = retention.audit_cutoff(RULES, today)
        assert retention.audit_due(RULES, cutoff - timedelta(days=1), today) is not None
        assert retention.audit_due(RULES, cutoff, today) is None


@pytest.mark.parametrize("months", [-1, 1201, "six", True, 2.5])
def test_a_period_that_cannot_be_kept_is_refused_in_one_sentence(months):
    with pytest.raises(RuleError, match="whole number of months"):
        RULES.with_months("closed_case", months)


def test_a_rule_without_its_basis_is_refused():
    mapping = RULES.to_mapping()
    mapping["audit"]["basis"] = "  "
    with pytest.raises(RuleError, match="based on"):
        RetentionRules.from_mapping(mapping)
