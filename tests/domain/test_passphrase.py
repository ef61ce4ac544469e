"""The passphrase rules: the form a passphrase is used in, and the ones that can never key a store."""
from __future__ import annotations

import unicodedata

import pytest

from cpm_desktop.domain.passphrase import forms_to_try, normalised, problem, refusal

DECOMPOSED = unicodedata.normalize("NFD", "Crème brûlée à Noël, señor")  # as some keyboards send it


def test_the_same_words_give_the_same_key_whatever_the_keyboard_sent():
    composed = unicodedata.normalize("NFC", DECOMPOSED)
    assert DECOMPOSED != composed
    assert normalised(DECOMPOSED) == normalised(composed) == composed


def test_opening_tries_nfc_first_then_the_form_typed():
    assert forms_to_try(DECOMPOSED) == [normalised(DECOMPOSED), DECOMPOSED]
    assert forms_to_try("plain ascii words") == ["plain ascii words"]


@pytest.mark.parametrize("blank", ["", " ", " " * 12, "\t \u00a0\u2003 \n"])
def test_a_blank_passphrase_is_refused(blank):
    assert refusal(blank) is not None
    assert problem(blank) == refusal(blank)


@pytest.mark.parametrize("raw", [
    "x'" + "0123456789abcdef" * 4 + "'",
    "X'" + "0123456789ABCDEF" * 4 + "'",
    "x'" + "ab" * 48 + "'",          # key and salt
    "x'" + "ab" * 32 + "Z",          # SQLCipher does not look at the closing quote
])
def test_a_raw_key_is_refused_without_being_repeated(raw):
    said = refusal(raw)
    assert said is not None and "raw key" in said and raw not in said


@pytest.mark.parametrize("fine", ["correct horse battery staple", "x'marks the spot, twice over'",
                                  "  leading and trailing spaces are kept  "])
def test_ordinary_passphrases_pass(fine):
    assert refusal(fine) is None and problem(fine) is None
