"""The evaluation summary (spec/evaluation.md) as pure functions over plain rows.

A service loads the rows with a few aggregate queries; this module filters the cohort and computes
every figure, returning the JSON document that both the JSON export and the PDF print.

Choices where the spec is silent:
- An empty base never divides by zero: percentages and the mean contacts per client are 0.0; medians,
  90th percentiles, ages (min, max, mean) and the longest engagement are null; counts are 0.
- ``as_of`` is "today": anything dated after it has not happened yet. A case closed after as_of is still
  open; a decision, allocation or progress check after as_of does not count; a mentor whose training ends
  after as_of is not trained.
- Engagement months and training-to-allocation months below 0 (dates entered out of order) count as 0.
- Codes no longer in the vocabulary still count in totals; by_outcome, gender and left_reasons list only the
  vocabulary's codes, by_activity keeps any retired activity code it meets so minutes are never lost.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

from cpm_desktop.domain.dates import age_on, financial_year_label, months_between


@dataclass(frozen=True)
class EvaluationParameters:
    date_from: date | None = None
    date_to: date | None = None
    as_of: date | None = None  # None: today, chosen by the caller
    cost_per_hour: float = 25.0
    hours_per_call: float = 1.0
    area: str | None = None


def period_problem(params: EvaluationParameters) -> str | None:
    """Why the reporting period cannot be used, or None."""
    if params.date_from and params.date_to and params.date_from > params.date_to:
        return "The period starts after it ends; check the dates."
    return None


@dataclass(frozen=True)
class ReferralRow:
    referral_id: str
    person_id: str
    referred_on: date
    area: str | None
    gender: str | None
    age_at_referral: int | None
    victim: bool
    perpetrator: bool
    victim_crimes: tuple[str, ...]
    perpetrator_crimes: tuple[str, ...]
    vulnerabilities: tuple[str, ...]
    outcome: str
    decided_on: date | None
    first_contact_on: date | None
    closed_on: date | None
    feedback_sent_on: date | None
    police_calls_before: int | None
    police_calls_after: int | None
    first_allocated_on: date | None


@dataclass(frozen=True)
class ContactTally:
    """A referral's contacts of one activity, up to as_of: how many, and the sum of known minutes."""

    referral_id: str
    activity: str
    count: int
    minutes: int


@dataclass(frozen=True)
class MentorRow:
    mentor_id: str
    area: str | None
    gender: str | None
    date_of_birth: date | None
    cohort: str | None
    training_completed_on: date | None
    status: str
    left_reason: str | None
    lived_experience: tuple[str, ...]
    former_client: bool
    last_progress_check_on: date | None
    first_allocated_on: date | None


CONTACT_BANDS = (("200+", 200), ("100-199", 100), ("50-99", 50), ("0-49", 0))
ENGAGEMENT_BANDS = (("12+", 12), ("6-11", 6), ("0-5", 0))
TRAINING_BANDS = (("within_1_month", 0), ("1-2_months", 1), ("2-4_months", 2), ("4-6_months", 4),
                  ("6-10_months", 6), ("10-12_months", 10), ("over_12_months", 12))
PROGRESS_CHECK_DAYS = 90


# --- rounding and order statistics ----------------------------------------------------------------


def round1(value: Fraction | int | float) -> float:
    """One decimal place, half away from zero (0.05 → 0.1, −0.05 → −0.1)."""
    value = Fraction(value) if not isinstance(value, Fraction) else value
    with localcontext() as context:
        context.prec = 50
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def whole(value: Fraction | float) -> int:
    """Whole units, half away from zero."""
    value = Fraction(value)
    with localcontext() as context:
        context.prec = 50
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        return int(exact.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def percent(part: int, base: int) -> float:
    return round1(Fraction(100 * part, base)) if base else 0.0


def mean(values: Sequence[int]) -> float | None:
    return round1(Fraction(sum(values), len(values))) if values else None


def lower_median(values: Iterable[int]) -> int | None:
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2] if ordered else None


def p90(values: Iterable[int]) -> int | None:
    """Nearest-rank 90th percentile: the smallest value with at least 90% of values at or below it."""
    ordered = sorted(values)
    return ordered[math.ceil(0.9 * len(ordered)) - 1] if ordered else None


def _band(value: int, bands: Sequence[tuple[str, int]]) -> str:
    return next(name for name, low in bands if value >= low)


# Bands tried from the top: the first whose lower bound the value reaches.
_TRAINING_DESC = tuple(sorted(TRAINING_BANDS, key=lambda band: -band[1]))


def _coded_counts(rows: Iterable[Iterable[str]], codes: Sequence[str], base: int) -> dict[str, dict]:
    counts = Counter(code for row in rows for code in set(row))
    return {code: {"count": counts[code], "pct": percent(counts[code], base)} for code in codes if counts[code]}


# --- the summary -------------------------------------------------------------------------------------


def compute_evaluation(params: EvaluationParameters, referrals: Iterable[ReferralRow],
                       contact_tallies: Iterable[ContactTally], mentors: Iterable[MentorRow],
                       codes: Mapping[str, Sequence[str]]) -> dict:
    """The evaluation summary document, with exactly the keys of spec/evaluation.md."""
    as_of = params.as_of or date.today()
    cohort = [r for r in referrals if _in_cohort(r, params)]
    supported = [r for r in cohort if r.outcome == "supported"]
    scoped_mentors = [m for m in mentors if params.area is None or m.area == params.area]
    return {
        "parameters": {
            "from": _iso(params.date_from), "to": _iso(params.date_to), "as_of": as_of.isoformat(),
            "cost_per_hour": params.cost_per_hour, "hours_per_call": params.hours_per_call, "area": params.area,
        },
        "referrals": _referrals(cohort, codes),
        "supported": _supported(supported, codes),
        "contacts": _contacts(supported, contact_tallies, codes),
        "engagement": _engagement(supported, as_of),
        "waiting": _waiting(cohort, supported, as_of),
        "demand": _demand(supported, params),
        "feedback": _feedback(supported),
        "mentors": _mentors(scoped_mentors, as_of, codes),
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _in_cohort(referral: ReferralRow, params: EvaluationParameters) -> bool:
    if params.date_from and referral.referred_on < params.date_from:
        return False
    if params.date_to and referral.referred_on > params.date_to:
        return False
    return params.area is None or referral.area == params.area


def _referrals(cohort: list[ReferralRow], codes) -> dict:
    by_outcome = Counter(r.outcome for r in cohort)
    years: dict[str, list[int]] = {}
    for referral in cohort:
        year = years.setdefault(financial_year_label(referral.referred_on), [0, 0])
        year[0] += 1
        year[1] += referral.outcome == "supported"
    supported = by_outcome["supported"]
    return {
        "total": len(cohort),
        "people": len({r.person_id for r in cohort}),
        "by_year": [{"year": label, "referred": n, "supported": s} for label, (n, s) in sorted(years.items())],
        "by_outcome": {code: by_outcome[code] for code in codes["outcome"]},
        "supported": supported,
        "supported_pct": percent(supported, len(cohort)),
    }


def _supported(supported: list[ReferralRow], codes) -> dict:
    base = len(supported)
    genders = Counter(r.gender for r in supported)
    ages: dict[str, list[int]] = {}
    for referral in supported:
        if referral.gender and referral.age_at_referral is not None:
            ages.setdefault(referral.gender, []).append(referral.age_at_referral)
    return {
        "gender": {code: genders[code] for code in codes["gender"]},
        "age": {code: {"min": min(ages[code]), "max": max(ages[code]), "mean": mean(ages[code])}
                for code in codes["gender"] if code in ages},
        "victims": sum(r.victim for r in supported),
        "perpetrators": sum(r.perpetrator for r in supported),
        "neither": sum(not r.victim and not r.perpetrator for r in supported),
        "victim_crimes": _coded_counts((r.victim_crimes for r in supported), codes["crime"], base),
        "perpetrator_crimes": _coded_counts((r.perpetrator_crimes for r in supported), codes["crime"], base),
        "vulnerabilities": _coded_counts((r.vulnerabilities for r in supported), codes["vulnerability"], base),
    }


def _contacts(supported: list[ReferralRow], tallies: Iterable[ContactTally], codes) -> dict:
    wanted = {r.referral_id for r in supported}
    per_client = dict.fromkeys(wanted, 0)
    by_activity = {code: {"count": 0, "minutes": 0} for code in codes["activity"]}
    for tally in tallies:
        if tally.referral_id not in wanted:
            continue
        per_client[tally.referral_id] += tally.count
        entry = by_activity.setdefault(tally.activity, {"count": 0, "minutes": 0})
        entry["count"] += tally.count
        entry["minutes"] += tally.minutes
    counts = list(per_client.values())
    bands = Counter(_band(n, CONTACT_BANDS) for n in counts)
    return {
        "total": sum(counts),
        "mean_per_client": mean(counts) if counts else 0.0,
        "min_per_client": min(counts, default=0),
        "max_per_client": max(counts, default=0),
        "bands": {name: bands[name] for name, _ in CONTACT_BANDS},
        "by_activity": by_activity,
    }


def _engagement(supported: list[ReferralRow], as_of: date) -> dict:
    longest: tuple[int, bool] | None = None
    bands: Counter[str] = Counter()
    for referral in supported:
        if referral.first_contact_on is None:
            continue
        # A case closed after as_of was still active on that day.
        closed = referral.closed_on if referral.closed_on and referral.closed_on <= as_of else None
        months = max(0, months_between(referral.first_contact_on, closed or as_of))
        bands[_band(months, ENGAGEMENT_BANDS)] += 1
        still_active = closed is None
        if longest is None or (months, still_active) > longest:
            longest = (months, still_active)
    return {
        "longest_months": longest[0] if longest else None,
        "longest_still_active": longest[1] if longest else False,
        "bands": {name: bands[name] for name, _ in ENGAGEMENT_BANDS},
    }


def _order_stats(days: list[int]) -> dict:
    return {"median": lower_median(days), "p90": p90(days), "n": len(days)}


def _waiting(cohort: list[ReferralRow], supported: list[ReferralRow], as_of: date) -> dict:
    to_decision = [(r.decided_on - r.referred_on).days for r in cohort
                   if r.outcome != "pending" and r.decided_on is not None and r.decided_on <= as_of]
    to_allocation = [(r.first_allocated_on - r.decided_on).days for r in supported
                     if r.decided_on is not None and r.first_allocated_on is not None
                     and r.first_allocated_on <= as_of]
    return {"referral_to_decision": _order_stats(to_decision),
            "decision_to_allocation": _order_stats(to_allocation)}


def _demand(supported: list[ReferralRow], params: EvaluationParameters) -> dict:
    known = [r for r in supported if r.police_calls_before is not None and r.police_calls_after is not None]
    before = sum(r.police_calls_before for r in known)
    after = sum(r.police_calls_after for r in known)
    hours = Fraction(before - after) * Fraction(params.hours_per_call)
    return {
        "clients": len(known),
        "calls_before": before,
        "calls_after": after,
        "reduction_pct": percent(before - after, before),
        "no_calls_after": sum(r.police_calls_after == 0 for r in known),
        "one_or_two_calls_after": sum(r.police_calls_after in (1, 2) for r in known),
        "hours_saved": round1(hours),
        "cost_saved": whole(hours * Fraction(params.cost_per_hour)),
    }


def _feedback(supported: list[ReferralRow]) -> dict:
    closed = [r for r in supported if r.closed_on is not None]
    sent = [r for r in closed if r.feedback_sent_on is not None]
    return {
        "closed": len(closed),
        "feedback_sent": len(sent),
        "feedback_sent_pct": percent(len(sent), len(closed)),
        "median_days_to_feedback": lower_median((r.feedback_sent_on - r.closed_on).days for r in sent),
    }


def _mentors(mentors: list[MentorRow], as_of: date, codes) -> dict:
    statuses = Counter(m.status for m in mentors)
    trained = [m for m in mentors if m.training_completed_on and m.training_completed_on <= as_of]
    current = [m for m in mentors if m.status in ("active", "sabbatical")]
    ages = [age_on(m.date_of_birth, as_of) for m in current if m.date_of_birth]
    lived = Counter(code for m in mentors if m.status not in ("other_organisation", "in_training")
                    for code in set(m.lived_experience))
    waits: Counter[str] = Counter()
    for mentor in current:
        if mentor.training_completed_on is None:
            continue
        first = mentor.first_allocated_on
        if first is None or first > as_of:
            waits["not_yet"] += 1
        else:
            waits[_band(max(0, months_between(mentor.training_completed_on, first)), _TRAINING_DESC)] += 1
    overdue_before = as_of - timedelta(days=PROGRESS_CHECK_DAYS)
    return {
        "by_status": {code: statuses[code] for code in codes["mentor_status"]},
        "trained": len(trained),
        "cohorts": len({m.cohort for m in trained if m.cohort}),
        "active_or_sabbatical": len(current),
        "gender": {code: sum(m.gender == code for m in current) for code in codes["gender"]},
        "age": {"min": min(ages, default=None), "max": max(ages, default=None), "mean": mean(ages)},
        "left_reasons": {code: sum(m.status == "left" and m.left_reason == code for m in mentors)
                         for code in codes["left_reason"]},
        "lived_experience": {code: lived[code] for code in codes["lived_experience"] if lived[code]},
        "former_clients": sum(m.former_client for m in mentors),
        "training_to_first_allocation": {name: waits[name] for name, _ in TRAINING_BANDS} | {
            "not_yet": waits["not_yet"]},
        "progress_check_overdue": sum(
            m.status == "active" and not (m.last_progress_check_on and
                                          overdue_before <= m.last_progress_check_on <= as_of)
            for m in mentors),
    }
