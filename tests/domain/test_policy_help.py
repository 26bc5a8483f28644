"""The help beside the forms quotes policy 3520.13 word for word, and no field goes without it."""

from __future__ import annotations

import dataclasses

import pytest

from techapproval.domain import policy_help
from techapproval.domain.contracts import Provision
from techapproval.domain.enums import Decision, Permission
from techapproval.domain.policy_help import FIELD_HELP, Document, help_for, help_text, normalise, read_document
from techapproval.domain.validation import RequestForm

PASSAGES = [(key, passage) for key, passages in FIELD_HELP.items() for passage in passages]


@pytest.mark.parametrize(("key", "passage"), PASSAGES, ids=[f"{k}-{p.heading}" for k, p in PASSAGES])
def test_every_excerpt_is_quoted_verbatim_from_the_shipped_text(key, passage):
    text = normalise(read_document(passage.document).text)
    for piece in passage.pieces:
        assert piece.strip(), f"{key}: an empty piece"
        assert piece == normalise(piece), f"{key}: write the piece on one line, single spaces: {piece!r}"
        assert piece in text, f"{key} ({passage.heading}): not in {passage.document.filename}: {piece!r}"
    assert passage.heading and passage.where


def test_every_field_of_the_request_form_has_help():
    fields = [f.name for f in dataclasses.fields(RequestForm)]
    assert len(fields) >= 12  # the form's fields, read from the code, not copied here
    missing = [name for name in fields if not help_for(name)]
    assert not missing, f"fields of the request form without policy help: {missing}"


def test_every_choice_of_the_decision_and_every_contract_provision_has_help():
    keys = [*(d.value for d in Decision), *(p.value for p in Permission), "reason", *(p.value for p in Provision)]
    assert not [key for key in keys if not help_for(key)]
    for provision in Provision:  # each provision quotes its own item of the policy's list of eleven
        [passage] = help_for(provision.value)
        assert passage.where.endswith(f"contract provision {provision.value.removeprefix('P')}")


def test_the_provisions_are_the_eleven_items_in_the_policy_in_order():
    text = normalise(read_document(Document.POLICY).text)
    positions = [text.index(help_for(p.value)[0].pieces[0]) for p in Provision]
    assert positions == sorted(positions)
    for number, position in enumerate(positions, start=1):
        assert text[:position].endswith(f"{number}. "), f"P{number} is not item {number} of the list"


# Who wrote each shipped document, as its source lines must say, and how its title starts.
AUTHORS = {
    Document.POLICY: ("Connecticut Association of Boards of Education", "Policy 3520.13"),
    Document.FORM: ("Connecticut Association of Boards of Education", "Form 3520.13"),
    Document.ADA: ("Federal Register", "ADA Title II"),
}


def test_documents_name_their_source_and_keep_the_text_apart():
    assert set(AUTHORS) == set(Document)
    for document in Document:
        shipped = read_document(document)
        author, title = AUTHORS[document]
        assert author in shipped.source
        assert shipped.title.startswith(title)
        assert policy_help.SEPARATOR not in shipped.text
    assert "P3520.13(a)" in read_document(Document.POLICY).text
    assert "STAFF REQUEST FOR APPROVAL OF TECHNOLOGY RESOURCES" in read_document(Document.FORM).text
    ada = read_document(Document.ADA)
    # Both Federal Register documents, by their numbers, and the dates the app uses (domain/accessibility.py).
    assert "2024-07758" in ada.source and "2026-07663" in ada.source
    assert "to April 26, 2027" in normalise(ada.text) and "to April 26, 2028" in normalise(ada.text)


def test_the_accessibility_questions_quote_the_ada_rule():
    for key in ("acr_available", "claimed_conformance", "known_barriers", "finding", "alternative_plan"):
        assert any(p.document is Document.ADA for p in help_for(key)), key


def test_normalise_joins_words_split_at_a_line_end_hyphen_and_nothing_else():
    assert normalise("student-\n \ngenerated  content\n") == "student-generated content"
    assert normalise("P.L. 93-\n568") == "P.L. 93-568"
    assert normalise("a -\nb") == "a - b"


def test_help_text_is_heading_quote_and_source():
    text = help_text("resource_link")
    assert text.startswith("The form, question 1\n\u201cIf you are requesting an online resource")
    assert "\u2014 Form 3520.13 (the paper request form), question 1" in text
    assert help_text("no such field") == ""


def test_a_quotation_within_a_passage_takes_single_marks():
    """A definition starts with its own quoted term: the passage's marks are never doubled."""
    texts = [help_text(key) for key in FIELD_HELP]
    assert any("\u201c\u2018Student\u2019 means a Connecticut resident" in t for t in texts)
    for text in texts:
        assert "\u201c\u201c" not in text and "\u201d\u201d" not in text
