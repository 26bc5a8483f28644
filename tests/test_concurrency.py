"""Several desks at once: processes that submit and decide against the same database (the SQLite
file, or the test's PostgreSQL database when TECHAPPROVAL_TEST_DATABASE_URL is set). Every action a
desk was told was saved is recorded exactly once, no request is decided twice, and the audit chain
holds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from techapproval.db.models import AuditEvent, AuditHead, Request
from techapproval.domain.enums import Role
from techapproval.services import audit, people
from tests.conftest import PASSWORD
from tests.helpers import submitted_request

WORKERS = 4
SECONDS = 2.5
ROOT = Path(__file__).resolve().parent.parent


def test_desks_submitting_and_deciding_at_once_record_each_action_exactly_once(district, db_url, tmp_path):
    with district.db.transaction() as s:
        requesters = [
            people.add_person(s, district.admin, name=f"Teacher {i}", position="Teacher",
                              email=f"teacher{i}@riverside.example", role=Role.REQUESTER, password=PASSWORD).id
            for i in range(WORKERS)
        ]
        second_reviewer = people.add_person(s, district.admin, name="Ravi Reviewer", position="Principal",
                                            email="ravi@riverside.example", role=Role.REVIEWER, password=PASSWORD).id
    reviewers = [district.reviewer, second_reviewer]
    waiting = [submitted_request(district, resource_name=f"Waiting {n}", resource_link=f"https://waiting-{n}.example")
               for n in range(8)]  # a queue to start on

    go = tmp_path / "go"
    configs = []
    for i in range(WORKERS):
        config = {"worker": i, "url": db_url, "requester": requesters[i], "reviewer": reviewers[i % 2],
                  "seed": i, "seconds": SECONDS, "max_submissions": 40, "go": str(go),
                  "ready": str(tmp_path / f"ready-{i}"), "out": str(tmp_path / f"result-{i}.json")}
        path = tmp_path / f"config-{i}.json"
        path.write_text(json.dumps(config))
        configs.append((config, path))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    processes = [
        subprocess.Popen([sys.executable, "-m", "tests.concurrency_worker", str(path)], cwd=ROOT, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _, path in configs
    ]
    try:
        deadline = time.monotonic() + 60
        while not all(Path(c["ready"]).exists() for c, _ in configs):  # all started: go at once
            assert time.monotonic() < deadline, "the desks did not start"
            assert all(p.poll() is None for p in processes), [p.communicate() for p in processes]
            time.sleep(0.01)
        go.touch()
        outputs = [p.communicate(timeout=120) for p in processes]
    finally:
        for p in processes:
            if p.poll() is None:
                p.kill()
                p.wait()
    for p, (_out, err) in zip(processes, outputs, strict=True):
        assert p.returncode == 0, err
    results = [json.loads(Path(c["out"]).read_text()) for c, _ in configs]
    assert [r["errors"] for r in results] == [[]] * WORKERS

    submitted = Counter(rid for r in results for rid in r["submitted"])
    assert all(n == 1 for n in submitted.values())
    decided: dict[int, tuple[str, int]] = {}
    for r in results:
        for rid, decision in r["decided"]:
            assert rid not in decided, f"request {rid} was reported decided by two desks"
            decided[rid] = (decision, r["reviewer"])
    refused = [(rid, kind) for r in results for rid, kind, _message in r["refused"]]
    assert submitted and decided  # the desks did work

    with district.db.transaction() as s:
        stored = {r.id: r for r in s.scalars(select(Request))}
        events = s.execute(select(AuditEvent.entity_id, AuditEvent.action, AuditEvent.actor_id)
                           .where(AuditEvent.entity == "request")).all()
        # Every request in the database was submitted by a desk that was told so, or by the setup.
        assert set(stored) == set(submitted) | set(waiting)
        for rid in submitted:
            worker = next(r for r in results if rid in r["submitted"])
            assert stored[rid].requester_id == worker["requester"]
        submits = Counter(e.entity_id for e in events if e.action == "submit")
        assert submits == Counter(set(stored))  # exactly one submission event each
        decisions = Counter(e.entity_id for e in events if e.action in ("approve", "not_approve"))
        assert all(n == 1 for n in decisions.values())
        assert set(decisions) == set(decided)  # a decision recorded iff one desk was told it was saved
        for rid, r in stored.items():
            if rid in decided:
                decision, reviewer = decided[rid]
                assert (r.status, r.decision, r.decided_by_id) == (decision, decision, reviewer)
                actor = next(e.actor_id for e in events if e.entity_id == rid and e.action.endswith("approve"))
                assert actor == reviewer
            else:
                assert r.status == "submitted" and r.decision is None
        for rid, _kind in refused:  # refused only because another desk decided it first
            assert rid in decided

        report = audit.verify_chain(s)
        assert report.problem is None
        head = s.get(AuditHead, 1)
        assert head.events == s.scalar(select(func.count()).select_from(AuditEvent)) == report.events
