"""The subject-access dialog offers the other forms of a redacted name, ticked, and the export removes them."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from cpm_desktop.domain.subject_access import Redaction
from cpm_desktop.services.interchange import import_tables
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.dialogs.sar import FORM_OF, RecordReader, SubjectAccessDialog
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
