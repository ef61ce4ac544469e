"""Reading interchange CSV files and turning cells into values, collecting every problem on the way."""
from __future__ import annotations

import csv
import re
import uuid as uuids
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from cpm_desktop.domain.dates import birth_date_range, event_date_range
from cpm_desktop.domain.interchange import APOSTROPHE, control_character, shown, unescape_cell
from cpm_desktop.domain.text import MAX_TEXT_CHARS
from cpm_desktop.services.interchange.columns import (
    FILE_ORDER,
    FREE_TEXT,
    INTERCHANGE_COLUMNS,
    MULTILINE,
    REQUIRED,
    filename,
)

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}\Z")
_INTEGER = re.compile(r"[0-9]{1,18}\Z")  # short enough for int() and for SQLite's 64-bit integers
PROBLEMS_SHOWN_PER_FILE = 50


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
            where += f", column {shown(self.column, 40)}"
        if self.value is None:
            return f"{where}: {self.expected}."
        return f'{where}: "{shown(self.value)}" is not valid; expected {self.expected}.'


class Problems:
    """Every problem counted, the first 50 of each file kept: a header of a million columns gives a short
    report, not hundreds of megabytes."""

    def __init__(self) -> None:
        self.kept: list[ImportProblem] = []
        self.per_file: Counter[str] = Counter()

    def append(self, problem: ImportProblem) -> None:
        self.per_file[problem.file] += 1
        if self.per_file[problem.file] <= PROBLEMS_SHOWN_PER_FILE:
            self.kept.append(problem)

    def extend(self, problems: Iterable[ImportProblem]) -> None:
        for problem in problems:
            self.append(problem)

    def __len__(self) -> int:
        return sum(self.per_file.values())

    def report(self) -> list[ImportProblem]:
        """The problems kept, each file's followed by a line counting those left out."""
        shown_problems: list[ImportProblem] = []
        for file in dict.fromkeys(p.file for p in self.kept):
            shown_problems += [p for p in self.kept if p.file == file]
            hidden = self.per_file[file] - PROBLEMS_SHOWN_PER_FILE
            if hidden > 0:
                shown_problems.append(ImportProblem(file, None, None, None,
                                                    f"and {hidden:,} more problem(s) in this file"))
        return shown_problems


class ImportFailed(Exception):
    """Nothing was imported; ``problems`` lists the problems found (at most 50 a file) and ``total`` counts all."""

    def __init__(self, problems: Problems | list[ImportProblem]):
        if isinstance(problems, list):
            collected = Problems()
            collected.extend(problems)
            problems = collected
        self.total = len(problems)
        self.problems = problems.report()
        super().__init__(f"{self.total:,} problem(s) found; nothing was imported.")


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


@dataclass
class Folder:
    """What a folder held: the files read, the problems met, and the interchange files that could not be read
    (whose rows the other files may still refer to; such references are not reported)."""

    tables: dict[str, Table] = field(default_factory=dict)
    problems: list[ImportProblem] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)


def read_folder(folder: Path) -> Folder:
    """Read every interchange file present in ``folder`` (each is optional); a file that cannot be read is
    reported and the others are still read, so one report lists everything."""
    result = Folder()
    names = ", ".join(filename(stem) for stem in FILE_ORDER)
    for path in sorted(folder.iterdir()):
        stem = path.name.lower().removesuffix(".csv")
        if not path.name.lower().endswith(".csv"):
            continue
        if stem in INTERCHANGE_COLUMNS and path.name != filename(stem):
            result.problems.append(ImportProblem(shown(path.name), None, None, None,
                                                 f"file names are in lower case; rename it {filename(stem)}"))
            result.unreadable.add(stem)
        elif stem in INTERCHANGE_COLUMNS and not path.is_file():
            result.problems.append(ImportProblem(path.name, None, None, None, "is a folder, not a CSV file"))
            result.unreadable.add(stem)
        elif stem not in INTERCHANGE_COLUMNS:
            result.problems.append(ImportProblem(shown(path.name), None, None, None,
                                                 f"is not an interchange file (expected {names})"))
    for stem in FILE_ORDER:
        path = folder / filename(stem)
        if stem not in result.unreadable and path.is_file():
            table, file_problems = read_table(stem, path)
            result.problems += file_problems
            if table is None:
                result.unreadable.add(stem)
            else:
                result.tables[stem] = table
    return result


@contextmanager
def _cells_up_to_max_text() -> Iterator[None]:
    """Let the CSV reader take a cell as long as the longest text the app saves (its default is 131,072)."""
    before = csv.field_size_limit(MAX_TEXT_CHARS)
    try:
        yield
    finally:
        csv.field_size_limit(before)


def read_table(stem: str, path: Path) -> tuple[Table | None, list[ImportProblem]]:
    name = filename(stem)
    line = 1
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle, _cells_up_to_max_text():
            reader = csv.reader(handle, strict=True)
            header = next(reader, None)
            if header is None:
                return None, [ImportProblem(name, 1, None, None, "the file is empty; a header row is required")]
            table = Table(stem, header)
            line = reader.line_num + 1
            for cells in reader:
                if cells:  # a blank line is not a record
                    table.lines.append(line)
                    if len(cells) != len(header):
                        table.widths[len(table.rows)] = len(cells)
                    table.rows.append(_cells_by_column(header, cells))
                line = reader.line_num + 1
    except UnicodeDecodeError:
        return None, [ImportProblem(name, None, None, None, "the file is not UTF-8 text; save it as CSV UTF-8")]
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            return None, [ImportProblem(name, line, None, None,
                                        f"a cell is longer than the {MAX_TEXT_CHARS:,} characters a field holds")]
        return None, [ImportProblem(name, line, None, None, f"the CSV is malformed ({shown(str(error))})")]
    return table, []


def _cells_by_column(header: list[str], cells: list[str]) -> dict[str, str]:
    return {column: (cells[i] if i < len(cells) else "") for i, column in enumerate(header)}


def check_header(table: Table, ignore_unknown_columns: bool) -> Iterator[ImportProblem]:
    """The header's problems, one at a time (a header may have a million columns)."""
    known = INTERCHANGE_COLUMNS[table.stem]
    unknown = ("is not a column of this file (give --ignore-unknown-columns to skip it; the columns are "
               f"{', '.join(known)})")
    seen: set[str] = set()
    for column in table.header:
        if column in seen:
            yield ImportProblem(table.file, 1, column, None, "this column appears twice in the header")
        seen.add(column)
        if column not in known and not ignore_unknown_columns:
            yield ImportProblem(table.file, 1, column, None, unknown)
            unknown = "is not a column of this file either"  # the columns are listed once
    for column in REQUIRED[table.stem]:
        if column not in seen:
            yield ImportProblem(table.file, 1, column, None, "this required column is missing")


class RowReader:
    """Typed access to one row's cells; every bad cell becomes a problem, and the value None."""

    def __init__(self, table: Table, index: int, problems: Problems, today: date):
        self.table = table
        self.row = table.rows[index]
        self.line = table.lines[index]
        self.problems = problems
        self.today = today
        width = table.widths.get(index)
        if width is not None:
            self.problem(None, None, f"this row has {width} cells but the header has {len(table.header)}")

    def problem(self, column: str | None, value: str | None, expected: str) -> None:
        self.problems.append(ImportProblem(self.table.file, self.line, column, value, expected))

    def text(self, column: str, required: bool = False) -> str | None:
        value = self.row.get(column, "")
        if column not in FREE_TEXT:
            value = value.strip()
        if value[:1] == APOSTROPHE:  # the only cells with an escape to undo
            value = unescape_cell(value)
        if value == "" or value.isspace():
            if required:
                self.problem(column, None, "a value is required in this column")
            return None if value == "" else value
        bad = control_character(value, multiline=column in MULTILINE)
        if bad is not None:
            allowed = "no control character but tab and line breaks" if column in MULTILINE else \
                "text on one line with no control character"
            self.problem(column, value, f"{allowed} (it holds {shown(bad)})")
            return None
        return value

    def date(self, column: str, required: bool = False, *, birth: bool = False) -> date | None:
        value = self.text(column, required)
        if value is None:
            return None
        if _DATE.match(value):
            try:
                day = date.fromisoformat(value)
            except ValueError:
                pass
            else:
                low, high = (birth_date_range if birth else event_date_range)(self.today)
                if low <= day <= high:
                    return day
                self.problem(column, value, f"a date from {low.isoformat()} to {high.isoformat()}")
                return None
        self.problem(column, value, "a date as YYYY-MM-DD")
        return None

    def datetime(self, column: str, required: bool = False) -> datetime | None:
        value = self.text(column, required)
        if value is None:
            return None
        if _DATETIME.match(value):
            try:
                moment = datetime.fromisoformat(value)
            except ValueError:
                pass
            else:
                low, high = event_date_range(self.today)
                if low <= moment.date() <= high:
                    return moment
                self.problem(column, value, f"a date and time from {low.isoformat()} to {high.isoformat()}")
                return None
        self.problem(column, value, "a date and time as YYYY-MM-DDTHH:MM")
        return None

    def integer(self, column: str, low: int, high: int) -> int | None:
        value = self.text(column)
        if value is None:
            return None
        if _INTEGER.match(value):
            number = int(value)
            if low <= number <= high:
                return number
        self.problem(column, value, f"a whole number from {low:,} to {high:,}")
        return None

    def boolean(self, column: str) -> bool:
        """yes or no; empty is no."""
        return bool(self.maybe_boolean(column))

    def maybe_boolean(self, column: str) -> bool | None:
        """yes, no, or empty for not known."""
        value = self.text(column)
        if value is None:
            return None
        if value in ("yes", "no"):
            return value == "yes"
        self.problem(column, value, "yes or no")
        return None

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

    def uuid(self, column: str) -> str | None:
        """A record's uuid, in the canonical lower-case form the store uses."""
        value = self.text(column, required=True)
        if value is None:
            return None
        try:
            canonical = str(uuids.UUID(value))
        except ValueError:
            canonical = ""
        if canonical != value:
            self.problem(column, value, "a uuid such as 0f8fad5b-d9cb-469f-a165-70867728950e")
            return None
        return value


def _code_expectation(codes: Iterable[str]) -> str:
    return "one of " + ", ".join(codes)
