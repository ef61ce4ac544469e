"""Synthetic, clearly fictional case records in the interchange format, shaped like the 2018 evaluation.

Proportions follow the evaluation (261 referrals, 140 supported, outcome breakdown, Tables 2–8 and 10,
contacts per client). The records run from ``SCHEME_START`` (1 April 2016, the first year the evaluation
covers) to ``today``, so every financial year since has referrals, mentors trained and contacts, and the
README's example (2017-18) and the dialog's presets show real figures. The same seed and day give the
same records. ``scale`` multiplies the counts (200 ≈ 50,000 referrals and a
million contacts, for benchmarks). Phone numbers are in Ofcom's drama range, e-mails at example.org.
"""
from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date, timedelta
from itertools import accumulate
from typing import TypedDict

from cpm_desktop.domain.dates import age_on
from cpm_desktop.resources_path import base_vocabulary
from cpm_desktop.services.interchange.columns import INTERCHANGE_COLUMNS

FIRST_NAMES = {
    "female": ["Ann", "Beth", "Carol", "Dawn", "Siobhán", "Zoë", "Irena", "Maja", "Priya", "Aoife", "Kerry",
               "Lorraine", "Mei", "Sandra", "Tracy", "Ewa"],
    "male": ["Alan", "Barry", "Colin", "Dean", "Ionuț", "Gareth", "Keith", "Lee", "Mohammed", "Neil", "Paul",
             "Ryan", "Stuart", "Tomasz", "Wayne", "Declan"],
}
LAST_NAMES = ["Ashby", "Brack", "Coulthard", "Dinsdale", "Ó Briain", "Păun", "Fenwick", "Gowland", "Hetherington",
              "Iveson", "Jobling", "Kell", "Lumsden", "Milburn", "Nattrass", "Ogle", "Pattinson", "Raine",
              "Scorer", "Tweddle", "Urwin", "Vasey", "Wardle", "Ælfric", "Zhang"]
STAFF = ["Coordinator A. Example", "Coordinator B. Sample", "Project Lead C. Demo"]
STREETS = ["Fictional Row", "Sample Street", "Demo Terrace", "Placeholder Lane", "Imaginary Close"]
POSTCODE_AREA = {"darlington": "DL1", "south": "DL14", "east": "SR8", "north": "DH9"}
AREA_WEIGHTS = {"darlington": 35, "south": 25, "east": 20, "north": 20}
SCHEME_START = date(2016, 4, 1)

# The evaluation's breakdown of its 261 referrals (Table 3 and the list after it).
OUTCOMES = {"supported": 140, "referred_on": 16, "declined_by_client": 24, "external_request": 4,
            "rejected_at_risk_assessment": 55, "declined_after_engagement": 22}
GENDERS = {"female": 72, "male": 67, "transgender": 1, "non_binary": 1, "not_stated": 2}
VICTIM_CRIMES = {"harassment_stalking": 72, "physical_assault": 56, "criminal_damage": 33, "theft": 30,
                 "burglary": 24, "public_order": 22, "rape": 18, "sexual_assault": 10,
                 "malicious_communications": 8, "threats_to_kill": 9, "fraud": 7, "robbery": 5}
PERPETRATOR_CRIMES = {"harassment_stalking": 50, "physical_assault": 27, "public_order": 24, "criminal_damage": 20,
                      "theft": 19, "malicious_communications": 10, "threats_to_kill": 8, "drug_offence": 5,
                      "sexual_assault": 2, "burglary": 1, "bladed_article": 1, "sexual_material": 1, "robbery": 1}
VULNERABILITIES = {"high_impact_user": 65, "vulnerable_isolated": 63, "mental_health": 61, "harassment_victim": 54,
                   "alcohol": 39, "domestic_abuse_victim": 18, "drugs": 16, "self_harm_suicidal": 15,
                   "bereavement": 11, "ailment": 11, "illness": 8, "elderly": 7, "asb_victim": 5,
                   "neighbour_dispute": 5, "coercive_control_victim": 4, "divorce": 4, "financial": 10, "housing": 8}
LEFT_REASONS = {"new_job": 7, "further_education": 3, "work_commitments": 7, "new_projects": 6,
                "family_commitments": 5, "health": 3, "moved_away": 4, "death": 1, "no_reason": 6,
                "declined_by_scheme": 3}
MENTOR_STATUS = {"active": 50, "sabbatical": 6, "in_training": 10, "left": 28, "other_organisation": 6}
# A few clearly fictional people with names in other scripts and diacritics, so the demo exercises them.
SHOWCASE = [("Ionuț", "Păun", "male"), ("Siobhán", "Ó Briain", "female"), ("Zoë", "Ælfric", "female"),
            ("Łukasz", "Wójcik", "male"), ("Renée", "O'Hara-Smith", "female")]
ACTIVITY = {"home_visit": 25, "telephone": 25, "text_email": 18, "case_notes": 10, "professional_meeting": 8,
            "accompanied_appointment": 5, "signposting": 4, "benefits_finance": 3, "risk_assessment": 2}
MINUTES = {"home_visit": (50, 110), "telephone": (5, 30), "text_email": (2, 10), "case_notes": (5, 20),
           "professional_meeting": (30, 90), "accompanied_appointment": (60, 300), "signposting": (10, 30),
           "benefits_finance": (45, 120), "risk_assessment": (20, 60)}
NOTES = {
    "home_visit": ["Visited at home; talked through the week and the goals.",
                   "Joint visit; client calmer than last time.",
                   "Met at café <Main St> & talked about the neighbour dispute.",
                   "Home visit, tea and a walk to the shop. Client said \"best week in ages\"."],
    "telephone": ["Phoned to check in; no calls to 999 this week.",
                  "Client rang upset; talked it through, agreed a visit.",
                  "Called back, no answer; left a message."],
    "text_email": ["Text reminder of Thursday's appointment.", "Email about the housing form \"part 2\".",
                   "Texted: running 10 min late, sorry!"],
    "case_notes": ["Observations: sleeping better, still anxious at night.", "Supervision: discussed boundaries.",
                   "Mentors report client more confident;\nagreed to review goals next month."],
    "professional_meeting": ["Meeting with housing officer re: repairs.",
                             "Call with GP surgery about medication review.",
                             "Multi-agency meeting (police, MIND, council)."],
    "accompanied_appointment": ["Went with client to court; waited 3 hours.", "Accompanied to hospital appointment.",
                                "Went with client to the Job Centre."],
    "signposting": ["Signposted to MIND drop-in & the food bank.", "Passed details of the debt advice line."],
    "benefits_finance": ["PIP review meeting; helped with the form.", "DWP appointment about universal credit."],
    "risk_assessment": ["Risk assessment updated after the incident.", "Data input and review of flags."],
}
GOALS = [("Feel safe at home", "Calls 999 most nights when anxious", "Neighbour mediation; door alarm; routine",
          "Keep a diary and call the mentor first"),
         ("Reduce drinking", "Drinks daily, alone", "AA group; rehab referral; walking group", "Attend AA on Mondays"),
         ("Get out of the house", "Has not left the flat for weeks", "Library, allotment, café club",
          "Walk to the shop with a mentor weekly"),
         ("Sort out debts", "Rent arrears & letters unopened", "Debt advice; budgeting; DWP review",
          "Open letters together at each visit")]
LIVED = ["alcohol", "dementia_carer", "armed_forces", "bereavement", "carer", "crime_perpetrator", "crime_victim",
         "sexual_offence_victim", "criminal_justice", "disabled", "divorced", "domestic_abuse", "drugs", "dwp_debt",
         "gambling", "homelessness", "mental_health", "prison", "self_harm", "sexual_orientation",
         "vulnerable_person", "long_term_unemployed"]


_TIMES = [f"T{hour:02d}:{minute:02d}" for hour in range(8, 20) for minute in (0, 15, 30, 45)]
_SLOTS = len(_TIMES)  # 48 quarter-hours from 08:00
_MINUTES = {activity: (low, high - low + 1) for activity, (low, high) in MINUTES.items()}
_ACTIVITIES = list(ACTIVITY)
_ACTIVITY_CUM = list(accumulate(ACTIVITY.values()))


class _Person(TypedDict):
    person_id: str
    first_name: str
    last_name: str
    gender: str
    born: date
    dob_known: bool


def _weighted(rng: random.Random, weights: Mapping[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _some(rng: random.Random, percentages: Mapping[str, float], base: float = 100) -> list[str]:
    """Each code independently, with its percentage chance; in the vocabulary's order."""
    return [code for code, pct in percentages.items() if rng.random() * base < pct]


def _day(d: date | None) -> str:
    return d.isoformat() if d else ""


DEMO_FILES = ("referrals", "mentors", "allocations", "contacts", "goals")


class _Generator:
    def __init__(self, seed: int, scale: float, today: date):
        self.rng = random.Random(seed)
        self.scale = scale
        self.today = today
        self.organisations = list(base_vocabulary().organisations)
        # The five files a spreadsheet-kept scheme would have; their history (decisions, changes of status,
        # progress checks) is derived on import from the current state.
        self.tables: dict[str, list[dict[str, str]]] = {stem: [] for stem in DEMO_FILES}
        self.contact_number = 0
        self.goal_number = 0
        self.supported_number = 0
        self.all_mentors: list[tuple[str, date, date | None]] | None = None
        self.left_on: dict[str, date | None] = {}
        self.day_text: dict[int, str] = {}
        # Referrals from the scheme's start (or four years back, for a "today" before 2020) to today.
        self.start = min(SCHEME_START, today - timedelta(days=4 * 365))
        self.span = (today - self.start).days

    def row(self, stem: str, **values: str) -> dict[str, str]:
        row = dict.fromkeys(INTERCHANGE_COLUMNS[stem], "")
        row.update(values)
        self.tables[stem].append(row)
        return row

    # --- mentors ---------------------------------------------------------------------------------

    def mentors(self) -> None:
        rng, today = self.rng, self.today
        self.mentor_pool: dict[str, list[tuple[str, date, date | None]]] = {area: [] for area in AREA_WEIGHTS}
        count = max(16, round(60 * self.scale))
        forced = ["active", "active", "left", "in_training", "sabbatical", "left", "other_organisation"]
        reasons = list(LEFT_REASONS)  # the first mentors who left cover every reason
        left_count = 0
        for n in range(1, count + 1):
            if n % 3 == 0 and n <= 3 * len(LEFT_REASONS):  # enough leavers to show every reason
                status = "left"
            else:
                status = forced[n - 1] if n <= len(forced) else _weighted(rng, MENTOR_STATUS)
            gender = rng.choice(["female", "female", "male", "male", "not_stated"])
            names = FIRST_NAMES.get(gender, FIRST_NAMES["female"])
            cohort = 7 if status == "in_training" else rng.randint(1, 7)
            # Seven cohorts spread over the years: the first trained just before the first referral.
            trained = min(today - timedelta(days=30), self.start + timedelta(
                days=(cohort - 1) * self.span // 7 - 60 + rng.randint(-40, 40)))
            area = _weighted(rng, AREA_WEIGHTS)
            row = self.row(
                "mentors", mentor_id=f"M{n:04d}", first_name=rng.choice(names),
                last_name=rng.choice(LAST_NAMES),
                gender=gender,
                date_of_birth=_day(date(rng.randint(1950, 2000), rng.randint(1, 12), rng.randint(1, 28))),
                phone=f"07700 900{rng.randint(0, 999):03d}", email=f"mentor{n}@example.org", area=area,
                cohort=f"Cohort {cohort}", status=status,
                lived_experience=";".join(sorted(rng.sample(LIVED, rng.choice([0, 1, 1, 2, 2, 3])),
                                                 key=LIVED.index)),
                former_client="yes" if rng.random() < 0.12 else "no")
            if status == "in_training":
                if rng.random() < 0.5:  # DBS checks come back during training; only active mentors must have one
                    row["dbs_checked_on"] = _day(today - timedelta(days=rng.randint(1, 60)))
                continue
            row["training_completed_on"] = _day(trained)
            if status in ("active", "sabbatical") or rng.random() < 0.8:
                row["dbs_checked_on"] = _day(trained - timedelta(days=rng.randint(20, 60)))
            row["safeguarding_completed_on"] = _day(trained - timedelta(days=rng.randint(1, 15)))
            left_on = None
            if status == "left":
                left_on = min(today - timedelta(days=1), trained + timedelta(days=rng.randint(60, 700)))
                reason = reasons[left_count] if left_count < len(reasons) else _weighted(rng, LEFT_REASONS)
                left_count += 1
                row["left_on"], row["left_reason"] = _day(left_on), reason
            if status in ("active", "sabbatical"):
                if rng.random() < 0.8:
                    row["last_progress_check_on"] = _day(today - timedelta(days=rng.randint(0, 80)))
                elif rng.random() < 0.5:
                    row["last_progress_check_on"] = _day(today - timedelta(days=rng.randint(100, 300)))
            # Some trained, active mentors are kept back: "waiting months for a first client".
            self.left_on[row["mentor_id"]] = left_on
            if status != "other_organisation" and not (status == "active" and (n == 2 or rng.random() < 0.12)):
                self.mentor_pool[area].append((row["mentor_id"], trained, left_on))

    def pick_mentors(self, area: str, on: date, count: int) -> list[str]:
        rng = self.rng
        chosen: list[str] = []
        if self.all_mentors is None:
            self.all_mentors = [m for p in self.mentor_pool.values() for m in p]
        for pool in (self.mentor_pool[area], self.all_mentors):
            for _ in range(30):
                if len(chosen) == count or not pool:
                    break
                mentor_id, trained, left_on = rng.choice(pool)
                if trained <= on and (left_on is None or left_on > on) and mentor_id not in chosen:
                    chosen.append(mentor_id)
            if len(chosen) == count:
                break
        return chosen

    # --- referrals -------------------------------------------------------------------------------

    def referrals(self) -> None:
        rng = self.rng
        count = max(12, round(261 * self.scale))
        span = self.span
        people: list[_Person] = []
        # The evaluation's outcomes in its proportions, shuffled; the first referrals show every outcome.
        total = sum(OUTCOMES.values())
        outcomes = [code for code, weight in OUTCOMES.items() for _ in range(round(weight * count / total))]
        outcomes = (outcomes + [_weighted(rng, OUTCOMES) for _ in range(count)])[:count]
        rng.shuffle(outcomes)
        outcomes[:len(OUTCOMES)] = list(OUTCOMES)[:count]
        for n in range(1, count + 1):
            # A little busier each year (as the scheme grew), with quiet and busy weeks.
            referred_on = max(self.start, self.start + timedelta(
                days=int(span * (n / count) ** 0.8) - rng.randint(0, 20)))
            if n == 12 or (people and rng.random() < 0.06):  # "the door is always open": referred again
                person = people[0] if n == 12 else rng.choice(people)
            else:
                person = self.person(len(people) + 1)
                people.append(person)
            self.referral(n, referred_on, person, outcomes[n - 1], pending=n > count - 2, waiting=n == count - 2)

    def person(self, n: int) -> _Person:
        rng = self.rng
        gender = _weighted(rng, GENDERS)
        names = FIRST_NAMES.get(gender, FIRST_NAMES["female"] + FIRST_NAMES["male"])
        if n <= len(SHOWCASE):
            first, last, gender = SHOWCASE[n - 1]
            names = [first]
        age = min(97, max(18, round(rng.gauss(46, 15))))
        born = self.today - timedelta(days=age * 365 + rng.randint(0, 364))
        return {"person_id": f"P{n:06d}", "first_name": rng.choice(names),
                "last_name": SHOWCASE[n - 1][1] if n <= len(SHOWCASE) else rng.choice(LAST_NAMES),
                "gender": gender, "born": born, "dob_known": rng.random() < 0.75}

    def referral(self, n: int, referred_on: date, person: _Person, outcome: str, pending: bool,
                 waiting: bool) -> None:
        rng, today = self.rng, self.today
        decided_on: date | None = referred_on + timedelta(days=rng.randint(3, 45))
        if waiting:  # a recent referral accepted today, its mentors not yet allocated
            outcome, decided_on = "supported", today
        elif pending or (decided_on and decided_on > today):
            outcome, decided_on = "pending", None
        area = _weighted(rng, AREA_WEIGHTS)
        victim = rng.random() < 105 / 140
        perpetrator = rng.random() < (66 / 140 if victim else 0.6)
        if n <= 4:  # victim only, perpetrator only, both, neither
            victim, perpetrator = n in (1, 3), n in (2, 3)
        born = person["born"]
        row = self.row(
            "referrals", referral_id=f"R{n:06d}", person_id=person["person_id"], referred_on=_day(referred_on),
            first_name=person["first_name"], last_name=person["last_name"],
            date_of_birth=_day(born) if person["dob_known"] else "",
            age_at_referral=str(age_on(born, referred_on)), gender=person["gender"],
            address=f"{rng.randint(1, 120)} {rng.choice(STREETS)}", phone=f"07700 900{rng.randint(0, 999):03d}",
            postcode=f"{POSTCODE_AREA[area]} {rng.randint(1, 9)}ZZ",
            email=f"client.{person['person_id'].lower()}@example.org" if rng.random() < 0.4 else "", area=area,
            referrer_org=rng.choice(self.organisations[-2:] * 6 + self.organisations),
            referrer_name=f"Officer {rng.choice(LAST_NAMES)}", referrer_email="referrer@example.org",
            referrer_phone=f"0191 498 {rng.randint(0, 999):04d}",
            crime_reference=f"DUR-{rng.randint(10000, 99999)}" if victim or perpetrator else "",
            description=rng.choice(["Frequent 999 calls; isolated since bereavement.",
                                    "Neighbour dispute <ongoing> & harassment; would value a mentor.",
                                    "Alcohol and mental health; needs help to re-engage with services."]),
            consent=rng.choice(["verbal", "written", "written"]), victim="yes" if victim else "no",
            perpetrator="yes" if perpetrator else "no",
            victim_crimes=";".join(_some(rng, {c: p * 100 / 140 for c, p in VICTIM_CRIMES.items()})) if victim else "",
            perpetrator_crimes=";".join(_some(rng, {c: p * 100 / 66 for c, p in PERPETRATOR_CRIMES.items()}))
            if perpetrator else "",
            vulnerabilities=";".join(_some(rng, VULNERABILITIES)), outcome=outcome, decided_on=_day(decided_on))
        if outcome == "supported" and decided_on:
            self.support(row, decided_on, waiting)

    def support(self, row: dict[str, str], decided_on: date, waiting: bool) -> None:
        rng, today = self.rng, self.today
        before = min(105, 3 + int(rng.expovariate(1 / 25)))
        row["police_calls_before"] = str(before) if rng.random() < 0.9 else ""
        first_contact = decided_on + timedelta(days=rng.randint(2, 25))
        if waiting or first_contact > today or (today - decided_on).days < 60 and rng.random() < 0.3:
            return  # supported, waiting for allocation
        row["first_contact_on"] = _day(first_contact)
        mentors = self.pick_mentors(row["area"], first_contact, 1 if rng.random() < 0.05 else 2)
        months = rng.choice([2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 19])
        end = min(today, first_contact + timedelta(days=30 * months))
        if end < today:
            row["closed_on"] = _day(end)
            row["closure_reason"] = rng.choice(["Goals achieved", "Moved away", "Client ended support",
                                                "Support complete; \"door always open\""])
            if rng.random() < 0.7:
                row["feedback_sent_on"] = _day(min(today, end + timedelta(days=rng.randint(1, 30))))
        if row["police_calls_before"] and (end - first_contact).days > 60:
            row["police_calls_after"] = str(int(before * rng.choice([0, 0, 0.05, 0.1, 0.2, 0.3, 0.5])))
        for mentor_id in mentors:
            left_on = self.left_on[mentor_id]
            ended_on = row["closed_on"]
            if left_on and (not ended_on or left_on.isoformat() < ended_on):
                ended_on = _day(left_on)
            self.row("allocations", referral_id=row["referral_id"], mentor_id=mentor_id,
                     allocated_on=_day(first_contact), ended_on=ended_on)
        self.contacts(row, first_contact, end, mentors)
        self.goals(row, first_contact, end)

    def contacts(self, row: dict[str, str], start: date, end: date, mentors: list[str]) -> None:
        rng = self.rng
        self.supported_number += 1
        band = rng.random()
        if self.supported_number % 40 == 5:  # a few clients lean on the scheme very heavily
            count = rng.randint(200, 266)
        elif band < 0.88:
            count = rng.randint(10, 45)
        elif band < 0.95:
            count = rng.randint(46, 100)
        else:
            count = rng.randint(101, 199)
        first = start.toordinal()
        days = (end - start).days
        day_text = self.day_text
        random_ = rng.random
        span = (days + 1) * _SLOTS  # every quarter-hour slot of every day from start to end
        offsets = sorted([int(random_() * span) for _ in range(count)])
        activities = rng.choices(_ACTIVITIES, cum_weights=_ACTIVITY_CUM, k=count)
        referral_id = row["referral_id"]
        rows = self.tables["contacts"]
        number = self.contact_number
        for offset, activity in zip(offsets, activities, strict=True):
            number += 1
            ordinal = first + offset // _SLOTS
            text = day_text.get(ordinal)
            if text is None:
                text = day_text[ordinal] = date.fromordinal(ordinal).isoformat()
            low, width = _MINUTES[activity]
            by_mentor = mentors and random_() < 0.8
            notes = NOTES[activity]
            rows.append({
                "contact_id": f"C{number:07d}", "referral_id": referral_id,
                "occurred_at": text + _TIMES[offset % _SLOTS], "activity": activity,
                "minutes": str(low + int(random_() * width)) if random_() < 0.9 else "",
                "mentor_id": mentors[int(random_() * len(mentors))] if by_mentor else "",
                "staff_name": "" if by_mentor else STAFF[int(random_() * len(STAFF))],
                "notes": notes[int(random_() * len(notes))],
            })
        self.contact_number = number

    def goals(self, row: dict[str, str], start: date, end: date) -> None:
        rng = self.rng
        closed = bool(row["closed_on"])
        for goal, reality, options, way in rng.sample(GOALS, rng.randint(1, 3)):
            set_on = start + timedelta(days=rng.randint(7, 21))
            if set_on > end:
                continue
            self.goal_number += 1
            status = rng.choice(["achieved", "achieved", "not_achieved", "withdrawn"]) if closed else \
                rng.choice(["open", "ongoing", "ongoing", "achieved"])
            reviewed = set_on + timedelta(days=rng.randint(14, 90))
            self.row("goals", goal_id=f"G{self.goal_number:06d}", referral_id=row["referral_id"], set_on=_day(set_on),
                     goal=goal, reality=reality, options=options, way_forward=way,
                     commitment=str(rng.randint(4, 10)), status=status,
                     reviewed_on=_day(reviewed) if reviewed <= end and status != "open" else "")


def generate_demo_tables(
    seed: int = 2018, scale: float = 1.0, today: date | None = None
) -> dict[str, list[dict[str, str]]]:
    """The five interchange tables of a demo scheme: rows of cell strings keyed by column."""
    generator = _Generator(seed, scale, today or date.today())
    generator.mentors()
    generator.referrals()
    return generator.tables
