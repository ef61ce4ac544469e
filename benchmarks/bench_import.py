"""Import and export at ten times the scheme's size: ~50,000 referrals and ~1,000,000 contacts.

    .venv/bin/python benchmarks/bench_import.py --scale 200

Run from the repository (or a worktree) with PYTHONPATH=. so the code measured is the checkout's.
"""
from __future__ import annotations

import argparse
import csv
import tempfile
import time
from pathlib import Path

from cpm_desktop.services.demo_data import generate_demo_tables
from cpm_desktop.services.interchange import export_folder, import_folder
from cpm_desktop.storage.engine import Store


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        started = time.perf_counter()
        tables = generate_demo_tables(seed=1, scale=args.scale)
        print(f"generated {', '.join(f'{len(v):,} {k}' for k, v in tables.items())} "
              f"in {time.perf_counter() - started:.1f} s")
        folder = tmp / "in"
        folder.mkdir()
        for stem, rows in tables.items():
            if not rows:
                continue
            with (folder / f"{stem}.csv").open("w", newline="", encoding="utf-8") as f:
                writer = csv.DictWriter(f, list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
        rows = sum(len(v) for v in tables.values())
        del tables
        with Store.create(tmp / "bench.cpm", "benchmark") as store:
            # CPU time too: on a shared machine the wall clock measures the neighbours as much as the code.
            started, cpu = time.perf_counter(), time.process_time()
            import_folder(store, folder)
            took = time.perf_counter() - started
            print(f"import: {rows:,} rows in {took:.1f} s ({rows / took:,.0f} rows/s), "
                  f"CPU {time.process_time() - cpu:.1f} s")
            started, cpu = time.perf_counter(), time.process_time()
            summary = export_folder(store, tmp / "out")
            took = time.perf_counter() - started
            written = sum(summary.rows.values())
            print(f"export: {written:,} rows in {took:.1f} s ({written / took:,.0f} rows/s), "
                  f"CPU {time.process_time() - cpu:.1f} s")
        print(f"store size: {(tmp / 'bench.cpm').stat().st_size / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
