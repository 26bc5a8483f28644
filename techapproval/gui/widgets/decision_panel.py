"""The form's "For Office Use Only" section: exactly its choices, nothing more."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Decision, Permission
from ..common import ErrorLabel, named
from ..i18n import translate
from .policy_help import governs


class DecisionPanel(QGroupBox):
    decideClicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(translate("DecisionPanel", "For Office Use Only"), parent)
        layout = QVBoxLayout(self)
        self.approved = named(QRadioButton(Decision.APPROVED.label), Decision.APPROVED.label)
        self.parental = named(QRadioButton(Permission.PARENTAL_REQUIRED.label), Permission.PARENTAL_REQUIRED.label)
        self.no_permission = named(QRadioButton(Permission.NONE_REQUIRED.label), Permission.NONE_REQUIRED.label)
        self.not_approved = named(QRadioButton(Decision.NOT_APPROVED.label), Decision.NOT_APPROVED.label)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(translate("DecisionPanel", "Reason (required when not approved)"))
        self.reason.setMaximumHeight(self.reason.fontMetrics().lineSpacing() * 3 + 12)  # fits a small screen
        named(self.reason, translate("DecisionPanel", "Reason"))
        self.decisions = QButtonGroup(self)
        self.decisions.addButton(self.approved)
        self.decisions.addButton(self.not_approved)
        self.permissions = QButtonGroup(self)
        self.permissions.addButton(self.parental)
        self.permissions.addButton(self.no_permission)

        layout.addWidget(self.approved)
        for sub in (self.parental, self.no_permission):
            sub.setContentsMargins(24, 0, 0, 0)
            sub.setStyleSheet("margin-left: 24px;")
            layout.addWidget(sub)
        self.permission_error = ErrorLabel(self.parental, translate("DecisionPanel", "Permission choice"))
        layout.addWidget(self.permission_error)
        layout.addWidget(self.not_approved)
        layout.addWidget(self.reason)
        self.reason_error = ErrorLabel(self.reason, translate("DecisionPanel", "Reason"))
        layout.addWidget(self.reason_error)
        self.decision_error = ErrorLabel(self.approved, translate("DecisionPanel", "Decision"))
        layout.addWidget(self.decision_error)
        self.decide = named(
            QPushButton(translate("DecisionPanel", "&Record decision")), translate("DecisionPanel", "Record decision")
        )
        self.decide.clicked.connect(self.decideClicked)
        for widget, key in ((self.approved, Decision.APPROVED), (self.parental, Permission.PARENTAL_REQUIRED),
                            (self.no_permission, Permission.NONE_REQUIRED), (self.not_approved, Decision.NOT_APPROVED),
                            (self.reason, "reason")):
            governs(widget, str(key))  # the policy help panel shows what 3520.13 says about each choice
        layout.addWidget(self.decide)

        self.approved.toggled.connect(self._enable)
        self.not_approved.toggled.connect(self._enable)
        self._enable()

    def _enable(self) -> None:
        for sub in (self.parental, self.no_permission):
            sub.setEnabled(self.approved.isChecked())
        self.reason.setEnabled(self.not_approved.isChecked())

    def value(self) -> tuple[Decision | None, Permission | None, str]:
        decision = Decision.APPROVED if self.approved.isChecked() else (
            Decision.NOT_APPROVED if self.not_approved.isChecked() else None)
        permission = Permission.PARENTAL_REQUIRED if self.parental.isChecked() else (
            Permission.NONE_REQUIRED if self.no_permission.isChecked() else None)
        if decision is not Decision.APPROVED:
            permission = None
        reason = self.reason.toPlainText() if decision is Decision.NOT_APPROVED else ""
        return decision, permission, reason

    def show_errors(self, errors: dict[str, str]) -> None:
        self.decision_error.show_message(errors.get("decision"))
        self.permission_error.show_message(errors.get("permission"))
        self.reason_error.show_message(errors.get("reason"))
