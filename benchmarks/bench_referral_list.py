"""The referral list at ~50,000 referrals: loading it and searching as you type.

    .venv/bin/python benchmarks/bench_referral_list.py
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _store import big_store  # noqa: E402

from cpm_desktop.services import referrals  # noqa: E402
from cpm_desktop.ui.panes.referrals import SHOWN_AT_MOST  # noqa: E402


def timed(label: str, work, repeat: int = 5):
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - started)
    print(f"{label}: {best * 1000:.0f} ms ({len(result):,} rows)")
    return result


def main() -> None:
    with big_store() as store:
        timed("whole list, every row", lambda: referrals.list_referrals(store))
        shown = SHOWN_AT_MOST
        for query in ("", "p", "pa", "paun", "ionut paun", "07700 9", "R0123", "dl1"):
            timed(f"as the pane asks: search {query!r}", lambda q=query: (
                referrals.list_referrals(store, search=q, limit=shown),
                referrals.count_referrals(store, search=q))[0])
        # The pane now asks search_referrals: the same, plus close spellings when exact hits are few.
        for query in ("", "pa", "paun", "ionut paun", "R0123", "siobahn", "siobahn o briain", "xyzzy", "kerry dinsdal"):
            timed(f"search_referrals {query!r} (exact + close spellings)", lambda q=query: referrals.search_referrals(
                store, search=q, limit=shown).rows)
        timed("waiting for mentors", lambda: referrals.list_referrals(store, state="awaiting_allocation"))
        timed("matches for a new referral", lambda: referrals.possible_matches(
            store, first_name="Ionut", last_name="Paun", phone="07700 900123"))


if __name__ == "__main__":
    main()
