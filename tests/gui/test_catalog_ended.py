"""The Approved resources tab shows, on request, the tools whose approval ended: "Show: Ended approvals",
with the day it ended in words and a symbol, not colour."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel
from sqlalchemy import update

from techapproval.db.models import CatalogResource
from techapproval.domain.contracts import format_day
from techapproval.domain.district_time import local_day
from tests.gui.conftest import choose, find, open_main, settle
from tests.helpers import approved_resource


def rows(view) -> list[dict[str, str]]:
    model = view.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return [{h: model.index(r, c).data() for c, h in enumerate(headers)} for r in range(model.rowCount())]


def test_ended_approvals_are_shown_when_chosen(qtbot, signed_in, district):
    kahoot = approved_resource(district, resource_name="Kahoot!", resource_link="https://kahoot.com")
    approved_resource(district, resource_name="Seesaw", resource_link="https://seesaw.me")
    ended = datetime.now(UTC) - timedelta(days=3)
    with district.db.transaction() as s:  # as a renewal not approved leaves it (services.renewals.end_approval)
        s.execute(update(CatalogResource).where(CatalogResource.id == kahoot).values(approval_ended_at=ended))
    day = format_day(local_day(ended))
    window = open_main(qtbot, signed_in(district.reviewer))
    window.tabs.setCurrentWidget(window.catalog_page)
    settle()  # the tab reads its list on the worker thread
    view = find(window, "Approved resources", QAbstractItemView)
    qtbot.waitUntil(lambda: view.model().rowCount() == 1, timeout=3000)
    [seesaw] = rows(view)
    assert (seesaw["Resource"], seesaw["Approval"]) == ("Seesaw", "\u2714 Current")

    choose(qtbot, window, "Approvals shown", "Ended approvals")
    [row] = rows(view)
    assert (row["Resource"], row["Approval"]) == ("Kahoot!", f"\u2716 Ended {day}")
    assert row["Renewal due"] == "\u2014 (approval ended)"
    view.setCurrentIndex(view.model().index(0, 0))
    details = find(window, "Resource status details", QLabel).text()
    assert details.startswith(f"\u2716 Kahoot! is no longer approved: its approval ended {day}")

    choose(qtbot, window, "Approvals shown", "All, current and ended")
    assert [(r["Resource"], r["Approval"]) for r in rows(view)] == [("Kahoot!", f"\u2716 Ended {day}"),
                                                                   ("Seesaw", "\u2714 Current")]
