"""Parental permissions for a resource approved with "additional parental notification and permission
required": the letter to send home, and the slips that came back, per class or case reference."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...db.database import DatabaseProblem
from ...domain.enums import Decision, Permission
from ...services import permissions as svc
from ...services.errors import Conflict, ServiceError
from ...services.requests import RequestDetail
from ..common import named, show_problem
from ..dialogs.forms import FieldDialog
from ..i18n import translate
from ..models.tables import Column, RowTableModel, sorting_proxy
from .list_view import ListView

TALLY_COLUMNS: list[Column[svc.TallyView]] = [
    Column(QT_TRANSLATE_NOOP("Tables", "Class or case"), lambda t: t.label),
    Column(QT_TRANSLATE_NOOP("Tables", "Expected"), lambda t: str(t.expected), lambda t: t.expected),
    Column(QT_TRANSLATE_NOOP("Tables", "Granted"), lambda t: str(t.granted), lambda t: t.granted),
    Column(QT_TRANSLATE_NOOP("Tables", "Refused"), lambda t: str(t.refused), lambda t: t.refused),
]  # each row's outstanding slips are in the line under the table, summed: the side panel is narrow


def needs_permission(detail: RequestDetail | None) -> bool:
    return (detail is not None and detail.decision is Decision.APPROVED
            and detail.permission is Permission.PARENTAL_REQUIRED)


def outstanding_text(tallies: list[svc.TallyView]) -> str:
    """The count in words, with a sign: never told by colour alone."""
    n = sum(t.outstanding for t in tallies)
    slips = "permission slip" if n == 1 else "permission slips"
    if not tallies:
        return f"{n} {slips} outstanding: no class or case recorded yet."
    refused = sum(t.refused for t in tallies)
    granted = sum(t.granted for t in tallies)
    sign = "\u26a0" if n else "\u2714"
    text = f"{sign} {n} {slips} outstanding ({granted} granted, {refused} refused)."
    if refused:
        text += " Students whose families refused must not use the resource."
    return text


class TallyDialog(FieldDialog):
    def __init__(self, ctx, request_id: int, tally: svc.TallyView | None = None, parent: QWidget | None = None):
        super().__init__(
            translate("ParentalPermissions", "Change class or case")
            if tally
            else translate("ParentalPermissions", "Add class or case"),
            translate(
                "ParentalPermissions",
                "Count the permission slips for one class, or for one student by a case reference. "
                "Never type a student\u2019s name: the signed slips stay on paper at school.",
            ),
            parent,
        )
        self.ctx, self.request_id, self.tally = ctx, request_id, tally
        label = self.add_field(
            "label", translate("ParentalPermissions", "&Class or case:"), QLineEdit(tally.label if tally else "")
        )
        label.setPlaceholderText(svc.LABEL_PLACEHOLDER)
        label.setMaxLength(svc.LABEL_MAX)
        for key, caption, value in (("expected", "Slips e&xpected:", tally.expected if tally else 1),
                                    ("granted", "Permission &granted:", tally.granted if tally else 0),
                                    ("refused", "Permission &refused:", tally.refused if tally else 0)):
            spin = QSpinBox()
            spin.setRange(0, svc.COUNT_MAX)
            spin.setValue(value)
            self.add_field(key, caption, spin)
        self.add_button(
            translate("ParentalPermissions", "&Save"), translate("ParentalPermissions", "Save class or case")
        ).clicked.connect(self.save)
        cancel = self.buttons.addButton(
            translate("ParentalPermissions", "Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        named(cancel, translate("ParentalPermissions", "Cancel"))

    def save(self) -> None:
        f = self.fields
        self.attempt(lambda: self.ctx.call(
            svc.save_tally, self.request_id, self.tally.id if self.tally else None, f["label"].text(),
            f["expected"].value(), f["granted"].value(), f["refused"].value(),
            expected_version=self.tally.version if self.tally else None))


class ParentalPermissionsBox(QGroupBox):
    """Shown for a request approved with parental permission required, to a reviewer or its requester."""

    changed = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(translate("ParentalPermissions", "Parental permissions"), parent)
        named(self, translate("ParentalPermissions", "Parental permissions"))
        self.ctx = ctx
        self.detail: RequestDetail | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "ParentalPermissions",
                "Approved with additional parental notification and permission: send the letter home, "
                "then count the slips that come back. Record classes or case references only, never a "
                "student\u2019s name.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.letter_button = named(
            QPushButton(translate("ParentalPermissions", "Paren&t letter\u2026")),
            translate("ParentalPermissions", "Parent letter"),
            translate(
                "ParentalPermissions", "The letter and permission slip for families, in English or Spanish, as a PDF"
            ),
        )
        self.letter_button.clicked.connect(self.save_letter)
        layout.addWidget(self.letter_button)

        self.model = RowTableModel(TALLY_COLUMNS, self)
        self.view = ListView(translate("ParentalPermissions", "Permission slips"), self.edit, stretch=0)
        self.view.setModel(sorting_proxy(self.model, self))
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setMinimumHeight(120)
        layout.addWidget(self.view)
        row = QHBoxLayout()
        self.add_button = named(
            QPushButton(translate("ParentalPermissions", "Add class or case\u2026")),
            translate("ParentalPermissions", "Add class or case"),
        )
        self.edit_button = named(
            QPushButton(translate("ParentalPermissions", "Edit\u2026")),
            translate("ParentalPermissions", "Edit class or case"),
        )
        self.remove_button = named(
            QPushButton(translate("ParentalPermissions", "Re&move")),
            translate("ParentalPermissions", "Remove class or case"),
        )
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        for w in (self.add_button, self.edit_button, self.remove_button):
            row.addWidget(w)
        row.addStretch(1)
        layout.addLayout(row)
        self.outstanding = named(QLabel(), translate("ParentalPermissions", "Permissions outstanding"))
        self.outstanding.setTextFormat(Qt.TextFormat.PlainText)
        self.outstanding.setWordWrap(True)
        layout.addWidget(self.outstanding)
        self.message = named(QLabel(), translate("ParentalPermissions", "Parental permissions message"))
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.hide()

    def show_request(self, detail: RequestDetail | None) -> None:
        self.detail = detail
        self.setVisible(needs_permission(detail))
        self.refresh()

    def refresh(self) -> None:
        if not needs_permission(self.detail):
            return
        try:
            tallies = self.ctx.call(svc.list_tallies, self.detail.id)
        except (ServiceError, DatabaseProblem) as exc:
            self.message.setText(f"\u26a0 {getattr(exc, 'message', exc)}")
            return
        self.model.set_rows(tallies)
        self.outstanding.setText(outstanding_text(tallies))
        has_rows = bool(tallies)
        self.edit_button.setEnabled(has_rows)
        self.remove_button.setEnabled(has_rows)
        if has_rows and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.view.model().index(0, 0))

    def _after_change(self) -> None:
        self.refresh()
        self.changed.emit()

    def add(self) -> None:
        if TallyDialog(self.ctx, self.detail.id, None, self).exec():
            self.message.clear()
            self._after_change()

    def edit(self) -> None:
        tally = self.view.current_row()
        if tally is None:
            return
        if TallyDialog(self.ctx, self.detail.id, tally, self).exec():
            self.message.clear()
            self._after_change()

    def remove(self) -> None:
        tally = self.view.current_row()
        if tally is None:
            return
        answer = QMessageBox.question(
            self,
            translate("ParentalPermissions", "Remove class or case"),
            translate(
                "ParentalPermissions", "Remove {label} and its counts from the list? The history keeps a record."
            ).format(label=tally.label),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.ctx.call(svc.delete_tally, self.detail.id, tally.id, expected_version=tally.version)
        except Conflict as exc:
            self.message.setText(f"\u26a0 {exc.message}")
            self.refresh()
            return
        except (ServiceError, DatabaseProblem) as exc:
            show_problem(self, exc)
            return
        self.message.setText(translate("ParentalPermissions", "Removed {label}.").format(label=tally.label))
        self._after_change()

    def save_letter(self) -> None:
        from ..dialogs.parent_letter import save_parent_letter

        if path := save_parent_letter(self, self.ctx, self.detail):
            self.message.setText(translate("ParentalPermissions", "\u2714 Saved {path}").format(path=path))
