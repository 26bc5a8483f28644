"""The decision sheets of a period saved into a folder: which requests, the file names, progress, Cancel,
and never a half-written file."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader
from sqlalchemy import update

from techapproval.db.models import Request
from techapproval.domain.enums import Decision, Permission
from techapproval.services import printing
from techapproval.services import requests as svc
from techapproval.services.errors import NotAllowed
from tests.helpers import submitted_request


def decided(district, count: int, on: datetime | None = None, decision: Decision = Decision.APPROVED) -> list[int]:
    """`count` requests decided by the reviewer; their decision dated `on` (UTC) when given."""
    ids = []
    for n in range(count):
        rid = submitted_request(district, resource_name=f"Tool {n:03d}")
        with district.db.transaction() as s:
            if decision is Decision.APPROVED:
                svc.decide_request(s, district.reviewer, rid, decision, Permission.NONE_REQUIRED)
            else:
                svc.decide_request(s, district.reviewer, rid, decision, reason="Not for students under 13.")
            if on is not None:
                s.execute(update(Request).where(Request.id == rid).values(decided_at=on))
        ids.append(rid)
    return ids


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_decided_between_takes_local_dates_inclusive(district):
    # 03:30 UTC on Sept 1 is still Aug 31 in Connecticut; 03:30 UTC on July 1 is June 30 there
    late_august = decided(district, 1, datetime(2026, 9, 1, 3, 30, tzinfo=UTC))
    early_july = decided(district, 1, datetime(2026, 7, 1, 3, 30, tzinfo=UTC))
    in_year = decided(district, 1, datetime(2026, 7, 1, 4, 30, tzinfo=UTC), Decision.NOT_APPROVED)
    submitted_request(district)  # not decided: never included
    with district.db.transaction() as s:
        assert printing.decided_between(s, district.reviewer, date(2026, 7, 1), date(2026, 8, 31)) \
            == [*late_august, *in_year]
        assert printing.decided_between(s, district.admin, *printing.school_year_dates(2025)) == early_july
        assert printing.decided_between(s, district.reviewer, date(2026, 9, 1), date(2026, 9, 30)) == []


def test_saves_one_whole_pdf_per_request_named_in_order(district, tmp_path):
    ids = decided(district, 3)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("left alone")
    seen = []
    result = printing.save_decision_sheets(district.db, district.reviewer, reversed(ids), tmp_path / "out",
                                           progress=lambda done, total: seen.append((done, total)))
    names = [printing.sheet_file_name(rid) for rid in ids]
    assert [p.name for p in result.files] == sorted(names, reverse=True)  # in the order given
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted([*names, "notes.txt"])
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert not result.cancelled and result.total == 3
    for rid, name in zip(ids, names, strict=True):
        assert name == f"decision-{rid:05d}.pdf"
        text = pdf_text(tmp_path / "out" / name)
        assert f"Request {rid}" in text and "Approved for use" in text


def test_cancel_stops_before_the_next_file_and_leaves_only_whole_pdfs(district, tmp_path):
    ids = decided(district, 5)
    written = []

    def progress(done, total):
        written.append(done)

    out = tmp_path / "out"
    result = printing.save_decision_sheets(district.db, district.reviewer, ids, out, progress=progress,
                                           cancelled=lambda: len(written) > 2)
    assert result.cancelled and [p.name for p in result.files] == [printing.sheet_file_name(r) for r in ids[:2]]
    assert sorted(p.name for p in out.iterdir()) == [p.name for p in result.files]  # no temporary file
    for path in result.files:
        assert PdfReader(path).pages


def test_a_failed_write_leaves_no_temporary_file(district, tmp_path, monkeypatch):
    ids = decided(district, 2)

    def full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(printing.os, "replace", full)
    with pytest.raises(OSError):
        printing.save_decision_sheets(district.db, district.reviewer, ids, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_only_reviewers_and_administrators(district, tmp_path):
    ids = decided(district, 1)
    with pytest.raises(NotAllowed):  # even their own request: filing a year's decisions is the reviewer's
        printing.save_decision_sheets(district.db, district.teacher, ids, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_worker_processes_give_the_same_files(district, tmp_path):
    """Two processes for the rendering (as a large batch does by default): same names, order and text."""
    ids = decided(district, 4)
    result = printing.save_decision_sheets(district.db, district.admin, ids, tmp_path / "out", workers=2)
    assert [p.name for p in result.files] == [printing.sheet_file_name(r) for r in ids]
    for rid, path in zip(ids, result.files, strict=True):
        assert f"Request {rid}" in pdf_text(path)


def test_wide_request_numbers_still_sort(district, tmp_path):
    assert printing.sheet_file_name(123) == "decision-00123.pdf"
    names = [printing.sheet_file_name(n, width=6) for n in (99_999, 100_000)]
    assert names == sorted(names)
