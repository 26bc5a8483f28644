"""A desktop notification when one of my requests is decided at another desk (from the change sets the
main window reads every few seconds)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from techapproval.db.database import open_database
from techapproval.domain.enums import Decision, Permission
from techapproval.gui import main_window
from techapproval.gui.tray import DeskNotifier
from techapproval.services import requests as svc
from tests.helpers import submitted_request

from .conftest import open_main, settle


@pytest.fixture
def elsewhere(db_url, district):
    db = open_database(db_url)
    yield replace(district, db=db)
    db.dispose()


def test_my_request_decided_elsewhere_shows_a_tray_message(qtbot, signed_in, district, elsewhere, monkeypatch):
    monkeypatch.setattr(main_window, "POLL_MS", 100)
    rid = submitted_request(district, resource_name="Padlet")
    other = submitted_request(district, resource_name="Seesaw")
    window = open_main(qtbot, signed_in(district.teacher))
    window.desk_notifier = notifier = DeskNotifier(window.ctx, window)
    settle()
    told: list[tuple[str, str]] = []
    notifier.shown.connect(lambda title, text: told.append((title, text)))
    with elsewhere.db.transaction() as s:
        svc.decide_request(s, elsewhere.reviewer, rid, Decision.APPROVED, Permission.NONE_REQUIRED)
    qtbot.waitUntil(lambda: bool(told), timeout=5_000)
    assert told == [("Your request was decided", f"Request {rid} (Padlet): approved.")]
    with elsewhere.db.transaction() as s:
        svc.return_request(s, elsewhere.reviewer, other, "Which grades?")
    qtbot.waitUntil(lambda: len(told) == 2, timeout=5_000)
    assert told[1] == ("A question about your request", f"Request {other} (Seesaw): returned with a question.")
