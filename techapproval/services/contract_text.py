"""The text of a signed contract, page by page, for the clause check: a PDF's text layer through
pypdfium2, a Word document's paragraphs and tables through python-docx, plain text as it is (a form
feed starts a new page).

Nothing here touches the database. Every refusal is a TextProblem whose message says what is wrong
and what to do; a PDF with no text layer (a scan) is NoText. The limits keep a hostile or broken file
from taking the computer's memory: 500 pages, and a Word document may unpack to at most 100 MB.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from ..domain.contract_form import MAX_DOCUMENT_BYTES
from . import documents

MAX_PAGES = 500
MAX_UNPACKED_BYTES = 100 * 2**20
MAX_RATIO = 200  # uncompressed to compressed, for one member of a Word document's ZIP archive
NO_TEXT = "no text found: tick the provisions by hand"
_FPDF_ERR_PASSWORD = 4


class TextProblem(ValueError):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NoText(TextProblem):
    """The document has no text to read (a scan without a text layer)."""


@dataclass(frozen=True)
class ContractText:
    pages: tuple[str, ...]
    paged: bool  # False: the pages are not the document's own (a Word document without page breaks)
    kind: str  # "PDF", "Word document", "plain text"


def extract(name: str, content: bytes) -> ContractText:
    """The text of `content` (a file named `name`), or TextProblem."""
    if not content:
        raise TextProblem(f"{name} is empty (0 bytes): there is nothing to check. Attach the complete file.")
    if len(content) > MAX_DOCUMENT_BYTES:
        raise TextProblem(f"{name} is larger than {MAX_DOCUMENT_BYTES // 2**20} MB: it is not checked.")
    lower = name.lower()
    if b"%PDF" in content[:1024]:
        return _pdf(name, content)
    if lower.endswith(".pdf"):
        raise TextProblem(f"{name} is named as a PDF but does not start like one: it may be damaged or renamed. "
                          "Ask the contractor for a new copy.")
    if lower.endswith(".docx") or content.startswith(b"PK"):
        return _docx(name, content)
    seems = documents.looks_like(content)
    if seems == "plain text" or lower.endswith((".txt", ".text", ".md")):
        return _plain(name, content)
    raise TextProblem(f"{name} looks like {seems}; the check reads PDF, Word (.docx) and plain text. "
                      "Save it as a PDF with text, or tick the provisions by hand.")


def _pdf(name: str, content: bytes) -> ContractText:
    import pypdfium2  # on first use: not at every start

    try:
        document = pypdfium2.PdfDocument(content)
    except pypdfium2.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _FPDF_ERR_PASSWORD:
            raise TextProblem(f"{name} is protected by a password: the check cannot read it. Save a copy without "
                              "the password (or ask the contractor for one), then check that.") from None
        raise TextProblem(f"{name} cannot be read as a PDF: it may be damaged or incomplete. Ask the contractor "
                          "for a new copy.") from None
    try:
        count = len(document)
        if count > MAX_PAGES:
            raise TextProblem(f"{name} has {count:,} pages; the check reads at most {MAX_PAGES}. Check the part "
                              "with the student data terms (the data privacy agreement or addendum) on its own.")
        pages = []
        for i in range(count):
            page = document[i]
            try:
                text = page.get_textpage()
                try:
                    pages.append(text.get_text_range())
                finally:
                    text.close()
            except pypdfium2.PdfiumError:
                raise TextProblem(f"Page {i + 1} of {name} cannot be read: the PDF may be damaged. Ask the "
                                  "contractor for a new copy.") from None
            finally:
                page.close()
    finally:
        document.close()
    if sum(len(p.split()) for p in pages) < 3:
        raise NoText(f"{name}: {NO_TEXT} (the PDF has no text layer, as a scan has)."
                     if count else f"{name} has no pages: there is nothing to check.")
    return ContractText(tuple(pages), True, "PDF")


def _unpack_problem(name: str, content: bytes) -> str | None:
    not_word = (f"{name} is named as a Word document but is not one (it is not a ZIP archive, as a .docx is): it "
                "may be damaged or renamed. Open it in Word and save it again as .docx, or as PDF.")
    if not content.startswith(b"PK\x03\x04"):
        return not_word
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError, EOFError):
        return not_word
    total = sum(m.file_size for m in members)
    worst = max((m.file_size / max(m.compress_size, 1) for m in members if m.file_size > 2**20), default=0)
    if total > MAX_UNPACKED_BYTES or worst > MAX_RATIO:
        return (f"{name} would unpack to {_size(total)} from {_size(len(content))}: it is not "
                "read, as a file packed like this can exhaust the computer's memory (a \u201czip bomb\u201d). Ask "
                "the contractor for the document as a PDF.")
    if not any(m.filename == "word/document.xml" for m in members):
        if any(m.filename == "content.xml" for m in members):
            return (f"{name} is an OpenDocument file: the check reads PDF, Word (.docx) and plain text. Save it "
                    "as .docx or PDF and check that, or tick the provisions by hand.")
        return (f"{name} is a ZIP archive but not a Word document (it has no word/document.xml). Attach the "
                "contract as .docx or PDF.")
    return None


def _size(n: int) -> str:
    return f"{n / 2**20:,.0f} MB" if n >= 2**20 else f"{max(1, round(n / 1024)):,} KB"


def _docx(name: str, content: bytes) -> ContractText:
    if problem := _unpack_problem(name, content):
        raise TextProblem(problem)
    import docx  # python-docx, on first use
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(content))
    except Exception:  # python-docx raises many kinds on a broken package (KeyError, XMLSyntaxError, ...)
        raise TextProblem(f"{name} cannot be read as a Word document: it may be damaged. Open it in Word and "
                          "save it again, or attach it as PDF.") from None
    body = document.element.body
    rendered = bool(body.xpath(".//w:lastRenderedPageBreak"))
    breaks = ".//w:lastRenderedPageBreak" if rendered else ".//w:br[@w:type='page']"
    pages: list[list[str]] = [[]]

    def paragraph(p) -> None:
        if p._p.xpath(breaks) and any(pages[-1]):
            pages.append([])
        pages[-1].append(p.text)

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    for p in cell.paragraphs:
                        paragraph(p)
                    pages[-1].append("")
        else:
            paragraph(block)
            pages[-1].append("")  # a paragraph is a paragraph: a blank line after it
    texts = tuple("\n".join(lines) for lines in pages)
    if not any(t.strip() for t in texts):
        raise NoText(f"{name}: {NO_TEXT} (the Word document has no text).")
    return ContractText(texts, len(texts) > 1, "Word document")


def _plain(name: str, content: bytes) -> ContractText:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # cp1252 leaves five bytes undefined
        text = content.decode("latin-1")
    pages = tuple(text.split("\f"))
    if len(pages) > MAX_PAGES:
        raise TextProblem(f"{name} has {len(pages):,} pages; the check reads at most {MAX_PAGES}.")
    if not text.strip():
        raise NoText(f"{name}: {NO_TEXT} (the file holds only spaces).")
    return ContractText(pages, len(pages) > 1, "plain text")


def check_document(name: str, content: bytes):
    """The clause check of a contract file: its text, read against the eleven provisions
    (domain.clauses.ContractCheck). TextProblem when the text cannot be read."""
    from ..domain.clauses import check_text

    text = extract(name, content)
    return check_text(text.pages, text.paged)
