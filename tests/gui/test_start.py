"""A start loads what the first window needs and no more: the PDF makers, the website export, Alembic (the
schema is current), the holidays library and the dialogs of tabs not in view come when first used, and the
tabs not in view are read when first shown. Each of these cost a fraction of a second at every start."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta

from tests.helpers import registered_contract

from .conftest import open_main, settle

NOT_AT_START = (
    "reportlab",
    "alembic",
    "holidays",  # ct_holidays reads the years around today from resources/calendar
    "techapproval.pdf",
    "techapproval.website",
    "PySide6.QtPrintSupport",
    "techapproval.gui.dialogs.contract",
    "techapproval.gui.dialogs.contractor",
    "techapproval.gui.dialogs.coverage",
    "techapproval.gui.dialogs.deletion",
    "techapproval.gui.dialogs.incident",
    "techapproval.gui.dialogs.plan_exception",
)

# What benchmarks/coldstart.py times: gui/app.py's start, signed in, up to the window showing the queue.
START = """
import sys
import time
from techapproval.db.database import open_database
from techapproval.domain import calendar
from techapproval.gui import crash
from techapproval.gui.app import application
from techapproval.gui.context import AppContext
from techapproval.gui.main_window import MainWindow
from techapproval.services import people

app = application()
crash.install()
db = open_database(sys.argv[1])
with db.transaction() as session:
    ctx = AppContext(db, people.get_person(session, int(sys.argv[2])))
ctx.reload_settings()
window = MainWindow(ctx)
window.show()
deadline = time.monotonic() + 10
while not calendar._loaded and time.monotonic() < deadline:  # the overdue count: just after the first paint
    app.processEvents()
    time.sleep(0.01)
print("holiday_years", *sorted(calendar._loaded))
print("modules", *sorted(sys.modules))
"""


def test_a_start_imports_only_what_the_first_window_needs(district):
    # A contract whose website notice is due in business days: the overdue count at start looks up holidays.
    registered_contract(district, "Quizlet", date.today() - timedelta(days=2))
    url = district.db.url.render_as_string(hide_password=False)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-c", START, url, str(district.reviewer)], env=env, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    lines = dict(line.split(" ", 1) for line in run.stdout.splitlines() if " " in line)
    assert lines.get("holiday_years"), "the start looked up no holiday: the check below proves nothing"
    modules = lines["modules"].split()
    early = [name for name in NOT_AT_START if any(m == name or m.startswith(name + ".") for m in modules)]
    assert early == [], "imported at start; import these where they are first used"


def test_tabs_not_in_view_are_read_when_first_shown(qtbot, district, signed_in, monkeypatch):
    from techapproval.services import contracts, deletions, exceptions, incidents

    registered_contract(district, "Quizlet", date.today() - timedelta(days=2))
    reads: list[str] = []

    def counting(name, read):
        def counted(*args, **kwargs):
            reads.append(name)
            return read(*args, **kwargs)

        return counted

    for module, name in ((contracts, "list_contracts"), (incidents, "list_incidents"),
                         (deletions, "list_deletion_requests"), (exceptions, "list_exceptions")):
        monkeypatch.setattr(module, name, counting(name, getattr(module, name)))
    window = open_main(qtbot, signed_in(district.reviewer))
    assert reads == []  # built, not read: the review queue is in view
    window.tabs.setCurrentWidget(window.contracts_page)
    settle()  # the tab reads its list on the worker thread
    assert reads == ["list_contracts"]  # once: the page does not read itself as well
    assert window.contracts_page.model.rowCount() == 1
    for page in (window.incidents_page, window.deletions_page, window.exceptions_page):
        window.tabs.setCurrentWidget(page)
        settle()  # the tab reads its list on the worker thread
    qtbot.wait(10)  # nothing more comes once the event loop runs
    assert reads == ["list_contracts", "list_incidents", "list_deletion_requests", "list_exceptions"]
