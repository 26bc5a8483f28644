"""The clause check in the contract's screens: attaching a signed document says what it has and lacks;
the dialog lists each suggestion with its quote, page and matched words; only the person's Accept ticks
a provision; the evidence is saved and shows in the history; the gap report is saved for the notice to
amend."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QCheckBox, QFileDialog, QLabel, QTreeWidget

from techapproval.domain.contracts import Provision
from techapproval.gui.dialogs.contract import ContractDialog
from techapproval.services import contracts
from tests import contract_files as files
from tests.gui.conftest import click, find
from tests.gui.test_contracts_page import add_contract_directly, open_page

CORPUS = Path(__file__).parent.parent / "contracts_corpus"


def quizly_pdf(tmp_path) -> Path:
    path = tmp_path / "Quizly DPA.pdf"
    pages = (CORPUS / "dpa_delaware_quizly.txt").read_text(encoding="utf-8").split("\f")
    path.write_bytes(files.text_pdf(pages))
    return path


def rows(tree: QTreeWidget) -> dict[str, list[str]]:
    out = {}
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        out[item.text(0)] = [item.text(c) for c in range(tree.columnCount())]
    return out


def select_row(tree: QTreeWidget, provision: str) -> None:
    for i in range(tree.topLevelItemCount()):
        if tree.topLevelItem(i).text(0) == provision:
            tree.setCurrentItem(tree.topLevelItem(i))
            return
    raise AssertionError(provision)


def test_attaching_a_contract_says_which_provisions_it_has(qtbot, signed_in, district, tmp_path, monkeypatch):
    add_contract_directly(district, provisions={})
    page = open_page(qtbot, signed_in(district.reviewer))
    signed = quizly_pdf(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(signed), ""))
    click(qtbot, page, "Attach signed document")
    message = find(page, "Contracts message", QLabel).text()
    assert "Clause check: 10 of 11 provisions found; in conflict: P9" in message


def test_a_scan_says_tick_by_hand(qtbot, signed_in, district, tmp_path, monkeypatch):
    add_contract_directly(district, provisions={})
    page = open_page(qtbot, signed_in(district.reviewer))
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(files.scanned_pdf())
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(scan), ""))
    click(qtbot, page, "Attach signed document")
    assert "no text found: tick the provisions by hand" in find(page, "Contracts message", QLabel).text()


def test_the_coordinator_accepts_a_quote_and_it_is_kept_as_evidence(qtbot, signed_in, district, tmp_path,
                                                                      monkeypatch):
    contract_id = add_contract_directly(district, provisions={})
    ctx = signed_in(district.reviewer)
    with district.db.transaction() as s:
        contracts.attach_document(s, district.reviewer, contract_id, "quizly.pdf",
                                  quizly_pdf(tmp_path).read_bytes())
    dialog = ContractDialog(ctx, contract_id)
    qtbot.addWidget(dialog)
    dialog.show()
    click(qtbot, dialog, "Check the signed document")
    tree = find(dialog, "Clause check suggestions", QTreeWidget)
    shown = rows(tree)
    assert shown["P9"][1].endswith("Conflict") and "State of Delaware" in shown["P9"][4]
    assert shown["P1"][1].endswith("Found") and shown["P1"][2] == "1" and "owns all" in shown["P1"][3]
    assert "forty-five (45) days" in find(dialog, "Clause check warnings", QLabel).text()
    # nothing is ticked by the check itself
    assert not any(find(dialog, p.label, QCheckBox).isChecked() for p in Provision)

    select_row(tree, "P9")
    assert not find(dialog, "Accept the selected quote").isEnabled()  # a conflict cannot be accepted
    select_row(tree, "P1")
    detail = find(dialog, "Selected suggestion", QLabel).text()
    assert "Found, page 1" in detail and "right, title and interest" in detail and "Words that matched:" in detail
    click(qtbot, dialog, "Accept the selected quote")
    assert find(dialog, Provision.P1.label, QCheckBox).isChecked()
    assert find(dialog, "P1 clause").text() == "p. 1"
    assert rows(tree)["P1"][1].endswith("Accepted")

    saved_to = tmp_path / "gap.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(saved_to), ""))
    click(qtbot, dialog, "Save gap report")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(saved_to.read_bytes())).pages)
    assert "P9" in text and "Delaware" in text and "P1 " not in text  # P1 is ticked now
    assert "Saved the gap report (10 provisions)" in find(dialog, "Clause check message", QLabel).text()

    click(qtbot, dialog, "Save contract")
    assert dialog.result() == 1
    stored = ctx.call(contracts.get_contract, contract_id)
    assert stored.form.evidence[Provision.P1][1] == 1 and "owns all" in stored.form.evidence[Provision.P1][0]

    again = ContractDialog(ctx, contract_id)
    qtbot.addWidget(again)
    history = find(again, "Contract history", QTreeWidget)
    last = history.topLevelItem(history.topLevelItemCount() - 1)
    assert last.text(2) == "contract changed" and "evidence P1: p. 1:" in last.text(3)
