"""The reviewer's deadlines: what the law requires next, overdue first, then soonest."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.contracts import format_day
from ...domain.deadlines import Obligation, ObligationKind, school_year_of
from ...domain.deletions import DeletionRef
from ...domain.enums import Role
from ...domain.renewals import RenewalRef
from ...services import compliance
from ...services.errors import Invalid, ServiceError
from ..common import named, show_problem
from ..context import AppContext
from ..i18n import domain_text, translate
from ..models.tables import Column, RowTableModel, sorting_proxy
from ..widgets.letters import AnnualNoticeFiles
from ..widgets.list_view import ListView

INCIDENT_KINDS = {ObligationKind.BREACH_CONTRACTOR_NOTICE, ObligationKind.BREACH_FAMILY_NOTICE}
CONTRACT_KINDS = {ObligationKind.WEBSITE_NOTICE, ObligationKind.NOTICE_TO_AMEND, ObligationKind.AMENDMENT_DUE,
                  ObligationKind.CONTRACT_EXPIRING, ObligationKind.DELETION_UNCONFIRMED,
                  ObligationKind.CONTRACT_DETAILS}


def _when(o: Obligation) -> str:
    return (translate("DeadlinesPage", "\u26a0 Overdue since {day}") if o.overdue
            else translate("DeadlinesPage", "\u25f7 Due {day}")).format(day=format_day(o.due))


# What the selected line's button does, by the kind of obligation (Enter on the line does the same).
OPEN_LABELS = {
    **{kind: (QT_TRANSLATE_NOOP("DeadlinesPage", "&Open contract"),
              QT_TRANSLATE_NOOP("DeadlinesPage", "Open contract")) for kind in CONTRACT_KINDS},
    **{kind: (QT_TRANSLATE_NOOP("DeadlinesPage", "&Open incident"),
              QT_TRANSLATE_NOOP("DeadlinesPage", "Open incident")) for kind in INCIDENT_KINDS},
    ObligationKind.DELETION_DUE: (QT_TRANSLATE_NOOP("DeadlinesPage", "&Open deletion request"),
                                  QT_TRANSLATE_NOOP("DeadlinesPage", "Open deletion request")),
    ObligationKind.ACCESSIBILITY_REVIEW: (QT_TRANSLATE_NOOP("DeadlinesPage", "&Open accessibility review\u2026"),
                                          QT_TRANSLATE_NOOP("DeadlinesPage", "Open accessibility review")),
    ObligationKind.RENEWAL_DUE: (QT_TRANSLATE_NOOP("DeadlinesPage", "&Open renewal"),
                                 QT_TRANSLATE_NOOP("DeadlinesPage", "Open renewal")),
    ObligationKind.ANNUAL_NOTICE: (QT_TRANSLATE_NOOP("DeadlinesPage", "&Go to the yearly notice"),
                                   QT_TRANSLATE_NOOP("DeadlinesPage", "Go to the yearly notice")),
}


DEADLINE_COLUMNS: list[Column[Obligation]] = [
    Column(QT_TRANSLATE_NOOP("Tables", "When"), _when, lambda o: o.due.toordinal()),
    Column(QT_TRANSLATE_NOOP("Tables", "Obligation"), lambda o: o.kind.label),
    Column(QT_TRANSLATE_NOOP("Tables", "Subject"), lambda o: o.subject),
    Column(QT_TRANSLATE_NOOP("Tables", "What to do"), lambda o: o.text),
]


class DeadlinesPage(QWidget):
    open_contract = Signal(int)
    open_incident = Signal(int)
    open_deletion = Signal(int)
    open_accessibility = Signal(int)  # an ACCESSIBILITY_REVIEW line: the catalog entry to review
    open_renewal = Signal(object)  # the RENEWAL_DUE obligation: its renewal request, or whom to name for it
    counted = Signal(int)  # overdue items, for the main window's tab and status bar

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.summary = named(QLabel(), translate("DeadlinesPage", "Deadlines summary"))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = RowTableModel(DEADLINE_COLUMNS, self)
        self.view = ListView(translate("DeadlinesPage", "Deadlines"),
                             self._open, stretch=3, key=lambda o: (o.kind, o.ref))
        self.view.setModel(sorting_proxy(self.model, self))
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        layout.addWidget(self.view, 1)
        # The selected line: what it is and what to do, with the one action it calls for.
        self.selected_box = named(QGroupBox(translate("DeadlinesPage", "Selected obligation")),
                                  translate("DeadlinesPage", "Selected obligation"))
        selected = QHBoxLayout(self.selected_box)
        self.details = named(QLabel(), translate("DeadlinesPage", "Obligation details"))
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        selected.addWidget(self.details, 1)
        self.open_button = named(QPushButton(), translate("DeadlinesPage", "Open what the line is about"))
        self.open_button.clicked.connect(self._open)
        selected.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.selected_box)
        self.view.selectionModel().currentChanged.connect(self._show_details)

        self.notice_box = named(QGroupBox(), translate("DeadlinesPage", "Yearly notice to families"))
        box = QVBoxLayout(self.notice_box)
        self.notice_state = named(QLabel(), translate("DeadlinesPage", "Yearly notice status"))
        self.notice_state.setWordWrap(True)
        box.addWidget(self.notice_state)
        row = QHBoxLayout()
        self.notice_date = named(QDateEdit(QDate.currentDate()), translate("DeadlinesPage", "Yearly notice date"))
        self.notice_date.setCalendarPopup(True)
        self.notice_date.setDisplayFormat("ddd d MMM yyyy")
        label = QLabel(translate("DeadlinesPage", "Dat&e:"))
        label.setBuddy(self.notice_date)
        drafted = named(
            QPushButton(translate("DeadlinesPage", "Record as d&rafted")),
            translate("DeadlinesPage", "Record yearly notice drafted"),
        )
        sent = named(
            QPushButton(translate("DeadlinesPage", "Record as &sent")),
            translate("DeadlinesPage", "Record yearly notice sent"),
        )
        drafted.clicked.connect(lambda: self._record(drafted=True))
        sent.clicked.connect(lambda: self._record(drafted=False))
        for w in (label, self.notice_date, drafted, sent):
            row.addWidget(w)
        row.addStretch(1)
        box.addLayout(row)
        self.notice_files = AnnualNoticeFiles(ctx, lambda: school_year_of(date.today()))
        box.addWidget(self.notice_files)
        self.notice_error = named(QLabel(), translate("DeadlinesPage", "Yearly notice error"))
        self.notice_error.setWordWrap(True)
        box.addWidget(self.notice_error)
        layout.addWidget(self.notice_box)

    def reads(self) -> list[tuple]:
        """The use cases this page shows (the main window runs them on the worker thread, then `show_rows`)."""
        return [(compliance.deadlines,)]

    def refresh(self) -> None:
        self.show_rows(*[self.ctx.call(*call) for call in self.reads()])

    def show_rows(self, items) -> None:
        self.model.set_rows(items)
        self.view.select_first_if_none()  # the view kept the selected obligation if it is still due
        self._show_details()
        overdue = sum(o.overdue for o in items)
        upcoming = len(items) - overdue
        self.summary.setText(
            translate(
                "DeadlinesPage",
                "{overdue} overdue, {upcoming} coming up. Overdue items come first; press Enter on a line to open "
                "what it is about.",
            ).format(overdue=overdue, upcoming=upcoming)
            if items
            else translate("DeadlinesPage", "Nothing is due: every contract's obligations are met.")
        )
        if not self.ctx.settings.get("district_population"):
            # The earlier ADA Title II date is assumed: say so, so nobody takes it for the district's own.
            self.summary.setText(self.summary.text() + " " + translate(
                "DeadlinesPage", "Accessibility reviews are dated for a town of 50,000 or more until an administrator "
                "sets the district's population under Settings."))
        self._show_notice()
        self.counted.emit(overdue)

    def _show_details(self, *_args) -> None:
        item = self.view.current_row()
        self.details.setText(f"{_when(item)}: {domain_text(item.kind.label)}. {item.text}" if item
                             else translate("DeadlinesPage", "Select a line to see what it asks for."))
        text, name = OPEN_LABELS.get(item.kind, OPEN_LABELS[ObligationKind.RENEWAL_DUE]) if item else ("", "")
        self.open_button.setVisible(item is not None)
        if item is not None:
            self.open_button.setText(translate("DeadlinesPage", text))
            self.open_button.setAccessibleName(translate("DeadlinesPage", name))

    def _show_notice(self) -> None:
        year = school_year_of(date.today())
        notice = self.ctx.call(compliance.annual_notice, year)
        # Its own titled group: it is there all year, whichever line is selected above.
        self.notice_box.setTitle(
            translate("DeadlinesPage", "Yearly notice to families ({label})").format(label=notice.label)
        )
        website = self.ctx.settings.get("contracts_website") or (
            translate("DeadlinesPage", "(set its address under Settings)") if self.ctx.person.role is Role.ADMINISTRATOR
            else translate("DeadlinesPage", "(an administrator sets its address under Settings)"))
        parts = [translate("DeadlinesPage", "The notice to students and parents of the contracts website is due on or "
                           "before {day}. Website: {website}.").format(day=format_day(notice.due), website=website)]
        parts.append(translate("DeadlinesPage", "Drafted {day}.").format(day=format_day(notice.drafted_on))
                     if notice.drafted_on else translate("DeadlinesPage", "Not drafted yet."))
        parts.append(translate("DeadlinesPage", "\u2714 Sent {day}.").format(day=format_day(notice.sent_on))
                     if notice.sent_on else translate("DeadlinesPage", "Not sent yet."))
        self.notice_state.setText(" ".join(parts))
        self.notice = notice

    def _record(self, *, drafted: bool) -> None:
        day = self.notice_date.date().toPython()
        notice = self.notice
        drafted_on = day if drafted else notice.drafted_on
        sent_on = notice.sent_on if drafted else day
        try:
            self.ctx.call(compliance.record_annual_notice, notice.school_year, drafted_on, sent_on)
        except Invalid as exc:
            self.notice_error.setText("\u26a0 " + " ".join(exc.errors.values()))
            return
        except ServiceError as exc:
            show_problem(self, exc)
            return
        self.notice_error.clear()
        self.refresh()

    def _open(self) -> None:
        item = self.view.current_row()
        if item is None:
            return
        if item.kind is ObligationKind.ANNUAL_NOTICE:
            self.notice_date.setFocus()  # the yearly notice's own group, below
        elif isinstance(item.ref, DeletionRef):
            self.open_deletion.emit(item.ref.request_id)
        elif isinstance(item.ref, RenewalRef):
            self.open_renewal.emit(item)
        elif item.kind is ObligationKind.ACCESSIBILITY_REVIEW:
            self.open_accessibility.emit(item.ref)
        elif item.kind in INCIDENT_KINDS:
            self.open_incident.emit(item.ref)
        elif item.kind in CONTRACT_KINDS:
            self.open_contract.emit(item.ref)
