"""Nothing a teacher types in a request is lost: not in a crash before the autosave, not while the database
does not answer. What the database does not have yet is kept on this computer (see gui/recovery.py) and
comes back at the next start, for that teacher only."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
)

from techapproval.domain.enums import Decision, Permission, RequestStatus
from techapproval.gui.dialogs import request_window
from techapproval.gui.dialogs.request_window import RequestWindow
from techapproval.gui.main_window import MainWindow
from techapproval.gui.recovery import DraftStore
from techapproval.services import requests as svc
from techapproval.services.backend import LocalBackend
from tests.gui.conftest import click, find, open_main, type_into
from tests.gui.test_refresh import unreachable
from tests.helpers import complete_form

WAIT_MS = 5_000
NEVER = 3_600_000  # an autosave that does not come before the crash


def journals(district, person_id: int) -> list:
    return DraftStore.for_database(district.db.url, person_id).pending()


def drafts_folder_names(district) -> list[str]:
    folder = DraftStore.for_database(district.db.url, district.teacher).folder
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def main_that_will_crash(qtbot, ctx) -> MainWindow:
    """A main window as open_main gives, but not closed by the test's teardown: it is going to die."""
    window = MainWindow(ctx)
    window.show()
    qtbot.waitExposed(window)
    return window


def open_after_crash(qtbot, ctx) -> MainWindow:
    """open_main, except that what comes back opens in front of the main window (and is the active one)."""
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def crash(main: MainWindow) -> None:
    """techapproval dies: no close event, no last save, no timer fires again. Its windows just vanish."""
    shiboken6.delete(main)  # with its request windows and their timers


def recovered_windows(main: MainWindow) -> list[RequestWindow]:
    return [w for w in main.findChildren(RequestWindow) if w.isVisible()]


def kept_after_typing(qtbot, district, window: RequestWindow) -> None:
    """Wait for the journal to hold exactly what the form shows (a moment after the last keystroke)."""
    def kept() -> bool:
        found = [r for r in journals(district, window.ctx.person.id) if r.path == window.journal.path]
        return bool(found) and found[0].form == window.form.form()

    qtbot.waitUntil(kept, timeout=WAIT_MS)


def my_drafts(district) -> list[svc.RequestRow]:
    with district.db.transaction() as s:
        return svc.list_my_requests(s, district.teacher)


def test_what_was_typed_before_the_autosave_comes_back_after_a_crash_and_is_saved(
        qtbot, signed_in, district, monkeypatch):
    monkeypatch.setattr(request_window, "AUTOSAVE_MS", NEVER)
    main = main_that_will_crash(qtbot, signed_in(district.teacher))
    window = main.new_request()
    type_into(qtbot, window, "Name of the resource", "Book Creator")
    type_into(qtbot, window, "How you plan to use it", "Students write digital picture books")
    click(qtbot, window, "Grade 2")
    kept_after_typing(qtbot, district, window)
    assert window.request_id is None and my_drafts(district) == []  # the database has nothing of it
    crash(main)

    again = open_after_crash(qtbot, signed_in(district.teacher))
    qtbot.waitUntil(lambda: len(recovered_windows(again)) == 1, timeout=WAIT_MS)
    [reopened] = recovered_windows(again)
    assert find(reopened, "Name of the resource", QLineEdit).text() == "Book Creator"
    assert find(reopened, "How you plan to use it", QPlainTextEdit).toPlainText() == (
        "Students write digital picture books")
    assert find(reopened, "Grade 2").isChecked()
    note = find(reopened, "Recovered input", QLabel)
    assert note.isVisible() and note.text().startswith("Recovered what you typed on ")
    assert not find(reopened, "Recovered text", QPlainTextEdit).isVisible()  # it is in the form itself

    # Saved as a normal draft without the teacher doing anything; the copy on this computer goes.
    qtbot.waitUntil(lambda: reopened.request_id is not None and not reopened._dirty, timeout=WAIT_MS)
    assert find(reopened, "Status", QLabel).text().startswith("Draft saved at")
    [row] = my_drafts(district)
    assert (row.id, row.status, row.resource_name) == (reopened.request_id, RequestStatus.DRAFT, "Book Creator")
    with district.db.transaction() as s:
        assert svc.get_request(s, district.teacher, row.id).form.planned_use == "Students write digital picture books"
    assert journals(district, district.teacher) == [] and drafts_folder_names(district) == []
    my_list = find(again, "My requests", QAbstractItemView)
    qtbot.waitUntil(lambda: my_list.model().rowCount() == 1, timeout=WAIT_MS)
    assert again.windows[row.id] is reopened  # opening it from the list shows this window, not a second one
    assert again.open_request(row) is reopened

    # Nothing is offered twice.
    third = open_after_crash(qtbot, signed_in(district.teacher))
    qtbot.wait(100)
    assert recovered_windows(third) == []


def test_another_teacher_on_the_same_computer_sees_nothing_of_it(qtbot, signed_in, district, monkeypatch):
    monkeypatch.setattr(request_window, "AUTOSAVE_MS", NEVER)
    main = main_that_will_crash(qtbot, signed_in(district.teacher))
    window = main.new_request()
    type_into(qtbot, window, "Name of the resource", "Book Creator")
    type_into(qtbot, window, "Who will have access", "Room 12 only")
    kept_after_typing(qtbot, district, window)
    crash(main)

    for someone_else in (district.other_teacher, district.reviewer, district.admin):
        colleague = open_main(qtbot, signed_in(someone_else))
        qtbot.wait(100)  # the recovery runs once the main window shows
        assert recovered_windows(colleague) == []
        assert "Room 12" not in " ".join(w.text() for w in colleague.findChildren(QLabel))
        colleague.close()
    # The file is the teacher's alone, and its name says nothing of who they are.
    [name] = drafts_folder_names(district)
    assert "teacher" not in name and "riverside" not in name.lower() and "Nguy" not in name
    assert len(journals(district, district.teacher)) == 1

    mine = open_after_crash(qtbot, signed_in(district.teacher))
    qtbot.waitUntil(lambda: len(recovered_windows(mine)) == 1, timeout=WAIT_MS)
    assert find(recovered_windows(mine)[0], "Who will have access", QPlainTextEdit).toPlainText() == "Room 12 only"


def test_while_the_database_does_not_answer_typing_is_kept_and_saved_once_it_answers(
        qtbot, signed_in, district, db_url, tmp_path, monkeypatch):
    monkeypatch.setattr(request_window, "RETRY_MS", 40)
    monkeypatch.setattr(request_window, "RETRY_MAX_MS", 160)
    ctx = signed_in(district.teacher)
    main = open_main(qtbot, ctx)
    window = main.new_request()
    type_into(qtbot, window, "Name of the resource", "Padlet")
    qtbot.waitUntil(lambda: window.request_id is not None and not window._dirty, timeout=WAIT_MS)
    rid = window.request_id
    status = find(window, "Status", QLabel)
    plan = find(window, "How you plan to use it", QPlainTextEdit)

    working, broken = ctx.backend.db, unreachable(db_url, tmp_path)
    ctx.backend = LocalBackend(broken)  # the server went away (or the drive the file is on)
    try:
        type_into(qtbot, window, "How you plan to use it", "Exit tickets")
        qtbot.waitUntil(lambda: status.text() == (
            "\u26a0 Cannot reach the database; your text is kept on this computer and will be saved when it "
            "answers."), timeout=WAIT_MS)
        assert status.accessibleDescription().startswith("Cannot reach the database")  # the details, for IT
        assert QApplication.activeModalWidget() is None  # said in the window, not in a dialog
        kept_after_typing(qtbot, district, window)
        qtbot.wait(300)  # it keeps trying, less often
        assert window.retry.isActive() and window._retry_ms == 160
        type_into(qtbot, window, "How you plan to use it", " after each lesson")
        kept_after_typing(qtbot, district, window)
        assert plan.toPlainText() == "Exit tickets after each lesson"  # the input stays on screen throughout

        asked = []
        monkeypatch.setattr(QMessageBox, "question",
                            lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
        assert not window.close()  # closing asks first
        assert "kept on this computer" in asked[0]
        assert window.isVisible() and plan.toPlainText() == "Exit tickets after each lesson"
        with working.transaction() as s:
            assert svc.get_request(s, district.teacher, rid).form.planned_use == ""
    finally:
        ctx.backend = LocalBackend(working)  # the database answers again
        broken.dispose()

    qtbot.waitUntil(lambda: not window._dirty, timeout=WAIT_MS)  # saved by the next try, with no one asking
    assert status.text().startswith("Draft saved at") and status.accessibleDescription() == ""
    assert not window.retry.isActive()
    with district.db.transaction() as s:
        assert svc.get_request(s, district.teacher, rid).form.planned_use == "Exit tickets after each lesson"
    assert journals(district, district.teacher) == []


def test_a_window_closed_while_the_database_is_gone_keeps_the_text_for_later(
        qtbot, signed_in, district, db_url, tmp_path, monkeypatch):
    rid = draft(district, planned_use="")
    ctx = signed_in(district.teacher)
    main = open_main(qtbot, ctx)
    window = open_from_my_list(qtbot, main)
    working, broken = ctx.backend.db, unreachable(db_url, tmp_path)
    ctx.backend = LocalBackend(broken)
    try:
        type_into(qtbot, window, "How you plan to use it", "Weekly quizzes")
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
        assert window.close()  # "close the window now?" yes: the text stays on this computer
        assert not window.retry.isActive()
    finally:
        ctx.backend = LocalBackend(working)
        broken.dispose()
    [kept] = journals(district, district.teacher)
    assert (kept.request_id, kept.form.planned_use) == (rid, "Weekly quizzes")

    reopened = open_from_my_list(qtbot, main)  # the same session, the database back: the text is back too
    assert reopened is not window
    assert find(reopened, "How you plan to use it", QPlainTextEdit).toPlainText() == "Weekly quizzes"
    assert find(reopened, "Recovered input", QLabel).isVisible()
    qtbot.waitUntil(lambda: not reopened._dirty, timeout=WAIT_MS)
    with district.db.transaction() as s:
        assert svc.get_request(s, district.teacher, rid).form.planned_use == "Weekly quizzes"
    assert journals(district, district.teacher) == []


def test_text_for_a_request_decided_meanwhile_is_shown_to_copy_and_never_written_over_it(
        qtbot, signed_in, district, monkeypatch):
    rid = draft(district, planned_use="Weekly vocabulary review games in class.")
    monkeypatch.setattr(request_window, "AUTOSAVE_MS", NEVER)
    main = main_that_will_crash(qtbot, signed_in(district.teacher))
    window = open_from_my_list(qtbot, main)
    plan = find(window, "How you plan to use it", QPlainTextEdit)
    plan.setFocus()
    qtbot.keyClick(plan, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(plan, " Also for homework.")
    kept_after_typing(qtbot, district, window)
    crash(main)
    # Meanwhile, at another desk, the teacher submits the draft as it was and the reviewer approves it.
    with district.db.transaction() as s:
        svc.submit_request(s, district.teacher, rid)
    with district.db.transaction() as s:
        svc.decide_request(s, district.reviewer, rid, Decision.APPROVED, Permission.NONE_REQUIRED)
    with district.db.transaction() as s:
        before = svc.get_request(s, district.teacher, rid)

    again = open_after_crash(qtbot, signed_in(district.teacher))
    qtbot.waitUntil(lambda: len(recovered_windows(again)) == 1, timeout=WAIT_MS)
    [shown] = recovered_windows(again)
    plan = find(shown, "How you plan to use it", QPlainTextEdit)
    assert plan.isReadOnly() and plan.toPlainText() == "Weekly vocabulary review games in class."
    note = find(shown, "Recovered input", QLabel).text()
    assert "approved" in note and "nothing in it was overwritten" in note
    recovered = find(shown, "Recovered text", QPlainTextEdit)
    assert recovered.isVisible() and recovered.isReadOnly()
    assert "Weekly vocabulary review games in class. Also for homework." in recovered.toPlainText()
    click(qtbot, shown, "Copy recovered text")
    assert "Also for homework." in QApplication.clipboard().text()
    qtbot.wait(100)
    with district.db.transaction() as s:
        after = svc.get_request(s, district.teacher, rid)
    assert (after.version, after.form, after.status) == (before.version, before.form, RequestStatus.APPROVED)
    assert len(journals(district, district.teacher)) == 1  # kept until the teacher discards it

    click(qtbot, shown, "Discard recovered text")
    assert not find(shown, "Recovered input", QLabel).isVisible()
    assert journals(district, district.teacher) == []
    later = open_after_crash(qtbot, signed_in(district.teacher))
    qtbot.wait(100)
    assert recovered_windows(later) == []


def draft(district, **form) -> int:
    with district.db.transaction() as s:
        return svc.save_draft(s, district.teacher, None, complete_form(**form))


def open_from_my_list(qtbot, main: MainWindow) -> RequestWindow:
    my_list = find(main, "My requests", QAbstractItemView)
    qtbot.waitUntil(lambda: my_list.model().rowCount() == 1, timeout=WAIT_MS)
    my_list.setFocus()
    my_list.setCurrentIndex(my_list.model().index(0, 0))
    qtbot.keyClick(my_list, Qt.Key.Key_Return)
    window = main.windows[my_list.current_row().id]
    assert window.isVisible()
    return window


def test_choosing_to_lose_text_the_database_refuses_closes_the_window_and_keeps_no_copy(
        qtbot, signed_in, district, monkeypatch):
    main = open_main(qtbot, signed_in(district.teacher))
    window = main.new_request()
    type_into(qtbot, window, "Name of the resource", "x" * 201)  # longer than the form allows
    kept_after_typing(qtbot, district, window)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # Escape asks too, as closing does
    assert "lose them" in asked[0] and len(asked) == 1
    assert not window.isVisible()  # "close anyway and lose them": it closes
    assert journals(district, district.teacher) == [] and my_drafts(district) == []
