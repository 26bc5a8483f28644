"""Long work off the UI thread, with a progress dialog: a progress bar, the count in words, and Cancel.

The work is a plain function `work(progress, cancelled)` that knows nothing of Qt: it calls
`progress(done, total)` now and then and stops cleanly once `cancelled()` returns True. It runs in a
QThread; the window stays responsive (redraws, the Cancel button) and the result or the exception comes
back on the UI thread. The work opens its own database transactions (`ctx.db.transaction()`), never a
session of the UI thread's: each transaction takes its own connection from the engine's pool (SQLite files
are opened with check_same_thread off for that), and it keeps them short, since on SQLite a transaction
holds the write lock that the window's own reads wait for.

    task = BackgroundTask(parent, "Saving decision sheets", "Saving the decision sheets\u2026", work)
    task.succeeded.connect(show_result)     # or: result = task.wait(), which returns when the work is done
    task.failed.connect(show_problem)
    task.start()
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QProgressBar, QProgressDialog, QPushButton, QWidget

from ..db.database import DatabaseProblem, plain_error
from ..services.errors import ServiceError
from .common import MessageLabel, named
from .i18n import translate

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]
SHOW_AFTER_MS = 300  # quicker work finishes without a dialog flashing up


class _Worker(QObject):
    """Lives in the worker thread; tells the UI thread through queued signals."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Work, stop: threading.Event):
        super().__init__()
        self._work = work
        self._stop = stop

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(self.progressed.emit, self._stop.is_set)
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread, which shows it
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        finally:  # back to the UI thread, where its owner deletes it once this thread has ended
            app = QCoreApplication.instance()
            if app is not None:
                self.moveToThread(app.thread())


class BackgroundTask(QObject):
    """One run of `work` in a thread of its own, shown by a window-modal progress dialog over `parent`.

    Signals (on the UI thread): `succeeded(result)`, `failed(exception)`, then `done()` either way. After a
    Cancel the work's own result (or exception) still arrives: `was_cancelled` tells it was asked to stop."""

    succeeded = Signal(object)
    failed = Signal(object)
    done = Signal()

    _running: set[BackgroundTask] = set()  # kept alive until the thread has finished

    def __init__(self, parent: QWidget | None, title: str, label: str, work: Work):
        super().__init__()
        self.title = title
        self.label_text = label
        self._stop = threading.Event()
        self._finished = False
        self._outcome: tuple[bool, Any] | None = None

        dialog = self.dialog = QProgressDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumWidth(420)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        named(dialog, title)
        self.label = named(QLabel(label), translate("BackgroundTask", "Progress status"))
        self.label.setWordWrap(True)
        dialog.setLabel(self.label)
        self.bar = named(
            QProgressBar(),
            translate("BackgroundTask", "Progress"),
            translate("BackgroundTask", "How much of the work is done"),
        )
        self.bar.setRange(0, 0)  # busy until the work tells how much there is
        dialog.setBar(self.bar)
        # Qt's own button, renamed: setCancelButton() would leave two Escape shortcuts, and neither works.
        dialog.setCancelButtonText(translate("BackgroundTask", "&Cancel"))
        self.cancel_button = named(
            dialog.findChild(QPushButton),
            translate("BackgroundTask", "Cancel"),
            translate("BackgroundTask", "Stop; what is already done is kept"),
        )
        dialog.canceled.connect(self.cancel)  # the button, Escape, and closing the window
        # Escape while the dialog is not the active window skips its shortcut and only rejects (hides) it.
        dialog.rejected.connect(self.cancel)
        dialog.reset()  # stops QProgressDialog's own timer that shows it: _show does, after SHOW_AFTER_MS

        self._thread = QThread()
        self._thread.setObjectName(title)
        self._worker = _Worker(work, self._stop)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._progressed)
        self._worker.succeeded.connect(self._succeeded)
        self._worker.failed.connect(self._failed)
        self._thread.finished.connect(self._thread_finished)

    # --- control ------------------------------------------------------------------------

    def start(self) -> BackgroundTask:
        BackgroundTask._running.add(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop_and_wait)
        self._thread.start()
        QTimer.singleShot(SHOW_AFTER_MS, self._show)
        return self

    @Slot()
    def cancel(self) -> None:
        """Ask the work to stop; it does after the step under way (the dialog closes at once)."""
        self._stop.set()

    @property
    def was_cancelled(self) -> bool:
        return self._stop.is_set()

    @property
    def running(self) -> bool:
        return not self._finished

    def wait(self) -> Any:
        """Keep the window responsive (a local event loop, as a dialog's exec() does) until the work is
        done; then return its result or raise its exception."""
        if not self._finished:
            loop = QEventLoop()
            self.done.connect(loop.quit)
            loop.exec()
        ok, value = self._outcome or (False, RuntimeError("the work ended without a result"))
        if not ok:
            raise value
        return value

    @Slot()
    def stop_and_wait(self) -> None:
        """The app is quitting: stop the work and let the thread end before Qt tears down."""
        self._stop.set()
        self._thread.quit()
        self._thread.wait()

    # --- from the worker thread, delivered on the UI thread ------------------------------

    def _show(self) -> None:
        if not self._finished and not self._stop.is_set():
            self.dialog.show()

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        if self._stop.is_set():
            return
        if self.bar.maximum() != total:
            self.bar.setRange(0, max(total, 0))
        self.bar.setValue(min(done, total))
        self.label.setText(
            translate("BackgroundTask", "{label_text}\n{done} of {total} done.").format(
                label_text=self.label_text, done=done, total=total
            )
        )
        self.bar.setAccessibleDescription(
            translate("BackgroundTask", "{done} of {total} done").format(done=done, total=total)
        )

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        self._outcome = (True, result)
        self._thread.quit()

    @Slot(object)
    def _failed(self, exc: object) -> None:
        self._outcome = (False, exc)
        self._thread.quit()

    @Slot()
    def _thread_finished(self) -> None:
        self._thread.wait()
        self._finished = True
        self.dialog.hide()
        self.dialog.deleteLater()
        app = QCoreApplication.instance()
        if app is not None:
            try:
                app.aboutToQuit.disconnect(self.stop_and_wait)
            except (RuntimeError, TypeError):  # not connected
                pass
        BackgroundTask._running.discard(self)
        ok, value = self._outcome or (False, RuntimeError("the work ended without a result"))
        (self.succeeded if ok else self.failed).emit(value)
        self.done.emit()


def say_failure(message: MessageLabel, exc: BaseException, not_saved: Callable[[OSError], str]) -> None:
    """Tell why a background task stopped: the service's or the database's own words, or `not_saved(exc)`
    when a file could not be written. Anything else is a bug, raised for the app's crash handler."""
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DBAPIError):
        exc = plain_error(exc)
    if isinstance(exc, ServiceError | DatabaseProblem):
        message.say(exc)
    elif isinstance(exc, OSError):
        message.say(not_saved(exc))
    else:
        raise exc
