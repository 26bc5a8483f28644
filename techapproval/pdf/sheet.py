"""What the district's one-off sheets share (the IEP/504 evidence packet, the gap report): the letterhead,
labelled fields, and a letter-size page with a footer that names the sheet and numbers its pages.

Every text goes through fonts.markup: escaped, with a fallback font for any script DejaVu lacks.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

from techapproval.domain.settings import district_heading

from .fonts import BOLD, REGULAR, markup, register_fonts

MARGIN = 0.85 * inch
GREY = colors.HexColor("#555555")
EMPTY = "\u2014"


def sheet_styles(prefix: str, **more: dict[str, object]) -> dict[str, ParagraphStyle]:
    """The letterhead's styles, a plain field and the footer, plus `more` (name → ParagraphStyle keywords,
    all based on the 10-point body text); `prefix` keeps reportlab's style names apart."""
    register_fonts()
    base = ParagraphStyle(f"{prefix}_base", fontName=REGULAR, fontSize=10, leading=13, spaceAfter=3)
    common: dict[str, dict[str, object]] = {
        "district": {"fontName": BOLD, "fontSize": 13, "leading": 16, "alignment": TA_CENTER},
        "town": {"fontSize": 11, "leading": 14, "alignment": TA_CENTER, "spaceAfter": 10},
        "title": {"fontName": BOLD, "fontSize": 12.5, "leading": 16, "alignment": TA_CENTER, "spaceAfter": 2},
        "subtitle": {"fontSize": 9, "leading": 12, "alignment": TA_CENTER, "textColor": GREY, "spaceAfter": 10},
        "field": {},
        "footer": {"fontSize": 7.5, "leading": 9, "alignment": TA_CENTER, "textColor": GREY},
    }
    return {name: ParagraphStyle(f"{prefix}_{name}", parent=base, **kw) for name, kw in {**common, **more}.items()}


def para(styles: Mapping[str, ParagraphStyle], text: str, style_name: str, **kw: object) -> Paragraph:
    style = styles[style_name]
    return Paragraph(markup(text, style.fontName), style, **kw)


def labelled(styles: Mapping[str, ParagraphStyle], label: str, value: str, style_name: str = "field") -> Paragraph:
    """"Label: value" with the label in bold; an empty value shows as a dash."""
    return Paragraph(f"<b>{markup(label, BOLD)}</b> {markup(value.strip() or EMPTY)}", styles[style_name])


def letterhead(styles: Mapping[str, ParagraphStyle], settings: Mapping[str, str], title: str,
               subtitle: str) -> list[Flowable]:
    """The district's name, its town, then the sheet's title and subtitle."""
    town = settings.get("town", "").strip()
    return [
        para(styles, district_heading(settings.get("district_name", "")), "district"),
        para(styles, f"{town}, Connecticut" if town else "Connecticut", "town"),
        para(styles, title, "title"),
        para(styles, subtitle, "subtitle"),
    ]


def render(story: list[Flowable], styles: Mapping[str, ParagraphStyle], *, title: str, subject: str,
           footer: str) -> bytes:
    """The story on letter-size pages, each with `footer` and its page number under a thin rule."""
    register_fonts()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=LETTER, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=0.7 * inch,
        bottomMargin=0.8 * inch, title=title, subject=subject, creator="techapproval", initialFontName=REGULAR,
    )

    def draw_footer(canvas, document) -> None:
        canvas.saveState()
        width = LETTER[0] - 2 * MARGIN
        canvas.setStrokeColor(colors.lightgrey)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, 0.6 * inch, MARGIN + width, 0.6 * inch)
        text = Paragraph(markup(f"{footer} \u2014 page {document.page}"), styles["footer"])
        _, height = text.wrap(width, inch)
        text.drawOn(canvas, MARGIN, 0.6 * inch - 4 - height)
        canvas.restoreState()

    doc.build(story, onFirstPage=draw_footer, onLaterPages=draw_footer)
    return buf.getvalue()
