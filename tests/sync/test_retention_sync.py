"""An erasure reaches every laptop: applied first at each one's next sync, taking with it what that laptop
recorded meanwhile, and leaving no copy of the name in its store file."""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from cpm_desktop.services import contacts as contact_service
from cpm_desktop.services import retention
from cpm_desktop.storage import models as m
from tests.conftest import PASSPHRASE
from tests.services.retention_fixture import CANARY, KEPT, MENTOR_CANARY, TODAY, build
from tests.storage.raw_pages import where_found
from tests.sync.conftest_stores import make_member
from tests.sync.memory_hub import MemoryLog


@pytest.fixture
def scheme(tmp_path):
    log = MemoryLog()
    members = {"lead": make_member(tmp_path, log, "lead", "A", (), lead=True),
               "east": make_member(tmp_path, log, "east", "B", ("east",)),
               "north": make_member(tmp_path, log, "north", "C", ("north",))}
    yield members
    for member in members.values():
        member.store.close()


def test_an_erasure_reaches_every_laptop_and_an_offline_edit_does_not_bring_it_back(scheme):
    lead, east, north = scheme["lead"], scheme["east"], scheme["north"]
    records = build(lead.store)
    for member in (lead, east, north):
        member.sync()
    assert where_found(north.store.path, PASSPHRASE, CANARY)
    assert where_found(east.store.path, PASSPHRASE, MENTOR_CANARY)  # mentors are scheme-wide

    # North, offline, logs another contact on the case the lead is about to erase.
    contact_service.add_contact(north.store, records.due_referral, occurred_at=datetime(2026, 11, 30, 9),
                                activity="case_notes", minutes=5, notes=f"{CANARY} phoned")
    keys = [f"case:{records.due_referral}", f"mentor:{records.leaver}"]
    report = retention.apply_retention(lead.store, keys, today=TODAY)
    assert report.erased_records > 10
    lead.sync()

    north.sync()  # pushes its contact, then applies the erasure first, taking that contact with it
    east.sync()
    lead.sync()  # north's contact arrives for a case erased here: it is not brought back
    for member in (lead, east, north):
        for name in (CANARY, MENTOR_CANARY):
            assert where_found(member.store.path, PASSPHRASE, name) == [], (member.name, name)
        with member.store.snapshot() as session:
            assert session.get(m.Referral, records.due_referral) is None
            assert session.get(m.Mentor, records.leaver) is None
            rules = set(session.scalars(select(m.Tombstone.rule).where(m.Tombstone.row_uuid == records.leaver)))
            assert rules == {"retention rule mentor_left: kept 6 months after leaving the scheme"}
            assert not session.scalar(select(func.count()).select_from(m.AuditEvent)
                                      .where(m.AuditEvent.record_uuid == records.due_referral))
    assert where_found(north.store.path, PASSPHRASE, KEPT)  # the case not due is still there
    with north.store.snapshot() as session:  # the kept case's contacts lose the erased mentor, nothing else
        assert session.scalar(select(func.count()).select_from(m.Contact)
                              .where(m.Contact.referral_uuid == records.kept_referral)) == 1
        assert session.scalar(select(func.count()).select_from(m.Contact)
                              .where(m.Contact.mentor_uuid == records.leaver)) == 0
    assert north.sync().pulled == 0 and lead.sync().pulled == 0  # they agree, and nothing is stuck
