"""The mentor register: every volunteer, and a form to add or edit one (status history kept)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cpm_desktop.services import mentors
from cpm_desktop.services.mentors import MentorForm
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.item_models.table import Column, RowTableModel
from cpm_desktop.ui.panes.referral_editor import (
    UNKNOWN_DATE,
    check_codes,
    checked_codes,
    fill_codes,
    from_qdate,
    to_qdate,
)
from cpm_desktop.ui.widgets.common import save_cancel_buttons


def _date(name: str) -> QDateEdit:
    edit = QDateEdit(objectName=name, calendarPopup=True, displayFormat="dd/MM/yyyy", specialValueText="not yet")
    edit.setMinimumDate(UNKNOWN_DATE)
    edit.setMaximumDate(QDate.currentDate())
    edit.setDate(UNKNOWN_DATE)
    return edit


class MentorDialog(QDialog):
    def __init__(self, context: AppContext, form: MentorForm, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mentorDialog")
        self.setWindowTitle(f"Mentor {form.mentor_id}" if form.uuid else "New mentor")
        self.form = form
        vocabulary = context.vocabulary
        self.first, self.last = QLineEdit(form.first_name), QLineEdit(form.last_name)
        self.phone, self.email = QLineEdit(form.phone), QLineEdit(form.email)
        self.cohort, self.availability = QLineEdit(form.cohort), QLineEdit(form.availability)
        self.combos = {}
        for kind, value in (("gender", form.gender), ("area", form.area), ("mentor_status", form.status),
                            ("left_reason", form.left_reason)):
            combo = QComboBox(objectName=f"{kind}Combo")
            if kind != "mentor_status":
                combo.addItem("", None)
            for code, text in vocabulary.items(kind):
                combo.addItem(text, code)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            self.combos[kind] = combo
        self.status_reason = QLineEdit(form.status_reason, placeholderText="e.g. the reason for a sabbatical")
        self.dates = {name: _date(name) for name in ("date_of_birth", "training_completed_on", "dbs_checked_on",
                                                      "safeguarding_completed_on")}
        for name, edit in self.dates.items():
            edit.setDate(to_qdate(getattr(form, name)))
        self.capacity = QSpinBox(minimum=1, maximum=10, value=form.capacity)
        self.former_client = QCheckBox("&Former client of the scheme", checked=form.former_client)
        self.lived = QListWidget(objectName="livedExperience")
        fill_codes(self.lived, vocabulary.items("lived_experience"))
        check_codes(self.lived, form.lived_experience)
        self.lived.setMaximumHeight(130)
        layout_form = QFormLayout()
        for text, widget in (("&First name", self.first), ("&Last name", self.last),
                             ("&Gender", self.combos["gender"]), ("Date of &birth", self.dates["date_of_birth"]),
                             ("&Phone", self.phone), ("&Email", self.email), ("&Area", self.combos["area"]),
                             ("C&ohort", self.cohort), ("&Training completed", self.dates["training_completed_on"]),
                             ("&DBS checked", self.dates["dbs_checked_on"]),
                             ("Safeguarding &training", self.dates["safeguarding_completed_on"]),
                             ("&Status", self.combos["mentor_status"]), ("Status &reason", self.status_reason),
                             ("Reason for lea&ving", self.combos["left_reason"]),
                             ("&Clients at once", self.capacity), ("A&vailability", self.availability),
                             ("", self.former_client), ("Lived e&xperience", self.lived)):
            layout_form.addRow(text, widget)
        buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(layout_form)
        layout.addWidget(buttons)

    def read(self) -> MentorForm:
        form = self.form
        form.first_name, form.last_name = self.first.text(), self.last.text()
        form.phone, form.email, form.cohort = self.phone.text(), self.email.text(), self.cohort.text()
        form.availability, form.status_reason = self.availability.text(), self.status_reason.text()
        form.gender, form.area = self.combos["gender"].currentData(), self.combos["area"].currentData()
        form.status, form.left_reason = self.combos["mentor_status"].currentData(), self.combos["left_reason"].currentData()
        for name, edit in self.dates.items():
            setattr(form, name, from_qdate(edit.date()))
        form.capacity, form.former_client = self.capacity.value(), self.former_client.isChecked()
        form.lived_experience = checked_codes(self.lived)
        return form


class MentorRegisterDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mentorRegister")
        self.setWindowTitle("Mentors")
        self.context = context
        area = context.vocabulary.label
        self.model = RowTableModel([
            Column("Id", lambda w: w.mentor_id), Column("Name", lambda w: w.name),
            Column("Area", lambda w: area("area", w.area)),
            Column("Days since training", lambda w: "" if w.days is None else str(w.days), lambda w: w.days, True),
        ], self)
        self.table = QTableView(objectName="mentorTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        row = QHBoxLayout()
        for text, slot in (("&New mentor…", self.new_mentor), ("&Edit…", self.edit_selected),
                           ("&Progress check today…", self.progress_check)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.resize(720, 520)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(mentors.mentor_list(self.context.store))

    def _selected(self):
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _edit(self, form: MentorForm) -> None:
        dialog = MentorDialog(self.context, form, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            mentors.save_mentor(self.context.store, dialog.read())
        except mentors.MentorError as error:
            QMessageBox.warning(self, "Mentor not saved", str(error))
            return
        self.context.notify_changed("mentor")
        self.refresh()

    def new_mentor(self) -> None:
        self._edit(MentorForm())

    def edit_selected(self) -> None:
        row = self._selected()
        if row:
            self._edit(mentors.load_mentor(self.context.store, row.mentor_uuid))

    def progress_check(self) -> None:
        row = self._selected()
        if row is None:
            return
        notes, ok = QInputDialog.getText(self, "Progress check", f"What did you and {row.name} talk about?")
        if ok:
            mentors.add_progress_check(self.context.store, row.mentor_uuid, date.today(), notes)
            self.context.notify_changed("mentor")
