"""Sync in the window: the status bar, Sync now (F5) in the background, offline said plainly, conflicts settled."""
from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from cpm_desktop.app import build_main_window
from cpm_desktop.services import referrals as referral_service
from cpm_desktop.services import sync as sync_service
from cpm_desktop.storage.engine import Store
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.dialogs.sync import SyncDialog
from tests.conftest import PASSPHRASE
from tests.sync.conftest_stores import new_referral


@pytest.fixture
def two_laptops(tmp_path, hub_db):
    with Store.create(tmp_path / "lead.cpm", PASSPHRASE) as lead:
        sync_service.set_up_hub(lead, hub_db.owner_url, user="Pat Lead")
        code = sync_service.invite(lead, areas=("east",), member_role="coordinator", out=tmp_path / "east.invite")
    return tmp_path / "lead.cpm", tmp_path / "east.invite", code


def _window(qtbot, path):
    main = build_main_window(path, PASSPHRASE)
    qtbot.addWidget(main, before_close_func=lambda w: setattr(w, "dirty", False))
    main.show()
    return main


def test_a_laptop_joins_from_the_window_and_syncs(qtbot, tmp_path, two_laptops):
    lead_path, invite, code = two_laptops
    with Store.open(lead_path, PASSPHRASE) as lead:
        new_referral(lead, "Joan", "Joiner", "east")
        sync_service.sync_now(lead)
    with Store.create(tmp_path / "east.cpm", PASSPHRASE):
        pass
    main = _window(qtbot, tmp_path / "east.cpm")
    assert "Not yet part" in main.findChild(type(main.sync_label), "statusSync").text()
    dialog = SyncDialog(main.context, main)
    qtbot.addWidget(dialog)
    heard = []
    main.context.changed.connect(heard.append)
    assert dialog.join_box.isVisibleTo(dialog) and not dialog.sync_button.isEnabled()
    dialog.invite_file.setText(str(invite))
    dialog.invite_code.setText(code.lower())  # typed in any case
    dialog.user_name.setText("Erin East")
    qtbot.mouseClick(dialog.join_box.findChild(type(dialog.sync_button), "joinButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome.text().startswith("Synced"), timeout=30_000)
    assert "received" in dialog.outcome.text()
    assert heard == [Changes.EVERYTHING]  # joining shows nowhere else; the sync it starts is announced once
    assert ["Joan" in row.name for row in referral_service.list_referrals(main.context.store)] == [True]
    main.context.store.close()


def test_offline_is_said_in_the_status_bar_and_never_as_an_error_box(qtbot, tmp_path, two_laptops, postgres,
                                                                      monkeypatch):
    lead_path, _, _ = two_laptops
    boxes = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: boxes.append(args))
    main = _window(qtbot, lead_path)
    sync_action = main.findChild(QAction, "actionSyncNow")
    assert sync_action.shortcut().toString() == "F5"
    new_referral(main.context.store, "Offline", "Typing", "east")
    heard = []
    main.context.changed.connect(heard.append)
    postgres.stop()
    try:
        sync_action.trigger()
        qtbot.waitUntil(lambda: main.statusBar().currentMessage().startswith("Offline"), timeout=30_000)
    finally:
        postgres.start()
    assert boxes == [] and heard == [Changes.EVERYTHING]  # once, though F5's window also hears of it
    assert "waiting" in main.sync_label.text()
    sync_action.trigger()
    qtbot.waitUntil(lambda: main.statusBar().currentMessage().startswith("Synced"), timeout=30_000)
    assert "last synced" in main.sync_label.text() and "waiting" not in main.sync_label.text()
    main.context.store.close()


def test_a_conflict_is_shown_with_both_values_and_settled_in_the_window(qtbot, tmp_path, two_laptops):
    lead_path, invite, code = two_laptops
    with Store.create(tmp_path / "east.cpm", PASSPHRASE) as east, Store.open(lead_path, PASSPHRASE) as lead:
        sync_service.join(east, invite, code, user="Erin East")
        form = new_referral(east, "Phone", "Twice", "east")
        sync_service.sync_now(east)
        sync_service.sync_now(lead)
        for store, phone in ((east, "0191 1"), (lead, "0191 2")):
            referral_service.save_referral(store, dataclasses.replace(
                referral_service.load_referral(store, form.referral_uuid), phone=phone))
        for store in (east, lead, east):
            sync_service.sync_now(store)
    main = _window(qtbot, tmp_path / "east.cpm")
    dialog = SyncDialog(main.context, main)
    qtbot.addWidget(dialog)
    assert dialog.conflicts.rowCount() == 1 and "1 conflict to settle" in dialog.status_label.text()  # one read
    row = dialog.conflicts.row_at(0)
    assert {row.kept, row.other} == {"0191 1", "0191 2"} and {row.kept_by, row.other_by} == {"Erin East", "Pat Lead"}
    dialog.conflict_view.selectRow(0)
    qtbot.mouseClick(dialog.findChild(type(dialog.sync_button), "useOther"), Qt.MouseButton.LeftButton)
    assert dialog.conflicts.rowCount() == 0
    assert referral_service.load_referral(main.context.store, form.referral_uuid).phone == row.other
    main.context.store.close()


def test_closing_the_sync_window_with_an_invite_code_typed_asks_first(qtbot, tmp_path, monkeypatch):
    from cpm_desktop.ui import unsaved

    with Store.create(tmp_path / "new.cpm", PASSPHRASE):
        pass
    main = _window(qtbot, tmp_path / "new.cpm")
    dialog = SyncDialog(main.context, main)
    qtbot.addWidget(dialog, before_close_func=lambda widget: widget.typed_kept())
    dialog.show()
    dialog.invite_code.setText("7KQ2M-XW9PA-3HD0C-T8NVE")
    asked = []
    monkeypatch.setattr(unsaved, "ask", lambda *args: asked.append(args) or unsaved.Button.Cancel)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and dialog.isVisible() and dialog.invite_code.text() == "7KQ2M-XW9PA-3HD0C-T8NVE"
    main.context.store.close()


def test_a_sync_that_cannot_start_says_why_in_the_status_bar(qtbot, tmp_path, caplog):
    with Store.create(tmp_path / "new.cpm", PASSPHRASE):
        pass
    main = _window(qtbot, tmp_path / "new.cpm")
    heard = []
    main.context.changed.connect(heard.append)
    main.findChild(QAction, "actionSyncNow").trigger()
    qtbot.waitUntil(lambda: main.statusBar().currentMessage().startswith("Sync did not finish"), timeout=30_000)
    assert "join one with an invite" in main.statusBar().currentMessage()
    assert heard == [Changes.EVERYTHING]  # announced whatever the outcome: a stopped sync may have taken pages
    assert "Traceback" not in caplog.text  # a refusal, not a fault: nothing logged as one
    main.context.store.close()
