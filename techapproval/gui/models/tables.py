"""Table models for the lists: requests (queue and "My requests"), the catalog, people.

Each model holds plain rows from a service; sorting goes through a proxy with SORT_ROLE so that
dates and numbers sort as dates and numbers, and ROW_ROLE hands the row object to the view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from sqlalchemy.exc import SQLAlchemyError

from ...db.database import DatabaseProblem
from ...domain.contracts import ComplianceState, format_day
from ...domain.district_time import local_day
from ...domain.enums import RequestStatus, format_grades
from ...services.errors import ServiceError
from ...services.people import PersonView
from ...services.requests import QueueSort, RequestRow
from ..common import local_date
from ..i18n import domain_text, translate

if TYPE_CHECKING:  # the approved-resources service (with its compliance rules) loads with its tab
    from ...services.catalog import CatalogEntry

# What a read from the database may raise that a person is told about, not a bug.
READ_ERRORS = (ServiceError, DatabaseProblem, SQLAlchemyError)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    text: Callable[[R], str]
    sort: Callable[[R], Any] | None = None  # the sort key, for lists sorted here
    order: Any = None  # the service's name for this column, for lists sorted in the database


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
    return f"{STATUS_MARK[status]} {domain_text(status.label)}"


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Rows shown by columns, sorted here (`sort`, what a click on a header asks through the proxy): each
    row's key is computed once and Python sorts the list, where a QSortFilterProxyModel would ask `data` for
    two keys at every comparison (thousands of calls into Python for a list of a few thousand rows)."""

    def __init__(self, columns: Sequence[Column[R]], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[R] = []
        self._order: tuple[int, bool] | None = None  # (column, descending) the rows are kept sorted by

    def set_rows(self, rows: list[R]) -> None:
        self.beginResetModel()
        self.rows = self._sorted(rows)
        self.endResetModel()

    def _sorted(self, rows: list[R]) -> list[R]:
        if self._order is None or not 0 <= self._order[0] < len(self.columns):
            return rows
        column, descending = self.columns[self._order[0]], self._order[1]

        def key(row: R):
            return column.sort(row) if column.sort else column.text(row).casefold()

        try:
            return sorted(rows, key=key, reverse=descending)
        except TypeError:  # keys of different kinds: as text
            return sorted(rows, key=lambda row: str(key(row)), reverse=descending)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._order = (column, order == Qt.SortOrder.DescendingOrder)
        if not self.rows:
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        held = [self.rows[i.row()] if 0 <= i.row() < len(self.rows) else None for i in before]
        self.rows = self._sorted(self.rows)
        place = {id(row): n for n, row in enumerate(self.rows)}
        self.changePersistentIndexList(before, [
            self.index(place[id(row)], i.column()) if row is not None and id(row) in place else QModelIndex()
            for row, i in zip(held, before, strict=True)])
        self.layoutChanged.emit()

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
            # Column titles are marked with QT_TRANSLATE_NOOP("Tables", ...) wherever a list is defined.
            return translate("Tables", self.columns[section].title)
        return None


class PagedTableModel(RowTableModel[R]):
    """Rows read from the database a page at a time as the view scrolls (canFetchMore/fetchMore), sorted
    there too: a list of 50,000 requests costs one page to show. `read(offset, limit, column, descending,
    done)` reads a page sorted by that column, off the UI thread (an operation), and calls `done(rows)` on it
    when the rows come, or `done(None)` when the read failed (it says why itself: the view stays as it was).
    An answer that a newer reload (another sort, filter or search) has overtaken is not shown; `reloaded`
    is emitted once a reload's rows are in."""

    reloaded = Signal()

    def __init__(self, columns: Sequence[Column[R]], read: Callable[..., None], page: int, parent=None):
        super().__init__(columns, parent)
        self.read, self.page = read, page
        self.sort_column, self.descending = -1, False
        self.more = False
        self._generation = 0  # reloads so far: a page read for an earlier one is not shown
        self._fetching = False
        self._to_end: Callable[[], None] | None = None  # End was pressed: read on to the last page, then this

    def reload(self, keep: bool = True) -> None:
        """Read again from the start: as many rows as are loaded now (`keep`), so that the selected row
        and the scroll position stay reachable, or one page."""
        wanted = max(self.page, len(self.rows)) if keep else self.page
        self._generation += 1
        generation, self._fetching, self._to_end = self._generation, True, None
        self.read(0, wanted, self.sort_column, self.descending,
                  lambda rows: self._reloaded(generation, wanted, rows))

    def _reloaded(self, generation: int, wanted: int, rows: list[R] | None) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        if rows is None:
            return
        self.more = len(rows) == wanted
        self.set_rows(rows)
        self.reloaded.emit()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802 - Qt's signature
        return not parent.isValid() and self.more and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or not self.more or self._fetching:
            return
        generation, offset, self._fetching = self._generation, len(self.rows), True
        self.read(offset, self.page, self.sort_column, self.descending,
                  lambda rows: self._fetched(generation, offset, rows))

    def _fetched(self, generation: int, offset: int, rows: list[R] | None) -> None:
        if generation != self._generation or offset != len(self.rows):
            return
        self._fetching = False  # a failed read is tried again at the next scroll
        if rows is None:
            return
        self.more = len(rows) == self.page
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        if self._to_end is not None:  # the cursor follows the end as each page comes
            then = self._to_end
            if not self.more:
                self._to_end = None
            then()
            if self.more:
                self.fetchMore()

    def read_to_end(self, then: Callable[[], None]) -> None:
        """Read the pages still to come, one after another off the UI thread, calling `then` as each is in."""
        self._to_end = then
        if not self._fetching:
            self.fetchMore()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self.sort_column, self.descending):
            return
        self.sort_column, self.descending = column, descending
        self.reload(keep=False)


class _SortingProxy(QSortFilterProxyModel):
    """Hands a sort to the source model (RowTableModel.sort: each key once), and keeps its order."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)


def sorting_proxy(model: RowTableModel, parent=None) -> QSortFilterProxyModel:
    proxy = _SortingProxy(parent)
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
        return domain_text(r.permission.short_label)
    if r.app_requires_permission and not r.status.is_decided:
        return translate("Tables", "App needs permission? {answer}").format(
            answer=domain_text(r.app_requires_permission.label))
    return ""


def _resource(r: RequestRow) -> str:
    """The resource's name; a renewal says so in words (a mark alone is not read out)."""
    name = r.resource_name or translate("Tables", "(no name yet)")
    return translate("Tables", "\u21bb Renewal: {name}").format(name=name) if r.renewal else name


# Sorted in the database (services.requests.QueueSort): the queue is read a page at a time.
QUEUE_COLUMNS: list[Column[RequestRow]] = [
    Column(QT_TRANSLATE_NOOP("Tables", "Status"), lambda r: status_text(r.status), order=QueueSort.STATUS),
    Column(QT_TRANSLATE_NOOP("Tables", "Requester"), lambda r: r.requester_name, order=QueueSort.REQUESTER),
    Column(QT_TRANSLATE_NOOP("Tables", "Resource"), _resource, order=QueueSort.RESOURCE),
    Column(QT_TRANSLATE_NOOP("Tables", "Grades"),
           lambda r: format_grades(r.grades, r.not_used_by_students), order=QueueSort.GRADES),
    SUBMITTED_COLUMN := Column(
        QT_TRANSLATE_NOOP("Tables", "Submitted"), lambda r: local_date(r.submitted_at), order=QueueSort.SUBMITTED
    ),
    Column(QT_TRANSLATE_NOOP("Tables", "Days waiting"), _days, order=QueueSort.DAYS_WAITING),
    Column(QT_TRANSLATE_NOOP("Tables", "Permission"), _permission, order=QueueSort.PERMISSION),
]

MY_COLUMNS: list[Column[RequestRow]] = [
    Column(QT_TRANSLATE_NOOP("Tables", "Status"),
           lambda r: status_text(r.status), lambda r: list(RequestStatus).index(r.status)),
    Column(QT_TRANSLATE_NOOP("Tables", "Resource"), _resource),
    Column(QT_TRANSLATE_NOOP("Tables", "Grades"), lambda r: format_grades(r.grades, r.not_used_by_students)),
    Column(QT_TRANSLATE_NOOP("Tables", "Submitted"),
           lambda r: local_date(r.submitted_at), lambda r: _when(r.submitted_at)),
    Column(QT_TRANSLATE_NOOP("Tables", "Last change"),
           lambda r: local_date(r.updated_at), lambda r: r.updated_at.timestamp()),
    Column(QT_TRANSLATE_NOOP("Tables", "Permission"), _permission),
]


def badge(state: ComplianceState) -> str:
    """A compliance status as a symbol and words: readable without colour."""
    return f"{state.mark} {domain_text(state.label)}"


# Worst first, so sorting by status brings the problems to the top.
STATE_ORDER = [ComplianceState.VOID, ComplianceState.EXPIRED, ComplianceState.NOTICE_NOT_POSTED,
                ComplianceState.MISSING_PROVISIONS, ComplianceState.DETAILS_TO_COMPLETE,
                ComplianceState.NO_CONTRACT, ComplianceState.EXCEPTION_INCOMPLETE,
                ComplianceState.NOTICE_DUE,
                ComplianceState.IEP_504_EXCEPTION, ComplianceState.NOT_REQUIRED, ComplianceState.COMPLIANT]


CATALOG_COLUMNS: list[Column[CatalogEntry]] = [
    Column(QT_TRANSLATE_NOOP("Tables", "Resource"), lambda e: e.name),
    Column(QT_TRANSLATE_NOOP("Tables", "Link"), lambda e: e.link),
    Column(QT_TRANSLATE_NOOP("Tables", "Grades"), lambda e: format_grades(e.grades, e.not_used_by_students)),
    Column(QT_TRANSLATE_NOOP("Tables", "Parental permission"), lambda e: domain_text(e.permission.short_label)),
    Column(QT_TRANSLATE_NOOP("Tables", "Contract status"),
           lambda e: badge(e.status.state), lambda e: STATE_ORDER.index(e.status.state)),
    # ADA Title II: a symbol and a word or two ("⚠ Not reviewed"; the details line has the date); those needing
    # review sort first.
    Column(QT_TRANSLATE_NOOP("Tables", "Accessibility"),
           lambda e: f"{e.accessibility.state.symbol} {domain_text(e.accessibility.state.label)}"
           if e.accessibility else "",
           lambda e: (not e.accessibility.needs_review, e.accessibility.text) if e.accessibility else (True, "")),
    Column(QT_TRANSLATE_NOOP("Tables", "Approved"),
           lambda e: local_date(e.approved_at), lambda e: e.approved_at.timestamp()),
    # In words and a symbol, not colour: the tools whose renewal was not approved, when they are listed.
    Column(QT_TRANSLATE_NOOP("Tables", "Approval"), lambda e: approval_words(e),
           lambda e: (e.approval_ended_at.timestamp() if e.approval_ended_at else float("inf"))),
]


def approval_words(e: CatalogEntry) -> str:
    if e.approval_ended_at is None:
        return translate("Tables", "\u2714 Current")
    return translate("Tables", "\u2716 Ended {day}").format(day=format_day(local_day(e.approval_ended_at)))



def _renewal_due(e: CatalogEntry) -> str:
    if e.approval_ended_at is not None:
        return translate("Tables", "\u2014 (approval ended)")
    if e.renewal_due is None:
        return translate("Tables", "Never")
    day = format_day(e.renewal_due)
    return translate("Tables", "\u26a0 {day} (overdue)").format(day=day) if e.renewal_due < date.today() else day


# For reviewers: when each approval comes back for re-review (services/renewals.py).
RENEWAL_DUE_COLUMN: Column[CatalogEntry] = Column(
    QT_TRANSLATE_NOOP("Tables", "Renewal due"), _renewal_due,
    lambda e: e.renewal_due.toordinal() if e.renewal_due else float("inf"))

PEOPLE_COLUMNS: list[Column[PersonView]] = [
    Column(QT_TRANSLATE_NOOP("Tables", "Name"), lambda p: p.name),
    Column(QT_TRANSLATE_NOOP("Tables", "Position"), lambda p: p.position),
    Column(QT_TRANSLATE_NOOP("Tables", "Email"), lambda p: p.email),
    Column(QT_TRANSLATE_NOOP("Tables", "Role"), lambda p: domain_text(p.role.label)),
    Column(QT_TRANSLATE_NOOP("Tables", "Active"),
           lambda p: translate("Tables", "Yes") if p.active else translate("Tables", "No")),
]
