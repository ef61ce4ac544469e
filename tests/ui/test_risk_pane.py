"""The Risk-assessment pane on a real encrypted store, driven through its widgets: an assessment typed with the
keyboard (checks and professionals as rows), the next one titled as the service says, text of any script and
markup kept as typed, a refused save keeping the typing, and every change announced once to the other panes."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from cpm_desktop.services import referrals, risk
from cpm_desktop.services.interchange import import_tables
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.panes.allocation import AllocationPane
from cpm_desktop.ui.panes.risk import AssessmentDialog, RiskPane, VisitDialog
from tests.services.test_interchange import sample_tables
from tests.sessions import record_sessions
from tests.ui.modal import raise_first, when_modal

ALT = Qt.KeyboardModifier.AltModifier
MIXED = "<b>Zoë</b> & «Ţară» — 北京の警察 — مرحبا"


@pytest.fixture
def panes(qtbot, store):
    import_tables(store, sample_tables())
    context = AppContext(store)
    pane, allocation_pane = RiskPane(context), AllocationPane(context)
    for widget in (pane, allocation_pane):
        qtbot.addWidget(widget)
    pane.resize(1280, 720)
    pane.show()
    pane.activateWindow()
    qtbot.waitExposed(pane)
    pending = next(r for r in referrals.list_referrals(store) if r.outcome == "pending")
    context.set_current_referral(pending.uuid)
    return pane, allocation_pane


def keys(text: str) -> None:
    """Type into whatever has the keyboard focus now (a cell's editor opens at the first key), in any script."""
    for char in text:
        widget = QApplication.focusWidget()
        assert widget is not None
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def key(qtbot, code, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, code, modifier)


def opened_form(qtbot, kind=AssessmentDialog):
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=3000)
    dialog = QApplication.activeModalWidget()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    return dialog


def save(dialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()


def test_an_initial_assessment_typed_with_the_keyboard(panes, qtbot):
    pane, _ = panes
    case = pane.context.current_referral
    assert pane.ui.nextAssessment.text() == "The first one is the initial assessment."
    pane.new_assessment_button.setFocus()
    key(qtbot, Qt.Key.Key_A, ALT)  # New assessment…
    dialog = opened_form(qtbot)
    assert dialog.windowTitle() == "Initial risk assessment"
    key(qtbot, Qt.Key.Key_D, ALT)
    keys("m")  # medium
    key(qtbot, Qt.Key.Key_W, ALT)
    keys("y")
    key(qtbot, Qt.Key.Key_H, ALT)  # the checks: Tab from cell to cell, a new row as the last one fills
    assert QApplication.focusWidget() is dialog.checks
    for text in ("Police national computer", "Two call-outs", "Adult social care", "Not known to them"):
        keys(text)
        key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)  # past the empty row: out of the table, on to the professionals
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.professionals
    for text in ("PC O'Neil", "Durham Constabulary", "Visit in pairs"):
        keys(text)
        key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_N, ALT)
    keys("Lives alone")
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Save
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)

    (saved,) = risk.assessments(pane.context.store, case)
    assert (saved.kind, saved.danger_to_staff, saved.will_to_change, saved.notes) == (
        risk.AssessmentKind.INITIAL, "medium", True, "Lives alone")
    assert saved.checks == (risk.Check("Police national computer", date.today(), "Two call-outs"),
                            risk.Check("Adult social care", date.today(), "Not known to them"))
    assert saved.professionals == (risk.Professional("PC O'Neil", "Durham Constabulary", "Visit in pairs",
                                                     date.today()),)
    assert pane.assessment_model.rowCount() == 1
    assert pane.ui.nextAssessment.text() == "The next one is a reassessment; each one is kept."


def test_the_next_one_is_a_reassessment_because_the_service_says_so(panes, qtbot):
    pane, _ = panes
    store, case = pane.context.store, pane.context.current_referral
    risk.add_assessment(store, case, risk.Assessment(date.today()))  # as another window would
    pane.refresh()
    pane.assessment_model.set_rows([])  # what the table shows is not what decides
    dialog = pane.new_assessment()
    assert dialog.windowTitle() == "Reassessment"
    save(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert [a.kind for a in risk.assessments(store, case)] == ["reassessment", "initial"]


def test_markup_and_any_script_in_findings_are_kept_as_typed(panes, qtbot):
    pane, _ = panes
    pane.new_assessment()
    dialog = opened_form(qtbot)
    dialog.checks.setFocus()
    keys("Police <systems>")
    key(qtbot, Qt.Key.Key_Tab)
    keys(MIXED)
    key(qtbot, Qt.Key.Key_Tab)
    save(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    (saved,) = risk.assessments(pane.context.store, pane.context.current_referral)
    assert saved.checks == (risk.Check("Police <systems>", date.today(), MIXED),)
    model = pane.assessment_model
    checks = next(n for n, column in enumerate(model.columns) if column.title == "Checks")
    assert model.index(0, checks).data() == f"Police <systems>: {MIXED}"
    assert model.index(0, checks).data(Qt.ItemDataRole.ToolTipRole) == f"Police <systems>: {MIXED}"


def test_a_refused_save_says_why_and_keeps_everything_typed(panes, qtbot):
    pane, _ = panes
    pane.new_assessment()
    dialog = opened_form(qtbot)
    dialog.checks.setFocus()
    keys("Police national computer")
    key(qtbot, Qt.Key.Key_Tab)
    keys("Nothing known")
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)  # no system: findings only, on the second row
    keys("Known to the mental health team")
    key(qtbot, Qt.Key.Key_Tab)
    dialog.notes.setFocus()
    keys("Typed, not lost")
    said, errors = [], []

    def read_and_close(box):
        assert isinstance(box, QMessageBox)
        said.append((box.windowTitle(), box.text()))
        qtbot.keyClick(box, Qt.Key.Key_Return)

    when_modal(read_and_close, errors, ready=lambda widget: isinstance(widget, QMessageBox))
    save(dialog)
    raise_first(errors)
    assert said == [("Not recorded", "Check 2 has findings but no system or database checked: say which.")]
    assert dialog.isVisible() and dialog.notes.toPlainText() == "Typed, not lost"
    assert dialog.checks.rows()[:2] == [("Police national computer", "Nothing known"),
                                        ("", "Known to the mental health team")]
    assert risk.assessments(pane.context.store, pane.context.current_referral) == []
    dialog.checks.item(1, 0).setText("Mental health trust")
    save(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    (saved,) = risk.assessments(pane.context.store, pane.context.current_referral)
    assert [c.source for c in saved.checks] == ["Police national computer", "Mental health trust"]


def test_an_assessment_saved_on_the_risk_pane_reaches_the_allocation_pane_once(panes, qtbot, monkeypatch):
    pane, allocation_pane = panes
    heard, shown, views = [], [], []
    pane.context.changed.connect(heard.append)
    real_show_view, real_view = allocation_pane.show_view, risk.risk_view
    monkeypatch.setattr(allocation_pane, "show_view", lambda view: shown.append(view) or real_show_view(view))
    monkeypatch.setattr(risk, "risk_view", lambda *args: views.append(args) or real_view(*args))
    dialog = pane.new_assessment()
    save(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert heard == [Changes.RISK]  # one operation, one announcement
    assert len(shown) == 1 and shown[0].header.uuid == pane.context.current_referral  # the Allocation pane reloaded
    assert len(views) == 1 and pane.assessment_model.rowCount() == 1  # and the Risk pane, once


@pytest.mark.parametrize("action", ["raise flag", "clear flag", "visit", "decision"])
def test_every_risk_change_is_announced(panes, qtbot, action):
    pane, _ = panes
    store, case = pane.context.store, pane.context.current_referral
    if action == "clear flag":
        risk.raise_flag(store, case, "two_staff", date.today())
        pane.refresh()
    heard = []
    pane.context.changed.connect(heard.append)
    if action == "raise flag":
        pane.flag_choice.setCurrentIndex(pane.flag_choice.findData("never_alone"))
        qtbot.mouseClick(pane.raise_flag_button, Qt.MouseButton.LeftButton)
        assert [f.flag for f in risk.flags(store, case)] == ["never_alone"] and pane.flag_list.count() == 1
    elif action == "clear flag":
        pane.flag_list.setCurrentRow(0)
        qtbot.mouseClick(pane.clear_flag_button, Qt.MouseButton.LeftButton)
        assert risk.flags(store, case) == [] and pane.flag_list.count() == 0
    elif action == "visit":
        qtbot.mouseClick(pane.new_visit_button, Qt.MouseButton.LeftButton)
        dialog = opened_form(qtbot, VisitDialog)
        dialog.visitors.setText("Coordinator")
        save(dialog)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
        assert [v.visitors for v in risk.visits(store, case)] == ["Coordinator"]
    else:
        pane.outcome.setCurrentIndex(pane.outcome.findData("supported"))
        pane.reason.setText("Will, want and capacity")
        assert pane.record_decision()
        assert "awaiting mentors" in pane.header.text()
    assert heard == [Changes.DECISION if action == "decision" else Changes.RISK]


def test_a_planned_visit_is_updated_to_done_and_a_refusal_keeps_the_form(panes, qtbot):
    pane, _ = panes
    store, case = pane.context.store, pane.context.current_referral
    risk.save_visit(store, case, risk.Visit(date.today(), visitors="Coordinator"))
    pane.refresh()
    pane.visit_list.selectRow(0)
    qtbot.mouseClick(pane.edit_visit_button, Qt.MouseButton.LeftButton)
    dialog = opened_form(qtbot, VisitDialog)
    assert dialog.visitors.text() == "Coordinator" and dialog.status.currentText() == "planned"
    dialog.status.setCurrentText("done")
    dialog.visit_on.setDate(date(2999, 1, 1))
    dialog.notes.setPlainText("Met at home")
    said, errors = [], []
    when_modal(lambda box: said.append(box.text()) or box.accept(), errors,
               ready=lambda widget: isinstance(widget, QMessageBox))
    save(dialog)
    raise_first(errors)
    assert said == ["A visit in the future cannot be done yet."]
    assert dialog.isVisible() and dialog.notes.toPlainText() == "Met at home"
    dialog.visit_on.setDate(date.today())
    save(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert [(v.status, v.notes) for v in risk.visits(store, case)] == [("done", "Met at home")]


def test_the_pane_reads_its_whole_view_in_one_snapshot(panes, monkeypatch):
    pane, _ = panes
    store = pane.context.store
    opened = record_sessions(store, monkeypatch)
    pane.refresh()
    assert opened == ["snapshot"]


def test_without_a_case_every_action_asks_for_one(panes, qtbot):
    pane, _ = panes
    pane.context.set_current_referral(None)
    assert pane.header.text() == "Choose a referral in the Referrals pane."
    assert not pane.ui.assessmentsGroup.isEnabled()
    said, errors = [], []
    when_modal(lambda box: said.append(box.text()) or box.accept(), errors,
               ready=lambda widget: isinstance(widget, QMessageBox))
    assert pane.new_assessment() is None
    raise_first(errors)
    assert said == ["Choose a referral first."]


def test_the_row_table_holds_the_rows_given_and_one_empty_row_to_type_into(qtbot):
    from cpm_desktop.ui.widgets.row_table import RowTable

    table = RowTable()
    qtbot.addWidget(table)
    table.setColumnCount(2)
    assert table.rows() == [("", "")]
    table.set_rows([("Police", "None known"), ("Social care", "")])
    assert table.rows() == [("Police", "None known"), ("Social care", ""), ("", "")]
    table.item(1, 1).setText("Open case")
    table.setItem(2, 0, table.item(0, 0).clone())  # the empty last row filled: another one follows it
    assert table.rows() == [("Police", "None known"), ("Social care", "Open case"), ("Police", ""), ("", "")]


def test_checks_copied_from_a_spreadsheet_are_pasted_as_rows(panes, qtbot):
    pane, _ = panes
    pane.new_assessment()
    dialog = opened_form(qtbot)
    QApplication.clipboard().setText("Police national computer\tTwo call-outs\nAdult social care\tNot known\n")
    dialog.checks.setFocus()
    dialog.checks.setCurrentCell(0, 0)
    key(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert dialog.checks.rows() == [("Police national computer", "Two call-outs"),
                                    ("Adult social care", "Not known"), ("", "")]
    save(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    (saved,) = risk.assessments(pane.context.store, pane.context.current_referral)
    assert [(c.source, c.findings) for c in saved.checks] == [("Police national computer", "Two call-outs"),
                                                              ("Adult social care", "Not known")]
