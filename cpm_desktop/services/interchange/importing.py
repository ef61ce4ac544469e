"""Importing interchange files: check everything first, then write it all in one transaction.

Rows are checked in memory against the ids of the import and of the store; only when no problem is
found are they written, with bulk inserts (the ORM's audit hook does not see Core inserts, so stamps
are set here and one audit event per file records the import).
"""
from __future__ import annotations

from collections.abc import Callable, Container, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from cpm_desktop.domain.dates import age_on
from cpm_desktop.domain.text import referral_search_text
from cpm_desktop.domain.vocabulary import Vocabulary
from cpm_desktop.services.interchange.columns import FILE_ORDER, INTERCHANGE_COLUMNS, filename
from cpm_desktop.services.interchange.reading import (
    ImportCancelled,
    ImportFailed,
    ImportProblem,
    RowReader,
    Table,
    check_header,
    read_folder,
)
from cpm_desktop.services.vocabulary import vocabulary_for
from cpm_desktop.storage import audit
from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import Store
from cpm_desktop.storage.ids import forget_counters
from cpm_desktop.sync.engine import adopt_unstamped

Progress = Callable[[int, int, str], object]
# first name, last name, date of birth, gender: what every referral of one person must agree on
PersonDetails = tuple[str | None, str | None, date | None, str | None]
CHUNK = 5_000


@dataclass
class ImportSummary:
    rows: dict[str, int] = field(default_factory=dict)

    def __str__(self) -> str:
        parts = [f"{n:,} {stem}" for stem, n in self.rows.items()]
        return ", ".join(parts) if parts else "nothing (no interchange files found)"


def import_folder(store: Store, folder: Path, *, ignore_unknown_columns: bool = False,
                  progress: Progress | None = None) -> ImportSummary:
    """Import every interchange file in ``folder``; all or nothing (raises ImportFailed)."""
    tables, problems = read_folder(Path(folder))
    if problems:
        raise ImportFailed(problems)
    return import_tables(store, tables, ignore_unknown_columns=ignore_unknown_columns, progress=progress)


def import_tables(store: Store, tables: Mapping[str, Table | list[dict[str, str]]], *,
                  ignore_unknown_columns: bool = False, progress: Progress | None = None) -> ImportSummary:
    """Import tables already read (or generated, as the demo does); all or nothing."""
    as_tables = {stem: _as_table(stem, table) for stem, table in tables.items()}
    with store.transaction() as session:
        batch = _Batch(session, as_tables, progress)
        problems = batch.check(ignore_unknown_columns)
        if problems:
            raise ImportFailed(problems)
        summary = batch.write()
        forget_counters(session)  # imported ids count: the next id made here follows the largest
        adopt_unstamped(session)  # in a member store, what was imported reaches the other laptops
        return summary


def _as_table(stem: str, table: Table | list[dict[str, str]]) -> Table:
    if isinstance(table, Table):
        return table
    header = list(table[0]) if table else list(INTERCHANGE_COLUMNS[stem])
    return Table(stem, header, list(table), list(range(2, len(table) + 2)))


class _Batch:
    """One import: the ids already known, the rows checked, and what will be inserted."""

    def __init__(self, session: Session, tables: dict[str, Table], progress: Progress | None):
        self.session = session
        self.tables = tables
        self.vocabulary: Vocabulary = vocabulary_for(session)
        self.progress = progress
        self.total = 2 * sum(len(t.rows) for t in tables.values())
        self.done = 0
        self.now = audit.utcnow()
        self.actor = audit.actor_of(session)
        self.problems: list[ImportProblem] = []
        self.inserts: dict[type[m.Base], list[dict[str, Any]]] = {}
        # interchange id → uuid, for ids in the store and in this import
        self.people: dict[str, tuple[str, PersonDetails]] = {
            row.person_id: (row.id, (row.first_name, row.last_name, row.date_of_birth, row.gender))
            for row in session.execute(select(m.Person.person_id, m.Person.id, m.Person.first_name,
                                              m.Person.last_name, m.Person.date_of_birth, m.Person.gender))
        }
        self.referrals = dict(iter(session.execute(select(m.Referral.referral_id, m.Referral.id))))
        self.mentors = dict(iter(session.execute(select(m.Mentor.mentor_id, m.Mentor.id))))
        self.organisations: dict[str, str] = {name.casefold(): uuid for name, uuid in
                              session.execute(select(m.Organisation.name, m.Organisation.id))}
        self.existing_contacts = self._ids_present(m.Contact.contact_id, "contacts", "contact_id")
        self.existing_goals = self._ids_present(m.Goal.goal_id, "goals", "goal_id")
        self.existing_allocations: set[tuple[str | None, str | None, date | None]] = {
            (referral, mentor, on) for referral, mentor, on in session.execute(
                select(m.Allocation.referral_uuid, m.Allocation.mentor_uuid, m.Allocation.allocated_on))}

    def _ids_present(self, column: InstrumentedAttribute[str], stem: str, id_column: str) -> set[str]:
        """Which of the import's ids are already in the store (looked up in chunks, not all loaded)."""
        table = self.tables.get(stem)
        if table is None:
            return set()
        wanted = [row.get(id_column, "").strip() for row in table.rows]
        found: set[str] = set()
        for start in range(0, len(wanted), 900):
            found.update(self.session.scalars(select(column).where(column.in_(wanted[start:start + 900]))))
        return found

    # --- checking -------------------------------------------------------------------------------

    def check(self, ignore_unknown_columns: bool) -> list[ImportProblem]:
        for table in self.tables.values():
            self.problems += check_header(table, ignore_unknown_columns)
        if self.problems:
            return self.problems
        checks = {"mentors": self._mentor, "referrals": self._referral, "allocations": self._allocation,
                  "contacts": self._contact, "goals": self._goal}
        for stem in FILE_ORDER:
            rows = self.tables.get(stem)
            if rows is None:
                continue
            seen: dict[str, int] = {}
            for index in range(len(rows.rows)):
                checks[stem](RowReader(rows, index, self.problems), seen)
                self._tick(f"Checking {rows.file}")
        return self.problems

    def _tick(self, message: str) -> None:
        self.done += 1
        if self.progress and (self.done % 2000 == 0 or self.done == self.total):
            if self.progress(self.done, self.total, message) is False:
                raise ImportCancelled()

    def _unique(self, row: RowReader, column: str, seen: dict[str, int], in_store: Container[str]) -> str | None:
        value = row.text(column, required=True)
        if value is None:
            return None
        if value in seen:
            row.problem(column, value, f"a unique id (line {seen[value]} has it too)")
            return None
        seen[value] = row.line
        if value in in_store:
            row.problem(column, value, "an id not already in the store")
            return None
        return value

    def _reference(self, row: RowReader, column: str, known: dict[str, str], what: str,
                   required: bool = True) -> str | None:
        value = row.text(column, required=required)
        if value is None:
            return None
        if value not in known:
            row.problem(column, value, f"the id of a {what} in this import or already in the store")
            return None
        return known[value]

    def _add(self, model: type[m.Base], values: dict[str, Any]) -> dict[str, Any]:
        if issubclass(model, m.Record):
            values.setdefault("id", m.new_uuid())
            values.update(created_at=self.now, updated_at=self.now, updated_by=self.actor,
                          deleted_at=None, deleted_reason=None)
        self.inserts.setdefault(model, []).append(values)
        return values

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
        values = dict(
            mentor_id=mentor_id, first_name=row.text("first_name", True), last_name=row.text("last_name", True),
            gender=row.code("gender", v.codes("gender")), date_of_birth=row.date("date_of_birth"),
            phone=row.text("phone"), email=row.text("email"), area=row.code("area", v.codes("area")),
            cohort=row.text("cohort"), training_completed_on=training,
            dbs_checked_on=row.date("dbs_checked_on"),
            safeguarding_completed_on=row.date("safeguarding_completed_on"),
            status=status, status_reason=None, left_on=left_on, left_reason=left_reason,
            lived_experience=row.codes("lived_experience", v.codes("lived_experience")),
            former_client=row.boolean("former_client"), capacity=2, availability=None,
        )
        last_check = row.date("last_progress_check_on")
        if mentor_id is None:
            return  # any other problem still registers the id below, so references to it resolve
        mentor = self._add(m.Mentor, values)
        self.mentors[mentor_id] = mentor["id"]
        self._add(m.MentorStatusChange, dict(
            mentor_uuid=mentor["id"], status=status or "in_training",
            changed_on=left_on or training or self.now.date(), reason="imported"))
        if last_check:
            self._add(m.ProgressCheck, dict(mentor_uuid=mentor["id"], checked_on=last_check, checked_by=None,
                                            notes=None))

    def _referral(self, row: RowReader, seen: dict[str, int]) -> None:
        v = self.vocabulary
        referral_id = self._unique(row, "referral_id", seen, self.referrals)
        person_id = row.text("person_id", required=True)
        referred_on = row.date("referred_on", required=True)
        first_name, last_name = row.text("first_name", True), row.text("last_name", True)
        dob = row.date("date_of_birth")
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
        dates = {c: row.date(c) for c in ("first_contact_on", "closed_on", "feedback_sent_on")}
        if referred_on:
            for column, value in (("decided_on", decided_on), ("first_contact_on", dates["first_contact_on"]),
                                  ("closed_on", dates["closed_on"])):
                if value and value < referred_on:
                    row.problem(column, value.isoformat(), "a date on or after referred_on")
        organisation = self._organisation(row.text("referrer_org"))
        phone, postcode = row.text("phone"), row.text("postcode")
        crime_reference = row.text("crime_reference")
        values: dict[str, Any] = dict(
            referral_id=referral_id, referred_on=referred_on, age_at_referral=age, under_18_reason=None,
            address=row.text("address"), postcode=postcode, phone=phone, email=row.text("email"),
            area=row.code("area", v.codes("area")), organisation_uuid=organisation,
            referrer_name=row.text("referrer_name"), referrer_email=row.text("referrer_email"),
            referrer_phone=row.text("referrer_phone"), crime_reference=crime_reference,
            description=row.text("description"), consent=row.code("consent", v.codes("consent")),
            consent_on=None, victim=victim, perpetrator=perpetrator, victim_crimes=victim_crimes,
            perpetrator_crimes=perpetrator_crimes,
            vulnerabilities=row.codes("vulnerabilities", v.codes("vulnerability")),
            outcome=outcome, decided_on=decided_on, decision_reason=None, decided_by=None,
            first_contact_on=dates["first_contact_on"], closed_on=dates["closed_on"],
            closure_reason=row.text("closure_reason"), feedback_sent_on=dates["feedback_sent_on"],
            police_calls_before=row.integer("police_calls_before"),
            police_calls_after=row.integer("police_calls_after"), police_calls_source=None,
        )
        person_uuid = self._person(row, person_id, (first_name, last_name, dob, gender))
        if referral_id is None:
            return
        # Registered even when the row has problems, so rows referring to it are not reported too.
        values["person_uuid"] = person_uuid
        values["search_text"] = referral_search_text(
            first_name=first_name or "", last_name=last_name or "", person_id=person_id or "", referral_id=referral_id,
            crime_reference=crime_reference, postcode=postcode, phone=phone)
        referral = self._add(m.Referral, values)
        self.referrals[referral_id] = referral["id"]
        if outcome and outcome != "pending" and decided_on:
            self._event(referral["id"], "decision", decided_on, outcome)
        if dates["closed_on"]:
            self._event(referral["id"], "closed", dates["closed_on"], None, values["closure_reason"])

    def _event(self, referral_uuid: str, kind: str, on: date, outcome: str | None,
               reason: str | None = None) -> None:
        self._add(m.ReferralEvent, dict(referral_uuid=referral_uuid, kind=kind, happened_on=on, outcome=outcome,
                                        reason=reason or "imported", by=None))

    def _person(self, row: RowReader, person_id: str | None, details: PersonDetails) -> str | None:
        if person_id is None:
            return None
        known = self.people.get(person_id)
        if known is None:
            first_name, last_name, dob, gender = details
            if first_name is None or last_name is None:
                return None
            person = self._add(m.Person, dict(person_id=person_id, first_name=first_name, last_name=last_name,
                                              date_of_birth=dob, gender=gender))
            person_uuid: str = person["id"]
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
            self.organisations[key] = self._add(m.Organisation, dict(name=name))["id"]
        return self.organisations[key]

    def _allocation(self, row: RowReader, seen: dict[str, int]) -> None:
        referral = self._reference(row, "referral_id", self.referrals, "referral")
        mentor = self._reference(row, "mentor_id", self.mentors, "mentor")
        allocated_on = row.date("allocated_on", required=True)
        ended_on = row.date("ended_on")
        if allocated_on and ended_on and ended_on < allocated_on:
            row.problem("ended_on", ended_on.isoformat(), "a date on or after allocated_on")
        key = (referral, mentor, allocated_on)
        if None in key:
            return
        if key in self.existing_allocations:
            row.problem(None, None, "this allocation (referral, mentor, date) is already recorded")
            return
        self.existing_allocations.add(key)
        self._add(m.Allocation, dict(referral_uuid=referral, mentor_uuid=mentor, allocated_on=allocated_on,
                                     ended_on=ended_on, end_reason=None, single_reason=None))

    def _contact(self, row: RowReader, seen: dict[str, int]) -> None:
        contact_id = self._unique(row, "contact_id", seen, self.existing_contacts)
        values = dict(
            contact_id=contact_id,
            referral_uuid=self._reference(row, "referral_id", self.referrals, "referral"),
            occurred_at=row.datetime("occurred_at", required=True),
            activity=row.code("activity", self.vocabulary.codes("activity"), required=True),
            minutes=row.integer("minutes", 0, 24 * 60),
            mentor_uuid=self._reference(row, "mentor_id", self.mentors, "mentor", required=False),
            staff_name=row.text("staff_name"), notes=row.text("notes") or "",
        )
        if None not in (values["contact_id"], values["referral_uuid"], values["occurred_at"], values["activity"]):
            self._add(m.Contact, values)

    def _goal(self, row: RowReader, seen: dict[str, int]) -> None:
        values = dict(
            goal_id=self._unique(row, "goal_id", seen, self.existing_goals),
            referral_uuid=self._reference(row, "referral_id", self.referrals, "referral"),
            set_on=row.date("set_on", required=True),
            goal=row.text("goal") or "", reality=row.text("reality") or "", options=row.text("options") or "",
            way_forward=row.text("way_forward") or "", commitment=row.integer("commitment", 1, 10),
            status=row.code("status", self.vocabulary.codes("goal_status"), required=True),
            reviewed_on=row.date("reviewed_on"),
        )
        if None not in (values["goal_id"], values["referral_uuid"], values["set_on"], values["status"]):
            self._add(m.Goal, values)

    # --- writing --------------------------------------------------------------------------------

    def write(self) -> ImportSummary:
        order = (m.Organisation, m.Person, m.Mentor, m.MentorStatusChange, m.ProgressCheck, m.Referral,
                 m.ReferralEvent, m.Allocation, m.Contact, m.Goal)
        for model in order:
            rows = self.inserts.get(model, [])
            for start in range(0, len(rows), CHUNK):
                chunk = rows[start:start + CHUNK]
                # Core insert of the table: one executemany per chunk (the ORM's bulk path splits
                # rows whose None values differ into many small statements).
                self.session.execute(insert(m.Base.metadata.tables[model.__tablename__]), chunk)
                self.done += len(chunk) if model in _COUNTED else 0
                if self.progress and self.progress(min(self.done, self.total), self.total,
                                                   f"Writing {model.__tablename__} records") is False:
                    raise ImportCancelled()
        summary = ImportSummary()
        for stem in FILE_ORDER:
            if stem in self.tables:
                summary.rows[stem] = len(self.tables[stem].rows)
                audit.record_access(self.session, "import", _TABLE_OF[stem],
                                    detail=f"{summary.rows[stem]} rows from {filename(stem)}")
        return summary


_TABLE_OF = {"referrals": "referral", "mentors": "mentor", "allocations": "allocation", "contacts": "contact",
             "goals": "goal"}
_COUNTED = {m.Mentor, m.Referral, m.Allocation, m.Contact, m.Goal}

