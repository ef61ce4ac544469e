"""Everything the Allocation pane shows, read in one consistent snapshot of the store.

A refresh used to read the case header, the mentors allocated, the suggestions and each waiting list in a
transaction apiece (six, each taking the write lock); a save from another window between them could show a
mentor both allocated and still suggested. One snapshot reads them all as of one moment, and never writes.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cpm_desktop.services.allocation import (
    AllocatedMentor,
    MentorChoice,
    allocated_in,
    suggested_pair,
    suggestions_in,
)
from cpm_desktop.services.mentors import (
    WaitingClient,
    WaitingMentor,
    checks_overdue_in,
    clients_waiting_in,
    never_allocated_in,
)
from cpm_desktop.services.referrals import CaseHeader, header_in
from cpm_desktop.storage.engine import Store


@dataclass(frozen=True)
class WaitingLists:
    """The lists the 2018 evaluation asked the scheme to watch; they do not depend on the case shown."""

    clients: list[WaitingClient]
    never_allocated: list[WaitingMentor]
    checks_overdue: list[WaitingMentor]


@dataclass(frozen=True)
class AllocationView:
    header: CaseHeader | None  # None: no case chosen, or it is no longer in the store
    allocated: list[AllocatedMentor]  # current first, then earlier ones
    suggestions: list[MentorChoice]  # empty unless the case may have mentors
    needed: int  # how many more mentors make the case's pair
    pair: tuple[MentorChoice, ...]  # the suggestions to select together
    waiting: WaitingLists


def allocation_view(store: Store, referral_uuid: str | None, today: date | None = None) -> AllocationView:
    """The Allocation pane's whole view of ``referral_uuid`` (or of no case), in one snapshot."""
    today = today or date.today()
    with store.snapshot() as session:
        waiting = WaitingLists(clients_waiting_in(session, today), never_allocated_in(session, today),
                               checks_overdue_in(session, today))
        header = header_in(session, referral_uuid) if referral_uuid else None
        if header is None:
            return AllocationView(None, [], [], 0, (), waiting)
        allocated = allocated_in(session, header.uuid)
        supported = header.status.may_allocate
        choices = suggestions_in(session, header.uuid, today) if supported else []
    needed = max(0, 2 - sum(1 for row in allocated if row.ended_on is None))
    pair = suggested_pair(choices, needed) if supported and needed else ()
    return AllocationView(header, allocated, choices, needed, pair, waiting)
