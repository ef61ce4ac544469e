"""Closing a case (forms/close_case.ui): the date support ended, the reason, and the police calls since."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox, QWidget

from cpm_desktop.domain.workflow import closing_question
from cpm_desktop.services import cases, closure, goals
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.forms.close_case_ui import Ui_CloseCaseDialog
from cpm_desktop.ui.operations import attempt
from cpm_desktop.ui.unsaved import KeepsTyping
from cpm_desktop.ui.widgets.common import refuse_bad_dates, wire_buttons

UNKNOWN = -1


class CloseCaseDialog(KeepsTyping):
    """Saves on accept; accepted (``finished`` with Accepted) only when the case was closed."""

    def __init__(self, context: AppContext, referral_uuid: str, case_name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.referral_uuid = context, referral_uuid
        self.ui = Ui_CloseCaseDialog()
        self.ui.setupUi(self)
        self.setObjectName("closeCaseDialog")
        state = closure.closure_state(context.store, referral_uuid)
        calls = cases.police_calls(context.store, referral_uuid)
        ui = self.ui
        ui.caseLabel.setText(f"Close {case_name or 'the case'}: support ends, mentors' allocations end with it, and "
                             "the case can be re-opened later (the door is always open).")
        ui.closedOnEdit.required = True
        ui.closedOnEdit.setMinimumDate(state.referred_on)
        ui.closedOnEdit.setMaximumDate(date.today())
        ui.closedOnEdit.setDate(date.today())
        ui.reasonCombo.addItems(closure.closure_reasons(context.store))
        ui.reasonCombo.setCurrentIndex(-1)
        if (typed := ui.reasonCombo.lineEdit()) is not None:  # the combo is editable in the form
            typed.setPlaceholderText("Why support ends (choose or type)")
        ui.callsAfterSpin.setValue(UNKNOWN if calls.after is None else calls.after)
        ui.callsSourceEdit.setText(calls.source)
        wire_buttons(self, ui.buttonBox)
        self.save_with(self._close)

    def values(self) -> dict:
        calls = self.ui.callsAfterSpin.value()
        return dict(closed_on=self.ui.closedOnEdit.date(), reason=self.ui.reasonCombo.currentText(),
                    calls_after=None if calls == UNKNOWN else calls, calls_source=self.ui.callsSourceEdit.text())

    def _close(self) -> bool:
        if refuse_bad_dates(self, "Not closed") or not self._reason_fits_the_goals():
            return False
        values = self.values()
        return attempt(self, self.context, Changes.CLOSURE | Changes.ALLOCATION, lambda store: closure.close_case(
            store, self.referral_uuid, today=date.today(), **values), title="Not closed")

    def _reason_fits_the_goals(self) -> bool:
        """Closing as "Goals achieved" while goals are still open asks first; No keeps the dialog as typed."""
        rows = [(goal.goal, goal.status) for goal in goals.goals(self.context.store, self.referral_uuid)]
        question = closing_question(self.ui.reasonCombo.currentText(), rows)
        return question is None or QMessageBox.question(
            self, "Goals still open", question, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes
