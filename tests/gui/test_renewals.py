"""Renewals on screen: an approval three years old is back in the reviewer's queue, marked as a renewal;
its window shows the previous decision beside what is true now; a tool with nobody on file is opened from
the Deadlines tab by naming who uses it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableWidget
from sqlalchemy import update

from techapproval.db.models import CatalogResource, Person
from techapproval.domain.deadlines import ObligationKind
from techapproval.domain.renewals import RenewalRef
from techapproval.gui.dialogs.open_renewal import OpenRenewalDialog
from techapproval.services import renewals
from techapproval.services.errors import Refused
from tests.gui.conftest import choose, click, find, open_main, settle, when_dialog_opens
from tests.gui.test_refresh import listed
from tests.helpers import approved_resource
from tests.services.test_renewals import YEAR, backdate, renewal_requests


def comparison(window) -> dict[str, tuple[str, str, str]]:
    table = find(window, "Previous decision and what changed", QTableWidget)
    assert table.isVisible()
    cells = [[table.item(row, column).text() for column in range(4)] for row in range(table.rowCount())]
    return {what: (previous, now, changed) for what, previous, now, changed in cells}


def test_a_due_renewal_is_in_the_queue_with_what_changed(qtbot, signed_in, district):
    rid = approved_resource(district, resource_name="Kahoot!")
    backdate(district, rid, 3 * YEAR + timedelta(days=5))
    window = open_main(qtbot, signed_in(district.reviewer))  # reading the queue opens the renewal
    queue = find(window, "Review queue", QAbstractItemView)
    [renewal] = renewal_requests(district, rid)
    [row] = [r for r in listed(queue) if r.id == renewal.id]
    shown = queue.model().index(listed(queue).index(row), 2).data()
    assert shown == "\u21bb Renewal: Kahoot!"

    queue.select_key(renewal.id)
    queue.setFocus()
    qtbot.keyClick(queue, Qt.Key.Key_Return)
    review = window.windows[renewal.id]
    qtbot.addWidget(review)
    due = find(review, "Renewal due date", QLabel)
    assert due.isVisible() and due.text().startswith("This approval is due for renewal on ")
    rows = comparison(review)
    assert list(rows) == ["Decision", "Contract status", "Accessibility", "Information shared", "Grades"]
    assert {changed for _, _, changed in rows.values()} == {"Same"}
    assert "Rita Reviewer" in rows["Decision"][0]
    assert review.decision_panel.isVisible()  # decided like any request
    review.close()

    teacher = open_main(qtbot, signed_in(district.teacher))  # the staff member sees it as a renewal too
    mine = find(teacher, "My requests", QAbstractItemView)
    texts = [mine.model().index(i, 1).data() for i in range(mine.model().rowCount())]
    assert "\u21bb Renewal: Kahoot!" in texts
    own = teacher.open_request(next(r for r in listed(mine) if r.id == renewal.id))
    qtbot.addWidget(own)
    assert comparison(own)["Grades"][2] == "Same"


def test_an_unchanged_approval_shows_no_renewal_box(qtbot, signed_in, district):
    rid = approved_resource(district)
    window = open_main(qtbot, signed_in(district.reviewer))
    assert renewal_requests(district, rid) == []
    queue = find(window, "Review queue", QAbstractItemView)
    window.status_filter.setCurrentIndex(1)  # all requests
    qtbot.waitUntil(lambda: queue.model().rowCount() == 1, timeout=2_000)
    request = window.open_request(listed(queue)[0])
    qtbot.addWidget(request)
    assert not request.renewal_box.isVisible()


def test_a_tool_with_nobody_on_file_is_opened_from_the_deadlines(qtbot, signed_in, district):
    with district.db.transaction() as s:
        tool = CatalogResource(name="GeoGebra", normalised_name="geogebra", link="https://geogebra.org",
                               normalised_link="geogebra.org", description="Graphing.", permission="none_required",
                               grades="9,10", approved_at=datetime.now(UTC) - 4 * YEAR, coverage="none")
        s.add(tool)
        s.flush()
        tool_id = tool.id
    window = open_main(qtbot, signed_in(district.reviewer))
    window.tabs.setCurrentWidget(window.deadlines_page)
    settle()  # the tab reads its list on the worker thread
    view = find(window, "Deadlines", QAbstractItemView)
    assert view.select_key((ObligationKind.RENEWAL_DUE, RenewalRef(tool_id, None)))
    assert "No staff member on file" in find(window, "Obligation details", QLabel).text()

    def choose_tom(dialog):
        choose(qtbot, dialog, "Staff member who uses it", "Tom Teacher \u2014 Teacher")
        click(qtbot, dialog, "Open renewal")

    problems = when_dialog_opens(OpenRenewalDialog, choose_tom)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert problems == []
    [renewal] = renewal_requests(district, tool_id)
    assert renewal.requester_id == district.other_teacher
    opened = window.windows[renewal.id]
    qtbot.addWidget(opened)
    assert opened.isVisible() and opened.form.resource_name.text() == "GeoGebra"
    rows = comparison(opened)
    assert rows["Information shared"][2] == "? Not known"
    assert view.select_key((ObligationKind.RENEWAL_DUE, RenewalRef(tool_id, renewal.id)))  # the line now leads there


def test_the_dialog_says_a_refusal_next_to_the_field_and_keeps_its_input(qtbot, signed_in, district):
    with district.db.transaction() as s:
        tool = CatalogResource(name="GeoGebra", normalised_name="geogebra", permission="none_required",
                               grades="", approved_at=datetime.now(UTC) - 4 * YEAR, coverage="none")
        s.add(tool)
        s.flush()
        tool_id = tool.id
    dialog = OpenRenewalDialog(signed_in(district.admin), tool_id, "GeoGebra")
    qtbot.addWidget(dialog)
    dialog.show()
    names = [dialog.staff.itemText(i) for i in range(dialog.staff.count())]
    assert not any(n.startswith("Dana Admin") for n in names)  # not offered: nobody decides their own request
    choose(qtbot, dialog, "Staff member who uses it", "Tom Teacher \u2014 Teacher")
    with district.db.transaction() as s:  # Tom leaves while the dialog is open
        s.execute(update(Person).where(Person.id == district.other_teacher).values(active=False))
    click(qtbot, dialog, "Open renewal")
    error = find(dialog, "Staff member who uses it error", QLabel)
    assert dialog.isVisible() and error.isVisible() and "active staff member" in error.text()

    choose(qtbot, dialog, "Staff member who uses it", "Nguyễn Thị Ánh \u2014 Teacher")
    with district.db.transaction() as s:  # meanwhile another reviewer opened it at their desk
        renewals.open_renewal(s, district.reviewer, tool_id, district.teacher)
    click(qtbot, dialog, "Open renewal")
    assert dialog.isVisible() and "already in the review queue" in dialog.message.text()
    assert dialog.request_id is None


def test_a_refusal_while_opening_renewals_is_said_not_raised(qtbot, signed_in, district, monkeypatch):
    def refused(*_args, **_kwargs):
        raise Refused("Renewals could not be opened just now.")

    monkeypatch.setattr(renewals, "open_due_renewals", refused)
    window = open_main(qtbot, signed_in(district.reviewer))
    window.refresh_queue()
    assert window.statusBar().currentMessage() == "Renewals could not be opened just now."


def test_reviewers_see_when_each_approval_comes_back(qtbot, signed_in, district):
    approved_resource(district)
    reviewer = open_main(qtbot, signed_in(district.reviewer))
    reviewer.tabs.setCurrentWidget(reviewer.catalog_page)
    settle()  # the tab reads its list on the worker thread
    view = find(reviewer, "Approved resources", QAbstractItemView)
    headers = [view.model().headerData(i, Qt.Orientation.Horizontal) for i in range(view.model().columnCount())]
    assert "Renewal due" in headers
    cell = view.model().index(0, headers.index("Renewal due")).data()
    assert cell.endswith(str(datetime.now(UTC).year + 3)) or cell.endswith(str(datetime.now(UTC).year + 2))
    teacher = open_main(qtbot, signed_in(district.teacher))
    teacher.tabs.setCurrentWidget(teacher.catalog_page)
    settle()  # the tab reads its list on the worker thread
    view = find(teacher, "Approved resources", QAbstractItemView)
    assert "Renewal due" not in [view.model().headerData(i, Qt.Orientation.Horizontal)
                                 for i in range(view.model().columnCount())]


def test_deciding_a_renewal_makes_room_for_the_next_one(qtbot, signed_in, district, monkeypatch):
    from techapproval.services import renewals

    monkeypatch.setattr(renewals, "MAX_OPEN", 1)
    first = approved_resource(district, resource_name="Kahoot!", resource_link="https://kahoot.com")
    second = approved_resource(district, resource_name="Quizizz", resource_link="https://quizizz.com")
    backdate(district, first, 3 * YEAR + timedelta(days=9))
    backdate(district, second, 3 * YEAR + timedelta(days=5))
    window = open_main(qtbot, signed_in(district.reviewer))
    queue = find(window, "Review queue", QAbstractItemView)
    qtbot.waitUntil(lambda: len(renewal_requests(district, first)) == 1, timeout=5_000)
    assert renewal_requests(district, second) == []  # the queue holds one renewal at a time here
    [renewal] = renewal_requests(district, first)
    qtbot.waitUntil(lambda: renewal.id in [r.id for r in listed(queue)], timeout=5_000)

    review = window.open_request(next(r for r in listed(queue) if r.id == renewal.id))
    qtbot.addWidget(review)
    click(qtbot, review, "Approved for use")
    click(qtbot, review, "No additional notifications or permissions required.")
    from PySide6.QtWidgets import QMessageBox

    # No contract on file: the reviewer is asked, and approves anyway.
    monkeypatch.setattr(QMessageBox, "warning", lambda *_args: QMessageBox.StandardButton.Yes)
    click(qtbot, review, "Record decision")
    qtbot.waitUntil(lambda: len(renewal_requests(district, second)) == 1, timeout=5_000)
    [following] = renewal_requests(district, second)
    qtbot.waitUntil(lambda: following.id in [r.id for r in listed(queue)], timeout=5_000)
