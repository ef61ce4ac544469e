"""A dialog the main window opens is deleted once it has closed, but never while work it started still runs."""
from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QDialog

from cpm_desktop.ui.workers import BackgroundWork
from tests.ui.test_main_window import window  # noqa: F401 (the fixture)


def test_a_closed_dialog_waits_for_its_background_work_before_it_is_deleted(window, qtbot):  # noqa: F811
    release = threading.Event()
    dialog = QDialog(window)
    work = BackgroundWork(lambda _progress: release.wait(10), dialog)
    window._open(dialog)
    work.start()
    dialog.reject()
    qtbot.wait(50)
    assert shiboken6.isValid(dialog) and work.running  # still running: kept
    release.set()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5000)


def test_a_closed_dialog_with_no_work_is_deleted(window, qtbot):  # noqa: F811
    dialog = QDialog(window)
    window._open(dialog)
    dialog.accept()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5000)
