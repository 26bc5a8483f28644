"""The audit trail: who, when, what changed, old and new values. Insert only; the schema refuses the rest.

Events are chained by hash (domain/audit_chain.py). They wait in the session until commit, then join
the chain under the lock on its head row: taken last in every transaction, so it cannot deadlock with
the row locks taken before it, and the chain follows commit order with many desks writing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from ..db.models import AuditEvent, AuditHead
from ..domain.audit_chain import ChainEvent, ChainProblem, canonical_changes, event_hash, first_break

_PENDING = "techapproval.audit_pending"


def now() -> datetime:
    return datetime.now(UTC)


def record(
    session: Session, actor_id: int | None, entity: str, entity_id: int, action: str, changes: dict[str, Any]
) -> None:
    session.info.setdefault(_PENDING, []).append(
        AuditEvent(at=now(), actor_id=actor_id, entity=entity, entity_id=entity_id, action=action,
                   changes=canonical_changes(changes))
    )


def pending(session: Session) -> list[AuditEvent]:
    """The events this transaction recorded, not yet joined to the chain (they join at commit)."""
    return list(session.info.get(_PENDING, ()))


@event.listens_for(Session, "before_commit")
def _chain_pending(session: Session) -> None:
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    # FOR UPDATE on PostgreSQL; SQLite's BEGIN IMMEDIATE already lets one writer at a time.
    head = session.scalars(
        select(AuditHead).where(AuditHead.id == 1).with_for_update().execution_options(populate_existing=True)
    ).one()
    for e in pending:
        e.prev_hash = head.last_hash
        e.hash = event_hash(e.prev_hash, e.at, e.actor_id, e.entity, e.entity_id, e.action, e.changes)
        head.last_hash = e.hash
        head.events += 1
    session.add_all(pending)


@event.listens_for(Session, "after_soft_rollback")
def _forget_pending(session: Session, _transaction) -> None:
    session.info.pop(_PENDING, None)


def change_count(session: Session) -> int:
    """Grows with every recorded change, by anyone: what open lists poll to know they are stale."""
    return session.scalar(select(AuditHead.events).where(AuditHead.id == 1)) or 0


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for the fields whose values differ."""
    return {k: [old.get(k), new.get(k)] for k in new if old.get(k) != new.get(k)}


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    actor: str
    action: str
    changes: dict[str, Any]


def history(session: Session, entity: str, entity_id: int) -> list[HistoryEntry]:
    """Committed events, then this transaction's own (they join the chain at commit)."""
    stored = session.scalars(
        select(AuditEvent).where(AuditEvent.entity == entity, AuditEvent.entity_id == entity_id).order_by(AuditEvent.id)
    ).all()
    pending = [e for e in session.info.get(_PENDING, ()) if e.entity == entity and e.entity_id == entity_id]
    return [HistoryEntry(e.at, _actor_name(session, e), e.action, e.changes) for e in [*stored, *pending]]


def _actor_name(session: Session, e: AuditEvent) -> str:
    if e.actor is not None:
        return e.actor.name
    if e.actor_id is not None:  # a pending event: its relationship is not loaded yet
        from ..db.models import Person

        person = session.get(Person, e.actor_id)
        return person.name if person else "System"
    return "System"


@dataclass(frozen=True)
class ChainReport:
    events: int
    head_hash: str
    problem: ChainProblem | None


def verify_chain(session: Session) -> ChainReport:
    """Recompute every link, oldest first, streaming: names the first event that does not fit."""
    head = session.get(AuditHead, 1)
    rows = session.execute(
        select(AuditEvent.id, AuditEvent.at, AuditEvent.actor_id, AuditEvent.entity, AuditEvent.entity_id,
               AuditEvent.action, AuditEvent.changes, AuditEvent.prev_hash, AuditEvent.hash)
        .order_by(AuditEvent.id).execution_options(yield_per=2000)
    )
    events: Iterator[ChainEvent] = (ChainEvent(*row) for row in rows)
    problem = first_break(events, head.events, head.last_hash)
    return ChainReport(head.events, head.last_hash, problem)
