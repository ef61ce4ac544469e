"""Rows of cells pasted as text: what a spreadsheet or a table puts on the clipboard when rows are copied."""
from __future__ import annotations


def pasted_rows(text: str, columns: int) -> list[tuple[str, ...]]:
    """Rows copied from a spreadsheet or a table (one line a row, cells apart by tabs) as cells of ``columns``
    columns: a short line is filled out with empty cells, and cells beyond the last column join it."""
    rows = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.strip():
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) > columns:
            cells[columns - 1:] = [" ".join(cells[columns - 1:])]
        rows.append(tuple(cells + [""] * (columns - len(cells))))
    return rows
