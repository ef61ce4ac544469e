"""CSV import and export in the interchange format (docs/interchange.md describes every file and column)."""
from cpm_desktop.services.interchange.columns import INTERCHANGE_COLUMNS
from cpm_desktop.services.interchange.exporting import ExportSummary, export_folder
from cpm_desktop.services.interchange.importing import ImportSummary, import_folder, import_tables
from cpm_desktop.services.interchange.reading import (
    ImportCancelled,
    ImportFailed,
    ImportProblem,
    Table,
    read_folder,
)

__all__ = [
    "INTERCHANGE_COLUMNS", "ExportSummary", "ImportCancelled", "ImportFailed", "ImportProblem", "ImportSummary",
    "Table", "export_folder", "import_folder", "import_tables", "read_folder",
]
