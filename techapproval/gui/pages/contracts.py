"""The contract registry (C.G.S. 10-234bb): every contract with its compliance status for today, the
resources it covers and its signed document. Reviewers keep it; everyone else may look."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...db.database import DatabaseProblem
from ...domain.contracts import format_day
from ...services import contracts
from ...services.contracts import ContractView
from ...services.errors import Invalid, ServiceError
from ..common import MessageLabel, details_panel, named
from ..context import AppContext
from ..folders import open_file_name
from ..i18n import translate
from ..models.tables import STATE_ORDER, Column, RowTableModel, badge, sorting_proxy
from ..widgets.list_view import ListView
from . import ReadWhenShown

NO_DOCUMENT = "None attached"


def _expires(v: ContractView) -> str:
    return format_day(v.form.expires_on) if v.form.expires_on else "Open-ended"


CONTRACT_COLUMNS: list[Column[ContractView]] = [
    Column(QT_TRANSLATE_NOOP("Tables", "Contractor"), lambda v: v.contractor_name),
    Column(QT_TRANSLATE_NOOP("Tables", "Title"), lambda v: v.title),
    Column(QT_TRANSLATE_NOOP("Tables", "Executed"),
           lambda v: format_day(v.form.executed_on), lambda v: v.form.executed_on.toordinal()),
    Column(QT_TRANSLATE_NOOP("Tables", "Expires"), _expires, lambda v: (v.form.expires_on or date.max).toordinal()),
    # Worst first when sorted ascending: the problems come to the top.
    Column(QT_TRANSLATE_NOOP("Tables", "Status"),
           lambda v: badge(v.status.state), lambda v: STATE_ORDER.index(v.status.state)),
    Column(QT_TRANSLATE_NOOP("Tables", "Covers"), lambda v: ", ".join(name for _id, name in v.resources)),
    Column(QT_TRANSLATE_NOOP("Tables", "Document"), lambda v: v.document_name or NO_DOCUMENT),
]
STATUS_COLUMN = 4


def status_details(v: ContractView | None) -> str:
    """The selected contract's status and every problem, in words."""
    if v is None:
        return "Select a contract to see its status in full."
    lines = [f"{v.label}: {badge(v.status.state)} \u2014 {v.status.reason}"]
    lines += [f"\u2022 {problem}" for problem in v.status.problems[1:]]
    if not v.resources:
        lines.append("Covers no approved resource yet.")
    return "\n".join(lines)


class ContractsPage(ReadWhenShown, QWidget):
    changed = Signal()  # after any save: the catalog's and the deadlines' statuses may have moved

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.all_rows: list[ContractView] = []
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "ContractsPage",
                "Contracts with operators and consultants that receive student information (C.G.S. 10-234bb), with "
                "their status for today. Press Enter or double-click to open one.",
            )
            if ctx.is_reviewer
            else translate(
                "ContractsPage",
                "Contracts the district holds with operators and consultants that receive student information, with "
                "their status for today. Press Enter or double-click to see one.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        bar = QHBoxLayout()
        self.search = named(
            QLineEdit(),
            translate("ContractsPage", "Search contracts"),
            translate("ContractsPage", "Words in the contractor's name or the contract title"),
        )
        self.search.setPlaceholderText(translate("ContractsPage", "Search contractor or title"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(translate("ContractsPage", "Sea&rch:"))
        search_label.setBuddy(self.search)
        bar.addWidget(search_label)
        bar.addWidget(self.search, 1)
        layout.addLayout(bar)

        self.model = RowTableModel(CONTRACT_COLUMNS, self)
        self.proxy = sorting_proxy(self.model, self)
        self.table = ListView(translate("ContractsPage", "Contracts"), self.edit_contract, stretch=5)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        layout.addWidget(self.table, 1)

        self.details = details_panel(translate("ContractsPage", "Contract status details"))
        layout.addWidget(self.details)
        self.message = MessageLabel(translate("ContractsPage", "Contracts message"))
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        reviewer = ctx.is_reviewer
        self.new_button = named(
            QPushButton(translate("ContractsPage", "New c&ontract\u2026")), translate("ContractsPage", "New contract")
        )
        self.new_contractor_button = named(
            QPushButton(translate("ContractsPage", "Ne&w contractor\u2026")),
            translate("ContractsPage", "New contractor"),
        )
        self.edit_button = named(
            QPushButton(
                translate("ContractsPage", "&Edit contract")
                if reviewer
                else translate("ContractsPage", "&View contract")
            ),
            translate("ContractsPage", "Edit contract") if reviewer else translate("ContractsPage", "View contract"),
        )
        self.attach_button = named(
            QPushButton(translate("ContractsPage", "Attach si&gned document\u2026")),
            translate("ContractsPage", "Attach signed document"),
            translate("ContractsPage", "A PDF or scan of the contract as signed; it is kept in the database"),
        )
        self.open_button = named(
            QPushButton(translate("ContractsPage", "Open doc&ument")), translate("ContractsPage", "Open document")
        )
        self.new_button.clicked.connect(self.new_contract)
        self.new_contractor_button.clicked.connect(self.new_contractor)
        self.edit_button.clicked.connect(self.edit_contract)
        self.attach_button.clicked.connect(self.attach_document)
        self.open_button.clicked.connect(self.open_document)
        for button in (self.new_button, self.new_contractor_button, self.edit_button, self.attach_button,
                       self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        for button in (self.new_button, self.new_contractor_button, self.attach_button):
            button.setVisible(reviewer)  # the services refuse anyway

        self.search.textChanged.connect(self._filter)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())

    # --- data -------------------------------------------------------------------------------

    def reads(self) -> list[tuple]:
        """The use cases this page shows (the main window runs them on the worker thread, then `show_rows`)."""
        return [(contracts.list_contracts,)]

    def refresh(self) -> None:
        """Reload every contract (statuses are for today) on the worker thread; the table keeps the selected
        one selected (or selects the one just saved)."""
        from ..operations import load_page

        load_page(self, self.ctx, "tab:contracts", self.read_failed)

    def read_failed(self, exc) -> None:
        self.message.say(exc)

    def show_rows(self, rows) -> None:
        self.all_rows = rows
        self._filter()
        keep, self._keep = getattr(self, "_keep", None), None
        if keep is not None:
            self.select(keep)

    def _filter(self, *_args) -> None:
        words = self.search.text().casefold().split()
        rows = [v for v in self.all_rows
                if all(w in f"{v.contractor_name} {v.title}".casefold() for w in words)]
        self.model.set_rows(rows)
        self.table.select_first_if_none()
        self._selection_changed()

    def select(self, contract_id: int | None) -> None:
        """Select that contract; when it is filtered out, the first one."""
        self.table.select_key_or_first(contract_id)
        self._selection_changed()

    def current_contract(self) -> ContractView | None:
        return self.table.current_row()

    def _selection_changed(self) -> None:
        v = self.current_contract()
        self.details.setText(status_details(v) if self.all_rows else
                             (translate("ContractsPage", "No contracts yet. Add one with New contract.")
                              if self.ctx.is_reviewer
                              else translate("ContractsPage", "No contracts yet.")))
        self.edit_button.setEnabled(v is not None)
        self.attach_button.setEnabled(v is not None)
        self.open_button.setEnabled(v is not None and bool(v.document_sha256))

    def _saved(self, contract_id: int | None = None) -> None:
        self._keep = contract_id
        self.refresh()
        self.changed.emit()

    # --- actions ----------------------------------------------------------------------------

    def _open_dialog(self, contract_id: int | None) -> None:
        from ..dialogs.contract import ContractDialog  # on first use: not at every start

        self.message.say("")
        try:
            dialog = ContractDialog(self.ctx, contract_id, self)
        except (ServiceError, DatabaseProblem) as exc:
            self.message.say(exc)
            self.refresh()
            return
        accepted = dialog.exec()
        if accepted and dialog.contract is not None:
            if contract_id is None and self.search.text():
                self.search.clear()  # the new contract might not match the search
            self._saved(dialog.contract.id)
        elif dialog.contractors_changed:
            self.changed.emit()

    def new_contract(self) -> None:
        self._open_dialog(None)

    def open_contract(self, contract_id: int) -> None:
        """Open that contract, whether or not its list has been read yet; it is selected once it has."""
        self._keep = contract_id
        self.select(contract_id)
        self._open_dialog(contract_id)

    def edit_contract(self) -> None:
        v = self.current_contract()
        if v is not None:
            self._open_dialog(v.id)

    def new_contractor(self) -> None:
        from ..dialogs.contractor import ContractorDialog  # on first use: not at every start

        self.message.say("")
        dialog = ContractorDialog(self.ctx, None, self)
        if dialog.exec() and dialog.contractor is not None:
            self.message.say(
                translate(
                    "ContractsPage", "{name} added to the registry. Add their contract with New contract."
                ).format(name=dialog.contractor.name)
            )
            self.changed.emit()

    def attach_document(self) -> None:
        from ..attach import file_filter, read_for_attaching  # on first use: not at every start

        v = self.current_contract()
        if v is None:
            return
        self.message.say("")
        path = open_file_name(
            self,
            translate("ContractsPage", "Attach the signed contract \u2014 {label}").format(label=v.label),
            file_filter(),
        )
        if not path:
            return
        try:
            content = read_for_attaching(Path(path))  # a huge file is refused before it is read
        except OSError as exc:
            self.message.say(
                translate("ContractsPage", "The file could not be read: {value}.").format(value=exc.strerror or exc)
            )
            return
        except ServiceError as exc:
            self.message.say(exc)
            return
        from ..operations import Operation

        Operation(self, self.ctx, contracts.attach_document, v.id, Path(path).name, content) \
            .busy(self.attach_button).success(lambda digest: self._attached(v, Path(path).name, digest)) \
            .failure(self.message.say).run()

    def _attached(self, v: ContractView, name: str, digest: str) -> None:
        """Saved: the list again, and the clause check of the document on the worker thread (a long PDF takes
        seconds); the message says both."""
        from ..operations import Operation

        self._saved(v.id)
        attached = translate("ContractsPage", "Attached {name} (SHA-256 {value}\u2026) to {label}.").format(
            name=name, value=digest[:12], label=v.label
        )
        checking = translate("ContractsPage", "Checking its clauses\u2026")
        self.message.say(f"{attached} {checking}")
        Operation(self, self.ctx, contracts.check_document, v.id).busy(self.attach_button) \
            .success(lambda check: self.message.say(f"{attached} {self._check_summary(check)}")) \
            .failure(lambda exc: self.message.say(f"{attached} {self._check_failed(exc)}")).run()

    @staticmethod
    def _check_failed(exc: Exception) -> str:
        if isinstance(exc, Invalid):
            return translate("ContractsPage", "Clause check: {value}").format(value=exc.errors.get("document", ""))
        return ""

    @staticmethod
    def _check_summary(check) -> str:
        """What the clause check made of the document just attached, in one line: the coordinator then
        opens the contract to read the quotes and accept them."""
        from ...domain.clauses import Finding

        missing = [r.provision.value for r in check.provisions if r.finding is Finding.NOT_FOUND]
        conflicts = [r.provision.value for r in check.provisions if r.finding is Finding.CONFLICT]
        words = translate("ContractsPage", "Clause check: {found} of 11 provisions found").format(
            found=len(check.found))
        if missing:
            words += translate("ContractsPage", "; not found: {value}").format(value=", ".join(missing))
        if conflicts:
            words += translate("ContractsPage", "; in conflict: {value}").format(value=", ".join(conflicts))
        return words + translate("ContractsPage", ". Edit the contract to read the quotes and accept them.")

    def open_document(self) -> None:
        from ..printing import open_in_viewer  # on first use: not at every start

        v = self.current_contract()
        if v is None:
            return
        self.message.say("")
        try:
            name, content = self.ctx.call(contracts.document_content, v.id)
        except (ServiceError, DatabaseProblem) as exc:
            self.message.say(exc)
            return
        self.message.say(open_in_viewer(name, content, "document"))
