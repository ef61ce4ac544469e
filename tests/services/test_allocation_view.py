"""The Allocation pane's view read in one snapshot: the same as its parts read one by one, for a case waiting
for mentors, a case with its pair, a case that may not have mentors, and no case."""
from __future__ import annotations

from datetime import date

from cpm_desktop.services import allocation, mentors, referrals
from cpm_desktop.services.allocation_view import allocation_view
from tests.services.test_allocation import TODAY, case, uuid_of  # noqa: F401 (the fixture)


def parts(store, uuid):
    return (referrals.case_header(store, uuid), allocation.allocated_mentors(store, uuid),
            allocation.suggestions(store, uuid, today=TODAY))


def test_the_view_is_its_parts_read_together(store, case):  # noqa: F811
    view = allocation_view(store, case, today=TODAY)
    assert (view.header, view.allocated, view.suggestions) == parts(store, case)
    assert view.needed == 2 and [c.mentor_id for c in view.pair] == ["M3", "M1"]
    assert view.waiting.clients == mentors.clients_waiting(store, today=TODAY)
    assert view.waiting.never_allocated == mentors.mentors_never_allocated(store, today=TODAY)
    assert view.waiting.checks_overdue == mentors.progress_checks_overdue(store, today=TODAY)
    assert [w.referral_id for w in view.waiting.clients] == ["R4"]
    allocation.allocate(store, case, [uuid_of(store, "M3"), uuid_of(store, "M1")], TODAY)
    whole = allocation_view(store, case, today=TODAY)
    assert (whole.needed, whole.pair, whole.waiting.clients) == (0, (), [])
    assert sorted(a.mentor_id for a in whole.allocated) == ["M1", "M3"]
    assert "M3" not in [c.mentor_id for c in whole.suggestions]


def test_a_case_that_may_not_have_mentors_gets_no_suggestions(store, case):  # noqa: F811
    declined = next(r.uuid for r in referrals.list_referrals(store)
                    if not referrals.case_header(store, r.uuid).status.may_allocate)
    view = allocation_view(store, declined, today=TODAY)
    assert view.header == referrals.case_header(store, declined)
    assert (view.suggestions, view.pair) == ([], ())


def test_without_a_case_only_the_waiting_lists(store, case):  # noqa: F811
    for nothing in (None, "no-such-referral"):
        view = allocation_view(store, nothing, today=date(2018, 8, 1))
        assert (view.header, view.allocated, view.suggestions, view.needed) == (None, [], [], 0)
        assert [w.referral_id for w in view.waiting.clients] == ["R4"]
