"""Help ▸ User guide opens the guide's contents page, by the menu or F1; without a guide it says so."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMenu

from cpm_desktop.resources_path import docs_path
from cpm_desktop.ui.help import open_user_guide
from tests.ui.test_main_window import window  # noqa: F401 (the fixture)


class Opened(QObject):
    """Stands in for the desktop's viewer: Qt hands it every file URL instead of launching a program."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def viewer() -> Opened:
    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    return opened


def test_f1_opens_the_guides_contents_page(window, qtbot):  # noqa: F811
    opened = viewer()
    try:
        qtbot.keyClick(window, Qt.Key.Key_F1)
        qtbot.waitUntil(lambda: bool(opened.urls))
    finally:
        QDesktopServices.unsetUrlHandler("file")
    (url,) = opened.urls
    assert url.toLocalFile() == str(docs_path("index.md"))
    assert docs_path("index.md").read_text(encoding="utf-8").startswith("# CPM Desktop user guide")


def test_the_help_menu_has_the_user_guide(window):  # noqa: F811
    menus = {menu.title(): menu for menu in window.menuBar().findChildren(QMenu)}
    assert [action.objectName() for action in menus["&Help"].actions()] == ["actionUserGuide"]


def test_without_the_guide_a_sentence_says_so_and_nothing_is_opened(window, tmp_path):  # noqa: F811
    opened = viewer()
    try:
        problem = open_user_guide(tmp_path / "index.md")
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert problem == "The user guide is not installed with this copy of CPM Desktop."
    assert opened.urls == []
