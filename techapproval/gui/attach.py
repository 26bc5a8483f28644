"""Picking a file to attach (a signed contract, IEP/504 evidence): the kinds the services keep, and
reading the file without taking in a huge one only for it to be refused."""

from __future__ import annotations

from pathlib import Path

from ..domain.contract_form import MAX_DOCUMENT_BYTES
from ..services import documents
from ..services.errors import Invalid


def file_filter() -> str:
    patterns = " ".join(f"*{e}" for e in documents.EXTENSIONS)
    return f"Documents and images ({patterns});;PDF documents (*.pdf);;All files (*)"


def read_for_attaching(path: Path) -> bytes:
    """The file's bytes. Refused (Invalid) by its size before anything is read; at most one byte over
    the limit is read, so a file that grows meanwhile is refused by the service, not taken in whole.
    OSError when it cannot be read."""
    if not path.is_file():  # a device or a pipe would never end
        raise Invalid({"document": f"{path.name} is not a file that can be attached. Attach {documents.ALLOWED}."})
    if problem := documents.size_problem(path.name, path.stat().st_size):
        raise Invalid({"document": problem})
    with path.open("rb") as f:
        return f.read(MAX_DOCUMENT_BYTES + 1)
