"""One desk of tests/test_concurrency.py, in a process of its own:

    python -m tests.concurrency_worker CONFIG.json

For a few seconds it submits requests as its requester and decides requests from the shared queue
as its reviewer, through the services, as the app does. Every action the services reported as saved
(the transaction committed) and every one they refused goes into the result file; the parent checks
the database against it.
"""

from __future__ import annotations

import json
import random
import sys
import time
import traceback
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from techapproval.db.database import open_database, plain_error
from techapproval.domain.enums import Decision, Permission, RequestStatus
from techapproval.services import requests as svc
from techapproval.services.errors import Conflict, Refused
from tests.helpers import complete_form

BUSY_RETRIES = 20


class Busy(Exception):
    pass


def busy(exc: DBAPIError) -> bool:
    return plain_error(exc).title == "The database is busy"


def retrying(action, result: dict):
    """Run one whole transaction again while the database says it is busy (nothing was saved then)."""
    for _ in range(BUSY_RETRIES):
        try:
            return action()
        except DBAPIError as exc:
            if not busy(exc):
                raise
            result["busy_retries"] += 1
            time.sleep(0.01)
    raise Busy("still busy after retries")


def main(config_path: str) -> int:
    config = json.loads(Path(config_path).read_text())
    result = {"worker": config["worker"], "requester": config["requester"], "reviewer": config["reviewer"],
              "submitted": [], "decided": [], "refused": [], "busy_retries": 0, "errors": []}
    rng = random.Random(config["seed"])
    db = open_database(config["url"])
    requester, reviewer = config["requester"], config["reviewer"]
    Path(config["ready"]).touch()
    go = Path(config["go"])
    waited = time.monotonic()
    while not go.exists() and time.monotonic() - waited < 60:
        time.sleep(0.005)
    deadline = time.monotonic() + config["seconds"]
    submitted = 0
    try:
        while time.monotonic() < deadline:
            if rng.random() < 0.4 and submitted < config["max_submissions"]:
                submitted += 1
                submit(db, requester, f"resource-{config['worker']}-{submitted}", result)
            else:
                decide(db, reviewer, rng, result)
    except Exception:  # noqa: BLE001 - the parent reports it
        result["errors"].append(traceback.format_exc())
    finally:
        db.dispose()
        Path(config["out"]).write_text(json.dumps(result))
    return 0


def submit(db, requester: int, name: str, result: dict) -> None:
    """A draft, then its submission: two transactions, as at a desk. A resource of its own (name and
    link), so that approvals meet only on the request, never on a shared catalog entry."""
    def draft() -> int:
        with db.transaction() as s:
            return svc.save_draft(s, requester, None,
                                  complete_form(resource_name=name, resource_link=f"https://{name}.example"))

    rid = retrying(draft, result)

    def send() -> None:
        with db.transaction() as s:
            svc.submit_request(s, requester, rid)

    retrying(send, result)
    result["submitted"].append(rid)  # only once the commit returned


def decide(db, reviewer: int, rng: random.Random, result: dict) -> None:
    def waiting() -> list[int]:
        with db.transaction() as s:
            return [row.id for row in svc.list_queue(s, reviewer, {RequestStatus.SUBMITTED})]

    queue = retrying(waiting, result)
    if not queue:
        time.sleep(0.005)
        return
    rid = rng.choice(queue[:4])  # the oldest few: where the desks collide
    decision = rng.choice([Decision.APPROVED, Decision.NOT_APPROVED])
    permission = rng.choice(list(Permission)) if decision is Decision.APPROVED else None
    expected = None
    if rng.random() < 0.5:  # opened on screen first, decided a moment later: the version it showed
        def opened() -> int:
            with db.transaction() as s:
                return svc.get_request(s, reviewer, rid).version

        expected = retrying(opened, result)

    def act() -> None:
        with db.transaction() as s:
            svc.decide_request(s, reviewer, rid, decision, permission, reason="Not for our students.",
                               expected_version=expected)

    try:
        retrying(act, result)
    except Conflict as exc:
        result["refused"].append([rid, "conflict", exc.message])
        return
    except Refused as exc:
        result["refused"].append([rid, "refused", exc.message])
        return
    result["decided"].append([rid, decision.value])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
