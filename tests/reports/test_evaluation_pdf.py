"""The evaluation PDF prints every number of the JSON document, and survives an empty cohort."""
from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from cpm_desktop.domain.evaluation import EvaluationParameters, compute_evaluation
from cpm_desktop.domain.vocabulary import KINDS
from cpm_desktop.reports.evaluation import render_evaluation
from cpm_desktop.reports.styles import number
from cpm_desktop.resources import base_vocabulary
from tests.domain import fixture_2018 as f2018

VOCABULARY = base_vocabulary()
CODES = {kind: VOCABULARY.codes(kind) for kind in KINDS}


def numbers_in(value) -> list:
    if isinstance(value, dict):
        return [n for v in value.values() for n in numbers_in(v)]
    if isinstance(value, list):
        return [n for v in value for n in numbers_in(v)]
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return []
    return [value]


def pdf_text(summary) -> str:
    reader = PdfReader(io.BytesIO(render_evaluation(summary, VOCABULARY)))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture(scope="module")
def report_2018():
    rows = f2018.referrals()
    return compute_evaluation(EvaluationParameters(as_of=f2018.AS_OF, hours_per_call=f2018.HOURS_PER_CALL),
                              rows, f2018.contact_tallies(rows), f2018.mentors(), CODES)


def test_every_number_of_the_json_is_in_the_pdf(report_2018):
    text = pdf_text(report_2018)
    tokens = set(re.findall(r"[\d,]+(?:\.\d)?", text))
    body = {k: v for k, v in report_2018.items() if k != "parameters"}
    missing = [n for n in numbers_in(body) if number(n) not in tokens]
    assert missing == []


def test_labels_not_codes_and_key_figures(report_2018):
    text = pdf_text(report_2018)
    assert "Accepted and supported" in text and "High impact user of emergency services" in text
    assert "rejected_at_risk_assessment" not in text
    assert "£660,425" in text and "53.6%" in text and "30 June 2018" in text


def test_empty_cohort_renders_with_dashes():
    empty = compute_evaluation(EvaluationParameters(as_of=f2018.AS_OF), [], [], [], CODES)
    text = pdf_text(empty)
    assert "All referrals on record" in text and "—" in text and "Page 1 of" in text
