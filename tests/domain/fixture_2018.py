"""Rows whose aggregates are the tables of the 2018 independent evaluation (seeds/004_…txt).

Built from Tables 2–8, 10 and 11, the outcome breakdown of the 261 referrals, contacts per client, months
engaged, the profile of the mentors (158 trained in 16 cohorts; 62 active or on sabbatical: 42 female,
19 male, 1 transgender, aged 20 to 82, mean 44.2) and the financial analysis of the first 60 clients.
Survey answers (Tables 1, 9, 12–14) cannot be rebuilt from records and are left out. The readings chosen
where the report is ambiguous or inconsistent are noted next to each table and in test_evaluation.py.

The dates are coherent, so the same rows can be written to a real store (tests/services/
test_evaluation_service.py): decided a week after referral, first allocated a week after that, first
contact a week later; each mentor's first allocation is a real allocation.
"""
from __future__ import annotations

from datetime import date, timedelta
from itertools import cycle

from cpm_desktop.domain.evaluation import ContactTally, MentorRow, ReferralRow

AS_OF = date(2018, 6, 30)
AREA = "darlington"

# Table 3 (financial years; year 3 runs only to 30 June 2018) and the breakdown of the 121 not supported.
YEARS = [(date(2016, 4, 1), 34, 30), (date(2017, 4, 1), 171, 63), (date(2018, 4, 1), 56, 47)]
NOT_SUPPORTED = ["referred_on"] * 16 + ["declined_by_client"] * 24 + ["external_request"] * 4 + \
    ["rejected_at_risk_assessment"] * 55 + ["declined_after_engagement"] * 22

# Table 6 (victims), Table 7 (perpetrators), Table 8 (vulnerabilities, of the 140 supported).
# Table 8's row "Perpetrators of Crimes 66" is not a vulnerability: it is Table 5's 66 perpetrators.
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

# Table 4 and Table 5: (gender, victim, perpetrator, how many). Table 5 gives, for females, victims 58/105,
# perpetrators 32/66, neither 9/20; for males 46/105, 34/66, 11/20; the transgender client is a victim.
PROFILE = [("female", True, False, 31), ("female", True, True, 27), ("female", False, True, 5),
           ("female", False, False, 9), ("male", True, False, 22), ("male", True, True, 24),
           ("male", False, True, 10), ("male", False, False, 11), ("transgender", True, False, 1)]
# Ages chosen to give Table 4's ranges and means: females 19–97, mean 45.9; males 18–88, mean 46.9.
AGES = {"female": [19, 97] + [46] * 39 + [45] * 31, "male": [18, 88] + [47] * 46 + [46] * 19, "transgender": [40]}

# Contacts per client: mean 30.7, highest 266, lowest 3; 5 with 200+, 11 with 100+, 12 with 50+ and
# 112 with 49 or fewer. The four add up to 140, so "100+" means 100–199 and "50+" 50–99.
CONTACTS = [266, 230, 215, 205, 200] + [110] * 11 + [55] * 12 + [3] + [12] * 88 + [11] * 23
ACTIVITIES = ("home_visit", "telephone")
MINUTES_PER_CONTACT = 60
# Months engaged: the longest 19 (still active); 10 for 12 months or more; 13 for "6 months +". Read like the
# contact bands (which do not overlap), the 13 are those engaged 6 to 11 months.
MONTHS = [19] + [13] * 9 + [7] * 13 + [3] * 117

# The first 60 clients' demand on the police: 3 to 105 calls a year each; £660,425 saved at £25 an hour,
# i.e. 26,417 police staff hours (the report also says "over 28,000 hours", which £660,425 at £25 an hour
# does not support). The report gives no before/after split; the split here is the one the PCC's 2021 release
# (seeds/003_…txt) reports for the scheme's clients: 81% fewer calls, half making no call after and about a
# fifth (22%) one or two. 6,000 calls before and 1,140 after is 81.0% fewer; 30 of the 60 make none and 13
# (21.7%) one or two. With 4,860 fewer calls, 26,417 hours is 26,417 / 4,860 hours a call.
DEMAND = ([(105, 66)] * 16 + [(105, 65)] + [(105, 1)] * 7 + [(105, 2)] * 6 + [(105, 0)] * 27
          + [(6, 0), (6, 0), (3, 0)])
HOURS_PER_CALL = 26_417 / 4_860

# Table 2 (reasons 45 mentors left) and Table 10 (lived experience; the report says it covers 119 mentors,
# 33 of them with none of these experiences — here 33 of the mentors it can cover have none).
LEFT_REASONS = {"new_job": 7, "further_education": 3, "work_commitments": 7, "new_projects": 6,
                "family_commitments": 5, "health": 3, "moved_away": 4, "death": 1, "no_reason": 6,
                "declined_by_scheme": 3}
LIVED_EXPERIENCE = {"alcohol": 39, "dementia_carer": 23, "armed_forces": 12, "bereavement": 24, "carer": 35,
                    "crime_perpetrator": 26, "crime_victim": 35, "sexual_offence_victim": 18,
                    "criminal_justice": 32, "disabled": 11, "divorced": 35, "domestic_abuse": 41, "drugs": 34,
                    "dwp_debt": 15, "gambling": 5, "homelessness": 8, "mental_health": 40, "prison": 13,
                    "self_harm": 11, "sexual_orientation": 4, "vulnerable_person": 34, "long_term_unemployed": 33}
NO_LIVED_EXPERIENCE = 33

# The mentors: 158 trained; 45 for other organisations (elsewhere the report says 46); 45 left (Table 2);
# 62 active or on sabbatical. The report does not place the remaining 6: here they left, reason not recorded.
MENTOR_STATUSES = ["active"] * 55 + ["sabbatical"] * 7 + ["other_organisation"] * 45 + ["left"] * 45 + ["left"] * 6
# Gender of all 158: 112 female, 44 male, 1 transgender, 1 "binary" (read as non-binary); of the 62:
# 42 female, 19 male, 1 transgender.
MENTOR_GENDERS = (["female"] * 42 + ["male"] * 19 + ["transgender"]
                  + ["female"] * 70 + ["male"] * 25 + ["non_binary"])
# Ages of the 62 on 30 June 2018: youngest 20, oldest 82, mean 44.2 (2,740 / 62 = 44.19).
MENTOR_AGES = [20, 82] + [44] * 58 + [43] * 2

# Table 11, the 32 mentors who answered the survey: months from training to their first client, with the
# training year of the 11 still waiting (one trained in 2016, seven in 2017, three in 2018).
TABLE_11 = {"within_1_month": 6, "1-2_months": 10, "2-4_months": 2, "4-6_months": 1, "6-10_months": 0,
            "10-12_months": 2, "over_12_months": 0, "not_yet": 11}
_TABLE_11_MONTHS = {"within_1_month": 0, "1-2_months": 1, "2-4_months": 3, "4-6_months": 5, "10-12_months": 11}
_WAITING_TRAINED = [date(2016, 9, 1)] + [date(2017, 9, 1)] * 7 + [date(2018, 3, 1)] * 3
RESPONDENTS = tuple(f"M{n:03d}" for n in range(1, 33))


def _spread(counts: dict[str, int], slots: int) -> list[tuple[str, ...]]:
    """Give each code to that many different slots (round robin), so each code's count is exact."""
    assigned: list[list[str]] = [[] for _ in range(slots)]
    position = 0
    for code, count in counts.items():
        for _ in range(count):
            assigned[position % slots].append(code)
            position += 1
    return [tuple(codes) for codes in assigned]


def _add_months(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    return day.replace(year=day.year + year, month=month + 1)


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
            decided_on = referred_on + timedelta(days=7)
            n = len(rows) + 1
            if i >= supported:
                rows.append(ReferralRow(f"R{n:03d}", f"P{n:03d}", referred_on, AREA, "female", 40, False,
                                        False, (), (), (), next(not_supported), decided_on,
                                        None, None, None, None, None, None))
                continue
            gender, victim, perpetrator = people[supported_seen]
            supported_seen += 1
            engaged = next(months)
            if engaged == 19:  # the longest, still active: first seen in November 2016 after a long wait
                first_contact, closed = AS_OF - timedelta(days=31 * engaged + 5), None
            else:
                first_contact = referred_on + timedelta(days=21)
                closed = first_contact + timedelta(days=31 * engaged + 5)
                closed = closed if closed < AS_OF else None  # still open on 30 June 2018: 0-5 months all the same
            before, after = next(demand, (None, None))
            rows.append(ReferralRow(
                f"R{n:03d}", f"P{n:03d}", referred_on, AREA, gender, next(ages[gender]), victim, perpetrator,
                next(victims) if victim else (), next(perpetrators) if perpetrator else (), next(vulnerabilities),
                "supported", decided_on, first_contact, closed, None, before, after,
                referred_on + timedelta(days=14)))
    return rows


def contact_tallies(rows: list[ReferralRow]) -> list[ContactTally]:
    """Each supported client's contacts, all of one activity (alternating), an hour each."""
    supported = [r for r in rows if r.outcome == "supported"]
    activities = cycle(ACTIVITIES)
    return [ContactTally(r.referral_id, next(activities), n, MINUTES_PER_CONTACT * n)
            for r, n in zip(supported, CONTACTS, strict=True)]


def mentors() -> list[MentorRow]:
    """158 mentors: M001–M032 are Table 11's respondents (all active), then the rest of the 62, then the others."""
    reasons = iter([code for code, n in LEFT_REASONS.items() for _ in range(n)])
    eligible = sum(status not in ("other_organisation", "in_training") for status in MENTOR_STATUSES)
    lived = iter(_spread(LIVED_EXPERIENCE, eligible - NO_LIVED_EXPERIENCE) + [()] * NO_LIVED_EXPERIENCE)
    ages = iter(MENTOR_AGES)
    waits = iter([band for band, n in TABLE_11.items() for _ in range(n)])
    waiting_trained = iter(_WAITING_TRAINED)
    rows = []
    for n, (status, gender) in enumerate(zip(MENTOR_STATUSES, MENTOR_GENDERS, strict=True), start=1):
        cohort = n % 16 + 1
        trained = date(2015, 10, 1) + timedelta(days=60 * (cohort - 1))  # 16 cohorts, October 2015 to 2018
        first_allocated = None
        if n <= len(RESPONDENTS):
            band = next(waits)
            if band == "not_yet":
                trained = next(waiting_trained)
            else:
                trained = _add_months(date(2016, 6, 1), n % 12)
                first_allocated = _add_months(trained, _TABLE_11_MONTHS[band]) + timedelta(days=3)
        elif status in ("active", "sabbatical"):
            first_allocated = max(trained + timedelta(days=20), date(2016, 4, 15))
        current = status in ("active", "sabbatical")
        rows.append(MentorRow(
            f"M{n:03d}", AREA, gender, date(2018 - next(ages), 1, 1) if current else None, f"Cohort {cohort}",
            trained, status, next(reasons, None) if status == "left" else None,
            next(lived) if status not in ("other_organisation", "in_training") else (),
            False, AS_OF - timedelta(days=10) if current else None, first_allocated))
    return rows
