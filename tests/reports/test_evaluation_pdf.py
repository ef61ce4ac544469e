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
from cpm_desktop.reports.styles import money, number
from cpm_desktop.resources_path import base_vocabulary
from tests.domain import fixture_2018 as f2018
from tests.reports.sample_evaluation import EMPTY, SAMPLE, numbers_in

VOCABULARY = base_vocabulary()
CODES = {kind: VOCABULARY.codes(kind) for kind in KINDS}
# Maps that leave out codes with a count of 0 (or genders with no known age), per the spec.
SPARSE = {("supported", "age"), ("supported", "victim_crimes"), ("supported", "perpetrator_crimes"),
          ("supported", "vulnerabilities"), ("mentors", "lived_experience")}


def pages_of(summary, labels=VOCABULARY, **extras) -> list[str]:
    extras.setdefault("prepared_by", "A. Lead")
    reader = PdfReader(io.BytesIO(render_evaluation(summary, labels, **extras)))
    return [page.extract_text() for page in reader.pages]


def text_of(summary, labels=VOCABULARY, **extras) -> str:
    return "\n".join(pages_of(summary, labels, **extras))


def tokens(text: str) -> set[str]:
    return set(re.findall(r"\d[\d,]*(?:\.\d+)?", text))


def printed(value, found: set[str]) -> bool:
    """A figure is in the PDF as a number, or as pounds and pence (money: £25.00, not £25.0)."""
    return number(value) in found or money(value).lstrip("\u2212£") in found


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
    # A change prints its sign apart; pounds and pence print with two decimals (money).
    missing = [n for n in numbers_in(SAMPLE) if not printed(abs(n), found)]
    assert missing == []


def test_figures_sit_next_to_their_labels(sample_text):
    flat = " ".join(sample_text.split())  # pypdf gives each table cell its own line
    for line in ["Cost saved £180,950", "Police staff hours saved 6,580.0", "Reduction 76.9%",
                 "Contacts logged 21,876", "Supported, % of referrals 53.4%", "2018-19 663 361",
                 "High impact user of emergency services 428 64.9%", "Referral to decision 9 31 1,193",
                 "Female 352 18 94 47.3", "Cost of a police staff hour £27.50", "Police staff hours per call 1.25",
                 "Longest engagement, months 26", "That client is still supported yes",
                 "Median days from closure to feedback 6"]:
        assert line in flat, line


def test_labels_not_codes(sample_text):
    assert "Accepted and supported" in sample_text and "Darlington" in sample_text
    for code in ("rejected_at_risk_assessment", "high_impact_user", "harassment_stalking", "other_organisation",
                 "declined_by_scheme", "within_1_month", "home_visit"):
        assert code not in sample_text


def test_page_one_states_the_period_and_who_prepared_it_and_the_method_comes_last():
    pages = pages_of(SAMPLE)
    first = " ".join(pages[0].split())
    for phrase in ("Referrals received from 1 April 2017 to 31 March 2019", "Darlington · figures as at 30 June 2019",
                   "Community Peer Mentor scheme — County Durham and Darlington", "Prepared by A. Lead"):
        assert phrase in first, phrase
    assert "How these figures are made" not in first
    last = " ".join(pages[-1].split())
    for phrase in ("How these figures are made", "Cohort: every referral whose date of referral falls in the period",
                   "lower median", "nearest-rank", "1.25 police staff hours per call", "£27.50 per hour",
                   "As at 30 June 2019", "Cost of a police staff hour £27.50", "Police staff hours per call 1.25"):
        assert phrase in last, phrase


def test_every_page_has_the_heading_and_page_x_of_y():
    pages = pages_of(SAMPLE)
    assert len(pages) > 3
    for n, page in enumerate(pages, start=1):
        assert f"Page {n} of {len(pages)}" in page
        assert "Community Peer Mentor scheme — County Durham and Darlington" in page
        assert "Evaluation summary" in page


def test_a_period_with_no_referrals_says_so_in_one_sentence_and_prints_no_empty_tables():
    pages = pages_of(EMPTY)
    text = " ".join("\n".join(pages).split())
    assert "No referrals were received in this period, so there are no client figures to report" in text
    assert "There are no mentors on record." in text
    for table in ("Referrals received (cohort)", "Year on year", "By area", "Outcome of referrals", "Cost saved",
                  "Mentors by status", "Why mentors left"):
        assert table not in text, table
    assert "How these figures are made" in pages[-1] and len(pages) <= 3


def test_no_referrals_but_mentors_prints_the_mentors():
    summary = {**EMPTY, "mentors": SAMPLE["mentors"]}
    text = " ".join(text_of(summary).split())
    assert "No referrals were received in this period" in text
    assert "Trained 187" in text and "Referrals received (cohort)" not in text


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
    assert [n for n in numbers_in(report_2018) if not printed(n, found)] == []


def test_2018_key_figures(report_2018):
    text = text_of(report_2018)
    assert "High impact user of emergency services" in text
    assert "£660,425" in text and "53.6%" in text and "30 June 2018" in text
    assert "All referrals on record" in text


def test_the_2018_headline_reads_140_supported_81_percent_fewer_calls_and_660425(report_2018):
    first = " ".join(pages_of(report_2018)[0].split())
    for phrase in ("140 clients supported, 53.6% of referrals", "81.0% fewer calls to the police: 4,860 calls avoided "
                   "by 60 clients", "£660,425 saved: 26,417.0 police staff hours", "30 of 60 clients made no calls",
                   "261 referrals received, of 261 people", "62 mentors active on 30 June 2018"):
        assert phrase in first, phrase


@pytest.mark.parametrize("name", ["sample", "2018"])
def test_the_headline_page_prints_the_documents_headline_figures(name, report_2018):
    summary = SAMPLE if name == "sample" else report_2018
    first = " ".join(pages_of(summary)[0].split())
    h, p = summary["by_area"]["total"], summary["parameters"]
    # The headline is the document's own figures, which are those of the full tables too.
    assert (h["referrals"], h["supported"], h["supported_pct"]) == (
        summary["referrals"]["total"], summary["referrals"]["supported"], summary["referrals"]["supported_pct"])
    assert (h["reduction_pct"], h["cost_saved"], h["no_calls_after"]) == (
        summary["demand"]["reduction_pct"], summary["demand"]["cost_saved"], summary["demand"]["no_calls_after"])
    assert h["contacts"] == summary["contacts"]["total"] and h["referral_to_decision"] == \
        summary["waiting"]["referral_to_decision"]
    expected = [
        f"{number(h['referrals'])} referrals received, of {number(h['people'])} people",
        f"{number(h['supported'])} clients supported, {number(h['supported_pct'])}% of referrals",
        f"{number(h['contacts'])} contacts with supported clients: {number(h['support_hours'])} hours of support",
        f"{number(h['reduction_pct'])}% fewer calls to the police: {number(h['calls_avoided'])} calls avoided",
        f"£{number(h['cost_saved'])} saved: {number(h['hours_saved'])} police staff hours at "
        f"{money(p['cost_per_hour'])} an hour",
        f"{number(h['no_calls_after'])} of {number(h['demand_clients'])} clients made no calls",
        f"{number(h['referral_to_decision']['median'])} days median wait from referral to decision; 90% within "
        f"{number(h['referral_to_decision']['p90'])} days",
        f"{number(h['decision_to_allocation']['median'])} days median wait from decision to mentors; 90% within "
        f"{number(h['decision_to_allocation']['p90'])} days",
        f"{number(h['mentors_active'])} mentors active on", f"{number(h['mentors_trained'])} trained in the period",
    ]
    for phrase in expected:
        assert phrase in first, phrase


def test_the_leads_paragraph_is_printed_on_page_one_only_when_there_is_one():
    note = "Referrals rose after the <b>new</b> police & NHS pathway.\n\nThank you to every mentor."
    first = " ".join(pages_of(SAMPLE, note=note)[0].split())
    assert "Referrals rose after the <b>new</b> police & NHS pathway. Thank you to every mentor." in first
    assert pages_of(SAMPLE)[0].count("\n") < pages_of(SAMPLE, note=note)[0].count("\n")


def test_year_on_year_puts_each_figure_beside_the_previous_period_with_the_change():
    text = " ".join(text_of(SAMPLE).split())
    assert "1 April 2015 to 31 March 2017, as at 30 June 2017" in text
    for line in ["Referrals received 1,234 802 +432", "Supported, % of referrals 53.4% 47.0% +6.4 points",
                 "Cost saved £180,950 £112,646 +£68,304", "Median days, referral to decision 9 12 \u22123",
                 "Hours of support 14,224.6 8,417.2 +5,807.4", "Mentors trained in the period 31 27 +4"]:
        assert line in text, line


def test_the_quarterly_chart_and_the_areas(report_2018):
    quarters = [{"quarter": "2016-17 Q1", "referred": 34, "supported": 30},
                {"quarter": "2016-17 Q2", "referred": 0, "supported": 0}]
    text = " ".join(text_of(report_2018, quarters=quarters).split())
    assert "by financial quarter, every year on record" in text and "2016-17" in text
    assert "By area" in text and "Darlington 261 140 4,298 4,298.0 4,860 £660,425 62" in text
    assert "Whole scheme 261 140 4,298 4,298.0 4,860 £660,425 62" in text
    assert "no earlier period to compare" in text  # all time: nothing before it
    # A report for one area has no table of areas: its figures are the headline.
    assert "By area" not in text_of(SAMPLE)


def test_labels_in_any_script_do_not_break_the_report():
    text = text_of(SAMPLE, lambda kind, code: f"李雷 Ionuț Păun Ζωή {code}")
    assert "李雷 Ionuț Păun Ζωή supported" in text
