"""The approved-resources catalog: what teachers may use, whether parents must give permission, and for
the reviewer whether each resource's contract keeps the district within the law."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...domain.contracts import ComplianceState, format_day
from ...domain.district_time import local_day
from ...services import catalog
from ..common import SEARCH_DELAY_MS, named
from ..context import AppContext
from ..i18n import translate
from ..models.tables import CATALOG_COLUMNS, RENEWAL_DUE_COLUMN, RowTableModel, badge, sorting_proxy
from ..widgets.list_view import ListView

NEEDS_ATTENTION = {s for s in ComplianceState if not s.within_law}


class CatalogPage(QWidget):
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "CatalogPage",
                "District-approved resources. You do not need to file a request for these; "
                "check whether parental permission is required before using one.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        bar = QHBoxLayout()
        self.search = named(QLineEdit(), translate("CatalogPage", "Search approved resources"))
        self.search.setPlaceholderText(translate("CatalogPage", "Search approved resources by name or link"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = named(QComboBox(), translate("CatalogPage", "Contract status filter"))
        self.status_filter.addItem(translate("CatalogPage", "Any contract status"), None)
        self.status_filter.addItem(
            translate("CatalogPage", "\u26a0 Needs attention (outside the law)"), NEEDS_ATTENTION
        )
        for state in ComplianceState:
            self.status_filter.addItem(badge(state), {state})
        label = QLabel(translate("CatalogPage", "Contract &status:"))
        label.setBuddy(self.status_filter)
        # Tools whose renewal was not approved are no longer approved; listed on request, with the day it ended.
        self.shown = named(QComboBox(), translate("CatalogPage", "Approvals shown"))
        self.shown.addItem(translate("CatalogPage", "Current approvals"), catalog.Shown.CURRENT)
        self.shown.addItem(translate("CatalogPage", "Ended approvals"), catalog.Shown.ENDED)
        self.shown.addItem(translate("CatalogPage", "All, current and ended"), catalog.Shown.ALL)
        shown_label = QLabel(translate("CatalogPage", "Sho&w:"))
        shown_label.setBuddy(self.shown)
        bar.addWidget(self.search, 1)
        bar.addWidget(shown_label)
        bar.addWidget(self.shown)
        bar.addWidget(label)
        bar.addWidget(self.status_filter)
        layout.addLayout(bar)

        # Reviewers see when each approval comes back for renewal, too.
        self.model = RowTableModel([*CATALOG_COLUMNS, *([RENEWAL_DUE_COLUMN] if ctx.is_reviewer else [])], self)
        self.view = ListView(translate("CatalogPage", "Approved resources"), self.edit_coverage, stretch=0)
        self.view.setModel(sorting_proxy(self.model, self))
        layout.addWidget(self.view, 1)
        self.details = named(QLabel(), translate("CatalogPage", "Resource status details"))
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        layout.addWidget(self.details)
        if ctx.is_reviewer:
            buttons = QHBoxLayout()
            self.coverage_button = named(
                QPushButton(translate("CatalogPage", "Contract co&verage\u2026")),
                translate("CatalogPage", "Contract coverage"),
                translate("CatalogPage", "Link the selected resource to its contract, or record why none is needed"),
            )
            self.coverage_button.clicked.connect(self.edit_coverage)
            buttons.addWidget(self.coverage_button)
            self.accessibility_button = named(
                QPushButton(translate("CatalogPage", "Record accessibilit&y review\u2026")),
                translate("CatalogPage", "Record accessibility review"),
                translate("CatalogPage", "Review the selected resource against WCAG 2.1 Level AA (ADA Title II)"),
            )
            self.accessibility_button.clicked.connect(self.review_accessibility)
            buttons.addWidget(self.accessibility_button)
            buttons.addStretch(1)
            layout.addLayout(buttons)

        # Read once typing pauses, not at every keystroke: "google" typed is one search, not six.
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.load)
        self.search.textChanged.connect(self.search_timer.start)
        self.status_filter.currentIndexChanged.connect(self.load)
        self.shown.currentIndexChanged.connect(self.load)
        self.view.selectionModel().currentChanged.connect(self._show_details)

    def reads(self) -> list[tuple]:
        """The use cases this page shows (the main window runs them on the worker thread, then `show_rows`)."""
        return [(partial(catalog.list_catalog, show=self.shown.currentData()), self.search.text(),
                 self.status_filter.currentData())]

    def refresh(self) -> None:
        self.show_rows(*[self.ctx.call(*call) for call in self.reads()])

    def load(self, *_args) -> None:
        """Read the list on the worker thread (as the person types a search): the window answers meanwhile."""
        from ..operations import load_page

        load_page(self, self.ctx, f"catalog:{id(self)}", self.read_failed)

    def read_failed(self, exc) -> None:
        self.details.setText(getattr(exc, "message", str(exc)))

    def show_rows(self, rows) -> None:
        self.model.set_rows(rows)
        self.view.select_first_if_none()  # the view kept the selected entry if it is still listed
        self._show_details()

    def _show_details(self, *_args) -> None:
        entry = self.view.current_row()
        if entry is None:
            self.details.clear()
            return
        status = entry.status
        lines = []
        if entry.approval_ended_at is not None:
            lines.append(translate(
                "CatalogPage", "\u2716 {name} is no longer approved: its approval ended {day} (its renewal was not "
                "approved). A staff member who wants to use it files a new request.").format(
                name=entry.name, day=format_day(local_day(entry.approval_ended_at))))
        lines.append(f"{entry.name}: {badge(status.state)}. {status.reason}")
        lines += [f"\u2022 {p}" for p in status.problems if p != status.reason]
        if entry.accessibility is not None:
            lines.append(translate("CatalogPage", "Accessibility: {status}").format(status=entry.accessibility.text))
        self.details.setText("\n".join(lines))

    def edit_coverage(self) -> None:
        entry = self.view.current_row()
        if entry is None or not self.ctx.is_reviewer:
            return
        from ..dialogs.coverage import CoverageDialog  # on first use: not at every start

        if CoverageDialog(self.ctx, entry, self).exec():
            self.refresh()
            self.changed.emit()

    def review_accessibility(self) -> None:
        entry = self.view.current_row()
        if entry is None or not self.ctx.is_reviewer:
            return
        self.open_accessibility(entry.id, entry.name)

    def open_accessibility(self, resource_id: int, name: str) -> bool:
        """The accessibility review dialog for a catalog entry; True when a review was recorded."""
        from ..dialogs.accessibility_review import AccessibilityReviewDialog  # on first use

        if AccessibilityReviewDialog(self.ctx, name, resource_id=resource_id, parent=self).exec():
            self.refresh()
            self.changed.emit()
            return True
        return False
