"""The contact log of a case with 5,000 contacts: loading the pane's list, and logging one more.

    .venv/bin/python benchmarks/bench_contact_list.py
"""
from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
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
            "mentors": [row("mentors", mentor_id="M1", first_name="Zoë", last_name="Ælfric", status="active")],
            "allocations": [row("allocations", referral_id="R1", mentor_id="M1", allocated_on="2018-12-10")],
            "contacts": [row("contacts", contact_id=f"C{i:06d}", referral_id="R1",
                             occurred_at=(start + timedelta(hours=3 * i)).strftime("%Y-%m-%dT%H:%M"),
                             activity=("telephone", "home_visit", "text_email")[i % 3], minutes=str(5 + i % 90),
                             mentor_id="M1" if i % 2 else "",
                             staff_name="" if i % 2 else "Coordinator",
                             notes=f"Call {i}: checked in, all calm.\n" + "Talked about the week. " * (i % 20))
                         for i in range(5000)]})
        uuid = list_referrals(store)[0].uuid
        context = AppContext(store)
        pane = ContactLogPane(context)
        pane.resize(1300, 750)
        pane.show()
        app.processEvents()

        def timed(label: str, action, repeat: int = 5) -> None:
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                action()
                app.processEvents()
                times.append((time.perf_counter() - started) * 1000)
            print(f"{label}: median {statistics.median(times):.0f} ms (min {min(times):.0f}, max {max(times):.0f})")

        def open_case() -> None:
            context.set_current_referral(None)
            context.set_current_referral(uuid)
            pane.table.viewport().repaint()

        timed("query the 5,000 rows (service only)", lambda: contacts.list_contacts(store, uuid))
        timed("open the case in the pane (query, model, totals, goals, first paint)", open_case)
        print(f"  rows in the pane's model: {pane.model.rowCount():,}")

        def log_one() -> None:
            pane.activity.setCurrentIndex(pane.activity.findData("home_visit"))
            pane.minutes.setValue(60)
            pane.notes.setText("One more")
            pane.log_contact()  # saves, then the pane reloads the list and totals
            pane.table.viewport().repaint()

        timed("log one more contact through the quick-entry row (save and show the list again)", log_one)

        def sort_by_minutes() -> None:
            pane.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
            pane.table.viewport().repaint()

        timed("sort the list by minutes", sort_by_minutes, repeat=3)
        pane.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        timed("scroll to the oldest entry and paint", lambda: (pane.table.scrollToBottom(),
                                                            pane.table.viewport().repaint()), repeat=3)


if __name__ == "__main__":
    main()
