"""Table models for the mentor register: the mentors, a mentor's status history and progress checks."""
from __future__ import annotations

from PySide6.QtCore import QObject

from cpm_desktop.ui.item_models.table import Column, RowTableModel, day


def mentor_register_model(vocabulary, parent: QObject | None = None) -> RowTableModel:
    """Rows: services.mentors.MentorRow."""
    label = vocabulary.label
    return RowTableModel([
        Column("Id", lambda r: r.mentor_id),
        Column("Name", lambda r: r.name),
        Column("Area", lambda r: label("area", r.area) if r.area else ""),
        Column("Status", lambda r: label("mentor_status", r.status),
               tooltip=lambda r: label("mentor_status", r.status)),
        Column("Clients now", lambda r: f"{r.open_allocations} of {r.capacity}"
               + (" (over)" if r.open_allocations > r.capacity else " (full)" if r.open_allocations == r.capacity
                  else ""),
               lambda r: (r.open_allocations, r.capacity), numeric=True),
        Column("Trained", lambda r: day(r.trained_on), lambda r: r.trained_on),
        Column("Last progress check", lambda r: day(r.last_check) or "never", lambda r: r.last_check),
        Column("May be allocated", lambda r: "yes" if not r.not_allocatable else "no",
               lambda r: r.not_allocatable == "", tooltip=lambda r: r.not_allocatable or "Active, DBS checked and "
               "safeguarding trained, with a place free"),
    ], parent)


def status_history_model(vocabulary, parent: QObject | None = None) -> RowTableModel:
    """Rows: services.mentors.StatusChange."""
    return RowTableModel([
        Column("From", lambda r: day(r.changed_on), lambda r: r.changed_on),
        Column("Status", lambda r: vocabulary.label("mentor_status", r.status)),
        Column("Reason", lambda r: vocabulary.label("left_reason", r.reason) if r.status == "left" else r.reason,
               tooltip=lambda r: r.reason),
    ], parent)


def progress_checks_model(parent: QObject | None = None) -> RowTableModel:
    """Rows: services.mentors.ProgressCheckRow."""
    return RowTableModel([
        Column("On", lambda r: day(r.checked_on), lambda r: r.checked_on),
        Column("Who", lambda r: r.checked_by),
        Column("Notes", lambda r: r.notes, tooltip=lambda r: r.notes),
    ], parent)
