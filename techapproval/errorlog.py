"""The error log for district IT: where an unexpected error happened, never the data it was about.

The exception's message is left out on purpose: database errors quote the values they failed on, and
those may be a teacher's or a student's details."""

from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path

from .paths import log_dir


def describe(exc_type, tb) -> str:
    frames = traceback.extract_tb(tb)
    where = "".join(f"  {f.filename}:{f.lineno} in {f.name}\n" for f in frames)
    return f"{datetime.now().isoformat(timespec='seconds')} {exc_type.__module__}.{exc_type.__qualname__}\n{where}"


def log_unexpected(exc_type, tb) -> Path | None:
    """Append to errors.log; the path, or None when the log cannot be written."""
    path = log_dir() / "errors.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(describe(exc_type, tb))
    except OSError:
        return None
    return path
