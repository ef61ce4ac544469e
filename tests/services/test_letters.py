"""Letters to referrers: feedback with the kind and amount of support, acknowledgement with the expected wait."""
from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from cpm_desktop.services import letters, referrals
from cpm_desktop.services.interchange import import_tables
from tests.services.test_interchange import sample_tables


def text_of(pdf: bytes) -> str:
    return " ".join("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.fixture
def loaded(store):
    import_tables(store, sample_tables())
    return store


def test_feedback_letter_shares_amounts_not_notes_and_records_sending(loaded):
    text = text_of(letters.feedback_letter_pdf(loaded, "R1", today=date(2018, 4, 10)))
    assert "Feedback on the support given: Ionuț Păun (referral R1)" in text
    assert "Dr O'Neil" in text and "MIND" in text
    assert "Support began on 25 April 2017 and ended on 1 April 2018" in text
    assert "Home visit 11" in text and "Telephone contact 1" in text
    assert "Feel safe <at home>" in text  # the achieved goal, printed literally
    assert "Visited" not in text and "All well" not in text  # contact notes stay private
    assert referrals.load_referral(loaded, referrals.list_referrals(loaded, search="R1")[0].uuid) is not None
    r1 = next(r for r in referrals.list_referrals(loaded) if r.referral_id == "R1")
    from cpm_desktop.storage import models as m

    with loaded.transaction() as session:
        assert session.get(m.Referral, r1.uuid).feedback_sent_on == date(2018, 4, 10)


def test_edited_wording_replaces_the_standard_text(loaded):
    text = text_of(letters.feedback_letter_pdf(loaded, "R1", paragraphs=["Our own words <b>here</b> & there."],
                                               mark_sent=False))
    assert "Our own words <b>here</b> & there." in text and "Thank you for referring" not in text


def test_progress_update_for_an_open_case_without_contact_yet_does_not_record_feedback(loaded):
    text = text_of(letters.feedback_letter_pdf(loaded, "R4"))
    assert "Progress update on your referral" in text and "not yet been in contact" in text
    assert "Support began" not in text and "Support given" not in text
    r4 = next(r for r in referrals.list_referrals(loaded) if r.referral_id == "R4")
    from cpm_desktop.storage import models as m

    with loaded.transaction() as session:
        assert session.get(m.Referral, r4.uuid).feedback_sent_on is None


def _letter_for(store, outcome: str) -> tuple[str, str]:
    """The feedback letter's words and its description after a decision of ``outcome`` on the pending R2."""
    from cpm_desktop.services import cases

    r2 = next(r.uuid for r in referrals.list_referrals(store) if r.referral_id == "R2")
    if outcome != "pending":
        cases.record_decision(store, r2, outcome, "Recorded for the test", date(2019, 1, 20), today=date(2019, 2, 1))
    letter = letters.feedback_letter(store, "R2", today=date(2019, 2, 1))
    return text_of(letters.letter_pdf(letter)), letter.describes


@pytest.mark.parametrize(("outcome", "says", "described"), [
    ("rejected_at_risk_assessment", "After our risk assessment we decided on 20 January 2019 that the scheme could "
                                    "not offer", "could not offer peer mentoring after the risk assessment"),
    ("declined_by_client", "decided not to take it up", "the client decided not to take up peer mentoring"),
    ("referred_on", "we referred", "referred on to more suitable support"),
    ("external_request", "At the request of another organisation", "at another organisation's request"),
    ("declined_after_engagement", "After meeting", "after meeting the client"),
    ("pending", "We have not yet decided", "no decision yet"),
])
def test_each_outcome_gets_words_that_fit_it(loaded, outcome, says, described):
    text, describes = _letter_for(loaded, outcome)
    assert says in text and described in describes
    for wrong in ("Support began", "on not yet", "in contact 0", "0 times", "Support given", "Kind of support"):
        assert wrong not in text, wrong


def test_one_contact_is_one_time_not_one_times(loaded):
    from datetime import datetime

    from cpm_desktop.services import contacts

    r4 = next(r.uuid for r in referrals.list_referrals(loaded) if r.referral_id == "R4")
    contacts.add_contact(loaded, r4, occurred_at=datetime(2018, 7, 20, 10, 0), activity="telephone", minutes=60)
    text = text_of(letters.letter_pdf(letters.feedback_letter(loaded, "R4", today=date(2018, 8, 1))))
    assert "have been in contact 1 time, 1 hour of support" in text and "is continuing" in text
    assert "Support given" in text


def test_acknowledgement_gives_the_expected_wait(loaded):
    letter = letters.acknowledgement_letter(loaded, "R2", today=date(2018, 8, 1))
    text = text_of(letters.letter_pdf(letter))
    assert "What happens next" in text and "R2" in text
    assert "a decision took" in text  # R3 and R4 were decided in the 12 months before


def test_unknown_referral_is_a_clear_sentence(loaded):
    with pytest.raises(LookupError, match="There is no referral with the id R404"):
        letters.feedback_letter_pdf(loaded, "R404")
