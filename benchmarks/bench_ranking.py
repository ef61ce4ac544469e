"""Suggesting mentors for one referral in the store of ~50,000 referrals (12,000 mentors, 500+ active).

    .venv/bin/python benchmarks/bench_ranking.py
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _store import big_store  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from cpm_desktop.services import allocation, mentors  # noqa: E402
from cpm_desktop.storage import models as m  # noqa: E402


def main() -> None:
    with big_store() as store:
        with store.transaction() as session:
            active = session.scalar(select(func.count()).select_from(m.Mentor).where(m.Mentor.status == "active"))
        waiting = mentors.clients_waiting(store)
        referral = waiting[0].referral_uuid
        best = float("inf")
        for _ in range(5):
            started = time.perf_counter()
            choices = allocation.suggestions(store, referral)
            best = min(best, time.perf_counter() - started)
        print(f"suggestions for one referral among {active:,} active mentors: {best * 1000:.0f} ms "
              f"(best of 5; {len(choices)} shown)")
        for name, work in (("clients waiting", mentors.clients_waiting),
                           ("mentors never allocated", mentors.mentors_never_allocated),
                           ("progress checks overdue", mentors.progress_checks_overdue)):
            started = time.perf_counter()
            rows = work(store)
            print(f"{name}: {len(rows):,} rows in {(time.perf_counter() - started) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
