"""File → Back up / Restore the database (administrators): `techapproval backup` and `restore` from the desktop.

The work is services.maintenance's (the role check, the audit trail, and db/backup.py's safety: a backup
whole or not at all; a restore that checks the file first, refuses a newer backup and keeps a copy of the
database as it was). It runs off the UI thread under a progress dialog. A restore is asked for first, with
the file and the database named, after the request windows are closed (they save what was typed); once it
is done the main window closes and the person signs in again (gui/app.py), since the restored data has
its own people, roles and passwords and nothing read before it may be shown or written back.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from ..services import maintenance
from ..services.errors import DatabaseProblem, ServiceError
from .background import BackgroundTask
from .common import show_problem
from .context import AppContext
from .folders import open_file_name, save_file_name
from .i18n import translate

BACKUP_FILTER = "techapproval backups (*.techapproval-backup *.db *.dump);;All files (*)"


def _size(n: int) -> str:
    if n < 1024 * 1024:
        return translate("Maintenance", "{value} KB").format(value=max(1, round(n / 1024)))
    return translate("Maintenance", "{value} MB").format(value=f"{n / 1024 / 1024:.1f}")


def _run(parent: QWidget, title: str, label: str, work):
    """`work()` in a background task that cannot be stopped half-way (SQLite's copy and pg_dump run to the
    end): its dialog shows that it is busy, without a Cancel that would promise what it cannot do."""
    task = BackgroundTask(parent, title, label, lambda _progress, _cancelled: work())
    task.cancel_button.setEnabled(False)
    task.cancel_button.setToolTip(translate("Maintenance", "A backup or restore runs to its end once started"))
    task.start()
    try:
        return task.wait()
    except (ServiceError, DatabaseProblem) as exc:
        show_problem(parent, exc)
    return None


def may_maintain(parent: QWidget, ctx: AppContext) -> bool:
    try:
        ctx.call(maintenance.check_may_maintain)
    except (ServiceError, DatabaseProblem) as exc:
        show_problem(parent, exc)
        return False
    return True


def backup_database(parent: QWidget, ctx: AppContext) -> Path | None:
    """Ask for the file, write the backup there; returns the file, or None when nothing was written."""
    if not may_maintain(parent, ctx):
        return None
    name = save_file_name(parent, translate("Maintenance", "Back up the database to a file"),
                          "techapproval-backup.db", BACKUP_FILTER)
    if not name:
        return None
    destination = Path(name)
    # The file dialog has asked before replacing a file of that name.
    result = _run(parent, translate("Maintenance", "Backing up the database"),
                  translate("Maintenance", "Copying the whole database to {file}\u2026").format(file=destination),
                  lambda: ctx.long_run(maintenance.backup_database, destination, replace=True))
    if result is None:
        return None
    QMessageBox.information(
        parent, translate("Maintenance", "Backup made"),
        translate("Maintenance", "The whole database is copied to {file} ({size}). The backup holds personal data "
                  "and only you can read it: keep it somewhere safe.").format(file=result.file,
                                                                             size=_size(result.size)))
    return result.file


def restore_database(parent: QWidget, ctx: AppContext, close_windows) -> bool:
    """Ask for the backup, confirm, restore. `close_windows()` closes the open request windows first (False
    when one stays open). True once the database is restored: the caller then closes the main window."""
    if not may_maintain(parent, ctx):
        return False
    name = open_file_name(parent, translate("Maintenance", "Restore the database from a backup"), BACKUP_FILTER)
    if not name:
        return False
    source = Path(name)
    if not close_windows():
        return False
    answer = QMessageBox.warning(
        parent, translate("Maintenance", "Replace everything in the database?"),
        translate("Maintenance", "Replace everything in {location} with the backup {file}?\n\nThe file is checked "
                  "first, and a copy of the database as it is now is kept before anything changes. Everyone else "
                  "using this database should close techapproval first. When the restore is done you sign in "
                  "again.").format(location=ctx.location, file=source),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    result = _run(parent, translate("Maintenance", "Restoring the database"),
                  translate("Maintenance", "Checking {file}, keeping a copy of the database, then restoring\u2026")
                  .format(file=source),
                  lambda: ctx.long_run(maintenance.restore_database, source))
    if result is None:
        return False
    kept = (translate("Maintenance", "The database as it was is kept in {file}.").format(file=result.previous_copy)
            if result.previous_copy else translate("Maintenance", "The database held nothing before."))
    upgraded = (" " + translate("Maintenance", "The restored data was upgraded from schema {old} to {new}.").format(
        old=result.revision, new=result.upgraded_to)) if result.upgraded_to else ""
    QMessageBox.information(
        parent, translate("Maintenance", "Database restored"),
        translate("Maintenance", "Restored {file} into {location}. {kept}{upgraded}\n\nThis window now closes and "
                  "techapproval asks you to sign in again: the restored data has its own people and passwords.")
        .format(file=result.file, location=result.location, kept=kept, upgraded=upgraded))
    return True
