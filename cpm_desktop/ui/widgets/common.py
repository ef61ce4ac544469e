"""Small pieces several panes and dialogs share."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QMessageBox, QWidget

from cpm_desktop.domain.workflow import WorkflowError
from cpm_desktop.services import cases
from cpm_desktop.ui.context import AppContext


def save_cancel_buttons(dialog: QDialog) -> QDialogButtonBox:
    """Save and Cancel, wired to accept and reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def ask_and_reopen(parent: QWidget, context: AppContext) -> bool:
    """Ask why, then re-open the current case ("the door is always open"); True when it was re-opened."""
    reason, ok = QInputDialog.getText(parent, "Re-open the case", "Why is the case opened again?")
    if not ok:
        return False
    try:
        cases.reopen_case(context.store, context.current_referral, reason)
    except WorkflowError as error:
        QMessageBox.warning(parent, "Not re-opened", str(error))
        return False
    context.notify_changed("closure")
    return True
