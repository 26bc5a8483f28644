"""Write ct_holidays.csv: Connecticut state holidays, observed days included, for the years around today, as
`holidays.country_holidays("US", subdiv="CT")` gives them.

    uv run python resources/calendar/generate.py

The app reads the file (techapproval/domain/ct_holidays.py) so that a start that counts the overdue deadlines
does not import the holidays library (it imports every country it knows: most of a second); it asks the
library for years outside these. tests/domain/test_calendar.py checks every year of the file against the
library: when it fails (a new version of the library, or a new holiday in law), run this again. The output is
the same every time for the same library.
"""

from __future__ import annotations

import csv
from pathlib import Path

from techapproval.domain.calendar import library_holidays

FIRST_YEAR = 2000
LAST_YEAR = 2060
OUT = Path(__file__).resolve().parent / "ct_holidays.csv"


def main() -> None:
    with OUT.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(("date", "name"))  # a holiday's date files it in its year, the observed days too
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            writer.writerows((day.isoformat(), name) for day, name in sorted(library_holidays(year).items()))


if __name__ == "__main__":
    main()
