"""Allocating mentors to a supported client — normally a pair — and ending or replacing allocations, with
history kept (an allocation is ended, never deleted).

``allocate`` is the one way the scheme makes an allocation (GUI and command line alike); it enforces the
eligibility and pair rules of ``domain.matching``. The interchange import inserts past allocations directly:
history records what happened and is not checked against a mentor's status today.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from cpm_desktop.domain.matching import (
    Candidate,
    ClientNeeds,
    MentorFacts,
    Ranked,
    best_pair,
    rank,
    why_not_allocatable,
    why_not_this_many,
)
from cpm_desktop.domain.vocabulary import split_codes
from cpm_desktop.services.vocabulary import vocabulary_for
from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import Store


class AllocationError(ValueError):
    pass


@dataclass(frozen=True)
class AllocatedMentor:
    allocation_uuid: str
    mentor_uuid: str
    mentor_id: str
    name: str
    allocated_on: date
    ended_on: date | None
    end_reason: str
    single_reason: str = ""


@dataclass(frozen=True)
class MentorChoice:
    mentor_uuid: str
    mentor_id: str
    name: str
    area: str | None
    open_allocations: int
    capacity: int
    why: str
    score: float
    fits: tuple[str, ...] = ()


def allocated_mentors(store: Store, referral_uuid: str) -> list[AllocatedMentor]:
    """The mentors supporting a case, current first, then earlier ones (history is kept)."""
    with store.transaction() as session:
        return allocated_in(session, referral_uuid)


def allocated_in(session: Session, referral_uuid: str) -> list[AllocatedMentor]:
    """As :func:`allocated_mentors`, read in the caller's session."""
    a, t = m.Allocation, m.Mentor
    rows = session.execute(
        select(a.id, t.id, t.mentor_id, t.first_name, t.last_name, a.allocated_on, a.ended_on, a.end_reason,
               a.single_reason)
        .join(t, t.id == a.mentor_uuid)
        .where(a.referral_uuid == referral_uuid, a.deleted_at.is_(None))
        .order_by(a.ended_on.is_not(None), a.ended_on.desc(), a.allocated_on.desc(), t.mentor_id)).all()
    return [AllocatedMentor(r[0], r[1], r[2], f"{r[3]} {r[4]}", r[5], r[6], r[7] or "", r[8] or "") for r in rows]


def _open_mentors(session: Session, referral_uuid: str) -> set[str]:
    a = m.Allocation
    return set(session.scalars(select(a.mentor_uuid).where(a.referral_uuid == referral_uuid, a.ended_on.is_(None),
                                                           a.deleted_at.is_(None))))


def _case_flags(session: Session, referral_uuid: str) -> frozenset[str]:
    f = m.RiskFlag
    return frozenset(session.scalars(select(f.flag).where(f.referral_uuid == referral_uuid, f.cleared_on.is_(None),
                                                          f.deleted_at.is_(None))))


def mentors_needed(store: Store, referral_uuid: str) -> int:
    """How many more mentors make the case's pair (0 when it has two or more)."""
    with store.transaction() as session:
        return max(0, 2 - len(_open_mentors(session, referral_uuid)))


def allocation_counts(session: Session) -> dict[str, tuple[int, int]]:
    """mentor uuid → (open allocations, allocations ever), in one GROUP BY over the allocations."""
    a = m.Allocation
    rows = session.execute(
        select(a.mentor_uuid, func.sum(case((a.ended_on.is_(None), 1), else_=0)), func.count())
        .where(a.deleted_at.is_(None)).group_by(a.mentor_uuid))
    return {mentor: (int(busy), int(ever)) for mentor, busy, ever in rows}


def suggestions(store: Store, referral_uuid: str, today: date | None = None, limit: int = 50) -> list[MentorChoice]:
    """Mentors who may be allocated, best first: same area, lived experience that fits, spare capacity, a
    trained mentor's wait for a first client, and the case's flags; each with the reasons in words."""
    with store.transaction() as session:
        return suggestions_in(session, referral_uuid, today or date.today(), limit)


def suggestions_in(session: Session, referral_uuid: str, today: date, limit: int = 50) -> list[MentorChoice]:
    """As :func:`suggestions`, read in the caller's session."""
    t = m.Mentor
    referral = session.get(m.Referral, referral_uuid)
    if referral is None or referral.deleted_at is not None:
        return []
    vocabulary = vocabulary_for(session)
    counts = allocation_counts(session)
    already = _open_mentors(session, referral_uuid)
    # The SQL narrows to the active mentors with both checks; the domain rule decides.
    rows = session.execute(
        select(t.id, t.mentor_id, t.first_name, t.last_name, t.area, t.other_areas, t.lived_experience,
               t.capacity, t.training_completed_on, t.status, t.dbs_checked_on, t.safeguarding_completed_on)
        .where(t.deleted_at.is_(None), t.status == "active", t.dbs_checked_on.is_not(None),
               t.safeguarding_completed_on.is_not(None))).all()
    client = ClientNeeds(referral.area, tuple(split_codes(referral.vulnerabilities)),
                         tuple(split_codes(referral.victim_crimes)), bool(referral.victim),
                         bool(referral.perpetrator), _case_flags(session, referral_uuid))
    mentors = {row.id: row for row in rows if row.id not in already and not why_not_allocatable(
        MentorFacts(row.status, row.dbs_checked_on, row.safeguarding_completed_on, counts.get(row.id, (0, 0))[0],
                    row.capacity), today)}
    candidates = [Candidate(row.id, row.area, tuple(split_codes(row.lived_experience)), row.capacity,
                            counts.get(row.id, (0, 0))[0], row.training_completed_on, row.id in counts,
                            tuple(split_codes(row.other_areas)))
                  for row in sorted(mentors.values(), key=lambda row: row.mentor_id)]
    ranked = rank(candidates, client, vocabulary.matching, lambda code: vocabulary.label("lived_experience", code),
                  today)
    return [MentorChoice(r.key, mentors[r.key].mentor_id, f"{mentors[r.key].first_name} {mentors[r.key].last_name}",
                         mentors[r.key].area, counts.get(r.key, (0, 0))[0], mentors[r.key].capacity,
                         " · ".join(r.reasons), r.score, r.fits) for r in ranked[:limit]]


def suggested_pair(choices: list[MentorChoice], needed: int = 2) -> tuple[MentorChoice, ...]:
    """The mentors to suggest together: two for a new case, one to complete a pair (domain.best_pair)."""
    by_key = {choice.mentor_uuid: choice for choice in choices}
    ranked = [Ranked(c.mentor_uuid, c.score, (), c.fits, c.capacity - c.open_allocations) for c in choices]
    return tuple(by_key[r.key] for r in best_pair(ranked, needed))


def _check_mentor(session: Session, mentor_uuid: str, on: date) -> m.Mentor:
    mentor = session.get(m.Mentor, mentor_uuid)
    if mentor is None or mentor.deleted_at is not None:
        raise AllocationError("That mentor is not in the register.")
    busy = allocation_counts(session).get(mentor.id, (0, 0))[0]
    problem = why_not_allocatable(MentorFacts(mentor.status, mentor.dbs_checked_on,
                                              mentor.safeguarding_completed_on, busy, mentor.capacity), on)
    if problem:
        raise AllocationError(f"{mentor.first_name} {mentor.last_name}: {problem}")
    return mentor


def _check_case(session: Session, referral_uuid: str, on: date) -> m.Referral:
    referral = session.get(m.Referral, referral_uuid)
    if referral is None or referral.deleted_at is not None:
        raise AllocationError("That case is not in the record.")
    if referral.outcome != "supported" or referral.closed_on is not None:
        raise AllocationError("Mentors are allocated only to a supported, open case.")
    if referral.decided_on is not None and on < referral.decided_on:
        raise AllocationError("Mentors cannot be allocated before the decision to support the client.")
    return referral


def _end(session: Session, allocation_uuid: str, on: date, reason: str) -> m.Allocation:
    if not reason.strip():
        raise AllocationError("Give the reason the allocation ends.")
    allocation = session.get(m.Allocation, allocation_uuid)
    if allocation is None or allocation.deleted_at is not None:
        raise AllocationError("That allocation is not in the record.")
    if allocation.ended_on is not None:
        raise AllocationError("That allocation has already ended.")
    if on < allocation.allocated_on:
        raise AllocationError("An allocation cannot end before it began.")
    allocation.ended_on, allocation.end_reason = on, reason.strip()
    return allocation


def _allocate(session: Session, referral_uuid: str, mentor_uuids: list[str], on: date, single_reason: str,
              leaving: Iterable[str] = ()) -> list[str]:
    if not mentor_uuids:
        raise AllocationError("Choose the mentors to allocate.")
    if len(set(mentor_uuids)) != len(mentor_uuids):
        raise AllocationError("The same mentor was chosen twice.")
    _check_case(session, referral_uuid, on)
    current = _open_mentors(session, referral_uuid) - set(leaving)
    chosen = [_check_mentor(session, mentor_uuid, on) for mentor_uuid in mentor_uuids]
    for mentor in chosen:
        if mentor.id in current:
            raise AllocationError(f"{mentor.first_name} {mentor.last_name} already supports this case.")
    problem = why_not_this_many(len(current) + len(chosen), single_reason, _case_flags(session, referral_uuid))
    if problem:
        raise AllocationError(problem)
    alone = len(current) + len(chosen) == 1
    rows = [m.Allocation(referral_uuid=referral_uuid, mentor_uuid=mentor.id, allocated_on=on,
                         single_reason=single_reason.strip() if alone else None) for mentor in chosen]
    session.add_all(rows)
    session.flush()
    return [row.id for row in rows]


def allocate(store: Store, referral_uuid: str, mentor_uuids: list[str], on: date, single_reason: str = "") -> list[str]:
    """Allocate mentors — normally two — to a supported, open case; returns the new allocations' uuids.

    Every allocation the scheme makes comes here: each mentor must be allocatable on that day (active, DBS
    check and safeguarding training done: domain.matching.why_not_allocatable), not already on the case, and a
    case left with one mentor needs ``single_reason`` (never allowed on a case flagged never alone).
    """
    with store.transaction() as session:
        return _allocate(session, referral_uuid, mentor_uuids, on, single_reason)


def end_allocation(store: Store, allocation_uuid: str, on: date, reason: str) -> None:
    """End one mentor's support of a case (the allocation is kept, with the date and the reason)."""
    with store.transaction() as session:
        _end(session, allocation_uuid, on, reason)


def replace_mentor(store: Store, allocation_uuid: str, mentor_uuid: str, on: date, reason: str,
                   single_reason: str = "") -> str:
    """End one mentor's allocation and allocate another in their place on the same day, in one transaction
    (both or neither); returns the new allocation's uuid."""
    with store.transaction() as session:
        old = session.get(m.Allocation, allocation_uuid)
        if old is None or old.deleted_at is not None:
            raise AllocationError("That allocation is not in the record.")
        if old.mentor_uuid == mentor_uuid:
            raise AllocationError("Choose a different mentor to replace this one.")
        new = _allocate(session, old.referral_uuid, [mentor_uuid], on, single_reason, leaving={old.mentor_uuid})
        _end(session, allocation_uuid, on, reason)
        return new[0]
