"""The reviewer's accessibility review of a tool (ADA Title II, WCAG 2.1 Level AA): the finding, what the
vendor claims, its accessibility conformance report (VPAT/ACR), and where the tool falls short the equally
effective alternative the district will provide. Earlier reviews are listed under it, newest first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...db.database import DatabaseProblem
from ...domain.accessibility import ReviewFacts, ReviewForm, accessibility_status
from ...domain.contracts import format_day
from ...domain.enums import AccessibilityFinding, Answer, ClaimedConformance
from ...domain.validation import RequestForm
from ...services import accessibility
from ...services.compliance_context import ComplianceContext, compliance_context
from ...services.errors import Invalid, ServiceError
from ..common import named, text_label
from ..context import AppContext
from ..folders import open_file_name
from ..i18n import domain_text, translate
from ..screen import fit_to_screen
from ..widgets.date_field import OptionalDateField
from .forms import ScrollingFormDialog

# The accessible name of each field, also the start of its error label's name ("Finding error").
FIELD_LABELS = {
    "finding": QT_TRANSLATE_NOOP("AccessibilityReview", "Finding"),
    "claimed": QT_TRANSLATE_NOOP("AccessibilityReview", "Conformance the vendor claims"),
    "acr_on_file": QT_TRANSLATE_NOOP("AccessibilityReview", "ACR on file"),
    "document": QT_TRANSLATE_NOOP("AccessibilityReview", "Attached report"),
    "reviewed_on": QT_TRANSLATE_NOOP("AccessibilityReview", "Review date"),
    "alternative_plan": QT_TRANSLATE_NOOP("AccessibilityReview", "Equally effective alternative plan"),
    "notes": QT_TRANSLATE_NOOP("AccessibilityReview", "Review notes"),
}


def label(key: str) -> str:
    return translate("AccessibilityReview", FIELD_LABELS[key])


def requester_answers(form: RequestForm) -> str:
    """The requester's three accessibility answers in one line, "not answered" where they left one."""
    def answer(value: Answer | ClaimedConformance | None) -> str:
        return domain_text(value.label) if value is not None else translate("AccessibilityReview", "not answered")

    return translate(
        "AccessibilityReview",
        "The requester says: VPAT/ACR available: {acr}; vendor claims: {claimed}; known barriers: {barriers}",
    ).format(acr=answer(form.acr_available), claimed=answer(form.claimed_conformance),
             barriers=form.known_barriers or translate("AccessibilityReview", "none given"))


class AccessibilityReviewDialog(ScrollingFormDialog):
    """Record a review of the tool of a request (`request_id`) or of a catalog entry (`resource_id`).
    `review_id` holds the new review's id once the dialog is accepted."""

    FIELD_LABELS = FIELD_LABELS

    def __init__(self, ctx: AppContext, name: str, *, request_id: int | None = None,
                 resource_id: int | None = None, requester_form: RequestForm | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.request_id, self.resource_id = request_id, resource_id
        self.review_id: int | None = None
        self.document: tuple[str, bytes] | None = None
        self.compliance: ComplianceContext = ctx.query(compliance_context)
        self.setWindowTitle(translate("AccessibilityReview", "Accessibility review \u2014 {name}").format(name=name))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setMinimumSize(600, 460)
        fit_to_screen(self, 860, 760)
        self.frame(translate("AccessibilityReview", "Accessibility review"),
                   summary=translate("AccessibilityReview", "Resulting accessibility status"),
                   save=translate("AccessibilityReview", "Save review"))
        self.heading.setText(translate("AccessibilityReview", "Accessibility review: {name}").format(name=name))
        intro = text_label(translate("AccessibilityReview", "About the review"))
        intro.setText(translate(
            "AccessibilityReview",
            "Under the ADA Title II web rule, web content and apps the district provides, third-party tools included, "
            "must conform to WCAG 2.1 Level AA by {due}. Check the vendor's accessibility conformance report "
            "(VPAT or ACR); where the tool falls short, record the equally effective alternative the district will "
            "provide.").format(due=format_day(self.compliance.ada_due)))
        self.body.addWidget(intro)
        if requester_form is not None:
            said = text_label(translate("AccessibilityReview", "What the requester said"))
            said.setText(requester_answers(requester_form))
            said.setFrameShape(said.Shape.StyledPanel)
            self.body.addWidget(said)
        self._build_fields()
        self._build_history()
        self.body.addStretch(1)
        self.update_summary()

    # --- building ---------------------------------------------------------------------------

    def _build_fields(self) -> None:
        box = QGroupBox(translate("AccessibilityReview", "This review"))
        form = self._form_layout()
        box.setLayout(form)

        self.finding_box = QGroupBox()
        named(self.finding_box, label("finding"))
        column = QVBoxLayout(self.finding_box)
        self.findings = QButtonGroup(self)
        self.finding_buttons: dict[AccessibilityFinding, QRadioButton] = {}
        for finding in AccessibilityFinding:
            button = named(QRadioButton(domain_text(finding.label)), domain_text(finding.label))
            self.findings.addButton(button)
            self.finding_buttons[finding] = button
            column.addWidget(button)
            button.toggled.connect(self.update_summary)
        self.finding_box.setFocusProxy(self.finding_buttons[AccessibilityFinding.CONFORMS])
        self._row(form, "finding", translate("AccessibilityReview", "&Finding:"), self.finding_box)

        self.claimed = QComboBox()
        self.claimed.addItem(translate("AccessibilityReview", "Not stated"), None)
        for claim in ClaimedConformance:
            self.claimed.addItem(domain_text(claim.label), claim)
        named(self.claimed, label("claimed"))
        self._row(form, "claimed", translate("AccessibilityReview", "Vendor's &claim:"), self.claimed)

        self.acr = named(QCheckBox(translate("AccessibilityReview", "An accessibility conformance report is on file")),
                         label("acr_on_file"))
        self._row(form, "acr_on_file", translate("AccessibilityReview", "ACR &on file:"), self.acr)
        self.acr.toggled.connect(self.update_summary)

        self.document_name = text_label(label("document"))
        self.document_name.setText(translate("AccessibilityReview", "No file attached"))
        self.attach_button = named(QPushButton(translate("AccessibilityReview", "&Attach report\u2026")),
                                   translate("AccessibilityReview", "Attach the accessibility conformance report"))
        self.attach_button.clicked.connect(self.attach)
        self._row(form, "document", translate("AccessibilityReview", "Report file:"), self.document_name,
                  extra=self.attach_button)

        self.reviewed_on = OptionalDateField(label("reviewed_on"), required=True)
        self.reviewed_on.set_value(self.compliance.on)
        self._row(form, "reviewed_on", translate("AccessibilityReview", "Review &date:"), self.reviewed_on,
                  error_target=self.reviewed_on.focus_widget())

        self.alternative_plan = self._text_box(
            label("alternative_plan"),
            translate("AccessibilityReview", "Needed when the tool partially conforms or does not conform: how a "
                                             "student or parent with a disability gets the same thing another way"))
        self._row(form, "alternative_plan", translate("AccessibilityReview", "Alternative &plan:"),
                  self.alternative_plan)
        self.notes = self._text_box(label("notes"))
        self._row(form, "notes", translate("AccessibilityReview", "&Notes:"), self.notes)
        self.body.addWidget(box)

    @staticmethod
    def _text_box(name: str, description: str = "") -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setTabChangesFocus(True)
        box.setFixedHeight(box.fontMetrics().lineSpacing() * 4 + 12)
        return named(box, name, description)

    def _build_history(self) -> None:
        box = QGroupBox(translate("AccessibilityReview", "Earlier reviews (newest first)"))
        column = QVBoxLayout(box)
        self.history = named(QTreeWidget(), translate("AccessibilityReview", "Earlier accessibility reviews"))
        self.history.setHeaderLabels([translate("AccessibilityReview", "Reviewed"),
                                      translate("AccessibilityReview", "Finding"),
                                      translate("AccessibilityReview", "Vendor claims"),
                                      translate("AccessibilityReview", "ACR"),
                                      translate("AccessibilityReview", "Reviewer"),
                                      translate("AccessibilityReview", "Plan and notes")])
        self.history.header().setAccessibleName(translate("AccessibilityReview", "Earlier reviews columns"))
        self.history.setRootIsDecorated(False)
        self.history.setWordWrap(True)
        self.history.setMinimumHeight(120)
        column.addWidget(self.history)
        row = QHBoxLayout()
        self.open_button = named(QPushButton(translate("AccessibilityReview", "Open &report")),
                                 translate("AccessibilityReview", "Open the selected review's report"))
        self.open_button.clicked.connect(self.open_report)
        self.history.currentItemChanged.connect(self._history_selected)
        row.addWidget(self.open_button)
        row.addStretch(1)
        column.addLayout(row)
        self.body.addWidget(box)
        if self.request_id is not None:
            self.reviews = self.ctx.call(accessibility.reviews_for_request, self.request_id)
        else:
            self.reviews = self.ctx.call(accessibility.reviews_for_resource, self.resource_id)
        none = translate("AccessibilityReview", "none")
        for v in self.reviews:
            acr = (v.document_name or translate("AccessibilityReview", "on file") if v.acr_on_file
                   else translate("AccessibilityReview", "none"))
            said = "; ".join(t for t in (v.alternative_plan, v.notes) if t)
            item = QTreeWidgetItem([format_day(v.reviewed_on), domain_text(v.finding.label),
                                    domain_text(v.claimed.label) if v.claimed else none, acr, v.reviewer, said])
            item.setData(0, Qt.ItemDataRole.UserRole, v)
            self.history.addTopLevelItem(item)
        if not self.reviews:
            self.history.addTopLevelItem(QTreeWidgetItem([translate("AccessibilityReview", "No review yet.")]))
        self.history.resizeColumnToContents(0)
        self._history_selected()

    # --- reading the fields -----------------------------------------------------------------

    def finding(self) -> AccessibilityFinding | None:
        return next((f for f, button in self.finding_buttons.items() if button.isChecked()), None)

    def claimed_choice(self) -> ClaimedConformance | None:
        value = self.claimed.currentData()  # Qt hands the enum back as its plain string
        return ClaimedConformance(value) if value else None

    def form(self) -> ReviewForm:
        return ReviewForm(finding=self.finding(), claimed=self.claimed_choice(),
                          acr_on_file=self.acr.isChecked(), reviewed_on=self.reviewed_on.value(),
                          alternative_plan=self.alternative_plan.toPlainText(), notes=self.notes.toPlainText())

    def update_summary(self, *_args) -> None:
        finding = self.finding()
        if finding is None:
            self.summary.setText(translate("AccessibilityReview", "Choose the finding."))
            return
        facts = ReviewFacts(finding, self.claimed_choice(), self.compliance.on, self.acr.isChecked())
        status = accessibility_status(facts, self.compliance.ada_due, self.compliance.on)
        self.summary.setText(translate("AccessibilityReview", "Once saved, the tool's accessibility status: {status}")
                             .format(status=status.text))

    # --- actions ----------------------------------------------------------------------------

    def attach(self) -> None:
        from ..attach import file_filter, read_for_attaching  # on first use

        path = open_file_name(
            self, translate("AccessibilityReview", "Attach the accessibility conformance report"), file_filter())
        if not path:
            return
        try:
            content = read_for_attaching(Path(path))  # a huge file is refused before it is read
        except OSError as exc:
            self.errors["document"].show_message(
                translate("AccessibilityReview", "The file could not be read: {value}.").format(
                    value=exc.strerror or exc))
            return
        except Invalid as exc:
            self.errors["document"].show_message(" ".join(exc.errors.values()))
            return
        self.document = (Path(path).name, content)
        self.errors["document"].show_message(None)
        self.document_name.setText(Path(path).name)
        self.acr.setChecked(True)  # the attached file is the report

    def save(self) -> None:
        try:
            self.review_id = self.ctx.call(accessibility.record_review, request_id=self.request_id,
                                           resource_id=self.resource_id, form=self.form(), document=self.document)
        except Invalid as exc:
            self.show_errors(exc.errors)
            return
        except (ServiceError, DatabaseProblem) as exc:
            self.show_message(getattr(exc, "message", str(exc)))
            return
        self.accept()

    def _selected_review(self) -> accessibility.ReviewView | None:
        item = self.history.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _history_selected(self, *_args) -> None:
        review = self._selected_review()
        self.open_button.setEnabled(review is not None and review.document_name is not None)

    def open_report(self) -> None:
        from ..printing import open_in_viewer  # on first use

        review = self._selected_review()
        if review is None or review.document_name is None:
            return
        try:
            name, content = self.ctx.call(accessibility.review_document, review.id)
        except (ServiceError, DatabaseProblem) as exc:
            self.show_message(getattr(exc, "message", str(exc)))
            return
        self.show_message(open_in_viewer(name, content, "report"))
