"""A breach of security at a contractor (C.G.S. 10-234dd): where, when it was discovered, which student
data, how many students, what happened, and when each notice was given.

The timeline under the form is the domain's own verdict for today, recomputed as the reviewer types: the
contractor's 30 or 60 days, then the Board's two business days, each "due", "overdue", "on time" or "late".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...db.database import DatabaseProblem
from ...domain.contracts import format_day
from ...domain.incidents import (
    INCIDENT_LIMITS,
    MAX_STUDENTS_AFFECTED,
    IncidentForm,
    Involves,
    incident_timeline,
)
from ...services import contracts, incidents
from ...services.compliance_context import ComplianceContext, compliance_context
from ...services.errors import Invalid, ServiceError
from ..common import named
from ..context import AppContext
from ..i18n import translate
from ..screen import fit_to_screen
from ..widgets.date_field import OptionalDateField
from .forms import ScrollingFormDialog

# The accessible name of each field, also the start of its error label's name ("What happened error").
FIELD_LABELS = {
    "contractor_id": "Contractor",
    "contract_id": "Contract",
    "discovered_on": "Date discovered",
    "involves": "Student data involved",
    "students_affected": "Students affected",
    "description": "What happened",
    "board_notified_on": "Contractor's notice received",
    "parents_notified_on": "Students and parents notified",
    "website_posted_on": "Website notice posted",
}
NO_CONTRACT = "No particular contract"
STUDENTS_UNKNOWN = "Not known yet"  # the spin box's lowest value, which stands for "not known"


def timeline_text(form: IncidentForm, compliance: ComplianceContext) -> str:
    """The headline and each step in words, for the preview and the page's details."""
    facts = form.facts()
    if facts is None:
        return "Enter the date the breach was discovered to see the deadlines."
    t = incident_timeline(facts, compliance.on, compliance.calendar)
    lines = [t.headline]
    lines += [f"\u2022 {s.title} ({s.rule}): {s.summary}" for s in t.steps]
    if not facts.involves:
        lines.append("Tick the student data involved: the contractor has 30 days for student information, "
                     "60 days otherwise.")
    return "\n".join(lines)


class IncidentDialog(ScrollingFormDialog):
    """Record (incident_id None) or change an incident. `incident` holds the saved IncidentView once the
    dialog is accepted."""

    FIELD_LABELS = FIELD_LABELS

    def __init__(self, ctx: AppContext, incident_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.incident_id = incident_id
        self.incident: incidents.IncidentView | None = None
        self.original: incidents.IncidentView | None = (
            ctx.call(incidents.get_incident, incident_id) if incident_id is not None else None)
        self.compliance: ComplianceContext = ctx.query(compliance_context)
        self.all_contracts = ctx.call(contracts.list_contracts)

        self.setWindowTitle(
            translate("IncidentDialog", "Record a breach incident")
            if self.original is None
            else translate("IncidentDialog", "Breach incident")
        )
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setMinimumSize(600, 460)
        fit_to_screen(self, 900, 720)

        self.frame(
            translate("IncidentDialog", "Incident"),
            summary=translate("IncidentDialog", "Timeline preview"),
            save=translate("IncidentDialog", "Save incident"),
        )
        self.preview = self.summary
        self.heading.setText(
            self.original.label if self.original else translate("IncidentDialog", "New breach incident")
        )
        self._build_breach()
        self._build_involves()
        self._build_notices()
        self.body.addStretch(1)

        self.load_contractors(self.original.contractor_id if self.original else None)
        self.set_form(self.original.form if self.original else IncidentForm(discovered_on=self.compliance.on))
        self._connect_edits()
        self.update_preview()

    # --- building ---------------------------------------------------------------------------

    def _build_breach(self) -> None:
        box = QGroupBox(translate("IncidentDialog", "The breach"))
        form = self._form_layout()
        box.setLayout(form)
        self.contractor = named(
            QComboBox(),
            FIELD_LABELS["contractor_id"],
            translate("IncidentDialog", "The operator or consultant where the breach happened"),
        )
        self.contractor.setMinimumContentsLength(30)
        self._row(form, "contractor_id", translate("IncidentDialog", "Con&tractor:"), self.contractor)
        self.contract = named(
            QComboBox(),
            FIELD_LABELS["contract_id"],
            translate("IncidentDialog", "Optional: the contract with this contractor that covers the data"),
        )
        self.contract.setMinimumContentsLength(30)
        self._row(form, "contract_id", translate("IncidentDialog", "C&ontract:"), self.contract)
        self.discovered_on = OptionalDateField(
            FIELD_LABELS["discovered_on"],
            required=True,
            description=translate("IncidentDialog", "The day the contractor discovered the breach"),
        )
        self._row(
            form,
            "discovered_on",
            translate("IncidentDialog", "Date &discovered:"),
            self.discovered_on,
            self.discovered_on.date_edit,
        )
        self.students = named(
            QSpinBox(),
            FIELD_LABELS["students_affected"],
            translate(
                "IncidentDialog",
                "How many students' data was involved; the lowest value means \u201c{STUDENTS_UNKNOWN}\u201d",
            ).format(STUDENTS_UNKNOWN=STUDENTS_UNKNOWN),
        )
        self.students.setRange(-1, MAX_STUDENTS_AFFECTED)
        self.students.setSpecialValueText(STUDENTS_UNKNOWN)
        self.students.setGroupSeparatorShown(True)
        self.students.setMinimumWidth(self.students.fontMetrics().horizontalAdvance("1,000,000 Not known") + 40)
        self._row(form, "students_affected", translate("IncidentDialog", "Students &affected:"), self.students)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)  # Tab moves on: keyboard users are not trapped in the box
        lines = self.description.fontMetrics().lineSpacing()
        self.description.setMinimumHeight(lines * 4 + 12)
        self.description.setPlaceholderText(
            translate(
                "IncidentDialog",
                "What happened, as far as is known. Printed in the report and in the "
                "letter to parents: name no student.",
            )
        )
        # No maxLength on a plain text box: the service names the limit, as for the contract's texts.
        named(
            self.description,
            FIELD_LABELS["description"],
            translate(
                "IncidentDialog",
                "Printed in the incident report and in the letter to parents: name no student. At most "
                "{description:,} characters",
            ).format(description=INCIDENT_LIMITS["description"]),
        )
        self._row(form, "description", translate("IncidentDialog", "&What happened:"), self.description)
        self.body.addWidget(box)

    def _build_involves(self) -> None:
        box = QGroupBox(translate("IncidentDialog", "{field} (tick every kind)").format(field=FIELD_LABELS["involves"]))
        named(box, FIELD_LABELS["involves"])
        column = QVBoxLayout(box)
        note = QLabel(
            translate(
                "IncidentDialog",
                "Student information other than directory information: the contractor must notify the Board "
                "within 30 days of discovery. Only directory information, student records or "
                "student-generated content: within 60 days.",
            )
        )
        note.setWordWrap(True)
        column.addWidget(note)
        self.involves_boxes: dict[Involves, QCheckBox] = {}
        for kind in Involves:
            check = named(QCheckBox(kind.label), kind.label)
            self.involves_boxes[kind] = check
            column.addWidget(check)
        column.addWidget(self._field("involves", box, self.involves_boxes[Involves.STUDENT_INFORMATION]))
        self.body.addWidget(box)

    def _build_notices(self) -> None:
        box = QGroupBox(translate("IncidentDialog", "Notices"))
        form = self._form_layout()
        box.setLayout(form)
        self.board_notified_on = OptionalDateField(
            FIELD_LABELS["board_notified_on"],
            toggle_text=translate("IncidentDialog", "Received"),
            description=translate("IncidentDialog", "The day the contractor's notice of the breach reached the Board"),
        )
        self.parents_notified_on = OptionalDateField(
            FIELD_LABELS["parents_notified_on"],
            toggle_text=translate("IncidentDialog", "Notified"),
            description=translate(
                "IncidentDialog",
                "The day the Board notified the affected students and parents electronically: due within "
                "2 business days of receiving the contractor's notice",
            ),
        )
        self.website_posted_on = OptionalDateField(
            FIELD_LABELS["website_posted_on"],
            toggle_text=translate("IncidentDialog", "Posted"),
            description=translate("IncidentDialog", "The day notice of the breach was posted on the district website"),
        )
        for key, caption in (
            ("board_notified_on", "Contractor's notice &received:"),
            ("parents_notified_on", "Students and &parents notified:"),
            ("website_posted_on", "&Notice posted on the website:"),
        ):
            field: OptionalDateField = getattr(self, key)
            self._row(form, key, caption, field, field.date_edit)
        boxes = [f.checkbox for f in self._date_fields() if f.checkbox is not None]
        width = max(b.sizeHint().width() for b in boxes)
        for b in boxes:  # the dates in one column
            b.setMinimumWidth(width)
        self.body.addWidget(box)

    def _date_fields(self) -> list[OptionalDateField]:
        return [self.discovered_on, self.board_notified_on, self.parents_notified_on, self.website_posted_on]

    def _connect_edits(self) -> None:
        self.contractor.currentIndexChanged.connect(self._contractor_changed)
        for check in self.involves_boxes.values():
            check.toggled.connect(self.update_preview)
        for field in self._date_fields():
            field.changed.connect(self.update_preview)

    # --- behaviour --------------------------------------------------------------------------

    def load_contractors(self, select_id: int | None) -> None:
        views = self.ctx.call(contracts.list_contractors)
        self.contractor.blockSignals(True)
        self.contractor.clear()
        self.contractor.addItem(translate("IncidentDialog", "Choose the contractor\u2026"), None)
        for v in views:
            self.contractor.addItem(v.name, v.id)
        self.contractor.setCurrentIndex(max(0, self.contractor.findData(select_id)) if select_id else 0)
        self.contractor.blockSignals(False)
        self.load_contracts(None)

    def load_contracts(self, select_id: int | None) -> None:
        """The chosen contractor's contracts only; none chosen, none offered."""
        contractor_id = self.contractor.currentData()
        self.contract.blockSignals(True)
        self.contract.clear()
        self.contract.addItem(NO_CONTRACT, None)
        for v in self.all_contracts:
            if contractor_id is not None and v.contractor_id == contractor_id:
                self.contract.addItem(
                    translate("IncidentDialog", "{value} (executed {executed_on})").format(
                        value=v.title or "Contract", executed_on=format_day(v.form.executed_on)
                    ),
                    v.id,
                )
        index = self.contract.findData(select_id) if select_id is not None else 0
        self.contract.setCurrentIndex(max(0, index))
        self.contract.setEnabled(self.contract.count() > 1)
        self.contract.blockSignals(False)

    def _contractor_changed(self) -> None:
        self.load_contracts(self.contract.currentData())

    def update_preview(self) -> None:
        self.preview.setText(timeline_text(self.form(), self.compliance))

    # --- data -------------------------------------------------------------------------------

    def form(self) -> IncidentForm:
        students = self.students.value()
        return IncidentForm(
            contractor_id=self.contractor.currentData(),
            contract_id=self.contract.currentData(),
            discovered_on=self.discovered_on.value(),
            involves=frozenset(k for k, box in self.involves_boxes.items() if box.isChecked()),
            students_affected=None if students < 0 else students,
            description=self.description.toPlainText(),
            board_notified_on=self.board_notified_on.value(),
            parents_notified_on=self.parents_notified_on.value(),
            website_posted_on=self.website_posted_on.value(),
        )

    def set_form(self, form: IncidentForm) -> None:
        self.contractor.blockSignals(True)
        self.contractor.setCurrentIndex(max(0, self.contractor.findData(form.contractor_id))
                                        if form.contractor_id is not None else 0)
        self.contractor.blockSignals(False)
        self.load_contracts(form.contract_id)
        self.discovered_on.set_value(form.discovered_on or self.compliance.on)
        for kind, box in self.involves_boxes.items():
            box.setChecked(kind in form.involves)
        self.students.setValue(-1 if form.students_affected is None else form.students_affected)
        self.description.setPlainText(form.description)
        for key in ("board_notified_on", "parents_notified_on", "website_posted_on"):
            getattr(self, key).set_value(getattr(form, key))

    def save(self) -> None:
        form = self.form()
        try:
            if self.original is None:
                saved = self.ctx.call(incidents.record_incident, form)
            else:
                saved = self.ctx.call(incidents.update_incident, self.incident_id, form, self.original.version)
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
        self.incident = saved
        self.accept()
