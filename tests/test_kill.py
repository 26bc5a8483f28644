"""SIGKILL in the middle of a stream of work, again and again on the same database.

A desk (tests/kill_worker.py) drafts, submits, returns, answers, decides and withdraws requests
through the services and reports each transaction once it has committed. The test kills it at a
random moment (seeded), reopens the database with the app's code and checks: the file is sound;
every action reported as saved is there; nothing is half done; the audit chain holds. Damage would
add up over the rounds, since each round carries on from the last one's database.

On the SQLite file by default, on the test's PostgreSQL database when TECHAPPROVAL_TEST_DATABASE_URL is
set (the server rolls back the killed connection's open transaction).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from sqlalchemy import func, select, text

from techapproval.db.database import open_database
from techapproval.db.models import AuditEvent, AuditHead, CatalogResource, Message, Request
from techapproval.services import audit
from tests.conftest import make_district

ROUNDS = 15
ROOT = Path(__file__).resolve().parent.parent
# What each action leaves: the status it moves the request to.
STATUS_AFTER = {"draft_started": "draft", "submit": "submitted", "withdraw": "withdrawn", "return": "returned",
                "resubmit": "resubmitted", "approve": "approved", "not_approve": "not_approved"}


class Desk:
    """The worker process; each round() forks a child that works until it is killed."""

    def __init__(self, url: str, requester: int, reviewer: int):
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.kill_worker", url, str(requester), str(reviewer)],
            cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1,
        )
        self.child: int | None = None  # a child not yet reported ended (so its pid is not anyone else's)

    def line(self, round_: int) -> tuple[str, str]:
        line = self.process.stdout.readline()
        assert line, f"the desk stopped: exit status {self.process.wait()}"
        number, what, rest = (line.rstrip("\n").split(" ", 2) + [""])[:3]
        assert int(number) == round_, line
        assert what not in ("error", "refused"), rest.replace(" | ", "\n")
        return what, rest

    def round(self, round_: int, rng: random.Random) -> list[tuple[str, int]]:
        """One child, killed at a random moment: the actions it reported as committed."""
        self.process.stdin.write(f"{round_} {rng.randrange(2**32)}\n")
        self.process.stdin.flush()
        what, pid = self.line(round_)
        assert what == "pid"
        self.child = int(pid)
        saved: list[tuple[str, int]] = []
        if rng.random() < 0.2:  # while it opens the database (and recovers the last round's kill)
            time.sleep(rng.uniform(0, 0.03))
        else:
            what, _ = self.line(round_)
            assert what == "ready"
            time.sleep(rng.uniform(0.01, 0.25))
        os.kill(self.child, signal.SIGKILL)
        while True:
            what, rest = self.line(round_)
            if what == "ended":
                self.child = None
                status = int(rest)
                assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
                return saved
            if what in STATUS_AFTER:
                saved.append((what, int(rest)))

    def close(self) -> None:
        if self.child is not None:  # a failed round: its child would otherwise work on for a while
            os.kill(self.child, signal.SIGKILL)
        self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def test_killed_mid_work_again_and_again_loses_nothing_saved_and_leaves_nothing_half_done(db_url):
    db = open_database(db_url)
    district = make_district(db)
    db.dispose()  # the desk is the only one writing
    rng = random.Random(3520)
    desk = Desk(db_url, district.teacher, district.reviewer)
    reported: dict[int, list[str]] = defaultdict(list)  # per request, the actions reported saved, in order
    try:
        for round_ in range(ROUNDS):
            for action, rid in desk.round(round_, rng):
                reported[rid].append(action)
            check(db_url, reported, round_ + 1)
    finally:
        desk.close()
    assert sum(map(len, reported.values())) >= ROUNDS  # the desk did work between kills
    assert {"submit", "approve", "not_approve"} <= {a for actions in reported.values() for a in actions}


def check(url: str, reported: dict[int, list[str]], rounds: int) -> None:
    db = open_database(url)  # the app's own way in: recovery of the killed connection's work happens here
    try:
        with db.transaction() as s:
            if db.engine.dialect.name == "sqlite":
                assert s.execute(text("PRAGMA integrity_check")).scalars().all() == ["ok"]
                assert s.execute(text("PRAGMA foreign_key_check")).all() == []

            requests = {r.id: r for r in s.scalars(select(Request))}
            events = s.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
            request_events: dict[int, list[AuditEvent]] = defaultdict(list)
            for e in events:
                if e.entity == "request":
                    request_events[e.entity_id].append(e)
            messages = Counter((m.request_id, m.kind) for m in s.scalars(select(Message)))
            catalog = {c.id: c for c in s.scalars(select(CatalogResource))}

            # No audit event without its change, no change without its audit event.
            assert set(request_events) == set(requests)
            assert set(reported) <= set(requests)  # no request reported saved is missing
            unreported = 0
            for rid, r in requests.items():
                actions = [e.action for e in request_events[rid]]
                assert actions[0] == "draft started", (rid, actions)
                status = "draft"
                for e in request_events[rid][1:]:
                    assert e.changes["status"] == [status, STATUS_AFTER[e.action]], (rid, actions)
                    status = STATUS_AFTER[e.action]
                assert r.status == status, (rid, actions)
                # Every action reported as saved is there, in the order it was made.
                named = ["draft_started" if a == "draft started" else a for a in actions]
                remaining = iter(named)
                assert all(a in remaining for a in reported.get(rid, [])), (rid, reported.get(rid), named)
                unreported += len(named) - len(reported.get(rid, []))

                never_sent = "submit" not in named
                assert (r.submitted_at is None, r.submitted_form is None) == (never_sent, never_sent), (rid, actions)
                assert messages[rid, "question"] == named.count("return"), (rid, actions)
                assert messages[rid, "answer"] == named.count("resubmit"), (rid, actions)
                decided = status in ("approved", "not_approved")
                assert (r.decision == status, r.decided_at is not None, r.decided_by_id is not None) == (
                    (decided,) * 3), (rid, actions)
                if decided:
                    decision = request_events[rid][-1].changes["decision"]
                    assert decision == [None, status]
                if status == "approved":
                    entry = catalog[r.catalog_resource_id]
                    assert entry.permission == r.permission and entry.last_request_id == rid
                else:
                    assert r.catalog_resource_id is None
            # At most one transaction committed but not reported per kill.
            assert unreported <= rounds

            linked = [e for e in events if e.entity == "catalog"]
            assert sorted(e.changes["request"][1] for e in linked) == sorted(
                rid for rid, r in requests.items() if r.status == "approved")
            assert {e.entity_id for e in linked} == set(catalog)
            for e in linked:
                assert requests[e.changes["request"][1]].catalog_resource_id == e.entity_id

            report = audit.verify_chain(s)
            assert report.problem is None, report.problem
            assert s.get(AuditHead, 1).events == s.scalar(select(func.count()).select_from(AuditEvent)) == len(events)
    finally:
        db.dispose()
