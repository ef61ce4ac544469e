"""A date typed as people write it (12/03/1985, 12031985, 1985-03-12), empty when unknown.

One text field instead of QDateEdit's sections: Tab leaves the field, and a date that does not exist is said
in words beneath it and never saved as another date (``date_problem`` finds it before a save). The rule of
what counts as a date is ``domain.dates.parse_day``.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from cpm_desktop.domain.dates import (
    DateProblem,
    format_day,
    format_moment,
    parse_day,
    parse_moment,
    range_problem,
)

Day = date  # inside the classes below, ``date`` is DateEntry.date(), the method


def _from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _from_qdatetime(value: QDateTime) -> datetime:
    day, time = value.date(), value.time()
    return datetime(day.year(), day.month(), day.day(), time.hour(), time.minute(), time.second())

class DateEntry(QWidget):
    """``date()`` is the day typed, or None when empty or not a date; ``problem()`` says which."""

    dateChanged = Signal(object)  # the new date (or None), each time the typed text means another day
    edited = Signal()  # the user typed or chose something

    def __init__(self, parent: QWidget | None = None, *, value: Day | None = None, required: bool = False,
                 earliest: Day | None = None, latest: Day | None = None, objectName: str = ""):  # noqa: N803
        super().__init__(parent)
        if objectName:
            self.setObjectName(objectName)
        self.checked_on_save = True  # False for a date its own button records (see date_problem)
        self.earliest, self.latest = earliest, latest
        self.edit = QLineEdit(objectName="dateText")
        self.edit.setMaxLength(30)
        self.edit.setPlaceholderText("dd/mm/yyyy")
        self.required = required
        self._fit_to("00/00/00000")
        self.calendar_button = QToolButton(objectName="dateCalendarButton", text="▾", toolTip="Choose on a calendar",
                                           focusPolicy=Qt.FocusPolicy.NoFocus,  # Tab goes on to the next field
                                           popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
        self._calendar = QCalendarWidget(firstDayOfWeek=Qt.DayOfWeek.Monday, gridVisible=True)
        menu = QMenu(self.calendar_button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self._calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._prepare_calendar)
        self._calendar.clicked.connect(lambda day: self._chosen(day, menu))
        self.calendar_button.setMenu(menu)
        self.message = QLabel(objectName="dateProblem", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.edit)
        row.addWidget(self.calendar_button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.setFocusProxy(self.edit)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._last: Day | None = None
        self.edit.textChanged.connect(self._text_changed)
        self.edit.textEdited.connect(lambda _text: self.edited.emit())
        self.edit.editingFinished.connect(self._finished)
        self.setDate(value)

    @property
    def required(self) -> bool:
        return self._required

    @required.setter
    def required(self, value: bool) -> None:
        """Set after construction by the Designer forms: a date that must be given never hints "leave it empty"."""
        self._required = value
        self._hint = "" if value else "Leave it empty if the date is not known."
        self.edit.setToolTip(self._hint)

    def _fit_to(self, sample: str) -> None:
        """As wide as a date (or a date and time) needs and no wider: the placeholder may be cut short."""
        width = self.edit.fontMetrics().horizontalAdvance(sample) + 24
        self.edit.setMinimumWidth(width)
        self.edit.setMaximumWidth(width * 2)

    # --- the value -----------------------------------------------------------------------------------

    def _chosen(self, day: QDate, menu: QMenu) -> None:
        self._choose(_from_qdate(day))
        menu.close()

    def date(self) -> Day | None:
        """The day typed; None when the field is empty or its text is not an acceptable date."""
        return self._value()

    def _value(self):  # a date here, a datetime in DateTimeEntry
        try:
            value = self._read(self.edit.text())
        except DateProblem:
            return None
        return value if value is not None and self._range_problem(value) is None else None

    def setDate(self, value: Day | QDate | None) -> None:  # noqa: N802 (as QDateEdit)
        if isinstance(value, QDate):
            value = _from_qdate(value) if value.isValid() else None
        self.edit.setText(self._write(value) if value else "")
        self._show(None)

    # What a text means and how a value is written: a day here (DateTimeEntry: a day and a time).
    def _read(self, text: str) -> Day | None:
        return parse_day(text)

    def _write(self, value: Day) -> str:
        return format_day(value)

    def clear(self) -> None:
        self.setDate(None)

    def text(self) -> str:
        return self.edit.text()

    def problem(self) -> str | None:
        """Why the text cannot be saved, in one sentence; None when it is a date (or empty and not required)."""
        try:
            value = self._read(self.edit.text())
        except DateProblem as error:
            return str(error)
        if value is None:
            return "Give a date." if self.required else None
        return self._range_problem(value)

    def setMinimumDate(self, value: Day | QDate | None) -> None:  # noqa: N802 (as QDateEdit)
        self.earliest = _from_qdate(value) if isinstance(value, QDate) else value

    def setMaximumDate(self, value: Day | QDate | None) -> None:  # noqa: N802 (as QDateEdit)
        self.latest = _from_qdate(value) if isinstance(value, QDate) else value

    def _range_problem(self, day: Day) -> str | None:
        return range_problem(day, self.earliest, self.latest, date.today())

    # --- reacting ------------------------------------------------------------------------------------

    def _text_changed(self, _text: str) -> None:
        day = self._value()
        if self.problem() is None:
            self._show(None)  # mended: the words go as soon as the date is right
        if day != self._last:
            self._last = day
            self.dateChanged.emit(day)

    def _finished(self) -> None:
        """On leaving the field: say what is wrong, or write the date the one way the scheme writes it."""
        problem = self.problem()
        self._show(problem)
        value = self._value()
        if problem is None and value is not None and self.edit.text() != self._write(value):
            self.edit.setText(self._write(value))

    def _show(self, problem: str | None) -> None:
        self.message.setText(problem or "")
        self.message.setVisible(problem is not None)
        self.edit.setToolTip(problem or self._hint)

    def _prepare_calendar(self) -> None:
        shown = self.date() or date.today()
        self._calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        for bound, setter in ((self.earliest, self._calendar.setMinimumDate),
                              (self.latest, self._calendar.setMaximumDate)):
            if bound is not None:
                setter(QDate(bound.year, bound.month, bound.day))

    def _choose(self, day: Day) -> None:
        self.setDate(day)
        self.edited.emit()
        self.edit.setFocus()


class DateTimeEntry(DateEntry):
    """A day and a time typed as one (12/03/2024 14:30), or a time alone for today (14:30, 2pm).

    ``latest`` is a moment (None: any); by default not in the future."""

    def __init__(self, parent: QWidget | None = None, *, value: datetime | None = None, objectName: str = "",
                 allow_future: bool = False):  # noqa: N803
        super().__init__(parent, required=True, objectName=objectName)
        self._allow_future = allow_future
        self.edit.setPlaceholderText("dd/mm/yyyy hh:mm")
        self._hint = "A time alone (14:30) is today."
        self.edit.setToolTip(self._hint)
        self._fit_to("00/00/00000 00:000")
        self.calendar_button.hide()  # the day is typed with its time
        self.setDateTime(value)

    def dateTime(self) -> datetime | None:  # noqa: N802 (as QDateTimeEdit)
        return self._value()

    def setDateTime(self, value: datetime | QDateTime | None) -> None:  # noqa: N802 (as QDateTimeEdit)
        if isinstance(value, QDateTime):
            value = _from_qdatetime(value) if value.isValid() else None
        self.edit.setText(format_moment(value) if value else "")
        self._show(None)

    def _read(self, text: str) -> datetime | None:
        return parse_moment(text, date.today())

    def _write(self, value: datetime) -> str:  # type: ignore[override]
        return format_moment(value)

    def _range_problem(self, value: datetime) -> str | None:  # type: ignore[override]
        if not self._allow_future and value > datetime.now() + timedelta(minutes=1):
            return f"{format_moment(value)} is in the future."
        return None


def date_problem(root: QWidget) -> str | None:
    """The first date under ``root`` that cannot be saved, named by its label, in one sentence; else None."""
    for entry in root.findChildren(DateEntry):
        shown = entry.checked_on_save and entry.isEnabled() and entry.isVisibleTo(root)
        problem = entry.problem() if shown else None
        if problem:
            return f"{field_name(entry, root)}: {problem}"
    return None


def refuse_bad_dates(window: QWidget, title: str = "Not saved") -> bool:
    """True (after saying which date and why, in one sentence) when a date under ``window`` cannot be saved."""
    problem = date_problem(window)
    if problem:
        QMessageBox.warning(window, title, f"{problem} Nothing was saved.")
    return problem is not None


def field_name(widget: QWidget, root: QWidget) -> str:
    """The words of the label whose buddy ``widget`` is (without its mnemonic), or its accessible name."""
    for label in root.findChildren(QLabel):
        if label.buddy() is widget and label.text():
            return label.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(": ")
    return widget.accessibleName() or "A date"
