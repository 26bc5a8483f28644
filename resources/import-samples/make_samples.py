"""Write the sample spreadsheets for File → Import approved resources and contracts (and its tests).

    uv run python resources/import-samples/make_samples.py

- approved-resources-clean.csv: UTF-8, the header on the first line, ISO dates; every row imports.
- approved-resources-messy.csv: what a district's own list looks like after years in Excel: saved as
  Windows-1252 ("CSV" from Excel on Windows), semicolon-separated, a title row and a blank row above
  the header, odd header names, dates in five formats (one an Excel serial number), an exact duplicate
  row, a resource already approved in the demo data's catalog (Padlet), three rows with problems, and
  trailing blank rows and columns.
- approved-resources-first-week.csv: the sheet a district typically keeps before it has the app: app,
  website, grades, permission, vendor, the date its data privacy agreement was signed and its expiry; no
  purpose, description, student information or approval date. Every row imports; the contracts are marked
  as details to complete.
- approved-resources-merged.xlsx: a title row merged across the sheet, a group row ("Application",
  "Contract") over the real header, a header merged down from the group row, real date cells, an
  Excel serial number in a number cell and a date typed as text.

The files are committed; run this again only to change them (the output is the same every time, apart
from the XLSX's zip timestamps, which openpyxl fixes from the workbook's properties set below).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent

CLEAN_HEADER = ["App", "Website", "Description", "Grades", "Parental permission", "Date approved", "Vendor",
                "Contract title", "Purpose", "Data shared", "Date signed", "Expires", "State addendum",
                "Provisions", "Website notice posted", "No contract reason"]
CLEAN_ROWS = [
    ["Kahoot!", "https://kahoot.com", "Game-based quizzes for review sessions.", "3-5", "No", "2025-08-15",
     "Kahoot! ASA", "Data privacy agreement 2025", "Classroom quizzes and review games.",
     "First and last name, Student-generated content", "2025-08-01", "2027-07-31", "Yes", "", "2025-08-05", ""],
    ["Seesaw", "https://seesaw.me", "Digital student portfolios shared with families.", "K-2", "Yes",
     "2025-09-02", "Seesaw Learning, Inc.", "CT student data privacy addendum", "Student portfolios.",
     "First and last name, Photos, Voice recordings", "2025-08-20", "2028-06-30", "Yes", "", "2025-08-25", ""],
    ["Google Classroom", "https://classroom.google.com", "Class assignments and feedback.", "3-12", "No",
     "2024-07-10", "Google LLC", "Workspace for Education DPA", "Assignments, documents and email.",
     "First and last name, Email address, Documents", "2024-07-01", "2027-06-30", "No", "P1-P11", "2024-07-03", ""],
    ["Google Docs", "https://docs.google.com", "Class assignments and feedback.", "3-12", "No",
     "2024-07-10", "Google LLC", "Workspace for Education DPA", "Assignments, documents and email.",
     "First and last name, Email address, Documents", "2024-07-01", "2027-06-30", "No", "P1-P11", "2024-07-03", ""],
    ["Desmos Graphing Calculator", "https://www.desmos.com/calculator", "Online graphing calculator.", "6-12",
     "No", "2023-09-12", "", "", "", "", "", "", "", "", "",
     "No student accounts; no student data is collected."],
    ["Canva for Education", "https://www.canva.com/education", "Design tool for staff newsletters.",
     "Staff only", "No", "2025-01-20", "Canva Pty Ltd", "", "Design of staff materials.", "None",
     "2025-01-15", "", "No", "P1, P2, P3, P5, P6, P8, P9", "2025-01-21", ""],
]

MESSY_TITLE = "Riverside Public Schools \u2013 Approved Software List 2025\u201326 (maintained by the Tech Office)"
MESSY_HEADER = ["Tool name", "URL", "What it\u2019s for", "Grade(s)", "Parent permission?", "Company", "Purpose",
                "Student data shared", "Date Signed (mm/dd/yyyy)", "End date", "CT addendum", "", ""]
MESSY_ROWS = [
    # dates month first, in several formats
    ["Caf\u00e9 Fran\u00e7ais", "cafe-francais.example.org", "Mme L\u00e9ger\u2019s French vocabulary games",
     "6 - 8", "yes", "Caf\u00e9 Fran\u00e7ais SARL", "Vocabulary practice.", "First and last name",
     "8/1/2025", "7/31/2027", "Yes", "", ""],
    ["Newsela", "https://newsela.com", "Leveled news articles", "Gr 3-12", "No", "Newsela Inc.",
     "Reading practice.", "First and last name; Email address", "08/01/25", "June 30, 2027", "yes", "", ""],
    ["Quizlet", "https://quizlet.com", "Flashcards", "9 to 12", "N", "Quizlet Inc.", "Study sets.",
     "Email address", "1-Aug-2025", "2026-07-31", "Y", "", ""],
    ["Flip", "https://info.flip.com", "Video discussions", "K\u20135", "Yes", "Microsoft Corporation",
     "Video responses.", "First and last name, Photos, Voice recordings", "45870", "8/1/2027", "yes", "", ""],
    # an exact repeat of the row above: imported once
    ["Flip", "https://info.flip.com", "Video discussions", "K\u20135", "Yes", "Microsoft Corporation",
     "Video responses.", "First and last name, Photos, Voice recordings", "45870", "8/1/2027", "yes", "", ""],
    # already in the catalog of the tests' district (and the demo's): skipped, not an error
    ["Padlet", "https://padlet.com", "Collaborative boards", "3-5", "no", "", "", "", "", "", "", "", ""],
    # problems: a day-first date, a missing permission answer, a grade that does not exist
    ["Prodigy Math", "https://www.prodigygame.com", "Math game", "1-8", "No", "Prodigy Education",
     "Math practice.", "First and last name", "13/08/2025", "", "no", "", ""],
    ["Epic!", "https://www.getepic.com", "Digital library", "K-5", "", "", "", "", "", "", "", "", ""],
    ["Typing Club", "https://www.typingclub.com", "Keyboarding lessons", "Grade 13", "No", "", "", "", "", "",
     "", "", ""],
]

FIRST_WEEK_HEADER = ["App", "Website", "Grades", "Permission", "Vendor", "DPA signed", "Expiry"]
FIRST_WEEK_ROWS = [
    ["Kahoot!", "kahoot.com", "3-5", "No", "Kahoot! ASA", "8/1/2025", "7/31/2027"],
    ["Seesaw", "seesaw.me", "K-2", "Yes", "Seesaw Learning, Inc.", "8/20/2025", "6/30/2028"],
    ["Google Classroom", "classroom.google.com", "3-12", "No", "Google LLC", "7/1/2024", "6/30/2027"],
    ["Google Docs", "docs.google.com", "3-12", "No", "Google LLC", "7/1/2024", "6/30/2027"],
    ["Newsela", "newsela.com", "6-12", "No", "Newsela Inc.", "9/15/2025", "9/14/2026"],
]


def write_clean() -> None:
    lines = [",".join(_csv(c) for c in row) for row in [CLEAN_HEADER, *CLEAN_ROWS]]
    (HERE / "approved-resources-clean.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))


def write_first_week() -> None:
    lines = [",".join(_csv(c) for c in row) for row in [FIRST_WEEK_HEADER, *FIRST_WEEK_ROWS]]
    (HERE / "approved-resources-first-week.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))


def write_messy() -> None:
    rows = [[MESSY_TITLE] + [""] * 12, [""] * 13, MESSY_HEADER, *MESSY_ROWS, [""] * 13, [""] * 13]
    text = "\r\n".join(";".join(_csv(c, ";") for c in row) for row in rows) + "\r\n"
    (HERE / "approved-resources-messy.csv").write_bytes(text.encode("cp1252"))


def _csv(value: str, delimiter: str = ",") -> str:
    return f'"{value}"' if any(c in value for c in (delimiter, '"', "\n")) else value


def write_xlsx() -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Approved apps"
    sheet["A1"] = "Riverside Public Schools \u2014 approved apps and contracts"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.merge_cells("A1:J1")
    sheet["A2"], sheet["F2"], sheet["J2"] = "Application", "Contract", "Data shared"
    sheet.merge_cells("A2:E2")
    sheet.merge_cells("F2:I2")
    sheet.merge_cells("J2:J3")  # a header merged down from the group row: its text is in J2 only
    for column, title in zip("ABCDEFGHI", ["App", "Website", "Description", "Grades", "Permission", "Vendor",
                                           "Purpose", "Date signed", "Expires"], strict=True):
        sheet[f"{column}3"] = title
        sheet[f"{column}3"].font = Font(bold=True)
    rows = [
        ["Nearpod", "https://nearpod.com", "Interactive lessons", "K-12", "No", "Nearpod Inc.",
         "Interactive lessons.", datetime(2025, 8, 1), datetime(2027, 7, 31), "First and last name"],
        ["Book Creator", "https://bookcreator.com", "Student-made books", "PreK-5", "Yes", "Tools for Schools Ltd",
         "Student publishing.", 45870, "8/1/2027", "First and last name, Student-generated content"],
        ["Scratch", "https://scratch.mit.edu", "Block coding", "3-8", "No", "MIT Media Lab",
         "Coding projects.", "Aug 1, 2025", datetime(2028, 6, 30), "Student-generated content"],
    ]
    for r, row in enumerate(rows, start=4):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(r, c, value)
            if isinstance(value, datetime):
                cell.number_format = "mm/dd/yyyy"
    sheet.cell(9, 1, "")  # a trailing blank row the sheet still records
    fixed = datetime(2026, 11, 26)
    book.properties.created = book.properties.modified = fixed
    book.save(HERE / "approved-resources-merged.xlsx")


if __name__ == "__main__":
    write_clean()
    write_first_week()
    write_messy()
    write_xlsx()
    print(f"wrote the samples in {HERE}")
