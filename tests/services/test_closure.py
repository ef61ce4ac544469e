"""Closing with a date, reason and police calls since first contact; re-opening keeps the history."""
from __future__ import annotations

from datetime import date

import pytest

from cpm_desktop.domain.workflow import WorkflowError
from cpm_desktop.services import cases, closure, referrals
from cpm_desktop.services.interchange import import_tables
from tests.services.test_interchange import sample_tables


@pytest.fixture
def r4(store):
    import_tables(store, sample_tables())
    return next(r.uuid for r in referrals.list_referrals(store) if r.referral_id == "R4")


def test_close_reopen_and_close_again_keeps_every_step(store, r4):
    cases.record_police_calls(store, r4, before=12, after=None, source="Durham Constabulary")
    closure.close_case(store, r4, date(2018, 9, 30), "Goals achieved", calls_after=3, calls_source="",
                       today=date(2018, 10, 1))
    state = closure.closure_state(store, r4)
    assert (state.closed_on, state.reason) == (date(2018, 9, 30), "Goals achieved")
    calls = cases.police_calls(store, r4)
    assert (calls.before, calls.after, calls.source) == (12, 3, "Durham Constabulary")
    assert calls.change == "9 fewer calls (75% down)"
    assert referrals.case_header(store, r4).status == "closed"
    with pytest.raises(WorkflowError, match="already closed"):
        closure.close_case(store, r4, date(2018, 9, 30), "Again", today=date(2018, 10, 1))

    cases.reopen_case(store, r4, "Asked for help again", on=date(2019, 1, 5))
    state = closure.closure_state(store, r4)
    assert (state.closed_on, state.reason) == (None, "")
    closure.close_case(store, r4, date(2019, 3, 1), "Moved away", today=date(2019, 3, 2))
    history = [(e.kind, e.happened_on, e.reason) for e in cases.case_history(store, r4) if e.kind != "decision"]
    assert history == [("closed", date(2019, 3, 1), "Moved away"),
                       ("reopened", date(2019, 1, 5), "Asked for help again"),
                       ("closed", date(2018, 9, 30), "Goals achieved")]
    assert {"Goals achieved", "Moved away", "line one line two"} == set(closure.closure_reasons(store))


def test_closing_needs_a_reason_a_sensible_date_and_a_source_for_the_figure(store, r4):
    for closed_on, reason, after, source, message in (
            (date(2018, 9, 30), " ", None, "", "reason"),
            (date(2018, 6, 1), "Done", None, "", "before the referral"),
            (date(2018, 10, 2), "Done", None, "", "future"),
            (date(2018, 9, 30), "Done", 4, "", "where the figure comes from")):
        with pytest.raises(WorkflowError, match=message):
            closure.close_case(store, r4, closed_on, reason, calls_after=after, calls_source=source,
                               today=date(2018, 10, 1))
    assert closure.closure_state(store, r4).closed_on is None
    assert cases.police_calls(store, r4).after is None  # nothing half-saved


def test_an_open_case_cannot_be_reopened(store, r4):
    with pytest.raises(WorkflowError, match="open already"):
        cases.reopen_case(store, r4, "Just in case")
