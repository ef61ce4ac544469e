"""The hub client at the issue's scale: 10,000 changes pushed by one device and pulled by another (≤ 5 s).

    .venv/bin/python benchmarks/bench_hub.py                 # starts a throwaway PostgreSQL (as the tests do)
    .venv/bin/python benchmarks/bench_hub.py --hub URL       # or the owner's URL of an empty database

Payloads are ~600 bytes of JSON, about a referral's size; sealing and opening are inside the timings.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository's own tests/ and cpm_desktop/

from cpm_desktop.sync.enrolment import enrol_device  # noqa: E402
from cpm_desktop.sync.hub import PostgresHub  # noqa: E402
from cpm_desktop.sync.hub_schema import init_hub  # noqa: E402
from cpm_desktop.sync.protocol import Change  # noqa: E402
from cpm_desktop.sync.sealing import new_sync_key  # noqa: E402

PAGE = 2_000


@contextmanager
def hub_database(url: str | None) -> Iterator[str]:
    if url:
        yield url
        return
    from tests.sync.cluster import throwaway_cluster

    with throwaway_cluster() as cluster:
        yield cluster.owner_url(cluster.create_hub_database())


def some_changes(device: str, count: int) -> list[Change]:
    areas = ["Durham City", "Easington", "Derwentside", None]
    payload = json.dumps({"given_name": "x" * 12, "family_name": "y" * 16, "address": "z" * 60,
                          "notes": "n" * 400, "referral_id": "R000123", "status": "allocated"}).encode()
    return [Change(str(uuid.uuid4()), device, areas[n % 4], "referral", str(uuid.uuid4()),
                   f"{1764576000000 + n:016d}-0000-A", payload) for n in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hub", help="owner URL of an empty hub database (default: a throwaway cluster)")
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with hub_database(args.hub) as owner_url:
        init_hub(owner_url)
        key = new_sync_key()
        pusher = enrol_device(owner_url, device_uuid=str(uuid.uuid4()), member_role="lead", areas=(),
                              all_areas=True, may_invite=True)
        coordinator = enrol_device(owner_url, device_uuid=str(uuid.uuid4()), member_role="coordinator",
                                   areas=("Durham City",), all_areas=False, may_invite=False)
        totals = []
        after = 0
        with PostgresHub(pusher, key) as push_hub, PostgresHub(pusher, key) as lead, \
                PostgresHub(coordinator, key) as coord:
            push_hub.pull(0, 1)  # connections made outside the timings, as a sync session's would be
            lead.pull(0, 1)
            coord.pull(0, 1)
            for run in range(args.runs):
                batch = some_changes(pusher.device_uuid, args.changes)
                started = time.perf_counter()
                push_hub.push(batch)
                pushed = time.perf_counter()
                got, mark = 0, after
                while page := lead.pull(mark, PAGE):
                    got += len(page)
                    mark = page[-1].seq
                pulled = time.perf_counter()
                coord_got, coord_mark = 0, after
                while page := coord.pull(coord_mark, PAGE):
                    coord_got += len(page)
                    coord_mark = page[-1].seq
                coord_done = time.perf_counter()
                assert got == args.changes, got
                after = mark
                totals.append(pulled - started)
                print(f"run {run + 1}: push {args.changes:,} in {pushed - started:.2f} s, "
                      f"pull them (lead, all areas) in {pulled - pushed:.2f} s — total {pulled - started:.2f} s; "
                      f"a coordinator pulls its {coord_got:,} (one area + everyone's) in "
                      f"{coord_done - pulled:.2f} s")
            started = time.perf_counter()
            nothing = lead.pull(after, PAGE)
            print(f"a pull with nothing new: {1000 * (time.perf_counter() - started):.1f} ms ({len(nothing)} changes)")
        print(f"median push + pull of {args.changes:,}: {statistics.median(totals):.2f} s "
              "(the issue asks ≤ 5 s for 10,000)")


if __name__ == "__main__":
    main()
