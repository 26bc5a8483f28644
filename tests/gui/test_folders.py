"""File dialogs open in the person's Documents folder, then in the folder they last chose in this run, never in
the app's working folder (techapproval/gui/folders.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

import techapproval.gui
from techapproval.domain.enums import Decision, Permission
from techapproval.gui import folders
from techapproval.gui.dialogs.request_window import RequestWindow
from techapproval.services import requests as svc
from tests.gui.conftest import click
from tests.helpers import submitted_request


@pytest.fixture
def documents(tmp_path, monkeypatch) -> Path:
    """A home folder with a Documents folder, and no folder remembered from another test; the app runs from
    a folder of its own, as an installed one does."""
    home = tmp_path / "person"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # no user-dirs.dirs: Documents is ~/Documents
    monkeypatch.setattr(folders, "_last", None)
    installed = tmp_path / "Program Files"
    installed.mkdir()
    monkeypatch.chdir(installed)
    return home / "Documents"


def test_saving_a_decision_as_pdf_starts_in_documents_then_in_the_folder_last_chosen(
        qtbot, signed_in, district, documents, tmp_path, monkeypatch):
    rid = submitted_request(district, resource_name="Padlet", resource_link="https://padlet.com")
    with district.db.transaction() as s:
        svc.decide_request(s, district.reviewer, rid, Decision.APPROVED, Permission.NONE_REQUIRED)
    elsewhere = tmp_path / "shared drive" / "decisions"
    elsewhere.mkdir(parents=True)
    started_in = []

    def dialog(parent, title, start, file_filter, *args, **kwargs):
        started_in.append(Path(start))
        return str(elsewhere / "padlet.pdf"), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    window = RequestWindow(signed_in(district.reviewer), rid)
    qtbot.addWidget(window)
    window.show()
    click(qtbot, window, "Save as PDF")
    assert started_in[0].parent == documents  # with the suggested name, not in the working folder
    assert started_in[0].name.endswith(".pdf") and (elsewhere / "padlet.pdf").is_file()
    click(qtbot, window, "Save as PDF")
    assert started_in[1].parent == elsewhere  # where the person saved last


def test_without_a_documents_folder_the_home_folder(documents, monkeypatch):
    documents.rmdir()
    assert folders.start_folder() == documents.parent


def test_every_file_dialog_goes_through_the_start_folder():
    """No module of the GUI but folders.py asks QFileDialog itself (its own start folder would be the working
    folder)."""
    root = Path(techapproval.gui.__path__[0])
    asking = []
    for path in root.rglob("*.py"):
        if path.name == "folders.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in {"getSaveFileName", "getOpenFileName",
                                                                 "getExistingDirectory", "getOpenFileNames"}:
                asking.append(f"{path.relative_to(root)}:{node.lineno}")
    assert not asking, asking
