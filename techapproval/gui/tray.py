"""Desktop notifications while the app is open: a message from the system tray when one of my requests is
decided or comes back with a question, seen in the change sets from other desks (the look every few seconds
at what others changed, gui/main_window.py's poll)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from ..domain.changes import ChangeSet, Kind
from ..domain.enums import RequestStatus
from ..services import requests
from .context import AppContext
from .i18n import translate
from .operations import Operation

TOLD = (RequestStatus.APPROVED, RequestStatus.NOT_APPROVED, RequestStatus.RETURNED)


class DeskNotifier(QObject):
    """Compares my requests' statuses before and after a change set that touches requests."""

    shown = Signal(str, str)  # title, text: what the tray said (or would have, where there is no tray)

    def __init__(self, ctx: AppContext, window: QWidget):
        super().__init__(window)
        self.ctx, self.window = ctx, window
        self.known: dict[int, RequestStatus] | None = None
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(window.windowIcon(), self)
            self.tray.setToolTip(translate("DeskNotifier", "techapproval"))
            self.tray.show()
        self.read()

    def changed(self, changes: ChangeSet) -> None:
        if changes.touches({Kind.REQUESTS}):
            self.read()

    def read(self) -> None:
        Operation(self.window, self.ctx, requests.list_my_requests).latest("tray:my-requests") \
            .success(self._compare).failure(lambda _exc: None).run()

    def _compare(self, rows) -> None:
        before, self.known = self.known, {r.id: r.status for r in rows}
        if before is None:
            return
        for r in rows:
            if r.id in before and before[r.id] != r.status and r.status in TOLD:
                self.notify(r)

    def notify(self, row) -> None:
        if row.status is RequestStatus.RETURNED:
            title = translate("DeskNotifier", "A question about your request")
        else:
            title = translate("DeskNotifier", "Your request was decided")
        status = {RequestStatus.APPROVED: translate("DeskNotifier", "approved"),
                  RequestStatus.NOT_APPROVED: translate("DeskNotifier", "not approved"),
                  RequestStatus.RETURNED: translate("DeskNotifier", "returned with a question")}[row.status]
        text = translate("DeskNotifier", "Request {number} ({resource}): {status}.").format(
            number=row.id, resource=row.resource_name, status=status)
        if self.tray is not None:
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 10_000)
        self.shown.emit(title, text)
