"""The Referrals pane: search-as-you-type list with filters, and the intake form beside it."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cpm_desktop.domain.text import plural
from cpm_desktop.services import referrals
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.item_models.table import Column, RowTableModel, day
from cpm_desktop.ui.panes.referral_editor import ReferralEditor
from cpm_desktop.ui.unsaved import AskBeforeLeaving, resolve
from cpm_desktop.ui.widgets.delayed_search import DelayedSearch

# The list shows at most this many (newest first); a search or filter narrows it. Every keystroke stays quick.
SHOWN_AT_MOST = 2000
STATE_FILTERS = (("All cases", None), ("Waiting for a decision", "awaiting_decision"),
                 ("Waiting for mentors", "awaiting_allocation"), ("Active", "active"), ("Closed", "closed"))


def referral_columns(context: AppContext) -> list[Column]:
    label = context.vocabulary.label
    return [
        Column("ID", lambda r: r.referral_id),
        Column("Name", lambda r: r.name, lambda r: r.name.casefold()),
        Column("Received", lambda r: day(r.referred_on), lambda r: r.referred_on),
        Column("Area", lambda r: label("area", r.area)),
        Column("Status", lambda r: r.status, tooltip=lambda r: label("outcome", r.outcome)),
        Column("Days waiting", lambda r: "" if r.days_waiting is None else str(r.days_waiting),
               lambda r: r.days_waiting, numeric=True),
    ]


def count_words(found: referrals.SearchResult, search: str, *, filtered: bool) -> str:
    """Under the list: how many, or that nothing matches (never an empty list without a word)."""
    typed = " ".join(search.split())
    close = len(found.rows) - found.exact
    spelt = f"{plural(close, 'referral')} with a name spelt like it" if close else ""
    if found.total == 0:
        where = " with these filters" if filtered else ""
        if not typed:
            return f"No referral{where}."
        return f"No referral matches “{typed}”{where}" + (f"; below, {spelt}." if spelt else ".")
    if close:
        return f"{plural(found.total, 'referral')} matching “{typed}”, then {spelt}."
    if found.total > len(found.rows):
        return f"The newest {len(found.rows):,} of {found.total:,} referrals: search or filter to narrow."
    return plural(found.total, "referral")


class ReferralsPane(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("referralsPane")
        self.search = QLineEdit(objectName="referralSearch", clearButtonEnabled=True,
                                placeholderText="Search names, ids, crime reference, postcode, phone  (Ctrl+F)")
        self.area_filter = QComboBox(objectName="areaFilter")
        self.area_filter.addItem("All areas", None)
        for code, text in context.vocabulary.items("area"):
            self.area_filter.addItem(text, code)
        self.state_filter = QComboBox(objectName="stateFilter")
        for text, value in STATE_FILTERS:
            self.state_filter.addItem(text, value)
        self.outcome_filter = QComboBox(objectName="outcomeFilter")
        self.outcome_filter.addItem("Any outcome", None)
        for code, text in context.vocabulary.short_items("outcome"):
            self.outcome_filter.addItem(text, code)
        for combo in (self.area_filter, self.state_filter, self.outcome_filter):  # long labels: no wider window
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        self.new_button = QPushButton("&New referral", objectName="newReferralButton")
        self.model = RowTableModel(referral_columns(context), self)
        self.table = QTableView(objectName="referralList")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        self.count_label = QLabel(objectName="referralCount")
        self.editor = ReferralEditor(context)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.editor)

        filters = QHBoxLayout()
        for widget in (self.area_filter, self.state_filter, self.outcome_filter):
            filters.addWidget(widget)
        filters.addStretch()
        filters.addWidget(self.new_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        scroll.setMinimumWidth(self.editor.minimumSizeHint().width() + 30)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        # Moving to another row first asks about typing not yet saved (installed first: runs after the search).
        self.leaving = AskBeforeLeaving(self.table, self._leaves_unsaved, lambda: self.context.resolve_unsaved(self),
                                        lambda: tuple(row.uuid for row in self.model.rows))
        # Typing searches after a short pause, so each key press does not query the store; Enter, keys and
        # clicks on the list finish the pending search first, so they act on the list as it is shown.
        self.searching = DelayedSearch(self.refresh, lambda: tuple(row.uuid for row in self.model.rows),
                                       fields=[self.search], acting=[self.table], parent=self)
        self.search.textChanged.connect(self.searching.restart)
        for combo in (self.area_filter, self.state_filter, self.outcome_filter):
            combo.currentIndexChanged.connect(self.refresh)
        self.new_button.clicked.connect(self.new_referral)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.editor.saved.connect(self._saved)
        self.editor.dirtyChanged.connect(context.dirtyChanged)
        context.register_unsaved(self.editor, saving_changes_case=True)
        context.currentReferralChanged.connect(self._follow)
        self._highlighting = False
        self.search.returnPressed.connect(self._open_first)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_referral,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.editor.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.editor, activated=self.editor.cancel,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        context.changed.connect(self._data_changed)
        self.refresh()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def refresh(self) -> None:
        filters = dict(search=self.search.text(), area=self.area_filter.currentData(),
                       state=self.state_filter.currentData(), outcome=self.outcome_filter.currentData())
        found = referrals.search_referrals(self.context.store, limit=SHOWN_AT_MOST, **filters)
        self.model.set_rows(found.rows)
        header = self.table.horizontalHeader()
        if found.exact == len(found.rows):  # close spellings stay after the exact hits, closest first
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.count_label.setText(count_words(found, self.search.text(), filtered=any(
            value for key, value in filters.items() if key != "search")))
        self._highlight_editor_row()

    def select(self, referral_uuid: str) -> bool:
        """Open a referral (as a click on its row would)."""
        return self.open(referral_uuid)

    def open(self, referral_uuid: str) -> bool:
        """Show the referral in the form and make it the current case, once typing not yet saved is saved or
        discarded; False when the person chose to stay."""
        if not self.context.set_current_referral(referral_uuid):
            self._highlight_editor_row()
            return False
        if self.editor.referral_uuid != referral_uuid:
            if not resolve(self, [self.editor]):  # a new referral typed while this case was current
                self._highlight_editor_row()
                return False
            self.editor.edit(referral_uuid)
        self._highlight_editor_row()
        return True

    def _follow(self, referral_uuid: str | None) -> None:
        """The current case changed elsewhere (a waiting list, Feedback due): the form shows it too."""
        if referral_uuid and referral_uuid != self.editor.referral_uuid and not self.editor.dirty:
            self.editor.edit(referral_uuid)
            self._highlight_editor_row()

    def _highlight_editor_row(self) -> None:
        """The list highlights the referral the form shows (none for a new one), without loading anything."""
        uuid = self.editor.referral_uuid
        row = next((n for n, item in enumerate(self.model.rows) if item.uuid == uuid), None) if uuid else None
        self._highlighting = True
        try:
            if row is None:
                self.table.selectionModel().clear()
            else:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(self.model.index(row, 0))
        finally:
            self._highlighting = False

    def _leaves_unsaved(self, row: int | None) -> bool:
        if not self.context.has_unsaved():
            return False
        return row is None or self.model.row_at(row).uuid != self.editor.referral_uuid

    def _row_chosen(self, current, _previous) -> None:
        if current.isValid() and not self._highlighting:
            self.open(self.model.row_at(current.row()).uuid)

    def _open_first(self) -> None:
        self.searching.finish()
        if self.model.rows and (not self._leaves_unsaved(0) or self.context.resolve_unsaved(self)):
            self.table.setFocus()
            self.table.selectRow(0)

    def new_referral(self) -> None:
        if self.editor.dirty and not resolve(self, [self.editor]):
            return
        self.editor.start_new()
        self._highlight_editor_row()

    def _saved(self, referral_uuid: str) -> None:
        self.context.set_current_referral(referral_uuid)
        self.refresh()

    def _data_changed(self, changes: Changes) -> None:
        """The list shows each case's state and last contact; the form's own saves refresh it through ``_saved``.
        A referral erased (or taken away by a sync) leaves the form: its details are not left on screen, and
        nothing can be saved into a record that is gone."""
        shown = self.editor.referral_uuid
        if changes & Changes.REFERRAL and shown and referrals.case_header(self.context.store, shown) is None:
            self.editor.start_new()
        if changes & (Changes.DECISION | Changes.ALLOCATION | Changes.CLOSURE | Changes.CONTACT):
            self.refresh()
