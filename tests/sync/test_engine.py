"""Three laptops of one scheme syncing through a hub: field-by-field merge, conflicts kept, areas respected."""
from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest
from sqlalchemy import func, select

from cpm_desktop.services import contacts as contact_service
from cpm_desktop.services import referrals as referral_service
from cpm_desktop.storage import models as m
from cpm_desktop.sync import engine
from cpm_desktop.sync.protocol import HubUnreachable
from tests.sync.conftest_stores import make_member, new_referral
from tests.sync.memory_hub import MemoryLog


@pytest.fixture
def scheme(tmp_path):
    log = MemoryLog()
    members = {
        "lead": make_member(tmp_path, log, "lead", "A", (), lead=True),
        "east": make_member(tmp_path, log, "east", "B", ("east",)),
        "north": make_member(tmp_path, log, "north", "C", ("north",)),
    }
    members["log"] = log  # type: ignore[assignment]
    yield members
    for member in members.values():
        if hasattr(member, "store"):
            member.store.close()


def names(store):
    with store.snapshot() as session:
        return sorted(f"{p.first_name} {p.last_name}" for p in session.scalars(select(m.Person)))


def test_a_referral_made_offline_reaches_the_lead_and_its_area_only(scheme):
    lead, east, north = scheme["lead"], scheme["east"], scheme["north"]
    form = new_referral(east.store, "Kerry", "Dinsdale", "east")
    assert form.referral_id == "R-B-000001"  # made on laptop B: no other laptop can make this id
    east.sync()
    lead.sync()
    north.sync()
    assert names(lead.store) == ["Kerry Dinsdale"]
    assert names(north.store) == []
    report = east.sync()
    assert report.pulled == 0  # its own changes do not come back


def test_edits_of_different_fields_on_two_laptops_both_stand(scheme):
    lead, east = scheme["lead"], scheme["east"]
    form = new_referral(east.store, "Wayne", "Kell", "east")
    east.sync()
    lead.sync()
    referral_service.save_referral(lead.store, dataclasses.replace(
        referral_service.load_referral(lead.store, form.referral_uuid), phone="01325 111222"))
    referral_service.save_referral(east.store, dataclasses.replace(
        referral_service.load_referral(east.store, form.referral_uuid), description="Would like help with letters"))
    for member in (lead, east, lead):
        member.sync()
    for member in (lead, east):
        seen = referral_service.load_referral(member.store, form.referral_uuid)
        assert (seen.phone, seen.description) == ("01325 111222", "Would like help with letters")
        with member.store.snapshot() as session:
            assert session.scalar(select(func.count()).select_from(m.SyncConflict)) == 0


def test_the_same_field_changed_on_two_laptops_is_a_conflict_shown_on_both_and_they_agree(scheme):
    lead, east = scheme["lead"], scheme["east"]
    form = new_referral(east.store, "Siobhán", "Ó Briain", "east")
    east.sync()
    lead.sync()
    referral_service.save_referral(east.store, dataclasses.replace(
        referral_service.load_referral(east.store, form.referral_uuid), phone="07700 900001"))
    referral_service.save_referral(lead.store, dataclasses.replace(
        referral_service.load_referral(lead.store, form.referral_uuid), phone="07700 900002"))
    east.sync()
    lead.sync()
    east.sync()
    phones = {referral_service.load_referral(mb.store, form.referral_uuid).phone for mb in (lead, east)}
    assert len(phones) == 1  # both laptops show the same value
    for member in (lead, east):
        with member.store.snapshot() as session:
            conflict = session.scalars(select(m.SyncConflict)).one()
            assert conflict.field == "phone"
            assert {conflict.kept_value, conflict.other_value} == {'"07700 900001"', '"07700 900002"'}
            assert {conflict.kept_by, conflict.other_by} == {"lead", "east"}


def test_contacts_logged_on_two_laptops_never_conflict(scheme):
    lead, east = scheme["lead"], scheme["east"]
    form = new_referral(east.store, "Ann", "Lee", "east")
    east.sync()
    lead.sync()
    for member, n in ((east, 3), (lead, 2)):
        for minute in range(n):
            contact_service.add_contact(member.store, form.referral_uuid, occurred_at=datetime(2026, 11, 3, 10, minute),
                                        activity="home_visit", minutes=10, mentor_uuid=None,
                                        staff_name=member.name, notes=f"{member.name} {minute}")
    for member in (east, lead, east):
        member.sync()
    for member in (lead, east):
        rows = contact_service.list_contacts(member.store, form.referral_uuid)
        assert len(rows) == 5
        with member.store.snapshot() as session:
            ids = session.scalars(select(m.Contact.contact_id)).all()
        assert sorted(ids) == ["C-A-0000001", "C-A-0000002", "C-B-0000001", "C-B-0000002", "C-B-0000003"]


def test_a_case_moved_to_another_area_leaves_the_old_laptop_and_reaches_the_new_one(scheme):
    lead, east, north = scheme["lead"], scheme["east"], scheme["north"]
    form = new_referral(east.store, "Moving", "Person", "east")
    contact_service.add_contact(east.store, form.referral_uuid, occurred_at=datetime(2026, 11, 3, 9, 0),
                                activity="home_visit", minutes=5, mentor_uuid=None, staff_name="east", notes="hello")
    for member in (east, lead, north):
        member.sync()
    referral_service.save_referral(lead.store, dataclasses.replace(
        referral_service.load_referral(lead.store, form.referral_uuid), area="north"))
    lead.sync()
    report = east.sync()
    north.sync()
    assert report.removed_cases == 1
    assert names(east.store) == []
    assert names(north.store) == ["Moving Person"]
    assert [row.notes for row in contact_service.list_contacts(north.store, form.referral_uuid)] == ["hello"]


def test_offline_is_normal_and_nothing_is_lost(scheme):
    east, lead = scheme["east"], scheme["lead"]
    scheme["log"].down = True
    new_referral(east.store, "Offline", "Entry", "east")
    with pytest.raises(HubUnreachable):
        east.sync()
    assert engine.pending_changes(east.store) > 0
    scheme["log"].down = False
    east.sync()
    lead.sync()
    assert names(lead.store) == ["Offline Entry"]
    assert engine.pending_changes(east.store) == 0


def test_a_page_delivered_twice_applies_once(scheme):
    east, lead = scheme["east"], scheme["lead"]
    form = new_referral(east.store, "Twice", "Delivered", "east")
    east.sync()
    lead.sync()
    with lead.store.transaction() as session:  # as if the laptop died before it counted the page
        from cpm_desktop.sync.membership import advance, membership
        advance(session, membership(session), last_seq=0)
    lead.sync()
    assert names(lead.store) == ["Twice Delivered"]
    with lead.store.snapshot() as session:
        assert session.scalar(select(func.count()).select_from(m.SyncConflict)) == 0
        assert session.scalar(select(func.count()).select_from(m.Referral)) == 1
    assert referral_service.load_referral(lead.store, form.referral_uuid).first_name == "Twice"


def test_an_edit_against_a_deletion_is_a_conflict_and_the_deletion_stands_everywhere(scheme):
    lead, east = scheme["lead"], scheme["east"]
    form = new_referral(east.store, "Edit", "Delete", "east")
    east.sync()
    lead.sync()
    referral_service.save_referral(east.store, dataclasses.replace(
        referral_service.load_referral(east.store, form.referral_uuid), phone="0191 000000"))
    with lead.store.transaction() as session:
        row = session.get(m.Referral, form.referral_uuid)
        row.deleted_at, row.deleted_reason = datetime(2026, 11, 5), "entered twice"
    for member in (lead, east, lead):
        member.sync()
    for member in (lead, east):
        with member.store.snapshot() as session:
            row = session.get(m.Referral, form.referral_uuid)
            assert row.deleted_at is not None and row.phone == "0191 000000"  # nothing thrown away
            conflict = session.scalars(select(m.SyncConflict).where(m.SyncConflict.field == "")).one()
            assert conflict.kept_value == '"deleted"' and "phone" in conflict.other_value


def test_a_laptop_whose_clock_is_ten_minutes_fast_does_not_win_over_a_later_edit(scheme, monkeypatch):
    from cpm_desktop.storage import changes

    lead, north = scheme["lead"], scheme["north"]
    real = changes.wall_clock_ms
    monkeypatch.setattr(changes, "wall_clock_ms", lambda: real() + 10 * 60 * 1000)
    form = new_referral(north.store, "Fast", "Clock", "north", phone="1")
    referral_service.save_referral(north.store, dataclasses.replace(
        referral_service.load_referral(north.store, form.referral_uuid), phone="north's"))
    north.sync()
    monkeypatch.setattr(changes, "wall_clock_ms", real)
    lead.sync()
    referral_service.save_referral(lead.store, dataclasses.replace(
        referral_service.load_referral(lead.store, form.referral_uuid), phone="lead's, made later"))
    lead.sync()
    north.sync()
    for member in (lead, north):
        assert referral_service.load_referral(member.store, form.referral_uuid).phone == "lead's, made later"
        with member.store.snapshot() as session:
            assert session.scalars(select(m.SyncConflict)).all() == []


def test_an_import_into_a_member_store_reaches_the_other_laptops(scheme):
    from cpm_desktop.services.interchange.importing import import_tables

    east, lead = scheme["east"], scheme["lead"]
    import_tables(east.store, {"referrals": [{
        "referral_id": "R900001", "person_id": "P900001", "referred_on": "2026-10-01", "first_name": "Imported",
        "last_name": "Person", "area": "east", "consent": "verbal", "victim": "no", "perpetrator": "no",
        "outcome": "pending"}]})
    east.sync()
    lead.sync()
    assert names(lead.store) == ["Imported Person"]


def test_a_store_holding_cases_of_other_areas_cannot_join_as_a_coordinator(tmp_path):
    from cpm_desktop.storage.engine import Store
    from cpm_desktop.sync.membership import Membership
    from tests.conftest import PASSPHRASE

    with Store.create(tmp_path / "mixed.cpm", PASSPHRASE) as store:
        new_referral(store, "North", "Case", "north")
        with pytest.raises(ValueError, match="1 case of areas"):
            engine.enrol(store, Membership(hub_url="x", role="r", password="", code="D", member_role="coordinator",
                                           areas=("east",)))
        with store.snapshot() as session:
            assert session.scalar(select(func.count()).select_from(m.SyncOutbox)) == 0


def test_a_list_entry_and_a_setting_the_lead_adds_reach_every_laptop(scheme):
    from cpm_desktop.services import settings as settings_service
    from cpm_desktop.services import vocabulary as vocabulary_service

    lead, north = scheme["lead"], scheme["north"]
    with lead.store.transaction() as session:
        vocabulary_service.add_entry(session, "vulnerability", "hoarding", "Hoarding")
    settings_service.set_setting(lead.store, settings_service.GDPR, {"controller": "Durham PCC (updated)"})
    lead.sync()
    north.sync()
    with north.store.snapshot() as session:
        assert session.get(m.VocabularyEntry, ("vulnerability", "hoarding")).label == "Hoarding"
    assert settings_service.get_setting(north.store, settings_service.GDPR)["controller"] == "Durham PCC (updated)"
