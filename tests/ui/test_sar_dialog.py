"""The subject-access dialog offers the other forms of a redacted name, ticked, and the export removes them;
the request register's forms open window-modal and each change is one announcement."""
from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QPushButton

from cpm_desktop.domain.subject_access import Redaction, days_paused
from cpm_desktop.services import access_requests
from cpm_desktop.services.interchange import import_tables
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.dialogs.sar import (
    FORM_OF,
    NewRequestDialog,
    PauseDialog,
    RecordReader,
    RequestRegisterDialog,
    SubjectAccessDialog,
)
from tests.services.test_interchange import blank, sample_tables

NOTE = "PC Testfield rang; reply to pc.testfield@example.org about Testfield's visit with P. Testfield."
REASON = "Names a police officer"


@pytest.fixture
def dialog(qtbot, store):
    tables = sample_tables()
    tables["contacts"].append(blank("contacts", contact_id="C77", referral_id="R1", occurred_at="2017-06-01T10:00",
                                    activity="telephone", notes=NOTE))
    import_tables(store, tables)
    shown = SubjectAccessDialog(AppContext(store), person_id="P1")
    shown.show()
    yield shown
    # Not qtbot's close(): with redactions chosen, closing asks before throwing them away (ui/unsaved.py).
    shown.done(0)
    shown.deleteLater()


def rows(dialog) -> list[tuple[str, str, bool | None]]:
    """(passage, reason, ticked) per row; ticked is None for a passage the coordinator chose."""
    table = dialog.redactions
    out = []
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        suggested = item.data(FORM_OF) is not None
        out.append((item.text(), table.item(row, 1).text(),
                    item.checkState() == Qt.CheckState.Checked if suggested else None))
    return out


def test_a_redacted_name_brings_its_other_forms_ticked(dialog, qtbot):
    reader = RecordReader(NOTE, dialog)
    qtbot.addWidget(reader)
    reader.redact.connect(dialog.add_redaction)
    reader.reason.setText(REASON)
    cursor = reader.text.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(len("PC Testfield"), cursor.MoveMode.KeepAnchor)
    reader.text.setTextCursor(cursor)
    qtbot.mouseClick(reader.redact_button, Qt.MouseButton.LeftButton)
    shown = rows(dialog)
    assert shown[0] == ("PC Testfield", REASON, None)
    assert {"Testfield", "pc.testfield", "p.testfield"} <= {text for text, _, ticked in shown[1:] if ticked}
    assert all(reason == REASON for _, reason, _ in shown)
    assert {r.text for r in dialog.chosen_redactions()} == {text for text, _, _ in shown}


def test_unticked_forms_stay_in_the_export_and_ticked_ones_go(dialog, qtbot):
    dialog.add_redaction("PC Testfield", REASON)
    table = dialog.redactions
    kept = next(row for row in range(table.rowCount()) if table.item(row, 0).text() == "p.testfield")
    table.item(kept, 0).setCheckState(Qt.CheckState.Unchecked)
    assert Redaction("p.testfield", REASON) not in dialog.chosen_redactions()
    dialog.generate()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20000)
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(dialog.preview.pdf)).pages)
                    .split())
    assert "[redacted] rang; reply to [redacted] about [redacted] visit with P. [redacted]." in text
    assert "pc.testfield" not in text and "example.org about" not in text
    dialog.preview.close()


def test_a_passage_typed_by_hand_is_offered_its_forms_and_changing_it_changes_them(dialog, qtbot):
    add = next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Add a redaction")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    dialog.redactions.item(0, 0).setText("Jane Smith")
    assert "jane.smith" in [text for text, _, _ in rows(dialog)]
    dialog.redactions.item(0, 0).setText("Amir Khan")
    texts = [text for text, _, _ in rows(dialog)]
    assert "amir.khan" in texts and "jane.smith" not in texts
    dialog.redactions.setCurrentCell(0, 0)
    remove = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Re&move")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert dialog.redactions.rowCount() == 0  # the passage and the forms offered for it


def test_a_passage_that_is_not_a_name_brings_nothing(dialog):
    dialog.add_redaction("the man next door", "Names a neighbour")
    assert rows(dialog) == [("the man next door", "Names a neighbour", None)]


# --- the request register: window-modal forms, one announcement per change -----------------------------------


@pytest.fixture
def register(qtbot, store):
    import_tables(store, sample_tables())
    shown = RequestRegisterDialog(AppContext(store))
    qtbot.addWidget(shown)
    shown.show()
    return shown


@pytest.fixture
def heard(register):
    announced: list[Changes] = []
    register.context.changed.connect(announced.append)
    return announced


@pytest.fixture
def warnings(monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *rest: said.append(text))
    return said


def press(dialog, text: str, qtbot) -> None:
    qtbot.mouseClick(next(b for b in dialog.findChildren(QPushButton) if b.text() == text), Qt.MouseButton.LeftButton)


def modal(qtbot, kind):
    """The dialog shown with ``open()``: window-modal, and the test carries on while it is up."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    dialog = QApplication.activeModalWidget()
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    return dialog


def save(dialog, qtbot) -> None:
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def test_a_request_is_registered_through_the_form_and_a_refusal_keeps_the_typing(register, qtbot, warnings, heard):
    press(register, "&New request…", qtbot)
    form = modal(qtbot, NewRequestDialog)
    save(form, qtbot)
    assert warnings == ["Give the person's or mentor's id."] and form.isVisible()
    form.subject.setText("P404")
    save(form, qtbot)
    assert warnings[-1] == "There is no person with the id P404 in this store."
    assert form.isVisible() and form.subject.text() == "P404" and heard == []
    form.subject.setText("P1")
    save(form, qtbot)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert heard == [Changes.SETTINGS]
    assert [(r.subject_id, r.received_on) for r in register.model.rows] == [("P1", date.today())]


def test_a_refused_pause_keeps_the_dates_and_a_pause_is_announced_once(register, qtbot, warnings, heard):
    received = date.today() - timedelta(days=20)
    access_requests.register_request(register.context.store, "person", "P1", received)
    register.refresh()
    register.table.selectRow(0)
    press(register, "&Pause the clock…", qtbot)
    form = modal(qtbot, PauseDialog)
    asked, answered = received + timedelta(days=2), received + timedelta(days=1)
    form.asked.setDate(asked)
    form.answered.setDate(answered)
    save(form, qtbot)
    assert warnings == ["The answer cannot come before the question: check the two dates."]
    assert form.isVisible() and (form.asked.date(), form.answered.date()) == (asked, answered) and heard == []
    answered = received + timedelta(days=9)
    form.answered.setDate(answered)
    save(form, qtbot)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert heard == [Changes.SETTINGS]
    assert register.model.rows[0].paused_days == days_paused([(asked, answered)], answered) > 0
    assert register.table.currentIndex().row() == 0  # the request chosen is still chosen


def test_identity_checked_is_one_announcement_and_one_reload(register, qtbot, heard):
    access_requests.register_request(register.context.store, "person", "P1", date.today())
    register.refresh()
    register.table.selectRow(0)
    reloads = []
    register.refresh = lambda: reloads.append(1)  # the subscription looks the method up when told
    press(register, "&Identity checked today", qtbot)
    assert heard == [Changes.SETTINGS] and reloads == [1]
    assert access_requests.list_requests(register.context.store)[0].identity_checked_on == date.today()


def test_the_export_opens_window_modal_for_the_requests_subject_and_announces_nothing(register, qtbot, heard):
    access_requests.register_request(register.context.store, "mentor", "M1", date.today())
    register.refresh()
    register.table.selectRow(0)
    press(register, "Prepare the &export…", qtbot)
    export = modal(qtbot, SubjectAccessDialog)
    assert export.subject.text() == "M1" and export.kind.currentData() == "mentor"
    export.generate()
    qtbot.waitUntil(lambda: export.preview is not None, timeout=20000)
    assert PdfReader(io.BytesIO(export.preview.pdf)).pages and export.prepare_button.isEnabled()
    assert heard == []  # only the audit trail was written: no pane shows it
    export.preview.close()
    export.done(0)


def test_the_export_from_the_menu_names_the_current_case_without_recording_a_view(qtbot, store):
    from PySide6.QtGui import QAction
    from sqlalchemy import func, select

    from cpm_desktop.app import window_for
    from cpm_desktop.services import referrals
    from cpm_desktop.storage import models as m

    import_tables(store, sample_tables())
    window = window_for(store)
    qtbot.addWidget(window, before_close_func=lambda w: [h.discard_unsaved() for h in w.context.unsaved_holders()])
    window.show()
    r1 = next(r.uuid for r in referrals.list_referrals(store) if r.referral_id == "R1")
    window.referrals_pane.select(r1)  # opening the case in the form is a view, recorded

    def views() -> int:
        with store.snapshot() as session:
            written = session.scalar(select(func.count()).where(m.AuditEvent.action == "view"))
        return (written or 0) + len(store.pending_views)

    before = views()
    assert before >= 1 and window.context.current_referral == r1
    window.findChild(QAction, "actionSubjectAccess").trigger()
    export = modal(qtbot, SubjectAccessDialog)
    assert export.subject.text() == "P1" and export.kind.currentData() == "person"
    assert views() == before  # naming whose record shows none of it
    export.done(0)
