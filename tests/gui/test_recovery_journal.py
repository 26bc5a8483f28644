"""The recovery journal on its own, without Qt or a database: what it writes, where, for whom, and when it goes."""

from __future__ import annotations

import json
import os
import re
import stat
import time
from dataclasses import fields

import pytest
from sqlalchemy.engine import make_url

from techapproval.domain.enums import Answer, Grade, InfoCategory
from techapproval.domain.validation import RequestForm
from techapproval.gui import recovery
from techapproval.gui.recovery import DraftStore, database_key
from tests.helpers import complete_form

SQLITE = "sqlite:/data/techapproval.db"
SERVER = "postgresql://db.district.example:5432/techapproval"
NAME = re.compile(r"[0-9a-f]{32}-(\d+|new-[0-9a-f]{16})\.json")


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "data" / "drafts"


def test_a_journal_is_private_and_holds_the_form_and_nothing_else(folder):
    form = complete_form(resource_name="Nguyễn's Kahoot!", planned_use="Line one\nline two \u2014 \u00e9",
                         grades=[Grade.K, Grade.G12], information_shared=[InfoCategory.NONE],
                         app_requires_parental_permission=None)
    journal = DraftStore(folder, SQLITE, 7).journal(12)
    journal.write(form)

    if os.name == "posix":
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert stat.S_IMODE(journal.path.stat().st_mode) == 0o600
    content = json.loads(journal.path.read_text(encoding="utf-8"))
    assert set(content) == {"version", "owner", "request_id", "token", "saved_at", "form"}
    assert set(content["form"]) == {f.name for f in fields(RequestForm)}
    assert content["request_id"] == 12 and content["token"] is None
    assert journal.read().form == form  # every field back as it was typed, enums included


def test_a_folder_others_could_read_is_made_private(folder):
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    folder.mkdir(parents=True)
    folder.chmod(0o755)
    DraftStore(folder, SQLITE, 7).journal(None).write(RequestForm(resource_name="Padlet"))
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_file_names_tell_nothing_about_the_person_or_the_database(folder, tmp_path):
    database = database_key(make_url(f"sqlite:///{tmp_path / 'anh.nguyen' / 'techapproval.db'}"))
    store = DraftStore(folder, database, 3)
    store.journal(None).write(RequestForm(resource_name="Padlet"))
    store.journal(41).write(RequestForm(resource_name="Canva"))
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 2 and all(NAME.fullmatch(n) for n in names), names
    assert not any("anh" in n or "nguyen" in n for n in names)


def test_each_write_replaces_the_whole_file_and_a_failed_write_leaves_the_last_copy(folder, monkeypatch):
    journal = DraftStore(folder, SQLITE, 7).journal(5)
    journal.write(RequestForm(resource_name="First"))
    journal.write(RequestForm(resource_name="Second"))
    assert journal.read().form.resource_name == "Second"

    def power_cut(_src, _dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(recovery.os, "replace", power_cut)
    with pytest.raises(OSError):
        journal.write(RequestForm(resource_name="Third"))
    monkeypatch.undo()
    assert journal.read().form.resource_name == "Second"
    assert [p.name for p in folder.iterdir()] == [journal.path.name]  # no temporary file left behind


def test_journals_are_kept_per_database_and_per_person(folder):
    DraftStore(folder, SQLITE, 7).journal(5).write(RequestForm(resource_name="Mine"))
    DraftStore(folder, SQLITE, 8).journal(5).write(RequestForm(resource_name="A colleague's"))
    DraftStore(folder, SERVER, 7).journal(5).write(RequestForm(resource_name="Another database"))

    assert [r.form.resource_name for r in DraftStore(folder, SQLITE, 7).pending()] == ["Mine"]
    assert [r.form.resource_name for r in DraftStore(folder, SQLITE, 8).pending()] == ["A colleague's"]
    assert [r.form.resource_name for r in DraftStore(folder, SERVER, 7).pending()] == ["Another database"]
    assert DraftStore(folder, SERVER, 8).pending() == []


def test_the_same_database_is_recognised_whatever_the_address(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert database_key(make_url("sqlite:///techapproval.db")) == \
        database_key(make_url(f"sqlite:///{tmp_path / 'x' / '..' / 'techapproval.db'}"))
    server = "postgresql+psycopg://{}@db.district.example:5432/techapproval?sslmode=verify-full"
    key = database_key(make_url(server.format("techapproval_app:secret")))
    assert key == database_key(make_url(server.format("someone_else")))
    assert "secret" not in key and "techapproval_app" not in key
    assert key != database_key(make_url("postgresql+psycopg://db.district.example:5432/training"))
    assert key != database_key(make_url("postgresql+psycopg://db.other.example:5432/techapproval"))


def test_a_saved_journal_goes_and_a_new_draft_is_known_by_its_number_from_then_on(folder):
    store = DraftStore(folder, SQLITE, 7)
    journal = store.journal(None)
    journal.write(RequestForm(resource_name="Padlet"))
    [found] = store.pending()
    assert found.request_id is None and found.token == journal.token

    journal.saved(31)  # the database made it request 31 and has what the window shows
    assert store.pending() == []
    journal.write(RequestForm(resource_name="Padlet", planned_use="Exit tickets"))
    [found] = store.pending()
    assert (found.request_id, found.token, found.form.planned_use) == (31, None, "Exit tickets")
    journal.remove()
    journal.remove()  # twice is fine
    assert store.pending() == []


def test_a_recovered_new_window_writes_to_the_same_journal(folder):
    store = DraftStore(folder, SQLITE, 7)
    first = store.journal(None)
    first.write(RequestForm(resource_name="Padlet"))
    [found] = store.pending()
    again = store.journal(None, found.token)
    assert again.path == first.path == found.path


def test_unreadable_files_are_skipped_and_left_alone(folder):
    store = DraftStore(folder, SQLITE, 7)
    good = store.journal(1)
    good.write(RequestForm(resource_name="Good"))
    folder.joinpath(f"{store.owner}-2.json").write_text("{ half a file", encoding="utf-8")
    bad_form = json.loads(good.path.read_text(encoding="utf-8"))
    bad_form["form"]["student_accounts"] = "maybe"
    folder.joinpath(f"{store.owner}-3.json").write_text(json.dumps(bad_form), encoding="utf-8")
    copied = json.loads(good.path.read_text(encoding="utf-8"))  # a colleague's file renamed to look like mine
    copied["owner"] = "0" * 32
    folder.joinpath(f"{store.owner}-4.json").write_text(json.dumps(copied), encoding="utf-8")

    assert [r.form.resource_name for r in store.pending()] == ["Good"]
    assert len(list(folder.iterdir())) == 4


def test_a_write_a_crash_cut_short_is_cleaned_up_later_but_not_one_in_progress(folder):
    store = DraftStore(folder, SQLITE, 7)
    store.journal(1).write(RequestForm(resource_name="Good"))
    old = folder / f".{store.owner}-1-abc.tmp"
    old.write_text("{", encoding="utf-8")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    fresh = folder / f".{store.owner}-2-def.tmp"
    fresh.write_text("{", encoding="utf-8")

    assert [r.form.resource_name for r in store.pending()] == ["Good"]
    assert not old.exists() and fresh.exists()


def test_blank_forms_and_the_text_shown_to_copy():
    assert recovery.is_blank(RequestForm(resource_name="  "))
    assert not recovery.is_blank(RequestForm(student_accounts=Answer.NO))
    text = recovery.as_text(complete_form(information_shared=[InfoCategory.FULL_NAME]))
    assert "Name of the resource:\nKahoot!" in text
    assert "Information shared:\nFirst and last name" in text
    assert "Students sign up for an account:\nNo" in text
    assert "Not used by students" not in text
