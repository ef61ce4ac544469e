"""Reports ▸ Evaluation summary (Designer form forms/evaluation.ui): choose the period and area, write page
one's paragraph, generate off the GUI thread, preview."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget

from cpm_desktop.domain.dates import financial_year_bounds, financial_year_label
from cpm_desktop.domain.evaluation import EvaluationParameters, period_problem
from cpm_desktop.services.reports import evaluation_note, evaluation_pdf, note_key, save_evaluation_note
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog
from cpm_desktop.ui.forms.evaluation_ui import Ui_EvaluationDialog
from cpm_desktop.ui.operations import attempt, perform_in_background
from cpm_desktop.ui.widgets.common import accept_on_ctrl_enter, refuse_bad_dates
from cpm_desktop.ui.workers import BackgroundTask, Cancelled

TITLE = "Evaluation summary"


class EvaluationDialog(QDialog):
    PRESETS = ("This financial year", "Last financial year", "All time", "Chosen dates")

    def __init__(self, context: AppContext, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.ui = ui = Ui_EvaluationDialog()
        ui.setupUi(self)
        self.context = context
        self.today = today or date.today()
        # Short names the callers (and tests) use.
        self.preset, self.area, self.note, self.note_hint = ui.periodPreset, ui.areaChoice, ui.leadNote, ui.leadNoteHint
        self.date_from, self.date_to, self.as_of = ui.dateFrom, ui.dateTo, ui.asOf
        self.cost, self.hours = ui.costPerHour, ui.hoursPerCall
        self.preset.addItems(self.PRESETS)
        for entry in (self.date_from, self.date_to, self.as_of):
            entry.required = True
        self.as_of.setDate(self.today)
        self.area.addItem("All areas", None)
        for code, text in context.vocabulary.items("area"):
            self.area.addItem(text, code)
        generate = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        generate.setText("&Generate")
        accept_on_ctrl_enter(self, generate)
        self.save_note_button = ui.buttonBox.addButton("Sa&ve paragraph", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_note_button.clicked.connect(self.save_note)
        ui.buttonBox.accepted.connect(self.generate)
        ui.buttonBox.rejected.connect(self.reject)
        self._note_key: str | None = None
        self._note_loaded = ""
        self.preset.currentIndexChanged.connect(self._apply_preset)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._period_changed)
        self.area.currentIndexChanged.connect(self._period_changed)
        self.note.textChanged.connect(self._show_note_state)
        self._apply_preset()
        self.preview: PdfPreviewDialog | None = None
        self.task: BackgroundTask | None = None

    # --- the period ------------------------------------------------------------------------------------

    def _apply_preset(self) -> None:
        choice = self.preset.currentText()
        custom = choice == "Chosen dates"
        # Both dates change together: the paragraph is read once for the new period, not once per date.
        if choice in ("This financial year", "Last financial year"):
            start, end = financial_year_bounds(self.today, 0 if choice.startswith("This") else 1)
            with QSignalBlocker(self.date_from), QSignalBlocker(self.date_to):
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

    def _usable_period(self) -> EvaluationParameters | None:
        """The period chosen, or None having said why it cannot be used."""
        if refuse_bad_dates(self, TITLE):
            return None
        params = self.parameters()
        if problem := period_problem(params):
            QMessageBox.warning(self, TITLE, problem)
            return None
        return params

    def save_note(self) -> bool:
        """Keep the paragraph for the period shown; False (having said why) when it could not be kept."""
        params = self._usable_period()
        if params is None:
            return False
        if not self.note_changed():
            return True  # kept already
        text = self.note.toPlainText()
        if not attempt(self, self.context, Changes.SETTINGS,
                       lambda store: save_evaluation_note(store, params, text), title=TITLE):
            return False
        self._note_key = note_key(params)
        self._note_loaded = text.strip()  # as save_evaluation_note keeps it
        self._show_note_state()
        return True

    def reject(self) -> None:
        if self.note_changed():
            answer = QMessageBox.question(
                self, TITLE, "Keep the paragraph you wrote for page one?",
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.save_note():
                return  # the period could not be used: stay, with the paragraph
        super().reject()

    # --- generating ------------------------------------------------------------------------------------

    def generate(self) -> None:
        params = self._usable_period()
        if params is None or not self.save_note():
            return
        self.task = perform_in_background(
            self.context, self, "Preparing the evaluation summary",
            lambda store, progress: evaluation_pdf(store, params, progress), Changes.NONE,
            done=lambda pdf: self._show(pdf, params), failed=self._failed)

    def _show(self, pdf: bytes, params: EvaluationParameters) -> None:
        year = financial_year_label(params.date_from) if params.date_from else "all-time"
        self.preview = PdfPreviewDialog(TITLE, pdf, f"evaluation-summary-{year}.pdf", self)
        self.preview.show()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, Cancelled):
            QMessageBox.warning(self, TITLE, "The summary could not be made; the details are in the log.")
