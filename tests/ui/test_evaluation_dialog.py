"""The evaluation dialog: presets set the period and the day it is seen from, and page one's paragraph is
kept per period and area, never lost by changing the dates or closing the dialog."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from cpm_desktop.domain.evaluation import EvaluationParameters
from cpm_desktop.services.reports import evaluation_note, save_evaluation_note
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.dialogs.evaluation import EvaluationDialog
from tests.sessions import count_sessions

TODAY = date(2026, 11, 23)
LAST_YEAR = EvaluationParameters(date(2025, 4, 1), date(2026, 3, 31))


@pytest.fixture
def dialog(qtbot, store):
    context = AppContext(store)
    shown = EvaluationDialog(context, today=TODAY)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_last_financial_year_is_seen_as_at_its_last_day(dialog):
    dialog.preset.setCurrentText("Last financial year")
    params = dialog.parameters()
    assert (params.date_from, params.date_to, params.as_of) == (date(2025, 4, 1), date(2026, 3, 31),
                                                               date(2026, 3, 31))
    dialog.preset.setCurrentText("This financial year")
    params = dialog.parameters()
    assert (params.date_from, params.date_to, params.as_of) == (date(2026, 4, 1), date(2027, 3, 31), TODAY)
    dialog.preset.setCurrentText("Last financial year")
    dialog.preset.setCurrentText("All time")
    assert dialog.parameters().as_of == TODAY and dialog.parameters().date_from is None


def test_the_paragraph_is_kept_for_its_period_and_area(dialog, qtbot, store):
    save_evaluation_note(store, LAST_YEAR, "Last year in our own words.")
    assert dialog.note.toPlainText() == ""  # this year has none
    dialog.preset.setCurrentText("Last financial year")
    assert dialog.note.toPlainText() == "Last year in our own words."
    dialog.area.setCurrentIndex(dialog.area.findData("east"))
    assert dialog.note.toPlainText() == ""
    dialog.note.setFocus()
    qtbot.keyClicks(dialog.note, "East had a new referrer.")
    assert "Not saved yet" in dialog.note_hint.text()
    qtbot.keyClick(dialog.save_note_button, Qt.Key.Key_Space)
    assert evaluation_note(store, EvaluationParameters(date(2025, 4, 1), date(2026, 3, 31), area="east")) == \
        "East had a new referrer."
    assert evaluation_note(store, LAST_YEAR) == "Last year in our own words."
    assert "Kept for this period and area" in dialog.note_hint.text()


def test_changing_the_dates_never_throws_typing_away(dialog, qtbot, store):
    qtbot.keyClicks(dialog.note, "Typed before choosing the year.")
    dialog.preset.setCurrentText("Chosen dates")
    dialog.date_from.setDate(QDate(2024, 1, 1))
    dialog.date_to.setDate(QDate(2024, 12, 31))
    assert dialog.note.toPlainText() == "Typed before choosing the year."
    dialog.save_note()
    assert evaluation_note(store, EvaluationParameters(date(2024, 1, 1), date(2024, 12, 31))) == \
        "Typed before choosing the year."


@pytest.mark.parametrize(("answer", "closed", "kept"), [
    (QMessageBox.StandardButton.Cancel, False, ""),
    (QMessageBox.StandardButton.Discard, True, ""),
    (QMessageBox.StandardButton.Save, True, "Words for page one."),
])
def test_closing_with_an_unsaved_paragraph_asks(dialog, qtbot, store, monkeypatch, answer, closed, kept):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args[2]) or answer)
    qtbot.keyClicks(dialog.note, "Words for page one.")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["Keep the paragraph you wrote for page one?"]
    assert dialog.isVisible() is not closed
    assert evaluation_note(store, EvaluationParameters(date(2026, 4, 1), date(2027, 3, 31))) == kept


def test_closing_without_changes_does_not_ask(dialog, qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *args: pytest.fail("asked"))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_opening_reads_the_paragraph_once(qtbot, store, monkeypatch):
    """The preset sets both dates at once: the paragraph for the period is read once, not once per date."""
    context = AppContext(store)
    opened = count_sessions(store, monkeypatch)
    dialog = EvaluationDialog(context, today=TODAY)
    qtbot.addWidget(dialog)
    assert opened.total() == 1
    opened.clear()
    dialog.preset.setCurrentText("Last financial year")
    assert opened.total() == 1


def test_saving_the_paragraph_is_one_operation_announced_once(dialog, qtbot, store):
    heard = []
    dialog.context.changed.connect(heard.append)
    qtbot.keyClick(dialog.save_note_button, Qt.Key.Key_Space)  # nothing typed: nothing to keep
    assert heard == []
    qtbot.keyClicks(dialog.note, "Our year.")
    qtbot.keyClick(dialog.save_note_button, Qt.Key.Key_Space)
    assert heard == [Changes.SETTINGS]
    assert evaluation_note(store, EvaluationParameters(date(2026, 4, 1), date(2027, 3, 31))) == "Our year."
