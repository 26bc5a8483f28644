"""Two papers about a breach of security at a contractor (C.G.S. 10-234dd):

* the incident report, for the district's file: the facts, the law's deadlines and how each was met;
* the letter to the students and parents whose data was involved, which the Board must send within two
  business days of the contractor's notice. It names no student: the same letter goes to every family.

As in decision.py, everything typed by a person goes through fonts.markup (escaped, with font fallback)
and long text lives in Paragraphs directly in the story, never in Table cells, so that it flows across
pages. `district` is the settings mapping (district_name, town, approver_title, contracts_website).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from techapproval.domain.contracts import format_day
from techapproval.domain.incidents import Involves
from techapproval.domain.settings import district_heading, district_short

from ..domain.district_time import LOCAL
from .fonts import BOLD, REGULAR, markup, register_fonts

if TYPE_CHECKING:
    from techapproval.services.incidents import IncidentView

MARGIN = 0.85 * inch
FOOTER_LINE = 0.6 * inch
KEEP_WITH_TEXT = 0.8 * inch
GREY = colors.HexColor("#555555")
MONTHS = ("January February March April May June July August September October November December").split()
NOT_RECORDED = "Not recorded"

REPORT_TITLE = "REPORT OF A BREACH OF SECURITY AT A CONTRACTOR"
REPORT_LAW = (
    "Connecticut General Statutes section 10-234dd and Board policy 3520.13: a contractor must notify the Board "
    "of a breach without unreasonable delay, and no later than 30 days after its discovery when student "
    "information (other than directory information) was released, or 60 days when directory information, "
    "student records or student-generated content was. Within two business days of receiving the notice, the "
    "Board must notify electronically the students and parents whose data was involved, and post notice of the "
    "breach on its website."
)

LETTER_TITLE = "Notice of a breach of security involving student data"
# What each kind of data means, in the words of the policy's definitions, for a parent reading the letter.
INVOLVES_EXPLAINED = {
    Involves.STUDENT_INFORMATION: "personally identifiable information about students that is not publicly "
    "available, such as information created by students or staff in the service, or gathered by it",
    Involves.DIRECTORY_INFORMATION: "information the district may treat as directory information, such as a "
    "student's name, grade level and school",
    Involves.STUDENT_RECORDS: "information directly related to students that the district keeps, or that was "
    "acquired through educational software assigned by a teacher",
    Involves.STUDENT_GENERATED_CONTENT: "work students created, such as essays, research reports, portfolios, "
    "creative writing, music or other audio files, or photographs",
}


def format_date(d: date) -> str:
    """The letter's date style, "February 12, 2027"; month names spelled out here, never from the locale."""
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def _day(d: date | None) -> str:
    return format_day(d) if d else NOT_RECORDED


def _district_name(district: Mapping[str, str]) -> str:
    """The name without a typed "Public Schools" suffix, so that it is printed once."""
    return district_short(district.get("district_name", "")) or "The district"


def _town(district: Mapping[str, str]) -> str:
    town = " ".join(district.get("town", "").split())
    return f"{town}, Connecticut" if town else "Connecticut"


@cache
def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("base", fontName=REGULAR, bulletFontName=REGULAR, fontSize=10, leading=13.5, spaceAfter=4)

    def style(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "meta": style("meta", fontSize=7.5, leading=9, alignment=TA_RIGHT, textColor=GREY, spaceAfter=6),
        "district": style("district", fontName=BOLD, fontSize=13, leading=16, alignment=TA_CENTER, spaceAfter=1),
        "town": style("town", fontSize=11, leading=14, alignment=TA_CENTER, spaceAfter=12),
        "title": style("title", fontName=BOLD, fontSize=12.5, leading=16, alignment=TA_CENTER, spaceAfter=8),
        "heading": style("heading", fontName=BOLD, fontSize=11, leading=14, spaceBefore=10, spaceAfter=4),
        "body": style("body"),
        "law": style("law", fontSize=8.5, leading=11, textColor=GREY, spaceAfter=8),
        "field": style("field", spaceAfter=3),
        "item": style("item", leftIndent=18, bulletIndent=6, spaceAfter=2),
        "headline": style("headline", fontName=BOLD, spaceBefore=4, spaceAfter=6),
        "cell": style("cell", fontSize=8.5, leading=10.5, spaceAfter=0),
        "cell_head": style("cell_head", fontName=BOLD, fontSize=8.5, leading=10.5, spaceAfter=0),
        "date": style("date", alignment=TA_RIGHT, spaceAfter=12),
        "footer": style("footer", fontSize=7.5, leading=9, alignment=TA_CENTER, textColor=GREY),
    }


def _para(text: str, style_name: str, empty: str = NOT_RECORDED, **kw: object) -> Paragraph:
    """A Paragraph of plain text (the user's or ours); blank text prints as `empty`."""
    style = _styles()[style_name]
    return Paragraph(markup(text.strip() or empty, style.fontName), style, **kw)


def _labelled(label: str, value: str, style_name: str = "field") -> Paragraph:
    value = value.strip() or NOT_RECORDED
    return Paragraph(f"<b>{markup(label, BOLD)}</b> {markup(value)}", _styles()[style_name])


def _letterhead(district: Mapping[str, str]) -> list[Flowable]:
    return [
        _para(district_heading(district.get("district_name", "")), "district"),
        _para(_town(district), "town"),
    ]


def _build(story: list[Flowable], title: str, footer: str) -> bytes:
    register_fonts()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=LETTER, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=0.6 * inch,
        bottomMargin=FOOTER_LINE + 12, title=title, subject="Policy 3520.13, C.G.S. 10-234dd",
        creator="techapproval", initialFontName=REGULAR,  # else the PDF lists an unused, unembedded Helvetica
    )
    doc.build(story, canvasmaker=lambda *a, **kw: _FooterCanvas(footer, *a, **kw))
    return buf.getvalue()


# --- the report ------------------------------------------------------------------------------------


def render_incident_report(view: IncidentView, district: Mapping[str, str]) -> bytes:
    """The district's record of one incident: facts, deadlines, how each notice went, what happened."""
    t = view.timeline
    facts = view.facts
    story: list[Flowable] = [
        _para(f"{view.reference} \u00b7 as of {format_day(view.as_of)}", "meta"),
        *_letterhead(district),
        _para(REPORT_TITLE, "title"),
        _para(REPORT_LAW, "law"),
        _labelled("Contractor:", view.contractor_name),
        _labelled("Contract:", view.contract_label or "None recorded"),
        _labelled("Discovered by the contractor:", format_day(facts.discovered_on)),
        _labelled("Students affected:", view.students_text),
        CondPageBreak(KEEP_WITH_TEXT),
        _para("Student data involved:", "heading"),
        *(_para(i.label, "item", bulletText="\u2022") for i in Involves if i in facts.involves),
        _labelled("Contractor's notice period:", f"{t.notice_days} days from discovery"),
        CondPageBreak(KEEP_WITH_TEXT + inch),
        _para("Notices and deadlines", "heading"),
        _para(t.headline, "headline"),
        _timeline_table(view),
        CondPageBreak(KEEP_WITH_TEXT),
        _para("What happened", "heading"),
        _para(view.form.description, "body"),
        Spacer(1, 8),
        _para(f"Recorded {format_day(view.created_at.astimezone(LOCAL).date())}; last changed "
              f"{format_day(view.updated_at.astimezone(LOCAL).date())}.", "law"),
    ]
    return _build(story, f"Breach of security: {view.reference}", f"Breach report \u2014 {view.reference}")


def _timeline_table(view: IncidentView) -> Table:
    """Dates and states only, all short: a Table is safe here (no cell can outgrow a page)."""
    st = _styles()

    def cell(text: str, style: str = "cell") -> Paragraph:
        return Paragraph(markup(text, st[style].fontName), st[style])

    rows = [[cell(h, "cell_head") for h in ("Step", "Deadline", "Due", "Done", "State")]]
    for step in view.timeline.steps:
        rows.append([
            cell(step.title), cell(step.rule), cell(_day(step.due) if step.due else "\u2014"),
            cell(_day(step.done)), cell(f"{step.state.mark} {step.words}"),
        ])
    width = LETTER[0] - 2 * MARGIN
    table = Table(rows, colWidths=[w * width for w in (0.22, 0.28, 0.15, 0.15, 0.20)], repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


# --- the letter to families -------------------------------------------------------------------------


def render_parent_notification(
    view: IncidentView, district: Mapping[str, str], *, contact: str = "", dated: date | None = None
) -> bytes:
    """The letter to the students and parents whose data was involved: what happened, which kinds of data,
    what the district is doing and whom to ask. `contact` names who answers questions (e.g. "Rita Reviewer,
    Technology Coordinator, rita@example.org"); without it, the district's approver title is named."""
    name = _district_name(district)
    facts = view.facts
    contractor = view.contractor_name
    website = district.get("contracts_website", "").strip()
    approver = district.get("approver_title", "").strip() or "Technology Coordinator"
    dated = dated or view.as_of

    received = (f"{contractor} notified the district of the breach on {format_date(facts.board_notified_on)}. "
                if facts.board_notified_on else "")
    story: list[Flowable] = [
        *_letterhead(district),
        _para(format_date(dated), "date"),
        _para(LETTER_TITLE, "title"),
        _para("Dear parent or guardian, and student,", "body"),
        _para(
            f"We are writing to tell you about a breach of security at {contractor}, a company that holds student "
            f"data under a contract with the {name} Board of Education. Your child's data was among the data "
            "involved. Connecticut law (section 10-234dd of the General Statutes) requires the district to tell "
            "you, and this letter does so.", "body"),
        CondPageBreak(KEEP_WITH_TEXT),
        _para("What happened", "heading"),
        _para(f"{contractor} discovered the breach on {format_date(facts.discovered_on)}. {received}"
              "Here is what we know:", "body"),
        _para(view.form.description, "body"),
        CondPageBreak(KEEP_WITH_TEXT),
        _para("What data was involved", "heading"),
        *(Paragraph(f"<b>{markup(i.label, BOLD)}</b>: {markup(INVOLVES_EXPLAINED[i])}", _styles()["item"],
                    bulletText="\u2022") for i in Involves if i in facts.involves),
        CondPageBreak(KEEP_WITH_TEXT),
        _para("What the district is doing", "heading"),
        _para(
            f"We have asked {contractor} for a full account of the breach and of what it is doing to protect "
            "student data, and we are reviewing our contract with it. The contract requires the contractor to "
            "keep student data secure and to use it only for the purposes the contract allows. A notice of this "
            f"breach {'is' if facts.website_posted_on else 'will be'} posted on the district's website.", "body"),
        _para("Please be cautious of unexpected emails, messages or calls that mention your child's school or "
              "ask for personal information or passwords.", "body"),
        CondPageBreak(KEEP_WITH_TEXT),
        _para("Whom to contact", "heading"),
        _para(f"If you have questions, please contact {contact.strip()}." if contact.strip() else
              f"If you have questions, please contact the district's {approver}.", "body"),
    ]
    if website:
        story.append(_para(f"The district lists its contracts with technology providers, and the student data "
                           f"each one may receive, at {website}.", "body"))
    story += [
        Spacer(1, 14),
        _para("Sincerely,", "body"),
        Spacer(1, 18),
        _para(approver, "body"),
        _para(f"{name} Public Schools", "body"),
    ]
    return _build(story, LETTER_TITLE, f"{name} Public Schools \u2014 {LETTER_TITLE}")


class _FooterCanvas(Canvas):
    """Holds pages back until the end, so that each footer can say "page N of M"."""

    def __init__(self, footer: str, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._held: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, page: int, pages: int) -> None:
        width = self._pagesize[0] - 2 * MARGIN
        self.setStrokeColor(colors.lightgrey)
        self.setLineWidth(0.5)
        self.line(MARGIN, FOOTER_LINE, MARGIN + width, FOOTER_LINE)
        footer = Paragraph(markup(f"{self._footer} \u2014 page {page} of {pages}"), _styles()["footer"])
        _, height = footer.wrap(width, inch)
        footer.drawOn(self, MARGIN, FOOTER_LINE - 4 - height)
