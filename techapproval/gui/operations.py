"""Operations: use cases run off the UI thread, one at a time and in order, with their answers back on it.

As Anki's QueryOp and CollectionOp do: the window builds an operation from a use case and its arguments, says
what to do with the result (`success`) and with a refusal or a database that does not answer (`failure`),
names the controls the work concerns (`busy`: disabled while it runs, so an impatient second click submits
nothing twice), and runs it. The use case runs on the one worker thread, through the context's backend, in a
transaction of its own; the window keeps answering meanwhile (it moves, repaints, switches tabs, takes typing).
The result and the change set come back on the UI thread: the change set goes to the context's listeners (the
main window hands it to its pages), then the result to `success`.

    Operation(self, ctx, requests.decide, request_id, decision).busy(self.decide_button) \\
        .success(self._decided).failure(self.message.say).run()

Reads that a newer read replaces (a search as the person types, a list read again) share a `latest` key: one
not yet started is dropped when another with its key comes, and an older one's answer is not shown over a
newer one's. Long work with progress and Cancel is `background.BackgroundTask`.

While anything runs for longer than BUSY_AFTER_MS, `Operations.instance().busy_changed(True)` tells the window
(the status bar says it in words, and the pointer shows it); `False` when the queue is empty again.
"""

from __future__ import annotations

import atexit
import itertools
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from ..services.backend import Outcome
from ..services.errors import ServiceError
from .context import AppContext

BUSY_AFTER_MS = 150  # quicker work shows no busy state: it would only flicker


@dataclass(eq=False)
class _Job:
    number: int
    run: Callable[[], Any]
    latest: str | None = None
    outcome: tuple[bool, Any] | None = None
    finished: Callable[[_Job], None] = field(default=lambda job: None)


class _Thread(QThread):
    """The one worker: takes jobs in order and hands each back to the UI thread when done."""

    def __init__(self, operations: Operations):
        super().__init__()
        self.setObjectName("techapproval operations")
        self.jobs: queue.Queue[_Job | None] = queue.Queue()
        self.operations = operations

    def run(self) -> None:
        while True:
            job = self.jobs.get()
            if job is None:
                return
            if self.operations.superseded(job):
                job.outcome = (False, None)
                self.operations.done.emit(job)
                continue
            try:
                job.outcome = (True, job.run())
            except BaseException as exc:  # noqa: BLE001 - handed to the UI thread, which says it
                job.outcome = (False, exc)
            self.operations.done.emit(job)


class Operations(QObject):
    """The queue of operations of this application: one worker thread, started when first used."""

    done = Signal(object)
    busy_changed = Signal(bool)
    _instance: Operations | None = None

    def __init__(self):
        super().__init__()
        self._numbers = itertools.count(1)
        self._lock = threading.Lock()
        self._newest: dict[str, int] = {}  # latest key → the newest job's number
        self._pending: set[int] = set()
        self._last_number = 0
        self._thread: _Thread | None = None
        self._busy = False
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(lambda: self._set_busy(bool(self._pending)))
        self.done.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        atexit.register(lambda: isValid(self) and self.stop())

    @classmethod
    def instance(cls) -> Operations:
        if cls._instance is None or not isValid(cls._instance):
            cls._instance = Operations()
        return cls._instance

    def submit(self, run: Callable[[], Any], finished: Callable[[_Job], None], latest: str | None = None) -> _Job:
        job = _Job(next(self._numbers), run, latest, finished=finished)
        with self._lock:
            self._last_number = job.number
            if latest is not None:
                self._newest[latest] = job.number
            self._pending.add(job.number)
        if self._thread is None or not self._thread.isRunning():
            self._thread = _Thread(self)
            self._thread.start()
        self._thread.jobs.put(job)
        if not self._busy_timer.isActive() and not self._busy:
            self._busy_timer.start()
        return job

    def superseded(self, job: _Job) -> bool:
        """A newer read with the same `latest` key came: this one's answer would be shown over it."""
        with self._lock:
            return job.latest is not None and self._newest.get(job.latest, job.number) != job.number

    @Slot(object)
    def _finished(self, job: _Job) -> None:
        self._pending.discard(job.number)
        try:
            if not self.superseded(job):
                job.finished(job)
        finally:
            if not self._pending:
                self._busy_timer.stop()
                self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    @property
    def idle(self) -> bool:
        return not self._pending

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Process events until every operation submitted so far has answered (for tests and for closing)."""
        timer = QElapsedTimer()
        timer.start()
        with self._lock:
            last = self._last_number

        def waiting() -> bool:  # those submitted since (a poll every few seconds, say) are not waited for
            return any(number <= last for number in self._pending)

        while waiting() and timer.elapsed() < timeout_ms:
            QCoreApplication.processEvents()
            if waiting():
                QThread.msleep(2)
        QCoreApplication.processEvents()
        return not waiting()

    def stop(self) -> None:
        """End the worker thread once the operations already given to it are done; their answers are not
        delivered any more (the application is closing)."""
        if not isValid(self):
            return
        thread, self._thread = self._thread, None
        if thread is not None and isValid(thread) and thread.isRunning():
            thread.jobs.put(None)
            thread.wait(5_000)
        self._pending.clear()
        if isValid(self):
            self._busy_timer.stop()
            self._set_busy(False)

    @classmethod
    def reset(cls) -> None:
        """Stop the worker and forget the queue: the next operation starts a new one (for tests)."""
        if cls._instance is not None and isValid(cls._instance):
            cls._instance.stop()
            cls._instance.deleteLater()
        cls._instance = None


def load_page(page: QWidget, ctx: AppContext, key: str, failed: Callable[[Exception], None]) -> Operation:
    """Read what a page shows on the worker thread, then show it: `page.reads()` gives the use cases and
    their arguments, `page.show_rows(*results)` puts their results on screen. A newer read of the same `key`
    replaces one not yet shown (a search typed further, a list read again)."""
    return Operation.reads(page, ctx, page.reads()).latest(key) \
        .success(lambda results: page.show_rows(*results)).failure(failed).run()


class Operation:
    """One use case, run on the worker thread as the signed-in person; see the module's docstring."""

    def __init__(self, parent: QWidget, ctx: AppContext, use_case: Callable[..., Any], *args: Any, **kwargs: Any):
        self.parent = parent
        self.ctx = ctx
        self._call = (use_case, args, kwargs)
        self._success: Callable[[Any], None] = lambda _value: None
        self._failure: Callable[[Exception], None] | None = None
        self._busy: list[QWidget] = []
        self._latest: str | None = None
        self._runner: Callable[[Any, int], Outcome] | None = None
        self.job: _Job | None = None

    def success(self, callback: Callable[[Any], None]) -> Operation:
        self._success = callback
        return self

    def failure(self, callback: Callable[[Exception], None]) -> Operation:
        self._failure = callback
        return self

    def busy(self, *widgets: QWidget) -> Operation:
        """Controls disabled while it runs (enabled again after, whatever the outcome)."""
        self._busy.extend(widgets)
        return self

    def latest(self, key: str) -> Operation:
        """A read that a newer one with the same key replaces (see the module's docstring)."""
        self._latest = key
        return self

    @classmethod
    def reads(cls, parent: QWidget, ctx: AppContext, calls: list[tuple]) -> Operation:
        """Several reads in one job, each `(use_case, *args)`: the list of their results, in order."""
        op = cls(parent, ctx, calls)
        op._runner = lambda backend, person: Outcome([backend.run(use_case, person, *args).value
                                                      for use_case, *args in calls])
        return op

    @classmethod
    def on_backend(cls, parent: QWidget, ctx: AppContext, read: Callable[[Any], Any]) -> Operation:
        """A read of the backend's own (`read(backend)`), such as the look for others' changes."""
        op = cls(parent, ctx, read)
        op._runner = lambda backend, _person: Outcome(read(backend))
        return op

    def run(self) -> Operation:
        use_case, args, kwargs = self._call
        backend, person_id, runner = self.ctx.backend, self.ctx.person.id, self._runner
        for widget in self._busy:
            widget.setEnabled(False)
        if runner is None:
            work = lambda: backend.run(use_case, person_id, *args, **kwargs)  # noqa: E731
        else:
            work = lambda: runner(backend, person_id)  # noqa: E731
        self.job = Operations.instance().submit(work, self._finished, self._latest)
        return self

    def _finished(self, job: _Job) -> None:
        for widget in self._busy:
            if isValid(widget):
                widget.setEnabled(True)
        ok, value = job.outcome or (False, None)
        if ok:
            self.ctx.answered(value)  # its change set, even when the window that asked has closed
        if not isValid(self.parent):
            return
        if ok:
            self._success(value.value)
        elif value is not None:
            self._failed(value)

    def _failed(self, exc: BaseException) -> None:
        from ..services.errors import DatabaseProblem  # the refusals a person is told of

        if self._failure is not None and isinstance(exc, ServiceError | DatabaseProblem):
            self._failure(exc)
        elif isinstance(exc, ServiceError | DatabaseProblem):
            from .common import show_problem

            show_problem(self.parent, exc)
        else:  # a fault in the app: the crash dialog, as for any other unexpected error
            raise exc
