"""Contract files for the clause check's tests, made when a test asks for them rather than committed:
a PDF with a text layer, a scan with none, a damaged, an encrypted and a 501-page PDF; a Word document
with a page break, one that is not a ZIP archive, and a ZIP bomb."""

from __future__ import annotations

import io
import zipfile

from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas


def _wrap(text: str, width: int = 92) -> list[str]:
    lines = []
    for paragraph in text.split("\n"):
        while len(paragraph) > width:
            cut = paragraph.rfind(" ", 0, width)
            cut = cut if cut > 0 else width
            lines.append(paragraph[:cut])
            paragraph = paragraph[cut + 1:]
        lines.append(paragraph)
    return lines


def text_pdf(pages: list[str], **options) -> bytes:
    """One PDF page per string, its lines wrapped as a word processor would."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=letter, invariant=1, **options)
    for page in pages:
        y = 740
        for line in _wrap(page):
            if y < 50:
                pdf.showPage()
                y = 740
            pdf.drawString(60, y, line)
            y -= 14
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def scanned_pdf(pages: int = 2) -> bytes:
    """What a scanner makes: pages of marks (here grey bars where lines of text were), no text layer."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=letter, invariant=1)
    for _ in range(pages):
        pdf.setFillGray(0.3)
        for row in range(40):
            pdf.rect(60, 740 - row * 16, 420 + (row * 37) % 60, 7, stroke=0, fill=1)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def encrypted_pdf(text: str = "This Agreement is governed by the laws of the State of Connecticut.") -> bytes:
    from reportlab.lib import pdfencrypt

    return text_pdf([text], encrypt=pdfencrypt.StandardEncryption("open-sesame", canPrint=1))


def damaged_pdf() -> bytes:
    """A PDF cut off after its header and a little of its first object, as an interrupted download is."""
    whole = text_pdf(["Data privacy agreement."])
    return whole[:9] + b"\x00\x13garbled" * 20


def many_pages_pdf(pages: int) -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=letter, invariant=1)
    for i in range(pages):
        pdf.drawString(60, 740, f"Page {i + 1} of the vendor's terms.")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _paragraphs(page: str) -> list[str]:
    """The page's paragraphs as a word processor holds them: a long line that ends without a full stop
    was wrapped, and joins the next; a short one is a title."""
    from techapproval.domain.clauses import _is_heading

    out: list[str] = []
    joining = False
    for line in (raw.strip() for raw in page.split("\n")):
        if not line:
            joining = False
            continue
        if joining and out:
            out[-1] = out[-1][:-1] + line if out[-1].endswith("-") else f"{out[-1]} {line}"
        else:
            out.append(line)
        joining = len(line) > 60 and not _is_heading(line) and line[-1] not in ".:;!?\"\u201d"
    return out


def docx_file(pages: list[str]) -> bytes:
    """A Word document: each string's paragraphs, a page break between the strings; the first
    paragraph of the second page is put in a table cell, as contracts' schedules often are."""
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    for n, page in enumerate(pages):
        lines = _paragraphs(page)
        for i, line in enumerate(lines):
            if n == 1 and i == 0:
                document.add_table(rows=1, cols=1).cell(0, 0).text = line
            else:
                document.add_paragraph(line)
        if n + 1 < len(pages):
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def not_a_zip_docx() -> bytes:
    return b"This file was saved as plain text and renamed to .docx.\r\n"


def zip_bomb_docx(megabytes: int = 40) -> bytes:
    """A ZIP archive that looks like a Word document and unpacks to `megabytes` of zeros: about a
    thousand times its size, as a zip bomb does."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\x00" * 2**20
            for _ in range(megabytes):
                member.write(block)
    return out.getvalue()


def odt_file() -> bytes:
    """The outline of an OpenDocument text: its mimetype and content.xml."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()
