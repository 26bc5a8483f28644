"""Importing the approved-apps list and contracts a district already keeps in a spreadsheet (CSV or XLSX).

Plain data in, plain data out, in four steps the service and the dialog share:

1. `read_sheet(file_name, data)` reads the file into rows of strings: the encoding of a CSV is found
   (UTF-8 with or without BOM, else Windows-1252, else Latin-1) and its delimiter sniffed; an XLSX is
   read with openpyxl in read-only mode. The header row is found below any title rows (the row naming
   the most known columns); a header cell left empty by a vertically merged cell takes the text above it.
   Blank rows and trailing blank columns are dropped; every row keeps its row number in the file.
2. `guess_mapping(headers)` maps each column to a field from its header ("App", "Tool name" → resource
   name; "Vendor", "Company" → contractor; "Date signed" → executed on; ...). The person can change it.
3. `validate_row(row, mapping, today)` turns a row into a typed `RowRecord`, or problems naming the
   column and the reason. Dates are read in several formats, month first (the district's convention).
   A contract needs its contractor and signing date; its purpose, description and student information
   are taken when the sheet gives them, and a contract without them is imported as details to complete
   (domain.contracts.details_to_complete). A resource whose contractor has no signing date is imported
   with no contract on file.
4. `plan_import(...)` checks the rows against each other and against what the database already holds
   (`Existing`): an exact repeat of a row is imported once; two rows naming one resource differently are
   a problem; a resource already in the catalog is skipped with a reason (not an error: the district's
   list and the app overlap once the app is in use, and the catalog entry is kept as it is).

One row is one approved resource, with (optionally) the contract that covers it on the same row; several
rows may name the same contract (one agreement covering several tools). A row with a contractor and a
signing date but no resource name is a contract on its own.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from .contracts import PROVISIONS_DETAIL, Provision, details_to_complete, words
from .enums import Grade, InfoCategory, Permission
from .validation import clean_text, link_problem, normalise_link, normalise_link_input, normalise_name

MAX_BYTES = 20 * 1024 * 1024  # a spreadsheet of a few thousand rows is far smaller
MAX_ROWS = 20_000
HEADER_SEARCH_ROWS = 15  # title and group rows above the real header
EXCEL_EPOCH = date(1899, 12, 30)  # Excel's day 0, past its 1900 leap-year bug
SERIAL_RANGE = (20_000, 80_000)  # 1954 to 2119: numbers outside are not taken for dates


class ImportField(StrEnum):
    """What a spreadsheet column can hold."""

    RESOURCE_NAME = "resource_name"
    LINK = "link"
    DESCRIPTION = "description"
    GRADES = "grades"
    PERMISSION = "permission"
    APPROVED_ON = "approved_on"
    NO_CONTRACT_REASON = "no_contract_reason"
    CONTRACTOR = "contractor"
    CONTRACT_TITLE = "contract_title"
    PURPOSE = "purpose"
    INFORMATION = "information"
    EXECUTED_ON = "executed_on"
    STARTS_ON = "starts_on"
    EXPIRES_ON = "expires_on"
    STATE_ADDENDUM = "state_addendum"
    PROVISIONS = "provisions"
    NOTICE_POSTED_ON = "notice_posted_on"

    @property
    def label(self) -> str:
        return _FIELD_LABELS[self]


_FIELD_LABELS = {
    ImportField.RESOURCE_NAME: "Resource name",
    ImportField.LINK: "Link",
    ImportField.DESCRIPTION: "Description",
    ImportField.GRADES: "Grades",
    ImportField.PERMISSION: "Parental permission required",
    ImportField.APPROVED_ON: "Date approved",
    ImportField.NO_CONTRACT_REASON: "Why no contract is required",
    ImportField.CONTRACTOR: "Contractor",
    ImportField.CONTRACT_TITLE: "Contract title",
    ImportField.PURPOSE: "Contract purpose",
    ImportField.INFORMATION: "Student information the contract allows",
    ImportField.EXECUTED_ON: "Date signed",
    ImportField.STARTS_ON: "Start date",
    ImportField.EXPIRES_ON: "Expiry date",
    ImportField.STATE_ADDENDUM: "State addendum used",
    ImportField.PROVISIONS: "Provisions included",
    ImportField.NOTICE_POSTED_ON: "Website notice posted",
}

# Header names as districts write them, compared after normalise_name (case and punctuation ignored).
SYNONYMS: dict[ImportField, tuple[str, ...]] = {
    ImportField.RESOURCE_NAME: ("resource name", "resource", "app", "app name", "apps", "application",
                                "application name", "tool", "tool name", "name", "product", "product name",
                                "software", "program", "technology resource", "approved app"),
    ImportField.LINK: ("url", "link", "website", "web site", "web address", "site", "homepage", "app url",
                       "app link", "address"),
    ImportField.DESCRIPTION: ("description", "what it does", "what it s for", "what it is for", "summary", "about",
                              "use", "description of use"),
    ImportField.GRADES: ("grades", "grade", "grade levels", "grade level", "grades used", "grade band", "grades k 12"),
    ImportField.PERMISSION: ("parental permission", "parent permission", "permission", "parental consent",
                             "parent consent", "consent required", "permission required",
                             "parental permission required", "parent permission required",
                             "parental notification"),
    ImportField.APPROVED_ON: ("approved", "date approved", "approval date", "approved on", "approved date",
                              "date of approval", "approval", "date added", "added on", "approved since"),
    ImportField.NO_CONTRACT_REASON: ("no contract reason", "why no contract", "no contract needed",
                                     "contract not required", "reason no contract"),
    ImportField.CONTRACTOR: ("vendor", "vendor name", "company", "company name", "contractor", "operator",
                             "provider", "publisher", "developer"),
    ImportField.CONTRACT_TITLE: ("contract", "contract title", "contract name", "agreement", "agreement title",
                                 "dpa", "data privacy agreement"),
    ImportField.PURPOSE: ("purpose", "contract purpose", "purpose of contract", "purpose of use"),
    ImportField.INFORMATION: ("data shared", "student data shared", "information shared", "student information",
                              "data collected", "student data", "pii shared", "data elements"),
    ImportField.EXECUTED_ON: ("signed", "date signed", "signed on", "signed date", "executed", "date executed",
                              "execution date", "signing date", "contract date", "contract signed"),
    ImportField.STARTS_ON: ("start", "start date", "starts", "effective", "effective date", "begins"),
    ImportField.EXPIRES_ON: ("expires", "expiry", "expiration", "expiration date", "expiry date", "end date",
                             "ends", "expires on", "contract end"),
    ImportField.STATE_ADDENDUM: ("state addendum", "ct addendum", "uses state addendum", "addendum",
                                 "ct dpa", "ct student data privacy addendum"),
    ImportField.PROVISIONS: ("provisions", "required provisions", "provisions included", "clauses",
                             "10 234bb provisions"),
    ImportField.NOTICE_POSTED_ON: ("notice posted", "website notice", "website notice posted", "posted",
                                   "posted on website", "date posted", "notice posted on"),
}
_EXACT = {s: f for f, names in SYNONYMS.items() for s in names}
_BY_LENGTH = sorted(_EXACT, key=len, reverse=True)


# --- 1. reading the file ---------------------------------------------------------------------------


class SheetProblem(ValueError):
    """The file cannot be read as a spreadsheet; the message says why, for the person who chose it."""


@dataclass(frozen=True)
class SheetRow:
    number: int  # the row number in the file (1 = first line), as the spreadsheet program shows it
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Sheet:
    headers: tuple[str, ...]
    rows: tuple[SheetRow, ...]
    header_row: int  # the header's row number in the file
    encoding: str = ""  # of a CSV; "" for XLSX
    sheet_name: str = ""  # of an XLSX


def read_sheet(file_name: str, data: bytes) -> Sheet:
    """The file as a sheet: XLSX by its content (a zip), CSV otherwise."""
    if len(data) > MAX_BYTES:
        raise SheetProblem(f"This file is {len(data) / 1024 / 1024:.0f} MB; a spreadsheet to import can be at "
                           f"most {MAX_BYTES // 1024 // 1024} MB.")
    if data[:4] == b"PK\x03\x04":
        rows, sheet_name = _xlsx_rows(data)
        return _sheet(rows, "", sheet_name)
    if file_name.lower().endswith((".xlsx", ".xlsm", ".xls")):
        raise SheetProblem("This is not an Excel workbook (.xlsx) it can read. Save it as .xlsx or as CSV and "
                           "choose it again.")
    text, encoding = decode(data)
    return _sheet(csv_rows(text), encoding, "")


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was in: UTF-8 (a BOM is dropped), else Windows-1252 (what Excel on Windows
    saves as "CSV"), else Latin-1, which reads any bytes."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def csv_rows(text: str) -> list[list[str]]:
    sample = "\n".join(text.splitlines()[:50])
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = max(",;\t|", key=sample.count) if sample else ","
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


def _xlsx_rows(data: bytes) -> tuple[list[list[str]], str]:
    import zipfile

    from openpyxl import load_workbook  # only when a workbook is imported: not needed at start

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise SheetProblem("This file could not be read as an Excel workbook (.xlsx). Open it in your spreadsheet "
                           "program, save it again as .xlsx or CSV, and choose it again.") from exc
    try:
        sheet = book.worksheets[0]  # the first sheet, as the district keeps its list
        rows = []
        for values in sheet.iter_rows(values_only=True):
            rows.append([cell_text(v) for v in values])
            if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
                break
        return rows, sheet.title
    finally:
        book.close()


def cell_text(value: object) -> str:
    """A workbook cell as text: a date cell as ISO (2025-08-01), a whole number without ".0"."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _blank(cells: Iterable[str]) -> bool:
    return not any(clean_text(c) for c in cells)


def header_score(cells: Sequence[str]) -> int:
    return sum(1 for c in cells if guess_field(c) is not None)


def _sheet(raw: list[list[str]], encoding: str, sheet_name: str) -> Sheet:
    numbered = [(n, [clean_text(c) for c in cells]) for n, cells in enumerate(raw, start=1) if not _blank(cells)]
    if not numbered:
        raise SheetProblem("This file has no rows to import.")
    candidates = numbered[:HEADER_SEARCH_ROWS]
    best = max(range(len(candidates)), key=lambda i: (header_score(candidates[i][1]), -i))
    if header_score(candidates[best][1]) < 2:  # nothing recognisable: the first row with 2+ cells is the header
        best = next((i for i, (_n, cells) in enumerate(candidates) if sum(1 for c in cells if c) >= 2), 0)
    header_number, headers = candidates[best]
    above = [cells for _n, cells in numbered[:best]]
    data = numbered[best + 1:]
    if len(data) > MAX_ROWS:
        raise SheetProblem(f"This file has {len(data):,} rows; at most {MAX_ROWS:,} can be imported at once.")
    width = max([len(headers), *(len(cells) for _n, cells in data)])
    while width and all(width > len(cells) or not cells[width - 1]  # trailing blank columns
                        for cells in [headers, *(c for _n, c in data)]):
        width -= 1
    headers = [_header_text(headers, above, i) for i in range(width)]
    rows = tuple(SheetRow(n, tuple((cells + [""] * width)[:width])) for n, cells in data)
    return Sheet(tuple(headers), rows, header_number, encoding, sheet_name)


def _header_text(headers: list[str], above: list[list[str]], i: int) -> str:
    """The header of column i; when the cell is empty (a header merged down from the row above, as
    two-row headers are made), the nearest text above it in the same column, unless that is a title row
    (one cell only) or a group label spanning further columns."""
    text = headers[i] if i < len(headers) else ""
    if text:
        return text
    for cells in reversed(above):
        if sum(1 for c in cells if c) <= 1:
            break
        if i < len(cells) and cells[i]:
            return cells[i]
    return ""


def column_name(headers: Sequence[str], index: int) -> str:
    """How a column is named in reports: its header, else its spreadsheet letter (index 0 is column A)."""
    if index < 0:
        return ""
    if index < len(headers) and headers[index]:
        return headers[index]
    from openpyxl.utils import get_column_letter  # openpyxl reads the workbooks: loaded when an import runs

    return f"Column {get_column_letter(index + 1)}"


# --- 2. guessing the mapping -------------------------------------------------------------------------


def guess_field(header: str) -> ImportField | None:
    key = normalise_name(header)
    if not key:
        return None
    if key in _EXACT:
        return _EXACT[key]
    padded = f" {key} "
    for synonym in _BY_LENGTH:  # the longest known phrase in the header: "Date signed (mm/dd/yyyy)"
        if len(synonym) >= 4 and f" {synonym} " in padded:
            return _EXACT[synonym]
    return None


def guess_mapping(headers: Sequence[str]) -> dict[int, ImportField]:
    """Column index → field, each field at most once: an exact header name wins over a phrase within one,
    then the leftmost column."""
    ranked = []
    for i, header in enumerate(headers):
        if (f := guess_field(header)) is not None:
            ranked.append((normalise_name(header) not in _EXACT, i, f))
    mapping: dict[int, ImportField] = {}
    for _inexact, i, f in sorted(ranked):
        if f not in mapping.values():
            mapping[i] = f
    return dict(sorted(mapping.items()))


def mapping_problems(mapping: Mapping[int, ImportField]) -> list[str]:
    fields = list(mapping.values())
    problems = [f"{f.label} is chosen for more than one column." for f in dict.fromkeys(fields) if fields.count(f) > 1]
    if ImportField.RESOURCE_NAME not in fields and ImportField.CONTRACTOR not in fields:
        problems.append("Choose the column that holds the resource name (or, for a list of contracts, the "
                        "contractor).")
    return problems


# --- 3. one row -----------------------------------------------------------------------------------------

_MONTHS = {m: i for i, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")), start=1) for m in names}
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_US = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?: \d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]m)?)?$", re.I)
_DAY_MONTH = re.compile(r"^(\d{1,2})[ -]([a-z]+)\.?[ ,-]+(\d{4}|\d{2})$", re.I)
_MONTH_DAY = re.compile(r"^(?:[a-z]+,? )?([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$", re.I)
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
DATE_HINT = "Write dates month first, e.g. 8/1/2025, 2025-08-01 or August 1, 2025."


def _year(text: str) -> int:
    year = int(text)
    return year if len(text) == 4 else (2000 + year if year < 70 else 1900 + year)


def parse_date(text: str) -> date:
    """A date as districts write it, month first: 2025-08-01, 8/1/2025, 08/01/25, 1-Aug-2025,
    August 1, 2025, an Excel serial number (45870). ValueError with the reason otherwise."""
    text = " ".join(text.replace(",", ", ").split()).replace(" ,", ",")
    parts = None  # (year, month, day)
    if m := _ISO.match(text):
        parts = int(m[1]), int(m[2]), int(m[3])
    elif m := _US.match(text):
        if int(m[1]) > 12:
            raise ValueError(f"{text} is not a date written month first: there is no month {int(m[1])}. "
                             f"{DATE_HINT}")
        parts = _year(m[3]), int(m[1]), int(m[2])
    elif (m := _DAY_MONTH.match(text)) and m[2].lower() in _MONTHS:
        parts = _year(m[3]), _MONTHS[m[2].lower()], int(m[1])
    elif (m := _MONTH_DAY.match(text)) and m[1].lower() in _MONTHS:
        parts = int(m[3]), _MONTHS[m[1].lower()], int(m[2])
    elif _SERIAL.match(text) and SERIAL_RANGE[0] <= float(text) < SERIAL_RANGE[1]:
        return EXCEL_EPOCH + timedelta(days=int(float(text)))
    if parts is None:
        raise ValueError(f"{text} is not a date this can read. {DATE_HINT}")
    try:
        return date(*parts)
    except ValueError:
        raise ValueError(f"{text} is not a real date. {DATE_HINT}") from None


_GRADE_WORDS = {"prek": Grade.PREK, "pk": Grade.PREK, "pre k": Grade.PREK, "pre kindergarten": Grade.PREK,
                "k": Grade.K, "kg": Grade.K, "kindergarten": Grade.K,
                **{str(n): Grade(str(n)) for n in range(1, 13)}}
_NOT_STUDENTS = {"not used by students", "staff only", "staff", "n a", "na", "none", "admin", "administrative",
                 "administrative use", "teachers only", "teacher only"}
_ALL_GRADES = {"all", "all grades", "district wide", "districtwide"}


def _grade(token: str) -> Grade:
    key = re.sub(r"^(?:grades?|gr)\s*", "", token)
    key = re.sub(r"(?<=\d)(?:st|nd|rd|th)$", "", key).strip()
    if key in _GRADE_WORDS:
        return _GRADE_WORDS[key]
    raise ValueError(f"{token.strip().capitalize()} is not a grade (PreK, K, 1 to 12).")


def parse_grades(text: str) -> tuple[tuple[Grade, ...], bool]:
    """(grades in school order, not used by students) from "K-5", "6, 7, 8", "PreK–2", "9-12", "All",
    "Staff only"."""
    key = normalise_name(text.replace("\u2013", "-").replace("\u2014", "-"))
    if not key:
        return (), False
    if key in _NOT_STUDENTS:
        return (), True
    if key in _ALL_GRADES:
        return tuple(Grade), False
    spelled = text.lower().replace("\u2013", "-").replace("\u2014", "-")
    spelled = re.sub(r"pre[\s-]*k(?:indergarten)?\b", "prek", spelled)
    spelled = re.sub(r"\s+(?:to|through|thru)\s+", "-", spelled)
    found: set[Grade] = set()
    for part in re.split(r"[,;/&+]|\band\b", spelled):
        part = part.strip(" .")
        if not part:
            continue
        if "-" in part:
            first, _, last = (p.strip() for p in part.partition("-"))
            a, b = _grade(first), _grade(last)
            if a.order > b.order:
                raise ValueError(f"{part!r} runs backwards; write the lower grade first.")
            found |= {g for g in Grade if a.order <= g.order <= b.order}
        else:
            found.add(_grade(part))
    return tuple(sorted(found, key=lambda g: g.order)), False


_YES = {"yes", "y", "true", "x", "1", "required", "parental", "yes required", "parental permission required",
        "permission required", "parent permission required", "signed", "used"}
_NO = {"no", "n", "false", "0", "none", "not required", "no additional", "none required", "no permission",
       "no additional permission", "no additional notifications or permissions required", "not used"}


def parse_yes_no(text: str) -> bool:
    key = normalise_name(text)
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise ValueError(f"{text!r}: write yes or no.")


_INFO_WORDS = {
    **{normalise_name(c.label): c for c in InfoCategory}, **{normalise_name(c.value): c for c in InfoCategory},
    "name": InfoCategory.FULL_NAME, "names": InfoCategory.FULL_NAME, "student name": InfoCategory.FULL_NAME,
    "student names": InfoCategory.FULL_NAME, "first and last name": InfoCategory.FULL_NAME,
    "email": InfoCategory.EMAIL, "email address": InfoCategory.EMAIL, "emails": InfoCategory.EMAIL,
    "address": InfoCategory.HOME_ADDRESS, "phone": InfoCategory.TELEPHONE, "telephone": InfoCategory.TELEPHONE,
    "dob": InfoCategory.DATE_OF_BIRTH, "birth date": InfoCategory.DATE_OF_BIRTH,
    "student id": InfoCategory.STUDENT_IDENTIFIERS, "student ids": InfoCategory.STUDENT_IDENTIFIERS,
    "student identifier": InfoCategory.STUDENT_IDENTIFIERS, "student work": InfoCategory.STUDENT_GENERATED_CONTENT,
    "student generated content": InfoCategory.STUDENT_GENERATED_CONTENT, "photo": InfoCategory.PHOTOS,
    "photographs": InfoCategory.PHOTOS, "voice": InfoCategory.VOICE_RECORDINGS, "audio": InfoCategory.VOICE_RECORDINGS,
    "test scores": InfoCategory.TEST_RESULTS, "assessment results": InfoCategory.TEST_RESULTS,
    "directory": InfoCategory.DIRECTORY_INFORMATION, "none": InfoCategory.NONE, "no student data": InfoCategory.NONE,
    "iep": InfoCategory.SPECIAL_EDUCATION, "special education": InfoCategory.SPECIAL_EDUCATION,
}


def parse_information(text: str) -> tuple[InfoCategory, ...]:
    found: set[InfoCategory] = set()
    unknown = []
    for part in re.split(r"[,;/|\n]", text):
        if not (key := normalise_name(part)):
            continue
        if key in _INFO_WORDS:  # "First and last name" is one kind
            found.add(_INFO_WORDS[key])
            continue
        for piece in re.split(r"\band\b|&", part):  # "Names and photos" are two
            if key := normalise_name(piece):
                if key in _INFO_WORDS:
                    found.add(_INFO_WORDS[key])
                else:
                    unknown.append(piece.strip())
    if unknown:
        raise ValueError(f"Not a kind of student information this knows: {', '.join(unknown)}. Use the names on "
                         "the request form, e.g. \u201cFirst and last name, Email address, Grades\u201d, or "
                         "\u201cNone\u201d.")
    if InfoCategory.NONE in found and len(found) > 1:
        raise ValueError('"None" cannot be combined with other kinds of information.')
    return tuple(c for c in InfoCategory if c in found)


def parse_provisions(text: str) -> frozenset[Provision]:
    """"All", "P1-P11", "1-11", "P1, P2, P5", "none"."""
    key = normalise_name(text)
    if key in ("", "none", "no"):
        return frozenset()
    if key in ("all", "all 11", "all eleven", "yes", "p1 p11", "1 11"):
        return frozenset(Provision)
    found: set[Provision] = set()
    for part in re.split(r"[,;/\s]+", re.sub(r"\s*[-\u2013]\s*", "-", text)):
        part = part.strip().upper()
        if not part:
            continue
        first, dash, last = (p.strip().removeprefix("P") for p in part.partition("-"))
        try:
            a, b = int(first), int(last) if dash else int(first)
        except ValueError:
            raise ValueError(f"{part!r} is not a provision (P1 to P11).") from None
        if not (1 <= a <= b <= 11):
            raise ValueError(f"{part!r} is not a provision (P1 to P11).")
        found |= {Provision(f"P{n}") for n in range(a, b + 1)}
    return frozenset(found)


@dataclass(frozen=True)
class ResourceRecord:
    name: str
    link: str
    description: str
    grades: tuple[Grade, ...]
    not_used_by_students: bool
    permission: Permission
    approved_on: date | None
    no_contract_reason: str

    @property
    def keys(self) -> tuple[str, str]:
        return normalise_name(self.name), normalise_link(self.link)


@dataclass(frozen=True)
class ContractRecord:
    contractor: str
    title: str
    purpose: str
    description: str
    information: tuple[InfoCategory, ...]
    executed_on: date
    starts_on: date | None
    expires_on: date | None
    uses_state_addendum: bool
    provisions: frozenset[Provision]
    notice_posted_on: date | None

    @property
    def key(self) -> tuple[str, date, str]:
        """One contract: the same contractor, signing date and title."""
        return normalise_name(self.contractor), self.executed_on, normalise_name(self.title)

    @property
    def to_complete(self) -> tuple[str, ...]:
        """What the website notice gives that the sheet did not: completed later in the registry."""
        return details_to_complete(bool(self.purpose), bool(self.description), bool(self.information))

    @property
    def details_missing(self) -> tuple[str, ...]:
        """to_complete, and the provisions when the sheet gives neither one nor the state addendum."""
        unknown = bool(self.to_complete) and not self.provisions and not self.uses_state_addendum
        return self.to_complete + ((PROVISIONS_DETAIL,) if unknown else ())


@dataclass(frozen=True)
class RowRecord:
    row: int
    resource: ResourceRecord | None
    contract: ContractRecord | None
    unsigned_with: str = ""  # the contractor named on a row with no signing date: no contract imported


@dataclass(frozen=True)
class Problem:
    row: int
    column: str  # the column's header (or letter), or "" for the row as a whole
    reason: str


LIMITS = {ImportField.RESOURCE_NAME: 200, ImportField.LINK: 2_000, ImportField.DESCRIPTION: 5_000,
          ImportField.NO_CONTRACT_REASON: 2_000, ImportField.CONTRACTOR: 200, ImportField.CONTRACT_TITLE: 200,
          ImportField.PURPOSE: 5_000}


def validate_row(row: SheetRow, headers: Sequence[str], mapping: Mapping[int, ImportField],
                 today: date) -> RowRecord | list[Problem]:
    """The row as typed records, or every problem in it, each naming its column."""
    problems: list[Problem] = []
    columns = {f: i for i, f in mapping.items()}

    def value(f: ImportField) -> str:
        i = columns.get(f)
        return row.cells[i] if i is not None and i < len(row.cells) else ""

    def problem(f: ImportField | None, reason: str) -> None:
        column = column_name(headers, columns[f]) if f in columns else (f.label if f else "")
        problems.append(Problem(row.number, column, reason))

    def parsed(f: ImportField, parse, default=None):
        text = value(f)
        if not text:
            return default
        try:
            return parse(text)
        except ValueError as exc:
            problem(f, str(exc))
            return default

    for f, limit in LIMITS.items():
        if len(value(f)) > limit:
            problem(f, f"This is {len(value(f)):,} characters long; the limit is {limit:,}.")

    name, contractor, executed_text = value(ImportField.RESOURCE_NAME), value(ImportField.CONTRACTOR), value(
        ImportField.EXECUTED_ON)
    has_contract = bool(contractor or executed_text or value(ImportField.CONTRACT_TITLE))
    if not name and not has_contract:
        problem(ImportField.RESOURCE_NAME, "The resource name is empty.")
        return problems

    resource = None
    if name:
        link = normalise_link_input(value(ImportField.LINK)) if value(ImportField.LINK) else ""
        if link and (message := link_problem(link)):
            problem(ImportField.LINK, message)
        grades, not_students = parsed(ImportField.GRADES, parse_grades, ((), False))
        permission = None
        if not value(ImportField.PERMISSION):
            problem(ImportField.PERMISSION, "Say whether additional parental notification and permission is "
                                            "required: yes or no.")
        else:
            required = parsed(ImportField.PERMISSION, parse_yes_no)
            if required is not None:
                permission = Permission.PARENTAL_REQUIRED if required else Permission.NONE_REQUIRED
        approved_on = parsed(ImportField.APPROVED_ON, parse_date)
        if approved_on and approved_on > today:
            problem(ImportField.APPROVED_ON, "This date is in the future.")
        reason = value(ImportField.NO_CONTRACT_REASON)
        if reason and has_contract:
            problem(ImportField.NO_CONTRACT_REASON, "The row gives a contract and a reason no contract is "
                                                    "required: keep one.")
        if permission is not None:
            resource = ResourceRecord(name, link, value(ImportField.DESCRIPTION), grades, not_students, permission,
                                      approved_on, reason)

    contract = None
    if has_contract:
        executed = parsed(ImportField.EXECUTED_ON, parse_date)
        starts = parsed(ImportField.STARTS_ON, parse_date)
        expires = parsed(ImportField.EXPIRES_ON, parse_date)
        posted = parsed(ImportField.NOTICE_POSTED_ON, parse_date)
        information = parsed(ImportField.INFORMATION, parse_information, ())
        addendum = parsed(ImportField.STATE_ADDENDUM, parse_yes_no, False)
        provisions = parsed(ImportField.PROVISIONS, parse_provisions, frozenset())
        unsigned = bool(name) and not executed_text  # a resource whose contract is not signed (yet)
        if not contractor:
            problem(ImportField.CONTRACTOR, "Name the contractor the contract is with.")
        if not executed_text and not unsigned:
            problem(ImportField.EXECUTED_ON, "Give the date the contract was signed.")
        elif executed and executed > today:
            problem(ImportField.EXECUTED_ON, "A contract cannot be signed in the future.")
        # Purpose, description and student information are imported when the sheet has them; a contract
        # without them is imported all the same, as details to complete (domain.contracts.details_to_complete).
        description = value(ImportField.DESCRIPTION)
        if executed and expires and expires < executed:
            problem(ImportField.EXPIRES_ON, "The contract cannot expire before it was signed.")
        if starts and expires and expires < starts:
            problem(ImportField.EXPIRES_ON, "The contract cannot expire before it starts.")
        if executed and posted and posted < executed:
            problem(ImportField.NOTICE_POSTED_ON, "The website notice cannot be posted before the contract was "
                                                  "signed.")
        if posted and posted > today:
            problem(ImportField.NOTICE_POSTED_ON, "This date is in the future.")
        if not problems and executed is not None:
            contract = ContractRecord(contractor, value(ImportField.CONTRACT_TITLE), value(ImportField.PURPOSE),
                                      description, information, executed, starts, expires, addendum, provisions,
                                      posted)
        if not problems and unsigned:
            return RowRecord(row.number, resource, None, unsigned_with=contractor)
    if problems:
        return problems
    return RowRecord(row.number, resource, contract)


# --- 4. the file as a whole ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Existing:
    """What the database already holds, as the keys rows are matched by."""

    resource_names: Mapping[str, str] = field(default_factory=dict)  # normalised name → name
    resource_links: Mapping[str, str] = field(default_factory=dict)  # normalised link → name
    contracts: Mapping[tuple[str, date], int] = field(default_factory=dict)  # (contractor, executed) → id
    contractors: Mapping[str, int] = field(default_factory=dict)  # normalised name → id


@dataclass(frozen=True)
class Notice:
    """A row imported with a remark, or skipped (not an error: nothing in it needs fixing). `already`: skipped
    because what it holds is in the database already (imported before, or approved since)."""

    row: int
    reason: str
    skipped: bool
    already: bool = False


@dataclass(frozen=True)
class ImportPlan:
    sheet: Sheet
    mapping: Mapping[int, ImportField]
    records: tuple[RowRecord, ...]  # what would be imported, rows with problems left out
    problems: tuple[Problem, ...]
    notices: tuple[Notice, ...]
    remarks: tuple[str, ...] = ()  # about the file as a whole, not one row

    @property
    def valid(self) -> bool:
        return not self.problems

    @property
    def invalid_rows(self) -> tuple[int, ...]:
        return tuple(sorted({p.row for p in self.problems}))

    @property
    def skipped_rows(self) -> tuple[int, ...]:
        return tuple(n.row for n in self.notices if n.skipped)

    @property
    def already_rows(self) -> tuple[int, ...]:
        """Rows skipped because they are in the database already."""
        return tuple(n.row for n in self.notices if n.skipped and n.already)

    @property
    def nothing_new(self) -> bool:
        """Every row is in the database already (the file was imported before): nothing to do, nothing wrong."""
        return not self.records and not self.problems and bool(self.already_rows)

    def counts(self) -> dict[str, int]:
        already = len(self.already_rows)
        return {
            "rows": len(self.sheet.rows),
            "resources": sum(1 for r in self.records if r.resource),
            "contracts": len({r.contract.key for r in self.records if r.contract}),
            "skipped": len(self.skipped_rows),
            "already": already,
            "repeats": len(self.skipped_rows) - already,
            "invalid": len(self.invalid_rows),
            "to_complete": len({r.contract.key for r in self.records if r.contract and r.contract.to_complete}),
        }


def plan_import(sheet: Sheet, mapping: Mapping[int, ImportField], existing: Existing, today: date) -> ImportPlan:
    """Every row checked on its own, then against the rows above it and the database."""
    mapping = dict(mapping)
    if problems := mapping_problems(mapping):
        return ImportPlan(sheet, mapping, (), tuple(Problem(0, "", p) for p in problems), ())
    records: list[RowRecord] = []
    all_problems: list[Problem] = []
    notices: list[Notice] = []
    seen_cells: dict[tuple[str, ...], int] = {}
    seen_names: dict[str, tuple[int, ResourceRecord]] = {}
    seen_links: dict[str, tuple[int, ResourceRecord]] = {}
    seen_contracts: dict[tuple, tuple[int, ContractRecord]] = {}
    mapped = sorted(mapping)
    for row in sheet.rows:
        result = validate_row(row, sheet.headers, mapping, today)
        if isinstance(result, list):
            all_problems.extend(result)
            continue
        cells = tuple(normalise_name(row.cells[i]) if i < len(row.cells) else "" for i in mapped)
        if cells in seen_cells:
            notices.append(Notice(row.number, f"Repeats row {seen_cells[cells]}; skipped.", True))
            continue
        seen_cells[cells] = row.number
        problems: list[Problem] = []
        resource, contract = result.resource, result.contract
        name_column = column_name(sheet.headers, _column(mapping, ImportField.RESOURCE_NAME))
        if resource is not None:
            key_name, key_link = resource.keys
            earlier = seen_links.get(key_link) if key_link else None
            earlier = earlier or seen_names.get(key_name)
            if earlier is not None:
                problems.append(Problem(row.number, name_column,
                                        f"Row {earlier[0]} names the same resource ({earlier[1].name}) with other "
                                        "details: keep one row for it."))
            else:
                in_catalog = (existing.resource_links.get(key_link) if key_link else None) or \
                    existing.resource_names.get(key_name)
                if in_catalog is not None:
                    notices.append(Notice(row.number, f"{in_catalog} is already an approved resource: its catalog "
                                                      "entry is kept as it is and this row is skipped. Record its "
                                                      "contract in the contract registry if it has one.", True, True))
                    continue
        if contract is not None:
            earlier_contract = seen_contracts.get(contract.key)
            if earlier_contract is not None and earlier_contract[1] != contract:
                contractor_column = column_name(sheet.headers, _column(mapping, ImportField.CONTRACTOR))
                problems.append(Problem(row.number, contractor_column,
                                        f"Row {earlier_contract[0]} gives this contract ({contract.contractor}, signed "
                                        f"{contract.executed_on:%m/%d/%Y}) with other details: give the same "
                                        "details on every row it covers."))
            registered = existing.contracts.get((normalise_name(contract.contractor), contract.executed_on))
            if registered is not None and not problems and resource is None:
                notices.append(Notice(row.number, f"The contract with {contract.contractor} signed "
                                                  f"{contract.executed_on:%m/%d/%Y} is already in the registry: "
                                                  "it is left as it is and this row is skipped.", True, True))
                continue
            if registered is not None and not problems:
                notices.append(Notice(row.number, f"The contract with {contract.contractor} signed "
                                                  f"{contract.executed_on:%m/%d/%Y} is already in the registry: "
                                                  "the resource is linked to it and it is left as it is.", False))
        if problems:
            all_problems.extend(problems)
            continue
        if resource is not None:
            seen_names[resource.keys[0]] = (row.number, resource)
            if resource.keys[1]:
                seen_links[resource.keys[1]] = (row.number, resource)
        if contract is not None:
            if contract.key not in seen_contracts and registered is None and contract.to_complete:
                notices.append(Notice(row.number, f"The contract with {contract.contractor} signed "
                                                  f"{contract.executed_on:%m/%d/%Y} is imported without its "
                                                  f"{words(contract.details_missing)}: the Deadlines tab lists it "
                                                  "as details to complete until they are recorded.", False))
            seen_contracts.setdefault(contract.key, (row.number, contract))
        elif result.unsigned_with:
            notices.append(Notice(row.number, f"No date signed for the contract with {result.unsigned_with}: the "
                                              "resource is imported with no contract on file. Record the contract "
                                              "in the registry once it is signed.", False))
        records.append(result)
    remarks: list[str] = []
    undated = sum(1 for r in records if r.resource is not None and r.resource.approved_on is None)
    if undated:
        where = ("have no approval date in the sheet" if ImportField.APPROVED_ON in mapping.values()
                 else "have no approval date: the sheet has no column for it")
        remarks.append(f"{undated} resource(s) {where}: they are recorded as approved on the day of the import, "
                       "and their renewal is counted from that day (or from their contract's expiry, if sooner). "
                       "Map a column of approval dates to keep the district's own.")
    return ImportPlan(sheet, mapping, tuple(records), tuple(all_problems), tuple(notices), tuple(remarks))


def _column(mapping: Mapping[int, ImportField], f: ImportField) -> int:
    return next((i for i, g in mapping.items() if g is f), -1)


PROBLEMS_HEADER = "Problems to fix"


def to_fix_csv(plan: ImportPlan) -> bytes:
    """The rows left out, as they were, with a column of reasons: to fix and import again. UTF-8 with a
    BOM, so that Excel opens it with its accents intact."""
    reasons: dict[int, list[str]] = {}
    for p in plan.problems:
        reasons.setdefault(p.row, []).append(f"{p.column}: {p.reason}" if p.column else p.reason)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*plan.sheet.headers, PROBLEMS_HEADER])
    for row in plan.sheet.rows:
        if row.number in reasons:
            writer.writerow([*row.cells, " | ".join(f"Row {row.number}: {r}" if i == 0 else r
                                                     for i, r in enumerate(reasons[row.number]))])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
