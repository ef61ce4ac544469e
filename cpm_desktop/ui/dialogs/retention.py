"""GDPR ▸ Due for deletion, GDPR ▸ Erase on request, Settings ▸ Retention rules.

The lists and rules come from ``services.retention``; the lead ticks what to erase and confirms. Erasing runs in
the background (it rebuilds the store file) and cannot be undone, so the question says what will go. Every
change is one operation (``ui/operations.py``): a hold or the rules are ``Changes.SETTINGS``, an erasure is
``Changes.EVERYTHING``, announced once.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cpm_desktop.domain.retention import MAX_MONTHS, RULE_KEYS, describe
from cpm_desktop.services import referrals, retention
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.operations import attempt, perform_in_background
from cpm_desktop.ui.unsaved import KeepsTyping, ask_reason
from cpm_desktop.ui.widgets.common import wire_buttons
from cpm_desktop.ui.workers import BackgroundTask, Cancelled

TITLE = "Due for deletion"
KEY_ROLE = Qt.ItemDataRole.UserRole


def _day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


class DueForDeletionDialog(QDialog):
    """What the retention rules make due today, with why and since when; kept records say why they are kept.

    The list reloads once for every operation announced while it is open: a hold, new rules, an erasure, or a
    case closed elsewhere may each change what is due."""

    erased = Signal(object)  # the ErasureReport, once an erasure has finished

    def __init__(self, context: AppContext, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.setObjectName("dueForDeletion")
        self.setWindowTitle(TITLE)
        self.context, self.today = context, today or date.today()
        self.task: BackgroundTask | None = None
        self.items: dict[str, retention.DueItem] = {}
        self.tree = QTreeWidget(objectName="dueList", rootIsDecorated=False, uniformRowHeights=True)
        self.tree.setHeaderLabels(["Due since", "What", "Why", "Kept because"])
        self.status = QLabel(objectName="dueStatus", wordWrap=True)
        self.tick_all = QPushButton("Tick &all that may go", objectName="tickAll")
        self.hold = QPushButton("&Keep under a legal hold…", objectName="placeHold")
        self.erase = QPushButton("&Erase the ticked records…", objectName="eraseTicked")
        close = QPushButton("&Close")
        self.tick_all.clicked.connect(self.tick_everything)
        self.hold.clicked.connect(self.place_hold)
        self.erase.clicked.connect(self.confirm_and_erase)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.tick_all, self.hold):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.erase)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(
            "What the retention rules (Settings ▸ Retention rules) make due for deletion today. Tick what to "
            "erase: it is erased from this store, with its history, notes and audit trail, and from every laptop "
            "at their next sync. Erasing cannot be undone.", wordWrap=True))
        layout.addWidget(self.tree)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.tree.itemChanged.connect(self._update_buttons)
        self.resize(1240, 460)
        context.changed.connect(self._changed)  # a bound method: let go of when the dialog is deleted
        self.refresh()

    def _changed(self, _changes: Changes) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        self.items = {item.key: item for item in retention.due_for_deletion(self.context.store, today=self.today)}
        for item in self.items.values():
            row = QTreeWidgetItem([_day(item.since), item.label, item.reason, item.kept.removeprefix("Kept: ")])
            row.setData(0, KEY_ROLE, item.key)
            for column in range(4):
                row.setToolTip(column, f"{item.label}\n{item.reason}\n{item.rule}" + (f"\n{item.kept}" if item.kept
                                                                                        else ""))
            if item.kept:
                row.setFlags(row.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
                row.setDisabled(True)
            else:
                row.setCheckState(0, Qt.CheckState.Unchecked)
            self.tree.addTopLevelItem(row)
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self.tree.setColumnWidth(3, max(self.tree.columnWidth(3), 320))
        self.tree.blockSignals(False)
        erasable = sum(not item.kept for item in self.items.values())
        self.status.setText(f"{erasable} due for deletion, {len(self.items) - erasable} kept."
                            if self.items else "Nothing is due for deletion today.")
        self._update_buttons()

    def ticked(self) -> list[str]:
        return [row.data(0, KEY_ROLE) for row in self._rows() if row.checkState(0) == Qt.CheckState.Checked]

    def _rows(self) -> list[QTreeWidgetItem]:
        return [row for index in range(self.tree.topLevelItemCount()) if (row := self.tree.topLevelItem(index))]

    def _update_buttons(self) -> None:
        self.erase.setEnabled(bool(self.ticked()) and self.task is None)
        self.tick_all.setEnabled(any(not item.kept for item in self.items.values()))

    def tick_everything(self) -> None:
        for row in self._rows():
            if not row.isDisabled():
                row.setCheckState(0, Qt.CheckState.Checked)

    def place_hold(self) -> None:
        row = self.tree.currentItem()
        item = self.items.get(row.data(0, KEY_ROLE)) if row else None
        if item is None or not item.subject_kind:
            QMessageBox.information(self, TITLE, "Choose a case or a mentor in the list first.")
            return
        reason, ok = ask_reason(self, TITLE, f"Why must {item.label} be kept (for example, a claim or an "
                                             "investigation)?")
        if not ok:
            return
        kind, subject_id, today = item.subject_kind, item.subject_id, self.today
        attempt(self, self.context, Changes.SETTINGS, lambda store: retention.place_hold(
            store, kind=kind, subject_id=subject_id, reason=reason, today=today), title=TITLE)

    def confirm_and_erase(self) -> None:
        keys = self.ticked()
        if not keys:
            return
        labels = [self.items[key].label for key in keys]
        shown = "\n".join(f"• {label}" for label in labels[:12]) + (f"\n… and {len(labels) - 12} more"
                                                                   if len(labels) > 12 else "")
        answer = QMessageBox.question(
            self, TITLE, f"Erase these {len(keys)} for good, here and on every laptop?\n\n{shown}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes and self.context.resolve_unsaved(self):
            self.erase_now(keys)

    def erase_now(self, keys: list[str]) -> None:
        today = self.today
        self.task = perform_in_background(
            self.context, self, "Erasing", lambda store, report: retention.apply_retention(
                store, keys, today=today, progress=lambda text: report(0, 0, text)),
            _erased_everywhere(self.context), done=self._erased, failed=self._failed)
        self._update_buttons()

    def _erased(self, report: retention.ErasureReport) -> None:
        self.task = None  # the list has reloaded: the erasure was announced
        self._update_buttons()
        self.status.setText(report.sentence())
        self.erased.emit(report)

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.refresh()
        if not isinstance(error, Cancelled):
            QMessageBox.warning(self, TITLE, str(error) if isinstance(error, ValueError)
                                else "The erasure could not be finished; nothing was erased.")


def _erased_everywhere(context: AppContext) -> Callable[[object], Changes]:
    """What an erasure changed: records of every kind. Before the panes hear it, and on the GUI thread, the
    current case is let go of if it was erased, so no pane shows (or saves into) a record that is gone."""
    def changes(_report: object) -> Changes:
        current = context.current_referral
        if current is not None and referrals.case_header(context.store, current) is None:
            context.set_current_referral(None)
        return Changes.EVERYTHING
    return changes


class ErasureRequestDialog(KeepsTyping):
    """A person or a mentor asks to be erased (UK GDPR Art. 17): the request goes in the register. A refusal (a
    legal hold, an open subject-access request) keeps the dialog open with what was typed; closing it with
    something typed asks first."""

    erased = Signal(object)
    can_save_typed = False  # erasing is never what closing the window should do

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, kind: str = "person",
                 subject_id: str = ""):
        super().__init__(parent)
        self.setObjectName("erasureRequest")
        self.setWindowTitle("Erase on request")
        self.context = context
        self.task: BackgroundTask | None = None
        self.kind = QComboBox(objectName="erasureKind")
        self.kind.addItem("A client (person id)", "person")
        self.kind.addItem("A volunteer mentor (mentor id)", "mentor")
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.subject = QLineEdit(subject_id, objectName="erasureSubject")
        self.reason = QLineEdit(objectName="erasureReason", placeholderText="e.g. asked by letter of 28/11/2026")
        self.received = QDateEdit(QDate.currentDate(), objectName="erasureReceived", calendarPopup=True)
        self.received.setDisplayFormat("dd/MM/yyyy")
        form = QFormLayout()
        for label, widget in (("&Whose record", self.kind), ("&Id", self.subject), ("&Reason", self.reason),
                              ("Request re&ceived", self.received)):
            form.addRow(label, widget)  # a label made from text is the field's buddy (Alt+letter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase = buttons.addButton("&Erase…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.erase.setObjectName("eraseSubject")
        buttons.accepted.connect(self.confirm_and_erase)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Everything held about them is erased, here and on every laptop at their next "
                                "sync; the request is kept in the register, naming no one. A legal hold or an "
                                "open subject-access request stops it.", wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def confirm_and_erase(self) -> None:
        subject = self.subject.text().strip()
        if not subject:
            QMessageBox.warning(self, self.windowTitle(), "Give the id of the person or mentor to erase.")
            return
        answer = QMessageBox.question(self, self.windowTitle(), f"Erase {subject} and everything about them for "
                                      "good?", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes or not self.context.resolve_unsaved(self):
            return
        kind, reason = self.kind.currentData(), self.reason.text()
        received = self.received.date().toPython()
        self.task = perform_in_background(
            self.context, self, "Erasing", lambda store, _report: retention.erase_on_request(
                store, kind=kind, subject_id=subject, reason=reason, received_on=received),
            _erased_everywhere(self.context), done=self._erased, failed=self._failed)
        self.erase.setEnabled(False)

    def _erased(self, report: retention.ErasureReport) -> None:
        self.task = None
        self.erased.emit(report)
        QMessageBox.information(self, self.windowTitle(), report.sentence())
        self.typed_kept()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.erase.setEnabled(True)
        QMessageBox.warning(self, self.windowTitle(), str(error).strip("'\"") if isinstance(
            error, ValueError | LookupError) else "The erasure could not be finished; nothing was erased.")


class RetentionRulesDialog(KeepsTyping):
    """Settings ▸ Retention rules: the project lead's periods, each shown with its basis in words. Save is one
    operation (``Changes.SETTINGS``); a refused period keeps the dialog open with every period as typed."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("retentionRules")
        self.setWindowTitle("Retention rules")
        self.context = context
        rules = retention.retention_rules(context.store)
        self.months: dict[str, QSpinBox] = {}
        form = QFormLayout()
        for key in RULE_KEYS:
            rule = rules.rule(key)
            spin = QSpinBox(objectName=f"months_{key}", minimum=0, maximum=MAX_MONTHS, value=rule.months,
                            suffix=" months")
            self.months[key] = spin
            basis = QLabel(f"{describe(rule).capitalize()}. {rule.basis}", wordWrap=True)
            column = QVBoxLayout()
            column.addWidget(spin)
            column.addWidget(basis)
            form.addRow(key.replace("_", " ").capitalize(), column)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        wire_buttons(self, buttons)
        self.save_with(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(760, 520)

    def save(self) -> bool:
        """Record the periods as typed; False, having said why, when one is refused."""
        months = {key: spin.value() for key, spin in self.months.items()}
        return attempt(self, self.context, Changes.SETTINGS,
                       lambda store: retention.save_retention_rules(store, months), title="Rules not saved")
