"""The demo store: deterministic synthetic records covering every state of the workflow."""
from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import func, select

from cpm_desktop.resources import base_vocabulary
from cpm_desktop.services.demo import create_demo_store
from cpm_desktop.services.demo_data import generate_demo_tables
from cpm_desktop.services.interchange import INTERCHANGE_COLUMNS
from cpm_desktop.storage import models as m

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def tables():
    return generate_demo_tables(seed=7, today=TODAY)


def test_same_seed_same_records(tables):
    assert generate_demo_tables(seed=7, today=TODAY) == tables
    assert generate_demo_tables(seed=8, today=TODAY) != tables


def test_rows_have_exactly_the_interchange_columns(tables):
    for stem, rows in tables.items():
        assert rows, stem
        assert all(tuple(row) == INTERCHANGE_COLUMNS[stem] for row in rows), stem


def test_every_state_of_the_workflow_appears(tables):
    vocabulary = base_vocabulary()
    assert set(Counter(r["outcome"] for r in tables["referrals"])) == set(vocabulary.codes("outcome"))
    assert set(r["status"] for r in tables["mentors"]) == set(vocabulary.codes("mentor_status"))
    assert set(r["status"] for r in tables["goals"]) == set(vocabulary.codes("goal_status"))
    assert set(r["activity"] for r in tables["contacts"]) == set(vocabulary.codes("activity"))
    supported = [r for r in tables["referrals"] if r["outcome"] == "supported"]
    closed = [r for r in supported if r["closed_on"]]
    assert any(r["feedback_sent_on"] for r in closed) and any(not r["feedback_sent_on"] for r in closed)
    allocated = Counter(a["referral_id"] for a in tables["allocations"])
    assert 2 in allocated.values()
    assert any(r["referral_id"] not in allocated for r in supported)  # waiting for allocation
    assert max(Counter(c["referral_id"] for c in tables["contacts"]).values()) >= 200
    people = Counter(r["person_id"] for r in tables["referrals"])
    assert max(people.values()) >= 2  # a re-referral
    assert {r["victim"] + r["perpetrator"] for r in supported} == {"yesno", "noyes", "yesyes", "nono"}


def test_no_date_after_today(tables):
    for stem, rows in tables.items():
        for row in rows:
            for column, value in row.items():
                if column.endswith(("_on", "_at")) and value:
                    assert value[:10] <= TODAY.isoformat(), (stem, column, value)


def test_proportions_are_like_the_2018_evaluation(tables):
    referrals = tables["referrals"]
    share = sum(r["outcome"] == "supported" for r in referrals) / len(referrals)
    assert 0.45 < share < 0.62  # the evaluation: 140 of 261 (53.6%)


def test_demo_store_imports_through_the_real_import(tmp_path):
    with create_demo_store(tmp_path / "demo.cpm", "demo", seed=3, today=TODAY, scale=0.3) as store:
        with store.transaction() as session:
            assert session.scalar(select(func.count()).select_from(m.Referral)) > 50
            assert session.scalar(select(func.count()).select_from(m.Contact)) > 500
