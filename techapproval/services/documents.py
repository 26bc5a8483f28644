"""The document store: signed contracts and IEP/504 evidence, kept in the database by SHA-256 so that
every desk on a shared server sees the same file and a database backup carries it."""

from __future__ import annotations

import hashlib
import io
import math
import zipfile
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import ContractDocument
from ..domain.contract_form import MAX_DOCUMENT_BYTES
from .errors import Invalid, Refused

NAME_LENGTH = 255  # the document_name column


@dataclass(frozen=True)
class FileKind:
    label: str  # "a PDF document", for "x.pdf is named as a PDF document but ..."
    extensions: tuple[str, ...]  # the first is added to a name that has none of them


PDF = FileKind("a PDF document", (".pdf",))
DOCX = FileKind("a Word document", (".docx",))
DOC = FileKind("an older Word document", (".doc",))
ODT = FileKind("an OpenDocument text", (".odt",))
PNG = FileKind("a PNG image", (".png",))
JPEG = FileKind("a JPEG image", (".jpg", ".jpeg"))
TIFF = FileKind("a TIFF image", (".tif", ".tiff"))
KINDS = (PDF, DOCX, DOC, ODT, PNG, JPEG, TIFF)  # what a signed contract or a piece of evidence may be
EXTENSIONS = tuple(e for kind in KINDS for e in kind.extensions)
ALLOWED = "a PDF, a Word document (.docx or .doc), an OpenDocument text (.odt), or a PNG, JPEG or TIFF image"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word, Excel and PowerPoint 97-2003


def _zip_members(content: bytes) -> dict[str, bytes] | None:
    """The names in a ZIP archive (what .docx and .odt files are), with the start of an OpenDocument's
    "mimetype" member, or None when the bytes are not an archive."""
    if not content.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:  # reads the directory, not the members
            members = dict.fromkeys(archive.namelist(), b"")
            if "mimetype" in members:
                with archive.open("mimetype") as f:
                    members["mimetype"] = f.read(100)
            return members
    except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError, EOFError):
        return None


def kind_of(content: bytes) -> FileKind | None:
    """Which of the kinds the bytes are, by their own signature (never by the file's name)."""
    if b"%PDF" in content[:1024]:  # readers accept a little junk before the header
        return PDF
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if content.startswith(b"\xff\xd8\xff"):
        return JPEG
    if content[:4] in (b"II*\x00", b"MM\x00*"):
        return TIFF
    if content.startswith(_OLE2):
        return DOC
    members = _zip_members(content) or {}
    if "word/document.xml" in members:
        return DOCX
    if members.get("mimetype", b"").startswith(b"application/vnd.oasis.opendocument.text"):
        return ODT
    return None


def looks_like(content: bytes) -> str:
    """What the bytes look like, in words, for a refusal."""
    if (kind := kind_of(content)) is not None:
        return kind.label
    members = _zip_members(content)
    if members is not None:
        if any(m.startswith("xl/") for m in members):
            return "an Excel workbook"
        if any(m.startswith("ppt/") for m in members):
            return "a PowerPoint presentation"
        return "a ZIP archive" if members else "an empty ZIP archive"
    if content.startswith(b"PK"):
        return "a damaged ZIP archive (perhaps a Word document that did not copy completely)"
    head = content[:512]
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "a GIF image"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "a WebP image"
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return "a HEIC photo"
    if head.startswith(b"MZ"):
        return "a Windows program"
    if head.startswith(b"\x7fELF"):
        return "a program"
    if head.lstrip().lower().startswith((b"<!doctype html", b"<html")):
        return "a web page"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:  # not only a character cut off at the end
            return "a kind of file the app does not recognise"
    return "plain text"


def size_problem(name: str, size: int) -> str | None:
    """Why a file of this size cannot be attached, or None. Checked before reading the file."""
    if size == 0:
        return f"{name} is empty (0 bytes): perhaps it was not saved or copied completely. Attach the complete file."
    if size > MAX_DOCUMENT_BYTES:
        over = math.ceil(size * 10 / 2**20) / 10  # 50 MB and a byte is "50.1 MB", not "50 MB"
        return (f"{name} is {over:g} MB; the limit is {MAX_DOCUMENT_BYTES // 2**20} MB. Scan it at a lower "
                "resolution, or in black and white.")
    return None


def accept(filename: str, content: bytes, fallback: str) -> str:
    """The name to keep an attached file under, once its size and content are checked: refused
    (Invalid, field "document") when empty, too big, not one of KINDS, or not what its name claims.
    A name with none of the kinds' extensions gets the one its content has."""
    name = safe_name(filename, fallback)
    if problem := size_problem(name, len(content)):
        raise Invalid({"document": problem})
    actual = kind_of(content)
    claimed = next((kind for kind in KINDS if name.lower().endswith(kind.extensions)), None)
    if actual is not None and claimed is None:
        extension = actual.extensions[0]
        return name[:NAME_LENGTH - len(extension)] + extension
    if actual is None or claimed is not actual:
        seems = looks_like(content)
        problem = (f"{name} is named as {claimed.label} but it looks like {seems}: it may be damaged, or renamed."
                   if claimed is not None else f"{name} cannot be attached: it looks like {seems}.")
        raise Invalid({"document": f"{problem} Attach {ALLOWED}."})
    return name


def safe_name(filename: str, fallback: str) -> str:
    """The file's own name, without folders or control characters, so writing it out later is safe."""
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip().lstrip(".")[:255]
    return name or fallback


def store(session: Session, content: bytes) -> str:
    """Keep the bytes (once, however often attached); returns their SHA-256. A damaged stored copy is
    repaired by attaching the genuine file again."""
    if not content:
        raise Invalid({"document": "This file is empty."})
    if len(content) > MAX_DOCUMENT_BYTES:
        raise Invalid({"document": f"This file is {len(content) / 2**20:.0f} MB; the limit is "
                                   f"{MAX_DOCUMENT_BYTES // 2**20} MB. Scan it at a lower resolution."})
    digest = hashlib.sha256(content).hexdigest()
    stored = session.get(ContractDocument, digest)
    if stored is None:
        session.add(ContractDocument(sha256=digest, content=content, size=len(content)))
    elif hashlib.sha256(stored.content).hexdigest() != digest:
        stored.content, stored.size = content, len(content)
    session.flush()
    return digest


def load(session: Session, digest: str, what: str = "document") -> bytes:
    """The stored bytes, checked against their SHA-256 before anyone relies on them."""
    content = session.scalar(select(ContractDocument.content).where(ContractDocument.sha256 == digest))
    if content is None or hashlib.sha256(content).hexdigest() != digest:
        raise Refused(f"The stored {what} does not match its checksum. Restore the database from a backup.")
    return content
