"""Breaches of security at contractors (C.G.S. 10-234dd): each incident with the law's deadlines for today,
the incident report for the file and the letter to the families affected. Reviewers only."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...db.database import DatabaseProblem
from ...domain.contracts import format_day
from ...domain.incidents import INCIDENT_STATE_ORDER, Step, StepState
from ...services import incidents
from ...services import settings as settings_service
from ...services.errors import ServiceError
from ...services.incidents import IncidentView
from ..common import MessageLabel, details_panel, named
from ..context import AppContext
from ..i18n import translate
from ..models.tables import Column, RowTableModel, sorting_proxy
from ..widgets.list_view import ListView
from . import ReadWhenShown

_STEP_ORDER = [StepState.OVERDUE, StepState.DUE, StepState.WAITING, StepState.LATE, StepState.ON_TIME]


# Sort keys are single numbers: the proxy model compares numbers and text, not tuples.
_SPAN = 10_000_000  # more than any date's ordinal


def _step_sort(step: Step) -> int:
    """Worst first, then soonest."""
    return _STEP_ORDER.index(step.state) * _SPAN + (step.due or date.max).toordinal()


INCIDENT_COLUMNS: list[Column[IncidentView]] = [
    Column(QT_TRANSLATE_NOOP("Tables", "Contractor"), lambda v: v.contractor_name),
    Column(QT_TRANSLATE_NOOP("Tables", "Discovered"),
           lambda v: format_day(v.facts.discovered_on), lambda v: v.facts.discovered_on.toordinal()),
    Column(QT_TRANSLATE_NOOP("Tables", "Involves"), lambda v: v.involves_text),
    Column(QT_TRANSLATE_NOOP("Tables", "Students"),
           lambda v: v.students_text, lambda v: -1 if v.form.students_affected is None else v.form.students_affected),
    Column(QT_TRANSLATE_NOOP("Tables", "Contractor notice"),
           lambda v: v.timeline.contractor_notice.summary, lambda v: _step_sort(v.timeline.contractor_notice)),
    Column(QT_TRANSLATE_NOOP("Tables", "Family notice"),
           lambda v: v.timeline.family_notice.summary, lambda v: _step_sort(v.timeline.family_notice)),
    # Worst first when sorted ascending: the overdue come to the top.
    Column(QT_TRANSLATE_NOOP("Tables", "Overall"),
           lambda v: f"{v.timeline.state.mark} {v.timeline.state.label}",
           lambda v: INCIDENT_STATE_ORDER.index(v.timeline.state) * _SPAN - v.facts.discovered_on.toordinal()),
]
OVERALL_COLUMN = 6


def incident_details(v: IncidentView | None) -> str:
    """The selected incident in full, in words."""
    if v is None:
        return "Select an incident to see its deadlines in full."
    lines = [v.label, v.timeline.headline]
    lines += [f"\u2022 {s.title} ({s.rule}): {s.summary}" for s in v.timeline.steps]
    lines.append(f"Student data involved: {v.involves_text}. Students affected: {v.students_text}.")
    if v.contract_label:
        lines.append(f"Contract: {v.contract_label}.")
    return "\n".join(lines)


class IncidentsPage(ReadWhenShown, QWidget):
    changed = Signal()  # after a save: the deadlines list and its overdue count may have moved

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.all_rows: list[IncidentView] = []
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "IncidentsPage",
                "Breaches of security at contractors (C.G.S. 10-234dd). The contractor must notify the Board within 30 "
                "days of discovery (student information) or 60 days (directory information, student records, "
                "student-generated content); the Board then has 2 business days to notify the students and parents "
                "affected and post a notice on its website. Press Enter or double-click to open one.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.model = RowTableModel(INCIDENT_COLUMNS, self)
        self.proxy = sorting_proxy(self.model, self)
        self.table = ListView(translate("IncidentsPage", "Incidents"), self.edit_incident, stretch=2)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(OVERALL_COLUMN, Qt.SortOrder.AscendingOrder)
        layout.addWidget(self.table, 1)

        self.details = details_panel(translate("IncidentsPage", "Incident details"))
        layout.addWidget(self.details)
        self.message = MessageLabel(translate("IncidentsPage", "Incidents message"))
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        self.new_button = named(
            QPushButton(translate("IncidentsPage", "&Record incident\u2026")),
            translate("IncidentsPage", "Record incident"),
            translate("IncidentsPage", "Record a breach of security a contractor has discovered"),
        )
        self.edit_button = named(
            QPushButton(translate("IncidentsPage", "&Edit incident")),
            translate("IncidentsPage", "Edit incident"),
            translate("IncidentsPage", "Change the incident, e.g. record a notice as given"),
        )
        self.report_button = named(
            QPushButton(translate("IncidentsPage", "Save incident rep&ort\u2026")),
            translate("IncidentsPage", "Save incident report"),
            translate("IncidentsPage", "The incident with its deadlines, as a PDF for the district's file"),
        )
        self.letter_button = named(
            QPushButton(translate("IncidentsPage", "Save parent &letter\u2026")),
            translate("IncidentsPage", "Save parent letter"),
            translate("IncidentsPage", "The letter to the students and parents whose data was involved, as a PDF"),
        )
        self.new_button.clicked.connect(self.new_incident)
        self.edit_button.clicked.connect(self.edit_incident)
        self.report_button.clicked.connect(self.save_report)
        self.letter_button.clicked.connect(self.save_letter)
        for button in (self.new_button, self.edit_button, self.report_button, self.letter_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        for button in (self.new_button, self.edit_button, self.report_button, self.letter_button):
            # once in the page: a button without a parent that is made visible shows as a window of its own
            button.setVisible(ctx.is_reviewer)  # the services refuse anyway

        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())

    # --- data -------------------------------------------------------------------------------

    def reads(self) -> list[tuple]:
        """The use cases this page shows (the main window runs them on the worker thread, then `show_rows`)."""
        return [(incidents.list_incidents,)]

    def refresh(self) -> None:
        """Reload every incident (deadlines are for today); the table keeps the selected one selected."""
        try:
            rows = [self.ctx.call(*call) for call in self.reads()]
        except (ServiceError, DatabaseProblem) as exc:
            self.read_failed(exc)
            return
        self.show_rows(*rows)

    def read_failed(self, exc) -> None:
        self.all_rows = []
        self.model.set_rows([])
        self.message.say(exc)
        self._selection_changed()

    def show_rows(self, rows) -> None:
        self.all_rows = rows
        self.model.set_rows(self.all_rows)
        self.table.select_first_if_none()
        self._selection_changed()

    def select(self, incident_id: int | None) -> None:
        """Select that incident; when there is no such one, the first."""
        self.table.select_key_or_first(incident_id)
        self._selection_changed()

    def current_incident(self) -> IncidentView | None:
        return self.table.current_row()

    def _selection_changed(self) -> None:
        v = self.current_incident()
        if self.all_rows:
            self.details.setText(incident_details(v))
        else:
            self.details.setText(translate("IncidentsPage", "No incidents recorded. Record one with Record incident.")
                                  if self.ctx.is_reviewer else translate("IncidentsPage", "No incidents recorded."))
        for button in (self.edit_button, self.report_button, self.letter_button):
            button.setEnabled(v is not None)

    # --- actions ----------------------------------------------------------------------------

    def _open_dialog(self, incident_id: int | None) -> None:
        from ..dialogs.incident import IncidentDialog  # on first use: not at every start

        self.message.say("")
        try:
            dialog = IncidentDialog(self.ctx, incident_id, self)
        except (ServiceError, DatabaseProblem) as exc:
            self.message.say(exc)
            self.refresh()
            return
        if dialog.exec() and dialog.incident is not None:
            self.refresh()
            self.select(dialog.incident.id)
            self.changed.emit()

    def new_incident(self) -> None:
        self._open_dialog(None)

    def edit_incident(self) -> None:
        v = self.current_incident()
        if v is not None:
            self._open_dialog(v.id)

    def open_incident(self, incident_id: int) -> None:
        """Select the incident and open it: for the deadlines list, whose breach items carry its id."""
        self.refresh()
        self.select(incident_id)
        current = self.current_incident()
        if current is not None and current.id == incident_id:
            self._open_dialog(incident_id)

    def _save(self, render, suggested: str, what: str) -> None:
        from ..printing import save_pdf

        v = self.current_incident()
        if v is None:
            return
        self.message.say("")
        try:
            fresh = self.ctx.call(incidents.get_incident, v.id)  # today's deadlines, someone else's changes
            district = self.ctx.query(settings_service.read)
            data = render(fresh, district)
        except (ServiceError, DatabaseProblem) as exc:
            self.message.say(exc)
            return
        try:
            path = save_pdf(self, data, suggested.format(id=v.id))
        except OSError as exc:
            self.message.say(
                translate("IncidentsPage", "The {what} could not be saved: {value}.").format(
                    what=what, value=exc.strerror or exc
                )
            )
            return
        if path is not None:
            self.message.say(translate("IncidentsPage", "Saved the {what} as {path}.").format(what=what, path=path))

    def save_report(self) -> None:
        from ...pdf.incident import render_incident_report

        self._save(render_incident_report, "incident-{id}-report.pdf", "incident report")

    def save_letter(self) -> None:
        from ...pdf.incident import render_parent_notification

        person = self.ctx.person
        contact = ", ".join(part for part in (person.name, person.position, person.email) if part.strip())
        self._save(lambda view, district: render_parent_notification(view, district, contact=contact),
                   "incident-{id}-parent-letter.pdf", "letter to parents")
