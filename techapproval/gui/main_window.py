"""The main window: My requests, the review queue, approved resources, and (for IT) people and settings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from types import SimpleNamespace
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
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
from sqlalchemy.exc import SQLAlchemyError

from ..db.database import DatabaseProblem
from ..domain.changes import NOTHING, ChangeSet, Kind
from ..domain.enums import RequestStatus, Role
from ..domain.settings import SETTINGS, district_heading
from ..services import people, settings
from ..services import requests as svc
from ..services.errors import Conflict, Invalid, ServiceError
from .common import SEARCH_DELAY_MS, ErrorLabel, after_first_paint, named, show_problem
from .context import AppContext
from .i18n import domain_text, translate
from .models.tables import (
    MY_COLUMNS,
    PEOPLE_COLUMNS,
    QUEUE_COLUMNS,
    READ_ERRORS,
    SUBMITTED_COLUMN,
    PagedTableModel,
    RowTableModel,
    sorting_proxy,
)
from .recovery import DraftStore
from .screen import fit_to_screen, scrolled
from .widgets.list_view import ListView

if TYPE_CHECKING:  # the request window, the dialogs and the hidden tabs' pages load when first wanted
    from .dialogs.request_window import RequestWindow
    from .pages.catalog import CatalogPage
    from .pages.contracts import ContractsPage
    from .pages.deadlines import DeadlinesPage
    from .pages.deletions import DeletionsPage
    from .pages.exceptions import ExceptionsPage
    from .pages.incidents import IncidentsPage

WAITING = {RequestStatus.SUBMITTED, RequestStatus.RESUBMITTED}
# How often the lists look for changes made at other desks: one tiny SELECT of the change counter.
POLL_MS = 3_000
POLL_BACKOFF = 10  # while the database does not answer, the looks thin out to at most POLL_BACKOFF × POLL_MS
UNREACHABLE = QT_TRANSLATE_NOOP("MainWindow", "\u26a0 Cannot reach the database; retrying")

# What each tab shows: it is read again only when a change touches one of these kinds (domain/changes.py).
# Compliance is computed from contracts, exceptions, the calendar and settings, so the lists that show it
# declare those too.
COMPLIANCE = {Kind.CONTRACTS, Kind.CATALOG, Kind.EXCEPTIONS, Kind.CALENDAR, Kind.SETTINGS}
PAGE_KINDS: dict[str, frozenset[Kind]] = {
    "my": frozenset({Kind.REQUESTS}),
    "queue": frozenset({Kind.REQUESTS}),
    "catalog": frozenset({*COMPLIANCE, Kind.ACCESSIBILITY, Kind.IMPORTS}),
    "contracts": frozenset({*COMPLIANCE, Kind.IMPORTS}),
    "incidents": frozenset({Kind.INCIDENTS, Kind.CONTRACTS, Kind.CALENDAR}),
    "deletions": frozenset({Kind.DELETIONS, Kind.CONTRACTS, Kind.CALENDAR}),
    "exceptions": frozenset({Kind.EXCEPTIONS, Kind.CATALOG, Kind.CONTRACTS}),
    "deadlines": frozenset({*COMPLIANCE, Kind.REQUESTS, Kind.INCIDENTS, Kind.DELETIONS, Kind.ACCESSIBILITY,
                            Kind.NOTICES, Kind.IMPORTS}),
    "people": frozenset({Kind.PEOPLE}),
    "settings": frozenset({Kind.SETTINGS, Kind.CALENDAR}),
}


def _dialog_open() -> bool:
    """Whether a modal dialog is up. Asked of the windows themselves, not QApplication.activeModalWidget():
    an idle poll must make no Qt call that returns None or nothing, since PySide6 6.12.0 on Python 3.11
    drops a reference to None with each such call (None is immortal only from Python 3.12)."""
    return any(w.isModal() and w.isVisible() for w in QApplication.topLevelWidgets())


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, poll_ms: int | None = None):
        super().__init__()
        self.ctx = ctx
        self.windows: dict[int | None, RequestWindow] = {}
        self.restart_requested = False  # a restore replaced the data: gui/app.py signs in again
        self.seen_event: int | None = None  # the newest audit event when the lists were last read
        self.own_changes = NOTHING  # this desk's own changes, not yet handed to the pages (apply_changes)
        self.polling = False  # a look for others' changes is on its way (on the worker thread)
        ctx.on_changes(self._own_change)
        self.desk_notifier = None  # gui/tray.py: set by gui/app.py for the window it shows
        self.renewals_checked_on: date | None = None  # the day due renewals were last put in the queue
        self._renewals_opening: date | None = None  # the day of the look for due renewals under way
        district = ctx.settings.get("district_name", "")
        # The district only: Qt adds the application's display name ("\u2014 techapproval") on its own.
        self.setWindowTitle(district_heading(district))
        fit_to_screen(self, 1200, 760)

        central = QWidget()
        layout = QVBoxLayout(central)
        top = QHBoxLayout()
        self.who = named(
            QLabel(
                translate("MainWindow", "Signed in as {name} \u00b7 {role}").format(
                    name=ctx.person.name, role=domain_text(ctx.person.role.label)
                )
            ),
            translate("MainWindow", "Signed in as"),
        )
        top.addWidget(self.who)
        top.addStretch(1)
        self.new_button = named(
            QPushButton(translate("MainWindow", "&New request")),
            translate("MainWindow", "New request"),
            "Ctrl+N",
        )
        self.new_button.clicked.connect(self.new_request)
        top.addWidget(self.new_button)
        layout.addLayout(top)

        self.tabs = named(QTabWidget(), translate("MainWindow", "Sections"))
        # Tabs whose pages are made when first shown or used (`page`), or just after the window's first
        # paint: their modules and widgets do not hold back the list the person opened the app for.
        self.unbuilt: dict[str, tuple[QWidget, Callable[[], QWidget]]] = {}
        self.pages: dict[str, QWidget] = {}
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
        self.statusBar().showMessage(translate("MainWindow", "Database: {location}").format(location=ctx.location))
        self.connection = named(QLabel(), translate("MainWindow", "Database connection"))
        self.connection.hide()
        self.database_silent = False  # the last look at the database had no answer; the label says so
        self.statusBar().addPermanentWidget(self.connection)
        self.working = named(QLabel(translate("MainWindow", "\u23f3 Working\u2026")),
                             translate("MainWindow", "Working"))
        self.working.hide()  # shown while an operation takes longer than a moment (gui/operations.py)
        self.statusBar().addPermanentWidget(self.working)
        from .operations import Operations

        Operations.instance().busy_changed.connect(self._show_working)
        self.poll_ms = poll_ms or POLL_MS
        self.poll_timer = QTimer(self, interval=self.poll_ms)
        self.poll_timer.timeout.connect(self.poll)
        self.stale: set[str] = set()  # tabs (keys of _loaders) to read again when next shown: others changed
        if ctx.is_reviewer:
            self.tabs.setCurrentWidget(self.queue_page)
        self.refresh(overdue_now=False)  # the overdue count once the window has shown its first list
        self.tabs.currentChanged.connect(self._tab_shown)
        after_first_paint(self, self._build_pages)
        self.poll_timer.start()
        QTimer.singleShot(0, self, self.recover_typed_input)  # once this window shows

    # --- pages ------------------------------------------------------------------------------

    def _build_my_requests(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            translate(
                "MainWindow",
                "Requests you have filed. Press Enter or double-click to open one; Ctrl+N starts a new one.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.my_model = RowTableModel(MY_COLUMNS, self)
        self.my_view = ListView(translate("MainWindow", "My requests"),
                                lambda: self.open_request(self.my_view.current_row()), stretch=1)
        self.my_view.setModel(sorting_proxy(self.my_model, self))
        layout.addWidget(self.my_view)
        self.tabs.addTab(page, translate("MainWindow", "&My requests"))
        self.pages["my"] = page

    def _build_queue(self) -> None:
        self.queue_page = page = QWidget()
        layout = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.status_filter = named(QComboBox(), translate("MainWindow", "Status filter"))
        self.status_filter.addItem(translate("MainWindow", "Waiting for a decision"), WAITING)
        self.status_filter.addItem(translate("MainWindow", "All requests"), None)
        for status in RequestStatus:
            if status is not RequestStatus.DRAFT:
                self.status_filter.addItem(domain_text(status.label), {status})
        filter_label = QLabel(translate("MainWindow", "&Show:"))
        filter_label.setBuddy(self.status_filter)
        self.search = named(
            QLineEdit(),
            translate("MainWindow", "Search requests"),
            translate("MainWindow", "Words in the resource name, link or requester's name"),
        )
        self.search.setPlaceholderText(translate("MainWindow", "Search resource, link or requester"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(translate("MainWindow", "Sea&rch:"))
        search_label.setBuddy(self.search)
        for w in (filter_label, self.status_filter, search_label):
            bar.addWidget(w)
        bar.addWidget(self.search, 1)
        layout.addLayout(bar)
        self.counts = named(QLabel(), translate("MainWindow", "Counts per status"))
        layout.addWidget(self.counts)
        # Read a page at a time, sorted and searched in the database: ten years of requests cost one page.
        self.queue_model = PagedTableModel(QUEUE_COLUMNS, self._read_queue, svc.QUEUE_PAGE, self)
        self.queue_view = ListView(translate("MainWindow", "Review queue"),
                                   lambda: self.open_request(self.queue_view.current_row()), stretch=2)
        self.queue_view.setModel(self.queue_model)
        self.queue_model.reloaded.connect(self.queue_view.select_first_if_none)
        self.queue_model.sort_column = QUEUE_COLUMNS.index(SUBMITTED_COLUMN)  # oldest first, as the header shows:
        self.queue_view.sortByColumn(self.queue_model.sort_column, Qt.SortOrder.AscendingOrder)  # read at refresh
        layout.addWidget(self.queue_view)
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self._requery)
        self.search.textChanged.connect(self.search_timer.start)
        self.status_filter.currentIndexChanged.connect(self._requery)
        self.tabs.addTab(page, translate("MainWindow", "Review &queue"))
        self.pages["queue"] = page

    def _add_page(self, key: str, title: str, make: Callable[[], QWidget]) -> None:
        """A tab whose page `make` builds when it is first shown or asked for."""
        holder = QWidget()
        self.unbuilt[key] = (holder, make)
        self.tabs.addTab(holder, title)

    def page(self, key: str) -> QWidget:
        """The tab's page, built now if it was not yet: it takes its holder's place in the tabs."""
        if key in self.pages:
            return self.pages[key]
        holder, make = self.unbuilt.pop(key)
        page = self.pages[key] = make()
        index, current = self.tabs.indexOf(holder), self.tabs.currentIndex()
        self.tabs.blockSignals(True)  # the same tab stays current; nothing was shown or hidden
        try:
            self.tabs.insertTab(index, page, self.tabs.tabText(index))
            self.tabs.removeTab(index + 1)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(False)
        holder.deleteLater()
        return page

    def _build_pages(self) -> None:
        """After the first paint, the pages not yet built, one per turn of the event loop."""
        if self.unbuilt:
            self.page(next(iter(self.unbuilt)))
            QTimer.singleShot(0, self, self._build_pages)

    def _key_of(self, widget: QWidget | None) -> str | None:
        return next((key for key, page in {**self.pages, **{k: h for k, (h, _) in self.unbuilt.items()}}.items()
                     if page is widget), None)

    catalog_page = property(lambda self: cast("CatalogPage", self.page("catalog")))
    contracts_page = property(lambda self: cast("ContractsPage", self.page("contracts")))
    incidents_page = property(lambda self: cast("IncidentsPage", self.page("incidents")))
    deletions_page = property(lambda self: cast("DeletionsPage", self.page("deletions")))
    exceptions_page = property(lambda self: cast("ExceptionsPage", self.page("exceptions")))
    deadlines_page = property(lambda self: cast("DeadlinesPage", self.page("deadlines")))

    def _changing_page(self, page: QWidget) -> QWidget:
        page.changed.connect(self.apply_changes)
        return page

    def _build_catalog(self) -> None:
        def make():
            from .pages.catalog import CatalogPage
            return self._changing_page(CatalogPage(self.ctx))

        self._add_page("catalog", translate("MainWindow", "&Approved resources"), make)

    def _build_contracts(self) -> None:
        def make():
            from .pages.contracts import ContractsPage
            return self._changing_page(ContractsPage(self.ctx))

        self._add_page("contracts", translate("MainWindow", "&Contracts"), make)

    def open_contract(self, contract_id: int) -> None:
        self._go_to("contracts")
        self.contracts_page.open_contract(contract_id)

    def _go_to(self, key: str) -> None:
        """Show a tab to act on one of its records at once: a stale list is read now, not on the worker
        thread, so the record can be selected in it."""
        page = self.page(key)
        if key in self.stale:
            page.refresh()
            self.stale.discard(key)
        self.tabs.setCurrentWidget(page)

    def _build_incidents(self) -> None:
        def make():
            from .pages.incidents import IncidentsPage
            return self._changing_page(IncidentsPage(self.ctx))

        self._add_page("incidents", translate("MainWindow", "&Incidents"), make)

    def open_incident(self, incident_id: int) -> None:
        self._go_to("incidents")
        self.incidents_page.open_incident(incident_id)

    def _build_deletions_and_exceptions(self) -> None:
        def deletions():
            from .pages.deletions import DeletionsPage
            return self._changing_page(DeletionsPage(self.ctx))

        def exceptions():
            from .pages.exceptions import ExceptionsPage
            return self._changing_page(ExceptionsPage(self.ctx))

        # "Deletions" has no mnemonic: Ctrl+Tab reaches it; the letters are taken
        self._add_page("deletions", translate("MainWindow", "Deletions"), deletions)
        self._add_page("exceptions", translate("MainWindow", "IEP/504 e&xceptions"), exceptions)

    def open_deletion(self, request_id: int) -> None:
        self._go_to("deletions")
        self.deletions_page.select_request(request_id)

    def open_renewal(self, obligation) -> RequestWindow | None:
        """A renewal due (a Deadlines line): its request window; when none is open yet, the reviewer first
        names the staff member who uses the tool."""
        request_id = obligation.ref.request_id
        if request_id is None:
            from .dialogs.open_renewal import OpenRenewalDialog

            dialog = OpenRenewalDialog(self.ctx, obligation.ref.resource_id, obligation.subject, self)
            accepted, request_id = dialog.exec(), dialog.request_id
            dialog.deleteLater()
            if not accepted or request_id is None:
                return None
            self.apply_changes()
        return self.open_request(SimpleNamespace(id=request_id))

    def open_accessibility(self, resource_id: int) -> None:
        """An ACCESSIBILITY_REVIEW line of the deadlines: the review dialog for that approved tool."""
        from ..services import catalog
        from .dialogs.accessibility_review import AccessibilityReviewDialog

        try:
            name = self.ctx.call(catalog.get_entry, resource_id).name
        except (ServiceError, DatabaseProblem) as exc:
            show_problem(self, exc)
            return
        dialog = AccessibilityReviewDialog(self.ctx, name, resource_id=resource_id, parent=self)
        if dialog.exec():
            self.apply_changes()
        dialog.deleteLater()

    def _build_deadlines(self) -> None:
        def make():
            from .pages.deadlines import DeadlinesPage
            page = DeadlinesPage(self.ctx)
            page.open_contract.connect(self.open_contract)
            page.open_incident.connect(self.open_incident)
            page.open_deletion.connect(self.open_deletion)
            page.open_accessibility.connect(self.open_accessibility)
            page.open_renewal.connect(self.open_renewal)
            page.counted.connect(self._show_overdue)
            return page

        self.overdue = named(QLabel(), translate("MainWindow", "Overdue obligations"))
        self.statusBar().addPermanentWidget(self.overdue)
        self._add_page("deadlines", translate("MainWindow", "&Deadlines"), make)

    def _show_overdue(self, count: int) -> None:
        index = self.tabs.indexOf(self.deadlines_page)
        self.tabs.setTabText(
            index,
            translate("MainWindow", "&Deadlines ({count} overdue)").format(count=count)
            if count
            else translate("MainWindow", "&Deadlines"),
        )
        self.overdue.setText(
            (translate("MainWindow", "\u26a0 {count} overdue obligations") if count != 1
             else translate("MainWindow", "\u26a0 {count} overdue obligation")).format(count=count)
            if count
            else translate("MainWindow", "✔ Nothing overdue")
        )

    def _build_people(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.people_model = RowTableModel(PEOPLE_COLUMNS, self)
        self.people_view = ListView(translate("MainWindow", "People"), lambda: None)
        self.people_view.setModel(sorting_proxy(self.people_model, self))
        layout.addWidget(self.people_view)
        bar = QHBoxLayout()
        add = named(QPushButton(translate("MainWindow", "Add p&erson\u2026")), translate("MainWindow", "Add person"))
        add.clicked.connect(self.add_person)
        from .dialogs.person import role_box  # the administrator's tabs: modules loaded only for them

        self.role_choice = named(role_box(), translate("MainWindow", "New role"))
        change = named(QPushButton(translate("MainWindow", "Change ro&le")), translate("MainWindow", "Change role"))
        change.clicked.connect(self.change_role)
        label = QLabel(translate("MainWindow", "Role for the selected person:"))
        label.setBuddy(self.role_choice)
        reset = named(
            QPushButton(translate("MainWindow", "&Reset password\u2026")),
            translate("MainWindow", "Reset password"),
            translate("MainWindow", "Give the selected person a temporary password; any lock-out ends"),
        )
        reset.clicked.connect(self.reset_password)
        self.switch_button = named(
            QPushButton(),
            translate("MainWindow", "Switch account off or on"),
            translate("MainWindow", "Someone who left cannot sign in; everything they did stays on record"),
        )
        self.switch_button.clicked.connect(self.switch_account)
        self.people_view.selectionModel().currentRowChanged.connect(self._label_switch)
        self.people_model.modelReset.connect(self._label_switch)
        self.people_view.selectionModel().currentRowChanged.connect(self._show_role)
        self.people_model.modelReset.connect(self._show_role)
        self._label_switch()
        self._show_role()
        for w in (add, label, self.role_choice, change, reset, self.switch_button):
            bar.addWidget(w)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.tabs.addTab(page, translate("MainWindow", "&People"))
        self.pages["people"] = page

    def _build_settings(self) -> None:
        page = QWidget()
        layout = QFormLayout(page)
        from .widgets.setting_choice import SettingChoice

        self.setting_fields: dict[str, QLineEdit | SettingChoice] = {}
        self.setting_errors: dict[str, ErrorLabel] = {}
        # What each field showed when read from the database: a field whose text differs is being edited.
        self.settings_shown = {key: self.ctx.settings.get(key, spec.default) for key, spec in SETTINGS.items()}
        for key, spec in SETTINGS.items():
            edit = named(SettingChoice(spec.choices, self.settings_shown[key]) if spec.kind == "choice"
                         else QLineEdit(self.settings_shown[key]), spec.title)
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
        save = named(QPushButton(translate("MainWindow", "&Save settings")), translate("MainWindow", "Save settings"))
        save.clicked.connect(self.save_settings)
        layout.addRow(save)
        from .widgets.closures import ClosuresBox

        self.closures = ClosuresBox(self.ctx)
        self.closures.changed.connect(self.apply_changes)
        layout.addRow(self.closures)
        from .settings_email import EmailBox

        self.email_box = EmailBox(self.ctx)
        layout.addRow(self.email_box)
        area = scrolled(page, translate("MainWindow", "Settings page"))  # taller than a small screen leaves it
        self.tabs.addTab(area, translate("MainWindow", "Se&ttings"))
        self.pages["settings"] = area

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(translate("MainWindow", "&File"))
        new = QAction(
            translate("MainWindow", "&New request"),
            self,
            shortcut=QKeySequence.StandardKey.New,
            triggered=self.new_request,
        )
        print_ = QAction(
            translate("MainWindow", "&Print decision\u2026"),
            self,
            shortcut=QKeySequence.StandardKey.Print,
            triggered=self.print_selected,
        )
        refresh = QAction(
            translate("MainWindow", "&Refresh"), self, shortcut=QKeySequence.StandardKey.Refresh, triggered=self.refresh
        )
        quit_ = QAction(
            translate("MainWindow", "&Quit"), self, shortcut=QKeySequence.StandardKey.Quit, triggered=self.close
        )
        for action in (new, print_, refresh):
            file_menu.addAction(action)
        export = QAction(translate("MainWindow", "&Export contracts website…"), self, triggered=self.export_website)
        file_menu.addAction(export)
        if self.ctx.is_reviewer:
            file_menu.addAction(
                QAction(
                    translate("MainWindow", "Save &decision sheets\u2026"), self, triggered=self.save_decision_sheets
                )
            )
            file_menu.addAction(QAction(translate("MainWindow", "&Import approved resources and contracts\u2026"),
                                        self, triggered=self.import_records))
            file_menu.addAction(
                QAction(translate("MainWindow", "E&xport records\u2026"), self, triggered=self.export_records)
            )
        file_menu.addAction(
            QAction(translate("MainWindow", "Change pass&word\u2026"), self, triggered=self.change_password)
        )
        file_menu.addAction(QAction(translate("MainWindow", "My email &notifications\u2026"), self,
                                    triggered=self.email_preferences))
        if self.ctx.person.role is Role.ADMINISTRATOR:  # the administrator's care of the whole database
            file_menu.addSeparator()
            file_menu.addAction(
                QAction(translate("MainWindow", "Back &up the database\u2026"), self, triggered=self.backup_database))
            file_menu.addAction(QAction(translate("MainWindow", "Restore the database from a bac&kup\u2026"), self,
                                        triggered=self.restore_database))
        file_menu.addSeparator()
        file_menu.addAction(quit_)
        help_menu = self.menuBar().addMenu(translate("MainWindow", "&Help"))
        help_menu.addAction(QAction(translate("MainWindow", "&Policy 3520.13"), self, triggered=self.show_policy))
        help_menu.addAction(
            QAction(translate("MainWindow", "&Keyboard shortcuts"), self, triggered=self.show_shortcuts)
        )
        help_menu.addAction(QAction(translate("MainWindow", "&About techapproval"), self, triggered=self.show_about))

    # --- data -------------------------------------------------------------------------------

    def refresh(self, overdue_now: bool = True) -> None:
        """Read the lists again (at start and on F5): the tab in view and the overdue count now (or, at
        start, just after the window shows), the other tabs when they are next shown, so a district's ten
        years of data cost one tab's reading, not all of them. Each list keeps its selected row, scroll
        position, sort and search; open request windows and their unsaved input are left alone."""
        try:
            self.seen_event = self.ctx.backend.last_event()  # read first: the lists are at least this new
            self.own_changes = NOTHING
            self._reload(ChangeSet.all(), overdue_now)
            self._database_answers()
        except (ServiceError, DatabaseProblem) as exc:
            show_problem(self, exc)

    def _own_change(self, changes: ChangeSet) -> None:
        """A use case run here changed something: kept until the action that ran it is done (apply_changes),
        so a page is never read again in the middle of its own handler."""
        if not self.own_changes:
            QTimer.singleShot(0, self, self.apply_changes)
        self.own_changes = self.own_changes | changes

    def apply_changes(self) -> None:
        """Hand this desk's own changes to the pages: those that show a kind that changed read again."""
        changes, self.own_changes = self.own_changes, NOTHING
        if not changes:
            return
        try:
            self._reload(changes)
        except (ServiceError, DatabaseProblem) as exc:
            show_problem(self, exc)

    def _loaders(self) -> dict[str, Callable[[], None]]:
        """Each tab by its key, with what reads its lists again (building its page first if need be)."""
        loaders: dict[str, Callable[[], None]] = {
            "my": lambda: self._load("my", self.my_model, [(svc.list_my_requests,)], self.my_model.set_rows),
        }
        if self.ctx.is_reviewer:
            loaders["queue"] = self.refresh_queue  # a page at a time, sorted and searched in the database
        loaders["catalog"] = lambda: self._load_page("catalog")
        if self.ctx.is_reviewer:  # the deadlines page counts the overdue for the tab and status bar
            for key in ("contracts", "incidents", "deletions", "exceptions", "deadlines"):
                loaders[key] = lambda key=key: self._load_page(key)
        if self.ctx.person.role is Role.ADMINISTRATOR:
            loaders["people"] = lambda: self._load("people", self.people_model, [(people.list_people,)],
                                                   self.people_model.set_rows)
            loaders["settings"] = lambda: (self.closures.refresh(), self._load_settings(), self.email_box.refresh())
        return loaders

    def _load_page(self, key: str) -> None:
        """Read a tab's page on the worker thread: the window keeps answering while a big list is read."""
        from .operations import load_page

        page = self.page(key)
        load_page(page, self.ctx, f"tab:{key}", lambda exc: self._load_failed(key, page, exc))

    def _load(self, key: str, parent: QObject, reads: list[tuple], show: Callable[..., None]) -> None:
        from .operations import Operation

        Operation.reads(self, self.ctx, reads).latest(f"tab:{key}").success(lambda results: show(*results)) \
            .failure(lambda exc: self._load_failed(key, parent, exc)).run()

    def _load_failed(self, key: str, page: QObject, exc: Exception) -> None:
        """A tab's list could not be read: it stays stale (read again when next shown), said quietly."""
        self.stale.add(key)
        if isinstance(exc, DatabaseProblem):
            self._database_silent(exc)
        elif hasattr(page, "read_failed"):
            page.read_failed(exc)
        else:
            self.statusBar().showMessage(exc.message, 10_000)

    def _reload(self, changes: ChangeSet, overdue_now: bool = True) -> None:
        """Something changed: the tabs that show what changed are read again, the one in view now (and the
        overdue count), the others when they are next shown. A tab that shows nothing that changed is left
        as it is, in view or not."""
        loaders = self._loaders()
        shown = self._key_of(self.tabs.currentWidget())
        self.stale |= {key for key in loaders if changes.touches(PAGE_KINDS[key])}
        for key in (shown, "deadlines" if overdue_now else None):
            if key in self.stale:
                loaders[key]()
                self.stale.discard(key)
        if "deadlines" in self.stale and not overdue_now:
            after_first_paint(self, lambda: self._tab_shown(-1, "deadlines"))

    def _tab_shown(self, _index: int, key: str | None = None) -> None:
        """Read a stale tab (the one now shown, or `key`'s), saying a database that does not answer quietly."""
        key = key or self._key_of(self.tabs.currentWidget())
        if key in self.unbuilt:
            self.page(key)  # shown before its turn after the first paint
        if key not in self.stale:
            return
        try:
            self._loaders()[key]()
            self.stale.discard(key)
        except (DatabaseProblem, SQLAlchemyError) as exc:
            self._database_silent(exc)  # it stays stale: read when the database answers and it is shown
        except ServiceError as exc:
            self.statusBar().showMessage(exc.message, 10_000)

    def poll(self) -> None:
        """Every few seconds, on the worker thread: what anyone, at any desk, has changed since the lists were
        read (the audit events after the last one seen); the tabs that show it are read again. The window
        never waits for it: a database that does not answer is said quietly in the status bar, and the
        looking goes on (less often) until it answers again."""
        if self.polling or not self.isVisible() or _dialog_open():
            return  # a dialog is open over the lists: they are read again once it closes
        if self.seen_event is None:
            self.refresh()
            return
        from .operations import Operation

        self.polling = True
        after, own = self.seen_event, frozenset(self.ctx.own_events)
        Operation.on_backend(self, self.ctx, lambda backend: backend.changes_since(after, own)) \
            .success(self._others_changed).failure(self._poll_failed).run()

    def _others_changed(self, answer: tuple[ChangeSet, int]) -> None:
        self.polling = False
        if self.database_silent:
            self._database_answers()
        changes, newest = answer
        self.seen_event = newest  # first: a list that cannot load is not tried again every few seconds
        if changes and self.desk_notifier is not None:
            self.desk_notifier.changed(changes)  # a tray message when one of my requests is decided
        self.ctx.own_events = {n for n in self.ctx.own_events if n > newest}
        if not changes or _dialog_open():
            if changes:
                self.stale |= {key for key in self._loaders() if changes.touches(PAGE_KINDS[key])}
            return
        try:
            self._reload(changes)
        except (DatabaseProblem, SQLAlchemyError) as exc:
            self._database_silent(exc)
        except ServiceError as exc:  # a refusal, e.g. the person's role was changed at another desk
            self.statusBar().showMessage(exc.message, 10_000)

    def _poll_failed(self, exc: Exception) -> None:
        self.polling = False
        if isinstance(exc, ServiceError):
            self.statusBar().showMessage(exc.message, 10_000)
        else:
            self._database_silent(exc)

    def _show_working(self, busy: bool) -> None:
        self.working.setVisible(busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _database_silent(self, exc: Exception) -> None:
        self.database_silent = True
        self.connection.setText(translate("MainWindow", UNREACHABLE))
        self.connection.setToolTip(f"{exc.title}: {exc.message}" if isinstance(exc, DatabaseProblem) else "")
        self.connection.setAccessibleDescription(self.connection.toolTip())
        self.connection.show()
        self.poll_timer.setInterval(min(self.poll_timer.interval() * 2, self.poll_ms * POLL_BACKOFF))

    def _database_answers(self) -> None:
        if self.database_silent:
            self.database_silent = False
            self.connection.hide()
            self.connection.clear()
            self.poll_timer.setInterval(self.poll_ms)

    def refresh_queue(self, keep: bool = True) -> None:
        """Read the queue again; `keep` reads as many rows as are loaded (the selection and scroll stay),
        otherwise (another filter or search) the first page."""
        if not self.ctx.is_reviewer:
            return
        if self.isVisible():
            self._open_due_renewals()
        else:  # at start: the queue first, then the renewals that came due (their change set reads it again)
            after_first_paint(self, self._open_due_renewals)
        self.queue_model.reload(keep)  # the view keeps the selected request selected (by its id)
        if self.counts.text() or self.isVisible():
            self._read_counts()
        else:  # at start: the counts line just after the list the person opened the app for
            after_first_paint(self, self._read_counts)

    def _after_own_change(self) -> None:
        """A request decided or withdrawn here may make room in the queue for the next renewal: look again."""
        self.renewals_checked_on = None
        self.apply_changes()

    def _open_due_renewals(self) -> None:
        """Approved tools whose renewal has come: into the queue (services/renewals.py), on the worker thread
        (it reads every approval). Renewals come due by the day, so once a day is enough: the queue's other
        refreshes (every change another desk makes) do not each take the write lock. Those opened come back
        as a change set, which reads the queue again. A refusal or a database that does not answer is said
        like the queue's own problems; the queue is read anyway."""
        from ..services import renewals  # with the compliance rules: not before the window shows
        from .operations import Operation

        today = date.today()
        if self.renewals_checked_on == today or self._renewals_opening == today:
            return
        self._renewals_opening = today

        def failed(exc: Exception) -> None:
            self._renewals_opening = None
            self._queue_failed(exc)

        Operation(self, self.ctx, renewals.open_due_renewals).success(lambda opened: self._renewals_opened(
            today, opened)).failure(failed).run()

    def _renewals_opened(self, day: date, opened: int) -> None:
        self._renewals_opening = None
        self.renewals_checked_on = day
        if opened:
            self.statusBar().showMessage(
                (translate("MainWindow", "{count} approvals came back to the queue for renewal.") if opened != 1
                 else translate("MainWindow", "{count} approval came back to the queue for renewal.")
                 ).format(count=opened), 10_000)

    def _read_counts(self) -> None:
        from .operations import Operation

        Operation(self, self.ctx, svc.queue_counts).latest("queue counts").success(self._show_counts) \
            .failure(self._queue_failed).run()

    def _show_counts(self, counts) -> None:
        self.counts.setText("  \u00b7  ".join(f"{domain_text(status.label)}: {n}" for status, n in counts.items()))

    def _requery(self) -> None:
        """Another status filter or search: its first page."""
        try:
            self.refresh_queue(keep=False)
        except READ_ERRORS as exc:
            self._queue_failed(exc)

    def _read_queue(self, offset: int, limit: int, column: int, descending: bool, done) -> None:
        """A page of the queue, on the worker thread, to `done` (None: it could not be read, and is said)."""
        from .operations import Operation

        order = QUEUE_COLUMNS[column].order if 0 <= column < len(QUEUE_COLUMNS) else svc.QueueSort.SUBMITTED

        def failed(exc: Exception) -> None:
            self._queue_failed(exc)
            done(None)

        op = Operation(self, self.ctx, svc.list_queue, self.status_filter.currentData(), self.search.text(),
                       sort=order, descending=descending, offset=offset, limit=limit).success(done).failure(failed)
        if offset == 0:
            op.latest("queue")  # a newer reload (search typed further, another filter or sort) replaces it
        op.run()

    def _queue_failed(self, exc: Exception) -> None:
        """A page of the queue could not be read (while scrolling, sorting or searching): said, not raised."""
        if isinstance(exc, ServiceError):
            self.statusBar().showMessage(exc.message, 10_000)
        else:
            self._database_silent(exc)

    def refresh_catalog(self) -> None:
        self.catalog_page.refresh()

    # --- actions ----------------------------------------------------------------------------

    def new_request(self) -> RequestWindow:
        from .dialogs.request_window import RequestWindow

        window = RequestWindow(self.ctx, None, self)
        self._track(window)
        window.show()
        window.form.resource_name.setFocus()
        return window

    def _track(self, window: RequestWindow) -> None:
        """Known by its request's number, once it has one: opening that request again shows this window
        instead of a second one that would save over it."""
        self.windows[window.request_id] = window
        window.changed.connect(lambda _id: self._after_own_change())
        window.changed.connect(lambda request_id, w=window: self._known_as(w, request_id))

    def _known_as(self, window: RequestWindow, request_id: int) -> None:
        if self.windows.get(None) is window:
            del self.windows[None]
        self.windows[request_id] = window

    def recover_typed_input(self) -> None:
        """What this person typed on this computer that never reached this database (techapproval closed
        unexpectedly, or the database did not answer): each request window opens again with it."""
        for recovered in DraftStore.for_database(self.ctx.backend.url, self.ctx.person.id).pending():
            open_already = self.windows.get(recovered.request_id)
            if recovered.request_id is not None and open_already is not None and open_already.isVisible():
                continue
            from .dialogs.request_window import RequestWindow  # here: most starts recover nothing

            try:
                window = RequestWindow(self.ctx, recovered.request_id, self, recovered=recovered)
            except (ServiceError, DatabaseProblem):
                continue  # kept on this computer: offered again at the next start
            if window.recovered is None:  # the database had it after all
                window.deleteLater()
                continue
            self._track(window)
            window.show()

    def open_request(self, row) -> RequestWindow | None:
        if row is None:
            return None
        existing = self.windows.get(row.id)
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
        from .dialogs.request_window import RequestWindow

        try:
            window = RequestWindow(self.ctx, row.id, self)
        except (ServiceError, DatabaseProblem) as exc:
            show_problem(self, exc)
            return None
        self._track(window)
        window.show()
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
        from .dialogs.person import AddPersonDialog

        dialog = AddPersonDialog(self.ctx, self)
        if dialog.exec():
            self.apply_changes()

    def change_role(self) -> None:
        person = self.people_view.current_row()
        if person is None:
            QMessageBox.information(
                self, translate("MainWindow", "Change role"), translate("MainWindow", "Select a person first.")
            )
            return
        role = Role(self.role_choice.currentData())
        if role is person.role:
            QMessageBox.information(
                self, translate("MainWindow", "Change role"),
                translate("MainWindow", "{name} is already {role}. Choose another role first.").format(
                    name=person.name, role=domain_text(role.label)),
            )
            return
        answer = QMessageBox.question(
            self, translate("MainWindow", "Change role"),
            translate("MainWindow", "Change the role of {name} from {old} to {new}?").format(
                name=person.name, old=domain_text(person.role.label), new=domain_text(role.label)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self._show_role()
            return
        try:
            self.ctx.call(people.change_role, person.id, role)
        except (ServiceError, DatabaseProblem) as exc:
            show_problem(self, exc)
        self.apply_changes()

    def _show_role(self, *_args) -> None:
        """The role picker shows the selected person's role, so that Change role changes only what was chosen."""
        person = self.people_view.current_row()
        self.role_choice.setEnabled(person is not None)
        if person is not None:
            roles = [Role(self.role_choice.itemData(i)) for i in range(self.role_choice.count())]
            self.role_choice.setCurrentIndex(roles.index(person.role))

    def reset_password(self) -> None:
        person = self.people_view.current_row()
        if person is None:
            QMessageBox.information(
                self, translate("MainWindow", "Reset password"), translate("MainWindow", "Select a person first.")
            )
            return
        from .dialogs.password import ResetPasswordDialog

        dialog = ResetPasswordDialog(self.ctx, person, self)
        done, password = dialog.exec(), dialog.text("password")
        dialog.deleteLater()
        if done:
            QMessageBox.information(
                self,
                translate("MainWindow", "Password reset"),
                (
                    translate(
                        "MainWindow",
                        "The password of {name} is reset. Give them the temporary password in "
                        "person:\n\n{password}\n\nThey must choose a new password when they next sign in.",
                    ).format(name=person.name, password=password)
                ),
            )
            self.apply_changes()

    def _label_switch(self, *_args) -> None:
        person = self.people_view.current_row()
        on = person is not None and not person.active
        self.switch_button.setText(
            translate("MainWindow", "Switch acc&ount on") if on else translate("MainWindow", "Switch acc&ount off")
        )

    def switch_account(self) -> None:
        person = self.people_view.current_row()
        if person is None:
            QMessageBox.information(
                self, translate("MainWindow", "Switch account"), translate("MainWindow", "Select a person first.")
            )
            return
        if (
            person.active
            and QMessageBox.question(
                self,
                translate("MainWindow", "Switch account off"),
                (
                    translate(
                        "MainWindow",
                        "Switch off the account of {name}? They can no longer sign in. Their requests, decisions and "
                        "the audit trail stay as they are, and you can switch the account on again.",
                    ).format(name=person.name)
                ),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        try:
            self.ctx.call(people.set_active, person.id, not person.active)
        except (ServiceError, DatabaseProblem) as exc:
            show_problem(self, exc)
        self.apply_changes()
        self._label_switch()

    def email_preferences(self) -> None:
        from .settings_email import NotificationsDialog

        dialog = NotificationsDialog(self.ctx, parent=self)
        if dialog.exec():
            self.statusBar().showMessage(translate("MainWindow", "Your email notifications are saved."), 5000)
        dialog.deleteLater()

    def change_password(self) -> None:
        from .dialogs.password import PasswordDialog

        dialog = PasswordDialog(self.ctx, parent=self)
        if dialog.exec():
            self.statusBar().showMessage(translate("MainWindow", "Your password is changed."), 5000)
        dialog.deleteLater()

    def _load_settings(self, *, seen: bool = False) -> None:
        """Show others' changes in the fields nobody is editing here; a field being edited keeps its text.
        `seen`: the administrator has been told the current values, so saving may now replace them."""
        self.ctx.settings = self.ctx.query(settings.read)
        for key, edit in self.setting_fields.items():
            if edit.text() == self.settings_shown[key]:
                edit.setText(self.ctx.settings[key])
            if seen or edit.text() == self.ctx.settings[key]:
                self.settings_shown[key] = self.ctx.settings[key]

    def save_settings(self) -> None:
        edited = {key: edit.text() for key, edit in self.setting_fields.items()
                  if edit.text() != self.settings_shown[key]}
        try:
            saved = self.ctx.call(settings.update_settings, edited, {k: self.settings_shown[k] for k in edited})
        except Invalid as exc:
            for key, error in self.setting_errors.items():
                error.show_message(exc.errors.get(key))
            return
        except (ServiceError, DatabaseProblem) as exc:
            show_problem(self, exc)
            if isinstance(exc, Conflict):
                self._load_settings(seen=True)
            return
        for error in self.setting_errors.values():
            error.show_message(None)
        self.ctx.settings, self.settings_shown = saved, dict(saved)
        for key, edit in self.setting_fields.items():  # others' changes to other settings, normalised values
            edit.setText(saved[key])
        self.statusBar().showMessage(
            translate("MainWindow", "Settings saved.")
            if edited
            else translate("MainWindow", "Nothing to save: no setting was changed."),
            5000,
        )

    def export_website(self) -> None:
        from .website import export_contracts_website

        if export_contracts_website(self, self.ctx) is not None:
            self.apply_changes()

    def save_decision_sheets(self) -> None:
        """A school year's (or any dates') decision sheets, as PDFs in a folder, for the district's files."""
        from .dialogs.batch_print import BatchPrintDialog  # the PDF code loads only when first needed

        BatchPrintDialog(self.ctx, self).exec()

    def export_records(self) -> None:
        """The records as CSV or Excel, for a public-records request or an auditor."""
        from .dialogs.export_records import ExportRecordsDialog  # loads only when first needed

        ExportRecordsDialog(self.ctx, self).exec()

    def import_records(self) -> None:
        """The district's own spreadsheet of approved resources and contracts, imported (or an import undone)."""
        from .dialogs.records_import import RecordsImportDialog  # openpyxl and the dialog load when first used

        dialog = RecordsImportDialog(self.ctx, self)
        dialog.exec()
        if dialog.imported:
            self.apply_changes()

    def show_policy(self) -> None:
        """The whole policy 3520.13 and its form, searchable, in a window that stays open beside the others."""
        from .dialogs.policy_text import PolicyTextWindow

        window = getattr(self, "policy_window", None)
        if window is None:
            window = self.policy_window = PolicyTextWindow(self)
        window.show()
        window.raise_()
        window.activateWindow()

    def shortcut_lines(self) -> list[str]:
        """Help → Keyboard shortcuts: each menu command's keys, read from the menus so that the list cannot
        drift from them (Ctrl+Q was missing from a hand-kept one), then the keys that are not menu commands."""
        ellipsis = "\u2026"
        lines = []
        for menu in self.menuBar().actions():
            for action in menu.menu().actions():
                if action.shortcuts():
                    keys = " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
                    lines.append(f"{keys}  {action.text().replace('&', '').rstrip(ellipsis)}")
        return lines + [
            translate("MainWindow", "Enter  Open the selected request"),
            translate("MainWindow", "Escape  Close a request window (it is saved)"),
            translate("MainWindow", "F1  Show or hide what policy 3520.13 says about the field you are in"),
            translate("MainWindow", "Tab / Shift+Tab  Move between fields"),
            translate("MainWindow", "Alt + underlined letter  Jump to that field or button"),
        ]

    def show_shortcuts(self) -> None:
        QMessageBox.information(self, translate("MainWindow", "Keyboard shortcuts"), "\n".join(self.shortcut_lines()))

    def show_about(self) -> None:
        from .. import __version__  # read from the package's metadata: not at start
        QMessageBox.about(
            self,
            translate("MainWindow", "About techapproval"),
            (
                translate(
                    "MainWindow",
                    "techapproval {version}\nStaff requests for approval of technology resources, Connecticut "
                    "policy 3520.13.\n\nDatabase: {location}\nSchema version: {schema}",
                ).format(version=__version__, location=self.ctx.location, schema=self.ctx.backend.schema_version)
            ),
        )

    def backup_database(self) -> None:
        from .maintenance import backup_database

        backup_database(self, self.ctx)

    def restore_database(self) -> None:
        """File → Restore the database: once the data is replaced, this window closes and gui/app.py signs the
        person in again with the database opened afresh (restart_requested)."""
        from .maintenance import restore_database

        self.poll_timer.stop()  # nothing reads the database while it is being replaced
        restored = False
        try:
            restored = restore_database(self, self.ctx, self._close_request_windows)
        finally:
            if not restored:
                self.poll_timer.start()
        if restored:
            self.restart_requested = True
            self.close()

    def _close_request_windows(self) -> bool:
        """Close every request window (each saves what was typed); False when one stays open."""
        from .dialogs.request_window import RequestWindow

        return all(w.close() for w in self.findChildren(RequestWindow) if w.isVisible())

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        from .dialogs.request_window import RequestWindow

        for window in self.findChildren(RequestWindow):  # every one, a second new request's too
            if window.isVisible() and not window.close():
                event.ignore()
                return
        super().closeEvent(event)


