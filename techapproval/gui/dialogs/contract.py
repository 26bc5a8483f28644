"""A contract with a contractor (C.G.S. 10-234bb): what it is for, what student information it allows,
its dates, which of the eleven provisions it contains and where, and what has been done since.

The status line under the form is the domain's own verdict for today, recomputed as the reviewer
ticks and types, so they see "missing P9" before they save rather than after.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...db.database import DatabaseProblem
from ...domain.contract_form import CONTRACT_LIMITS, ContractForm
from ...domain.contracts import ContractTerms, Provision, contract_status
from ...domain.enums import InfoCategory
from ...services import contracts
from ...services.compliance import ComplianceContext, compliance_context
from ...services.errors import Invalid, ServiceError
from ..common import named
from ..context import AppContext
from ..i18n import translate
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
        self.compliance: ComplianceContext = ctx.read(compliance_context)  # today, closures, time to amend

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
        self._build_follow_up()
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
        )

    def update_status(self) -> None:
        c = self.compliance
        status = contract_status(self.terms(), c.on, c.calendar, c.amend_days)
        lines = [f"{badge(status.state)} \u2014 {status.reason}"]
        lines += [f"Also: {problem}" for problem in status.problems[1:]]
        self.status.setText("\n".join(lines))

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

