"""Letters ▸ Acknowledgement and Feedback to the referrer: edit the wording, then preview, save or print.

Entry points for the main window: :func:`open_feedback_letter_dialog` and
:func:`open_acknowledgement_letter_dialog` (both for the current referral).
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from cpm_desktop.services import letters, referrals
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog
from cpm_desktop.ui.operations import perform
from cpm_desktop.ui.unsaved import KeepsTyping
from cpm_desktop.ui.widgets.common import wire_buttons


class LetterDialog(KeepsTyping):
    """The standard wording for the coordinator to edit, headed by which letter it is; then the letter. Sending
    feedback on a referral that has ended records the date it was sent. The wording is not kept: closing after
    editing it asks first."""

    can_save_typed = False

    def __init__(self, context: AppContext, referral_id: str, parent: QWidget | None = None,
                 kind: str = "feedback"):
        super().__init__(parent)
        self.setObjectName("feedbackLetterDialog" if kind == "feedback" else "acknowledgementLetterDialog")
        self.context = context
        self.referral_id = referral_id
        self.kind = kind
        gather = letters.feedback_letter if kind == "feedback" else letters.acknowledgement_letter
        self.letter = gather(context.store, referral_id)  # LookupError for an unknown referral
        self.setWindowTitle(f"{self.letter.title} — {self.letter.regarding}")
        self.wording = QPlainTextEdit("\n\n".join(self.letter.paragraphs), objectName="letterWording")
        self.wording.setTabChangesFocus(True)
        to = ", ".join(part for part in (self.letter.to_name, self.letter.to_organisation) if part)
        label = QLabel(f"To {to}."
                       " &Edit the wording (a blank line between paragraphs)."
                       + (" The table of support and the titles of goals achieved follow it; contact notes and "
                          "the details of goals are never shared." if self.letter.table else ""), wordWrap=True)
        label.setBuddy(self.wording)
        is_feedback = kind == "feedback" and self.letter.ends_the_referral
        self.mark_sent = QCheckBox("Record that feedback was &sent today", objectName="markSent")
        self.mark_sent.setChecked(is_feedback)
        self.mark_sent.setEnabled(is_feedback)
        self.mark_sent.setVisible(kind == "feedback")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Make the letter")
        wire_buttons(self, buttons, self.generate)
        self.which = QLabel(f"<b>{escape(self.letter.describes or self.letter.title)}</b>", objectName="letterKind",
                            wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.which)
        layout.addWidget(label)
        layout.addWidget(self.wording)
        layout.addWidget(self.mark_sent, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(buttons)
        self.preview: PdfPreviewDialog | None = None
        self.resize(720, 520)

    def generate(self) -> None:
        wording = self.wording.toPlainText()
        if self.kind == "feedback":
            mark_sent = self.mark_sent.isChecked()
            pdf = perform(self.context, Changes.REFERRAL if mark_sent else Changes.NONE, lambda store: (
                letters.feedback_letter_pdf(store, self.referral_id, wording=wording, mark_sent=mark_sent)))
        else:
            pdf = letters.acknowledgement_letter_pdf(self.context.store, self.referral_id, wording=wording)
        self.typed_kept()
        title = f"{self.letter.describes or self.letter.title} {self.letter.regarding}"
        self.preview = PdfPreviewDialog(title, pdf, f"{self.kind}-{self.referral_id}.pdf", self)
        self.preview.show()


class FeedbackLetterDialog(LetterDialog):
    def __init__(self, context: AppContext, referral_id: str, parent: QWidget | None = None):
        super().__init__(context, referral_id, parent, kind="feedback")


def _current_referral_id(context: AppContext, parent: QWidget | None) -> str | None:
    uuid = context.current_referral
    header = referrals.case_header(context.store, uuid) if uuid else None
    if header is None:
        QMessageBox.information(parent, "Letters", "Choose a referral in the Referrals pane first.")
        return None
    return header.referral_id


def _open(context: AppContext, parent: QWidget | None, kind: str) -> LetterDialog | None:
    referral_id = _current_referral_id(context, parent)
    if referral_id is None:
        return None
    dialog = LetterDialog(context, referral_id, parent, kind=kind)
    dialog.show()
    return dialog


def open_feedback_letter_dialog(context: AppContext, parent: QWidget | None = None) -> LetterDialog | None:
    """Letters ▸ Feedback to the referrer (a progress update while the case is open), for the current referral."""
    return _open(context, parent, "feedback")


def open_acknowledgement_letter_dialog(context: AppContext, parent: QWidget | None = None) -> LetterDialog | None:
    """Letters ▸ Acknowledgement to the referrer, for the current referral."""
    return _open(context, parent, "acknowledgement")
