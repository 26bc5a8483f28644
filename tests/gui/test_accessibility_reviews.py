"""ADA Title II through the screens: the requester's accessibility answers, the reviewer's review from the
request, the catalog and the deadlines, and the catalog's Accessibility column."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
)

from techapproval.domain.accessibility import LARGE_ENTITY_DATE, accessibility_status
from techapproval.domain.enums import AccessibilityFinding, Answer, ClaimedConformance
from techapproval.gui.dialogs.accessibility_review import AccessibilityReviewDialog
from techapproval.gui.dialogs.request_window import RequestWindow
from techapproval.gui.recovery import as_text, form_from_json, form_to_json
from techapproval.services import accessibility
from techapproval.services import requests as svc
from tests.gui.conftest import choose, click, find, open_main, settle, type_into, when_dialog_opens
from tests.gui.test_request_flow import fill_request
from tests.helpers import approved_resource, complete_form, submitted_request

PDF = b"%PDF-1.7\n" + bytes(range(256)) * 4
NOT_REVIEWED = accessibility_status(None, LARGE_ENTITY_DATE, date.today()).text  # "⚠ Not reviewed: …"


def column(view: QAbstractItemView, title: str) -> list[str]:
    model = view.model()
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return [model.index(r, titles.index(title)).data() for r in range(model.rowCount())]


def test_the_requester_answers_the_accessibility_questions_and_they_are_kept(qtbot, signed_in, district):
    teacher = open_main(qtbot, signed_in(district.teacher))
    window = teacher.new_request()
    qtbot.addWidget(window)
    fill_request(qtbot, window)
    choose(qtbot, window, "An accessibility conformance report (VPAT/ACR) is available", "Yes")
    choose(qtbot, window, "Accessibility the vendor claims", "WCAG 2.1 Level AA")
    type_into(qtbot, window, "Known accessibility barriers", "Drag and drop only.")
    # The policy help beside the form quotes the ADA rule for the new questions.
    find(window, "Accessibility the vendor claims", QComboBox).setFocus()
    qtbot.waitUntil(lambda: "WCAG 2.1" in window.policy_help.browser.toPlainText(), timeout=2000)
    qtbot.waitUntil(lambda: window.request_id is not None and not window._dirty, timeout=3000)
    with district.db.transaction() as s:
        form = svc.get_request(s, district.teacher, window.request_id).form
    assert (form.acr_available, form.claimed_conformance, form.known_barriers) == (
        Answer.YES, ClaimedConformance.WCAG_21_AA, "Drag and drop only.")
    click(qtbot, window, "Submit request")
    assert find(window, "Status", QLabel).text().startswith("Status: Submitted")
    # Read-only once submitted, showing the answers.
    assert not find(window, "Accessibility the vendor claims", QComboBox).isEnabled()
    assert find(window, "Known accessibility barriers", QPlainTextEdit).isReadOnly()
    request_id = window.request_id
    window.close()

    reviewer = open_main(qtbot, signed_in(district.reviewer))
    review = RequestWindow(reviewer.ctx, request_id, reviewer)
    qtbot.addWidget(review)
    review.show()
    assert find(review, "Accessibility the vendor claims", QComboBox).currentText() == "WCAG 2.1 Level AA"
    status = find(review, "Accessibility status", QLabel).text()
    assert status.startswith(f"Accessibility: {NOT_REVIEWED}")
    assert ("The requester says: VPAT/ACR available: Yes; vendor claims: WCAG 2.1 Level AA; "
            "known barriers: Drag and drop only.") in status


def test_the_recovery_journal_keeps_the_accessibility_answers():
    form = complete_form(acr_available=Answer.NOT_SURE, claimed_conformance=ClaimedConformance.WCAG_20_AA,
                         known_barriers="No captions.")
    assert form_from_json(form_to_json(form)) == form
    assert form_from_json(form_to_json(complete_form())) == complete_form()  # unanswered: None, not "None"
    text = as_text(form)
    assert "Accessibility the vendor claims:\nWCAG 2.0 Level AA" in text and "No captions." in text


def test_the_reviewer_records_a_review_from_the_request(qtbot, signed_in, district, tmp_path, monkeypatch):
    rid = submitted_request(district, resource_name="Padlet", resource_link="https://padlet.com")
    reviewer = open_main(qtbot, signed_in(district.reviewer))
    review = RequestWindow(reviewer.ctx, rid, reviewer)
    qtbot.addWidget(review)
    review.show()
    report = tmp_path / "Padlet VPAT.pdf"
    report.write_bytes(PDF)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(report), "PDF documents (*.pdf)"))
    seen = []

    def fill(dialog: AccessibilityReviewDialog) -> None:
        seen.append(find(dialog, "What the requester said", QLabel).text())
        click(qtbot, dialog, "Save review")  # nothing chosen
        assert "Choose the finding" in find(dialog, "Finding error", QLabel).text()
        click(qtbot, dialog, "Does not conform")
        choose(qtbot, dialog, "Conformance the vendor claims", "WCAG 2.0 Level AA (older than the rule's 2.1)")
        click(qtbot, dialog, "Attach the accessibility conformance report")
        assert find(dialog, "Attached report", QLabel).text() == "Padlet VPAT.pdf"
        assert find(dialog, "ACR on file").isChecked()
        click(qtbot, dialog, "Save review")  # no plan: the message is next to the plan
        assert "equally effective alternative" in find(dialog, "Equally effective alternative plan error",
                                                       QLabel).text()
        assert dialog.isVisible()
        type_into(qtbot, dialog, "Equally effective alternative plan", "Printed boards and a reader on request.")
        assert "Does not conform: alternative plan on file" in find(
            dialog, "Resulting accessibility status", QLabel).text()
        click(qtbot, dialog, "Save review")

    problems = when_dialog_opens(AccessibilityReviewDialog, fill)
    click(qtbot, review, "Accessibility review")
    assert not problems, problems
    assert "vendor claims: not answered" in seen[0]
    assert find(review, "Accessibility status", QLabel).text().startswith(
        "Accessibility: \u25d1 Does not conform: alternative plan on file")
    with district.db.transaction() as s:
        [view] = accessibility.reviews_for_request(s, district.reviewer, rid)
        assert (view.finding, view.claimed, view.document_name) == (
            AccessibilityFinding.DOES_NOT_CONFORM, ClaimedConformance.WCAG_20_AA, "Padlet VPAT.pdf")

    # The next review lists it, newest first.
    listed = []

    def read_history(dialog: AccessibilityReviewDialog) -> None:
        tree = find(dialog, "Earlier accessibility reviews", QTreeWidget)
        listed.extend(tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount()))
        dialog.reject()

    problems = when_dialog_opens(AccessibilityReviewDialog, read_history)
    click(qtbot, review, "Accessibility review")
    assert not problems, problems
    assert listed == ["Does not conform"]


def test_the_catalog_shows_accessibility_and_a_reviewer_records_it(qtbot, signed_in, district):
    approved_resource(district, resource_name="Quizlet", resource_link="https://quizlet.com")
    teacher = open_main(qtbot, signed_in(district.teacher))
    teacher.tabs.setCurrentWidget(teacher.catalog_page)
    settle()  # the tab reads its list on the worker thread
    catalog = find(teacher, "Approved resources", QAbstractItemView)
    assert column(catalog, "Accessibility") == ["\u26a0 Not reviewed"]  # a symbol and words, for everyone
    assert "Record accessibility review" not in [b.accessibleName() for b in
                                                 teacher.catalog_page.findChildren(QPushButton)]  # reviewers only

    reviewer = open_main(qtbot, signed_in(district.reviewer))
    reviewer.tabs.setCurrentWidget(reviewer.catalog_page)
    settle()  # the tab reads its list on the worker thread
    catalog = find(reviewer, "Approved resources", QAbstractItemView)
    assert f"Accessibility: {NOT_REVIEWED}" in find(reviewer, "Resource status details", QLabel).text()

    def conforms(dialog: AccessibilityReviewDialog) -> None:
        assert "Quizlet" in dialog.windowTitle()
        click(qtbot, dialog, "Conforms to WCAG 2.1 AA")
        click(qtbot, dialog, "Save review")

    problems = when_dialog_opens(AccessibilityReviewDialog, conforms)
    click(qtbot, reviewer, "Record accessibility review")
    assert not problems, problems
    assert column(catalog, "Accessibility") == ["\u2714 Conforms"]


def test_enter_on_an_accessibility_deadline_opens_the_review(qtbot, signed_in, district):
    resource_id = approved_resource(district, resource_name="Flip", resource_link="https://flip.com")
    window = open_main(qtbot, signed_in(district.reviewer))
    window.tabs.setCurrentWidget(window.deadlines_page)
    settle()  # the tab reads its list on the worker thread
    table = find(window, "Deadlines", QAbstractItemView)
    model = table.model()
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=5000)
    rows = [(model.index(r, 1).data(), model.index(r, 2).data()) for r in range(model.rowCount())]
    line = rows.index(("Accessibility review", "Flip"))
    table.setCurrentIndex(model.index(line, 0))

    def conforms(dialog: AccessibilityReviewDialog) -> None:
        assert dialog.resource_id == resource_id and "Flip" in dialog.windowTitle()
        click(qtbot, dialog, "Conforms to WCAG 2.1 AA")
        click(qtbot, dialog, "Save review")

    problems = when_dialog_opens(AccessibilityReviewDialog, conforms)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert not problems, problems
    qtbot.waitUntil(lambda: ("Accessibility review", "Flip") not in [
        (model.index(r, 1).data(), model.index(r, 2).data()) for r in range(model.rowCount())], timeout=3000)
    with district.db.transaction() as s:
        [view] = accessibility.reviews_for_resource(s, district.reviewer, resource_id)
    assert view.finding is AccessibilityFinding.CONFORMS
