"""The Risk-assessment pane for the current referral: assessments, flags, home visits and the decision.

The pane and its two forms come from Designer files (forms/risk_pane.ui, forms/risk_assessment.ui,
forms/home_visit.ui). What the next assessment is, and what a typed row of checks means, are decided in
``domain.risk``; the pane shows what ``services.risk.risk_view`` read and saves through the operations layer.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QListWidgetItem, QMessageBox, QTableView, QWidget

from cpm_desktop.services import cases, risk
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.forms.home_visit_ui import Ui_VisitDialog
from cpm_desktop.ui.forms.risk_assessment_ui import Ui_AssessmentDialog
from cpm_desktop.ui.forms.risk_pane_ui import Ui_RiskPane
from cpm_desktop.ui.item_models.table import Column, RowTableModel, day
from cpm_desktop.ui.operations import attempt
from cpm_desktop.ui.panes.case_pane import NO_CASE, header_line
from cpm_desktop.ui.unsaved import KeepsTyping
from cpm_desktop.ui.widgets.common import ask_and_reopen, refuse_bad_dates, wire_buttons
from cpm_desktop.ui.widgets.date_entry import DateEntry

YES_NO = (("not known", None), ("yes", True), ("no", False))


def _dated_today(entry: DateEntry, latest: date | None) -> None:
    entry.required = True
    entry.setMaximumDate(latest)
    entry.setDate(date.today())


def _yes_no(value: bool | None) -> str:
    return {True: "yes", False: "no", None: "?"}[value]


class AssessmentDialog(KeepsTyping):
    """A new assessment or reassessment (which one, the service said), with the checks made and the
    professionals consulted typed as rows."""

    def __init__(self, kind: risk.AssessmentKind | str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_AssessmentDialog()
        self.ui.setupUi(self)
        self.setObjectName("assessmentDialog")
        self.kind = risk.AssessmentKind(kind)
        self.setWindowTitle(self.kind.heading)
        ui = self.ui
        self.assessed_on, self.danger, self.notes = ui.assessedOn, ui.dangerCombo, ui.assessmentNotes
        self.checks, self.professionals = ui.checksTable, ui.professionalsTable
        _dated_today(self.assessed_on, date.today())
        self.danger.addItem("not assessed", None)
        for level in risk.DANGER_LEVELS:
            self.danger.addItem(level, level)
        self.answers = {"will": ui.willCombo, "want": ui.wantCombo, "capacity": ui.capacityCombo}
        for combo in self.answers.values():
            for label, value in YES_NO:
                combo.addItem(label, value)
        # Names and dates as wide as they need; findings and advice (free text) take the rest.
        for table, widths, free_text in ((self.checks, (240, 0), 1), (self.professionals, (160, 170, 0, 110), 2)):
            header = table.horizontalHeader()
            header.setStretchLastSection(False)
            for column, width in enumerate(widths):
                table.setColumnWidth(column, width)
            header.setSectionResizeMode(free_text, QHeaderView.ResizeMode.Stretch)
        wire_buttons(self, ui.buttonBox)
        self.resize(820, 560)

    def form(self) -> risk.AssessmentForm:
        """What is typed, as it is; the service's rules (domain.risk) decide what it records."""
        return risk.AssessmentForm(
            self.assessed_on.date() or date.today(), self.danger.currentData(),
            self.answers["will"].currentData(), self.answers["want"].currentData(),
            self.answers["capacity"].currentData(), self.notes.toPlainText(),
            tuple(risk.CheckRow(*row) for row in self.checks.rows()),
            tuple(risk.ProfessionalRow(*row) for row in self.professionals.rows()))


class VisitDialog(KeepsTyping):
    def __init__(self, visit: risk.Visit | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_VisitDialog()
        self.ui.setupUi(self)
        self.setObjectName("visitDialog")
        ui = self.ui
        self.uuid = visit.uuid if visit else ""
        self.visit_on, self.status, self.visitors = ui.visitOn, ui.visitStatus, ui.visitors
        self.joint, self.notes = ui.jointCheck, ui.visitNotes
        _dated_today(self.visit_on, None)  # a visit may be planned
        if visit is not None:
            self.visit_on.setDate(visit.visit_on)
        self.status.addItems(list(risk.VISIT_STATUSES))
        self.status.setCurrentText(visit.status if visit else "planned")
        self.visitors.setText(visit.visitors if visit else "")
        self.joint.setChecked(bool(visit and visit.joint_with_referrer))
        self.notes.setPlainText(visit.notes if visit else "")
        wire_buttons(self, ui.buttonBox)

    def visit(self) -> risk.Visit:
        return risk.Visit(self.visit_on.date() or date.today(), self.status.currentText(),
                          self.visitors.text(), self.joint.isChecked(), self.notes.toPlainText(), self.uuid)


def _history_table(view: QTableView, model: RowTableModel, *wide: str) -> None:
    """Short columns as wide as their contents; the ``wide`` ones (free text) share the rest of the width."""
    view.setModel(model)
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    for number, column in enumerate(model.columns):
        header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch if column.title in wide
                                    else QHeaderView.ResizeMode.ResizeToContents)


class RiskPane(QWidget):
    """Shows ``risk_view`` of the current case; reloads once for each operation that changed what it shows."""

    refresh_on = Changes.RISK | Changes.DECISION | Changes.CLOSURE | Changes.ALLOCATION | Changes.REFERRAL

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.ui = Ui_RiskPane()
        self.ui.setupUi(self)
        self.setObjectName("riskPane")
        ui = self.ui
        self._view: risk.RiskView | None = None
        # Short names the callers (and tests) use.
        self.header, self.outcome_now, self.outcome = ui.riskCaseHeader, ui.currentOutcome, ui.decisionOutcome
        self.reason, self.decided_on, self.history = ui.decisionReason, ui.decisionDate, ui.decisionHistory
        self.decide_button, self.reopen_button = ui.recordDecisionButton, ui.reopenButton
        self.flag_list, self.flag_choice = ui.flagList, ui.flagChoice
        self.raise_flag_button, self.clear_flag_button = ui.raiseFlagButton, ui.clearFlagButton
        self.assessment_list, self.new_assessment_button = ui.assessmentList, ui.newAssessmentButton
        self.visit_list, self.new_visit_button, self.edit_visit_button = (ui.visitList, ui.newVisitButton,
                                                                          ui.editVisitButton)
        _dated_today(self.decided_on, date.today())
        for code, text in context.vocabulary.short_items("outcome"):
            self.outcome.addItem(text, code)
        for code, text in context.vocabulary.items("risk_flag"):
            self.flag_choice.addItem(text, code)
        self.assessment_model = RowTableModel([
            Column("Date", lambda a: day(a.assessed_on), lambda a: a.assessed_on),
            Column("Kind", lambda a: str(a.kind or "")),
            Column("Danger", lambda a: a.danger_to_staff or "?"),
            Column("Will / want / capacity", lambda a: " / ".join(
                _yes_no(v) for v in (a.will_to_change, a.want_to_change, a.capacity_to_change))),
            Column("Checks", lambda a: "; ".join(f"{c.source}: {c.findings}" for c in a.checks),
                   tooltip=lambda a: "\n".join(f"{c.source}: {c.findings}" for c in a.checks)),
            Column("Professionals", lambda a: "; ".join(f"{p.name} ({p.organisation})" for p in a.professionals),
                   tooltip=lambda a: "\n".join(f"{p.name} ({p.organisation}): {p.advice}" for p in a.professionals)),
            Column("By", lambda a: a.assessed_by),
            Column("Notes", lambda a: a.notes.replace("\n", " "), tooltip=lambda a: a.notes),
        ], self)
        self.visit_model = RowTableModel([
            Column("Date", lambda v: day(v.visit_on), lambda v: v.visit_on),
            Column("Status", lambda v: v.status),
            Column("Who went", lambda v: v.visitors),
            Column("Joint with referrer", lambda v: "yes" if v.joint_with_referrer else "no"),
            Column("Notes", lambda v: v.notes.replace("\n", " "), tooltip=lambda v: v.notes),
        ], self)
        _history_table(self.assessment_list, self.assessment_model, "Checks", "Professionals", "Notes")
        _history_table(self.visit_list, self.visit_model, "Who went", "Notes")
        self._content = (ui.decisionGroup, ui.flagsGroup, ui.assessmentsGroup, ui.visitsGroup)

        self.decide_button.clicked.connect(self.record_decision)
        self.reason.returnPressed.connect(self.record_decision)
        self.reopen_button.clicked.connect(self.reopen)
        self.raise_flag_button.clicked.connect(self.raise_flag)
        self.clear_flag_button.clicked.connect(self.clear_flag)
        self.new_assessment_button.clicked.connect(self.new_assessment)
        self.new_visit_button.clicked.connect(lambda: self.edit_visit(None))
        self.edit_visit_button.clicked.connect(self._edit_selected_visit)
        self.visit_list.activated.connect(lambda _index: self._edit_selected_visit())
        context.currentReferralChanged.connect(lambda _uuid: self.refresh())
        context.changed.connect(lambda changes: self.refresh() if changes & self.refresh_on else None)
        context.register_unsaved(self)
        self.refresh()

    # --- unsaved work (ui/unsaved.py): a decision whose reason is typed and not recorded ------------------

    def unsaved_work(self) -> str | None:
        if self._view is None or not self.reason.text().strip():
            return None
        header = self._view.header
        return f"the decision typed for {header.name} ({header.referral_id})"

    def save_unsaved(self) -> bool:
        return self.record_decision()

    def discard_unsaved(self) -> None:
        self.reason.clear()

    # --- showing -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        uuid = self.context.current_referral
        try:
            self._view = risk.risk_view(self.context.store, uuid) if uuid else None
        except risk.RiskError as error:  # erased or merged away since it was chosen
            self._view = None
            self._show(None, str(error))
            return
        self._show(self._view, NO_CASE)

    def _show(self, view: risk.RiskView | None, no_case: str) -> None:
        for widget in self._content:
            widget.setEnabled(view is not None)
        self.flag_list.clear()
        self.history.clear()
        if view is None:
            self.header.setText(no_case)
            self.outcome_now.setText("")
            self.ui.nextAssessment.setText("")
            for model in (self.assessment_model, self.visit_model):
                model.set_rows([])
            return
        header, vocabulary = view.header, self.context.vocabulary
        self.header.setText(header_line(header))
        self.assessment_model.set_rows(view.assessments)
        self.visit_model.set_rows(view.visits)
        self.ui.nextAssessment.setText("The first one is the initial assessment."
                                       if view.next_kind is risk.AssessmentKind.INITIAL
                                       else "The next one is a reassessment; each one is kept.")
        for flag in view.flags:
            item = QListWidgetItem(f"{vocabulary.label('risk_flag', flag.flag)} — since {day(flag.raised_on)}",
                                   self.flag_list)
            item.setData(Qt.ItemDataRole.UserRole, flag.uuid)
        for event in view.history:
            what = vocabulary.short_label("outcome", event.outcome) if event.kind == "decision" else event.kind
            by = f"  ({event.by})" if event.by else ""
            self.history.addItem(f"{day(event.happened_on)}  {what} — {event.reason or ''}{by}")
        self.outcome_now.setText(f"Current decision: {header.status}")
        self.reopen_button.setEnabled(header.can_reopen)  # only a closed case or a declined referral

    # --- actions: each one operation, announced; the pane reloads when it hears of it ---------------------

    def _case(self) -> str | None:
        """The current case's uuid, or None after saying that one must be chosen."""
        if self._view is None:
            QMessageBox.warning(self, "Not recorded", "Choose a referral first.")
            return None
        return self._view.header.uuid

    def record_decision(self) -> bool:
        referral_uuid = self._case()
        if referral_uuid is None or refuse_bad_dates(self, "Not recorded"):
            return False
        outcome, reason, on = self.outcome.currentData(), self.reason.text(), self.decided_on.date()
        if on is None:  # required: refuse_bad_dates has said so
            return False
        if not attempt(self, self.context, Changes.DECISION,
                       lambda store: cases.record_decision(store, referral_uuid, outcome, reason, on)):
            return False
        self.reason.clear()
        return True

    def reopen(self) -> None:
        if self._case() is not None:
            ask_and_reopen(self, self.context)

    def raise_flag(self) -> None:
        referral_uuid, flag = self._case(), self.flag_choice.currentData()
        if referral_uuid is not None:
            attempt(self, self.context, Changes.RISK,
                    lambda store: risk.raise_flag(store, referral_uuid, flag, date.today()))

    def clear_flag(self) -> None:
        item = self.flag_list.currentItem()
        if item is None:
            QMessageBox.warning(self, "Not recorded", "Choose the flag to clear in the list of flags.")
            return
        flag_uuid = item.data(Qt.ItemDataRole.UserRole)
        attempt(self, self.context, Changes.RISK, lambda store: risk.clear_flag(store, flag_uuid, date.today()))

    def new_assessment(self) -> AssessmentDialog | None:
        """Open the form, titled as the service says the next assessment is; Save records it."""
        referral_uuid = self._case()
        if referral_uuid is None or self._view is None:
            return None
        dialog = AssessmentDialog(self._view.next_kind, self)

        def save() -> bool:
            form = dialog.form()  # read now: the call below may run later
            return attempt(dialog, self.context, Changes.RISK,
                           lambda store: risk.add_assessment(store, referral_uuid, form.assessment()))

        dialog.save_with(save)  # refused: the dialog stays open with everything typed
        dialog.open()
        return dialog

    def save_assessment(self, assessment: risk.Assessment) -> bool:
        referral_uuid = self._case()
        return referral_uuid is not None and attempt(
            self, self.context, Changes.RISK, lambda store: risk.add_assessment(store, referral_uuid, assessment))

    def _edit_selected_visit(self) -> None:
        index = self.visit_list.currentIndex()
        if index.isValid():
            self.edit_visit(self.visit_model.row_at(index.row()))

    def edit_visit(self, visit: risk.Visit | None) -> VisitDialog | None:
        if self._case() is None:
            return None
        dialog = VisitDialog(visit, self)
        dialog.save_with(lambda: self.save_visit(dialog.visit(), dialog))
        dialog.open()
        return dialog

    def save_visit(self, visit: risk.Visit, parent: QWidget | None = None) -> bool:
        referral_uuid = self._case()
        return referral_uuid is not None and attempt(
            parent or self, self.context, Changes.RISK, lambda store: risk.save_visit(store, referral_uuid, visit))
