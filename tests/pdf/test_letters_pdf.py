"""The letters to families, read back with pypdf: what a parent would read on paper."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from techapproval.domain.enums import Answer, Decision, Grade, InfoCategory, Permission, RequestStatus
from techapproval.domain.letters import Language
from techapproval.pdf.letters import render_annual_notice_letter, render_permission_letter
from techapproval.services.requests import RequestDetail
from tests.helpers import complete_form

TEACHER = "Nguy\u1ec5n Th\u1ecb \u00c1nh"
HOSTILE = "<b>&</para>"
SETTINGS = {
    "district_name": "Riverside Public Schools",
    "town": "Riverside",
    "approver_title": "Technology Coordinator/Principal",
    "contracts_website": "https://riverside.example/contracts",
}
WHEN = datetime(2026, 11, 2, 15, 0, tzinfo=UTC)


def detail(**overrides) -> RequestDetail:
    form = complete_form(
        resource_name=f"Padlet {HOSTILE}", grades=[Grade.K, Grade.G1], student_accounts=Answer.YES,
        information_shared=[InfoCategory.FULL_NAME, InfoCategory.PHOTOS],
        who_has_access="Students of Room 12 & their teacher.",
    )
    values = dict(
        id=7, version=3, status=RequestStatus.APPROVED, requester_id=2, requester_name=TEACHER,
        requester_position="Grade 1 teacher", form=form, created_at=WHEN, submitted_at=WHEN,
        decision=Decision.APPROVED, permission=Permission.PARENTAL_REQUIRED, reason="", decided_by="Rita Reviewer",
        decided_at=WHEN, messages=(), history=(), actions=(), catalog_resource_id=1,
    )
    values.update(overrides)
    return RequestDetail(**values)


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def letter(language: Language, return_by: date | None = date(2026, 11, 25), **overrides) -> str:
    pdf = render_permission_letter(detail(**overrides), SETTINGS, language, return_by, on=date(2026, 11, 2))
    assert pdf.startswith(b"%PDF")
    return text_of(pdf)


def test_english_letter_says_what_how_which_information_who_and_has_a_slip() -> None:
    text = letter(Language.EN)
    for expected in [
        "November 2, 2026",
        "RIVERSIDE PUBLIC SCHOOLS",  # "Public Schools" typed in the setting is not doubled
        f"Notification and request for permission: Padlet {HOSTILE}",
        f"{TEACHER} would like to use",
        "What the resource is", "Game-based quizzes for review sessions.", "Link: https://kahoot.com",
        "Grade(s): K, 1",
        "How it will be used", "Weekly vocabulary review games in class.", "Students will sign up for an account.",
        "Students will not need to download an application.",
        "Information it shares", "\u2022 First and last name", "\u2022 Photos", "First names only as nicknames.",
        "Who has access", "Students of Room 12 & their teacher.",
        "Requesting staff member", f"{TEACHER}, Grade 1 teacher",
        "https://riverside.example/contracts",
        f"return it to {TEACHER} by November 25, 2026.",
        "Please cut here and return this part",
        f"\u2610 I give permission for my child to use Padlet {HOSTILE}.",
        f"\u2610 I do not give permission for my child to use Padlet {HOSTILE}.",
        "Student's name:", "Parent/guardian signature:", "Date:", "Please return by November 25, 2026.",
    ]:
        assert expected in text, expected
    assert "PUBLIC SCHOOLS PUBLIC SCHOOLS" not in text


def test_spanish_letter_is_in_spanish() -> None:
    text = letter(Language.ES)
    for expected in [
        "2 de noviembre de 2026",
        "ESCUELAS P\u00daBLICAS DE RIVERSIDE",
        f"Aviso y solicitud de permiso: Padlet {HOSTILE}",
        f"{TEACHER} desea usar",
        "Qu\u00e9 es el recurso", "C\u00f3mo se usar\u00e1", "Informaci\u00f3n que comparte", "Qui\u00e9n tiene acceso",
        "Grado(s): K\u00ednder, 1",
        "\u2022 Nombre y apellido", "\u2022 Fotos",
        "Los estudiantes tendr\u00e1n que crear una cuenta.",
        "a m\u00e1s tardar el 25 de noviembre de 2026",
        f"\u2610 Doy permiso para que mi hijo o hija use Padlet {HOSTILE}.",
        f"\u2610 No doy permiso para que mi hijo o hija use Padlet {HOSTILE}.",
        "Nombre del estudiante:", "Firma del padre, madre o tutor:", "Fecha:",
        # Quoted from the request as typed, and the letter says so.
        "Weekly vocabulary review games in class.", "pueden estar en ingl\u00e9s",
    ]:
        assert expected in text, expected
    for english in ("How it will be used", "Information it shares", "Who has access", "I give permission",
                    "November", "First and last name", "Parent/guardian signature"):
        assert english not in text, english


def test_pdf_declares_its_language_and_title() -> None:
    pdf = render_permission_letter(detail(), SETTINGS, Language.ES, None, on=date(2026, 11, 2))
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == "es"
    assert reader.metadata.title == f"Aviso y permiso para padres o tutores: Padlet {HOSTILE}"


def test_hostile_text_prints_literally_everywhere() -> None:
    form = complete_form(resource_name=HOSTILE, resource_description=f"{HOSTILE} <font size=40>big</font>",
                         planned_use="a < b & c > d", information_details="</para><para>")
    text = letter(Language.EN, form=form, requester_name=f"{TEACHER} {HOSTILE}")
    assert f"{HOSTILE} <font size=40>big</font>" in text
    assert "a < b & c > d" in text and "</para><para>" in text
    assert f"{TEACHER} {HOSTILE} would like to use" in text


def test_without_a_return_date_the_letter_asks_for_no_date() -> None:
    text = letter(Language.EN, return_by=None)
    assert f"return it to {TEACHER}." in text
    assert "Please return by" not in text and "November 25" not in text
    assert "devu\u00e9lvaselo a " + TEACHER + "." in letter(Language.ES, return_by=None)


def test_no_contracts_website_leaves_its_sentence_out() -> None:
    pdf = render_permission_letter(detail(), {**SETTINGS, "contracts_website": ""}, Language.EN, None)
    text = text_of(pdf)
    assert "lists its contracts" not in text
    assert "Padlet" in text


@pytest.mark.parametrize("overrides", [
    dict(permission=Permission.NONE_REQUIRED),
    dict(status=RequestStatus.SUBMITTED, decision=None, permission=None, decided_by="", decided_at=None),
    dict(status=RequestStatus.NOT_APPROVED, decision=Decision.NOT_APPROVED, permission=None, reason="No."),
])
def test_refused_unless_approved_with_parental_permission_required(overrides) -> None:
    with pytest.raises(ValueError, match="parental notification and permission"):
        render_permission_letter(detail(**overrides), SETTINGS, Language.EN, None)


def test_annual_notice_letter_in_both_languages() -> None:
    english = text_of(render_annual_notice_letter(SETTINGS, 2026, Language.EN, on=date(2026, 8, 10)))
    for expected in ["August 10, 2026", "RIVERSIDE PUBLIC SCHOOLS", "for the 2026\u201327 school year",
                     "https://riverside.example/contracts", "10-234bb", "Riverside Board of Education",
                     "Technology Coordinator/Principal"]:
        assert expected in english, expected
    spanish = text_of(render_annual_notice_letter(SETTINGS, 2026, Language.ES, on=date(2026, 8, 10)))
    for expected in ["10 de agosto de 2026", "ESCUELAS P\u00daBLICAS DE RIVERSIDE",
                     "para el a\u00f1o escolar 2026\u201327", "https://riverside.example/contracts",
                     "Junta de Educaci\u00f3n de Riverside"]:
        assert expected in spanish, expected
    assert "school year" not in spanish


def test_annual_notice_letter_needs_the_website() -> None:
    with pytest.raises(ValueError, match="contracts web page"):
        render_annual_notice_letter({**SETTINGS, "contracts_website": " "}, 2026, Language.EN)


def test_long_request_text_runs_onto_more_pages_without_losing_the_slip() -> None:
    long_use = " ".join(f"Step {i}: students post a short reflection." for i in range(300))
    pdf = render_permission_letter(detail(form=replace(complete_form(), planned_use=long_use)), SETTINGS,
                                   Language.EN, date(2026, 11, 25))
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) >= 3
    assert "Step 299: students post a short reflection." in " ".join(pages)
    slip_pages = [i for i, page in enumerate(pages) if "I give permission" in page]
    assert len(slip_pages) == 1 and "Please return by November 25, 2026." in pages[slip_pages[0]]
    assert "Parent/guardian signature:" in pages[slip_pages[0]]  # the slip is not split across pages
    assert f"Page {len(pages)}" in pages[-1]
