"""A contract with a contractor (C.G.S. 10-234bb): what it is for, what student information it allows,
its dates, which of the eleven provisions it contains and where, and what has been done since.

The status line under the form is the domain's own verdict for today, recomputed as the reviewer
ticks and types, so they see "missing P9" before they save rather than after.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...db.database import DatabaseProblem
from ...domain.contract_form import CONTRACT_LIMITS, ContractForm
from ...domain.contracts import ContractTerms, Provision, contract_status, details_to_complete
from ...domain.enums import InfoCategory
from ...services import contracts
from ...services.compliance_context import ComplianceContext, compliance_context
from ...services.errors import Invalid, ServiceError
from ..common import local_datetime, named
from ..context import AppContext
from ..i18n import domain_text, translate
from ..models.tables import badge
from ..screen import fit_to_screen
from ..widgets.date_field import OptionalDateField
from ..widgets.policy_help import PolicyHelpPanel, governs
from .contractor import ContractorDialog
from .forms import ScrollingFormDialog

# The accessible name of each field, also the start of its error label's name ("Purpose error").
FIELD_LABELS = {
    "contractor_id": "Contractor",
    "title": "Title",
    "purpose": "Purpose",
    "description": "Brief description",
    "information_allowed": "Student information the contract allows",
    "information_details": "Details of the information allowed",
    "executed_on": "Date executed",
    "starts_on": "Start date",
    "expires_on": "Expiry date",
    "provisions": "Provisions",
    "amend_notice_sent_on": "Notice to amend sent",
    "amended_on": "Amended",
    "notice_posted_on": "Website notice posted",
    "deletion_confirmed_on": "Deletion confirmed",
}
ADDENDUM_LABEL = "Uses the state uniform terms-of-service addendum"
ADDENDUM_CLAUSE = "State addendum"  # what the service records for a provision the addendum supplies


def _text_box(name: str, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)  # Tab moves on: keyboard users are not trapped in the box
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + 12)
    box.setMaximumHeight(box.fontMetrics().lineSpacing() * (lines + 1) + 12)
    named(box, name)
    return box


class ContractDialog(ScrollingFormDialog):
    """Add (contract_id None) or change a contract. `contract` holds the saved ContractView once the
    dialog is accepted; `contractors_changed` is True when a contractor was added from here. People who
    may not keep the registry see the contract read-only."""

    FIELD_LABELS = FIELD_LABELS

    def __init__(self, ctx: AppContext, contract_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.contract_id = contract_id
        self.contract: contracts.ContractView | None = None
        self.contractors_changed = False
        self.editable = ctx.is_reviewer
        self.original: contracts.ContractView | None = (
            ctx.call(contracts.get_contract, contract_id) if contract_id is not None else None)
        self.compliance: ComplianceContext = ctx.query(compliance_context)  # today, closures, time to amend

        self.setWindowTitle(
            translate("ContractDialog", "Add a contract")
            if self.original is None
            else translate("ContractDialog", "Contract")
        )
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setMinimumSize(640, 480)
        fit_to_screen(self, 980, 720)

        self.frame(
            translate("ContractDialog", "Contract"),
            summary=translate("ContractDialog", "Contract status"),
            save=translate("ContractDialog", "Save contract"),
            cancel=translate("ContractDialog", "Cancel") if self.editable else translate("ContractDialog", "Close"),
        )
        self.status = self.summary
        self._build_parties()
        self._build_information()
        self._build_dates()
        self._build_provisions()
        self._build_clause_check()
        self._build_follow_up()
        self._build_history()
        self.body.addStretch(1)
        self._line_up()
        self._add_policy_help()

        self.load_contractors(self.original.contractor_id if self.original else None)
        self.set_form(self.original.form if self.original else ContractForm(executed_on=self.compliance.on))
        if self.original is not None:
            self.heading.setText(translate("ContractDialog", "Contract: {label}").format(label=self.original.label))
        else:
            self.heading.setText(translate("ContractDialog", "New contract"))
        if not self.editable:
            self._set_read_only()
        self._connect_edits()
        self.update_status()

    # --- building ---------------------------------------------------------------------------

    def _build_parties(self) -> None:
        box = QGroupBox(translate("ContractDialog", "Contractor and purpose"))
        form = self._form_layout()
        box.setLayout(form)
        self.contractor = named(QComboBox(), FIELD_LABELS["contractor_id"])
        self.contractor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.contractor.setMinimumContentsLength(30)
        self.new_contractor_button = named(
            QPushButton(translate("ContractDialog", "&New contractor\u2026")),
            translate("ContractDialog", "New contractor"),
            translate("ContractDialog", "Add an operator or consultant to the registry"),
        )
        self.new_contractor_button.setAutoDefault(False)
        self.new_contractor_button.clicked.connect(self.new_contractor)
        self._row(
            form,
            "contractor_id",
            translate("ContractDialog", "Con&tractor:"),
            self.contractor,
            extra=self.new_contractor_button,
        )
        self.title = named(
            QLineEdit(),
            FIELD_LABELS["title"],
            translate("ContractDialog", "Optional: tells apart two contracts with one contractor"),
        )
        self.title.setMaxLength(CONTRACT_LIMITS["title"] + 1)  # one over: the service explains the limit
        self.title.setPlaceholderText(translate("ContractDialog", "e.g. Data privacy agreement 2026\u201329"))
        self._row(form, "title", translate("ContractDialog", "T&itle:"), self.title)
        self.purpose = _text_box(FIELD_LABELS["purpose"], 2)
        self._row(form, "purpose", translate("ContractDialog", "&Purpose:"), self.purpose)
        self.description = _text_box(FIELD_LABELS["description"], 2)
        self._row(form, "description", translate("ContractDialog", "&Brief description:"), self.description)
        self.body.addWidget(box)

    def _build_information(self) -> None:
        box = QGroupBox(translate("ContractDialog", "{field} (tick every kind)").format(
            field=FIELD_LABELS["information_allowed"]))
        named(box, FIELD_LABELS["information_allowed"])
        outer = QVBoxLayout(box)
        grid = QGridLayout()
        outer.addLayout(grid)
        self.info_boxes: dict[InfoCategory, QCheckBox] = {}
        columns = 2
        wide = (InfoCategory.STUDENT_GENERATED_CONTENT, InfoCategory.DIRECTORY_INFORMATION, InfoCategory.NONE)
        narrow = [c for c in InfoCategory if c not in wide]
        for i, category in enumerate([*narrow, *wide]):
            check = named(QCheckBox(category.label), category.label)
            self.info_boxes[category] = check
            if category in wide:  # long labels get a row of their own
                grid.addWidget(check, grid.rowCount(), 0, 1, columns)
            else:
                grid.addWidget(check, i // columns, i % columns)
        first = self.info_boxes[next(iter(InfoCategory))]
        outer.addWidget(self._field("information_allowed", box, first))
        form = self._form_layout()
        outer.addLayout(form)
        self.information_details = _text_box(FIELD_LABELS["information_details"], 2)
        self._row(form, "information_details", translate("ContractDialog", "&Details:"), self.information_details)
        self.body.addWidget(box)

    def _build_dates(self) -> None:
        box = QGroupBox(translate("ContractDialog", "Dates"))
        form = self._form_layout()
        box.setLayout(form)
        self.executed_on = OptionalDateField(
            FIELD_LABELS["executed_on"],
            required=True,
            description=translate("ContractDialog", "The day both parties had signed"),
        )
        self.starts_on = OptionalDateField(
            FIELD_LABELS["starts_on"], toggle_text=translate("ContractDialog", "Has a start date")
        )
        self.expires_on = OptionalDateField(
            FIELD_LABELS["expires_on"],
            toggle_text=translate("ContractDialog", "Has an expiry date"),
            description=translate("ContractDialog", "The last day the contract is in effect"),
        )
        self._row(
            form,
            "executed_on",
            translate("ContractDialog", "Date e&xecuted:"),
            self.executed_on,
            self.executed_on.date_edit,
        )
        self._row(form, "starts_on", translate("ContractDialog", "St&arts:"), self.starts_on, self.starts_on.date_edit)
        self._row(
            form,
            "expires_on",
            translate("ContractDialog", "Expires (last day in e&ffect):"),
            self.expires_on,
            self.expires_on.date_edit,
        )
        self.body.addWidget(box)

    def _build_provisions(self) -> None:
        box = QGroupBox(translate("ContractDialog", "Provisions the contract contains (C.G.S. 10-234bb)"))
        named(box, FIELD_LABELS["provisions"])
        outer = QVBoxLayout(box)
        intro = QLabel(
            translate(
                "ContractDialog",
                "A contract lacking any of the eleven is void unless the contractor amends it after notice. "
                "Note where the contract says each, e.g. \u201c\u00a7 7.2\u201d.",
            )
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)
        self.addendum = named(
            QCheckBox("&" + ADDENDUM_LABEL),
            ADDENDUM_LABEL,
            translate(
                "ContractDialog", "The Commission for Educational Technology's addendum contains all eleven provisions"
            ),
        )
        outer.addWidget(self.addendum)
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        head_provision = QLabel(translate("ContractDialog", "Provision"))
        head_clause = QLabel(translate("ContractDialog", "Where the contract says so"))
        for head in (head_provision, head_clause):
            font = head.font()
            font.setBold(True)
            head.setFont(font)
        grid.addWidget(head_provision, 0, 0)
        grid.addWidget(head_clause, 0, 1)
        self.provision_boxes: dict[Provision, QCheckBox] = {}
        self.clause_edits: dict[Provision, QLineEdit] = {}
        for row, provision in enumerate(Provision, start=1):
            check = named(QCheckBox(provision.label), provision.label)
            clause = named(
                QLineEdit(),
                translate("ContractDialog", "{value} clause").format(value=provision.value),
                translate("ContractDialog", "Where the contract contains {value}, e.g. a section number").format(
                    value=provision.value
                ),
            )
            clause.setMaxLength(CONTRACT_LIMITS["clause"] + 1)
            clause.setMinimumWidth(clause.fontMetrics().horizontalAdvance("M") * 14)
            clause.setPlaceholderText(translate("ContractDialog", "Clause, e.g. \u00a7 7.2"))
            check.toggled.connect(lambda on, p=provision: self._provision_toggled(p))
            self.provision_boxes[provision] = check
            self.clause_edits[provision] = clause
            grid.addWidget(check, row, 0)
            grid.addWidget(clause, row, 1)
        outer.addLayout(grid)
        outer.addWidget(self._field("provisions", box, self.provision_boxes[Provision.P1]))
        self._remembered_ticks: set[Provision] = set()
        self.addendum.toggled.connect(self._addendum_toggled)
        self.body.addWidget(box)

    def _build_clause_check(self) -> None:
        """Suggestions from reading the signed document: each provision found (quote, page, the words that
        matched), not found or in conflict. Only a person ticks: Accept ticks the selected provision and
        keeps its quote as evidence."""
        box = named(QGroupBox(translate("ContractDialog", "Clause check of the signed document")),
                    translate("ContractDialog", "Clause check"))
        outer = QVBoxLayout(box)
        has_document = self.original is not None and bool(self.original.document_sha256)
        intro = QLabel(
            translate("ContractDialog", "Reads the signed document for the eleven provisions and suggests where "
                      "each is. Nothing is ticked until you accept a suggestion.")
            if has_document else
            translate("ContractDialog", "Attach the signed document on the Contracts page (Attach signed "
                      "document) to have it read for the eleven provisions.")
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)
        buttons = QHBoxLayout()
        self.check_button = named(
            QPushButton(translate("ContractDialog", "&Check the signed document")),
            translate("ContractDialog", "Check the signed document"),
            translate("ContractDialog", "Read the attached document for the eleven provisions"),
        )
        self.check_button.setAutoDefault(False)
        self.check_button.setEnabled(has_document)
        self.check_button.clicked.connect(self.run_check)
        self.accept_button = named(
            QPushButton(translate("ContractDialog", "Accept the selected &quote")),
            translate("ContractDialog", "Accept the selected quote"),
            translate("ContractDialog", "Tick the provision and keep the quote and its page as evidence"),
        )
        self.accept_button.setAutoDefault(False)
        self.accept_button.setEnabled(False)
        self.accept_button.clicked.connect(self.accept_suggestion)
        self.gap_button = named(
            QPushButton(translate("ContractDialog", "Save &gap report\u2026")),
            translate("ContractDialog", "Save gap report"),
            translate("ContractDialog", "A PDF for the notice to amend: each provision not ticked, the law's "
                      "words, and what the document says instead"),
        )
        self.gap_button.setAutoDefault(False)
        self.gap_button.setEnabled(self.original is not None)
        self.gap_button.clicked.connect(self.save_gap_report)
        for button in (self.check_button, self.accept_button, self.gap_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.check_message = named(QLabel(), translate("ContractDialog", "Clause check message"))
        self.check_message.setWordWrap(True)
        self.check_message.setTextFormat(Qt.TextFormat.PlainText)
        self.check_message.hide()
        outer.addWidget(self.check_message)
        self.suggestions = named(QTreeWidget(), translate("ContractDialog", "Clause check suggestions"))
        self.suggestions.setHeaderLabels([
            translate("ContractDialog", "Provision"), translate("ContractDialog", "Suggestion"),
            translate("ContractDialog", "Page"), translate("ContractDialog", "Words that matched"),
            translate("ContractDialog", "Quote")])
        self.suggestions.header().setAccessibleName(translate("ContractDialog", "Clause check columns"))
        self.suggestions.setWordWrap(True)
        self.suggestions.setMinimumHeight(self.fontMetrics().lineSpacing() * 14)
        self.suggestions.currentItemChanged.connect(lambda *_: self._suggestion_selected())
        self.suggestions.itemActivated.connect(lambda *_: self.accept_suggestion())
        self.suggestions.hide()
        outer.addWidget(self.suggestions)
        self.suggestion_detail = named(QLabel(), translate("ContractDialog", "Selected suggestion"))
        self.suggestion_detail.setWordWrap(True)
        self.suggestion_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.suggestion_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.suggestion_detail.setFrameShape(QLabel.Shape.StyledPanel)
        self.suggestion_detail.hide()
        outer.addWidget(self.suggestion_detail)
        self.check_notes = named(QLabel(), translate("ContractDialog", "Clause check warnings"))
        self.check_notes.setWordWrap(True)
        self.check_notes.setTextFormat(Qt.TextFormat.PlainText)
        self.check_notes.hide()
        outer.addWidget(self.check_notes)
        self.evidence: dict[Provision, tuple[str, int | None]] = {}
        self.body.addWidget(box)

    def _build_history(self) -> None:
        if self.original is None:
            self.history = None
            return
        box = QGroupBox(translate("ContractDialog", "History"))
        outer = QVBoxLayout(box)
        self.history = named(QTreeWidget(), translate("ContractDialog", "Contract history"))
        self.history.setHeaderLabels([translate("ContractDialog", "When"), translate("ContractDialog", "Who"),
                                      translate("ContractDialog", "What"), translate("ContractDialog", "Changes")])
        self.history.header().setAccessibleName(translate("ContractDialog", "Contract history columns"))
        self.history.setRootIsDecorated(False)
        self.history.setWordWrap(True)
        self.history.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        outer.addWidget(self.history)
        for entry in self.ctx.call(contracts.contract_history, self.original.id):
            changes = "; ".join(
                f"{key}: {new}" if old in (None, "") else f"{key}: {old} \u2192 {new}"
                for key, value in entry.changes.items()
                for old, new in [value if isinstance(value, list) and len(value) == 2 else (None, value)])
            item = QTreeWidgetItem([local_datetime(entry.at), entry.actor, entry.action, changes])
            item.setToolTip(3, changes)
            self.history.addTopLevelItem(item)
        self.history.resizeColumnToContents(0)
        self.body.addWidget(box)

    def _build_follow_up(self) -> None:
        box = QGroupBox(translate("ContractDialog", "Since it was executed"))
        form = self._form_layout()
        box.setLayout(form)
        self.notice_posted_on = OptionalDateField(
            FIELD_LABELS["notice_posted_on"],
            toggle_text=translate("ContractDialog", "Posted"),
            description=translate(
                "ContractDialog", "The notice on the district website: due within 5 business days of execution"
            ),
        )
        self.amend_notice_sent_on = OptionalDateField(
            FIELD_LABELS["amend_notice_sent_on"],
            toggle_text=translate("ContractDialog", "Sent"),
            description=translate("ContractDialog", "Notice to the contractor to add the missing provisions"),
        )
        self.amended_on = OptionalDateField(
            FIELD_LABELS["amended_on"],
            toggle_text=translate("ContractDialog", "Amended"),
            description=translate(
                "ContractDialog", "The day the contractor amended the contract; tick the provisions it added"
            ),
        )
        self.deletion_confirmed_on = OptionalDateField(
            FIELD_LABELS["deletion_confirmed_on"],
            toggle_text=translate("ContractDialog", "Confirmed"),
            description=translate("ContractDialog", "The contractor confirmed deleting student data after expiry"),
        )
        for key, caption in (
            ("notice_posted_on", "&Website notice posted:"),
            ("amend_notice_sent_on", "Notice to amend s&ent:"),
            ("amended_on", "A&mended:"),
            ("deletion_confirmed_on", "De&letion confirmed (after expiry):"),
        ):
            field: OptionalDateField = getattr(self, key)
            self._row(form, key, caption, field, field.date_edit)
        self.body.addWidget(box)

    def _add_policy_help(self) -> None:
        """Beside the fields: what policy 3520.13 says about the one in focus (each of the eleven provisions)."""
        targets: dict[QWidget, str] = {
            self.contractor: "contractor_id", self.purpose: "purpose", self.description: "description",
            self.information_details: "contract_information_details", self.addendum: "uses_state_addendum",
        }
        targets |= {box: "information_allowed" for box in self.info_boxes.values()}
        for key in ("executed_on", "expires_on", "notice_posted_on", "amend_notice_sent_on", "amended_on",
                    "deletion_confirmed_on"):
            targets[getattr(self, key)] = key  # the date field's parts ask their parent
        for provision in Provision:
            targets[self.provision_boxes[provision]] = provision.value
            targets[self.clause_edits[provision]] = provision.value
        for widget, key in targets.items():
            governs(widget, key)
        self.policy_help = PolicyHelpPanel()
        self.policy_help.follow(self)
        layout = self.layout()
        index = layout.indexOf(self.scroll)
        layout.removeWidget(self.scroll)
        beside = named(QSplitter(), translate("ContractDialog", "Contract form and policy help"))
        beside.addWidget(self.scroll)
        beside.addWidget(self.policy_help)
        beside.setCollapsible(0, False)
        beside.setStretchFactor(0, 3)
        beside.setStretchFactor(1, 1)
        beside.setSizes([3000, 1000])
        layout.insertWidget(index, beside, 1)
        for i in range(layout.count()):  # its switch goes with Save and Cancel
            row = layout.itemAt(i).layout()
            if row is not None and row.indexOf(self.save_button) >= 0:
                row.insertWidget(0, self.policy_help.toggle)

    def _line_up(self) -> None:
        """One caption width for every group, and the dates of every group in one column."""
        width = max(label.sizeHint().width() for label in self.captions)
        for label in self.captions:
            label.setMinimumWidth(width)
        boxes = [f.checkbox for f in self._date_fields() if f.checkbox is not None]
        width = max(box.sizeHint().width() for box in boxes)
        for box in boxes:
            box.setMinimumWidth(width)

    def _connect_edits(self) -> None:
        for check in [*self.provision_boxes.values(), self.addendum]:
            check.toggled.connect(self.update_status)
        for field in self._date_fields():
            field.changed.connect(self.update_status)

    def _date_fields(self) -> list[OptionalDateField]:
        return [self.executed_on, self.starts_on, self.expires_on, self.notice_posted_on,
                self.amend_notice_sent_on, self.amended_on, self.deletion_confirmed_on]

    # --- behaviour --------------------------------------------------------------------------

    def _provision_toggled(self, provision: Provision) -> None:
        self.clause_edits[provision].setEnabled(
            self.editable and (self.addendum.isChecked() or self.provision_boxes[provision].isChecked()))

    def _addendum_toggled(self, on: bool) -> None:
        """The addendum contains all eleven: tick them and hold them ticked; untick restores the reviewer's."""
        if on:
            self._remembered_ticks = {p for p, c in self.provision_boxes.items() if c.isChecked()}
        for provision, check in self.provision_boxes.items():
            blocked = check.blockSignals(True)
            check.setChecked(on or provision in self._remembered_ticks)
            check.blockSignals(blocked)
            check.setEnabled(self.editable and not on)
            self.clause_edits[provision].setPlaceholderText(
                ADDENDUM_CLAUSE if on else translate("ContractDialog", "Clause, e.g. \u00a7 7.2")
            )
            self._provision_toggled(provision)
        self.update_status()

    def load_contractors(self, select_id: int | None) -> None:
        views = self.ctx.call(contracts.list_contractors)
        self.contractor.blockSignals(True)
        self.contractor.clear()
        self.contractor.addItem(translate("ContractDialog", "Choose the contractor\u2026"), None)
        for v in views:
            self.contractor.addItem(v.name, v.id)
        self.contractor.setCurrentIndex(max(0, self.contractor.findData(select_id)) if select_id else 0)
        self.contractor.blockSignals(False)

    def new_contractor(self) -> None:
        dialog = ContractorDialog(self.ctx, None, self)
        if dialog.exec() and dialog.contractor is not None:
            self.contractors_changed = True
            self.load_contractors(dialog.contractor.id)
            self.errors["contractor_id"].show_message(None)
            self.contractor.setFocus()

    def terms(self) -> ContractTerms:
        form = self.form()
        return ContractTerms(
            executed=form.executed_on or self.compliance.on, expires=form.expires_on,
            provisions=frozenset(form.provisions), uses_state_addendum=form.uses_state_addendum,
            amend_notice_sent=form.amend_notice_sent_on, amended=form.amended_on,
            notice_posted=form.notice_posted_on, deletion_confirmed=form.deletion_confirmed_on,
            to_complete=details_to_complete(bool(form.purpose), bool(form.description),
                                            bool(form.information_allowed)),
        )

    def update_status(self) -> None:
        c = self.compliance
        status = contract_status(self.terms(), c.on, c.calendar, c.amend_days)
        lines = [f"{badge(status.state)} \u2014 {status.reason}"]
        lines += [f"Also: {problem}" for problem in status.problems[1:]]
        self.status.setText("\n".join(lines))

    # --- the clause check ---------------------------------------------------------------------

    def _say_check(self, text: str) -> None:
        self.check_message.setText(text)
        self.check_message.setVisible(bool(text))

    def run_check(self) -> None:
        """Read the signed document on the worker thread (a long PDF takes seconds) and list the suggestions;
        nothing is ticked. The button waits meanwhile, so a second click reads nothing twice."""
        from ..operations import Operation

        if not self.check_button.isEnabled():
            return
        self._say_check(translate("ContractDialog", "Reading the signed document…"))
        Operation(self, self.ctx, contracts.check_document, self.original.id).busy(self.check_button) \
            .success(self._show_check).failure(self._check_failed).run()

    def _check_failed(self, exc: Exception) -> None:
        if isinstance(exc, Invalid):
            self._say_check(exc.errors.get("document", exc.message))
        else:
            self._say_check(getattr(exc, "message", str(exc)))

    def _show_check(self, check) -> None:
        from ...domain.clauses import Finding

        self.check = check
        self.suggestions.clear()
        marks = {Finding.FOUND: "\u2714", Finding.NOT_FOUND: "\u2013", Finding.CONFLICT: "\u26a0"}
        for result in check.provisions:
            label = f"{marks[result.finding]} {domain_text(result.finding.label)}"
            quotes = result.quotes or ((None,))
            parent = None
            for quote in quotes:
                item = QTreeWidgetItem([
                    result.provision.value if parent is None else "",
                    label if parent is None else "",
                    str(quote.page) if quote is not None and quote.page else "",
                    ", ".join(quote.matched) if quote is not None else "",
                    quote.text if quote is not None else result.why,
                ])
                item.setData(0, Qt.ItemDataRole.UserRole, (result.provision, result.finding, quote, result.why))
                item.setToolTip(0, domain_text(result.provision.label))
                item.setToolTip(4, result.why)
                if parent is None:
                    self.suggestions.addTopLevelItem(item)
                    parent = item
                else:
                    parent.addChild(item)
            parent.setExpanded(True)
        for column in (0, 1, 2):
            self.suggestions.resizeColumnToContents(column)
        self.suggestions.setColumnWidth(3, self.fontMetrics().horizontalAdvance("M") * 16)
        self.suggestions.show()
        self.suggestion_detail.show()
        found = len(check.found)
        conflicts = sum(r.finding is Finding.CONFLICT for r in check.provisions)
        summary = translate("ContractDialog", "{found} of 11 provisions found, {conflicts} in conflict. Select a "
                            "found provision and accept its quote to tick it.").format(found=found,
                                                                                       conflicts=conflicts)
        if check.uniform_addendum:
            summary += " " + translate("ContractDialog", "The document is the state's uniform addendum: tick "
                                       "\u201c{label}\u201d if it is signed as it stands.").format(label=ADDENDUM_LABEL)
        self._say_check(summary)
        notes = [f"\u26a0 {n.why}" + (f" (p. {n.quote.page})" if n.quote.page else "")
                 + (f": \u201c{n.quote.text}\u201d" if n.quote.text else "")
                 for n in check.warnings]
        if check.breach_notice_days is not None:
            notes.insert(0, translate("ContractDialog", "Breach notice: within {days} days.").format(
                days=check.breach_notice_days))
        self.check_notes.setText("\n".join(notes))
        self.check_notes.setVisible(bool(notes))
        self.suggestions.setFocus()
        if self.suggestions.topLevelItemCount():
            self.suggestions.setCurrentItem(self.suggestions.topLevelItem(0))

    def _selected_suggestion(self):
        item = self.suggestions.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _suggestion_selected(self) -> None:
        from ...domain.clauses import Finding

        chosen = self._selected_suggestion()
        self.accept_button.setEnabled(
            self.editable and not self.addendum.isChecked() and chosen is not None
            and chosen[1] is Finding.FOUND and chosen[2] is not None)
        if chosen is None:
            self.suggestion_detail.setText("")
            return
        provision, finding, quote, why = chosen
        lines = [f"{domain_text(provision.label)}: {domain_text(finding.label)}"
                 + (translate("ContractDialog", ", page {page}").format(page=quote.page)
                    if quote is not None and quote.page else "")]
        if quote is not None:
            lines.append(f"\u201c{quote.text}\u201d")
            lines.append(translate("ContractDialog", "Words that matched: {value}").format(
                value=", ".join(quote.matched)))
        lines.append(translate("ContractDialog", "Why: {value}").format(value=why))
        self.suggestion_detail.setText("\n".join(lines))

    def accept_suggestion(self) -> None:
        """The person accepts the selected quote: its provision is ticked, the page noted as the clause
        when none is, and the quote kept as evidence (saved with the contract, shown in its history)."""
        from ...domain.clauses import Finding

        chosen = self._selected_suggestion()
        if not self.editable or chosen is None or chosen[1] is not Finding.FOUND or chosen[2] is None:
            return
        provision, _finding, quote, _why = chosen
        self.provision_boxes[provision].setChecked(True)
        clause = self.clause_edits[provision]
        if not clause.text().strip() and quote.page:
            clause.setText(translate("ContractDialog", "p. {page}").format(page=quote.page))
        self.evidence[provision] = (quote.text, quote.page)
        item = self.suggestions.currentItem()
        top = item.parent() or item
        top.setText(1, "\u2714 " + translate("ContractDialog", "Accepted"))
        self._say_check(translate("ContractDialog", "{value} ticked, with the quote from page {page} as evidence. "
                                  "Save the contract to keep it.").format(value=provision.value,
                                                                          page=quote.page or "\u2014"))

    def save_gap_report(self) -> None:
        """The gap report for the notice to amend: the provisions not ticked on the form as it stands."""
        from ..printing import save_pdf

        form = self.form()
        missing = [] if form.uses_state_addendum else [p for p in Provision if p not in form.provisions]
        if not missing:
            self._say_check(translate("ContractDialog", "Every provision is ticked: there is nothing to amend."))
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = self.ctx.call(contracts.gap_report, self.original.id, missing)
            from ...pdf.gap_report import render_gap_report  # reportlab loads only when someone saves one

            data = render_gap_report(report, self.ctx.settings)
        except (ServiceError, DatabaseProblem) as exc:
            self._say_check(getattr(exc, "message", str(exc)))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        name = f"gap-report-{self.original.contractor_name}.pdf".replace("/", "-")
        try:
            path = save_pdf(self, data, name, translate("ContractDialog", "Save the gap report for the notice to "
                                                        "amend"))
        except OSError as exc:
            self._say_check(translate("ContractDialog", "The gap report could not be saved: {value}.").format(
                value=exc.strerror or exc))
            return
        if path is not None:
            self._say_check(translate("ContractDialog", "Saved the gap report ({count} provisions) to {path}. "
                                      "Attach it to the notice to amend.").format(count=len(missing), path=path))

    # --- data -------------------------------------------------------------------------------

    def form(self) -> ContractForm:
        return ContractForm(
            contractor_id=self.contractor.currentData(),
            title=self.title.text(),
            purpose=self.purpose.toPlainText(),
            description=self.description.toPlainText(),
            information_allowed=[c for c, box in self.info_boxes.items() if box.isChecked()],
            information_details=self.information_details.toPlainText(),
            executed_on=self.executed_on.value(),
            starts_on=self.starts_on.value(),
            expires_on=self.expires_on.value(),
            uses_state_addendum=self.addendum.isChecked(),
            provisions={p: self.clause_edits[p].text() for p, box in self.provision_boxes.items() if box.isChecked()},
            evidence={p: e for p, e in self.evidence.items() if self.provision_boxes[p].isChecked()},
            amend_notice_sent_on=self.amend_notice_sent_on.value(),
            amended_on=self.amended_on.value(),
            notice_posted_on=self.notice_posted_on.value(),
            deletion_confirmed_on=self.deletion_confirmed_on.value(),
        )

    def set_form(self, form: ContractForm) -> None:
        self.title.setText(form.title)
        self.purpose.setPlainText(form.purpose)
        self.description.setPlainText(form.description)
        for category, box in self.info_boxes.items():
            box.setChecked(category in form.information_allowed)
        self.information_details.setPlainText(form.information_details)
        self.executed_on.set_value(form.executed_on or self.compliance.on)
        for key in ("starts_on", "expires_on", "amend_notice_sent_on", "amended_on", "notice_posted_on",
                    "deletion_confirmed_on"):
            getattr(self, key).set_value(getattr(form, key))
        self.addendum.blockSignals(True)
        self.addendum.setChecked(form.uses_state_addendum)
        self.addendum.blockSignals(False)
        self._remembered_ticks = set()
        self.evidence = dict(form.evidence)
        for provision, check in self.provision_boxes.items():
            check.setChecked(form.uses_state_addendum or provision in form.provisions)
            check.setEnabled(self.editable and not form.uses_state_addendum)
            clause = form.provisions.get(provision, "")
            # The service writes "State addendum" for a provision the addendum supplies: show it as the
            # placeholder it was, so that unticking the addendum does not leave it behind as a clause.
            if form.uses_state_addendum and clause == ADDENDUM_CLAUSE:
                clause = ""
            self.clause_edits[provision].setText(clause)
            self.clause_edits[provision].setPlaceholderText(
                ADDENDUM_CLAUSE if form.uses_state_addendum else translate("ContractDialog", "Clause, e.g. \u00a7 7.2")
            )
            self._provision_toggled(provision)

    def _set_read_only(self) -> None:
        for edit in (self.title, *self.clause_edits.values()):
            edit.setReadOnly(True)
        for text in (self.purpose, self.description, self.information_details):
            text.setReadOnly(True)
        for check in (*self.info_boxes.values(), *self.provision_boxes.values(), self.addendum):
            check.setEnabled(False)
        for field in self._date_fields():
            field.set_read_only(True)
        self.contractor.setEnabled(False)
        self.new_contractor_button.hide()
        self.save_button.hide()
        self.cancel_button.setDefault(True)

    def save(self) -> None:
        if not self.editable:
            return
        version = self.original.version if self.original else None
        try:
            saved = self.ctx.call(contracts.save_contract, self.contract_id, self.form(), version)
        except Invalid as exc:
            self.show_errors(exc.errors)
            return
        except ServiceError as exc:  # someone else changed it, it was deleted, not allowed
            self.show_errors({})
            self.show_message(exc.message)
            return
        except DatabaseProblem as exc:
            self.show_errors({})
            self.show_message(f"{exc.title}: {exc.message}")
            return
        self.contract = saved
        self.accept()

