"""The mentor register: every volunteer, searchable, with their status, load, last progress check and whether
they may be allocated; new and edited mentors go through the mentor form (dialogs/mentor_form.py)."""
from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cpm_desktop.services import mentors
from cpm_desktop.services.mentors import MentorForm, MentorRow
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.dialogs.mentor_form import edit_mentor
from cpm_desktop.ui.item_models.mentors import mentor_register_model
from cpm_desktop.ui.item_models.table import ROW_ROLE


class MentorRegisterPane(QWidget):
    """``mentorSaved(uuid)`` after a mentor is added or edited."""

    mentorSaved = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mentorRegisterPane")
        self.context = context
        self.model = mentor_register_model(context.vocabulary, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.search = QLineEdit(objectName="mentorSearch", placeholderText="name, id, area or status",
                                clearButtonEnabled=True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        search_label = QLabel("&Find a mentor")
        search_label.setBuddy(self.search)
        self.table = QTableView(objectName="mentorTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(3, 190)  # long status labels are elided; the tooltip has them whole
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.new_button = QPushButton("&New mentor…", objectName="newMentorButton")
        self.edit_button = QPushButton("&Edit, history and progress checks…", objectName="editMentorButton")
        self.new_button.clicked.connect(self.new_mentor)
        self.edit_button.clicked.connect(self.edit_selected)
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        context.changed.connect(self._changed)  # a bound method: let go of when the pane is deleted
        self.refresh()

    def _changed(self, changes: Changes) -> None:
        if changes & (Changes.MENTOR | Changes.ALLOCATION):
            self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(mentors.mentor_list(self.context.store))

    def selected(self) -> MentorRow | None:
        index = self.table.currentIndex()
        row: MentorRow | None = index.data(ROW_ROLE) if index.isValid() else None
        return row

    def select(self, mentor_uuid: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ROW_ROLE).mentor_uuid == mentor_uuid:
                self.table.selectRow(row)
                return

    def _edit(self, form: MentorForm) -> None:
        edit_mentor(self.context, form, self, saved=self._saved)

    def _saved(self, form: MentorForm) -> None:
        """The register has reloaded already (the save was announced): choose the mentor saved."""
        if form.uuid is not None:
            self.select(form.uuid)
            self.mentorSaved.emit(form.uuid)

    def new_mentor(self) -> None:
        self._edit(MentorForm())

    def edit_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self._edit(mentors.load_mentor(self.context.store, row.mentor_uuid))

    def edit_mentor(self, mentor_uuid: str) -> None:
        self.select(mentor_uuid)
        self._edit(mentors.load_mentor(self.context.store, mentor_uuid))


class MentorRegisterDialog(QDialog):
    """The register in a window of its own (from the Allocation pane or a menu action)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mentorRegister")
        self.setWindowTitle("Mentor register")
        self.pane = MentorRegisterPane(context, self)
        self.model = self.pane.model
        layout = QVBoxLayout(self)
        layout.addWidget(self.pane)
        self.resize(1120, 600)

    def refresh(self) -> None:
        self.pane.refresh()

    def new_mentor(self) -> None:
        self.pane.new_mentor()

    def edit_selected(self) -> None:
        self.pane.edit_selected()
