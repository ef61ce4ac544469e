"""Slow store work leaves the GUI thread (issue 14): opening, creating and the demo in the unlock window,
backups (cancellable) and re-keying (not cancellable) in the main window. Real stores, real threads."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from cpm_desktop import config
from cpm_desktop.storage import engine
from cpm_desktop.storage.engine import Store, WrongPassphrase
from tests.conftest import PASSPHRASE
from tests.ui.test_every_window import clashes, window_keys
from tests.ui.test_main_window import window  # noqa: F401  (fixture re-used)


def store_files(folder, name):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(name))


@pytest.fixture
def closed_store(tmp_path):
    path = tmp_path / "u.cpm"
    Store.create(path, PASSPHRASE).close()
    return path


@pytest.fixture
def unlock_dialog(qtbot):
    from cpm_desktop.ui.unlock import UnlockDialog

    made = []

    def make(path):
        dialog = UnlockDialog(path=path)
        qtbot.addWidget(dialog)
        dialog.show()
        made.append(dialog)
        return dialog

    yield make
    for dialog in made:  # every thread has ended before its window goes
        qtbot.waitUntil(lambda dialog=dialog: not dialog.finishing, timeout=20000)
        if dialog.store is not None:
            dialog.store.close()


@pytest.fixture
def demo_path(tmp_path, monkeypatch):
    path = tmp_path / "data" / "demo.cpm"
    monkeypatch.setattr(config, "demo_store_path", lambda: path)
    return path


# --- the unlock window ------------------------------------------------------------------------------------

def test_the_window_keeps_answering_while_a_store_opens(qtbot, unlock_dialog, closed_store):
    dialog = unlock_dialog(closed_store)
    dialog.passphrase.setText(PASSPHRASE)
    busy_when_the_timer_fired: list[bool] = []
    timer = QTimer(interval=5, timeout=lambda: busy_when_the_timer_fired.append(dialog.busy))
    timer.start()
    try:
        with qtbot.waitSignal(dialog.accepted, timeout=20000):
            dialog.unlock()
            assert dialog.busy and dialog.store is None
            assert dialog.progress.text() == "Opening the store…" and dialog.progress.isVisible()
            assert not any(w.isEnabled() for w in (dialog.path, dialog.passphrase, dialog.open_button,
                                                   dialog.new_button, dialog.demo_button))
            assert dialog.cancel_button.isVisible() and dialog.cancel_button.isEnabled()
    finally:
        timer.stop()
    assert True in busy_when_the_timer_fired  # the event loop ran while the store was being opened
    assert dialog.store is not None and dialog.store.path == closed_store


def test_a_wrong_passphrase_is_one_sentence_then_the_right_one_opens(qtbot, unlock_dialog, closed_store, caplog):
    dialog = unlock_dialog(closed_store)
    dialog.passphrase.setText("not the passphrase")
    with qtbot.waitSignal(dialog.settled, timeout=20000):
        dialog.unlock()
    assert dialog.store is None and "passphrase is wrong" in dialog.message.text()
    assert not [r for r in caplog.records if r.levelname == "ERROR"]  # said to the person, not logged as a fault
    assert dialog.passphrase.isEnabled() and dialog.passphrase.hasFocus() and not dialog.progress.isVisible()
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.store is not None


def test_creating_with_two_different_passphrases_is_refused_and_makes_nothing(qtbot, unlock_dialog, tmp_path):
    dialog = unlock_dialog(tmp_path / "new.cpm")
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    dialog.passphrase.setText("a long and careful passphrase")
    dialog.confirm.setText("a long and careful passphrasf")
    with qtbot.waitSignal(dialog.settled, timeout=1000):
        dialog.unlock()
    assert dialog.message.text() == "The two passphrases differ."
    assert not dialog.busy and store_files(tmp_path, "new.cpm") == []
    dialog.confirm.setText("a long and careful passphrase")
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.unlock()
        assert dialog.progress.text() == "Creating the store…"
    assert dialog.store is not None and dialog.store.path == tmp_path / "new.cpm"


def test_esc_while_opening_stops_the_wait_and_the_store_is_closed_when_the_thread_ends(
        qtbot, unlock_dialog, closed_store):
    dialog = unlock_dialog(closed_store)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.unlock()
    assert dialog.busy
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and not dialog.busy  # the window stays, usable at once
    assert dialog.passphrase.isEnabled() and "Cancelled" in dialog.message.text()
    qtbot.waitUntil(lambda: not dialog.finishing, timeout=20000)
    assert dialog.store is None
    assert store_files(closed_store.parent, closed_store.name) == [closed_store.name]  # no connection left open
    with qtbot.waitSignal(dialog.accepted, timeout=20000):  # and it may be opened after all
        dialog.unlock()
    assert dialog.store is not None


def test_making_the_demo_shows_a_percentage_and_cancel_leaves_no_file(qtbot, unlock_dialog, demo_path):
    dialog = unlock_dialog(demo_path.with_name("other.cpm"))
    dialog.open_demo()
    assert dialog.progress.text().startswith("Creating the demo store…")
    qtbot.waitUntil(lambda: dialog.progress.text().endswith("%"), timeout=30000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.busy and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.finishing, timeout=30000)
    assert dialog.store is None
    assert store_files(demo_path.parent, "demo.cpm") == []  # the half-made demo is removed
    with qtbot.waitSignal(dialog.accepted, timeout=60000):  # made in full when not cancelled
        dialog.open_demo()
    assert dialog.store is not None and dialog.store.path == demo_path


def test_demo_start_up_shows_the_progress_in_the_unlock_window(qtbot, demo_path):
    from cpm_desktop.app import run_gui
    from cpm_desktop.ui.unlock import UnlockDialog

    seen: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, UnlockDialog) and dialog.busy:
            seen.append(dialog.progress.text())
            dialog.reject()  # Esc: stop waiting
            dialog.reject()  # Esc again: close the window
        elif len(seen) < 1:
            QTimer.singleShot(5, look)

    QTimer.singleShot(0, look)
    safety = QTimer(singleShot=True, interval=60_000, timeout=QApplication.quit)  # never hang the test run
    safety.start()
    try:
        assert run_gui(None, demo=True) == 0
    finally:
        safety.stop()
    assert seen and seen[0].startswith("Creating the demo store…")
    assert store_files(demo_path.parent, "demo.cpm") == []


@pytest.mark.parametrize("creating", [False, True])
def test_the_unlock_window_has_no_clashing_keys(unlock_dialog, tmp_path, creating):
    dialog = unlock_dialog(tmp_path / "u.cpm")
    if creating:
        dialog.new_button.click()
    assert clashes(window_keys(dialog)) == []
    assert {w.objectName() for w in (dialog.path, dialog.passphrase, dialog.confirm, dialog.hint, dialog.message,
                                     dialog.open_button, dialog.new_button, dialog.demo_button)} == {
        "storePath", "passphrase", "confirmPassphrase", "passphraseHint", "unlockMessage", "openButton",
        "newStoreButton", "demoButton"}
    assert dialog.findChild(QPushButton, "chooseStoreButton") is not None


# --- the main window: backup and re-keying ------------------------------------------------------------------

def test_a_backup_cancelled_leaves_no_file_and_a_finished_one_opens_with_the_key(
        window, qtbot, monkeypatch, tmp_path):  # noqa: F811
    """Cancel pressed as the copy begins stops it at its first step (tests/storage/test_backup_in_steps.py
    stops it later in the copy)."""
    import cpm_desktop.ui.main_window as main_module

    monkeypatch.setattr(engine, "BACKUP_STEP_PAGES", 2)  # the small store takes many steps
    target = tmp_path / "backup.cpm"
    monkeypatch.setattr(main_module.QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    window.backup()
    window._task.dialog.canceled.emit()  # what the progress dialog's Cancel button sends
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Backup: cancelled"), timeout=10000)
    assert store_files(tmp_path, "backup.cpm") == []  # no backup, no .partial
    reports: list[tuple[int, int]] = []
    window.backup()
    window._task.progressed.connect(lambda done, total, _message: reports.append((done, total)))
    qtbot.waitUntil(lambda: "Encrypted backup written" in window.statusBar().currentMessage(), timeout=20000)
    assert len(reports) > 1 and reports[-1][0] == reports[-1][1]  # pages done of all, step by step
    assert not target.read_bytes().startswith(b"SQLite format 3")
    with Store.open(target, PASSPHRASE):
        pass
    with pytest.raises(WrongPassphrase):
        Store.open(target, "not the passphrase")


def test_change_passphrase_runs_behind_a_progress_dialog_without_cancel(window, qtbot, monkeypatch):  # noqa: F811
    import cpm_desktop.ui.main_window as main_module

    new = "a brand new long passphrase"
    given = iter([new, new])
    monkeypatch.setattr(main_module.QInputDialog, "getText", lambda *args, **kwargs: (next(given), True))
    path = window.context.store.path
    window.change_passphrase()
    progress = window._task.dialog
    assert progress.isVisible() and progress.windowModality() == Qt.WindowModality.ApplicationModal
    assert progress.findChildren(QPushButton) == []  # no Cancel: re-keying is all or nothing
    assert "cannot be stopped" in progress.labelText()
    qtbot.keyClick(progress, Qt.Key.Key_Escape)
    assert progress.isVisible()  # Esc does not uncover the window either
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "The passphrase is changed.", timeout=20000)
    assert not progress.isVisible()
    assert window.context.store.check_passphrase(new)
    window.context.store.close()
    with pytest.raises(WrongPassphrase):
        Store.open(path, PASSPHRASE)
    with Store.open(path, new):
        pass
