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

import calendar
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from typing import Any

from cpm_desktop.domain.dates import age_on, financial_year_label, months_between

# A JSON-ready document (spec/evaluation.md): nested dicts and lists of str, int, float and None.
Document = dict[str, Any]
Codes = Mapping[str, Sequence[str]]


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
    left_on: date | None = None


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


def _coded_counts(rows: Iterable[Iterable[str]], codes: Sequence[str], base: int) -> dict[str, Document]:
    counts = Counter(code for row in rows for code in set(row))
    return {code: {"count": counts[code], "pct": percent(counts[code], base)} for code in codes if counts[code]}


# --- the summary -------------------------------------------------------------------------------------


def compute_evaluation(params: EvaluationParameters, referrals: Iterable[ReferralRow],
                       contact_tallies: Iterable[ContactTally], mentors: Iterable[MentorRow],
                       codes: Mapping[str, Sequence[str]],
                       previous_contact_tallies: Iterable[ContactTally] | None = None) -> Document:
    """The evaluation summary document: the keys of spec/evaluation.md, plus ``by_area`` and
    ``previous_period`` (see :func:`by_area` and :func:`previous_period_figures`).

    ``previous_contact_tallies`` are the contacts up to the previous period's as_of
    (:func:`previous_period`); without them the tallies given for as_of are used.
    """
    as_of = params.as_of or date.today()
    params = replace(params, as_of=as_of)
    referrals = list(referrals)
    mentors = list(mentors)
    contact_tallies = list(contact_tallies)
    cohort = [r for r in referrals if _in_cohort(r, params)]
    supported = [r for r in cohort if r.outcome == "supported"]
    scoped_mentors = [m for m in mentors if params.area is None or m.area == params.area]
    previous = previous_period(params)
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
        "by_area": by_area(params, referrals, contact_tallies, mentors, codes),
        "previous_period": None if previous is None else _previous_period(
            params, previous, referrals, contact_tallies, mentors,
            contact_tallies if previous_contact_tallies is None else list(previous_contact_tallies)),
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _in_cohort(referral: ReferralRow, params: EvaluationParameters) -> bool:
    if params.date_from and referral.referred_on < params.date_from:
        return False
    if params.date_to and referral.referred_on > params.date_to:
        return False
    return params.area is None or referral.area == params.area


def _referrals(cohort: list[ReferralRow], codes: Codes) -> Document:
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


def _supported(supported: list[ReferralRow], codes: Codes) -> Document:
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


def _contacts(supported: list[ReferralRow], tallies: Iterable[ContactTally], codes: Codes) -> Document:
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


def _engagement(supported: list[ReferralRow], as_of: date) -> Document:
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


def _order_stats(days: list[int]) -> Document:
    return {"median": lower_median(days), "p90": p90(days), "n": len(days)}


def _waiting(cohort: list[ReferralRow], supported: list[ReferralRow], as_of: date) -> Document:
    to_decision = [(r.decided_on - r.referred_on).days for r in cohort
                   if r.outcome != "pending" and r.decided_on is not None and r.decided_on <= as_of]
    to_allocation = [(r.first_allocated_on - r.decided_on).days for r in supported
                     if r.decided_on is not None and r.first_allocated_on is not None
                     and r.first_allocated_on <= as_of]
    return {"referral_to_decision": _order_stats(to_decision),
            "decision_to_allocation": _order_stats(to_allocation)}


def _demand(supported: list[ReferralRow], params: EvaluationParameters) -> Document:
    calls = [(r.police_calls_before, r.police_calls_after) for r in supported
             if r.police_calls_before is not None and r.police_calls_after is not None]
    before = sum(b for b, _ in calls)
    after = sum(a for _, a in calls)
    hours = Fraction(before - after) * Fraction(params.hours_per_call)
    return {
        "clients": len(calls),
        "calls_before": before,
        "calls_after": after,
        "reduction_pct": percent(before - after, before),
        "no_calls_after": sum(a == 0 for _, a in calls),
        "one_or_two_calls_after": sum(a in (1, 2) for _, a in calls),
        "hours_saved": round1(hours),
        "cost_saved": whole(hours * Fraction(params.cost_per_hour)),
    }


def _feedback(supported: list[ReferralRow]) -> Document:
    closed = [r.closed_on for r in supported if r.closed_on is not None]
    days_to_feedback = [(r.feedback_sent_on - r.closed_on).days for r in supported
                        if r.closed_on is not None and r.feedback_sent_on is not None]
    return {
        "closed": len(closed),
        "feedback_sent": len(days_to_feedback),
        "feedback_sent_pct": percent(len(days_to_feedback), len(closed)),
        "median_days_to_feedback": lower_median(days_to_feedback),
    }


def _mentors(mentors: list[MentorRow], as_of: date, codes: Codes) -> Document:
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


# --- headline figures, by area and year on year --------------------------------------------------------
#
# The headline is the few figures a commissioner reads first. Every one is one of the figures above for
# the same cohort (or, for mentors, a count defined here), so a headline row can be checked against a
# full run over the same parameters.


def headline_figures(params: EvaluationParameters, referrals: Iterable[ReferralRow],
                     contact_tallies: Iterable[ContactTally], mentors: Iterable[MentorRow]) -> Document:
    """The headline figures for ``params`` (its period, as_of and area), from all rows of the store.

    - ``support_hours``: the known minutes of the supported clients' contacts, in hours (one decimal).
    - ``calls_avoided``: calls_before − calls_after of the demand figures.
    - ``mentors_active``: mentors of the area, trained on or before as_of, not working for another
      organisation, who had not left by as_of (a mentor who left without a date counts as gone).
    - ``mentors_trained``: mentors of the area whose training was completed in the period (and by as_of).
    """
    as_of = params.as_of or date.today()
    params = replace(params, as_of=as_of)
    cohort = [r for r in referrals if _in_cohort(r, params)]
    supported = [r for r in cohort if r.outcome == "supported"]
    contacts = _contacts(supported, contact_tallies, {"activity": ()})
    minutes = sum(entry["minutes"] for entry in contacts["by_activity"].values())
    demand = _demand(supported, params)
    waiting = _waiting(cohort, supported, as_of)
    scoped = [m for m in mentors if params.area is None or m.area == params.area]
    trained_by = min(as_of, params.date_to) if params.date_to else as_of
    return {
        "referrals": len(cohort),
        "people": len({r.person_id for r in cohort}),
        "supported": len(supported),
        "supported_pct": percent(len(supported), len(cohort)),
        "contacts": contacts["total"],
        "support_hours": round1(Fraction(minutes, 60)),
        "demand_clients": demand["clients"],
        "calls_before": demand["calls_before"],
        "calls_after": demand["calls_after"],
        "calls_avoided": demand["calls_before"] - demand["calls_after"],
        "reduction_pct": demand["reduction_pct"],
        "no_calls_after": demand["no_calls_after"],
        "hours_saved": demand["hours_saved"],
        "cost_saved": demand["cost_saved"],
        "referral_to_decision": waiting["referral_to_decision"],
        "decision_to_allocation": waiting["decision_to_allocation"],
        "mentors_active": sum(_active_on(m, as_of) for m in scoped),
        "mentors_trained": sum(
            m.training_completed_on is not None and m.training_completed_on <= trained_by
            and (params.date_from is None or m.training_completed_on >= params.date_from) for m in scoped),
    }


def _active_on(mentor: MentorRow, day: date) -> bool:
    if mentor.status in ("in_training", "other_organisation"):
        return False
    if mentor.training_completed_on is None or mentor.training_completed_on > day:
        return False
    if mentor.status == "left":
        return mentor.left_on is not None and mentor.left_on > day
    return True


def by_area(params: EvaluationParameters, referrals: Sequence[ReferralRow], contact_tallies: Sequence[ContactTally],
            mentors: Sequence[MentorRow], codes: Mapping[str, Sequence[str]]) -> Document:
    """``{"areas": [{"area": code, **headline}], "total": headline}``.

    Without an area: one row per area of the vocabulary, then any other area code met in the cohort or among
    the mentors, then ``"area": null`` for records with no area when there are any; ``total`` is the whole
    scheme. With an area: that area's row only, and ``total`` is the same figures. Counts in the rows add up
    to the total (``people`` may not: one person can be referred in two areas).
    """
    if params.area is not None:
        areas: list[str | None] = [params.area]
    else:
        areas = list(codes.get("area", ()))
        seen = {r.area for r in referrals if _in_cohort(r, params)} | {m.area for m in mentors}
        areas += sorted(a for a in seen if a is not None and a not in areas)
        if None in seen:
            areas.append(None)
    rows = []
    for area in areas:
        scope = replace(params, area=area)
        if area is None:  # records with no area: the cohort and mentors whose area is empty
            figures = headline_figures(
                replace(params, area=None), [r for r in referrals if r.area is None], contact_tallies,
                [m for m in mentors if m.area is None])
        else:
            figures = headline_figures(scope, referrals, contact_tallies, mentors)
        rows.append({"area": area} | figures)
    return {"areas": rows, "total": headline_figures(params, referrals, contact_tallies, mentors)}


def _shift_months(day: date, months: int) -> date:
    """The same day ``months`` later (earlier when negative), on the month's last day when it is shorter."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def previous_period(params: EvaluationParameters) -> EvaluationParameters | None:
    """The period of equal length just before ``from``, seen as the report sees its own period.

    A period of whole calendar months (from the 1st of a month to the last day of a month: a financial year,
    a quarter) steps back by the same number of months, so 2017-18 is compared with 2016-17; any other
    period steps back by its number of days. ``as_of`` steps back by the same amount, so the previous cohort
    has had the same time to be decided, allocated and seen. None when the period has no start. A period
    with no end runs to as_of.
    """
    if params.date_from is None:
        return None
    as_of = params.as_of or date.today()
    start, end = params.date_from, params.date_to or as_of
    if end < start:
        return None
    if start.day == 1 and (end + timedelta(days=1)).day == 1:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        return replace(params, date_from=_shift_months(start, -months), date_to=start - timedelta(days=1),
                       as_of=_shift_months(as_of, -months))
    days = (end - start).days + 1
    return replace(params, date_from=start - timedelta(days=days), date_to=start - timedelta(days=1),
                   as_of=as_of - timedelta(days=days))


def _difference(now: Any, before: Any) -> Any:
    if isinstance(now, dict):
        return {key: _difference(now[key], before[key]) for key in now}
    if now is None or before is None:
        return None
    if isinstance(now, float) or isinstance(before, float):
        return round1(Fraction(now) - Fraction(before))
    return now - before


def headline_change(now: Mapping[str, Any], before: Mapping[str, Any]) -> Document:
    """Each headline figure minus the previous period's (percentages in points); null where either is null."""
    return {key: _difference(value, before[key]) for key, value in now.items()}


def _previous_period(params: EvaluationParameters, previous: EvaluationParameters,
                     referrals: Sequence[ReferralRow], tallies: Sequence[ContactTally],
                     mentors: Sequence[MentorRow], previous_tallies: Sequence[ContactTally]) -> Document:
    now = headline_figures(params, referrals, tallies, mentors)
    before = headline_figures(previous, referrals, previous_tallies, mentors)
    return {"from": _iso(previous.date_from), "to": _iso(previous.date_to), "as_of": _iso(previous.as_of),
            "figures": before, "change": headline_change(now, before)}


def financial_quarter(day: date) -> str:
    """``2017-18 Q1`` for April to June 2017, … ``2017-18 Q4`` for January to March 2018."""
    return f"{financial_year_label(day)} Q{(day.month - 4) % 12 // 3 + 1}"


def quarterly_counts(referrals: Iterable[ReferralRow], area: str | None = None) -> list[Document]:
    """Referrals and supported referrals by financial quarter, across every year in the store (of ``area``
    when given): one entry per quarter from the first with a referral to the last, empty quarters included."""
    counts: dict[tuple[int, int], list[int]] = {}
    for referral in referrals:
        if area is not None and referral.area != area:
            continue
        day = referral.referred_on
        key = (day.year if day.month >= 4 else day.year - 1, (day.month - 4) % 12 // 3)
        entry = counts.setdefault(key, [0, 0])
        entry[0] += 1
        entry[1] += referral.outcome == "supported"
    if not counts:
        return []
    first, last = min(counts), max(counts)
    out = []
    year, quarter = first
    while (year, quarter) <= last:
        referred, supported = counts.get((year, quarter), (0, 0))
        label = financial_year_label(date(year, 4, 1))
        out.append({"quarter": f"{label} Q{quarter + 1}", "referred": referred, "supported": supported})
        year, quarter = (year + 1, 0) if quarter == 3 else (year, quarter + 1)
    return out
