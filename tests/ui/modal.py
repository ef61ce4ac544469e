"""Driving modal dialogs from a test: ``exec()`` blocks, so the steps inside it are scheduled before."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget


def _close_every_modal() -> None:
    """After a failed step: end what is open so the test fails instead of hanging."""
    for _ in range(10):
        widget = QApplication.activeModalWidget()
        if widget is None:
            return
        if hasattr(widget, "allow_close"):  # the lock screen
            widget.allow_close = True
        if isinstance(widget, QDialog):
            widget.done(QDialog.DialogCode.Rejected)
        else:
            widget.close()


def when_modal(steps: Callable[[QWidget], None], errors: list[BaseException],
               ready: Callable[[QWidget], bool] = lambda _dialog: True) -> None:
    """Run ``steps(dialog)`` once a modal dialog is up and ``ready``; a failure is kept in ``errors``."""
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not ready(dialog):
            QTimer.singleShot(20, run)
            return
        try:
            steps(dialog)
        except BaseException as error:  # noqa: BLE001 (raised again by the test after exec returns)
            errors.append(error)
            _close_every_modal()

    QTimer.singleShot(0, run)


def raise_first(errors: list[BaseException]) -> None:
    if errors:
        raise errors[0]
