"""The evaluation PDF prints every number of the JSON document, with labels, and survives an empty cohort."""
from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from cpm_desktop.domain.evaluation import EvaluationParameters, compute_evaluation
from cpm_desktop.domain.vocabulary import KINDS
from cpm_desktop.reports.evaluation import render_evaluation
from cpm_desktop.reports.styles import number
from cpm_desktop.resources import base_vocabulary
from tests.domain import fixture_2018 as f2018
from tests.reports.sample_evaluation import EMPTY, SAMPLE, numbers_in

VOCABULARY = base_vocabulary()
CODES = {kind: VOCABULARY.codes(kind) for kind in KINDS}
# Maps that leave out codes with a count of 0 (or genders with no known age), per the spec.
SPARSE = {("supported", "age"), ("supported", "victim_crimes"), ("supported", "perpetrator_crimes"),
          ("supported", "vulnerabilities"), ("mentors", "lived_experience")}


def pages_of(summary, labels=VOCABULARY) -> list[str]:
    reader = PdfReader(io.BytesIO(render_evaluation(summary, labels)))
    return [page.extract_text() for page in reader.pages]


def text_of(summary, labels=VOCABULARY) -> str:
    return "\n".join(pages_of(summary, labels))


def tokens(text: str) -> set[str]:
    return set(re.findall(r"\d[\d,]*(?:\.\d+)?", text))


@pytest.fixture(scope="module")
def sample_text():
    return text_of(SAMPLE)


@pytest.fixture(scope="module")
def report_2018():
    rows = f2018.referrals()
    return compute_evaluation(EvaluationParameters(as_of=f2018.AS_OF, hours_per_call=f2018.HOURS_PER_CALL),
                              rows, f2018.contact_tallies(rows), f2018.mentors(), CODES)


def test_the_samples_have_exactly_the_keys_of_the_spec():
    computed = compute_evaluation(EvaluationParameters(date(2020, 4, 1), date(2020, 6, 30), date(2020, 7, 31)),
                                  [], [], [], CODES)
    assert {k: v for k, v in EMPTY.items() if k != "parameters"} == \
           {k: v for k, v in computed.items() if k != "parameters"}
    assert set(EMPTY["parameters"]) == set(computed["parameters"])
    for group, fields in computed.items():
        assert set(SAMPLE[group]) == set(fields), group
        for key, value in fields.items():
            if (group, key) in SPARSE:
                kind = {"age": "gender", "lived_experience": "lived_experience",
                        "vulnerabilities": "vulnerability"}.get(key, "crime")
                assert set(SAMPLE[group][key]) <= set(CODES[kind]), key
            elif isinstance(value, dict):
                assert set(SAMPLE[group][key]) == set(value), key


def test_every_number_of_the_sample_is_in_the_pdf(sample_text):
    found = tokens(sample_text)
    missing = [n for n in numbers_in(SAMPLE) if number(n) not in found]
    assert missing == []


def test_figures_sit_next_to_their_labels(sample_text):
    flat = " ".join(sample_text.split())  # pypdf gives each table cell its own line
    for line in ["Cost saved £180,950", "Police staff hours saved 6,580.0", "Reduction 76.9%",
                 "Contacts logged 21,876", "Supported, % of referrals 53.4%", "2018-19 663 361",
                 "High impact user of emergency services 428 64.9%", "Referral to decision 9 31 1,193",
                 "Female 352 18 94 47.3", "Cost of a police staff hour £27.5", "Police staff hours per call 1.25",
                 "Longest engagement, months 26", "That client is still supported yes",
                 "Median days from closure to feedback 6"]:
        assert line in flat, line


def test_labels_not_codes(sample_text):
    assert "Accepted and supported" in sample_text and "Darlington" in sample_text
    for code in ("rejected_at_risk_assessment", "high_impact_user", "harassment_stalking", "other_organisation",
                 "declined_by_scheme", "within_1_month", "home_visit"):
        assert code not in sample_text


def test_cover_states_the_period_parameters_and_method(sample_text):
    cover = pages_of(SAMPLE)[0]
    assert "Referrals received from 1 April 2017 to 31 March 2019" in cover
    assert "30 June 2019" in cover
    flat = " ".join(cover.split())
    for phrase in ("Cohort: every referral whose date of referral falls in the period", "lower median",
                   "nearest-rank", "1.25 police staff hours per call", "£27.5 per hour", "As at 30 June 2019"):
        assert phrase in flat, phrase


def test_every_page_has_the_heading_and_page_x_of_y():
    pages = pages_of(SAMPLE)
    assert len(pages) > 3
    for n, page in enumerate(pages, start=1):
        assert f"Page {n} of {len(pages)}" in page
        assert "Community Peer Mentor scheme — County Durham and Darlington" in page
        assert "Evaluation summary" in page


def test_empty_cohort_prints_zeros_and_dashes():
    text = text_of(EMPTY)
    found = tokens(text)
    assert [n for n in numbers_in(EMPTY) if number(n) not in found] == []
    flat = " ".join(text.split())
    for line in ["Referral to decision — — 0", "Median days from closure to feedback —",
                 "Longest engagement, months —", "Mean age of those active or on sabbatical —",
                 "Referrals received (cohort) 0", "Cost saved £0 "]:
        assert line in flat, line
    assert "None recorded among supported clients." in text


def test_labels_can_be_a_callable_and_are_printed_literally():
    text = text_of(SAMPLE, lambda kind, code: f"<b>{code}</b> & {kind}")
    assert "<b>supported</b> & outcome" in text
    assert "<b>darlington</b> & area" in text


def test_unknown_codes_print_as_themselves():
    summary = {**SAMPLE, "referrals": {**SAMPLE["referrals"],
                                       "by_outcome": {**SAMPLE["referrals"]["by_outcome"], "retired_code": 3}}}
    assert "retired_code" in text_of(summary)


def test_every_number_of_the_2018_report_is_in_the_pdf(report_2018):
    found = tokens(text_of(report_2018))
    assert [n for n in numbers_in(report_2018) if number(n) not in found] == []


def test_2018_key_figures(report_2018):
    text = text_of(report_2018)
    assert "High impact user of emergency services" in text
    assert "£660,425" in text and "53.6%" in text and "30 June 2018" in text
    assert "All referrals on record" in text


def test_labels_in_any_script_do_not_break_the_report():
    text = text_of(SAMPLE, lambda kind, code: f"李雷 Ionuț Păun Ζωή {code}")
    assert "李雷 Ionuț Păun Ζωή supported" in text
