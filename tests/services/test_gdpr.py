"""Subject-access exports: everything held on the person, nothing of anyone else, redactions applied."""
from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from cpm_desktop.domain.subject_access import Redaction, add_months, due_date, redact
from cpm_desktop.services import risk
from cpm_desktop.services.interchange import import_tables
from cpm_desktop.services.settings import GDPR, get_setting, set_setting
from cpm_desktop.services.subject_access import subject_access_data, subject_access_pdf
from cpm_desktop.storage import models as m
from tests.services.test_interchange import HOSTILE, blank, sample_tables


def pdf_text(pdf: bytes, password: str | None = None) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    if password:
        reader.decrypt(password)
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def loaded(store):
    tables = sample_tables()
    tables["referrals"].append(blank("referrals", referral_id="R9", person_id="P9", referred_on="2018-01-01",
                                     first_name="Otherclient", last_name="Secretson", outcome="supported",
                                     decided_on="2018-01-02", description="Other client's private story"))
    tables["contacts"].append(blank("contacts", contact_id="C900", referral_id="R9", occurred_at="2018-02-01T10:00",
                                    activity="telephone", notes="Note about the other client only"))
    import_tables(store, tables)
    return store


def test_every_contact_note_and_hostile_text_is_in_the_pdf(loaded):
    text = pdf_text(subject_access_pdf(loaded, person_id="P1"))
    for note in HOSTILE:
        assert " ".join(note.split()) in " ".join(text.split()), note
    assert "Ionuț" in text and "1 Rue <Main> & Co" in text and "R1" in text and "R2" in text
    assert "Otherclient" not in text and "Other client's private story" not in text
    assert "Note about the other client only" not in text
    assert "Page 1 of" in text


def test_supplementary_information_comes_from_maintained_settings(loaded):
    text = pdf_text(subject_access_pdf(loaded, person_id="P1"))
    for phrase in ("Why we hold it", "How long we keep it", "Where it came from", "rectification", "erasure",
                   "restriction", "object", "Information Commissioner"):
        assert phrase in text, phrase
    settings = get_setting(loaded, GDPR)
    settings["controller"] = "The scheme (changed by the project lead)"
    set_setting(loaded, GDPR, settings)
    assert "changed by the project lead" in pdf_text(subject_access_pdf(loaded, person_id="P1"))


def test_the_retention_item_is_read_from_the_retention_rules(loaded):
    from cpm_desktop.services.retention import save_retention_rules

    before = " ".join(pdf_text(subject_access_pdf(loaded, person_id="P1")).split())
    assert "kept 6 years after support ended" in before
    save_retention_rules(loaded, {"closed_case": 84})
    after = " ".join(pdf_text(subject_access_pdf(loaded, person_id="P1")).split())
    assert "kept 7 years after support ended" in after and "kept 6 years after support ended" not in after


def test_redactions_remove_the_text_and_are_listed(loaded):
    redactions = [Redaction("Dr O'Neil", "Names the referring doctor, a third party"),
                  Redaction("not in the record", "Applies nowhere")]
    export = subject_access_data(loaded, person_id="P1", redactions=redactions)
    assert export.redaction_reasons == ["Names the referring doctor, a third party"]
    text = pdf_text(subject_access_pdf(loaded, person_id="P1", redactions=redactions))
    assert "O'Neil" not in text and "[redacted]" in text
    assert "Names the referring doctor, a third party" in text and "Applies nowhere" not in text


def test_the_audit_trail_includes_this_export(loaded):
    subject_access_pdf(loaded, person_id="P1")
    export = subject_access_data(loaded, person_id="P1")
    trail = export.sections[-1]
    assert trail.title.startswith("Who viewed")
    assert sum(row[2] == "Exported (subject-access export)" for row in trail.rows) == 2
    with loaded.transaction() as session:
        person = session.scalar(select(m.Person).where(m.Person.person_id == "P1"))
        assert session.scalars(select(m.AuditEvent.action).where(m.AuditEvent.subject_uuid == person.id,
                                                                  m.AuditEvent.action == "export")).all()


def test_assessments_and_visits_are_included(loaded):
    from cpm_desktop.services import referrals

    r1 = next(r for r in referrals.list_referrals(loaded) if r.referral_id == "R1")
    risk.add_assessment(loaded, r1.uuid, risk.Assessment(date(2017, 4, 10), danger_to_staff="low", notes="Calm",
                                                         professionals=(risk.Professional("PC Amble", "Police"),)))
    risk.save_visit(loaded, r1.uuid, risk.Visit(date(2017, 4, 12), status="done", visitors="Coordinator"))
    text = " ".join(pdf_text(subject_access_pdf(loaded, person_id="P1")).split())  # cells wrap
    assert "PC Amble" in text and "Risk assessments" in text and "Home visits" in text


def test_mentor_export_names_cases_by_id_only(loaded):
    text = pdf_text(subject_access_pdf(loaded, mentor_id="M1"))
    assert "Zoë" in text and "Ælfric" in text and "R1" in text
    assert "Ionuț" not in text and "Păun" not in text and "Visited" not in text


def test_unknown_ids_are_one_clear_sentence(loaded):
    with pytest.raises(LookupError, match="There is no person with the id P404"):
        subject_access_pdf(loaded, person_id="P404")
    with pytest.raises(LookupError, match="There is no mentor with the id M404"):
        subject_access_pdf(loaded, mentor_id="M404")


def test_a_thousand_contact_case_is_complete(store):
    start = datetime(2020, 1, 1, 9, 0)
    import_tables(store, {
        "referrals": [blank("referrals", referral_id="R1", person_id="P1", referred_on="2019-12-01",
                            first_name="Many", last_name="Contacts", outcome="supported", decided_on="2019-12-02")],
        "contacts": [blank("contacts", contact_id=f"C{i:05d}", referral_id="R1",
                           occurred_at=(start + timedelta(hours=i)).strftime("%Y-%m-%dT%H:%M"),
                           activity="telephone", notes=f"Contact note number {i:05d} <ok> & fine")
                     for i in range(1000)]})
    steps = []
    text = " ".join(pdf_text(subject_access_pdf(store, person_id="P1", progress=lambda *a: steps.append(a))).split())
    assert all(f"Contact note number {i:05d} <ok> & fine" in text for i in range(1000))
    assert steps


def test_password_protected_export(loaded):
    pdf = subject_access_pdf(loaded, person_id="P1", password="a long passphrase")
    assert PdfReader(io.BytesIO(pdf)).is_encrypted
    assert "Ionuț" in pdf_text(pdf, "a long passphrase")


def test_one_calendar_month_and_month_ends():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 11, 23), 1) == date(2026, 12, 23)
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)
    assert due_date(date(2026, 3, 31)) == date(2026, 4, 30)
    assert due_date(date(2026, 1, 10), paused_days=7) == date(2026, 2, 17)
    assert due_date(date(2026, 1, 10), extension_months=2) == date(2026, 4, 10)
    with pytest.raises(ValueError):
        due_date(date(2026, 1, 10), extension_months=3)


def test_redact_is_case_insensitive_and_literal():
    text, applied = redact("Ask dr o'neil (or Dr O'Neil.*)", [Redaction("Dr O'Neil", "third party")])
    assert text == "Ask [redacted] (or [redacted].*)" and len(applied) == 1


def test_request_register_tracks_the_clock(loaded):
    from cpm_desktop.services.access_requests import list_requests, register_request, update_request

    uuid = register_request(loaded, "person", "P1", date(2026, 1, 31))
    (row,) = list_requests(loaded, today=date(2026, 2, 20))
    assert row.due_on == date(2026, 2, 28) and not row.overdue and row.subject_name == "Ionuț Păun"
    update_request(loaded, uuid, paused_days=5)
    assert list_requests(loaded, today=date(2026, 3, 4))[0].due_on == date(2026, 3, 5)
    with pytest.raises(ValueError, match="reason"):
        update_request(loaded, uuid, extension_months=1)
    update_request(loaded, uuid, extension_months=2, extension_reason="Records held in several places")
    assert list_requests(loaded, today=date(2026, 3, 4))[0].due_on == date(2026, 5, 5)
    assert list_requests(loaded, today=date(2026, 6, 1))[0].overdue
    update_request(loaded, uuid, identity_checked_on=date(2026, 2, 2), completed_on=date(2026, 4, 1))
    assert not list_requests(loaded, today=date(2026, 6, 1))[0].overdue
    with pytest.raises(LookupError):
        register_request(loaded, "mentor", "M404", date(2026, 1, 1))


def test_the_audit_table_uses_the_words_of_the_screens(store):
    from tests.services.sar_fixture import load_full_record

    load_full_record(store)
    trail = subject_access_data(store, person_id="P1").sections[-1]
    printed = " ".join(" ".join(row[2:]) for row in trail.rows)
    for database_name in ("assessment_uuid", "referral_uuid", "risk_check", "professional_consulted", "referred_on",
                          "_", "create", "update"):
        assert database_name not in printed
    assert ("Added", "Check made for a risk assessment") in {(row[2], row[3]) for row in trail.rows}
    checks = next(row[4] for row in trail.rows if row[3] == "Check made for a risk assessment")
    assert "Risk assessment" in checks.split(", ") and "Checked on" in checks.split(", ")
    assert any(row[2] == "Viewed (subject-access review)" or row[2].startswith("Exported") for row in trail.rows)
    text = pdf_text(subject_access_pdf(store, person_id="P1"))
    assert "assessment_uuid" not in text and "assessment uuid" not in text


def test_the_forms_of_a_redacted_name_are_removed_and_the_reason_listed_once(store):
    tables = sample_tables()
    tables["contacts"].append(blank("contacts", contact_id="C77", referral_id="R1", occurred_at="2017-06-01T10:00",
                                    activity="telephone", notes="PC Testfield rang; write to pc.testfield@example.org "
                                                                "about Testfield's visit."))
    import_tables(store, tables)
    from cpm_desktop.domain.subject_access import name_forms

    reason = "Names a police officer, a third party"
    redactions = [Redaction(form, reason) for form in ["PC Testfield", *name_forms("PC Testfield")]]
    export = subject_access_data(store, person_id="P1", redactions=redactions)
    assert export.redaction_reasons == [reason]
    text = pdf_text(subject_access_pdf(store, person_id="P1", redactions=redactions))
    assert "testfield" not in text.lower()
    assert "[redacted] rang; write to [redacted] about [redacted] visit." in " ".join(text.split())
