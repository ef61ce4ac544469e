"""Interchange import and export (spec/interchange.md): exact inverses, all-or-nothing, every problem named."""
from __future__ import annotations

import csv
import filecmp
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cpm_desktop.domain.interchange import unescape_cell
from cpm_desktop.services.interchange import (
    INTERCHANGE_COLUMNS,
    ImportCancelled,
    ImportFailed,
    export_folder,
    import_folder,
    import_tables,
)
from cpm_desktop.storage import models as m

HOSTILE = [
    "Ionuț Păun", "Siobhán Ó Briain", "李雷", "<b>&amp;</b>", "Tom & Jerry", 'She said "no", then left',
    "line one\nline two", "windows\r\nline", "  padded  ", "=SUM(A1)", "Smith <j@x.org>",
]
HUGE_NOTE = "All well. " * 10_000  # 100,000 characters


def blank(stem: str, **values) -> dict[str, str]:
    row = dict.fromkeys(INTERCHANGE_COLUMNS[stem], "")
    row.update(values)
    return row


def sample_tables() -> dict[str, list[dict[str, str]]]:
    referrals = [
        blank("referrals", referral_id="R1", person_id="P1", referred_on="2017-03-31", first_name="Ionuț",
              last_name="Păun", date_of_birth="1970-02-28", age_at_referral="47", gender="male",
              address="1 Rue <Main> & Co\nDarlington", postcode="DL1 9ZZ", phone="07700 900123",
              email="ionut@example.org", area="darlington", referrer_org="MIND", referrer_name="Dr O'Neil",
              description=HOSTILE[3] + " " + HOSTILE[5], consent="written", victim="yes", perpetrator="yes",
              victim_crimes="harassment_stalking;criminal_damage", perpetrator_crimes="public_order",
              vulnerabilities="high_impact_user;mental_health", outcome="supported", decided_on="2017-04-20",
              first_contact_on="2017-04-25", closed_on="2018-04-01", closure_reason=HOSTILE[6],
              feedback_sent_on="2018-04-10", police_calls_before="40", police_calls_after="3"),
        blank("referrals", referral_id="R2", person_id="P1", referred_on="2019-01-02", first_name="Ionuț",
              last_name="Păun", date_of_birth="1970-02-28", gender="male", area="south",
              referrer_org="mind", outcome="pending", description=HOSTILE[7]),
        blank("referrals", referral_id="R3", person_id="P2", referred_on="2018-06-01", first_name="李",
              last_name="雷", gender="not_stated", area="north", referrer_org="A new charity & partners",
              outcome="declined_by_client", decided_on="2018-06-10", description=HOSTILE[8]),
        blank("referrals", referral_id="R4", person_id="P3", referred_on="2018-07-01", first_name="Siobhán",
              last_name="Ó Briain", age_at_referral="33", gender="female", area="east", outcome="supported",
              decided_on="2018-07-02", vulnerabilities="alcohol", victim="no", perpetrator="no"),
    ]
    mentors = [
        blank("mentors", mentor_id="M1", first_name="Zoë", last_name="Ælfric", gender="female",
              date_of_birth="1980-01-01", area="darlington", cohort="Cohort 7", training_completed_on="2017-01-10",
              dbs_checked_on="2016-12-01", safeguarding_completed_on="2017-01-05", status="active",
              lived_experience="alcohol;domestic_abuse", former_client="yes", last_progress_check_on="2018-01-01"),
        blank("mentors", mentor_id="M2", first_name="Tom", last_name="& Jerry", status="left", left_on="2018-02-01",
              left_reason="new_job", former_client="no"),
    ]
    allocations = [
        blank("allocations", referral_id="R1", mentor_id="M1", allocated_on="2017-05-01"),
        blank("allocations", referral_id="R1", mentor_id="M2", allocated_on="2017-05-01", ended_on="2018-02-01"),
    ]
    contacts = [
        blank("contacts", contact_id=f"C{i}", referral_id="R1", occurred_at=f"2017-05-{i + 1:02d}T10:30",
              activity="home_visit", minutes="60", mentor_id="M1", notes=note)
        for i, note in enumerate(HOSTILE)
    ] + [blank("contacts", contact_id="C99", referral_id="R1", occurred_at="2017-06-01T09:00",
               activity="telephone", staff_name="Coordinator <Ann>", notes=HUGE_NOTE)]
    goals = [
        blank("goals", goal_id="G1", referral_id="R1", set_on="2017-05-02", goal="Feel safe <at home>",
              reality="Calls 999 & worries", options="Neighbour\nmediation", way_forward="Join a club",
              commitment="7", status="achieved", reviewed_on="2017-09-01"),
    ]
    return {"referrals": referrals, "mentors": mentors, "allocations": allocations, "contacts": contacts,
            "goals": goals}


def write_folder(folder: Path, tables, *, bom=False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for stem, rows in tables.items():
        header = list(rows[0]) if rows else list(INTERCHANGE_COLUMNS[stem])
        with (folder / f"{stem}.csv").open("w", newline="", encoding="utf-8-sig" if bom else "utf-8") as f:
            writer = csv.DictWriter(f, header)
            writer.writeheader()
            writer.writerows(rows)
    return folder


def counts(store) -> dict[str, int]:
    with store.transaction() as session:
        return {model.__tablename__: session.scalar(select(func.count()).select_from(model))
                for model in (m.Person, m.Referral, m.Mentor, m.Allocation, m.Contact, m.Goal, m.Organisation)}


def read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of an exported file, each cell's value as the import reads it (formula escapes removed)."""
    with path.open(newline="", encoding="utf-8") as f:
        return [{k: unescape_cell(v) for k, v in row.items()} for row in csv.DictReader(f)]


# --- round trips ---------------------------------------------------------------------------------


def test_export_import_export_is_byte_identical(store, tmp_path):
    import_tables(store, sample_tables())
    first = tmp_path / "first"
    export_folder(store, first)
    from cpm_desktop.storage.engine import Store

    with Store.create(tmp_path / "second.cpm", "pw") as second:
        import_folder(second, first)
        export_folder(second, tmp_path / "again")
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(f"{stem}.csv" for stem in INTERCHANGE_COLUMNS)
    _, mismatch, errors = filecmp.cmpfiles(first, tmp_path / "again", names, shallow=False)
    assert mismatch == errors == []


def test_hostile_text_survives_unchanged(store, tmp_path):
    tables = sample_tables()
    import_tables(store, tables)
    export_folder(store, tmp_path / "out")
    contacts = {row["contact_id"]: row for row in read_rows(tmp_path / "out" / "contacts.csv")}
    for i, note in enumerate(HOSTILE):
        assert contacts[f"C{i}"]["notes"] == note
    assert contacts["C99"]["notes"] == HUGE_NOTE
    referrals = {row["referral_id"]: row for row in read_rows(tmp_path / "out" / "referrals.csv")}
    assert referrals["R1"]["address"] == "1 Rue <Main> & Co\nDarlington"
    assert referrals["R3"]["first_name"] == "李" and referrals["R3"]["description"] == "  padded  "
    assert referrals["R1"]["referrer_org"] == referrals["R2"]["referrer_org"] == "MIND"  # matched by name
    assert referrals["R4"]["age_at_referral"] == "33"
    goal = read_rows(tmp_path / "out" / "goals.csv")[0]
    assert goal["options"] == "Neighbour\nmediation"


def test_export_format_details(store, tmp_path):
    import_tables(store, sample_tables())
    export_folder(store, tmp_path / "out")
    raw = (tmp_path / "out" / "referrals.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # never a BOM
    assert raw.startswith(",".join(INTERCHANGE_COLUMNS["referrals"]).encode() + b"\r\n")
    ids = [row["contact_id"] for row in read_rows(tmp_path / "out" / "contacts.csv")]
    assert ids == sorted(ids)
    mentor = read_rows(tmp_path / "out" / "mentors.csv")[0]
    assert mentor["last_progress_check_on"] == "2018-01-01" and mentor["former_client"] == "yes"


def test_age_is_derived_from_date_of_birth(store, tmp_path):
    import_tables(store, sample_tables())
    export_folder(store, tmp_path / "out")
    r2 = {r["referral_id"]: r for r in read_rows(tmp_path / "out" / "referrals.csv")}["R2"]
    assert r2["age_at_referral"] == "48"  # born 28 Feb 1970, referred 2 Jan 2019


def test_bom_and_free_column_order_are_accepted(store, tmp_path):
    tables = sample_tables()
    tables["mentors"] = [dict(reversed(list(row.items()))) for row in tables["mentors"]]
    import_folder(store, write_folder(tmp_path / "in", tables, bom=True))
    assert counts(store)["mentor"] == 2


def test_files_are_optional(store, tmp_path):
    tables = sample_tables()
    import_folder(store, write_folder(tmp_path / "in", {"mentors": tables["mentors"]}))
    assert counts(store)["mentor"] == 2 and counts(store)["referral"] == 0


def test_rows_may_refer_to_records_already_in_the_store(store, tmp_path):
    tables = sample_tables()
    import_tables(store, {k: tables[k] for k in ("referrals", "mentors")})
    import_tables(store, {k: tables[k] for k in ("allocations", "contacts", "goals")})
    assert counts(store)["contact"] == len(tables["contacts"])


def test_soft_deleted_records_are_not_exported(store, tmp_path):
    import_tables(store, sample_tables())
    with store.transaction() as session:
        contact = session.scalars(select(m.Contact).where(m.Contact.contact_id == "C1")).one()
        contact.deleted_at = contact.created_at
    export_folder(store, tmp_path / "out")
    ids = [row["contact_id"] for row in read_rows(tmp_path / "out" / "contacts.csv")]
    assert "C1" not in ids and "C2" in ids


def test_import_and_export_are_audited(store, tmp_path):
    import_tables(store, sample_tables())
    export_folder(store, tmp_path / "out")
    with store.transaction() as session:
        actions = session.execute(select(m.AuditEvent.action, m.AuditEvent.record_table,
                                         m.AuditEvent.detail)).all()
    assert ("import", "contact", f"{len(sample_tables()['contacts'])} rows from contacts.csv") in actions
    assert sum(1 for a in actions if a[0] == "export") == len(INTERCHANGE_COLUMNS)
    assert not any("Păun" in (a[2] or "") for a in actions)


# --- problems ------------------------------------------------------------------------------------


def failing_import(store, tables, **kwargs) -> list[str]:
    before = counts(store)
    with pytest.raises(ImportFailed) as raised:
        import_tables(store, tables, **kwargs)
    assert counts(store) == before, "a failed import must write nothing"
    return [str(problem) for problem in raised.value.problems]


@pytest.mark.parametrize("stem,column,value,expected", [
    ("referrals", "referred_on", "2019-02-30", "a date as YYYY-MM-DD"),
    ("referrals", "referred_on", "01/02/2019", "a date as YYYY-MM-DD"),
    ("referrals", "gender", "martian", "one of female"),
    ("referrals", "vulnerabilities", "alcohol; drugs", "codes separated by ';'"),
    ("referrals", "victim", "Y", "yes or no"),
    ("referrals", "police_calls_before", "-3", "a whole number"),
    ("referrals", "age_at_referral", "forty", "a whole number"),
    ("referrals", "outcome", "", "a value is required"),
    ("referrals", "first_name", "", "a value is required"),
    ("referrals", "decided_on", "2017-01-01", "on or after referred_on"),
    ("mentors", "status", "retired", "one of in_training"),
    ("mentors", "left_reason", "new_job", "no value unless status is left"),
    ("contacts", "occurred_at", "2017-05-01 10:30", "a date and time as YYYY-MM-DDTHH:MM"),
    ("contacts", "activity", "coffee", "one of case_notes"),
    ("contacts", "minutes", "1.5", "a whole number"),
    ("contacts", "mentor_id", "M404", "the id of a mentor"),
    ("contacts", "referral_id", "R404", "the id of a referral"),
    ("allocations", "mentor_id", "M404", "the id of a mentor"),
    ("allocations", "ended_on", "2017-01-01", "on or after allocated_on"),
    ("goals", "commitment", "11", "a whole number from 1 to 10"),
    ("goals", "status", "done", "one of open"),
])
def test_each_bad_cell_is_named(store, stem, column, value, expected):
    tables = sample_tables()
    tables[stem][0][column] = value
    problems = failing_import(store, tables)
    assert any(f"{stem}.csv line 2, column {column}" in p and expected in p for p in problems), problems


def test_every_problem_is_listed_not_just_the_first(store):
    tables = sample_tables()
    tables["referrals"][0]["referred_on"] = "yesterday"
    tables["referrals"][2]["area"] = "atlantis"
    tables["contacts"][3]["activity"] = "tea"
    tables["goals"][0]["status"] = "finished"
    problems = failing_import(store, tables)
    assert len(problems) == 4
    assert {p.split(",")[0] for p in problems} == {"referrals.csv line 2", "referrals.csv line 4",
                                                    "contacts.csv line 5", "goals.csv line 2"}
    assert 'referrals.csv line 4, column area: "atlantis" is not valid; expected one of darlington' in problems[1]


def test_pending_with_a_decision_date_is_refused(store):
    tables = sample_tables()
    tables["referrals"][1]["decided_on"] = "2019-01-05"
    assert any("no date while the outcome is pending" in p for p in failing_import(store, tables))


def test_duplicate_ids_in_a_file_and_in_the_store(store):
    tables = sample_tables()
    tables["contacts"][1]["contact_id"] = "C0"
    assert any("contacts.csv line 3, column contact_id" in p and "line 2 has it too" in p
               for p in failing_import(store, tables))
    import_tables(store, sample_tables())
    problems = failing_import(store, {"mentors": sample_tables()["mentors"]})
    assert problems[0].startswith('mentors.csv line 2, column mentor_id: "M1" is not valid; expected an id not '
                                  'already in the store (this store holds that record already')
    assert "use sync" in problems[0]  # another laptop's records come by sync, not by importing its export


def test_person_details_must_agree_across_referrals(store):
    tables = sample_tables()
    tables["referrals"][1]["date_of_birth"] = "1971-02-28"
    problems = failing_import(store, tables)
    assert any("referrals.csv line 3, column date_of_birth" in p and "person P1" in p for p in problems)


def test_age_disagreeing_with_date_of_birth_is_refused(store):
    tables = sample_tables()
    tables["referrals"][0]["age_at_referral"] = "50"
    assert any("column age_at_referral" in p and "47" in p for p in failing_import(store, tables))


def test_unknown_missing_and_duplicate_columns(store, tmp_path):
    tables = sample_tables()
    for row in tables["goals"]:
        row["mood"] = "fine"
    problems = failing_import(store, tables)
    assert any("goals.csv line 1, column mood" in p and "--ignore-unknown-columns" in p for p in problems)
    import_tables(store, tables, ignore_unknown_columns=True)
    assert counts(store)["goal"] == 1

    folder = tmp_path / "dup"
    folder.mkdir()
    (folder / "mentors.csv").write_text("mentor_id,first_name,first_name,status\nM9,A,B,active\n")
    with pytest.raises(ImportFailed) as raised:
        import_folder(store, folder)
    text = [str(p) for p in raised.value.problems]
    assert any("column first_name" in p and "appears twice" in p for p in text)
    assert any("column last_name" in p and "required column is missing" in p for p in text)


def test_malformed_files(store, tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "mentors.csv").write_bytes("mentor_id,first_name,last_name,status\nM9,Ann\xe9,B,active\n"
                                         .encode("latin-1"))
    (folder / "goals.csv").write_text("")
    (folder / "referral.csv").write_text("referral_id\nR1\n")
    (folder / "contacts.csv").write_text("contact_id,referral_id,occurred_at,activity\nC1,R1\n")
    with pytest.raises(ImportFailed) as raised:
        import_folder(store, folder)
    text = "\n".join(str(p) for p in raised.value.problems)
    assert "mentors.csv: the file is not UTF-8 text" in text
    assert "goals.csv line 1: the file is empty" in text
    assert "referral.csv: is not an interchange file" in text or "referral.csv" in text
    assert counts(store)["mentor"] == 0


def test_short_row_is_named(store, tmp_path):
    folder = tmp_path / "short"
    folder.mkdir()
    (folder / "mentors.csv").write_text("mentor_id,first_name,last_name,status\nM1,Ann,Lee,active\nM2,Bo\n")
    with pytest.raises(ImportFailed) as raised:
        import_folder(store, folder)
    text = [str(p) for p in raised.value.problems]
    assert "mentors.csv line 3: this row has 2 cells but the header has 4." in text


def test_cancelling_writes_nothing(store):
    tables = sample_tables()
    tables["contacts"] = tables["contacts"] * 1  # enough rows for a progress call at the end
    with pytest.raises(ImportCancelled):
        import_tables(store, tables, progress=lambda done, total, message: False)
    assert counts(store)["referral"] == 0


def test_progress_reaches_the_end(store):
    seen = []
    import_tables(store, sample_tables(), progress=lambda done, total, message: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]
