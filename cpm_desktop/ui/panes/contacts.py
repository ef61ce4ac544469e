"""The Contact log pane: one keyboard-only row to log a contact in seconds, the log newest first, totals,
and beside it the case's GROW goals, police-call figures, closing and re-opening (``CasePanel``)."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cpm_desktop.domain.text import plural
from cpm_desktop.services import contacts, referrals
from cpm_desktop.services.referrals import CaseHeader
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.forms.contact_entry_ui import Ui_ContactEntry
from cpm_desktop.ui.item_models.contacts import ContactTableModel, short_label
from cpm_desktop.ui.operations import attempt
from cpm_desktop.ui.panes.case_pane import CasePane
from cpm_desktop.ui.panes.case_panel import CasePanel
from cpm_desktop.ui.unsaved import KeepsTyping, ask_reason
from cpm_desktop.ui.widgets.common import save_cancel_buttons
from cpm_desktop.ui.widgets.date_entry import DateTimeEntry

LOG_A_CONTACT = "Ctrl+Shift+L"  # to the quick-entry row; Ctrl+L is Lock now
STAFF = "staff"  # the who-combo's data for "the member of staff logged in"


def _clip(text: str, length: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length - 1] + "…"


def _fill_activities(combo: QComboBox, context: AppContext) -> None:
    for code, text in context.vocabulary.items("activity"):
        combo.addItem(short_label(text), code)
        combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)


def _fill_who(combo: QComboBox, context: AppContext, referral_uuid: str) -> None:
    """The case's mentors (still allocated first), then the member of staff logged in."""
    combo.clear()
    for helper in contacts.helpers(context.store, referral_uuid):
        combo.addItem(helper.name, helper.mentor_uuid)
    combo.addItem(f"Staff: {context.store.actor}", STAFF)


class ContactEditDialog(KeepsTyping):
    """Correct an entry of the log; its earlier versions are listed and kept."""

    def __init__(self, context: AppContext, row: contacts.ContactRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("contactEditDialog")
        self.setWindowTitle(f"Correct contact {row.contact_id}")
        self.when = DateTimeEntry(value=row.occurred_at, objectName="editWhen")
        self.activity = QComboBox(objectName="editActivity")
        _fill_activities(self.activity, context)
        self.activity.setCurrentIndex(max(0, self.activity.findData(row.activity)))
        self.minutes = QSpinBox(objectName="editMinutes", maximum=contacts.MAX_MINUTES, suffix=" min",
                                specialValueText="not known", singleStep=5)
        self.minutes.setValue(row.minutes or 0)
        self.who = QComboBox(objectName="editWho")
        if context.current_referral:
            _fill_who(self.who, context, context.current_referral)
        if row.mentor_uuid:
            if self.who.findData(row.mentor_uuid) < 0:
                self.who.insertItem(0, row.who, row.mentor_uuid)
            self.who.setCurrentIndex(self.who.findData(row.mentor_uuid))
        else:  # made by staff: keep the name it was logged under
            self.who.setItemText(self.who.findData(STAFF), f"Staff: {row.who}")
            self.who.setCurrentIndex(self.who.findData(STAFF))
        self._staff_name = row.who if not row.mentor_uuid else context.store.actor
        self.notes = QPlainTextEdit(row.notes, objectName="editNotes", tabChangesFocus=True)
        form = QFormLayout()
        for text, widget in (("&When", self.when), ("&Activity", self.activity), ("&Minutes", self.minutes),
                             ("&By", self.who), ("&Notes", self.notes)):
            form.addRow(text, widget)
        earlier = contacts.revisions(context.store, row.uuid)
        label = context.vocabulary.label
        history = QLabel("\n".join(
            f"Before the correction of {r.revised_at:%d/%m/%Y %H:%M} UTC by {r.revised_by}: "
            f"{r.occurred_at:%d/%m/%Y %H:%M} · {short_label(label('activity', r.activity))} · "
            f"{'' if r.minutes is None else f'{r.minutes} min · '}{r.who} · {_clip(r.notes)}"
            for r in earlier) or "Not corrected before.", objectName="revisionHistory", wordWrap=True)
        history.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Earlier versions (kept):"))
        layout.addWidget(history)
        layout.addWidget(save_cancel_buttons(self))
        self.resize(560, self.sizeHint().height())

    def values(self) -> dict:
        who = self.who.currentData()
        return dict(occurred_at=self.when.dateTime(), activity=self.activity.currentData(),
                    minutes=self.minutes.value() or None, notes=self.notes.toPlainText(),
                    mentor_uuid=None if who == STAFF else who,
                    staff_name=self._staff_name if who == STAFF else "")


class _EnterSaves(QObject):
    """Enter or Return in any field of the quick-entry row saves the entry."""

    def __init__(self, save, parent: QObject):
        super().__init__(parent)
        self._save = save

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._save()
            return True
        return False


class ContactLogPane(CasePane):
    refresh_on = (Changes.CONTACT | Changes.ALLOCATION | Changes.CLOSURE | Changes.MENTOR | Changes.REFERRAL
                  | Changes.GOAL)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.setObjectName("contactLogPane")
        self.entry = QGroupBox()
        self.ui = Ui_ContactEntry()
        self.ui.setupUi(self.entry)
        self.when, self.activity, self.minutes = self.ui.contactWhen, self.ui.contactActivity, self.ui.contactMinutes
        self.who, self.notes, self.add_button = self.ui.contactWho, self.ui.contactNotes, self.ui.addContactButton
        _fill_activities(self.activity, context)
        self.minutes.setMaximum(contacts.MAX_MINUTES)
        self._when_set_by_hand = False
        self.when.edited.connect(self._when_edited)
        # The time shown is the time that will be saved: it follows the clock until the user changes it.
        self._clock = QTimer(self, interval=15_000, timeout=self._keep_when_now)
        self._clock.start()

        self.model = ContactTableModel(context.vocabulary, self)
        self.table = QTableView(objectName="contactList")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(ContactTableModel.WHEN, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # fixed widths: no pass over 5,000 rows
        for column, width in enumerate((120, 200, 70, 140)):
            header.resizeSection(column, width)

        self.filter = QComboBox(objectName="contactFilter", minimumContentsLength=24,
                                sizeAdjustPolicy=QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.filter.addItem("All activities", None)
        _fill_activities(self.filter, context)
        filter_label = QLabel("Show &kind")
        filter_label.setBuddy(self.filter)
        self.edit_button = QPushButton("Corr&ect…", objectName="editContactButton")
        self.delete_button = QPushButton("&Delete…", objectName="deleteContactButton")
        self.totals = QLabel(objectName="contactTotals", wordWrap=True)
        self.detail = QLabel(objectName="contactDetail", wordWrap=True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMaximumHeight(80)
        tools = QHBoxLayout()
        tools.addWidget(filter_label)
        tools.addWidget(self.filter)
        tools.addStretch()
        tools.addWidget(self.edit_button)
        tools.addWidget(self.delete_button)
        self.case_panel = CasePanel(context)
        log = QWidget()
        log_layout = QVBoxLayout(log)
        log_layout.setContentsMargins(0, 0, 0, 0)
        log_layout.addLayout(tools)
        log_layout.addWidget(self.table, 1)
        log_layout.addWidget(self.detail)
        log_layout.addWidget(self.totals)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(log)
        splitter.addWidget(self.case_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.entry)
        layout.addWidget(splitter, 1)
        self._editing = (self.entry, self.edit_button, self.delete_button)

        enter = _EnterSaves(self.log_contact, self)
        for widget in (self.when.edit, self.activity, self.minutes, self.who, self.notes, self.add_button):
            widget.installEventFilter(enter)
        self.add_button.clicked.connect(self.log_contact)
        self.filter.currentIndexChanged.connect(self._show_rows)
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
        if self.context.current_referral is None or not (self.notes.text().strip() or self.minutes.value()):
            return None
        header = referrals.case_header(self.context.store, self.context.current_referral)
        return f"the contact being logged for {header.name} ({header.referral_id})" if header else None

    def save_unsaved(self) -> bool:
        return self.log_contact()

    def discard_unsaved(self) -> None:
        self.minutes.setValue(0)
        self.notes.clear()
        self._set_when_now()

    # --- showing the case ---------------------------------------------------------------------------

    def show_case(self, header: CaseHeader | None) -> None:
        self.case_panel.show_case(header.uuid if header else None)
        for widget in self._editing:
            widget.setEnabled(header is not None)
        if header is None:
            self.model.set_rows([])
            self.totals.clear()
            self.detail.clear()
            self.who.clear()
            return
        chosen, offered = self.who.currentData(), self._offered()
        _fill_who(self.who, self.context, header.uuid)
        if self._offered() == offered:  # same case, same people: keep whoever was chosen for the next entry
            self.who.setCurrentIndex(max(0, self.who.findData(chosen)))
        if not self._when_set_by_hand:
            self._set_when_now()
        self._show_rows()

    def _offered(self) -> tuple:
        return self.context.current_referral, tuple(self.who.itemData(n) for n in range(self.who.count()))

    def _show_rows(self) -> None:
        uuid = self.context.current_referral
        if uuid is None:
            return
        activity = self.filter.currentData()
        rows = contacts.list_contacts(self.context.store, uuid, activity)
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        if (column, order) != (ContactTableModel.WHEN, Qt.SortOrder.DescendingOrder):
            self.model.sort(column, order)  # the list comes newest first; keep the user's own order
        self._show_totals(contacts.case_totals(self.context.store, uuid), len(rows) if activity else None)
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

    def _show_detail(self, current, _previous=None) -> None:
        if not current.isValid():
            self.detail.clear()
            return
        row = self.model.row_at(current.row())
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
        if self.context.current_referral is None:
            return False
        if self._when_set_by_hand and (problem := self.when.problem()):
            self.warn(contacts.ContactError(f"When: {problem} Nothing was logged."))
            return False
        occurred_at = self.when.dateTime() if self._when_set_by_hand else None
        occurred_at = occurred_at or datetime.now().replace(second=0, microsecond=0)
        who = self.who.currentData()
        referral_uuid, activity = self.context.current_referral, self.activity.currentData()
        minutes = self.minutes.value()
        if not attempt(self, self.context, Changes.CONTACT, lambda store: contacts.add_contact(
                store, referral_uuid, occurred_at=occurred_at, activity=activity, minutes=minutes or None,
                mentor_uuid=None if who == STAFF else who, notes=self.notes.text())):
            return False
        self.discard_unsaved()  # logged: the row is ready for the next one
        self.activity.setFocus()  # the first field to fill: the time is now unless changed
        return True

    # --- corrections ------------------------------------------------------------------------------

    def selected_row(self) -> contacts.ContactRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.edit_row(row)

    def edit_row(self, row: contacts.ContactRow) -> None:
        dialog = ContactEditDialog(self.context, row, self)
        dialog.save_with(lambda: attempt(dialog, self.context, Changes.CONTACT,
                                         lambda store: contacts.edit_contact(store, row.uuid, **dialog.values())))
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
