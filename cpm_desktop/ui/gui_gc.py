"""Python's cycle collector runs in whichever thread happens to be allocating when its counts fill up. When
that is a worker thread (an import, an erasure, a sync) and the garbage holds a Qt object, the object is
destroyed outside the GUI thread: Qt warns "Timers cannot be stopped from another thread", or crashes.

So automatic collection is switched off and the GUI thread collects instead, generation by generation as the
usual thresholds say (Kovid Goyal's workaround on the PyQt list, used by calibre and Anki).
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        collect_due(self.threshold)


def collect_due(threshold: tuple[int, int, int]) -> None:
    """Collect what the thresholds ask for, in the calling thread (the GUI thread)."""
    young, middle, old = gc.get_count()
    if young > threshold[0]:
        gc.collect(0)
        if middle > threshold[1]:
            gc.collect(1)
            if old > threshold[2]:
                gc.collect(2)


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """Install the collector once for ``app`` (the QApplication); later calls return the same one."""
    existing = app.findChild(GuiThreadCollector)
    return existing if isinstance(existing, GuiThreadCollector) else GuiThreadCollector(app)
