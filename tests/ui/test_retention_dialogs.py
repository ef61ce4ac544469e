"""GDPR ▸ Due for deletion and Erase on request, driven as the lead would: tick, confirm, and the name is gone."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QTableView

from cpm_desktop.app import build_main_window
from cpm_desktop.services import retention
from cpm_desktop.storage.engine import Store
from tests.conftest import PASSPHRASE
from tests.services.retention_fixture import CANARY, MENTOR_CANARY, TODAY, build
from tests.storage.raw_pages import where_found


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "retention.cpm"
    with Store.create(path, PASSPHRASE, actor="lead") as store:
        records = build(store)
    main = build_main_window(path, PASSPHRASE)
    main.records = records
    qtbot.addWidget(main, before_close_func=lambda w: setattr(w, "dirty", False))
    main.show()
    yield main
    main.context.store.close()


def _rows(dialog):
    return [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]


def test_the_lead_ticks_what_is_due_confirms_and_it_is_erased(window, qtbot, monkeypatch):
    from cpm_desktop.ui.dialogs.retention import DueForDeletionDialog

    records = window.records
    retention.place_hold(window.context.store, kind="mentor", subject_id=records.leaver_id, reason="Tribunal",
                         today=TODAY)
    window.context.set_current_referral(records.due_referral)  # the case on screen is the one erased
    dialog = DueForDeletionDialog(window.context, window, today=TODAY)
    qtbot.addWidget(dialog)
    rows = {row.text(1).split(":")[0]: row for row in _rows(dialog)}
    case, mentor = rows[next(k for k in rows if k.startswith("Case"))], rows["Mentor M0001"]
    assert CANARY in case.text(1) and "kept 6 years after support ended" in case.text(2)
    assert case.text(0) == "01/12/2026"
    assert mentor.isDisabled() and "legal hold until it is lifted (Tribunal)" in mentor.text(3)
    assert not dialog.erase.isEnabled()  # nothing ticked yet
    dialog.tick_everything()
    assert dialog.ticked() == [f"case:{records.due_referral}"]  # the held mentor cannot be ticked
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: asked.append(args[2])
                        or QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.erased, timeout=30000) as erased:
        qtbot.mouseClick(dialog.erase, Qt.MouseButton.LeftButton)
    assert CANARY in asked[0] and "every laptop" in asked[0]
    assert erased.args[0].erased_records == 9  # person, case, 2 case events, 2 allocations, contact, revision, goal
    assert "Erased" in dialog.status.text()
    assert [row.text(1).split(":")[0] for row in _rows(dialog)] == ["Mentor M0001"]
    assert where_found(window.context.store.path, PASSPHRASE, CANARY) == []
    assert where_found(window.context.store.path, PASSPHRASE, MENTOR_CANARY)  # held
    assert window.context.current_referral is None
    assert window.findChild(QTableView, "referralList").model().rowCount() == 1


def test_cancelling_the_question_erases_nothing(window, qtbot, monkeypatch):
    from cpm_desktop.ui.dialogs.retention import DueForDeletionDialog

    dialog = DueForDeletionDialog(window.context, window, today=TODAY)
    qtbot.addWidget(dialog)
    _rows(dialog)[0].setCheckState(0, Qt.CheckState.Checked)
    assert dialog.erase.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(dialog.erase, Qt.MouseButton.LeftButton)
    assert dialog.task is None and len(_rows(dialog)) == 2
    assert where_found(window.context.store.path, PASSPHRASE, CANARY)


def test_erasure_on_request_from_the_gdpr_menu(window, qtbot, monkeypatch):
    from cpm_desktop.ui.dialogs.retention import ErasureRequestDialog

    dialog = ErasureRequestDialog(window.context, window, kind="mentor", subject_id=window.records.leaver_id)
    qtbot.addWidget(dialog)
    dialog.reason.setText("Asked by phone")
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: QMessageBox.StandardButton.Yes)
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args, **kw: said.append(args[2]))
    with qtbot.waitSignal(dialog.erased, timeout=30000):
        qtbot.mouseClick(dialog.erase, Qt.MouseButton.LeftButton)
    assert said and said[0].startswith("Erased")
    assert where_found(window.context.store.path, PASSPHRASE, MENTOR_CANARY) == []
    kinds = [r.request_kind for r in retention_requests(window)]
    assert kinds == ["erasure"]


def retention_requests(window):
    from cpm_desktop.services.access_requests import list_requests

    return list_requests(window.context.store, today=date.today())


def test_the_rules_dialog_saves_the_leads_periods(window, qtbot):
    from cpm_desktop.ui.dialogs.retention import RetentionRulesDialog

    dialog = RetentionRulesDialog(window.context, window)
    qtbot.addWidget(dialog)
    assert dialog.months["closed_case"].value() == 72
    dialog.months["closed_case"].setValue(96)
    dialog.save()
    assert retention.retention_rules(window.context.store).closed_case.months == 96
    keys = {item.key for item in retention.due_for_deletion(window.context.store, today=TODAY)}
    assert f"case:{window.records.due_referral}" not in keys


def test_the_menus_offer_the_dialogs(window):
    names = {action.objectName() for action in window.findChildren(type(window.menuBar().actions()[0]))}
    assert {"actionDueForDeletion", "actionEraseOnRequest", "actionRetentionRules"} <= names
