"""GDPR ▸ Due for deletion, GDPR ▸ Erase on request, Settings ▸ Retention rules (Designer forms
forms/due_for_deletion.ui, erasure_request.ui and retention_rules.ui).

The lists and rules come from ``services.retention``; the lead ticks what to erase and confirms. Erasing runs in
the background (it rebuilds the store file) and cannot be undone, so the question says what will go. Every
change is one operation (``ui/operations.py``): a hold or the rules are ``Changes.SETTINGS``, an erasure is
``Changes.EVERYTHING``, announced once.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QSpinBox, QTreeWidgetItem, QWidget

from cpm_desktop.domain.retention import MAX_MONTHS, RULE_KEYS, describe
from cpm_desktop.services import referrals, retention
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.dialogs.sar import offer_whose
from cpm_desktop.ui.forms.due_for_deletion_ui import Ui_DueForDeletionDialog
from cpm_desktop.ui.forms.erasure_request_ui import Ui_ErasureRequestDialog
from cpm_desktop.ui.forms.retention_rules_ui import Ui_RetentionRulesDialog
from cpm_desktop.ui.operations import attempt, perform_in_background
from cpm_desktop.ui.unsaved import KeepsTyping, ask_reason
from cpm_desktop.ui.widgets.common import wire_buttons
from cpm_desktop.ui.widgets.date_entry import refuse_bad_dates
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
        self.ui = ui = Ui_DueForDeletionDialog()
        ui.setupUi(self)
        self.context, self.today = context, today or date.today()
        self.task: BackgroundTask | None = None
        self.items: dict[str, retention.DueItem] = {}
        self.tree, self.status = ui.dueList, ui.dueStatus
        self.tick_all, self.hold, self.erase = ui.tickAll, ui.placeHold, ui.eraseTicked
        self.tick_all.clicked.connect(self.tick_everything)
        self.hold.clicked.connect(self.place_hold)
        self.erase.clicked.connect(self.confirm_and_erase)
        ui.closeButton.clicked.connect(self.reject)
        self.tree.itemChanged.connect(self._update_buttons)
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
        self.ui = ui = Ui_ErasureRequestDialog()
        ui.setupUi(self)
        self.context = context
        self.task: BackgroundTask | None = None
        self.kind, self.subject, self.reason, self.received = (ui.erasureKind, ui.erasureSubject, ui.erasureReason,
                                                               ui.erasureReceived)
        offer_whose(self.kind, kind)
        self.subject.setText(subject_id)
        self.received.required = True
        self.received.setDate(date.today())
        self.erase = ui.buttonBox.addButton("&Erase…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.erase.setObjectName("eraseSubject")
        ui.buttonBox.accepted.connect(self.confirm_and_erase)
        ui.buttonBox.rejected.connect(self.reject)

    def confirm_and_erase(self) -> None:
        subject = self.subject.text().strip()
        if not subject:
            QMessageBox.warning(self, self.windowTitle(), "Give the id of the person or mentor to erase.")
            return
        if refuse_bad_dates(self, "Not erased"):
            return
        answer = QMessageBox.question(self, self.windowTitle(), f"Erase {subject} and everything about them for "
                                      "good?", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes or not self.context.resolve_unsaved(self):
            return
        kind, reason = self.kind.currentData(), self.reason.text()
        received = self.received.date() or date.today()  # a date: refuse_bad_dates said so
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
        self.ui = ui = Ui_RetentionRulesDialog()
        ui.setupUi(self)
        self.context = context
        rules = retention.retention_rules(context.store)
        self.months: dict[str, QSpinBox] = {}
        for key in RULE_KEYS:  # the form has a row for each rule, named after its key
            rule = rules.rule(key)
            spin, basis = self.findChild(QSpinBox, f"months_{key}"), self.findChild(QLabel, f"basis_{key}")
            if spin is None or basis is None:
                raise LookupError(f"forms/retention_rules.ui has no row for the rule {key!r}.")
            spin.setRange(0, MAX_MONTHS)
            spin.setValue(rule.months)
            basis.setText(f"{describe(rule).capitalize()}. {rule.basis}")
            self.months[key] = spin
        wire_buttons(self, ui.buttonBox)
        self.save_with(self.save)

    def save(self) -> bool:
        """Record the periods as typed; False, having said why, when one is refused."""
        months = {key: spin.value() for key, spin in self.months.items()}
        return attempt(self, self.context, Changes.SETTINGS,
                       lambda store: retention.save_retention_rules(store, months), title="Rules not saved")
