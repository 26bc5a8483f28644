"""Where a file dialog opens: in the last folder the person chose in this run, else their Documents folder,
never the app's working folder (on Windows, where it was installed). Every QFileDialog of the app goes
through these three functions, which remember the folder of what was chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

_last: Path | None = None  # the folder of the last file or folder chosen in this run


def start_folder() -> Path:
    """The last folder used in this run if it is still there, else Documents, else the home folder."""
    if _last is not None and _last.is_dir():
        return _last
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def _start(current: str = "", name: str = "") -> str:
    """What the dialog starts at: the path already typed in the field if it has a folder, else the start
    folder, with the suggested file name."""
    typed = Path(current).expanduser() if current.strip() else None
    if typed is not None and typed.is_absolute() and (typed.is_dir() or typed.parent.is_dir()):
        return str(typed)
    return str(start_folder() / name) if name else str(start_folder())


def remember(path: str) -> str:
    """Keep the folder of a chosen file (or the chosen folder) for the next dialog; returns `path`."""
    global _last
    if path:
        chosen = Path(path)
        _last = chosen if chosen.is_dir() else chosen.parent
    return path


def save_file_name(parent: QWidget | None, title: str, suggested_name: str, file_filter: str,
                   current: str = "") -> str:
    """Ask where to save `suggested_name` (a bare file name); "" when the person cancels."""
    path, _ = QFileDialog.getSaveFileName(parent, title, _start(current, Path(suggested_name).name), file_filter)
    return remember(path)


def open_file_name(parent: QWidget | None, title: str, file_filter: str, current: str = "") -> str:
    """Ask which file to open; "" when the person cancels."""
    path, _ = QFileDialog.getOpenFileName(parent, title, _start(current), file_filter)
    return remember(path)


def existing_folder(parent: QWidget | None, title: str, current: str = "") -> str:
    """Ask for a folder; "" when the person cancels."""
    return remember(QFileDialog.getExistingDirectory(parent, title, _start(current)))
