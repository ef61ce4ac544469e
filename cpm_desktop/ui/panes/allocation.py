"""The Allocation pane: the mentors supporting the current case, and who could be allocated, best first."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cpm_desktop.services import allocation, mentors
from cpm_desktop.services.referrals import CaseHeader
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.item_models.table import Column, RowTableModel, day
from cpm_desktop.ui.panes.case_pane import CasePane


def _view(name: str, model: RowTableModel, multi: bool = False) -> QTableView:
    view = QTableView(objectName=name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class AllocationPane(CasePane):
    refresh_on = ("allocation", "decision", "mentor", "closure")

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.setObjectName("allocationPane")
        area = context.vocabulary.label
        self.allocated_model = RowTableModel([
            Column("Mentor", lambda a: f"{a.name} ({a.mentor_id})"),
            Column("Allocated", lambda a: day(a.allocated_on), lambda a: a.allocated_on),
            Column("Ended", lambda a: day(a.ended_on), lambda a: a.ended_on),
            Column("Why it ended", lambda a: a.end_reason),
        ], self)
        self.allocated = _view("allocatedMentors", self.allocated_model)
        self.suggestion_model = RowTableModel([
            Column("Mentor", lambda c: f"{c.name} ({c.mentor_id})"),
            Column("Area", lambda c: area("area", c.area)),
            Column("Clients now", lambda c: f"{c.open_allocations} of {c.capacity}", numeric=True),
            Column("Why suggested", lambda c: c.why, tooltip=lambda c: c.why),
        ], self)
        self.suggestions = _view("allocationSuggestions", self.suggestion_model, multi=True)
        self.allocate_button = QPushButton("&Allocate the selected mentors", objectName="allocateButton")
        self.pair_label = QLabel(objectName="suggestedPair", wordWrap=True)
        self.end_button = QPushButton("&End the selected allocation…", objectName="endAllocationButton")
        current = QGroupBox("Mentors supporting this case")
        current_layout = QVBoxLayout(current)
        current_layout.addWidget(self.allocated)
        current_layout.addWidget(self.end_button)
        suggested = QGroupBox("Mentors who may be allocated, best first (choose two)")
        suggested_layout = QVBoxLayout(suggested)
        suggested_layout.addWidget(self.suggestions)
        row = QHBoxLayout()
        row.addWidget(self.pair_label, 1)
        row.addWidget(self.allocate_button)
        suggested_layout.addLayout(row)
        self.waiting_clients = RowTableModel([
            Column("Case", lambda w: w.referral_id), Column("Client", lambda w: w.name),
            Column("Area", lambda w: area("area", w.area)),
            Column("Days waiting for mentors", lambda w: str(w.days_waiting), lambda w: w.days_waiting, True)], self)
        self.unallocated_mentors = RowTableModel([
            Column("Mentor", lambda w: f"{w.name} ({w.mentor_id})"), Column("Area", lambda w: area("area", w.area)),
            Column("Days since training", lambda w: str(w.days), lambda w: w.days, True)], self)
        self.overdue_checks = RowTableModel([
            Column("Mentor", lambda w: f"{w.name} ({w.mentor_id})"), Column("Area", lambda w: area("area", w.area)),
            Column("Days since last progress check", lambda w: "never" if w.days is None else str(w.days),
                   lambda w: w.days, True)], self)
        self.waiting = QTabWidget(objectName="waitingLists")
        self.waiting_views = []
        for model, name, title in ((self.waiting_clients, "clientsWaiting", "Clients waiting for mentors"),
                                   (self.unallocated_mentors, "mentorsNeverAllocated", "Mentors never allocated"),
                                   (self.overdue_checks, "progressChecksOverdue", "No progress check in 90 days")):
            view = _view(name, model)
            view.setSortingEnabled(True)
            self.waiting.addTab(view, title)
            self.waiting_views.append(view)
        self.waiting_views[0].doubleClicked.connect(self._open_waiting_case)
        for view, model in ((self.waiting_views[1], self.unallocated_mentors),
                            (self.waiting_views[2], self.overdue_checks)):
            view.doubleClicked.connect(lambda index, model=model: self._open_mentor(model.row_at(index.row())))
        self.register_button = QPushButton("&Mentor register…", objectName="mentorRegisterButton")
        self.register_button.clicked.connect(self.open_register)
        lists = QGroupBox("Waiting lists (double-click opens the case or the mentor)")
        lists_layout = QVBoxLayout(lists)
        lists_layout.addWidget(self.waiting)
        lists_layout.addWidget(self.register_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(current, 1)
        layout.addWidget(suggested, 2)
        layout.addWidget(lists, 2)
        self._groups = (current, suggested)
        self.allocate_button.clicked.connect(self.allocate_selected)
        self.end_button.clicked.connect(self.end_selected)
        self.refresh()

    def refresh_waiting_lists(self) -> None:
        store = self.context.store
        self.waiting_clients.set_rows(mentors.clients_waiting(store))
        self.unallocated_mentors.set_rows(mentors.mentors_never_allocated(store))
        self.overdue_checks.set_rows(mentors.progress_checks_overdue(store))

    def _open_waiting_case(self, index) -> None:
        self.context.set_current_referral(self.waiting_clients.row_at(index.row()).referral_uuid)

    def _open_mentor(self, row) -> None:
        from cpm_desktop.ui.dialogs.mentors import MentorDialog

        dialog = MentorDialog(self.context, mentors.load_mentor(self.context.store, row.mentor_uuid), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                mentors.save_mentor(self.context.store, dialog.read())
            except mentors.MentorError as error:
                self.warn(error)
            self.context.notify_changed("mentor")

    def open_register(self) -> None:
        from cpm_desktop.ui.dialogs.mentors import MentorRegisterDialog

        MentorRegisterDialog(self.context, self).exec()
        self.refresh()

    def show_case(self, header: CaseHeader | None) -> None:
        self.refresh_waiting_lists()
        for group in self._groups:
            group.setEnabled(header is not None)
        if header is None:
            self.allocated_model.set_rows([])
            self.suggestion_model.set_rows([])
            return
        uuid = self.context.current_referral
        self.allocated_model.set_rows(allocation.allocated_mentors(self.context.store, uuid))
        supported = header.status in ("awaiting mentors", "active")
        choices = allocation.suggestions(self.context.store, uuid) if supported else []
        self.suggestion_model.set_rows(choices)
        pair = allocation.suggested_pair(choices)
        self.pair_label.setText(f"Suggested pair: {pair[0].name} and {pair[1].name} (the first two are selected)"
                                if pair else "")
        if pair:
            self.suggestions.clearSelection()
            self.suggestions.selectRow(choices.index(pair[0]))
            self.suggestions.selectRow(choices.index(pair[1]))
        self.allocate_button.setEnabled(supported)

    def allocate_selected(self) -> None:
        rows = sorted({index.row() for index in self.suggestions.selectionModel().selectedRows()})
        chosen = [self.suggestion_model.row_at(row).mentor_uuid for row in rows]
        reason = ""
        if len(chosen) == 1:
            reason, ok = QInputDialog.getText(self, "One mentor", "Mentors normally work in pairs. Why one?")
            if not ok:
                return
        try:
            allocation.allocate(self.context.store, self.context.current_referral, chosen, date.today(), reason)
        except allocation.AllocationError as error:
            self.warn(error)
            return
        self.context.notify_changed("allocation")

    def end_selected(self) -> None:
        index = self.allocated.currentIndex()
        if not index.isValid():
            return
        reason, ok = QInputDialog.getText(self, "End allocation", "Why does this allocation end?")
        if not ok:
            return
        try:
            allocation.end_allocation(self.context.store, self.allocated_model.row_at(index.row()).allocation_uuid,
                                      date.today(), reason)
        except allocation.AllocationError as error:
            self.warn(error)
            return
        self.context.notify_changed("allocation")
