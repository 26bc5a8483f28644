"""Reading a district's spreadsheet of approved resources and contracts: encodings, delimiters, title rows,
merged headers, date formats, the column guess, row validation, duplicates and the file to fix."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from techapproval.domain.contracts import Provision
from techapproval.domain.enums import Grade, InfoCategory, Permission
from techapproval.domain.records_import import (
    PROBLEMS_HEADER,
    Existing,
    ImportField,
    Sheet,
    SheetProblem,
    SheetRow,
    column_name,
    decode,
    guess_field,
    guess_mapping,
    parse_date,
    parse_grades,
    parse_information,
    parse_provisions,
    plan_import,
    read_sheet,
    to_fix_csv,
    validate_row,
)

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "import-samples"
TODAY = date(2026, 11, 26)
F = ImportField


def sample(name: str) -> Sheet:
    return read_sheet(name, (SAMPLES / name).read_bytes())


# --- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("2025-08-01", date(2025, 8, 1)),
    ("2025/8/1", date(2025, 8, 1)),
    ("2025-08-01 00:00:00", date(2025, 8, 1)),
    ("8/1/2025", date(2025, 8, 1)),
    ("08/01/2025", date(2025, 8, 1)),
    ("08/01/25", date(2025, 8, 1)),
    ("8-1-2025", date(2025, 8, 1)),
    ("12/31/99", date(1999, 12, 31)),
    ("1-Aug-2025", date(2025, 8, 1)),
    ("01-aug-25", date(2025, 8, 1)),
    ("1 August 2025", date(2025, 8, 1)),
    ("August 1, 2025", date(2025, 8, 1)),
    ("Aug. 1, 2025", date(2025, 8, 1)),
    ("Sept 30 2025", date(2025, 9, 30)),
    ("Friday, August 1, 2025", date(2025, 8, 1)),
    ("August 1st, 2025", date(2025, 8, 1)),
    ("45870", date(2025, 8, 1)),  # Excel's serial number for the day
    ("45870.5", date(2025, 8, 1)),
    (" 8/1/2025 ", date(2025, 8, 1)),
])
def test_dates_in_the_formats_districts_write(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(("text", "reason"), [
    ("13/08/2025", "no month 13"),  # day first: refused, not guessed
    ("2/30/2025", "not a real date"),
    ("next week", "not a date"),
    ("123", "not a date"),  # a small number is not a serial date
    ("Augtober 1, 2025", "not a date"),
])
def test_dates_that_are_refused_say_why(text, reason):
    with pytest.raises(ValueError, match=reason) as refused:
        parse_date(text)
    assert "month first" in str(refused.value)


# --- grades, yes/no, information, provisions -------------------------------------------------------

G = Grade


@pytest.mark.parametrize(("text", "grades", "not_students"), [
    ("K-5", (G.K, G.G1, G.G2, G.G3, G.G4, G.G5), False),
    ("K\u20132", (G.K, G.G1, G.G2), False),
    ("6, 7, 8", (G.G6, G.G7, G.G8), False),
    ("Gr 9-12", (G.G9, G.G10, G.G11, G.G12), False),
    ("9 to 12", (G.G9, G.G10, G.G11, G.G12), False),
    ("Pre-K - 1", (G.PREK, G.K, G.G1), False),
    ("PreK, K", (G.PREK, G.K), False),
    ("3rd", (G.G3,), False),
    ("All grades", tuple(Grade), False),
    ("Staff only", (), True),
    ("N/A", (), True),
    ("", (), False),
])
def test_grades(text, grades, not_students):
    assert parse_grades(text) == (grades, not_students)


@pytest.mark.parametrize("text", ["Grade 13", "5-2", "middle school"])
def test_grades_that_are_refused(text):
    with pytest.raises(ValueError):
        parse_grades(text)


def test_information_by_the_forms_names_and_common_words():
    assert parse_information("First and last name; Email address") == (InfoCategory.FULL_NAME, InfoCategory.EMAIL)
    assert parse_information("names and photos") == (InfoCategory.FULL_NAME, InfoCategory.PHOTOS)
    assert parse_information("None") == (InfoCategory.NONE,)
    with pytest.raises(ValueError, match="shoe size"):
        parse_information("Names, shoe size")
    with pytest.raises(ValueError, match="None"):
        parse_information("None, Email")


@pytest.mark.parametrize(("text", "expected"), [
    ("All", set(Provision)),
    ("P1-P11", set(Provision)),
    ("P1 \u2013 P3, P5", {Provision.P1, Provision.P2, Provision.P3, Provision.P5}),
    ("1, 2, 11", {Provision.P1, Provision.P2, Provision.P11}),
    ("none", set()),
])
def test_provisions(text, expected):
    assert parse_provisions(text) == expected


# --- reading files -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("data", "encoding"), [
    ("App,URL\nCafé,x\n".encode(), "utf-8"),
    (b"\xef\xbb\xbf" + "App,URL\nCafé,x\n".encode(), "utf-8-sig"),
    ("App,URL\nCafé \u2013 O\u2019Brien,x\n".encode("cp1252"), "cp1252"),
    (b"App,URL\nCaf\xe9 \x81,x\n", "latin-1"),  # 0x81 is undefined in cp1252
])
def test_encodings(data, encoding):
    text, found = decode(data)
    assert found == encoding
    assert "Caf\u00e9" in text and not text.startswith("\ufeff")


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_the_delimiter_is_sniffed(delimiter):
    data = delimiter.join(["App", "Website", "Grades"]) + "\r\n" + delimiter.join(["Kahoot!", "kahoot.com", "3-5"])
    sheet = read_sheet("list.csv", data.encode())
    assert sheet.headers == ("App", "Website", "Grades")
    assert sheet.rows == (SheetRow(2, ("Kahoot!", "kahoot.com", "3-5")),)


def test_the_clean_sample():
    sheet = sample("approved-resources-clean.csv")
    assert sheet.header_row == 1 and len(sheet.rows) == 6
    assert [r.number for r in sheet.rows] == [2, 3, 4, 5, 6, 7]
    assert set(guess_mapping(sheet.headers).values()) == set(ImportField) - {F.STARTS_ON}


def test_the_messy_sample_title_row_encoding_and_blanks():
    sheet = sample("approved-resources-messy.csv")
    assert sheet.encoding == "cp1252"
    assert sheet.header_row == 3  # below the title row and a blank row
    assert sheet.headers[2] == "What it\u2019s for"  # a curly apostrophe from Windows-1252
    assert len(sheet.headers) == 11  # the trailing blank columns are gone
    assert [r.number for r in sheet.rows] == list(range(4, 13))  # the trailing blank rows too
    assert sheet.rows[0].cells[0] == "Caf\u00e9 Fran\u00e7ais"
    mapping = guess_mapping(sheet.headers)
    assert mapping == {0: F.RESOURCE_NAME, 1: F.LINK, 2: F.DESCRIPTION, 3: F.GRADES, 4: F.PERMISSION,
                       5: F.CONTRACTOR, 6: F.PURPOSE, 7: F.INFORMATION, 8: F.EXECUTED_ON, 9: F.EXPIRES_ON,
                       10: F.STATE_ADDENDUM}


def test_the_xlsx_sample_with_merged_headers():
    sheet = sample("approved-resources-merged.xlsx")
    assert sheet.sheet_name == "Approved apps"
    assert sheet.header_row == 3  # below the merged title and the merged group row
    assert sheet.headers[-1] == "Data shared"  # merged down from the group row
    assert [r.number for r in sheet.rows] == [4, 5, 6]
    nearpod, book_creator, scratch = sheet.rows
    assert nearpod.cells[7] == "2025-08-01"  # a date cell
    assert book_creator.cells[7] == "45870"  # a serial number in a number cell
    assert scratch.cells[7] == "Aug 1, 2025"  # a date typed as text
    plan = plan_import(sheet, guess_mapping(sheet.headers), Existing(), TODAY)
    assert plan.valid
    assert {r.contract.executed_on for r in plan.records} == {date(2025, 8, 1)}


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("list.csv", b"", "no rows"),
    ("list.csv", b",,,\n,,,\n", "no rows"),
    ("list.xlsx", b"PK\x03\x04 not really a zip", "could not be read"),
    ("list.xls", b"\xd0\xcf\x11\xe0 an old Excel file", "not an Excel workbook"),
])
def test_files_that_cannot_be_read(name, data, reason):
    with pytest.raises(SheetProblem, match=reason):
        read_sheet(name, data)


# --- the column guess ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("header", "field"), [
    ("App", F.RESOURCE_NAME), ("Application", F.RESOURCE_NAME), ("Tool name", F.RESOURCE_NAME),
    ("URL", F.LINK), ("Website", F.LINK), ("Vendor", F.CONTRACTOR), ("Company", F.CONTRACTOR),
    ("Signed", F.EXECUTED_ON), ("Date signed", F.EXECUTED_ON), ("Date Signed (mm/dd/yyyy)", F.EXECUTED_ON),
    ("Expires", F.EXPIRES_ON), ("End date", F.EXPIRES_ON), ("Grade(s)", F.GRADES),
    ("Parent permission?", F.PERMISSION), ("CT addendum", F.STATE_ADDENDUM), ("Notes", None), ("", None),
])
def test_header_names(header, field):
    assert guess_field(header) is field


def test_each_field_is_guessed_once_an_exact_name_first():
    assert guess_mapping(["Vendor website", "Website", "Vendor", "Company"]) == {1: F.LINK, 2: F.CONTRACTOR}


# --- rows ---------------------------------------------------------------------------------------------

HEADERS = ("App", "Website", "Permission", "Grades", "Vendor", "Purpose", "Description", "Data shared", "Signed",
           "Expires")
MAPPING = guess_mapping(HEADERS)


def row(number=2, **cells) -> SheetRow:
    values = dict(App="Kahoot!", Website="kahoot.com", Permission="no", Grades="3-5", Vendor="", Purpose="",
                  Description="Quizzes", **{"Data shared": "", "Signed": "", "Expires": ""})
    values.update({k.replace("_", " "): v for k, v in cells.items()})
    return SheetRow(number, tuple(values[h] for h in HEADERS))


def test_a_resource_row():
    record = validate_row(row(), HEADERS, MAPPING, TODAY)
    assert record.resource.link == "https://kahoot.com" and record.resource.permission is Permission.NONE_REQUIRED
    assert record.resource.grades == (G.G3, G.G4, G.G5) and record.contract is None


def test_a_row_with_its_contract():
    record = validate_row(row(Vendor="Kahoot! ASA", Purpose="Quizzes.", Data_shared="Names", Signed="8/1/2025",
                              Expires="7/31/2027"), HEADERS, MAPPING, TODAY)
    assert record.contract.contractor == "Kahoot! ASA" and record.contract.executed_on == date(2025, 8, 1)
    assert record.contract.information == (InfoCategory.FULL_NAME,)


@pytest.mark.parametrize(("cells", "column", "reason"), [
    ({"App": "", "Vendor": ""}, "App", "resource name is empty"),
    ({"Website": "not a link"}, "Website", "spaces"),
    ({"Permission": ""}, "Permission", "yes or no"),
    ({"Permission": "maybe"}, "Permission", "yes or no"),
    ({"Grades": "Grade 13"}, "Grades", "not a grade"),
    ({"App": "", "Vendor": "Kahoot! ASA"}, "Signed", "date the contract was signed"),
    ({"Vendor": "Kahoot! ASA", "Signed": "1/1/2099"}, "Signed", "future"),
    ({"Vendor": "Kahoot! ASA", "Signed": "8/1/2025", "Expires": "7/1/2025"}, "Expires", "before it was signed"),
    ({"Signed": "8/1/2025", "Purpose": "x", "Data_shared": "None"}, "Vendor", "Name the contractor"),
])
def test_problems_name_the_row_and_column(cells, column, reason):
    problems = validate_row(row(7, **cells), HEADERS, MAPPING, TODAY)
    assert isinstance(problems, list)
    assert any(p.row == 7 and p.column == column and reason in p.reason for p in problems), problems


def test_a_contract_without_purpose_description_or_data_is_imported_with_details_to_complete():
    record = validate_row(row(Vendor="Kahoot! ASA", Signed="8/1/2025", Description=""), HEADERS, MAPPING, TODAY)
    assert record.contract.contractor == "Kahoot! ASA" and record.contract.executed_on == date(2025, 8, 1)
    assert record.contract.to_complete == ("purpose", "brief description", "student information it may collect")
    given = validate_row(row(Vendor="Kahoot! ASA", Signed="8/1/2025", Purpose="Quizzes.", Data_shared="None"),
                         HEADERS, MAPPING, TODAY)
    assert given.contract.to_complete == ()


def test_a_vendor_without_a_signing_date_imports_the_resource_with_no_contract():
    plan = plan_import(sheet_of(row(2, Vendor="Kahoot! ASA", Expires="7/31/2027")), MAPPING, Existing(), TODAY)
    assert plan.valid and [r.row for r in plan.records] == [2]
    assert plan.records[0].resource.name == "Kahoot!" and plan.records[0].contract is None
    [notice] = [n for n in plan.notices if n.row == 2]
    assert not notice.skipped and "No date signed for the contract with Kahoot! ASA" in notice.reason


# --- the file as a whole ------------------------------------------------------------------------------


def sheet_of(*rows: SheetRow) -> Sheet:
    return Sheet(HEADERS, rows, 1)


def test_an_exact_repeat_is_skipped_and_a_different_one_is_a_problem():
    plan = plan_import(sheet_of(row(2), row(3), row(4, Grades="K-2")), MAPPING, Existing(), TODAY)
    assert [r.row for r in plan.records] == [2]
    assert [(n.row, n.skipped) for n in plan.notices] == [(3, True)] and "Repeats row 2" in plan.notices[0].reason
    assert [(p.row, p.column) for p in plan.problems] == [(4, "App")] and "Row 2" in plan.problems[0].reason


def test_a_resource_already_approved_is_skipped_not_an_error():
    existing = Existing(resource_links={"kahoot.com": "Kahoot"})
    plan = plan_import(sheet_of(row(2, App="Kahoot! quizzes")), MAPPING, existing, TODAY)
    assert plan.valid and plan.records == ()
    assert plan.notices[0].skipped and "Kahoot is already an approved resource" in plan.notices[0].reason


def test_rows_sharing_one_contract_and_rows_that_disagree_about_it():
    contract = dict(Vendor="Google LLC", Purpose="Work.", Data_shared="Names", Signed="7/1/2024")
    plan = plan_import(sheet_of(row(2, App="Classroom", Website="classroom.google.com", **contract),
                                row(3, App="Docs", Website="docs.google.com", **contract),
                                row(4, App="Slides", Website="slides.google.com", Expires="1/1/2030", **contract)),
                       MAPPING, Existing(), TODAY)
    assert [r.row for r in plan.records] == [2, 3]
    assert plan.counts()["contracts"] == 1
    assert plan.problems[0].row == 4 and "other details" in plan.problems[0].reason


def test_a_contract_already_in_the_registry_is_used_not_added():
    existing = Existing(contracts={("google llc", date(2024, 7, 1)): 9})
    contract = dict(Vendor="Google LLC", Purpose="Work.", Data_shared="Names", Signed="7/1/2024")
    plan = plan_import(sheet_of(row(2, App="Classroom", Website="classroom.google.com", **contract)), MAPPING,
                       existing, TODAY)
    assert plan.valid and not plan.notices[0].skipped and "already in the registry" in plan.notices[0].reason


def test_a_mapping_without_a_name_column():
    plan = plan_import(sheet_of(row()), {1: F.LINK, 2: F.LINK}, Existing(), TODAY)
    assert not plan.valid and plan.records == ()
    assert [p.row for p in plan.problems] == [0, 0]


def test_the_messy_sample_plan():
    sheet = sample("approved-resources-messy.csv")
    plan = plan_import(sheet, guess_mapping(sheet.headers), Existing(resource_names={"padlet": "Padlet"}), TODAY)
    assert [r.row for r in plan.records] == [4, 5, 6, 7]
    assert [r.contract.executed_on for r in plan.records] == [date(2025, 8, 1)] * 4  # four formats, one day
    assert plan.skipped_rows == (8, 9)  # the repeat of row 7; Padlet, already approved
    assert plan.invalid_rows == (10, 11, 12)
    assert {(p.row, p.column) for p in plan.problems} == {
        (10, "Date Signed (mm/dd/yyyy)"), (11, "Parent permission?"), (12, "Grade(s)")}


def test_the_first_week_sample_imports_every_row_with_its_contract_to_complete():
    """A district's own sheet: app, website, grades, permission, vendor, DPA signed, expiry; nothing else."""
    sheet = sample("approved-resources-first-week.csv")
    mapping = guess_mapping(sheet.headers)
    assert set(mapping.values()) == {F.RESOURCE_NAME, F.LINK, F.GRADES, F.PERMISSION, F.CONTRACTOR, F.EXECUTED_ON,
                                     F.EXPIRES_ON}
    plan = plan_import(sheet, mapping, Existing(), TODAY)
    assert plan.valid and len(plan.records) == 5
    counts = plan.counts()
    assert (counts["resources"], counts["contracts"], counts["to_complete"], counts["invalid"]) == (5, 4, 4, 0)
    kahoot = plan.records[0].contract
    assert (kahoot.contractor, kahoot.executed_on, kahoot.expires_on) == ("Kahoot! ASA", date(2025, 8, 1),
                                                                          date(2027, 7, 31))
    to_complete = [n for n in plan.notices if "details to complete" in n.reason]
    assert [n.row for n in to_complete] == [2, 3, 4, 6]  # Google's one contract, said once (row 4)
    # No approval date in the sheet: said once, for the whole file.
    [undated] = plan.remarks
    assert "5 resource(s) have no approval date" in undated and "day of the import" in undated


def test_an_approval_date_column_is_kept_and_its_blank_cells_said():
    headers = ("App", "Permission", "Date approved")
    mapping = guess_mapping(headers)
    assert mapping[2] is F.APPROVED_ON
    sheet = Sheet(headers, (SheetRow(2, ("Kahoot!", "no", "9/2/2025")), SheetRow(3, ("Seesaw", "yes", ""))), 1)
    plan = plan_import(sheet, mapping, Existing(), TODAY)
    assert [r.resource.approved_on for r in plan.records] == [date(2025, 9, 2), None]
    assert plan.remarks[0].startswith("1 resource(s) have no approval date in the sheet")


def test_a_file_already_imported_is_nothing_new_not_a_failure():
    sheet = sample("approved-resources-first-week.csv")
    names = {"kahoot": "Kahoot!", "seesaw": "Seesaw", "google classroom": "Google Classroom",
             "google docs": "Google Docs", "newsela": "Newsela"}
    plan = plan_import(sheet, guess_mapping(sheet.headers), Existing(resource_names=names), TODAY)
    assert plan.nothing_new and plan.valid and plan.records == ()
    assert plan.already_rows == (2, 3, 4, 5, 6)
    assert (plan.counts()["already"], plan.counts()["repeats"]) == (5, 0)
    fresh = plan_import(sheet, guess_mapping(sheet.headers), Existing(), TODAY)
    assert not fresh.nothing_new


def test_the_file_to_fix_has_the_rows_left_out_and_why():
    sheet = sample("approved-resources-messy.csv")
    plan = plan_import(sheet, guess_mapping(sheet.headers), Existing(), TODAY)
    data = to_fix_csv(plan)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == [*sheet.headers, PROBLEMS_HEADER]
    assert [r[0] for r in rows[1:]] == ["Prodigy Math", "Epic!", "Typing Club"]
    assert rows[1][-1].startswith("Row 10: Date Signed (mm/dd/yyyy): 13/08/2025")
    again = read_sheet("to-fix.csv", data)  # the file to fix reads back as it was written
    assert again.headers == (*sheet.headers, PROBLEMS_HEADER) and len(again.rows) == 3


@pytest.mark.parametrize(("index", "name"), [(0, "App"), (1, "Column B"), (25, "Column Z"), (26, "Column AA"),
                                             (701, "Column ZZ"), (702, "Column AAA"), (-1, "")])
def test_a_column_without_a_header_is_named_by_its_spreadsheet_letter(index, name):
    assert column_name(["App", ""], index) == name
