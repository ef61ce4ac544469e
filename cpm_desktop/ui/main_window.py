"""The main window: four panes sharing one current referral, menus, and the idle lock."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from cpm_desktop.domain.passphrase import problem as passphrase_problem
from cpm_desktop.domain.text import plural
from cpm_desktop.services import referrals
from cpm_desktop.services.interchange import ImportCancelled, ImportFailed, export_folder, import_folder
from cpm_desktop.services.stores import StoreError, explain
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.help import open_user_guide
from cpm_desktop.ui.lock import LockReason, SessionLock
from cpm_desktop.ui.operations import perform_in_background
from cpm_desktop.ui.os_session import SessionWatch
from cpm_desktop.ui.panes.allocation import AllocationPane
from cpm_desktop.ui.panes.contacts import ContactLogPane
from cpm_desktop.ui.panes.referrals import ReferralsPane
from cpm_desktop.ui.panes.risk import RiskPane
from cpm_desktop.ui.unsaved import KeepsTyping
from cpm_desktop.ui.workers import BackgroundTask, BackgroundWork, Cancelled

IDLE_MINUTES = 10
IDLE_KEY = "lock/idle_minutes"  # a preference, not personal data: kept in the plain settings file


def remembered_idle_minutes() -> float:
    """The idle time chosen in Settings; the default when the settings file holds something else."""
    try:
        minutes = float(str(QSettings().value(IDLE_KEY, IDLE_MINUTES)))
    except ValueError:
        return IDLE_MINUTES
    return minutes if 1 <= minutes <= 120 else IDLE_MINUTES


PREFERRED_SIZE = (1280, 800)


def fitting_size(window: QWidget) -> QSize:
    """The preferred size, made smaller to fit the screen's free area (a 1280×720 or 1366×768 laptop has less)."""
    wanted = QSize(*PREFERRED_SIZE)
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return wanted
    room = screen.availableGeometry().size()
    frame = QSize(16, 40)  # the window manager's title bar and borders, outside the window's own size
    return wanted.boundedTo(room - frame).expandedTo(window.minimumSizeHint())


def _dispose_when_idle(dialog: QDialog) -> None:
    running = [task for task in dialog.findChildren(BackgroundWork) if task.running]
    if running:  # its ending is told on the GUI thread (never touch a widget from the worker's own thread)
        running[0].finished.connect(lambda _result: _dispose_when_idle(dialog))
        running[0].failed.connect(lambda _error: _dispose_when_idle(dialog))
    elif not dialog.isVisible():
        dialog.deleteLater()


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, idle_minutes: float | None = None):
        super().__init__()
        self.setObjectName("mainWindow")
        self.context = context
        self.dirty = False
        self.tabs = QTabWidget(objectName="paneTabs")
        self.referrals_pane = ReferralsPane(context)
        self.risk_pane = RiskPane(context)
        self.allocation_pane = AllocationPane(context)
        self.contact_pane = ContactLogPane(context)
        for pane, title in ((self.referrals_pane, "&1 Referrals"), (self.risk_pane, "&2 Risk assessment"),
                            (self.allocation_pane, "&3 Allocation"), (self.contact_pane, "&4 Contact log")):
            self.tabs.addTab(pane, title)
        self.setCentralWidget(self.tabs)
        self.case_label = QLabel(objectName="statusCase")
        self.sync_label = QLabel(objectName="statusSync")
        self.statusBar().addPermanentWidget(self.sync_label)
        self.statusBar().addPermanentWidget(self.case_label)
        self._build_menus()
        context.currentReferralChanged.connect(lambda _uuid: self._update_title())
        context.changed.connect(lambda _changes: self._update_title())
        context.dirtyChanged.connect(self._set_dirty)
        self.session_lock = SessionLock(self, context.store.check_passphrase,
                                        idle_minutes or remembered_idle_minutes())
        self.lock_screen = self.session_lock.screen
        self.session_lock.lockedChanged.connect(lambda locked: None if locked else self._update_title())
        self.session_lock.lockedChanged.connect(lambda locked: context.flush_record_views() if locked else None)
        self.session_watch = SessionWatch(self, self.lock)  # the OS locking the session or going to sleep
        self._update_title()
        self.update_sync_status()
        self.resize(fitting_size(self))

    # --- menus ---------------------------------------------------------------------------------------

    def _action(self, menu, text: str, slot, name: str, shortcut=None) -> QAction:
        action = QAction(text, self, objectName=name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self._action(file, "&Import interchange CSV folder…", self.import_folder, "actionImport")
        self._action(file, "&Export interchange CSV folder…", self.export_folder, "actionExport")
        file.addSeparator()
        self._action(file, "&Back up the store…", self.backup, "actionBackup")
        self._action(file, "Change &passphrase…", self.change_passphrase, "actionChangePassphrase")
        file.addSeparator()
        self._action(file, "S&ync now", self.sync_now, "actionSyncNow", "F5")
        self._action(file, "Sync, i&nvites and conflicts…", self.sync_dialog, "actionSyncDialog")
        file.addSeparator()
        self._action(file, "&Lock now", lambda: self.lock(), "actionLock", "Ctrl+L")
        self._action(file, "&Quit", self.close, "actionQuit", QKeySequence.StandardKey.Quit)
        reports = bar.addMenu("&Reports")
        self.actionEvaluationSummary = self._action(reports, "&Evaluation summary…", self.evaluation_summary,
                                                    "actionEvaluationSummary")
        letters_menu = bar.addMenu("&Letters")
        self._action(letters_menu, "&Acknowledgement to the referrer…", self.acknowledgement_letter,
                     "actionAcknowledgementLetter")
        self._action(letters_menu, "&Feedback to the referrer…", self.feedback_letter, "actionFeedbackLetter")
        self._action(letters_menu, "Feedback &due…", self.feedback_due, "actionFeedbackDue")
        gdpr = bar.addMenu("&GDPR")
        self._action(gdpr, "&Subject-access export…", self.subject_access, "actionSubjectAccess")
        self._action(gdpr, "&Request register…", self.request_register, "actionRequestRegister")
        gdpr.addSeparator()
        self._action(gdpr, "&Due for deletion…", self.due_for_deletion, "actionDueForDeletion")
        self._action(gdpr, "&Erase on request…", self.erase_on_request, "actionEraseOnRequest")
        settings = bar.addMenu("&Settings")
        self._action(settings, "&Lock after idle minutes…", self.ask_idle_minutes, "actionIdleMinutes")
        self._action(settings, "&Subject-access information…", self.gdpr_settings, "actionGdprSettings")
        self._action(settings, "&Retention rules…", self.retention_rules, "actionRetentionRules")
        guide = bar.addMenu("&Help")
        self._action(guide, "&User guide", self.user_guide, "actionUserGuide", QKeySequence.StandardKey.HelpContents)

    def user_guide(self) -> None:
        if problem := open_user_guide():
            self.statusBar().showMessage(problem, 15000)

    # --- sync -------------------------------------------------------------------------------------------

    def update_sync_status(self) -> None:
        from cpm_desktop.services.sync import status
        from cpm_desktop.ui.dialogs.sync import status_sentence

        self.sync_label.setText(status_sentence(status(self.context.store)))

    def sync_now(self) -> None:
        """Sync in the background; offline is said in the status bar, never as an error box."""
        from cpm_desktop.ui.dialogs.sync import sync_in_background

        self.statusBar().showMessage("Syncing with the hub…")
        task = sync_in_background(self.context, self)
        task.finished.connect(self._synced)
        task.failed.connect(lambda error: self._synced(f"Sync did not finish: {error}"))
        self._sync_task = task

    def _synced(self, sentence: object) -> None:
        self.statusBar().showMessage(str(sentence), 15_000)
        self.update_sync_status()  # the sync itself was announced (ui/dialogs/sync.py sync_in_background)

    def sync_dialog(self) -> None:
        from cpm_desktop.ui.dialogs.sync import SyncDialog

        dialog = SyncDialog(self.context, self)
        dialog.synced.connect(lambda _sentence: self.update_sync_status())
        dialog.finished.connect(lambda _result: self.update_sync_status())
        self._open(dialog)

    def _open(self, dialog: QDialog) -> QDialog:
        """Show a dialog window-modal and return at once (no nested event loop); it is deleted once it has
        closed and no work it started is still running in the background."""
        dialog.finished.connect(lambda _result: _dispose_when_idle(dialog))
        dialog.open()
        return dialog

    def evaluation_summary(self) -> None:
        from cpm_desktop.ui.dialogs.evaluation import EvaluationDialog

        self._open(EvaluationDialog(self.context, self))

    def _in_background(self, title: str, work, done_message, **options) -> BackgroundTask:
        """Run long work off the GUI thread with a progress dialog (``options`` as BackgroundTask's: cancellable,
        label); say the outcome in one sentence."""
        task = BackgroundTask(title, work, self, **options)
        task.finished.connect(lambda result: self.statusBar().showMessage(done_message(result), 10_000))
        task.failed.connect(lambda error: self._work_failed(title, error))
        self._task = task
        task.start()
        return task

    def _work_failed(self, title: str, error: object) -> None:
        if isinstance(error, Cancelled):
            self.statusBar().showMessage(f"{title}: cancelled; nothing was changed.", 10_000)
        elif isinstance(error, ImportFailed):
            problems = [str(p) for p in error.problems]
            shown = "\n".join(problems[:30]) + (f"\n… and {len(problems) - 30} more." if len(problems) > 30 else "")
            QMessageBox.warning(self, title, f"Nothing was imported: {error.total:,} problem(s) to fix.\n\n{shown}")
        elif isinstance(error, (StoreError, ImportCancelled)):
            QMessageBox.warning(self, title, str(error) or "Cancelled; nothing was changed.")
        elif isinstance(error, BaseException) and (fault := explain(error, self.context.store.path)):
            QMessageBox.warning(self, title, str(fault))  # e.g. a page of the store damaged since it was opened
        else:
            QMessageBox.warning(self, title, "That did not work; the details are in the log.")

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import interchange CSV files from")
        if not folder:
            return
        self._task = perform_in_background(
            self.context, self, "Import", lambda store, progress: import_folder(store, Path(folder), progress=progress),
            Changes.EVERYTHING, done=lambda summary: self.statusBar().showMessage(f"Imported {summary}.", 10_000),
            failed=lambda error: self._work_failed("Import", error))

    def export_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Export interchange CSV files to (they hold personal data)")
        if not folder:
            return
        store = self.context.store
        self._in_background("Export", lambda progress: export_folder(store, Path(folder), progress=progress),
                            lambda summary: f"Exported {summary} to {folder}.")

    def _current_referral_id(self) -> str | None:
        uuid = self.context.current_referral
        header = referrals.case_header(self.context.store, uuid) if uuid else None
        if header is None:
            QMessageBox.information(self, "Letters", "Choose a referral in the Referrals pane first.")
            return None
        return header.referral_id

    def feedback_letter(self) -> None:
        from cpm_desktop.ui.dialogs.letters import FeedbackLetterDialog

        referral_id = self._current_referral_id()
        if referral_id:
            self._open(FeedbackLetterDialog(self.context, referral_id, self))

    def feedback_due(self) -> None:
        """Closed cases whose referrer has not been sent feedback; choosing one opens the case."""
        from cpm_desktop.services import cases

        due = cases.feedback_due(self.context.store)
        if not due:
            QMessageBox.information(self, "Feedback due", "Every closed case's referrer has had feedback.")
            return
        items = [f"{d.referral_id}  {d.name}, closed {d.closed_on:%d/%m/%Y} ({plural(d.days_since_closure, 'day')} ago)"
                 f" — {d.referrer}" for d in due]
        chosen, ok = QInputDialog.getItem(self, "Feedback due", f"{len(due)} closed case(s) waiting for feedback:",
                                          items, 0, False)
        if ok and self.referrals_pane.open(due[items.index(chosen)].referral_uuid):
            self.feedback_letter()

    def acknowledgement_letter(self) -> None:
        from cpm_desktop.services import letters
        from cpm_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog

        referral_id = self._current_referral_id()
        if referral_id:
            letter = letters.acknowledgement_letter(self.context.store, referral_id)
            self._open(PdfPreviewDialog(letter.title, letters.letter_pdf(letter), f"acknowledgement-{referral_id}.pdf",
                                        self))

    def subject_access(self) -> None:
        from cpm_desktop.ui.dialogs.sar import SubjectAccessDialog

        uuid = self.context.current_referral
        person_id = (referrals.person_id_of(self.context.store, uuid) if uuid else None) or ""  # no view recorded
        self._open(SubjectAccessDialog(self.context, self, person_id=person_id))

    def gdpr_settings(self) -> None:
        from cpm_desktop.ui.dialogs.gdpr import GdprSettingsDialog

        self._open(GdprSettingsDialog(self.context, self))

    def due_for_deletion(self) -> None:
        from cpm_desktop.ui.dialogs.retention import DueForDeletionDialog

        self._open(DueForDeletionDialog(self.context, self))

    def erase_on_request(self) -> None:
        from cpm_desktop.ui.dialogs.retention import ErasureRequestDialog

        self._open(ErasureRequestDialog(self.context, self))

    def retention_rules(self) -> None:
        from cpm_desktop.ui.dialogs.retention import RetentionRulesDialog

        self._open(RetentionRulesDialog(self.context, self))

    def request_register(self) -> None:
        from cpm_desktop.ui.dialogs.sar import RequestRegisterDialog

        self._open(RequestRegisterDialog(self.context, self))

    def backup(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Back up the store", str(self.context.store.path.with_name(
            self.context.store.path.stem + "-backup.cpm")), "CPM stores (*.cpm)")
        if not name:
            return
        store = self.context.store

        def copied(progress, done: int, total: int) -> None:
            progress(done, total, f"Copying the store, encrypted: {done:,} of {total:,} pages" if done < total
                     else f"Reading the {total:,} pages of the copy back to check them")

        self._in_background("Backup", lambda progress: store.backup(name, progress=lambda done, total: copied(
            progress, done, total)), lambda path: f"Encrypted backup written to {path}.",
            label="Copying the store, encrypted…")

    def change_passphrase(self) -> None:
        """Re-encrypt the store with a new passphrase, off the GUI thread.

        The progress dialog has no Cancel: PRAGMA rekey rewrites every page in one go and is all or nothing,
        so it cannot be stopped halfway. It covers every window until the re-keying ends, so nothing else
        touches the store meanwhile.
        """
        new, ok = QInputDialog.getText(self, "Change passphrase", "New passphrase (10 characters or more):",
                                       QLineEdit.EchoMode.Password)
        if not ok:
            return
        again, ok = QInputDialog.getText(self, "Change passphrase", "Again, to be sure:", QLineEdit.EchoMode.Password)
        if not ok or new != again or passphrase_problem(new):
            QMessageBox.warning(self, "Change passphrase",
                                passphrase_problem(new) or "The two passphrases differ; nothing was changed.")
            return
        store = self.context.store
        self._in_background("Change passphrase", lambda _progress: store.change_passphrase(new),
                            lambda _none: "The passphrase is changed.", cancellable=False,
                            label="Re-encrypting the store with the new passphrase…\n"
                                  "Every page is rewritten; this cannot be stopped halfway.")

    # --- title and status ----------------------------------------------------------------------------

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self._update_title()

    def _update_title(self) -> None:
        store = self.context.store.path.name
        uuid = self.context.current_referral
        header = referrals.case_header(self.context.store, uuid) if uuid else None
        case = f"{header.name} ({header.referral_id}, {header.status})" if header else "no case chosen"
        self.setWindowTitle(f"{'* ' if self.dirty else ''}{store} — {case} — CPM Desktop")
        self.case_label.setText(f"Store: {store}  ·  Case: {case}{'  ·  unsaved changes' if self.dirty else ''}")

    # --- locking -------------------------------------------------------------------------------------

    @property
    def idle_minutes(self) -> float:
        return self.session_lock.idle_minutes

    def set_idle_minutes(self, minutes: float) -> None:
        self.session_lock.set_idle_minutes(minutes)

    def ask_idle_minutes(self) -> None:
        minutes, ok = QInputDialog.getInt(self, "Lock when idle", "Lock after this many minutes without use:",
                                          int(self.idle_minutes), 1, 120)
        if ok:
            QSettings().setValue(IDLE_KEY, minutes)
            self.set_idle_minutes(minutes)

    @property
    def locked(self) -> bool:
        return self.session_lock.locked

    def lock(self, reason: LockReason = LockReason.MANUAL) -> None:
        """Cover every window; dialogs stay open in the middle of what they were doing."""
        self.session_lock.lock(reason)

    def try_unlock(self) -> bool:
        return self.session_lock.try_unlock()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self.locked or not self._open_forms_let_go() or not self.context.resolve_unsaved(self):
            event.ignore()  # Save / Discard / Cancel for all typed work, in the forms open and in the panes
            return
        event.accept()

    def _open_forms_let_go(self) -> bool:
        """Forms are open without a nested event loop, so the window can be closed under one: each form typed
        in asks Save / Discard / Cancel as its own Esc does; False while any is still open (refused or kept)."""
        for form in self.findChildren(KeepsTyping):
            if form.isVisible() and form.typed_changed():
                form.raise_()
                form.activateWindow()
                form.reject()
                if form.isVisible():
                    return False
        return True
