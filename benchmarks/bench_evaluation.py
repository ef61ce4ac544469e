"""The evaluation summary over ~50,000 referrals and ~1,000,000 contacts, against plain SQL counts.

    .venv/bin/python benchmarks/bench_evaluation.py [--scale 200]

Times the whole-store summary, one financial year (which also computes the previous year, loading the
contacts a second time for its own as_of, and the headline of every area), and the PDF.
"""
from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).parent))
from _store import big_store  # noqa: E402

from cpm_desktop.domain.evaluation import EvaluationParameters  # noqa: E402
from cpm_desktop.services.reports import evaluation_pdf, evaluation_summary  # noqa: E402

PLAIN_SQL = """
SELECT (SELECT count(*) FROM referral),
       (SELECT count(*) FROM referral WHERE outcome = 'supported'),
       (SELECT count(*) FROM contact c JOIN referral r ON r.id = c.referral_uuid WHERE r.outcome = 'supported'),
       (SELECT count(*) FROM mentor)
"""


def timed(label: str, work, repeat: int = 3):
    best, result = None, None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        took = time.perf_counter() - started
        best = took if best is None else min(best, took)
    print(f"{label}: {best:.2f} s (best of {repeat})")
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=200)
    args = parser.parse_args()
    with big_store(args.scale) as store:
        params = EvaluationParameters(as_of=date.today())
        plain, counts = timed("plain SQL counts", lambda: store.engine.connect().execute(text(PLAIN_SQL)).one())
        print(f"  referrals {counts[0]:,}, supported {counts[1]:,}, their contacts {counts[2]:,}, "
              f"mentors {counts[3]:,}")
        summary_time, summary = timed("evaluation summary (JSON document)", lambda: evaluation_summary(store, params))
        assert summary["referrals"]["total"] == counts[0] and summary["contacts"]["total"] == counts[2]
        print(f"  ratio to plain SQL: {summary_time / plain:.1f}x")
        areas = summary["by_area"]
        assert sum(a["referrals"] for a in areas["areas"]) == areas["total"]["referrals"] == counts[0]
        assert sum(a["contacts"] for a in areas["areas"]) == areas["total"]["contacts"] == counts[2]
        last_year = EvaluationParameters(date(2024, 4, 1), date(2025, 3, 31), date(2025, 3, 31))
        _, year = timed("one financial year, with the year before and every area",
                        lambda: evaluation_summary(store, last_year))
        print(f"  2024-25: {year['referrals']['total']:,} referrals; 2023-24: "
              f"{year['previous_period']['figures']['referrals']:,}")
        timed("evaluation summary (PDF)", lambda: evaluation_pdf(store, params), repeat=1)


if __name__ == "__main__":
    main()
