"""The unlock window (forms/unlock.ui): open the last store, choose another, create a new one, or open the demo.

Opening runs in a background thread, so the window keeps answering while the key is derived, every page is
checked and any migration runs. Cancel (or Esc) stops the waiting at once; what it can stop depends on the
work: making the demo stops at its next progress report and removes the half-made file, but a key
derivation or a migration (one transaction) is not cut off halfway — it runs to its end in the background
and the store it opened is then closed, unused.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from cpm_desktop import config
from cpm_desktop.domain.passphrase import problem as passphrase_problem
from cpm_desktop.domain.passphrase import strength_hint as passphrase_hint
from cpm_desktop.services import demo
from cpm_desktop.services.stores import Store, StoreError
from cpm_desktop.ui.forms.unlock_ui import Ui_UnlockDialog
from cpm_desktop.ui.workers import BackgroundWork, Report

LAST_STORE_KEY = "store/last_path"  # the only thing remembered in the clear: a file path, no personal data

__all__ = ["UnlockDialog", "passphrase_hint", "remember_store", "remembered_store"]


def remembered_store() -> Path:
    value = QSettings().value(LAST_STORE_KEY)
    return Path(value) if value else config.default_store_path()


def remember_store(path: Path) -> None:
    QSettings().setValue(LAST_STORE_KEY, str(path))


class UnlockDialog(QDialog):
    """Accepted with ``self.store`` open; a wrong passphrase is said and the person may try again.

    ``settled`` is emitted when an attempt ends without opening (refused, failed or cancelled); an attempt
    that opens the store accepts the dialog.
    """

    settled = Signal()

    def __init__(self, parent: QWidget | None = None, path: Path | None = None):
        super().__init__(parent)
        self.ui = Ui_UnlockDialog()
        self.ui.setupUi(self)
        self.setObjectName("unlockDialog")
        ui = self.ui
        self.path, self.passphrase, self.confirm = ui.storePath, ui.passphrase, ui.confirmPassphrase
        self.confirm_label, self.hint, self.message = ui.confirmLabel, ui.passphraseHint, ui.unlockMessage
        self.progress, self.cancel_button = ui.unlockProgress, ui.cancelWaitButton
        self.open_button, self.new_button, self.demo_button = ui.openButton, ui.newStoreButton, ui.demoButton
        self.path.setText(str(path or remembered_store()))
        self.store: Store | None = None
        self._waiting_for: BackgroundWork | None = None  # the attempt the window waits for
        self._running: list[BackgroundWork] = []  # that one and any abandoned attempt still finishing
        self._creating = False
        self._show_create(False)
        self._show_waiting(None)
        ui.chooseStoreButton.clicked.connect(self._browse)
        self.open_button.clicked.connect(self.unlock)
        self.new_button.clicked.connect(self._new_clicked)
        self.demo_button.clicked.connect(self.open_demo)
        self.cancel_button.clicked.connect(self.cancel_wait)
        self.passphrase.textChanged.connect(self._update_hint)
        self.passphrase.setFocus()

    # --- what the window shows -------------------------------------------------------------------

    def _show_create(self, creating: bool) -> None:
        self._creating = creating
        for widget in (self.confirm, self.confirm_label, self.hint):
            widget.setVisible(creating)
        self.open_button.setText("&Create" if creating else "&Open")
        self.new_button.setText("&Back" if creating else "Create &new store")
        self.message.clear()

    def _show_waiting(self, doing: str | None) -> None:
        """While ``doing`` is said, the fields and buttons rest and only Cancel acts."""
        waiting = doing is not None
        for widget in (self.path, self.ui.chooseStoreButton, self.passphrase, self.confirm, self.open_button,
                       self.new_button, self.demo_button):
            widget.setEnabled(not waiting)
        self.progress.setText(doing or "")
        self.progress.setVisible(waiting)
        self.cancel_button.setVisible(waiting)
        if waiting:
            self.message.clear()
            self.cancel_button.setFocus()

    def _new_clicked(self) -> None:
        if not self._creating and Path(self.path.text()).exists():
            self.path.setText(str(Path(self.path.text()).with_name("new-store.cpm")))
        self._show_create(not self._creating)

    def _update_hint(self, text: str) -> None:
        self.hint.setText(passphrase_hint(text) if self._creating else "")

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Choose a store", str(Path(self.path.text()).parent),
                                              "CPM stores (*.cpm);;All files (*)")
        if name:
            self.path.setText(name)

    def _say(self, sentence: str) -> None:
        self.message.setText(sentence)
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        self.settled.emit()

    # --- attempts ----------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """Whether the window is waiting for an attempt (fields disabled, Cancel shown)."""
        return self._waiting_for is not None

    @property
    def finishing(self) -> bool:
        """Whether any attempt's thread still runs, including one the person stopped waiting for."""
        return bool(self._running)

    def unlock(self) -> None:
        path = Path(self.path.text()).expanduser()
        passphrase = self.passphrase.text()
        if self._creating:
            if passphrase != self.confirm.text():
                self._say("The two passphrases differ.")
                return
            if refused := passphrase_problem(passphrase):
                self._say(refused)
                return
            self._start("Creating the store…", lambda _report: Store.create(path, passphrase), path)
        else:
            self._start("Opening the store…", lambda _report: Store.open(path, passphrase), path)

    def open_demo(self) -> None:
        """Open the demo store, making it first (a few seconds, with a percentage) if it is not made yet."""
        if demo.demo_store_exists():
            self._start("Opening the demo store…", lambda _report: demo.open_demo_store(), None)
            return

        def make(report: Report) -> Store:
            return demo.open_demo_store(
                progress=lambda done, total, _what: report(done, total, "Creating the demo store…"))

        self._start("Creating the demo store…", make, None)

    def cancel_wait(self) -> None:
        """Stop waiting: the fields are usable again at once, and the attempt's store, if it still opens,
        is closed unused when its thread ends."""
        work, self._waiting_for = self._waiting_for, None
        if work is None:
            return
        work.cancel()
        self._show_waiting(None)
        self._say("Cancelled; nothing was opened.")

    def _start(self, doing: str, open_store: Callable[[Report], Store], remember: Path | None) -> None:
        earlier = list(self._running)

        def after_earlier(report: Report) -> Store:
            for work in earlier:  # an abandoned attempt on the same file finishes (and closes) first
                work.wait()
            return open_store(report)

        work = BackgroundWork(after_earlier, self, discard=Store.close, expected=(StoreError,))
        work.progressed.connect(lambda done, total, _message: self._progressed(work, doing, done, total))
        work.finished.connect(lambda store: self._opened(work, store, remember))
        work.failed.connect(lambda error: self._refused(work, error))
        self._running.append(work)
        self._waiting_for = work
        self._show_waiting(doing)
        work.start()

    def _progressed(self, work: BackgroundWork, doing: str, done: int, total: int) -> None:
        if work is self._waiting_for:
            self.progress.setText(f"{doing} {100 * done // total}%" if total else doing)

    def _opened(self, work: BackgroundWork, store: Store, remember: Path | None) -> None:
        self._running.remove(work)  # its thread has ended (BackgroundWork waits for it before saying so)
        if work is not self._waiting_for:  # nobody waits for it any more
            store.close()
            return
        self._waiting_for = None
        self.store = store
        if remember is not None:
            remember_store(remember)
        self.accept()

    def _refused(self, work: BackgroundWork, error: object) -> None:
        self._running.remove(work)
        if work is not self._waiting_for:
            return
        self._waiting_for = None
        self._show_waiting(None)
        self._say(str(error) if isinstance(error, StoreError) else "That did not work; the details are in the log.")

    # --- leaving -----------------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc (or the close button) while waiting stops the waiting; otherwise it closes the window."""
        if self.busy:
            self.cancel_wait()
        else:
            super().reject()

    def done(self, result: int) -> None:
        for work in list(self._running):  # no thread outlives the window (an abandoned open ends within a second)
            work.cancel()
            work.wait()
        super().done(result)
