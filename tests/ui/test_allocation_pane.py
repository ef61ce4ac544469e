"""The Allocation pane on its own, on a real encrypted store: allocating a pair, replacing and ending with dates,
the waiting lists changing and opening cases and mentors, and the mentor register and form."""
from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

import cpm_desktop.ui.panes.allocation as allocation_module
from cpm_desktop.services import allocation, mentors, referrals
from cpm_desktop.services.interchange import import_tables
from cpm_desktop.services.mentors import MentorForm
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.dialogs.mentor_form import MentorDialog
from cpm_desktop.ui.panes.allocation import AllocationPane
from cpm_desktop.ui.panes.mentors import MentorRegisterDialog
from tests.services.test_interchange import sample_tables
from tests.sessions import count_sessions


def ready(first, **changes) -> MentorForm:
    values = dict(first_name=first, last_name="Mentor", area="east", status="active",
                  training_completed_on=date(2018, 5, 1), dbs_checked_on=date(2018, 4, 1),
                  safeguarding_completed_on=date(2018, 4, 2))
    values.update(changes)
    return MentorForm(**values)


@pytest.fixture
def pane(qtbot, store):
    import_tables(store, sample_tables())
    for first, lived in (("Ada", ("alcohol",)), ("Bea", ()), ("Cal", ())):
        mentors.save_mentor(store, ready(first, lived_experience=lived))
    context = AppContext(store)
    widget = AllocationPane(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    return widget


@pytest.fixture
def warnings(monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: said.append(text))
    return said


def r4_uuid(pane):
    return next(r.uuid for r in referrals.list_referrals(pane.context.store) if r.referral_id == "R4")


def answer(monkeypatch, *replies):
    replies = iter(replies)
    monkeypatch.setattr(allocation_module, "ask_reason", lambda *args, **kwargs: (next(replies), True))


def open_rows(pane):
    return [a for a in pane.allocated_model.rows if a.ended_on is None]


def test_named_views_and_models_pass_the_model_tester(pane, qtmodeltester):
    assert pane.objectName() == "allocationPane"
    assert pane.findChild(type(pane.allocated), "allocatedMentors") is pane.allocated
    assert pane.findChild(type(pane.suggestions), "allocationSuggestions") is pane.suggestions
    pane.context.set_current_referral(r4_uuid(pane))
    for model in (pane.allocated_model, pane.suggestion_model, pane.waiting_clients, pane.unallocated_mentors,
                  pane.overdue_checks):
        qtmodeltester.check(model)
    assert pane.suggestion_model.rowCount() == 4


def test_without_a_case_the_case_parts_are_off_and_the_waiting_lists_show(pane):
    assert not pane.suggestions.isEnabled() and pane.suggestion_model.rowCount() == 0
    assert pane.waiting.tabText(0) == "Clients waiting for mentors (1)"
    assert pane.waiting.tabText(1) == "Mentors never allocated (3)"


def test_allocating_the_suggested_pair_changes_the_waiting_lists(pane, qtbot):
    pane.context.set_current_referral(r4_uuid(pane))
    first = pane.suggestion_model.rows[0]
    assert (first.name, first.why) == ("Ada Mentor", pane.suggestion_model.data(pane.suggestion_model.index(0, 3)))
    assert first.why.startswith("lived experience: Alcohol dependency · same area · 2 of 2 places free · waiting")
    assert pane.pair_label.text() == "Suggested pair: Ada Mentor and Bea Mentor (selected)"
    assert len(pane.suggestions.selectionModel().selectedRows()) == 2
    pane.on_date.setDate(QDate(2018, 8, 1))
    qtbot.mouseClick(pane.allocate_button, Qt.MouseButton.LeftButton)
    assert sorted((a.name, a.allocated_on) for a in open_rows(pane)) == [
        ("Ada Mentor", date(2018, 8, 1)), ("Bea Mentor", date(2018, 8, 1))]
    assert pane.waiting_clients.rowCount() == 0 and pane.waiting.tabText(0) == "Clients waiting for mentors (0)"
    assert [w.name for w in pane.unallocated_mentors.rows] == ["Cal Mentor"]
    assert pane.pair_label.text() == "This case has its pair of mentors."
    assert "Ada Mentor" not in [c.name for c in pane.suggestion_model.rows]


def test_replacing_one_mentor_of_a_pair_keeps_the_history(pane, qtbot, monkeypatch):
    store = pane.context.store
    pane.context.set_current_referral(r4_uuid(pane))
    qtbot.mouseClick(pane.allocate_button, Qt.MouseButton.LeftButton)
    leaving = next(n for n, a in enumerate(pane.allocated_model.rows) if a.name == "Bea Mentor")
    pane.allocated.selectRow(leaving)
    pane.suggestions.clearSelection()
    cal = next(n for n, c in enumerate(pane.suggestion_model.rows) if c.name == "Cal Mentor")
    pane.suggestions.selectRow(cal)
    answer(monkeypatch, "Bea moved out of the area")
    qtbot.mouseClick(pane.replace_button, Qt.MouseButton.LeftButton)
    rows = [(a.name, a.ended_on is None, a.end_reason) for a in pane.allocated_model.rows]
    assert sorted(rows) == [("Ada Mentor", True, ""), ("Bea Mentor", False, "Bea moved out of the area"),
                            ("Cal Mentor", True, "")]
    assert pane.unallocated_mentors.rowCount() == 0  # Cal has a first client now
    assert len(allocation.allocated_mentors(store, r4_uuid(pane))) == 3  # nothing deleted


def test_ending_one_then_the_suggested_partner_completes_the_pair(pane, qtbot, monkeypatch):
    pane.context.set_current_referral(r4_uuid(pane))
    qtbot.mouseClick(pane.allocate_button, Qt.MouseButton.LeftButton)
    pane.allocated.selectRow(0)
    ending = pane.allocated_model.rows[0].name
    answer(monkeypatch, "Mentor's health")
    qtbot.mouseClick(pane.end_button, Qt.MouseButton.LeftButton)
    assert [a.name for a in pane.allocated_model.rows if a.ended_on is not None] == [ending]
    assert pane.pair_label.text().startswith("Suggested partner: ")
    assert len(pane.suggestions.selectionModel().selectedRows()) == 1
    qtbot.mouseClick(pane.allocate_button, Qt.MouseButton.LeftButton)  # no reason asked: the pair is whole
    assert len(open_rows(pane)) == 2


def test_one_mentor_needs_a_reason_and_refusals_are_one_sentence(pane, qtbot, monkeypatch, warnings):
    pane.context.set_current_referral(r4_uuid(pane))
    pane.suggestions.clearSelection()
    qtbot.mouseClick(pane.allocate_button, Qt.MouseButton.LeftButton)
    assert warnings == ["Choose the mentors to allocate in the list of suggestions."]
    pane.suggestions.selectRow(0)
    answer(monkeypatch, "Only Ada speaks Irish")
    qtbot.mouseClick(pane.allocate_button, Qt.MouseButton.LeftButton)
    [only] = open_rows(pane)
    assert only.single_reason == "Only Ada speaks Irish"
    assert pane.allocated_model.data(pane.allocated_model.index(0, 3)) == "alone: Only Ada speaks Irish"
    pane.on_date.setDate(QDate(2018, 6, 1))  # before the decision to support the client
    assert len(pane.suggestions.selectionModel().selectedRows()) == 1  # the suggested partner
    qtbot.mouseClick(pane.allocate_button, Qt.MouseButton.LeftButton)
    assert warnings[-1] == "Mentors cannot be allocated before the decision to support the client."


def test_enter_on_a_waiting_client_opens_the_case(pane, qtbot):
    view = pane.waiting_views[0]
    view.setFocus()
    view.selectRow(0)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert pane.context.current_referral == r4_uuid(pane)
    assert "R4" in pane.header.text()


def test_a_waiting_mentor_opens_in_one_step_and_a_progress_check_clears_the_list(pane, qtbot, monkeypatch):
    pane.waiting.setCurrentIndex(2)
    view = pane.waiting_views[2]
    before = pane.overdue_checks.rowCount()
    seen = []

    def check_and_close(dialog):
        seen.append(dialog.windowTitle())
        dialog.ui.tabs.setCurrentIndex(1)
        dialog.ui.checkNotesEdit.setPlainText("Keen for a first client")
        dialog.ui.addCheckButton.click()
        assert [c.notes for c in dialog.checks_model.rows] == ["Keen for a first client"]
        dialog.reject()

    monkeypatch.setattr(MentorDialog, "open", check_and_close)
    view.doubleClicked.emit(pane.overdue_checks.index(0, 0))
    assert seen and seen[0].startswith("Mentor ")
    assert pane.overdue_checks.rowCount() == before - 1


def test_mentor_form_and_register(pane, qtbot, qtmodeltester, monkeypatch, warnings):
    store = pane.context.store
    register = MentorRegisterDialog(pane.context, pane)
    qtbot.addWidget(register)
    for model in (register.pane.model, register.pane.proxy):
        qtmodeltester.check(model)
    register.pane.search.setText("ada")
    assert register.pane.proxy.rowCount() == 1
    register.pane.search.clear()
    attempts = []

    def fill(dialog):
        ui = dialog.ui
        attempts.append(dialog.read_eligibility())
        ui.firstNameEdit.setText("Dee")
        dialog.accept()  # first try: no last name, refused with the form kept
        assert dialog.result() != QDialog.DialogCode.Accepted and ui.firstNameEdit.text() == "Dee"
        ui.lastNameEdit.setText("O'Neil")
        ui.areaCombo.setCurrentIndex(ui.areaCombo.findData("east"))
        ui.statusCombo.setCurrentIndex(ui.statusCombo.findData("active"))
        ui.dbsEdit.setDate(QDate(2018, 4, 1))
        ui.safeguardingEdit.setDate(QDate(2018, 4, 2))
        ui.availabilityEdit.setText("Weekday mornings")
        for i in range(ui.livedExperienceList.count()):
            item = ui.livedExperienceList.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == "alcohol":
                item.setCheckState(Qt.CheckState.Checked)
        assert ui.eligibilityLabel.text() == "May be allocated."
        assert not ui.tabs.isTabEnabled(1)  # history and checks once the mentor is in the register
        dialog.accept()

    monkeypatch.setattr(MentorDialog, "open", fill)
    register.new_mentor()
    assert warnings == ["Give the mentor's first and last name."]
    row = next(r for r in register.model.rows if r.name == "Dee O'Neil")
    form = mentors.load_mentor(store, row.mentor_uuid)
    assert (form.area, form.availability, form.lived_experience, row.not_allocatable) == (
        "east", "Weekday mornings", ("alcohol",), "")
    # The new mentor is suggested for R4 straight away, and the history shows her status.
    pane.context.set_current_referral(r4_uuid(pane))
    assert "Dee O'Neil" in [c.name for c in pane.suggestion_model.rows]
    dialog = MentorDialog(pane.context, form, pane)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.history_model)
    qtmodeltester.check(dialog.checks_model)
    assert [r.status for r in dialog.history_model.rows] == ["active"]
    dialog.ui.statusCombo.setCurrentIndex(dialog.ui.statusCombo.findData("sabbatical"))
    assert dialog.ui.eligibilityLabel.text() == "Cannot be allocated: Only an active mentor can be allocated."
    assert dialog.ui.statusSinceEdit.isEnabled()


def count_reads(pane, monkeypatch):
    """Count the pane's refreshes, and the transactions and snapshots of the store each refresh opens."""
    opened, refreshes = count_sessions(pane.context.store, monkeypatch), []
    refresh = pane.refresh

    def counted_refresh():
        before = Counter(opened)
        refresh()
        refreshes.append(dict(opened - before))
    monkeypatch.setattr(pane, "refresh", counted_refresh)
    return opened, refreshes


def test_one_allocation_reloads_the_pane_once_from_one_snapshot(pane, qtbot, monkeypatch):
    pane.context.set_current_referral(r4_uuid(pane))
    opened, refreshes = count_reads(pane, monkeypatch)
    qtbot.mouseClick(pane.allocate_button, Qt.MouseButton.LeftButton)  # the suggested pair
    assert len(open_rows(pane)) == 2
    assert refreshes == [{"snapshot": 1}]  # once, header, lists and suggestions in one read that never writes
    assert opened == Counter(transaction=1, snapshot=1)  # and the allocation itself: one write


def test_choosing_no_case_reads_the_waiting_lists_from_one_snapshot(pane, monkeypatch):
    pane.context.set_current_referral(r4_uuid(pane))
    opened, refreshes = count_reads(pane, monkeypatch)
    pane.context.set_current_referral(None)
    assert refreshes == [{"snapshot": 1}]
    assert pane.waiting.tabText(0) == "Clients waiting for mentors (1)" and pane.allocated_model.rowCount() == 0


def test_the_mentor_register_opens_from_the_pane_without_waiting(pane, qtbot):
    qtbot.mouseClick(pane.register_button, Qt.MouseButton.LeftButton)  # returns: no nested event loop
    assert pane.register.isVisible() and pane.register.windowModality() == Qt.WindowModality.WindowModal
    pane.register.reject()
    assert not pane.register.isVisible()


def test_the_allocation_date_must_be_given_and_never_hints_leave_it_empty(pane, warnings):
    assert pane.on_date.edit.toolTip() == ""  # the form makes the field required after building it
    pane.on_date.clear()
    pane.context.set_current_referral(r4_uuid(pane))
    pane.allocate_selected()
    assert warnings == ["Dated: Give a date."] and open_rows(pane) == []
