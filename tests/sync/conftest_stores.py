"""Three members of one scheme, each with its own encrypted store: the lead and two area coordinators."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cpm_desktop.services import referrals as referral_service
from cpm_desktop.storage.engine import Store
from cpm_desktop.sync import engine
from cpm_desktop.sync.membership import Membership
from tests.conftest import new_store
from tests.sync.memory_hub import MemoryHub, MemoryLog


@dataclass
class Member:
    name: str
    store: Store
    hub: MemoryHub

    def sync(self) -> engine.SyncReport:
        return engine.sync(self.store, self.hub)


def make_member(tmp: Path, log: MemoryLog, name: str, code: str, areas: tuple[str, ...], *, lead: bool = False
                ) -> Member:
    store = new_store(tmp / f"{name}.cpm", actor=name)
    engine.enrol(store, Membership(hub_url="memory", role=name, password="", code=code,
                                   member_role="lead" if lead else "coordinator", areas=areas, all_areas=lead,
                                   sync_key_b64="", user=name))
    return Member(name, store, MemoryHub(log, None if lead else set(areas)))


def new_referral(store: Store, first: str, last: str, area: str, **extra: object) -> referral_service.ReferralForm:
    form = referral_service.ReferralForm(first_name=first, last_name=last, referred_on=date(2026, 11, 2), area=area,
                                         **extra)  # type: ignore[arg-type]
    return referral_service.save_referral(store, form, today=date(2026, 11, 30))
