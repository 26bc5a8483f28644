"""The evidence packet for a parent or guardian who asks (policy 3520.13 section 7): for one IEP/504
exception, the resource, the plan, the case reference, each of the law's conditions with the date it was
met, and the evidence files the district holds for it, named with their SHA-256 so that the copies handed
over can be checked against the record.

Plain data in (an ExceptionView and the district's settings), bytes out. Every user-typed text goes
through fonts.markup: escaped, with a fallback font for any script DejaVu lacks.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from techapproval.domain.exceptions import required_conditions

from .decision import format_date
from .fonts import BOLD
from .sheet import GREY, labelled, letterhead, para, render, sheet_styles

TITLE = "Use of a technology resource under the IEP/Section 504 exception"
SUBTITLE = "Evidence provided to the parent or guardian (Board policy 3520.13; C.G.S. 10-234bb)"
INTRO = (
    "The Board of Education is not required to enter into a contract for a website, online service or mobile "
    "application that is unique and necessary to implement a child's individualized education program or "
    "plan pursuant to Section 504 of the Rehabilitation Act and that is unable to comply with the policy, "
    "provided each condition below is met. Upon the request of a child's parent or guardian, the Board "
    "provides the evidence of them. This packet lists each condition, the date the district recorded it as "
    "met, and the evidence files it holds; the files themselves are provided with it."
)
NOT_MET = "Not recorded as met"
NO_FILE = "No file held by the district for this condition"


@cache
def _styles() -> dict[str, ParagraphStyle]:
    return sheet_styles(
        "ev",
        intro={"fontSize": 8.5, "leading": 11, "spaceAfter": 8},
        heading={"fontName": BOLD, "fontSize": 11, "leading": 14, "spaceBefore": 10, "spaceAfter": 4},
        condition={"fontName": BOLD, "leftIndent": 14, "bulletIndent": 0, "spaceBefore": 6},
        detail={"leftIndent": 14},
        hash={"fontSize": 7.5, "leading": 10, "leftIndent": 28, "textColor": GREY},
    )


def _para(text: str, style_name: str, **kw: object) -> Paragraph:
    return para(_styles(), text, style_name, **kw)


def _labelled(label: str, value: str, style_name: str = "field") -> Paragraph:
    return labelled(_styles(), label, value, style_name)


def _size(n: int | None) -> str:
    if n is None:
        return ""
    return f"{n:,} bytes" if n < 1024 else f"{n / 1024:,.0f} KB" if n < 2**20 else f"{n / 2**20:,.1f} MB"


def _story(view, settings: Mapping[str, str], printed_on: date) -> list[Flowable]:
    story: list[Flowable] = [
        *letterhead(_styles(), settings, TITLE, SUBTITLE),
        _para(INTRO, "intro"),
        _labelled("Technology resource:", view.resource_name),
    ]
    if view.resource_link.strip():
        story.append(_labelled("Link:", view.resource_link))
    story += [
        _labelled("Plan:", view.plan.label),
        _labelled("Case reference:", view.case_reference),
        _labelled("Status:", view.status.words.lstrip("\u2714\u26a0 ")),
        _labelled("Prepared:", format_date(printed_on)),
        CondPageBreak(1.2 * inch),
        _para("The conditions of the law", "heading"),
    ]
    met = {c.condition: c for c in view.conditions}
    for number, condition in enumerate(required_conditions(view.plan), start=1):
        c = met.get(condition)
        parts: list[Flowable] = [
            _para(condition.label, "condition", bulletText=f"{number}."),
            _labelled("Met on:", format_date(c.met_on) if c and c.met_on else NOT_MET, "detail"),
        ]
        if c and c.document_sha256:
            size = _size(c.document_size)
            parts.append(_labelled("Evidence file:", f"{c.document_name}{f' ({size})' if size else ''}", "detail"))
            parts.append(_para(f"SHA-256: {c.document_sha256}", "hash"))
        else:
            parts.append(_labelled("Evidence file:", NO_FILE, "detail"))
        story.append(KeepTogether(parts))
    if view.notes.strip():
        story += [CondPageBreak(inch), _para("Notes on the record", "heading"), _para(view.notes, "field")]
    story += [
        Spacer(1, 12),
        _para("A SHA-256 checksum identifies a file exactly: any copy whose checksum matches the one printed "
              "here is the file the district holds.", "intro"),
    ]
    return story


def render_evidence_packet(view, district: Mapping[str, str], printed_on: date | None = None) -> bytes:
    """`view` is a services.exceptions.ExceptionView; `district` the district's settings (name, town)."""
    printed_on = printed_on or date.today()
    return render(
        _story(view, district, printed_on), _styles(),
        title=f"IEP/504 exception evidence \u2014 case {view.case_reference}", subject="Policy 3520.13 section 7",
        footer=f"IEP/504 exception evidence \u2014 case {view.case_reference} \u2014 {view.resource_name}",
    )
