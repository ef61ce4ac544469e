"""Beside the contact log: the case's GROW goals, its police-call figures, and closing or re-opening it.

The panel is laid out in forms/case_panel.ui; it shows a :class:`cases.CasePanelView`, read in one snapshot
(by the contact log with its own view, or by :meth:`CasePanel.show_case` alone).
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QHeaderView, QMessageBox, QSpinBox, QWidget

from cpm_desktop.services import cases, goals
from cpm_desktop.services.cases import CasePanelView
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.dialogs.close_case import CloseCaseDialog
from cpm_desktop.ui.dialogs.goals import GoalDialog, ReviewDialog, review_history
from cpm_desktop.ui.forms.case_panel_ui import Ui_CasePanel
from cpm_desktop.ui.item_models.table import Column, RowTableModel, day
from cpm_desktop.ui.operations import attempt
from cpm_desktop.ui.widgets.common import ask_and_reopen

UNKNOWN = -1  # the spin boxes' "not known"
CHOOSE_A_CASE = "Choose a referral first."

CallFigures = tuple[int, int, str]  # before, after (UNKNOWN when not known), source: as the spin boxes hold them


class CasePanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.ui = Ui_CasePanel()
        self.ui.setupUi(self)
        self.setObjectName("casePanel")
        label = context.vocabulary.label
        self.goal_model = RowTableModel([
            Column("Set", lambda g: day(g.set_on), lambda g: g.set_on),
            Column("Goal", lambda g: g.goal.replace("\n", " "),
                   tooltip=lambda g: f"Reality: {g.reality}\nOptions: {g.options}\nWay forward: {g.way_forward}"),
            Column("Commitment", lambda g: "" if g.commitment is None else str(g.commitment), numeric=True),
            Column("Status", lambda g: label("goal_status", g.status)),
            Column("Reviewed", lambda g: day(g.reviewed_on)),
        ], self)
        ui = self.ui
        self.goal_list, self.goal_detail = ui.goalList, ui.goalDetail
        self.calls_before, self.calls_after, self.calls_source = ui.callsBefore, ui.callsAfter, ui.callsSource
        self.calls_change, self.closure_text = ui.callsChange, ui.closureText
        self.close_button, self.reopen_button = ui.closeCaseButton, ui.reopenCaseButton
        self.goal_list.setModel(self.goal_model)
        header = self.goal_list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        ui.newGoalButton.clicked.connect(self.new_goal)
        ui.reviewGoalButton.clicked.connect(self.review_goal)
        ui.saveCallsButton.clicked.connect(self.save_calls)
        self.close_button.clicked.connect(self.close_case)
        self.reopen_button.clicked.connect(self.reopen_case)
        self.goal_list.selectionModel().currentRowChanged.connect(self._show_goal)
        self.goal_list.activated.connect(lambda _index: self.review_goal())

        self._view: CasePanelView | None = None
        self._saving_calls = False  # the reload that follows saving them shows the figures as saved
        self._calls_saved: CallFigures = self._calls_typed()
        context.register_unsaved(self)

    # --- unsaved work (ui/unsaved.py): police-call figures typed and not saved ---------------------------

    def _calls_typed(self) -> CallFigures:
        return self.calls_before.value(), self.calls_after.value(), self.calls_source.text()

    def unsaved_work(self) -> str | None:
        if self._view is None or self._calls_typed() == self._calls_saved:
            return None
        return "the police-call figures typed for the case"

    def save_unsaved(self) -> bool:
        return self.save_calls()

    def discard_unsaved(self) -> None:
        before, after, source = self._calls_saved
        self.calls_before.setValue(before)
        self.calls_after.setValue(after)
        self.calls_source.setText(source)

    # --- showing the case ---------------------------------------------------------------------------

    def show_case(self, referral_uuid: str | None) -> None:
        """Read the panel's view of the case (one snapshot) and show it; None (or a case gone) empties it."""
        view = None
        if referral_uuid is not None:
            try:
                view = cases.case_panel_view(self.context.store, referral_uuid)
            except LookupError:  # deleted meanwhile: as no case
                view = None
        self.show_view(view)

    def show_view(self, view: CasePanelView | None) -> None:
        typed_here = (not self._saving_calls and self.unsaved_work() is not None and view is not None
                      and self._view is not None and self._view.referral_uuid == view.referral_uuid)
        self._view = view
        self.setEnabled(view is not None)
        self.goal_detail.clear()
        if view is None:
            self.goal_model.set_rows([])
            self.closure_text.clear()
            self.calls_change.clear()
            return
        self.goal_model.set_rows(view.goals)
        calls = view.police_calls
        self._calls_saved = (UNKNOWN if calls.before is None else calls.before,
                             UNKNOWN if calls.after is None else calls.after, calls.source)
        if not typed_here:  # a refresh of the same case (a contact logged) keeps figures being typed
            self.discard_unsaved()
        self.calls_change.setText(f"Change: {calls.change}")
        self._show_closure(view)

    def _show_closure(self, view: CasePanelView) -> None:
        lines = [f"Closed on {day(view.closed_on)}: {view.closure_reason}" if view.closed_on else "Open."]
        lines += [f"{day(e.happened_on)} {'closed' if e.kind == 'closed' else 're-opened'} by {e.by or '?'}: "
                  f"{e.reason}" for e in view.closings]
        self.closure_text.setText("\n".join(lines))
        closed = view.closed_on is not None
        # Enable before disabling, so the keyboard focus moves from the one button to the other.
        for button, enabled in sorted(((self.close_button, not closed), (self.reopen_button, closed)),
                                      key=lambda pair: not pair[1]):
            button.setEnabled(enabled)

    def _show_goal(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        if not current.isValid() or self._view is None:
            self.goal_detail.clear()
            return
        goal: goals.GoalRow = self.goal_model.row_at(current.row())
        reviews = review_history(self.context.vocabulary, self._view.reviews_of(goal.uuid))
        self.goal_detail.setText(f"Goal: {goal.goal}\nReality: {goal.reality}\nOptions: {goal.options}\n"
                                 f"Way forward: {goal.way_forward}" + (f"\nReviews:\n{reviews}" if reviews else ""))

    # --- changes: each announced once; the contact log reloads, and shows this panel again --------------

    def _case(self) -> str | None:
        """The case being shown, or None (having said so) when there is none."""
        if self._view is None:
            QMessageBox.information(self, "No case", CHOOSE_A_CASE)
            return None
        return self._view.referral_uuid

    def new_goal(self) -> None:
        referral_uuid = self._case()
        if referral_uuid is None:
            return
        dialog = GoalDialog(self)

        def save() -> bool:  # refused: the dialog stays open with what was typed
            values = dialog.values()
            return attempt(dialog, self.context, Changes.GOAL,
                           lambda store: goals.set_goal(store, referral_uuid, **values))

        dialog.save_with(save)
        dialog.open()

    def review_goal(self) -> None:
        index = self.goal_list.currentIndex()
        if not index.isValid() or self._view is None:
            return
        goal: goals.GoalRow = self.goal_model.row_at(index.row())
        dialog = ReviewDialog(self.context.vocabulary, goal, self._view.reviews_of(goal.uuid), self)

        def save() -> bool:
            values = dialog.values()
            return attempt(dialog, self.context, Changes.GOAL,
                           lambda store: goals.review_goal(store, goal.uuid, **values))

        dialog.save_with(save)
        dialog.accepted.connect(lambda: self.goal_list.selectRow(
            next((n for n, g in enumerate(self.goal_model.rows) if g.uuid == goal.uuid), 0)))
        dialog.open()

    def save_calls(self) -> bool:
        def value(spin: QSpinBox) -> int | None:
            return None if spin.value() == UNKNOWN else spin.value()

        referral_uuid = self._case()
        if referral_uuid is None:
            return False
        before, after, source = value(self.calls_before), value(self.calls_after), self.calls_source.text()
        self._saving_calls = True
        try:  # refused: the figures stay as typed
            return attempt(self, self.context, Changes.REFERRAL, lambda store: cases.record_police_calls(
                store, referral_uuid, before=before, after=after, source=source))
        finally:
            self._saving_calls = False

    def close_case(self) -> None:
        """The closing dialog saves the date, the reason and the police calls since first contact."""
        referral_uuid = self._case()
        if referral_uuid is None:
            return
        CloseCaseDialog(self.context, referral_uuid, parent=self).open()

    def reopen_case(self) -> None:
        if self._case() is not None:
            ask_and_reopen(self, self.context)
