"""A small table editor of typed rows (the checks of an assessment, the professionals consulted).

There is always one empty row at the end to type the next entry into. Tab moves from cell to cell as in a
spreadsheet and, from the last cell, on out of the table to the next field, so the keyboard never gets stuck
in it. What the rows mean is the caller's (a domain rule): this only holds their text.
"""
from __future__ import annotations

from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from cpm_desktop.domain.table_text import pasted_rows

Hint = QAbstractItemDelegate.EndEditHint


class RowTable(QTableWidget):
    """``rows()`` are the texts typed, one tuple per row (the empty last row included: callers ignore empties)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._filling = False
        self.setTabKeyNavigation(True)
        triggers = QAbstractItemView.EditTrigger  # typing in a cell edits it; arriving in one does not yet
        self.setEditTriggers(triggers.AnyKeyPressed | triggers.EditKeyPressed | triggers.DoubleClicked
                             | triggers.SelectedClicked)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self.itemChanged.connect(lambda _item: self._keep_one_empty_row())
        self._keep_one_empty_row()

    def setColumnCount(self, columns: int) -> None:  # noqa: N802 (Qt's name; the .ui form sets it)
        super().setColumnCount(columns)
        self._keep_one_empty_row()

    def rows(self) -> list[tuple[str, ...]]:
        return [tuple(self.text(row, column) for column in range(self.columnCount()))
                for row in range(self.rowCount())]

    def set_rows(self, rows: list[tuple[str, ...]]) -> None:
        self._filling = True  # one row per entry: no empty row appended half-way through one
        try:
            self.setRowCount(len(rows))
            for row, values in enumerate(rows):
                for column, value in enumerate(values[:self.columnCount()]):
                    self.setItem(row, column, QTableWidgetItem(value))
        finally:
            self._filling = False
        self._keep_one_empty_row()

    def text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def _row_is_empty(self, row: int) -> bool:
        return not any(self.text(row, column).strip() for column in range(self.columnCount()))

    def _keep_one_empty_row(self) -> None:
        if self._filling or not self.columnCount():
            return
        if self.rowCount() == 0 or not self._row_is_empty(self.rowCount() - 1):
            self.insertRow(self.rowCount())

    # --- Ctrl+V: rows copied from a spreadsheet or another table, from the current cell on --------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.matches(QKeySequence.StandardKey.Paste) and self.state() != QAbstractItemView.State.EditingState:
            self.paste(QApplication.clipboard().text())
            return
        super().keyPressEvent(event)

    def paste(self, text: str) -> None:
        """Each line of ``text`` a row (cells apart by tabs), written over the rows from the current cell on."""
        index = self.currentIndex()
        top, left = (index.row(), index.column()) if index.isValid() else (0, 0)
        for offset, cells in enumerate(pasted_rows(text, self.columnCount() - left)):
            row = top + offset
            if row >= self.rowCount():
                self.insertRow(row)
            for column, value in enumerate(cells, left):
                self.setItem(row, column, QTableWidgetItem(value))

    # --- Tab out of the table from its last cell (and Shift+Tab from its first) --------------------------

    def _at_edge(self, forward: bool) -> bool:
        index = self.currentIndex()
        if not index.isValid():
            return True
        if forward:
            return index.row() == self.rowCount() - 1 and index.column() == self.columnCount() - 1
        return index.row() == 0 and index.column() == 0

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt's names)
        if self._at_edge(next):
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)

    def closeEditor(self, editor: QWidget, hint: Hint) -> None:  # noqa: N802 (Qt's name)
        forward = hint == Hint.EditNextItem
        leaving = hint in (Hint.EditNextItem, Hint.EditPreviousItem) and self._at_edge(forward)
        super().closeEditor(editor, Hint.NoHint if leaving else hint)
        if leaving:
            QWidget.focusNextPrevChild(self, forward)
