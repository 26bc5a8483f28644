"""Letters to families, in the language the family reads: the parent notification and permission letter
for a resource approved with "additional parental notification and permission required", with its
cut-off permission slip; and the yearly notice of the district's contracts website (C.G.S. 10-234bb).

The words come from resources/letters (techapproval.domain.letters). Every text and every value goes
through fonts.markup (escaped, font fallback) before str.format_map puts them together, so nothing a
person typed can change the layout. Text from the request lives in Paragraphs in the story, never in
Table cells, so a long description can split across pages; the slip is kept on one page.
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
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from techapproval.domain.deadlines import school_year_label
from techapproval.domain.enums import Answer, Decision, Permission, RequestStatus
from techapproval.domain.letters import Language, LetterTexts, letter_texts
from techapproval.domain.settings import district_short

from .fonts import BOLD, OBLIQUE, REGULAR, markup, register_fonts

if TYPE_CHECKING:  # plain data in: the renderer never touches the database
    from techapproval.services.requests import RequestDetail

MARGIN = 0.9 * inch
GREY = colors.HexColor("#555555")
EMPTY_BOX = "\u2610"  # ☐ as text, so that extracted text shows the choice to tick
SCISSORS = "\u2702"
BLANK = "_" * 22
KEEP_WITH_TEXT = 0.8 * inch  # a heading moves to the next page when less room is left under it


# --- the parent permission letter -------------------------------------------------------------------


def render_permission_letter(detail: RequestDetail, settings: Mapping[str, str], language: Language,
                             return_by: date | None, *, on: date | None = None) -> bytes:
    """The letter for a request approved with additional parental notification and permission required;
    ValueError for any other. `on` is the letter's date (today if not given)."""
    if (detail.status is not RequestStatus.APPROVED or detail.decision is not Decision.APPROVED
            or detail.permission is not Permission.PARENTAL_REQUIRED):
        raise ValueError("A parent letter is only for a request approved with additional parental notification "
                         "and permission required.")
    texts = letter_texts(language)
    form = detail.form
    values = {
        "district": district_short(settings.get("district_name", "")) or BLANK,
        "town": settings.get("town", "").strip() or BLANK,
        "resource": " ".join(form.resource_name.split()) or BLANK,
        "teacher": " ".join(detail.requester_name.split()) or BLANK,
        "approver_title": settings.get("approver_title", "").strip() or BLANK,
        "website": settings.get("contracts_website", "").strip(),
        "return_by": texts.format_date(return_by) if return_by else "",
    }
    p = _Writer(texts, values)
    k = "permission_letter."
    story: list[Flowable] = [
        *_letterhead(p, on or date.today()),
        p.para(k + "title", "title"),
        p.para(k + "greeting", "body"),
        p.para(k + "intro", "body"),
        p.para(k + "law", "body"),
        p.para(k + ("return_with_date" if return_by else "return_without_date"), "body"),
        # What the tool is
        *p.heading(k + "heading_resource"),
        p.plain(form.resource_name, "answer_bold", p.text(k + "not_stated")),
        p.plain(form.resource_description, "answer", p.text(k + "not_stated")),
    ]
    if form.resource_link.strip():
        story.append(p.labelled(k + "label_link", form.resource_link))
    if form.grades:
        story.append(p.labelled(k + "label_grades", texts.grades(form.grades)))
    story += [
        *p.heading(k + "heading_use"),
        p.plain(form.planned_use, "answer", p.text(k + "not_stated")),
    ]
    for answer, yes, no in ((form.student_accounts, "account_yes", "account_no"),
                            (form.download_required, "download_yes", "download_no")):
        if answer in (Answer.YES, Answer.NO):
            story.append(p.para(k + (yes if answer is Answer.YES else no), "answer"))
    story += p.heading(k + "heading_information")
    story += [p.plain(texts.category(c), "item", bulletText="\u2022") for c in form.information_shared]
    if form.information_details.strip() or not form.information_shared:
        story.append(p.plain(form.information_details, "answer", p.text(k + "not_stated")))
    story += [
        *p.heading(k + "heading_access"),
        p.plain(form.who_has_access, "answer", p.text(k + "not_stated")),
        *p.heading(k + "heading_teacher"),
        p.plain(", ".join(x for x in (values["teacher"], detail.requester_position.strip()) if x), "answer"),
        Spacer(1, 4),
        p.para(k + "quoted_note", "note"),
        Spacer(1, 6),
        p.para(k + "if_refused", "body"),
        p.para(k + "questions", "body"),
    ]
    if values["website"]:
        story.append(p.para(k + "contracts_website", "body"))
    story += [
        Spacer(1, 6),
        p.para(k + "closing", "body"),
        p.plain(values["teacher"], "body"),
        Spacer(1, 18),
        _slip(p, return_by is not None),
    ]
    return _build(story, p, texts.fill(k + "document_title", values))


def _slip(p: _Writer, has_date: bool) -> Flowable:
    """The part parents cut off and return: a choice to tick, and lines to write on by hand. The student's
    name is written on the paper only; the app never stores it."""
    s = "permission_letter.slip."
    st = _styles()
    width = LETTER[0] - 2 * MARGIN

    def line_row(*keys: str) -> list:
        row: list = []
        for key in keys:
            row += [Paragraph(p.markup_text(s + key, REGULAR), st["slip_label"]), ""]
        return row

    # Two label/line pairs per row at most; the single pairs span the whole width.
    label_w, date_label_w, date_w = 2.3 * inch, 0.9 * inch, 1.5 * inch
    lines = Table(
        [line_row("student") + ["", ""], line_row("parent_name") + ["", ""], line_row("signature", "date")],
        colWidths=[label_w, width - label_w - date_label_w - date_w, date_label_w, date_w],
        rowHeights=[30, 30, 30], hAlign="LEFT",
    )
    lines.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("SPAN", (1, 0), (3, 0)),
        ("SPAN", (1, 1), (3, 1)),
        ("LINEBELOW", (1, 0), (3, 0), 0.6, colors.black),
        ("LINEBELOW", (1, 1), (3, 1), 0.6, colors.black),
        ("LINEBELOW", (1, 2), (1, 2), 0.6, colors.black),
        ("LINEBELOW", (3, 2), (3, 2), 0.6, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (2, 2), (2, 2), 12),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    parts: list[Flowable] = [
        _CutLine(p.markup_text(s + "cut_here", OBLIQUE)),
        Spacer(1, 8),
        p.para(s + "title", "slip_title"),
        Paragraph(f"{EMPTY_BOX}&nbsp;&nbsp;{p.markup_text(s + 'give', REGULAR)}", st["choice"]),
        Paragraph(f"{EMPTY_BOX}&nbsp;&nbsp;{p.markup_text(s + 'refuse', REGULAR)}", st["choice"]),
        Spacer(1, 4),
        lines,
        Spacer(1, 8),
        p.para(s + "return_to", "body"),
    ]
    if has_date:
        parts.append(p.para(s + "return_by", "body_bold"))
    return KeepTogether(parts)


# --- the yearly notice of the contracts website --------------------------------------------------------


def render_annual_notice_letter(settings: Mapping[str, str], school_year: int, language: Language,
                                *, on: date | None = None) -> bytes:
    """The yearly notice to students and parents of the contracts website's address, as a letter."""
    website = settings.get("contracts_website", "").strip()
    if not website:
        raise ValueError("Set the address of the district's contracts web page first: the notice is about it.")
    texts = letter_texts(language)
    values = {
        "district": district_short(settings.get("district_name", "")) or BLANK,
        "town": settings.get("town", "").strip() or BLANK,
        "approver_title": settings.get("approver_title", "").strip() or BLANK,
        "website": website,
        "school_year": school_year_label(school_year),
    }
    p = _Writer(texts, values)
    k = "annual_notice."
    story: list[Flowable] = [
        *_letterhead(p, on or date.today()),
        p.para(k + "title", "title"),
        p.para(k + "greeting", "body"),
        p.para(k + "law", "body"),
        p.para(k + "website_intro", "body"),
        p.plain(website, "website"),
        p.para(k + "contents", "body"),
        p.para(k + "questions", "body"),
        Spacer(1, 6),
        p.para(k + "closing", "body"),
        p.para(k + "signature", "body"),
    ]
    return _build(story, p, texts.fill(k + "document_title", values))


# --- shared --------------------------------------------------------------------------------------------


class _Writer:
    """Paragraphs from the letter texts, filled with escaped values in the paragraph's own font."""

    def __init__(self, texts: LetterTexts, values: Mapping[str, str]):
        self.texts = texts
        self.values = dict(values)

    def text(self, key: str) -> str:
        """A text filled with plain values, for plain-text use (metadata, "not stated")."""
        return self.texts.fill(key, self.values)

    def markup_text(self, key: str, font: str) -> str:
        escaped = {name: markup(value, font) for name, value in self.values.items()}
        return markup(self.texts.get(key), font).format_map(escaped)

    def para(self, key: str, style_name: str) -> Paragraph:
        style = _styles()[style_name]
        return Paragraph(self.markup_text(key, style.fontName), style)

    def plain(self, text: str, style_name: str, empty: str = "", **kw: object) -> Paragraph:
        style = _styles()[style_name]
        return Paragraph(markup(text.strip() or empty, style.fontName), style, **kw)

    def labelled(self, key: str, value: str) -> Paragraph:
        return Paragraph(f"<b>{self.markup_text(key, BOLD)}</b> {markup(value.strip())}", _styles()["answer"])

    def heading(self, key: str) -> list[Flowable]:
        return [CondPageBreak(KEEP_WITH_TEXT), self.para(key, "heading")]


def _letterhead(p: _Writer, on: date) -> list[Flowable]:
    return [
        p.plain(p.texts.format_date(on), "date"),
        p.plain(p.text("letterhead").upper(), "district"),
        p.para("town_line", "town"),
    ]


@cache
def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("letter", fontName=REGULAR, bulletFontName=REGULAR, fontSize=10.5, leading=14,
                          spaceAfter=6)

    def style(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "date": style("date", alignment=TA_RIGHT, spaceAfter=8),
        "district": style("district", fontName=BOLD, fontSize=13, leading=16, alignment=TA_CENTER, spaceAfter=1),
        "town": style("town", fontSize=11, leading=14, alignment=TA_CENTER, spaceAfter=14),
        "title": style("title", fontName=BOLD, fontSize=12.5, leading=16, spaceAfter=10),
        "body": style("body"),
        "body_bold": style("body_bold", fontName=BOLD),
        "heading": style("heading", fontName=BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=3),
        "answer": style("answer", leftIndent=14, spaceAfter=3),
        "answer_bold": style("answer_bold", fontName=BOLD, leftIndent=14, spaceAfter=3),
        "item": style("item", leftIndent=30, bulletIndent=18, spaceAfter=1),
        "note": style("note", fontName=OBLIQUE, fontSize=9, leading=11, textColor=GREY),
        "website": style("website", fontName=BOLD, fontSize=12, leading=16, leftIndent=14, spaceAfter=10),
        "slip_title": style("slip_title", fontName=BOLD, fontSize=11.5, leading=15, spaceAfter=6),
        "choice": style("choice", fontSize=11, leading=16, spaceAfter=4),
        "slip_label": style("slip_label", fontSize=9.5, leading=11.5, spaceAfter=0),
        "cut": style("cut", fontName=OBLIQUE, fontSize=8.5, leading=10, alignment=TA_CENTER, textColor=GREY),
        "footer": style("footer", fontSize=8, leading=10, alignment=TA_CENTER, textColor=GREY),
    }


class _CutLine(Flowable):
    """A dashed line across the page with scissors and "cut here" in the middle."""

    def __init__(self, caption_markup: str):
        super().__init__()
        self.caption = Paragraph(f"{SCISSORS} {caption_markup}", _styles()["cut"])

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's
        self.width = availWidth
        _, self.height = self.caption.wrap(availWidth * 0.6, availHeight)
        return availWidth, self.height

    def draw(self) -> None:
        canvas = self.canv
        text_width = max(self.caption.getActualLineWidths0(), default=0) + 12
        gap_left = (self.width - text_width) / 2
        middle = self.height / 2
        canvas.saveState()
        canvas.setStrokeColor(GREY)
        canvas.setLineWidth(0.6)
        canvas.setDash(4, 3)
        canvas.line(0, middle, gap_left, middle)
        canvas.line(gap_left + text_width, middle, self.width, middle)
        canvas.restoreState()
        self.caption.drawOn(canvas, (self.width - self.caption.width) / 2, 0)


def _build(story: list[Flowable], p: _Writer, title: str) -> bytes:
    register_fonts()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=LETTER, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=0.7 * inch,
        bottomMargin=0.8 * inch, title=title, author=p.text("letterhead"), creator="techapproval",
        lang=p.texts.language.value, initialFontName=REGULAR,
    )

    def footer(canvas, document) -> None:
        text = Paragraph(markup(p.texts.fill("page", {"page": str(document.page)})), _styles()["footer"])
        width = LETTER[0] - 2 * MARGIN
        _, height = text.wrap(width, inch)
        text.drawOn(canvas, MARGIN, 0.45 * inch - height / 2)

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()
