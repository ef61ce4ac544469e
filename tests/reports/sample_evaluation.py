"""Evaluation summaries shaped exactly as spec/evaluation.md defines the JSON document.

``SAMPLE`` is a realistic year for one area (figures made up, consistent with each other);
``EMPTY`` is the document for a period with no referrals and no mentors: zeros, nulls and empty maps.
``by_area`` and ``previous_period`` (the headline figures) are hand-made too; only the previous period's
``change`` is the difference of the two columns.
Both are built by hand so the renderer is tested on its own; ``test_evaluation_pdf`` checks their key
trees against what ``domain.evaluation.compute_evaluation`` produces, so they cannot drift from the spec.
"""
from __future__ import annotations

import copy

from cpm_desktop.domain.evaluation import headline_change
from cpm_desktop.resources_path import base_vocabulary

SAMPLE: dict = {
    "parameters": {
        "from": "2017-04-01",
        "to": "2019-03-31",
        "as_of": "2019-06-30",
        "cost_per_hour": 27.5,
        "hours_per_call": 1.25,
        "area": "darlington",
    },
    "referrals": {
        "total": 1234,
        "people": 1187,
        "by_year": [
            {"year": "2017-18", "referred": 571, "supported": 298},
            {"year": "2018-19", "referred": 663, "supported": 361},
        ],
        "by_outcome": {
            "pending": 41,
            "supported": 659,
            "referred_on": 96,
            "declined_by_client": 148,
            "external_request": 17,
            "rejected_at_risk_assessment": 203,
            "declined_after_engagement": 70,
        },
        "supported": 659,
        "supported_pct": 53.4,
    },
    "supported": {
        "gender": {"female": 352, "male": 301, "transgender": 3, "non_binary": 2, "not_stated": 1},
        "age": {
            "female": {"min": 18, "max": 94, "mean": 47.3},
            "male": {"min": 19, "max": 89, "mean": 44.8},
            "transgender": {"min": 23, "max": 51, "mean": 36.7},
            "non_binary": {"min": 21, "max": 29, "mean": 25.0},
        },
        "victims": 488,
        "perpetrators": 276,
        "neither": 104,
        "victim_crimes": {
            "harassment_stalking": {"count": 331, "pct": 50.2},
            "physical_assault": {"count": 262, "pct": 39.8},
            "criminal_damage": {"count": 157, "pct": 23.8},
            "theft": {"count": 139, "pct": 21.1},
            "burglary": {"count": 112, "pct": 17.0},
            "rape": {"count": 84, "pct": 12.7},
            "fraud": {"count": 33, "pct": 5.0},
            "hate_crime": {"count": 12, "pct": 1.8},
        },
        "perpetrator_crimes": {
            "harassment_stalking": {"count": 233, "pct": 35.4},
            "public_order": {"count": 113, "pct": 17.1},
            "drug_offence": {"count": 24, "pct": 3.6},
            "bladed_article": {"count": 4, "pct": 0.6},
        },
        "vulnerabilities": {
            "high_impact_user": {"count": 428, "pct": 64.9},
            "vulnerable_isolated": {"count": 419, "pct": 63.6},
            "mental_health": {"count": 401, "pct": 60.8},
            "harassment_victim": {"count": 358, "pct": 54.3},
            "alcohol": {"count": 250, "pct": 37.9},
            "domestic_abuse_victim": {"count": 118, "pct": 17.9},
            "drugs": {"count": 108, "pct": 16.4},
            "self_harm_suicidal": {"count": 99, "pct": 15.0},
            "bereavement": {"count": 75, "pct": 11.4},
            "elderly": {"count": 47, "pct": 7.1},
            "coercive_control_victim": {"count": 28, "pct": 4.2},
            "housing": {"count": 9, "pct": 1.4},
        },
    },
    "contacts": {
        "total": 21876,
        "mean_per_client": 33.2,
        "min_per_client": 1,
        "max_per_client": 412,
        "bands": {"200+": 19, "100-199": 47, "50-99": 88, "0-49": 505},
        "by_activity": {
            "case_notes": {"count": 1502, "minutes": 9030},
            "risk_assessment": {"count": 702, "minutes": 31590},
            "home_visit": {"count": 9317, "minutes": 559020},
            "professional_meeting": {"count": 611, "minutes": 36660},
            "accompanied_appointment": {"count": 388, "minutes": 46560},
            "benefits_finance": {"count": 154, "minutes": 13860},
            "signposting": {"count": 297, "minutes": 4455},
            "text_email": {"count": 1433, "minutes": 2866},
            "telephone": {"count": 7472, "minutes": 149437},
        },
    },
    "engagement": {
        "longest_months": 26,
        "longest_still_active": True,
        "bands": {"12+": 58, "6-11": 97, "0-5": 491},
    },
    "waiting": {
        "referral_to_decision": {"median": 9, "p90": 31, "n": 1193},
        "decision_to_allocation": {"median": 16, "p90": 58, "n": 640},
    },
    "demand": {
        "clients": 287,
        "calls_before": 6843,
        "calls_after": 1579,
        "reduction_pct": 76.9,
        "no_calls_after": 131,
        "one_or_two_calls_after": 62,
        "hours_saved": 6580.0,
        "cost_saved": 180950,
    },
    "feedback": {
        "closed": 517,
        "feedback_sent": 463,
        "feedback_sent_pct": 89.6,
        "median_days_to_feedback": 6,
    },
    "mentors": {
        "by_status": {"in_training": 14, "active": 71, "sabbatical": 8, "left": 63, "other_organisation": 45},
        "trained": 187,
        "cohorts": 19,
        "active_or_sabbatical": 79,
        "gender": {"female": 48, "male": 29, "transgender": 0, "non_binary": 1, "not_stated": 1},
        "age": {"min": 19, "max": 78, "mean": 46.2},
        "left_reasons": {
            "new_job": 11, "further_education": 5, "work_commitments": 9, "new_projects": 8,
            "family_commitments": 7, "health": 6, "moved_away": 5, "death": 2, "no_reason": 7,
            "declined_by_scheme": 3,
        },
        "lived_experience": {
            "mental_health": 44, "crime_victim": 38, "domestic_abuse": 27, "bereavement": 25, "alcohol": 17,
            "carer": 15, "drugs": 12, "prison": 6, "armed_forces": 4,
        },
        "former_clients": 13,
        "training_to_first_allocation": {
            "within_1_month": 21, "1-2_months": 17, "2-4_months": 12, "4-6_months": 8, "6-10_months": 6,
            "10-12_months": 3, "over_12_months": 2, "not_yet": 10,
        },
        "progress_check_overdue": 4,
    },
}


HEADLINE: dict = {
    "referrals": 1234, "people": 1187, "supported": 659, "supported_pct": 53.4, "contacts": 21876,
    "support_hours": 14224.6, "demand_clients": 287, "calls_before": 6843, "calls_after": 1579,
    "calls_avoided": 5264, "reduction_pct": 76.9, "no_calls_after": 131, "hours_saved": 6580.0,
    "cost_saved": 180950, "referral_to_decision": {"median": 9, "p90": 31, "n": 1193},
    "decision_to_allocation": {"median": 16, "p90": 58, "n": 640}, "mentors_active": 77, "mentors_trained": 31,
}
PREVIOUS: dict = {
    "referrals": 802, "people": 790, "supported": 377, "supported_pct": 47.0, "contacts": 13093,
    "support_hours": 8417.2, "demand_clients": 201, "calls_before": 5120, "calls_after": 1843,
    "calls_avoided": 3277, "reduction_pct": 64.0, "no_calls_after": 70, "hours_saved": 4096.3,
    "cost_saved": 112646, "referral_to_decision": {"median": 12, "p90": 44, "n": 770},
    "decision_to_allocation": {"median": 21, "p90": 73, "n": 362}, "mentors_active": 64, "mentors_trained": 27,
}
SAMPLE["by_area"] = {"areas": [{"area": "darlington"} | HEADLINE], "total": HEADLINE}
SAMPLE["previous_period"] = {"from": "2015-04-01", "to": "2017-03-31", "as_of": "2017-06-30",
                             "figures": PREVIOUS, "change": headline_change(HEADLINE, PREVIOUS)}

def _empty() -> dict:
    doc = copy.deepcopy(SAMPLE)
    doc["parameters"] = {"from": "2020-04-01", "to": "2020-06-30", "as_of": "2020-07-31",
                         "cost_per_hour": 25.0, "hours_per_call": 1.0, "area": None}

    def zero(value):
        if isinstance(value, bool):
            return False
        if isinstance(value, dict):
            return {k: zero(v) for k, v in value.items()}
        if isinstance(value, float):
            return 0.0
        if isinstance(value, int):
            return 0
        return value

    for key in ("referrals", "supported", "contacts", "engagement", "waiting", "demand", "feedback", "mentors"):
        doc[key] = zero(doc[key])
    doc["referrals"]["by_year"] = []
    s = doc["supported"]
    s["age"], s["victim_crimes"], s["perpetrator_crimes"], s["vulnerabilities"] = {}, {}, {}, {}
    doc["engagement"]["longest_months"] = None
    for wait in doc["waiting"].values():
        wait["median"] = wait["p90"] = None
    doc["feedback"]["median_days_to_feedback"] = None
    doc["mentors"]["age"] = {"min": None, "max": None, "mean": None}
    doc["mentors"]["lived_experience"] = {}
    nothing = zero(HEADLINE)
    for wait in ("referral_to_decision", "decision_to_allocation"):
        nothing[wait]["median"] = nothing[wait]["p90"] = None
    doc["by_area"] = {"areas": [{"area": code} | copy.deepcopy(nothing) for code in base_vocabulary().codes("area")],
                      "total": nothing}
    doc["previous_period"] = {"from": "2020-01-01", "to": "2020-03-31", "as_of": "2020-04-30",
                              "figures": copy.deepcopy(nothing), "change": headline_change(nothing, nothing)}
    return doc


EMPTY: dict = _empty()


def numbers_in(value) -> list:
    """Every number in a document (booleans and nulls are not numbers)."""
    if isinstance(value, dict):
        return [n for v in value.values() for n in numbers_in(v)]
    if isinstance(value, list):
        return [n for v in value for n in numbers_in(v)]
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return []
    return [value]
