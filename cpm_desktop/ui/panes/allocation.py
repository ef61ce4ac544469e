"""The Allocation pane (Designer form forms/allocation_pane.ui): the mentors supporting the current case (with
history), who could be allocated, best first and with the reasons in words, and the waiting lists the 2018
evaluation asked the scheme to watch."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from cpm_desktop.services import allocation, mentors
from cpm_desktop.services.allocation_view import AllocationView, allocation_view
from cpm_desktop.services.mentors import WaitingMentor
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.dialogs.mentor_form import edit_mentor
from cpm_desktop.ui.forms.allocation_pane_ui import Ui_AllocationPane
from cpm_desktop.ui.item_models.allocation import (
    allocated_mentors_model,
    clients_waiting_model,
    mentors_never_allocated_model,
    progress_checks_overdue_model,
    suggestions_model,
)
from cpm_desktop.ui.item_models.table import RowTableModel
from cpm_desktop.ui.operations import attempt
from cpm_desktop.ui.panes.case_pane import CasePane, header_line
from cpm_desktop.ui.panes.mentors import MentorRegisterDialog
from cpm_desktop.ui.unsaved import ask_reason

Index = QModelIndex | QPersistentModelIndex
WAITING_TITLES = ("Clients waiting for mentors", "Mentors never allocated", "No progress check in 90 days")


def _show_rows(view: QTableView, model: RowTableModel) -> None:
    """Columns as wide as what they hold (the form sets the rest: rows selected whole, nothing edited)."""
    view.setModel(model)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)


def _on_open(view: QTableView, slot: Callable[[Index], None]) -> None:
    """Double-click or Enter on a row opens it (one step, mouse or keyboard)."""
    view.doubleClicked.connect(slot)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        shortcut = QShortcut(QKeySequence(key), view, context=Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(lambda: slot(view.currentIndex()) if view.currentIndex().isValid() else None)


class AllocationPane(CasePane):
    refresh_on = Changes.ALLOCATION | Changes.DECISION | Changes.MENTOR | Changes.CLOSURE | Changes.RISK

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.ui = ui = Ui_AllocationPane()
        ui.setupUi(self)
        ui.paneLayout.insertWidget(0, self.header)
        vocabulary = context.vocabulary
        # Short names the callers (and tests) use.
        self.allocated, self.suggestions, self.waiting = ui.allocatedMentors, ui.allocationSuggestions, ui.waitingLists
        self.end_button, self.replace_button = ui.endAllocationButton, ui.replaceMentorButton
        self.allocate_button, self.register_button = ui.allocateButton, ui.mentorRegisterButton
        self.pair_label, self.on_date = ui.suggestedPair, ui.allocationDate
        self.register_action = ui.mentorRegisterAction
        self.on_date.required = True
        self.on_date.latest = date.today()
        self.on_date.setDate(date.today())
        self.allocated_model = allocated_mentors_model(self)
        self.suggestion_model = suggestions_model(vocabulary, self)
        self.waiting_clients = clients_waiting_model(vocabulary, self)
        self.unallocated_mentors = mentors_never_allocated_model(vocabulary, self)
        self.overdue_checks = progress_checks_overdue_model(vocabulary, self)
        _show_rows(self.allocated, self.allocated_model)
        _show_rows(self.suggestions, self.suggestion_model)
        self.waiting_views = [ui.clientsWaiting, ui.mentorsNeverAllocated, ui.progressChecksOverdue]
        for view, model, name_column in zip(self.waiting_views, self.waiting_models(), (1, 0, 0), strict=True):
            _show_rows(view, model)  # the name takes the room, the days stay by it
            view.horizontalHeader().setSectionResizeMode(name_column, QHeaderView.ResizeMode.Stretch)
        _on_open(ui.clientsWaiting, self._open_waiting_case)
        _on_open(ui.mentorsNeverAllocated, self._opens_mentor_of(self.unallocated_mentors))
        _on_open(ui.progressChecksOverdue, self._opens_mentor_of(self.overdue_checks))
        self.addAction(self.register_action)  # Ctrl+Shift+M while the pane is shown
        self.register_action.triggered.connect(self.open_register)
        self.register_button.clicked.connect(self.open_register)
        self.allocate_button.clicked.connect(self.allocate_selected)
        self.end_button.clicked.connect(self.end_selected)
        self.replace_button.clicked.connect(self.replace_selected)
        self._groups = (ui.currentGroup, ui.suggestedGroup)
        self.register: MentorRegisterDialog | None = None  # the register while it is open
        self.refresh()

    def waiting_models(self) -> tuple[RowTableModel, RowTableModel, RowTableModel]:
        return self.waiting_clients, self.unallocated_mentors, self.overdue_checks

    # --- reading the view ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """The whole pane, header too, from one snapshot of the store (services.allocation_view), in place of
        the case pane's header read and ``show_case``."""
        view = allocation_view(self.context.store, self.context.current_referral)
        header = view.header
        self.header.setText(header_line(header))
        self.show_view(view)

    def show_view(self, view: AllocationView) -> None:
        waiting = view.waiting
        self.waiting_clients.set_rows(waiting.clients)
        self.unallocated_mentors.set_rows(waiting.never_allocated)
        self.overdue_checks.set_rows(waiting.checks_overdue)
        for n, (title, model) in enumerate(zip(WAITING_TITLES, self.waiting_models(), strict=True)):
            self.waiting.setTabText(n, f"{title} ({model.rowCount()})")
        header = view.header
        for group in self._groups:
            group.setEnabled(header is not None)
        self.suggestions.clearSelection()
        self.allocated_model.set_rows(view.allocated)
        self.suggestion_model.set_rows(view.suggestions)
        if header is None:
            self.pair_label.setText("")
            return
        supported = header.status.may_allocate
        if not supported:
            self.pair_label.setText(f"Mentors are allocated to supported, open cases; this case is {header.status}.")
        elif not view.needed:
            self.pair_label.setText("This case has its pair of mentors.")
        elif view.pair:
            names = " and ".join(choice.name for choice in view.pair)
            self.pair_label.setText(f"Suggested {'pair' if len(view.pair) == 2 else 'partner'}: {names} (selected)")
            for choice in view.pair:
                self.suggestions.selectRow(view.suggestions.index(choice))
        else:
            self.pair_label.setText("Not enough mentors with a place free: see the mentor register.")
        self.allocate_button.setEnabled(supported)
        self.replace_button.setEnabled(supported)

    # --- waiting lists ------------------------------------------------------------------------------

    def _open_waiting_case(self, index: Index) -> None:
        self.context.set_current_referral(self.waiting_clients.row_at(index.row()).referral_uuid)

    def _opens_mentor_of(self, model: RowTableModel) -> Callable[[Index], None]:
        def open_row(index: Index) -> None:
            row: WaitingMentor = model.row_at(index.row())
            self._open_mentor(row)
        return open_row

    def _open_mentor(self, row: WaitingMentor) -> None:
        try:
            form = mentors.load_mentor(self.context.store, row.mentor_uuid)
        except mentors.MentorError as error:  # gone since the list was read (another window, a sync)
            self.warn(error)
            return
        edit_mentor(self.context, form, self)

    def open_register(self) -> None:
        # Window-modal, no nested event loop; what it saves is announced as MENTOR and reloads this pane.
        self.register = register = MentorRegisterDialog(self.context, self)
        register.finished.connect(register.deleteLater)
        register.open()

    # --- the current case ---------------------------------------------------------------------------

    def _open_allocations(self) -> list[allocation.AllocatedMentor]:
        return [a for a in self.allocated_model.rows if a.ended_on is None]

    def _case(self) -> str | None:
        """The current case, or None having said to choose one (the buttons are off without one)."""
        uuid = self.context.current_referral
        if uuid is None:
            self.warn(allocation.AllocationError("Choose a referral first."))
        return uuid

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
        referral_uuid = self._case()
        if referral_uuid is None:
            return
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
        on = self._day()
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
