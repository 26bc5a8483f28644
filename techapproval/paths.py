r"""Where the app keeps its files: platformdirs, or everything under TECHAPPROVAL_HOME (tests, development).

The user's own folders, with platformdirs' `appauthor=False` (no company folder above the app's) and not
roaming: on Linux ~/.local/share/techapproval (logs in ~/.local/state/techapproval/log), on Windows
%LOCALAPPDATA%\techapproval (logs in its Logs folder), on macOS ~/Library/Application Support/techapproval (logs
in ~/Library/Logs/techapproval). tests/test_platform_paths.py checks the Windows and macOS layouts."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "techapproval"
HOME_ENV = "TECHAPPROVAL_HOME"
DATABASE_ENV = "TECHAPPROVAL_DATABASE_URL"


def _home() -> Path | None:
    home = os.environ.get(HOME_ENV)
    return Path(home) if home else None


def data_dir() -> Path:
    home = _home()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP, appauthor=False))


def log_dir() -> Path:
    home = _home()
    return home / "logs" if home else Path(platformdirs.user_log_dir(APP, appauthor=False))


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'techapproval.db'}"


def database_url(cli_value: str | None = None) -> str:
    """--database wins, then TECHAPPROVAL_DATABASE_URL, then the file in the user's data folder."""
    return cli_value or os.environ.get(DATABASE_ENV) or default_database_url()


def owner_only_modes() -> bool:
    """Whether file modes can keep the app's files to their owner (folders 0700, files 0600): POSIX systems.
    On Windows a mode sets only the read-only flag; what keeps the files private there is the access control
    list each inherits from its folder, for the data folder the user profile's (%LOCALAPPDATA%), open only to
    the user, SYSTEM and the administrators (docs/SECURITY.md)."""
    return os.name == "posix"


def private_folder(folder: Path) -> Path:
    """`folder`, created if need be (with its parents) for its owner only: mode 0700, tightened when it was
    looser. Where modes mean nothing (Windows) it is left with the access it inherits from its parent."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if owner_only_modes() and folder.stat().st_mode & 0o077:
        os.chmod(folder, 0o700)
    return folder


def resources_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "resources"
