"""Preview a generated PDF as page images, then save it where the person chooses, or print it.

Pages are rendered only as they come into view: a long export (a hundred pages and more) would otherwise hold
every page as an image at once. Each page has a placeholder of its own size from the start, so the scroll bar is
right before anything is drawn; a page scrolled far out of view gives its image back.
"""
from __future__ import annotations

from pathlib import Path

import pypdfium2
from PySide6.QtCore import QRect, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QImage, QPainter, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cpm_desktop.domain.text import plural
from cpm_desktop.services.files import private_target, write_private_file

SCALE = 1.3  # screen pixels per PDF point
NEARBY = 2  # pages kept rendered either side of those in view, so a short scroll shows them at once
PRINT_DPI = 300  # enough for text; a printer's full resolution (1200 dpi) would be 400 MB a page


class PdfPages:
    """An open PDF: the size of every page without rendering any, and one page rendered when asked."""

    def __init__(self, pdf: bytes):
        self._document: pypdfium2.PdfDocument | None = pypdfium2.PdfDocument(pdf)
        self.count = len(self._document)

    def size(self, index: int, scale: float = SCALE) -> QSize:
        assert self._document is not None, "the PDF is closed"
        width, height = self._document.get_page_size(index)
        return QSize(round(width * scale), round(height * scale))

    def render(self, index: int, scale: float = SCALE) -> QImage:
        assert self._document is not None, "the PDF is closed"
        page = self._document[index]
        try:
            bitmap = page.render(scale=scale, rev_byteorder=True)
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888 if bitmap.n_channels == 3 else QImage.Format.Format_RGBA8888)
            return image.copy()  # the bitmap's buffer goes when it does
        finally:
            page.close()

    @property
    def is_open(self) -> bool:
        return self._document is not None

    def close(self) -> None:
        if self._document is not None:
            self._document.close()
            self._document = None


class PdfPreviewDialog(QDialog):
    @classmethod
    def protected(cls, pdf: bytes, suggested_name: str, parent: QWidget | None = None) -> PdfPreviewDialog:
        """A password-protected PDF: no preview (it would need the password), only saving."""
        return cls("Protected PDF", pdf, suggested_name, parent, render=False)

    def __init__(self, title: str, pdf: bytes, suggested_name: str, parent: QWidget | None = None,
                 render: bool = True):
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setWindowTitle(title)
        self.pdf = pdf
        self.suggested_name = suggested_name
        self.saved_to: Path | None = None
        self.print_dialog: QPrintDialog | None = None  # the last one opened (tests drive it)
        self.pages: PdfPages | None = PdfPages(pdf) if render else None
        self.page_count = self.pages.count if self.pages else 0
        self.slots: list[QLabel] = []
        column_widget = QWidget()
        column = QVBoxLayout(column_widget)
        for index in range(self.page_count):
            slot = QLabel(objectName=f"pdfPage{index + 1}", frameShape=QFrame.Shape.Box)
            slot.setFixedSize(self.pages.size(index))  # type: ignore[union-attr]  # pages exist when counted
            column.addWidget(slot, 0, Qt.AlignmentFlag.AlignHCenter)
            self.slots.append(slot)
        self.page_area = QScrollArea(widgetResizable=True, objectName="pdfPages")
        self.page_area.setWidget(column_widget)
        # Scrolling asks for the pages in view once the bar has come to rest for a moment, not for every page
        # dragged past.
        self._due = QTimer(self, singleShot=True, interval=30)
        self._due.timeout.connect(self.render_visible)
        self.page_area.verticalScrollBar().valueChanged.connect(lambda _value: self._due.start())  # not start(msec)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton("&Save…", objectName="savePdfButton")
        self.print_button = QPushButton("&Print…", objectName="printPdfButton")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.choose_and_save)
        self.print_button.clicked.connect(self.print_pages)
        self.print_button.setEnabled(render)
        self.finished.connect(self.release)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(plural(self.page_count, "page") if render else
                                "This PDF is protected with a password, so it is not shown here. Save it, and "
                                "give the password to the person separately."))
        layout.addWidget(self.page_area)
        layout.addWidget(buttons)
        self.resize(900, 760)

    # --- rendering on demand ---------------------------------------------------------------------------

    def pages_in_view(self) -> range:
        """The pages any part of which is in the scroll area's viewport (empty before it is laid out)."""
        top = self.page_area.verticalScrollBar().value()
        seen = QRect(0, top, self.page_area.viewport().width() or 1, self.page_area.viewport().height())
        shown = [i for i, slot in enumerate(self.slots) if slot.geometry().intersects(seen)]
        return range(shown[0], shown[-1] + 1) if shown else range(0)

    def rendered_pages(self) -> list[int]:
        return [i for i, slot in enumerate(self.slots) if not slot.pixmap().isNull()]

    def render_visible(self) -> None:
        """Render the pages in view and a few either side; let every other page's image go."""
        if self.pages is None or not self.pages.is_open or not self.isVisible():
            return
        visible = self.pages_in_view()
        if not visible:
            return
        wanted = range(max(0, visible.start - NEARBY), min(self.page_count, visible.stop + NEARBY))
        for index, slot in enumerate(self.slots):
            if index not in wanted:
                if not slot.pixmap().isNull():
                    slot.clear()
            elif slot.pixmap().isNull():
                slot.setPixmap(QPixmap.fromImage(self.pages.render(index)))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._due.start()  # after the layout has given the placeholders their places

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._due.start()

    def release(self) -> None:
        """Close the PDF and drop every image: the dialog is done with."""
        self._due.stop()
        for slot in self.slots:
            slot.clear()
        if self.pages is not None:
            self.pages.close()
        self.print_button.setEnabled(False)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)  # a visible dialog is rejected, and so finished; a hidden one is not
        self.release()

    # --- saving and printing ---------------------------------------------------------------------------

    def choose_and_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Save PDF", self.suggested_name, "PDF files (*.pdf)")
        if name:
            self.save_to(Path(name))

    def save_to(self, path: Path) -> None:
        try:
            write_private_file(path, self.pdf)  # owner-only, whole or not at all
        except OSError as error:
            QMessageBox.warning(self, "Not saved", f"The PDF could not be saved there ({error.strerror}).")
            return
        self.saved_to = path

    def print_pages(self) -> QPrintDialog | None:
        """The print dialog, window-modal over the preview (no nested event loop); the pages chosen are printed
        once it is accepted, and nothing when it is cancelled or the preview has closed meanwhile."""
        if self.pages is None or not self.pages.is_open:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.page_count)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.accepted.connect(lambda: self.print_to(printer) if self.pages and self.pages.is_open else None)
        dialog.finished.connect(lambda _result: dialog.deleteLater())  # the printer goes with the lambda above
        self.print_dialog = dialog
        QDialog.open(dialog)  # QPrintDialog's own open(receiver, member) hides it in PySide
        return dialog

    def print_to(self, printer: QPrinter) -> None:
        """Print the pages the printer was set to (all by default), rendering one at a time. Printed to a PDF
        file, the file is owner-only like every other the application writes (Qt's own would be readable by
        everyone on the computer)."""
        target = printer.outputFileName() if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat else ""
        if not target:
            self._paint(printer)
            return
        with private_target(target) as partial:
            printer.setOutputFileName(str(partial))
            try:
                self._paint(printer)
            finally:
                printer.setOutputFileName(target)

    def _paint(self, printer: QPrinter) -> None:
        assert self.pages is not None
        first = printer.fromPage() or 1
        last = printer.toPage() or self.page_count
        scale = min(printer.resolution(), PRINT_DPI) / 72
        painter = QPainter(printer)
        try:
            for index in range(first - 1, last):
                if index >= first:
                    printer.newPage()
                image = self.pages.render(index, scale)
                target = painter.viewport()
                size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(target.topLeft(), size), image)
        finally:
            painter.end()
