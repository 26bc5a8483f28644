"""Picking a file that cannot be attached: the page says why, naming the file; nothing saved is lost and
a huge file is refused by its size without being read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel

from techapproval.domain.contract_form import MAX_DOCUMENT_BYTES
from techapproval.domain.exceptions import Condition
from techapproval.services import contracts, documents
from techapproval.services import exceptions as svc
from tests.gui.conftest import click, find
from tests.gui.test_contracts_page import add_contract_directly
from tests.gui.test_contracts_page import open_page as open_contracts
from tests.gui.test_exceptions_page import open_page as open_exceptions
from tests.gui.test_exceptions_page import recorded, tick_met


def pick(monkeypatch, path: Path, asked: list | None = None) -> None:
    def choose(parent, caption, folder, filters):
        if asked is not None:
            asked.append(filters)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)


def test_a_text_file_named_pdf_is_refused_and_the_signed_contract_kept(qtbot, signed_in, district, tmp_path,
                                                                       monkeypatch):
    contract_id = add_contract_directly(district)
    with district.db.transaction() as s:
        contracts.attach_document(s, district.reviewer, contract_id, "signed.pdf", b"%PDF-1.4 signed")
    ctx = signed_in(district.reviewer)
    page = open_contracts(qtbot, ctx)
    fake = tmp_path / "amendment.pdf"
    fake.write_text("Amendment 1: the contractor deletes data within 30 days.")
    asked = []
    pick(monkeypatch, fake, asked)
    click(qtbot, page, "Attach signed document")
    assert all(f"*{e}" in asked[0] for e in documents.EXTENSIONS)  # the dialog offers the kinds kept
    message = find(page, "Contracts message", QLabel).text()
    assert message.startswith("amendment.pdf is named as a PDF document but it looks like plain text")
    assert documents.ALLOWED in message
    assert ctx.call(contracts.get_contract, contract_id).document_name == "signed.pdf"


def test_a_huge_file_is_refused_unread_and_unsaved_dates_stay(qtbot, signed_in, district, tmp_path, monkeypatch):
    _, eid = recorded(district)
    huge = tmp_path / "whole binder.pdf"
    with huge.open("wb") as f:  # sparse: no disk space used
        f.truncate(MAX_DOCUMENT_BYTES + 1)
    real_open = Path.open

    def guarded(self, *args, **kwargs):
        assert self != huge, "the huge file was opened"
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded)
    pick(monkeypatch, huge)
    page = open_exceptions(qtbot, signed_in(district.reviewer))
    tick_met(qtbot, page, Condition.FERPA_HIPAA)  # not saved yet
    click(qtbot, page, f"Attach evidence: {Condition.PARENT_SIGNATURE.short}")
    assert find(page, "Exceptions message", QLabel).text().startswith(
        "whole binder.pdf is 50.1 MB; the limit is 50 MB.")
    assert find(page, "Unsaved dates", QLabel).text() == "\u270e 1 date not saved yet"
    with district.db.transaction() as s:
        assert svc.get_exception(s, district.reviewer, eid).condition(Condition.PARENT_SIGNATURE).document_name is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX pipes")
def test_a_pipe_is_refused_without_waiting_for_it(qtbot, signed_in, district, tmp_path, monkeypatch):
    add_contract_directly(district)
    pipe = tmp_path / "contract.pdf"
    os.mkfifo(pipe)  # reading it would wait forever
    pick(monkeypatch, pipe)
    page = open_contracts(qtbot, signed_in(district.reviewer))
    click(qtbot, page, "Attach signed document")
    assert find(page, "Contracts message", QLabel).text().startswith(
        "contract.pdf is not a file that can be attached.")
