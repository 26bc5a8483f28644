"""The document store: signed contracts and IEP/504 evidence, kept in the database by SHA-256 so that
every desk on a shared server sees the same file and a database backup carries it."""

from __future__ import annotations

import hashlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import ContractDocument
from ..domain.contract_form import MAX_DOCUMENT_BYTES
from .errors import Invalid, Refused


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
