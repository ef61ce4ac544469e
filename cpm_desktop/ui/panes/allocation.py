"""The Allocation pane: the mentors supporting the current case (with history), who could be allocated, best
first and with the reasons in words, and the waiting lists the 2018 evaluation asked the scheme to watch."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cpm_desktop.services import allocation, mentors
from cpm_desktop.services.referrals import CaseHeader
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.dialogs.mentor_form import edit_mentor
from cpm_desktop.ui.item_models.allocation import (
    allocated_mentors_model,
    clients_waiting_model,
    mentors_never_allocated_model,
    progress_checks_overdue_model,
    suggestions_model,
)
from cpm_desktop.ui.item_models.table import RowTableModel
from cpm_desktop.ui.operations import attempt
from cpm_desktop.ui.panes.case_pane import CasePane
from cpm_desktop.ui.unsaved import ask_reason
from cpm_desktop.ui.widgets.date_entry import DateEntry


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
    view.setWordWrap(False)
    return view


def _on_open(view: QTableView, slot) -> None:
    """Double-click or Enter on a row opens it (one step, mouse or keyboard)."""
    view.doubleClicked.connect(slot)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        shortcut = QShortcut(QKeySequence(key), view, context=Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(lambda: slot(view.currentIndex()) if view.currentIndex().isValid() else None)


class AllocationPane(CasePane):
    refresh_on = Changes.ALLOCATION | Changes.DECISION | Changes.MENTOR | Changes.CLOSURE | Changes.RISK

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.setObjectName("allocationPane")
        vocabulary = context.vocabulary
        # The mentors supporting this case, then those who did (history is kept).
        self.allocated_model = allocated_mentors_model(self)
        self.allocated = _view("allocatedMentors", self.allocated_model)
        self.end_button = QPushButton("&End the selected allocation…", objectName="endAllocationButton")
        self.replace_button = QPushButton("Re&place the selected mentor with the selected suggestion…",
                                          objectName="replaceMentorButton")
        current = QGroupBox("Mentors supporting this case (and earlier ones)")
        current_layout = QVBoxLayout(current)
        current_layout.addWidget(self.allocated)
        current_buttons = QHBoxLayout()
        current_buttons.addWidget(self.end_button)
        current_buttons.addWidget(self.replace_button)
        current_buttons.addStretch()
        current_layout.addLayout(current_buttons)
        # Suggestions: only mentors who may be allocated, best first, with the reasons in words.
        self.suggestion_model = suggestions_model(vocabulary, self)
        self.suggestions = _view("allocationSuggestions", self.suggestion_model, multi=True)
        self.pair_label = QLabel(objectName="suggestedPair", wordWrap=True)
        self.on_date = DateEntry(objectName="allocationDate", value=date.today(), required=True, latest=date.today())
        date_label = QLabel("&Dated")
        date_label.setBuddy(self.on_date)
        self.allocate_button = QPushButton("&Allocate the selected mentors", objectName="allocateButton")
        suggested = QGroupBox("Mentors who may be allocated, best first (mentors work in pairs: choose two)")
        suggested_layout = QVBoxLayout(suggested)
        suggested_layout.addWidget(self.suggestions)
        row = QHBoxLayout()
        row.addWidget(self.pair_label, 1)
        row.addWidget(date_label)
        row.addWidget(self.on_date)
        row.addWidget(self.allocate_button)
        suggested_layout.addLayout(row)
        # Waiting lists: clients waiting for mentors, mentors waiting for clients, mentors nobody has talked to.
        self.waiting_clients = clients_waiting_model(vocabulary, self)
        self.unallocated_mentors = mentors_never_allocated_model(vocabulary, self)
        self.overdue_checks = progress_checks_overdue_model(vocabulary, self)
        self.waiting = QTabWidget(objectName="waitingLists")
        self.waiting_views = []
        for model, name in ((self.waiting_clients, "clientsWaiting"),
                            (self.unallocated_mentors, "mentorsNeverAllocated"),
                            (self.overdue_checks, "progressChecksOverdue")):
            view = _view(name, model)
            view.setSortingEnabled(True)
            header = view.horizontalHeader()  # the name takes the room, the days stay by it
            header.setStretchLastSection(False)
            header.setSectionResizeMode(1 if model is self.waiting_clients else 0, QHeaderView.ResizeMode.Stretch)
            self.waiting.addTab(view, "")
            self.waiting_views.append(view)
        _on_open(self.waiting_views[0], self._open_waiting_case)
        for view, model in ((self.waiting_views[1], self.unallocated_mentors),
                            (self.waiting_views[2], self.overdue_checks)):
            _on_open(view, lambda index, model=model: self._open_mentor(model.row_at(index.row())))
        self.register_button = QPushButton("&Mentor register…", objectName="mentorRegisterButton")
        self.register_button.clicked.connect(self.open_register)
        self.register_action = QAction("&Mentor register…", self, objectName="mentorRegisterAction",
                                       shortcut=QKeySequence("Ctrl+Shift+M"))
        self.register_action.triggered.connect(self.open_register)
        lists = QGroupBox("Waiting lists (Enter or double-click opens the case or the mentor)")
        lists_layout = QVBoxLayout(lists)
        lists_layout.addWidget(self.waiting)
        lists_layout.addWidget(self.register_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(current, 2)
        layout.addWidget(suggested, 3)
        layout.addWidget(lists, 2)
        self._groups = (current, suggested)
        self.allocate_button.clicked.connect(self.allocate_selected)
        self.end_button.clicked.connect(self.end_selected)
        self.replace_button.clicked.connect(self.replace_selected)
        self.refresh()

    # --- waiting lists ------------------------------------------------------------------------------

    def refresh_waiting_lists(self) -> None:
        store = self.context.store
        self.waiting_clients.set_rows(mentors.clients_waiting(store))
        self.unallocated_mentors.set_rows(mentors.mentors_never_allocated(store))
        self.overdue_checks.set_rows(mentors.progress_checks_overdue(store))
        for n, (title, model) in enumerate((("Clients waiting for mentors", self.waiting_clients),
                                            ("Mentors never allocated", self.unallocated_mentors),
                                            ("No progress check in 90 days", self.overdue_checks))):
            self.waiting.setTabText(n, f"{title} ({model.rowCount()})")

    def _open_waiting_case(self, index) -> None:
        self.context.set_current_referral(self.waiting_clients.row_at(index.row()).referral_uuid)

    def _open_mentor(self, row) -> None:
        edit_mentor(self.context, mentors.load_mentor(self.context.store, row.mentor_uuid), self)

    def open_register(self) -> None:
        from cpm_desktop.ui.panes.mentors import MentorRegisterDialog

        MentorRegisterDialog(self.context, self).exec()
        self.refresh()

    # --- the current case ---------------------------------------------------------------------------

    def _open_allocations(self) -> list[allocation.AllocatedMentor]:
        return [a for a in self.allocated_model.rows if a.ended_on is None]

    def show_case(self, header: CaseHeader | None) -> None:
        self.refresh_waiting_lists()
        for group in self._groups:
            group.setEnabled(header is not None)
        self.suggestions.clearSelection()
        if header is None:
            self.allocated_model.set_rows([])
            self.suggestion_model.set_rows([])
            self.pair_label.setText("")
            return
        uuid = self.context.current_referral
        self.allocated_model.set_rows(allocation.allocated_mentors(self.context.store, uuid))
        supported = header.status.may_allocate
        choices = allocation.suggestions(self.context.store, uuid) if supported else []
        self.suggestion_model.set_rows(choices)
        needed = max(0, 2 - len(self._open_allocations()))
        pair = allocation.suggested_pair(choices, needed) if supported else ()
        if not supported:
            self.pair_label.setText(f"Mentors are allocated to supported, open cases; this case is {header.status}.")
        elif not needed:
            self.pair_label.setText("This case has its pair of mentors.")
        elif pair:
            names = " and ".join(choice.name for choice in pair)
            self.pair_label.setText(f"Suggested {'pair' if len(pair) == 2 else 'partner'}: {names} (selected)")
            for choice in pair:
                self.suggestions.selectRow(choices.index(choice))
        else:
            self.pair_label.setText("Not enough mentors with a place free: see the mentor register.")
        self.allocate_button.setEnabled(supported)
        self.replace_button.setEnabled(supported)

    def _day(self) -> date:
        """The date typed beside Allocate; a date that is not one stops the change, said in words."""
        problem, value = self.on_date.problem(), self.on_date.date()
        if problem or value is None:
            raise allocation.AllocationError(f"Dated: {problem or 'Give a date.'}")
        return value

    def _date_is_wrong(self) -> bool:
        """Said before any question is asked, so nothing typed in answer is thrown away."""
        try:
            self._day()
        except allocation.AllocationError as error:
            self.warn(error)
            return True
        return False

    def allocate_selected(self) -> None:
        rows = sorted({index.row() for index in self.suggestions.selectionModel().selectedRows()})
        chosen = [self.suggestion_model.row_at(row).mentor_uuid for row in rows]
        if not chosen:
            self.warn(allocation.AllocationError("Choose the mentors to allocate in the list of suggestions."))
            return
        if self._date_is_wrong():
            return
        reason = ""
        if len(self._open_allocations()) + len(chosen) == 1:
            reason, ok = ask_reason(self, "One mentor", "Mentors normally work in pairs. Why one?")
            if not ok:
                return
        referral_uuid, on = self.context.current_referral, self._day()
        attempt(self, self.context, Changes.ALLOCATION,
                lambda store: allocation.allocate(store, referral_uuid, chosen, on, reason))

    def _selected_allocation(self) -> allocation.AllocatedMentor | None:
        index = self.allocated.currentIndex()
        if not index.isValid() or not self.allocated.selectionModel().isRowSelected(index.row()):
            return None
        return self.allocated_model.row_at(index.row())

    def end_selected(self) -> None:
        current = self._selected_allocation()
        if current is None or current.ended_on is not None:
            self.warn(allocation.AllocationError("Choose a mentor supporting the case now."))
            return
        if self._date_is_wrong():
            return
        reason, ok = ask_reason(self, "End allocation", f"Why does {current.name}'s support end?")
        if not ok:
            return
        on = self._day()
        attempt(self, self.context, Changes.ALLOCATION,
                lambda store: allocation.end_allocation(store, current.allocation_uuid, on, reason))

    def replace_selected(self) -> None:
        current = self._selected_allocation()
        rows = sorted({index.row() for index in self.suggestions.selectionModel().selectedRows()})
        if current is None or current.ended_on is not None or len(rows) != 1:
            self.warn(allocation.AllocationError(
                "Choose the mentor who leaves the case above and one mentor in the suggestions below."))
            return
        if self._date_is_wrong():
            return
        newcomer = self.suggestion_model.row_at(rows[0])
        reason, ok = ask_reason(self, "Replace a mentor",
                                f"Why does {newcomer.name} replace {current.name}?")
        if not ok:
            return
        on = self._day()
        attempt(self, self.context, Changes.ALLOCATION, lambda store: allocation.replace_mentor(
            store, current.allocation_uuid, newcomer.mentor_uuid, on, reason))
