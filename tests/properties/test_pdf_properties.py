"""The PDF renderers fed any text: they never raise, the PDF is valid, and what was typed reads back,
markup characters literally (so they were escaped, not interpreted).

What can be compared honestly: reportlab neither shapes Arabic nor reorders right-to-left text, some
characters have no glyph in the bundled fonts (printed as "?") and invisible ones are dropped. So the text
is compared on printable ASCII, Latin-1 letters, CJK ideographs and Hangul (each with a glyph in a bundled
font), in order, whitespace ignored (lines break anywhere, long words are split). Everything else must
only not break the document. And pypdf reads a line with a Hebrew or Arabic character as right-to-left,
reordering its neighbours, and a soft hyphen (U+00AD) prints as "-" where reportlab breaks the line there:
such text gets its own test, where the characters are compared as a multiset.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from techapproval.domain.enums import Decision, RequestStatus
from techapproval.domain.letters import Language
from techapproval.pdf import fonts
from techapproval.pdf.decision import render_decision_pdf
from techapproval.pdf.letters import render_permission_letter
from tests.pdf.test_decision_pdf import make_sheet
from tests.pdf.test_letters_pdf import SETTINGS
from tests.pdf.test_letters_pdf import detail as letter_detail
from tests.properties.strategies import SLOW, hostile_text, long_text

# The characters pypdf's text extraction takes for right-to-left (pypdf._utils.RTL_CHARACTER_RANGES), and
# the soft hyphen.
_UNORDERED = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u00ad]")
ltr_text = hostile_text.map(lambda t: _UNORDERED.sub("", t))
rtl_text = st.builds(lambda a, b, c: a + b + c, hostile_text, st.sampled_from(["\u0645\u062f\u0631\u0633\u0629",
                     "\u05e9\u05dc\u05d5\u05dd", "\ufeff", "\ufb50\ufdf2", "long\u00adword"]), hostile_text)
_COMPARED = re.compile(r"[!-~\u00c0-\u00ff\u4e00-\u9fff\uac00-\ud7a3]")
_FACES = (fonts.REGULAR, fonts.BOLD, fonts.OBLIQUE, *fonts.FALLBACKS)


def comparable(text: str) -> str:
    """The characters compared, in order: see the module's docstring. "?" is left out: it also stands
    for a character no bundled font has."""
    return "".join(c for c in _COMPARED.findall(unicodedata.normalize("NFC", text))
                   if c != "?" and any(fonts.has_glyph(face, c) for face in _FACES))


def read_pdf(pdf: bytes, footer: str) -> str:
    """The document's text, footers removed, as comparable characters."""
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    reader = PdfReader(io.BytesIO(pdf), strict=True)
    assert len(reader.pages) >= 1
    return comparable("".join(re.sub(footer, "", page.extract_text()) for page in reader.pages))


def marked(i: int, text: str) -> str:
    """The field's text between two markers that nothing else prints."""
    return f"Mk{i}vQ{text}Mk{i}vZ"


def check_fields(document: str, fields: dict[int, str]) -> None:
    for i, text in fields.items():
        found = re.search(f"Mk{i}vQ(.*?)Mk{i}vZ", document, re.S)
        assert found, f"field {i} is missing from the PDF"
        assert found.group(1) == comparable(text), f"field {i}"


SHEET_FIELDS = ("town", "approver_title", "requester_name", "requester_position", "resource_name",
                "resource_description", "resource_link", "planned_use", "information_details", "who_has_access",
                "reason", "decided_by")
DECISION_FOOTER = r"Policy\s*3520\.13\s*Form\s*\u2014\s*Request\s*12\s*\u2014\s*page\s*\d+\s*of\s*\d+"


@SLOW
@given(st.fixed_dictionaries({name: ltr_text for name in SHEET_FIELDS}), ltr_text,
       st.none() | st.sampled_from(SHEET_FIELDS), long_text.map(lambda t: _UNORDERED.sub("", t)))
def test_decision_sheet_prints_any_text(values, district, long_field, long):
    if long_field:
        values[long_field] = long  # thousands of characters, or one very long unbroken word
    fields = dict(enumerate(values.values()))
    sheet = make_sheet(status=RequestStatus.NOT_APPROVED, decision=Decision.NOT_APPROVED, permission=None,
                       district_name=district, extra_notes=(marked(99, district),),
                       **{name: marked(i, values[name]) for i, name in enumerate(values)})
    document = read_pdf(render_decision_pdf(sheet), DECISION_FOOTER)
    check_fields(document, {**fields, 99: district})


@SLOW
@given(st.fixed_dictionaries({name: ltr_text for name in ("resource_name", "resource_description",
                                                               "resource_link", "planned_use",
                                                               "information_details", "who_has_access")}),
       hostile_text, st.sampled_from(Language))
def test_permission_letter_prints_any_text(values, teacher, language):
    form = replace(letter_detail().form, **{name: marked(i, v) for i, (name, v) in enumerate(values.items())})
    pdf = render_permission_letter(letter_detail(form=form, requester_name=teacher, requester_position=teacher),
                                   {**SETTINGS, "town": teacher}, language, date(2026, 11, 25),
                                   on=datetime(2026, 11, 2, tzinfo=UTC).date())
    document = read_pdf(pdf, r"P(age|\u00e1gina)\s*\d+")
    # The resource's name is also quoted in the letter's sentences; its first printing is checked.
    check_fields(document, dict(enumerate(values.values())))


@SLOW
@given(st.fixed_dictionaries({name: rtl_text for name in SHEET_FIELDS}))
def test_decision_sheet_prints_right_to_left_text_and_soft_hyphens(values):
    sheet = make_sheet(status=RequestStatus.NOT_APPROVED, decision=Decision.NOT_APPROVED, permission=None,
                       district_name=values["town"], **values)
    document = read_pdf(render_decision_pdf(sheet), DECISION_FOOTER)
    for text in values.values():  # every compared character is there (pypdf may read them out of order)
        expected = Counter(comparable(text))
        assert not expected - Counter(document)
