"""Folding for search: case and accents do not matter; other scripts are kept."""
from __future__ import annotations

import pytest

from cpm_desktop.domain.text import digits, fold, referral_search_text


@pytest.mark.parametrize("text,folded", [
    ("Ionuț Păun", "ionut paun"), ("Siobhán Ó Briain", "siobhan o briain"), ("ZOË  Ælfric", "zoe aelfric"),
    ("Łukasz Wójcik", "lukasz wojcik"), ("Straße", "strasse"), ("李雷", "李雷"), ("Дмитрий", "дмитрии"),
    ("", ""), (None, ""),
])
def test_fold(text, folded):
    assert fold(text) == folded


def test_digits_and_search_text():
    assert digits("07700 900-123") == "07700900123" and digits(None) == ""
    text = referral_search_text(first_name="Ionuț", last_name="Păun", person_id="P1", referral_id="R1",
                                crime_reference="DUR-1", postcode="DL1 9ZZ", phone="07700 900123")
    for needle in ("ionut", "paun", "dur-1", "dl19zz", "dl1 9zz", "07700900123", "r1", "p1"):
        assert needle in text


def test_plural_counts_in_words():
    from cpm_desktop.domain.text import plural

    assert [plural(n, "contact") for n in (0, 1, 2, 1234)] == [
        "0 contacts", "1 contact", "2 contacts", "1,234 contacts"]
    assert plural(1, "person", "people") == "1 person" and plural(3, "person", "people") == "3 people"
