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
