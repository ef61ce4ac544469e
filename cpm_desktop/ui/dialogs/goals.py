"""A new GROW goal, and a dated review of one (from the case panel beside the contact log)."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget

from cpm_desktop.domain.vocabulary import Vocabulary
from cpm_desktop.services.goals import GoalRow, ReviewRow
from cpm_desktop.ui.item_models.table import day
from cpm_desktop.ui.unsaved import KeepsTyping
from cpm_desktop.ui.widgets.common import save_cancel_buttons
from cpm_desktop.ui.widgets.date_entry import DateEntry


def _score(name: str) -> QSpinBox:
    return QSpinBox(objectName=name, minimum=0, maximum=10, specialValueText="not given")


def _date_edit(name: str, earliest: date | None = None) -> DateEntry:
    return DateEntry(objectName=name, value=date.today(), required=True, earliest=earliest, latest=date.today())


def review_history(vocabulary: Vocabulary, reviews: Sequence[ReviewRow]) -> str:
    """A goal's reviews, one a line, the latest first."""
    label = vocabulary.label
    return "\n".join(f"{day(r.reviewed_on)}  {label('goal_status', r.status)}"
                     f"{'' if r.commitment is None else f'  (commitment {r.commitment})'}  {r.notes}"
                     for r in reviews)


class GoalDialog(KeepsTyping):
    """A new goal in the four GROW fields, with the client's own commitment score."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("New goal (GROW)")
        self.fields: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        for key, text in (("goal", "&Goal"), ("reality", "&Reality"), ("options", "&Options"),
                          ("way_forward", "&Way forward")):
            edit = QPlainTextEdit(objectName=f"{key}Edit", tabChangesFocus=True)
            edit.setMaximumHeight(70)
            self.fields[key] = edit
            form.addRow(text, edit)
        self.commitment = _score("commitmentSpin")
        form.addRow("&Commitment (1–10, the client's own)", self.commitment)
        self.set_on = _date_edit("goalSetOn")
        form.addRow("Se&t on", self.set_on)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(save_cancel_buttons(self))

    def values(self) -> dict[str, Any]:
        return {key: edit.toPlainText() for key, edit in self.fields.items()} | {
            "commitment": self.commitment.value() or None, "set_on": self.set_on.date()}


class ReviewDialog(KeepsTyping):
    """A dated review of a goal: its status and the client's commitment now; the earlier reviews are listed."""

    def __init__(self, vocabulary: Vocabulary, goal: GoalRow, reviews: Sequence[ReviewRow],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"Review: {goal.goal[:60]}")
        self.status = QComboBox(objectName="reviewStatus")
        for code, text in vocabulary.items("goal_status"):
            self.status.addItem(text, code)
        self.status.setCurrentIndex(max(0, self.status.findData(goal.status)))
        self.commitment = _score("reviewCommitment")
        self.commitment.setValue(goal.commitment or 0)
        self.notes = QPlainTextEdit(objectName="reviewNotes", tabChangesFocus=True)
        self.reviewed_on = _date_edit("reviewedOn", goal.set_on)
        form = QFormLayout()
        form.addRow("S&tatus", self.status)
        form.addRow("&Commitment now", self.commitment)
        form.addRow("&Notes", self.notes)
        form.addRow("Reviewed &on", self.reviewed_on)  # today unless changed
        history = QLabel(review_history(vocabulary, reviews) or "No reviews yet.", objectName="reviewHistory",
                         wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Earlier reviews:"))
        layout.addWidget(history)
        layout.addWidget(save_cancel_buttons(self))

    def values(self) -> dict[str, Any]:
        return dict(status=self.status.currentData(), commitment=self.commitment.value() or None,
                    notes=self.notes.toPlainText(), reviewed_on=self.reviewed_on.date())
