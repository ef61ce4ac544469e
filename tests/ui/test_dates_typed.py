"""Dates typed as people write them, in every date field (issue 11): day first, Tab leaves, never a wrong date."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QDialog, QMessageBox, QWidget

from cpm_desktop.services import referrals
from tests.ui.test_main_window import type_text, window  # noqa: F401 (the fixture)


@pytest.fixture
def warnings(monkeypatch):
    """The sentences the user would be shown, instead of a modal box the test cannot press."""
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: said.append(text))
    return said


def new_referral_typed(window, qtbot, date_of_birth: str):  # noqa: F811
    pane = window.referrals_pane
    form = pane.editor.ui
    pane.table.setFocus()
    qtbot.keyClick(pane.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    type_text(form.firstNameEdit, "Dora")
    qtbot.keyClick(form.firstNameEdit, Qt.Key.Key_Tab)
    type_text(window.focusWidget(), "Dates")
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    assert window.focusWidget() is form.dateOfBirthEdit.edit
    type_text(window.focusWidget(), date_of_birth)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    return form


@pytest.mark.parametrize("typed", ["12/03/1985", "12031985", "12-3-1985", "1985-03-12"])
def test_date_of_birth_typed_any_usual_way_is_saved_as_that_day(window, qtbot, typed):  # noqa: F811
    form = new_referral_typed(window, qtbot, typed)
    assert window.focusWidget() is form.ageSpin  # Tab left the date: no stepping through day, month and year
    assert form.dateOfBirthEdit.text() == "12/03/1985"
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = referrals.load_referral(window.context.store, window.context.current_referral)
    assert (saved.last_name, saved.date_of_birth) == ("Dates", date(1985, 3, 12))


def test_empty_date_of_birth_is_unknown(window, qtbot):  # noqa: F811
    form = new_referral_typed(window, qtbot, "")
    assert window.focusWidget() is form.ageSpin
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = referrals.load_referral(window.context.store, window.context.current_referral)
    assert (saved.last_name, saved.date_of_birth) == ("Dates", None)


def test_impossible_date_is_said_in_words_and_never_saved(window, qtbot, warnings):  # noqa: F811
    before = referrals.count_referrals(window.context.store)
    form = new_referral_typed(window, qtbot, "31/02/2020")
    assert form.dateOfBirthEdit.message.isVisible()
    assert "February 2020 has 29 days" in form.dateOfBirthEdit.message.text()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert warnings == ["Date of birth: “31/02/2020” is not a date: February 2020 has 29 days. Nothing was saved."]
    assert window.dirty and form.dateOfBirthEdit.text() == "31/02/2020"  # what was typed is kept to mend
    assert referrals.count_referrals(window.context.store) == before
    # Mended, it saves.
    form.dateOfBirthEdit.edit.selectAll()
    type_text(form.dateOfBirthEdit.edit, "29/02/1980")
    assert not form.dateOfBirthEdit.message.isVisible()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = referrals.load_referral(window.context.store, window.context.current_referral)
    assert (saved.last_name, saved.date_of_birth) == ("Dates", date(1980, 2, 29))


def test_typing_over_an_unknown_date_gives_the_date_not_unknown_plus_digits(window, qtbot):  # noqa: F811
    form = new_referral_typed(window, qtbot, "12031985")
    assert form.dateOfBirthEdit.text() == "12/03/1985" and form.dateOfBirthEdit.date() == date(1985, 3, 12)


def test_a_date_in_the_future_is_refused(window, qtbot, warnings):  # noqa: F811
    new_referral_typed(window, qtbot, "01/01/2999")
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert warnings == ["Date of birth: 01/01/2999 is in the future. Nothing was saved."]


def test_a_dialog_refuses_to_save_an_impossible_date(window, qtbot, warnings):  # noqa: F811
    from cpm_desktop.ui.dialogs.goals import GoalDialog

    dialog = GoalDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.set_on.setFocus()
    dialog.set_on.edit.selectAll()
    type_text(dialog.set_on.edit, "30/02/2024")
    qtbot.keyClick(dialog.set_on.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert warnings == ["Set on: “30/02/2024” is not a date: February 2024 has 29 days. Nothing was saved."]
    dialog.done(0)  # not close(): with typing in it, that asks first


def test_save_in_the_closing_question_refuses_an_impossible_date_as_save_does(window, qtbot, warnings,  # noqa: F811
                                                                            monkeypatch):
    """Esc on a dialog with typing asks Save / Discard / Cancel (ui/unsaved.py); its Save is the dialog's Save."""
    from cpm_desktop.ui.dialogs.goals import GoalDialog

    dialog = GoalDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.set_on.setFocus()
    dialog.set_on.edit.selectAll()
    type_text(dialog.set_on.edit, "30/02/2024")
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda parent, title, text, *rest: asked.append(text) or QMessageBox.StandardButton.Save)
    qtbot.keyClick(dialog.set_on.edit, Qt.Key.Key_Escape)
    assert asked == ["What you typed here is not saved yet. Save it?"]
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert warnings == ["Set on: “30/02/2024” is not a date: February 2024 has 29 days. Nothing was saved."]
    dialog.done(0)


def test_no_date_field_is_a_qdateedit_any_more(window, qtbot):  # noqa: F811
    """Every pane and every dialog the panes open: no sectioned QDateEdit is left to Tab through."""
    from cpm_desktop.ui.widgets.date_entry import DateEntry
    from tests.ui.test_every_window import every_window

    for name, widget in every_window(window, qtbot):
        stepped = [w.objectName() for w in widget.findChildren(QDateEdit) if not isinstance(w, QDateTimeEdit)]
        assert not stepped, f"{name}: {stepped}"
        assert isinstance(widget, QWidget)
    assert window.findChildren(DateEntry)


def test_a_contact_time_that_is_not_one_is_refused_and_nothing_logged(window, qtbot, warnings):  # noqa: F811
    from cpm_desktop.services import contacts

    pane = window.contact_pane
    r4 = next(r.uuid for r in referrals.list_referrals(window.context.store) if r.referral_id == "R4")
    window.referrals_pane.select(r4)
    window.tabs.setCurrentWidget(pane)
    pane.activity.setFocus()
    qtbot.keyClick(pane.activity, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # &When
    assert pane.when.hasFocus()
    pane.when.edit.selectAll()
    type_text(pane.when.edit, "31/02/2024 25:00")
    qtbot.keyClick(pane.when.edit, Qt.Key.Key_Return)  # Enter logs the contact from any field of the row
    assert warnings == ["When: “25:00” is not a time: there is no hour 25. Nothing was logged."]
    assert contacts.list_contacts(window.context.store, r4) == []
    pane.when.edit.selectAll()
    type_text(pane.when.edit, "12/03/2018 14:30")
    qtbot.keyClick(pane.when.edit, Qt.Key.Key_Return)
    [logged] = contacts.list_contacts(window.context.store, r4)
    assert logged.occurred_at.isoformat() == "2018-03-12T14:30:00"
