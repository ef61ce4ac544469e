"""Referrals: the list coordinators search, the intake form, and linking a re-referral to its person."""
from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any, TypeVarTuple

from rapidfuzz import fuzz, process
from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import Exists, Select

from cpm_desktop.domain import ids
from cpm_desktop.domain.dates import age_on
from cpm_desktop.domain.text import digits, fold, referral_search_text
from cpm_desktop.domain.vocabulary import join_codes, split_codes
from cpm_desktop.domain.workflow import (
    PENDING,
    SUPPORTED,
    CaseStatus,
    can_reopen,
    case_status,
    check_intake,
    days_waiting,
)
from cpm_desktop.services.records import live
from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import Store
from cpm_desktop.storage.ids import next_id

_Row = TypeVarTuple("_Row")

STATES = ("awaiting_decision", "awaiting_allocation", "active", "closed")


class IntakeError(ValueError):
    def __init__(self, problems: list[str]):
        super().__init__(" ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class ReferralListRow:
    uuid: str
    referral_id: str
    person_id: str
    name: str
    referred_on: date
    area: str | None
    outcome: str
    status: CaseStatus
    days_waiting: int | None
    postcode: str | None
    phone: str | None


@dataclass
class ReferralForm:
    """Everything the intake form shows and edits (plain values; codes, not labels)."""

    first_name: str = ""
    last_name: str = ""
    referred_on: date | None = None
    date_of_birth: date | None = None
    age_at_referral: int | None = None
    gender: str | None = None
    address: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    area: str | None = None
    referrer_org: str = ""
    referrer_name: str = ""
    referrer_email: str = ""
    referrer_phone: str = ""
    crime_reference: str = ""
    description: str = ""
    consent: str | None = None
    consent_on: date | None = None
    victim: bool = False
    perpetrator: bool = False
    victim_crimes: tuple[str, ...] = ()
    perpetrator_crimes: tuple[str, ...] = ()
    vulnerabilities: tuple[str, ...] = ()
    under_18_reason: str = ""
    # Set when editing, or when a re-referral is linked to a person already known.
    referral_uuid: str | None = None
    person_uuid: str | None = None
    referral_id: str = field(default="", compare=False)
    person_id: str = field(default="", compare=False)

    def age(self) -> int | None:
        if self.date_of_birth and self.referred_on:
            return age_on(self.date_of_birth, self.referred_on)
        return self.age_at_referral


@dataclass(frozen=True)
class PersonMatch:
    person_uuid: str
    person_id: str
    name: str
    date_of_birth: date | None
    last_referred_on: date | None
    why: str


@dataclass(frozen=True)
class CaseHeader:
    uuid: str
    referral_id: str
    name: str
    status: CaseStatus
    can_reopen: bool = False  # closed or declined: domain.workflow.can_reopen


# --- the list --------------------------------------------------------------------------------------


def _open_allocation(referral: type[m.Referral]) -> Exists:
    return exists().where(m.Allocation.referral_uuid == referral.id, m.Allocation.ended_on.is_(None),
                          m.Allocation.deleted_at.is_(None))


def _filtered(query: Select[*_Row], *, search: str, area: str | None, outcome: str | None,
              state: str | None) -> Select[*_Row]:
    r = m.Referral
    query = query.where(r.deleted_at.is_(None))
    for word in fold(search).split():
        query = query.where(r.search_text.contains(word, autoescape=True))
    if area:
        query = query.where(r.area == area)
    if outcome:
        query = query.where(r.outcome == outcome)
    if state == "awaiting_decision":
        query = query.where(r.outcome == PENDING)
    elif state == "awaiting_allocation":
        query = query.where(r.outcome == SUPPORTED, r.closed_on.is_(None), ~_open_allocation(r))
    elif state == "active":
        query = query.where(r.outcome == SUPPORTED, r.closed_on.is_(None))
    elif state == "closed":
        query = query.where(r.closed_on.is_not(None))
    return query


def list_referrals(store: Store, *, search: str = "", area: str | None = None, outcome: str | None = None,
                   state: str | None = None, today: date | None = None, limit: int | None = None
                   ) -> list[ReferralListRow]:
    """Referrals matching the search (every word, case- and accent-insensitive) and filters, newest first;
    at most ``limit`` of them (see :func:`count_referrals` for how many match in all)."""
    today = today or date.today()
    r, p = m.Referral, m.Person
    allocated = _open_allocation(r).label("allocated")
    query = (select(r.id, r.referral_id, p.person_id, p.first_name, p.last_name, r.referred_on, r.area, r.outcome,
                    r.decided_on, r.closed_on, r.postcode, r.phone, allocated)
             .join(p, p.id == r.person_uuid))
    query = _filtered(query, search=search, area=area, outcome=outcome, state=state)
    query = query.order_by(r.referred_on.desc(), r.referral_id.desc()).limit(limit)
    with store.snapshot() as session:
        return _list_rows(session.execute(query).all(), today)


def _list_rows(rows: Sequence[Any], today: date) -> list[ReferralListRow]:
    return [
        ReferralListRow(uuid, referral_id, person_id, f"{first} {last}", referred_on, row_area, row_outcome,
                        case_status(row_outcome, closed_on, bool(is_allocated)),
                        days_waiting(row_outcome, referred_on, decided_on, bool(is_allocated), closed_on, today),
                        postcode, phone)
        for (uuid, referral_id, person_id, first, last, referred_on, row_area, row_outcome, decided_on, closed_on,
             postcode, phone, is_allocated) in rows
    ]


@dataclass(frozen=True)
class SearchResult:
    """What the list shows for a search: the referrals that match every word (newest first), then those whose
    name is spelt like the search (closest first), when the exact hits are few."""

    rows: list[ReferralListRow]
    exact: int  # how many of ``rows`` match exactly; the rest are close spellings
    total: int  # exact matches in all (``rows`` holds at most the limit)


FUZZY_WHEN_FEWER_THAN = 5  # exact hits: below this, names spelt like the search are looked for too
FUZZY_MIN_LETTERS = 4  # a shorter word is too short to be misspelt usefully
FUZZY_SCORE = 80  # rapidfuzz partial_ratio, 0–100: siobahn~siobhan 86, briain~brian 83, smith~smyth 80
FUZZY_AT_MOST = 20


def search_referrals(store: Store, *, search: str = "", area: str | None = None, outcome: str | None = None,
                     state: str | None = None, today: date | None = None, limit: int | None = None) -> SearchResult:
    """:func:`list_referrals`, and when it finds fewer than a handful for a search with a word of four letters
    or more, referrals whose text holds a close spelling of each such word (a typo: siobahn → Siobhan), ranked
    after the exact hits. The fuzzy pass reads only ids and folded search text, so it stays quick at scale."""
    rows = list_referrals(store, search=search, area=area, outcome=outcome, state=state, today=today, limit=limit)
    total = len(rows) if limit is None or len(rows) < limit else count_referrals(
        store, search=search, area=area, outcome=outcome, state=state)
    words = [word for word in fold(search).split() if sum(ch.isalpha() for ch in word) >= FUZZY_MIN_LETTERS]
    if total >= FUZZY_WHEN_FEWER_THAN or not words:
        return SearchResult(rows, len(rows), total)
    close = _close_spellings(store, fold(search).split(), {row.uuid for row in rows}, area=area, outcome=outcome,
                             state=state)
    if not close:
        return SearchResult(rows, len(rows), total)
    found = {row.uuid: row for row in list_referrals_by_uuid(store, close, today=today)}
    return SearchResult(rows + [found[uuid] for uuid in close if uuid in found], len(rows), total)


def _close_spellings(store: Store, words: list[str], exclude: set[str], **filters: str | None) -> list[str]:
    """Uuids of referrals whose search text holds each word or a close spelling of it, best first.

    rapidfuzz scores every text in C (``process.extract``); each further word only looks at the texts the
    words before it left, and a referral's score is its weakest word's."""
    texts = {uuid: text for uuid, text in _search_texts(store, **filters).items() if uuid not in exclude}
    scores: dict[str, float] = {}
    for word in words:
        hits = process.extract(word, texts, scorer=fuzz.partial_ratio, score_cutoff=FUZZY_SCORE, limit=None)
        scores = {uuid: min(score, scores.get(uuid, 100.0)) for _, score, uuid in hits}
        texts = {uuid: texts[uuid] for uuid in scores}
        if not texts:
            return []
    return sorted(scores, key=lambda uuid: -scores[uuid])[:FUZZY_AT_MOST]


# The folded search text of every referral, kept in memory (never on disk) while it is current: reading 50,000
# of them takes a good part of a second, checking that none changed a few milliseconds. Unfiltered lists only.
_TEXTS: weakref.WeakKeyDictionary[Store, tuple[tuple[Any, ...], dict[str, str]]] = weakref.WeakKeyDictionary()


def _search_texts(store: Store, **filters: str | None) -> dict[str, str]:
    r = m.Referral
    with store.snapshot() as session:
        if any(filters.values()):
            return {uuid: text for uuid, text in session.execute(
                _filtered(select(r.id, r.search_text), search="", **filters)) if text}
        version = tuple(session.execute(select(func.count(), func.max(r.updated_at), func.max(r.deleted_at))).one())
        cached = _TEXTS.get(store)
        if cached is None or cached[0] != version:
            texts = {uuid: text for uuid, text in session.execute(
                select(r.id, r.search_text).where(r.deleted_at.is_(None))) if text}
            _TEXTS[store] = cached = (version, texts)
    return cached[1]


def list_referrals_by_uuid(store: Store, uuids: list[str], today: date | None = None) -> list[ReferralListRow]:
    """The list rows of these referrals (any order)."""
    today = today or date.today()
    r, p = m.Referral, m.Person
    allocated = _open_allocation(r).label("allocated")
    query = (select(r.id, r.referral_id, p.person_id, p.first_name, p.last_name, r.referred_on, r.area, r.outcome,
                    r.decided_on, r.closed_on, r.postcode, r.phone, allocated)
             .join(p, p.id == r.person_uuid).where(r.id.in_(uuids), r.deleted_at.is_(None)))
    with store.snapshot() as session:
        return _list_rows(session.execute(query).all(), today)


def count_referrals(store: Store, *, search: str = "", area: str | None = None, outcome: str | None = None,
                    state: str | None = None) -> int:
    query = _filtered(select(func.count()).select_from(m.Referral), search=search, area=area, outcome=outcome,
                      state=state)
    with store.snapshot() as session:
        return session.scalar(query) or 0


def case_header(store: Store, referral_uuid: str) -> CaseHeader | None:
    with store.snapshot() as session:
        return header_in(session, referral_uuid)


def person_id_of(store: Store, referral_uuid: str) -> str | None:
    """The person id of the case's client (None when the case is gone), read without recording a view: the
    id names whose record, and shows nothing of it."""
    r, p = m.Referral, m.Person
    with store.snapshot() as session:
        return session.scalar(select(p.person_id).join(r, r.person_uuid == p.id)
                              .where(r.id == referral_uuid, r.deleted_at.is_(None)))


def header_in(session: Session, referral_uuid: str) -> CaseHeader | None:
    """As :func:`case_header`, read in the caller's session (a pane reading its whole view in one snapshot)."""
    r, p = m.Referral, m.Person
    row = session.execute(
        select(r.referral_id, p.first_name, p.last_name, r.outcome, r.closed_on, _open_allocation(r))
        .join(p, p.id == r.person_uuid).where(r.id == referral_uuid)).first()
    if row is None:
        return None
    return CaseHeader(referral_uuid, row[0], f"{row[1]} {row[2]}", case_status(row[3], row[4], bool(row[5])),
                      can_reopen(row[3], row[4]))


# --- the form --------------------------------------------------------------------------------------


def load_referral(store: Store, referral_uuid: str) -> ReferralForm:
    """The referral as the form shows it, read without writing; the view goes to the audit trail with the next
    write (``flush_record_views``)."""
    with store.snapshot() as session:
        referral = session.get(m.Referral, referral_uuid)
        if referral is None or referral.deleted_at is not None:
            raise LookupError("That referral is no longer in the store.")
        person = referral.person
        form = ReferralForm(
            first_name=person.first_name, last_name=person.last_name, referred_on=referral.referred_on,
            date_of_birth=person.date_of_birth, age_at_referral=referral.age_at_referral, gender=person.gender,
            address=referral.address or "", postcode=referral.postcode or "", phone=referral.phone or "",
            email=referral.email or "", area=referral.area,
            referrer_org=referral.organisation.name if referral.organisation else "",
            referrer_name=referral.referrer_name or "", referrer_email=referral.referrer_email or "",
            referrer_phone=referral.referrer_phone or "", crime_reference=referral.crime_reference or "",
            description=referral.description or "", consent=referral.consent, consent_on=referral.consent_on,
            victim=referral.victim, perpetrator=referral.perpetrator,
            victim_crimes=tuple(split_codes(referral.victim_crimes)),
            perpetrator_crimes=tuple(split_codes(referral.perpetrator_crimes)),
            vulnerabilities=tuple(split_codes(referral.vulnerabilities)),
            under_18_reason=referral.under_18_reason or "", referral_uuid=referral.id, person_uuid=person.id,
            referral_id=referral.referral_id, person_id=person.person_id)
    store.pending_views.note(store.actor, "referral", form.referral_uuid, subject_uuid=form.person_uuid)
    return form


def _organisation(session: Session, name: str) -> str | None:
    name = name.strip()
    if not name:
        return None
    found = session.scalar(select(m.Organisation.id).where(func.lower(m.Organisation.name) == name.lower()))
    if found:
        return found
    organisation = m.Organisation(name=name)
    session.add(organisation)
    session.flush()
    return organisation.id


def save_referral(store: Store, form: ReferralForm, today: date | None = None) -> ReferralForm:
    """Create or update a referral (and its person); returns the form with its ids filled in."""
    today = today or date.today()
    problems = check_intake(first_name=form.first_name, last_name=form.last_name, referred_on=form.referred_on,
                            age=form.age(), under_18_reason=form.under_18_reason, today=today)
    if problems or form.referred_on is None:  # check_intake reports a missing date
        raise IntakeError(problems)
    with store.transaction() as session:
        if form.person_uuid:
            found_person = live(session, m.Person, form.person_uuid)
            if found_person is None:
                raise IntakeError(["That person is no longer in the store; nothing was saved."])
            person = found_person
        else:
            person = m.Person(person_id=next_id(session, ids.PERSON))
            session.add(person)
        person.first_name, person.last_name = form.first_name.strip(), form.last_name.strip()
        person.date_of_birth, person.gender = form.date_of_birth, form.gender
        session.flush()
        if form.referral_uuid:
            found_referral = live(session, m.Referral, form.referral_uuid)
            if found_referral is None:
                raise IntakeError(["That referral is no longer in the store; nothing was saved."])
            referral = found_referral
        else:
            referral = m.Referral(referral_id=next_id(session, ids.REFERRAL), outcome=PENDING)
            session.add(referral)
        referral.person_uuid = person.id
        referral.referred_on = form.referred_on
        referral.age_at_referral = form.age()
        referral.under_18_reason = form.under_18_reason.strip() or None
        for name in ("address", "postcode", "phone", "email", "referrer_name", "referrer_email", "referrer_phone",
                     "crime_reference", "description"):
            setattr(referral, name, getattr(form, name).strip() or None)
        referral.area, referral.consent, referral.consent_on = form.area, form.consent, form.consent_on
        referral.victim, referral.perpetrator = form.victim, form.perpetrator
        referral.victim_crimes = join_codes(form.victim_crimes) if form.victim else ""
        referral.perpetrator_crimes = join_codes(form.perpetrator_crimes) if form.perpetrator else ""
        referral.vulnerabilities = join_codes(form.vulnerabilities)
        referral.organisation_uuid = _organisation(session, form.referrer_org)
        session.flush()
        _refresh_search_text(session, person)
        saved = {f.name: getattr(form, f.name) for f in fields(form)}
        saved.update(referral_uuid=referral.id, person_uuid=person.id, referral_id=referral.referral_id,
                     person_id=person.person_id)
    return ReferralForm(**saved)


def _refresh_search_text(session: Session, person: m.Person) -> None:
    """A person's names are in the search text of every one of their referrals."""
    for referral in session.scalars(select(m.Referral).where(m.Referral.person_uuid == person.id)):
        referral.search_text = referral_search_text(
            first_name=person.first_name, last_name=person.last_name, person_id=person.person_id,
            referral_id=referral.referral_id, crime_reference=referral.crime_reference,
            postcode=referral.postcode, phone=referral.phone)


# --- re-referrals ----------------------------------------------------------------------------------


def possible_matches(store: Store, *, first_name: str, last_name: str, date_of_birth: date | None = None,
                     phone: str = "", exclude_person: str | None = None, limit: int = 5) -> list[PersonMatch]:
    """People already known who may be this person: same phone, or a similar name (and the same birth date
    when both are known). Spelling may differ: the name is compared fuzzily."""
    name = fold(f"{first_name} {last_name}")
    phone_digits = digits(phone)
    if len(name) < 3 and len(phone_digits) < 6:
        return []
    p, r = m.Person, m.Referral
    query = select(p.id, p.person_id, p.first_name, p.last_name, p.date_of_birth).where(p.deleted_at.is_(None))
    if exclude_person:
        query = query.where(p.id != exclude_person)
    with store.snapshot() as session:
        people = session.execute(query).all()
        same_phone: set[str] = set()
        if len(phone_digits) >= 6:  # the referral's search text holds the phone's digits
            same_phone = set(session.scalars(select(r.person_uuid).where(
                r.deleted_at.is_(None), r.search_text.contains(phone_digits, autoescape=True))))
    names = [fold(f"{row[2]} {row[3]}") for row in people]
    scores = {index: score for _, score, index in
              process.extract(name, names, scorer=fuzz.token_sort_ratio, score_cutoff=80, limit=50)}
    matches: list[tuple[float, tuple[Any, str]]] = []
    for index, row in enumerate(people):
        phone_match = row[0] in same_phone
        score = scores.get(index)
        if score is None and not phone_match:
            continue
        if score is not None and date_of_birth and row[4] and row[4] != date_of_birth and not phone_match:
            continue
        same_birth = bool(date_of_birth) and row[4] == date_of_birth
        reasons = ["same name" if score == 100 else "similar name"] if score is not None else []
        reasons += ["same date of birth"] * same_birth + ["same phone"] * phone_match
        matches.append(((score or 0) + 50 * phone_match + 50 * same_birth, (row, ", ".join(reasons))))
    matches.sort(key=lambda pair: -pair[0])
    chosen = [match for _, match in matches[:limit]]
    with store.snapshot() as session:
        last = dict(iter(session.execute(
            select(r.person_uuid, func.max(r.referred_on)).where(
                r.person_uuid.in_([row[0] for row, _ in chosen]), r.deleted_at.is_(None)).group_by(r.person_uuid))))
    return [PersonMatch(row[0], row[1], f"{row[2]} {row[3]}", row[4], last.get(row[0]), why) for row, why in chosen]


def person_details(store: Store, person_uuid: str) -> ReferralForm:
    """A new referral's form pre-filled from a known person (their latest referral's contact details)."""
    with store.snapshot() as session:
        latest = session.scalars(select(m.Referral.id).where(m.Referral.person_uuid == person_uuid,
                                                             m.Referral.deleted_at.is_(None))
                                 .order_by(m.Referral.referred_on.desc()).limit(1)).first()
    if latest is None:
        with store.snapshot() as session:
            person = live(session, m.Person, person_uuid)
            if person is None:
                raise LookupError("That person is no longer in the store.")
            return ReferralForm(first_name=person.first_name, last_name=person.last_name,
                                date_of_birth=person.date_of_birth, gender=person.gender, person_uuid=person.id,
                                person_id=person.person_id)
    form = load_referral(store, latest)
    return ReferralForm(first_name=form.first_name, last_name=form.last_name, date_of_birth=form.date_of_birth,
                        gender=form.gender, address=form.address, postcode=form.postcode, phone=form.phone,
                        email=form.email, area=form.area, person_uuid=form.person_uuid, person_id=form.person_id)
