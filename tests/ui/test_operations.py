"""The operations layer: a change goes through one service call, and what changed is announced once, typed."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from cpm_desktop.services import cases, closure, goals, referrals
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.operations import Cancelled, attempt, perform, perform_in_background
from cpm_desktop.ui.panes.contacts import ContactLogPane
from cpm_desktop.ui.unsaved import KeepsTyping
from tests.ui.test_contact_pane import tables


@pytest.fixture
def context(store):
    from cpm_desktop.services.interchange import import_tables

    import_tables(store, tables())
    context = AppContext(store)
    context.set_current_referral(referrals.list_referrals(store)[0].uuid)
    return context


@pytest.fixture
def heard(context):
    announced: list[Changes] = []
    context.changed.connect(announced.append)
    return announced


@pytest.fixture
def warnings(monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *rest: said.append(text))
    return said


def test_an_operation_is_announced_once_with_everything_it_changed(context, heard):
    uuid = context.current_referral
    perform(context, Changes.CLOSURE | Changes.ALLOCATION,
            lambda store: closure.close_case(store, uuid, date(2024, 3, 1), "Goals achieved"))
    assert heard == [Changes.CLOSURE | Changes.ALLOCATION]
    assert referrals.case_header(context.store, uuid).status == "closed"


def test_a_refusal_reaches_the_caller_and_nothing_is_announced(context, heard):
    with pytest.raises(goals.GoalError):
        perform(context, Changes.GOAL, lambda store: goals.set_goal(store, context.current_referral, goal=""))
    assert heard == []


def test_attempt_says_a_refusal_in_one_sentence_and_returns_false(qtbot, context, heard, warnings):
    assert not attempt(None, context, Changes.GOAL,
                       lambda store: goals.set_goal(store, context.current_referral, goal=""))
    assert len(warnings) == 1 and warnings[0].endswith(".") and "\n" not in warnings[0]
    assert heard == [] and goals.goals(context.store, context.current_referral) == []


def test_a_pane_showing_several_of_the_changes_reloads_once(qtbot, context):
    pane = ContactLogPane(context)
    qtbot.addWidget(pane)
    reloads = []
    pane.refresh = lambda: reloads.append(1)  # the pane's subscription looks the method up when told
    uuid = context.current_referral
    perform(context, Changes.CLOSURE | Changes.ALLOCATION,
            lambda store: closure.close_case(store, uuid, date(2024, 3, 1), "Moved away"))
    assert reloads == [1]
    perform(context, Changes.SETTINGS, lambda _store: None)  # not shown in the contact log: not reloaded
    assert reloads == [1]


def test_a_form_saved_through_save_with_stays_open_with_its_typing_when_refused(qtbot, context, warnings):
    dialog = KeepsTyping()
    qtbot.addWidget(dialog)
    typed = {"goal": ""}
    dialog.save_with(lambda: attempt(dialog, context, Changes.GOAL, lambda store: goals.set_goal(
        store, context.current_referral, **typed)))
    dialog.open()
    dialog.accept()
    assert dialog.isVisible() and len(warnings) == 1  # refused: still open
    typed["goal"] = "Walk to the shop"
    dialog.accept()
    assert not dialog.isVisible() and dialog.result() == KeepsTyping.DialogCode.Accepted
    assert [g.goal for g in goals.goals(context.store, context.current_referral)] == ["Walk to the shop"]


def test_background_work_is_announced_only_when_it_succeeds(qtbot, context, heard):
    uuid = context.current_referral
    done, failed = [], []
    perform_in_background(context, None, "Police calls", lambda store, progress: cases.record_police_calls(
        store, uuid, before=3, after=1, source="CAD"), Changes.REFERRAL, done=done.append, failed=failed.append)
    qtbot.waitUntil(lambda: bool(done or failed), timeout=10_000)
    assert failed == [] and heard == [Changes.REFERRAL]

    def cancelled(_store, progress):
        progress(0, 10, "Starting")
        raise Cancelled()

    perform_in_background(context, None, "Cancelled", cancelled, Changes.EVERYTHING, failed=failed.append)
    qtbot.waitUntil(lambda: bool(failed), timeout=10_000)
    assert isinstance(failed[0], Cancelled) and heard == [Changes.REFERRAL]


def test_everything_covers_every_kind_of_change():
    assert all(flag in Changes.EVERYTHING for flag in Changes if flag is not Changes.NONE)
