"""`techapproval export-records`: the demo district exported as XLSX and CSV, read back; plain refusals."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from openpyxl import load_workbook

from techapproval.__main__ import main
from techapproval.services import records_export as rx


@pytest.fixture
def demo(db_url, capsys) -> str:
    assert main(["--database", db_url, "seed-demo"]) == 0
    capsys.readouterr()
    return db_url


def test_the_whole_record_as_a_workbook(demo, tmp_path, capsys):
    out = tmp_path / "records.xlsx"
    assert main(["--database", demo, "export-records", "--format", "xlsx", "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Exported ") and str(out) in said
    book = load_workbook(out, read_only=True)
    assert book.sheetnames == [t.title for t in rx.TABLES]
    requests = list(book["Requests"].iter_rows(values_only=True))
    book.close()
    assert requests[0] == rx.headers_of("requests") and len(requests) > 1


def test_some_tables_as_csv_in_a_zip_as_a_reviewer(demo, tmp_path, capsys):
    out = tmp_path / "records.zip"
    assert main(["--database", demo, "export-records", "--format", "csv", "-o", str(out),
                 "--tables", "audit", "contracts", "--as", "rosa.martinez@riverside.example"]) == 0
    with zipfile.ZipFile(out) as z:
        assert z.namelist() == ["contracts.csv", "audit-trail.csv"]
        rows = list(csv.reader(io.StringIO(z.read("audit-trail.csv").decode("utf-8-sig"))))
    assert tuple(rows[0]) == rx.headers_of("audit")


def test_csv_into_a_folder(demo, tmp_path, capsys):
    out = tmp_path / "records"
    assert main(["--database", demo, "export-records", "--format", "csv", "-o", str(out), "--tables", "requests"]) == 0
    assert [p.name for p in out.iterdir()] == ["requests.csv"]


def test_refusals_are_plain(demo, tmp_path, capsys):
    out = str(tmp_path / "r.xlsx")
    assert main(["--database", demo, "export-records", "-o", out, "--as", "anh.nguyen@riverside.example"]) == 1
    assert capsys.readouterr().err == "techapproval: Only a reviewer can do this.\n"
    assert main(["--database", demo, "export-records", "--format", "xlsx", "-o", str(tmp_path / "r.csv")]) == 1
    assert "does not end in .xlsx" in capsys.readouterr().err
    assert main(["--database", demo, "export-records", "-o", str(tmp_path / "r.xlsx"), "--tables", "minutes"]) == 1
    assert "No table is called minutes" in capsys.readouterr().err
    assert not (tmp_path / "r.xlsx").exists()
