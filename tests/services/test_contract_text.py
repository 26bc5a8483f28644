"""Reading a contract's text: PDF pages, a Word document with a page break and a table, plain text;
and every kind of bad file refused with a message that says what to do."""

import pytest

from techapproval.domain.clauses import Finding
from techapproval.domain.contracts import Provision
from techapproval.services.contract_text import MAX_PAGES, NoText, TextProblem, check_document, extract
from tests import contract_files as files

PAGE_1 = "Data Privacy Agreement\nThe Provider shall use student data solely to provide the Services."
PAGE_2 = "Governing Law\nThis Agreement is governed by the laws of the State of Connecticut."


def test_a_pdf_gives_its_pages_and_the_findings_their_page():
    content = files.text_pdf([PAGE_1, PAGE_2])
    text = extract("contract.pdf", content)
    assert text.kind == "PDF" and len(text.pages) == 2 and "State of Connecticut" in text.pages[1]
    check = check_document("contract.pdf", content)
    assert check.result(Provision.P9).finding is Finding.FOUND
    assert check.result(Provision.P9).quotes[0].page == 2
    assert check.result(Provision.P3).quotes[0].page == 1


def test_a_word_document_is_read_with_its_table_and_page_break():
    content = files.docx_file([PAGE_1, PAGE_2])
    text = extract("contract.docx", content)
    assert text.kind == "Word document" and text.paged and len(text.pages) == 2
    assert "Governing Law" in text.pages[1]  # the line in the table cell
    check = check_document("contract.docx", content)
    assert check.result(Provision.P9).quotes[0].page == 2


def test_plain_text_pages_are_split_at_form_feeds():
    check = check_document("terms.txt", f"{PAGE_1}\f{PAGE_2}".encode())
    assert check.pages == 2 and check.result(Provision.P9).quotes[0].page == 2


def test_a_scan_without_a_text_layer_says_tick_by_hand():
    with pytest.raises(NoText) as caught:
        extract("scan.pdf", files.scanned_pdf())
    assert "no text found: tick the provisions by hand" in caught.value.message


@pytest.mark.parametrize("name, make, words", [
    ("empty.pdf", lambda: b"", "is empty (0 bytes)"),
    ("damaged.pdf", files.damaged_pdf, "cannot be read as a PDF: it may be damaged"),
    ("locked.pdf", files.encrypted_pdf, "protected by a password"),
    ("huge.pdf", lambda: files.many_pages_pdf(MAX_PAGES + 1), f"has 501 pages; the check reads at most {MAX_PAGES}"),
    ("renamed.docx", files.not_a_zip_docx, "is not a ZIP archive"),
    ("bomb.docx", files.zip_bomb_docx, "zip bomb"),
    ("photo.png", lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "looks like a PNG image"),
    ("old.doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "looks like an older Word document"),
    ("terms.odt", files.odt_file, "is an OpenDocument file"),
])
def test_bad_files_get_a_clear_message(name, make, words):
    with pytest.raises(TextProblem) as caught:
        extract(name, make())
    assert words in caught.value.message and name in caught.value.message


def test_five_hundred_pages_are_read():
    assert len(extract("long.pdf", files.many_pages_pdf(MAX_PAGES)).pages) == MAX_PAGES
