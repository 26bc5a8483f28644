"""The audit trail as a hash chain: each event's hash covers its content and the previous event's hash.

Changing, inserting or removing an event in the middle breaks every link after it, so `verify-audit`
can name the first event that no longer fits. The formula is part of the stored data: changing it
needs a migration that rehashes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64  # the "previous hash" of the first event


def canonical_changes(changes: dict[str, Any]) -> dict[str, Any]:
    """The details as the database gives them back (JSON: string keys, lists for tuples), so the
    hash computed when writing is the hash recomputed when reading."""
    return json.loads(json.dumps(changes, ensure_ascii=False))


def event_hash(
    prev_hash: str, at: datetime, actor_id: int | None, entity: str, entity_id: int, action: str,
    changes: dict[str, Any],
) -> str:
    body = json.dumps(
        [prev_hash, at.astimezone(UTC).isoformat(timespec="microseconds"), actor_id, entity, entity_id, action,
         changes],
        ensure_ascii=False, sort_keys=True, separators=(",", ":"),
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainEvent:
    id: int
    at: datetime
    actor_id: int | None
    entity: str
    entity_id: int
    action: str
    changes: dict[str, Any]
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class ChainProblem:
    event_id: int | None  # None: the problem is at the end of the chain
    message: str


def first_break(events: list[ChainEvent] | Any, head_events: int, head_hash: str) -> ChainProblem | None:
    """Walk the events in id order; the first one that does not fit, or None when the chain is whole.

    `events` may be any iterable in id order (a streaming query), so a long trail is not held in memory.
    """
    previous = GENESIS
    count = 0
    for e in events:
        count += 1
        if e.prev_hash != previous:
            return ChainProblem(e.id, "does not follow the event before it: an event before it was removed, "
                                      "inserted or changed")
        if event_hash(e.prev_hash, e.at, e.actor_id, e.entity, e.entity_id, e.action, e.changes) != e.hash:
            return ChainProblem(e.id, "was changed after it was written: its content no longer matches its hash")
        previous = e.hash
    if count != head_events or previous != head_hash:
        return ChainProblem(None, f"the trail ends after {count} event(s) but {head_events} were recorded: "
                                  "events at the end were removed or added outside the app")
    return None
