"""GDPR ▸ Due for deletion and Erase on request, driven as the lead would: tick, confirm, and the name is gone."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMessageBox, QTableView

from cpm_desktop.app import build_main_window
from cpm_desktop.services import retention
from cpm_desktop.storage.engine import Store
from cpm_desktop.ui import unsaved
from cpm_desktop.ui.changes import Changes
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


@pytest.fixture
def heard(window):
    announced: list[Changes] = []
    window.context.changed.connect(announced.append)
    return announced


def _rows(dialog):
    return [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]


def _modal(qtbot, name):
    """The window-modal dialog a menu action opened (``open()``: the test goes on while it is up)."""
    qtbot.waitUntil(lambda: (w := QApplication.activeModalWidget()) is not None and w.objectName() == name)
    return QApplication.activeModalWidget()


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


def test_an_erasure_is_announced_once_and_the_erased_case_leaves_the_form(window, qtbot, monkeypatch, heard):
    from cpm_desktop.ui.dialogs.retention import DueForDeletionDialog

    form = window.referrals_pane.editor
    window.referrals_pane.open(window.records.due_referral)
    assert form.ui.lastNameEdit.text() == CANARY
    dialog = DueForDeletionDialog(window.context, window, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.tick_everything()
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.erased, timeout=30000):
        qtbot.mouseClick(dialog.erase, Qt.MouseButton.LeftButton)
    assert heard == [Changes.EVERYTHING]
    assert form.referral_uuid is None and CANARY not in form.ui.lastNameEdit.text()  # not left on screen
    assert "Erased" in dialog.status.text() and not dialog.erase.isEnabled()


def test_typing_for_the_case_is_settled_before_it_is_erased_not_after(window, qtbot, monkeypatch):
    from cpm_desktop.ui.dialogs.retention import DueForDeletionDialog

    form = window.referrals_pane.editor
    window.referrals_pane.open(window.records.due_referral)
    form.ui.phoneEdit.setFocus()
    qtbot.keyClicks(form.ui.phoneEdit, "0191 496 0000")
    assert form.dirty
    dialog = DueForDeletionDialog(window.context, window, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.tick_everything()
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: QMessageBox.StandardButton.Yes)
    asked_while_stored = []
    monkeypatch.setattr(unsaved, "ask", lambda *args: asked_while_stored.append(
        bool(where_found(window.context.store.path, PASSPHRASE, CANARY))) or unsaved.Button.Discard)
    with qtbot.waitSignal(dialog.erased, timeout=30000):
        qtbot.mouseClick(dialog.erase, Qt.MouseButton.LeftButton)
    assert asked_while_stored == [True]  # asked once, before the erasure: never a save into a record gone
    assert not form.dirty and where_found(window.context.store.path, PASSPHRASE, CANARY) == []


def test_a_legal_hold_needs_its_reason_and_is_announced_once(window, qtbot, monkeypatch, heard):
    import cpm_desktop.ui.dialogs.retention as retention_module

    dialog = retention_module.DueForDeletionDialog(window.context, window, today=TODAY)
    qtbot.addWidget(dialog)
    case = next(row for row in _rows(dialog) if row.text(1).startswith("Case"))
    dialog.tree.setCurrentItem(case)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *rest: warned.append(text))
    answers = iter([("  ", True), ("A claim is expected", True)])
    monkeypatch.setattr(retention_module, "ask_reason", lambda *args, **kw: next(answers))
    dialog.place_hold()
    assert warned == ["Give the reason for the hold."] and heard == []
    assert not next(row for row in _rows(dialog) if row.text(1).startswith("Case")).isDisabled()  # not held
    dialog.tree.setCurrentItem(next(row for row in _rows(dialog) if row.text(1).startswith("Case")))
    dialog.place_hold()
    assert heard == [Changes.SETTINGS]
    held = next(row for row in _rows(dialog) if row.text(1).startswith("Case"))  # the list reloaded once
    assert held.isDisabled() and "A claim is expected" in held.text(3)


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


def test_an_erasure_refused_keeps_the_request_typed_and_closing_it_asks(window, qtbot, monkeypatch, heard):
    from cpm_desktop.ui.dialogs.retention import ErasureRequestDialog

    retention.place_hold(window.context.store, kind="mentor", subject_id=window.records.leaver_id,
                         reason="Tribunal", today=TODAY)
    dialog = ErasureRequestDialog(window.context, window, kind="mentor", subject_id=window.records.leaver_id)
    qtbot.addWidget(dialog, before_close_func=lambda widget: widget.typed_kept())
    dialog.open()
    dialog.reason.setText("Asked by phone")
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: QMessageBox.StandardButton.Yes)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *rest: warned.append(text))
    qtbot.mouseClick(dialog.erase, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(warned), timeout=30000)
    assert len(warned) == 1 and "hold" in warned[0] and heard == []
    assert dialog.isVisible() and dialog.reason.text() == "Asked by phone" and dialog.erase.isEnabled()
    assert where_found(window.context.store.path, PASSPHRASE, MENTOR_CANARY)
    asked = []
    monkeypatch.setattr(unsaved, "ask", lambda *args: asked.append(args[2]) or unsaved.Button.Cancel)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and dialog.isVisible() and dialog.reason.text() == "Asked by phone"


def retention_requests(window):
    from cpm_desktop.services.access_requests import list_requests

    return list_requests(window.context.store, today=date.today())


def test_the_rules_dialog_saves_the_leads_periods(window, qtbot, heard):
    window.findChild(QAction, "actionRetentionRules").trigger()
    dialog = _modal(qtbot, "retentionRules")
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert dialog.months["closed_case"].value() == 72
    dialog.months["closed_case"].setValue(96)
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert heard == [Changes.SETTINGS]
    assert retention.retention_rules(window.context.store).closed_case.months == 96
    keys = {item.key for item in retention.due_for_deletion(window.context.store, today=TODAY)}
    assert f"case:{window.records.due_referral}" not in keys


def test_closing_the_rules_with_a_period_changed_asks_first(window, qtbot, monkeypatch):
    window.findChild(QAction, "actionRetentionRules").trigger()
    dialog = _modal(qtbot, "retentionRules")
    dialog.months["closed_case"].setValue(96)
    asked = []
    monkeypatch.setattr(unsaved, "ask", lambda *args: asked.append(args[2]) or unsaved.Button.Cancel)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and dialog.isVisible() and dialog.months["closed_case"].value() == 96
    assert retention.retention_rules(window.context.store).closed_case.months == 72
    monkeypatch.setattr(unsaved, "ask", lambda *args: unsaved.Button.Discard)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_the_menus_offer_the_dialogs(window):
    names = {action.objectName() for action in window.findChildren(type(window.menuBar().actions()[0]))}
    assert {"actionDueForDeletion", "actionEraseOnRequest", "actionRetentionRules"} <= names


def test_the_rules_form_has_a_labelled_row_for_every_rule(window, qtbot):
    from cpm_desktop.domain.retention import RULE_KEYS, describe
    from cpm_desktop.ui.dialogs.retention import RetentionRulesDialog

    dialog = RetentionRulesDialog(window.context, window)
    qtbot.addWidget(dialog)
    rules = retention.retention_rules(window.context.store)
    assert list(dialog.months) == list(RULE_KEYS)
    for key, spin in dialog.months.items():
        assert spin.value() == rules.rule(key).months
        label = next(label for label in dialog.findChildren(QLabel) if label.buddy() is spin)
        assert "&" in label.text()  # Alt+letter reaches the period
        assert rules.rule(key).basis in dialog.findChild(QLabel, f"basis_{key}").text()
        assert describe(rules.rule(key)).capitalize() in dialog.findChild(QLabel, f"basis_{key}").text()


def test_an_erasure_received_on_a_day_that_is_not_one_is_refused_and_nothing_is_erased(window, qtbot, monkeypatch):
    from cpm_desktop.ui.dialogs.retention import ErasureRequestDialog

    dialog = ErasureRequestDialog(window.context, window, kind="mentor", subject_id=window.records.leaver_id)
    qtbot.addWidget(dialog, before_close_func=lambda widget: widget.typed_kept())
    dialog.show()
    dialog.received.edit.setText("31/02/2026")
    asked, warned = [], []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: asked.append(args[2])
                        or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *rest: warned.append(text))
    qtbot.mouseClick(dialog.erase, Qt.MouseButton.LeftButton)
    assert len(warned) == 1 and warned[0].endswith("Nothing was saved.") and asked == [] and dialog.task is None
    assert dialog.isVisible() and where_found(window.context.store.path, PASSPHRASE, MENTOR_CANARY)
