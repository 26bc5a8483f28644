"""Table models for the lists: requests (queue and "My requests"), the catalog, people.

Each model holds plain rows from a service; sorting goes through a proxy with SORT_ROLE so that
dates and numbers sort as dates and numbers, and ROW_ROLE hands the row object to the view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from ...domain.contracts import ComplianceState
from ...domain.enums import RequestStatus, format_grades
from ...services.catalog import CatalogEntry
from ...services.people import PersonView
from ...services.requests import RequestRow
from ..common import local_date

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    text: Callable[[R], str]
    sort: Callable[[R], Any] | None = None


STATUS_MARK = {
    RequestStatus.DRAFT: "\u270e",
    RequestStatus.SUBMITTED: "\u25cf",
    RequestStatus.RESUBMITTED: "\u25cf",
    RequestStatus.RETURNED: "?",
    RequestStatus.APPROVED: "\u2713",
    RequestStatus.NOT_APPROVED: "\u2717",
    RequestStatus.WITHDRAWN: "\u2013",
}


def status_text(status: RequestStatus) -> str:
    """A mark and the word: status is never colour alone."""
    return f"{STATUS_MARK[status]} {status.label}"


class RowTableModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[Column[R]], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[R] = []

    def set_rows(self, rows: list[R]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)  # the tooltip shows a cell's whole text when the column cuts it
        if role == SORT_ROLE:
            return column.sort(row) if column.sort else column.text(row).casefold()
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return None


def sorting_proxy(model: RowTableModel, parent=None) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    return proxy


def _when(d: datetime | None) -> float:
    return d.timestamp() if d else float("inf")


def _days(r: RequestRow) -> str:
    days = r.days_waiting(datetime.now(UTC))
    return "" if days is None else str(days)


def _permission(r: RequestRow) -> str:
    if r.permission:
        return r.permission.short_label
    if r.app_requires_permission and not r.status.is_decided:
        return f"App needs permission? {r.app_requires_permission.label}"
    return ""


QUEUE_COLUMNS: list[Column[RequestRow]] = [
    Column("Status", lambda r: status_text(r.status), lambda r: list(RequestStatus).index(r.status)),
    Column("Requester", lambda r: r.requester_name),
    Column("Resource", lambda r: r.resource_name),
    Column("Grades", lambda r: format_grades(r.grades, r.not_used_by_students),
           lambda r: min((g.order for g in r.grades), default=99)),
    SUBMITTED_COLUMN := Column("Submitted", lambda r: local_date(r.submitted_at), lambda r: _when(r.submitted_at)),
    Column("Days waiting", _days, lambda r: r.days_waiting() if r.days_waiting() is not None else -1),
    Column("Permission", _permission),
]

MY_COLUMNS: list[Column[RequestRow]] = [
    Column("Status", lambda r: status_text(r.status), lambda r: list(RequestStatus).index(r.status)),
    Column("Resource", lambda r: r.resource_name or "(no name yet)"),
    Column("Grades", lambda r: format_grades(r.grades, r.not_used_by_students)),
    Column("Submitted", lambda r: local_date(r.submitted_at), lambda r: _when(r.submitted_at)),
    Column("Last change", lambda r: local_date(r.updated_at), lambda r: r.updated_at.timestamp()),
    Column("Permission", _permission),
]

def badge(state: ComplianceState) -> str:
    """A compliance status as a symbol and words: readable without colour."""
    return f"{state.mark} {state.label}"


# Worst first, so sorting by status brings the problems to the top.
STATE_ORDER = [ComplianceState.VOID, ComplianceState.EXPIRED, ComplianceState.NOTICE_NOT_POSTED,
                ComplianceState.MISSING_PROVISIONS, ComplianceState.NO_CONTRACT, ComplianceState.EXCEPTION_INCOMPLETE,
                ComplianceState.NOTICE_DUE,
                ComplianceState.IEP_504_EXCEPTION, ComplianceState.NOT_REQUIRED, ComplianceState.COMPLIANT]


CATALOG_COLUMNS: list[Column[CatalogEntry]] = [
    Column("Resource", lambda e: e.name),
    Column("Link", lambda e: e.link),
    Column("Grades", lambda e: format_grades(e.grades, e.not_used_by_students)),
    Column("Parental permission", lambda e: e.permission.short_label),
    Column("Contract status", lambda e: badge(e.status.state), lambda e: STATE_ORDER.index(e.status.state)),
    Column("Approved", lambda e: local_date(e.approved_at), lambda e: e.approved_at.timestamp()),
]

PEOPLE_COLUMNS: list[Column[PersonView]] = [
    Column("Name", lambda p: p.name),
    Column("Position", lambda p: p.position),
    Column("Email", lambda p: p.email),
    Column("Role", lambda p: p.role.label),
    Column("Active", lambda p: "Yes" if p.active else "No"),
]
