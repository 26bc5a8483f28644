"""What the decision PDF keeps from one document to the next (parsed paragraphs, font subsets and their
compressed bytes) changes nothing in the output: a sheet printed after others is the same, byte for byte, as
printed first, and a sheet with other characters gets a font subset of its own."""

from __future__ import annotations

import io
from dataclasses import replace

from pypdf import PdfReader
from reportlab import rl_config

from techapproval.domain.enums import Decision, RequestStatus
from techapproval.pdf.decision import render_decision_pdf
from tests.pdf.test_decision_pdf import UNDECIDED, make_sheet


def font_files(pdf: bytes) -> dict[str, bytes]:
    """Each embedded font's name (without the subset prefix) and its decompressed TrueType file."""
    files = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            files[str(font["/BaseFont"]).split("+")[-1]] = descriptor["/FontFile2"].get_object().get_data()
    return files


def test_a_sheet_prints_the_same_after_others(monkeypatch):
    monkeypatch.setattr(rl_config, "invariant", 1)  # no date or random id in the file
    first = make_sheet(reference="Request 41")
    accented = make_sheet(reference="Request 42", requester_name="Zoë Ångström-Weiß", planned_use="Crème brûlée")
    rejected = replace(make_sheet(reference="Request 43"), status=RequestStatus.NOT_APPROVED, permission=None,
                       decision=Decision.NOT_APPROVED, reason="Sells student data.")
    before = render_decision_pdf(first)
    others = [render_decision_pdf(s) for s in (accented, rejected, make_sheet(**UNDECIDED), accented)]
    assert render_decision_pdf(first) == before
    assert others[0] == others[3]

    plain, with_accents = font_files(before)["DejaVuSans"], font_files(others[0])["DejaVuSans"]
    assert plain != with_accents  # its own subset, not the cached one of the sheet before
    assert len(with_accents) > len(plain)
