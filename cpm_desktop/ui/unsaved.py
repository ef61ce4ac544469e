"""Typed work that is not saved yet: who holds it, and Save / Discard / Cancel before anything would lose it.

A pane that holds typing (the referral form, the contact being logged, a decision's reason, police-call
figures) is an :class:`Unsaved` registered with the context; the context resolves them all before the current
case changes and before quitting. A dialog that takes typing is a :class:`KeepsTyping` dialog: Esc, Cancel
and its close button ask before throwing away what was typed.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
    QWidget,
)

from cpm_desktop.ui.widgets.date_entry import refuse_bad_dates

Button = QMessageBox.StandardButton


class Unsaved(Protocol):
    def unsaved_work(self) -> str | None:
        """What is typed and not saved, in a few words ("the new referral"), or None when nothing is."""

    def save_unsaved(self) -> bool:
        """Save it; False (having said why) when it cannot be saved as it is."""

    def discard_unsaved(self) -> None:
        """Throw it away: show what is saved."""


def ask(parent: QWidget | None, title: str, text: str, can_save: bool = True) -> Button:
    buttons = (Button.Save if can_save else Button.NoButton) | Button.Discard | Button.Cancel
    return QMessageBox.question(parent, title, text, buttons, Button.Save if can_save else Button.Cancel)


def resolve(parent: QWidget | None, holders: Iterable[Unsaved]) -> bool:
    """Ask once about everything unsaved; True when the caller may go on (saved, discarded, or none)."""
    pending = [(holder, what) for holder in holders if (what := holder.unsaved_work())]
    if not pending:
        return True
    if len(pending) == 1:
        text = f"Not saved yet: {pending[0][1]}.\n\nSave it first?"
    else:
        listed = "\n".join(f"• {what}" for _holder, what in pending)
        text = f"These are not saved yet:\n{listed}\n\nSave them first?"
    answer = ask(parent or QApplication.activeWindow(), "Not saved yet", text)
    if answer == Button.Cancel:
        return False
    for holder, _what in pending:
        if answer == Button.Save:
            if not holder.save_unsaved():
                return False  # said why; what was typed is still there
        else:
            holder.discard_unsaved()
    return True


# --- dialogs ---------------------------------------------------------------------------------------------

def typed_state(widget: QWidget) -> tuple[object, ...]:
    """Everything a person can type or choose in ``widget``, to see whether it changed."""
    state: list[object] = []
    for child in widget.findChildren(QWidget):
        if isinstance(child, QLineEdit):
            state.append(child.text())
        elif isinstance(child, (QPlainTextEdit, QTextEdit)) and not child.isReadOnly():
            state.append(child.toPlainText())
        elif isinstance(child, QComboBox):
            state.append((child.currentIndex(), child.currentText()))
        elif isinstance(child, QAbstractButton) and child.isCheckable():
            state.append(child.isChecked())
        elif isinstance(child, QListWidget):
            state.append(tuple(child.item(n).checkState() for n in range(child.count())))
        elif isinstance(child, QTableWidget):
            state.append(tuple(item.text() if (item := child.item(r, c)) else ""
                               for r in range(child.rowCount()) for c in range(child.columnCount())))
    return tuple(state)


class KeepsTyping(QDialog):
    """A dialog whose Esc, Cancel and close button ask before what was typed in it is thrown away.

    ``save_typed`` is what Save in that question does (by default the dialog's own Save: ``accept``);
    a dialog with nothing to save sets ``can_save_typed = False`` and asks Discard or Cancel only.
    """

    can_save_typed = True

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._typed_at_open: tuple[object, ...] | None = None
        self._save: Callable[[], bool] | None = None

    def save_with(self, save: Callable[[], bool]) -> None:
        """Save (accept) runs ``save()``, which records what was typed and says True, or says why not and False:
        then the dialog stays open with everything typed. So a form is shown with ``open()``, and no caller
        loops on ``exec()`` to show it again after a refusal."""
        self._save = save

    def accept(self) -> None:
        if self._save is not None and not self._save():
            return
        super().accept()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        if self._typed_at_open is None:  # once: a refused save shows the dialog again with the typing in it
            self._typed_at_open = typed_state(self)
        super().showEvent(event)

    def typed_kept(self) -> None:
        """What is typed now has been used (the export or letter is made): closing need not ask about it."""
        self._typed_at_open = typed_state(self)

    def typed_changed(self) -> bool:
        return self._typed_at_open is not None and typed_state(self) != self._typed_at_open

    def save_typed(self) -> None:
        """As the dialog's own Save (``wire_buttons``): a date that is not one is said and refused, not saved."""
        if not refuse_bad_dates(self):
            self.accept()

    def reject(self) -> None:
        if self.isVisible() and self.typed_changed():
            text = ("What you typed here is not saved yet. Save it?" if self.can_save_typed
                    else "What you typed here will be lost. Close anyway?")
            answer = ask(self, self.windowTitle(), text, self.can_save_typed)
            if answer == Button.Cancel:
                return
            if answer == Button.Save:
                self.save_typed()
                return
        super().reject()


class ReasonDialog(QInputDialog):
    """A one-line reason (why a contact is deleted, why support ends…): Esc with a reason typed asks first."""

    def reject(self) -> None:
        if self.isVisible() and self.textValue().strip() and ask(
                self, self.windowTitle(), "What you typed here will be lost. Close anyway?", False) == Button.Cancel:
            return
        super().reject()


def ask_reason(parent: QWidget | None, title: str, label: str, text: str = "") -> tuple[str, bool]:
    """As ``QInputDialog.getText``, but a reason typed is never thrown away by Esc without asking.

    It stays a synchronous question (its own short ``exec()``), as Qt's static dialogs and ``QMessageBox.question``
    are: it asks one line before an operation and holds nothing once answered, so there is no form to keep open
    across a refusal, and its callers (ending support, deleting a contact, extending a request …) read on as one
    sequence of questions. Made asynchronous, each of them would have to be split into callbacks.
    """
    dialog = ReasonDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    reason = dialog.textValue()
    dialog.deleteLater()
    return reason, accepted


# --- lists whose rows are cases ----------------------------------------------------------------------------

_MOVES = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End}


class AskBeforeLeaving(QObject):
    """Before a click or key moves ``view`` to another row, resolve unsaved work; a refusal keeps the row.

    ``leaving(row)`` says whether moving to ``row`` would leave unsaved work behind; ``resolve()`` asks.
    When answering changed the list (a saved new referral joins it), the click is not passed on: its
    target moved.
    """

    def __init__(self, view: QAbstractItemView, leaving: Callable[[int | None], bool], resolve_: Callable[[], bool],
                 shown: Callable[[], object]) -> None:
        super().__init__(view)
        self.view, self._leaving, self._resolve, self._shown = view, leaving, resolve_, shown
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick) and watched is self.view.viewport():
            index = self.view.indexAt(event.position().toPoint())  # type: ignore[attr-defined]
            if not index.isValid() or not self._leaving(index.row()):
                return False
            before = self._shown()
            return not self._resolve() or self._shown() != before
        if kind == QEvent.Type.KeyPress and watched is self.view:
            key, text = event.key(), event.text()  # type: ignore[attr-defined]
            if (key in _MOVES or text.strip() and text.isprintable()) and self._leaving(None):
                return not self._resolve()
        return False
