"""A teacher files a request; a reviewer asks, decides and prints, all through the screens."""

from __future__ import annotations

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
)

from techapproval.domain.enums import Decision, Permission, RequestStatus
from techapproval.gui.dialogs.request_window import RequestWindow
from techapproval.services import requests as svc
from tests.gui.conftest import choose, click, find, open_main, settle, type_into
from tests.helpers import complete_form


def fill_request(qtbot, window: RequestWindow) -> None:
    type_into(qtbot, window, "Name of the resource", "Padlet")
    type_into(qtbot, window, "Description", "Online bulletin boards for sharing work.")
    type_into(qtbot, window, "Link", "https://padlet.com")
    click(qtbot, window, "Grade 3")
    click(qtbot, window, "Grade 4")
    type_into(qtbot, window, "How you plan to use it", "Students post exit tickets after each lesson.")
    click(qtbot, window, "First and last name")
    type_into(qtbot, window, "Details of the information shared", "First names only.")
    type_into(qtbot, window, "Who will have access", "My class and me.")
    choose(qtbot, window, "Students sign up for an account", "No")
    choose(qtbot, window, "Students download an application", "No")
    choose(qtbot, window, "The application requires parental permission", "Not sure")


def test_teacher_submits_reviewer_approves_and_prints(qtbot, signed_in, district, tmp_path, monkeypatch):
    teacher = open_main(qtbot, signed_in(district.teacher))
    assert "Review queue" not in [teacher.tabs.tabText(i).replace("&", "") for i in range(teacher.tabs.count())]
    qtbot.keyClick(teacher, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form_window = teacher.windows[None]
    qtbot.addWidget(form_window)
    fill_request(qtbot, form_window)
    qtbot.waitUntil(lambda: form_window.request_id is not None, timeout=3000)
    click(qtbot, form_window, "Submit request")
    errors = [(k, v.text()) for k, v in form_window.form.errors.items() if v.text()]
    assert find(form_window, "Status", QLabel).text().startswith("Status: Submitted"), errors
    assert find(form_window, "Name of the resource", QLineEdit).isReadOnly()
    my_list = find(teacher, "My requests", QAbstractItemView)
    assert my_list.model().index(0, 0).data() == "\u25cf Submitted"
    form_window.close()

    reviewer = open_main(qtbot, signed_in(district.reviewer))
    queue = find(reviewer, "Review queue", QAbstractItemView)
    assert queue.model().rowCount() == 1
    assert queue.model().index(0, 1).data() == "Nguyễn Thị Ánh"
    assert queue.model().index(0, 2).data() == "Padlet"
    assert queue.model().index(0, 3).data() == "3, 4"
    assert "Submitted: 1" in find(reviewer, "Counts per status", QLabel).text()
    queue.setFocus()
    qtbot.keyClick(queue, Qt.Key.Key_Return)
    review = reviewer.windows[form_window.request_id]
    qtbot.addWidget(review)
    assert find(review, "Name of the resource", QLineEdit).text() == "Padlet"
    click(qtbot, review, "Record decision")  # nothing chosen yet
    assert "Choose" in find(review, "Decision error", QLabel).text()
    click(qtbot, review, "Approved for use")
    click(qtbot, review, "Additional parental notification and permission required.")
    assert find(review, "Contract status", QLabel).text() == "Contract status: \u26a0 No contract on file"  # once
    warnings = []

    def approve_anyway(parent, title, text, *args):
        warnings.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "warning", approve_anyway)
    click(qtbot, review, "Record decision")
    [warning] = warnings  # a new tool has no contract yet: the reviewer is told why, and may go on
    assert "Padlet" in warning and "No contract on file" in warning and "10-234bb" in warning
    assert warning.startswith("Padlet: \u26a0 No contract on file.\n") and warning.count("No contract on file") == 1
    assert find(review, "Status", QLabel).text() == "Status: Approved"
    summary = find(review, "Decision", QLabel).text()
    assert "\u2612 Approved for use" in summary and "Rita Reviewer" in summary
    assert [review.history.topLevelItem(i).text(2) for i in range(review.history.topLevelItemCount())] == [
        "Draft started", "Submitted", "Approved"]

    saved = tmp_path / "decision.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), "PDF documents (*.pdf)"))
    click(qtbot, review, "Save as PDF")
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(saved).pages).split())
    assert "RIVERSIDE PUBLIC SCHOOLS" in text
    assert "Nguyễn Thị Ánh" in text and "Padlet" in text
    assert "\u2612 Approved for use" in text
    assert "\u2612 Additional parental notification and permission required." in text
    assert "\u2610 Not approved for use at this time" in text
    assert "Rita Reviewer" in text

    printed = tmp_path / "printed.pdf"

    def fake_print_dialog(dialog):
        dialog.printer().setOutputFormat(dialog.printer().OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", fake_print_dialog)
    review.activateWindow()
    qtbot.waitUntil(review.isActiveWindow, timeout=2000)
    qtbot.keyClick(review, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(pypdf.PdfReader(printed).pages) >= 1

    catalog = find(reviewer, "Approved resources", QAbstractItemView)
    reviewer.tabs.setCurrentWidget(reviewer.catalog_page)  # read as it is shown
    settle()  # the tab reads its list on the worker thread
    assert catalog.model().index(0, 0).data() == "Padlet"
    assert catalog.model().index(0, 3).data() == "Parental permission required"
    assert catalog.model().index(0, 4).data() == "⚠ No contract on file"  # symbol and words, not colour


def test_missing_answers_are_named_next_to_their_fields(qtbot, signed_in, district):
    main = open_main(qtbot, signed_in(district.teacher))
    window = main.new_request()
    qtbot.addWidget(window)
    type_into(qtbot, window, "Name of the resource", "Seesaw")
    click(qtbot, window, "Submit request")
    assert "Describe how you plan" in find(window, "How you plan to use it error", QLabel).text()
    assert "\u26a0" in find(window, "Grades error", QLabel).text()
    assert find(window, "Description", QPlainTextEdit).accessibleDescription().startswith("Describe the resource")
    assert "Not submitted" in find(window, "Status", QLabel).text()
    with district.db.transaction() as s:
        assert svc.get_request(s, district.teacher, window.request_id).status is RequestStatus.DRAFT


def test_draft_comes_back_after_closing_or_a_crash(qtbot, signed_in, district):
    main = open_main(qtbot, signed_in(district.teacher))
    window = main.new_request()
    qtbot.addWidget(window)
    type_into(qtbot, window, "Name of the resource", "Book Creator")
    type_into(qtbot, window, "How you plan to use it", "Students write digital picture books")
    # No close, no save button: the autosave alone must keep it (as if the app died now).
    qtbot.waitUntil(lambda: window.request_id is not None and not window._dirty, timeout=3000)
    rid = window.request_id
    window.hide()

    again = open_main(qtbot, signed_in(district.teacher))
    my_list = find(again, "My requests", QAbstractItemView)
    assert my_list.model().index(0, 1).data() == "Book Creator"
    my_list.setFocus()
    my_list.setCurrentIndex(my_list.model().index(0, 0))
    qtbot.keyClick(my_list, Qt.Key.Key_Return)
    reopened = again.windows[rid]
    qtbot.addWidget(reopened)
    assert find(reopened, "How you plan to use it", QPlainTextEdit).toPlainText() == (
        "Students write digital picture books")
    assert "Draft" in find(reopened, "Status", QLabel).text()


def test_huge_paste_is_refused_with_a_message(qtbot, signed_in, district, monkeypatch):
    main = open_main(qtbot, signed_in(district.teacher))
    window = main.new_request()
    qtbot.addWidget(window)
    type_into(qtbot, window, "Name of the resource", "Desmos")
    qtbot.waitUntil(lambda: window.request_id is not None and not window._dirty, timeout=3000)
    QApplication.clipboard().setText("word " * 19_999 + "words")
    box = find(window, "How you plan to use it", QPlainTextEdit)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(box.toPlainText()) == 100_000  # kept on screen, not truncated
    window.save_now()
    assert "100,000 characters" in find(window, "How you plan to use it error", QLabel).text()
    assert find(window, "Status", QLabel).text().startswith("Not saved")
    # Closing now asks before anything typed is thrown away.
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    assert not window.close()
    assert "could not be saved" in asked[0]
    box.selectAll()
    qtbot.keyClicks(box, "Graphing in algebra class")
    assert window.save_now() and window.close()


def test_approved_match_shows_before_filing(qtbot, signed_in, district):
    with district.db.transaction() as s:
        rid = svc.save_draft(s, district.other_teacher, None, complete_form())
        svc.submit_request(s, district.other_teacher, rid)
        svc.decide_request(s, district.reviewer, rid, Decision.APPROVED, Permission.NONE_REQUIRED)
    main = open_main(qtbot, signed_in(district.teacher))
    window = main.new_request()
    qtbot.addWidget(window)
    type_into(qtbot, window, "Link", "www.kahoot.com")
    matches = find(window, "Matching district decisions", QLabel)
    qtbot.waitUntil(matches.isVisible, timeout=3000)
    assert "APPROVED for grades 3, 4: Kahoot!" in matches.text()
    assert "no additional permission" in matches.text()


def test_an_approval_for_other_grades_says_to_file_for_those(qtbot, signed_in, district):
    """Approved for grades 4 and 5; a grade 9–12 teacher typing "tik tok" is told what the approval covers
    and to file for the grades asked, not that they may not need to file."""
    from techapproval.domain.enums import Grade

    with district.db.transaction() as s:
        rid = svc.save_draft(s, district.other_teacher, None, complete_form(
            resource_name="TikTok", resource_link="https://www.tiktok.com", grades=[Grade.G4, Grade.G5]))
        svc.submit_request(s, district.other_teacher, rid)
        svc.decide_request(s, district.reviewer, rid, Decision.APPROVED, Permission.NONE_REQUIRED)
    main = open_main(qtbot, signed_in(district.teacher))
    window = main.new_request()
    qtbot.addWidget(window)
    type_into(qtbot, window, "Name of the resource", "tik tok")
    matches = find(window, "Matching district decisions", QLabel)
    qtbot.waitUntil(matches.isVisible, timeout=3000)
    assert "APPROVED for grades 4, 5: TikTok" in matches.text()
    for grade in ("9", "10", "11", "12"):
        click(qtbot, window, f"Grade {grade}")
    qtbot.waitUntil(lambda: "file a request" in matches.text(), timeout=3000)
    assert "APPROVED for grades 4, 5 only: TikTok" in matches.text()
    assert "You asked for grades 9\u201312: file a request for those grades." in matches.text()
    assert "may not need to file" not in matches.text()
    for grade in ("9", "10", "11", "12"):
        click(qtbot, window, f"Grade {grade}")
    click(qtbot, window, "Grade 4")
    qtbot.waitUntil(lambda: "may not need to file" in matches.text(), timeout=3000)
    assert "It covers what you asked for" in matches.text()


def test_question_answer_and_resubmission(qtbot, signed_in, district, monkeypatch):
    with district.db.transaction() as s:
        rid = svc.save_draft(s, district.teacher, None, complete_form())
        svc.submit_request(s, district.teacher, rid)
    reviewer = open_main(qtbot, signed_in(district.reviewer))
    review = reviewer.open_request(reviewer.queue_view.current_row())
    qtbot.addWidget(review)
    click(qtbot, review, "Return for more information")
    assert "Write the question" in find(review, "Question for the requester error", QLabel).text()
    type_into(qtbot, review, "Question for the requester", "Do students log in with Google?")
    click(qtbot, review, "Return for more information")
    assert find(review, "Status", QLabel).text().startswith("Status: Returned for more information")

    teacher = open_main(qtbot, signed_in(district.teacher))
    mine = teacher.open_request(_first_row(teacher.my_view))
    qtbot.addWidget(mine)
    assert "Do students log in with Google?" in find(mine, "Status", QLabel).text()
    assert not find(mine, "Who will have access", QPlainTextEdit).isReadOnly()
    type_into(qtbot, mine, "Your answer", "No: they join with a class code.")
    click(qtbot, mine, "Send answer and resubmit")
    assert find(mine, "Status", QLabel).text() == "Status: Resubmitted"
    assert "Rita Reviewer asked" in find(mine, "Conversation", QPlainTextEdit).toPlainText()
    assert "class code" in find(mine, "Conversation", QPlainTextEdit).toPlainText()

    # The reviewer refreshes (F5) and starts deciding; meanwhile a second reviewer decides. The first
    # reviewer's window is told who decided what, and nothing is overwritten.
    review.reload()
    with district.db.transaction() as s:
        svc.decide_request(s, district.admin, rid, Decision.NOT_APPROVED, reason="Ads in the free tier.")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: warnings.append(text))
    click(qtbot, review, "Not approved for use at this time")
    type_into(qtbot, review, "Reason", "Some other reason")
    click(qtbot, review, "Record decision")
    assert warnings and "already decided this request by Dana Admin" in warnings[0]
    assert "Ads in the free tier." in warnings[0]
    assert find(review, "Status", QLabel).text() == "Status: Not approved"


def test_withdraw(qtbot, signed_in, district, monkeypatch):
    with district.db.transaction() as s:
        rid = svc.save_draft(s, district.teacher, None, complete_form())
        svc.submit_request(s, district.teacher, rid)
    main = open_main(qtbot, signed_in(district.teacher))
    window = main.open_request(_first_row(main.my_view))
    qtbot.addWidget(window)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    click(qtbot, window, "Withdraw request")
    assert find(window, "Status", QLabel).text() == "Status: Withdrawn"
    assert not find(window, "Submit request", QAbstractButton).isVisible()


def _first_row(view):
    from techapproval.gui.models.tables import ROW_ROLE

    return view.model().index(0, 0).data(ROW_ROLE)


def _in_calendar(widget) -> bool:
    """Inside a date field's pop-up calendar, which Qt makes accessible by itself."""
    while widget is not None:
        if widget.metaObject().className() == "QCalendarWidget":
            return True
        widget = widget.parentWidget()
    return False


def test_every_control_has_an_accessible_name(qtbot, signed_in, district):
    with district.db.transaction() as s:
        rid = svc.save_draft(s, district.teacher, None, complete_form())
        svc.submit_request(s, district.teacher, rid)
    main = open_main(qtbot, signed_in(district.admin))
    windows = [main, main.open_request(_first_row(main.queue_view)), main.new_request()]
    for window in windows:
        qtbot.addWidget(window)
        for cls in (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QAbstractItemView):
            for widget in window.findChildren(cls):
                if widget.objectName().startswith("qt_") or widget.parent().metaObject().className() in (
                        "QTabBar", "QLineEdit", "QComboBoxPrivateContainer") or _in_calendar(widget):
                    continue  # Qt's own corner, tab and clear buttons, pop-up lists and calendars
                assert widget.accessibleName(), f"{type(widget).__name__} {widget.text() if hasattr(widget, 'text') else ''} in {window.windowTitle()} has no accessible name"  # noqa: E501


def test_the_author_deletes_a_draft_after_confirming(qtbot, signed_in, district, monkeypatch):
    main = open_main(qtbot, signed_in(district.teacher))
    window = main.new_request()
    qtbot.addWidget(window)
    delete = find(window, "Delete draft", QAbstractButton)
    assert not delete.isVisible()  # nothing saved yet: nothing to delete
    type_into(qtbot, window, "Name of the resource", "Half an idea")
    assert window.save_now()
    window.reload()
    assert delete.isVisible() and not find(window, "Withdraw request", QAbstractButton).isVisible()
    my_list = find(main, "My requests", QAbstractItemView)
    qtbot.waitUntil(lambda: my_list.model().rowCount() == 1, timeout=3000)
    rid = window.request_id

    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args: (asked.append(args[2]), QMessageBox.StandardButton.No)[1])
    click(qtbot, window, "Delete draft")
    assert asked and "never submitted" in asked[0]
    with district.db.transaction() as s:
        assert svc.get_request(s, district.teacher, rid).status is RequestStatus.DRAFT  # "No" keeps it

    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    click(qtbot, window, "Delete draft")
    assert not window.isVisible()
    qtbot.waitUntil(lambda: my_list.model().rowCount() == 0, timeout=3000)
    with district.db.transaction() as s:
        assert svc.list_my_requests(s, district.teacher) == []


def test_history_speaks_the_forms_words(qtbot, signed_in, district):
    """The History tab names events and fields as the form does, and shows answers by their labels."""
    from PySide6.QtWidgets import QTreeWidget

    from techapproval.domain.enums import InfoCategory

    with district.db.transaction() as s:
        rid = svc.save_draft(s, district.teacher, None, complete_form())
        svc.submit_request(s, district.teacher, rid)
    with district.db.transaction() as s:
        svc.return_request(s, district.reviewer, rid, "Do students post their own work?")
    with district.db.transaction() as s:
        svc.save_draft(s, district.teacher, rid, complete_form(information_shared=[InfoCategory.FULL_NAME], grades=[],
                                                               not_used_by_students=True))
        svc.resubmit_request(s, district.teacher, rid, "No: only names.")
    with district.db.transaction() as s:
        svc.decide_request(s, district.reviewer, rid, Decision.APPROVED, Permission.NONE_REQUIRED)

    window = RequestWindow(signed_in(district.reviewer), rid)
    qtbot.addWidget(window)
    tree = find(window, "History", QTreeWidget)
    rows = [[tree.topLevelItem(i).text(c) for c in range(4)] for i in range(tree.topLevelItemCount())]
    events = [row[2] for row in rows]
    assert events == ["Draft started", "Submitted", "Returned with a question", "Resubmitted with answers",
                      "Approved"]
    changes = {row[2]: row[3] for row in rows}
    assert "Status: Draft \u2192 Submitted" in changes["Submitted"]
    assert "Used by students: Yes" in changes["Submitted"]
    assert "Students sign up for an account: No" in changes["Submitted"]
    assert "Grades: 3, 4" in changes["Submitted"]
    assert "Status: Submitted \u2192 Returned for more information" in changes["Returned with a question"]
    resubmitted = changes["Resubmitted with answers"]
    assert "Used by students: Yes \u2192 No" in resubmitted
    assert "Grades: 3, 4 \u2192 \u2014" in resubmitted
    assert "Information shared: First and last name, Student-generated content (essays" in resubmitted
    assert "creative work, audio, photos) \u2192 First and last name" in resubmitted
    assert "Decision: Approved for use" in changes["Approved"]
    assert "Permission: No additional permission" in changes["Approved"]
    shown = " ".join(" ".join(row) for row in rows)
    for raw in ("student_generated_content", "not_used_by_students", "False", "True", "none_required",
                "resubmit", "not_sure"):
        assert raw not in shown
