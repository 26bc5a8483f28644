"""Start the app: open the database (with a plain dialog if it cannot be used), set up, sign in, main window."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..db.database import DatabaseProblem
from ..domain.settings import district_heading
from ..paths import database_url, resources_dir
from ..services.backend import LocalBackend
from . import crash
from .common import after_first_paint
from .context import AppContext
from .dialogs.sign_in import SignInDialog
from .i18n import install_translators
from .main_window import MainWindow
from .wheel import install_wheel_guard

# The reverse-DNS id of packaging/linux/: the .desktop file's name, so that Wayland docks and task bars match
# the window to its launcher and icon.
APP_ID = "io.github.techapproval.TechApproval"


def collect_from_now() -> None:
    """What start-up made (modules, mappers, widgets) lives as long as the app: out of the collector's full
    passes, which would otherwise walk it all again every few thousand new objects (tens of ms each). The
    collector, off since __main__ started (or on, when run otherwise), runs from here on."""
    gc.freeze()
    gc.enable()


def carry_version(app: QApplication, window: QWidget) -> None:
    """The application's version (read from the package's metadata, ~10 ms) once the window has painted."""
    def carry() -> None:
        from .. import __version__

        app.setApplicationVersion(__version__)

    after_first_paint(window, carry)


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("techapproval")
    app.setApplicationDisplayName("techapproval")
    app.setOrganizationName("techapproval")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(window_icon())
    install_wheel_guard(app)  # the wheel scrolls the page; it changes a drop-down only when the person is in it
    if not hasattr(app, "translators"):  # once: tests build the app again and again
        # The person's language (or TECHAPPROVAL_LANGUAGE): this app's .qm and Qt's own (OK, Cancel).
        app.translators = install_translators(app)
    return app


ICON_SIZES = (16, 32, 48, 64, 128, 256)


def window_icon() -> QIcon:
    """The app's icon at every size it was drawn for: PNGs rendered from the SVG master, so that no SVG
    plugin is needed (the packaged app leaves Qt's out)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resources_dir() / "icons" / f"techapproval-{size}.png"), QSize(size, size))
    return icon


def open_or_explain(url: str) -> LocalBackend | None:
    try:
        return LocalBackend.open(url)
    except DatabaseProblem as problem:
        QMessageBox.critical(None, problem.title, problem.message)
        return None


def sign_in(backend: LocalBackend) -> AppContext | None:
    """Setup on the first run, then sign-in. None when the person cancels."""
    if backend.needs_setup():
        from .dialogs.setup import SetupDialog  # once per district: not on every start

        setup = SetupDialog(backend)
        if not setup.exec():
            return None
        person = setup.person
    else:
        dialog = SignInDialog(backend, district_heading(backend.district_name()))
        if not dialog.exec():
            return None
        person = dialog.person
    ctx = AppContext(backend, person)
    ctx.reload_settings()
    remember_language(ctx)
    return ctx


def remember_language(ctx: AppContext) -> None:
    """The language this desk shows becomes the person's emails' too, until they choose one."""
    from ..domain.letters import Language
    from ..services import notifications
    from ..services.errors import ServiceError
    from .i18n import chosen_locale

    code = chosen_locale().name().split("_")[0]
    if code in {language.value for language in Language}:
        try:
            ctx.call(notifications.remember_language, Language(code))
        except (ServiceError, DatabaseProblem):  # a password to change first, a database busy: next time
            pass


def run_gui(database: str | None) -> int:
    app = application()
    crash.install()
    url = database_url(database)
    first = True
    while True:
        backend = open_or_explain(url)
        if backend is None:
            return 1
        try:
            ctx = sign_in(backend)
        except DatabaseProblem as problem:  # damaged past what opening reads, or locked since
            QMessageBox.critical(None, problem.title, problem.message)
            backend.dispose()
            return 1
        if ctx is None:
            return 0
        window = MainWindow(ctx)
        window.show()
        from .settings_email import DeskSender
        from .tray import DeskNotifier

        window.desk_sender = DeskSender.start_for(backend, window)  # the outbox, while the app is open
        window.desk_notifier = DeskNotifier(ctx, window)  # tray messages when my requests are decided
        if first:
            carry_version(app, window)
            after_first_paint(window, collect_from_now)
            first = False
        code = app.exec()
        if not window.restart_requested:
            return code
        # A restore replaced the data (File → Restore the database): nothing of this window or its reads is kept;
        # the database is opened afresh and the person signs in again.
        window.deleteLater()
        backend.dispose()
