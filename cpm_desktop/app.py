"""Wires the application together: opens the store, builds the context and the main window."""
from __future__ import annotations

import sys
from pathlib import Path

from cpm_desktop.services.stores import Store


def _application():
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("cpm-desktop")
    app.setOrganizationName("cpm-desktop")
    from cpm_desktop.ui.gui_gc import collect_on_gui_thread
    from cpm_desktop.ui.widgets.scrolling import follow_focus

    follow_focus(app)
    collect_on_gui_thread(app)  # never in a worker thread: it would free Qt objects there
    return app


def window_for(store: Store):
    from cpm_desktop.ui.context import AppContext
    from cpm_desktop.ui.main_window import MainWindow

    context = AppContext(store)
    window = MainWindow(context)
    context.setParent(window)
    return window


def build_main_window(db_path: str | Path, passphrase: str):
    """The ready main window for the store at ``db_path`` (used by tests and by start-up)."""
    _application()
    return window_for(Store.open(db_path, passphrase))


def run_gui(db_path: Path | None, demo: bool) -> int:
    app = _application()
    from cpm_desktop.ui.unlock import UnlockDialog

    dialog = UnlockDialog(path=db_path)
    if demo:  # the unlock window says how the demo is coming along, and Cancel leaves it to choose another
        dialog.open_demo()
    if dialog.exec() != UnlockDialog.DialogCode.Accepted or dialog.store is None:
        return 0
    store = dialog.store
    window = window_for(store)
    window.show()
    code = app.exec()
    store.close()
    return code
