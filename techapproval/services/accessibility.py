"""Accessibility reviews of the tools a district provides (ADA Title II, WCAG 2.1 AA).

A reviewer records a review of a tool, on its request (before or after approval) or on its catalog
entry; the newest review of an entry is its status, shown in the catalog, and an approved tool with no
review (or one that could not establish conformance) is an obligation on the deadlines dashboard, due
on the district's compliance date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from ..db.models import AccessibilityReview, CatalogResource, Request
from ..domain.accessibility import AccessibilityStatus, ReviewFacts, ReviewForm, accessibility_status, validate_review
from ..domain.contracts import format_day
from ..domain.deadlines import Obligation, ObligationKind
from ..domain.enums import AccessibilityFinding, ClaimedConformance, RequestStatus
from ..domain.validation import clean_text
from . import audit, documents
from .access import REVIEWERS, acting
from .catalog_match import catalog_match
from .compliance_context import ComplianceContext, compliance_context
from .errors import Invalid, NotFound, Refused


@dataclass(frozen=True)
class ReviewView:
    """One recorded review, as the review dialog lists it."""

    id: int
    finding: AccessibilityFinding
    claimed: ClaimedConformance | None
    acr_on_file: bool
    document_name: str | None
    reviewed_on: date
    reviewer: str
    alternative_plan: str
    notes: str
    request_id: int | None
    resource_id: int | None


def _facts(finding: str | None, claimed: str | None, reviewed_on: date | None, acr_on_file: bool | None,
           ) -> ReviewFacts | None:
    """A review's facts from its columns; None where there is no review."""
    if finding is None:
        return None
    return ReviewFacts(AccessibilityFinding(finding), ClaimedConformance(claimed) if claimed else None,
                       reviewed_on, bool(acr_on_file))


_FACT_COLUMNS = (AccessibilityReview.finding, AccessibilityReview.claimed, AccessibilityReview.reviewed_on,
                 AccessibilityReview.acr_on_file)


def _status_of_newest(session: Session, condition: ColumnElement[bool], ctx: ComplianceContext,
                      ) -> AccessibilityStatus:
    newest = session.execute(select(*_FACT_COLUMNS).where(condition)
                             .order_by(AccessibilityReview.id.desc()).limit(1)).first()
    return accessibility_status(_facts(*newest) if newest else None, ctx.ada_due, ctx.on)


def _newest_review_id() -> ColumnElement[int]:
    """The id of the newest review of the CatalogResource row of the enclosing query (through the index
    on catalog_resource_id, id)."""
    return (select(func.max(AccessibilityReview.id))
            .where(AccessibilityReview.catalog_resource_id == CatalogResource.id)
            .correlate(CatalogResource).scalar_subquery())


def status_of_resource(session: Session, resource_id: int, ctx: ComplianceContext) -> AccessibilityStatus:
    """A catalog entry's accessibility status on ctx.on, from its newest review."""
    return _status_of_newest(session, AccessibilityReview.catalog_resource_id == resource_id, ctx)


def statuses_in(session: Session, resource_ids: Select, ctx: ComplianceContext) -> dict[int, AccessibilityStatus]:
    """The accessibility status on ctx.on of every catalog entry `resource_ids` selects, by id, in one
    statement: each from its newest review, "not reviewed" when it has none."""
    rows = session.execute(
        select(CatalogResource.id, *_FACT_COLUMNS)
        .outerjoin(AccessibilityReview, AccessibilityReview.id == _newest_review_id())
        .where(CatalogResource.id.in_(resource_ids))
    )
    return {resource_id: accessibility_status(_facts(*facts), ctx.ada_due, ctx.on) for resource_id, *facts in rows}


def _resource_of_request(session: Session, r: Request) -> int | None:
    """The catalog entry a request's tool is (or, approved, would be): linked, renewed, or matched."""
    if r.catalog_resource_id is not None:
        return r.catalog_resource_id
    if r.renewal_of_id is not None:
        return r.renewal_of_id
    entry = catalog_match(session, r)
    return entry.id if entry is not None else None


def _of_request(session: Session, r: Request) -> ColumnElement[bool]:
    """The reviews of a request's tool: those recorded on the request, and its catalog entry's."""
    condition = AccessibilityReview.request_id == r.id
    resource_id = _resource_of_request(session, r)
    if resource_id is not None:
        condition = or_(condition, AccessibilityReview.catalog_resource_id == resource_id)
    return condition


def _request(session: Session, request_id: int) -> Request:
    r = session.get(Request, request_id)
    if r is None or r.status == RequestStatus.DRAFT.value:  # a draft is its author's alone
        raise NotFound(f"There is no request {request_id}.")
    return r


# --- recording --------------------------------------------------------------------------------------


def record_review(
    session: Session, actor_id: int, *, request_id: int | None = None, resource_id: int | None = None,
    form: ReviewForm, document: tuple[str, bytes] | None = None, today: date | None = None,
) -> int:
    """Record an accessibility review of a tool, on its request or its catalog entry; returns its id.
    A review of a request whose tool is already in the catalog counts for the entry at once; one of a tool
    new to the catalog joins the entry when the request is approved. `document`: the ACR file (name, bytes),
    kept like a signed contract; attaching it means an ACR is on file."""
    actor = acting(session, actor_id, *REVIEWERS)
    today = today or date.today()
    request = None
    if request_id is not None:
        request = _request(session, request_id)
        status = RequestStatus(request.status)
        if not (status.awaits_reviewer or status is RequestStatus.APPROVED):
            raise Refused(f"This request is {status.label.lower()}: an accessibility review is recorded on a "
                          "request awaiting a decision or approved, or on the tool in the catalog.")
    if resource_id is not None:
        if session.get(CatalogResource, resource_id) is None:
            raise NotFound("This resource is no longer in the catalog.")
    elif request is not None:
        resource_id = _resource_of_request(session, request)
    else:
        raise NotFound("Say which request or approved resource the review is of.")

    plan, notes = clean_text(form.alternative_plan), clean_text(form.notes)
    form = ReviewForm(form.finding, form.claimed, form.acr_on_file or document is not None, form.reviewed_on,
                      plan, notes)
    errors = validate_review(form, today)
    name = None
    if document is not None:
        try:
            name = documents.accept(document[0], document[1], "accessibility conformance report")
        except Invalid as exc:  # shown with the form's other problems, all at once
            errors |= exc.errors
    if errors:
        raise Invalid(errors)
    digest = documents.store(session, document[1]) if document is not None else None

    review = AccessibilityReview(
        catalog_resource_id=resource_id, request_id=request.id if request is not None else None,
        acr_on_file=form.acr_on_file, document_sha256=digest, document_name=name,
        claimed=form.claimed.value if form.claimed else None, finding=form.finding.value,
        alternative_plan=plan if form.finding.needs_plan else "", notes=notes, reviewed_on=form.reviewed_on,
        reviewed_by_id=actor.id, created_at=audit.now(),
    )
    session.add(review)
    session.flush()
    audit.record(session, actor.id, "accessibility_review", review.id, "accessibility review recorded", {
        "request": [None, review.request_id], "resource": [None, resource_id],
        "finding": [None, review.finding], "claimed": [None, review.claimed],
        "acr_on_file": [None, review.acr_on_file],
        "document": [None, f"{name} ({digest})" if digest else None],
        "reviewed_on": [None, review.reviewed_on.isoformat()],
        "alternative_plan": [None, review.alternative_plan or None],
    })
    return review.id


# --- reading ----------------------------------------------------------------------------------------


def _views(session: Session, condition: ColumnElement[bool]) -> list[ReviewView]:
    reviews = session.scalars(select(AccessibilityReview).where(condition).order_by(AccessibilityReview.id.desc()))
    return [ReviewView(r.id, AccessibilityFinding(r.finding), ClaimedConformance(r.claimed) if r.claimed else None,
                       r.acr_on_file, r.document_name, r.reviewed_on, r.reviewed_by.name, r.alternative_plan,
                       r.notes, r.request_id, r.catalog_resource_id)
            for r in reviews]


def reviews_for_request(session: Session, actor_id: int, request_id: int) -> list[ReviewView]:
    """The reviews of a request's tool, newest first: those recorded on the request, and those of the
    catalog entry it is (or matches)."""
    acting(session, actor_id, *REVIEWERS)
    return _views(session, _of_request(session, _request(session, request_id)))


def reviews_for_resource(session: Session, actor_id: int, resource_id: int) -> list[ReviewView]:
    """A catalog entry's reviews, newest first (the first is its status)."""
    acting(session, actor_id, *REVIEWERS)
    if session.get(CatalogResource, resource_id) is None:
        raise NotFound("This resource is no longer in the catalog.")
    return _views(session, AccessibilityReview.catalog_resource_id == resource_id)


def status_for_request(session: Session, actor_id: int, request_id: int,
                       on: date | None = None) -> AccessibilityStatus:
    """The accessibility status of a request's tool: its catalog entry's, or from the reviews recorded on
    the request while the tool is new to the catalog."""
    acting(session, actor_id, *REVIEWERS)
    r = _request(session, request_id)
    return _status_of_newest(session, _of_request(session, r), compliance_context(session, on))


def review_document(session: Session, actor_id: int, review_id: int) -> tuple[str, bytes]:
    """A review's attached ACR: its file name and bytes, checked against its SHA-256 before use."""
    acting(session, actor_id, *REVIEWERS)
    review = session.get(AccessibilityReview, review_id)
    if review is None or not review.document_sha256:
        raise NotFound("No accessibility conformance report is attached to this review.")
    return (review.document_name or "accessibility-conformance-report",
            documents.load(session, review.document_sha256, "accessibility conformance report"))


# --- the deadlines dashboard ------------------------------------------------------------------------


def open_obligations(session: Session, ctx: ComplianceContext) -> list[Obligation]:
    """An ACCESSIBILITY_REVIEW obligation for every approved tool (its approval not ended) whose newest
    review is missing or could not establish conformance, due on the ADA Title II compliance date; `ref`
    is the catalog entry's id. No role check: the caller (compliance.deadlines) has made it."""
    rows = session.execute(
        select(CatalogResource.id, CatalogResource.name, AccessibilityReview.finding)
        .outerjoin(AccessibilityReview, AccessibilityReview.id == _newest_review_id())
        .where(CatalogResource.approval_ended_at.is_(None),
               or_(AccessibilityReview.id.is_(None),
                   AccessibilityReview.finding == AccessibilityFinding.UNKNOWN.value))
        .order_by(CatalogResource.normalised_name, CatalogResource.id)
    )
    due, overdue = ctx.ada_due, ctx.on > ctx.ada_due
    found = []
    for resource_id, name, finding in rows:
        so_far = " (its last review could not establish conformance)" if finding is not None else ""
        found.append(Obligation(
            ObligationKind.ACCESSIBILITY_REVIEW, name, due, overdue,
            f"Record an accessibility review of {name}{so_far}: is there an ACR/VPAT, does it conform to WCAG 2.1 "
            "AA, and if not, what equally effective alternative will the district provide; the ADA Title II "
            f"compliance date is {format_day(due)}.",
            resource_id,
        ))
    return found
