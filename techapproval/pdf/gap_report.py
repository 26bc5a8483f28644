"""The gap report a notice to amend attaches (C.G.S. 10-234bb): for one contract, each provision it
lacks, the policy's words for it, and what the signed document says instead.

Plain data in (a services.contracts.GapReport and the district's settings), bytes out. Every text from
the contract or the record goes through fonts.markup: escaped, with a fallback font for any script
DejaVu lacks.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from .decision import format_date
from .fonts import BOLD
from .sheet import GREY, labelled, letterhead, para, render, sheet_styles

TITLE = "Notice to amend: provisions the contract lacks"
SUBTITLE = "Connecticut General Statutes section 10-234bb; Board policy 3520.13"


@cache
def _styles() -> dict[str, ParagraphStyle]:
    return sheet_styles(
        "gap",
        intro={"fontSize": 9, "leading": 12, "spaceAfter": 8},
        provision={"fontName": BOLD, "fontSize": 11, "leading": 14, "spaceBefore": 10,
                   "spaceAfter": 3},
        law={"leftIndent": 14, "fontSize": 9.5, "leading": 12.5},
        source={"leftIndent": 14, "fontSize": 8, "leading": 10, "textColor": GREY, "spaceAfter": 4},
        detail={"leftIndent": 14},
        quote={"leftIndent": 28, "fontSize": 9, "leading": 12},
    )


def _para(text: str, style_name: str) -> Paragraph:
    return para(_styles(), text, style_name)


def _labelled(label: str, value: str, style_name: str = "field") -> Paragraph:
    return labelled(_styles(), label, value, style_name)


def _story(report, settings: Mapping[str, str]) -> list[Flowable]:
    count = len(report.gaps)
    story: list[Flowable] = [
        *letterhead(_styles(), settings, TITLE, SUBTITLE),
        *([_labelled("Contractor:", report.contractor_name)] if report.contractor_name.strip() else []),
        _labelled("Contract:", report.contract_label),
        _labelled("Signed document:", report.document_name or "None attached"),
        _labelled("Prepared:", format_date(report.prepared_on)),
        Spacer(1, 6),
        _para(
            f"A contract under C.G.S. 10-234bb must contain each of eleven provisions. The contract above lacks "
            f"{count} of them, listed below with the words of the policy and what the contract says instead. "
            f"A contract that does not include them is void if the contractor fails, within a reasonable time "
            f"after notice, to amend it; the Board asks for the amendment within {report.amend_days} days of this "
            f"notice.", "intro"),
        _para(report.check_note, "intro"),
    ]
    for gap in report.gaps:
        parts: list[Flowable] = [
            _para(f"{gap.provision.value} \u2014 {gap.provision.text}", "provision"),
            _para(f"\u201c{gap.law}\u201d", "law"),
            _para(f"\u2014 {gap.law_source}", "source"),
            _labelled("Finding:", gap.finding, "detail"),
            _labelled("Why:", gap.why, "detail"),
        ]
        if gap.found_instead:
            parts.append(_para("Found instead:", "detail"))
            for text, page in gap.found_instead:
                where = f"Page {page}: " if page else ""
                parts.append(_para(f"{where}\u201c{text}\u201d", "quote"))
        story.append(KeepTogether(parts))
    if not report.gaps:
        story.append(_para("The record shows all eleven provisions: there is nothing to amend.", "field"))
    return story


def render_gap_report(report, district: Mapping[str, str]) -> bytes:
    """`report` is a services.contracts.GapReport; `district` the district's settings (name, town)."""
    return render(_story(report, district), _styles(), title=f"Gap report \u2014 {report.contract_label}",
                  subject="Notice to amend, C.G.S. 10-234bb", footer=f"Gap report \u2014 {report.contract_label}")
