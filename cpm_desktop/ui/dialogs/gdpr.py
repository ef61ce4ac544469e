"""GDPR ▸ Subject-access export, and Letters ▸ feedback and acknowledgement: gather, preview, save, print."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cpm_desktop.domain.subject_access import Redaction
from cpm_desktop.services import letters
from cpm_desktop.services.gdpr import subject_access_pdf
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog
from cpm_desktop.ui.workers import BackgroundTask, Cancelled


class SubjectAccessDialog(QDialog):
    """Whose record, which passages name other people (each redacted with a reason), and a password."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, person_id: str = ""):
        super().__init__(parent)
        self.setObjectName("subjectAccessDialog")
        self.setWindowTitle("Subject-access export")
        self.context = context
        self.kind = QComboBox(objectName="subjectKind")
        self.kind.addItem("A client (person id)", "person")
        self.kind.addItem("A volunteer mentor (mentor id)", "mentor")
        self.subject = QLineEdit(person_id, objectName="subjectId", placeholderText="e.g. P000123 or M0042")
        self.redactions = QTableWidget(0, 2, objectName="redactionTable")
        self.redactions.setHorizontalHeaderLabels(["Passage naming someone else", "Reason"])
        self.redactions.horizontalHeader().setStretchLastSection(True)
        self.redactions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        add, remove = QPushButton("&Add a redaction"), QPushButton("&Remove")
        add.clicked.connect(lambda: self.add_redaction("", ""))
        remove.clicked.connect(lambda: self.redactions.removeRow(self.redactions.currentRow()))
        self.password = QLineEdit(objectName="pdfPassword", echoMode=QLineEdit.EchoMode.Password,
                                  placeholderText="optional: protect the PDF (AES-256)")
        form = QFormLayout()
        form.addRow("&Whose record", self.kind)
        form.addRow("&Id", self.subject)
        form.addRow("&Password for the PDF", self.password)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Prepare export")
        buttons.accepted.connect(self.generate)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Third parties: each passage below is removed from the text itself wherever it "
                                "appears, and the export lists the reasons.", wordWrap=True))
        layout.addWidget(self.redactions)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.preview: PdfPreviewDialog | None = None
        self.resize(640, 440)

    def add_redaction(self, text: str, reason: str) -> None:
        row = self.redactions.rowCount()
        self.redactions.insertRow(row)
        self.redactions.setItem(row, 0, QTableWidgetItem(text))
        self.redactions.setItem(row, 1, QTableWidgetItem(reason))

    def chosen_redactions(self) -> list[Redaction]:
        result = []
        for row in range(self.redactions.rowCount()):
            text = (self.redactions.item(row, 0) or QTableWidgetItem()).text()
            reason = (self.redactions.item(row, 1) or QTableWidgetItem()).text()
            if text.strip():
                result.append(Redaction(text, reason.strip() or "Names another person"))
        return result

    def generate(self) -> None:
        subject = self.subject.text().strip()
        if not subject:
            QMessageBox.warning(self, "Subject-access export", "Give the person's or mentor's id.")
            return
        key = "person_id" if self.kind.currentData() == "person" else "mentor_id"
        store, redactions, password = self.context.store, self.chosen_redactions(), self.password.text() or None
        self.task = BackgroundTask("Preparing the subject-access export", lambda progress: subject_access_pdf(
            store, **{key: subject}, redactions=redactions, password=password, progress=progress), self)
        self.task.finished.connect(lambda pdf: self._show(pdf, subject, password))
        self.task.failed.connect(self._failed)
        self.task.start()

    def _show(self, pdf: bytes, subject: str, password: str | None) -> None:
        if password:  # a protected PDF cannot be previewed without its password: offer to save it
            self.preview = PdfPreviewDialog.protected(pdf, f"subject-access-{subject}.pdf", self)
        else:
            self.preview = PdfPreviewDialog("Subject-access export", pdf, f"subject-access-{subject}.pdf", self)
        self.preview.show()

    def _failed(self, error: object) -> None:
        if isinstance(error, LookupError):
            QMessageBox.warning(self, "Subject-access export", str(error))
        elif not isinstance(error, Cancelled):
            QMessageBox.warning(self, "Subject-access export", "The export could not be made; details are in the log.")


class FeedbackLetterDialog(QDialog):
    """The standard wording, for the coordinator to edit, then the letter; sending it records the date."""

    def __init__(self, context: AppContext, referral_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("feedbackLetterDialog")
        self.context = context
        self.referral_id = referral_id
        self.letter = letters.feedback_letter(context.store, referral_id)
        self.setWindowTitle(f"{self.letter.title} — {self.letter.regarding}")
        self.wording = QPlainTextEdit("\n\n".join(self.letter.paragraphs), objectName="letterWording")
        self.mark_sent = QCheckBox("Record that feedback was &sent today", objectName="markSent")
        self.mark_sent.setChecked(self.letter.title.startswith("Feedback"))
        self.mark_sent.setEnabled(self.letter.title.startswith("Feedback"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Make the letter")
        buttons.accepted.connect(self.generate)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"To {self.letter.to_name}, {self.letter.to_organisation}. Edit the wording; "
                                "the table of support and the goals achieved follow it.", wordWrap=True))
        layout.addWidget(self.wording)
        layout.addWidget(self.mark_sent, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(buttons)
        self.preview: PdfPreviewDialog | None = None
        self.resize(720, 520)

    def generate(self) -> None:
        paragraphs = [p.strip() for p in self.wording.toPlainText().split("\n\n") if p.strip()]
        pdf = letters.feedback_letter_pdf(self.context.store, self.referral_id, paragraphs=paragraphs,
                                          mark_sent=self.mark_sent.isChecked())
        self.context.notify_changed("referral")
        self.preview = PdfPreviewDialog(self.letter.title, pdf, f"feedback-{self.referral_id}.pdf", self)
        self.preview.show()


class RequestRegisterDialog(QDialog):
    """The subject-access request register: due dates by the ICO's one-month rule, pauses, extensions."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        from PySide6.QtWidgets import QTableView

        from cpm_desktop.ui.item_models.table import Column, RowTableModel, day

        self.setObjectName("requestRegister")
        self.setWindowTitle("Subject-access requests")
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
        self.table = QTableView(objectName="requestTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QHBoxLayout()
        for text, slot in (("&New request…", self.new_request), ("&Identity checked today", self.identity_checked),
                           ("&Pause the clock…", self.pause), ("E&xtend…", self.extend),
                           ("&Completed today", self.completed), ("&Prepare the export…", self.export)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.resize(980, 420)
        self.refresh()

    def refresh(self) -> None:
        from cpm_desktop.services.gdpr import list_requests

        self.model.set_rows(list_requests(self.context.store))

    def _selected(self):
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _update(self, **changes) -> None:
        from cpm_desktop.services.gdpr import update_request

        row = self._selected()
        if row is None:
            return
        try:
            update_request(self.context.store, row.uuid, **changes)
        except ValueError as error:
            QMessageBox.warning(self, "Subject-access requests", str(error))
        self.refresh()

    def new_request(self) -> None:
        from datetime import date

        from PySide6.QtWidgets import QInputDialog

        from cpm_desktop.services.gdpr import register_request

        subject, ok = QInputDialog.getText(self, "New request", "Person id (P…) or mentor id (M…):")
        if not ok or not subject.strip():
            return
        kind = "mentor" if subject.strip().upper().startswith("M") else "person"
        try:
            register_request(self.context.store, kind, subject.strip(), date.today())
        except LookupError as error:
            QMessageBox.warning(self, "New request", str(error))
        self.refresh()

    def identity_checked(self) -> None:
        from datetime import date

        self._update(identity_checked_on=date.today())

    def completed(self) -> None:
        from datetime import date

        self._update(completed_on=date.today())

    def pause(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        row = self._selected()
        if row:
            days, ok = QInputDialog.getInt(self, "Pause the clock", "Days waiting for identity or clarification:",
                                           row.paused_days, 0, 365)
            if ok:
                self._update(paused_days=days)

    def extend(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        row = self._selected()
        if row:
            reason, ok = QInputDialog.getText(self, "Extend", "Why does this request need up to two more months?")
            if ok:
                self._update(extension_months=2, extension_reason=reason)

    def export(self) -> None:
        row = self._selected()
        if row:
            dialog = SubjectAccessDialog(self.context, self, person_id=row.subject_id)
            dialog.kind.setCurrentIndex(0 if row.subject_kind == "person" else 1)
            dialog.exec()


GDPR_FIELDS = (("controller", "Who holds the information"), ("contact", "How to contact us"),
               ("purposes", "Why we hold it (one per line)"), ("lawful_basis", "The law that allows it"),
               ("categories", "Kinds of information (one per line)"), ("recipients", "Who it may be shared with (one per line)"),
               ("retention", "How long we keep it"), ("source", "Where it comes from"),
               ("rights", "Your rights (one per line)"), ("automated_decisions", "Automated decisions"),
               ("complaint", "Complaints to the ICO"))


class GdprSettingsDialog(QDialog):
    """The supplementary information every subject-access export gives, maintained by the project lead."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        from PySide6.QtWidgets import QScrollArea

        from cpm_desktop.services.settings import GDPR, get_setting

        self.setObjectName("gdprSettings")
        self.setWindowTitle("Subject-access information")
        self.context = context
        self.current = get_setting(context.store, GDPR)
        self.edits: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        for key, title in GDPR_FIELDS:
            value = self.current.get(key, "")
            edit = QPlainTextEdit("\n".join(value) if isinstance(value, list) else value, tabChangesFocus=True)
            edit.setMaximumHeight(80)
            self.edits[key] = edit
            form.addRow(title, edit)
        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(760, 640)

    def values(self) -> dict:
        result = {}
        for key, edit in self.edits.items():
            text = edit.toPlainText().strip()
            result[key] = [line.strip() for line in text.splitlines() if line.strip()] \
                if isinstance(self.current.get(key), list) else text
        return result

    def save(self) -> None:
        from cpm_desktop.services.settings import GDPR, set_setting

        set_setting(self.context.store, GDPR, self.values())
        self.accept()
