"""The app's folders and private files under Windows' and macOS' layouts, simulated on this machine:
platformdirs' own Windows and macOS rules (folders from the environment, as on those systems), and a system
where file modes mean nothing."""

from __future__ import annotations

import stat
from pathlib import PurePosixPath, PureWindowsPath

import platformdirs
import platformdirs.macos
import platformdirs.windows
import pytest
from sqlalchemy.engine import make_url

from techapproval import paths
from techapproval.db.database import sqlite_path
from techapproval.domain.validation import RequestForm
from techapproval.gui.recovery import DraftStore


@pytest.fixture
def windows(monkeypatch):
    """platformdirs as on Windows, with Ana's profile: the folders come from the Known Folders there, from
    platformdirs' override variables here."""
    monkeypatch.delenv(paths.HOME_ENV, raising=False)
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", r"C:\Users\Ana\AppData\Local")
    monkeypatch.setenv("WIN_PD_OVERRIDE_APPDATA", r"C:\Users\Ana\AppData\Roaming")  # never used: not roaming


@pytest.fixture
def macos(monkeypatch):
    monkeypatch.delenv(paths.HOME_ENV, raising=False)
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.macos.MacOS)
    monkeypatch.setenv("HOME", "/Users/ana")


def windows_path(path) -> PureWindowsPath:
    return PureWindowsPath(str(path).replace("/", "\\"))  # this machine joins with "/", Windows with "\"


def test_on_windows_the_data_stays_in_the_local_profile_without_a_company_folder(windows):
    local = PureWindowsPath(r"C:\Users\Ana\AppData\Local")
    assert windows_path(paths.data_dir()) == local / "techapproval"
    assert windows_path(paths.log_dir()) == local / "techapproval" / "Logs"


def test_a_windows_database_path_survives_the_database_url():
    database = PureWindowsPath(r"C:\Users\Ana\AppData\Local\techapproval\techapproval.db")
    url = make_url(f"sqlite:///{database}")  # how default_database_url writes it there
    assert url.database == str(database)
    assert windows_path(sqlite_path(url)) == database


def test_the_default_database_on_windows_is_in_the_data_folder(windows):
    url = make_url(paths.default_database_url())
    assert windows_path(url.database) == PureWindowsPath(r"C:\Users\Ana\AppData\Local\techapproval\techapproval.db")


def test_on_macos_the_data_is_in_application_support_and_the_logs_in_library_logs(macos):
    assert PurePosixPath(paths.data_dir()) == PurePosixPath("/Users/ana/Library/Application Support/techapproval")
    assert PurePosixPath(paths.log_dir()) == PurePosixPath("/Users/ana/Library/Logs/techapproval")


def test_where_modes_mean_nothing_a_private_folder_keeps_the_access_it_inherits(monkeypatch, tmp_path):
    # Windows: no chmod to 0700 (it would only set or clear the read-only flag); the folder keeps its parent's
    # access control list, for the data folder the user profile's.
    monkeypatch.setattr(paths, "owner_only_modes", lambda: False)
    folder = tmp_path / "data" / "drafts"
    folder.mkdir(parents=True)
    folder.chmod(0o755)
    journal = DraftStore(folder, "sqlite:/data/techapproval.db", 7).journal(None)
    journal.write(RequestForm(resource_name="Padlet"))
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert journal.read().form.resource_name == "Padlet"  # written and read back all the same


def test_where_modes_protect_a_private_folder_is_made_the_owners_only(monkeypatch, tmp_path):
    if not paths.owner_only_modes():
        pytest.skip("POSIX file modes")
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o755)
    assert paths.private_folder(folder) == folder
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(paths.private_folder(tmp_path / "new" / "folder").stat().st_mode) == 0o700
