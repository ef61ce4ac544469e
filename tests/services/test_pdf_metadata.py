"""No PDF carries personal data in its metadata (title, subject, author, keywords …), protected or not.

Metadata is shown by file managers, search indexes and mail previews without the file being opened, and a
password does not hide it from them; a letter's title is its kind, never the client it is about.
"""
from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from cpm_desktop.reports.evaluation import render_evaluation
from cpm_desktop.resources_path import base_vocabulary
from cpm_desktop.services import letters
from cpm_desktop.services.interchange import import_tables
from cpm_desktop.services.subject_access import subject_access_pdf
from tests.reports.sample_evaluation import SAMPLE
from tests.services.test_interchange import sample_tables

# R1 is Ionuț Păun (person P1), referred by Dr O'Neil of MIND; M1 is the mentor Zoë Ælfric.
PERSONAL = ("Ionuț", "Păun", "Paun", "P1", "R1", "Dr O'Neil", "Zoë", "Ælfric", "M1", "A. Lead")


def metadata_values(pdf: bytes, password: str | None = None) -> dict[str, str]:
    reader = PdfReader(io.BytesIO(pdf))
    if password:
        reader.decrypt(password)
    return {key: str(value) for key, value in (reader.metadata or {}).items()}


def assert_no_personal_data(pdf: bytes, password: str | None = None) -> None:
    values = metadata_values(pdf, password)
    assert values.get("/Title")  # a title is kept: the kind of document
    for key, value in values.items():
        for personal in PERSONAL:
            assert personal.casefold() not in value.casefold(), f"{personal!r} in the metadata's {key}: {value!r}"


@pytest.fixture
def loaded(store):
    import_tables(store, sample_tables())
    return store


@pytest.mark.parametrize("password", [None, "a long shared secret"])
def test_letters_keep_the_client_out_of_the_metadata(loaded, password):
    feedback = letters.feedback_letter_pdf(loaded, "R1", today=date(2018, 4, 10), password=password)
    assert_no_personal_data(feedback, password)
    assert metadata_values(feedback, password)["/Title"] == "Feedback on the support given"
    assert_no_personal_data(letters.acknowledgement_letter_pdf(loaded, "R1", password=password), password)


@pytest.mark.parametrize("password", [None, "a long shared secret"])
def test_subject_access_exports_keep_the_subject_out_of_the_metadata(loaded, password):
    assert_no_personal_data(subject_access_pdf(loaded, person_id="P1", password=password), password)
    assert_no_personal_data(subject_access_pdf(loaded, mentor_id="M1", password=password), password)


def test_the_evaluation_keeps_who_prepared_it_out_of_the_metadata():
    pdf = render_evaluation(SAMPLE, base_vocabulary(), prepared_by="A. Lead")
    assert_no_personal_data(pdf)
    assert metadata_values(pdf)["/Author"] == "Community Peer Mentor scheme — County Durham and Darlington"
