"""One cell's value as text for CSV, or as a value openpyxl writes, safely.

Values are str, int, float, bool, date, datetime (aware: written as the wall-clock time it carries, so the
caller converts to the zone its header names) or None (an empty cell).

CSV/formula injection: a spreadsheet runs a cell that starts with = + - @ (and, after a tab or a carriage
return, it may too) as a formula, so text from a form could run a command on an auditor's computer. In
CSV such a cell gets a leading apostrophe, which Excel and LibreOffice show as text and do not evaluate;
in XLSX it is written as a string cell, which is never evaluated."""

from __future__ import annotations

import re
from datetime import date, datetime

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_MAX_CHARS = 32_767  # Excel's limit for one cell
# Control characters XML 1.0 cannot carry (openpyxl refuses them): dropped from XLSX cells.
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

Value = str | int | float | bool | date | datetime | None


_FORMULA_CHARS = frozenset(FORMULA_START)


def looks_like_formula(text: str) -> bool:
    return text[:1] in _FORMULA_CHARS and text != ""


def csv_text(value: Value) -> str:
    """The cell as CSV text: ISO 8601 dates, Yes/No, an empty string for none, formulas neutralised."""
    kind = type(value)
    if kind is str:  # most cells: first, and quick
        return "'" + value if value[:1] in _FORMULA_CHARS else value
    if value is None:
        return ""
    if kind is bool:
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    return "'" + text if looks_like_formula(text) else text


def xlsx_value(value: Value) -> tuple[object, bool]:
    """(what openpyxl is given, whether it must be forced to a string cell). Dates stay dates (the sheet
    shows them as dates and sorts them); an aware datetime loses its zone (Excel has none)."""
    if value is None or isinstance(value, bool | int | float | date):
        if isinstance(value, datetime) and value.tzinfo is not None:
            return value.replace(tzinfo=None), False
        return value, False
    text = _NOT_IN_XML.sub("", str(value))[:XLSX_MAX_CHARS]
    # "#N/A" and the like would become an error cell: a string too.
    return text, looks_like_formula(text) or text.startswith("#")
