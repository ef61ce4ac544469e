"""Reading interchange CSV files and turning cells into values, collecting every problem on the way."""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from cpm_desktop.services.interchange.columns import (
    FILE_ORDER,
    FREE_TEXT,
    INTERCHANGE_COLUMNS,
    REQUIRED,
    filename,
)

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}\Z")
_INTEGER = re.compile(r"[0-9]+\Z")


@dataclass(frozen=True)
class ImportProblem:
    file: str
    line: int | None
    column: str | None
    value: str | None
    expected: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f" line {self.line}"
        if self.column:
            where += f", column {self.column}"
        if self.value is None:
            return f"{where}: {self.expected}."
        shown = self.value if len(self.value) <= 60 else self.value[:57] + "..."
        shown = shown.replace("\r", "\\r").replace("\n", "\\n")
        return f'{where}: "{shown}" is not valid; expected {self.expected}.'


class ImportFailed(Exception):
    """Nothing was imported; ``problems`` lists every problem found."""

    def __init__(self, problems: list[ImportProblem]):
        super().__init__(f"{len(problems)} problem(s) found; nothing was imported.")
        self.problems = problems


class ImportCancelled(Exception):
    """The user cancelled; nothing was imported."""


@dataclass
class Table:
    """One interchange file: its header and its rows (cell strings), each with the line it starts on."""

    stem: str
    header: list[str]
    rows: list[dict[str, str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    widths: dict[int, int] = field(default_factory=dict)  # row index → cell count, where it differs

    @property
    def file(self) -> str:
        return filename(self.stem)


def read_folder(folder: Path) -> tuple[dict[str, Table], list[ImportProblem]]:
    """Read every interchange file present in ``folder`` (each is optional)."""
    tables: dict[str, Table] = {}
    problems: list[ImportProblem] = []
    for path in sorted(folder.glob("*.csv")):
        if path.stem not in INTERCHANGE_COLUMNS:
            problems.append(ImportProblem(path.name, None, None, None,
                                          "is not an interchange file (expected referrals.csv, mentors.csv, "
                                          "allocations.csv, contacts.csv or goals.csv)"))
    for stem in FILE_ORDER:
        path = folder / filename(stem)
        if path.is_file():
            table, file_problems = read_table(stem, path)
            problems += file_problems
            if table is not None:
                tables[stem] = table
    return tables, problems


def read_table(stem: str, path: Path) -> tuple[Table | None, list[ImportProblem]]:
    name = filename(stem)
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.reader(handle, strict=True)
            header = next(reader, None)
            if header is None:
                return None, [ImportProblem(name, 1, None, None, "the file is empty; a header row is required")]
            table = Table(stem, header)
            start = reader.line_num + 1
            for cells in reader:
                if cells:  # a blank line is not a record
                    table.lines.append(start)
                    if len(cells) != len(header):
                        table.widths[len(table.rows)] = len(cells)
                    table.rows.append(_cells_by_column(header, cells))
                start = reader.line_num + 1
    except UnicodeDecodeError:
        return None, [ImportProblem(name, None, None, None, "the file is not UTF-8 text; save it as CSV UTF-8")]
    except csv.Error as error:
        return None, [ImportProblem(name, reader.line_num, None, None, f"the CSV is malformed ({error})")]
    return table, []


def _cells_by_column(header: list[str], cells: list[str]) -> dict[str, str]:
    return {column: (cells[i] if i < len(cells) else "") for i, column in enumerate(header)}


def check_header(table: Table, ignore_unknown_columns: bool) -> list[ImportProblem]:
    known = INTERCHANGE_COLUMNS[table.stem]
    problems = []
    seen: set[str] = set()
    for column in table.header:
        if column in seen:
            problems.append(ImportProblem(table.file, 1, column, None, "this column appears twice in the header"))
        seen.add(column)
        if column not in known and not ignore_unknown_columns:
            problems.append(ImportProblem(table.file, 1, column, None,
                                          "is not a column of this file (give --ignore-unknown-columns "
                                          f"to skip it; the columns are {', '.join(known)})"))
    for column in REQUIRED[table.stem]:
        if column not in seen:
            problems.append(ImportProblem(table.file, 1, column, None, "this required column is missing"))
    return problems


class RowReader:
    """Typed access to one row's cells; every bad cell becomes a problem, and the value None."""

    def __init__(self, table: Table, index: int, problems: list[ImportProblem]):
        self.table = table
        self.row = table.rows[index]
        self.line = table.lines[index]
        self.problems = problems
        width = table.widths.get(index)
        if width is not None:
            self.problem(None, None, f"this row has {width} cells but the header has {len(table.header)}")

    def problem(self, column: str | None, value: str | None, expected: str) -> None:
        self.problems.append(ImportProblem(self.table.file, self.line, column, value, expected))

    def text(self, column: str, required: bool = False) -> str | None:
        value = self.row.get(column, "")
        if column not in FREE_TEXT:
            value = value.strip()
        if value == "" or value.isspace():
            if required:
                self.problem(column, None, "a value is required in this column")
            return None if value == "" else value
        return value

    def date(self, column: str, required: bool = False) -> date | None:
        value = self.text(column, required)
        if value is None:
            return None
        if _DATE.match(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.problem(column, value, "a date as YYYY-MM-DD")
        return None

    def datetime(self, column: str, required: bool = False) -> datetime | None:
        value = self.text(column, required)
        if value is None:
            return None
        if _DATETIME.match(value):
            try:
                return datetime.fromisoformat(value)
            except ValueError:
                pass
        self.problem(column, value, "a date and time as YYYY-MM-DDTHH:MM")
        return None

    def integer(self, column: str, low: int = 0, high: int | None = None) -> int | None:
        value = self.text(column)
        if value is None:
            return None
        if _INTEGER.match(value):
            number = int(value)
            if number >= low and (high is None or number <= high):
                return number
        span = f"from {low} to {high}" if high is not None else f"of {low} or more"
        self.problem(column, value, f"a whole number {span}")
        return None

    def boolean(self, column: str) -> bool:
        value = self.text(column)
        if value is None or value == "no":
            return False
        if value == "yes":
            return True
        self.problem(column, value, "yes or no")
        return False

    def code(self, column: str, codes: Iterable[str], required: bool = False) -> str | None:
        value = self.text(column, required)
        if value is None:
            return None
        if value not in codes:
            self.problem(column, value, _code_expectation(codes))
            return None
        return value

    def codes(self, column: str, codes: Iterable[str]) -> str:
        """A `;`-separated list of codes, returned as stored (``a;b``)."""
        value = self.text(column)
        if value is None:
            return ""
        known = set(codes)
        parts = value.split(";")
        bad = [part for part in parts if part not in known]
        if bad:
            self.problem(column, value, f"codes separated by ';' with no spaces, from: {', '.join(codes)}")
            return ""
        if len(set(parts)) != len(parts):
            self.problem(column, value, "each code once")
            return ""
        return value


def _code_expectation(codes: Iterable[str]) -> str:
    return "one of " + ", ".join(codes)
