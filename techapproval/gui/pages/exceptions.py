"""The IEP/Section 504 exceptions register (policy 3520.13 section 7): each exception with the law's
conditions, the date each was met and its evidence, and the packet a parent may ask for."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...db.database import DatabaseProblem
from ...domain.exceptions import Condition, Plan
from ...services import exceptions
from ...services.errors import ServiceError
from ...services.exceptions import ExceptionView
from ..common import MessageLabel, named
from ..context import AppContext
from ..folders import open_file_name
from ..i18n import translate
from ..models.tables import Column, RowTableModel, badge, sorting_proxy
from ..screen import scrolled, stacked
from ..widgets.date_field import OptionalDateField
from ..widgets.list_view import ListView
from . import ReadWhenShown


def _status(v: ExceptionView) -> str:
    total = len(v.conditions)
    if v.status.complete:
        return f"\u2714 Complete ({total} of {total} met)"
    return f"\u26a0 Incomplete ({v.met_count} of {total} met)"


EXCEPTION_COLUMNS: list[Column[ExceptionView]] = [
    Column(QT_TRANSLATE_NOOP("Tables", "Status"), _status, lambda v: (v.status.complete, v.met_count)),
    Column(QT_TRANSLATE_NOOP("Tables", "Resource"), lambda v: v.resource_name),
    Column(QT_TRANSLATE_NOOP("Tables", "Plan"), lambda v: v.plan.short),
    Column(QT_TRANSLATE_NOOP("Tables", "Case reference"), lambda v: v.case_reference),
    Column(QT_TRANSLATE_NOOP("Tables", "Resource status"), lambda v: badge(v.resource_status.state)),
]


def evidence_pdf(view: ExceptionView, settings: dict[str, str]) -> bytes:
    from ...pdf.evidence import render_evidence_packet  # reportlab loads only when someone saves one

    return render_evidence_packet(view, settings)


class ConditionRow:
    """One condition in the detail panel: its words, the date met, its evidence and two buttons."""

    def __init__(self, page: ExceptionsPage, grid: QGridLayout, row: int, condition: Condition):
        self.condition = condition
        self.label = QLabel(condition.label)
        self.label.setWordWrap(True)
        self.date = OptionalDateField(
            translate("ExceptionsPage", "Date met: {short}").format(short=condition.short),
            toggle_text=translate("ExceptionsPage", "Met"),
            description=translate("ExceptionsPage", "The day the district recorded this as met: {label}").format(
                label=condition.label
            ),
        )
        self.evidence = named(QLabel(), translate("ExceptionsPage", "Evidence: {short}").format(short=condition.short))
        self.evidence.setWordWrap(True)
        self.attach = named(
            QPushButton(translate("ExceptionsPage", "Attach evidence\u2026")),
            translate("ExceptionsPage", "Attach evidence: {short}").format(short=condition.short),
            translate("ExceptionsPage", "A scan or file showing this condition is met; it is kept in the database"),
        )
        self.open = named(
            QPushButton(translate("ExceptionsPage", "Open evidence")),
            translate("ExceptionsPage", "Open evidence: {short}").format(short=condition.short),
        )
        self.attach.clicked.connect(lambda: page.attach_evidence(condition))
        self.open.clicked.connect(lambda: page.open_evidence(condition))
        self.date.changed.connect(page._dates_edited)
        self.widgets = (self.label, self.date, self.evidence, self.attach, self.open)
        grid.addWidget(self.label, row * 2, 0, 1, 4)
        grid.addWidget(self.date, row * 2 + 1, 0)
        grid.addWidget(self.evidence, row * 2 + 1, 1)
        grid.addWidget(self.attach, row * 2 + 1, 2)
        grid.addWidget(self.open, row * 2 + 1, 3)

    def set_visible(self, visible: bool) -> None:
        for widget in self.widgets:
            widget.setVisible(visible)


class ExceptionsPage(ReadWhenShown, QWidget):
    changed = Signal()  # the catalog's statuses may have moved

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.shown: ExceptionView | None = None  # the exception the detail panel shows, as last read
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "ExceptionsPage",
                "Resources used without a contract because they are unique and necessary for a child's IEP or "
                "Section 504 plan and cannot comply. The exception holds only while every condition of the law is "
                "met. Children are identified by case reference, never by name.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.model = RowTableModel(EXCEPTION_COLUMNS, self)
        self.table = ListView(translate("ExceptionsPage", "IEP/504 exceptions"), self._focus_conditions, stretch=1)
        self.table.setModel(sorting_proxy(self.model, self))

        self.panel = QGroupBox(translate("ExceptionsPage", "Conditions of the selected exception"))
        named(self.panel, translate("ExceptionsPage", "Conditions of the selected exception"))
        panel = QVBoxLayout(self.panel)
        self.status = named(QLabel(), translate("ExceptionsPage", "Exception status"))
        self.status.setWordWrap(True)
        panel.addWidget(self.status)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.rows = {c: ConditionRow(self, grid, i, c) for i, c in enumerate(Condition)}
        panel.addLayout(grid)
        save_row = QHBoxLayout()
        self.save_dates_button = named(
            QPushButton(translate("ExceptionsPage", "&Save condition dates")),
            translate("ExceptionsPage", "Save condition dates"),
        )
        self.save_dates_button.clicked.connect(self.save_dates)
        self.unsaved = named(QLabel(), translate("ExceptionsPage", "Unsaved dates"))
        save_row.addWidget(self.save_dates_button)
        save_row.addWidget(self.unsaved, 1)
        panel.addLayout(save_row)
        panel.addStretch(1)
        # The conditions scroll under the register on a small screen; the line between them moves.
        self.panel_area = scrolled(self.panel, translate("ExceptionsPage", "Conditions panel"))
        layout.addWidget(stacked(translate("ExceptionsPage", "Register and conditions"),
                                 (self.table, 1), (self.panel_area, 2)), 1)

        self.message = MessageLabel(translate("ExceptionsPage", "Exceptions message"))
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        self.record_button = named(
            QPushButton(translate("ExceptionsPage", "&Record exception\u2026")),
            translate("ExceptionsPage", "Record exception"),
        )
        self.packet_button = named(
            QPushButton(translate("ExceptionsPage", "Sa&ve evidence packet\u2026")),
            translate("ExceptionsPage", "Save evidence packet"),
            translate("ExceptionsPage", "A PDF for a parent who asks: each condition, its date and its evidence files"),
        )
        self.record_button.clicked.connect(self.record_exception)
        self.packet_button.clicked.connect(self.save_packet)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.packet_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self._reloading = False  # while the table reloads, refresh() decides what the panel shows
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        if not ctx.is_reviewer:
            self.record_button.hide()
            self.packet_button.hide()
            self.panel_area.hide()

    # --- data -------------------------------------------------------------------------------

    def refresh(self, keep: int | None = None) -> None:
        """Reload the register, keeping the shown exception selected (or selecting `keep`). Dates typed in
        the panel and not saved yet stay on screen: a reload, e.g. after someone else's change, never
        throws them away."""
        if not self.ctx.is_reviewer:
            self.message.say(translate("ExceptionsPage", "Only a reviewer keeps the IEP/504 exceptions."))
            return
        try:
            rows = self.ctx.call(exceptions.list_exceptions)
        except (ServiceError, DatabaseProblem) as exc:
            self.read_failed(exc)
            return
        self.show_rows(rows, keep)

    def reads(self) -> list[tuple]:
        """The use cases this page shows (the main window runs them on the worker thread, then `show_rows`)."""
        return [(exceptions.list_exceptions,)]

    def read_failed(self, exc) -> None:
        self.message.say(exc)

    def show_rows(self, rows, keep: int | None = None) -> None:
        shown, pending = self.shown, self._pending()
        self._reloading = True
        try:
            self.model.set_rows(rows)  # the table keeps the selected exception selected
            if keep is not None:
                self.table.select_key_or_first(keep)
            else:
                self.table.select_first_if_none()
        finally:
            self._reloading = False
        current = self.table.current_row()
        same = current is not None and shown is not None and current.id == shown.id
        if same and current.version == shown.version:
            self.shown = current  # its conditions are as shown: leave the panel, and a date being typed, alone
            self._show_status(current)
            return
        self._show(current, pending if same else None)
        if same and pending and self._pending():
            self.message.say(
                translate(
                    "ExceptionsPage",
                    "Someone else changed this exception meanwhile. Its dates as recorded now are shown "
                    "with the ones you have not saved yet; check them, then save.",
                )
            )

    def _selection_changed(self, *_args) -> None:
        if not self._reloading:
            self._show(self.table.current_row())

    def current_exception(self) -> ExceptionView | None:
        return self.table.current_row()

    def _show_status(self, v: ExceptionView) -> None:
        self.panel.setTitle(
            translate("ExceptionsPage", "Conditions: {resource_name}, {label}, case {case_reference}").format(
                resource_name=v.resource_name, label=v.plan.label, case_reference=v.case_reference
            )
        )
        self.status.setText(
            translate("ExceptionsPage", "{words} Resource: {state}.").format(
                words=v.status.words, state=badge(v.resource_status.state)
            )
        )

    def _show(self, v: ExceptionView | None, pending: dict[Condition, date | None] | None = None) -> None:
        """Fill the detail panel from v; `pending` are unsaved dates to show again after a reload."""
        self.shown = v
        self.packet_button.setEnabled(v is not None)
        self.panel.setEnabled(v is not None)
        if v is None:
            self.panel.setTitle(translate("ExceptionsPage", "Conditions of the selected exception"))
            self.status.setText(
                translate("ExceptionsPage", "No IEP/504 exceptions recorded.")
                if self.model.rowCount() == 0
                else translate("ExceptionsPage", "Select an exception to see its conditions.")
            )
            for row in self.rows.values():
                row.set_visible(False)
            self._dates_edited()
            return
        self._show_status(v)
        for condition, row in self.rows.items():
            required = any(c.condition is condition for c in v.conditions)
            row.set_visible(required)
            if not required:
                continue
            c = v.condition(condition)
            row.date.set_value((pending or {}).get(condition, c.met_on))
            if c.document_sha256:
                row.evidence.setText(
                    translate("ExceptionsPage", "Attached: {document_name} (SHA-256 {value}\u2026)").format(
                        document_name=c.document_name, value=c.document_sha256[:12]
                    )
                )
                row.evidence.setToolTip(
                    translate("ExceptionsPage", "SHA-256 {document_sha256}").format(document_sha256=c.document_sha256)
                )
            else:
                row.evidence.setText(translate("ExceptionsPage", "No evidence attached"))
                row.evidence.setToolTip("")
            row.open.setEnabled(bool(c.document_sha256))
        self._dates_edited()

    def _pending(self) -> dict[Condition, date | None]:
        """Dates changed in the panel but not saved yet."""
        v = self.shown
        if v is None:
            return {}
        return {c.condition: self.rows[c.condition].date.value() for c in v.conditions
                if self.rows[c.condition].date.value() != c.met_on}

    def _dates_edited(self) -> None:
        pending = self._pending()
        self.save_dates_button.setEnabled(bool(pending))
        self.unsaved.setText(
            (translate("ExceptionsPage", "\u270e {pending} dates not saved yet") if len(pending) != 1
             else translate("ExceptionsPage", "\u270e {pending} date not saved yet")).format(pending=len(pending))
            if pending
            else ""
        )

    def _reload_shown(self, pending: dict[Condition, date | None] | None = None) -> None:
        """Read the shown exception again (its table row too), keeping unsaved dates on screen."""
        v = self.shown
        if v is None:
            return
        self.refresh(keep=v.id)
        if pending and self.shown is not None and self.shown.id == v.id:
            self._show(self.shown, pending)

    # --- actions ----------------------------------------------------------------------------

    def _focus_conditions(self) -> None:
        v = self.shown
        if v is not None:
            self.rows[v.conditions[0].condition].date.setFocus()

    def record_exception(self) -> None:
        from ..dialogs.plan_exception import PlanExceptionDialog  # on first use: not at every start

        self.message.say("")
        try:
            dialog = PlanExceptionDialog(self.ctx, None, self)
        except (ServiceError, DatabaseProblem) as exc:
            self.message.say(exc)
            return
        accepted = dialog.exec()
        dialog.deleteLater()  # a closed dialog is not left behind among the page's children
        if accepted and dialog.saved is not None:
            self.refresh(keep=dialog.saved.id)
            self.message.say(
                translate(
                    "ExceptionsPage",
                    "Recorded the exception for case {case_reference}. Date each condition as it is met and attach "
                    "its evidence.",
                ).format(case_reference=dialog.saved.case_reference)
            )
            self.changed.emit()

    def save_dates(self) -> None:
        v = self.shown
        pending = self._pending()
        if v is None or not pending:
            return
        self.message.say("")
        try:
            saved = self.ctx.call(exceptions.set_conditions, v.id, pending, v.version)  # all the dates, or none
        except (ServiceError, DatabaseProblem) as exc:
            self.message.say(exc)
            return
        self.refresh(keep=v.id)
        self.message.say(translate("ExceptionsPage", "Saved. {words}").format(words=saved.status.words))
        self.changed.emit()

    def attach_evidence(self, condition: Condition) -> None:
        from ..attach import file_filter, read_for_attaching  # on first use: not at every start

        v = self.shown
        if v is None:
            return
        self.message.say("")
        path = open_file_name(
            self,
            translate("ExceptionsPage", "Attach evidence \u2014 {short} \u2014 case {case_reference}").format(
                short=condition.short, case_reference=v.case_reference
            ),
            file_filter(),
        )
        if not path:
            return
        try:
            content = read_for_attaching(Path(path))  # a huge file is refused before it is read
        except OSError as exc:
            self.message.say(
                translate("ExceptionsPage", "The file could not be read: {value}.").format(value=exc.strerror or exc)
            )
            return
        except ServiceError as exc:
            self.message.say(exc)
            return
        pending = self._pending()
        try:
            digest = self.ctx.call(exceptions.attach_evidence, v.id, condition, Path(path).name, content, v.version)
        except (ServiceError, DatabaseProblem) as exc:
            self.message.say(exc)
            return
        self._reload_shown(pending)
        self.message.say(
            translate("ExceptionsPage", "Attached {name} (SHA-256 {value}\u2026) as evidence: {short}.").format(
                name=Path(path).name, value=digest[:12], short=condition.short
            )
        )

    def open_evidence(self, condition: Condition) -> None:
        from ..printing import open_in_viewer  # on first use: not at every start

        v = self.shown
        if v is None:
            return
        self.message.say("")
        try:
            name, content = self.ctx.call(exceptions.evidence_content, v.id, condition)
        except (ServiceError, DatabaseProblem) as exc:
            self.message.say(exc)
            return
        self.message.say(open_in_viewer(name, content, "evidence"))

    def save_packet(self) -> None:
        from ..printing import safe_file_name, save_pdf  # on first use: not at every start

        v = self.shown
        if v is None:
            return
        self.message.say("")
        if self._pending():
            self.message.say(
                translate("ExceptionsPage", "Save the condition dates first: the packet prints what is recorded.")
            )
            return
        try:
            fresh = self.ctx.call(exceptions.get_exception, v.id)
            data = evidence_pdf(fresh, self.ctx.settings)
        except (ServiceError, DatabaseProblem) as exc:
            self.message.say(exc)
            return
        plan = "IEP" if fresh.plan is Plan.IEP else "504"
        try:
            target = save_pdf(self, data, safe_file_name(f"{plan} exception evidence {fresh.case_reference}.pdf"))
        except OSError as exc:
            self.message.say(
                translate("ExceptionsPage", "The packet could not be saved: {value}.").format(value=exc.strerror or exc)
            )
            return
        if target is not None:
            self.message.say(
                translate(
                    "ExceptionsPage", "Saved the evidence packet as {target}. Hand the evidence files over with it."
                ).format(target=target)
            )
