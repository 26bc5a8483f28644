"""The IEP/504 evidence packet, read back with pypdf: what a parent would get on paper."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, date, datetime

from pypdf import PdfReader

from techapproval.domain.contracts import ComplianceState, ComplianceStatus
from techapproval.domain.exceptions import Condition, Plan, exception_status, required_conditions
from techapproval.pdf.evidence import NO_FILE, NOT_MET, render_evidence_packet
from techapproval.services.exceptions import ConditionView, ExceptionView

SHA_A = "a" * 63 + "1"
SHA_B = "0123456789abcdef" * 4
DISTRICT = {"district_name": "Wethersfield", "town": "Wethersfield"}


def make_view(plan: Plan = Plan.IEP, **overrides) -> ExceptionView:
    dated = {Condition.FERPA_HIPAA: date(2026, 10, 5), Condition.REASONABLE_EFFORT: date(2026, 10, 20),
             Condition.OPERATOR_COMPLIES: date(2026, 10, 21), Condition.PARENT_SIGNATURE: date(2026, 11, 2)}
    files = {Condition.REASONABLE_EFFORT: ("effort-log.pdf", SHA_A, 48_213),
             Condition.PARENT_SIGNATURE: ("signed agreement.pdf", SHA_B, 512)}
    conditions = tuple(ConditionView(c, dated.get(c), *files.get(c, (None, None, None)))
                       for c in required_conditions(plan))
    values = dict(
        id=3, case_reference="IEP-2026-014", plan=plan, resource_id=9, resource_name="Proloquo2Go",
        resource_link="https://www.assistiveware.com", notes="Vendor declined the state addendum on 2026-10-12.",
        conditions=conditions,
        status=exception_status(plan, {c.condition: c.met_on for c in conditions},
                                {c.condition for c in conditions if c.document_sha256}),
        resource_status=ComplianceStatus(ComplianceState.EXCEPTION_INCOMPLETE, "x"),
        created_at=datetime(2026, 10, 1, tzinfo=UTC), version=4,
    )
    values.update(overrides)
    return ExceptionView(**values)


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def fonts_of(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return names


def test_packet_lists_each_condition_with_its_date_and_evidence():
    pdf = render_evidence_packet(make_view(), DISTRICT, printed_on=date(2026, 11, 25))
    assert pdf.startswith(b"%PDF")
    text = text_of(pdf)
    assert "WETHERSFIELD PUBLIC SCHOOLS" in text
    assert "Technology resource: Proloquo2Go" in text
    assert "Link: https://www.assistiveware.com" in text
    assert "Plan: IEP (individualized education program)" in text
    assert "Case reference: IEP-2026-014" in text
    assert "Prepared: November 25, 2026" in text
    assert "Incomplete: 4 of 5 conditions met; missing Planning and placement team member signed" in text
    # In the policy's order, each with its date or "not met", its file and checksum.
    positions = [text.index(f"{n}. {c.label}") for n, c in enumerate(Condition, start=1)]
    assert positions == sorted(positions)
    effort = text[positions[1]:positions[2]]
    assert "Met on: October 20, 2026" in effort
    assert "Evidence file: effort-log.pdf (47 KB)" in effort
    assert f"SHA-256: {SHA_A}" in effort
    parent = text[positions[3]:positions[4]]
    assert "Met on: November 2, 2026" in parent
    assert f"Evidence file: signed agreement.pdf (512 bytes) SHA-256: {SHA_B}" in parent
    ppt = text[positions[4]:]
    assert f"Met on: {NOT_MET}" in ppt and f"Evidence file: {NO_FILE}" in ppt
    assert f"Evidence file: {NO_FILE}" in text[positions[0]:positions[1]]
    assert "Notes on the record Vendor declined the state addendum on 2026-10-12." in text
    assert "page 1" in text


def test_a_504_plan_has_no_ppt_condition():
    text = text_of(render_evidence_packet(make_view(Plan.SECTION_504), DISTRICT))
    assert "Plan: Section 504 plan" in text
    assert "planning and placement team" not in text
    assert f"4. {Condition.PARENT_SIGNATURE.label}" in text
    assert "Complete: all 4 conditions met" in text


def test_hostile_text_prints_literally():
    view = make_view(case_reference="<b>IEP</b>-1 & </para>", resource_name='<font name="x">Tool</font>',
                     resource_link='https://x.test/?a=1&b="2"', notes="&amp; <script>alert(1)</script>")
    conditions = tuple(replace(c, document_name="<i>scan</i>&.pdf") if c.document_sha256 else c
                       for c in view.conditions)
    text = text_of(render_evidence_packet(replace(view, conditions=conditions), {"district_name": "<br/>",
                                                                                 "town": "A & B"}))
    assert "Case reference: <b>IEP</b>-1 & </para>" in text
    assert 'Technology resource: <font name="x">Tool</font>' in text
    assert 'Link: https://x.test/?a=1&b="2"' in text
    assert "&amp; <script>alert(1)</script>" in text
    assert "Evidence file: <i>scan</i>&.pdf" in text
    assert "<BR/> PUBLIC SCHOOLS" in text and "A & B, Connecticut" in text


def test_cjk_and_hangul_names_read_back():
    view = make_view(resource_name="学习工具 한글 app")
    conditions = tuple(replace(c, document_name="同意书.pdf") if c.document_sha256 else c for c in view.conditions)
    pdf = render_evidence_packet(replace(view, conditions=conditions), DISTRICT)
    text = text_of(pdf)
    assert "Technology resource: 学习工具 한글 app" in text
    assert "Evidence file: 同意书.pdf" in text
    assert {"DejaVuSans", "DejaVuSans-Bold", "DroidSansFallbackFull", "DroidSansFallback"} <= fonts_of(pdf)
