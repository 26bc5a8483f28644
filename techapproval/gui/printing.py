"""Print and Save as PDF. reportlab and PDFium load only when someone prints."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from PySide6.QtCore import QRect, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from ..domain.sheet import DecisionSheet
from .folders import save_file_name
from .i18n import translate


def decision_pdf(sheet: DecisionSheet) -> bytes:
    from ..pdf.decision import render_decision_pdf

    return render_decision_pdf(sheet)


def write_atomically(path: Path, data: bytes) -> None:
    """Never leave a half-written PDF where the old one was."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_pdf(parent: QWidget, data: bytes, suggested_name: str, title: str = "Save decision as PDF") -> Path | None:
    path = save_file_name(parent, title, suggested_name, translate("Printing", "PDF documents (*.pdf)"))
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(".pdf")
    write_atomically(target, data)
    return target


def print_pdf(parent: QWidget, data: bytes) -> bool:
    """The Qt print dialog, then each PDF page drawn at the printer's resolution."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("Printing", "Print decision"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paint_pdf(printer, data)
    return True


def paint_pdf(printer: QPrinter, data: bytes) -> None:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("The printer could not be started.")
    try:
        dpi = printer.resolution()
        for index in range(len(document)):
            if index:
                printer.newPage()
            page = document[index]
            bitmap = page.render(scale=min(dpi, 300) / 72, rev_byteorder=True)  # RGB, 3 channels
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888).copy()
            bitmap.close()
            target = painter.viewport()
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft(), scaled), image)
    finally:
        painter.end()
        document.close()


def safe_file_name(name: str, fallback: str = "document") -> str:
    """A stored document's name, usable as a file name on any desktop."""
    name = re.sub(r'[\x00-\x1f<>:"/\\|?*]', "_", name).strip().strip(".")
    return name[:200] or fallback


def open_in_viewer(name: str, content: bytes, what: str = "document") -> str:
    """Write the bytes to a private temporary folder and open them with the system's viewer. Returns
    what to tell the person when that did not work, or "" when it did."""
    folder = Path(tempfile.mkdtemp(prefix="techapproval-"))
    target = folder / safe_file_name(name, what)
    try:
        target.write_bytes(content)
    except OSError as exc:
        return f"The {what} could not be written to {folder}: {exc.strerror or exc}."
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
        return f"No program opened the {what}. It is saved as {target}."
    return ""
