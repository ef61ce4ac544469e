"""Every window and dialog on a demo-like store: no clashing shortcut or mnemonic, Ctrl+Enter saves, and each
fits a 1280×720 screen (issue 11)."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTabBar,
    QWidget,
)

from cpm_desktop.app import build_main_window
from cpm_desktop.services import contacts, goals, mentors, referrals
from cpm_desktop.services.demo import create_demo_store

SMALL_SCREEN = QSize(1280, 720)
TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.cpm"
    create_demo_store(path, "demo passphrase", seed=7, scale=0.05, today=TODAY).close()
    return path


@pytest.fixture
def demo_window(qtbot, demo_path, tmp_path):
    copy = tmp_path / "demo.cpm"  # each test its own copy: what one saves is not seen by the next
    shutil.copyfile(demo_path, copy)
    main = build_main_window(copy, "demo passphrase")
    qtbot.addWidget(main, before_close_func=lambda w: setattr(w, "dirty", False))
    main.show()
    yield main
    main.context.store.close()


def _case_with_goals_and_contacts(window) -> str:
    store = window.context.store
    for row in referrals.list_referrals(store, limit=500):
        if goals.goals(store, row.uuid) and contacts.list_contacts(store, row.uuid):
            return row.uuid
    raise AssertionError("the demo store has a case with goals and contacts")


def every_window(window, qtbot) -> Iterator[tuple[str, QWidget]]:
    """The main window once per pane, then every dialog the application opens, each built on a real case."""
    from cpm_desktop.services import letters as letter_service
    from cpm_desktop.ui.dialogs.close_case import CloseCaseDialog
    from cpm_desktop.ui.dialogs.contact_edit import ContactEditDialog
    from cpm_desktop.ui.dialogs.evaluation import EvaluationDialog
    from cpm_desktop.ui.dialogs.gdpr import GdprSettingsDialog
    from cpm_desktop.ui.dialogs.goals import GoalDialog, ReviewDialog
    from cpm_desktop.ui.dialogs.letters import LetterDialog
    from cpm_desktop.ui.dialogs.mentor_form import MentorDialog
    from cpm_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog
    from cpm_desktop.ui.dialogs.retention import DueForDeletionDialog, ErasureRequestDialog, RetentionRulesDialog
    from cpm_desktop.ui.dialogs.sar import (
        NewRequestDialog,
        PauseDialog,
        RecordReader,
        RequestRegisterDialog,
        SubjectAccessDialog,
    )
    from cpm_desktop.ui.dialogs.sync import SyncDialog
    from cpm_desktop.ui.panes.mentors import MentorRegisterDialog
    from cpm_desktop.ui.panes.risk import AssessmentDialog, VisitDialog
    from cpm_desktop.ui.unlock import UnlockDialog

    context, store = window.context, window.context.store
    uuid = _case_with_goals_and_contacts(window)
    window.referrals_pane.select(uuid)
    context.set_current_referral(uuid)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        yield f"main window, {window.tabs.tabText(index).replace('&', '')}", window
    window.tabs.setCurrentIndex(0)
    referral = referrals.load_referral(store, uuid)
    mentor = mentors.load_mentor(store, mentors.mentor_list(store)[0].mentor_uuid)
    letter = letter_service.acknowledgement_letter(store, referral.referral_id)
    pdf = letter_service.letter_pdf(letter)
    dialogs = {
        "close case": lambda: CloseCaseDialog(context, uuid, parent=window),
        "evaluation summary": lambda: EvaluationDialog(context, window),
        "unlock": lambda: UnlockDialog(window, path=store.path),
        "due for deletion": lambda: DueForDeletionDialog(context, window),
        "erase on request": lambda: ErasureRequestDialog(context, window),
        "retention rules": lambda: RetentionRulesDialog(context, window),
        "subject-access information": lambda: GdprSettingsDialog(context, window),
        "feedback letter": lambda: LetterDialog(context, referral.referral_id, window),
        "acknowledgement letter": lambda: LetterDialog(context, referral.referral_id, window, kind="acknowledgement"),
        "mentor form": lambda: MentorDialog(context, mentor, window),
        "new mentor": lambda: MentorDialog(context, mentors.MentorForm(), window),
        "pdf preview": lambda: PdfPreviewDialog(letter.title, pdf, "letter.pdf", window),
        "subject access": lambda: SubjectAccessDialog(context, window, person_id=referral.person_id),
        "record reader": lambda: RecordReader("A record\nas text", window),
        "request register": lambda: RequestRegisterDialog(context, window),
        "new request": lambda: NewRequestDialog(window),
        "pause": lambda: PauseDialog(TODAY, window),
        "new goal": lambda: GoalDialog(window),
        "goal review": lambda: ReviewDialog(context.vocabulary, goals.goals(store, uuid)[0], [], window),
        "contact correction": lambda: ContactEditDialog(context, contacts.list_contacts(store, uuid)[0],
                                                        contacts.helpers(store, uuid), window),
        "mentor register": lambda: MentorRegisterDialog(context, window),
        "assessment": lambda: AssessmentDialog("initial", window),
        "home visit": lambda: VisitDialog(None, window),
        "sync": lambda: SyncDialog(context, window),
    }
    for name, make in dialogs.items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        pages = [tabs for tabs in dialog.findChildren(QWidget) if hasattr(tabs, "setCurrentIndex")
                 and hasattr(tabs, "tabText") and tabs.isVisibleTo(dialog)]
        if pages:
            for index in range(pages[0].count()):
                pages[0].setCurrentIndex(index)
                yield f"{name}, {pages[0].tabText(index).replace('&', '')}", dialog
        else:
            yield name, dialog
        dialog.done(0)


# --- the keys a window answers to ------------------------------------------------------------------------

def _mnemonic(text: str) -> str | None:
    key = QKeySequence.mnemonic(text)
    return key.toString() if not key.isEmpty() else None


def window_keys(top: QWidget) -> list[tuple[str, str, QWidget | None]]:
    """(key, what, scope) for every key that acts in ``top`` as it is now: the mnemonics of visible labels with
    a buddy, buttons, group boxes, tabs and the menu bar (scope None: anywhere in the window), and shortcuts of
    actions and QShortcuts (scope: the widget a widget-context shortcut is tied to)."""
    keys: list[tuple[str, str, QWidget | None]] = []

    def shown(widget: QWidget) -> bool:
        return widget is top or widget.isVisibleTo(top)

    for label in top.findChildren(QLabel):
        if label.buddy() is not None and shown(label) and (key := _mnemonic(label.text())):
            keys.append((key, f"label “{label.text()}”", None))
    for button in top.findChildren(QAbstractButton):
        if shown(button) and (key := _mnemonic(button.text())):
            keys.append((key, f"button “{button.text()}”", None))
    for box in top.findChildren(QGroupBox):
        if shown(box) and (key := _mnemonic(box.title())):
            keys.append((key, f"group “{box.title()}”", None))
    for bar in top.findChildren(QTabBar):
        if shown(bar):
            keys += [(key, f"tab “{bar.tabText(i)}”", None) for i in range(bar.count())
                     if (key := _mnemonic(bar.tabText(i)))]
    if isinstance(top, QMainWindow):
        keys += [(key, f"menu “{action.text()}”", None) for action in top.menuBar().actions()
                 if (key := _mnemonic(action.text()))]
    for action in top.findChildren(QAction):
        widgets = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
        active = action.isEnabled() and (not widgets or any(isinstance(w, QMenu) or shown(w) for w in widgets))
        if active:
            keys += [(key.toString(), f"action “{action.text()}”", None) for key in action.shortcuts()]
    for shortcut in top.findChildren(QShortcut):
        owner = shortcut.parent()
        if shortcut.isEnabled() and isinstance(owner, QWidget) and shown(owner):
            scope = None if shortcut.context() in (Qt.ShortcutContext.WindowShortcut,
                                                   Qt.ShortcutContext.ApplicationShortcut) else owner
            keys += [(key.toString(), f"shortcut on {owner.objectName() or type(owner).__name__}", scope)
                     for key in shortcut.keys()]
    return keys


def clashes(keys: list[tuple[str, str, QWidget | None]]) -> list[str]:
    """Two keys clash when both can act at once: both window-wide, or one window-wide and one scoped, or two
    scoped to the same widget or one inside the other."""
    found = []
    for n, (key, what, scope) in enumerate(keys):
        for other_key, other, other_scope in keys[n + 1:]:
            if key != other_key:
                continue
            overlap = scope is None or other_scope is None or scope is other_scope \
                or scope.isAncestorOf(other_scope) or other_scope.isAncestorOf(scope)
            if overlap:
                found.append(f"{key}: {what} and {other}")
    return found


def test_no_window_or_dialog_has_clashing_keys(demo_window, qtbot):
    problems = []
    for name, top in every_window(demo_window, qtbot):
        problems += [f"{name}: {clash}" for clash in clashes(window_keys(top))]
    assert not problems, "\n".join(problems)


def test_menus_have_a_mnemonic_each_and_no_two_alike(demo_window):
    problems = []
    for menu in demo_window.menuBar().findChildren(QMenu):
        seen: dict[str, str] = {}
        for action in menu.actions():
            if action.isSeparator():
                continue
            key = _mnemonic(action.text())
            if key is None:
                problems.append(f"{menu.title()}: “{action.text()}” has no mnemonic")
            elif key in seen:
                problems.append(f"{menu.title()}: “{action.text()}” and “{seen[key]}” share {key}")
            else:
                seen[key] = action.text()
    assert not problems, "\n".join(problems)


def test_every_window_and_dialog_fits_a_1280_by_720_screen(demo_window, qtbot):
    too_big = []
    for name, top in every_window(demo_window, qtbot):
        hint = top.minimumSizeHint().expandedTo(top.minimumSize())
        if hint.width() > SMALL_SCREEN.width() or hint.height() > SMALL_SCREEN.height() - 40:  # a taskbar
            too_big.append(f"{name}: {hint.width()}×{hint.height()}")
    assert not too_big, "\n".join(too_big)


def test_ctrl_enter_accepts_every_dialog_that_saves(demo_window, qtbot):
    """Ctrl+Enter (and Ctrl+Return) from a field presses the dialog's Save or OK, whichever field has focus.
    The button box is kept quiet, so the press is seen and nothing is saved or generated."""
    pressed = []
    for name, top in every_window(demo_window, qtbot):
        if not isinstance(top, QDialog):
            continue
        boxes = top.findChildren(QDialogButtonBox)
        main = next((b.button(kind) for b in boxes for kind in (QDialogButtonBox.StandardButton.Save,
                                                              QDialogButtonBox.StandardButton.Ok) if b.button(kind)),
                    None)
        if main is None:
            continue
        clicked: list[bool] = []
        main.clicked.connect(lambda *_, seen=clicked: seen.append(True))
        for box in boxes:
            box.blockSignals(True)
        main.setEnabled(True)
        focus = top.focusWidget() or top
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            qtbot.keyClick(focus, key, Qt.KeyboardModifier.ControlModifier)
        pressed.append((name, len(clicked)))
        for box in boxes:
            box.blockSignals(False)
    assert pressed and all(count >= 1 for _, count in pressed), [p for p in pressed if p[1] < 1]
