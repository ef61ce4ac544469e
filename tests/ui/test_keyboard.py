"""The keyboard does what the menus and labels say (issue 11): Ctrl+L locks, Alt+G/R/L open their menus, a
field reached by its mnemonic is scrolled into view, and after "Add a redaction" the typing goes into it."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu

from tests.ui.test_main_window import type_text, window  # noqa: F401 (the fixture)


def test_ctrl_l_locks_from_the_contact_log(window, qtbot):  # noqa: F811
    window.tabs.setCurrentWidget(window.contact_pane)
    window.referrals_pane.table.selectRow(0)
    window.contact_pane.notes.setFocus()
    qtbot.keyClick(window.contact_pane.notes, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked


def test_ctrl_shift_l_goes_to_the_contact_row(window, qtbot):  # noqa: F811
    window.referrals_pane.table.selectRow(0)
    window.tabs.setCurrentWidget(window.contact_pane)
    window.contact_pane.table.setFocus()
    qtbot.keyClick(window.contact_pane.table, Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.contact_pane.activity.hasFocus() and not window.locked


def _menu_opened_by(window, qtbot, key: Qt.Key) -> str:  # noqa: F811 (the fixture's value)
    opened: list[str] = []
    for menu in window.menuBar().findChildren(QMenu):
        menu.aboutToShow.connect(lambda menu=menu: opened.append(menu.title()))
    window.referrals_pane.editor.ui.firstNameEdit.setFocus()
    qtbot.keyClick(window.focusWidget(), key, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(50)
    for menu in window.menuBar().findChildren(QMenu):
        menu.close()
    return opened[0] if opened else str(window.focusWidget().objectName())


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: a menu cannot grab the keyboard
def test_alt_g_r_l_open_the_gdpr_reports_and_letters_menus(window, qtbot):  # noqa: F811
    window.tabs.setCurrentWidget(window.referrals_pane)
    assert _menu_opened_by(window, qtbot, Qt.Key.Key_G) == "&GDPR"
    assert _menu_opened_by(window, qtbot, Qt.Key.Key_R) == "&Reports"
    assert _menu_opened_by(window, qtbot, Qt.Key.Key_L) == "&Letters"


def test_referrer_name_and_phone_do_not_share_a_key(window, qtbot):  # noqa: F811
    form = window.referrals_pane.editor.ui
    window.tabs.setCurrentWidget(window.referrals_pane)
    form.firstNameEdit.setFocus()
    qtbot.keyClick(form.firstNameEdit, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    assert form.referrerNameEdit.hasFocus()


def test_a_field_reached_by_its_mnemonic_is_scrolled_into_view(window, qtbot):  # noqa: F811
    window.resize(1280, 720)
    window.tabs.setCurrentWidget(window.referrals_pane)
    form = window.referrals_pane.editor.ui
    form.firstNameEdit.setFocus()
    qtbot.keyClick(form.firstNameEdit, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # V&ulnerabilities
    target = form.vulnerabilitiesList
    assert target.hasFocus()
    viewport = target.parentWidget()
    while viewport.objectName() != "qt_scrollarea_viewport":
        viewport = viewport.parentWidget()
    top_left = target.mapTo(viewport, target.rect().topLeft())
    assert 0 <= top_left.y() and top_left.y() + 20 <= viewport.height(), (top_left.y(), viewport.height())


def test_the_window_opens_no_larger_than_a_small_laptop_screen(window):  # noqa: F811
    from cpm_desktop.ui.main_window import fitting_size

    screen = window.screen().availableGeometry().size()
    size = fitting_size(window)
    assert size.width() <= max(screen.width(), window.minimumSizeHint().width())
    assert size.height() <= screen.height()
    assert window.minimumSizeHint().boundedTo(QSize(1280, 720)) == window.minimumSizeHint()


@pytest.mark.parametrize("press", ["mnemonic", "space", "click"])
def test_after_add_a_redaction_the_typing_goes_into_the_new_passage(window, qtbot, press):  # noqa: F811
    from PySide6.QtWidgets import QPushButton

    from cpm_desktop.ui.dialogs.sar import SubjectAccessDialog

    dialog = SubjectAccessDialog(window.context, window, person_id="P1")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    add = next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Add a redaction")
    for before in range(2):  # the second one too, pressed while the first's reason is being typed
        if press == "mnemonic":
            qtbot.keyClick(dialog.subject, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
        elif press == "space":
            add.setFocus()
            qtbot.keyClick(add, Qt.Key.Key_Space)
        else:
            qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda before=before: dialog.redactions.rowCount() == before + 1)
        qtbot.waitUntil(lambda before=before: isinstance(QApplication.focusWidget(), QLineEdit)
                        and dialog.redactions.isAncestorOf(QApplication.focusWidget())
                        and (dialog.redactions.currentRow(), dialog.redactions.currentColumn()) == (before, 0))
        editor = QApplication.focusWidget()
        type_text(editor, f"Auntie Jo {before + 1}")
        qtbot.keyClick(editor, Qt.Key.Key_Tab)  # on to its reason, still typing
    assert [dialog.redactions.item(n, 0).text() for n in range(2)] == ["Auntie Jo 1", "Auntie Jo 2"]
    dialog.done(0)  # not close(): with typing in it, that asks first
