"""Writers of several tables into one destination: an XLSX workbook (a sheet per table), CSV files in a
folder (a file per table), or CSV files in a zip archive.

    writer = open_writer(TableFormat.XLSX, Path("records.xlsx"))
    try:
        writer.table(TableLayout("Requests", "requests", ("Request number", ...), (10, ...)))
        writer.rows(rows)  # any iterable of sequences of cells.Value, as many times as wanted
        ...
        writer.finish()  # everything written and synced, still under temporary names
        paths = writer.commit()  # only now do the final names appear (or get replaced): renames only
    except BaseException:
        writer.discard()  # removes the temporary files; anything of the final names is left as it was
        raise

CSV files are UTF-8 with a byte-order mark (Excel then reads the accents right), RFC 4180 quoting and
CRLF line ends. XLSX sheets are written with openpyxl's write-only mode, a row at a time to disk, with
the header row bold and frozen; openpyxl is imported only when a workbook is written.
"""

from __future__ import annotations

import csv
import io
import os
import secrets
import time
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from .cells import Value, csv_text, xlsx_value


class TableFormat(StrEnum):
    XLSX = "xlsx"  # one workbook, a sheet per table
    CSV = "csv"  # a folder, a .csv file per table
    CSV_ZIP = "csv_zip"  # a .zip archive of the .csv files

    @property
    def label(self) -> str:
        return {"xlsx": "Excel workbook (.xlsx)", "csv": "CSV files in a folder",
                "csv_zip": "CSV files in a zip archive (.zip)"}[self.value]


@dataclass(frozen=True)
class TableLayout:
    title: str  # the sheet's name (at most 31 characters, none of []:*?/\)
    file_stem: str  # the CSV file's name without .csv
    headers: tuple[str, ...]
    widths: tuple[int, ...] = ()  # in characters, per column, for the sheet; the header's length if missing


class TableWriter(Protocol):
    def table(self, layout: TableLayout) -> None: ...
    def rows(self, rows: Iterable[Sequence[Value]]) -> None: ...
    def finish(self) -> None: ...
    def commit(self) -> list[Path]: ...
    def discard(self) -> None: ...


def open_writer(fmt: TableFormat | str, destination: Path) -> TableWriter:
    fmt = TableFormat(fmt)
    destination = Path(destination)
    if fmt is TableFormat.XLSX:
        return XlsxWriter(destination)
    if fmt is TableFormat.CSV_ZIP:
        return CsvZipWriter(destination)
    return CsvFolderWriter(destination)


def temporary_name(path: Path) -> Path:
    """A hidden name beside `path`, in the same folder (so the rename is atomic), unique to this writer."""
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")


def _create(path: Path):
    """A new file opened for writing, with the usual permissions (the umask's, as os.open applies it)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    return os.fdopen(fd, "wb")


def _sync(path: Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


def _csv_writer(stream):
    return csv.writer(stream, dialect="excel", lineterminator="\r\n")


class CsvFolderWriter:
    """A .csv file per table in a folder (created if need be). Each file is written under a temporary
    name; commit renames them all, so a cancelled export adds nothing to the folder."""

    def __init__(self, folder: Path):
        if folder.exists() and not folder.is_dir():
            raise NotADirectoryError(20, "not a folder", str(folder))
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self._done: list[tuple[Path, Path]] = []  # (temporary, final)
        self._stream: io.TextIOWrapper | None = None
        self._csv = None

    def table(self, layout: TableLayout) -> None:
        self._close()
        final = self.folder / f"{layout.file_stem}.csv"
        tmp = temporary_name(final)
        self._done.append((tmp, final))
        self._stream = io.TextIOWrapper(_create(tmp), encoding="utf-8-sig", newline="")
        self._csv = _csv_writer(self._stream)
        self._csv.writerow([csv_text(h) for h in layout.headers])

    def rows(self, rows: Iterable[Sequence[Value]]) -> None:
        self._csv.writerows([csv_text(v) for v in row] for row in rows)

    def _close(self) -> None:
        if self._stream is not None:
            self._stream.flush()
            os.fsync(self._stream.fileno())
            self._stream.close()
            self._stream = self._csv = None

    def finish(self) -> None:
        self._close()

    def commit(self) -> list[Path]:
        self._close()
        for tmp, final in self._done:
            os.replace(tmp, final)
        return [final for _, final in self._done]

    def discard(self) -> None:
        if self._stream is not None:
            self._stream.close()
            self._stream = None
        for tmp, _ in self._done:
            tmp.unlink(missing_ok=True)


class CsvZipWriter:
    """The .csv files in one zip archive, written under a temporary name and renamed at commit."""

    def __init__(self, path: Path):
        self.path = path
        self._tmp = temporary_name(path)
        self._file = _create(self._tmp)
        self._zip = zipfile.ZipFile(self._file, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6)
        self._stream: io.TextIOWrapper | None = None
        self._csv = None

    def table(self, layout: TableLayout) -> None:
        self._close_member()
        info = zipfile.ZipInfo(f"{layout.file_stem}.csv", date_time=time.localtime()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        member = self._zip.open(info, "w", force_zip64=True)
        self._stream = io.TextIOWrapper(member, encoding="utf-8-sig", newline="")
        self._csv = _csv_writer(self._stream)
        self._csv.writerow([csv_text(h) for h in layout.headers])

    def rows(self, rows: Iterable[Sequence[Value]]) -> None:
        self._csv.writerows([csv_text(v) for v in row] for row in rows)

    def _close_member(self) -> None:
        if self._stream is not None:
            self._stream.close()  # closes the archive's member too
            self._stream = self._csv = None

    def finish(self) -> None:
        if self._file.closed:
            return
        self._close_member()
        self._zip.close()
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()

    def commit(self) -> list[Path]:
        self.finish()
        os.replace(self._tmp, self.path)
        return [self.path]

    def discard(self) -> None:
        try:
            self._close_member()
            self._zip.close()
        except (OSError, ValueError):
            pass
        finally:
            self._file.close()
            self._tmp.unlink(missing_ok=True)


class XlsxWriter:
    """A workbook with a sheet per table, streamed to disk by openpyxl's write-only mode."""

    def __init__(self, path: Path):
        from openpyxl import Workbook  # only when a workbook is written: the app starts without it

        self.path = path
        self._tmp = temporary_name(path)
        self._book = Workbook(write_only=True)
        self._sheet = None
        self._saved = False

    def table(self, layout: TableLayout) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        sheet = self._sheet = self._book.create_sheet(sheet_title(layout.title))
        for i, header in enumerate(layout.headers, 1):  # before any row: write-only sheets need them first
            width = layout.widths[i - 1] if i <= len(layout.widths) else 0
            sheet.column_dimensions[get_column_letter(i)].width = max(width, min(len(header), 40)) + 2
        sheet.freeze_panes = "A2"
        bold = Font(bold=True)
        cells = []
        for header in layout.headers:
            cell = WriteOnlyCell(sheet, xlsx_value(header)[0])
            cell.data_type = "s"
            cell.font = bold
            cells.append(cell)
        sheet.append(cells)

    def rows(self, rows: Iterable[Sequence[Value]]) -> None:
        from openpyxl.cell import WriteOnlyCell

        sheet = self._sheet
        for row in rows:
            values = []
            for v in row:
                value, as_string = xlsx_value(v)
                if as_string:  # never a formula (nor an error value): a string cell
                    value = WriteOnlyCell(sheet, value)
                    value.data_type = "s"
                values.append(value)
            sheet.append(values)

    def finish(self) -> None:
        if self._saved:
            return
        # openpyxl opens the file by name: a new, exclusive one first, so nothing else is overwritten.
        _create(self._tmp).close()
        try:
            self._book.save(self._tmp)
            _sync(self._tmp)
        except BaseException:
            self._tmp.unlink(missing_ok=True)
            raise
        self._saved = True

    def commit(self) -> list[Path]:
        self.finish()
        os.replace(self._tmp, self.path)
        return [self.path]

    def discard(self) -> None:
        for sheet in self._book.worksheets:  # each sheet's rows wait in a temporary file of openpyxl's
            writer = getattr(sheet, "_writer", None)
            if writer is None:
                continue
            try:
                if not sheet.closed:
                    sheet.close()  # ends its rows' generator and its file
                writer.cleanup()
            except Exception:  # noqa: BLE001 - best effort; openpyxl removes what is left when Python exits
                pass
        self._tmp.unlink(missing_ok=True)


_NOT_IN_SHEET_NAMES = str.maketrans({c: "-" for c in "[]:*?/\\"})


def sheet_title(title: str) -> str:
    """A valid sheet name: none of []:*?/\\, at most 31 characters."""
    return title.translate(_NOT_IN_SHEET_NAMES)[:31] or "Sheet"
