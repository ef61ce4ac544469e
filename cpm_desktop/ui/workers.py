"""Long work off the GUI thread: BackgroundWork runs it, BackgroundTask adds a progress dialog."""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

Report = Callable[[int, int, str], bool]  # progress(done, total, message); raises Cancelled after a Cancel
Work = Callable[[Report], Any]


class Cancelled(Exception):
    """The person pressed Cancel."""


class _Job(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Work, discard: Callable[[Any], object] | None,
                 expected: tuple[type[Exception], ...]):
        super().__init__()
        self.work = work
        self.discard = discard
        self.unlogged: tuple[type[Exception], ...] = (Cancelled, *expected)
        self.cancelled = False

    def report(self, done: int, total: int, message: str) -> bool:
        if self.cancelled:
            raise Cancelled()
        self.progressed.emit(done, total, message)
        return True

    def run(self) -> None:
        try:
            result = self.work(self.report)
            if self.cancelled and self.discard is not None:  # here, not on the GUI thread: that may be gone
                self.discard(result)
                raise Cancelled()
            self.succeeded.emit(result)
        except Exception as error:  # handed to the GUI thread, which says it in one sentence
            if not isinstance(error, self.unlogged):
                log.exception("background work failed")
            self.failed.emit(error)


class BackgroundWork(QObject):
    """Runs ``work(progress)`` in a thread of its own; ``progressed``, ``finished(result)`` and
    ``failed(error)`` arrive on the GUI thread.

    ``cancel()`` makes the next progress report raise Cancelled, so work that reports often stops soon.
    Work that cannot stop halfway (a key derivation, a migration) runs to its end; if ``discard`` is given,
    a result that arrives after a Cancel is handed to it (to close a store nobody waits for any more) and
    ``failed(Cancelled())`` is emitted instead of ``finished``. Errors of the ``expected`` kinds (a wrong
    passphrase) are only said to the person; any other is logged with its traceback too.
    """

    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Work, parent: QObject | None = None,
                 discard: Callable[[Any], object] | None = None, expected: tuple[type[Exception], ...] = ()):
        super().__init__(parent)
        self.discard = discard
        self.worker = QThread(self)  # (not ``thread``: that is QObject's method naming an object's own thread)
        self.job = _Job(work, discard, expected)
        self.job.moveToThread(self.worker)
        self.worker.started.connect(self.job.run)
        self.job.progressed.connect(self.progressed)
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)

    def start(self) -> None:
        self.worker.start()

    @property
    def running(self) -> bool:
        return self.worker.isRunning()

    def cancel(self) -> None:
        self.job.cancelled = True

    @property
    def cancelled(self) -> bool:
        return self.job.cancelled

    def wait(self) -> None:
        """Block until the work has ended (from any thread). The thread's event loop, which starts when the
        work returns, is told to stop first: a stop told before it starts still counts."""
        self.worker.quit()
        self.worker.wait()

    def _end(self) -> None:
        self.wait()

    def _succeeded(self, result: object) -> None:
        self._end()
        if self.job.cancelled and self.discard is not None:  # cancelled after the thread handed it over
            self.discard(result)
            self.failed.emit(Cancelled())
        else:
            self.finished.emit(result)

    def _failed(self, error: object) -> None:
        self._end()
        self.failed.emit(error)


class _UnstoppableProgress(QProgressDialog):
    """A progress dialog without Cancel that neither Esc nor the window's close button takes away."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() != Qt.Key.Key_Escape:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        event.ignore()


class BackgroundTask(BackgroundWork):
    """BackgroundWork with a modal progress dialog; ``progress(done, total, message)`` updates it.

    A Cancelled error means the person cancelled. With ``cancellable=False`` (work that is all or nothing,
    such as re-keying) the dialog has no Cancel, shows at once and covers the whole application until the
    work ends, so nothing else touches the store meanwhile.
    """

    def __init__(self, title: str, work: Work, parent: QWidget | None = None, *, cancellable: bool = True,
                 label: str | None = None, discard: Callable[[Any], object] | None = None):
        super().__init__(work, parent, discard)
        if cancellable:
            self.dialog = QProgressDialog(label or title, "Cancel", 0, 0, parent)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(300)
            self.dialog.canceled.connect(self.cancel)
        else:
            self.dialog = _UnstoppableProgress(label or title, "", 0, 0, parent)
            self.dialog.setCancelButton(None)
            self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
            self.dialog.setMinimumDuration(0)
        self.dialog.setObjectName("progressDialog")
        self.dialog.setWindowTitle(title)
        self.dialog.setAutoReset(False)  # at 100% the work may still be finishing (a backup reads its copy back)
        self.progressed.connect(self._progress)
        self.cancellable = cancellable

    def start(self) -> None:
        if not self.cancellable:
            self.dialog.show()  # covers the windows before the work begins
        super().start()

    def _progress(self, done: int, total: int, message: str) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)
        self.dialog.setLabelText(message)

    def _end(self) -> None:
        super()._end()
        self.dialog.reset()
        self.dialog.hide()
