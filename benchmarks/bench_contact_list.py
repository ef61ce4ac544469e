"""The contact log of a case with 5,000 contacts: loading the pane's list, and logging one more.

    .venv/bin/python benchmarks/bench_contact_list.py
"""
from __future__ import annotations

import os
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from cpm_desktop.services import contacts  # noqa: E402
from cpm_desktop.services.interchange import INTERCHANGE_COLUMNS, import_tables  # noqa: E402
from cpm_desktop.services.referrals import list_referrals  # noqa: E402
from cpm_desktop.storage.engine import Store  # noqa: E402
from cpm_desktop.ui.context import AppContext  # noqa: E402
from cpm_desktop.ui.panes.contacts import ContactLogPane  # noqa: E402


def row(stem: str, **values) -> dict[str, str]:
    return dict.fromkeys(INTERCHANGE_COLUMNS[stem], "") | values


def main() -> None:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp, Store.create(Path(tmp) / "log.cpm", "benchmark") as store:
        start = datetime(2019, 1, 1, 8)
        import_tables(store, {
            "referrals": [row("referrals", referral_id="R1", person_id="P1", referred_on="2018-12-01",
                              first_name="Busy", last_name="Case", outcome="supported", decided_on="2018-12-02")],
            "contacts": [row("contacts", contact_id=f"C{i:06d}", referral_id="R1",
                             occurred_at=(start + timedelta(hours=3 * i)).strftime("%Y-%m-%dT%H:%M"),
                             activity="telephone", minutes="10", notes=f"Call {i}: checked in, all calm.")
                         for i in range(5000)]})
        uuid = list_referrals(store)[0].uuid
        context = AppContext(store)
        pane = ContactLogPane(context)
        pane.show()
        started = time.perf_counter()
        context.set_current_referral(uuid)
        app.processEvents()
        print(f"open a case with {pane.model.rowCount():,} contacts in the pane: "
              f"{(time.perf_counter() - started) * 1000:.0f} ms")
        started = time.perf_counter()
        contacts.add_contact(store, uuid, occurred_at=datetime(2023, 1, 1, 9), activity="home_visit", minutes=60,
                             notes="One more")
        context.notify_changed("contact")
        app.processEvents()
        print(f"log one more contact and show the list again: {(time.perf_counter() - started) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
