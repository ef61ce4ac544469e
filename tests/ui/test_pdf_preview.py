"""The PDF preview renders pages as they come into view, keeps only a few, and prints one page at a time."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from cpm_desktop.ui.dialogs.pdf_preview import NEARBY, SCALE, PdfPreviewDialog


def numbered_pdf(pages: int, landscape_pages: tuple[int, ...] = ()) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for number in range(1, pages + 1):
        canvas.setPageSize(landscape(A4) if number in landscape_pages else A4)
        canvas.drawString(72, 500, f"This is page {number} of {pages}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.fixture
def long_preview(qtbot):
    dialog = PdfPreviewDialog("Long export", numbered_pdf(110, landscape_pages=(50,)), "long.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: bool(dialog.rendered_pages()), timeout=5000)
    return dialog


def test_opening_a_110_page_preview_renders_only_the_first_few_pages(long_preview):
    rendered = long_preview.rendered_pages()
    assert rendered[0] == 0
    assert len(rendered) <= len(long_preview.pages_in_view()) + NEARBY
    assert long_preview.page_count == 110 and len(long_preview.slots) == 110
    # Every page has its place, of its own size, before it is drawn: the scroll bar is right from the start.
    assert long_preview.slots[100].pixmap().isNull()
    portrait, wide = long_preview.slots[100].size(), long_preview.slots[49].size()
    assert (portrait.width(), portrait.height()) == (round(A4[0] * SCALE), round(A4[1] * SCALE))
    assert (wide.width(), wide.height()) == (portrait.height(), portrait.width())


def test_scrolling_to_the_end_renders_the_last_page_and_drops_the_first(long_preview, qtbot):
    bar = long_preview.page_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: 109 in long_preview.rendered_pages(), timeout=5000)
    rendered = long_preview.rendered_pages()
    assert 0 not in rendered
    assert len(rendered) <= len(long_preview.pages_in_view()) + NEARBY
    assert rendered[-1] == 109 and long_preview.slots[109].pixmap().width() == long_preview.slots[109].width()


def test_closing_the_preview_closes_the_pdf_and_lets_every_image_go(long_preview, qtbot):
    assert long_preview.pages.is_open
    long_preview.close()
    assert not long_preview.pages.is_open
    assert long_preview.rendered_pages() == []
    long_preview.render_visible()  # a late timer after closing renders nothing, and does not fail
    assert long_preview.rendered_pages() == []


def test_printing_renders_only_the_chosen_pages_one_after_another(qtbot, tmp_path, monkeypatch):
    dialog = PdfPreviewDialog("Letters", numbered_pdf(5), "letters.pdf")
    qtbot.addWidget(dialog)
    renders: list[int] = []
    real_render = dialog.pages.render
    monkeypatch.setattr(dialog.pages, "render", lambda index, scale: renders.append(index) or real_render(index, scale))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setFromTo(2, 4)
    dialog.print_to(printer)
    assert renders == [1, 2, 3]
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 3


def test_a_protected_pdf_opens_nothing_and_cannot_be_printed(qtbot):
    dialog = PdfPreviewDialog.protected(numbered_pdf(2), "protected.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.pages is None and dialog.slots == [] and not dialog.print_button.isEnabled()


@pytest.fixture
def no_nested_loop(monkeypatch):
    """Printing must not wait in exec(): that would be a nested event loop under the preview."""
    def refuse(*_args):
        raise AssertionError("QPrintDialog.exec() was called; the print dialog is shown with open()")
    monkeypatch.setattr(QPrintDialog, "exec", refuse)


def _printing_to(dialog: QPrintDialog, path) -> None:
    printer = dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setFromTo(2, 3)


def test_print_opens_the_print_dialog_window_modal_and_prints_the_chosen_pages_once_accepted(
        qtbot, tmp_path, monkeypatch, no_nested_loop):
    preview = PdfPreviewDialog("Letters", numbered_pdf(4), "letters.pdf")
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitUntil(lambda: bool(preview.rendered_pages()))
    renders: list[int] = []
    real_render = preview.pages.render
    monkeypatch.setattr(preview.pages, "render", lambda index, scale: renders.append(index)
                        or real_render(index, scale))
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QPrintDialog))
    dialog = preview.print_dialog
    assert QApplication.activeModalWidget() is dialog and dialog.windowModality() == Qt.WindowModality.WindowModal
    assert (dialog.minPage(), dialog.maxPage()) == (1, 4)
    _printing_to(dialog, tmp_path / "printed.pdf")
    QDialog.accept(dialog)  # as its Print button, without the dialog's own widgets resetting the printer
    assert renders == [1, 2] and len(PdfReader(tmp_path / "printed.pdf").pages) == 2  # pages 2 and 3, one by one


def test_a_cancelled_print_dialog_prints_nothing(qtbot, tmp_path, no_nested_loop):
    preview = PdfPreviewDialog("Letters", numbered_pdf(2), "letters.pdf")
    qtbot.addWidget(preview)
    preview.show()
    dialog = preview.print_pages()
    qtbot.waitUntil(dialog.isVisible)
    _printing_to(dialog, tmp_path / "printed.pdf")
    dialog.reject()
    assert not dialog.isVisible() and list(tmp_path.iterdir()) == []


def test_printing_to_a_pdf_file_makes_it_owner_only_and_leaves_no_partial(qtbot, tmp_path):
    dialog = PdfPreviewDialog("Letters", numbered_pdf(2), "letters.pdf")
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.print_to(printer)
    assert (tmp_path / "printed.pdf").stat().st_mode & 0o777 == 0o600  # Qt's own would be 0644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["printed.pdf"]
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 2 and printer.outputFileName().endswith("printed.pdf")
