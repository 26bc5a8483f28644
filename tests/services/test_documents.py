"""Files attached as signed contracts or IEP/504 evidence: refused when empty, too big, or not what their
name claims, with a message naming the file, what it looks like and the kinds allowed; whatever was
attached before stays."""

from __future__ import annotations

import io
import zipfile
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from techapproval.db.models import ContractDocument
from techapproval.domain.contract_form import MAX_DOCUMENT_BYTES
from techapproval.domain.exceptions import Condition, Plan
from techapproval.services import contracts, documents, exceptions
from techapproval.services.errors import Invalid
from tests.helpers import approved_resource, registered_contract


def archive(*members: tuple[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in members:
            z.writestr(name, data)
    return buffer.getvalue()


PDF = b"%PDF-1.7\n% the signed contract\n%%EOF\n"
DOCX = archive(("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b"<w:document/>"))
ODT = archive(("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<office/>"))
XLSX = archive(("[Content_Types].xml", b"<Types/>"), ("xl/workbook.xml", b"<workbook/>"))
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(20)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(20)
TIFF = b"II*\x00" + bytes(20)
DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(20)
GIF = b"GIF89a" + bytes(20)
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + bytes(20)
TEXT = b"Contract between the district and Kahoot!, signed 2026-03-01."


class Contract:
    """Attaching a signed contract to a contract in the registry."""

    def __init__(self, district):
        self.district = district
        self.id = registered_contract(district, "Kahoot! ASA", date.today() - timedelta(days=30))

    def attach(self, name: str, content: bytes) -> str:
        with self.district.db.transaction() as s:
            contracts.attach_document(s, self.district.reviewer, self.id, name, content)
            return contracts.get_contract(s, self.district.reviewer, self.id).document_name

    def attached(self) -> tuple[str | None, str | None]:
        with self.district.db.transaction() as s:
            v = contracts.get_contract(s, self.district.reviewer, self.id)
        return v.document_name, v.document_sha256


class Evidence:
    """Attaching evidence to one condition of an IEP/504 exception."""

    def __init__(self, district):
        self.district = district
        with district.db.transaction() as s:
            self.id = exceptions.record_exception(s, district.reviewer, "IEP-2026-014", Plan.IEP,
                                                  approved_resource(district), "").id

    def attach(self, name: str, content: bytes) -> str:
        with self.district.db.transaction() as s:
            exceptions.attach_evidence(s, self.district.reviewer, self.id, Condition.FERPA_HIPAA, name, content)
            return exceptions.get_exception(s, self.district.reviewer, self.id).condition(
                Condition.FERPA_HIPAA).document_name

    def attached(self) -> tuple[str | None, str | None]:
        with self.district.db.transaction() as s:
            c = exceptions.get_exception(s, self.district.reviewer, self.id).condition(Condition.FERPA_HIPAA)
        return c.document_name, c.document_sha256


@pytest.fixture(params=[Contract, Evidence], ids=["contract", "evidence"])
def target(request, district):
    return request.param(district)


@pytest.mark.parametrize(
    ("name", "content"),
    [("signed.pdf", PDF), ("signed.docx", DOCX), ("signed.odt", ODT), ("scan.png", PNG), ("scan.jpg", JPEG),
     ("scan.JPEG", JPEG), ("scan.tiff", TIFF), ("old contract.doc", DOC),
     ("scanner output.pdf", b"\r\n" * 10 + PDF)],  # a little junk before the header, as readers allow
)
def test_each_allowed_kind_is_kept_under_its_name(target, name, content):
    assert target.attach(name, content) == name


@pytest.mark.parametrize(
    ("name", "content", "stored"),
    [("Scan 2026-03-01", PNG, "Scan 2026-03-01.png"), ("agreement.final", PDF, "agreement.final.pdf"),
     ("x" * 300, DOCX, "x" * 250 + ".docx")],
)
def test_a_name_without_a_known_extension_gets_its_contents(target, name, content, stored):
    assert target.attach(name, content) == stored


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("signed.pdf", TEXT, "signed.pdf is named as a PDF document but it looks like plain text"),
        ("signed.docx", TEXT, "signed.docx is named as a Word document but it looks like plain text"),
        ("signed.docx", archive(("notes.txt", b"hello")), "signed.docx is named as a Word document but it looks "
                                                            "like a ZIP archive"),
        ("signed.docx", b"PK\x03\x04 cut short", "looks like a damaged ZIP archive"),
        ("scan.png", JPEG, "scan.png is named as a PNG image but it looks like a JPEG image"),
        ("scan.jpg", GIF, "scan.jpg is named as a JPEG image but it looks like a GIF image"),
        ("contract.pdf", EXE, "contract.pdf is named as a PDF document but it looks like a Windows program"),
        ("signed.odt", DOCX, "signed.odt is named as an OpenDocument text but it looks like a Word document"),
        ("budget.xlsx", XLSX, "budget.xlsx cannot be attached: it looks like an Excel workbook"),
        ("notes.txt", TEXT, "notes.txt cannot be attached: it looks like plain text"),
        ("page.html", b"<!DOCTYPE html><html></html>", "page.html cannot be attached: it looks like a web page"),
        ("scan.pdf", b"", "scan.pdf is empty (0 bytes)"),
    ],
)
def test_a_file_that_is_not_what_it_claims_is_refused_and_the_earlier_one_kept(target, name, content, says):
    target.attach("the real one.pdf", PDF)
    before = target.attached()
    with pytest.raises(Invalid) as e:
        target.attach(name, content)
    [message] = e.value.errors.values()
    assert set(e.value.errors) == {"document"}
    assert says in message
    if content:
        assert message.endswith(f"Attach {documents.ALLOWED}.")
        assert "PDF" in message and "Word" in message and "PNG, JPEG or TIFF" in message
    assert target.attached() == before
    with target.district.db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(ContractDocument)) == 1


def test_an_oversized_file_is_refused_by_its_size_with_the_limit(target):
    with pytest.raises(Invalid) as e:
        target.attach("whole binder.pdf", PDF + b"x" * (MAX_DOCUMENT_BYTES + 1 - len(PDF)))
    assert e.value.errors["document"].startswith("whole binder.pdf is 50.1 MB; the limit is 50 MB.")
    assert target.attached() == (None, None)


def test_the_size_is_checked_before_the_content():
    assert documents.size_problem("a.pdf", MAX_DOCUMENT_BYTES) is None
    assert "limit is 50 MB" in documents.size_problem("a.pdf", 3 * 2**30)  # told without reading 3 GB
    assert "empty" in documents.size_problem("a.pdf", 0)
