"""The lock: a cover over every window and a passphrase window above them all.

Nothing is hidden, closed or rejected while locked: a form shown window-modal with ``open()`` stays open with
what was typed, a question box stays in its ``exec()``, and after the passphrase everything is exactly where it
was. Covers hide the content,
every window's title is neutral (the taskbar names no client), and the passphrase window is application-modal,
so no key or click reaches the record until it is unlocked.
"""
from __future__ import annotations

from collections.abc import Callable
from enum import Enum

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

NEUTRAL_TITLE = "CPM Desktop — locked"
_INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}


class LockReason(Enum):
    MANUAL = "manual"
    IDLE = "idle"
    SLEEP = "sleep"
    SESSION = "session"


def minutes_in_words(minutes: float) -> str:
    if minutes < 1:
        seconds = max(1, round(minutes * 60))
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    shown = f"{minutes:g}"
    return f"{shown} minute{'s' if shown != '1' else ''}"


def reason_text(reason: LockReason, idle_minutes: float) -> str:
    return {LockReason.MANUAL: "Locked.",
            LockReason.IDLE: f"Locked after {minutes_in_words(idle_minutes)} without use.",
            LockReason.SLEEP: "Locked because the computer was going to sleep.",
            LockReason.SESSION: "Locked with your computer's session."}[reason] \
        + " Everything you were doing is kept as it was."


class LockCover(QWidget):
    """An opaque child over the whole of one window (menus and status bar too), following its size."""

    def __init__(self, window: QWidget, text: str):
        super().__init__(window)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(text, alignment=Qt.AlignmentFlag.AlignCenter))
        window.installEventFilter(self)
        self._fit()
        self.show()

    def _fit(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
            self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize:
            self._fit()
        elif event.type() == QEvent.Type.ChildAdded:  # a widget added later would sit above the cover
            QTimer.singleShot(0, self, self._fit)
        return False


class LockScreen(QWidget):
    """The passphrase window shown above the covered windows: the only place keys and clicks go while locked."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("lockScreen")
        self.setWindowTitle(NEUTRAL_TITLE)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.passphrase = QLineEdit(objectName="lockPassphrase", echoMode=QLineEdit.EchoMode.Password)
        self.message = QLabel(objectName="lockMessage", wordWrap=True)
        self.error = QLabel(objectName="lockError", wordWrap=True)
        self.error.setStyleSheet("color: #b42318;")
        caption = QLabel("&Passphrase")
        caption.setBuddy(self.passphrase)
        self.unlock_button = QPushButton("&Unlock", objectName="unlockButton", default=True)
        column = QWidget()
        column.setFixedWidth(440)  # a readable column in the middle, whatever the window's size
        column_layout = QVBoxLayout(column)
        for widget in (QLabel("<h2>CPM Desktop is locked</h2>"), self.message, caption, self.passphrase,
                       self.error, self.unlock_button):
            column_layout.addWidget(widget)
        column_layout.setAlignment(self.unlock_button, Qt.AlignmentFlag.AlignLeft)
        layout = QGridLayout(self)
        layout.addWidget(column, 0, 0, Qt.AlignmentFlag.AlignCenter)
        self.allow_close = False

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.allow_close:  # only unlocking closes it: Alt+F4 or the close button would uncover the record
            event.accept()
        else:
            event.ignore()


class SessionLock(QObject):
    """Locks and unlocks the whole application for ``main``; ``lockedChanged`` says when."""

    lockedChanged = Signal(bool)

    def __init__(self, main: QWidget, check_passphrase: Callable[[str], bool], idle_minutes: float):
        super().__init__(main)
        self.main = main
        self.check_passphrase = check_passphrase
        self.screen = LockScreen(main)
        self.screen.unlock_button.clicked.connect(self.try_unlock)
        self.screen.passphrase.returnPressed.connect(self.try_unlock)
        self.idle_timer = QTimer(self, singleShot=True, timeout=lambda: self.lock(LockReason.IDLE))
        self.idle_minutes = idle_minutes
        self.set_idle_minutes(idle_minutes)
        self.locked = False
        self._covers: list[LockCover] = []
        self._titles: dict[QWidget, str] = {}  # each covered window's own title, given back on unlock
        self._focus: QWidget | None = None
        self._active: QWidget | None = None
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def set_idle_minutes(self, minutes: float) -> None:
        self.idle_minutes = minutes
        self.idle_timer.setInterval(max(1, int(minutes * 60_000)))
        self.idle_timer.start()

    # --- locking ---------------------------------------------------------------------------------------

    def _windows(self) -> list[QWidget]:
        """The windows that may show the record: every visible top-level except the lock's own and popups."""
        return [w for w in QApplication.topLevelWidgets()
                if w.isVisible() and w is not self.screen
                and w.windowType() not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)]

    def _cover(self, window: QWidget) -> None:
        if any(shiboken6.isValid(c) and c.parentWidget() is window for c in self._covers):
            return
        self._covers.append(LockCover(window, "" if window is self.main else "Locked"))
        self._titles[window] = window.windowTitle()
        window.setWindowTitle(NEUTRAL_TITLE)

    def lock(self, reason: LockReason = LockReason.MANUAL) -> None:
        if self.locked:
            return
        self.locked = True
        self.idle_timer.stop()
        self.screen.message.setText(reason_text(reason, self.idle_minutes))
        self._focus, self._active = QApplication.focusWidget(), QApplication.activeWindow()
        QToolTip.hideText()
        while (popup := QApplication.activePopupWidget()) is not None:  # an open menu or list shows names
            popup.close()
        for window in self._windows():
            self._cover(window)
        self.screen.error.clear()
        self.screen.passphrase.clear()
        self.screen.allow_close = False
        self.screen.setGeometry(self.main.geometry())
        self.screen.show()
        self._bring_forward()
        self.lockedChanged.emit(True)

    def _bring_forward(self) -> None:
        if self.locked:
            self.screen.raise_()
            self.screen.activateWindow()
            self.screen.passphrase.setFocus()

    def try_unlock(self) -> bool:
        if not self.locked:
            return True
        if not self.check_passphrase(self.screen.passphrase.text()):
            self.screen.error.setText("That passphrase is wrong; try again.")
            self.screen.passphrase.selectAll()
            self.screen.passphrase.setFocus()
            return False
        self.screen.passphrase.clear()
        self.screen.error.clear()
        self.locked = False
        for cover in self._covers:
            if shiboken6.isValid(cover):
                cover.deleteLater()
                cover.hide()
        self._covers.clear()
        titles, self._titles = self._titles, {}
        for window, title in titles.items():
            if shiboken6.isValid(window):
                window.setWindowTitle(title)
        self.screen.allow_close = True
        self.screen.close()
        for widget, activate in ((self._active, True), (self._focus, False)):
            if widget is not None and shiboken6.isValid(widget) and widget.isVisible():
                widget.activateWindow() if activate else widget.setFocus()
        self._focus = self._active = None
        self.idle_timer.start()
        self.lockedChanged.emit(False)
        return True

    # --- watching the application ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if not self.locked:
            if kind in _INPUT_EVENTS:
                self.idle_timer.start()
            return False
        if isinstance(watched, QWidget) and watched.isWindow() and watched is not self.screen:
            if kind == QEvent.Type.Show and watched in self._windows():
                self._cover(watched)  # a window that appears while locked (a finished report, a message)
                QTimer.singleShot(0, self.screen, self._bring_forward)
            elif kind == QEvent.Type.WindowTitleChange and watched in self._titles \
                    and watched.windowTitle() != NEUTRAL_TITLE:
                self._titles[watched] = watched.windowTitle()  # kept for the unlock, not shown now
                watched.setWindowTitle(NEUTRAL_TITLE)
        return False
