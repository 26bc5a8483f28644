"""Operations: use cases run on the worker thread, in order, with answers and change sets back on the UI thread;
a database that is slow (another connection holds its lock) leaves the window answering."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from sqlalchemy.engine import make_url

from techapproval.domain.changes import Kind
from techapproval.gui.operations import Operation, Operations
from techapproval.services import requests as svc
from techapproval.services.errors import NotAllowed
from tests.gui.conftest import find, open_main
from tests.helpers import complete_form, submitted_request

WAIT_MS = 10_000


def where(_session, _actor_id, tag: str) -> tuple[str, int]:
    return tag, threading.get_ident()


def test_use_cases_run_off_the_ui_thread_one_at_a_time_in_order(qtbot, signed_in, district):
    ctx = signed_in(district.teacher)
    parent = QWidget()
    qtbot.addWidget(parent)
    answers: list[tuple[str, int, int]] = []
    for tag in "abcde":
        Operation(parent, ctx, where, tag).success(
            lambda value: answers.append((*value, threading.get_ident()))).run()
    assert answers == []  # nothing answered yet: the UI thread did not wait for them
    qtbot.waitUntil(lambda: len(answers) == 5, timeout=WAIT_MS)
    assert [tag for tag, _, _ in answers] == list("abcde")
    ui = threading.get_ident()
    assert all(worker != ui for _, worker, _ in answers)  # run on the worker thread
    assert all(back == ui for _, _, back in answers)  # answered on the UI thread


def test_a_write_hands_its_change_set_to_listeners_and_disables_its_controls_meanwhile(qtbot, signed_in, district):
    ctx = signed_in(district.teacher)
    parent = QWidget()
    qtbot.addWidget(parent)
    button = QPushButton("Save", parent)
    heard, saved = [], []
    ctx.on_changes(heard.append)
    op = Operation(parent, ctx, svc.save_draft, None, complete_form(resource_name="Padlet")).busy(button)
    op.success(saved.append).run()
    assert not button.isEnabled()  # a second, impatient click does nothing
    qtbot.waitUntil(lambda: bool(saved), timeout=WAIT_MS)
    assert button.isEnabled()
    [changes] = heard
    assert changes.kinds == {Kind.REQUESTS}
    assert changes.ids_of(Kind.REQUESTS) == {saved[0]}  # the id of the request it wrote, from the session
    created = set(ctx.own_events)  # the draft's creation is audited

    Operation(parent, ctx, svc.submit_request, saved[0]).success(saved.append).run()
    qtbot.waitUntil(lambda: len(saved) == 2, timeout=WAIT_MS)
    assert heard[1].ids_of(Kind.REQUESTS) == {saved[0]}
    assert ctx.own_events > created  # its audit event is this desk's own: the look for others' changes leaves it out


def test_a_refusal_reaches_the_failure_callback_and_changes_nothing(qtbot, signed_in, district):
    ctx = signed_in(district.teacher)
    parent = QWidget()
    qtbot.addWidget(parent)
    rid = submitted_request(district)
    heard, failed = [], []
    ctx.on_changes(heard.append)
    Operation(parent, ctx, svc.return_request, rid, "Which grades?").failure(failed.append).run()
    qtbot.waitUntil(lambda: bool(failed), timeout=WAIT_MS)
    assert isinstance(failed[0], NotAllowed) and heard == []


def test_a_newer_read_with_the_same_key_replaces_an_older_one(qtbot, signed_in, district):
    ctx = signed_in(district.teacher)
    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[str] = []

    def slow(_session, _actor, tag):
        time.sleep(0.05)
        return tag

    for tag in ("p", "pa", "pad", "padl"):  # a search as the person types
        Operation(parent, ctx, slow, tag).latest("search").success(shown.append).run()
    assert Operations.instance().wait_idle(WAIT_MS)
    assert shown[-1] == "padl" and len(shown) < 4  # the last typed wins; older ones not yet run are dropped


def test_an_answer_for_a_closed_window_is_dropped_but_its_changes_still_count(qtbot, signed_in, district):
    ctx = signed_in(district.teacher)
    parent = QWidget()
    heard, answered = [], []
    ctx.on_changes(heard.append)
    Operation(parent, ctx, svc.save_draft, None, complete_form(resource_name="Kahoot")).success(answered.append).run()
    parent.deleteLater()
    qtbot.wait(1)
    assert Operations.instance().wait_idle(WAIT_MS)
    assert answered == [] and len(heard) == 1


@pytest.fixture
def lock_held_elsewhere(db_url):
    """A callable that makes another program hold what save_draft must write to, until it is called back:
    SQLite's whole-file write lock, or on PostgreSQL an exclusive lock on the request table."""
    if db_url.startswith("sqlite:///"):
        other = sqlite3.connect(db_url.removeprefix("sqlite:///"), timeout=0)

        def hold():
            other.execute("BEGIN EXCLUSIVE")
            return lambda: (other.rollback(), other.close())
    else:
        import psycopg

        other = psycopg.connect(make_url(db_url).set(drivername="postgresql").render_as_string(hide_password=False))

        def hold():
            other.execute("LOCK TABLE request IN ACCESS EXCLUSIVE MODE")
            return lambda: (other.rollback(), other.close())
    return hold


def test_a_database_locked_by_another_program_leaves_the_window_answering(qtbot, signed_in, district,
                                                                       lock_held_elsewhere):
    """Another connection holds the write lock for two seconds: the write waits for it on the worker thread,
    while a timer on the UI thread keeps firing (its longest gap stays short) and the window says it is busy."""
    ctx = signed_in(district.teacher)
    window = open_main(qtbot, ctx)
    busy = find(window, "Working", QLabel)
    assert not busy.isVisible()

    gaps, clock = [], QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick():
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    probe = QTimer(interval=10)
    probe.timeout.connect(tick)

    release = lock_held_elsewhere()  # another program holds the database
    saved = []
    try:
        probe.start()
        Operation(window, ctx, svc.save_draft, None, complete_form(resource_name="Padlet")).success(saved.append).run()
        qtbot.waitUntil(busy.isVisible, timeout=WAIT_MS)  # said in words, not by the pointer alone
        assert busy.text() == "\u23f3 Working\u2026"
        gaps.clear()
        qtbot.wait(1500)
        assert saved == []  # still waiting for the lock
    finally:
        release()
    qtbot.waitUntil(lambda: bool(saved), timeout=WAIT_MS)
    probe.stop()
    assert len(gaps) > 50 and max(gaps) < 250  # the UI thread kept answering all along (loose: a busy CI host)
    qtbot.waitUntil(lambda: not busy.isVisible(), timeout=WAIT_MS)
