"""Settings ▸ Subject-access information: opened window-modal from the menu, saved as one operation announced
once, and every field named by its label."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPlainTextEdit

from cpm_desktop.app import window_for
from cpm_desktop.services.interchange import import_tables
from cpm_desktop.services.subject_access import subject_access_data
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.dialogs.gdpr import GdprSettingsDialog
from tests.services.test_interchange import sample_tables


@pytest.fixture
def window(qtbot, store):
    import_tables(store, sample_tables())
    main = window_for(store)
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    yield main
    main.context.store.close()


def test_the_menu_opens_it_window_modal_and_save_is_one_announced_operation(window, qtbot):
    heard = []
    window.context.changed.connect(heard.append)
    window.findChild(QAction, "actionGdprSettings").trigger()  # returns at once
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, GdprSettingsDialog) and dialog.windowModality() == Qt.WindowModality.WindowModal
    dialog.ui.complaintEdit.setPlainText("Write to the ICO, Wycliffe House.")
    dialog.ui.purposesEdit.setPlainText("To support you\n\n  To keep you safe  ")
    dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert dialog.result() == QDialog.DialogCode.Accepted and heard == [Changes.SETTINGS]
    info = subject_access_data(window.context.store, person_id="P1").supplementary
    assert info["complaint"] == "Write to the ICO, Wycliffe House."
    assert info["purposes"] == ["To support you", "To keep you safe"]


def test_every_field_is_named_by_its_label(window, qtbot):
    dialog = GdprSettingsDialog(window.context, window)
    qtbot.addWidget(dialog)
    edits = dialog.findChildren(QPlainTextEdit)
    assert sorted(edits, key=id) == sorted(dialog.edits.values(), key=id) and len(edits) == 10
    named = {label.buddy() for label in dialog.ui.body.findChildren(QLabel)}
    assert set(edits) <= named
    assert dialog.ui.controllerEdit.toPlainText().startswith("The Community Peer Mentor scheme")

