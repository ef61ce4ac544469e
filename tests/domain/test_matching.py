"""Eligibility, the pair rule and ranking (pure): area, lived experience, places, waiting for a first client, flags."""
from __future__ import annotations

from datetime import date

import pytest

from cpm_desktop.domain.matching import (
    Candidate,
    ClientNeeds,
    MentorFacts,
    Ranked,
    best_pair,
    lived_experience_fits,
    rank,
    why_not_allocatable,
    why_not_this_many,
)
from cpm_desktop.resources_path import base_vocabulary

MATCHING = base_vocabulary().matching
TODAY = date(2026, 11, 23)
CLIENT = ClientNeeds("east", ("alcohol", "mental_health"), ("harassment_stalking",), True, False)
DBS, SAFEGUARDING = date(2026, 1, 1), date(2026, 1, 2)


def mentor(key, **changes) -> Candidate:
    values = dict(key=key, area="north", lived_experience=(), capacity=2, open_allocations=0,
                  trained_on=date(2026, 1, 1), ever_allocated=True)
    values.update(changes)
    return Candidate(**values)


def keys(ranked):
    return [r.key for r in ranked]


# --- eligibility: the rule every allocation obeys ---------------------------------------------------


def test_an_active_mentor_with_dbs_and_safeguarding_may_be_allocated():
    assert why_not_allocatable(MentorFacts("active", DBS, SAFEGUARDING)) is None
    assert why_not_allocatable(MentorFacts("active", DBS, SAFEGUARDING), on=SAFEGUARDING) is None


@pytest.mark.parametrize("status", ["in_training", "sabbatical", "left", "other_organisation"])
def test_only_active_mentors_may_be_allocated(status):
    assert why_not_allocatable(MentorFacts(status, DBS, SAFEGUARDING)) == "Only an active mentor can be allocated."


def test_dbs_and_safeguarding_are_needed_and_must_come_before_the_allocation():
    assert "DBS check" in why_not_allocatable(MentorFacts("active", None, SAFEGUARDING))
    assert "safeguarding training" in why_not_allocatable(MentorFacts("active", DBS, None))
    assert "DBS check (01/01/2026) is later" in why_not_allocatable(MentorFacts("active", DBS, SAFEGUARDING),
                                                                     on=date(2025, 12, 31))
    assert "safeguarding training (02/01/2026) is later" in why_not_allocatable(
        MentorFacts("active", DBS, SAFEGUARDING), on=DBS)


def test_the_pair_rule():
    assert why_not_this_many(2, "") is None and why_not_this_many(3, "") is None
    assert "give the reason" in why_not_this_many(1, "  ")
    assert why_not_this_many(1, "Only one mentor in the east") is None
    assert "never work alone" in why_not_this_many(1, "a reason", {"never_alone"})
    assert "never work alone" in why_not_this_many(1, "a reason", ["two_staff"])
    assert why_not_this_many(2, "", {"never_alone"}) is None


# --- lived experience (the vocabulary's matching data) ----------------------------------------------


def test_lived_experience_fits_vulnerabilities_crimes_and_flags():
    assert lived_experience_fits(["alcohol", "domestic_abuse", "armed_forces"], MATCHING,
                                 vulnerabilities=["alcohol", "domestic_abuse_victim"], victim_crimes=[],
                                 victim=False, perpetrator=False) == ["alcohol", "domestic_abuse"]
    assert lived_experience_fits(["sexual_offence_victim", "crime_victim", "prison"], MATCHING, vulnerabilities=[],
                                 victim_crimes=["rape"], victim=True, perpetrator=False) == [
        "sexual_offence_victim", "crime_victim"]
    assert lived_experience_fits(["prison", "crime_perpetrator"], MATCHING, vulnerabilities=[], victim_crimes=[],
                                 victim=False, perpetrator=True) == ["prison", "crime_perpetrator"]


def test_crime_victim_fits_any_victim_crime_even_without_the_flag():
    assert lived_experience_fits(["crime_victim"], MATCHING, vulnerabilities=[], victim_crimes=["burglary"],
                                 victim=False, perpetrator=False) == ["crime_victim"]
    assert lived_experience_fits(["crime_victim"], MATCHING, vulnerabilities=[], victim_crimes=[],
                                 victim=False, perpetrator=True) == []


# --- ranking ----------------------------------------------------------------------------------------


def test_same_area_and_fitting_lived_experience_come_first():
    ranked = rank([mentor("far"), mentor("near", area="east"),
                   mentor("fits", lived_experience=("alcohol", "mental_health"))], CLIENT, MATCHING, str, TODAY)
    assert keys(ranked) == ["fits", "near", "far"]
    assert ranked[0].reasons[0] == "lived experience: alcohol, mental_health"
    assert ranked[0].fits == ("alcohol", "mental_health")


def test_the_reasons_read_as_words():
    vocabulary = base_vocabulary()
    ranked = rank([mentor("m", area="east", lived_experience=("alcohol", "crime_victim"), ever_allocated=False,
                          trained_on=date(2026, 8, 21))], CLIENT, MATCHING,
                  lambda code: vocabulary.label("lived_experience", code), TODAY)
    assert " · ".join(ranked[0].reasons) == ("lived experience: Alcohol dependency, Crime: victim · same area · "
                                             "2 of 2 places free · waiting 94 days for a first client")


def test_a_mentor_covering_the_area_ranks_between_same_area_and_elsewhere():
    ranked = rank([mentor("far"), mentor("covers", other_areas=("east",)), mentor("near", area="east")],
                  CLIENT, MATCHING, str, TODAY)
    assert keys(ranked) == ["near", "covers", "far"]
    assert "also covers the area" in ranked[1].reasons


def test_a_full_mentor_drops_and_a_waiting_one_rises():
    ranked = rank([mentor("full", area="east", open_allocations=2), mentor("waiting", ever_allocated=False,
                                                                       trained_on=date(2026, 5, 1)),
                   mentor("busy")], CLIENT, MATCHING, str, TODAY)
    assert keys(ranked) == ["waiting", "busy", "full"]
    assert "waiting 206 days for a first client" in ranked[0].reasons
    assert "full (2 of 2 clients)" in ranked[-1].reasons and ranked[-1].spare == 0


def test_more_spare_places_rank_higher_and_the_longer_wait_first():
    ranked = rank([mentor("one free", capacity=2, open_allocations=1), mentor("three free", capacity=3)],
                  CLIENT, MATCHING, str, TODAY)
    assert keys(ranked) == ["three free", "one free"]
    waiting = rank([mentor("recent", ever_allocated=False, trained_on=date(2026, 10, 1)),
                    mentor("long", ever_allocated=False, trained_on=date(2026, 2, 1))], CLIENT, MATCHING, str, TODAY)
    assert keys(waiting) == ["long", "recent"]


def test_experienced_flag_prefers_mentors_with_past_clients():
    client = ClientNeeds("east", (), (), False, False, frozenset({"experienced_mentors"}))
    ranked = rank([mentor("new", ever_allocated=False, trained_on=TODAY), mentor("old")], client, MATCHING, str, TODAY)
    assert keys(ranked) == ["old", "new"] and "no clients yet (case needs experience)" in ranked[1].reasons


def test_victim_flag_fits_crime_victim_experience():
    ranked = rank([mentor("victim", lived_experience=("crime_victim",)), mentor("none")], CLIENT, MATCHING, str, TODAY)
    assert keys(ranked) == ["victim", "none"]


def test_ties_keep_the_given_order():
    assert keys(rank([mentor("b"), mentor("a"), mentor("c")], CLIENT, MATCHING, str, TODAY)) == ["b", "a", "c"]


# --- pairs --------------------------------------------------------------------------------------------


def ranked(key, score, fits=(), spare=1):
    return Ranked(key, score, (), tuple(fits), spare)


def test_the_pair_is_the_best_two_with_a_place_free():
    assert keys(best_pair([ranked("full", 9, spare=0), ranked("a", 5), ranked("b", 4), ranked("c", 3)])) == ["a", "b"]
    assert best_pair([ranked("a", 5), ranked("full", 4, spare=0)]) == ()
    assert keys(best_pair([ranked("a", 5), ranked("b", 4)], needed=1)) == ["a"]
    assert best_pair([ranked("a", 5)], needed=0) == ()


def test_the_partner_brings_lived_experience_the_first_lacks():
    pair = best_pair([ranked("a", 8, fits=["alcohol"]), ranked("same", 6, fits=["alcohol"]),
                      ranked("adds", 5, fits=["mental_health"])])
    assert keys(pair) == ["a", "adds"]


def test_capacity_is_part_of_who_may_be_allocated():
    from cpm_desktop.domain.matching import MentorFacts, capacity_problem, why_not_allocatable

    checked = dict(status="active", dbs_checked_on=date(2018, 1, 1), safeguarding_completed_on=date(2018, 1, 2))
    assert why_not_allocatable(MentorFacts(**checked, open_allocations=1, capacity=2)) is None
    assert why_not_allocatable(MentorFacts(**checked, open_allocations=2, capacity=2)) == (
        "Full: already supporting 2 clients, the most agreed at once.")
    assert why_not_allocatable(MentorFacts(**checked, open_allocations=5, capacity=2)) == (
        "Over capacity: supporting 5 clients, more than the 2 agreed at once.")
    assert why_not_allocatable(MentorFacts(**checked)) is None  # capacity not known: not judged
    assert capacity_problem(0, 1) is None
