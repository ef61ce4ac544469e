"""The PDF preview's memory: open the preview of a long PDF, then scroll to its last page.

    .venv/bin/python benchmarks/bench_preview.py            # 110 pages
    .venv/bin/python benchmarks/bench_preview.py 300        # any number of pages

Prints the process's resident memory (now and at its peak) before opening, once the preview is shown, and after
scrolling to the end, with the number of pages holding a rendered image. Peak memory only ever grows, so run each
measurement in its own process (as here: one run, one PDF). Pages rendered lazily keep the peak near the
baseline whatever the length; pages rendered up front make it grow with every page.
"""
from __future__ import annotations

import io
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent.parent))  # this checkout's cpm_desktop, not the installed one

from PySide6.QtWidgets import QApplication, QScrollArea  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from cpm_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog  # noqa: E402


def long_pdf(pages: int) -> bytes:
    """A text-heavy A4 document, like a long export: every page full of lines."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for number in range(1, pages + 1):
        canvas.setFont("Helvetica", 9)
        for line in range(70):
            canvas.drawString(40, 800 - line * 11, f"Page {number}, line {line + 1}: contact notes " + "text " * 20)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def memory() -> str:
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return f"RSS {status['VmRSS'].strip():>11}, peak {status['VmHWM'].strip():>11}"


def rendered(dialog: PdfPreviewDialog) -> int:
    if hasattr(dialog, "rendered_pages"):
        return len(dialog.rendered_pages())
    return len(getattr(dialog, "images", []))  # the earlier preview, which rendered every page up front


def settle(app: QApplication, seconds: float = 0.5) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 110
    app = QApplication.instance() or QApplication([])
    pdf = long_pdf(pages)
    settle(app, 0.1)
    print(f"{pages} pages, {len(pdf) / 1024:,.0f} KiB of PDF")
    print(f"before opening:        {memory()}")
    started = time.perf_counter()
    dialog = PdfPreviewDialog("Benchmark", pdf, "bench.pdf")
    dialog.show()
    settle(app)
    print(f"preview shown:         {memory()}, {rendered(dialog)} pages rendered "
          f"({time.perf_counter() - started:.2f} s to open)")
    bar = dialog.findChild(QScrollArea).verticalScrollBar()
    for step in range(1, 21):  # scroll down in steps, as a reader dragging the bar would
        bar.setValue(bar.maximum() * step // 20)
        settle(app, 0.05)
    settle(app)
    print(f"scrolled to the end:   {memory()}, {rendered(dialog)} pages rendered")
    dialog.close()
    settle(app, 0.1)


if __name__ == "__main__":
    main()
