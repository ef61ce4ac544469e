"""Table models for the Allocation pane: the case's mentors, ranked suggestions and the waiting lists."""
from __future__ import annotations

from PySide6.QtCore import QObject

from cpm_desktop.ui.item_models.table import Column, RowTableModel, day


def allocated_mentors_model(parent: QObject | None = None) -> RowTableModel:
    """Rows: services.allocation.AllocatedMentor (current first, then the history)."""
    return RowTableModel([
        Column("Mentor", lambda a: f"{a.name} ({a.mentor_id})"),
        Column("Allocated", lambda a: day(a.allocated_on), lambda a: a.allocated_on),
        Column("Ended", lambda a: day(a.ended_on) or "supporting now", lambda a: a.ended_on),
        Column("Notes", lambda a: a.end_reason or (f"alone: {a.single_reason}" if a.single_reason else ""),
               tooltip=lambda a: a.end_reason or a.single_reason),
    ], parent)


def suggestions_model(vocabulary, parent: QObject | None = None) -> RowTableModel:
    """Rows: services.allocation.MentorChoice, best first."""
    return RowTableModel([
        Column("Mentor", lambda c: f"{c.name} ({c.mentor_id})"),
        Column("Area", lambda c: vocabulary.label("area", c.area) if c.area else ""),
        Column("Clients now", lambda c: f"{c.open_allocations} of {c.capacity}",
               lambda c: (c.open_allocations, c.capacity), numeric=True),
        Column("Why suggested", lambda c: c.why, tooltip=lambda c: c.why),
    ], parent)


def clients_waiting_model(vocabulary, parent: QObject | None = None) -> RowTableModel:
    """Rows: services.mentors.WaitingClient."""
    return RowTableModel([
        Column("Case", lambda w: w.referral_id), Column("Client", lambda w: w.name),
        Column("Area", lambda w: vocabulary.label("area", w.area) if w.area else ""),
        Column("Days waiting for mentors", lambda w: str(w.days_waiting), lambda w: w.days_waiting, True)], parent)


def mentors_never_allocated_model(vocabulary, parent: QObject | None = None) -> RowTableModel:
    """Rows: services.mentors.WaitingMentor (days since training)."""
    return RowTableModel([
        Column("Mentor", lambda w: f"{w.name} ({w.mentor_id})"),
        Column("Area", lambda w: vocabulary.label("area", w.area) if w.area else ""),
        Column("Days since training", lambda w: str(w.days), lambda w: w.days, True)], parent)


def progress_checks_overdue_model(vocabulary, parent: QObject | None = None) -> RowTableModel:
    """Rows: services.mentors.WaitingMentor (days since the last progress check; None: never)."""
    return RowTableModel([
        Column("Mentor", lambda w: f"{w.name} ({w.mentor_id})"),
        Column("Area", lambda w: vocabulary.label("area", w.area) if w.area else ""),
        Column("Days since last progress check", lambda w: "never" if w.days is None else str(w.days),
               lambda w: w.days, True)], parent)
