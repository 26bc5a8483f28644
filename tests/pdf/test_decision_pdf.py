"""The printed decision PDF, read back with pypdf: what a reviewer would see on paper."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import unicodedata
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from techapproval.domain.enums import Answer, Decision, Grade, InfoCategory, Permission, RequestStatus
from techapproval.domain.sheet import DecisionSheet
from techapproval.pdf import fonts
from techapproval.pdf.decision import format_date, render_decision_batch, render_decision_pdf

TICKED, EMPTY = "\u2612", "\u2610"


def make_sheet(**overrides: object) -> DecisionSheet:
    sheet = DecisionSheet(
        district_name="Wethersfield",
        town="Wethersfield",
        approver_title="Technology Coordinator/Principal",
        reference="Request 12",
        status=RequestStatus.APPROVED,
        requester_name="Maria Lopez",
        requester_position="Grade 4 teacher",
        request_date=date(2026, 11, 23),
        grades=(Grade.K, Grade.G3, Grade.G4, Grade.G5),
        not_used_by_students=False,
        resource_name="Kahoot!",
        resource_description="Game-based learning platform for quizzes.",
        resource_link="https://kahoot.com/schools",
        planned_use="Review quizzes at the end of each unit.",
        information_shared=(InfoCategory.FULL_NAME, InfoCategory.STUDENT_GENERATED_CONTENT),
        information_details="First names only; nicknames allowed.",
        who_has_access="The teacher and the students of the class.",
        student_accounts=Answer.NO,
        download_required=Answer.NOT_SURE,
        app_requires_parental_permission=Answer.YES,
        decision=Decision.APPROVED,
        permission=Permission.PARENTAL_REQUIRED,
        decided_by="Jane Smith",
        decided_on=date(2026, 12, 1),
        extra_notes=("Contract on file: DPA-2026-04.",),
    )
    return replace(sheet, **overrides)


UNDECIDED = dict(status=RequestStatus.SUBMITTED, decision=None, permission=None, decided_by="", decided_on=None)


def pages_text(pdf: bytes) -> list[str]:
    """Each page's text with whitespace normalised (pypdf breaks lines where the PDF does)."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def text_of(pdf: bytes) -> str:
    return " ".join(pages_text(pdf))


def embedded_fonts(pdf: bytes) -> set[str]:
    """BaseFont names used by the pages, without the subset prefix ("AAAAAA+DejaVuSans" -> "DejaVuSans")."""
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return names


def test_approved_with_parental_permission() -> None:
    pdf = render_decision_pdf(make_sheet())
    assert pdf.startswith(b"%PDF")
    text = text_of(pdf)
    for expected in [
        "WETHERSFIELD PUBLIC SCHOOLS",
        "Wethersfield, Connecticut",
        "STAFF REQUEST FOR APPROVAL OF TECHNOLOGY RESOURCES",
        "must be approved by the Technology Coordinator/Principal.",
        "To request to use such an online resource",
        "Request 12 · Status: Approved",
        "Name: Maria Lopez",
        "Position: Grade 4 teacher",
        "Date: November 23, 2026",
        "If the resource will be used by students, which grade(s)? K, 3\u20135",
        "1. Give name and description of the technology resource",
        "Kahoot!",
        "Game-based learning platform for quizzes.",
        "Link: https://kahoot.com/schools",
        "2. Describe how you plan to use the requested resource.",
        "Planned use: Review quizzes at the end of each unit.",
        "Information shared:",
        InfoCategory.FULL_NAME.label,
        InfoCategory.STUDENT_GENERATED_CONTENT.label,
        "First names only; nicknames allowed.",
        "Who will have access: The teacher and the students of the class.",
        "Students must sign up for an account: No",
        "Students must download an application: Not sure",
        "The application requires parental permission before use: Yes",
        "For Office Use Only",
        f"{TICKED} Approved for use",
        f"{TICKED} Additional parental notification and permission required.",
        f"{EMPTY} No additional notifications or permissions required.",
        f"{EMPTY} Not approved for use at this time",
        "Technology Coordinator/Principal: Jane Smith",
        "Date: December 1, 2026",
        "Contract on file: DPA-2026-04.",
        "Policy 3520.13 Form \u2014 Request 12 \u2014 page 1 of",
    ]:
        assert expected in text, expected
    assert text.count(TICKED) == 2
    assert "Not yet decided" not in text
    assert "?:" not in text  # the question ends with its question mark
    assert "Renewal" not in text


def test_not_approved_with_reason() -> None:
    reason = "The vendor has not signed the student data privacy agreement."
    sheet = make_sheet(
        status=RequestStatus.NOT_APPROVED, decision=Decision.NOT_APPROVED, permission=None, reason=reason
    )
    text = text_of(render_decision_pdf(sheet))
    assert f"{TICKED} Not approved for use at this time" in text
    assert f"Reason: {reason}" in text
    assert f"{EMPTY} Approved for use" in text
    assert f"{EMPTY} Additional parental notification" in text
    assert f"{EMPTY} No additional notifications" in text
    assert text.count(TICKED) == 1
    assert "Status: Not approved" in text


def test_undecided_has_no_ticks_and_blank_lines() -> None:
    text = text_of(render_decision_pdf(make_sheet(**UNDECIDED, request_date=None, reason="stale")))
    assert TICKED not in text
    assert text.count(EMPTY) == 4
    assert "Not yet decided" in text
    assert "stale" not in text  # a reason only prints with "Not approved"
    assert re.search(r"Date: _{5,} ", text)  # no submission date: a blank line, as on paper
    assert re.search(r"Technology Coordinator/Principal: _{5,} ", text)


def test_unanswered_and_administrative_use() -> None:
    sheet = make_sheet(
        grades=(),
        not_used_by_students=True,
        student_accounts=None,
        download_required=None,
        app_requires_parental_permission=None,
        information_shared=(),
        information_details="",
        who_has_access="  ",
    )
    text = text_of(render_decision_pdf(sheet))
    assert "which grade(s)? Not used by students (administrative use)" in text
    assert "Students must sign up for an account: Not answered" in text
    assert "The application requires parental permission before use: Not answered" in text
    assert "Who will have access: Not answered" in text
    assert "Information shared: Not answered" in text


@pytest.mark.parametrize(
    "name, fallback",
    [
        ("Nguyễn Thị Ánh", None),
        ("Zoë Łukasz", None),
        ("Αθηνά Παπαδοπούλου", None),
        ("Олена Шевченко", None),
        ("李小龙", "DroidSansFallbackFull"),
        ("山田花子", "DroidSansFallbackFull"),
        ("김민준", "DroidSansFallback"),  # the Full file has no Hangul syllables
    ],
)
def test_names_in_any_script_read_back(name: str, fallback: str | None) -> None:
    sheet = make_sheet(requester_name=name, decided_by=name, resource_name=f"{name} app")
    pdf = render_decision_pdf(sheet)
    text = text_of(pdf)
    assert f"Name: {name}" in text
    assert f"Technology Coordinator/Principal: {name}" in text
    assert f"{name} app" in text
    used = embedded_fonts(pdf)
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= used
    if fallback:
        assert fallback in used
    else:
        assert not any(f.startswith("Droid") for f in used)


def test_decomposed_vietnamese_is_printed_precomposed() -> None:
    name = "Nguyễn Thị Ánh"
    text = text_of(render_decision_pdf(make_sheet(requester_name=unicodedata.normalize("NFD", name))))
    assert f"Name: {name}" in text


def test_user_text_is_escaped() -> None:
    sheet = make_sheet(
        requester_name="<i>Bob</i> & Co",
        planned_use="<b>&</para>",
        who_has_access="&amp; <script>",
        resource_link='https://x.test/?a=1&b="2"',
        district_name="<font name=x>",
    )
    text = text_of(render_decision_pdf(sheet))
    assert "Name: <i>Bob</i> & Co" in text
    assert "Planned use: <b>&</para>" in text
    assert "Who will have access: &amp; <script>" in text
    assert 'Link: https://x.test/?a=1&b="2"' in text
    assert "<FONT NAME=X> PUBLIC SCHOOLS" in text


# Answers as long as the paper form has room for: a few lines for item 1, more for item 2.
PAPER_FORM_SIZED = dict(
    resource_description=(
        "Padlet is an online bulletin board where students post text, pictures and short videos that the whole "
        "class can see and comment on."
    ),
    planned_use=(
        "Each unit ends with a Padlet wall where students post an exit ticket: one thing they learned and one "
        "question they still have. I read the wall before the next lesson and answer the questions in class. "
        "Students also use it to share photos of their science notebooks with their lab partners."
    ),
    information_shared=(InfoCategory.FULL_NAME, InfoCategory.PHOTOS, InfoCategory.STUDENT_GENERATED_CONTENT),
    information_details="Students post under their first name; photos show notebooks, not faces.",
    who_has_access="The students of my two fourth-grade classes, their co-teacher and me.",
    extra_notes=(),
)
SHORT_REASON = "The vendor has not signed the student data privacy agreement."
MEDIUM_REASON = (
    "The free tier shows advertising to students and the vendor would not sign the district's data privacy "
    "agreement, which Connecticut law requires before student information is shared. Padlet's school edition "
    "is under review; until then please use Seesaw, which is already approved for grades K-5, or ask the "
    "library media specialist about another tool for exit tickets."
)


@pytest.mark.parametrize("decision", [
    dict(permission=Permission.NONE_REQUIRED),
    dict(permission=Permission.PARENTAL_REQUIRED),
    dict(status=RequestStatus.NOT_APPROVED, decision=Decision.NOT_APPROVED, permission=None, reason=SHORT_REASON),
    dict(status=RequestStatus.NOT_APPROVED, decision=Decision.NOT_APPROVED, permission=None, reason=MEDIUM_REASON),
], ids=["approved", "with-permission", "not-approved-short", "not-approved-medium"])
def test_a_request_that_fits_the_paper_form_prints_on_one_page(decision) -> None:
    """The paper form is one page; so is its decision, For Office Use Only included, whatever the decision."""
    sheet = make_sheet(**PAPER_FORM_SIZED, **decision)
    [page] = pages_text(render_decision_pdf(sheet))
    assert "For Office Use Only" in page and "page 1 of 1" in page
    assert sheet.reason in page and "Date: December 1, 2026" in page


def test_a_renewal_says_so_under_the_title() -> None:
    renewal = make_sheet(renewal=True, renews_approval_on=date(2023, 11, 20), renews_request="Request 5")
    text = text_of(render_decision_pdf(renewal))
    assert ("STAFF REQUEST FOR APPROVAL OF TECHNOLOGY RESOURCES Renewal of the approval of November 20, 2023 "
            "(Request 5) Before use in the classroom") in text
    imported = text_of(render_decision_pdf(make_sheet(renewal=True)))
    assert "RESOURCES Renewal of an earlier approval Before use" in imported


def test_long_text_flows_onto_further_pages() -> None:
    words = [f"word{i}" for i in range(4000)] + ["ENDMARKER"]
    planned = " ".join(words)
    assert len(planned) > 30_000
    pdf = render_decision_pdf(make_sheet(planned_use=planned))
    pages = pages_text(pdf)
    n = len(pages)
    assert n >= 3
    for i, page in enumerate(pages, 1):
        assert f"Request 12 \u2014 page {i} of {n}" in page
    text = " ".join(pages)
    assert re.findall(r"word\d+|ENDMARKER", text) == words  # every word, in order
    assert f"{TICKED} Approved for use" in text  # the office box comes after it all


def test_huge_unbroken_and_cjk_text_does_not_crash() -> None:
    blob = "x" * 30_000
    sheet = make_sheet(
        resource_description=blob,
        resource_link="https://example.test/" + "a" * 5000,
        planned_use="李小龙山田花子김민준" * 3000,
        status=RequestStatus.NOT_APPROVED,
        decision=Decision.NOT_APPROVED,
        permission=None,
        reason=" ".join(["reason"] * 6000) + " REASONEND",
    )
    pages = pages_text(render_decision_pdf(sheet))
    assert len(pages) > 5
    joined = "".join("".join(pages).split())
    # the unbroken word is split into lines (and the footers come between pages), but all there
    assert sum(len(run) for run in re.findall("x{100,}", joined)) == len(blob)
    assert len(re.findall("[李小龙山田花子김민준]", joined)) == 30_000
    assert "REASONEND" in joined


def test_batch_starts_each_sheet_on_a_new_page() -> None:
    sheets = [
        make_sheet(reference="Request 1"),
        make_sheet(reference="Request 2", planned_use=" ".join(["long"] * 3000), **UNDECIDED),
        make_sheet(reference="Request 3", requester_name="김민준"),
    ]
    pages = pages_text(render_decision_batch(iter(sheets)))
    firsts = [i for i, page in enumerate(pages) if "STAFF REQUEST FOR APPROVAL" in page]
    assert len(firsts) == 3
    for sheet, first in zip(sheets, firsts, strict=True):
        assert pages[first].startswith(f"{sheet.reference} · Status:")
        assert f"{sheet.reference} \u2014 page 1 of" in pages[first]
    # page numbers count within each sheet
    assert "Request 2 \u2014 page 2 of" in pages[firsts[1] + 1]
    assert "Request 3 \u2014 page 1 of" in pages[firsts[2]]
    assert "Name: 김민준" in pages[firsts[2]]


def test_empty_batch_is_an_error() -> None:
    with pytest.raises(ValueError):
        render_decision_batch([])


def test_district_name_with_suffix_is_not_doubled() -> None:
    text = text_of(render_decision_pdf(make_sheet(district_name="Hartford Public Schools")))
    assert "HARTFORD PUBLIC SCHOOLS" in text
    assert "PUBLIC SCHOOLS PUBLIC SCHOOLS" not in text


def test_format_date() -> None:
    assert format_date(date(2026, 11, 23)) == "November 23, 2026"
    assert format_date(date(2027, 1, 5)) == "January 5, 2027"
    assert set(format_date(None)) == {"_"}


# fonts.markup: what reaches the Paragraph parser


def test_markup_escapes_and_breaks_lines() -> None:
    assert fonts.markup("<b>&</para>") == "&lt;b&gt;&amp;&lt;/para&gt;"
    assert fonts.markup("a\r\nb\rc\u2028d") == "a<br/>b<br/>c<br/>d"
    assert fonts.markup("a\tb\x00\x07c") == "a bc"


def test_markup_switches_to_a_font_that_has_the_glyph() -> None:
    assert fonts.markup("Li 李") == 'Li <font name="DroidSansFallbackFull">李</font>'
    assert fonts.markup("김") == '<font name="DroidSansFallback">김</font>'
    # a letter DejaVu Sans Bold lacks but the regular face has
    assert fonts.markup("\U0001d5a0", fonts.BOLD) == '<font name="DejaVuSans">\U0001d5a0</font>'


def test_markup_never_leaves_a_glyph_missing() -> None:
    # an emoji no bundled font has: "?"; invisible format characters no font has: dropped
    assert fonts.markup("ok \U0001f44d\U000e0101\u180e\U000e0001!") == "ok ?!"
    assert fonts.markup("\U0001f600") == "\U0001f600"  # DejaVu has the Emoticons block


def test_every_printed_character_has_a_glyph() -> None:
    sample = "Nguyễn Zoë Łukasz Αθηνά Олена 李小龙 山田花子 김민준 ☒☐ – — “quotes” € ½ \U0001f600"
    for font in (fonts.REGULAR, fonts.BOLD, fonts.OBLIQUE):
        out = fonts.markup(sample, font)
        for face, run in re.findall(r'<font name="([^"]+)">([^<]*)</font>', out):
            assert all(fonts.has_glyph(face, c) for c in run), (face, run)
        plain = re.sub(r"<font[^>]*>[^<]*</font>", "", out)
        assert all(fonts.has_glyph(font, c) for c in plain.replace("&amp;", "&"))


def test_pdf_package_import_does_not_load_reportlab() -> None:
    code = "import sys, techapproval.pdf; assert 'reportlab' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
