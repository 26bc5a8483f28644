"""pdf.batch: many decision PDFs, in worker processes for a large batch, always in the order given."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from techapproval.pdf.batch import POOL_FROM, render_decisions, worker_count
from tests.pdf.test_decision_pdf import make_sheet, text_of

ROOT = Path(__file__).resolve().parents[2]


def test_worker_count():
    assert worker_count(1) == worker_count(POOL_FROM - 1) == 1
    assert 1 <= worker_count(POOL_FROM) <= 4


def test_workers_hand_back_each_pdf_in_order():
    sheets = [(n, make_sheet(reference=f"Request {n}")) for n in range(5)]
    out = list(render_decisions(sheets, workers=2))
    assert [key for key, _ in out] == list(range(5))
    assert all(f"Request {key}" in text_of(pdf) for key, pdf in out)


def test_workers_that_cannot_start_leave_the_work_to_this_process():
    """A program read from standard input has no main module a spawned worker can import: every worker dies
    at once, and the PDFs are made here instead."""
    script = (
        "from techapproval.pdf.batch import render_decisions\n"
        "from tests.pdf.test_decision_pdf import make_sheet\n"
        "out = list(render_decisions([(n, make_sheet(reference=f'Request {n}')) for n in range(3)], workers=2))\n"
        "print([key for key, pdf in out if pdf.startswith(b'%PDF')])\n"
    )
    run = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[0, 1, 2]"
