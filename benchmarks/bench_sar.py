"""A subject-access export of a client with 1,000 contacts (and the largest case of the big store).

    .venv/bin/python benchmarks/bench_sar.py
"""
from __future__ import annotations

import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _store import big_store  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from cpm_desktop.services.gdpr import subject_access_pdf  # noqa: E402
from cpm_desktop.services.interchange import INTERCHANGE_COLUMNS, import_tables  # noqa: E402
from cpm_desktop.storage import models as m  # noqa: E402
from cpm_desktop.storage.engine import Store  # noqa: E402


def row(stem: str, **values) -> dict[str, str]:
    return dict.fromkeys(INTERCHANGE_COLUMNS[stem], "") | values


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        with Store.create(Path(tmp) / "sar.cpm", "benchmark") as store:
            start = datetime(2020, 1, 1, 9)
            import_tables(store, {
                "referrals": [row("referrals", referral_id="R1", person_id="P1", referred_on="2019-12-01",
                                  first_name="Many", last_name="Contacts", outcome="supported",
                                  decided_on="2019-12-02")],
                "contacts": [row("contacts", contact_id=f"C{i:05d}", referral_id="R1",
                                 occurred_at=(start + timedelta(hours=i)).strftime("%Y-%m-%dT%H:%M"),
                                 activity="home_visit", minutes="60",
                                 notes=f"Visit {i}: talked through the week, the goals and what comes next.")
                             for i in range(1000)]})
            started = time.perf_counter()
            pdf = subject_access_pdf(store, person_id="P1")
            print(f"1,000-contact subject-access export: {time.perf_counter() - started:.1f} s, "
                  f"{len(pdf) / 1024:.0f} KiB")
    with big_store() as store, store.transaction() as session:
        c, r, p = m.Contact, m.Referral, m.Person
        person_id, count = session.execute(
            select(p.person_id, func.count()).join(r, r.person_uuid == p.id).join(c, c.referral_uuid == r.id)
            .group_by(p.person_id).order_by(func.count().desc()).limit(1)).one()
    with big_store() as store:
        started = time.perf_counter()
        subject_access_pdf(store, person_id=person_id)
        print(f"largest case in the 50,000-referral store ({count} contacts): {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
