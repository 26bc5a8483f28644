"""`techapproval check-contract FILE [--json]`: the clause check from the command line, offline, with no
database."""

import json
from pathlib import Path

from pypdf import PdfReader

from techapproval.__main__ import main
from tests import contract_files as files

CORPUS = Path(__file__).parent / "contracts_corpus"


def test_plain_text_for_people(capsys):
    assert main(["check-contract", f"{CORPUS}/tos_pixelboard.txt"]) == 0
    out = capsys.readouterr().out
    assert "Contract check: tos_pixelboard.txt" in out
    assert "P9 CONFLICT" in out and "State of California" in out and "p. 2:" in out
    assert "P2 NOT FOUND" in out and "the vendor may change the terms alone" in out


def test_json_has_an_object_per_provision(tmp_path, capsys):
    path = tmp_path / "addendum.pdf"
    with open(f"{CORPUS}/state_addendum_brightpath.txt", encoding="utf-8") as f:
        path.write_bytes(files.text_pdf(f.read().split("\f")))
    assert main(["check-contract", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["uniform_addendum"] is True and data["breach_notice_days"] == 30
    assert [p["provision"] for p in data["provisions"]] == [f"P{i}" for i in range(1, 12)]
    assert all(p["finding"] == "found" and p["quotes"][0]["page"] in (1, 2, 3) for p in data["provisions"])
    assert {"conflicts", "warnings"} <= set(data)


def test_a_scan_and_a_bad_file_fail_with_a_message(tmp_path, capsys):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(files.scanned_pdf())
    assert main(["check-contract", str(scan)]) == 1
    assert "no text found: tick the provisions by hand" in capsys.readouterr().err
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    assert main(["check-contract", str(empty), "--json"]) == 1
    captured = capsys.readouterr()
    assert "is empty (0 bytes)" in captured.err and captured.out == ""
    assert main(["check-contract", str(tmp_path / "missing.pdf")]) == 1
    assert "is not a file" in capsys.readouterr().err


def test_a_gap_report_for_the_notice_to_amend(tmp_path, capsys):
    target = tmp_path / "gap.pdf"
    assert main(["check-contract", str(CORPUS / "dpa_delaware_quizly.txt"), "--gap-report", str(target),
                 "--district", "Riverside"]) == 0
    assert "Saved the gap report (1 provisions)" in capsys.readouterr().out
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "RIVERSIDE PUBLIC SCHOOLS" in text and "P9" in text and "State of Delaware" in text
    assert "Connecticut laws shall govern" in text and "P1 " not in text
