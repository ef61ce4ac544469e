"""Rows whose aggregates are the tables of the 2018 independent evaluation (seeds/004_…txt).

Built from Tables 2–8 and 10, the outcome breakdown of the 261 referrals, contacts per client and
months engaged, and the financial analysis of the first 60 clients. Where a table cannot be rebuilt
from records (survey answers, Table 11) it is left out; see test_evaluation_2018.py for the readings.
"""
from __future__ import annotations

from datetime import date, timedelta
from itertools import cycle

from cpm_desktop.domain.evaluation import ContactTally, MentorRow, ReferralRow

AS_OF = date(2018, 6, 30)

# Table 3 and the breakdown of the 121 not supported.
YEARS = [(date(2016, 4, 1), 34, 30), (date(2017, 4, 1), 171, 63), (date(2018, 4, 1), 56, 47)]
NOT_SUPPORTED = ["referred_on"] * 16 + ["declined_by_client"] * 24 + ["external_request"] * 4 + \
    ["rejected_at_risk_assessment"] * 55 + ["declined_after_engagement"] * 22

# Table 6 (victims), Table 7 (perpetrators), Table 8 (vulnerabilities, of the 140 supported).
VICTIM_CRIMES = {"harassment_stalking": 72, "physical_assault": 56, "criminal_damage": 33, "theft": 30,
                 "burglary": 24, "public_order": 22, "rape": 18, "sexual_assault": 10,
                 "malicious_communications": 8, "threats_to_kill": 9, "fraud": 7, "robbery": 5}
PERPETRATOR_CRIMES = {"harassment_stalking": 50, "physical_assault": 27, "public_order": 24, "criminal_damage": 20,
                      "theft": 19, "malicious_communications": 10, "threats_to_kill": 8, "drug_offence": 5,
                      "sexual_assault": 2, "burglary": 1, "bladed_article": 1, "sexual_material": 1, "robbery": 1}
VULNERABILITIES = {"high_impact_user": 91, "vulnerable_isolated": 89, "mental_health": 85, "harassment_victim": 76,
                   "alcohol": 53, "domestic_abuse_victim": 25, "drugs": 23, "self_harm_suicidal": 21,
                   "bereavement": 16, "ailment": 15, "illness": 11, "elderly": 10, "asb_victim": 7,
                   "neighbour_dispute": 7, "coercive_control_victim": 6, "divorce": 5}

# Table 4 and Table 5: (gender, victim, perpetrator, how many).
PROFILE = [("female", True, False, 31), ("female", True, True, 27), ("female", False, True, 5),
           ("female", False, False, 9), ("male", True, False, 22), ("male", True, True, 24),
           ("male", False, True, 10), ("male", False, False, 11), ("transgender", True, False, 1)]
# Ages chosen to give Table 4's ranges and means: females 19–97, mean 45.9; males 18–88, mean 46.9.
AGES = {"female": [19, 97] + [46] * 39 + [45] * 31, "male": [18, 88] + [47] * 46 + [46] * 19, "transgender": [40]}

# Contacts per client: mean 30.7, highest 266, lowest 3; 5 with 200+, 11 with 100–199, 12 with 50–99,
# 112 with 49 or fewer (the four bands add up to 140, so they do not overlap).
CONTACTS = [266, 230, 215, 205, 200] + [110] * 11 + [55] * 12 + [3] + [12] * 88 + [11] * 23
# Months engaged: the longest 19 (still active); 10 for 12 months or more; 13 for 6 to 11 months.
MONTHS = [19] + [13] * 9 + [7] * 13 + [3] * 117

# The first 60 clients' demand on the police: 3 to 105 calls a year each; £660,425 saved at £25 an hour,
# i.e. 26,417 police staff hours. With 5,900 fewer calls that is 26,417 / 5,900 hours a call.
DEMAND = [(105, 5)] * 59 + [(3, 3)]
HOURS_PER_CALL = 26_417 / 5_900

# Table 2 (reasons 45 mentors left) and Table 10 (lived experience).
LEFT_REASONS = {"new_job": 7, "further_education": 3, "work_commitments": 7, "new_projects": 6,
                "family_commitments": 5, "health": 3, "moved_away": 4, "death": 1, "no_reason": 6,
                "declined_by_scheme": 3}
LIVED_EXPERIENCE = {"alcohol": 39, "dementia_carer": 23, "armed_forces": 12, "bereavement": 24, "carer": 35,
                    "crime_perpetrator": 26, "crime_victim": 35, "sexual_offence_victim": 18,
                    "criminal_justice": 32, "disabled": 11, "divorced": 35, "domestic_abuse": 41, "drugs": 34,
                    "dwp_debt": 15, "gambling": 5, "homelessness": 8, "mental_health": 40, "prison": 13,
                    "self_harm": 11, "sexual_orientation": 4, "vulnerable_person": 34, "long_term_unemployed": 33}


def _spread(counts: dict[str, int], slots: int) -> list[tuple[str, ...]]:
    """Give each code to that many different slots (round robin), so each code's count is exact."""
    assigned: list[list[str]] = [[] for _ in range(slots)]
    position = 0
    for code, count in counts.items():
        for _ in range(count):
            assigned[position % slots].append(code)
            position += 1
    return [tuple(codes) for codes in assigned]


def referrals() -> list[ReferralRow]:
    people = [(gender, victim, perpetrator) for gender, victim, perpetrator, n in PROFILE for _ in range(n)]
    ages = {gender: iter(values) for gender, values in AGES.items()}
    victims = iter(_spread(VICTIM_CRIMES, 105))
    perpetrators = iter(_spread(PERPETRATOR_CRIMES, 66))
    vulnerabilities = iter(_spread(VULNERABILITIES, 140))
    months = iter(MONTHS)
    demand = iter(DEMAND)
    not_supported = iter(NOT_SUPPORTED)
    rows: list[ReferralRow] = []
    supported_seen = 0
    for start, referred, supported in YEARS:
        for i in range(referred):
            referred_on = start + timedelta(days=i % 60)
            n = len(rows) + 1
            if i >= supported:
                rows.append(ReferralRow(f"R{n:03d}", f"P{n:03d}", referred_on, "darlington", "female", 40, False,
                                        False, (), (), (), next(not_supported), referred_on + timedelta(days=10),
                                        None, None, None, None, None, None))
                continue
            gender, victim, perpetrator = people[supported_seen]
            supported_seen += 1
            engaged = next(months)
            first_contact = AS_OF - timedelta(days=31 * engaged + 5)
            closed = None if engaged == 19 else AS_OF - timedelta(days=2)
            before, after = next(demand, (None, None))
            rows.append(ReferralRow(
                f"R{n:03d}", f"P{n:03d}", referred_on, "darlington", gender, next(ages[gender]), victim, perpetrator,
                next(victims) if victim else (), next(perpetrators) if perpetrator else (), next(vulnerabilities),
                "supported", referred_on + timedelta(days=7), first_contact, closed, None, before, after,
                referred_on + timedelta(days=14)))
    return rows


def contact_tallies(rows: list[ReferralRow]) -> list[ContactTally]:
    supported = [r for r in rows if r.outcome == "supported"]
    activities = cycle(["home_visit", "telephone"])
    return [ContactTally(r.referral_id, next(activities), n, 60 * n) for r, n in zip(supported, CONTACTS, strict=True)]


def mentors() -> list[MentorRow]:
    """158 trained in 16 cohorts: 45 for other organisations, 45 left (Table 2), 62 active or on sabbatical.

    The report does not place the remaining 6; they are recorded here as having left for no recorded reason.
    """
    statuses = (["other_organisation"] * 45 + ["left"] * 45 + ["active"] * 55 + ["sabbatical"] * 7 + ["left"] * 6)
    reasons = iter([code for code, n in LEFT_REASONS.items() for _ in range(n)])
    eligible = sum(status not in ("other_organisation", "in_training") for status in statuses)
    lived = iter(_spread(LIVED_EXPERIENCE, eligible))
    rows = []
    for n, status in enumerate(statuses, start=1):
        rows.append(MentorRow(
            f"M{n:03d}", "darlington", "female", date(1970, 1, 1), f"Cohort {n % 16 + 1}", date(2017, 1, 1), status,
            next(reasons, None) if status == "left" else None,
            next(lived) if status not in ("other_organisation", "in_training") else (),
            False, AS_OF - timedelta(days=10), None))
    return rows
