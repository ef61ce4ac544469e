"""The contact log as a table: one line per entry (notes elided to one line; the full text is the tooltip)."""
from __future__ import annotations

from cpm_desktop.domain.vocabulary import Vocabulary
from cpm_desktop.ui.item_models.table import Column, RowTableModel

NOTES_SHOWN = 300  # characters drawn in the one-line cell; the view elides what does not fit
TOOLTIP_CHARS = 2000


def short_label(label: str) -> str:
    """The activity's label up to its colon ("Case notes: observations…" → "Case notes")."""
    return label.split(":")[0]


def one_line(text: str) -> str:
    return " ".join(text[:NOTES_SHOWN].split())


class ContactTableModel(RowTableModel):
    """Over ``services.contacts.ContactRow``s: When, Activity, Minutes, By, Notes."""

    WHEN, ACTIVITY, MINUTES, WHO, NOTES = range(5)

    def __init__(self, vocabulary: Vocabulary, parent=None):
        labels = {code: short_label(text) for code, text in vocabulary.items("activity")}
        super().__init__([
            Column("When", lambda c: c.occurred_at.strftime("%d/%m/%Y %H:%M"), lambda c: (c.occurred_at, c.contact_id)),
            Column("Activity", lambda c: labels.get(c.activity, c.activity),
                   tooltip=lambda c: vocabulary.label("activity", c.activity)),
            Column("Minutes", lambda c: "" if c.minutes is None else str(c.minutes), lambda c: c.minutes, True),
            Column("By", lambda c: c.who),
            Column("Notes", lambda c: one_line(c.notes),
                   tooltip=lambda c: f"{c.contact_id}: {c.notes[:TOOLTIP_CHARS]}" if c.notes else c.contact_id),
        ], parent)
