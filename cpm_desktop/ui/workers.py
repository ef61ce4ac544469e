"""Long work off the GUI thread, with a progress dialog that can cancel it."""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """The person pressed Cancel."""


class _Job(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[Callable[[int, int, str], bool]], Any]):
        super().__init__()
        self.work = work
        self.cancelled = False

    def report(self, done: int, total: int, message: str) -> bool:
        if self.cancelled:
            raise Cancelled()
        self.progressed.emit(done, total, message)
        return True

    def run(self) -> None:
        try:
            self.succeeded.emit(self.work(self.report))
        except Exception as error:  # handed to the GUI thread, which says it in one sentence
            if not isinstance(error, Cancelled):
                log.exception("background work failed")
            self.failed.emit(error)


class BackgroundTask(QObject):
    """Runs ``work(progress)`` in a thread; ``progress(done, total, message)`` updates the dialog.

    ``finished(result)`` or ``failed(error)`` is emitted on the GUI thread; a Cancelled error means the
    person cancelled.
    """

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, title: str, work: Callable, parent: QWidget | None = None):
        super().__init__(parent)
        self.dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
        self.dialog.setObjectName("progressDialog")
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.thread = QThread(self)
        self.job = _Job(work)
        self.job.moveToThread(self.thread)
        self.thread.started.connect(self.job.run)
        self.job.progressed.connect(self._progress)
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)
        self.dialog.canceled.connect(self.cancel)

    def start(self) -> None:
        self.thread.start()

    def cancel(self) -> None:
        self.job.cancelled = True

    def _progress(self, done: int, total: int, message: str) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)
        self.dialog.setLabelText(message)

    def _finish(self) -> None:
        self.thread.quit()
        self.thread.wait()
        self.dialog.reset()
        self.dialog.hide()

    def _succeeded(self, result: object) -> None:
        self._finish()
        self.finished.emit(result)

    def _failed(self, error: object) -> None:
        self._finish()
        self.failed.emit(error)
