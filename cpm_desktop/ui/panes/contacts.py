"""The Contact log pane: one keyboard-only row to log a contact in seconds, the log newest first, totals."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cpm_desktop.services import contacts
from cpm_desktop.services.referrals import CaseHeader
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.item_models.table import Column, RowTableModel
from cpm_desktop.ui.panes.case_pane import CasePane
from cpm_desktop.ui.panes.case_panel import CasePanel
from cpm_desktop.ui.widgets.common import save_cancel_buttons


class ContactEditDialog(QDialog):
    """Correct an entry of the log; its earlier versions are listed and kept."""

    def __init__(self, context: AppContext, row: contacts.ContactRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"Correct contact {row.contact_id}")
        self.when = QDateTimeEdit(QDateTime(row.occurred_at), calendarPopup=True, displayFormat="dd/MM/yyyy HH:mm")
        self.activity = QComboBox()
        for code, text in context.vocabulary.items("activity"):
            self.activity.addItem(text.split(":")[0], code)
        self.activity.setCurrentIndex(max(0, self.activity.findData(row.activity)))
        self.minutes = QSpinBox(maximum=contacts.MAX_MINUTES, suffix=" min", specialValueText="not known")
        self.minutes.setValue(row.minutes or 0)
        self.notes = QPlainTextEdit(row.notes, tabChangesFocus=True)
        form = QFormLayout()
        for text, widget in (("&When", self.when), ("&Activity", self.activity), ("&Minutes", self.minutes),
                             ("&Notes", self.notes)):
            form.addRow(text, widget)
        earlier = contacts.revisions(context.store, row.uuid)
        history = QLabel("\n".join(f"{r.occurred_at:%d/%m/%Y %H:%M}  {r.activity}  {r.minutes or ''}  {r.notes[:80]}"
                                   for r in earlier) or "Not corrected before.", wordWrap=True)
        buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Earlier versions (kept):"))
        layout.addWidget(history)
        layout.addWidget(buttons)

    def values(self) -> dict:
        moment = self.when.dateTime().toPython()
        return dict(occurred_at=datetime(*moment.timetuple()[:5]), activity=self.activity.currentData(),
                    minutes=self.minutes.value() or None, notes=self.notes.toPlainText())


class ContactLogPane(CasePane):
    refresh_on = ("contact", "allocation", "closure")

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.setObjectName("contactLogPane")
        label = context.vocabulary.label
        self.when = QDateTimeEdit(objectName="contactWhen", calendarPopup=True, displayFormat="dd/MM/yyyy HH:mm")
        self.activity = QComboBox(objectName="contactActivity")
        for code, text in context.vocabulary.items("activity"):
            self.activity.addItem(text.split(":")[0], code)
        self.minutes = QSpinBox(objectName="contactMinutes", maximum=contacts.MAX_MINUTES, suffix=" min",
                                specialValueText="minutes?")
        self.who = QComboBox(objectName="contactWho")
        self.notes = QLineEdit(objectName="contactNotes", placeholderText="Notes — Enter saves")
        self.add_button = QPushButton("&Log contact", objectName="addContactButton")
        entry = QGroupBox("Log a contact (Enter saves; the time defaults to now)")
        row = QHBoxLayout(entry)
        for caption, widget, stretch in (("&When", self.when, 0), ("&Activity", self.activity, 0),
                                         ("&Minutes", self.minutes, 0), ("&By", self.who, 0),
                                         ("&Notes", self.notes, 1)):
            text = QLabel(caption)
            text.setBuddy(widget)
            row.addWidget(text)
            row.addWidget(widget, stretch)
        row.addWidget(self.add_button)
        self.model = RowTableModel([
            Column("When", lambda c: c.occurred_at.strftime("%d/%m/%Y %H:%M"), lambda c: c.occurred_at),
            Column("Activity", lambda c: label("activity", c.activity).split(":")[0]),
            Column("Minutes", lambda c: "" if c.minutes is None else str(c.minutes), lambda c: c.minutes, True),
            Column("By", lambda c: c.who),
            Column("Notes", lambda c: c.notes.replace("\n", " ")[:200], tooltip=lambda c: c.notes[:2000]),
        ], self)
        self.table = QTableView(objectName="contactList")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)  # newest first
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column in range(4):
            self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.filter = QComboBox(objectName="contactFilter")
        self.filter.addItem("All activities", None)
        for code, text in context.vocabulary.items("activity"):
            self.filter.addItem(text.split(":")[0], code)
        self.delete_button = QPushButton("&Delete the selected entry…", objectName="deleteContactButton")
        self.totals = QLabel(objectName="contactTotals", wordWrap=True)
        tools = QHBoxLayout()
        tools.addWidget(self.filter)
        tools.addStretch()
        tools.addWidget(self.delete_button)
        self.case_panel = CasePanel(context)
        log = QWidget()
        log_layout = QVBoxLayout(log)
        log_layout.setContentsMargins(0, 0, 0, 0)
        log_layout.addLayout(tools)
        log_layout.addWidget(self.table, 1)
        log_layout.addWidget(self.totals)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(log)
        splitter.addWidget(self.case_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(entry)
        layout.addWidget(splitter, 1)
        self._editing = (entry, self.delete_button)
        for widget in (self.notes,):
            widget.returnPressed.connect(self.log_contact)
        for widget in (self.when, self.activity, self.minutes, self.who):
            widget.installEventFilter(self)
        self.add_button.clicked.connect(self.log_contact)
        self.filter.currentIndexChanged.connect(self.refresh)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.doubleClicked.connect(lambda index: self.edit_row(self.model.row_at(index.row())))
        self.refresh()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name): Enter in any field saves
        if event.type() == event.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.log_contact()
            return True
        return False

    def show_case(self, header: CaseHeader | None) -> None:
        self.case_panel.show_case(header.uuid if header else None)
        for widget in self._editing:
            widget.setEnabled(header is not None)
        if header is None:
            self.model.set_rows([])
            self.totals.clear()
            return
        uuid = self.context.current_referral
        rows = contacts.list_contacts(self.context.store, uuid, self.filter.currentData())
        self.model.set_rows(rows)
        label = self.context.vocabulary.label
        parts = [f"{label('activity', code).split(':')[0]}: {n} ({minutes} min)"
                 for code, (n, minutes) in sorted(contacts.totals(rows).items())]
        self.totals.setText(f"{len(rows)} contacts · " + " · ".join(parts) if rows else "No contacts logged yet.")
        self.who.clear()
        for helper in contacts.helpers(self.context.store, uuid):
            self.who.addItem(helper.name, helper.mentor_uuid)
        self.who.addItem(f"Staff: {self.context.store.actor}", None)
        self._reset_entry()

    def _reset_entry(self) -> None:
        self.when.setDateTime(QDateTime.currentDateTime())
        self.minutes.setValue(0)
        self.notes.clear()

    def log_contact(self) -> None:
        moment = self.when.dateTime().toPython()
        try:
            contacts.add_contact(
                self.context.store, self.context.current_referral, occurred_at=datetime(*moment.timetuple()[:5]),
                activity=self.activity.currentData(), minutes=self.minutes.value() or None,
                mentor_uuid=self.who.currentData(), notes=self.notes.text())
        except contacts.ContactError as error:
            self.warn(error)
            return
        self.context.notify_changed("contact")
        self.activity.setFocus()

    def edit_row(self, row: contacts.ContactRow) -> None:
        dialog = ContactEditDialog(self.context, row, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            contacts.edit_contact(self.context.store, row.uuid, **dialog.values())
        except contacts.ContactError as error:
            self.warn(error)
            return
        self.context.notify_changed("contact")

    def delete_selected(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        reason, ok = QInputDialog.getText(self, "Delete entry", "Why is this entry deleted?")
        if not ok:
            return
        try:
            contacts.delete_contact(self.context.store, self.model.row_at(index.row()).uuid, reason)
        except contacts.ContactError as error:
            self.warn(error)
            return
        self.context.notify_changed("contact")
