"""The Contact log pane: one keyboard-only row to log a contact in seconds, the log newest first, totals,
and beside it the case's GROW goals, police-call figures, closing and re-opening (``CasePanel``).

Laid out in forms/contact_log.ui (the entry row is forms/contact_entry.ui); a refresh reads the pane's whole
view of the case in one snapshot (``contacts.contact_log_view``).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHeaderView, QWidget

from cpm_desktop.domain.text import plural
from cpm_desktop.services import contacts
from cpm_desktop.services.contacts import ContactLog, ContactLogView, ContactRow
from cpm_desktop.services.referrals import CaseHeader
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.dialogs.contact_edit import ContactEditDialog
from cpm_desktop.ui.forms.contact_entry_ui import Ui_ContactEntry
from cpm_desktop.ui.forms.contact_log_ui import Ui_ContactLog
from cpm_desktop.ui.item_models.contacts import ContactTableModel, short_label
from cpm_desktop.ui.operations import attempt
from cpm_desktop.ui.panes.case_pane import CasePane, header_line
from cpm_desktop.ui.panes.case_panel import CasePanel
from cpm_desktop.ui.unsaved import ask_reason
from cpm_desktop.ui.widgets.contact_choices import STAFF, fill_activities, fill_who

LOG_A_CONTACT = "Ctrl+Shift+L"  # to the quick-entry row; Ctrl+L is Lock now
COLUMN_WIDTHS = (120, 200, 70, 140)  # When, Activity, Minutes, By; Notes takes the rest


class _EnterSaves(QObject):
    """Enter or Return in any field of the quick-entry row saves the entry."""

    def __init__(self, save: Callable[[], object], parent: QObject):
        super().__init__(parent)
        self._save = save

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self._save()
            return True
        return False


class ContactLogPane(CasePane):
    refresh_on = (Changes.CONTACT | Changes.ALLOCATION | Changes.CLOSURE | Changes.MENTOR | Changes.REFERRAL
                  | Changes.GOAL)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.ui = Ui_ContactLog()
        self.ui.setupUi(self)
        self.setObjectName("contactLogPane")
        self.ui.paneLayout.insertWidget(0, self.header)
        self.entry = self.ui.entryBox
        self.entry_ui = Ui_ContactEntry()
        self.entry_ui.setupUi(self.entry)
        entry = self.entry_ui
        self.when, self.activity, self.minutes = entry.contactWhen, entry.contactActivity, entry.contactMinutes
        self.who, self.notes, self.add_button = entry.contactWho, entry.contactNotes, entry.addContactButton
        fill_activities(self.activity, context.vocabulary)
        self.minutes.setMaximum(contacts.MAX_MINUTES)
        self._when_set_by_hand = False
        self.when.edited.connect(self._when_edited)
        # The time shown is the time that will be saved: it follows the clock until the user changes it.
        self._clock = QTimer(self, interval=15_000, timeout=self._keep_when_now)
        self._clock.start()

        self.model = ContactTableModel(context.vocabulary, self)
        self.table, self.filter = self.ui.contactList, self.ui.contactFilter
        self.totals, self.detail = self.ui.contactTotals, self.ui.contactDetail
        self.edit_button, self.delete_button = self.ui.editContactButton, self.ui.deleteContactButton
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(ContactTableModel.WHEN, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # fixed widths: no pass over 5,000 rows
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        self.filter.addItem("All activities", None)
        fill_activities(self.filter, context.vocabulary)
        self.case_panel = CasePanel(context)
        self.ui.logSplitter.addWidget(self.case_panel)
        self.ui.logSplitter.setStretchFactor(0, 3)
        self.ui.logSplitter.setStretchFactor(1, 2)
        self._editing = (self.entry, self.edit_button, self.delete_button)
        self._view: ContactLogView | None = None

        enter = _EnterSaves(self.log_contact, self)
        for widget in (self.when.edit, self.activity, self.minutes, self.who, self.notes, self.add_button):
            widget.installEventFilter(enter)
        self.add_button.clicked.connect(self.log_contact)
        self.filter.currentIndexChanged.connect(self._show_other_activity)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.activated.connect(lambda index: self.edit_row(self.model.row_at(index.row())))
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(LOG_A_CONTACT), self, self.activity.setFocus,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        context.register_unsaved(self)
        self.refresh()

    # --- unsaved work (ui/unsaved.py): a contact typed in the quick-entry row and not logged yet ------------

    def unsaved_work(self) -> str | None:
        """Notes, minutes or a time typed (any of them alone) is a contact being logged."""
        typed = self.notes.text().strip() or self.minutes.value() or self._when_set_by_hand
        if self._view is None or not typed:
            return None
        header = self._view.header
        return f"the contact being logged for {header.name} ({header.referral_id})"

    def save_unsaved(self) -> bool:
        return self.log_contact()

    def discard_unsaved(self) -> None:
        self.minutes.setValue(0)
        self.notes.clear()
        self._set_when_now()

    # --- showing the case ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the pane's whole view of the current case in one snapshot, and show it."""
        uuid = self.context.current_referral
        view = contacts.contact_log_view(self.context.store, uuid, self.filter.currentData()) if uuid else None
        self.show_view(view)

    def show_case(self, header: CaseHeader | None) -> None:
        """As the other case panes (``CasePane``): the case of ``header`` read again and shown."""
        self.refresh()

    def show_view(self, view: ContactLogView | None) -> None:
        self._view = view
        header = view.header if view else None
        self.header.setText(header_line(header))
        self.case_panel.show_view(view.panel if view else None)
        for widget in self._editing:
            widget.setEnabled(view is not None)
        if view is None:
            self.model.set_rows([])
            self.totals.clear()
            self.detail.clear()
            self.who.clear()
            return
        chosen, offered = self.who.currentData(), self._offered()
        fill_who(self.who, view.helpers, self.context.store.actor)
        if self._offered() == offered:  # same case, same people: keep whoever was chosen for the next entry
            self.who.setCurrentIndex(max(0, self.who.findData(chosen)))
        if not self._when_set_by_hand:
            self._set_when_now()
        self._show_log(view.log)

    def _offered(self) -> tuple[object, ...]:
        return self.context.current_referral, tuple(self.who.itemData(n) for n in range(self.who.count()))

    def _show_other_activity(self) -> None:
        """Another activity chosen to show: the list and totals read again (one snapshot), nothing else."""
        uuid = self.context.current_referral
        if uuid is not None and self._view is not None:
            self._show_log(contacts.contact_log(self.context.store, uuid, self.filter.currentData()))

    def _show_log(self, log: ContactLog) -> None:
        self.model.set_rows(log.rows)
        header = self.table.horizontalHeader()
        column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        if (column, order) != (ContactTableModel.WHEN, Qt.SortOrder.DescendingOrder):
            self.model.sort(column, order)  # the list comes newest first; keep the user's own order
        self._show_totals(log.totals, len(log.rows) if self.filter.currentData() else None)
        self.detail.clear()

    def _show_totals(self, per_activity: dict[str, tuple[int, int]], shown: int | None) -> None:
        if not per_activity:
            self.totals.setText("No contacts logged yet.")
            return
        label = self.context.vocabulary.label
        count = sum(n for n, _ in per_activity.values())
        minutes = sum(m for _, m in per_activity.values())
        order = {code: n for n, code in enumerate(self.context.vocabulary.codes("activity"))}
        parts = [f"{short_label(label('activity', code))}: {n} ({m} min)"
                 for code, (n, m) in sorted(per_activity.items(), key=lambda item: order.get(item[0], 99))]
        hours = f"{minutes // 60} h {minutes % 60:02d} min"
        prefix = f"Showing {shown:,} of {count:,}. " if shown is not None else ""
        self.totals.setText(f"{prefix}{plural(count, 'contact')}, {hours} in all · " + " · ".join(parts))

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        if not current.isValid():
            self.detail.clear()
            return
        row: ContactRow = self.model.row_at(current.row())
        self.detail.setText(f"{row.contact_id} · {row.occurred_at:%d/%m/%Y %H:%M} · {row.who}\n{row.notes}")

    # --- quick entry --------------------------------------------------------------------------------

    def _set_when_now(self) -> None:
        self.when.setDateTime(datetime.now().replace(second=0, microsecond=0))  # not an edit: no signal
        self._when_set_by_hand = False

    def _keep_when_now(self) -> None:
        if not self._when_set_by_hand and not self.when.hasFocus():
            self._set_when_now()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        self._keep_when_now()  # back on the pane after a while: not the time the row was last reset
        super().showEvent(event)

    def _when_edited(self) -> None:
        self._when_set_by_hand = True

    def log_contact(self) -> bool:
        referral_uuid = self.context.current_referral
        if referral_uuid is None:
            return False
        if self._when_set_by_hand and (problem := self.when.problem()):
            self.warn(contacts.ContactError(f"When: {problem} Nothing was logged."))
            return False
        occurred_at = self.when.dateTime() if self._when_set_by_hand else None
        occurred_at = occurred_at or datetime.now().replace(second=0, microsecond=0)
        who, activity = self.who.currentData(), self.activity.currentData()
        minutes, notes = self.minutes.value() or None, self.notes.text()
        if not attempt(self, self.context, Changes.CONTACT, lambda store: contacts.add_contact(
                store, referral_uuid, occurred_at=occurred_at, activity=activity, minutes=minutes,
                mentor_uuid=None if who == STAFF else who, notes=notes)):
            return False
        self.discard_unsaved()  # logged: the row is ready for the next one
        self.activity.setFocus()  # the first field to fill: the time is now unless changed
        return True

    # --- corrections ------------------------------------------------------------------------------

    def selected_row(self) -> ContactRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.edit_row(row)

    def edit_row(self, row: ContactRow) -> None:
        if self._view is None:
            return
        dialog = ContactEditDialog(self.context, row, self._view.helpers, self)

        def save() -> bool:  # refused: the dialog stays open with what was typed
            values = dialog.values()
            return attempt(dialog, self.context, Changes.CONTACT,
                           lambda store: contacts.edit_contact(store, row.uuid, **values))

        dialog.save_with(save)
        dialog.accepted.connect(lambda: self._select(row.uuid))
        dialog.open()

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        reason, ok = ask_reason(
            self, "Delete entry", f"Why is {row.contact_id} ({row.occurred_at:%d/%m/%Y %H:%M}) deleted?\n"
            "It leaves the log; the store keeps it, with the reason, until the retention rules erase it.")
        if not ok:
            return
        attempt(self, self.context, Changes.CONTACT, lambda store: contacts.delete_contact(store, row.uuid, reason))

    def _select(self, contact_uuid: str) -> None:
        for number, row in enumerate(self.model.rows):
            if row.uuid == contact_uuid:
                self.table.selectRow(number)
                self.table.scrollTo(self.model.index(number, 0))
                return
