"""Beside the contact log: the case's GROW goals, its police-call figures, and closing or re-opening it."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cpm_desktop.domain.workflow import WorkflowError
from cpm_desktop.services import cases, goals
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.item_models.table import Column, RowTableModel, day
from cpm_desktop.ui.widgets.common import ask_and_reopen, save_cancel_buttons

UNKNOWN = -1


def _score(name: str) -> QSpinBox:
    return QSpinBox(objectName=name, minimum=0, maximum=10, specialValueText="not given")


class GoalDialog(QDialog):
    """A new goal in the four GROW fields, with the client's own commitment score."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("New goal (GROW)")
        self.fields = {}
        form = QFormLayout()
        for key, text in (("goal", "&Goal"), ("reality", "&Reality"), ("options", "&Options"),
                          ("way_forward", "&Way forward")):
            edit = QPlainTextEdit(objectName=f"{key}Edit", tabChangesFocus=True)
            edit.setMaximumHeight(70)
            self.fields[key] = edit
            form.addRow(text, edit)
        self.commitment = _score("commitmentSpin")
        form.addRow("&Commitment (1–10, the client's own)", self.commitment)
        buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> dict:
        return {key: edit.toPlainText() for key, edit in self.fields.items()} | {
            "commitment": self.commitment.value() or None}


class ReviewDialog(QDialog):
    def __init__(self, context: AppContext, goal: goals.GoalRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"Review: {goal.goal[:60]}")
        self.status = QComboBox(objectName="reviewStatus")
        for code, text in context.vocabulary.items("goal_status"):
            self.status.addItem(text, code)
        self.status.setCurrentIndex(max(0, self.status.findData(goal.status)))
        self.commitment = _score("reviewCommitment")
        self.commitment.setValue(goal.commitment or 0)
        self.notes = QPlainTextEdit(objectName="reviewNotes", tabChangesFocus=True)
        form = QFormLayout()
        form.addRow("&Status", self.status)
        form.addRow("&Commitment now", self.commitment)
        form.addRow("&Notes", self.notes)
        history = QLabel("\n".join(f"{day(r.reviewed_on)}  {context.vocabulary.label('goal_status', r.status)}"
                                   f"  {r.notes}" for r in goals.reviews(context.store, goal.uuid)) or "No reviews yet.")
        buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Earlier reviews:"))
        layout.addWidget(history)
        layout.addWidget(buttons)


class CasePanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("casePanel")
        self.context = context
        label = context.vocabulary.label
        self.goal_model = RowTableModel([
            Column("Set", lambda g: day(g.set_on), lambda g: g.set_on),
            Column("Goal", lambda g: g.goal.replace("\n", " "),
                   tooltip=lambda g: f"Reality: {g.reality}\nOptions: {g.options}\nWay forward: {g.way_forward}"),
            Column("Commitment", lambda g: "" if g.commitment is None else str(g.commitment), numeric=True),
            Column("Status", lambda g: label("goal_status", g.status)),
            Column("Reviewed", lambda g: day(g.reviewed_on)),
        ], self)
        self.goal_list = QTableView(objectName="goalList")
        self.goal_list.setModel(self.goal_model)
        self.goal_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.goal_list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.goal_list.verticalHeader().setVisible(False)
        new_goal, review = QPushButton("New &goal…"), QPushButton("Re&view goal…")
        new_goal.clicked.connect(self.new_goal)
        review.clicked.connect(self.review_goal)
        goals_box = QGroupBox("GROW goals")
        goals_layout = QVBoxLayout(goals_box)
        goals_layout.addWidget(self.goal_list)
        row = QHBoxLayout()
        row.addWidget(new_goal)
        row.addWidget(review)
        goals_layout.addLayout(row)

        self.calls_before = QSpinBox(objectName="callsBefore", minimum=UNKNOWN, maximum=9999, specialValueText="not known")
        self.calls_after = QSpinBox(objectName="callsAfter", minimum=UNKNOWN, maximum=9999, specialValueText="not known")
        self.calls_source = QLineEdit(objectName="callsSource", placeholderText="Where the figures come from")
        self.calls_change = QLabel(objectName="callsChange")
        save_calls = QPushButton("Save the &figures")
        save_calls.clicked.connect(self.save_calls)
        calls_box = QGroupBox("Calls to the police (12 months before referral / after first contact)")
        calls_form = QFormLayout(calls_box)
        calls_form.addRow("&Before", self.calls_before)
        calls_form.addRow("&After", self.calls_after)
        calls_form.addRow("So&urce", self.calls_source)
        calls_form.addRow(self.calls_change, save_calls)

        close, reopen = QPushButton("&Close the case…", objectName="closeCaseButton"), QPushButton("Re-o&pen…")
        close.clicked.connect(self.close_case)
        reopen.clicked.connect(self.reopen_case)
        closing = QGroupBox("Closing")
        closing_row = QHBoxLayout(closing)
        closing_row.addWidget(close)
        closing_row.addWidget(reopen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (goals_box, calls_box, closing):
            layout.addWidget(widget)

    def show_case(self, referral_uuid: str | None) -> None:
        self.setEnabled(referral_uuid is not None)
        if referral_uuid is None:
            self.goal_model.set_rows([])
            return
        self.goal_model.set_rows(goals.goals(self.context.store, referral_uuid))
        calls = cases.police_calls(self.context.store, referral_uuid)
        self.calls_before.setValue(UNKNOWN if calls.before is None else calls.before)
        self.calls_after.setValue(UNKNOWN if calls.after is None else calls.after)
        self.calls_source.setText(calls.source)
        self.calls_change.setText(f"Change: {calls.change}")

    def _refresh(self, what: str) -> None:
        self.context.notify_changed(what)
        self.show_case(self.context.current_referral)

    def _warn(self, error: Exception) -> None:
        QMessageBox.warning(self, "Not recorded", str(error))

    def new_goal(self) -> None:
        dialog = GoalDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                goals.set_goal(self.context.store, self.context.current_referral, **dialog.values())
            except goals.GoalError as error:
                self._warn(error)
            self._refresh("goal")

    def review_goal(self) -> None:
        index = self.goal_list.currentIndex()
        if not index.isValid():
            return
        goal = self.goal_model.row_at(index.row())
        dialog = ReviewDialog(self.context, goal, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                goals.review_goal(self.context.store, goal.uuid, status=dialog.status.currentData(),
                                  commitment=dialog.commitment.value() or None, notes=dialog.notes.toPlainText())
            except goals.GoalError as error:
                self._warn(error)
            self._refresh("goal")

    def save_calls(self) -> None:
        def value(spin: QSpinBox) -> int | None:
            return None if spin.value() == UNKNOWN else spin.value()

        try:
            cases.record_police_calls(self.context.store, self.context.current_referral,
                                      before=value(self.calls_before), after=value(self.calls_after),
                                      source=self.calls_source.text())
        except WorkflowError as error:
            self._warn(error)
        self._refresh("referral")

    def close_case(self) -> None:
        reason, ok = QInputDialog.getText(self, "Close the case", "Why does support end (today)?")
        if not ok:
            return
        try:
            cases.close_case(self.context.store, self.context.current_referral, date.today(), reason)
        except WorkflowError as error:
            self._warn(error)
            return
        self._refresh("closure")

    def reopen_case(self) -> None:
        if ask_and_reopen(self, self.context):
            self.show_case(self.context.current_referral)
