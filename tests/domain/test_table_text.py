"""Rows pasted as text into a table editor (the assessment form's checks and professionals)."""
from __future__ import annotations

from cpm_desktop.domain.table_text import pasted_rows


def test_rows_pasted_from_a_spreadsheet_fill_the_columns():
    text = "Police national computer\tTwo call-outs\r\n\r\nAdult social care\nGP\tNone\tseen 2026\n"
    assert pasted_rows(text, 2) == [("Police national computer", "Two call-outs"), ("Adult social care", ""),
                                    ("GP", "None seen 2026")]
    assert pasted_rows("PC Amble\tDurham Police", 4) == [("PC Amble", "Durham Police", "", "")]
    assert pasted_rows("  \n", 2) == []
