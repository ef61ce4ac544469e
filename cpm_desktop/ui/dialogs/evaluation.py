"""Reports ▸ Evaluation summary: choose the period and area, generate off the GUI thread, preview."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from cpm_desktop.domain.dates import financial_year_bounds, financial_year_label
from cpm_desktop.domain.evaluation import EvaluationParameters, period_problem
from cpm_desktop.services.reports import evaluation_pdf
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog
from cpm_desktop.ui.panes.referral_editor import from_qdate
from cpm_desktop.ui.workers import BackgroundTask, Cancelled


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class EvaluationDialog(QDialog):
    PRESETS = ("This financial year", "Last financial year", "All time", "Chosen dates")

    def __init__(self, context: AppContext, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.setObjectName("evaluationDialog")
        self.setWindowTitle("Evaluation summary")
        self.context = context
        self.today = today or date.today()
        self.preset = QComboBox(objectName="periodPreset")
        self.preset.addItems(self.PRESETS)
        self.date_from = QDateEdit(objectName="dateFrom", calendarPopup=True, displayFormat="dd/MM/yyyy")
        self.date_to = QDateEdit(objectName="dateTo", calendarPopup=True, displayFormat="dd/MM/yyyy")
        self.as_of = QDateEdit(_qdate(self.today), objectName="asOf", calendarPopup=True, displayFormat="dd/MM/yyyy")
        self.area = QComboBox(objectName="areaChoice")
        self.area.addItem("All areas", None)
        for code, text in context.vocabulary.items("area"):
            self.area.addItem(text, code)
        self.cost = QDoubleSpinBox(objectName="costPerHour", prefix="£", maximum=1000, value=25.0, decimals=2)
        self.hours = QDoubleSpinBox(objectName="hoursPerCall", maximum=100, value=1.0, decimals=2, singleStep=0.25)
        form = QFormLayout()
        for text, widget in (("&Period", self.preset), ("&From", self.date_from), ("&To", self.date_to),
                             ("&As at", self.as_of), ("A&rea", self.area), ("&Cost of a police staff hour", self.cost),
                             ("&Hours per call to the police", self.hours)):
            form.addRow(text, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Generate")
        buttons.accepted.connect(self.generate)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.preset.currentIndexChanged.connect(self._apply_preset)
        self._apply_preset()
        self.preview: PdfPreviewDialog | None = None

    def _apply_preset(self) -> None:
        choice = self.preset.currentText()
        custom = choice == "Chosen dates"
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(custom or choice != "All time")
        if choice in ("This financial year", "Last financial year"):
            start, end = financial_year_bounds(self.today, 0 if choice.startswith("This") else 1)
            self.date_from.setDate(_qdate(start))
            self.date_to.setDate(_qdate(end))
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)

    def parameters(self) -> EvaluationParameters:
        all_time = self.preset.currentText() == "All time"
        return EvaluationParameters(
            date_from=None if all_time else from_qdate(self.date_from.date()),
            date_to=None if all_time else from_qdate(self.date_to.date()),
            as_of=from_qdate(self.as_of.date()), cost_per_hour=self.cost.value(), hours_per_call=self.hours.value(),
            area=self.area.currentData())

    def generate(self) -> None:
        params = self.parameters()
        if problem := period_problem(params):
            QMessageBox.warning(self, "Evaluation summary", problem)
            return
        store = self.context.store
        self.task = BackgroundTask("Preparing the evaluation summary",
                                   lambda progress: evaluation_pdf(store, params, progress), self)
        self.task.finished.connect(lambda pdf: self._show(pdf, params))
        self.task.failed.connect(self._failed)
        self.task.start()

    def _show(self, pdf: bytes, params: EvaluationParameters) -> None:
        year = financial_year_label(params.date_from) if params.date_from else "all-time"
        self.preview = PdfPreviewDialog("Evaluation summary", pdf, f"evaluation-summary-{year}.pdf", self)
        self.preview.show()

    def _failed(self, error: object) -> None:
        if not isinstance(error, Cancelled):
            QMessageBox.warning(self, "Evaluation summary",
                                "The summary could not be made; the details are in the log.")
