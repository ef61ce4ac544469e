"""One refresh of the Allocation pane on the demo store at scale, and how many transactions it opens.

    .venv/bin/python benchmarks/bench_panes.py [--scale 10] [--repeat 20]

The pane shows the case header, the mentors allocated, the suggestions and three waiting lists; each
refresh should read them in one consistent snapshot, not in one transaction apiece.

Scale 10 (2,610 referrals, 600 mentors), best of 100 on a shared 2-core machine: a case waiting for mentors
10.9-11.1 ms in 6 write transactions before, 9.4-10.0 ms in 1 snapshot after; no case 2.3 ms in 3
transactions before, 2.0 ms in 1 snapshot after. Most of the time is ranking the 600 mentors (about 8.7 ms).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1]))
from _store import big_store  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from cpm_desktop.services import mentors, referrals  # noqa: E402
from cpm_desktop.storage.engine import Store  # noqa: E402
from cpm_desktop.ui.context import AppContext  # noqa: E402
from cpm_desktop.ui.panes.allocation import AllocationPane  # noqa: E402


def count_sessions(store: Store, opened: Counter[str]) -> None:
    """Count every transaction and snapshot the store opens from now on."""
    for kind in ("transaction", "snapshot"):
        original: Callable[[], AbstractContextManager[Session]] = getattr(store, kind)

        @contextmanager
        def counted(original: Callable[[], AbstractContextManager[Session]] = original,
                    kind: str = kind) -> Iterator[Session]:
            opened[kind] += 1
            with original() as session:
                yield session

        setattr(store, kind, counted)


def timed(label: str, work: Callable[[], object], opened: Counter[str], repeat: int) -> None:
    times = []
    for _ in range(repeat):
        opened.clear()
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    print(f"{label}: median {statistics.median(times) * 1000:.1f} ms, best {min(times) * 1000:.1f} ms "
          f"over {repeat}; opens {opened['transaction']} transaction(s), {opened['snapshot']} snapshot(s)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=10)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with big_store(args.scale) as store:
        waiting = mentors.clients_waiting(store)
        case = waiting[0].referral_uuid if waiting else referrals.list_referrals(store)[0].uuid
        print(f"scale {args.scale:g}: {len(referrals.list_referrals(store)):,} referrals, "
              f"{len(mentors.mentor_list(store)):,} mentors, {len(waiting):,} clients waiting")
        context = AppContext(store)
        pane = AllocationPane(context)
        pane.resize(1280, 720)
        context.set_current_referral(case)
        opened: Counter[str] = Counter()
        count_sessions(store, opened)
        timed("Allocation pane refresh, a supported case waiting for mentors", pane.refresh, opened, args.repeat)
        context.set_current_referral(None)
        timed("Allocation pane refresh, no case chosen", pane.refresh, opened, args.repeat)
        pane.deleteLater()
    app.processEvents()


if __name__ == "__main__":
    main()
