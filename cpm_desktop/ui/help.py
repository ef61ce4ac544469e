"""Help ▸ User guide: the guide in docs/ (beside a clone, or installed in the package) opened by the desktop's
own viewer for Markdown files, usually the web browser or a text editor."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from cpm_desktop.resources_path import docs_path


def open_user_guide(page: Path | None = None) -> str | None:
    """Open the guide's contents page; None when it opened, otherwise the sentence to show instead."""
    page = page or docs_path("index.md")
    if not page.is_file():
        return "The user guide is not installed with this copy of CPM Desktop."
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(page))):
        return f"Nothing on this computer opens the user guide; it is the file {page}."
    return None
