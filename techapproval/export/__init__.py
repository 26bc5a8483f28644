"""Tables written to files for people to open in a spreadsheet: CSV (a folder of files, or a zip) and
XLSX. Plain values in (text, numbers, dates, yes/no, none), files out; no database and no Qt here, so any
use case can write its tables with them (services/records_export.py does, for public-records requests).

Every file is written under a temporary name and renamed only once it is whole: a cancelled or failed
export leaves nothing half-written under the final name. Cells that a spreadsheet would run as a formula
are neutralised (cells.py)."""
