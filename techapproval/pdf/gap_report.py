"""The gap report a notice to amend attaches (C.G.S. 10-234bb): for one contract, each provision it
lacks, the policy's words for it, and what the signed document says instead.

Plain data in (a services.contracts.GapReport and the district's settings), bytes out. Every text from
the contract or the record goes through fonts.markup: escaped, with a fallback font for any script
DejaVu lacks.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from techapproval.domain.settings import district_heading

from .decision import format_date
from .fonts import BOLD, REGULAR, markup, register_fonts

TITLE = "Notice to amend: provisions the contract lacks"
SUBTITLE = "Connecticut General Statutes section 10-234bb; Board policy 3520.13"
MARGIN = 0.85 * inch
GREY = colors.HexColor("#555555")


@cache
def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("gap_base", fontName=REGULAR, fontSize=10, leading=13, spaceAfter=3)

    def style(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "district": style("gap_district", fontName=BOLD, fontSize=13, leading=16, alignment=TA_CENTER),
        "town": style("gap_town", fontSize=11, leading=14, alignment=TA_CENTER, spaceAfter=10),
        "title": style("gap_title", fontName=BOLD, fontSize=12.5, leading=16, alignment=TA_CENTER, spaceAfter=2),
        "subtitle": style("gap_subtitle", fontSize=9, leading=12, alignment=TA_CENTER, textColor=GREY,
                          spaceAfter=10),
        "intro": style("gap_intro", fontSize=9, leading=12, spaceAfter=8),
        "field": style("gap_field"),
        "provision": style("gap_provision", fontName=BOLD, fontSize=11, leading=14, spaceBefore=10, spaceAfter=3),
        "law": style("gap_law", leftIndent=14, fontSize=9.5, leading=12.5),
        "source": style("gap_source", leftIndent=14, fontSize=8, leading=10, textColor=GREY, spaceAfter=4),
        "detail": style("gap_detail", leftIndent=14),
        "quote": style("gap_quote", leftIndent=28, fontSize=9, leading=12),
        "footer": style("gap_footer", fontSize=7.5, leading=9, alignment=TA_CENTER, textColor=GREY),
    }


def _para(text: str, style_name: str) -> Paragraph:
    style = _styles()[style_name]
    return Paragraph(markup(text, style.fontName), style)


def _labelled(label: str, value: str, style_name: str = "field") -> Paragraph:
    return Paragraph(f"<b>{markup(label, BOLD)}</b> {markup(value.strip() or chr(0x2014))}", _styles()[style_name])


def _story(report, settings: Mapping[str, str]) -> list[Flowable]:
    town = settings.get("town", "").strip()
    count = len(report.gaps)
    story: list[Flowable] = [
        _para(district_heading(settings.get("district_name", "")), "district"),
        _para(f"{town}, Connecticut" if town else "Connecticut", "town"),
        _para(TITLE, "title"),
        _para(SUBTITLE, "subtitle"),
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
    register_fonts()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=LETTER, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=0.7 * inch,
        bottomMargin=0.8 * inch, title=f"Gap report \u2014 {report.contract_label}",
        subject="Notice to amend, C.G.S. 10-234bb", creator="techapproval", initialFontName=REGULAR,
    )
    footer = f"Gap report \u2014 {report.contract_label}"

    def draw_footer(canvas, document) -> None:
        canvas.saveState()
        width = LETTER[0] - 2 * MARGIN
        canvas.setStrokeColor(colors.lightgrey)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, 0.6 * inch, MARGIN + width, 0.6 * inch)
        text = Paragraph(markup(f"{footer} \u2014 page {document.page}"), _styles()["footer"])
        _, height = text.wrap(width, inch)
        text.drawOn(canvas, MARGIN, 0.6 * inch - 4 - height)
        canvas.restoreState()

    doc.build(_story(report, district), onFirstPage=draw_footer, onLaterPages=draw_footer)
    return buf.getvalue()
