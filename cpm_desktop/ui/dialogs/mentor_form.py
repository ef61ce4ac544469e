"""One mentor's register entry (Designer form forms/mentor_form.ui): details, status with dated history,
lived experience, capacity and availability, and progress checks (date, who, notes)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QHeaderView, QMessageBox, QWidget

from cpm_desktop.domain.matching import MentorFacts, why_not_allocatable
from cpm_desktop.services import mentors
from cpm_desktop.services.mentors import MentorForm
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.forms.mentor_form_ui import Ui_MentorFormDialog
from cpm_desktop.ui.item_models.mentors import progress_checks_model, status_history_model
from cpm_desktop.ui.operations import attempt
from cpm_desktop.ui.panes.referral_editor import check_codes, checked_codes, fill_codes
from cpm_desktop.ui.unsaved import KeepsTyping, ask
from cpm_desktop.ui.widgets.common import wire_buttons
from cpm_desktop.ui.widgets.date_entry import DateEntry

REASON_NEEDED = ("sabbatical", "other_organisation")


def _setup_date(edit: DateEntry, value: date | None) -> None:
    edit.setMaximumDate(date.today())
    edit.setDate(value)


class MentorDialog(KeepsTyping):
    """Edit ``form``; the caller saves ``read()`` with services.mentors.save_mentor after Save.

    Progress checks are recorded at once (they are their own records), so the history tab works only for a
    mentor already in the register.
    """

    def __init__(self, context: AppContext, form: MentorForm, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_MentorFormDialog()
        self.ui.setupUi(self)
        self.setObjectName("mentorDialog")
        self.setWindowTitle(f"Mentor {form.mentor_id}" if form.uuid else "New mentor")
        self.context, self.form = context, form
        ui, vocabulary = self.ui, context.vocabulary
        # Short names the callers (and tests) use.
        self.first, self.last = ui.firstNameEdit, ui.lastNameEdit
        wire_buttons(self, ui.buttonBox, save_text="Save")  # every letter of Save is a field's: Ctrl+Enter
        self.combos = {"gender": ui.genderCombo, "area": ui.areaCombo, "mentor_status": ui.statusCombo,
                       "left_reason": ui.leftReasonCombo}
        for kind, combo in self.combos.items():
            if kind != "mentor_status":
                combo.addItem("", None)
            for code, text in vocabulary.items(kind):
                combo.addItem(text, code)
        fill_codes(ui.otherAreasList, vocabulary.items("area"))
        fill_codes(ui.livedExperienceList, vocabulary.items("lived_experience"))
        self.dates = {"date_of_birth": ui.dateOfBirthEdit, "training_completed_on": ui.trainingEdit,
                      "dbs_checked_on": ui.dbsEdit, "safeguarding_completed_on": ui.safeguardingEdit}
        self.history_model = status_history_model(vocabulary, self)
        self.checks_model = progress_checks_model(self)
        for view, model in ((ui.statusHistoryView, self.history_model), (ui.progressChecksView, self.checks_model)):
            view.setModel(model)
            view.verticalHeader().setVisible(False)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
        self._original_status = form.status if form.uuid else None
        self._clients_now = next((row.open_allocations for row in mentors.mentor_list(context.store)
                                  if row.mentor_uuid == form.uuid), 0) if form.uuid else 0
        self._fill(form)
        ui.statusCombo.currentIndexChanged.connect(self._status_changed)
        ui.dbsEdit.dateChanged.connect(self._show_eligibility)
        ui.safeguardingEdit.dateChanged.connect(self._show_eligibility)
        ui.capacitySpin.valueChanged.connect(self._show_eligibility)
        ui.addCheckButton.clicked.connect(self.add_progress_check)
        self.resize(900, 600)

    def _fill(self, form: MentorForm) -> None:
        ui = self.ui
        ui.firstNameEdit.setText(form.first_name)
        ui.lastNameEdit.setText(form.last_name)
        ui.phoneEdit.setText(form.phone)
        ui.emailEdit.setText(form.email)
        ui.cohortEdit.setText(form.cohort)
        ui.availabilityEdit.setText(form.availability)
        ui.statusReasonEdit.setText(form.status_reason)
        for kind, value in (("gender", form.gender), ("area", form.area), ("mentor_status", form.status),
                            ("left_reason", form.left_reason)):
            self.combos[kind].setCurrentIndex(max(0, self.combos[kind].findData(value)))
        for name, edit in self.dates.items():
            _setup_date(edit, getattr(form, name))
        history = mentors.status_history(self.context.store, form.uuid) if form.uuid else []
        self._status_since = history[0].changed_on if history else None
        _setup_date(ui.statusSinceEdit, self._status_since or date.today())
        _setup_date(ui.checkDateEdit, date.today())
        ui.checkDateEdit.checked_on_save = False  # recorded by its own button, not by Save
        ui.checkByEdit.setText(self.context.store.actor or "")
        ui.capacitySpin.setValue(form.capacity)
        ui.formerClientCheck.setChecked(form.former_client)
        check_codes(ui.otherAreasList, form.other_areas)
        check_codes(ui.livedExperienceList, form.lived_experience)
        ui.tabs.setTabEnabled(1, form.uuid is not None)
        self._status_changed()
        self.refresh_history()

    def _status_changed(self) -> None:
        ui = self.ui
        status = ui.statusCombo.currentData()
        changed = status != self._original_status
        ui.statusSinceEdit.setEnabled(changed)
        if self._status_since is not None:  # the current status's date, or today for a new one
            ui.statusSinceEdit.setDate(date.today() if changed else self._status_since)
        if changed and self.form.status_reason and ui.statusReasonEdit.text() == self.form.status_reason:
            ui.statusReasonEdit.clear()  # the reason for the old status is not the reason for the new one
        elif not changed and not ui.statusReasonEdit.text():
            ui.statusReasonEdit.setText(self.form.status_reason)
        ui.leftReasonCombo.setEnabled(status == "left")
        ui.statusReasonEdit.setEnabled(status != "active" or bool(ui.statusReasonEdit.text()))
        ui.statusReasonEdit.setPlaceholderText(
            "the reason for the sabbatical" if status == "sabbatical"
            else "the organisation trained for" if status == "other_organisation" else "")
        self._show_eligibility()

    def _show_eligibility(self) -> None:
        problem = self.read_eligibility()
        self.ui.eligibilityLabel.setText("May be allocated." if not problem else f"Cannot be allocated: {problem}")

    def read_eligibility(self) -> str | None:
        return why_not_allocatable(MentorFacts(self.ui.statusCombo.currentData(), self.ui.dbsEdit.date(),
                                               self.ui.safeguardingEdit.date(), self._clients_now,
                                               self.ui.capacitySpin.value()))

    def refresh_history(self) -> None:
        if self.form.uuid is None:
            return
        store = self.context.store
        self.history_model.set_rows(mentors.status_history(store, self.form.uuid))
        self.checks_model.set_rows(mentors.progress_checks(store, self.form.uuid))

    def add_progress_check(self) -> None:
        ui = self.ui
        checked_on = ui.checkDateEdit.date()
        if checked_on is None:
            QMessageBox.warning(self, "Not recorded",
                                f"Date: {ui.checkDateEdit.problem() or 'Give the date of the progress check.'}")
            return
        mentor_uuid, notes, by = self.form.uuid, ui.checkNotesEdit.toPlainText(), ui.checkByEdit.text()
        if mentor_uuid is None:  # the history tab is off until the mentor is saved; said in case it is reached
            QMessageBox.warning(self, "Not recorded", "Save the mentor first: a progress check belongs to a mentor "
                                "in the register.")
            return
        if not attempt(self, self.context, Changes.MENTOR,
                       lambda store: mentors.add_progress_check(store, mentor_uuid, checked_on, notes, by)):
            return
        ui.checkNotesEdit.clear()
        self.refresh_history()

    def accept(self) -> None:
        """Saving the mentor with a progress check typed and not added asks about the check first."""
        if self.form.uuid and self.ui.checkNotesEdit.toPlainText().strip():
            answer = ask(self, self.windowTitle(), "The progress check you typed is not added yet. Add it?")
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                self.add_progress_check()
                if self.ui.checkNotesEdit.toPlainText().strip():  # not recorded (said why): stay
                    return
        super().accept()

    def read(self) -> MentorForm:
        ui, form = self.ui, self.form
        form.first_name, form.last_name = ui.firstNameEdit.text(), ui.lastNameEdit.text()
        form.phone, form.email, form.cohort = ui.phoneEdit.text(), ui.emailEdit.text(), ui.cohortEdit.text()
        form.availability, form.status_reason = ui.availabilityEdit.text(), ui.statusReasonEdit.text()
        form.gender, form.area = ui.genderCombo.currentData(), ui.areaCombo.currentData()
        form.status, form.left_reason = ui.statusCombo.currentData(), ui.leftReasonCombo.currentData()
        for name, edit in self.dates.items():
            setattr(form, name, edit.date())
        form.status_changed_on = ui.statusSinceEdit.date() if form.status != self._original_status else None
        form.capacity, form.former_client = ui.capacitySpin.value(), ui.formerClientCheck.isChecked()
        form.other_areas = checked_codes(ui.otherAreasList)
        form.lived_experience = checked_codes(ui.livedExperienceList)
        return form


def edit_mentor(context: AppContext, form: MentorForm, parent: QWidget | None = None,
                saved: Callable[[MentorForm], None] | None = None) -> MentorDialog:
    """Open the form (window-modal); Save records it, a refusal keeps what was typed, and ``saved(form)`` hears
    of the mentor as saved."""
    dialog = MentorDialog(context, form, parent)
    result: list[MentorForm] = []

    def save() -> bool:
        typed = dialog.read()
        return attempt(dialog, context, Changes.MENTOR, lambda store: result.append(mentors.save_mentor(store, typed)),
                       title="Mentor not saved")

    dialog.save_with(save)
    if saved is not None:
        dialog.accepted.connect(lambda: saved(result[-1]))
    dialog.open()
    return dialog
