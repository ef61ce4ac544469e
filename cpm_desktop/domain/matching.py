"""Who may be allocated to a client, and how well a mentor fits one."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class MentorFacts:
    status: str
    dbs_checked_on: date | None
    safeguarding_completed_on: date | None


def why_not_allocatable(mentor: MentorFacts) -> str | None:
    """None when the mentor may be allocated; otherwise the reason, as a sentence.

    Holds for every allocation made by the scheme (GUI, command line, services); an imported history of
    past allocations records what happened and is not checked against a mentor's status today.
    """
    if mentor.status != "active":
        return "Only an active mentor can be allocated."
    if mentor.dbs_checked_on is None:
        return "A mentor needs a DBS check before being allocated."
    if mentor.safeguarding_completed_on is None:
        return "A mentor needs safeguarding training before being allocated."
    return None


def lived_experience_fits(lived: Iterable[str], matching: Mapping[str, Mapping[str, Iterable[str]]], *,
                          vulnerabilities: Iterable[str], victim_crimes: Iterable[str], victim: bool,
                          perpetrator: bool) -> list[str]:
    """The mentor's lived-experience codes that name the same life event as the client's needs."""
    needs = {"vulnerabilities": set(vulnerabilities), "victim_crimes": set(victim_crimes),
             "flags": {flag for flag, on in (("victim", victim), ("perpetrator", perpetrator)) if on}}
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


def rank(candidates: Iterable[Candidate], client: ClientNeeds, matching: Mapping[str, Mapping[str, Iterable[str]]],
         lived_label, today: date) -> list[Ranked]:
    """Best first: same area, lived experience that fits, a place free, a trained mentor's wait for a first
    client (the 2018 evaluation: waiting mentors lose heart), and the case's flags."""
    ranked = []
    for mentor in candidates:
        fits = lived_experience_fits(mentor.lived_experience, matching, vulnerabilities=client.vulnerabilities,
                                     victim_crimes=client.victim_crimes, victim=client.victim,
                                     perpetrator=client.perpetrator)
        same_area = mentor.area is not None and mentor.area == client.area
        spare = mentor.capacity - mentor.open_allocations
        reasons = []
        if fits:
            reasons.append("lived experience: " + ", ".join(lived_label(code) for code in fits))
        if same_area:
            reasons.append("same area")
        reasons.append(f"{max(spare, 0)} of {mentor.capacity} places free")
        score = 3 * same_area + 2 * len(fits) + (1 if spare > 0 else -5)
        if not mentor.ever_allocated and mentor.trained_on:
            waited = (today - mentor.trained_on).days
            reasons.append(f"waiting {waited} days for a first client")
            score += min(waited / 90, 3)
        if "experienced_mentors" in client.flags:
            score += 4 if mentor.ever_allocated else -4
            reasons.append("experienced" if mentor.ever_allocated else "no clients yet (case needs experience)")
        ranked.append(Ranked(mentor.key, score, tuple(reasons)))
    return sorted(ranked, key=lambda r: -r.score)
