"""Sync at ten times the scheme's size, against a real PostgreSQL hub (a throwaway cluster, as the tests use).

    .venv/bin/python benchmarks/bench_sync.py --scale 200      # ~52,000 referrals on the coordinator's laptop

1. A sync with nothing to send or fetch, with the whole caseload on the laptop (target ≤ 100 ms).
2. 10,000 changes pushed by one laptop and pulled by another (target ≤ 5 s): 5,000 edits of referrals, each
   with its audit event (audit events travel too).
3. The first join of an area with 5,000 referrals and ~100,000 contacts: the lead pushes them, a new laptop
   joins and pulls them all.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import delete, func, select, text, update  # noqa: E402

from cpm_desktop.services import sync as sync_service  # noqa: E402
from cpm_desktop.services.demo_data import generate_demo_tables  # noqa: E402
from cpm_desktop.services.interchange.importing import import_tables  # noqa: E402
from cpm_desktop.storage import models as m  # noqa: E402
from cpm_desktop.storage.engine import Store  # noqa: E402
from tests.sync.cluster import throwaway_cluster  # noqa: E402

PASSPHRASE = "benchmark"


def timed(label: str, work) -> float:
    started = time.perf_counter()
    result = work()
    took = time.perf_counter() - started
    print(f"{label}: {took * 1000:,.0f} ms" + (f" ({result})" if result is not None else ""))
    return took


def store_with(tmp: Path, name: str, scale: float, area: str | None = None) -> Store:
    store = Store.create(tmp / f"{name}.cpm", PASSPHRASE, actor=name)
    tables = generate_demo_tables(seed=7, scale=scale)
    if area:
        for row in tables["referrals"]:
            row["area"] = area
    import_tables(store, tables)
    return store


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=200, help="demo scale of the coordinator's laptop")
    parser.add_argument("--join-scale", type=float, default=20, help="demo scale of the area a laptop joins")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, throwaway_cluster() as cluster:
        tmp = Path(folder)
        owner = cluster.owner_url(cluster.create_hub_database())
        lead = Store.create(tmp / "lead.cpm", PASSPHRASE, actor="lead")
        sync_service.set_up_hub(lead, owner, user="Lead")
        code = sync_service.invite(lead, areas=("east",), member_role="coordinator", out=tmp / "east.invite")

        # 1. The coordinator's laptop holds the whole caseload (imported before it joined, then synced once).
        started = time.perf_counter()
        east = store_with(tmp, "east", args.scale, area="east")
        with east.snapshot() as session:
            referrals = session.scalar(select(func.count()).select_from(m.Referral))
            contacts = session.scalar(select(func.count()).select_from(m.Contact))
        print(f"coordinator's laptop: {referrals:,} referrals, {contacts:,} contacts "
              f"(made in {time.perf_counter() - started:.0f} s)")
        sync_service.join(east, tmp / "east.invite", code, user="East")
        with east.transaction() as session:  # as after its first sync: nothing waiting
            session.execute(delete(m.SyncOutbox))
        sync_service.sync_now(east)
        quiet = [timed("sync with nothing to do", lambda: sync_service.sync_now(east).pushed) for _ in range(5)]
        print(f"  median {statistics.median(quiet) * 1000:.0f} ms over 5 runs")

        # 2. 10,000 changes: 5,000 referral edits on the laptop, each with its audit event.
        with east.snapshot() as session:
            uuids = session.scalars(select(m.Referral.id).limit(5000)).all()
        with east.transaction() as session:
            for n, uuid in enumerate(uuids):
                session.get(m.Referral, uuid).phone = f"0191 {n:06d}"
        with east.snapshot() as session:
            queued = session.scalar(select(func.count()).select_from(m.SyncOutbox))
        pushed = timed(f"push {queued:,} changes", lambda: sync_service.sync_now(east).pushed)
        pulled = timed("pull them on the lead's laptop", lambda: sync_service.sync_now(lead).pulled)
        print(f"  push + pull: {pushed + pulled:.1f} s")
        east.close()

        # 3. First join of an area with ~5,000 referrals and ~100,000 contacts.
        with lead.transaction() as session:
            session.execute(update(m.Referral).values(area="north"))  # the lead's own copies stay in north
        north_source = store_with(tmp, "north-source", args.join_scale, area="north")
        with north_source.snapshot() as session:
            referrals = session.scalar(select(func.count()).select_from(m.Referral))
            contacts = session.scalar(select(func.count()).select_from(m.Contact))
        code2 = sync_service.invite(lead, areas=("north",), member_role="coordinator", out=tmp / "ns.invite")
        sync_service.join(north_source, tmp / "ns.invite", code2, user="North office")
        timed(f"push an area of {referrals:,} referrals and {contacts:,} contacts",
              lambda: sync_service.sync_now(north_source).pushed)
        code3 = sync_service.invite(lead, areas=("north",), member_role="coordinator", out=tmp / "n.invite")
        newcomer = Store.create(tmp / "north.cpm", PASSPHRASE, actor="north")
        sync_service.join(newcomer, tmp / "n.invite", code3, user="North")
        timed("first join: pull and apply the area", lambda: sync_service.sync_now(newcomer).pulled)
        with newcomer.snapshot() as session:
            print(f"  the new laptop holds {session.scalar(select(func.count()).select_from(m.Referral)):,} "
                  f"referrals and {session.scalar(select(func.count()).select_from(m.Contact)):,} contacts; "
                  f"store {(tmp / 'north.cpm').stat().st_size / 2**20:.0f} MiB")
            session.execute(text("SELECT 1"))
        for store in (lead, north_source, newcomer):
            store.close()


if __name__ == "__main__":
    main()
