"""GDPR ▸ Subject-access export and the request register (Designer forms forms/subject_access.ui,
record_reader.ui, request_register.ui, new_request.ui and pause_request.ui).

The coordinator names whose record (a client's person id or a volunteer's mentor id), may read the record
to find passages naming other people and mark each for redaction with a reason, and may protect the PDF
with a password. The export is gathered and set in type off the GUI thread with progress, then previewed
before it is saved or printed. Every change to the request register is one operation (``ui/operations.py``)
announced as ``Changes.SETTINGS``; the register reloads when it hears it.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from cpm_desktop.domain.subject_access import Redaction, name_forms, plain_text
from cpm_desktop.services import access_requests, subject_access
from cpm_desktop.services.stores import Store
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog
from cpm_desktop.ui.forms.new_request_ui import Ui_NewRequestDialog
from cpm_desktop.ui.forms.pause_request_ui import Ui_PauseDialog
from cpm_desktop.ui.forms.record_reader_ui import Ui_RecordReader
from cpm_desktop.ui.forms.request_register_ui import Ui_RequestRegisterDialog
from cpm_desktop.ui.forms.subject_access_ui import Ui_SubjectAccessDialog
from cpm_desktop.ui.item_models.table import Column, RowTableModel, day
from cpm_desktop.ui.operations import Progress, attempt, perform_in_background
from cpm_desktop.ui.unsaved import KeepsTyping, ask_reason
from cpm_desktop.ui.widgets.common import wire_buttons
from cpm_desktop.ui.workers import BackgroundTask, Cancelled

T = TypeVar("T")
TITLE = "Subject-access export"
REGISTER_TITLE = "Subject-access requests"
# On a redaction row's first item: the passage a suggested form belongs to / the passage forms were offered for.
FORM_OF = Qt.ItemDataRole.UserRole
OFFERED = Qt.ItemDataRole.UserRole + 1
WHOSE = (("A client (person id)", "person"), ("A volunteer mentor (mentor id)", "mentor"))


def offer_whose(combo: QComboBox, kind: str = "person") -> None:
    """The two kinds of record a request can be about, each carrying its code; ``kind`` chosen."""
    for text, code in WHOSE:
        combo.addItem(text, code)
    combo.setCurrentIndex(max(combo.findData(kind), 0))


class SubjectAccessDialog(KeepsTyping):
    """Whose record, which passages name other people (each redacted with a reason), and a password.
    Nothing here is kept: closing with redactions typed asks first."""

    can_save_typed = False

    def __init__(self, context: AppContext, parent: QWidget | None = None, person_id: str = "",
                 kind: str = "person"):
        super().__init__(parent)
        self.ui = ui = Ui_SubjectAccessDialog()
        ui.setupUi(self)
        self.context = context
        self.kind, self.subject, self.password = ui.subjectKind, ui.subjectId, ui.pdfPassword
        self.redactions, self.read_button = ui.redactionTable, ui.readRecordButton
        offer_whose(self.kind, kind)
        self.subject.setText(person_id)
        self.prepare_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.prepare_button.setText("&Prepare export")
        wire_buttons(self, ui.buttonBox, self.generate)
        self.read_button.clicked.connect(self.read_record)
        ui.addRedactionButton.clicked.connect(lambda: self.add_redaction("", ""))
        ui.removeRedactionButton.clicked.connect(self._remove_redaction)
        self.redactions.itemChanged.connect(self._edited)
        self.preview: PdfPreviewDialog | None = None
        self.reader: RecordReader | None = None
        self.task: BackgroundTask | None = None

    # --- redactions ---------------------------------------------------------------------------------

    def add_redaction(self, text: str, reason: str) -> None:
        row = self.redactions.rowCount()
        self.redactions.blockSignals(True)  # the forms are offered once the row is whole
        self.redactions.insertRow(row)
        passage = QTableWidgetItem(text)
        self.redactions.setItem(row, 0, passage)
        self.redactions.setItem(row, 1, QTableWidgetItem(reason))
        self.redactions.blockSignals(False)
        if not text:
            self.redactions.setCurrentCell(row, 0)
            self.redactions.editItem(passage)
        else:
            self._offer_forms(row)

    def _text(self, row: int, column: int = 0) -> str:
        return (self.redactions.item(row, column) or QTableWidgetItem()).text()

    def _form_rows(self, passage: str) -> list[int]:
        """Rows suggested as other forms of ``passage``."""
        return [row for row in range(self.redactions.rowCount())
                if (item := self.redactions.item(row, 0)) is not None and item.data(FORM_OF) == passage]

    def _offer_forms(self, row: int) -> None:
        """Below a passage that is a name, its other forms (e-mail address, initials …), ticked: the coordinator
        unticks any that would take something else out. Offered again when the passage is edited."""
        item = self.redactions.item(row, 0)
        if item is None or item.data(FORM_OF) is not None:
            return
        passage, offered = item.text().strip(), item.data(OFFERED)
        if passage == offered:
            return
        self.redactions.blockSignals(True)
        try:
            for old in reversed(self._form_rows(offered) if offered else []):
                self.redactions.removeRow(old)
            row = self.redactions.row(item)
            item.setData(OFFERED, passage)
            present = {self._text(r).strip().casefold() for r in range(self.redactions.rowCount())}
            reason = self._text(row, 1)
            for form in (f for f in name_forms(passage) if f.casefold() not in present):
                row += 1
                self.redactions.insertRow(row)
                suggestion = QTableWidgetItem(form)
                suggestion.setData(FORM_OF, passage)
                suggestion.setFlags(suggestion.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                suggestion.setCheckState(Qt.CheckState.Checked)
                suggestion.setToolTip(f"Another form of “{passage}”: untick it to leave it in the export.")
                self.redactions.setItem(row, 0, suggestion)
                self.redactions.setItem(row, 1, QTableWidgetItem(reason))
        finally:
            self.redactions.blockSignals(False)

    def _edited(self, item: QTableWidgetItem) -> None:
        passage = self.redactions.item(item.row(), 0)
        if item.column() == 0:
            self._offer_forms(item.row())
        elif passage is not None and passage.data(OFFERED):  # a passage's reason is its forms' reason too
            self.redactions.blockSignals(True)
            for row in self._form_rows(passage.data(OFFERED)):
                self.redactions.setItem(row, 1, QTableWidgetItem(item.text()))
            self.redactions.blockSignals(False)

    def _remove_redaction(self) -> None:
        """The current row, and with a passage the forms suggested for it."""
        row = self.redactions.currentRow()
        item = self.redactions.item(row, 0)
        if row < 0:
            return
        suggested = self._form_rows(item.data(OFFERED)) if item is not None and item.data(OFFERED) else []
        for each in sorted([row, *suggested], reverse=True):
            self.redactions.removeRow(each)

    def chosen_redactions(self) -> list[Redaction]:
        result = []
        for row in range(self.redactions.rowCount()):
            item = self.redactions.item(row, 0)
            if item is not None and item.data(FORM_OF) is not None and item.checkState() != Qt.CheckState.Checked:
                continue  # an offered form the coordinator unticked
            text, reason = self._text(row), self._text(row, 1)
            if text.strip():
                result.append(Redaction(text.strip(), reason.strip() or "Names another person"))
        return result

    # --- background work ----------------------------------------------------------------------------

    def _who(self) -> tuple[str | None, str | None] | None:
        """(person id, mentor id), one of them given; None, having said so, when the id is missing."""
        subject = self.subject.text().strip()
        if not subject:
            QMessageBox.warning(self, TITLE, "Give the person's or mentor's id.")
            return None
        return (subject, None) if self.kind.currentData() == "person" else (None, subject)

    def _run(self, title: str, work: Callable[[Store, Progress], T], done: Callable[[T], None]) -> None:
        """Gather off the GUI thread. Only the audit trail is written (a view or an export), which no pane
        shows: nothing is announced."""
        self._busy(True)

        def finished(result: T) -> None:
            self._busy(False)
            done(result)

        def failed(error: BaseException) -> None:
            self._busy(False)
            self._failed(error)

        self.task = perform_in_background(self.context, self, title, work, Changes.NONE, done=finished,
                                          failed=failed)

    def _busy(self, busy: bool) -> None:
        self.prepare_button.setEnabled(not busy)
        self.read_button.setEnabled(not busy)

    def read_record(self) -> None:
        """The record as text (gathered off the GUI thread, audited as a view) to select passages from."""
        who = self._who()
        if who is None:
            return
        (person_id, mentor_id), redactions = who, self.chosen_redactions()
        self._run("Reading the record", lambda store, progress: plain_text(subject_access.subject_access_data(
            store, person_id=person_id, mentor_id=mentor_id, redactions=redactions, progress=progress,
            action="view")), self._show_text)

    def _show_text(self, text: str) -> None:
        self.reader = RecordReader(text, self)
        self.reader.redact.connect(self.add_redaction)
        self.reader.show()

    def generate(self) -> None:
        who = self._who()
        if who is None:
            return
        (person_id, mentor_id), redactions, password = who, self.chosen_redactions(), self.password.text() or None
        subject = person_id or mentor_id or ""
        self._run("Preparing the subject-access export", lambda store, progress: subject_access.subject_access_pdf(
            store, person_id=person_id, mentor_id=mentor_id, redactions=redactions, password=password,
            progress=progress), lambda pdf: self._show(pdf, subject, password))

    def _show(self, pdf: bytes, subject: str, password: str | None) -> None:
        self.typed_kept()
        name = f"subject-access-{subject}.pdf"
        if password:  # a protected PDF cannot be previewed without its password: offer to save it
            self.preview = PdfPreviewDialog.protected(pdf, name, self)
        else:
            self.preview = PdfPreviewDialog(TITLE, pdf, name, self)
        self.preview.show()

    def _failed(self, error: object) -> None:
        if isinstance(error, LookupError):
            QMessageBox.warning(self, TITLE, str(error))
        elif not isinstance(error, Cancelled):
            QMessageBox.warning(self, TITLE, "The export could not be made; details are in the log.")


class RecordReader(QDialog):
    """The record as read-only text: select a passage naming someone else and redact it, with a reason."""

    redact = Signal(str, str)

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = ui = Ui_RecordReader()
        ui.setupUi(self)
        self.text, self.reason, self.redact_button = ui.recordText, ui.redactionReason, ui.redactSelectionButton
        self.text.setPlainText(text)
        self.redact_button.clicked.connect(self.redact_selection)
        ui.buttonBox.rejected.connect(self.reject)

    def redact_selection(self) -> None:
        passage = self.text.textCursor().selectedText().replace("\u2029", " ").strip()
        if not passage:
            QMessageBox.information(self, "Redact", "Select the passage to redact first.")
            return
        self.redact.emit(passage, self.reason.text().strip() or "Names another person")


class RequestRegisterDialog(QDialog):
    """The subject-access request register: due dates by the ICO's one-month rule, pauses, extensions.

    Each change is one operation announcing ``Changes.SETTINGS``; the register reloads once when it hears it
    (an erasure, announced as everything, adds its request too)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = ui = Ui_RequestRegisterDialog()
        ui.setupUi(self)
        self.context = context
        self.model = RowTableModel([
            Column("Received", lambda r: day(r.received_on), lambda r: r.received_on),
            Column("Whose", lambda r: f"{r.subject_name} ({r.subject_id})"),
            Column("Identity checked", lambda r: day(r.identity_checked_on)),
            Column("Paused days", lambda r: str(r.paused_days), numeric=True),
            Column("Extended", lambda r: f"{r.extension_months} months: {r.extension_reason}" if r.extension_months
                   else ""),
            Column("Due", lambda r: day(r.due_on) + (" — OVERDUE" if r.overdue else ""), lambda r: r.due_on),
            Column("Completed", lambda r: day(r.completed_on)),
        ], self)
        self.table = ui.requestTable
        self.table.setModel(self.model)
        for button, slot in ((ui.newRequestButton, self.new_request), (ui.identityCheckedButton,
                             self.identity_checked), (ui.pauseButton, self.pause), (ui.extendButton, self.extend),
                             (ui.completedButton, self.completed), (ui.exportButton, self.export)):
            button.clicked.connect(slot)
        ui.buttonBox.rejected.connect(self.reject)
        self.export_dialog: SubjectAccessDialog | None = None
        context.changed.connect(self._changed)  # a bound method: let go of when the register is deleted
        self.refresh()

    def _changed(self, changes: Changes) -> None:
        if changes & Changes.SETTINGS:
            self.refresh()

    def refresh(self) -> None:
        """The register as stored, the request chosen before still chosen."""
        chosen = self._current()
        self.model.set_rows(access_requests.list_requests(self.context.store))
        self.table.resizeColumnsToContents()
        row = next((n for n, r in enumerate(self.model.rows) if chosen and r.uuid == chosen.uuid), None)
        if row is not None:
            self.table.selectRow(row)

    def _current(self) -> access_requests.RequestRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _selected(self) -> access_requests.RequestRow | None:
        row = self._current()
        if row is None:
            QMessageBox.information(self, REGISTER_TITLE, "Choose a request in the register first.")
        return row

    def _record(self, call: Callable[[Store], object]) -> bool:
        """One change to the register; a refusal is said in one sentence and changes nothing."""
        return attempt(self, self.context, Changes.SETTINGS, call, title=REGISTER_TITLE)

    def new_request(self) -> NewRequestDialog:
        """The form, window-modal; a refused Save keeps it open with what was typed."""
        dialog = NewRequestDialog(self)

        def save() -> bool:
            kind, subject, received = dialog.values()
            if not subject:
                QMessageBox.warning(dialog, REGISTER_TITLE, "Give the person's or mentor's id.")
                return False
            return self._record(lambda store: access_requests.register_request(store, kind, subject, received))

        dialog.save_with(save)
        dialog.open()
        return dialog

    def identity_checked(self) -> None:
        row = self._selected()
        if row:
            self._record(lambda store: access_requests.update_request(
                store, row.uuid, identity_checked_on=date.today()))

    def completed(self) -> None:
        row = self._selected()
        if row:
            self._record(lambda store: access_requests.update_request(store, row.uuid, completed_on=date.today()))

    def pause(self) -> PauseDialog | None:
        row = self._selected()
        if row is None:
            return None
        dialog = PauseDialog(row.received_on, self)

        def save() -> bool:
            asked, answered = dialog.values()
            return self._record(lambda store: access_requests.pause_request(store, row.uuid, asked, answered))

        dialog.save_with(save)
        dialog.open()
        return dialog

    def extend(self) -> None:
        row = self._selected()
        if not row:
            return
        months, ok = QInputDialog.getInt(self, "Extend", "Further months (at most two):", max(row.extension_months, 1),
                                         1, 2)
        if not ok:
            return
        reason, ok = ask_reason(self, "Extend", "Why does the request need more time (complex or numerous "
                                "requests)?", text=row.extension_reason)
        if ok:
            self._record(lambda store: access_requests.update_request(
                store, row.uuid, extension_months=months, extension_reason=reason))

    def export(self) -> SubjectAccessDialog | None:
        """The export for the chosen request's subject, window-modal over the register. It stays the register's
        child until the register goes: work it started may still be finishing after it closes."""
        row = self._selected()
        if row is None:
            return None
        self.export_dialog = SubjectAccessDialog(self.context, self, person_id=row.subject_id, kind=row.subject_kind)
        self.export_dialog.open()
        return self.export_dialog


class NewRequestDialog(KeepsTyping):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = ui = Ui_NewRequestDialog()
        ui.setupUi(self)
        self.kind, self.subject, self.received = ui.newRequestKind, ui.newRequestSubject, ui.newRequestReceived
        offer_whose(self.kind)
        self.received.required = True
        self.received.setDate(date.today())
        wire_buttons(self, ui.buttonBox)

    def values(self) -> tuple[str, str, date]:
        return self.kind.currentData(), self.subject.text().strip(), self.received.date() or date.today()


class PauseDialog(KeepsTyping):
    """The clock stands still from the day we asked for identity or clarification until the answer came."""

    def __init__(self, received_on: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = ui = Ui_PauseDialog()
        ui.setupUi(self)
        self.asked, self.answered = ui.pauseAsked, ui.pauseAnswered
        for entry, day_shown in ((self.asked, max(received_on, date.today())), (self.answered, date.today())):
            entry.required = True
            entry.setDate(day_shown)
        wire_buttons(self, ui.buttonBox)

    def values(self) -> tuple[date, date]:
        return self.asked.date() or date.today(), self.answered.date() or date.today()
