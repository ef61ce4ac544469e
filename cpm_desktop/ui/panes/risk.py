"""The Risk-assessment pane for the current referral: assessments, flags, home visits and the decision."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cpm_desktop.services import cases, referrals, risk
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.item_models.table import Column, RowTableModel, day
from cpm_desktop.ui.operations import attempt
from cpm_desktop.ui.unsaved import KeepsTyping
from cpm_desktop.ui.widgets.common import ask_and_reopen, refuse_bad_dates, save_cancel_buttons
from cpm_desktop.ui.widgets.date_entry import DateEntry

YES_NO = (("not known", None), ("yes", True), ("no", False))


def _date_edit(name: str, value: date | None = None) -> DateEntry:
    return DateEntry(objectName=name, value=value or date.today(), required=True, latest=date.today())


def _yes_no(value: bool | None) -> str:
    return {True: "yes", False: "no", None: "?"}[value]


class AssessmentDialog(KeepsTyping):
    """A new assessment or reassessment, with the checks made and the professionals consulted."""

    def __init__(self, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Initial risk assessment" if kind == "initial" else "Reassessment")
        self.kind = kind
        self.assessed_on = _date_edit("assessedOn")
        self.danger = QComboBox(objectName="dangerCombo")
        for text in ("not assessed", *risk.DANGER_LEVELS):
            self.danger.addItem(text, None if text == "not assessed" else text)
        self.answers = {}
        form = QFormLayout()
        form.addRow("Assessed &on", self.assessed_on)
        form.addRow("&Danger to staff or volunteers", self.danger)
        for key, text in (("will", "&Will to change"), ("want", "W&ant to change"),
                          ("capacity", "&Capacity to change")):
            combo = QComboBox(objectName=f"{key}Combo")
            for label, value in YES_NO:
                combo.addItem(label, value)
            self.answers[key] = combo
            form.addRow(text, combo)
        self.checks = QPlainTextEdit(objectName="checksEdit", tabChangesFocus=True,
                                     placeholderText="One per line: system checked; findings")
        self.professionals = QPlainTextEdit(objectName="professionalsEdit", tabChangesFocus=True,
                                            placeholderText="One per line: name; organisation; what they advised")
        self.notes = QPlainTextEdit(objectName="assessmentNotes", tabChangesFocus=True)
        form.addRow("C&hecks made", self.checks)
        form.addRow("&Professionals consulted", self.professionals)
        form.addRow("&Notes", self.notes)
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label and field:
                label.widget().setBuddy(field.widget())
        buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def assessment(self) -> risk.Assessment:
        on = self.assessed_on.date() or date.today()
        checks = []
        for line in self.checks.toPlainText().splitlines():
            source, _, findings = line.partition(";")
            if source.strip():
                checks.append(risk.Check(source.strip(), on, findings.strip()))
        people = []
        for line in self.professionals.toPlainText().splitlines():
            parts = [part.strip() for part in line.split(";")] + ["", ""]
            if parts[0]:
                people.append(risk.Professional(parts[0], parts[1], "; ".join(p for p in parts[2:] if p), on))
        return risk.Assessment(
            on, self.kind, self.danger.currentData(), self.answers["will"].currentData(),
            self.answers["want"].currentData(), self.answers["capacity"].currentData(),
            self.notes.toPlainText(), tuple(checks), tuple(people))


class VisitDialog(KeepsTyping):
    def __init__(self, visit: risk.Visit | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Home visit")
        self.uuid = visit.uuid if visit else ""
        self.visit_on = _date_edit("visitOn", visit.visit_on if visit else None)
        self.visit_on.setMaximumDate(None)  # a visit may be planned
        self.status = QComboBox(objectName="visitStatus")
        self.status.addItems(list(risk.VISIT_STATUSES))
        self.status.setCurrentText(visit.status if visit else "planned")
        self.visitors = QLineEdit(visit.visitors if visit else "", objectName="visitors")
        self.joint = QCheckBox("&Joint with the referrer", objectName="jointCheck")
        self.joint.setChecked(bool(visit and visit.joint_with_referrer))
        self.notes = QPlainTextEdit(visit.notes if visit else "", objectName="visitNotes", tabChangesFocus=True)
        form = QFormLayout()
        for text, widget in (("&Date", self.visit_on), ("S&tatus", self.status), ("&Who went", self.visitors),
                             ("", self.joint), ("&Notes", self.notes)):
            form.addRow(text, widget)
        buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def visit(self) -> risk.Visit:
        return risk.Visit(self.visit_on.date() or date.today(), self.status.currentText(),
                          self.visitors.text(), self.joint.isChecked(), self.notes.toPlainText(), self.uuid)


def _table(name: str, model: RowTableModel) -> QTableView:
    view = QTableView(objectName=name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setMinimumHeight(110)
    return view


class RiskPane(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("riskPane")
        label = context.vocabulary.label
        self.header = QLabel("Choose a referral in the Referrals pane.", objectName="riskCaseHeader")
        self.header.setStyleSheet("font-size: 15px; font-weight: 600;")

        # The decision
        self.outcome_now = QLabel(objectName="currentOutcome", wordWrap=True)
        self.outcome = QComboBox(objectName="decisionOutcome")
        for code, text in context.vocabulary.short_items("outcome"):
            self.outcome.addItem(text, code)
        self.reason = QLineEdit(objectName="decisionReason", placeholderText="Why — required")
        self.decided_on = _date_edit("decisionDate")
        self.decide_button = QPushButton("Record &decision", objectName="recordDecisionButton")
        self.reopen_button = QPushButton("Re-&open case…", objectName="reopenButton")
        self.history = QListWidget(objectName="decisionHistory")
        self.history.setMaximumHeight(100)
        decision = QGroupBox("Decision")
        grid = QGridLayout(decision)
        grid.addWidget(self.outcome_now, 0, 0, 1, 4)
        for column, (text, widget) in enumerate((("O&utcome", self.outcome), ("Reaso&n", self.reason),
                                                 ("Da&te", self.decided_on))):
            caption = QLabel(text)
            caption.setBuddy(widget)
            grid.addWidget(caption, 1, column)
            grid.addWidget(widget, 2, column)
        grid.addWidget(self.decide_button, 2, 3)
        grid.addWidget(self.history, 3, 0, 1, 3)
        grid.addWidget(self.reopen_button, 3, 3, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 2)

        # Flags
        self.flag_list = QListWidget(objectName="flagList")
        self.flag_list.setMaximumHeight(80)
        self.flag_choice = QComboBox(objectName="flagChoice")
        for code, text in context.vocabulary.items("risk_flag"):
            self.flag_choice.addItem(text, code)
        self.raise_flag_button = QPushButton("Ra&ise flag", objectName="raiseFlagButton")
        self.clear_flag_button = QPushButton("Cl&ear flag", objectName="clearFlagButton")
        flags = QGroupBox("Risk flags that follow the case")
        flag_layout = QHBoxLayout(flags)
        flag_layout.addWidget(self.flag_list, 2)
        side = QVBoxLayout()
        for widget in (self.flag_choice, self.raise_flag_button, self.clear_flag_button):
            side.addWidget(widget)
        side.addStretch()
        flag_layout.addLayout(side, 1)

        # Assessments and visits, kept as history
        self.assessment_model = RowTableModel([
            Column("Date", lambda a: day(a.assessed_on), lambda a: a.assessed_on),
            Column("Kind", lambda a: a.kind),
            Column("Danger", lambda a: a.danger_to_staff or "?"),
            Column("Will / want / capacity", lambda a: " / ".join(
                _yes_no(v) for v in (a.will_to_change, a.want_to_change, a.capacity_to_change))),
            Column("Checks", lambda a: "; ".join(f"{c.source}: {c.findings}" for c in a.checks)),
            Column("Professionals", lambda a: "; ".join(f"{p.name} ({p.organisation})" for p in a.professionals)),
            Column("By", lambda a: a.assessed_by),
            Column("Notes", lambda a: a.notes.replace("\n", " "), tooltip=lambda a: a.notes),
        ], self)
        self.assessment_list = _table("assessmentList", self.assessment_model)
        self.new_assessment_button = QPushButton("New &assessment…", objectName="newAssessmentButton")
        self.visit_model = RowTableModel([
            Column("Date", lambda v: day(v.visit_on), lambda v: v.visit_on),
            Column("Status", lambda v: v.status),
            Column("Who went", lambda v: v.visitors),
            Column("Joint with referrer", lambda v: "yes" if v.joint_with_referrer else "no"),
            Column("Notes", lambda v: v.notes.replace("\n", " "), tooltip=lambda v: v.notes),
        ], self)
        self.visit_list = _table("visitList", self.visit_model)
        self.new_visit_button = QPushButton("Plan or record a &visit…", objectName="newVisitButton")
        self.edit_visit_button = QPushButton("U&pdate the selected visit…", objectName="editVisitButton")

        assessments = QGroupBox("Assessments (newest first)")
        a_layout = QVBoxLayout(assessments)
        a_layout.addWidget(self.assessment_list)
        a_layout.addWidget(self.new_assessment_button, alignment=Qt.AlignmentFlag.AlignLeft)
        visits_box = QGroupBox("Home visits")
        v_layout = QVBoxLayout(visits_box)
        v_layout.addWidget(self.visit_list)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_visit_button)
        buttons.addWidget(self.edit_visit_button)
        buttons.addStretch()
        v_layout.addLayout(buttons)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        for widget in (self.header, decision, flags, assessments, visits_box):
            body_layout.addWidget(widget)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._content = [decision, flags, assessments, visits_box]

        self.decide_button.clicked.connect(self.record_decision)
        self.reason.returnPressed.connect(self.record_decision)
        self.reopen_button.clicked.connect(self.reopen)
        self.raise_flag_button.clicked.connect(self.raise_flag)
        self.clear_flag_button.clicked.connect(self.clear_flag)
        self.new_assessment_button.clicked.connect(self.new_assessment)
        self.new_visit_button.clicked.connect(lambda: self.edit_visit(None))
        self.edit_visit_button.clicked.connect(self._edit_selected_visit)
        context.currentReferralChanged.connect(lambda _uuid: self.refresh())
        context.register_unsaved(self)
        self._label = label
        self.refresh()

    # --- unsaved work (ui/unsaved.py): a decision whose reason is typed and not recorded ------------------

    def unsaved_work(self) -> str | None:
        if self.context.current_referral is None or not self.reason.text().strip():
            return None
        header = referrals.case_header(self.context.store, self.context.current_referral)
        return f"the decision typed for {header.name} ({header.referral_id})" if header else None

    def save_unsaved(self) -> bool:
        return self.record_decision()

    def discard_unsaved(self) -> None:
        self.reason.clear()

    # --- showing -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        uuid = self.context.current_referral
        header = referrals.case_header(self.context.store, uuid) if uuid else None
        for widget in self._content:
            widget.setEnabled(header is not None)
        if header is None:
            self.header.setText("Choose a referral in the Referrals pane.")
            for model in (self.assessment_model, self.visit_model):
                model.set_rows([])
            self.flag_list.clear()
            self.history.clear()
            return
        self.header.setText(f"{header.name} — {header.referral_id} — {header.status}")
        self.assessment_model.set_rows(risk.assessments(self.context.store, uuid))
        self.visit_model.set_rows(risk.visits(self.context.store, uuid))
        self.flag_list.clear()
        for flag in risk.flags(self.context.store, uuid):
            item = QListWidgetItem(f"{self._label('risk_flag', flag.flag)} — since {day(flag.raised_on)}",
                                   self.flag_list)
            item.setData(Qt.ItemDataRole.UserRole, flag.uuid)
        self.history.clear()
        events = cases.case_history(self.context.store, uuid)
        for event in events:
            what = (self.context.vocabulary.short_label("outcome", event.outcome) if event.kind == "decision"
                    else event.kind)
            by = f"  ({event.by})" if event.by else ""
            self.history.addItem(f"{day(event.happened_on)}  {what} — {event.reason or ''}{by}")
        self.outcome_now.setText(f"Current decision: {header.status}")
        self.reopen_button.setEnabled(header.can_reopen)  # only a closed case or a declined referral

    # --- actions -----------------------------------------------------------------------------------

    def _warn(self, error: Exception) -> None:
        QMessageBox.warning(self, "Not recorded", str(error))

    def record_decision(self) -> bool:
        if refuse_bad_dates(self, "Not recorded"):
            return False
        referral_uuid, outcome, reason, on = (self.context.current_referral, self.outcome.currentData(),
                                              self.reason.text(), self.decided_on.date())
        if not attempt(self, self.context, Changes.DECISION,
                       lambda store: cases.record_decision(store, referral_uuid, outcome, reason, on)):
            return False
        self.reason.clear()
        self.refresh()
        return True

    def reopen(self) -> None:
        if ask_and_reopen(self, self.context):
            self.refresh()

    def raise_flag(self) -> None:
        try:
            risk.raise_flag(self.context.store, self.context.current_referral, self.flag_choice.currentData(),
                            date.today())
        except risk.RiskError as error:
            self._warn(error)
        self.refresh()

    def clear_flag(self) -> None:
        item = self.flag_list.currentItem()
        if item is not None:
            risk.clear_flag(self.context.store, item.data(Qt.ItemDataRole.UserRole), date.today())
            self.refresh()

    def new_assessment(self) -> None:
        kind = "reassessment" if self.assessment_model.rows else "initial"
        dialog = AssessmentDialog(kind, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.save_assessment(dialog.assessment())

    def save_assessment(self, assessment: risk.Assessment) -> None:
        try:
            risk.add_assessment(self.context.store, self.context.current_referral, assessment)
        except risk.RiskError as error:
            self._warn(error)
        self.refresh()

    def _edit_selected_visit(self) -> None:
        index = self.visit_list.currentIndex()
        if index.isValid():
            self.edit_visit(self.visit_model.row_at(index.row()))

    def edit_visit(self, visit: risk.Visit | None) -> None:
        dialog = VisitDialog(visit, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save_visit(dialog.visit())

    def save_visit(self, visit: risk.Visit) -> None:
        try:
            risk.save_visit(self.context.store, self.context.current_referral, visit)
        except risk.RiskError as error:
            self._warn(error)
        self.refresh()
