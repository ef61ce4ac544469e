"""Small pieces several panes and dialogs share."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QWidget

from cpm_desktop.services import cases
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.operations import attempt
from cpm_desktop.ui.unsaved import ask_reason
from cpm_desktop.ui.widgets.date_entry import refuse_bad_dates

ACCEPT_KEYS = ("Ctrl+Return", "Ctrl+Enter")


def save_cancel_buttons(dialog: QDialog) -> QDialogButtonBox:
    """Save and Cancel, wired to accept and reject; Ctrl+Enter saves, and a date that is not one is refused."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    wire_buttons(dialog, buttons)
    return buttons


def wire_buttons(dialog: QDialog, buttons: QDialogButtonBox, accept: Callable[[], object] | None = None,
                 save_text: str = "&Save") -> None:
    """Accept (Save or OK) runs ``accept`` (the dialog's own by default) once every date on it is a date;
    Ctrl+Enter presses it from any field; Cancel rejects. ``save_text`` without a mnemonic for a form whose
    letters are all taken."""
    main = buttons.button(QDialogButtonBox.StandardButton.Save) or buttons.button(QDialogButtonBox.StandardButton.Ok)
    if main is not None:
        if main.text() == "Save":
            main.setText(save_text)
        accept_on_ctrl_enter(dialog, main)
    buttons.accepted.connect(lambda: refuse_bad_dates(dialog) or (accept or dialog.accept)())
    buttons.rejected.connect(dialog.reject)


def accept_on_ctrl_enter(window: QWidget, button: QPushButton) -> None:
    """Ctrl+Enter (either Enter key) presses ``button`` wherever the focus is in ``window``."""
    button.setToolTip(f"{button.text().replace('&', '')} (Ctrl+Enter)")
    for key in ACCEPT_KEYS:
        QShortcut(QKeySequence(key), window, activated=lambda: button.click() if button.isEnabled() else None)


def ask_and_reopen(parent: QWidget, context: AppContext) -> bool:
    """Ask why, then re-open the current case ("the door is always open"); True when it was re-opened."""
    referral_uuid = context.current_referral
    if referral_uuid is None:
        return False
    reason, ok = ask_reason(parent, "Re-open the case", "Why is the case opened again?")
    if not ok:
        return False
    return attempt(parent, context, Changes.CLOSURE | Changes.DECISION,
                   lambda store: cases.reopen_case(store, referral_uuid, reason), title="Not re-opened")
