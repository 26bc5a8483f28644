"""What a transaction changed, from what it actually wrote; and what others changed since a point.

`collect(session)` watches a session: at each flush it notes the new, changed and deleted objects (before the
flush, while the session still knows which are which, and after, when new rows have their ids), and at
`changes(session)` adds the audit events the transaction recorded (services.audit), which also name the records
changed by bulk statements. `changes_since(session, after)` reads the same from the audit events committed
since event number `after`, for the look at other desks' changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from ..db import models as m
from ..domain.changes import NOTHING, ChangeSet, Kind, from_audit
from . import audit

_WATCHED = "techapproval.changes"
_SEEN = "techapproval.changes_seen"

# Each table's records count as a kind's; child rows as their parent's (a contract's provisions are the contract).
_KIND_OF: dict[type, tuple[Kind, Callable[[Any], int | None]]] = {
    m.Request: (Kind.REQUESTS, lambda o: o.id),
    m.Message: (Kind.REQUESTS, lambda o: o.request_id),
    m.PermissionTally: (Kind.REQUESTS, lambda o: o.request_id),
    m.CatalogResource: (Kind.CATALOG, lambda o: o.id),
    m.Contract: (Kind.CONTRACTS, lambda o: o.id),
    m.ContractProvision: (Kind.CONTRACTS, lambda o: o.contract_id),
    m.ContractDocument: (Kind.CONTRACTS, lambda o: None),
    m.Contractor: (Kind.CONTRACTS, lambda o: None),
    m.Incident: (Kind.INCIDENTS, lambda o: o.id),
    m.DeletionRequest: (Kind.DELETIONS, lambda o: o.id),
    m.PlanException: (Kind.EXCEPTIONS, lambda o: o.id),
    m.PlanExceptionCondition: (Kind.EXCEPTIONS, lambda o: o.exception_id),
    m.AccessibilityReview: (Kind.ACCESSIBILITY, lambda o: o.id),
    m.Person: (Kind.PEOPLE, lambda o: o.id),
    m.Setting: (Kind.SETTINGS, lambda o: None),
    m.DistrictClosure: (Kind.CALENDAR, lambda o: None),  # keyed by its day
    m.AnnualNotice: (Kind.NOTICES, lambda o: o.school_year),
    m.RecordsImport: (Kind.IMPORTS, lambda o: o.id),
    m.RecordsImportItem: (Kind.IMPORTS, lambda o: o.import_id),
    m.OutboxMessage: (Kind.MAIL, lambda o: o.id),
    m.NotificationPreference: (Kind.PEOPLE, lambda o: o.person_id),
}


def collect(session: Session) -> None:
    """Start noting what `session` writes; `changes(session)` tells it."""
    session.info[_WATCHED] = []
    session.info[_SEEN] = []


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _context, _instances) -> None:
    seen = session.info.get(_SEEN)
    if seen is None:
        return
    # Objects whose only change is a relationship collection are dirty without being modified: skip those.
    dirty = [o for o in session.dirty if session.is_modified(o, include_collections=False)]
    seen.extend([*session.new, *dirty, *session.deleted])


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context) -> None:
    seen, watched = session.info.get(_SEEN), session.info.get(_WATCHED)
    if seen is None or watched is None:
        return
    for obj in seen:
        known = _KIND_OF.get(type(obj))
        if known is not None:
            kind, id_of = known
            watched.append((kind, id_of(obj)))
    seen.clear()


def changes(session: Session) -> ChangeSet:
    """What `session` wrote since `collect(session)`: its flushed objects and its audit events."""
    watched = session.info.get(_WATCHED)
    if watched is None:
        return NOTHING
    pending = [(e.entity, e.entity_id) for e in audit.pending(session)]
    return ChangeSet.of(watched) | from_audit(pending)


def last_event(session: Session) -> int:
    """The number of the newest audit event committed: where a look for others' changes starts."""
    return session.scalar(select(func.max(m.AuditEvent.id))) or 0


# A desk that has been away long enough to have missed more than this reads everything again.
CATCH_UP_LIMIT = 5_000


def changes_since(session: Session, after: int, ignore: frozenset[int] = frozenset()) -> tuple[ChangeSet, int]:
    """What the audit events after number `after` tell of (but those numbered in `ignore`), and the newest
    event's number. Cheap when nothing changed: one indexed look. More than CATCH_UP_LIMIT events: everything
    (read every screen again)."""
    rows = session.execute(
        select(m.AuditEvent.id, m.AuditEvent.entity, m.AuditEvent.entity_id)
        .where(m.AuditEvent.id > after).order_by(m.AuditEvent.id).limit(CATCH_UP_LIMIT + 1)
    ).all()
    if not rows:
        return NOTHING, after
    if len(rows) > CATCH_UP_LIMIT:
        return ChangeSet.all(), last_event(session)
    return from_audit((entity, entity_id) for number, entity, entity_id in rows if number not in ignore), rows[-1][0]
