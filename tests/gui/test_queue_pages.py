"""The review queue reads a page at a time as the reviewer scrolls, sorts by a clicked column in the
database, and searches as the reviewer types: ten years of requests never load at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from techapproval.services import requests as svc
from tests.gui.conftest import find, open_main, type_into
from tests.gui.test_refresh import ids, listed, sort_by
from tests.helpers import submitted_request

PAGE = 5
COUNT = 40


@pytest.fixture
def many(district, monkeypatch):
    """COUNT requests, the highest-numbered tool submitted first, read PAGE rows at a time."""
    monkeypatch.setattr(svc, "QUEUE_PAGE", PAGE)
    return [submitted_request(district, resource_name=f"Tool {n:02}", resource_link=f"https://tool{n:02}.example")
            for n in range(COUNT, 0, -1)]


def test_rows_are_read_as_the_list_scrolls(qtbot, signed_in, district, many):
    window = open_main(qtbot, signed_in(district.reviewer))
    queue = find(window, "Review queue", QAbstractItemView)
    qtbot.wait(50)  # Qt reads more pages until the visible part of the list is full
    shown = queue.model().rowCount()
    assert 0 < shown < COUNT and shown % PAGE == 0, "the first screen, not every request"
    assert ids(queue)[:shown] == many[:shown]  # oldest first
    assert queue.current_row().id == many[0]

    queue.setFocus()
    for _ in range(COUNT):  # to the end, by keyboard, a page at a time
        qtbot.keyClick(queue, Qt.Key.Key_PageDown)
    qtbot.keyClick(queue, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: queue.model().rowCount() == COUNT, timeout=2_000)
    assert ids(queue) == many
    assert queue.current_row().id == many[-1]


def test_a_clicked_column_sorts_all_requests_not_just_those_read(qtbot, signed_in, district, many):
    window = open_main(qtbot, signed_in(district.reviewer))
    queue = find(window, "Review queue", QAbstractItemView)
    sort_by(qtbot, queue, "Resource")
    assert [r.resource_name for r in listed(queue)[:3]] == ["Tool 01", "Tool 02", "Tool 03"]
    sort_by(qtbot, queue, "Resource")  # again: the other way
    assert [r.resource_name for r in listed(queue)[:3]] == ["Tool 40", "Tool 39", "Tool 38"]


def test_search_reads_the_matching_requests(qtbot, signed_in, district, many):
    window = open_main(qtbot, signed_in(district.reviewer))
    queue = find(window, "Review queue", QAbstractItemView)
    type_into(qtbot, window, "Search requests", "tool 3")
    found = [f"Tool {n}" for n in range(30, 40)]  # read in two pages
    qtbot.waitUntil(lambda: sorted(r.resource_name for r in listed(queue)) == found, timeout=2_000)
    find(window, "Search requests", QLineEdit).clear()
    qtbot.waitUntil(lambda: ids(queue)[:PAGE] == many[:PAGE], timeout=2_000)
