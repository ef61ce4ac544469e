"""Risk-assessment rules: which assessment of a case comes next, and what a check or a professional consulted
is when typed into the assessment form's rows.

The values here are what the Risk pane shows and the service stores; the service adds the store around them.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from cpm_desktop.domain.dates import DateProblem, parse_day


class RiskError(ValueError):
    """A risk entry refused, in one sentence for the person who typed it."""


class AssessmentKind(StrEnum):
    INITIAL = "initial"
    REASSESSMENT = "reassessment"

    @property
    def heading(self) -> str:
        """The heading of the form that records one."""
        return "Initial risk assessment" if self is AssessmentKind.INITIAL else "Reassessment"


def next_assessment_kind(earlier_count: int) -> AssessmentKind:
    """The first assessment of a case is the initial one; every one after it is a reassessment (each is kept)."""
    return AssessmentKind.INITIAL if earlier_count <= 0 else AssessmentKind.REASSESSMENT


def check_kind(kind: AssessmentKind | str | None, earlier_count: int) -> AssessmentKind:
    """The kind an assessment is stored as: the next one's, and a caller that names another is refused."""
    expected = next_assessment_kind(earlier_count)
    if kind is not None and kind != expected:
        raise RiskError("This case has no assessment yet: the first one is the initial assessment."
                        if expected is AssessmentKind.INITIAL else
                        "This case has been assessed already: the next assessment is a reassessment.")
    return expected


# --- the values ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Check:
    """A system or database checked for an assessment, and what it showed."""

    source: str
    checked_on: date | None = None
    findings: str = ""


@dataclass(frozen=True)
class Professional:
    """A professional consulted for an assessment, and what they advised."""

    name: str
    organisation: str = ""
    advice: str = ""
    consulted_on: date | None = None


@dataclass(frozen=True)
class Assessment:
    assessed_on: date
    kind: AssessmentKind | None = None  # None when saving: the next one's (next_assessment_kind)
    danger_to_staff: str | None = None
    will_to_change: bool | None = None
    want_to_change: bool | None = None
    capacity_to_change: bool | None = None
    notes: str = ""
    checks: tuple[Check, ...] = ()
    professionals: tuple[Professional, ...] = ()
    assessed_by: str = ""
    uuid: str = field(default="", compare=False)


# --- the form's rows, as typed ---------------------------------------------------------------------------

@dataclass(frozen=True)
class CheckRow:
    """One row of the checks table: the system checked, and the findings."""

    source: str = ""
    findings: str = ""


@dataclass(frozen=True)
class ProfessionalRow:
    """One row of the professionals table; the date as typed (empty: the assessment's date)."""

    name: str = ""
    organisation: str = ""
    advice: str = ""
    consulted_on: str = ""


def checks_made(rows: Iterable[CheckRow], checked_on: date) -> tuple[Check, ...]:
    """The checks in the rows: a row left empty is ignored, findings without the system checked are refused."""
    checks = []
    for number, row in enumerate(rows, 1):
        source, findings = row.source.strip(), row.findings.strip()
        if not source and not findings:
            continue
        if not source:
            raise RiskError(f"Check {number} has findings but no system or database checked: say which.")
        checks.append(Check(source, checked_on, findings))
    return tuple(checks)


def professionals_consulted(rows: Iterable[ProfessionalRow], consulted_on: date) -> tuple[Professional, ...]:
    """The professionals in the rows: a row left empty is ignored, one without a name is refused, and a date
    left empty is ``consulted_on`` (the assessment's)."""
    people = []
    for number, row in enumerate(rows, 1):
        name, organisation, advice = row.name.strip(), row.organisation.strip(), row.advice.strip()
        if not (name or organisation or advice or row.consulted_on.strip()):
            continue
        if not name:
            raise RiskError(f"Professional {number} has no name: give the name of the person consulted.")
        try:
            day = parse_day(row.consulted_on)
        except DateProblem as problem:
            raise RiskError(f"Professional {number}: {problem}") from problem
        people.append(Professional(name, organisation, advice, day or consulted_on))
    return tuple(people)


@dataclass(frozen=True)
class AssessmentForm:
    """An assessment as typed into the form, rows and all; ``assessment()`` says what it records."""

    assessed_on: date
    danger_to_staff: str | None = None
    will_to_change: bool | None = None
    want_to_change: bool | None = None
    capacity_to_change: bool | None = None
    notes: str = ""
    checks: tuple[CheckRow, ...] = ()
    professionals: tuple[ProfessionalRow, ...] = ()

    def assessment(self) -> Assessment:
        """The assessment to save (its kind left to the service); RiskError for a row that cannot be one."""
        return Assessment(
            self.assessed_on, None, self.danger_to_staff, self.will_to_change, self.want_to_change,
            self.capacity_to_change, self.notes, checks_made(self.checks, self.assessed_on),
            professionals_consulted(self.professionals, self.assessed_on))
