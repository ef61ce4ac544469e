"""A search run a moment after the typing stops, and finished at once when the person acts on its list.

Without this, Enter or a click in the short pause acts on the list as it was before the search (the wrong
client). Enter, keys and clicks on the acting widgets first finish the pending search; a click whose target
moved because the list changed is not passed on, so it never lands on someone who was not on screen.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

_CLICKS = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick}
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class DelayedSearch(QObject):
    """Runs ``run()`` ``delay_ms`` after each edit of the ``fields``; ``shown()`` fingerprints what is on screen."""

    def __init__(self, run: Callable[[], None], shown: Callable[[], object], *, fields: Iterable[QObject],
                 acting: Iterable[QWidget], delay_ms: int = 150, parent: QObject | None = None):
        super().__init__(parent)
        self._run, self._shown = run, shown
        self.timer = QTimer(self, singleShot=True, interval=delay_ms, timeout=run)
        self._fields = list(fields)
        for field in self._fields:
            field.installEventFilter(self)  # Enter in the field itself acts on the list
        for widget in acting:
            widget.installEventFilter(self)
            if isinstance(widget, QAbstractScrollArea):  # clicks arrive at a list's viewport
                widget.viewport().installEventFilter(self)

    def restart(self, *_args: object) -> None:
        """Connect to each field's change signal."""
        self.timer.start()

    @property
    def pending(self) -> bool:
        return self.timer.isActive()

    def finish(self) -> bool:
        """Run a pending search now; True when that changed what is on screen."""
        if not self.timer.isActive():
            return False
        self.timer.stop()
        before = self._shown()
        self._run()
        return self._shown() != before

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if not self.timer.isActive():
            return False
        kind = event.type()
        if watched in self._fields:
            if kind == QEvent.Type.KeyPress and event.key() in _ENTER:  # type: ignore[attr-defined]
                self.finish()
            return False
        if kind in _CLICKS:
            return self.finish()  # the row under the pointer changed: this click is not passed on
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            self.finish()  # a key acts on the list as it is now shown
        return False

