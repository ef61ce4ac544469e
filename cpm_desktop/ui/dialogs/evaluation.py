"""Reports ▸ Evaluation summary: choose the period and area, write page one's paragraph, generate off the GUI
thread, preview."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from cpm_desktop.domain.dates import financial_year_bounds, financial_year_label
from cpm_desktop.domain.evaluation import EvaluationParameters, period_problem
from cpm_desktop.services.reports import evaluation_note, evaluation_pdf, note_key, save_evaluation_note
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog
from cpm_desktop.ui.widgets.common import accept_on_ctrl_enter, refuse_bad_dates
from cpm_desktop.ui.widgets.date_entry import DateEntry
from cpm_desktop.ui.workers import BackgroundTask, Cancelled


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
        self.date_from = DateEntry(objectName="dateFrom", required=True)
        self.date_to = DateEntry(objectName="dateTo", required=True)
        self.as_of = DateEntry(objectName="asOf", value=self.today, required=True)
        self.area = QComboBox(objectName="areaChoice")
        self.area.addItem("All areas", None)
        for code, text in context.vocabulary.items("area"):
            self.area.addItem(text, code)
        self.cost = QDoubleSpinBox(objectName="costPerHour", prefix="£", maximum=1000, value=25.0, decimals=2)
        self.hours = QDoubleSpinBox(objectName="hoursPerCall", maximum=100, value=1.0, decimals=2, singleStep=0.25)
        self.note = QPlainTextEdit(objectName="leadNote")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText("Your own words for page one, kept for this period and area. "
                                     "Leave empty to print none.")
        self.note.setMinimumHeight(90)
        self.setMinimumWidth(560)  # room to write the paragraph; fits a 1280×720 screen
        self.note_hint = QLabel(objectName="leadNoteHint")
        self.note_hint.setWordWrap(True)
        form = QFormLayout()
        for text, widget in (("&Period", self.preset), ("&From", self.date_from), ("&To", self.date_to),
                             ("&As at", self.as_of), ("A&rea", self.area), ("&Cost of a police staff hour", self.cost),
                             ("&Hours per call to the police", self.hours), ("Paragraph for page &one", self.note)):
            form.addRow(text, widget)
        form.addRow("", self.note_hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        generate = buttons.button(QDialogButtonBox.StandardButton.Ok)
        generate.setText("&Generate")
        accept_on_ctrl_enter(self, generate)
        self.save_note_button = buttons.addButton("Sa&ve paragraph", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_note_button.clicked.connect(self.save_note)
        buttons.accepted.connect(self.generate)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._note_key: str | None = None
        self._note_loaded = ""
        self.preset.currentIndexChanged.connect(self._apply_preset)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._period_changed)
        self.area.currentIndexChanged.connect(self._period_changed)
        self.note.textChanged.connect(self._show_note_state)
        self._apply_preset()
        self.preview: PdfPreviewDialog | None = None

    # --- the period ------------------------------------------------------------------------------------

    def _apply_preset(self) -> None:
        choice = self.preset.currentText()
        custom = choice == "Chosen dates"
        if choice in ("This financial year", "Last financial year"):
            start, end = financial_year_bounds(self.today, 0 if choice.startswith("This") else 1)
            self.date_from.setDate(start)
            self.date_to.setDate(end)
            # A finished year is seen as on its last day; the year under way, as today.
            self.as_of.setDate(min(end, self.today))
        elif choice == "All time":
            self.as_of.setDate(self.today)
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        self._period_changed()

    def parameters(self) -> EvaluationParameters:
        all_time = self.preset.currentText() == "All time"
        return EvaluationParameters(
            date_from=None if all_time else self.date_from.date(),
            date_to=None if all_time else self.date_to.date(),
            as_of=self.as_of.date(), cost_per_hour=self.cost.value(), hours_per_call=self.hours.value(),
            area=self.area.currentData())

    # --- the lead's paragraph --------------------------------------------------------------------------

    def note_changed(self) -> bool:
        """True when the paragraph differs from the one kept for the period it was loaded for."""
        return self.note.toPlainText().strip() != self._note_loaded

    def _period_changed(self) -> None:
        """Show the paragraph kept for the new period and area. Words typed and not yet saved stay in the
        box (they are never thrown away by a change of dates); they are saved for the period shown when
        Generate or Save paragraph is pressed."""
        key = note_key(self.parameters())
        if key == self._note_key:
            return
        unsaved = self.note_changed() if self._note_key is not None else False
        self._note_key = key
        self._note_loaded = evaluation_note(self.context.store, self.parameters())
        if not unsaved:
            self.note.setPlainText(self._note_loaded)
        self._show_note_state()

    def _show_note_state(self) -> None:
        if self.note_changed():
            text = "Not saved yet: Generate or Save paragraph keeps it for this period and area."
        elif self._note_loaded:
            text = "Kept for this period and area; printed on page one."
        else:
            text = "No paragraph for this period and area: page one has the figures only."
        self.note_hint.setText(text)

    def save_note(self) -> None:
        if refuse_bad_dates(self, "Evaluation summary"):
            return
        params = self.parameters()
        if problem := period_problem(params):
            QMessageBox.warning(self, "Evaluation summary", problem)
            return
        save_evaluation_note(self.context.store, params, self.note.toPlainText())
        self._note_key = note_key(params)
        self._note_loaded = evaluation_note(self.context.store, params)
        self._show_note_state()

    def reject(self) -> None:
        if self.note_changed():
            answer = QMessageBox.question(
                self, "Evaluation summary", "Keep the paragraph you wrote for page one?",
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                self.save_note()
                if self.note_changed():  # the period could not be used: stay
                    return
        super().reject()

    # --- generating ------------------------------------------------------------------------------------

    def generate(self) -> None:
        if refuse_bad_dates(self, "Evaluation summary"):
            return
        params = self.parameters()
        if problem := period_problem(params):
            QMessageBox.warning(self, "Evaluation summary", problem)
            return
        self.save_note()
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
