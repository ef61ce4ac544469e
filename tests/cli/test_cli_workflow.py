"""The headless workflow end to end: demo store → export → import → export, reports, letters, SAR."""
from __future__ import annotations

import filecmp
import json
from datetime import date

import pytest
from pypdf import PdfReader

from cpm_desktop.services.interchange import INTERCHANGE_COLUMNS
from tests.cli.test_cli import private_home, run  # noqa: F401  (fixture re-used)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.cpm"
    result = run("demo", "--db", path)
    assert result.returncode == 0, result.stderr
    return path


def test_export_import_export_is_byte_identical(demo_db, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    assert run("export", "--db", demo_db, first).returncode == 0
    fresh = tmp_path / "fresh.cpm"
    assert run("init", "--db", fresh).returncode == 0
    result = run("import", "--db", fresh, first)
    assert result.returncode == 0, result.stderr
    assert run("export", "--db", fresh, second).returncode == 0
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(f"{stem}.csv" for stem in INTERCHANGE_COLUMNS)
    match, mismatch, errors = filecmp.cmpfiles(first, second, names, shallow=False)
    assert mismatch == [] and errors == []


def test_import_with_errors_is_status_4_and_writes_nothing(demo_db, tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "referrals.csv").write_text(
        "referral_id,person_id,referred_on,first_name,last_name,gender,area,outcome\n"
        "RX1,PX1,2019-02-30,Ann,Lee,female,darlington,pending\n"
        "RX2,PX2,2019-02-01,Bo,Lee,martian,darlington,pending\n", encoding="utf-8")
    fresh = tmp_path / "fresh.cpm"
    assert run("init", "--db", fresh).returncode == 0
    result = run("import", "--db", fresh, folder)
    assert result.returncode == 4
    assert "2019-02-30" in result.stderr and "martian" in result.stderr  # every problem listed
    assert "Traceback" not in result.stderr
    empty = tmp_path / "empty-export"
    assert run("export", "--db", fresh, empty).returncode == 0
    assert (empty / "referrals.csv").read_text().count("\n") == 1  # header only: nothing was written


def test_report_evaluation_json_to_stdout_and_pdf(demo_db, tmp_path):
    result = run("report", "evaluation", "--db", demo_db, "--as-of", "2030-01-01", "--json", "-")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert set(summary) == {"parameters", "referrals", "supported", "contacts", "engagement", "waiting",
                            "demand", "feedback", "mentors", "by_area", "previous_period"}
    assert summary["referrals"]["total"] > 0
    pdf = tmp_path / "summary.pdf"
    result = run("report", "evaluation", "--db", demo_db, "--as-of", "2030-01-01", "--pdf", pdf)
    assert result.returncode == 0, result.stderr
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert str(summary["referrals"]["total"]) in text


def test_the_readme_example_has_real_figures_and_prints_the_leads_paragraph(demo_db, tmp_path):
    from cpm_desktop.domain.evaluation import EvaluationParameters
    from cpm_desktop.services.reports import save_evaluation_note
    from cpm_desktop.storage.engine import Store
    from tests.conftest import PASSPHRASE

    period = ["--from", "2017-04-01", "--to", "2018-03-31"]
    result = run("report", "evaluation", "--db", demo_db, *period, "--json", "-")
    summary = json.loads(result.stdout)
    headline = summary["by_area"]["total"]
    assert headline["referrals"] == summary["referrals"]["total"] > 10 and headline["supported"] > 0
    assert headline["contacts"] > 0 and headline["calls_avoided"] > 0 and headline["mentors_active"] > 0
    assert summary["previous_period"]["from"] == "2016-04-01" and summary["previous_period"]["figures"]["referrals"] > 0
    assert sum(a["referrals"] for a in summary["by_area"]["areas"]) == headline["referrals"]
    with Store.open(demo_db, PASSPHRASE) as store:
        save_evaluation_note(store, EvaluationParameters(date(2017, 4, 1), date(2018, 3, 31)),
                             "Our first full year.\nThank you, mentors.")
    pdf = tmp_path / "summary.pdf"
    result = run("report", "evaluation", "--db", demo_db, *period, "--pdf", pdf)
    assert result.returncode == 0, result.stderr
    assert "printed on page one:\n  Our first full year.\n  Thank you, mentors." in result.stderr
    first = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "Our first full year. Thank you, mentors." in first
    assert f"{headline['supported']:,} clients supported" in first
    assert "Referrals received from 1 April 2017 to 31 March 2018" in first
    # Another area has no paragraph.
    east = run("report", "evaluation", "--db", demo_db, *period, "--area", "east", "--pdf", tmp_path / "east.pdf")
    assert east.returncode == 0 and "paragraph" not in east.stderr


def test_report_rejects_an_unknown_area(demo_db):
    result = run("report", "evaluation", "--db", demo_db, "--area", "atlantis", "--json", "-")
    assert result.returncode == 4 and "atlantis" in result.stderr


def test_report_parameters_reach_the_summary(demo_db):
    result = run("report", "evaluation", "--db", demo_db, "--from", "2025-04-01", "--to", "2026-03-31",
                 "--as-of", "2026-06-30", "--area", "east", "--cost-per-hour", "30", "--hours-per-call", "1.5",
                 "--json", "-")
    assert result.returncode == 0, result.stderr
    parameters = json.loads(result.stdout)["parameters"]
    assert parameters == {"from": "2025-04-01", "to": "2026-03-31", "as_of": "2026-06-30", "cost_per_hour": 30.0,
                          "hours_per_call": 1.5, "area": "east"}
    assert result.stderr == ""  # no progress or chatter when the data goes to standard output


def test_report_json_to_a_file_and_an_inverted_period(demo_db, tmp_path):
    out = tmp_path / "summary.json"
    assert run("report", "evaluation", "--db", demo_db, "--json", out).returncode == 0
    assert json.loads(out.read_text())["referrals"]["total"] > 0
    result = run("report", "evaluation", "--db", demo_db, "--from", "2026-01-01", "--to", "2025-01-01", "--json", "-")
    assert result.returncode == 4 and "starts after it ends" in result.stderr


def test_unknown_ids_are_status_4(demo_db, tmp_path):
    for args in (["sar", "--person", "NOBODY"], ["sar", "--mentor", "NOBODY"],
                 ["letter", "feedback", "--referral", "NOBODY"]):
        command = args[:-2] if args[0] == "letter" else args[:1]
        rest = args[len(command):]
        result = run(*command, "--db", demo_db, *rest, "--out", tmp_path / "x.pdf")
        assert result.returncode == 4, (args, result.stderr)
        assert "NOBODY" in result.stderr and "Traceback" not in result.stderr
        assert not (tmp_path / "x.pdf").exists()


def test_sar_and_feedback_letter_from_the_command_line(demo_db, tmp_path):
    sar = tmp_path / "sar.pdf"
    result = run("sar", "--db", demo_db, "--person", "P000001", "--out", sar)
    assert result.returncode == 0, result.stderr
    text = "".join(page.extract_text() for page in PdfReader(sar).pages)
    assert "Subject access" in text and "P000001" in text and "Information Commissioner" in text
    mentor = tmp_path / "mentor.pdf"
    assert run("sar", "--db", demo_db, "--mentor", "M0001", "--out", mentor).returncode == 0
    letter = tmp_path / "letter.pdf"
    result = run("letter", "feedback", "--db", demo_db, "--referral", "R000001", "--out", letter)
    assert result.returncode == 0, result.stderr
    assert "R000001" in "".join(page.extract_text() for page in PdfReader(letter).pages)

