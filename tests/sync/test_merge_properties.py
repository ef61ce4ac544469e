"""Property: whatever three laptops do offline, and in whatever order they sync, they end up agreeing.

Hypothesis draws a history — referrals made, the same and different fields edited on different laptops,
codes added and removed, contacts logged, cases deleted and moved between areas, syncs in random orders —
then every laptop syncs until quiet. Each laptop must then hold exactly the cases of its areas, with the
same values as every other laptop holding them, and no contact ever lost.
"""
from __future__ import annotations

import dataclasses
import os
import tempfile
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from cpm_desktop.domain.merge import Held, Incoming, merge_field
from cpm_desktop.services import contacts as contact_service
from cpm_desktop.services import referrals as referral_service
from cpm_desktop.storage import models as m
from tests.sync.conftest_stores import make_member, new_referral
from tests.sync.memory_hub import MemoryLog

MEMBERS = ("lead", "east", "north")
AREAS = ("east", "north")

step = st.one_of(
    st.tuples(st.just("refer"), st.sampled_from(MEMBERS), st.sampled_from(AREAS)),
    st.tuples(st.just("phone"), st.sampled_from(MEMBERS), st.integers(0, 5), st.sampled_from(["01", "02", "03"])),
    st.tuples(st.just("describe"), st.sampled_from(MEMBERS), st.integers(0, 5), st.text("abcé李", max_size=3)),
    st.tuples(st.just("code"), st.sampled_from(MEMBERS), st.integers(0, 5),
              st.sampled_from(["mental_health", "isolation", "substance_misuse"])),
    st.tuples(st.just("contact"), st.sampled_from(MEMBERS), st.integers(0, 5)),
    st.tuples(st.just("delete"), st.sampled_from(MEMBERS), st.integers(0, 5)),
    st.tuples(st.just("move"), st.just("lead"), st.integers(0, 5), st.sampled_from(AREAS)),
    st.tuples(st.just("sync"), st.sampled_from(MEMBERS)),
)


def _held(member):
    with member.store.snapshot() as session:
        return [r.id for r in session.scalars(select(m.Referral).where(m.Referral.deleted_at.is_(None))
                                              .order_by(m.Referral.referral_id))]


def _state(member):
    with member.store.snapshot() as session:
        referrals = {r.id: (r.area, r.phone, r.description, r.vulnerabilities, r.deleted_at is None)
                     for r in session.scalars(select(m.Referral))}
        contacts = {c.id: (c.referral_uuid, c.notes) for c in session.scalars(select(m.Contact))}
    return referrals, contacts


def _run(history):
    with tempfile.TemporaryDirectory() as folder:
        log = MemoryLog()
        members = {
            "lead": make_member(Path(folder), log, "lead", "A", (), lead=True),
            "east": make_member(Path(folder), log, "east", "B", ("east",)),
            "north": make_member(Path(folder), log, "north", "C", ("north",)),
        }
        contacts_made = 0
        try:
            for action, who, *args in history:
                member = members[who]
                held = _held(member)
                if action == "refer":
                    if who != "lead" and args[0] not in member.hub.areas:  # type: ignore[operator]
                        continue
                    new_referral(member.store, "Client", f"{len(log.changes)}", args[0])
                    continue
                if action == "sync":
                    member.sync()
                    continue
                if not held:
                    continue
                uuid = held[args[0] % len(held)]
                form = referral_service.load_referral(member.store, uuid)
                if action == "phone":
                    referral_service.save_referral(member.store, dataclasses.replace(form, phone=args[1]))
                elif action == "describe":
                    referral_service.save_referral(member.store, dataclasses.replace(form, description=args[1]))
                elif action == "code":
                    codes = set(form.vulnerabilities) ^ {args[1]}
                    referral_service.save_referral(member.store, dataclasses.replace(
                        form, vulnerabilities=tuple(sorted(codes))))
                elif action == "move":
                    referral_service.save_referral(member.store, dataclasses.replace(form, area=args[1]))
                elif action == "contact":
                    contact_service.add_contact(member.store, uuid, occurred_at=datetime(2026, 11, 3, 10, 0),
                                                activity="home_visit", minutes=5, mentor_uuid=None, staff_name=who,
                                                notes=f"{who} {contacts_made}")
                    contacts_made += 1
                elif action == "delete":
                    with member.store.transaction() as session:
                        row = session.get(m.Referral, uuid)
                        row.deleted_at = datetime(2026, 11, 4)
                        row.deleted_reason = "entered twice"
            for _ in range(3):  # until quiet: everyone has seen everyone's last changes
                for name in MEMBERS:
                    members[name].sync()
            lead_referrals, lead_contacts = _state(members["lead"])
            assert len(lead_contacts) == contacts_made  # no contact lost
            for name in ("east", "north"):
                referrals, contacts = _state(members[name])
                expected = {uuid: row for uuid, row in lead_referrals.items() if row[0] == name}
                assert referrals == expected
                assert contacts == {c: v for c, v in lead_contacts.items() if v[0] in expected}
        finally:
            for member in members.values():
                member.store.close()


# The suite replays the same 25 histories every run, so a green run stays green and a red one is
# reproducible; CPM_EXPLORE=1 draws 500 new ones (longer) to look for what those miss — run it after a
# change to sync/ (it found the examples above).
EXPLORING = bool(os.environ.get("CPM_EXPLORE"))


@settings(max_examples=500 if EXPLORING else 25, derandomize=not EXPLORING, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(step, min_size=1, max_size=30 if EXPLORING else 25))
# Found by hypothesis: a moved case's full copy arriving in the same page as the case's creation.
@example([("refer", "lead", "east"), ("refer", "lead", "north"), ("move", "lead", 0, "north")])
# Found by hypothesis: a contact logged on the old area's laptop while the lead moved the case away.
@example([("refer", "lead", "east"), ("refer", "east", "east"), ("refer", "lead", "east"), ("sync", "lead"),
          ("sync", "east"), ("move", "lead", 1, "north"), ("contact", "east", 1)])
# ... and a detail edited there meanwhile.
@example([("refer", "lead", "east"), ("sync", "lead"), ("sync", "east"), ("move", "lead", 0, "north"),
          ("describe", "east", 0, "b")])
def test_laptops_agree_whatever_they_do_and_whenever_they_sync(history):
    _run(history)


clocks = st.text("0123456789", min_size=3, max_size=3)


@given(st.text(max_size=3), clocks, st.text(max_size=3), clocks, clocks)
def test_two_laptops_merging_each_others_edit_reach_the_same_value(mine, my_clock, theirs, their_clock, base):
    if my_clock == their_clock:
        return
    on_mine = merge_field(Held(mine, my_clock, base), Incoming(theirs, their_clock, base))
    on_theirs = merge_field(Held(theirs, their_clock, base), Incoming(mine, my_clock, base))
    assert on_mine.kept == on_theirs.kept
    assert on_mine.kept == (mine if my_clock > their_clock else theirs)
    if mine != theirs and base < min(my_clock, their_clock):
        assert on_mine.conflict and on_theirs.conflict
        assert {on_mine.kept, on_mine.set_aside} == {mine, theirs}
