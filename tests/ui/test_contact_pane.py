"""The Contact log pane on its own, driven by the keyboard: logging, correcting and deleting contacts, setting
and reviewing a goal, closing and re-opening the case."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from cpm_desktop.services import cases, contacts, goals, referrals
from cpm_desktop.services.interchange import INTERCHANGE_COLUMNS, import_tables
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.panes.contacts import ContactLogPane
from tests.sessions import record_sessions

ALT = Qt.KeyboardModifier.AltModifier


def blank(stem: str, **values) -> dict[str, str]:
    return dict.fromkeys(INTERCHANGE_COLUMNS[stem], "") | values


def tables() -> dict[str, list[dict[str, str]]]:
    return {
        "referrals": [blank("referrals", referral_id="R1", person_id="P1", referred_on="2024-01-02",
                            first_name="Siobhán", last_name="Ó Briain", outcome="supported", decided_on="2024-01-05",
                            area="east")],
        "mentors": [blank("mentors", mentor_id="M1", first_name="Zoë", last_name="Ælfric", status="active")],
        "allocations": [blank("allocations", referral_id="R1", mentor_id="M1", allocated_on="2024-01-10")],
        "contacts": [blank("contacts", contact_id=f"C{n}", referral_id="R1", occurred_at=f"2024-02-{n:02d}T10:00",
                           activity="home_visit", minutes="60", mentor_id="M1", notes=f"Visit {n}\nsecond line")
                     for n in range(1, 4)],
    }


@pytest.fixture
def pane(qtbot, store):
    import_tables(store, tables())
    cases.record_police_calls(store, referrals.list_referrals(store)[0].uuid, before=14, after=None,
                              source="Durham Constabulary")
    context = AppContext(store)
    widget = ContactLogPane(context)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    context.set_current_referral(referrals.list_referrals(store)[0].uuid)
    return widget


def keys(qtbot, text: str) -> None:
    """Type into whatever has the keyboard focus: key presses carrying each character, in any script."""
    widget = QApplication.focusWidget()
    assert widget is not None
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def key(qtbot, code, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, code, modifier)


def finished(qtbot, opened: list, count: int) -> None:
    """A button's mnemonic clicks it a moment later (animateClick): wait for the dialog to come and go."""
    qtbot.waitUntil(lambda: len(opened) == count and QApplication.activeModalWidget() is None, timeout=3000)


def focus(qtbot, widget) -> None:
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2000)


def in_dialog(qtbot, steps, opened: list) -> None:
    """Run ``steps`` once a (window-)modal dialog is up and has the keyboard."""
    def run():
        dialog = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        if dialog is None or focus is None or not dialog.isAncestorOf(focus):  # wait until it has the keyboard
            if dialog is not None:
                dialog.activateWindow()
            QTimer.singleShot(20, run)
            return
        opened.append(dialog)
        steps(dialog)

    QTimer.singleShot(0, run)


def test_models_pass_the_model_tester(pane, qtmodeltester):
    assert pane.objectName() == "contactLogPane" and pane.findChild(type(pane.table), "contactList") is pane.table
    qtmodeltester.check(pane.model)
    pane.case_panel.goal_model.set_rows([])
    qtmodeltester.check(pane.case_panel.goal_model)
    assert pane.model.rowCount() == 3
    assert pane.model.index(0, 4).data() == "Visit 3 second line"  # one line; the tooltip has the whole note
    assert pane.model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole) == "C3: Visit 3\nsecond line"
    assert "3 contacts, 3 h 00 min in all" in pane.totals.text()


def test_contacts_are_logged_with_the_keyboard_alone(pane, qtbot):
    store, uuid = pane.context.store, pane.context.current_referral
    key(qtbot, Qt.Key.Key_A, ALT)  # the Activity label's mnemonic
    assert pane.activity.hasFocus()
    keys(qtbot, "tel")  # type-ahead
    assert pane.activity.currentData() == "telephone"
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "15")
    key(qtbot, Qt.Key.Key_Tab)
    assert pane.who.hasFocus() and pane.who.currentText() == "Zoë Ælfric"
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "Rang to check in <all calm> & well")
    before = datetime.now().replace(second=0, microsecond=0)
    key(qtbot, Qt.Key.Key_Return)
    row = contacts.list_contacts(store, uuid)[0]
    assert (row.activity, row.minutes, row.who, row.notes) == ("telephone", 15, "Zoë Ælfric",
                                                               "Rang to check in <all calm> & well")
    assert before <= row.occurred_at <= datetime.now()
    assert row.contact_id == "C0000004"  # after the imported C3
    assert pane.model.rows[0].uuid == row.uuid and pane.notes.text() == "" and pane.minutes.value() == 0
    assert pane.activity.hasFocus()  # ready for the next one

    # The next entry: staff made it, an hour ago; Enter in the minutes box saves.
    qtbot.wait(QApplication.keyboardInputInterval() + 50)  # type-ahead starts afresh after a pause
    keys(qtbot, "home")
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "90")
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Down)  # from the mentor to the member of staff logged in
    key(qtbot, Qt.Key.Key_W, ALT)
    assert pane.when.hasFocus()
    an_hour_ago = datetime.now().replace(second=0, microsecond=0) - timedelta(hours=1)
    pane.when.edit.selectAll()
    keys(qtbot, f"{an_hour_ago:%d%m%Y %H%M}")  # typed as one field: no sections to step through
    key(qtbot, Qt.Key.Key_M, ALT)
    key(qtbot, Qt.Key.Key_Enter)
    row = next(r for r in contacts.list_contacts(store, uuid) if r.activity == "home_visit" and r.minutes == 90)
    assert (row.who, row.occurred_at, row.mentor_uuid) == ("tester", an_hour_ago, None)
    assert pane.model.rowCount() == 5 and "5 contacts" in pane.totals.text()
    assert "Telephone contact: 1 (15 min)" in pane.totals.text()

    # A filter shows one activity; the totals stay those of the whole case.
    key(qtbot, Qt.Key.Key_K, ALT)  # Show &kind
    keys(qtbot, "tel")
    assert pane.model.rowCount() == 1 and "Showing 1 of 5" in pane.totals.text()


def test_a_contact_logged_reloads_the_pane_once_from_one_snapshot(pane, qtbot, monkeypatch):
    store = pane.context.store
    opened = record_sessions(store, monkeypatch)
    resets: list[int] = []
    pane.model.modelReset.connect(lambda: resets.append(pane.model.rowCount()))
    pane.case_panel.goal_model.modelReset.connect(lambda: resets.append(-1))
    focus(qtbot, pane.notes)
    keys(qtbot, "Dropped in")
    key(qtbot, Qt.Key.Key_Return)
    assert opened == ["transaction", "snapshot"]  # the save, then the whole view in one consistent read
    assert resets == [-1, 4]  # the goals and the list, each once
    assert pane.model.rows[0].notes == "Dropped in" and "4 contacts" in pane.totals.text()


def test_a_contact_is_corrected_and_deleted_from_the_list(pane, qtbot):
    store = pane.context.store
    focus(qtbot, pane.table)
    key(qtbot, Qt.Key.Key_Home)
    newest = pane.model.rows[0]
    assert pane.detail.text().endswith("Visit 3\nsecond line")
    opened = []

    def correct(dialog):
        assert dialog.objectName() == "contactEditDialog"
        key(qtbot, Qt.Key.Key_A, ALT)  # (Tab would step through the sections of the date and time first)
        keys(qtbot, "tel")
        key(qtbot, Qt.Key.Key_Tab)
        assert dialog.minutes.hasFocus()
        dialog.minutes.selectAll()
        keys(qtbot, "20")
        key(qtbot, Qt.Key.Key_Return)  # Save is the default button

    in_dialog(qtbot, correct, opened)
    key(qtbot, Qt.Key.Key_Return)  # Enter on a row opens the correction
    finished(qtbot, opened, 1)
    row = next(r for r in contacts.list_contacts(store, pane.context.current_referral) if r.uuid == newest.uuid)
    assert (row.activity, row.minutes, row.notes) == ("telephone", 20, "Visit 3\nsecond line")
    (earlier,) = contacts.revisions(store, newest.uuid)
    assert (earlier.activity, earlier.minutes, earlier.revised_by) == ("home_visit", 60, "tester")
    assert pane.table.currentIndex().row() == 0 and pane.model.rows[0].uuid == newest.uuid

    def reason(dialog):
        keys(qtbot, "Logged twice")
        key(qtbot, Qt.Key.Key_Return)

    in_dialog(qtbot, reason, opened)
    focus(qtbot, pane.table)
    key(qtbot, Qt.Key.Key_Delete)
    assert len(opened) == 2
    assert [r.uuid for r in pane.model.rows].count(newest.uuid) == 0 and pane.model.rowCount() == 2
    assert "2 contacts" in pane.totals.text()


def test_a_goal_is_set_and_reviewed(pane, qtbot):
    panel, opened = pane.case_panel, []

    def new_goal(dialog):
        keys(qtbot, "Go to the café club on Tuesdays")
        key(qtbot, Qt.Key.Key_Tab)
        keys(qtbot, "Has not been out since March")
        key(qtbot, Qt.Key.Key_Tab)
        keys(qtbot, "Café club; library")
        key(qtbot, Qt.Key.Key_Tab)
        keys(qtbot, "Walk there with Zoë")
        key(qtbot, Qt.Key.Key_Tab)
        keys(qtbot, "6")
        key(qtbot, Qt.Key.Key_Return)

    in_dialog(qtbot, new_goal, opened)
    key(qtbot, Qt.Key.Key_O, ALT)  # New goal
    finished(qtbot, opened, 1)
    (goal,) = goals.goals(pane.context.store, pane.context.current_referral)
    assert (goal.goal, goal.reality, goal.way_forward, goal.commitment, goal.status) == (
        "Go to the café club on Tuesdays", "Has not been out since March", "Walk there with Zoë", 6, "open")
    assert panel.goal_model.rowCount() == 1

    def review(dialog):
        assert dialog.status.hasFocus()
        keys(qtbot, "Ach")
        key(qtbot, Qt.Key.Key_Tab)
        dialog.commitment.selectAll()
        keys(qtbot, "9")
        key(qtbot, Qt.Key.Key_Tab)
        keys(qtbot, "Went three times <alone>")
        key(qtbot, Qt.Key.Key_Tab)  # the date stays today
        assert dialog.reviewed_on.hasFocus()
        key(qtbot, Qt.Key.Key_Return)

    focus(qtbot, panel.goal_list)
    key(qtbot, Qt.Key.Key_Home)
    in_dialog(qtbot, review, opened)
    key(qtbot, Qt.Key.Key_Return)  # Enter on a goal reviews it
    finished(qtbot, opened, 2)
    (goal,) = goals.goals(pane.context.store, pane.context.current_referral)
    assert (goal.status, goal.commitment, goal.reviewed_on) == ("achieved", 9, date.today())
    (done,) = goals.reviews(pane.context.store, goal.uuid)
    assert done.notes == "Went three times <alone>"
    assert "Went three times <alone>" in panel.goal_detail.text()


def test_a_goal_refused_keeps_the_dialog_open_with_the_typing(pane, qtbot):
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.modal import raise_first, when_modal

    opened: list = []
    said: list[str] = []
    errors: list = []
    kept: list = []

    def without_a_goal(dialog):
        for _ in range(4):
            key(qtbot, Qt.Key.Key_Tab)  # past the four GROW fields, left empty
        keys(qtbot, "6")
        when_modal(lambda box: (said.append(box.text()), box.accept()), errors,
                   ready=lambda box: isinstance(box, QMessageBox))
        key(qtbot, Qt.Key.Key_Return)  # refused: said, and the dialog stays
        kept.append((dialog.isVisible(), dialog.commitment.value()))
        dialog.done(0)

    in_dialog(qtbot, without_a_goal, opened)
    key(qtbot, Qt.Key.Key_O, ALT)  # New goal
    finished(qtbot, opened, 1)
    raise_first(errors)
    assert len(said) == 1 and said[0].endswith(".") and kept == [(True, 6)]
    assert goals.goals(pane.context.store, pane.context.current_referral) == []


def test_the_case_is_closed_and_reopened(pane, qtbot, monkeypatch):
    panel, opened, uuid = pane.case_panel, [], pane.context.current_referral

    def close(dialog):
        assert dialog.objectName() == "closeCaseDialog" and dialog.ui.reasonCombo.hasFocus()
        keys(qtbot, "Goals achieved <moving on>")
        key(qtbot, Qt.Key.Key_P, ALT)  # support ended today: on to the police calls
        dialog.ui.callsAfterSpin.selectAll()
        keys(qtbot, "2")
        key(qtbot, Qt.Key.Key_Return)

    in_dialog(qtbot, close, opened)
    key(qtbot, Qt.Key.Key_C, ALT)
    finished(qtbot, opened, 1)
    assert referrals.case_header(pane.context.store, uuid).status == "closed"
    assert "closed" in pane.header.text() and f"Closed on {date.today():%d/%m/%Y}" in panel.closure_text.text()
    assert panel.calls_change.text() == "Change: 12 fewer calls (86% down)"
    assert not panel.close_button.isEnabled() and panel.reopen_button.isEnabled()

    def reason(dialog):
        keys(qtbot, "Asked for help again")
        key(qtbot, Qt.Key.Key_Return)

    in_dialog(qtbot, reason, opened)
    pane.activateWindow()  # (offscreen, nothing gives the window back its focus when a dialog closes)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    key(qtbot, Qt.Key.Key_P, ALT)
    finished(qtbot, opened, 2)
    assert referrals.case_header(pane.context.store, uuid).status == "awaiting mentors"  # closing ended them
    assert [e.kind for e in cases.case_history(pane.context.store, uuid)][:2] == ["reopened", "closed"]
    assert panel.closure_text.text().startswith("Open.") and "re-opened by tester: Asked for help again" in \
        panel.closure_text.text()
