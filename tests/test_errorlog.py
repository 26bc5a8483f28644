"""The error log: one rotating, private file in the log folder, data-free, set up once for app and CLI."""

from __future__ import annotations

import logging
import os
import stat

import pytest

from techapproval import errorlog
from techapproval.__main__ import main
from techapproval.paths import log_dir


def fail(message: str):
    try:
        raise LookupError(message)
    except LookupError as exc:
        return exc


def log_files() -> list:
    return sorted(p for p in log_dir().iterdir()) if log_dir().exists() else []


def test_start_up_creates_no_file_until_something_goes_wrong(url, capsys):
    assert main(["--database", url, "verify-audit"]) == 0
    assert log_files() == []


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_the_log_and_its_rotated_files_are_private_whatever_the_umask(monkeypatch):
    monkeypatch.setattr(errorlog, "MAX_LOG_BYTES", 2_000)
    old = os.umask(0o002)
    try:
        for n in range(100):
            exc = fail(f"case {n}")
            assert errorlog.log_unexpected(type(exc), exc.__traceback__, exc) == log_dir() / "errors.log"
    finally:
        os.umask(old)
    files = log_files()
    assert [p.name for p in files] == ["errors.log"] + [f"errors.log.{i}" for i in range(1, 6)]  # 5 kept
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files)
    assert all(p.stat().st_size <= 2_000 for p in files)
    assert "case " not in "".join(p.read_text(encoding="utf-8") for p in files)


def test_setup_is_once_per_log_folder(tmp_path, monkeypatch):
    def ours():
        return [h for h in logging.getLogger(errorlog.LOGGER).handlers if isinstance(h, logging.FileHandler)]

    errorlog.setup()
    errorlog.setup()
    assert len(ours()) == 1
    monkeypatch.setenv("TECHAPPROVAL_HOME", str(tmp_path / "elsewhere"))
    assert errorlog.setup() == tmp_path / "elsewhere" / "logs" / "errors.log"
    [handler] = ours()
    assert handler.baseFilename == str(tmp_path / "elsewhere" / "logs" / "errors.log")


def test_logging_with_exc_info_is_data_free_too():
    errorlog.setup()
    log_dir().mkdir(parents=True)
    exc = fail("Nguyễn Thị Ánh")
    logging.getLogger(errorlog.LOGGER).error("a note", exc_info=exc)
    text = (log_dir() / "errors.log").read_text(encoding="utf-8")
    assert "a note" in text and "builtins.LookupError" in text and "test_errorlog.py:" in text
    assert "Nguy" not in text


def test_a_log_that_cannot_be_written_is_reported_as_none(isolated_home, capsys):
    isolated_home.mkdir(parents=True)
    (isolated_home / "logs").write_text("a file where the folder should be")
    exc = fail("x")
    assert errorlog.log_unexpected(type(exc), exc.__traceback__, exc) is None
    assert "Traceback" not in capsys.readouterr().err


@pytest.fixture
def url(tmp_path):
    from techapproval.db.database import open_database

    url = f"sqlite:///{tmp_path / 'e.db'}"
    open_database(url).dispose()
    return url
