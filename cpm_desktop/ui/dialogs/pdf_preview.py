"""Preview a generated PDF as page images, then save it where the person chooses, or print it."""
from __future__ import annotations

from pathlib import Path

import pypdfium2
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cpm_desktop.domain.text import plural
from cpm_desktop.services.files import write_private_file


def page_images(pdf: bytes, scale: float = 1.3) -> list[QImage]:
    """Each page rendered in memory (nothing is written to disk)."""
    document = pypdfium2.PdfDocument(pdf)
    images = []
    try:
        for page in document:
            bitmap = page.render(scale=scale, rev_byteorder=True)
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888 if bitmap.n_channels == 3 else QImage.Format.Format_RGBA8888)
            images.append(image.copy())
            page.close()
    finally:
        document.close()
    return images


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
        pages = QWidget()
        column = QVBoxLayout(pages)
        self.images = page_images(pdf) if render else []
        for image in self.images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            column.addWidget(label)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(pages)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton("&Save…", objectName="savePdfButton")
        self.print_button = QPushButton("&Print…", objectName="printPdfButton")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.choose_and_save)
        self.print_button.clicked.connect(self.print_pages)
        self.print_button.setEnabled(render)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(plural(len(self.images), "page") if render else
                                "This PDF is protected with a password, so it is not shown here. Save it, and "
                                "give the password to the person separately."))
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(900, 760)

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

    def print_pages(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter(printer)
        try:
            for number, image in enumerate(page_images(self.pdf, scale=printer.resolution() / 72)):
                if number:
                    printer.newPage()
                target = painter.viewport()
                size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(target.x(), target.y(), image.scaled(size))
        finally:
            painter.end()
