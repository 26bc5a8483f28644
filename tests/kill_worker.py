"""The desk that tests/test_kill.py kills, in a process of its own:

    python -m tests.kill_worker URL REQUESTER REVIEWER

Python and SQLAlchemy take seconds to start on a busy machine, so this process starts once, imports
the app, and then, for each line `ROUND SEED` read from stdin, forks a child that opens the database
afresh (nothing of the database crosses the fork) and works: drafts, submits, returns, answers,
decides and withdraws requests through the services, as the app does, until it is killed. After
each transaction *commits* the child writes one line, `ROUND ACTION REQUEST_ID`, with ACTION the
audit trail's name for it. The parent kills the child with SIGKILL; this process then writes
`ROUND ended STATUS` once the child is gone, so everything the child wrote comes before it.

Lines are written with one os.write() each: whole, or not at all, in the pipe.
"""

from __future__ import annotations

import os
import random
import sys
import time
import traceback

from techapproval.db.database import open_database
from techapproval.domain.enums import Decision, Permission, RequestStatus
from techapproval.services import requests as svc
from techapproval.services.errors import ServiceError
from tests.helpers import complete_form

LIFETIME_S = 30  # a child nobody killed stops by itself


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def work(url: str, requester: int, reviewer: int, round_: int, seed: int) -> None:
    rng = random.Random(seed)
    db = open_database(url)
    say(f"{round_} ready")
    made = 0
    deadline = time.monotonic() + LIFETIME_S
    while time.monotonic() < deadline:
        with db.transaction() as s:
            mine = {row.id: row.status for row in svc.list_my_requests(s, requester)}
        by_status: dict[RequestStatus, list[int]] = {}
        for rid, status in mine.items():
            by_status.setdefault(status, []).append(rid)
        choice = rng.random()
        try:
            if choice < 0.25 or not mine:
                made += 1
                name = f"resource-{round_}-{made}"  # its own catalog entry when approved
                with db.transaction() as s:
                    rid = svc.save_draft(s, requester, None,
                                         complete_form(resource_name=name, resource_link=f"https://{name}.example"))
                say(f"{round_} draft_started {rid}")
            elif choice < 0.45 and (drafts := by_status.get(RequestStatus.DRAFT)):
                rid = rng.choice(drafts)
                with db.transaction() as s:
                    svc.submit_request(s, requester, rid)
                say(f"{round_} submit {rid}")
            elif choice < 0.5 and (submitted := by_status.get(RequestStatus.SUBMITTED)):
                rid = rng.choice(submitted)  # a draft never submitted is deleted, not withdrawn
                with db.transaction() as s:
                    svc.withdraw_request(s, requester, rid)
                say(f"{round_} withdraw {rid}")
            elif choice < 0.6 and (waiting := by_status.get(RequestStatus.SUBMITTED)):
                rid = rng.choice(waiting)
                with db.transaction() as s:
                    svc.return_request(s, reviewer, rid, f"Question {round_}-{rid}: which grades?")
                say(f"{round_} return {rid}")
            elif choice < 0.7 and (returned := by_status.get(RequestStatus.RETURNED)):
                rid = rng.choice(returned)
                with db.transaction() as s:
                    svc.resubmit_request(s, requester, rid, f"Answer {round_}-{rid}: grades 3 and 4.")
                say(f"{round_} resubmit {rid}")
            elif waiting := by_status.get(RequestStatus.SUBMITTED, []) + by_status.get(RequestStatus.RESUBMITTED, []):
                rid = rng.choice(waiting)
                decision = rng.choice([Decision.APPROVED, Decision.NOT_APPROVED])
                permission = rng.choice(list(Permission)) if decision is Decision.APPROVED else None
                with db.transaction() as s:
                    svc.decide_request(s, reviewer, rid, decision, permission, reason="Not for our students.")
                say(f"{round_} {'approve' if decision is Decision.APPROVED else 'not_approve'} {rid}")
        except ServiceError as exc:  # nothing else works on this database: a refusal is a bug
            say(f"{round_} refused {exc.message}")
            raise


def main(url: str, requester: int, reviewer: int) -> int:
    if url.startswith("postgresql"):  # the driver loads here once, not in every child
        import psycopg  # noqa: F401
        import sqlalchemy.dialects.postgresql.psycopg  # noqa: F401
    # What a decision loads on first use (the catalog with its compliance and accessibility rules), loaded
    # once here as in a running app: each child is killed within a quarter second, and would otherwise often
    # die importing them before its first decision.
    import techapproval.services.accessibility  # noqa: F401
    import techapproval.services.catalog  # noqa: F401
    import techapproval.services.renewals  # noqa: F401
    for line in sys.stdin:
        round_, seed = (int(x) for x in line.split())
        pid = os.fork()
        if pid == 0:  # the child: work until killed, never back into this loop
            code = 0
            try:
                work(url, requester, reviewer, round_, seed)
            except BaseException:  # noqa: BLE001 - the parent fails the test with it
                say(f"{round_} error " + traceback.format_exc().replace("\n", " | "))
                code = 1
            finally:
                os._exit(code)
        say(f"{round_} pid {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"{round_} ended {status}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
