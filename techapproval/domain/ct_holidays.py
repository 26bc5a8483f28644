"""Connecticut state holidays, observed days included, for the years around today, read from
resources/calendar/ct_holidays.csv: what `holidays.country_holidays("US", subdiv="CT")` gives, so that a start
that counts the overdue deadlines does not import that library (it imports every country it knows: most of a
second). calendar.py asks the library for years outside the file's. The file's generator, beside it, says how
to write it again; tests/domain/test_calendar.py checks every year against the library."""

from __future__ import annotations

import csv
from datetime import date
from functools import cache
from pathlib import Path


def path() -> Path:
    from ..paths import resources_dir  # platformdirs with it: loaded by every start, but not by this import

    return resources_dir() / "calendar" / "ct_holidays.csv"


@cache
def _rows_by_year() -> dict[int, list[str]]:
    """The file's rows as text, by the year of their date (its first four characters): a start reads the file
    once and parses only the years it looks up. Every year from the first to the last has some."""
    years: dict[int, list[str]] = {}
    for line in path().read_text(encoding="utf-8").splitlines()[1:]:  # under the header, date,name
        years.setdefault(int(line[:4]), []).append(line)
    return years


@cache
def _holidays(year: int) -> dict[date, str] | None:
    rows = _rows_by_year().get(year)
    return None if rows is None else {date.fromisoformat(day): name for day, name in csv.reader(rows)}


def written_years() -> range:
    """The years the file has."""
    years = _rows_by_year()
    return range(min(years), max(years) + 1)


def holidays_of(year: int) -> dict[date, str] | None:
    """The holidays dated in `year` (a copy), or None for a year the file does not have."""
    found = _holidays(year)
    return None if found is None else dict(found)
