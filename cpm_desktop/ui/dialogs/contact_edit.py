"""Correcting an entry of the contact log; what it said before is listed, and kept."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget

from cpm_desktop.services import contacts
from cpm_desktop.services.contacts import ContactRow, Helper
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.item_models.contacts import short_label
from cpm_desktop.ui.unsaved import KeepsTyping
from cpm_desktop.ui.widgets.common import save_cancel_buttons
from cpm_desktop.ui.widgets.contact_choices import STAFF, fill_activities, fill_who
from cpm_desktop.ui.widgets.date_entry import DateTimeEntry


def clip(text: str, length: int = 160) -> str:
    """On one line, at most ``length`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length - 1] + "…"


class ContactEditDialog(KeepsTyping):
    """Correct an entry of the log; its earlier versions are listed and kept.

    ``helpers`` are the case's mentors, who may have made the contact (the pane has them in its view)."""

    def __init__(self, context: AppContext, row: ContactRow, helpers: Sequence[Helper],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("contactEditDialog")
        self.setWindowTitle(f"Correct contact {row.contact_id}")
        self.when = DateTimeEntry(value=row.occurred_at, objectName="editWhen")
        self.activity = QComboBox(objectName="editActivity")
        fill_activities(self.activity, context.vocabulary)
        self.activity.setCurrentIndex(max(0, self.activity.findData(row.activity)))
        self.minutes = QSpinBox(objectName="editMinutes", maximum=contacts.MAX_MINUTES, suffix=" min",
                                specialValueText="not known", singleStep=5)
        self.minutes.setValue(row.minutes or 0)
        self.who = QComboBox(objectName="editWho")
        fill_who(self.who, helpers, context.store.actor)
        if row.mentor_uuid:
            if self.who.findData(row.mentor_uuid) < 0:  # no longer one of the case's mentors
                self.who.insertItem(0, row.who, row.mentor_uuid)
            self.who.setCurrentIndex(self.who.findData(row.mentor_uuid))
        else:  # made by staff: keep the name it was logged under
            self.who.setItemText(self.who.findData(STAFF), f"Staff: {row.who}")
            self.who.setCurrentIndex(self.who.findData(STAFF))
        self._staff_name = row.who if not row.mentor_uuid else context.store.actor
        self.notes = QPlainTextEdit(row.notes, objectName="editNotes", tabChangesFocus=True)
        form = QFormLayout()
        for text, widget in (("&When", self.when), ("&Activity", self.activity), ("&Minutes", self.minutes),
                             ("&By", self.who), ("&Notes", self.notes)):
            form.addRow(text, widget)
        label = context.vocabulary.label
        history = QLabel("\n".join(
            f"Before the correction of {r.revised_at:%d/%m/%Y %H:%M} UTC by {r.revised_by}: "
            f"{r.occurred_at:%d/%m/%Y %H:%M} · {short_label(label('activity', r.activity))} · "
            f"{'' if r.minutes is None else f'{r.minutes} min · '}{r.who} · {clip(r.notes)}"
            for r in contacts.revisions(context.store, row.uuid)) or "Not corrected before.",
            objectName="revisionHistory", wordWrap=True)
        history.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Earlier versions (kept):"))
        layout.addWidget(history)
        layout.addWidget(save_cancel_buttons(self))
        self.resize(560, self.sizeHint().height())

    def values(self) -> dict[str, Any]:
        """What ``contacts.edit_contact`` takes, as typed."""
        who = self.who.currentData()
        return dict(occurred_at=self.when.dateTime(), activity=self.activity.currentData(),
                    minutes=self.minutes.value() or None, notes=self.notes.toPlainText(),
                    mentor_uuid=None if who == STAFF else who,
                    staff_name=self._staff_name if who == STAFF else "")
