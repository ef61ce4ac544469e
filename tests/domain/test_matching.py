"""Ranking mentors for a client (pure): area, lived experience, places, waiting for a first client, flags."""
from __future__ import annotations

from datetime import date

from cpm_desktop.domain.matching import Candidate, ClientNeeds, rank
from cpm_desktop.resources import base_vocabulary

MATCHING = base_vocabulary().matching
TODAY = date(2026, 11, 23)
CLIENT = ClientNeeds("east", ("alcohol", "mental_health"), ("harassment_stalking",), True, False)


def mentor(key, **changes) -> Candidate:
    values = dict(key=key, area="north", lived_experience=(), capacity=2, open_allocations=0,
                  trained_on=date(2026, 1, 1), ever_allocated=True)
    values.update(changes)
    return Candidate(**values)


def keys(ranked):
    return [r.key for r in ranked]


def test_same_area_and_fitting_lived_experience_come_first():
    ranked = rank([mentor("far"), mentor("near", area="east"),
                   mentor("fits", lived_experience=("alcohol", "mental_health"))], CLIENT, MATCHING, str, TODAY)
    assert keys(ranked) == ["fits", "near", "far"]
    assert ranked[0].reasons[0] == "lived experience: alcohol, mental_health"


def test_a_full_mentor_drops_and_a_waiting_one_rises():
    ranked = rank([mentor("full", area="east", open_allocations=2), mentor("waiting", ever_allocated=False,
                                                                       trained_on=date(2026, 5, 1)),
                   mentor("busy")], CLIENT, MATCHING, str, TODAY)
    assert keys(ranked) == ["waiting", "busy", "full"]
    assert "waiting 206 days for a first client" in ranked[0].reasons
    assert "full (2 of 2 clients)" in ranked[-1].reasons


def test_experienced_flag_prefers_mentors_with_past_clients():
    client = ClientNeeds("east", (), (), False, False, frozenset({"experienced_mentors"}))
    ranked = rank([mentor("new", ever_allocated=False, trained_on=TODAY), mentor("old")], client, MATCHING, str, TODAY)
    assert keys(ranked) == ["old", "new"] and "no clients yet (case needs experience)" in ranked[1].reasons


def test_victim_flag_fits_crime_victim_experience():
    ranked = rank([mentor("victim", lived_experience=("crime_victim",)), mentor("none")], CLIENT, MATCHING, str, TODAY)
    assert keys(ranked) == ["victim", "none"]
