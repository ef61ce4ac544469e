"""One refresh of the Contact log pane (log, totals, helpers, goals, police calls, closing) on the demo store at
ten times the scheme's size, on its busiest case: the time, and how many sessions (transactions or snapshots)
it opens.

    .venv/bin/python benchmarks/bench_panes_contacts.py
"""
from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]  # this checkout first

from _store import big_store  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import func, select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from cpm_desktop.services import cases, closure, contacts, goals, referrals  # noqa: E402
from cpm_desktop.storage import models as m  # noqa: E402
from cpm_desktop.ui.context import AppContext  # noqa: E402
from cpm_desktop.ui.panes.contacts import ContactLogPane  # noqa: E402


def counting(opens: list[str], name: str, method: Callable[[], AbstractContextManager[Session]]
             ) -> Callable[[], AbstractContextManager[Session]]:
    @contextmanager
    def counted() -> Iterator[Session]:
        opens.append(name)
        with method() as session:
            yield session
    return counted


def main() -> None:
    app = QApplication.instance() or QApplication([])
    with big_store(scale=10) as store:
        with store.snapshot() as session:
            busiest, logged = session.execute(
                select(m.Contact.referral_uuid, func.count()).where(m.Contact.deleted_at.is_(None))
                .group_by(m.Contact.referral_uuid).order_by(func.count().desc()).limit(1)).one()
            cases_held = session.scalar(select(func.count()).select_from(m.Referral))
        print(f"demo store at scale 10: {cases_held:,} referrals; the busiest case has {logged:,} contacts")
        context = AppContext(store)
        pane = ContactLogPane(context)
        pane.resize(1280, 720)
        pane.show()
        context.set_current_referral(busiest)
        app.processEvents()

        opens: list[str] = []
        transaction, snapshot = store.transaction, store.snapshot
        store.transaction = counting(opens, "transaction", store.transaction)  # type: ignore[method-assign]
        store.snapshot = counting(opens, "snapshot", store.snapshot)  # type: ignore[method-assign]
        pane.refresh()
        print(f"one refresh opens {len(opens)} session(s): {', '.join(opens)}")

        store.transaction, store.snapshot = transaction, snapshot  # type: ignore[method-assign]

        def timed(label: str, action: Callable[[], object]) -> None:
            times = []
            for _ in range(40):
                started = time.perf_counter()
                action()
                app.processEvents()
                times.append((time.perf_counter() - started) * 1000)
            print(f"{label}: median {statistics.median(times):.1f} ms "
                  f"(min {min(times):.1f}, max {max(times):.1f}) over {len(times)}")

        timed("one refresh of the pane", pane.refresh)

        def eight_reads() -> None:  # what the pane read before, one transaction each
            referrals.case_header(store, busiest)
            goals.goals(store, busiest)
            cases.police_calls(store, busiest)
            closure.closure_state(store, busiest)
            cases.case_history(store, busiest)
            contacts.helpers(store, busiest)
            contacts.list_contacts(store, busiest)
            contacts.case_totals(store, busiest)

        timed("its reads as eight service calls", eight_reads)
        if hasattr(contacts, "contact_log_view"):
            timed("its reads as one view (contact_log_view)", lambda: contacts.contact_log_view(store, busiest))


if __name__ == "__main__":
    main()
