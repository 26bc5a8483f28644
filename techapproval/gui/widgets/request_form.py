"""The paper form "Staff Request for Approval of Technology Resources", on screen.

Plain widgets with accessible names taken from the form's own words; the widget knows nothing of
the database: it gives and takes a RequestForm and shows errors by field.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Answer, ClaimedConformance, Grade, InfoCategory
from ...domain.validation import FIELD_LABELS, RequestForm
from ..common import ErrorLabel, named
from ..i18n import domain_text, translate
from .policy_help import governs

QUESTION_1 = QT_TRANSLATE_NOOP(
    "RequestForm",
    "1. Give name and description of the technology resource you are requesting to use. "
    "If you are requesting an online resource, please include a link to the resource.")
QUESTION_2 = QT_TRANSLATE_NOOP(
    "RequestForm",
    "2. Describe how you plan to use the requested resource. What information, if any, will be "
              "shared? Who will have access to the resource? If for use by students, will students need to "
              "sign up for an account or download an application? Is parental permission required by the "
              "application before use by a student?")

ACCESSIBILITY_INTRO = QT_TRANSLATE_NOOP(
    "RequestForm",
    "Not on the paper form: under the ADA, the tools the district provides must meet the WCAG 2.1 Level AA "
    "accessibility standard. Answer what you know; \u201cNot sure\u201d is fine.")


def field_label(key: str) -> str:
    """The form's name for a field (from the domain), in the person's language: accessible names, errors."""
    return domain_text(FIELD_LABELS[key])


def _text_box(name: str, lines: int = 4) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)  # Tab moves on, as in every other field: keyboard users are not trapped
    # `lines` tall (it scrolls for more): Qt's default of ~190 px made the paper form's one page a long scroll.
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    named(box, name)
    return box


def _choice(kind, value):
    return kind(value) if value else None


def _claim_box(name: str) -> QComboBox:
    box = QComboBox()
    box.addItem(translate("RequestForm", "Not stated"), None)  # the answer is optional
    for claim in ClaimedConformance:
        box.addItem(domain_text(claim.label), claim)
    named(box, name)
    return box


def _answer_box(name: str) -> QComboBox:
    box = QComboBox()
    box.addItem(translate("RequestForm", "Choose\u2026"), None)
    for answer in Answer:
        box.addItem(domain_text(answer.label), answer)
    named(box, name)
    return box


class RequestFormWidget(QWidget):
    edited = Signal()
    matchInputsEdited = Signal()  # name, link or grades changed: look for approved matches

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        named(self, translate("RequestForm", "Request form"))
        self.errors: dict[str, ErrorLabel] = {}
        outer = QVBoxLayout(self)

        self.who = QLabel()
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        self.who.setWordWrap(True)  # a long name and position must not widen the form past a narrow window
        named(self.who, translate("RequestForm", "Requester, position and date"))
        outer.addWidget(self.who)

        grades_box = QGroupBox(translate("RequestForm", "If the resource will be used by students, which grade(s)?"))
        grid = QGridLayout(grades_box)
        self.grade_boxes: dict[Grade, QCheckBox] = {}
        for i, grade in enumerate(Grade):
            box = QCheckBox(grade.value)
            named(box, translate("RequestForm", "Grade {value}").format(value=grade.value))
            self.grade_boxes[grade] = box
            grid.addWidget(box, i // 7, i % 7)  # two rows: PreK–5 and 6–12 fit a narrow window
        self.not_used = QCheckBox(translate("RequestForm", "Not used by students (administrative use)"))
        named(self.not_used, translate("RequestForm", "Not used by students"))
        grid.addWidget(self.not_used, 2, 0, 1, 7)
        outer.addWidget(grades_box)
        outer.addWidget(self._error("grades", grades_box))

        q1 = QGroupBox()
        q1_layout = QVBoxLayout(q1)
        q1_layout.addWidget(self._question(QUESTION_1))
        fields = QFormLayout()
        self.resource_name = named(QLineEdit(), field_label("resource_name"))
        self.resource_description = _text_box(field_label("resource_description"), 3)
        self.resource_link = named(
            QLineEdit(), field_label("resource_link"), translate("RequestForm", "A web address starting with https://")
        )
        self.resource_link.setPlaceholderText("https://")
        self._row(fields, translate("RequestForm", "&Name of the resource:"), self.resource_name, "resource_name")
        self._row(fields, translate("RequestForm", "&Description:"), self.resource_description, "resource_description")
        self._row(fields, translate("RequestForm", "&Link:"), self.resource_link, "resource_link")
        q1_layout.addLayout(fields)
        self.matches = QLabel()
        self.matches.setWordWrap(True)
        self.matches.setTextFormat(Qt.TextFormat.PlainText)
        self.matches.setFrameShape(QLabel.Shape.StyledPanel)
        named(self.matches, translate("RequestForm", "Matching district decisions"))
        self.matches.hide()
        q1_layout.addWidget(self.matches)
        outer.addWidget(q1)

        q2 = QGroupBox()
        q2_layout = QVBoxLayout(q2)
        q2_layout.addWidget(self._question(QUESTION_2))
        fields = QFormLayout()
        self.planned_use = _text_box(field_label("planned_use"))
        self._row(fields, translate("RequestForm", "How you &plan to use it:"), self.planned_use, "planned_use")
        q2_layout.addLayout(fields)

        info_box = QGroupBox(translate("RequestForm", "What information will be shared? (tick every kind)"))
        info_grid = QGridLayout(info_box)
        self.info_boxes: dict[InfoCategory, QCheckBox] = {}
        columns = 2
        wide = (InfoCategory.STUDENT_GENERATED_CONTENT, InfoCategory.DIRECTORY_INFORMATION, InfoCategory.NONE)
        narrow = [c for c in InfoCategory if c not in wide]
        for i, category in enumerate([*narrow, *wide]):
            label = domain_text(category.label)
            # A check box cannot wrap: the longest labels break before their parenthesis, so that the form
            # fits half of a 1920-pixel screen at 200% scale.
            box = QCheckBox(label.replace(" (", "\n(", 1) if len(label) > 60 else label)
            named(box, domain_text(category.label))
            self.info_boxes[category] = box
            if category in wide:  # long labels get a row of their own so the form stays narrow
                info_grid.addWidget(box, info_grid.rowCount(), 0, 1, columns)
            else:
                info_grid.addWidget(box, i // columns, i % columns)
        q2_layout.addWidget(info_box)
        q2_layout.addWidget(self._error("information_shared", info_box))

        fields = QFormLayout()
        self.information_details = _text_box(field_label("information_details"), 2)
        self.who_has_access = _text_box(field_label("who_has_access"), 2)
        self.student_accounts = _answer_box(field_label("student_accounts"))
        self.download_required = _answer_box(field_label("download_required"))
        self.app_permission = _answer_box(field_label("app_requires_parental_permission"))
        self._row(
            fields,
            translate("RequestForm", "Details of the &information:"),
            self.information_details,
            "information_details",
        )
        self._row(fields, translate("RequestForm", "&Who will have access:"), self.who_has_access, "who_has_access")
        self._row(
            fields,
            translate("RequestForm", "Students must sign up for an &account?"),
            self.student_accounts,
            "student_accounts",
        )
        self._row(
            fields,
            translate("RequestForm", "Students must d&ownload an application?"),
            self.download_required,
            "download_required",
        )
        self._row(
            fields,
            translate("RequestForm", "The application requires parental p&ermission before use?"),
            self.app_permission,
            "app_requires_parental_permission",
        )
        q2_layout.addLayout(fields)
        outer.addWidget(q2)

        # Not on the paper form: what the requester knows of the tool's accessibility (ADA Title II).
        access = QGroupBox(translate("RequestForm", "Accessibility (optional)"))
        access_layout = QVBoxLayout(access)
        access_layout.addWidget(self._question(ACCESSIBILITY_INTRO))
        fields = QFormLayout()
        self.acr_available = _answer_box(field_label("acr_available"))
        self.claimed_conformance = _claim_box(field_label("claimed_conformance"))
        self.known_barriers = _text_box(field_label("known_barriers"), 2)
        self._row(
            fields,
            translate("RequestForm", "Is an accessi&bility conformance report (VPAT or ACR) available?"),
            self.acr_available,
            "acr_available",
        )
        # No Alt+letter: every letter of the question is taken in the request window; Tab reaches it.
        self._row(fields, translate("RequestForm", "Which accessibility standard does the vendor claim?"),
                  self.claimed_conformance, "claimed_conformance")
        self._row(fields, translate("RequestForm", "&Known accessibility barriers:"), self.known_barriers,
                  "known_barriers")
        access_layout.addLayout(fields)
        outer.addWidget(access)
        outer.addStretch(1)

        for box in [*self.grade_boxes.values(), self.not_used, *self.info_boxes.values()]:
            box.toggled.connect(self.edited)
        for edit in (self.resource_name, self.resource_link):
            edit.textEdited.connect(self.edited)
            edit.textEdited.connect(self.matchInputsEdited)
        for box in [*self.grade_boxes.values(), self.not_used]:  # an approval covers the grades it was given
            box.toggled.connect(self.matchInputsEdited)
        for text in (self.resource_description, self.planned_use, self.information_details, self.who_has_access,
                     self.known_barriers):
            text.textChanged.connect(self.edited)
        for combo in (self.student_accounts, self.download_required, self.app_permission, self.acr_available,
                      self.claimed_conformance):
            combo.currentIndexChanged.connect(self.edited)
        self.not_used.toggled.connect(self._student_questions_enabled)
        for widget, key in self.help_targets().items():
            governs(widget, key)  # the policy help panel shows what 3520.13 says about the focused one

    # --- building -------------------------------------------------------------------------

    def _question(self, text: str) -> QLabel:
        label = QLabel(translate("RequestForm", text))
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        font = label.font()
        font.setItalic(True)
        label.setFont(font)
        return label

    def _error(self, name: str, field: QWidget) -> ErrorLabel:
        label = ErrorLabel(field, field_label(name))
        self.errors[name] = label
        return label

    def _row(self, layout: QFormLayout, text: str, field: QWidget, name: str) -> None:
        label = QLabel(text)
        label.setBuddy(field)
        label.setWordWrap(True)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(self._error(name, field))
        holder = QWidget()
        holder.setLayout(column)
        column.setContentsMargins(0, 0, 0, 0)
        layout.addRow(label, holder)

    def _student_questions_enabled(self, not_used: bool) -> None:
        for combo in (self.student_accounts, self.download_required, self.app_permission):
            combo.setEnabled(not not_used and not self._read_only)
        for box in self.grade_boxes.values():
            box.setEnabled(not not_used and not self._read_only)

    _read_only = False

    def help_targets(self) -> dict[QWidget, str]:
        """Each input, with the RequestForm field it fills (the key of its policy help)."""
        targets: dict[QWidget, str] = {box: "grades" for box in self.grade_boxes.values()}
        targets |= {box: "information_shared" for box in self.info_boxes.values()}
        targets |= {
            self.not_used: "not_used_by_students", self.resource_name: "resource_name",
            self.resource_description: "resource_description", self.resource_link: "resource_link",
            self.planned_use: "planned_use", self.information_details: "information_details",
            self.who_has_access: "who_has_access", self.student_accounts: "student_accounts",
            self.download_required: "download_required", self.app_permission: "app_requires_parental_permission",
            self.acr_available: "acr_available", self.claimed_conformance: "claimed_conformance",
            self.known_barriers: "known_barriers",
        }
        return targets

    # --- data -----------------------------------------------------------------------------

    def set_requester(self, name: str, position: str, date_text: str) -> None:
        position = position or "\u2014"
        self.who.setText(
            translate("RequestForm", "Name: {name}    Position: {position}    Date: {date_text}").format(
                name=name, position=position, date_text=date_text
            )
        )

    def form(self) -> RequestForm:
        return RequestForm(
            grades=[g for g, box in self.grade_boxes.items() if box.isChecked()],
            not_used_by_students=self.not_used.isChecked(),
            resource_name=self.resource_name.text(),
            resource_description=self.resource_description.toPlainText(),
            resource_link=self.resource_link.text(),
            planned_use=self.planned_use.toPlainText(),
            information_shared=[c for c, box in self.info_boxes.items() if box.isChecked()],
            information_details=self.information_details.toPlainText(),
            who_has_access=self.who_has_access.toPlainText(),
            student_accounts=self.student_accounts.currentData(),
            download_required=self.download_required.currentData(),
            app_requires_parental_permission=self.app_permission.currentData(),
            # Qt hands an enum choice back as its plain string: the enum again
            acr_available=_choice(Answer, self.acr_available.currentData()),
            claimed_conformance=_choice(ClaimedConformance, self.claimed_conformance.currentData()),
            known_barriers=self.known_barriers.toPlainText(),
        )

    def set_form(self, form: RequestForm) -> None:
        blockers = [w.blockSignals(True) for w in self._inputs()]
        try:
            for grade, box in self.grade_boxes.items():
                box.setChecked(grade in form.grades)
            self.not_used.setChecked(form.not_used_by_students)
            self.resource_name.setText(form.resource_name)
            self.resource_description.setPlainText(form.resource_description)
            self.resource_link.setText(form.resource_link)
            self.planned_use.setPlainText(form.planned_use)
            for category, box in self.info_boxes.items():
                box.setChecked(category in form.information_shared)
            self.information_details.setPlainText(form.information_details)
            self.who_has_access.setPlainText(form.who_has_access)
            for combo, value in ((self.student_accounts, form.student_accounts),
                                 (self.download_required, form.download_required),
                                 (self.app_permission, form.app_requires_parental_permission),
                                 (self.acr_available, form.acr_available),
                                 (self.claimed_conformance, form.claimed_conformance)):
                combo.setCurrentIndex(max(0, combo.findData(value)) if value else 0)
            self.known_barriers.setPlainText(form.known_barriers)
        finally:
            for w, was in zip(self._inputs(), blockers, strict=True):
                w.blockSignals(was)
        self._student_questions_enabled(form.not_used_by_students)

    def _inputs(self) -> list[QWidget]:
        return [*self.grade_boxes.values(), self.not_used, self.resource_name, self.resource_description,
                self.resource_link, self.planned_use, *self.info_boxes.values(), self.information_details,
                self.who_has_access, self.student_accounts, self.download_required, self.app_permission,
                self.acr_available, self.claimed_conformance, self.known_barriers]

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for w in self._inputs():
            if isinstance(w, QLineEdit | QPlainTextEdit):
                w.setReadOnly(read_only)
            else:
                w.setEnabled(not read_only)
        if not read_only:
            self._student_questions_enabled(self.not_used.isChecked())

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.show_message(errors.get(name))

    def first_error_field(self) -> QWidget | None:
        for label in self.errors.values():
            if label.text():
                return label.field
        return None

    def show_matches(self, text: str) -> None:
        self.matches.setText(text)
        self.matches.setVisible(bool(text))


