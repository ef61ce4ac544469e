"""Redacting a name: the other forms it takes (e-mail local parts, initials), whole words, possessives, any case."""
from __future__ import annotations

import pytest

from cpm_desktop.domain.subject_access import REDACTED, Redaction, name_forms, redact

NOTE = ("Spoke to PC Testfield (pc.testfield@example.org, cc P.Testfield@durham.police.uk); Testfield's report "
        "and TESTFIELD's call. Ptestfield@example.org wrote too. Not PC Testfielder, nor protestfield.")


def redacted(text: str, name: str) -> str:
    return redact(text, [Redaction(form, "third party") for form in [name, *name_forms(name)]])[0]


def test_the_forms_of_a_police_officers_name_go_with_it():
    out = redacted(NOTE, "PC Testfield")
    assert "testfield" not in out.replace("Testfielder", "").replace("protestfield", "").lower()
    assert "example.org" not in out and "durham.police.uk" not in out  # the whole address goes
    assert "'s" not in out  # so does the possessive
    assert "PC Testfielder" in out and "protestfield" in out  # other words are left alone
    assert out.startswith(f"Spoke to {REDACTED} ({REDACTED}, cc {REDACTED}); {REDACTED} report and {REDACTED} call.")


@pytest.mark.parametrize(("name", "expected", "absent"), [
    ("PC Testfield", {"Testfield", "pc.testfield", "p.testfield", "pctestfield", "ptestfield"}, {"PC"}),
    ("Jane Smith", {"Smith", "J. Smith", "J Smith", "J.S.", "JS", "jane.smith", "j.smith", "janesmith", "jsmith",
                    "smith.jane"}, {"Jane"}),
    ("Dr Jane Smith", {"Jane Smith", "Smith", "jane.smith", "j.smith"}, {"dr.smith", "Dr"}),
    ("Siobhán Ó Briain", {"Ó Briain", "siobhan.briain", "s.briain"}, set()),
    ("Mr O'Neil", {"O'Neil"}, {"mr.oneil"}),
])
def test_forms_of_a_name(name, expected, absent):
    forms = name_forms(name)
    assert expected <= set(forms)
    assert not absent & set(forms)
    assert name not in forms and len(forms) == len({f.casefold() for f in forms})


@pytest.mark.parametrize("passage", ["the man next door hit me", "Ann", "07700 900123", "李雷", "",
                                     "a very long passage that is certainly not anybody's name at all"])
def test_a_passage_that_is_not_a_full_name_has_no_other_forms(passage):
    assert name_forms(passage) == []


def test_redaction_takes_whole_words_in_any_case_but_any_run_of_chinese():
    text, applied = redact("Ann met ANNE and Ann's sister; 李雷说", [Redaction("ann", "x"), Redaction("李雷", "y")])
    assert text == f"{REDACTED} met ANNE and {REDACTED} sister; {REDACTED}说" and len(applied) == 2
