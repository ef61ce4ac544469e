"""Letters ▸ Acknowledgement and Feedback to the referrer: edit the wording, then preview, save or print.

Making the letter is one operation (``ui/operations.py``): recording that feedback was sent is announced as
``Changes.REFERRAL``; a letter that records nothing announces nothing.
"""
from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from cpm_desktop.services import letters
from cpm_desktop.services.stores import Store
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog
from cpm_desktop.ui.operations import attempt
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
        """The letter as worded, previewed; a refusal (the referral gone meanwhile) is said and nothing recorded."""
        wording, referral_id = self.wording.toPlainText(), self.referral_id
        mark_sent = self.kind == "feedback" and self.mark_sent.isChecked()
        make: Callable[[Store], bytes]
        if self.kind == "feedback":
            def make(store: Store) -> bytes:
                return letters.feedback_letter_pdf(store, referral_id, wording=wording, mark_sent=mark_sent)
        else:
            def make(store: Store) -> bytes:
                return letters.acknowledgement_letter_pdf(store, referral_id, wording=wording)
        made: list[bytes] = []
        if not attempt(self, self.context, Changes.REFERRAL if mark_sent else Changes.NONE,
                       lambda store: made.append(make(store)), title="Letter not made"):
            return
        pdf = made[0]
        self.typed_kept()
        title = f"{self.letter.describes or self.letter.title} {self.letter.regarding}"
        self.preview = PdfPreviewDialog(title, pdf, f"{self.kind}-{self.referral_id}.pdf", self)
        self.preview.show()


class FeedbackLetterDialog(LetterDialog):
    def __init__(self, context: AppContext, referral_id: str, parent: QWidget | None = None):
        super().__init__(context, referral_id, parent, kind="feedback")

