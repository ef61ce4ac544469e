"""Retention over the benchmark store (~50,000 referrals, ~1,000,000 contacts), on a copy of it.

    .venv/bin/python benchmarks/bench_retention.py [--scale 200] [--today 2026-12-01]

Times the dry run (what is due), the erasure of everything due and the clearing of the file (VACUUM and an
emptied -wal), and prints the file's size before and after. The shared benchmark store is never changed.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _store import PASSPHRASE, big_store  # noqa: E402

from cpm_desktop.services import retention  # noqa: E402
from cpm_desktop.storage.engine import Store, execute_pragma  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=200)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 12, 1))
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="cpm-retention-"))
    shared = Path(tempfile.gettempdir()) / f"cpm-benchmark-{args.scale:g}.cpm"
    if not shared.exists() or shared.with_name(shared.name + "-wal").exists():
        big_store(args.scale).close()  # built (or checkpointed) by the usual benchmark helper
    # Copied as a file, never opened here: opening upgrades a store's schema, and the shared one is others' too.
    copy = folder / "copy.cpm"
    shutil.copyfile(shared, copy)
    with Store.open(copy, PASSPHRASE) as store:
        started = time.perf_counter()
        items = retention.due_for_deletion(store, today=args.today)
        print(f"dry run: {time.perf_counter() - started:.2f} s, {len(items):,} due "
              f"({sum(i.kind == 'case' for i in items):,} cases, {sum(i.kind == 'mentor' for i in items):,} "
              f"mentors, {sum(i.count for i in items if i.kind == 'audit'):,} audit events)", flush=True)
        before = copy.stat().st_size
        started = time.perf_counter()
        report = retention.apply_retention(store, [i.key for i in items if not i.kept], today=args.today)
        print(f"erased and cleared: {time.perf_counter() - started:.1f} s — {report.sentence()}")
        print(f"file {before / 1e6:,.0f} MB -> {copy.stat().st_size / 1e6:,.0f} MB, "
              f"free pages {execute_pragma(store, 'freelist_count')[0][0]}")
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()


if __name__ == "__main__":
    main()
