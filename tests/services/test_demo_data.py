"""The demo data: deterministic synthetic records covering every state of the workflow."""
from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import func, select

from cpm_desktop.domain.dates import age_on, financial_year_label
from cpm_desktop.resources_path import base_vocabulary
from cpm_desktop.services.demo import create_demo_store
from cpm_desktop.services.demo_data import generate_demo_tables
from cpm_desktop.services.interchange import INTERCHANGE_COLUMNS
from cpm_desktop.storage import models as m

TODAY = date(2026, 11, 23)

# Copied by hand from spec/interchange.md, so that drift in either the spec's module or the generator is caught.
SPEC_COLUMNS = {
    "referrals": (
        "referral_id", "person_id", "referred_on", "first_name", "last_name", "date_of_birth",
        "age_at_referral", "gender", "address", "postcode", "phone", "email", "area", "referrer_org",
        "referrer_name", "referrer_email", "referrer_phone", "crime_reference", "description", "consent",
        "victim", "perpetrator", "victim_crimes", "perpetrator_crimes", "vulnerabilities", "outcome",
        "decided_on", "first_contact_on", "closed_on", "closure_reason", "feedback_sent_on",
        "police_calls_before", "police_calls_after",
    ),
    "mentors": (
        "mentor_id", "first_name", "last_name", "gender", "date_of_birth", "phone", "email", "area", "cohort",
        "training_completed_on", "dbs_checked_on", "safeguarding_completed_on", "status", "left_on",
        "left_reason", "lived_experience", "former_client", "last_progress_check_on",
    ),
    "allocations": ("referral_id", "mentor_id", "allocated_on", "ended_on"),
    "contacts": ("contact_id", "referral_id", "occurred_at", "activity", "minutes", "mentor_id", "staff_name",
                 "notes"),
    "goals": ("goal_id", "referral_id", "set_on", "goal", "reality", "options", "way_forward", "commitment",
              "status", "reviewed_on"),
}


@pytest.fixture(scope="module")
def tables():
    return generate_demo_tables(seed=7, today=TODAY)


def test_same_seed_same_records(tables):
    assert generate_demo_tables(seed=7, today=TODAY) == tables
    assert generate_demo_tables(seed=8, today=TODAY) != tables


def test_rows_have_exactly_the_interchange_columns(tables):
    assert set(tables) == set(SPEC_COLUMNS)
    for stem, columns in SPEC_COLUMNS.items():  # the spec's columns first, in its order; docs/ lists the rest
        assert INTERCHANGE_COLUMNS[stem][:len(columns)] == columns, stem
    for stem, rows in tables.items():
        assert rows, stem
        assert all(tuple(row) == INTERCHANGE_COLUMNS[stem] for row in rows), stem
        assert all(isinstance(value, str) for row in rows for value in row.values()), stem


def test_ids_are_unique_and_shaped_like_the_scheme_ids(tables):
    for stem, column, prefix, digits in [("referrals", "referral_id", "R", 6), ("mentors", "mentor_id", "M", 4),
                                         ("contacts", "contact_id", "C", 7), ("goals", "goal_id", "G", 6)]:
        ids = [row[column] for row in tables[stem]]
        assert len(set(ids)) == len(ids), stem
        assert all(i[0] == prefix and i[1:].isdigit() and len(i) == digits + 1 for i in ids), stem
    assert all(r["person_id"][0] == "P" and len(r["person_id"]) == 7 for r in tables["referrals"])


def test_references_point_at_existing_records(tables):
    referrals = {r["referral_id"]: r for r in tables["referrals"]}
    mentors = {r["mentor_id"]: r for r in tables["mentors"]}
    for a in tables["allocations"]:
        assert a["referral_id"] in referrals and a["mentor_id"] in mentors
        assert referrals[a["referral_id"]]["outcome"] == "supported"
        assert mentors[a["mentor_id"]]["status"] not in ("in_training", "other_organisation")
        assert not a["ended_on"] or a["ended_on"] >= a["allocated_on"]
    for c in tables["contacts"]:
        assert c["referral_id"] in referrals
        assert not c["mentor_id"] or c["mentor_id"] in mentors
        assert c["mentor_id"] or c["staff_name"]
    assert all(g["referral_id"] in referrals for g in tables["goals"])
    pairs = [(a["referral_id"], a["mentor_id"]) for a in tables["allocations"]]
    assert len(set(pairs)) == len(pairs)


def test_cells_follow_the_interchange_rules(tables):
    vocabulary = base_vocabulary()
    codes = {kind: set(vocabulary.codes(kind)) for kind in
             ("area", "gender", "outcome", "vulnerability", "crime", "activity", "mentor_status", "left_reason",
              "lived_experience", "goal_status", "consent")}
    for r in tables["referrals"]:
        assert (r["decided_on"] == "") == (r["outcome"] == "pending")
        assert r["area"] in codes["area"] and r["gender"] in codes["gender"] and r["consent"] in codes["consent"]
        assert r["victim"] in ("yes", "no") and r["perpetrator"] in ("yes", "no")
        for column, kind in [("victim_crimes", "crime"), ("perpetrator_crimes", "crime"),
                             ("vulnerabilities", "vulnerability")]:
            assert r[column] == "" or set(r[column].split(";")) <= codes[kind]
        assert r["referred_on"] <= (r["decided_on"] or r["referred_on"])
        if r["first_contact_on"]:
            assert r["outcome"] == "supported" and r["decided_on"] <= r["first_contact_on"]
        if r["closed_on"]:
            assert r["first_contact_on"] <= r["closed_on"]
        assert r["phone"] == "" or r["phone"].startswith("07700 900")
        assert r["email"] == "" or r["email"].endswith("@example.org")
    for mentor in tables["mentors"]:
        assert mentor["status"] in codes["mentor_status"]
        assert (mentor["status"] == "left") == bool(mentor["left_on"]) == bool(mentor["left_reason"])
        assert mentor["left_reason"] == "" or mentor["left_reason"] in codes["left_reason"]
        assert mentor["lived_experience"] == "" or set(mentor["lived_experience"].split(";")) <= codes[
            "lived_experience"]
        assert mentor["former_client"] in ("yes", "no")
        assert mentor["cohort"] in {f"Cohort {n}" for n in range(1, 8)}
        assert (mentor["training_completed_on"] == "") == (mentor["status"] == "in_training")
        if mentor["status"] == "active":
            assert mentor["dbs_checked_on"]
    for c in tables["contacts"]:
        assert c["activity"] in codes["activity"]
        assert len(c["occurred_at"]) == 16 and c["occurred_at"][10] == "T"
        assert c["minutes"] == "" or 0 < int(c["minutes"]) <= 300
    assert all(g["status"] in codes["goal_status"] for g in tables["goals"])
    assert all(g["commitment"] == "" or 1 <= int(g["commitment"]) <= 10 for g in tables["goals"])


def test_every_state_of_the_workflow_appears(tables):
    vocabulary = base_vocabulary()
    assert set(r["outcome"] for r in tables["referrals"]) == set(vocabulary.codes("outcome"))
    assert set(r["status"] for r in tables["mentors"]) == set(vocabulary.codes("mentor_status"))
    assert set(r["left_reason"] for r in tables["mentors"]) - {""} == set(vocabulary.codes("left_reason"))
    assert set(r["status"] for r in tables["goals"]) == set(vocabulary.codes("goal_status"))
    assert set(r["activity"] for r in tables["contacts"]) == set(vocabulary.codes("activity"))
    supported = [r for r in tables["referrals"] if r["outcome"] == "supported"]
    closed = [r for r in supported if r["closed_on"]]
    assert any(r["feedback_sent_on"] for r in closed) and any(not r["feedback_sent_on"] for r in closed)
    allocated = Counter(a["referral_id"] for a in tables["allocations"])
    assert Counter(allocated.values())[2] > Counter(allocated.values())[1] > 0  # mostly pairs, a few single
    assert any(r["referral_id"] not in allocated for r in supported if not r["closed_on"])  # waiting
    per_client = Counter(c["referral_id"] for c in tables["contacts"])
    assert max(per_client.values()) >= 200
    assert sorted(per_client.values())[len(per_client) // 2] in range(10, 61)  # most have 10 to 60
    people = Counter(r["person_id"] for r in tables["referrals"])
    assert max(people.values()) >= 2  # a re-referral
    assert {r["victim"] + r["perpetrator"] for r in tables["referrals"]} == {"yesno", "noyes", "yesyes", "nono"}
    before_after = [(int(r["police_calls_before"]), int(r["police_calls_after"]))
                    for r in supported if r["police_calls_after"]]
    assert before_after and sum(a for _, a in before_after) < sum(b for b, _ in before_after)
    mentors = tables["mentors"]
    active = {r["mentor_id"] for r in mentors if r["status"] == "active"}
    assert active - {a["mentor_id"] for a in tables["allocations"]}  # trained, waiting for a first client
    assert any(not r["last_progress_check_on"] or (TODAY - date.fromisoformat(r["last_progress_check_on"])).days > 90
               for r in mentors if r["status"] == "active")
    assert any(r["former_client"] == "yes" for r in mentors)
    names = {r["first_name"] + " " + r["last_name"] for r in tables["referrals"]}
    assert {"Ionuț Păun", "Siobhán Ó Briain", "Zoë Ælfric"} <= names
    assert any("<" in c["notes"] and "&" in c["notes"] for c in tables["contacts"])


def test_a_persons_details_agree_on_every_referral(tables):
    seen: dict[str, tuple[str, ...]] = {}
    for r in tables["referrals"]:
        details = (r["first_name"], r["last_name"], r["date_of_birth"], r["gender"])
        assert seen.setdefault(r["person_id"], details) == details


def test_ages_agree_with_dates_of_birth(tables):
    with_dob = [r for r in tables["referrals"] if r["date_of_birth"]]
    assert with_dob and any(not r["date_of_birth"] for r in tables["referrals"])
    for r in with_dob:
        assert int(r["age_at_referral"]) == age_on(date.fromisoformat(r["date_of_birth"]),
                                                    date.fromisoformat(r["referred_on"]))


def test_no_date_after_today(tables):
    for stem, rows in tables.items():
        for row in rows:
            for column, value in row.items():
                if column.endswith(("_on", "_at", "date_of_birth")) and value:
                    assert value[:10] <= TODAY.isoformat(), (stem, column, value)
                    date.fromisoformat(value[:10])


def test_proportions_are_like_the_2018_evaluation(tables):
    referrals = tables["referrals"]
    assert 240 <= len(referrals) <= 280
    share = sum(r["outcome"] == "supported" for r in referrals) / len(referrals)
    assert 0.45 < share < 0.62  # the evaluation: 140 of 261 (53.6%)
    assert 45 <= len(tables["mentors"]) <= 75
    assert min(r["referred_on"] for r in referrals) >= "2016-04-01"


def test_every_financial_year_since_2016_has_referrals_and_trained_mentors(tables):
    # The README's example (2017-18) and the dialog's presets (this year, last year) all have figures.
    years = Counter(financial_year_label(date.fromisoformat(r["referred_on"])) for r in tables["referrals"])
    expected = [f"{y}-{(y + 1) % 100:02d}" for y in range(2016, 2027)]
    assert sorted(years) == expected and min(years.values()) >= 10
    supported = Counter(financial_year_label(date.fromisoformat(r["referred_on"])) for r in tables["referrals"]
                        if r["outcome"] == "supported" and r["first_contact_on"])
    assert all(supported[year] > 0 for year in expected[:-1])
    trained = {financial_year_label(date.fromisoformat(m["training_completed_on"])) for m in tables["mentors"]
               if m["training_completed_on"]}
    assert "2017-18" in trained and len(trained) >= 6  # seven cohorts over the years
    contacts_2017 = [c for c in tables["contacts"] if "2017-04-01" <= c["occurred_at"][:10] <= "2018-03-31"]
    assert len(contacts_2017) > 50


def test_a_small_scale_gives_few_rows():
    small = generate_demo_tables(seed=1, scale=0.1, today=TODAY)
    assert 10 <= len(small["referrals"]) <= 40
    assert len(small["mentors"]) <= 20
    assert len(small["contacts"]) < 2000
    assert all(small[stem] for stem in ("referrals", "mentors", "allocations", "contacts", "goals"))


def test_demo_store_imports_through_the_real_import(tmp_path):
    with create_demo_store(tmp_path / "demo.cpm", "demo", seed=3, today=TODAY, scale=0.3) as store:
        with store.transaction() as session:
            assert session.scalar(select(func.count()).select_from(m.Referral)) > 50
            assert session.scalar(select(func.count()).select_from(m.Contact)) > 500
