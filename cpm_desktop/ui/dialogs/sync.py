"""Sync ▸ the scheme's hub: this laptop's membership, Sync now, joining, inviting, and the conflicts list.

Offline is a normal state: when the hub cannot be reached the dialog says so in its status line and the
laptop carries on; nothing here ever pops up an error for it. A sync is one operation announced as
``Changes.EVERYTHING`` (it may bring or take records of every kind) whatever its outcome.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cpm_desktop.services import sync as sync_service
from cpm_desktop.services.stores import Store
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.item_models.table import Column, RowTableModel
from cpm_desktop.ui.operations import Cancelled, Progress, perform, perform_in_background
from cpm_desktop.ui.unsaved import KeepsTyping
from cpm_desktop.ui.workers import BackgroundTask

log = logging.getLogger(__name__)


def status_sentence(status: sync_service.SyncStatus) -> str:
    """The status bar's words for this laptop's place in the scheme."""
    if not status.member:
        return "Not yet part of the scheme's sync"
    when = f"last synced {status.last_sync_at.replace('T', ' ')[:16]} UTC" if status.last_sync_at else "never synced"
    waiting = f", {status.pending} change{'s' * (status.pending != 1)} waiting" if status.pending else ""
    conflicts = (f", {status.open_conflicts} conflict{'s' * (status.open_conflicts != 1)} to settle"
                 if status.open_conflicts else "")
    return f"Sync: {when}{waiting}{conflicts}"


def sync_in_background(context: AppContext, parent: QWidget) -> BackgroundTask:
    """Run one sync off the GUI thread; its outcome in a sentence (offline, cancelled or failed too) is the
    task's result, never an exception. It is announced as everything in every case: a sync that stopped
    half-way has still committed the pages it had taken."""
    def work(store: Store, progress: Progress) -> str:
        def say(message: str) -> None:
            progress(0, 0, message)  # raises Cancelled once the person cancels

        try:
            report = sync_service.sync_now(store, say)
        except sync_service.HubUnreachable as error:
            return f"Offline: {error} Your changes stay on this laptop until the next sync."
        except Cancelled:
            return "Sync cancelled; it carries on from there at the next sync."
        except (sync_service.SyncError, sync_service.HubRefused) as error:  # a refusal in its own words
            return f"Sync did not finish: {error}"
        except Exception as error:  # said in the status line, in the log in full
            log.exception("sync failed")
            return f"Sync did not finish: {error}"
        return report.sentence()

    return perform_in_background(context, parent, "Sync", work, Changes.EVERYTHING)


class SyncDialog(KeepsTyping):
    """Closing with an invite file, code or areas typed and not used asks first (nothing here saves them)."""

    synced = Signal(str)
    can_save_typed = False

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncDialog")
        self.setWindowTitle("Sync with the scheme's hub")
        self.context = context
        self.status_label = QLabel(objectName="syncStatus", wordWrap=True)
        self.outcome = QLabel(objectName="syncOutcome", wordWrap=True)
        self.sync_button = QPushButton("&Sync now", objectName="syncNow", default=True)
        self.sync_button.clicked.connect(self.sync_now)

        self.join_box = QGroupBox("&Join the scheme with an invite", objectName="joinBox")
        self.invite_file = QLineEdit(objectName="inviteFile")
        browse = QPushButton("Choose…", objectName="chooseInvite")
        browse.clicked.connect(self._choose_invite)
        self.invite_code = QLineEdit(objectName="inviteCode", placeholderText="e.g. 7KQ2M-XW9PA-3HD0C-T8NVE")
        self.user_name = QLineEdit(objectName="joinUser")
        join_button = QPushButton("Join", objectName="joinButton")
        join_button.clicked.connect(self.join)
        file_row = QHBoxLayout()
        file_row.addWidget(self.invite_file)
        file_row.addWidget(browse)
        join_form = QFormLayout(self.join_box)
        join_form.addRow("Invite file:", file_row)
        join_form.addRow("Invite code:", self.invite_code)
        join_form.addRow("Your name:", self.user_name)
        join_form.addRow(join_button)

        self.invite_box = QGroupBox("&Invite a laptop", objectName="inviteBox")
        self.invite_role = QComboBox(objectName="inviteRole")
        for role, label in (("coordinator", "Area coordinator"), ("office", "Office staff"), ("lead", "Project lead")):
            self.invite_role.addItem(label, role)
        self.invite_areas = QLineEdit(objectName="inviteAreas", placeholderText="areas, e.g. east, north")
        invite_button = QPushButton("Write the invite…", objectName="inviteButton")
        invite_button.clicked.connect(self.invite)
        invite_form = QFormLayout(self.invite_box)
        invite_form.addRow("Role:", self.invite_role)
        invite_form.addRow("Areas:", self.invite_areas)
        invite_form.addRow(invite_button)

        self.conflicts = RowTableModel([
            Column("Record", lambda r: r.record), Column("Field", lambda r: r.field),
            Column("Stands now", lambda r: r.kept, tooltip=lambda r: f"{r.kept_by}, {r.kept_at}"),
            Column("By, when", lambda r: f"{r.kept_by}, {r.kept_at}"),
            Column("Other value", lambda r: r.other, tooltip=lambda r: f"{r.other_by}, {r.other_at}"),
            Column("By, when", lambda r: f"{r.other_by}, {r.other_at}"),
        ], self)
        self.conflict_view = QTableView(objectName="conflictTable")
        self.conflict_view.setModel(self.conflicts)
        self.conflict_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.conflict_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        keep = QPushButton("&Keep the value that stands", objectName="keepValue")
        take = QPushButton("Use the &other value", objectName="useOther")
        keep.clicked.connect(lambda: self.resolve("kept"))
        take.clicked.connect(lambda: self.resolve("other"))
        conflict_box = QGroupBox("&Conflicts: the same thing changed on two laptops", objectName="conflictBox")
        conflict_layout = QVBoxLayout(conflict_box)
        conflict_layout.addWidget(self.conflict_view)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(keep)
        buttons.addWidget(take)
        conflict_layout.addLayout(buttons)

        close = QPushButton("Close", objectName="closeSync")
        close.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.status_label, 1)
        top.addWidget(self.sync_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.outcome)
        layout.addWidget(self.join_box)
        layout.addWidget(self.invite_box)
        layout.addWidget(conflict_box, 1)
        bottom = QHBoxLayout()
        bottom.addStretch()
        bottom.addWidget(close)
        layout.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.sync_now)
        self.resize(900, 560)
        self.refresh()

    def refresh(self) -> None:
        view = sync_service.sync_view(self.context.store)  # one read: the counts agree with the list
        status = view.status
        self.status_label.setText(self._describe(status))
        self.sync_button.setEnabled(status.member)
        self.join_box.setVisible(not status.member)
        self.invite_box.setVisible(status.member and status.member_role == "lead")
        self.conflicts.set_rows(view.conflicts)

    @staticmethod
    def _describe(status: sync_service.SyncStatus) -> str:
        if not status.member:
            return "This laptop is not yet part of the scheme's sync. Join with the invite file and code the " \
                   "project lead gave you."
        areas = "all areas" if status.all_areas else ", ".join(status.areas)
        return f"{status_sentence(status)}. This laptop ({status.member_role}, code {status.code}) holds {areas}."

    def sync_now(self) -> None:
        if not self.sync_button.isEnabled():
            return
        self.sync_button.setEnabled(False)
        self.outcome.setText("Syncing…")
        task = sync_in_background(self.context, self)
        task.finished.connect(self._synced)
        task.failed.connect(lambda error: self._synced(f"Sync did not finish: {error}"))
        self._task = task

    def _synced(self, sentence: object) -> None:
        """After the sync was announced (``sync_in_background``): this window's own lines."""
        self.outcome.setText(str(sentence))
        self.refresh()
        self.synced.emit(str(sentence))

    def _choose_invite(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, "Choose the invite file")
        if chosen:
            self.invite_file.setText(chosen)
            self.invite_code.setFocus()

    def join(self) -> None:
        """Membership is shown only here and in the status bar: the operation announces nothing itself; the
        first sync that follows announces everything it brings."""
        invite_file, code = Path(self.invite_file.text()), self.invite_code.text()
        user = self.user_name.text().strip() or None
        try:
            member = perform(self.context, Changes.NONE, lambda store: sync_service.join(
                store, invite_file, code, user=user))
        except (sync_service.SyncError, ValueError) as error:
            self.outcome.setText(str(error))
            return
        self.typed_kept()
        self.outcome.setText(f"This laptop is now part of the scheme (code {member.code}). Fetching its records…")
        self.refresh()
        self.sync_now()

    def invite(self) -> None:
        out, _ = QFileDialog.getSaveFileName(self, "Save the invite file", "laptop.cpm-invite")
        if not out:
            return
        areas = tuple(a.strip() for a in self.invite_areas.text().split(",") if a.strip())
        role = self.invite_role.currentData()
        try:  # an invite is the hub's and the file's: no pane shows it
            code = perform(self.context, Changes.NONE, lambda store: sync_service.invite(
                store, areas=areas, member_role=role, out=Path(out)))
        except (sync_service.SyncError, sync_service.HubRefused, sync_service.HubUnreachable, ValueError) as error:
            self.outcome.setText(str(error))
            return
        self.typed_kept()
        box = QMessageBox(QMessageBox.Icon.Information, "Invite written",
                          f"Give this one-time code to the new laptop's user separately from the file:\n\n{code}",
                          QMessageBox.StandardButton.Ok, self)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()

    def resolve(self, choose: str) -> None:
        index = self.conflict_view.currentIndex()
        if not index.isValid():
            self.outcome.setText("Choose a conflict in the list first.")
            return
        row = self.conflicts.row_at(index.row())
        try:  # the value taken may be any record's field: every pane looks again
            perform(self.context, Changes.EVERYTHING,
                    lambda store: sync_service.resolve_conflict(store, row.conflict_id, choose))
        except sync_service.SyncError as error:
            self.outcome.setText(str(error))
            return
        self.outcome.setText("Settled; the choice reaches the other laptops at the next sync.")
        self.refresh()
