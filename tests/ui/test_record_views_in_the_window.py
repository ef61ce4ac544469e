"""Clicking through the referral list writes nothing; the views reach the audit trail on the timer or the lock."""
from __future__ import annotations

from sqlalchemy import select

from cpm_desktop.storage import models as m
from tests.ui.test_main_window import window  # noqa: F401 (the fixture)


def written_views(store) -> int:
    with store.snapshot() as session:
        return len(session.scalars(select(m.AuditEvent.id).where(m.AuditEvent.action == "view")).all())


def data_version(connection) -> int:
    return connection.cursor().execute("PRAGMA data_version").fetchone()[0]


def click_through(window, qtbot, clicks: int) -> None:  # noqa: F811
    pane = window.referrals_pane
    for click in range(clicks):
        row = click % pane.model.rowCount()
        pane.table.selectRow(row)
        qtbot.waitUntil(lambda row=row: window.context.current_referral == pane.model.rows[row].uuid)


def test_twenty_row_clicks_write_nothing_and_locking_writes_their_views(window, qtbot):  # noqa: F811
    store = window.context.store
    window.context.flush_record_views()
    watcher = store.engine.raw_connection()
    try:
        before, views_before = data_version(watcher), written_views(store)
        click_through(window, qtbot, 20)
        assert data_version(watcher) == before and written_views(store) == views_before
        assert len(store.pending_views) >= 20
        window.lock()
        assert data_version(watcher) != before
    finally:
        watcher.close()
    assert written_views(store) >= views_before + 20 and len(store.pending_views) == 0


def test_the_views_are_written_on_the_half_minute_timer(window, qtbot):  # noqa: F811
    context = window.context
    assert context.views_timer.isActive() and context.views_timer.interval() == 30_000
    window.context.flush_record_views()
    views_before = written_views(context.store)
    click_through(window, qtbot, 3)
    context.views_timer.setInterval(50)  # the half minute, shortened
    qtbot.waitUntil(lambda: written_views(context.store) >= views_before + 3, timeout=5000)
    assert len(context.store.pending_views) == 0
