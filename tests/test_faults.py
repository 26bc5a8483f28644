"""Database faults without the window: a full disk under the services and the command line, and the
command line on each kind of database it must refuse (tests/faults.py makes them). The refusals of
opening are in tests/migrations/test_migrations.py; the window's side in tests/gui/test_database_faults.py."""

from __future__ import annotations

import sqlite3

import pytest
import sqlalchemy
from sqlalchemy import func, select

from techapproval.__main__ import main
from techapproval.db import schema
from techapproval.db.database import DatabaseProblem, open_database
from techapproval.db.models import AuditEvent, Person, Request
from techapproval.gui.context import AppContext  # no Qt in it: the use-case runner every window uses
from techapproval.services import audit, people
from techapproval.services import requests as svc
from tests import faults
from tests.conftest import make_district
from tests.helpers import complete_form, submitted_request

LONG = "Students post exit tickets after each lesson. " * 200  # about 9,000 characters: new pages


@pytest.fixture(params=faults.DISKS)
def disk(request, tmp_path):
    with faults.full_disk(request.param, tmp_path) as disk:
        yield disk


def saved_state(db) -> dict:
    """Everything a request and the audit trail hold, to compare before and after."""
    with db.transaction() as s:
        requests = {r.id: (r.status, r.version, svc.form_values(svc.form_of(r))) for r in s.scalars(select(Request))}
        report = audit.verify_chain(s)
        return {"requests": requests, "events": report.events, "head": report.head_hash, "problem": report.problem}


def test_a_full_disk_refuses_a_save_plainly_keeps_everything_saved_and_saves_again_once_there_is_room(disk):
    db = open_database(disk.url)
    try:
        district = make_district(db)
        for n in range(3):
            submitted_request(district, resource_name=f"Tool {n}", resource_link=f"https://tool-{n}.example")
        with db.transaction() as s:
            teacher = people.get_person(s, district.teacher)
        ctx = AppContext(db, teacher)
        draft = ctx.call(svc.save_draft, None, complete_form(resource_name="Padlet", planned_use=""))
        before = saved_state(db)

        disk.fill()
        for request_id, name in ((draft, "Padlet"), (None, "Kahoot!")):  # the draft's next save, and a new one
            with pytest.raises(DatabaseProblem) as problem:
                ctx.call(svc.save_draft, request_id, complete_form(resource_name=name, planned_use=LONG))
            assert problem.value.title == "The disk is full"
            assert "Free some disk space" in problem.value.message and "nothing saved was lost" in problem.value.message
        assert saved_state(db) == before  # read while the disk is still full: people can still look things up

        disk.make_room()
        ctx.call(svc.save_draft, draft, complete_form(resource_name="Padlet", planned_use=LONG))
        after = saved_state(db)
        assert after["requests"][draft][2]["planned_use"] == LONG.strip()
        assert {rid: r for rid, r in after["requests"].items() if rid != draft} == {
            rid: r for rid, r in before["requests"].items() if rid != draft}
        assert after["problem"] is None
    finally:
        db.dispose()
    conn = sqlite3.connect(disk.path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()


def test_the_command_line_on_a_full_disk_says_so_adds_nothing_and_works_once_there_is_room(disk, capsys):
    faults.migrated(disk.path)  # an empty database: seed-demo would fill it
    disk.fill()
    assert main(["--database", disk.url, "seed-demo"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("techapproval: The disk is full:") and "Free some disk space" in err
    assert not any(word in err for word in faults.NOT_FOR_PEOPLE), err
    assert err.count("\n") == 1

    disk.make_room()
    db = open_database(disk.url)
    try:
        with db.transaction() as s:  # seed-demo is one transaction: nothing of it stayed
            assert s.scalar(select(func.count()).select_from(Person)) == 0
            assert s.scalar(select(func.count()).select_from(AuditEvent)) == 0
    finally:
        db.dispose()
    assert main(["--database", disk.url, "seed-demo"]) == 0
    assert "Added the demo district" in capsys.readouterr().out


def test_an_upgrade_on_a_full_disk_changes_nothing_and_says_why(disk):
    """No room to open the file, to copy it before the upgrade, or for the upgrade itself: plain words,
    the file as it was, no half copy left behind. With room, the upgrade goes through."""
    engine = sqlalchemy.create_engine(disk.url)
    schema.upgrade(engine, schema.REVISIONS[0])
    engine.dispose()
    conn = sqlite3.connect(disk.path)
    conn.execute("PRAGMA journal_mode = WAL")  # as every version of the app leaves its file
    conn.close()
    # On the real disk: no room at all, then room to open the file but not for the copy (which needs its size).
    for room in (0, 64 * 1024):
        disk.fill(leave=room)
        before = faults.fingerprint(disk.path)
        copies_before = set(disk.path.parent.glob("test.before-*"))
        with pytest.raises(DatabaseProblem) as problem:
            open_database(disk.url)
        message = f"{problem.value.title}: {problem.value.message}"
        assert "disk is full" in message.lower() and "Free some disk space" in message, message
        assert not any(word in message for word in faults.NOT_FOR_PEOPLE), message
        assert faults.fingerprint(disk.path) == before
        for copy in set(disk.path.parent.glob("test.before-*")) - copies_before:
            # Only where the copy fitted (and the upgrade did not): whole, and named in the message.
            assert str(copy) in problem.value.message
            conn = sqlite3.connect(copy)
            assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(schema.REVISIONS[0],)]
            conn.close()

    disk.make_room()
    open_database(disk.url).dispose()
    conn = sqlite3.connect(disk.path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(schema.HEAD,)]
    conn.close()


# --- the command line on a database it must refuse ----------------------------------------------------
# "not a database" and "newer" are in tests/test_cli.py already.

@pytest.mark.parametrize("case", ["truncated", "damaged inside", "read-only", "locked", "full disk"])
def test_the_command_line_refuses_a_broken_database_plainly_and_leaves_it_as_it_was(case, tmp_path, monkeypatch,
                                                                                    capsys):
    title, advice = faults.ADVICE[case]
    with faults.broken(case, tmp_path, monkeypatch) as path:
        before = faults.fingerprint(path)
        siblings = {p.name for p in path.parent.iterdir()}
        assert main(["--database", f"sqlite:///{path}", "verify-audit"]) == 1
        assert faults.fingerprint(path) == before
        new = {p.name for p in path.parent.iterdir()} - siblings
        assert new <= {f"{path.name}-wal", f"{path.name}-shm"}, new  # SQLite's own, never a copy or a new file
    err = capsys.readouterr().err
    assert err.startswith(f"techapproval: {title}:") and advice in err, err
    assert not any(word in err for word in faults.NOT_FOR_PEOPLE), err
