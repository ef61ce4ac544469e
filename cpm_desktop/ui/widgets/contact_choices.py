"""The choices offered wherever a contact is typed: its activity, and who made it."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from cpm_desktop.domain.vocabulary import Vocabulary
from cpm_desktop.services.contacts import Helper
from cpm_desktop.ui.item_models.contacts import short_label

STAFF = "staff"  # the who-combo's data for "the member of staff logged in"


def fill_activities(combo: QComboBox, vocabulary: Vocabulary) -> None:
    """Each activity by its short label (its full wording is the tooltip), its code as the item's data."""
    for code, text in vocabulary.items("activity"):
        combo.addItem(short_label(text), code)
        combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)


def fill_who(combo: QComboBox, helpers: Sequence[Helper], staff_name: str) -> None:
    """The case's mentors (still allocated first), then the member of staff logged in."""
    combo.clear()
    for helper in helpers:
        combo.addItem(helper.name, helper.mentor_uuid)
    combo.addItem(f"Staff: {staff_name}", STAFF)
