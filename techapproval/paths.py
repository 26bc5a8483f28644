"""Where the app keeps its files: platformdirs, or everything under TECHAPPROVAL_HOME (tests, development)."""

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


def resources_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "resources"
