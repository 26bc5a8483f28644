"""Renewals: approved tools back in the review queue when the district's renewal period or their
contract runs out.

(Being completed: opening due renewals, the comparison with the previous decision, the dashboard.)
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..db.models import CatalogResource, Person, Request
from . import audit


def end_approval(session: Session, actor: Person, request: Request) -> None:
    """A renewal not approved: the tool is no longer approved. Its entry stays, for the record and for
    the contracts, deletions and exceptions that point at it; the catalog lists only approved tools."""
    entry = session.get(CatalogResource, request.renewal_of_id)
    if entry is None or entry.approval_ended_at is not None:
        return
    entry.approval_ended_at = audit.now()
    audit.record(session, actor.id, "catalog", entry.id, "approval ended",
                 {"renewal": [None, request.id], "reason": [None, request.reason]})


def open_obligations(session, ctx) -> list:
    return []
