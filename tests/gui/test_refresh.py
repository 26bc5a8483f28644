"""District mode: the lists follow what is changed at other desks, without losing anyone's place.

"Another desk" is a second Database on the same database (its own engine and connections), doing what
a colleague's copy of techapproval would do through the services. The main window polls the change
counter every POLL_MS; the tests shorten that and wait for the poll."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
)
from sqlalchemy import create_engine

from techapproval.db.database import Database, open_database
from techapproval.domain.enums import Decision, Permission
from techapproval.domain.exceptions import Condition, Plan
from techapproval.gui import main_window
from techapproval.gui.models.tables import ROW_ROLE, Column, RowTableModel, sorting_proxy
from techapproval.gui.widgets.list_view import ListView
from techapproval.services import exceptions
from techapproval.services import requests as svc
from techapproval.services.backend import LocalBackend
from techapproval.services.changes import last_event
from tests.gui.conftest import choose, click, find, open_main, settle, type_into, type_text
from tests.helpers import approved_resource, submitted_request

POLL_MS = 40
WAIT_MS = 5_000


@pytest.fixture(autouse=True)
def fast_poll(monkeypatch):
    monkeypatch.setattr(main_window, "POLL_MS", POLL_MS)


@pytest.fixture
def elsewhere(db_url, district):
    """The district as another desk sees it: the same people, its own connection to the database."""
    db = open_database(db_url)
    yield replace(district, db=db)
    db.dispose()


def listed(view: QAbstractItemView) -> list:
    model = view.model()
    return [model.index(r, 0).data(ROW_ROLE) for r in range(model.rowCount())]


def ids(view: QAbstractItemView) -> list[int]:
    return [row.id for row in listed(view)]


def click_row(qtbot, view: QAbstractItemView, row: int) -> None:
    index = view.model().index(row, 1)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert view.currentIndex().row() == row


def sort_by(qtbot, view: QAbstractItemView, title: str) -> None:
    """Click the column's header, as a person sorts."""
    header = view.horizontalHeader()
    model = view.model()
    section = next(c for c in range(model.columnCount())
                   if model.headerData(c, Qt.Orientation.Horizontal) == title)
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert header.sortIndicatorSection() == section
    settle()  # the sorted page is read off the UI thread: wait for it, as a person does


def asked(desk, name: str) -> int:
    """A request submitted by the teacher at that desk, for a resource of its own (name and link)."""
    return submitted_request(desk, resource_name=name, resource_link=f"https://{name.replace(' ', '').lower()}.example")


def decide(desk, request_id: int) -> None:
    with desk.db.transaction() as s:
        svc.decide_request(s, desk.reviewer, request_id, Decision.APPROVED, Permission.NONE_REQUIRED)


def caught_up(qtbot, window, desk) -> None:
    """Wait until the window has seen every change made so far."""
    with desk.db.transaction() as s:
        now = last_event(s)
    qtbot.waitUntil(lambda: window.seen_event == now and not window.polling, timeout=WAIT_MS)


def names(view: QAbstractItemView) -> list[str]:
    return [row.resource_name for row in listed(view)]


# --- the queue --------------------------------------------------------------------------------


def test_a_request_submitted_elsewhere_appears_and_the_selection_stays(qtbot, signed_in, district, elsewhere):
    zoom = asked(district, "Zoom")
    asked(district, "Padlet")
    window = open_main(qtbot, signed_in(district.reviewer))
    queue = find(window, "Review queue", QAbstractItemView)
    sort_by(qtbot, queue, "Resource")
    assert names(queue) == ["Padlet", "Zoom"]
    click_row(qtbot, queue, 1)

    new = asked(elsewhere, "Animoto")  # a teacher at another desk

    qtbot.waitUntil(lambda: new in ids(queue), timeout=WAIT_MS)
    assert names(queue) == ["Animoto", "Padlet", "Zoom"]  # still sorted by resource
    assert queue.current_row().id == zoom  # the same request, now on another row
    assert [i.row() for i in queue.selectionModel().selectedRows()] == [2]
    assert "Submitted: 3" in find(window, "Counts per status", QLabel).text()


def test_decisions_made_elsewhere_leave_the_queue(qtbot, signed_in, district, elsewhere):
    animoto = asked(district, "Animoto")
    book = asked(district, "Book Creator")
    canva = asked(district, "Canva")
    dojo = asked(district, "Class Dojo")
    window = open_main(qtbot, signed_in(district.reviewer))
    queue = find(window, "Review queue", QAbstractItemView)
    sort_by(qtbot, queue, "Resource")
    assert ids(queue) == [animoto, book, canva, dojo]
    click_row(qtbot, queue, 2)

    decide(elsewhere, animoto)  # not the one selected
    qtbot.waitUntil(lambda: ids(queue) == [book, canva, dojo], timeout=WAIT_MS)
    assert queue.current_row().id == canva

    decide(elsewhere, canva)  # the one selected: the one now in its place is selected instead
    qtbot.waitUntil(lambda: ids(queue) == [book, dojo], timeout=WAIT_MS)
    assert queue.current_row().id == dojo

    # The other tabs are read when they are next shown.
    catalog = find(window, "Approved resources", QAbstractItemView)
    assert listed(catalog) == []
    window.tabs.setCurrentWidget(window.catalog_page)
    settle()  # the tab reads its list on the worker thread
    assert [e.name for e in listed(catalog)] == ["Animoto", "Canva"]


def test_a_refresh_does_not_disturb_typing_in_the_search_box(qtbot, signed_in, district, elsewhere):
    asked(district, "Padlet")
    asked(district, "Zoom")
    window = open_main(qtbot, signed_in(district.reviewer))
    queue = find(window, "Review queue", QAbstractItemView)
    choose(qtbot, window, "Status filter", "All requests")
    search = find(window, "Search requests", QLineEdit)
    type_into(qtbot, window, "Search requests", "Pad")
    qtbot.waitUntil(lambda: names(queue) == ["Padlet"], timeout=WAIT_MS)

    new = asked(elsewhere, "Padlet Pro")
    qtbot.waitUntil(lambda: new in ids(queue), timeout=WAIT_MS)
    assert search.text() == "Pad" and search.hasFocus() and search.cursorPosition() == 3
    assert find(window, "Status filter", QComboBox).currentText() == "All requests"
    assert sorted(names(queue)) == ["Padlet", "Padlet Pro"]  # the search still applies

    type_text(qtbot, search, "let P")  # the person goes on typing where they were
    assert search.text() == "Padlet P"
    qtbot.waitUntil(lambda: names(queue) == ["Padlet Pro"], timeout=WAIT_MS)


def test_the_scroll_position_is_kept(qtbot, signed_in, district, elsewhere):
    for n in range(40):
        asked(district, f"Resource {n:02}")
    window = open_main(qtbot, signed_in(district.reviewer))
    queue = find(window, "Review queue", QAbstractItemView)
    sort_by(qtbot, queue, "Resource")
    bar = queue.verticalScrollBar()
    assert bar.maximum() > 10, "the queue must be long enough to scroll"
    bar.setValue(bar.maximum() // 2)
    middle = queue.rowAt(queue.viewport().height() // 2)
    click_row(qtbot, queue, middle)
    chosen, scrolled = queue.current_row().id, bar.value()

    new = asked(elsewhere, "Resource 99")  # sorts last: below the view
    qtbot.waitUntil(lambda: queue.model().rowCount() == 41, timeout=WAIT_MS)
    assert ids(queue)[-1] == new
    assert queue.current_row().id == chosen
    assert bar.value() == scrolled


# --- what is being edited stays as it is --------------------------------------------------------


def test_an_open_request_window_keeps_what_is_typed(qtbot, signed_in, district, elsewhere):
    window = open_main(qtbot, signed_in(district.teacher))
    mine = find(window, "My requests", QAbstractItemView)
    editor = window.new_request()
    type_into(qtbot, editor, "Name of the resource", "Nearpod")
    type_into(qtbot, editor, "Description", "Interactive slides, still being writt")

    new = asked(elsewhere, "Quizlet")  # the same teacher, at another desk
    qtbot.waitUntil(lambda: new in ids(mine), timeout=WAIT_MS)
    assert editor.isVisible()
    assert editor.form.resource_name.text() == "Nearpod"
    assert find(editor, "Description").toPlainText() == "Interactive slides, still being writt"


def test_no_refresh_while_a_dialog_is_open(qtbot, signed_in, district, elsewhere):
    window = open_main(qtbot, signed_in(district.reviewer))
    queue = find(window, "Review queue", QAbstractItemView)
    dialog = QDialog(window)
    dialog.setAccessibleName("Some dialog")
    dialog.open()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog, timeout=WAIT_MS)

    new = submitted_request(elsewhere)
    qtbot.wait(POLL_MS * 8)
    assert ids(queue) == []  # the lists wait under the dialog
    dialog.reject()
    qtbot.waitUntil(lambda: ids(queue) == [new], timeout=WAIT_MS)


def test_unsaved_condition_dates_survive_changes_made_elsewhere(qtbot, signed_in, district, elsewhere):
    rid = approved_resource(district)
    with district.db.transaction() as s:
        exception_id = exceptions.record_exception(s, district.reviewer, "IEP-2026-014", Plan.IEP, rid).id
    window = open_main(qtbot, signed_in(district.reviewer))
    window.tabs.setCurrentWidget(window.exceptions_page)
    settle()  # the tab reads its list on the worker thread
    page = window.exceptions_page
    unsaved = find(page, "Unsaved dates", QLabel)
    click(qtbot, page, f"Date met: {Condition.FERPA_HIPAA.short} recorded")
    assert unsaved.text() == "\u270e 1 date not saved yet"

    # Something else changes: the panel is left as it is.
    submitted_request(elsewhere)
    caught_up(qtbot, window, elsewhere)
    assert unsaved.text() == "\u270e 1 date not saved yet"
    assert find(page, f"Date met: {Condition.FERPA_HIPAA.short} recorded", QCheckBox).isChecked()

    # Someone dates another condition of the same exception: both show, and the person is told.
    yesterday = date.today() - timedelta(days=1)
    with elsewhere.db.transaction() as s:
        exceptions.set_condition(s, elsewhere.reviewer, exception_id, Condition.OPERATOR_COMPLIES, yesterday)
    qtbot.waitUntil(lambda: page.shown.met_count == 1, timeout=WAIT_MS)
    assert find(page, f"Date met: {Condition.OPERATOR_COMPLIES.short} recorded", QCheckBox).isChecked()
    assert find(page, f"Date met: {Condition.FERPA_HIPAA.short} recorded", QCheckBox).isChecked()
    assert unsaved.text() == "\u270e 1 date not saved yet"
    assert "Someone else changed this exception" in find(page, "Exceptions message", QLabel).text()
    click(qtbot, page, "Save condition dates")
    with district.db.transaction() as s:
        met = {c.condition: c.met_on for c in exceptions.get_exception(s, district.reviewer, exception_id).conditions}
    assert met[Condition.FERPA_HIPAA] == date.today() and met[Condition.OPERATOR_COMPLIES] == yesterday


# --- the overdue count ----------------------------------------------------------------------------


def test_the_overdue_count_follows_an_incident_recorded_elsewhere(qtbot, signed_in, district, elsewhere):
    from techapproval.domain.contract_form import ContractorForm
    from techapproval.domain.incidents import IncidentForm, Involves
    from techapproval.services import contracts, incidents

    window = open_main(qtbot, signed_in(district.reviewer))
    overdue = find(window, "Overdue obligations", QLabel)
    before = window.deadlines_page.model.rowCount()
    shown_before = overdue.text()

    with elsewhere.db.transaction() as s:
        vendor = contracts.save_contractor(s, elsewhere.reviewer, None, ContractorForm("Leaky Apps LLC")).id
        incidents.record_incident(s, elsewhere.reviewer, IncidentForm(
            contractor_id=vendor, discovered_on=date.today() - timedelta(days=40),
            involves=frozenset({Involves.STUDENT_INFORMATION}), students_affected=12,
            description="Gradebook export left public."))
    qtbot.waitUntil(lambda: overdue.text() != shown_before, timeout=WAIT_MS)  # seen from the review queue
    assert overdue.text().startswith("\u26a0 ")  # a sign and words, not colour alone
    tabs = window.tabs
    assert tabs.tabText(tabs.indexOf(window.deadlines_page)).endswith(" overdue)")
    assert window.deadlines_page.model.rowCount() > before
    window.tabs.setCurrentWidget(window.incidents_page)
    settle()  # the tab reads its list on the worker thread
    assert [i.contractor_name for i in listed(find(window, "Incidents", QAbstractItemView))] == ["Leaky Apps LLC"]


# --- a database that does not answer ------------------------------------------------------------


def unreachable(db_url: str, tmp_path) -> Database:
    """A real database address that cannot be reached: a file in a folder that does not exist, or a
    server port nothing listens on."""
    if db_url.startswith("sqlite"):
        return Database(create_engine(f"sqlite:///{tmp_path / 'gone' / 'test.db'}"))
    return Database(create_engine("postgresql+psycopg://postgres@127.0.0.1:9/postgres",
                                  connect_args={"connect_timeout": 2}))


def test_settings_follow_other_administrators_and_a_clash_is_told_not_overwritten(
    qtbot, signed_in, district, elsewhere, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from techapproval.services import settings

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _title, text: told.append(text))
    window = open_main(qtbot, signed_in(district.admin))
    window.tabs.setCurrentWidget(window.pages["settings"])
    settle()  # the tab reads its list on the worker thread
    town, title = find(window, "Town", QLineEdit), find(window, "Approver title", QLineEdit)

    def elsewhere_sets(key: str, value: str) -> None:
        with elsewhere.db.transaction() as s:
            settings.update_settings(s, elsewhere.admin, {key: value})

    # A field nobody edits here follows the other administrator; one being edited keeps its text.
    title.clear()
    type_into(qtbot, window, "Approver title", "Principal")
    elsewhere_sets("town", "Riverdale")
    qtbot.waitUntil(lambda: town.text() == "Riverdale", timeout=WAIT_MS)
    assert title.text() == "Principal"
    click(qtbot, window, "Save settings")
    assert not told and window.statusBar().currentMessage() == "Settings saved."
    with district.db.transaction() as s:
        assert (settings.read(s)["town"], settings.read(s)["approver_title"]) == ("Riverdale", "Principal")

    # Both change the same setting: the second to save is told, and their text is still there.
    title.clear()
    type_into(qtbot, window, "Approver title", "Director of Technology")
    elsewhere_sets("approver_title", "Assistant Principal")
    caught_up(qtbot, window, elsewhere)
    click(qtbot, window, "Save settings")
    assert "Approver title: \u201cAssistant Principal\u201d" in told[0]
    assert title.text() == "Director of Technology"
    with district.db.transaction() as s:
        assert settings.read(s)["approver_title"] == "Assistant Principal"
    click(qtbot, window, "Save settings")  # having been told, saving again is a choice
    assert len(told) == 1
    with district.db.transaction() as s:
        assert settings.read(s)["approver_title"] == "Director of Technology"


def test_a_database_that_stops_answering_is_said_quietly_and_polling_goes_on(
        qtbot, signed_in, district, elsewhere, db_url, tmp_path):
    ctx = signed_in(district.reviewer)
    window = open_main(qtbot, ctx)
    queue = find(window, "Review queue", QAbstractItemView)
    status = find(window, "Database connection", QLabel)
    assert not status.isVisible()

    working, broken = ctx.backend, unreachable(db_url, tmp_path)
    ctx.backend = LocalBackend(broken)  # the server went away
    try:
        qtbot.waitUntil(status.isVisible, timeout=WAIT_MS)
        assert status.text() == "\u26a0 Cannot reach the database; retrying"
        assert status.toolTip()  # the details, for whoever asks district IT
        qtbot.wait(POLL_MS * 5)  # more failed polls: still no dialog (the test fixture fails on one)
        assert QApplication.activeModalWidget() is None
        assert window.poll_timer.isActive()
        assert window.poll_timer.interval() > POLL_MS  # it asks less often while nobody answers
        new = submitted_request(elsewhere)  # the work goes on elsewhere meanwhile
    finally:
        ctx.backend = working  # the server is back
        broken.dispose()
    qtbot.waitUntil(lambda: not status.isVisible(), timeout=WAIT_MS)
    assert status.text() == ""
    qtbot.waitUntil(lambda: ids(queue) == [new], timeout=WAIT_MS)
    assert window.poll_timer.interval() == POLL_MS


# --- the table itself, without a window or a database --------------------------------------------


@dataclass(frozen=True)
class Item:
    id: int
    name: str


ITEM_COLUMNS = [Column("Name", lambda i: i.name)]


def test_a_table_keeps_its_selected_row_by_key_through_reloads(qtbot):
    model = RowTableModel(ITEM_COLUMNS)
    view = ListView("Items", lambda: None)
    qtbot.addWidget(view)
    view.setModel(sorting_proxy(model, view))
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    model.set_rows([Item(1, "b"), Item(2, "d"), Item(3, "f")])
    assert view.current_row() is None
    view.select_key(2)

    model.set_rows([Item(4, "a"), Item(3, "f"), Item(2, "d renamed"), Item(1, "b")])  # new row above, order shuffled
    assert view.current_row() == Item(2, "d renamed")
    assert [i.row() for i in view.selectionModel().selectedRows()] == [2]

    model.set_rows([Item(4, "a"), Item(1, "b"), Item(3, "f")])  # the selected row is gone: the one now in its place
    assert view.current_row() == Item(3, "f")

    model.set_rows([Item(4, "a")])  # fewer rows than the place it had: the last
    assert view.current_row() == Item(4, "a")

    model.set_rows([])  # nothing left to select, and no crash
    assert view.current_row() is None
    model.set_rows([Item(5, "c")])  # nothing was selected: nothing is
    assert view.current_row() is None


def test_a_table_keeps_its_scroll_position_even_when_the_selected_row_is_out_of_view(qtbot):
    model = RowTableModel(ITEM_COLUMNS)
    view = ListView("Items", lambda: None)
    qtbot.addWidget(view)
    view.setModel(sorting_proxy(model, view))
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.resize(300, 200)
    view.show()
    model.set_rows([Item(n, f"item {n:03}") for n in range(50)])
    view.select_key(5)
    view.verticalScrollBar().setValue(30)  # the person scrolled away from the selected row
    qtbot.wait(10)

    model.set_rows([Item(n, f"item {n:03}") for n in range(51)])
    assert view.current_row().id == 5
    assert view.verticalScrollBar().value() == 30  # not pulled back to the selection



def test_only_the_tab_in_view_is_read_at_start_and_others_when_shown(qtbot, signed_in, district):
    """Ten years of a district's data: opening the window reads the queue, not every tab."""
    approved_resource(district)
    window = open_main(qtbot, signed_in(district.reviewer))
    catalog = find(window, "Approved resources", QAbstractItemView)
    assert window.tabs.currentWidget() is window.queue_page
    assert catalog.model().rowCount() == 0 and "catalog" in window.stale
    window.tabs.setCurrentWidget(window.catalog_page)
    settle()  # the tab reads its list on the worker thread
    assert names_in(catalog) == ["Kahoot!"]
    assert "catalog" not in window.stale


def test_hidden_tabs_are_built_after_the_first_paint_without_taking_the_focus(qtbot, signed_in, district):
    """The queue shows before the other tabs' pages are made; making them later must not disturb the
    person, who may already be typing."""
    approved_resource(district)
    window = main_window.MainWindow(signed_in(district.reviewer))
    qtbot.addWidget(window)
    assert {"catalog", "contracts", "incidents", "deletions", "exceptions", "deadlines"} <= set(window.unbuilt)
    assert window.tabs.currentWidget() is window.queue_page
    window.show()
    window.activateWindow()
    search = find(window, "Search requests", QLineEdit)
    search.setFocus()
    qtbot.waitUntil(lambda: not window.unbuilt, timeout=5000)
    qtbot.wait(50)
    assert window.isActiveWindow() and search.hasFocus()
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [window]  # no stray windows
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())][:3] == [
        "&My requests", "Review &queue", "&Approved resources"]
    window.tabs.setCurrentWidget(window.catalog_page)
    settle()  # the tab reads its list on the worker thread
    assert names_in(find(window, "Approved resources", QAbstractItemView)) == ["Kahoot!"]


def test_a_tab_shown_before_its_turn_is_built_and_read_then(qtbot, signed_in, district):
    approved_resource(district)
    window = main_window.MainWindow(signed_in(district.reviewer))
    qtbot.addWidget(window)
    index = next(i for i in range(window.tabs.count()) if window.tabs.tabText(i) == "&Approved resources")
    window.tabs.setCurrentIndex(index)  # as a click on the tab does, before the window has painted
    settle()  # the tab reads its list on the worker thread
    assert "catalog" not in window.unbuilt and window.tabs.currentWidget() is window.catalog_page
    assert names_in(find(window, "Approved resources", QAbstractItemView)) == ["Kahoot!"]


def names_in(view: QAbstractItemView) -> list[str]:
    model = view.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]
