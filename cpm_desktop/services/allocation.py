"""Allocating mentors to a supported client — normally a pair — and ending allocations, with history kept."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from cpm_desktop.domain.matching import Candidate, ClientNeeds, MentorFacts, rank, why_not_allocatable
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


def allocated_mentors(store: Store, referral_uuid: str) -> list[AllocatedMentor]:
    a, t = m.Allocation, m.Mentor
    with store.transaction() as session:
        rows = session.execute(
            select(a.id, t.id, t.mentor_id, t.first_name, t.last_name, a.allocated_on, a.ended_on, a.end_reason)
            .join(t, t.id == a.mentor_uuid)
            .where(a.referral_uuid == referral_uuid, a.deleted_at.is_(None))
            .order_by(a.ended_on.is_not(None), a.allocated_on.desc())).all()
    return [AllocatedMentor(r[0], r[1], r[2], f"{r[3]} {r[4]}", r[5], r[6], r[7] or "") for r in rows]


def suggestions(store: Store, referral_uuid: str, today: date | None = None, limit: int = 50) -> list[MentorChoice]:
    """Mentors who may be allocated, best first: same area, lived experience that fits, spare capacity."""
    today = today or date.today()
    a, t = m.Allocation, m.Mentor
    with store.transaction() as session:
        referral = session.get(m.Referral, referral_uuid)
        vocabulary = vocabulary_for(session)
        busy = dict(iter(session.execute(
            select(a.mentor_uuid, func.count()).where(a.ended_on.is_(None), a.deleted_at.is_(None))
            .group_by(a.mentor_uuid))))
        ever = set(session.scalars(select(a.mentor_uuid).where(a.deleted_at.is_(None)).distinct()))
        flags = set(session.scalars(select(m.RiskFlag.flag).where(
            m.RiskFlag.referral_uuid == referral_uuid, m.RiskFlag.cleared_on.is_(None), m.RiskFlag.deleted_at.is_(None))))
        already = set(session.scalars(select(a.mentor_uuid).where(a.referral_uuid == referral_uuid,
                                                                  a.ended_on.is_(None), a.deleted_at.is_(None))))
        mentors = {mentor.id: mentor for mentor in session.scalars(
            select(t).where(t.deleted_at.is_(None), t.status == "active"))
            if mentor.id not in already and not why_not_allocatable(
                MentorFacts(mentor.status, mentor.dbs_checked_on, mentor.safeguarding_completed_on))}
        client = ClientNeeds(referral.area, tuple(split_codes(referral.vulnerabilities)),
                             tuple(split_codes(referral.victim_crimes)), referral.victim, referral.perpetrator,
                             frozenset(flags))
        candidates = [Candidate(mentor.id, mentor.area, tuple(split_codes(mentor.lived_experience)), mentor.capacity,
                                busy.get(mentor.id, 0), mentor.training_completed_on, mentor.id in ever)
                      for mentor in mentors.values()]
        ranked = rank(candidates, client, vocabulary.matching,
                      lambda code: vocabulary.label("lived_experience", code), today)
    choices = [MentorChoice(r.key, mentors[r.key].mentor_id, f"{mentors[r.key].first_name} {mentors[r.key].last_name}",
                            mentors[r.key].area, busy.get(r.key, 0), mentors[r.key].capacity, " · ".join(r.reasons),
                            r.score) for r in ranked]
    choices.sort(key=lambda c: (-c.score, c.open_allocations, c.mentor_id))
    return choices[:limit]


def suggested_pair(choices: list[MentorChoice]) -> tuple[MentorChoice, MentorChoice] | None:
    """The two best-ranked mentors with a place free: mentors are normally allocated as a pair."""
    free = [choice for choice in choices if choice.open_allocations < choice.capacity]
    return (free[0], free[1]) if len(free) >= 2 else None


def allocate(store: Store, referral_uuid: str, mentor_uuids: list[str], on: date, single_reason: str = "") -> None:
    """Allocate mentors — normally two — to a supported, open case. Every path of allocation comes here."""
    if not mentor_uuids:
        raise AllocationError("Choose the mentors to allocate.")
    if len(mentor_uuids) == 1 and not single_reason.strip():
        raise AllocationError("Mentors normally work in pairs: give the reason for allocating one mentor.")
    if len(set(mentor_uuids)) != len(mentor_uuids):
        raise AllocationError("The same mentor was chosen twice.")
    with store.transaction() as session:
        referral = session.get(m.Referral, referral_uuid)
        if referral.outcome != "supported" or referral.closed_on is not None:
            raise AllocationError("Mentors are allocated only to a supported, open case.")
        for mentor_uuid in mentor_uuids:
            mentor = session.get(m.Mentor, mentor_uuid)
            problem = why_not_allocatable(MentorFacts(mentor.status, mentor.dbs_checked_on,
                                                      mentor.safeguarding_completed_on))
            if problem:
                raise AllocationError(f"{mentor.first_name} {mentor.last_name}: {problem}")
            session.add(m.Allocation(referral_uuid=referral_uuid, mentor_uuid=mentor_uuid, allocated_on=on,
                                     single_reason=single_reason.strip() or None))


def end_allocation(store: Store, allocation_uuid: str, on: date, reason: str) -> None:
    if not reason.strip():
        raise AllocationError("Give the reason the allocation ends.")
    with store.transaction() as session:
        allocation = session.get(m.Allocation, allocation_uuid)
        if allocation.ended_on is not None:
            raise AllocationError("That allocation has already ended.")
        if on < allocation.allocated_on:
            raise AllocationError("An allocation cannot end before it began.")
        allocation.ended_on, allocation.end_reason = on, reason.strip()
