"""District-scale benchmarks: the data set of benchmarks/dataset.py, each target of the performance issue
measured through the code paths the GUI and the CLI use, and benchmarks/RESULTS.md written.

    uv run python -m benchmarks                      # everything (about 10 minutes with a cached data set)
    uv run python -m benchmarks --quick              # fewer repetitions (a few minutes)
    uv run python -m benchmarks --rows queue,search  # some rows only (printed; RESULTS.md only with --out)
    uv run python -m benchmarks --list               # the rows

Each row runs once to warm up (not counted), then repeats until it has its minimum number of runs and
its time budget is spent (or it reaches its maximum): the table shows the median, the min–max spread,
the SQL statements per run and the share of the time spent inside service calls (AppContext.call).
The cold start and its floor run in fresh processes (benchmarks/coldstart.py), interleaved, so a busy
machine slows both alike; their ratio is the target.
"""

from __future__ import annotations

import argparse
import gc
import io
import itertools
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from .notes import TRIED

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).with_name("RESULTS.md")
FIRST_SCREEN = 40  # rows a reviewer sees without scrolling
TYPED = ("google", "xylo")  # a word with many hits (Google's tools), one with next to none


def typed(*words: str) -> list[str]:
    """The search box's text after each keystroke: g, go, goo, …"""
    return [word[:n] for word in words for n in range(1, len(word) + 1)]


# --- results ----------------------------------------------------------------------------------------


@dataclass
class Result:
    row: str
    what: str
    target: str
    median: str
    spread: str
    runs: int
    passed: bool | None  # None: for information, no target
    sql: str = ""
    services: str = ""
    notes: list[str] = field(default_factory=list)
    top: list[str] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        return "—" if self.passed is None else "pass" if self.passed else "**MISSED**"


def ms(seconds: float) -> str:
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms" if seconds < 0.1 else f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s"


def mb(kb: float) -> str:
    return f"{kb / 1024:.0f} MB"


@dataclass
class Measured:
    seconds: list[float]
    statements: list[int]
    services: list[float]

    def result(self, row: str, what: str, target_s: float | None, notes: Iterable[str] = (),
               top: list[str] | None = None) -> Result:
        median = statistics.median(self.seconds)
        share = statistics.median(s / t for s, t in zip(self.services, self.seconds, strict=True) if t > 0)
        services = f"{share:.0%}" if any(self.services) else "—"  # "—": the row makes no AppContext.call
        return Result(
            row, what, f"≤ {ms(target_s)}" if target_s else "—", ms(median),
            f"{ms(min(self.seconds))} – {ms(max(self.seconds))}", len(self.seconds),
            None if target_s is None else median <= target_s,
            sql=f"{statistics.median(self.statements):g}", services=services, notes=list(notes),
            top=top or [],
        )


# --- the bench: the data set opened as the app opens it, SQL counted ----------------------------------


class Bench:
    def __init__(self, summary, *, quick: bool, workdir: Path):
        from sqlalchemy import event

        from techapproval.db.database import open_database
        from techapproval.services import people

        self.summary = summary
        self.quick = quick
        self.workdir = workdir
        self.url = f"sqlite:///{summary.path}"
        self.db = open_database(self.url)
        self.statements = 0
        self.detail: Counter[str] | None = None
        self.detail_time: Counter[str] = Counter()

        @event.listens_for(self.db.engine, "before_cursor_execute")
        def before(conn, _cursor, statement, _parameters, _context, _executemany):
            self.statements += 1
            conn.info.setdefault("bench_started", []).append(time.perf_counter())

        @event.listens_for(self.db.engine, "after_cursor_execute")
        def after(conn, _cursor, statement, _parameters, _context, _executemany):
            started = conn.info["bench_started"].pop()
            if self.detail is not None:
                key = " ".join(statement.split())
                self.detail[key] += 1
                self.detail_time[key] += time.perf_counter() - started

        TimedContext = timed_context_class()
        with self.db.transaction() as s:
            self.reviewer = TimedContext(self.db, people.get_person(s, summary.reviewer_id))
            self.teacher = TimedContext(self.db, people.get_person(s, summary.teacher_id))
        self.reviewer.reload_settings()
        self.teacher.reload_settings()
        self._window = None
        self.window_seconds = 0.0

    # -- measuring --

    def repeat(self, op: Callable[[], object], *, budget_s: float = 25, min_runs: int = 7, max_runs: int = 15,
               warmup: int = 1, contexts=(), whole: int = 0) -> Measured:
        """Run op until budget_s is spent (or max_runs); a slow op still gets min_runs, but at most 3 of them
        (--quick: 2) past the budget. `whole` runs are always done (every keystroke of the typed words)."""
        if self.quick:
            budget_s, min_runs, max_runs = budget_s / 4, min(min_runs, 3), min(max_runs, 5)
        least = 2 if self.quick else 3
        max_runs = max(max_runs, whole)
        contexts = contexts or (self.reviewer, self.teacher)
        for _ in range(warmup):
            op()
        seconds, statements, services = [], [], []
        began = time.monotonic()

        def more() -> bool:
            n, spent = len(seconds), time.monotonic() - began
            if n < whole:
                return True
            if n >= max_runs:
                return False
            return spent < budget_s or n < min(min_runs, least)

        while more():
            self.statements = 0
            for c in contexts:
                c.spent = 0.0
            start = time.perf_counter()
            op()
            seconds.append(time.perf_counter() - start)
            statements.append(self.statements)
            services.append(sum(c.spent for c in contexts))
        return Measured(seconds, statements, services)

    def top_statements(self, op: Callable[[], object], n: int = 3) -> list[str]:
        """The statements of one more run, by time spent executing them (fetching rows is not included)."""
        self.detail, self.detail_time = Counter(), Counter()
        try:
            op()
        finally:
            detail, times, self.detail = self.detail, self.detail_time, None
        lines = []
        for key, spent in times.most_common(n):
            sql = key if len(key) <= 160 else key[:157] + "…"
            lines.append(f"{detail[key]}× {ms(spent)} execute: `{sql}`")
        distinct = len(detail)
        if distinct > n:
            lines.append(f"… {sum(detail.values())} statements in all, {distinct} distinct")
        return lines

    # -- the GUI, as a reviewer sees it --

    @property
    def window(self):
        if self._window is None:
            from techapproval.gui.app import application
            from techapproval.gui.main_window import MainWindow

            self.qt = application()
            quiet_qt()
            start = time.perf_counter()
            self._window = MainWindow(self.reviewer)
            self._window.poll_timer.stop()  # no polling between measurements
            # Nor renewals opened after the first paint: they would change the data set every row reads.
            self._window.renewals_checked_on = date.today()
            self._window.show()
            self.qt.processEvents()
            self.window_seconds = time.perf_counter() - start
            gc.freeze()  # as gui/app.py run_gui does once the window shows
        return self._window

    def settle(self) -> None:
        if self._window is not None:
            self.qt.processEvents()

    def ids(self, where: str, n: int) -> list[int]:
        """n request ids spread evenly over the requests matching `where` (plain SQL, fixed order)."""
        from sqlalchemy import text

        with self.db.engine.connect() as conn:
            ids = [r[0] for r in conn.execute(text(f"SELECT id FROM request WHERE {where} ORDER BY id"))]
        if len(ids) <= n:
            return ids
        step = len(ids) / n
        return [ids[int(i * step)] for i in range(n)]


def settle_operations() -> None:
    """Until the operations under way (gui/operations.py: the queue's pages) have answered on the UI thread."""
    from techapproval.gui.operations import Operations

    Operations.instance().wait_idle(60_000)


def quiet_qt() -> None:
    """The offscreen platform's warning on every window shown says nothing about the app: drop it."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_kind, _context, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def timed_context_class():
    from techapproval.gui.context import AppContext

    class TimedContext(AppContext):
        """AppContext that adds up the time spent in service calls (each its own transaction)."""

        spent = 0.0

        def call(self, use_case, *args, **kwargs):
            start = time.perf_counter()
            try:
                return super().call(use_case, *args, **kwargs)
            finally:
                self.spent += time.perf_counter() - start

    return TimedContext


def keystrokes(b: Bench, keys: list[str], apply: Callable[[str], object], budget_s: float) \
        -> tuple[Measured, str, list[str]]:
    """Type `keys` (each the search text after a keystroke) through `apply`, every one at least once: the
    measurements, the median per text, and the statements of the slowest text."""
    log: list[str] = []
    texts = itertools.cycle(keys)

    def op():
        text = next(texts)
        log.append(text)
        return apply(text)

    m = b.repeat(op, whole=len(keys), max_runs=3 * len(keys), budget_s=budget_s)
    per: dict[str, list[float]] = {}
    for text, seconds in zip(log[-len(m.seconds):], m.seconds, strict=True):
        per.setdefault(text, []).append(seconds)
    medians = {text: statistics.median(v) for text, v in per.items()}
    note = "median per keystroke: " + ", ".join(f"\"{t}\" {ms(medians[t])}" for t in keys if t in medians)
    worst = max(medians, key=medians.get)
    statements = b.top_statements(lambda: apply(worst))
    top = [f"slowest text \"{worst}\", its statements:", *("\t" + line for line in statements)]
    return m, note, top


def first_screen(model, rows: int = FIRST_SCREEN) -> int:
    """Read what a view shows of the first rows: every column's text, as painting does."""
    n = min(rows, model.rowCount())
    for r in range(n):
        for c in range(model.columnCount()):
            model.index(r, c).data()
    return n


# --- the rows ------------------------------------------------------------------------------------------


def cold_start(b: Bench) -> list[Result]:
    """the floor, the cold start (fresh processes, interleaved) and the GUI's peak RSS"""
    runs = 3 if b.quick else 11
    browsing = 1 if b.quick else 3
    # With bytecode caches, as an installed app runs (some machines set PYTHONDONTWRITEBYTECODE: then both
    # would compile every module from source, mostly SQLAlchemy's, and the ratio would flatter the app).
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(b.workdir / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    script = str(Path(__file__).with_name("coldstart.py"))
    floor_s, app_s, rss, rss_browsing, phases, statements, rows = [], [], [], [], [], [], []

    def once(args: list[str]) -> tuple[float, dict[str, str]]:
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, script, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True, env=env, cwd=ROOT)
        lines: dict[str, str] = {}
        elapsed = None
        for line in child.stdout:
            key, _, value = line.strip().partition(" ")
            lines[key] = value
            if key == "ready":
                elapsed = time.perf_counter() - start
        err = child.stderr.read()
        if child.wait(timeout=600) != 0 or elapsed is None:
            raise RuntimeError(f"cold start {args[0]} failed: {err[-2000:]}")
        return elapsed, lines

    for i in range(runs + 1):  # the first pair warms the disk and bytecode caches and is not counted
        f, _ = once(["floor", b.summary.path])
        args = ["app", b.url, str(b.summary.reviewer_id)]
        if 1 <= i <= browsing:
            args.append("browse")
        a, lines = once(args)
        if i == 0:
            continue
        floor_s.append(f)
        app_s.append(a)
        rss.append(int(lines["rss_kb"]))
        statements.append(int(lines["statements"]))
        phases.append(dict(p.split("=") for p in lines["ready"].split()))
        if "rss_browsing_kb" in lines:
            rss_browsing.append(int(lines["rss_browsing_kb"]))
            rows.append(int(lines["rows"]))
    floor, app = statistics.median(floor_s), statistics.median(app_s)
    # Each app run is measured right after its floor run: the median of those paired ratios is what is
    # judged, as the host's speed drifts between pairs (other tenants share it) far more than within one.
    ratios = [a / f for a, f in zip(app_s, floor_s, strict=True)]
    ratio = statistics.median(ratios)

    def phase(name: str) -> float:
        return statistics.median(float(p[name]) for p in phases)

    breakdown = (f"in the child: imports done at {ms(phase('imports'))}, database open at {ms(phase('database'))}, "
                 f"MainWindow built at {ms(phase('window'))}, the queue first painted at {ms(phase('shown'))} "
                 f"(after the interpreter started); {statistics.median(statements):g} SQL statements to build "
                 "the window")
    notes = [breakdown, f"median of the {len(ratios)} paired ratios {ratio:.2f} \u00d7 (each run against the floor "
             f"measured just before it); ratio of the medians {app / floor:.2f} \u00d7"]
    if b._window is not None or not b.quick:
        notes.append(loaders_note(b))
    return [
        Result("floor", "Floor: bare PySide6 window with a 40-row table, `import sqlalchemy.orm`, SQLite connect "
               "(fresh process, Popen to shown)", "—", ms(floor), f"{ms(min(floor_s))} – {ms(max(floor_s))}",
               len(floor_s), None),
        Result("cold_start", "Cold start: fresh process to the main window showing the review queue (signed in "
               "as a reviewer; until the queue's first paint, the floor's table's likewise; bytecode cached)",
               "≤ 1.5 × floor", f"{ms(app)}, {ratio:.2f} × floor",
               f"{min(ratios):.2f} – {max(ratios):.2f} × floor", len(app_s), ratio <= 1.5,
               sql=f"{statistics.median(statements):g}", notes=notes),
        Result("gui_rss_start", "Peak RSS of that GUI process once the main window shows", "≤ 300 MB",
               mb(statistics.median(rss)), f"{mb(min(rss))} – {mb(max(rss))}", len(rss),
               statistics.median(rss) <= 300 * 1024),
        Result("gui_rss_browsing", "Peak RSS after showing \"All requests\" in the queue and the Approved "
               "resources tab", "≤ 300 MB", mb(statistics.median(rss_browsing)),
               f"{mb(min(rss_browsing))} – {mb(max(rss_browsing))}", len(rss_browsing),
               statistics.median(rss_browsing) <= 300 * 1024,
               notes=[f"the queue model then holds {rows[0]:,} rows"]),
    ]


def loaders_note(b: Bench) -> str:
    """What MainWindow reads at start, tab by tab (each tab's loader once, in this process)."""
    window = b.window
    parts = []
    try:
        loaders = window._loaders()
    except Exception as exc:  # noqa: BLE001 - a diagnostic only
        return f"(tab loaders not measured: {exc!r})"
    for key, load in loaders.items():
        page = window.page(key)
        index = window.tabs.indexOf(page)
        name = window.tabs.tabText(index).replace("&", "") if index >= 0 else key
        start = time.perf_counter()
        load()
        parts.append(f"{name} {ms(time.perf_counter() - start)}")
    return (f"MainWindow reads the tab in view when it opens and builds the others after its first paint (built "
            f"in {ms(b.window_seconds)} in the runner); "
            f"one read of each, in the runner: " + ", ".join(parts))


def queue(b: Bench) -> list[Result]:
    """the review queue's first screen, all requests and those waiting, and sorted by each column"""
    from PySide6.QtCore import Qt

    from techapproval.services import requests as svc

    window = b.window
    model = window.queue_view.model()
    results = []
    for row, index, label in (("queue_first_screen", 1, "All requests"),
                              ("queue_first_screen_waiting", 0, "Waiting for a decision")):
        window.search.setText("")
        window.status_filter.blockSignals(True)
        window.status_filter.setCurrentIndex(index)
        window.status_filter.blockSignals(False)

        def op():
            window.refresh_queue(keep=False)  # as a change of filter does: the first page
            settle_operations()  # read on the worker thread
            return first_screen(model)

        m = b.repeat(op, min_runs=9)
        shown = model.rowCount()
        service = b.repeat(lambda: b.reviewer.call(svc.list_queue, window.status_filter.currentData(), "",
                                                   limit=svc.QUEUE_PAGE),
                           min_runs=5, max_runs=9, budget_s=5, warmup=1)
        results.append(m.result(
            row, f"Review queue, \"{label}\": refresh_queue (the first page of list_queue into the model, the "
                 f"counts per status) until the first {FIRST_SCREEN} rows can be painted", 0.050,
            notes=[f"{shown:,} rows read into the model (a page: {svc.QUEUE_PAGE}); the page's list_queue alone: "
                   f"{ms(statistics.median(service.seconds))}"],
            top=b.top_statements(op)))
        b.settle()

    # Sorted by a column: a click on its header reads the first page sorted in the database.
    window.status_filter.setCurrentIndex(1)
    view = window.queue_view
    columns = list(range(model.columnCount()))
    per: dict[str, list[float]] = {}

    cycle = itertools.cycle([(c, order) for c in columns
                             for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder)])

    def sort_once():
        column, order = next(cycle)
        start = time.perf_counter()
        view.sortByColumn(column, order)
        settle_operations()
        first_screen(model)
        title = model.headerData(column, Qt.Orientation.Horizontal)
        per.setdefault(f"{title} {'↑' if order == Qt.SortOrder.AscendingOrder else '↓'}", []).append(
            time.perf_counter() - start)

    m = b.repeat(sort_once, min_runs=2 * len(columns), max_runs=4 * len(columns), budget_s=20, warmup=2)
    slowest = sorted(per, key=lambda k: statistics.median(per[k]), reverse=True)[:4]
    results.append(m.result("queue_sort", "Review queue, \"All requests\", sorted by a clicked column (each "
                            "column both ways in turn): the first page sorted in the database, first screen",
                            None, notes=["slowest: " + ", ".join(f"{k} {ms(statistics.median(per[k]))}"
                                                                 for k in slowest)]))
    view.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # back to oldest first
    window.status_filter.setCurrentIndex(0)
    b.settle()
    return results


def search(b: Bench) -> list[Result]:
    """search as you type: the queue, approved resources, the request form's "already decided" lookup"""
    from techapproval.services import catalog

    window = b.window
    keys = typed(*TYPED)
    results = []

    # The queue: what the search box runs once typing pauses (SEARCH_DELAY_MS), over all requests.
    window.status_filter.blockSignals(True)
    window.status_filter.setCurrentIndex(1)
    window.status_filter.blockSignals(False)

    def queue_key(text: str):
        window.search.blockSignals(True)
        window.search.setText(text)
        window.search.blockSignals(False)
        window.refresh_queue(keep=False)  # what the search box runs once typing pauses
        settle_operations()
        return first_screen(window.queue_view.model())

    m, note, top = keystrokes(b, keys, queue_key, 40)
    results.append(m.result("search_queue", f"Search the review queue (\"All requests\") per keystroke, typing "
                            f"{' and '.join(repr(w) for w in TYPED)}: refresh_queue + first {FIRST_SCREEN} rows",
                            0.050, notes=[note], top=top))
    window.search.blockSignals(True)
    window.search.setText("")
    window.search.blockSignals(False)
    window.status_filter.setCurrentIndex(0)

    # Approved resources: what the page reads once typing pauses (SEARCH_DELAY_MS), measured per keystroke.
    page = window.catalog_page

    def catalog_key(text: str):
        page.search.blockSignals(True)
        page.search.setText(text)
        page.search.blockSignals(False)
        page.refresh()
        return first_screen(page.view.model())

    m, note, top = keystrokes(b, keys, catalog_key, 30)
    results.append(m.result("search_catalog", "Search approved resources per keystroke (the page's refresh: "
                            "list_catalog with compliance status) + first rows", 0.050,
                            notes=[note], top=top))
    page.search.setText("")
    page.refresh()

    # The request form: "already decided?" (catalog.find_matches) as a teacher types the resource's name.
    def matches_key(text: str):
        return b.teacher.call(catalog.find_matches, text, "")

    m, note, top = keystrokes(b, keys, matches_key, 15)
    results.append(m.result("search_already_decided", "Request form's \"already decided\" lookup per keystroke "
                            "(catalog.find_matches as a teacher types the name)", 0.050, notes=[note], top=top))
    b.settle()
    return results


def open_request(b: Bench) -> list[Result]:
    """open a request with its history (service calls, then the whole window)"""
    from techapproval.services import catalog, permissions
    from techapproval.services import requests as svc

    ids = (b.ids("status = 'approved' AND permission = 'parental_required'", 4)
           + b.ids("status = 'approved' AND id IN (SELECT request_id FROM message)", 4)
           + b.ids("status = 'not_approved'", 3) + b.ids("status IN ('submitted', 'resubmitted', 'returned')", 3)
           + b.ids("status = 'withdrawn'", 2))
    cycle = itertools.cycle(ids)

    def op():
        rid = next(cycle)
        detail = b.reviewer.call(svc.get_request, rid)  # the form, messages and history (audit.history)
        b.reviewer.call(catalog.status_for_request, rid)
        if detail.permission is not None and detail.permission.value == "parental_required":
            b.reviewer.call(permissions.list_tallies, rid)
        return detail

    m = b.repeat(op, whole=len(ids), max_runs=3 * len(ids), budget_s=15)
    results = [m.result("open_request", "Open a request with its history: the request window's service calls "
                        "(get_request with audit.history, status_for_request, list_tallies)", 0.030,
                        notes=[f"{len(ids)} requests in turn: approved (with parental permission, with a "
                               "question and answer), not approved, waiting, withdrawn"],
                        top=b.top_statements(op))]
    from techapproval.gui.dialogs.request_window import RequestWindow

    window = b.window
    cycle = itertools.cycle(ids)

    def open_window():
        w = RequestWindow(b.reviewer, next(cycle), window)
        w.show()
        w.hide()
        w.deleteLater()

    m = b.repeat(open_window, min_runs=len(ids) // 2, max_runs=len(ids), budget_s=15)
    b.settle()
    results.append(m.result("open_request_window", "The same, as the whole RequestWindow (widgets built, shown)",
                            None))
    return results


def compliance(b: Bench) -> list[Result]:
    """compliance status of every approved resource"""
    from techapproval.services import catalog

    entries = b.reviewer.call(catalog.list_catalog)
    states = Counter(e.status.state.label for e in entries)

    def op():
        return b.reviewer.call(catalog.list_catalog)

    m = b.repeat(op, min_runs=5, budget_s=30)
    return [m.result("compliance_all", f"Compliance status of all {len(entries):,} approved resources "
                     "(catalog.list_catalog, what the Approved resources tab reads)", 0.200,
                     notes=["today: " + ", ".join(f"{n:,} {s.lower()}" for s, n in states.most_common())],
                     top=b.top_statements(op))]


def pdf(b: Bench) -> list[Result]:
    """one decision PDF, 1,000 in a batch, and print-decision as a command"""
    from techapproval.pdf.batch import worker_count
    from techapproval.pdf.decision import render_decision_pdf
    from techapproval.services.printing import decision_sheet, save_decision_sheets

    admin = b.summary.admin_id
    split = Counter()

    def one(rid: int) -> bytes:  # cli.print_decision: the sheet in a transaction, then reportlab
        start = time.perf_counter()
        with b.db.transaction() as session:
            sheet = decision_sheet(session, admin, rid)
        middle = time.perf_counter()
        data = render_decision_pdf(sheet)
        split["sheet"] += middle - start
        split["render"] += time.perf_counter() - middle
        split["n"] += 1
        assert data.startswith(b"%PDF")
        return data

    sample = itertools.cycle(b.ids("status IN ('approved', 'not_approved')", 50))
    m = b.repeat(lambda: one(next(sample)), min_runs=15, max_runs=30, budget_s=10, contexts=(b.reviewer,))
    results = [m.result("pdf_one", "One decision PDF, as `print-decision` makes it (decision_sheet + "
                        "render_decision_pdf), warm process", 0.150,
                        top=b.top_statements(lambda: one(next(sample))))]

    split.clear()  # the split of warm runs only (the first run loads reportlab and the fonts)
    for rid in b.ids("status IN ('approved', 'not_approved')", 50):
        one(rid)
    per_pdf = (f"per PDF made one at a time (pdf_one): decision_sheet {ms(split['sheet'] / split['n'])}, "
               f"render_decision_pdf {ms(split['render'] / split['n'])}")
    batch = b.ids("status IN ('approved', 'not_approved')", 1000)
    folder = b.workdir / "decisions"
    used = {}

    def save(workers: int | None = None) -> None:  # print-decisions and File → Save decision sheets
        shutil.rmtree(folder, ignore_errors=True)
        result = save_decision_sheets(b.db, admin, batch, folder, workers=workers)
        assert len(result.files) == len(batch) and not result.cancelled
        used[workers] = worker_count(len(batch)) if workers is None else workers

    m = b.repeat(save, min_runs=1 if b.quick else 2, max_runs=3, budget_s=60, warmup=0, contexts=(b.reviewer,))
    alone = b.repeat(lambda: save(1), min_runs=1, max_runs=1 if b.quick else 2, budget_s=30, warmup=0,
                     contexts=(b.reviewer,))
    results.append(m.result("pdf_batch_1000", f"{len(batch):,} decision PDFs saved into a folder, as "
                            "`print-decisions` and File → Save decision sheets do (save_decision_sheets: the sheets "
                            f"read in this process, {used[None]} processes rendering)", 20.0,
                            notes=[f"in one process (workers=1): {ms(statistics.median(alone.seconds))}", per_pdf,
                                   f"{statistics.median(m.statements):.0f} SQL statements in all"]))
    if b.quick:
        return results
    times = []
    out = b.workdir / "decision.pdf"
    for rid in batch[:3]:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "techapproval", "--database", b.url, "print-decision", str(rid),
                        "-o", str(out)], check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    results.append(Result("print_decision_cli", "`techapproval print-decision` as a command (fresh process: "
                          "interpreter, imports, open, PDF)", "—", ms(statistics.median(times)),
                          f"{ms(min(times))} – {ms(max(times))}", len(times), None))
    return results


def website(b: Bench) -> list[Result]:
    """the public contracts website, exported"""
    from techapproval.services.contracts import document_content
    from techapproval.services.website import website_data
    from techapproval.website.export import export_website

    admin = b.summary.admin_id
    counter = itertools.count()
    written = []

    def op():  # cli.export_website, into a new folder each time
        out = b.workdir / f"site-{next(counter)}"
        with b.db.transaction() as session:
            data = website_data(session, admin)
            result = export_website(data, out, lambda contract_id: document_content(session, admin, contract_id))
        written.append((len(data.contracts), len(data.resources), result.documents, len(result.written)))
        shutil.rmtree(out)
        return result

    m = b.repeat(op, min_runs=3, max_runs=7, budget_s=30, contexts=(b.reviewer,))
    contracts, resources, documents, files = written[-1]
    return [m.result("website_export", f"Website export of all {contracts:,} contracts (`export-website` into a "
                     "new folder)", 5.0,
                     notes=[f"{files:,} files written: the pages, CSV and JSON, {documents:,} signed documents; "
                            f"{resources:,} approved resources listed"],
                     top=b.top_statements(op))]


GROUPS: dict[str, Callable[[Bench], list[Result]]] = {
    "cold_start": cold_start,
    "queue": queue,
    "search": search,
    "open_request": open_request,
    "compliance": compliance,
    "pdf": pdf,
    "website": website,
}


# --- the report ----------------------------------------------------------------------------------------


def machine() -> list[tuple[str, str]]:
    import PySide6
    import sqlalchemy
    from PySide6.QtCore import qVersion

    def first(path: str, key: str) -> str:
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    return line.split(":", 1)[1].strip() if ":" in line else line.split("=", 1)[1].strip('"')
        except OSError:
            pass
        return "?"

    memory = first("/proc/meminfo", "MemTotal")
    try:
        memory = f"{int(memory.split()[0]) / 1024 / 1024:.1f} GB"
    except ValueError:
        pass
    import sqlite3

    return [
        ("CPU", f"{first('/proc/cpuinfo', 'model name')}, {os.cpu_count()} cores"),
        ("RAM", memory),
        ("OS", f"{first('/etc/os-release', 'PRETTY_NAME=')} ({platform.platform()})"),
        ("Python", platform.python_version()),
        ("SQLite", sqlite3.sqlite_version),
        ("Qt", f"{qVersion()} (PySide6 {PySide6.__version__})"),
        ("SQLAlchemy", sqlalchemy.__version__),
    ]


def report(results: list[Result], summary, built: bool, command: str, started: datetime, elapsed: float,
           loads: tuple[tuple[float, ...], tuple[float, ...]], quick: bool) -> str:
    out = io.StringIO()
    w = out.write
    w("# Benchmarks at district scale\n\n")
    w(f"- **Date**: {started:%Y-%m-%d %H:%M} UTC; the run took {elapsed / 60:.1f} minutes"
      f"{' (--quick: fewer repetitions)' if quick else ''}\n")
    w(f"- **Command**: `{command}`\n")
    for key, value in machine():
        w(f"- **{key}**: {value}\n")
    w(f"- **Load average** (1, 5, 15 min) at the start {', '.join(f'{x:.2f}' for x in loads[0])}, at the end "
      f"{', '.join(f'{x:.2f}' for x in loads[1])}\n\n")
    w("**Noisy numbers.** This run shared its 2 cores with other work (other helpers running tests and builds "
      "on the same machine, see the load average). Treat the medians as rough until the same command is run "
      "again on a quiet machine; the ratio of the cold start to its floor, measured in interleaved pairs, is "
      "the most robust number here.\n\n")
    w("## Data set\n\n")
    w(f"`benchmarks/dataset.py`, {'built in this run' if built else 'cached'}: built in "
      f"{summary.build_seconds:.0f} s; `{Path(summary.path).name}`, "
      f"{Path(summary.path).stat().st_size / 2**20:.0f} MB on disk.\n\n")
    for line in summary.lines():
        w(f"- {line}\n")
    w("\nTen school years (2016-07-01 to 2026-06-30), SQLite, the schema migrated by `open_database`; the audit "
      "trail verifies (`techapproval verify-audit`). Compliance is computed for today, so the mix of statuses "
      "moves as the calendar does.\n\n")
    w("## Results\n\n")
    w("Median of the runs after one warm-up run; spread is min – max. *SQL*: statements per run. *In services*: "
      "the share of the time spent inside service calls (AppContext.call: SQL, ORM and building the rows); the "
      "rest is Qt models, views and widgets (or reportlab, or writing files).\n\n")
    w("| Row | What | Target | Median | Spread | Runs | SQL | In services | Result |\n")
    w("|---|---|---|---|---|---|---|---|---|\n")
    for r in results:
        w(f"| `{r.row}` | {r.what} | {r.target} | {r.median} | {r.spread} | {r.runs} | {r.sql} | {r.services} "
          f"| {r.verdict} |\n")
    missed = [r for r in results if r.passed is False]
    met = len(results) - len(missed) - sum(r.passed is None for r in results)
    w(f"\n{met} target{'s' if met != 1 else ''} met, {len(missed)} missed"
      f"{', ' + ', '.join(f'`{r.row}`' for r in missed) if missed else ''}.\n\n")
    if missed:
        w("## Missed targets\n\n")
        w("Under each row: what is known and what was tried (benchmarks/notes.py, kept by hand), then what this "
          "run measured, and the statements of one more run by the time spent executing them.\n\n")
        for r in missed:
            w(f"### `{r.row}`: {r.median} (target {r.target})\n\n")
            w(f"{TRIED.get(r.row, 'Nothing tried yet.')}\n\n")
            for note in r.notes:
                w(f"- {note}\n")
            for line in r.top:
                w(f"  - {line[1:]}\n" if line.startswith("\t") else f"- {line}\n")
            w("\n")
    others = [r for r in results if r.passed is not False and (r.notes or r.top)]
    if others:
        w("## Details of the other rows\n\n")
        for r in others:
            w(f"### `{r.row}`: {r.median}\n\n")
            if r.row in TRIED:
                w(f"{TRIED[r.row]}\n\n")
            for note in r.notes:
                w(f"- {note}\n")
            for line in r.top:
                w(f"  - {line[1:]}\n" if line.startswith("\t") else f"- {line}\n")
            w("\n")
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a few minutes)")
    parser.add_argument("--rows", metavar="NAME,...", help=f"only these groups: {', '.join(GROUPS)}")
    parser.add_argument("--seed", type=int, default=None, help="the data set's seed (default 3520)")
    parser.add_argument("--rebuild", action="store_true", help="build the cached data set again")
    parser.add_argument("--out", metavar="FILE", help=f"write the report here (default, for a full run: {RESULTS})")
    parser.add_argument("--list", action="store_true", help="list the groups and stop")
    args = parser.parse_args(argv)
    if args.list:
        for name, fn in GROUPS.items():
            print(f"{name:14} {(fn.__doc__ or '').strip()}")
        return 0
    groups = list(GROUPS)
    if args.rows:
        groups = [g.strip() for g in args.rows.split(",") if g.strip()]
        unknown = [g for g in groups if g not in GROUPS]
        if unknown:
            parser.error(f"unknown rows {', '.join(unknown)}; choose from {', '.join(GROUPS)}")
    out = Path(args.out) if args.out else (RESULTS if not args.rows else None)

    workdir = Path(tempfile.mkdtemp(prefix="techapproval-bench-"))
    os.environ["TECHAPPROVAL_HOME"] = str(workdir / "home")  # nothing touches the user's own data folder
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started, began = datetime.now(UTC), time.monotonic()
    load_start = os.getloadavg()
    command = "uv run python -m benchmarks" + (f" {' '.join(argv if argv is not None else sys.argv[1:])}"
                                                if (argv if argv is not None else sys.argv[1:]) else "")
    from . import dataset

    summary, built = dataset.cached_build(args.seed if args.seed is not None else dataset.DEFAULT_SEED,
                                          rebuild=args.rebuild)
    print(f"Data set: {summary.path} ({'built now' if built else 'cached'}; build took "
          f"{summary.build_seconds:.1f} s)")
    for line in summary.lines():
        print(f"  {line}")
    bench = Bench(summary, quick=args.quick, workdir=workdir)
    results: list[Result] = []
    try:
        for name in groups:
            print(f"\n== {name} ...", flush=True)
            start = time.monotonic()
            for r in GROUPS[name](bench):
                results.append(r)
                print(f"  {r.row:28} {r.median:>24}  [{r.spread}]  target {r.target:>14}  {r.verdict}", flush=True)
            print(f"  ({time.monotonic() - start:.0f} s)")
    finally:
        bench.db.dispose()
        shutil.rmtree(workdir, ignore_errors=True)
    elapsed = time.monotonic() - began
    if out is not None:
        out.write_text(report(results, summary, built, command, started, elapsed, (load_start, os.getloadavg()),
                              args.quick))
        print(f"\nWrote {out}")
    print(f"Done in {elapsed / 60:.1f} minutes.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
