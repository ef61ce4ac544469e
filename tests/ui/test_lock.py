"""The lock is a cover over every window: dialogs in exec() stay in it with what was typed, message boxes stay
open, titles name no client while locked, and after the passphrase the coordinator carries on where they were."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox, QWidget

from cpm_desktop.services import referrals, risk
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.lock import NEUTRAL_TITLE, LockCover, LockReason
from tests.conftest import PASSPHRASE
from tests.ui.modal import raise_first, when_modal
from tests.ui.test_main_window import type_text, window  # noqa: F401 (the fixture)


def covered(widget: QWidget) -> bool:
    """Every point of the window shows the lock's cover, nothing of the record."""
    rect = widget.rect()
    for fx in (0.02, 0.25, 0.5, 0.75, 0.98):
        for fy in (0.02, 0.25, 0.5, 0.75, 0.98):
            child = widget.childAt(QPoint(int(rect.width() * fx), int(rect.height() * fy)))
            while child is not None and not isinstance(child, LockCover):
                child = child.parentWidget()
            if child is None:
                return False
    return True


def unlock_by_keyboard(qtbot, main, passphrase: str = PASSPHRASE) -> None:
    qtbot.waitUntil(main.lock_screen.passphrase.hasFocus, timeout=3000)
    type_text(QApplication.focusWidget(), passphrase)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def pending_case(main) -> str:
    store = main.context.store
    pending = next(row for row in referrals.list_referrals(store) if row.outcome == "pending")
    main.referrals_pane.select(pending.uuid)
    assert main.context.current_referral == pending.uuid
    return pending.uuid


def test_an_assessment_typed_before_the_idle_lock_is_saved_after_it(window, qtbot):  # noqa: F811
    uuid = pending_case(window)
    name = referrals.case_header(window.context.store, uuid).name
    errors: list[BaseException] = []
    seen = {}

    def steps(dialog):
        dialog.notes.setFocus()
        type_text(dialog.notes, "Typed before the lock")
        window.set_idle_minutes(0.002)
        qtbot.waitUntil(lambda: window.locked, timeout=3000)
        window.set_idle_minutes(10)
        assert dialog.isVisible() and QApplication.activeModalWidget() is window.lock_screen
        assert covered(window) and covered(dialog)
        titles = {w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()}
        assert titles == {NEUTRAL_TITLE} and not any(name in title for title in titles)
        assert window.lock_screen.message.text().startswith("Locked after 1 second without use.")
        unlock_by_keyboard(qtbot, window, "not the passphrase")
        assert window.locked and "wrong" in window.lock_screen.error.text()
        window.lock_screen.passphrase.clear()
        unlock_by_keyboard(qtbot, window)
        assert not window.locked and dialog.isVisible() and not covered(dialog)
        assert dialog.notes.toPlainText() == "Typed before the lock"
        seen["title"] = window.windowTitle()
        qtbot.waitUntil(dialog.notes.hasFocus, timeout=3000)  # the coordinator carries on where they were
        type_text(dialog.notes, ", and after it")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    when_modal(steps, errors, ready=lambda d: hasattr(d, "notes"))
    dialog = window.risk_pane.new_assessment()  # window-modal (open()): the test waits for it to close
    qtbot.waitUntil(lambda: bool(errors) or not dialog.isVisible(), timeout=20000)
    raise_first(errors)
    assert name in seen["title"]
    (saved,) = risk.assessments(window.context.store, uuid)
    assert saved.notes == "Typed before the lock, and after it"


def test_a_message_box_open_at_the_lock_is_still_there_after_it(window, qtbot):  # noqa: F811
    uuid = pending_case(window)
    name = referrals.case_header(window.context.store, uuid).name
    errors: list[BaseException] = []
    seen = {}

    def steps(box):
        assert isinstance(box, QMessageBox)
        window.lock()  # as the idle timer or the operating system would
        assert covered(window) and covered(box)
        assert window.windowTitle() == NEUTRAL_TITLE and box.windowTitle() == NEUTRAL_TITLE
        assert window.lock_screen.message.text().startswith("Locked. ")  # not "after a while without use"
        window.context.announce(Changes.REFERRAL)  # the title is worked out again while locked: still neutral
        assert window.windowTitle() == NEUTRAL_TITLE
        unlock_by_keyboard(qtbot, window)
        assert not window.locked and box.isVisible() and not covered(window)
        seen["titles"] = (window.windowTitle(), box.windowTitle())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    when_modal(steps, errors)
    window.risk_pane.record_decision()  # no reason given: "Not recorded" in a message box
    raise_first(errors)
    assert name in seen["titles"][0] and seen["titles"][1] == "Not recorded"
    assert not window.locked and window.tabs.isVisible()


def test_the_lock_screen_never_shows_stale_words(window, qtbot):  # noqa: F811
    window.lock()
    unlock_by_keyboard(qtbot, window, "wrong")
    assert "wrong" in window.lock_screen.error.text()
    window.lock_screen.passphrase.clear()
    unlock_by_keyboard(qtbot, window)
    window.set_idle_minutes(10)
    window.lock(LockReason.IDLE)
    assert window.lock_screen.message.text().startswith("Locked after 10 minutes without use.")
    assert window.lock_screen.error.text() == ""
    window.lock_screen.close()  # Alt+F4 or the close button does not uncover the record
    assert window.locked and window.lock_screen.isVisible()
    unlock_by_keyboard(qtbot, window)
    assert not window.locked and not window.lock_screen.isVisible()


def test_a_window_that_opens_while_locked_is_covered_and_named_neutrally(window, qtbot):  # noqa: F811
    pending_case(window)
    window.lock()
    late = QDialog(window)
    late.setWindowTitle("Feedback — regarding a client")
    late.resize(300, 200)
    late.show()  # as a report finished in the background would
    assert covered(late) and late.windowTitle() == NEUTRAL_TITLE
    assert QApplication.activeModalWidget() is window.lock_screen
    unlock_by_keyboard(qtbot, window)
    assert late.windowTitle() == "Feedback — regarding a client" and not covered(late)
    late.close()


@pytest.mark.qt_log_ignore("This plugin does not support grabbing")  # the offscreen platform, about popups
def test_an_open_list_of_choices_is_closed_by_the_lock(window, qtbot):  # noqa: F811
    combo = window.referrals_pane.editor.ui.referrerOrgCombo
    combo.setFocus()
    combo.showPopup()
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=3000)
    window.lock()
    assert QApplication.activePopupWidget() is None and covered(window)
    unlock_by_keyboard(qtbot, window)
