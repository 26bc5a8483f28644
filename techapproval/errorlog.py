"""The error log for district IT: where an unexpected error happened, never the data it was about.

The exception's message is left out on purpose: database errors quote the values they failed on, and
those may be a teacher's or a student's details. Only the exception's type (and the types of the
exceptions that caused it), the versions, the platform and the file:line of each frame are written.

The log goes through `logging` into a rotating, private (0600) file in the log folder
(`paths.log_dir()`): `setup()` runs once at start-up, for the app and the command line alike.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from .paths import log_dir

LOG_NAME = "errors.log"
MAX_LOG_BYTES = 1024 * 1024  # then errors.log.1 ... errors.log.5, the oldest dropped
LOG_BACKUPS = 5
LOGGER = "techapproval"

_logger = logging.getLogger(LOGGER)


class _PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose files are created readable by their owner only, like the database."""

    failed = False

    def _open(self):
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)  # the handler closes it

    def handleError(self, record: logging.LogRecord) -> None:
        self.failed = True  # a log that cannot be written is reported by log_unexpected, not as a traceback


class _DataFreeFormatter(logging.Formatter):
    """Should anyone log with exc_info, the traceback is written data-free, like describe()."""

    def format(self, record: logging.LogRecord) -> str:
        cached, record.exc_text = record.exc_text, None  # another handler's full traceback is not reused
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei) -> str:
        return describe(ei[0], ei[2], ei[1]).rstrip("\n")


def _handler() -> _PrivateRotatingFileHandler | None:
    return next((h for h in _logger.handlers if isinstance(h, _PrivateRotatingFileHandler)), None)


def setup() -> Path:
    """Send the app's log to errors.log in the log folder; once, or again when the folder changed
    (TECHAPPROVAL_HOME in tests). The file is created when the first error is written, not before."""
    path = log_dir() / LOG_NAME
    current = _handler()
    if current is not None and Path(current.baseFilename) == path.absolute():
        return path
    if current is not None:
        _logger.removeHandler(current)
        current.close()
    handler = _PrivateRotatingFileHandler(path, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS,
                                          encoding="utf-8", delay=True)
    handler.setFormatter(_DataFreeFormatter("%(asctime)s %(levelname)s %(message)s"))
    _logger.addHandler(handler)
    _logger.setLevel(logging.INFO)
    _logger.propagate = False  # nothing else (a library's root handler) gets our records
    return path


def _short(filename: str) -> str:
    """A frame's file without the folders above the app or the Python installation, which may name
    the person's account (C:\\Users\\anh.nguyen\\...)."""
    path = Path(filename)
    parts = path.parts
    for marker in ("site-packages", "dist-packages"):
        if marker in parts:
            return "/".join(parts[len(parts) - parts[::-1].index(marker):])
    roots = [Path(__file__).resolve().parent.parent, Path(sys.base_prefix), Path(sys.prefix)]
    for root in roots:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except (ValueError, OSError):
            continue
    return path.name


def environment(qt_version: str | None = None) -> str:
    from . import __version__  # the package's metadata, read when an error is written: not at start

    qt = f", Qt {qt_version}" if qt_version else ""
    return f"techapproval {__version__}, Python {platform.python_version()}{qt}, {platform.platform(terse=True)}"


def _cause(exc: BaseException | None) -> BaseException | None:
    if exc is None:
        return None
    return exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)


def describe(exc_type, tb, exc: BaseException | None = None, qt_version: str | None = None) -> str:
    """The data-free details: the exception's type and its causes' types, the versions, and the
    file:line of each frame. Never the message, never a local value."""
    lines = [f"{exc_type.__module__}.{exc_type.__qualname__}"]
    seen: set[int] = set()
    cause = _cause(exc)
    while cause is not None and id(cause) not in seen:  # e.g. the driver's error under SQLAlchemy's
        seen.add(id(cause))
        lines.append(f"  caused by {type(cause).__module__}.{type(cause).__qualname__}")
        cause = _cause(cause)
    lines.append(f"  {environment(qt_version)}")
    lines.extend(f"  {_short(f.filename)}:{f.lineno} in {f.name}" for f in traceback.extract_tb(tb))
    return "\n".join(lines) + "\n"


def log_unexpected(exc_type, tb, exc: BaseException | None = None, qt_version: str | None = None) -> Path | None:
    """Write the data-free details to the log; its path, or None when the log cannot be written."""
    path = setup()
    handler = _handler()
    handler.failed = False
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    _logger.error("Unexpected %s", describe(exc_type, tb, exc, qt_version).rstrip("\n"))
    return None if handler.failed else path
