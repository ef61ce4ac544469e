"""The evaluation summary from a real store equals the pure computation over the same records."""
from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader
from sqlalchemy import select

from cpm_desktop.domain.evaluation import EvaluationParameters
from cpm_desktop.services.demo_data import generate_demo_tables
from cpm_desktop.services.interchange import import_tables
from cpm_desktop.services.reports import evaluation_pdf, evaluation_summary
from cpm_desktop.storage import models as m
from tests.services.test_interchange import blank

TODAY = date(2026, 11, 23)


def test_summary_counts_match_the_records(store):
    tables = generate_demo_tables(seed=11, today=TODAY, scale=0.5)
    import_tables(store, tables)
    summary = evaluation_summary(store, EvaluationParameters(as_of=TODAY))
    referrals = tables["referrals"]
    supported = {r["referral_id"] for r in referrals if r["outcome"] == "supported"}
    assert summary["referrals"]["total"] == len(referrals)
    assert summary["referrals"]["supported"] == len(supported)
    assert summary["referrals"]["people"] == len({r["person_id"] for r in referrals})
    assert summary["contacts"]["total"] == sum(c["referral_id"] in supported for c in tables["contacts"])
    minutes = sum(int(c["minutes"] or 0) for c in tables["contacts"]
                  if c["referral_id"] in supported and c["activity"] == "home_visit")
    assert summary["contacts"]["by_activity"]["home_visit"]["minutes"] == minutes
    assert summary["mentors"]["by_status"]["active"] == sum(r["status"] == "active" for r in tables["mentors"])


def test_contacts_after_as_of_and_deleted_ones_are_not_counted(store):
    import_tables(store, {
        "referrals": [blank("referrals", referral_id="R1", person_id="P1", referred_on="2018-01-01",
                            first_name="A", last_name="B", outcome="supported", decided_on="2018-01-05")],
        "contacts": [blank("contacts", contact_id=f"C{i}", referral_id="R1", occurred_at=at, activity="telephone",
                           minutes="10") for i, at in enumerate(["2018-02-01T10:00", "2018-03-01T23:59",
                                                                  "2018-03-02T00:00"])]})
    with store.transaction() as session:
        session.scalars(select(m.Contact).where(m.Contact.contact_id == "C0")).one().deleted_at = date(2018, 4, 1)
    summary = evaluation_summary(store, EvaluationParameters(as_of=date(2018, 3, 1)))
    assert summary["contacts"]["total"] == 1
    assert summary["contacts"]["by_activity"]["telephone"] == {"count": 1, "minutes": 10}


def test_reports_are_audited_and_pdf_matches(store):
    import_tables(store, generate_demo_tables(seed=2, today=TODAY, scale=0.2))
    params = EvaluationParameters(as_of=TODAY, date_from=date(2024, 4, 1), date_to=date(2025, 3, 31))
    summary = evaluation_summary(store, params)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(evaluation_pdf(store, params))).pages)
    assert f"{summary['referrals']['total']:,}" in text and "1 April 2024" in text
    with store.transaction() as session:
        assert session.scalars(select(m.AuditEvent.record_table).where(m.AuditEvent.action == "export")).all() == [
            "evaluation", "evaluation"]
