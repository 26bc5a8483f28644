"""Start-up turns Python's cyclic garbage collector off while it loads the app (its passes over the
modules, mappers and widgets being made are wasted work) and always turns it on again: a command runs with
it on, and the window's first paint turns it on."""

from __future__ import annotations

import gc

import pytest

import techapproval.__main__ as entry
from techapproval import cli
from techapproval.gui import app as gui_app


@pytest.fixture(autouse=True)
def collector_on_afterwards():
    yield
    assert gc.isenabled()
    gc.enable()


def test_the_window_starts_with_the_collector_off_and_it_is_on_once_main_returns(monkeypatch):
    seen = []
    monkeypatch.setattr(gui_app, "run_gui", lambda database: seen.append(gc.isenabled()) or 0)
    assert entry.main(["--database", "sqlite://"]) == 0
    assert seen == [False]


def test_a_failing_start_still_turns_the_collector_on(monkeypatch):
    def broken(_database):
        raise RuntimeError("start failed")

    monkeypatch.setattr(gui_app, "run_gui", broken)
    with pytest.raises(RuntimeError):
        entry.main([])


def test_a_command_runs_with_the_collector_on(monkeypatch):
    seen = []
    monkeypatch.setattr(cli, "run", lambda args: seen.append(gc.isenabled()) or 0)
    assert entry.main(["--database", "sqlite://", "verify-audit"]) == 0
    assert seen == [True]


def test_the_first_paint_freezes_what_start_up_made_and_turns_the_collector_on(qapp):
    gc.disable()
    gui_app.collect_from_now()
    assert gc.isenabled() and gc.get_freeze_count() > 0
    gc.unfreeze()
