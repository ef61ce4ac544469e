"""Importing interchange files: check everything first, then write it all in one transaction.

Rows are checked in memory against the ids of the import and of the store; only when no problem is
found are they written, with bulk inserts (the ORM's audit hook does not see Core inserts, so stamps
are set here and one audit event per file records the import). Every row reaches the store through
``_Batch.insert``: the one place to hook anything that must see each row written (sync's change log).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table as SqlTable
from sqlalchemy import insert, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from cpm_desktop.domain.contacts import COMMITMENT_RANGE, MAX_MINUTES
from cpm_desktop.domain.dates import age_on
from cpm_desktop.domain.text import referral_search_text
from cpm_desktop.domain.vocabulary import KINDS, Vocabulary
from cpm_desktop.services.interchange.columns import FILE_ORDER, INTERCHANGE_COLUMNS, filename
from cpm_desktop.services.interchange.coverage import MODEL_OF
from cpm_desktop.services.interchange.reading import (
    ImportCancelled,
    ImportFailed,
    ImportProblem,
    Problems,
    RowReader,
    Table,
    check_header,
    read_folder,
)
from cpm_desktop.services.risk import DANGER_LEVELS, VISIT_STATUSES
from cpm_desktop.services.vocabulary import vocabulary_for
from cpm_desktop.storage import audit
from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import Store
from cpm_desktop.storage.ids import forget_counters
from cpm_desktop.sync.engine import adopt_unstamped

Progress = Callable[[int, int, str], object]
Values = dict[str, Any]
CHUNK = 5_000
MAX_COUNT = 1_000_000  # calls to the police, days paused: far above any real figure, far below an overflow
EVENT_KINDS = ("decision", "closed", "reopened")
ASSESSMENT_KINDS = ("initial", "reassessment")
SUBJECT_KINDS = ("person", "mentor")
VOCABULARY_CODE = re.compile(r"[a-z][a-z0-9_]{1,58}\Z")  # as services.vocabulary.add_entry accepts
# Said when an id is already in the store: an import adds records, it does not merge another laptop's.
ALREADY_IN_STORE = ("an id not already in the store (this store holds that record already; an import only adds "
                    "new records — to share records between laptops, use sync: cpm-desktop sync)")


@dataclass
class ImportSummary:
    rows: dict[str, int] = field(default_factory=dict)

    def __str__(self) -> str:
        parts = [f"{n:,} {stem.replace('_', ' ')}" for stem, n in self.rows.items() if n]
        return ", ".join(parts) if parts else "nothing (no rows in any interchange file)"


def import_folder(store: Store, folder: Path, *, ignore_unknown_columns: bool = False,
                  progress: Progress | None = None) -> ImportSummary:
    """Import every interchange file in ``folder``; all or nothing (raises ImportFailed listing every problem,
    those of files that could not be read among them)."""
    read = read_folder(Path(folder))
    return _import(store, read.tables, read.problems, read.unreadable, ignore_unknown_columns, progress)


def import_tables(store: Store, tables: Mapping[str, Table | list[dict[str, str]]], *,
                  ignore_unknown_columns: bool = False, progress: Progress | None = None) -> ImportSummary:
    """Import tables already read (or generated, as the demo does); all or nothing."""
    as_tables = {stem: _as_table(stem, table) for stem, table in tables.items()}
    return _import(store, as_tables, [], set(), ignore_unknown_columns, progress)


def _import(store: Store, tables: dict[str, Table], problems: list[ImportProblem], unreadable: set[str],
            ignore_unknown_columns: bool, progress: Progress | None) -> ImportSummary:
    with store.transaction() as session:
        batch = _Batch(session, tables, unreadable, progress)
        batch.problems.extend(problems)
        batch.check(ignore_unknown_columns)
        if len(batch.problems):
            raise ImportFailed(batch.problems)
        summary = batch.write()
        forget_counters(session)  # imported ids count: the next id made here follows the largest
        adopt_unstamped(session)  # in a member store, what was imported reaches the other laptops
        return summary


def _pairs(rows: Iterable[Any]) -> dict[str, str]:
    return {key: value for key, value in rows}


def _as_table(stem: str, table: Table | list[dict[str, str]]) -> Table:
    if isinstance(table, Table):
        return table
    header = list(table[0]) if table else list(INTERCHANGE_COLUMNS[stem])
    return Table(stem, header, list(table), list(range(2, len(table) + 2)))


class _Batch:
    """One import: the ids already known, the rows checked, and what will be inserted."""

    def __init__(self, session: Session, tables: dict[str, Table], unreadable: set[str],
                 progress: Progress | None):
        self.session = session
        self.tables = dict(tables)
        self.unreadable = set(unreadable)
        self.vocabulary: Vocabulary = vocabulary_for(session)
        self.progress = progress
        self.total = 2 * sum(len(t.rows) for t in tables.values())
        self.done = 0
        self.today = date.today()
        self.now = audit.utcnow()
        self.written = 0  # rows stamped so far: each is a microsecond later, keeping the files' order
        self.actor = audit.actor_of(session)
        self.problems = Problems()
        self.inserts: dict[type[m.Base], list[Values]] = {}
        # interchange id → uuid, for ids in the store and in this import
        self.people: dict[str, tuple[str, tuple[Any, ...]]] = {
            row.person_id: (row.id, (row.first_name, row.last_name, row.date_of_birth, row.gender))
            for row in session.execute(select(m.Person.person_id, m.Person.id, m.Person.first_name,
                                              m.Person.last_name, m.Person.date_of_birth, m.Person.gender))
        }
        self.referrals: dict[str, str] = _pairs(session.execute(select(m.Referral.referral_id, m.Referral.id)))
        self.mentors: dict[str, str] = _pairs(session.execute(select(m.Mentor.mentor_id, m.Mentor.id)))
        self.organisations = {name.casefold(): uuid for name, uuid in
                              session.execute(select(m.Organisation.name, m.Organisation.id))}
        self.contacts = self._present(m.Contact.contact_id, m.Contact.id,
                                      self._cells(("contacts", "contact_id"), ("contact_revisions", "contact_id")))
        self.goals = self._present(m.Goal.goal_id, m.Goal.id,
                                   self._cells(("goals", "goal_id"), ("goal_reviews", "goal_id")))
        self.assessments = self._present(
            m.RiskAssessment.id, m.RiskAssessment.id,
            self._cells(("risk_assessments", "uuid"), ("risk_checks", "assessment_uuid"),
                        ("professionals_consulted", "assessment_uuid")))
        self.uuids_in_store: dict[str, Collection[str]] = {}
        for stem in FILE_ORDER:
            model = MODEL_OF[stem]
            if stem in tables and "uuid" in INTERCHANGE_COLUMNS[stem] and issubclass(model, m.Record):
                self.uuids_in_store[stem] = self._present(model.id, model.id, self._cells((stem, "uuid")))
        self.existing_allocations: set[tuple[str, str, date]] = {
            (referral, mentor, on) for referral, mentor, on in session.execute(
                select(m.Allocation.referral_uuid, m.Allocation.mentor_uuid, m.Allocation.allocated_on))}
        self.person_uuids: dict[str, str] | None = None  # person_id → uuid, for subject-access requests
        self.latest_checks: dict[str, date] = {}  # mentor uuid → latest progress check of progress_checks.csv
        self.claimed_checks: list[tuple[RowReader, str, date | None]] = []

    def _cells(self, *sources: tuple[str, str]) -> list[str]:
        return [row.get(column, "").strip() for stem, column in sources if stem in self.tables
                for row in self.tables[stem].rows]

    def _present(self, id_column: InstrumentedAttribute[str], uuid_column: InstrumentedAttribute[str],
                 wanted: list[str]) -> dict[str, str]:
        """Which of the import's ids are already in the store, with their uuids (looked up in chunks)."""
        found: dict[str, str] = {}
        unique = sorted(set(wanted))
        for start in range(0, len(unique), 900):
            found.update(_pairs(self.session.execute(select(id_column, uuid_column)
                                                     .where(id_column.in_(unique[start:start + 900])))))
        return found

    # --- checking -------------------------------------------------------------------------------

    def check(self, ignore_unknown_columns: bool) -> None:
        for stem, table in list(self.tables.items()):
            before = len(self.problems)
            self.problems.extend(check_header(table, ignore_unknown_columns))
            if len(self.problems) > before:  # its rows are not checked: each would repeat the header's problem
                del self.tables[stem]
                self.unreadable.add(stem)
        checks: dict[str, Callable[[RowReader, dict[str, int]], None]] = {
            "vocabulary": self._vocabulary_entry, "mentors": self._mentor,
            "mentor_status_changes": self._status_change, "progress_checks": self._progress_check,
            "referrals": self._referral, "referral_events": self._referral_event,
            "risk_assessments": self._assessment, "risk_checks": self._risk_check,
            "professionals_consulted": self._professional, "risk_flags": self._flag, "home_visits": self._visit,
            "allocations": self._allocation, "contacts": self._contact, "contact_revisions": self._revision,
            "goals": self._goal, "goal_reviews": self._goal_review, "subject_access_requests": self._request,
        }
        for stem in FILE_ORDER:
            found = self.tables.get(stem)
            if found is None:
                continue
            table = found
            seen: dict[str, int] = {}
            for index in range(len(table.rows)):
                checks[stem](RowReader(table, index, self.problems, self.today), seen)
                self._tick(f"Checking {table.file}")
            if stem == "vocabulary":  # the other files may use the codes it adds
                self.vocabulary = self.vocabulary.with_additions(
                    (v["kind"], v["code"], v["label"]) for v in self.inserts.get(m.VocabularyEntry, []))
        for row, mentor_uuid, claimed in self.claimed_checks:
            latest = self.latest_checks.get(mentor_uuid)
            if claimed != latest:
                row.problem("last_progress_check_on", claimed.isoformat() if claimed else "",
                            f"{latest.isoformat() if latest else 'empty'}, the latest check of this mentor "
                            "in progress_checks.csv")

    def _tick(self, message: str) -> None:
        self.done += 1
        if self.progress and (self.done % 2000 == 0 or self.done == self.total):
            if self.progress(self.done, self.total, message) is False:
                raise ImportCancelled()

    def _unique(self, row: RowReader, column: str, seen: dict[str, int], in_store: Collection[str]) -> str | None:
        value = row.uuid(column) if column == "uuid" else row.text(column, required=True)
        if value is None:
            return None
        if value in seen:
            row.problem(column, value, f"a unique id (line {seen[value]} has it too)")
            return None
        seen[value] = row.line
        if value in in_store:
            row.problem(column, value, ALREADY_IN_STORE)
            return None
        return value

    def _reference(self, row: RowReader, column: str, known: Mapping[str, str], stem: str,
                   required: bool = True, what: str | None = None) -> str | None:
        """The uuid of the record ``column`` names, from the file ``stem`` of this import or from the store."""
        value = row.text(column, required=required)
        if value is None:
            return None
        if value not in known:
            if stem not in self.unreadable:  # else the file it names could not be read, and is reported
                what = what or stem.removesuffix("s").replace("_", " ")
                row.problem(column, value, f"the id of a {what} in this import or already in the store")
            return None
        return known[value]

    def _add(self, model: type[m.Base], values: Values) -> str:
        if issubclass(model, m.Record):
            values.setdefault("id", m.new_uuid())
            stamp = self.now + timedelta(microseconds=self.written)
            self.written += 1
            values.update(created_at=stamp, updated_at=stamp, updated_by=self.actor, deleted_at=None,
                          deleted_reason=None)
        self.inserts.setdefault(model, []).append(values)
        return str(values.get("id", ""))

    def _add_complete(self, model: type[m.Base], values: Values, *required: str) -> str | None:
        """Add the row unless a required value is missing (a problem has been reported for it)."""
        if any(values.get(name) is None for name in required):
            return None
        return self._add(model, values)

    def _vocabulary_entry(self, row: RowReader, seen: dict[str, int]) -> None:
        kind = row.code("kind", KINDS, required=True)
        code, label = row.text("code", required=True), row.text("label", required=True)
        if kind is None or code is None or label is None:
            return
        key = f"{kind}:{code}"
        if key in seen:
            row.problem("code", code, f"a code not already listed (line {seen[key]} has it too)")
            return
        seen[key] = row.line
        if self.vocabulary.is_code(kind, code):
            known = self.vocabulary.lists[kind][code]
            if known != label:
                row.problem("label", label, f'"{known}", its label in this store (codes are never relabelled)')
            return  # already in the list as it is: nothing to add
        if not VOCABULARY_CODE.match(code):
            row.problem("code", code, "2 to 59 lower-case letters, digits or underscores, starting with a letter")
            return
        self._add(m.VocabularyEntry, dict(kind=kind, code=code, label=label, added_at=self.now, added_by=self.actor))

    def _mentor(self, row: RowReader, seen: dict[str, int]) -> None:
        v = self.vocabulary
        mentor_id = self._unique(row, "mentor_id", seen, self.mentors)
        status = row.code("status", v.codes("mentor_status"), required=True)
        left_on = row.date("left_on")
        left_reason = row.code("left_reason", v.codes("left_reason"))
        if status and status != "left":
            for column, value in (("left_on", left_on), ("left_reason", left_reason)):
                if value:
                    row.problem(column, str(value), "no value unless status is left")
        training = row.date("training_completed_on")
        capacity = row.integer("capacity", 1, 10)
        values: Values = dict(
            mentor_id=mentor_id, first_name=row.text("first_name", True), last_name=row.text("last_name", True),
            gender=row.code("gender", v.codes("gender")), date_of_birth=row.date("date_of_birth", birth=True),
            phone=row.text("phone"), email=row.text("email"), area=row.code("area", v.codes("area")),
            other_areas=row.codes("other_areas", v.codes("area")),
            cohort=row.text("cohort"), training_completed_on=training,
            dbs_checked_on=row.date("dbs_checked_on"),
            safeguarding_completed_on=row.date("safeguarding_completed_on"),
            status=status, status_reason=row.text("status_reason"), left_on=left_on, left_reason=left_reason,
            lived_experience=row.codes("lived_experience", v.codes("lived_experience")),
            former_client=row.boolean("former_client"), capacity=2 if capacity is None else capacity,
            availability=row.text("availability"),
        )
        last_check = row.date("last_progress_check_on")
        if mentor_id is None:
            return  # any other problem still registers the id below, so references to it resolve
        mentor_uuid = self._add(m.Mentor, values)
        self.mentors[mentor_id] = mentor_uuid
        if "mentor_status_changes" not in self.tables:
            self._add(m.MentorStatusChange, dict(
                mentor_uuid=mentor_uuid, status=status or "in_training",
                changed_on=left_on or training or self.now.date(), reason=values["status_reason"] or "imported"))
        if "progress_checks" in self.tables:
            self.claimed_checks.append((row, mentor_uuid, last_check))
        elif last_check:
            self._add(m.ProgressCheck, dict(mentor_uuid=mentor_uuid, checked_on=last_check, checked_by=None,
                                            notes=None))

    def _status_change(self, row: RowReader, seen: dict[str, int]) -> None:
        values: Values = dict(id=self._unique(row, "uuid", seen, self.uuids_in_store["mentor_status_changes"]),
                      mentor_uuid=self._reference(row, "mentor_id", self.mentors, "mentors"),
                      changed_on=row.date("changed_on", required=True),
                      status=row.code("status", self.vocabulary.codes("mentor_status"), required=True),
                      reason=row.text("reason"))
        self._add_complete(m.MentorStatusChange, values, "id", "mentor_uuid", "changed_on", "status")

    def _progress_check(self, row: RowReader, seen: dict[str, int]) -> None:
        values: Values = dict(id=self._unique(row, "uuid", seen, self.uuids_in_store["progress_checks"]),
                      mentor_uuid=self._reference(row, "mentor_id", self.mentors, "mentors"),
                      checked_on=row.date("checked_on", required=True), checked_by=row.text("checked_by"),
                      notes=row.text("notes"))
        if self._add_complete(m.ProgressCheck, values, "id", "mentor_uuid", "checked_on"):
            mentor, checked_on = values["mentor_uuid"], values["checked_on"]
            self.latest_checks[mentor] = max(checked_on, self.latest_checks.get(mentor, checked_on))

    def _referral(self, row: RowReader, seen: dict[str, int]) -> None:
        v = self.vocabulary
        referral_id = self._unique(row, "referral_id", seen, self.referrals)
        person_id = row.text("person_id", required=True)
        referred_on = row.date("referred_on", required=True)
        first_name, last_name = row.text("first_name", True), row.text("last_name", True)
        dob = row.date("date_of_birth", birth=True)
        gender = row.code("gender", v.codes("gender"))
        age = row.integer("age_at_referral", 0, 130)
        if dob and referred_on:
            if dob > referred_on:
                row.problem("date_of_birth", row.row.get("date_of_birth"), "a date before referred_on")
            else:
                derived = age_on(dob, referred_on)
                if age is not None and age != derived:
                    row.problem("age_at_referral", str(age),
                                f"{derived}, the age on referred_on given date_of_birth (or leave it empty)")
                age = derived
        victim, perpetrator = row.boolean("victim"), row.boolean("perpetrator")
        victim_crimes = row.codes("victim_crimes", v.codes("crime"))
        perpetrator_crimes = row.codes("perpetrator_crimes", v.codes("crime"))
        if victim_crimes and not victim:
            row.problem("victim", row.row.get("victim", ""), "yes when victim_crimes are listed")
        if perpetrator_crimes and not perpetrator:
            row.problem("perpetrator", row.row.get("perpetrator", ""), "yes when perpetrator_crimes are listed")
        outcome = row.code("outcome", v.codes("outcome"), required=True)
        decided_on = row.date("decided_on")
        if outcome == "pending" and decided_on:
            row.problem("decided_on", row.row.get("decided_on"), "no date while the outcome is pending")
        dates = {c: row.date(c) for c in ("first_contact_on", "closed_on", "feedback_sent_on", "consent_on")}
        if referred_on:
            for column, value in (("decided_on", decided_on), ("first_contact_on", dates["first_contact_on"]),
                                  ("closed_on", dates["closed_on"])):
                if value and value < referred_on:
                    row.problem(column, value.isoformat(), "a date on or after referred_on")
        organisation = self._organisation(row.text("referrer_org"))
        phone, postcode = row.text("phone"), row.text("postcode")
        crime_reference = row.text("crime_reference")
        values: Values = dict(
            referral_id=referral_id, referred_on=referred_on, age_at_referral=age,
            under_18_reason=row.text("under_18_reason"),
            address=row.text("address"), postcode=postcode, phone=phone, email=row.text("email"),
            area=row.code("area", v.codes("area")), organisation_uuid=organisation,
            referrer_name=row.text("referrer_name"), referrer_email=row.text("referrer_email"),
            referrer_phone=row.text("referrer_phone"), crime_reference=crime_reference,
            description=row.text("description"), consent=row.code("consent", v.codes("consent")),
            consent_on=dates["consent_on"], victim=victim, perpetrator=perpetrator, victim_crimes=victim_crimes,
            perpetrator_crimes=perpetrator_crimes,
            vulnerabilities=row.codes("vulnerabilities", v.codes("vulnerability")),
            outcome=outcome, decided_on=decided_on, decision_reason=row.text("decision_reason"),
            decided_by=row.text("decided_by"),
            first_contact_on=dates["first_contact_on"], closed_on=dates["closed_on"],
            closure_reason=row.text("closure_reason"), feedback_sent_on=dates["feedback_sent_on"],
            police_calls_before=row.integer("police_calls_before", 0, MAX_COUNT),
            police_calls_after=row.integer("police_calls_after", 0, MAX_COUNT),
            police_calls_source=row.text("police_calls_source"),
        )
        person_uuid = self._person(row, person_id, (first_name, last_name, dob, gender))
        if referral_id is None:
            return
        # Registered even when the row has problems, so rows referring to it are not reported too.
        values["person_uuid"] = person_uuid
        values["search_text"] = referral_search_text(
            first_name=first_name or "", last_name=last_name or "", person_id=person_id or "",
            referral_id=referral_id, crime_reference=crime_reference, postcode=postcode, phone=phone)
        referral_uuid = self._add(m.Referral, values)
        self.referrals[referral_id] = referral_uuid
        if "referral_events" in self.tables:
            return
        if outcome and outcome != "pending" and decided_on:
            self._event(referral_uuid, "decision", decided_on, outcome, values["decision_reason"])
        if dates["closed_on"]:
            self._event(referral_uuid, "closed", dates["closed_on"], None, values["closure_reason"])

    def _event(self, referral_uuid: str, kind: str, on: date, outcome: str | None, reason: str | None) -> None:
        self._add(m.ReferralEvent, dict(referral_uuid=referral_uuid, kind=kind, happened_on=on, outcome=outcome,
                                        reason=reason or "imported", by=None))

    def _referral_event(self, row: RowReader, seen: dict[str, int]) -> None:
        values: Values = dict(id=self._unique(row, "uuid", seen, self.uuids_in_store["referral_events"]),
                      referral_uuid=self._reference(row, "referral_id", self.referrals, "referrals"),
                      kind=row.code("kind", EVENT_KINDS, required=True),
                      happened_on=row.date("happened_on", required=True),
                      outcome=row.code("outcome", self.vocabulary.codes("outcome")),
                      reason=row.text("reason"), by=row.text("by"))
        self._add_complete(m.ReferralEvent, values, "id", "referral_uuid", "kind", "happened_on")

    def _person(self, row: RowReader, person_id: str | None, details: tuple[Any, ...]) -> str | None:
        if person_id is None:
            return None
        known = self.people.get(person_id)
        if known is None:
            first_name, last_name, dob, gender = details
            if first_name is None or last_name is None:
                return None
            person_uuid = self._add(m.Person, dict(person_id=person_id, first_name=first_name,
                                                   last_name=last_name, date_of_birth=dob, gender=gender))
            self.people[person_id] = (person_uuid, details)
            return person_uuid
        uuid, first_details = known
        for column, value, first in zip(("first_name", "last_name", "date_of_birth", "gender"), details,
                                        first_details, strict=True):
            if value != first:
                shown = value.isoformat() if isinstance(value, date) else (value or "")
                was = first.isoformat() if isinstance(first, date) else (first or "empty")
                row.problem(column, shown, f'"{was}" as on the other referrals of person {person_id}')
        return uuid

    def _organisation(self, name: str | None) -> str | None:
        if name is None:
            return None
        key = name.casefold()
        if key not in self.organisations:
            self.organisations[key] = self._add(m.Organisation, dict(name=name))
        return self.organisations[key]

    def _assessment(self, row: RowReader, seen: dict[str, int]) -> None:
        values: Values = dict(id=self._unique(row, "uuid", seen, self.uuids_in_store["risk_assessments"]),
                      referral_uuid=self._reference(row, "referral_id", self.referrals, "referrals"),
                      assessed_on=row.date("assessed_on", required=True), assessed_by=row.text("assessed_by"),
                      kind=row.code("kind", ASSESSMENT_KINDS, required=True),
                      danger_to_staff=row.code("danger_to_staff", DANGER_LEVELS),
                      will_to_change=row.maybe_boolean("will_to_change"),
                      want_to_change=row.maybe_boolean("want_to_change"),
                      capacity_to_change=row.maybe_boolean("capacity_to_change"), notes=row.text("notes"))
        if values["id"] is not None:  # registered even with problems, so its checks are not reported too
            self.assessments[values["id"]] = values["id"]
        self._add_complete(m.RiskAssessment, values, "id", "referral_uuid", "assessed_on", "kind")

    def _risk_check(self, row: RowReader, seen: dict[str, int]) -> None:
        values: Values = dict(id=self._unique(row, "uuid", seen, self.uuids_in_store["risk_checks"]),
                      assessment_uuid=self._reference(row, "assessment_uuid", self.assessments, "risk_assessments"),
                      source=row.text("source", required=True), checked_on=row.date("checked_on"),
                      findings=row.text("findings"))
        self._add_complete(m.RiskCheck, values, "id", "assessment_uuid", "source")

    def _professional(self, row: RowReader, seen: dict[str, int]) -> None:
        values: Values = dict(id=self._unique(row, "uuid", seen, self.uuids_in_store["professionals_consulted"]),
                      assessment_uuid=self._reference(row, "assessment_uuid", self.assessments, "risk_assessments"),
                      name=row.text("name", required=True), organisation=row.text("organisation"),
                      advice=row.text("advice"), consulted_on=row.date("consulted_on"))
        self._add_complete(m.ProfessionalConsulted, values, "id", "assessment_uuid", "name")

    def _flag(self, row: RowReader, seen: dict[str, int]) -> None:
        values: Values = dict(id=self._unique(row, "uuid", seen, self.uuids_in_store["risk_flags"]),
                      referral_uuid=self._reference(row, "referral_id", self.referrals, "referrals"),
                      flag=row.code("flag", self.vocabulary.codes("risk_flag"), required=True),
                      raised_on=row.date("raised_on", required=True), cleared_on=row.date("cleared_on"),
                      notes=row.text("notes"))
        if values["raised_on"] and values["cleared_on"] and values["cleared_on"] < values["raised_on"]:
            row.problem("cleared_on", values["cleared_on"].isoformat(), "a date on or after raised_on")
        self._add_complete(m.RiskFlag, values, "id", "referral_uuid", "flag", "raised_on")

    def _visit(self, row: RowReader, seen: dict[str, int]) -> None:
        values: Values = dict(id=self._unique(row, "uuid", seen, self.uuids_in_store["home_visits"]),
                      referral_uuid=self._reference(row, "referral_id", self.referrals, "referrals"),
                      visit_on=row.date("visit_on", required=True),
                      status=row.code("status", VISIT_STATUSES, required=True), visitors=row.text("visitors"),
                      joint_with_referrer=row.boolean("joint_with_referrer"), notes=row.text("notes"))
        self._add_complete(m.HomeVisit, values, "id", "referral_uuid", "visit_on", "status")

    def _allocation(self, row: RowReader, seen: dict[str, int]) -> None:
        referral = self._reference(row, "referral_id", self.referrals, "referrals")
        mentor = self._reference(row, "mentor_id", self.mentors, "mentors")
        allocated_on = row.date("allocated_on", required=True)
        ended_on = row.date("ended_on")
        if allocated_on and ended_on and ended_on < allocated_on:
            row.problem("ended_on", ended_on.isoformat(), "a date on or after allocated_on")
        end_reason, single_reason = row.text("end_reason"), row.text("single_reason")
        if referral is None or mentor is None or allocated_on is None:
            return
        key = (referral, mentor, allocated_on)
        if key in self.existing_allocations:
            row.problem(None, None, "this allocation (referral, mentor, date) is already recorded")
            return
        self.existing_allocations.add(key)
        self._add(m.Allocation, dict(referral_uuid=referral, mentor_uuid=mentor, allocated_on=allocated_on,
                                     ended_on=ended_on, end_reason=end_reason, single_reason=single_reason))

    def _contact(self, row: RowReader, seen: dict[str, int]) -> None:
        contact_id = self._unique(row, "contact_id", seen, self.contacts)
        values: Values = dict(
            contact_id=contact_id,
            referral_uuid=self._reference(row, "referral_id", self.referrals, "referrals"),
            occurred_at=row.datetime("occurred_at", required=True),
            activity=row.code("activity", self.vocabulary.codes("activity"), required=True),
            minutes=row.integer("minutes", 0, MAX_MINUTES),
            mentor_uuid=self._reference(row, "mentor_id", self.mentors, "mentors", required=False),
            staff_name=row.text("staff_name"), notes=row.text("notes") or "",
        )
        contact_uuid = self._add_complete(m.Contact, values, "contact_id", "referral_uuid", "occurred_at",
                                          "activity")
        if contact_id is not None:
            self.contacts[contact_id] = contact_uuid or ""

    def _revision(self, row: RowReader, seen: dict[str, int]) -> None:
        values: Values = dict(id=self._unique(row, "uuid", seen, self.uuids_in_store["contact_revisions"]),
                      contact_uuid=self._reference(row, "contact_id", self.contacts, "contacts"),
                      occurred_at=row.datetime("occurred_at", required=True),
                      activity=row.code("activity", self.vocabulary.codes("activity"), required=True),
                      minutes=row.integer("minutes", 0, MAX_MINUTES),
                      mentor_uuid=self._reference(row, "mentor_id", self.mentors, "mentors", required=False),
                      staff_name=row.text("staff_name"), notes=row.text("notes") or "")
        self._add_complete(m.ContactRevision, values, "id", "contact_uuid", "occurred_at", "activity")

    def _goal(self, row: RowReader, seen: dict[str, int]) -> None:
        goal_id = self._unique(row, "goal_id", seen, self.goals)
        low, high = COMMITMENT_RANGE
        values: Values = dict(
            goal_id=goal_id,
            referral_uuid=self._reference(row, "referral_id", self.referrals, "referrals"),
            set_on=row.date("set_on", required=True),
            goal=row.text("goal") or "", reality=row.text("reality") or "", options=row.text("options") or "",
            way_forward=row.text("way_forward") or "", commitment=row.integer("commitment", low, high),
            status=row.code("status", self.vocabulary.codes("goal_status"), required=True),
            reviewed_on=row.date("reviewed_on"),
        )
        goal_uuid = self._add_complete(m.Goal, values, "goal_id", "referral_uuid", "set_on", "status")
        if goal_id is not None:
            self.goals[goal_id] = goal_uuid or ""

    def _goal_review(self, row: RowReader, seen: dict[str, int]) -> None:
        low, high = COMMITMENT_RANGE
        values: Values = dict(id=self._unique(row, "uuid", seen, self.uuids_in_store["goal_reviews"]),
                      goal_uuid=self._reference(row, "goal_id", self.goals, "goals"),
                      reviewed_on=row.date("reviewed_on", required=True),
                      status=row.code("status", self.vocabulary.codes("goal_status"), required=True),
                      commitment=row.integer("commitment", low, high), notes=row.text("notes"))
        self._add_complete(m.GoalReview, values, "id", "goal_uuid", "reviewed_on", "status")

    def _request(self, row: RowReader, seen: dict[str, int]) -> None:
        kind = row.code("subject_kind", SUBJECT_KINDS, required=True)
        if kind == "person" and self.person_uuids is None:  # people are all known once referrals are read
            self.person_uuids = {key: uuid for key, (uuid, _) in self.people.items()}
        subjects: Mapping[str, str] = self.mentors if kind == "mentor" else self.person_uuids or {}
        subject = self._reference(row, "subject_id", subjects, "mentors" if kind == "mentor" else "referrals",
                                  what=kind) if kind else None
        values: Values = dict(id=self._unique(row, "uuid", seen, self.uuids_in_store["subject_access_requests"]),
                      subject_kind=kind, subject_uuid=subject, received_on=row.date("received_on", required=True),
                      identity_checked_on=row.date("identity_checked_on"),
                      paused_days=row.integer("paused_days", 0, MAX_COUNT) or 0,
                      extension_months=row.integer("extension_months", 0, 2) or 0,
                      extension_reason=row.text("extension_reason"), completed_on=row.date("completed_on"),
                      notes=row.text("notes"))
        self._add_complete(m.SubjectAccessRequest, values, "id", "subject_kind", "subject_uuid", "received_on")

    # --- writing --------------------------------------------------------------------------------

    def write(self) -> ImportSummary:
        order = (m.VocabularyEntry, m.Organisation, m.Person, m.Mentor, m.MentorStatusChange, m.ProgressCheck,
                 m.Referral, m.ReferralEvent, m.RiskAssessment, m.RiskCheck, m.ProfessionalConsulted, m.RiskFlag,
                 m.HomeVisit, m.Allocation, m.Contact, m.ContactRevision, m.Goal, m.GoalReview,
                 m.SubjectAccessRequest)
        for model in order:
            rows = self.inserts.get(model, [])
            for start in range(0, len(rows), CHUNK):
                chunk = rows[start:start + CHUNK]
                self.insert(model, chunk)
                self.done += len(chunk) if model in _COUNTED else 0
                if self.progress and self.progress(min(self.done, self.total), self.total,
                                                   f"Writing {model.__tablename__} records") is False:
                    raise ImportCancelled()
        summary = ImportSummary()
        for stem in FILE_ORDER:
            if stem in self.tables:
                summary.rows[stem] = len(self.tables[stem].rows)
                audit.record_access(self.session, "import", MODEL_OF[stem].__tablename__,
                                    detail=f"{summary.rows[stem]} rows from {filename(stem)}")
        return summary

    def insert(self, model: type[m.Base], rows: list[Values]) -> None:
        """Write checked rows of one table: the one place every imported row passes through.

        A Core insert of the table: one executemany per chunk (the ORM's bulk path splits rows whose None
        values differ into many small statements).
        """
        self.session.execute(insert(cast(SqlTable, model.__table__)), rows)


# Models whose rows are the rows of a file (derived rows — people, organisations, history — are not counted).
_COUNTED = set(MODEL_OF.values()) - {m.Person, m.Organisation}
