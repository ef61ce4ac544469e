"""The risk rules: which assessment comes next, and what the assessment form's typed rows record."""
from __future__ import annotations

from datetime import date

import pytest

from cpm_desktop.domain.risk import (
    AssessmentForm,
    AssessmentKind,
    Check,
    CheckRow,
    Professional,
    ProfessionalRow,
    RiskError,
    check_kind,
    checks_made,
    next_assessment_kind,
    professionals_consulted,
)

ON = date(2026, 11, 3)


def test_the_first_assessment_is_the_initial_one_and_every_later_one_a_reassessment():
    assert next_assessment_kind(0) is AssessmentKind.INITIAL
    assert [next_assessment_kind(n) for n in (1, 2, 7)] == [AssessmentKind.REASSESSMENT] * 3
    assert AssessmentKind.INITIAL.heading == "Initial risk assessment"
    assert AssessmentKind.REASSESSMENT.heading == "Reassessment"


def test_a_kind_named_by_the_caller_must_be_the_next_one():
    assert check_kind(None, 0) is AssessmentKind.INITIAL
    assert check_kind("reassessment", 2) is AssessmentKind.REASSESSMENT
    with pytest.raises(RiskError, match="^This case has been assessed already: the next assessment is a "
                                        "reassessment.$"):
        check_kind(AssessmentKind.INITIAL, 1)
    with pytest.raises(RiskError, match="no assessment yet"):
        check_kind("reassessment", 0)


def test_rows_left_empty_are_ignored_and_the_rest_trimmed_and_dated():
    rows = [CheckRow("  Police national computer ", "Two call-outs\n"), CheckRow(), CheckRow("  ", " "),
            CheckRow("Adult social care", "")]
    assert checks_made(rows, ON) == (Check("Police national computer", ON, "Two call-outs"),
                                     Check("Adult social care", ON, ""))


def test_findings_without_the_system_checked_are_refused_in_one_sentence():
    with pytest.raises(RiskError) as refused:
        checks_made([CheckRow("Police", "None"), CheckRow("", "Known to the mental health team")], ON)
    assert str(refused.value) == "Check 2 has findings but no system or database checked: say which."


def test_professionals_take_the_assessments_date_unless_one_is_typed():
    rows = [ProfessionalRow("PC O'Neil", "Durham Constabulary", "Joint first visit", ""), ProfessionalRow(),
            ProfessionalRow(" Dr Ōtsuka ", "", "", "01/11/2026")]
    assert professionals_consulted(rows, ON) == (
        Professional("PC O'Neil", "Durham Constabulary", "Joint first visit", ON),
        Professional("Dr Ōtsuka", "", "", date(2026, 11, 1)))


@pytest.mark.parametrize(("row", "sentence"), [
    (ProfessionalRow("", "Durham Constabulary", "Visit in pairs"),
     "Professional 1 has no name: give the name of the person consulted."),
    (ProfessionalRow("", "", "", "02/11/2026"), "Professional 1 has no name: give the name of the person consulted."),
    (ProfessionalRow("PC Amble", "", "", "31/02/2026"),
     "Professional 1: “31/02/2026” is not a date: February 2026 has 28 days."),
])
def test_a_professional_row_that_cannot_be_one_is_refused(row, sentence):
    with pytest.raises(RiskError) as refused:
        professionals_consulted([row], ON)
    assert str(refused.value) == sentence


def test_the_form_records_an_assessment_whose_kind_the_service_decides():
    form = AssessmentForm(ON, "low", True, None, False, "Lives <alone> & anxious",
                          (CheckRow("PNC", "Nothing known"), CheckRow()),
                          (ProfessionalRow("Ms Ng", "Victim Care", "Call first"),))
    assessment = form.assessment()
    assert assessment.kind is None and assessment.notes == "Lives <alone> & anxious"
    assert assessment.checks == (Check("PNC", ON, "Nothing known"),)
    assert assessment.professionals == (Professional("Ms Ng", "Victim Care", "Call first", ON),)
