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
