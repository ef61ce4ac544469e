"""The coordinator's day, driven through real widgets on a real encrypted store."""
from __future__ import annotations

import functools
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTableView

from cpm_desktop.app import build_main_window, window_for
from cpm_desktop.services import cases, contacts, referrals, risk
from cpm_desktop.services.interchange import INTERCHANGE_COLUMNS, import_tables
from cpm_desktop.storage.engine import Store
from cpm_desktop.ui.changes import Changes
from tests.conftest import PASSPHRASE, new_store, scratch_folder
from tests.services.test_interchange import sample_tables


@functools.cache
def _sample_store() -> Path:
    """A store with the sample tables imported, made once; each window opens a copy of its own."""
    path = scratch_folder("sample-") / "sample.cpm"
    with new_store(path) as made:
        import_tables(made, sample_tables())
    assert not path.with_name(path.name + "-wal").exists()  # the copy is the whole store
    return path


@pytest.fixture
def window(qtbot, store_path):
    store = new_store(store_path, copy_of=_sample_store())
    main = window_for(store)
    # Closing a window with unsaved edits asks first; tests that leave edits behind are not asked.
    qtbot.addWidget(main, before_close_func=lambda w: [h.discard_unsaved() for h in w.context.unsaved_holders()])
    main.show()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    yield main
    main.context.store.close()


def type_text(widget, text: str) -> None:
    """Key presses carrying each character, as a keyboard (or input method) sends them, in any script."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    type_text(widget, text)


def test_panes_and_named_widgets_exist(window):
    for name in ("referralsPane", "riskPane", "allocationPane", "contactLogPane"):
        assert window.findChild(object, name) is not None, name
    assert isinstance(window.findChild(QTableView, "referralList"), QTableView)
    assert isinstance(window.findChild(QLineEdit, "referralSearch"), QLineEdit)


def test_item_models_pass_the_model_tester(window, qtmodeltester):
    pane = window.referrals_pane
    qtmodeltester.check(pane.model)
    pane.table.selectRow(0)
    for model in (window.risk_pane.assessment_model, window.risk_pane.visit_model,
                  window.allocation_pane.allocated_model, window.allocation_pane.suggestion_model,
                  window.contact_pane.model):
        qtmodeltester.check(model)


def test_search_as_you_type_is_accent_insensitive(window, qtbot):
    pane = window.referrals_pane
    type_into(qtbot, pane.search, "paun")
    qtbot.waitUntil(lambda: pane.model.rowCount() == 2)
    assert {row.name for row in pane.model.rows} == {"Ionuț Păun"}
    pane.search.clear()
    qtbot.waitUntil(lambda: pane.model.rowCount() == 4)


def test_new_referral_with_the_keyboard_then_found_by_search(window, qtbot):
    pane = window.referrals_pane
    form = pane.editor.ui
    pane.table.setFocus()
    qtbot.keyClick(pane.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert form.headingLabel.text() == "New referral"
    assert form.firstNameEdit.hasFocus()
    type_text(form.firstNameEdit, "Zoë")
    qtbot.keyClick(form.firstNameEdit, Qt.Key.Key_Tab)
    type_text(window.focusWidget(), "O'Brien <Smith> & Co")
    form.phoneEdit.setFocus()
    qtbot.keyClicks(form.phoneEdit, "07700 900555")
    form.areaCombo.setFocus()
    qtbot.keyClicks(form.areaCombo, "East")
    form.vulnerabilitiesList.item(1).setCheckState(Qt.CheckState.Checked)
    assert window.dirty and window.windowTitle().startswith("* ")
    qtbot.keyClick(form.phoneEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.dirty
    saved = referrals.load_referral(window.context.store, window.context.current_referral)
    assert (saved.first_name, saved.last_name, saved.area) == ("Zoë", "O'Brien <Smith> & Co", "east")
    assert saved.vulnerabilities == ("vulnerable_isolated",)
    type_into(qtbot, pane.search, "zoe o'brien")
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1)
    assert pane.model.rows[0].referral_id == saved.referral_id
    assert "Zoë O'Brien <Smith> & Co" in window.windowTitle()


def test_under_18_asks_for_a_reason(window, qtbot):
    pane = window.referrals_pane
    form = pane.editor.ui
    pane.new_referral()
    type_into(qtbot, form.firstNameEdit, "Young")
    type_into(qtbot, form.lastNameEdit, "Person")
    assert not form.under18ReasonEdit.isVisible()
    form.ageSpin.setValue(16)
    assert form.under18ReasonEdit.isVisible()
    warnings = []
    pane.editor.save = pane.editor.save  # the real save; capture the message box instead of showing it
    import cpm_desktop.ui.panes.referral_editor as editor_module

    original = editor_module.QMessageBox.warning
    editor_module.QMessageBox.warning = lambda *args: warnings.append(args[2])
    try:
        assert pane.editor.save() is False
        assert "18 or over" in warnings[0]
        type_into(qtbot, form.under18ReasonEdit, "Care leaver referred by the youth offending team")
        assert pane.editor.save() is True
    finally:
        editor_module.QMessageBox.warning = original


def test_re_referral_is_offered_and_linked(window, qtbot):
    pane = window.referrals_pane
    form = pane.editor.ui
    pane.new_referral()
    type_into(qtbot, form.firstNameEdit, "Ionut")
    type_into(qtbot, form.lastNameEdit, "Paun")
    qtbot.waitUntil(lambda: form.matchList.count() > 0, timeout=3000)
    assert "P1" in form.matchList.item(0).text()
    qtbot.mouseClick(form.linkButton, Qt.MouseButton.LeftButton)
    assert pane.editor.read_form().person_id == "P1"
    assert form.lastNameEdit.text() == "Păun"
    assert pane.editor.save()
    saved = referrals.load_referral(window.context.store, window.context.current_referral)
    assert saved.person_id == "P1" and saved.referral_id == "R000005"  # after R1..R4


def test_assessment_visit_flag_and_decision(window, qtbot):
    store = window.context.store
    pending = next(row for row in referrals.list_referrals(store) if row.outcome == "pending")
    window.referrals_pane.select(pending.uuid)
    assert window.context.current_referral == pending.uuid
    pane = window.risk_pane
    assert pending.referral_id in pane.header.text()
    pane.save_assessment(risk.Assessment(date.today(), danger_to_staff="low", will_to_change=True,
                                         checks=(risk.Check("Police systems", date.today(), "Nothing known"),)))
    assert pane.assessment_model.rowCount() == 1
    pane.save_visit(risk.Visit(date.today(), status="done", visitors="Coordinator", joint_with_referrer=True))
    assert pane.visit_model.rowCount() == 1
    pane.flag_choice.setCurrentIndex(pane.flag_choice.findData("two_staff"))
    qtbot.mouseClick(pane.raise_flag_button, Qt.MouseButton.LeftButton)
    assert pane.flag_list.count() == 1
    pane.outcome.setCurrentIndex(pane.outcome.findData("supported"))
    type_into(qtbot, pane.reason, "Will, want and capacity to change")
    qtbot.keyClick(pane.reason, Qt.Key.Key_Return)
    assert cases.case_history(store, pending.uuid)[0].outcome == "supported"
    assert "awaiting mentors" in pane.header.text()
    qtbot.waitUntil(lambda: any(r.uuid == pending.uuid and r.status == "awaiting mentors"
                                for r in window.referrals_pane.model.rows))


def test_allocating_a_pair_and_logging_contacts_by_keyboard(window, qtbot):
    store = window.context.store
    r4 = next(row for row in referrals.list_referrals(store) if row.referral_id == "R4")
    window.referrals_pane.select(r4.uuid)
    pane = window.allocation_pane
    assert [c.mentor_id for c in pane.suggestion_model.rows] == ["M1"]  # M2 has left: never suggested
    pane.suggestions.clearSelection()
    pane.suggestions.selectRow(0)
    import cpm_desktop.ui.panes.allocation as allocation_module

    original = allocation_module.ask_reason
    allocation_module.ask_reason = lambda *args: ("Only one active mentor in the east", True)
    try:
        qtbot.mouseClick(pane.allocate_button, Qt.MouseButton.LeftButton)
    finally:
        allocation_module.ask_reason = original
    assert [a.mentor_id for a in pane.allocated_model.rows] == ["M1"]
    log = window.contact_pane
    window.tabs.setCurrentWidget(log)
    log.activity.setFocus()
    qtbot.keyClicks(log.activity, "Home")
    qtbot.keyClick(log.activity, Qt.Key.Key_Tab)
    qtbot.keyClicks(window.focusWidget(), "45")
    log.notes.setFocus()
    type_text(log.notes, "Visited <home> & talked")
    qtbot.keyClick(log.notes, Qt.Key.Key_Return)
    assert log.model.rowCount() == 1
    row = log.model.rows[0]
    assert (row.activity, row.minutes, row.who, row.notes) == (
        "home_visit", 45, "Zoë Ælfric", "Visited <home> & talked")
    assert log.notes.text() == "" and log.activity.hasFocus()
    qtbot.keyClicks(log.notes, "Phoned")
    log.activity.setCurrentIndex(log.activity.findData("telephone"))
    qtbot.keyClick(log.minutes, Qt.Key.Key_Return)  # Enter in any field saves
    assert log.model.rowCount() == 2 and "2 contacts" in log.totals.text()
    assert referrals.load_referral(store, r4.uuid) is not None
    assert contacts.list_contacts(store, r4.uuid)[0].notes == "Phoned"


def test_idle_lock_covers_everything_and_keeps_edits(window, qtbot):
    from PySide6.QtWidgets import QDialog

    from tests.ui.test_lock import covered

    form = window.referrals_pane.editor.ui
    window.referrals_pane.new_referral()
    type_into(qtbot, form.firstNameEdit, "Unsaved")
    dialog = QDialog(window)
    dialog.show()
    window.set_idle_minutes(0.002)
    qtbot.waitUntil(lambda: window.locked, timeout=3000)
    assert covered(window) and covered(dialog) and window.windowTitle() == "CPM Desktop — locked"
    assert dialog.isVisible()  # covered, never hidden: a dialog in exec() would end
    type_into(qtbot, window.lock_screen.passphrase, "wrong")
    assert window.try_unlock() is False and "passphrase is wrong" in window.lock_screen.error.text()
    window.set_idle_minutes(10)
    window.lock_screen.passphrase.setText(PASSPHRASE)
    assert window.try_unlock() is True
    assert not covered(window) and form.firstNameEdit.text() == "Unsaved"
    assert dialog.isVisible() and not covered(dialog)
    dialog.close()


def test_the_main_window_is_built_for_a_store_at_a_path(qtbot, store, store_path):
    import_tables(store, sample_tables())
    store.close()
    main = build_main_window(store_path, PASSPHRASE)
    qtbot.addWidget(main)
    assert main.context.store.path == store_path
    assert referrals.count_referrals(main.context.store) == len(sample_tables()["referrals"])
    main.context.store.close()


def test_unlock_dialog_says_wrong_passphrase_and_lets_you_retry(qtbot, tmp_path):
    from cpm_desktop.ui.unlock import UnlockDialog, passphrase_hint

    path = tmp_path / "u.cpm"
    Store.create(path, PASSPHRASE).close()
    dialog = UnlockDialog(path=path)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("nope")
    with qtbot.waitSignal(dialog.settled, timeout=20000):  # the store is opened in the background
        dialog.unlock()
    assert dialog.store is None and "passphrase is wrong" in dialog.message.text()
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.unlock()
    assert dialog.store is not None
    dialog.store.close()
    assert passphrase_hint("short").startswith("Too short")
    assert passphrase_hint("four random words here") == "Strong."


def test_evaluation_dialog_generates_off_the_gui_thread(window, qtbot):
    from cpm_desktop.ui.dialogs.evaluation import EvaluationDialog

    dialog = EvaluationDialog(window.context, window, today=date(2026, 11, 23))
    qtbot.addWidget(dialog)
    assert dialog.parameters().date_from == date(2026, 4, 1)
    dialog.preset.setCurrentText("All time")
    assert dialog.parameters().date_from is None
    dialog.as_of.setDate(QDate(2026, 11, 23))
    dialog.generate()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20000)
    assert dialog.preview.page_count >= 5
    target = dialog.tmp_target = window.context.store.path.with_name("summary.pdf")
    dialog.preview.save_to(target)
    assert target.read_bytes().startswith(b"%PDF")
    dialog.preview.close()


def test_export_and_import_run_in_the_background(window, qtbot, tmp_path, monkeypatch):
    import cpm_desktop.ui.main_window as main_module

    out = tmp_path / "export"
    out.mkdir()
    monkeypatch.setattr(main_module.QFileDialog, "getExistingDirectory", lambda *args: str(out))
    window.export_folder()
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=10000)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{stem}.csv" for stem in INTERCHANGE_COLUMNS)
    warnings = []
    monkeypatch.setattr(main_module.QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    window.import_folder()  # the same records again: every id is already in the store
    qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
    assert warnings[0].startswith("Nothing was imported") and "already in the store" in warnings[0]


def test_subject_access_export_with_a_redaction_off_the_gui_thread(window, qtbot):
    import io

    from pypdf import PdfReader

    from cpm_desktop.ui.dialogs.sar import SubjectAccessDialog

    dialog = SubjectAccessDialog(window.context, window, person_id="P1")
    qtbot.addWidget(dialog)
    dialog.add_redaction("Dr O'Neil", "Names the referring doctor")
    dialog.generate()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20000)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(dialog.preview.pdf)).pages)
    assert "Ionuț" in text and "O'Neil" not in text and "Names the referring doctor" in text
    assert dialog.preview.page_count
    dialog.preview.close()


def _letter_dialog(window, qtbot, referral_id: str):
    """Letters ▸ Feedback to the referrer for ``referral_id``, as the menu opens it: window-modal."""
    from PySide6.QtGui import QAction

    from cpm_desktop.ui.dialogs.letters import LetterDialog

    window.referrals_pane.select(next(r.uuid for r in referrals.list_referrals(window.context.store)
                                      if r.referral_id == referral_id))
    window.findChild(QAction, "actionFeedbackLetter").trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), LetterDialog))
    dialog = QApplication.activeModalWidget()
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    return dialog


def _make_letter(dialog, qtbot) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def test_feedback_letter_wording_is_editable_and_sending_is_recorded(window, qtbot):
    import io

    from pypdf import PdfReader

    dialog = _letter_dialog(window, qtbot, "R1")
    heard: list[Changes] = []
    window.context.changed.connect(heard.append)
    assert dialog.mark_sent.isChecked()
    dialog.wording.setPlainText("Dear colleague,\n\nShort <and> sweet & kind.")
    _make_letter(dialog, qtbot)
    qtbot.waitUntil(lambda: dialog.preview is not None)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(dialog.preview.pdf)).pages)
    assert "Short <and> sweet & kind." in text
    assert heard == [Changes.REFERRAL]  # recording that it was sent: once
    from cpm_desktop.services.subject_access import subject_access_data

    export = subject_access_data(window.context.store, person_id="P1")
    details = dict(next(s for s in export.sections if s.title == "Referral R1").rows)
    assert details["Feedback sent to the referrer"] == date.today().strftime("%d/%m/%Y")
    dialog.preview.close()
    dialog.mark_sent.setChecked(False)
    _make_letter(dialog, qtbot)
    assert heard == [Changes.REFERRAL]  # a letter that records nothing announces nothing
    dialog.preview.close()
    dialog.done(0)


def test_a_letter_for_a_referral_gone_meanwhile_is_refused_in_one_sentence(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from cpm_desktop.services import retention

    dialog = _letter_dialog(window, qtbot, "R3")
    retention.erase_on_request(window.context.store, kind="person", subject_id="P2", reason="Asked by letter")
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *rest: said.append(text))
    _make_letter(dialog, qtbot)
    assert len(said) == 1 and said[0].endswith(".") and "\n" not in said[0]
    assert dialog.preview is None and dialog.isVisible()
    dialog.done(0)


def test_discarding_typing_for_a_referral_erased_meanwhile_shows_an_empty_form(window, qtbot):
    from cpm_desktop.services import retention

    editor = window.referrals_pane.editor
    window.referrals_pane.select(next(r.uuid for r in referrals.list_referrals(window.context.store)
                                      if r.referral_id == "R3"))
    qtbot.keyClicks(editor.ui.phoneEdit, "0191")
    assert editor.dirty
    retention.erase_on_request(window.context.store, kind="person", subject_id="P2", reason="Asked by letter")
    editor.discard_unsaved()  # as Discard in "Not saved yet" does
    assert editor.referral_uuid is None and not editor.dirty and editor.ui.lastNameEdit.text() == ""


def test_request_register_dialog(window, qtbot, qtmodeltester):
    from cpm_desktop.services.access_requests import register_request
    from cpm_desktop.ui.dialogs.sar import RequestRegisterDialog

    register_request(window.context.store, "person", "P1", date.today())
    dialog = RequestRegisterDialog(window.context, window)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 1 and "Ionuț Păun (P1)" == dialog.model.data(dialog.model.index(0, 1))
    dialog.table.selectRow(0)
    dialog.completed()
    assert dialog.model.rows[0].completed_on == date.today()


def test_goals_police_calls_and_closing_from_the_contact_log(window, qtbot, monkeypatch):
    import cpm_desktop.ui.panes.case_panel as panel_module
    import cpm_desktop.ui.widgets.common as common_module
    from cpm_desktop.services import goals as goal_service

    store = window.context.store
    r4 = next(row for row in referrals.list_referrals(store) if row.referral_id == "R4")
    window.referrals_pane.select(r4.uuid)
    panel = window.contact_pane.case_panel
    goal_service.set_goal(store, r4.uuid, goal="Join the walking group", commitment=5, set_on=date(2018, 7, 5))
    panel.show_case(r4.uuid)
    qtmodel = panel.goal_model
    assert qtmodel.rowCount() == 1 and qtmodel.rows[0].status == "open"
    panel.calls_before.setValue(20)
    panel.calls_after.setValue(2)
    panel.calls_source.setText("Police command and control")
    panel.save_calls()
    assert panel.calls_change.text() == "Change: 18 fewer calls (90% down)"
    def close(dialog):
        dialog.ui.reasonCombo.setEditText("Goals achieved")
        dialog.accept()

    import cpm_desktop.ui.dialogs.close_case as close_module

    asked, answers = [], [close_module.QMessageBox.StandardButton.No, close_module.QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(close_module.QMessageBox, "question",
                        lambda parent, title, text, *rest: (asked.append(text), answers.pop(0))[1])
    monkeypatch.setattr(panel_module.CloseCaseDialog, "open", close)
    monkeypatch.setattr(common_module, "ask_reason", lambda *args: ("Asked for help again", True))
    panel.close_case()  # the goal is still open: asked, and No leaves the case open
    assert asked == ["1 goal is still open (“Join the walking group”). Close the case as “Goals achieved” all "
                     "the same?"]
    assert referrals.case_header(store, r4.uuid).status != "closed"
    panel.close_case()  # Yes: closed as typed
    assert referrals.case_header(store, r4.uuid).status == "closed"
    qtbot.waitUntil(lambda: "closed" in window.contact_pane.header.text())
    panel.reopen_case()
    assert referrals.case_header(store, r4.uuid).status == "awaiting mentors"


def test_editing_a_contact_keeps_the_earlier_version(window, qtbot):
    from cpm_desktop.ui.dialogs.contact_edit import ContactEditDialog

    store = window.context.store
    r1 = next(row for row in referrals.list_referrals(store) if row.referral_id == "R1")
    window.referrals_pane.select(r1.uuid)
    log = window.contact_pane
    row = next(r for r in log.model.rows if r.contact_id == "C0")
    dialog = ContactEditDialog(window.context, row, contacts.helpers(store, r1.uuid), window)
    qtbot.addWidget(dialog)
    dialog.notes.setPlainText("Corrected: Ionuț came to the office")
    dialog.minutes.setValue(30)
    contacts.edit_contact(store, row.uuid, **dialog.values())
    (before,) = contacts.revisions(store, row.uuid)
    assert before.notes == "Ionuț Păun" and contacts.list_contacts(store, r1.uuid)[-1].notes != before.notes


def test_waiting_lists_change_when_a_pair_is_allocated(window, qtbot, qtmodeltester):
    from cpm_desktop.services import allocation, mentors
    from cpm_desktop.services.mentors import MentorForm

    store = window.context.store
    pane = window.allocation_pane
    for model in (pane.waiting_clients, pane.unallocated_mentors, pane.overdue_checks):
        qtmodeltester.check(model)
    assert [w.referral_id for w in pane.waiting_clients.rows] == ["R4"]
    mentors.save_mentor(store, MentorForm(first_name="Pat", last_name="New", area="east", status="active",
                                          training_completed_on=date(2018, 5, 1), dbs_checked_on=date(2018, 4, 1),
                                          safeguarding_completed_on=date(2018, 4, 2)))
    window.context.announce(Changes.MENTOR)
    assert [w.name for w in pane.unallocated_mentors.rows] == ["Pat New"]
    pane.waiting_views[0].doubleClicked.emit(pane.waiting_clients.index(0, 0))
    r4 = window.context.current_referral
    assert referrals.case_header(store, r4).referral_id == "R4"
    pair = [s.mentor_uuid for s in allocation.suggestions(store, r4)][:2]
    assert len(pair) == 2
    assert pane.pair_label.text().startswith("Suggested pair:")  # and that pair is already selected
    qtbot.mouseClick(pane.allocate_button, Qt.MouseButton.LeftButton)
    assert sorted(a.mentor_uuid for a in pane.allocated_model.rows) == sorted(pair)
    assert pane.waiting_clients.rowCount() == 0 and pane.unallocated_mentors.rowCount() == 0


def test_mentor_register_dialog_adds_a_mentor(window, qtbot, monkeypatch):
    from cpm_desktop.ui.dialogs.mentor_form import MentorDialog
    from cpm_desktop.ui.panes.mentors import MentorRegisterDialog

    dialog = MentorRegisterDialog(window.context, window)
    qtbot.addWidget(dialog)
    before = dialog.model.rowCount()

    def fill_and_accept(self):
        self.first.setText("Renée")
        self.last.setText("O'Hara <Smith>")
        self.accept()

    monkeypatch.setattr(MentorDialog, "open", fill_and_accept)
    dialog.new_mentor()
    assert dialog.model.rowCount() == before + 1
    assert [r.mentor_id for r in dialog.model.rows if r.name == "Renée O'Hara <Smith>"] == ["M0003"]


def test_saving_a_mentor_reloads_the_register_once_and_a_closed_register_hears_no_more(window, qtbot):
    from PySide6.QtCore import QCoreApplication

    from cpm_desktop.ui.dialogs.mentor_form import MentorDialog
    from cpm_desktop.ui.operations import perform
    from cpm_desktop.ui.panes.mentors import MentorRegisterDialog

    register = MentorRegisterDialog(window.context, window)
    register.show()
    reloads, reload = [], register.pane.refresh
    register.pane.refresh = lambda: reloads.append(1) or reload()
    register.new_mentor()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), MentorDialog))
    form = QApplication.activeModalWidget()
    assert form.windowModality() == Qt.WindowModality.WindowModal
    form.first.setText("Pat")
    form.last.setText("Once")
    form.accept()
    qtbot.waitUntil(lambda: not form.isVisible())
    assert reloads == [1]
    assert register.pane.selected().name == "Pat Once"  # chosen in the register as reloaded
    register.close()
    register.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    perform(window.context, Changes.MENTOR, lambda _store: None)  # no slot of the deleted register runs


def test_goal_review_and_contact_deletion_through_the_pane(window, qtbot, monkeypatch, qtmodeltester):

    import cpm_desktop.ui.panes.case_panel as panel_module
    import cpm_desktop.ui.panes.contacts as contacts_module

    store = window.context.store
    r1 = next(row for row in referrals.list_referrals(store) if row.referral_id == "R1")
    window.referrals_pane.select(r1.uuid)
    panel, log = window.contact_pane.case_panel, window.contact_pane
    qtmodeltester.check(panel.goal_model)

    def review(self):
        self.status.setCurrentIndex(self.status.findData("ongoing"))
        self.commitment.setValue(9)
        self.notes.setPlainText("Reviewed <with> the client & mentor")
        self.accept()

    monkeypatch.setattr(panel_module.ReviewDialog, "open", review)
    panel.goal_list.selectRow(0)
    panel.review_goal()
    assert (panel.goal_model.rows[0].status, panel.goal_model.rows[0].commitment) == ("ongoing", 9)
    count = log.model.rowCount()
    log.table.selectRow(0)
    monkeypatch.setattr(contacts_module, "ask_reason", lambda *args: ("Entered twice", True))
    log.delete_selected()
    assert log.model.rowCount() == count - 1


def test_the_project_lead_maintains_the_subject_access_information(window, qtbot):
    from cpm_desktop.services.subject_access import subject_access_data
    from cpm_desktop.ui.dialogs.gdpr import GdprSettingsDialog

    dialog = GdprSettingsDialog(window.context, window)
    qtbot.addWidget(dialog)
    assert "kept 6 years after support ended" in dialog.findChild(QLabel, "retentionText").text()
    dialog.edits["controller"].setPlainText("The scheme <reviewed 2026>.")
    dialog.edits["rights"].setPlainText("Rectification\nErasure\n\nRestriction")
    dialog.save()
    info = subject_access_data(window.context.store, person_id="P1").supplementary
    assert info["controller"] == "The scheme <reviewed 2026>."
    assert info["rights"] == ["Rectification", "Erasure", "Restriction"]


def test_replacing_one_mentor_of_a_pair_through_the_pane(window, qtbot, monkeypatch):
    import cpm_desktop.ui.panes.allocation as allocation_module

    store = window.context.store
    r4 = next(row for row in referrals.list_referrals(store) if row.referral_id == "R4")
    window.referrals_pane.select(r4.uuid)
    pane = window.allocation_pane
    from cpm_desktop.services import mentors
    from cpm_desktop.services.mentors import MentorForm

    for name in ("Ada", "Bea"):
        mentors.save_mentor(store, MentorForm(first_name=name, last_name="Mentor", area="east", status="active",
                                              training_completed_on=date(2018, 5, 1), dbs_checked_on=date(2018, 4, 1),
                                              safeguarding_completed_on=date(2018, 4, 2)))
    window.context.announce(Changes.MENTOR)
    qtbot.mouseClick(pane.allocate_button, Qt.MouseButton.LeftButton)  # the suggested pair
    assert len([a for a in pane.allocated_model.rows if a.ended_on is None]) == 2
    leaving = pane.allocated_model.rows[0]
    pane.allocated.selectRow(0)
    answers = iter([("Moved out of the area", True), ("Replaces a mentor who moved away", True)])
    monkeypatch.setattr(allocation_module, "ask_reason", lambda *args: next(answers))
    pane.end_selected()
    pane.suggestions.clearSelection()
    pane.suggestions.selectRow(0)
    pane.allocate_selected()
    rows = pane.allocated_model.rows
    assert [a.mentor_uuid for a in rows if a.ended_on is not None] == [leaving.mentor_uuid]
    assert len([a for a in rows if a.ended_on is None]) == 2  # the pair again, history kept
