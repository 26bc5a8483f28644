"""The audit trail: who, when, what changed, old and new values. Insert only; the schema refuses the rest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import AuditEvent


def now() -> datetime:
    return datetime.now(UTC)


def record(
    session: Session, actor_id: int | None, entity: str, entity_id: int, action: str, changes: dict[str, Any]
) -> None:
    session.add(
        AuditEvent(at=now(), actor_id=actor_id, entity=entity, entity_id=entity_id, action=action, changes=changes)
    )


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
    events = session.scalars(
        select(AuditEvent).where(AuditEvent.entity == entity, AuditEvent.entity_id == entity_id).order_by(AuditEvent.id)
    )
    return [HistoryEntry(e.at, e.actor.name if e.actor else "System", e.action, e.changes) for e in events]
