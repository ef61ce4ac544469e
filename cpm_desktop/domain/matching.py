"""Who may be allocated to a client, and how well a mentor fits one (pure rules: no I/O)."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from cpm_desktop.domain.text import plural

# Flags on a case that mean its mentors never work alone: a single mentor cannot be allocated to it.
PAIR_ONLY_FLAGS = ("never_alone", "two_staff")
# A trained mentor's wait for a first client counts up to this many days in the ranking (then it is capped);
# the order of weight: same area, each fitting lived experience, a long wait, spare places.
WAIT_CAP_DAYS = 270


@dataclass(frozen=True)
class MentorFacts:
    status: str
    dbs_checked_on: date | None
    safeguarding_completed_on: date | None
    open_allocations: int = 0  # clients supported now
    capacity: int | None = None  # the most clients at once the mentor agreed to; None: not known here


def why_not_allocatable(mentor: MentorFacts, on: date | None = None) -> str | None:
    """None when the mentor may be allocated (on the given day); otherwise the reason, as a sentence.

    Holds for every allocation made by the scheme (GUI, command line, services); an imported history of
    past allocations records what happened and is not checked against a mentor's status today.
    """
    if mentor.status != "active":
        return "Only an active mentor can be allocated."
    if mentor.dbs_checked_on is None:
        return "A mentor needs a DBS check before being allocated."
    if mentor.safeguarding_completed_on is None:
        return "A mentor needs safeguarding training before being allocated."
    if on is not None and mentor.dbs_checked_on > on:
        return f"The DBS check ({mentor.dbs_checked_on:%d/%m/%Y}) is later than the allocation date."
    if on is not None and mentor.safeguarding_completed_on > on:
        return (f"The safeguarding training ({mentor.safeguarding_completed_on:%d/%m/%Y}) is later than the "
                "allocation date.")
    return capacity_problem(mentor.open_allocations, mentor.capacity)


def capacity_problem(open_allocations: int, capacity: int | None) -> str | None:
    """Why a mentor has no place for another client (full, or over the number agreed), as a sentence."""
    if capacity is None or open_allocations < capacity:
        return None
    if open_allocations == capacity:
        return f"Full: already supporting {plural(open_allocations, 'client')}, the most agreed at once."
    return (f"Over capacity: supporting {plural(open_allocations, 'client')}, more than the {capacity} "
            "agreed at once.")


def why_not_this_many(open_after: int, single_reason: str, case_flags: Iterable[str] = ()) -> str | None:
    """The pair rule: a case left with one mentor needs a recorded reason, and some cases never have one."""
    if open_after != 1:
        return None
    pair_only = [flag for flag in PAIR_ONLY_FLAGS if flag in set(case_flags)]
    if pair_only:
        return "This case is flagged so its mentors never work alone: allocate a pair."
    if not single_reason.strip():
        return "Mentors normally work in pairs: give the reason for allocating one mentor."
    return None


def lived_experience_fits(lived: Iterable[str], matching: Mapping[str, Mapping[str, Iterable[str]]], *,
                          vulnerabilities: Iterable[str], victim_crimes: Iterable[str], victim: bool,
                          perpetrator: bool) -> list[str]:
    """The mentor's lived-experience codes that name the same life event as the client's needs.

    ``matching`` is vocabulary data: lived-experience code → {"vulnerabilities" | "victim_crimes" | "flags":
    the client's codes it fits}. A client with any victim crime counts as a victim for the flags.
    """
    victim_crimes = set(victim_crimes)
    needs = {"vulnerabilities": set(vulnerabilities), "victim_crimes": victim_crimes,
             "flags": {flag for flag, on in (("victim", victim or bool(victim_crimes)),
                                             ("perpetrator", perpetrator)) if on}}
    fits = []
    for code in lived:
        hints = matching.get(code, {})
        if any(needs[target] & set(codes) for target, codes in hints.items() if target in needs):
            fits.append(code)
    return fits


@dataclass(frozen=True)
class Candidate:
    """A mentor as ranking sees them (plain values)."""

    key: str
    area: str | None
    lived_experience: tuple[str, ...]
    capacity: int
    open_allocations: int
    trained_on: date | None
    ever_allocated: bool
    other_areas: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClientNeeds:
    area: str | None
    vulnerabilities: tuple[str, ...]
    victim_crimes: tuple[str, ...]
    victim: bool
    perpetrator: bool
    flags: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Ranked:
    key: str
    score: float
    reasons: tuple[str, ...]  # in words, for the coordinator
    fits: tuple[str, ...] = ()  # the lived-experience codes that fit the client
    spare: int = 0  # places free (capacity minus open allocations)


def score_mentor(mentor: Candidate, client: ClientNeeds, matching: Mapping[str, Mapping[str, Iterable[str]]],
                 lived_label: Callable[[str], str], today: date) -> Ranked:
    """One mentor's score for one client, with the reasons in words."""
    fits = lived_experience_fits(mentor.lived_experience, matching, vulnerabilities=client.vulnerabilities,
                                 victim_crimes=client.victim_crimes, victim=client.victim,
                                 perpetrator=client.perpetrator)
    reasons = []
    score = 0.0
    if fits:
        reasons.append("lived experience: " + ", ".join(lived_label(code) for code in fits))
        score += 2 * len(fits)
    if client.area is not None and mentor.area == client.area:
        reasons.append("same area")
        score += 3
    elif client.area is not None and client.area in mentor.other_areas:
        reasons.append("also covers the area")
        score += 2
    spare = mentor.capacity - mentor.open_allocations
    if spare > 0:
        reasons.append(f"{spare} of {mentor.capacity} places free")
        score += 1 + 0.25 * min(spare - 1, 2)
    else:
        reasons.append(f"full ({mentor.open_allocations} of {plural(mentor.capacity, 'client')})")
        score -= 5
    if not mentor.ever_allocated and mentor.trained_on is not None:
        waited = max((today - mentor.trained_on).days, 0)
        reasons.append(f"waiting {plural(waited, 'day')} for a first client")
        score += 2 * min(waited, WAIT_CAP_DAYS) / WAIT_CAP_DAYS  # a long wait weighs as much as one fit
    if "experienced_mentors" in client.flags:
        score += 4 if mentor.ever_allocated else -4
        reasons.append("experienced" if mentor.ever_allocated else "no clients yet (case needs experience)")
    return Ranked(mentor.key, score, tuple(reasons), tuple(fits), max(spare, 0))


def rank(candidates: Iterable[Candidate], client: ClientNeeds, matching: Mapping[str, Mapping[str, Iterable[str]]],
         lived_label: Callable[[str], str], today: date) -> list[Ranked]:
    """Best first: same area, lived experience that fits, a place free, a trained mentor's wait for a first
    client (the 2018 evaluation: waiting mentors lose heart), and the case's flags. Ties keep the given order."""
    ranked = [score_mentor(mentor, client, matching, lived_label, today) for mentor in candidates]
    return sorted(ranked, key=lambda r: -r.score)


def best_pair(ranked: Sequence[Ranked], needed: int = 2) -> tuple[Ranked, ...]:
    """The mentors to suggest together (``needed`` is 2 for a new case, 1 to complete a pair).

    Only mentors with a place free. The first is the best ranked; the second is the best partner, counting
    lived experience that fits the client and the first does not already bring (a pair covers more together).
    """
    free = [r for r in ranked if r.spare > 0]
    if needed <= 0 or not free:
        return ()
    first = free[0]
    if needed == 1:
        return (first,)
    rest = free[1:]
    if not rest:
        return ()
    covered = set(first.fits)
    second = max(rest, key=lambda r: r.score + 1.5 * len(set(r.fits) - covered))  # max keeps the first of ties
    return (first, second)
