"""Nothing typed is lost: every way of leaving typing not yet saved keeps it or asks Save / Discard / Cancel,
and saving from that question saves it for the case it was typed for (never the wrong client)."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPlainTextEdit

from cpm_desktop.services import contacts, referrals, risk
from tests.ui.modal import raise_first, when_modal
from tests.ui.test_main_window import type_into, type_text, window  # noqa: F401 (the fixture)

Button = QMessageBox.StandardButton


def answer(choice: Button, errors: list, asked: list | None = None) -> None:
    """Answer the next Save / Discard / Cancel question as a person would (Enter is Save, Esc is Cancel)."""
    def steps(box):
        assert isinstance(box, QMessageBox)
        assert box.standardButtons() & Button.Discard and box.standardButtons() & Button.Cancel
        if asked is not None:
            asked.append(box.text())
        if choice == Button.Save:
            qtbot_key(box, Qt.Key.Key_Return)
        elif choice == Button.Cancel:
            qtbot_key(box, Qt.Key.Key_Escape)
        else:
            box.button(choice).click()

    def ready(dialog) -> bool:  # the question has the keyboard, as for a person
        dialog.activateWindow()
        return isinstance(dialog, QMessageBox) and dialog.isActiveWindow()

    when_modal(steps, errors, ready=ready)


def qtbot_key(widget, key) -> None:
    QTest.keyClick(widget, key)


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed in ``widget`` once its window has the keyboard again (after a question closed)."""
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=3000)
    qtbot.keyClick(widget, key, modifier)


def row_of(pane, referral_id: str) -> int:
    return next(n for n, row in enumerate(pane.model.rows) if row.referral_id == referral_id)


def click_row(qtbot, pane, row: int) -> None:
    where = pane.table.visualRect(pane.model.index(row, 1)).center()
    qtbot.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=where)


def start_new_referral(qtbot, main, first: str, last: str) -> None:
    pane = main.referrals_pane
    pane.table.setFocus()
    qtbot.keyClick(pane.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    type_into(qtbot, pane.editor.ui.firstNameEdit, first)
    type_into(qtbot, pane.editor.ui.lastNameEdit, last)
    assert pane.editor.dirty


def test_esc_on_a_new_referral_asks_and_cancel_keeps_the_typing(window, qtbot):  # noqa: F811
    form = window.referrals_pane.editor.ui
    start_new_referral(qtbot, window, "Kerry", "Dinsdale")
    errors: list = []
    asked: list = []
    answer(Button.Cancel, errors, asked)
    press(qtbot, form.lastNameEdit, Qt.Key.Key_Escape)
    raise_first(errors)
    assert asked and "the new referral of Kerry Dinsdale" in asked[0]
    assert form.firstNameEdit.text() == "Kerry" and window.referrals_pane.editor.dirty
    answer(Button.Discard, errors)
    press(qtbot, form.lastNameEdit, Qt.Key.Key_Escape)
    raise_first(errors)
    assert form.firstNameEdit.text() == "" and not window.referrals_pane.editor.dirty
    start_new_referral(qtbot, window, "Kerry", "Dinsdale")
    answer(Button.Save, errors)
    press(qtbot, form.lastNameEdit, Qt.Key.Key_Escape)
    raise_first(errors)
    assert any(row.name == "Kerry Dinsdale" for row in referrals.list_referrals(window.context.store))


def test_clicking_another_row_asks_about_a_half_typed_referral(window, qtbot):  # noqa: F811
    pane = window.referrals_pane
    start_new_referral(qtbot, window, "Kerry", "Dinsdale")
    errors: list = []
    answer(Button.Cancel, errors)
    click_row(qtbot, pane, row_of(pane, "R3"))
    raise_first(errors)
    assert pane.editor.ui.firstNameEdit.text() == "Kerry" and pane.editor.referral_uuid is None
    assert not pane.table.selectionModel().hasSelection()  # the list highlights what the form shows: nothing
    answer(Button.Save, errors)
    click_row(qtbot, pane, row_of(pane, "R3"))
    raise_first(errors)
    saved = next(row for row in pane.model.rows if row.name == "Kerry Dinsdale")
    # The list changed under the pointer (Kerry joined it): the click is not passed on to whoever is there now.
    assert window.context.current_referral == saved.uuid == pane.editor.referral_uuid
    click_row(qtbot, pane, row_of(pane, "R3"))
    assert pane.editor.read_form().referral_id == "R3" and not errors


def test_logging_a_contact_on_another_tab_keeps_a_half_typed_referral(window, qtbot):  # noqa: F811
    store = window.context.store
    r4 = next(row for row in referrals.list_referrals(store) if row.referral_id == "R4")
    window.referrals_pane.select(r4.uuid)
    start_new_referral(qtbot, window, "Kerry", "Dinsdale")
    log = window.contact_pane
    window.tabs.setCurrentWidget(log)
    log.notes.setFocus()
    type_text(log.notes, "Phoned about the group")
    qtbot.keyClick(log.notes, Qt.Key.Key_Return)
    assert contacts.list_contacts(store, r4.uuid)[0].notes == "Phoned about the group"
    window.tabs.setCurrentWidget(window.referrals_pane)
    form = window.referrals_pane.editor.ui
    assert (form.firstNameEdit.text(), form.lastNameEdit.text()) == ("Kerry", "Dinsdale")
    assert window.referrals_pane.editor.dirty and window.referrals_pane.editor.referral_uuid is None


def test_new_referral_asks_about_changes_to_the_one_shown(window, qtbot):  # noqa: F811
    pane = window.referrals_pane
    pane.select(next(r.uuid for r in referrals.list_referrals(window.context.store) if r.referral_id == "R3"))
    form = pane.editor.ui
    form.postcodeEdit.selectAll()
    type_into(qtbot, form.postcodeEdit, "DL1 1AA")
    errors: list = []
    asked: list = []
    answer(Button.Cancel, errors, asked)
    press(qtbot, form.postcodeEdit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    raise_first(errors)
    assert "changes to referral R3" in asked[0] and form.postcodeEdit.text() == "DL1 1AA"
    assert pane.editor.read_form().referral_id == "R3"


def test_a_contact_typed_for_one_case_is_never_logged_for_the_next(window, qtbot):  # noqa: F811
    store = window.context.store
    by_id = {r.referral_id: r.uuid for r in referrals.list_referrals(store)}
    window.referrals_pane.select(by_id["R1"])
    before = len(contacts.list_contacts(store, by_id["R1"]))
    log, allocation = window.contact_pane, window.allocation_pane
    window.tabs.setCurrentWidget(log)
    log.notes.setFocus()
    type_text(log.notes, "Talked about Ionuț's week")
    window.tabs.setCurrentWidget(allocation)
    errors: list = []
    asked: list = []
    answer(Button.Save, errors, asked)
    view = allocation.waiting_views[0]  # R4 waits for mentors: Enter opens it
    view.setFocus()
    view.setCurrentIndex(allocation.waiting_clients.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    raise_first(errors)
    assert "the contact being logged for Ionuț Păun (R1)" in asked[0]
    assert window.context.current_referral == by_id["R4"]
    assert len(contacts.list_contacts(store, by_id["R1"])) == before + 1
    assert contacts.list_contacts(store, by_id["R1"])[0].notes == "Talked about Ionuț's week"
    assert contacts.list_contacts(store, by_id["R4"]) == [] and log.notes.text() == ""
    assert window.referrals_pane.editor.read_form().referral_id == "R4"  # the form follows the case


def test_a_decision_reason_typed_is_asked_about_before_another_case(window, qtbot):  # noqa: F811
    store = window.context.store
    by_id = {r.referral_id: r.uuid for r in referrals.list_referrals(store)}
    pending = next(r for r in referrals.list_referrals(store) if r.outcome == "pending")
    window.referrals_pane.select(pending.uuid)
    type_into(qtbot, window.risk_pane.reason, "Will, want and capacity")
    errors: list = []
    answer(Button.Cancel, errors)
    assert window.referrals_pane.select(by_id["R4"]) is False
    raise_first(errors)
    assert window.context.current_referral == pending.uuid
    assert window.risk_pane.reason.text() == "Will, want and capacity"


def test_police_figures_being_typed_survive_a_contact_logged(window, qtbot):  # noqa: F811
    store = window.context.store
    r1 = next(r.uuid for r in referrals.list_referrals(store) if r.referral_id == "R1")
    window.referrals_pane.select(r1)
    log = window.contact_pane
    panel = log.case_panel
    panel.calls_before.setValue(12)
    type_into(qtbot, panel.calls_source, "Police command and control")
    log.notes.setFocus()
    type_text(log.notes, "Phoned")
    qtbot.keyClick(log.notes, Qt.Key.Key_Return)
    assert contacts.list_contacts(store, r1)[0].notes == "Phoned"
    assert (panel.calls_before.value(), panel.calls_source.text()) == (12, "Police command and control")


def test_quitting_asks_and_cancel_keeps_the_window(window, qtbot):  # noqa: F811
    start_new_referral(qtbot, window, "Kerry", "Dinsdale")
    errors: list = []
    answer(Button.Cancel, errors)
    window.close()
    raise_first(errors)
    assert window.isVisible() and window.referrals_pane.editor.ui.firstNameEdit.text() == "Kerry"


# --- dialogs ----------------------------------------------------------------------------------------------

def _dialogs(main):
    from cpm_desktop.services import goals
    from cpm_desktop.services.mentors import MentorForm
    from cpm_desktop.ui.dialogs.close_case import CloseCaseDialog
    from cpm_desktop.ui.dialogs.contact_edit import ContactEditDialog
    from cpm_desktop.ui.dialogs.gdpr import GdprSettingsDialog
    from cpm_desktop.ui.dialogs.goals import GoalDialog, ReviewDialog
    from cpm_desktop.ui.dialogs.letters import LetterDialog
    from cpm_desktop.ui.dialogs.mentor_form import MentorDialog
    from cpm_desktop.ui.dialogs.sar import NewRequestDialog, SubjectAccessDialog
    from cpm_desktop.ui.panes.risk import AssessmentDialog, VisitDialog

    context, store = main.context, main.context.store
    r1 = next(r.uuid for r in referrals.list_referrals(store) if r.referral_id == "R1")
    main.referrals_pane.select(r1)
    goal = goals.goals(store, r1)[0]
    return {
        "assessment": lambda: AssessmentDialog("initial", main),
        "visit": lambda: VisitDialog(risk.Visit(date.today(), "planned"), main),
        "goal": lambda: GoalDialog(main),
        "review": lambda: ReviewDialog(context.vocabulary, goal, goals.reviews(store, goal.uuid), main),
        "contact correction": lambda: ContactEditDialog(context, contacts.list_contacts(store, r1)[0],
                                                         contacts.helpers(store, r1), main),
        "closing": lambda: CloseCaseDialog(context, r1, parent=main),
        "mentor form": lambda: MentorDialog(context, MentorForm(), main),
        "subject-access information": lambda: GdprSettingsDialog(context, main),
        "feedback letter": lambda: LetterDialog(context, "R1", main),
        "subject-access export": lambda: SubjectAccessDialog(context, main, person_id="P1"),
        "new request": lambda: NewRequestDialog(main),
    }


DIALOGS = ("assessment", "visit", "goal", "review", "contact correction", "closing", "mentor form",
           "subject-access information", "feedback letter", "subject-access export", "new request")


@pytest.mark.parametrize("name", DIALOGS)
def test_esc_in_a_dialog_with_typing_asks_first(window, qtbot, name):  # noqa: F811
    dialog = _dialogs(window)[name]()
    dialog.show()
    qtbot.waitExposed(dialog)
    fields = dialog.findChildren(QPlainTextEdit) + dialog.findChildren(QLineEdit)
    field = next(w for w in fields if w.isVisible() and w.isEnabled() and not w.isReadOnly())
    field.setFocus()
    type_text(field, "typed, not saved")
    errors: list = []
    answer(Button.Cancel, errors)
    press(qtbot, field, Qt.Key.Key_Escape)
    raise_first(errors)
    assert dialog.isVisible() and "typed, not saved" in (
        field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text())
    answer(Button.Discard, errors)
    dialog.close()  # the window's close button asks too
    raise_first(errors)
    assert not dialog.isVisible()


def test_esc_in_a_dialog_without_typing_closes_at_once(window, qtbot):  # noqa: F811
    dialog = _dialogs(window)["assessment"]()
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and QApplication.activeModalWidget() is None


def test_saving_a_mentor_asks_about_a_progress_check_typed_and_not_added(window, qtbot):  # noqa: F811
    from cpm_desktop.services import mentors
    from cpm_desktop.ui.dialogs.mentor_form import MentorDialog

    store = window.context.store
    m1 = next(m for m in mentors.mentor_list(store) if m.mentor_id == "M1")
    dialog = MentorDialog(window.context, mentors.load_mentor(store, m1.mentor_uuid), window)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.ui.tabs.setCurrentIndex(1)
    notes = dialog.ui.checkNotesEdit
    notes.setFocus()
    type_text(notes, "Doing well with both clients")
    errors: list = []
    answer(Button.Save, errors)
    dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Save).click()
    raise_first(errors)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert [c.notes for c in mentors.progress_checks(store, m1.mentor_uuid)][:1] == ["Doing well with both clients"]


def test_a_one_line_reason_typed_is_not_thrown_away_by_esc_without_asking(qtbot, monkeypatch):
    from PySide6.QtCore import QTimer

    from cpm_desktop.ui import unsaved

    asked = []
    monkeypatch.setattr(unsaved, "ask", lambda *args: asked.append(args) or unsaved.Button.Cancel)
    seen = {}

    def type_then_escape() -> None:
        dialog = next(widget for widget in QApplication.topLevelWidgets()
                      if isinstance(widget, unsaved.ReasonDialog) and widget.isVisible())
        dialog.setTextValue("Moved to Leeds")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # asked, and Cancel keeps the dialog with its text
        seen["after_escape"] = (dialog.isVisible(), dialog.textValue())
        dialog.accept()

    QTimer.singleShot(0, type_then_escape)
    assert unsaved.ask_reason(None, "End allocation", "Why does support end?") == ("Moved to Leeds", True)
    assert asked and seen["after_escape"] == (True, "Moved to Leeds")


def _an_hour_ago_typed() -> tuple[datetime, str]:
    """A moment an hour ago, and how it is typed: the time alone when it is today."""
    moment = datetime.now().replace(second=0, microsecond=0) - timedelta(hours=1)
    return moment, f"{moment:%H:%M}" if moment.date() == date.today() else f"{moment:%d/%m/%Y %H:%M}"


def test_a_time_typed_alone_in_the_contact_row_is_asked_about(window, qtbot):  # noqa: F811
    store = window.context.store
    by_id = {r.referral_id: r.uuid for r in referrals.list_referrals(store)}
    window.referrals_pane.select(by_id["R1"])
    log = window.contact_pane
    window.tabs.setCurrentWidget(log)
    before = len(contacts.list_contacts(store, by_id["R1"]))
    moment, typed = _an_hour_ago_typed()
    qtbot.keyClick(log.when.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_into(qtbot, log.when.edit, typed)  # no activity chosen, no minutes, no notes: only the time
    errors: list = []
    asked: list = []
    answer(Button.Cancel, errors, asked)
    assert window.referrals_pane.select(by_id["R4"]) is False
    raise_first(errors)
    assert "the contact being logged for Ionuț Păun (R1)" in asked[0]
    assert window.context.current_referral == by_id["R1"] and log.when.dateTime() == moment  # kept as typed

    answer(Button.Discard, errors)
    assert window.referrals_pane.select(by_id["R4"]) is True
    raise_first(errors)
    assert log.when.dateTime() != moment and not log.unsaved_work()  # the time is now again
    assert len(contacts.list_contacts(store, by_id["R1"])) == before


def test_a_time_typed_alone_is_logged_for_its_case_when_saved(window, qtbot):  # noqa: F811
    store = window.context.store
    by_id = {r.referral_id: r.uuid for r in referrals.list_referrals(store)}
    window.referrals_pane.select(by_id["R1"])
    log = window.contact_pane
    moment, typed = _an_hour_ago_typed()
    qtbot.keyClick(log.when.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_into(qtbot, log.when.edit, typed)
    errors: list = []
    answer(Button.Save, errors)
    assert window.referrals_pane.select(by_id["R4"]) is True
    raise_first(errors)
    assert contacts.list_contacts(store, by_id["R1"])[0].occurred_at == moment
    assert contacts.list_contacts(store, by_id["R4"]) == []


def test_minutes_typed_alone_in_the_contact_row_are_asked_about(window, qtbot):  # noqa: F811
    store = window.context.store
    by_id = {r.referral_id: r.uuid for r in referrals.list_referrals(store)}
    window.referrals_pane.select(by_id["R1"])
    log = window.contact_pane
    window.tabs.setCurrentWidget(log)
    press(qtbot, log.activity, Qt.Key.Key_Tab)  # on to the minutes, as a person does
    assert log.minutes.hasFocus()
    type_text(log.minutes, "25")
    errors: list = []
    asked: list = []
    answer(Button.Cancel, errors, asked)
    assert window.referrals_pane.select(by_id["R4"]) is False
    raise_first(errors)
    assert asked and log.minutes.value() == 25


def _goal_dialog_with_typing(qtbot, main):
    from cpm_desktop.ui.dialogs.goals import GoalDialog

    uuid = next(row.uuid for row in referrals.list_referrals(main.context.store) if row.referral_id == "R1")
    main.referrals_pane.select(uuid)
    main.contact_pane.case_panel.new_goal()  # window-modal, no nested event loop: the main window may be closed
    dialog = next(d for d in main.findChildren(GoalDialog) if d.isVisible())
    dialog.fields["goal"].setPlainText("Walk to the post office")
    return dialog, uuid


def test_closing_the_window_with_a_form_dialog_typed_in_asks_and_cancel_keeps_both(window, qtbot):  # noqa: F811
    dialog, _uuid = _goal_dialog_with_typing(qtbot, window)
    errors: list = []
    asked: list = []
    answer(Button.Cancel, errors, asked)
    window.close()
    raise_first(errors)
    assert asked and window.isVisible() and dialog.isVisible()
    assert dialog.fields["goal"].toPlainText() == "Walk to the post office"
    dialog.typed_kept()  # so the fixture's own closing of the window is not asked again
    dialog.reject()


def test_closing_the_window_with_a_form_dialog_typed_in_saves_it_when_asked(window, qtbot):  # noqa: F811
    from cpm_desktop.services import goals

    dialog, uuid = _goal_dialog_with_typing(qtbot, window)
    errors: list = []
    answer(Button.Save, errors)
    window.close()
    raise_first(errors)
    assert not window.isVisible()
    assert "Walk to the post office" in [g.goal for g in goals.goals(window.context.store, uuid)]
