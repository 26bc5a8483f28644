"""Accessibility reviews of the tools a district provides (ADA Title II, WCAG 2.1 AA).

(Being completed: recording reviews, listing them, the dashboard's obligations.)
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import AccessibilityReview
from ..domain.accessibility import AccessibilityStatus, ReviewFacts, accessibility_status
from ..domain.enums import AccessibilityFinding, ClaimedConformance
from .compliance import ComplianceContext


def _facts(review: AccessibilityReview | None) -> ReviewFacts | None:
    if review is None:
        return None
    return ReviewFacts(AccessibilityFinding(review.finding),
                       ClaimedConformance(review.claimed) if review.claimed else None,
                       review.reviewed_on, review.acr_on_file)


def status_of_resource(session: Session, resource_id: int, ctx: ComplianceContext) -> AccessibilityStatus:
    """A catalog entry's accessibility status on ctx.on, from its newest review."""
    latest = session.scalar(select(AccessibilityReview).where(AccessibilityReview.catalog_resource_id == resource_id)
                            .order_by(AccessibilityReview.id.desc()).limit(1))
    return accessibility_status(_facts(latest), ctx.ada_due, ctx.on)


def open_obligations(session: Session, ctx: ComplianceContext) -> list:
    return []
