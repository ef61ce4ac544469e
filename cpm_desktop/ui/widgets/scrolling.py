"""Whatever takes the keyboard focus is scrolled into view, however it got there.

QScrollArea follows Tab by itself, but not a mnemonic (Alt+letter), a shortcut or setFocus: on a small screen
the field being typed into could sit below the fold. One handler for the application covers every form.
"""
from __future__ import annotations

from PySide6.QtWidgets import QApplication, QScrollArea, QWidget


def scroll_to_focus(_old: QWidget | None, new: QWidget | None) -> None:
    """Each scroll area holding ``new`` (inner ones first) scrolls until it is seen."""
    if new is None:
        return
    ancestor = new.parentWidget()
    while ancestor is not None:
        inner = ancestor.widget() if isinstance(ancestor, QScrollArea) else None
        if isinstance(ancestor, QScrollArea) and inner is not None and inner.isAncestorOf(new):
            ancestor.ensureWidgetVisible(new, 10, 10)
        ancestor = ancestor.parentWidget()


def follow_focus(app: QApplication) -> None:
    """Install :func:`scroll_to_focus` once for ``app``."""
    if not app.property("cpmFollowsFocus"):
        app.focusChanged.connect(scroll_to_focus)
        app.setProperty("cpmFollowsFocus", True)
