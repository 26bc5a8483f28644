"""The incident report and the letter to families, read back with pypdf: what is on paper."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime

from pypdf import PdfReader

from techapproval.domain.calendar import BusinessCalendar
from techapproval.domain.incidents import IncidentForm, Involves, incident_timeline
from techapproval.pdf.incident import format_date, render_incident_report, render_parent_notification
from techapproval.services.incidents import IncidentView

D = date.fromisoformat
AS_OF = D("2027-02-18")
DISTRICT = {"district_name": "Wethersfield", "town": "Wethersfield", "approver_title": "Technology Coordinator",
            "contracts_website": "https://wethersfield.example/contracts"}


def make_view(on: date = AS_OF, contractor: str = "Acme Learning", **overrides) -> IncidentView:
    values = dict(contractor_id=3, contract_id=5, discovered_on=D("2027-01-11"),
                  involves=frozenset({Involves.STUDENT_INFORMATION, Involves.STUDENT_GENERATED_CONTENT}),
                  students_affected=1234, description="A misconfigured export exposed class rosters and essays.",
                  board_notified_on=D("2027-02-12"), parents_notified_on=None, website_posted_on=D("2027-02-16"))
    values.update(overrides)
    form = IncidentForm(**values)
    facts = form.facts()
    at = datetime(2027, 2, 13, 3, 0, tzinfo=UTC)  # still Fri 12 Feb in Connecticut
    return IncidentView(7, 3, contractor, 5, "Data privacy agreement (executed Mon 1 Sep 2025)", form, facts,
                        incident_timeline(facts, on, BusinessCalendar()), on, at, at, 2)


def pages_text(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def text_of(pdf: bytes) -> str:
    return " ".join(pages_text(pdf))


def test_report_has_the_facts_and_the_timeline():
    pdf = render_incident_report(make_view(), DISTRICT)
    assert pdf.startswith(b"%PDF")
    assert PdfReader(io.BytesIO(pdf)).metadata.title == "Breach of security: Incident 7"
    text = text_of(pdf)
    for expected in [
        "Incident 7 · as of Thu 18 Feb 2027",
        "WETHERSFIELD PUBLIC SCHOOLS",
        "Wethersfield, Connecticut",
        "REPORT OF A BREACH OF SECURITY AT A CONTRACTOR",
        "Contractor: Acme Learning",
        "Contract: Data privacy agreement (executed Mon 1 Sep 2025)",
        "Discovered by the contractor: Mon 11 Jan 2027",
        "Students affected: 1,234",
        "Student information (other than directory information)",
        "Student-generated content",
        "Contractor's notice period: 30 days from discovery",
        "Overdue: the Board must notify the affected students and parents; it was due Wed 17 Feb 2027.",
        "late by 2 days",  # the contractor's notice, received Fri 12 Feb
        "overdue since Thu 18 Feb 2027",  # the families
        "What happened",
        "A misconfigured export exposed class rosters and essays.",
        "Breach report \u2014 Incident 7 \u2014 page 1 of 1",
        "Recorded Fri 12 Feb 2027",  # the local date, not UTC's Saturday
    ]:
        assert expected in text, expected
    assert "Directory information" not in text and "Student records" not in text
    # the three steps, in order, each with its due date
    assert re.search(r"Contractor's notice to the Board .*Wed 10 Feb 2027.*Fri 12 Feb 2027.*late by 2 days", text)
    assert re.search(r"Notice to affected students and parents .*Wed 17 Feb 2027 Not recorded .*overdue", text)
    assert re.search(r"Notice posted on the district website .*Wed 17 Feb 2027 Tue 16 Feb 2027 .*on time", text)


def test_report_of_an_incident_still_waiting_for_the_contractor():
    view = make_view(on=D("2027-01-20"), involves=frozenset({Involves.DIRECTORY_INFORMATION}), students_affected=None,
                     board_notified_on=None, website_posted_on=None, contract_id=None)
    view = replace(view, contract_label=None)
    text = text_of(render_incident_report(view, DISTRICT))
    assert "Contract: None recorded" in text
    assert "Students affected: Not known yet" in text
    assert "Contractor's notice period: 60 days from discovery" in text
    assert "due Fri 12 Mar 2027" in text
    assert "waiting for the contractor's notice" in text


def test_letter_tells_families_what_they_need_and_names_no_student():
    view = make_view(parents_notified_on=D("2027-02-16"))
    pdf = render_parent_notification(view, DISTRICT, contact="Rita Reviewer, Technology Coordinator, "
                                     "rita@wethersfield.example", dated=D("2027-02-16"))
    text = text_of(pdf)
    for expected in [
        "WETHERSFIELD PUBLIC SCHOOLS",
        "February 16, 2027",
        "Notice of a breach of security involving student data",
        "Dear parent or guardian, and student,",
        "breach of security at Acme Learning",
        "Wethersfield Board of Education",
        "section 10-234dd",
        "What happened",
        "Acme Learning discovered the breach on January 11, 2027.",
        "Acme Learning notified the district of the breach on February 12, 2027.",
        "A misconfigured export exposed class rosters and essays.",
        "What data was involved",
        "Student information (other than directory information):",
        "Student-generated content: work students created",
        "What the district is doing",
        "A notice of this breach is posted on the district's website.",
        "Whom to contact",
        "please contact Rita Reviewer, Technology Coordinator, rita@wethersfield.example.",
        "at https://wethersfield.example/contracts",
        "Sincerely,",
        "Wethersfield Public Schools",
    ]:
        assert expected in text, expected
    assert "Directory information:" not in text and "Student records:" not in text
    assert "1,234" not in text and "Incident 7" not in text  # the letter is the same for every family


def test_letter_without_a_contact_names_the_approver_and_without_a_website_says_none():
    district = {**DISTRICT, "contracts_website": "", "district_name": "Hartford Public Schools"}
    view = make_view(website_posted_on=None)
    text = text_of(render_parent_notification(view, district))
    assert "please contact the district's Technology Coordinator." in text
    assert "will be posted on the district's website" in text
    assert "lists its contracts" not in text
    assert "HARTFORD PUBLIC SCHOOLS" in text and "PUBLIC SCHOOLS PUBLIC SCHOOLS" not in text
    assert format_date(view.as_of) in text  # dated the day the timeline is for


def test_user_text_is_printed_literally():
    hostile = "<b>&</para>"
    view = make_view(contractor="<i>Acme</i> & Co", description=f"Rosters {hostile} &amp; <script>")
    for pdf in (render_incident_report(view, {**DISTRICT, "district_name": "<font name=x>"}),
                render_parent_notification(view, DISTRICT, contact=hostile)):
        text = text_of(pdf)
        assert f"Rosters {hostile} &amp; <script>" in text
        assert "<i>Acme</i> & Co" in text
    assert "<FONT NAME=X> PUBLIC SCHOOLS" in text_of(render_incident_report(view, {**DISTRICT,
                                                                                   "district_name": "<font name=x>"}))
    assert f"please contact {hostile}." in text


def test_names_in_any_script_are_printed():
    view = make_view(contractor="Zoë Łukasz Learning", description="Reported by 李小龙 of the vendor's staff.")
    for pdf in (render_incident_report(view, DISTRICT), render_parent_notification(view, DISTRICT)):
        text = text_of(pdf)
        assert "Zoë Łukasz Learning" in text
        assert "李小龙" in text


def test_long_description_flows_onto_further_pages():
    words = [f"word{i}" for i in range(4000)] + ["ENDMARKER"]
    view = make_view(description=" ".join(words))
    for pdf, footer in ((render_incident_report(view, DISTRICT), "Breach report \u2014 Incident 7"),
                        (render_parent_notification(view, DISTRICT), "Wethersfield Public Schools \u2014 Notice")):
        pages = pages_text(pdf)
        n = len(pages)
        assert n >= 3
        for i, page in enumerate(pages, 1):
            assert footer in page and f"page {i} of {n}" in page
        assert re.findall(r"word\d+|ENDMARKER", " ".join(pages)) == words


def test_importing_the_service_does_not_load_reportlab():
    code = "import sys, techapproval.services.incidents; assert 'reportlab' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
