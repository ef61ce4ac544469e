"""Enter, clicks and keys act on the list as it is on screen: a search still waiting for its pause is finished
first, and a click aimed at a row that the search replaced is not passed on (never the wrong client)."""
from __future__ import annotations

from PySide6.QtCore import Qt

from cpm_desktop.services import referrals
from tests.ui.test_main_window import type_into, type_text, window  # noqa: F401 (the fixture)


def search_and_wait(qtbot, pane, text: str, rows: int) -> None:
    pane.search.selectAll()
    type_into(qtbot, pane.search, text)
    qtbot.waitUntil(lambda: not pane.searching.pending and pane.model.rowCount() == rows, timeout=3000)


def shown_name(main) -> str:
    return f"{main.referrals_pane.editor.ui.firstNameEdit.text()} {main.referrals_pane.editor.ui.lastNameEdit.text()}"


def test_enter_at_once_opens_the_first_row_of_the_new_search(window, qtbot):  # noqa: F811
    pane = window.referrals_pane
    search_and_wait(qtbot, pane, "paun", 2)
    pane.search.selectAll()
    type_text(pane.search, "siobhan")
    assert pane.searching.pending  # Enter comes before the pause is over
    qtbot.keyClick(pane.search, Qt.Key.Key_Return)
    assert [row.name for row in pane.model.rows] == ["Siobhán Ó Briain"]
    header = referrals.case_header(window.context.store, window.context.current_referral)
    assert header.name == "Siobhán Ó Briain" == shown_name(window)
    assert "Siobhán Ó Briain" in window.windowTitle() and "Păun" not in window.windowTitle()
    assert pane.table.currentIndex().row() == 0


def test_a_click_in_the_pause_does_not_land_on_a_row_that_was_replaced(window, qtbot):  # noqa: F811
    pane = window.referrals_pane
    search_and_wait(qtbot, pane, "paun", 2)
    before = window.context.current_referral
    pane.search.selectAll()
    type_text(pane.search, "siobhan")
    where = pane.table.visualRect(pane.model.index(0, 1)).center()  # Ionuț Păun's row, as it was on screen
    qtbot.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert [row.name for row in pane.model.rows] == ["Siobhán Ó Briain"]
    assert window.context.current_referral == before and "Păun" not in shown_name(window)
    qtbot.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=where)  # now aimed at what is shown
    assert shown_name(window) == "Siobhán Ó Briain"


def test_keys_on_the_list_in_the_pause_move_through_the_new_list(window, qtbot):  # noqa: F811
    pane = window.referrals_pane
    search_and_wait(qtbot, pane, "", 4)
    pane.search.selectAll()
    type_text(pane.search, "paun")
    pane.table.setFocus()
    qtbot.keyClick(pane.table, Qt.Key.Key_Down)
    qtbot.keyClick(pane.table, Qt.Key.Key_Down)
    assert {row.name for row in pane.model.rows} == {"Ionuț Păun"}
    assert shown_name(window) == "Ionuț Păun"
    row = pane.model.row_at(pane.table.currentIndex().row())
    assert row.uuid == window.context.current_referral and row.name == "Ionuț Păun"


def test_linking_a_re_referral_in_the_pause_never_links_the_match_for_an_earlier_name(window, qtbot):  # noqa: F811
    form = window.referrals_pane.editor.ui
    window.referrals_pane.new_referral()
    type_into(qtbot, form.firstNameEdit, "Ionut")
    type_into(qtbot, form.lastNameEdit, "Paun")
    qtbot.waitUntil(lambda: form.matchList.count() > 0, timeout=3000)
    assert "P1" in form.matchList.item(0).text()
    form.firstNameEdit.selectAll()
    type_into(qtbot, form.firstNameEdit, "Siobhan")
    form.lastNameEdit.selectAll()
    type_into(qtbot, form.lastNameEdit, "O Briain")
    qtbot.mouseClick(form.linkButton, Qt.MouseButton.LeftButton)  # at once, before the look-up
    assert window.referrals_pane.editor.read_form().person_id != "P1"
    assert all("P1" not in form.matchList.item(n).text() for n in range(form.matchList.count()))
