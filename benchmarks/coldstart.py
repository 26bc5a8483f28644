"""One cold start, in a fresh process: the runner times it from Popen to the "ready" line.

    python benchmarks/coldstart.py floor SQLITE_FILE
    python benchmarks/coldstart.py app DATABASE_URL PERSON_ID [browse]

`floor`: the least any PySide6 + SQLAlchemy + SQLite app can do: a QApplication, a main window with a
table of 40 rows, `import sqlalchemy.orm`, a SQLite connection and one query, shown.

`app`: what `techapproval` does at start (__main__ and gui/app.py run_gui), minus the sign-in dialog: the
collector off during start-up, the application, the crash hook, open_database, the signed-in person as
tests/gui/conftest.py `signed_in` makes it, the MainWindow, shown.

Both say "ready" when their table first paints with rows: what a person sees. The app then prints its
peak RSS (VmHWM); with `browse`, it shows "All requests" in the queue and the catalog tab, and prints the
peak again: what a reviewer browsing the district's data costs.
"""

from __future__ import annotations

import os
import sys
import time

STARTED = time.perf_counter()
marks: list[tuple[str, float]] = []


def mark(name: str) -> None:
    marks.append((name, time.perf_counter() - STARTED))


def peak_rss_kb() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def settle(app, until=lambda: True, limit_s: float = 60.0) -> None:
    deadline = time.monotonic() + limit_s
    app.processEvents()
    while not until() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()


def when_painted(view, has_rows) -> None:
    """Mark "shown" and say "ready" the moment the table first paints with rows: what a person sees. Work
    the app leaves for after that (the overdue count) is not counted, as the person already has the queue."""
    from PySide6.QtCore import QEvent, QObject

    class Painted(QObject):
        done = False

        def eventFilter(self, _watched, event):  # noqa: N802 - Qt's name
            if not self.done and event.type() == QEvent.Type.Paint and has_rows():
                self.done = True
                mark("shown")
                ready()
            return False

    view.viewport().installEventFilter(watcher := Painted(view))
    view._painted = watcher  # kept alive with the view


def floor(path: str) -> None:
    import sqlite3

    import sqlalchemy.orm  # noqa: F401 - the import is what is measured
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    mark("imports")
    app = QApplication(sys.argv)
    conn = sqlite3.connect(path)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    mark("database")
    window = QMainWindow()
    model = QStandardItemModel(40, 7)
    for row in range(40):
        for column in range(7):
            model.setItem(row, column, QStandardItem(f"row {row} column {column}"))
    table = QTableView()
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(1200, 760)
    mark("window")
    when_painted(table, lambda: model.rowCount() > 0)
    window.show()
    settle(app, lambda: window.isVisible() and table._painted.done)


def app(url: str, person_id: int, browse: bool) -> None:
    import gc

    gc.disable()  # as techapproval.__main__ does before the app's imports (gui/app.py turns it on after)
    from techapproval.db.database import open_database
    from techapproval.gui import crash
    from techapproval.gui.app import application, carry_version, collect_from_now
    from techapproval.gui.common import after_first_paint
    from techapproval.gui.context import AppContext
    from techapproval.gui.main_window import MainWindow
    from techapproval.services import people

    mark("imports")
    qt = application()
    crash.install()
    db = open_database(url)
    mark("database")
    from sqlalchemy import event

    statements = [0]

    @event.listens_for(db.engine, "before_cursor_execute")
    def count(*_args):
        statements[0] += 1

    with db.transaction() as session:
        ctx = AppContext(db, people.get_person(session, person_id))
    ctx.reload_settings()
    window = MainWindow(ctx)
    # Every run shares the cached data set: the renewals the app opens after its first paint (outside the
    # time measured) would change it for the next run and the other rows.
    from datetime import date

    window.renewals_checked_on = date.today()
    mark("window")
    print(f"statements {statements[0]}", flush=True)  # to build the window: before it shows
    when_painted(window.queue_view, lambda: window.queue_model.rowCount() > 0)
    window.show()
    carry_version(qt, window)  # as run_gui: after the first paint
    after_first_paint(window, collect_from_now)
    settle(qt, lambda: window.isVisible() and window.queue_view._painted.done)
    settle(qt)  # what the app leaves for after the first paint, before the peak memory is read
    print(f"rss_kb {peak_rss_kb()}", flush=True)
    if not browse:
        return
    window.poll_timer.stop()
    window.status_filter.setCurrentIndex(1)  # "All requests": refreshes the queue
    window.tabs.setCurrentWidget(window.catalog_page)
    settle(qt)
    print(f"rows {window.queue_model.rowCount()}", flush=True)
    print(f"rss_browsing_kb {peak_rss_kb()}", flush=True)


def ready() -> None:
    print("ready " + " ".join(f"{name}={t:.4f}" for name, t in marks), flush=True)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if sys.argv[1] == "floor":
        floor(sys.argv[2])
    else:
        app(sys.argv[2], int(sys.argv[3]), browse=sys.argv[4:] == ["browse"])
    sys.stdout.flush()
    os._exit(0)  # no teardown: the measurement is over
