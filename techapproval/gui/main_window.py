"""The main window: My requests, the review queue, approved resources, and (for IT) people and settings."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..db.database import DatabaseProblem
from ..domain.enums import RequestStatus, Role
from ..domain.settings import SETTINGS, district_heading
from ..services import people, settings
from ..services import requests as svc
from ..services.errors import Invalid, ServiceError
from .common import ErrorLabel, named, show_problem
from .context import AppContext
from .dialogs.person import AddPersonDialog, role_box
from .dialogs.request_window import RequestWindow
from .models.tables import (
    MY_COLUMNS,
    PEOPLE_COLUMNS,
    QUEUE_COLUMNS,
    ROW_ROLE,
    SUBMITTED_COLUMN,
    RowTableModel,
    sorting_proxy,
)
from .pages.catalog import CatalogPage
from .pages.contracts import ContractsPage
from .pages.deadlines import DeadlinesPage
from .pages.deletions import DeletionsPage
from .pages.exceptions import ExceptionsPage
from .pages.incidents import IncidentsPage
from .website import export_contracts_website
from .widgets.closures import ClosuresBox
from .widgets.list_view import ListView

WAITING = {RequestStatus.SUBMITTED, RequestStatus.RESUBMITTED}
SEARCH_DELAY_MS = 200


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.windows: dict[int | None, RequestWindow] = {}
        district = ctx.settings.get("district_name", "")
        self.setWindowTitle(f"techapproval \u2014 {district_heading(district)}")
        self.resize(1200, 760)

        central = QWidget()
        layout = QVBoxLayout(central)
        top = QHBoxLayout()
        self.who = named(QLabel(f"Signed in as {ctx.person.name} ({ctx.person.role.label})"), "Signed in as")
        top.addWidget(self.who)
        top.addStretch(1)
        self.new_button = named(QPushButton("&New request"), "New request", "Ctrl+N")
        self.new_button.clicked.connect(self.new_request)
        top.addWidget(self.new_button)
        layout.addLayout(top)

        self.tabs = named(QTabWidget(), "Sections")
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)

        self._build_my_requests()
        if ctx.is_reviewer:
            self._build_queue()
        self._build_catalog()
        if ctx.is_reviewer:
            self._build_contracts()
            self._build_incidents()
            self._build_deletions_and_exceptions()
            self._build_deadlines()
        if ctx.person.role is Role.ADMINISTRATOR:
            self._build_people()
            self._build_settings()
        self._build_menus()
        self.statusBar().showMessage(f"Database: {ctx.db.location}")
        self.refresh()
        if ctx.is_reviewer:
            self.tabs.setCurrentWidget(self.queue_page)

    # --- pages ------------------------------------------------------------------------------

    def _build_my_requests(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel("Requests you have filed. Press Enter or double-click to open one; Ctrl+N starts a new one.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.my_model = RowTableModel(MY_COLUMNS, self)
        self.my_view = ListView("My requests", lambda: self.open_request(self.my_view.current_row()), stretch=1)
        self.my_view.setModel(sorting_proxy(self.my_model, self))
        layout.addWidget(self.my_view)
        self.tabs.addTab(page, "&My requests")

    def _build_queue(self) -> None:
        self.queue_page = page = QWidget()
        layout = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.status_filter = named(QComboBox(), "Status filter")
        self.status_filter.addItem("Waiting for a decision", WAITING)
        self.status_filter.addItem("All requests", None)
        for status in RequestStatus:
            if status is not RequestStatus.DRAFT:
                self.status_filter.addItem(status.label, {status})
        filter_label = QLabel("S&how:")
        filter_label.setBuddy(self.status_filter)
        self.search = named(QLineEdit(), "Search requests", "Words in the resource name, link or requester's name")
        self.search.setPlaceholderText("Search resource, link or requester")
        self.search.setClearButtonEnabled(True)
        search_label = QLabel("Sea&rch:")
        search_label.setBuddy(self.search)
        for w in (filter_label, self.status_filter, search_label):
            bar.addWidget(w)
        bar.addWidget(self.search, 1)
        layout.addLayout(bar)
        self.counts = named(QLabel(), "Counts per status")
        layout.addWidget(self.counts)
        self.queue_model = RowTableModel(QUEUE_COLUMNS, self)
        self.queue_view = ListView("Review queue", lambda: self.open_request(self.queue_view.current_row()), stretch=2)
        self.queue_proxy = sorting_proxy(self.queue_model, self)
        self.queue_view.setModel(self.queue_proxy)
        self.queue_view.sortByColumn(QUEUE_COLUMNS.index(SUBMITTED_COLUMN), Qt.SortOrder.AscendingOrder)  # oldest first
        layout.addWidget(self.queue_view)
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.refresh_queue)
        self.search.textChanged.connect(self.search_timer.start)
        self.status_filter.currentIndexChanged.connect(self.refresh_queue)
        self.tabs.addTab(page, "Review &queue")

    def _build_catalog(self) -> None:
        self.catalog_page = CatalogPage(self.ctx)
        self.catalog_page.changed.connect(self.refresh)
        self.tabs.addTab(self.catalog_page, "&Approved resources")

    def _build_contracts(self) -> None:
        self.contracts_page = ContractsPage(self.ctx)
        self.contracts_page.changed.connect(self.refresh)
        self.tabs.addTab(self.contracts_page, "&Contracts")

    def open_contract(self, contract_id: int) -> None:
        self.tabs.setCurrentWidget(self.contracts_page)
        self.contracts_page.select(contract_id)
        self.contracts_page.edit_contract()

    def _build_incidents(self) -> None:
        self.incidents_page = IncidentsPage(self.ctx)
        self.incidents_page.changed.connect(self.refresh)
        self.tabs.addTab(self.incidents_page, "&Incidents")

    def open_incident(self, incident_id: int) -> None:
        self.tabs.setCurrentWidget(self.incidents_page)
        self.incidents_page.open_incident(incident_id)

    def _build_deletions_and_exceptions(self) -> None:
        self.deletions_page = DeletionsPage(self.ctx)
        self.deletions_page.changed.connect(self.refresh)
        self.tabs.addTab(self.deletions_page, "Deletions")  # Ctrl+Tab reaches it; the letters are taken
        self.exceptions_page = ExceptionsPage(self.ctx)
        self.exceptions_page.changed.connect(self.refresh)
        self.tabs.addTab(self.exceptions_page, "IEP/504 e&xceptions")

    def open_deletion(self, request_id: int) -> None:
        self.tabs.setCurrentWidget(self.deletions_page)
        self.deletions_page.select_request(request_id)

    def _build_deadlines(self) -> None:
        self.deadlines_page = DeadlinesPage(self.ctx)
        self.deadlines_page.open_contract.connect(self.open_contract)
        self.deadlines_page.open_incident.connect(self.open_incident)
        self.deadlines_page.open_deletion.connect(self.open_deletion)
        self.overdue = named(QLabel(), "Overdue obligations")
        self.statusBar().addPermanentWidget(self.overdue)
        self.deadlines_page.counted.connect(self._show_overdue)
        self.tabs.addTab(self.deadlines_page, "&Deadlines")

    def _show_overdue(self, count: int) -> None:
        index = self.tabs.indexOf(self.deadlines_page)
        self.tabs.setTabText(index, f"&Deadlines ({count} overdue)" if count else "&Deadlines")
        self.overdue.setText(f"⚠ {count} overdue obligation{'s' if count != 1 else ''}" if count else
                             "✔ Nothing overdue")

    def _build_people(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.people_model = RowTableModel(PEOPLE_COLUMNS, self)
        self.people_view = ListView("People", lambda: None)
        self.people_view.setModel(sorting_proxy(self.people_model, self))
        layout.addWidget(self.people_view)
        bar = QHBoxLayout()
        add = named(QPushButton("A&dd person\u2026"), "Add person")
        add.clicked.connect(self.add_person)
        self.role_choice = named(role_box(), "New role")
        change = named(QPushButton("Change ro&le"), "Change role")
        change.clicked.connect(self.change_role)
        label = QLabel("Role for the selected person:")
        label.setBuddy(self.role_choice)
        for w in (add, label, self.role_choice, change):
            bar.addWidget(w)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.tabs.addTab(page, "&People")

    def _build_settings(self) -> None:
        page = QWidget()
        layout = QFormLayout(page)
        self.setting_fields: dict[str, QLineEdit] = {}
        self.setting_errors: dict[str, ErrorLabel] = {}
        for key, spec in SETTINGS.items():
            edit = named(QLineEdit(self.ctx.settings.get(key, spec.default)), spec.title)
            error = ErrorLabel(edit, spec.title)
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(edit)
            column.addWidget(error)
            label = QLabel(spec.title + ":")
            label.setBuddy(edit)
            layout.addRow(label, holder)
            self.setting_fields[key] = edit
            self.setting_errors[key] = error
        save = named(QPushButton("&Save settings"), "Save settings")
        save.clicked.connect(self.save_settings)
        layout.addRow(save)
        self.closures = ClosuresBox(self.ctx)
        self.closures.changed.connect(self.refresh)
        layout.addRow(self.closures)
        self.tabs.addTab(page, "Se&ttings")

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        new = QAction("&New request", self, shortcut=QKeySequence.StandardKey.New, triggered=self.new_request)
        print_ = QAction("&Print decision\u2026", self, shortcut=QKeySequence.StandardKey.Print,
                         triggered=self.print_selected)
        refresh = QAction("&Refresh", self, shortcut=QKeySequence.StandardKey.Refresh, triggered=self.refresh)
        quit_ = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit, triggered=self.close)
        for action in (new, print_, refresh):
            file_menu.addAction(action)
        export = QAction("&Export contracts website…", self, triggered=self.export_website)
        file_menu.addAction(export)
        file_menu.addSeparator()
        file_menu.addAction(quit_)
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(QAction("&Keyboard shortcuts", self, triggered=self.show_shortcuts))
        help_menu.addAction(QAction("&About techapproval", self, triggered=self.show_about))

    # --- data -------------------------------------------------------------------------------

    def refresh(self) -> None:
        try:
            self.my_model.set_rows(self.ctx.call(svc.list_my_requests))
            self.refresh_queue()
            self.refresh_catalog()
            if self.ctx.is_reviewer:
                self.contracts_page.refresh()
                self.incidents_page.refresh()
                self.deletions_page.refresh()
                self.exceptions_page.refresh()
                self.deadlines_page.refresh()
            if self.ctx.person.role is Role.ADMINISTRATOR:
                self.people_model.set_rows(self.ctx.call(people.list_people))
                self.closures.refresh()
        except (ServiceError, DatabaseProblem) as exc:
            show_problem(self, exc)

    def refresh_queue(self) -> None:
        if not self.ctx.is_reviewer:
            return
        selected = self.queue_view.current_row()
        rows = self.ctx.call(svc.list_queue, self.status_filter.currentData(), self.search.text())
        self.queue_model.set_rows(rows)
        counts = self.ctx.call(svc.queue_counts)
        self.counts.setText("  \u00b7  ".join(f"{status.label}: {n}" for status, n in counts.items()))
        if selected is not None:  # keep the reviewer's place
            for row in range(self.queue_proxy.rowCount()):
                index = self.queue_proxy.index(row, 0)
                if index.data(ROW_ROLE).id == selected.id:
                    self.queue_view.setCurrentIndex(index)
                    break
        elif self.queue_proxy.rowCount():
            self.queue_view.setCurrentIndex(self.queue_proxy.index(0, 0))

    def refresh_catalog(self) -> None:
        self.catalog_page.refresh()

    # --- actions ----------------------------------------------------------------------------

    def new_request(self) -> RequestWindow:
        window = RequestWindow(self.ctx, None, self)
        window.changed.connect(lambda _id: self.refresh())
        window.show()
        window.form.resource_name.setFocus()
        self.windows[None] = window
        return window

    def open_request(self, row) -> RequestWindow | None:
        if row is None:
            return None
        existing = self.windows.get(row.id)
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
        try:
            window = RequestWindow(self.ctx, row.id, self)
        except (ServiceError, DatabaseProblem) as exc:
            show_problem(self, exc)
            return None
        window.changed.connect(lambda _id: self.refresh())
        window.show()
        self.windows[row.id] = window
        return window

    def current_list_row(self):
        page = self.tabs.currentWidget()
        for view in (getattr(self, "queue_view", None), self.my_view):
            if view is not None and page.isAncestorOf(view):
                return view.current_row()
        return None

    def print_selected(self) -> None:
        window = self.open_request(self.current_list_row())
        if window is not None:
            window.print_decision()

    def add_person(self) -> None:
        dialog = AddPersonDialog(self.ctx, self)
        if dialog.exec():
            self.refresh()

    def change_role(self) -> None:
        person = self.people_view.current_row()
        if person is None:
            QMessageBox.information(self, "Change role", "Select a person first.")
            return
        try:
            self.ctx.call(people.change_role, person.id, self.role_choice.currentData())
        except (ServiceError, DatabaseProblem) as exc:
            show_problem(self, exc)
        self.refresh()

    def save_settings(self) -> None:
        values = {key: edit.text() for key, edit in self.setting_fields.items()}
        try:
            self.ctx.settings = self.ctx.call(settings.update_settings, values)
        except Invalid as exc:
            for key, error in self.setting_errors.items():
                error.show_message(exc.errors.get(key))
            return
        for error in self.setting_errors.values():
            error.show_message(None)
        self.statusBar().showMessage("Settings saved.", 5000)

    def export_website(self) -> None:
        if export_contracts_website(self, self.ctx) is not None:
            self.refresh()

    def show_shortcuts(self) -> None:
        QMessageBox.information(self, "Keyboard shortcuts", "\n".join([
            "Ctrl+N  New request", "Enter  Open the selected request", "Ctrl+P  Print the decision",
            "F5  Refresh the lists", "Tab / Shift+Tab  Move between fields",
            "Alt + underlined letter  Jump to that field or button", "Escape  Close a request window (it is saved)",
        ]))

    def show_about(self) -> None:
        from ..db.schema import HEAD

        QMessageBox.about(self, "About techapproval", (
            f"techapproval {__version__}\n"
            "Staff requests for approval of technology resources, Connecticut policy 3520.13.\n\n"
            f"Database: {self.ctx.db.location}\nSchema version: {HEAD}"
        ))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        for window in list(self.windows.values()):
            if window.isVisible() and not window.close():
                event.ignore()
                return
        super().closeEvent(event)


