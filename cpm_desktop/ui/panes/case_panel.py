"""Beside the contact log: the case's GROW goals, its police-call figures, and closing or re-opening it."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
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

from cpm_desktop.services import cases, closure, goals
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.dialogs.close_case import CloseCaseDialog
from cpm_desktop.ui.item_models.table import Column, RowTableModel, day
from cpm_desktop.ui.operations import attempt
from cpm_desktop.ui.unsaved import KeepsTyping
from cpm_desktop.ui.widgets.common import ask_and_reopen, save_cancel_buttons
from cpm_desktop.ui.widgets.date_entry import DateEntry

UNKNOWN = -1


def _score(name: str) -> QSpinBox:
    return QSpinBox(objectName=name, minimum=0, maximum=10, specialValueText="not given")


def _date_edit(name: str, earliest: date | None = None) -> DateEntry:
    return DateEntry(objectName=name, value=date.today(), required=True, earliest=earliest, latest=date.today())


class GoalDialog(KeepsTyping):
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
        self.set_on = _date_edit("goalSetOn")
        form.addRow("Se&t on", self.set_on)
        buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> dict:
        return {key: edit.toPlainText() for key, edit in self.fields.items()} | {
            "commitment": self.commitment.value() or None, "set_on": self.set_on.date()}


class ReviewDialog(KeepsTyping):
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
        self.reviewed_on = _date_edit("reviewedOn", goal.set_on)
        form = QFormLayout()
        form.addRow("S&tatus", self.status)
        form.addRow("&Commitment now", self.commitment)
        form.addRow("&Notes", self.notes)
        form.addRow("Reviewed &on", self.reviewed_on)  # today unless changed
        history = QLabel(review_history(context, goal) or "No reviews yet.", objectName="reviewHistory",
                         wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Earlier reviews:"))
        layout.addWidget(history)
        layout.addWidget(buttons)


    def values(self) -> dict:
        return dict(status=self.status.currentData(), commitment=self.commitment.value() or None,
                    notes=self.notes.toPlainText(), reviewed_on=self.reviewed_on.date())


def review_history(context: AppContext, goal: goals.GoalRow) -> str:
    label = context.vocabulary.label
    return "\n".join(f"{day(r.reviewed_on)}  {label('goal_status', r.status)}"
                     f"{'' if r.commitment is None else f'  (commitment {r.commitment})'}  {r.notes}"
                     for r in goals.reviews(context.store, goal.uuid))


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
        new_goal = QPushButton("New g&oal…", objectName="newGoalButton")
        review = QPushButton("Re&view goal…", objectName="reviewGoalButton")
        new_goal.clicked.connect(self.new_goal)
        review.clicked.connect(self.review_goal)
        goals_box = QGroupBox("GROW goals")
        goals_layout = QVBoxLayout(goals_box)
        goals_layout.addWidget(self.goal_list)
        self.goal_detail = QLabel(objectName="goalDetail", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        goals_layout.addWidget(self.goal_detail)
        self.goal_list.selectionModel().currentRowChanged.connect(self._show_goal)
        self.goal_list.activated.connect(lambda _index: self.review_goal())
        row = QHBoxLayout()
        row.addWidget(new_goal)
        row.addWidget(review)
        goals_layout.addLayout(row)

        self.calls_before = QSpinBox(objectName="callsBefore", minimum=UNKNOWN, maximum=9999,
                                     specialValueText="not known")
        self.calls_after = QSpinBox(objectName="callsAfter", minimum=UNKNOWN, maximum=9999,
                                    specialValueText="not known")
        self.calls_source = QLineEdit(objectName="callsSource", placeholderText="Where the figures come from")
        self.calls_change = QLabel(objectName="callsChange")
        save_calls = QPushButton("Save the f&igures", objectName="saveCallsButton")
        save_calls.clicked.connect(self.save_calls)
        calls_box = QGroupBox("Calls to the police (12 months before referral / after first contact)")
        calls_form = QFormLayout(calls_box)
        calls_form.addRow("&Before", self.calls_before)
        calls_form.addRow("Af&ter", self.calls_after)
        calls_form.addRow("So&urce", self.calls_source)
        calls_form.addRow(self.calls_change, save_calls)

        self.close_button = QPushButton("&Close the case…", objectName="closeCaseButton")
        self.reopen_button = QPushButton("Re-o&pen…", objectName="reopenCaseButton")
        self.close_button.clicked.connect(self.close_case)
        self.reopen_button.clicked.connect(self.reopen_case)
        self.closure_text = QLabel(objectName="closureText", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        closing = QGroupBox("Closing")
        closing_layout = QVBoxLayout(closing)
        closing_layout.addWidget(self.closure_text)
        closing_row = QHBoxLayout()
        closing_row.addWidget(self.close_button)
        closing_row.addWidget(self.reopen_button)
        closing_layout.addLayout(closing_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (goals_box, calls_box, closing):
            layout.addWidget(widget)
        self._calls_case: str | None = None
        self._calls_saved: tuple[int, int, str] = self._calls_typed()
        context.register_unsaved(self)

    # --- unsaved work (ui/unsaved.py): police-call figures typed and not saved ---------------------------

    def _calls_typed(self) -> tuple[int, int, str]:
        return self.calls_before.value(), self.calls_after.value(), self.calls_source.text()

    def unsaved_work(self) -> str | None:
        if self._calls_case is None or self._calls_typed() == self._calls_saved:
            return None
        return "the police-call figures typed for the case"

    def save_unsaved(self) -> bool:
        return self.save_calls()

    def discard_unsaved(self) -> None:
        before, after, source = self._calls_saved
        self.calls_before.setValue(before)
        self.calls_after.setValue(after)
        self.calls_source.setText(source)

    def show_case(self, referral_uuid: str | None) -> None:
        self.setEnabled(referral_uuid is not None)
        self.goal_detail.clear()
        if referral_uuid is None:
            self.goal_model.set_rows([])
            self.closure_text.clear()
            return
        self.goal_model.set_rows(goals.goals(self.context.store, referral_uuid))
        calls = cases.police_calls(self.context.store, referral_uuid)
        typed_here = self.unsaved_work() is not None and self._calls_case == referral_uuid
        self._calls_case = referral_uuid
        self._calls_saved = (UNKNOWN if calls.before is None else calls.before,
                             UNKNOWN if calls.after is None else calls.after, calls.source)
        if not typed_here:  # a refresh of the same case (a contact logged) keeps figures being typed
            self.discard_unsaved()
        self.calls_change.setText(f"Change: {calls.change}")
        self._show_closure(referral_uuid)

    def _show_closure(self, referral_uuid: str) -> None:
        state = closure.closure_state(self.context.store, referral_uuid)
        history = [e for e in cases.case_history(self.context.store, referral_uuid) if e.kind in ("closed", "reopened")]
        lines = [f"Closed on {day(state.closed_on)}: {state.reason}" if state.closed_on else "Open."]
        lines += [f"{day(e.happened_on)} {'closed' if e.kind == 'closed' else 're-opened'} by {e.by or '?'}: {e.reason}"
                  for e in history[:4]]
        self.closure_text.setText("\n".join(lines))
        closed = state.closed_on is not None
        # Enable before disabling, so the keyboard focus moves from the one button to the other.
        for button, enabled in sorted(((self.close_button, not closed), (self.reopen_button, closed)),
                                      key=lambda pair: not pair[1]):
            button.setEnabled(enabled)

    def _show_goal(self, current, _previous=None) -> None:
        if not current.isValid():
            self.goal_detail.clear()
            return
        goal = self.goal_model.row_at(current.row())
        reviews = review_history(self.context, goal)
        self.goal_detail.setText(f"Goal: {goal.goal}\nReality: {goal.reality}\nOptions: {goal.options}\n"
                                 f"Way forward: {goal.way_forward}" + (f"\nReviews:\n{reviews}" if reviews else ""))

    def _saved(self, changes: Changes, call) -> bool:
        """Record through the operations layer; this panel shows the case again (the panes are told)."""
        if not attempt(self, self.context, changes, call):
            return False
        self.show_case(self.context.current_referral)
        return True

    def _warn(self, error: Exception) -> None:
        QMessageBox.warning(self, "Not recorded", str(error))

    def new_goal(self) -> None:
        dialog = GoalDialog(self)
        referral_uuid = self.context.current_referral
        dialog.save_with(lambda: self._saved(Changes.GOAL, lambda store: goals.set_goal(
            store, referral_uuid, **dialog.values())))  # refused: the dialog keeps what was typed
        dialog.open()

    def review_goal(self) -> None:
        index = self.goal_list.currentIndex()
        if not index.isValid():
            return
        goal = self.goal_model.row_at(index.row())
        dialog = ReviewDialog(self.context, goal, self)
        dialog.save_with(lambda: self._saved(Changes.GOAL, lambda store: goals.review_goal(
            store, goal.uuid, **dialog.values())))
        dialog.accepted.connect(lambda: self.goal_list.selectRow(
            next((n for n, g in enumerate(self.goal_model.rows) if g.uuid == goal.uuid), 0)))
        dialog.open()

    def save_calls(self) -> bool:
        def value(spin: QSpinBox) -> int | None:
            return None if spin.value() == UNKNOWN else spin.value()

        referral_uuid, before, after = self.context.current_referral, value(self.calls_before), value(self.calls_after)
        source = self.calls_source.text()
        typed = self._calls_typed()
        if not attempt(self, self.context, Changes.REFERRAL, lambda store: cases.record_police_calls(
                store, referral_uuid, before=before, after=after, source=source)):
            return False  # the figures stay as typed
        self._calls_saved = typed
        self.show_case(self.context.current_referral)
        return True

    def close_case(self) -> None:
        """The closing dialog saves the date, the reason and the police calls since first contact."""
        dialog = CloseCaseDialog(self.context, self.context.current_referral, parent=self)
        dialog.accepted.connect(lambda: self.show_case(self.context.current_referral))
        dialog.open()

    def reopen_case(self) -> None:
        if ask_and_reopen(self, self.context):
            self.show_case(self.context.current_referral)
