"""The printed decision: policy 3520.13's form "Staff Request for Approval of Technology Resources",
filled in from a DecisionSheet.

Everything the user typed goes through fonts.markup (escaped, font fallback), and long text lives in
Paragraphs directly in the story, never in Table cells: a cell cannot split across pages.

The paper form is one page, and so is a sheet whose answers fit on it: when a sheet is a little taller
than the page, its type and spacing are set a little smaller (down to MIN_SCALE) so that it still prints
on one page, "For Office Use Only" included. A longer one keeps the full size and runs on.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable
from datetime import date
from functools import cache, lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus.flowables import FrameBG

from techapproval.domain.enums import Answer, Decision, Permission, format_grades
from techapproval.domain.settings import district_heading
from techapproval.domain.sheet import DecisionSheet

from .fonts import BOLD, OBLIQUE, REGULAR, markup, register_fonts

TITLE = "STAFF REQUEST FOR APPROVAL OF TECHNOLOGY RESOURCES"
INTRO = (
    "Before use in the classroom, use with students, or administrative use, all online learning resources, "
    "online applications, digital subscription services, and other programs or technology applications "
    "requiring the user to accept terms of services or a user agreement must be approved by the "
)
TO_REQUEST = (
    "To request to use such an online resource or technology application other than a District-approved "
    "resource, please complete and submit the following form."
)
QUESTION_1 = (
    "Give name and description of the technology resource you are requesting to use. If you are "
    "requesting an online resource, please include a link to the resource."
)
QUESTION_2 = (
    "Describe how you plan to use the requested resource. What information, if any, will be shared? "
    "Who will have access to the resource? If for use by students, will students need to sign up for an "
    "account or download an application? Is parental permission required by the application before use "
    "by a student?"
)
TICKED, EMPTY = "\u2612", "\u2610"  # ☒ ☐ as text, so that extracted text shows the choice
BLANK = "_" * 22  # an unfilled line, as on the paper form
NOT_ANSWERED = "Not answered"
# Month names spelled out here: Qt sets the C locale from the environment, which would change %B.
MONTHS = ("January February March April May June July August September October November December").split()

UNDECIDED = f'&nbsp;&nbsp; <font name="{OBLIQUE}" size="9" color="#555555">Not yet decided</font>'
# A heading never ends a page: it moves on when less room than this is left for the text under it.
KEEP_WITH_TEXT = 0.8 * inch

MARGIN = 0.85 * inch
FOOTER_LINE = 0.6 * inch  # a hairline above the footer text
BOX_PAD = 9  # text inset inside the "For Office Use Only" box
GREY = colors.HexColor("#555555")
TOP_MARGIN = 0.6 * inch
BOTTOM_MARGIN = FOOTER_LINE + 12
FRAME_PADDING = 6  # SimpleDocTemplate's frame keeps this inside its margins on each side
FRAME_WIDTH = LETTER[0] - 2 * MARGIN - 2 * FRAME_PADDING
FRAME_HEIGHT = LETTER[1] - TOP_MARGIN - BOTTOM_MARGIN - 2 * FRAME_PADDING
# The type sizes tried for a sheet a little taller than the page, largest first.
SCALES = (1.0, 0.96, 0.92, 0.88, 0.84)
MIN_SCALE = SCALES[-1]
GRADES_QUESTION = "If the resource will be used by students, which grade(s)?"


def format_date(d: date | None) -> str:
    """The form's date style, "November 23, 2026"; a blank line for None."""
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}" if d else BLANK


def render_decision_pdf(sheet: DecisionSheet) -> bytes:
    return render_decision_batch([sheet])


def render_decision_batch(sheets: Iterable[DecisionSheet]) -> bytes:
    """One PDF with each sheet starting on a new page; pages are numbered per sheet."""
    sheets = list(sheets)
    if not sheets:
        raise ValueError("no decision sheets to print")
    register_fonts()
    story: list[Flowable] = []
    for i, sheet in enumerate(sheets):
        if i:
            story.append(PageBreak())
        story += _fitted_story(sheet)
    buf = io.BytesIO()
    title = "Staff Request for Approval of Technology Resources"
    if len(sheets) == 1:
        title += f" ({sheets[0].reference})"
    doc = SimpleDocTemplate(
        buf,
        pagesize=LETTER,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=title,
        subject="Policy 3520.13 Form",
        creator="techapproval",
        initialFontName=REGULAR,  # else the PDF lists an unused, unembedded Helvetica
    )
    doc.build(story, canvasmaker=_FooterCanvas)
    return buf.getvalue()


@cache
def _styles(scale: float = 1.0) -> dict[str, ParagraphStyle]:
    """The sheet's paragraph styles, with type sizes and vertical spacing multiplied by `scale`."""
    register_fonts()
    vertical = ("fontSize", "leading", "spaceBefore", "spaceAfter")
    base = ParagraphStyle("base", fontName=REGULAR, bulletFontName=REGULAR, fontSize=9.5 * scale,
                          leading=12.5 * scale, spaceAfter=2 * scale)

    def style(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **{k: v * scale if k in vertical else v for k, v in kw.items()})

    return {
        "meta": style("meta", fontSize=7.5, leading=9, alignment=TA_RIGHT, textColor=GREY, spaceAfter=6),
        "district": style("district", fontName=BOLD, fontSize=13, leading=16, alignment=TA_CENTER, spaceAfter=1),
        "town": style("town", fontSize=11, leading=14, alignment=TA_CENTER, spaceAfter=10),
        "title": style("title", fontName=BOLD, fontSize=12.5, leading=16, alignment=TA_CENTER, spaceAfter=8),
        "renewal": style("renewal", fontName=BOLD, fontSize=10.5, leading=13, alignment=TA_CENTER, spaceBefore=-4,
                         spaceAfter=8),
        "intro": style("intro", fontSize=8.5, leading=11, alignment=TA_JUSTIFY, spaceAfter=4),
        "field": style("field", spaceAfter=3),
        "question": style(
            "question",
            fontName=OBLIQUE,
            bulletFontName=BOLD,
            fontSize=8.5,
            leading=11,
            leftIndent=16,
            textColor=GREY,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "answer": style("answer", leftIndent=16),
        "answer_bold": style("answer_bold", fontName=BOLD, leftIndent=16),
        "label": style("label", fontName=BOLD, leftIndent=16, spaceBefore=3, spaceAfter=1),
        "item": style("item", leftIndent=32, bulletIndent=22, spaceAfter=1),
        "office_title": style("office_title", fontName=BOLD, fontSize=11, leading=14, leftIndent=BOX_PAD, spaceAfter=4),
        "box": style("box", leftIndent=BOX_PAD, rightIndent=BOX_PAD),
        "box_sub": style("box_sub", leftIndent=BOX_PAD + 20, rightIndent=BOX_PAD),
        "note": style("note", fontSize=8, leading=10, textColor=GREY, spaceAfter=1),
        "footer": style("footer", fontSize=7.5, leading=9, alignment=TA_CENTER, textColor=GREY),
    }


def _paragraph(text: str, style_name: str, bulletText: str | None = None, scale: float = 1.0) -> Paragraph:
    """Paragraph(text, style), with the markup parsed once per text and style: most of a sheet (the form's
    own words, labels, ticked and empty boxes, "Not answered") is the same on every sheet of a batch."""
    style = _styles(scale)[style_name]
    frags = [f.clone(link=list(f.link), us_lines=list(f.us_lines)) for f in _parsed(text, style_name, scale)]
    return Paragraph(text, style, bulletText=bulletText, frags=frags)


@lru_cache(maxsize=512)
def _parsed(text: str, style_name: str, scale: float = 1.0) -> tuple:
    """reportlab's fragments of the markup, kept pristine: each Paragraph gets copies (layout may change them)."""
    frags = Paragraph(text, _styles(scale)[style_name]).frags
    return tuple(f.clone(link=list(f.link), us_lines=list(f.us_lines)) for f in frags)


def _para(text: str, style_name: str, empty: str = NOT_ANSWERED, bulletText: str | None = None,
          scale: float = 1.0) -> Paragraph:
    """A Paragraph of plain (user) text; blank text prints as `empty`."""
    return _paragraph(markup(text.strip() or empty, _styles()[style_name].fontName), style_name, bulletText, scale)


def _labelled(label: str, value: str, style_name: str = "answer", empty: str = NOT_ANSWERED,
              scale: float = 1.0) -> Paragraph:
    """A bold label and its value on one paragraph; blank values print as `empty`."""
    value = value.strip() or empty
    return _paragraph(f"<b>{markup(label, BOLD)}</b> {markup(value)}", style_name, scale=scale)


def _answer(answer: Answer | None) -> str:
    return answer.label if answer else NOT_ANSWERED


def _fitted_story(sheet: DecisionSheet) -> list[Flowable]:
    """The sheet at the largest scale that keeps it on one page; at full size when none does."""
    for scale in SCALES:
        story = _sheet_story(sheet, scale)
        if _height(story) <= FRAME_HEIGHT:
            return story
    return _sheet_story(sheet)


_MEASURE = Canvas(io.BytesIO())  # paragraphs measure on a canvas; nothing is drawn on this one


def _height(story: list[Flowable]) -> float:
    """The height the story takes in one frame, spacing included (a little more than reportlab lays out:
    it drops the space before the first flowable of a frame)."""
    total = 0.0
    for f in story:
        if isinstance(f, CondPageBreak | PageBreak | _SheetStart):
            continue
        if isinstance(f, KeepTogether):  # its wrap asks for a split whatever the room: measure its content
            total += _height(f._content)
            continue
        _, h = f.wrapOn(_MEASURE, FRAME_WIDTH, 10 * FRAME_HEIGHT)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def _sheet_story(sheet: DecisionSheet, scale: float = 1.0) -> list[Flowable]:
    approver = sheet.approver_title.strip() or BLANK

    def para(text: str, style_name: str, empty: str = NOT_ANSWERED, bulletText: str | None = None) -> Paragraph:
        return _para(text, style_name, empty, bulletText, scale)

    def labelled(label: str, value: str, style_name: str = "answer", empty: str = NOT_ANSWERED) -> Paragraph:
        return _labelled(label, value, style_name, empty, scale)

    def space(height: float) -> Spacer:
        return Spacer(1, height * scale)

    story: list[Flowable] = [
        _SheetStart(sheet.reference),
        para(f"{sheet.reference} \u00b7 Status: {sheet.status.label}", "meta"),
        para(district_heading(sheet.district_name, BLANK), "district"),
        para(f"{sheet.town.strip() or BLANK}, Connecticut", "town"),
        para(TITLE, "title"),
        *([para(renewal_line(sheet), "renewal")] if sheet.renewal else []),
        _paragraph(markup(INTRO) + markup(approver) + ".", "intro", scale=scale),
        para(TO_REQUEST, "intro"),
        space(6),
        labelled("Name:", sheet.requester_name, "field", BLANK),
        labelled("Position:", sheet.requester_position, "field", BLANK),
        labelled("Date:", format_date(sheet.request_date), "field"),
        space(4),
        labelled(GRADES_QUESTION, format_grades(sheet.grades, sheet.not_used_by_students), "field"),
        # Item 1: the resource
        CondPageBreak(KEEP_WITH_TEXT),
        para(QUESTION_1, "question", bulletText="1."),
        para(sheet.resource_name, "answer_bold"),
        para(sheet.resource_description, "answer"),
        labelled("Link:", sheet.resource_link),
        # Item 2: its use
        CondPageBreak(KEEP_WITH_TEXT),
        para(QUESTION_2, "question", bulletText="2."),
        para("Planned use:", "label"),
        para(sheet.planned_use, "answer"),
        *_information_shared(sheet, para),
        CondPageBreak(KEEP_WITH_TEXT),
        para("Who will have access:", "label"),
        para(sheet.who_has_access, "answer"),
        space(4),
        labelled("Students must sign up for an account:", _answer(sheet.student_accounts)),
        labelled("Students must download an application:", _answer(sheet.download_required)),
        labelled(
            "The application requires parental permission before use:",
            _answer(sheet.app_requires_parental_permission),
        ),
        space(12),
        _office_use(sheet, scale),
    ]
    notes = [n for n in sheet.extra_notes if n.strip()]
    if notes:
        story += [space(10), *(para(n, "note") for n in notes)]
    return story


def renewal_line(sheet: DecisionSheet) -> str:
    """Under the title of a renewal: the approval it renews."""
    if sheet.renews_approval_on is None:
        return "Renewal of an earlier approval"
    request = f" ({sheet.renews_request})" if sheet.renews_request else ""
    return f"Renewal of the approval of {format_date(sheet.renews_approval_on)}{request}"


def _information_shared(sheet: DecisionSheet, para) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(KEEP_WITH_TEXT), para("Information shared:", "label")]
    out += [para(c.label, "item", bulletText="\u2022") for c in sheet.information_shared]
    if sheet.information_details.strip():
        out.append(para(sheet.information_details, "answer"))
    elif not sheet.information_shared:
        out.append(para("", "answer"))  # prints "Not answered"
    return out


def _office_use(sheet: DecisionSheet, scale: float = 1.0) -> Flowable:
    """The boxed "For Office Use Only" part. FrameBG draws the border around the flowables between
    its start and stop and, unlike a Table, still lets a very long reason split across pages."""
    approved = sheet.decision is Decision.APPROVED
    rejected = sheet.decision is Decision.NOT_APPROVED
    permission = sheet.permission if approved else None

    def box(ticked: bool, label: str, style_name: str) -> Paragraph:
        return _para(f"{TICKED if ticked else EMPTY} {label}", style_name, scale=scale)

    parts = [
        FrameBG(strokeColor=colors.black, strokeWidth=0.8),
        Spacer(1, 6 * scale),
        _paragraph(f"For Office Use Only{UNDECIDED if sheet.decision is None else ''}", "office_title", scale=scale),
        box(approved, Decision.APPROVED.label, "box"),
        box(permission is Permission.PARENTAL_REQUIRED, Permission.PARENTAL_REQUIRED.label, "box_sub"),
        box(permission is Permission.NONE_REQUIRED, Permission.NONE_REQUIRED.label, "box_sub"),
        Spacer(1, 4 * scale),
        box(rejected, Decision.NOT_APPROVED.label, "box"),
        _labelled("Reason:", sheet.reason if rejected else "", "box_sub", BLANK, scale),
        Spacer(1, 6 * scale),
        _labelled(f"{sheet.approver_title.strip() or 'Decided by'}:", sheet.decided_by, "box", BLANK, scale),
        _labelled("Date:", format_date(sheet.decided_on), "box", scale=scale),
        Spacer(1, 4 * scale),
        FrameBG(start=False),
    ]
    return KeepTogether(parts)


class _SheetStart(Flowable):
    """Zero-size marker at the top of each sheet: tells the canvas which sheet the pages belong to."""

    def __init__(self, reference: str) -> None:
        super().__init__()
        self.reference = reference

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.start_sheet(self.reference)


class _FooterCanvas(Canvas):
    """Holds pages back until the end, so that each footer can say "page N of M" for its sheet."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[dict] = []
        self._sheet = 0
        self._reference = ""

    def start_sheet(self, reference: str) -> None:
        self._sheet += 1
        self._reference = reference

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        totals = Counter(state["_sheet"] for state in self._held)
        numbers: Counter[int] = Counter()
        for state in self._held:
            self.__dict__.update(state)
            numbers[self._sheet] += 1
            self._draw_footer(numbers[self._sheet], totals[self._sheet])
            super().showPage()
        super().save()

    def _draw_footer(self, page: int, pages: int) -> None:
        width = self._pagesize[0] - 2 * MARGIN
        self.setStrokeColor(colors.lightgrey)
        self.setLineWidth(0.5)
        self.line(MARGIN, FOOTER_LINE, MARGIN + width, FOOTER_LINE)
        text = f"Policy 3520.13 Form \u2014 {self._reference} \u2014 page {page} of {pages}"
        footer = Paragraph(markup(text), _styles()["footer"])
        _, height = footer.wrap(width, inch)
        footer.drawOn(self, MARGIN, FOOTER_LINE - 4 - height)
