"""The district's approved-resources catalog: searched before filing, filled by approvals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, defaultload, selectinload

from ..db import locks
from ..db.models import CatalogResource, Contract, PlanException, Request
from ..domain.contracts import ComplianceState, ComplianceStatus, Coverage, resource_status
from ..domain.enums import Grade, Permission, RequestStatus
from ..domain.exceptions import Condition, Plan, RecordedException, resource_exception_outcome
from ..domain.validation import clean_text, normalise_link, normalise_name
from .access import REVIEWERS, acting
from .compliance import ComplianceContext, compliance_context, contract_terms
from .errors import NotFound


@dataclass(frozen=True)
class CatalogEntry:
    id: int
    name: str
    link: str
    description: str
    permission: Permission
    grades: tuple[Grade, ...]
    not_used_by_students: bool
    approved_at: datetime
    coverage: Coverage
    contract_id: int | None
    coverage_note: str
    status: ComplianceStatus  # computed for the day the list was read
    version: int = 0


@dataclass(frozen=True)
class PriorDecision:
    """A match shown to a teacher before filing: an approved resource, or an earlier refusal."""

    name: str
    link: str
    approved: bool
    permission: Permission | None
    decided_at: datetime
    reason: str
    catalog_id: int | None


def _grades(text: str) -> tuple[Grade, ...]:
    return tuple(Grade(g) for g in text.split(",") if g)


def _entry(r: CatalogResource, ctx: ComplianceContext) -> CatalogEntry:
    return CatalogEntry(r.id, r.name, r.link, r.description, Permission(r.permission), _grades(r.grades),
                        r.not_used_by_students, r.approved_at, Coverage(r.coverage), r.contract_id,
                        r.coverage_note, resource_status_of(r, ctx), r.version)


def resource_status_of(r: CatalogResource, ctx: ComplianceContext) -> ComplianceStatus:
    terms = contract_terms(r.contract) if r.contract is not None else None
    coverage, detail, complete = Coverage(r.coverage), r.coverage_note, None
    if coverage is Coverage.IEP_504_EXCEPTION and r.plan_exceptions:
        # The exceptions register decides: lawful while one exception has every condition met.
        complete, detail = resource_exception_outcome(
            RecordedException(e.case_reference, Plan(e.plan), {Condition(c.condition): c.met_on for c in e.conditions})
            for e in r.plan_exceptions
        )
    return resource_status(coverage, terms, ctx.on, ctx.calendar, ctx.amend_days, detail=detail,
                           exception_complete=complete)


# Everything resource_status_of reads, loaded with the resources in a fixed number of statements
# (not one query per resource's contract, provisions, exceptions and conditions).
COMPLIANCE_LOADS = (
    selectinload(CatalogResource.contract).selectinload(Contract.provisions),
    selectinload(CatalogResource.plan_exceptions).selectinload(PlanException.conditions),
)
# The same for one resource: its contract and exceptions load when read (exceptions only for an IEP/504
# exception), each with its provisions or conditions in one more statement, not one per exception.
ONE_RESOURCE_LOADS = (
    defaultload(CatalogResource.contract).selectinload(Contract.provisions),
    defaultload(CatalogResource.plan_exceptions).selectinload(PlanException.conditions),
)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def list_catalog(
    session: Session, actor_id: int, search: str = "", states: set[ComplianceState] | None = None,
    on: date | None = None,
) -> list[CatalogEntry]:
    """Approved resources with their compliance status on `on` (today), optionally only those states."""
    acting(session, actor_id)
    ctx = compliance_context(session, on)
    query = (select(CatalogResource).order_by(CatalogResource.normalised_name, CatalogResource.id)
             .options(*COMPLIANCE_LOADS))
    if words := normalise_name(search):
        query = query.where(or_(CatalogResource.normalised_name.like(_like(words), escape="\\"),
                                CatalogResource.normalised_link.like(_like(clean_text(search).lower()), escape="\\")))
    entries = [_entry(r, ctx) for r in session.scalars(query)]
    return [e for e in entries if states is None or e.status.state in states]


def get_entry(session: Session, actor_id: int, resource_id: int, on: date | None = None) -> CatalogEntry:
    acting(session, actor_id)
    r = session.get(CatalogResource, resource_id, options=ONE_RESOURCE_LOADS)
    if r is None:
        raise NotFound("This resource is no longer in the catalog.")
    return _entry(r, compliance_context(session, on))


def status_for_request(session: Session, actor_id: int, request_id: int, on: date | None = None) -> ComplianceStatus:
    """The compliance status the resource of a request has (or would have once approved): the catalog
    entry it is linked to or matches by link or name; a resource new to the catalog has no contract."""
    acting(session, actor_id, *REVIEWERS)
    request = session.get(Request, request_id)
    if request is None:
        raise NotFound(f"There is no request {request_id}.")
    ctx = compliance_context(session, on)
    entry = (session.get(CatalogResource, request.catalog_resource_id, options=ONE_RESOURCE_LOADS)
             if request.catalog_resource_id else None)
    entry = entry or _catalog_match(session, request, ONE_RESOURCE_LOADS)
    if entry is None:
        return resource_status(Coverage.NONE, None, ctx.on, ctx.calendar, ctx.amend_days)
    return resource_status_of(entry, ctx)


def _catalog_match(session: Session, request: Request, options=()) -> CatalogResource | None:
    key_name, key_link = normalise_name(request.resource_name), normalise_link(request.resource_link)
    entry = None
    if key_link:
        entry = session.scalar(select(CatalogResource).where(CatalogResource.normalised_link == key_link)
                               .options(*options))
    if entry is None and key_name:
        entry = session.scalar(select(CatalogResource).where(CatalogResource.normalised_name == key_name)
                               .options(*options))
    return entry


def find_matches(session: Session, actor_id: int, name: str, link: str) -> list[PriorDecision]:
    """What the district already decided about a resource with this name or link."""
    acting(session, actor_id)
    key_name, key_link = normalise_name(name), normalise_link(link)
    if len(key_name) < 3 and not key_link:
        return []
    conditions = []
    if len(key_name) >= 3:
        conditions.append(CatalogResource.normalised_name.like(_like(key_name), escape="\\"))
    if key_link:
        conditions.append(CatalogResource.normalised_link == key_link)
    matches = [
        PriorDecision(r.name, r.link, True, Permission(r.permission), r.approved_at, "", r.id)
        for r in session.scalars(select(CatalogResource).where(or_(*conditions)).order_by(CatalogResource.id).limit(20))
    ]
    # Earlier refusals, so a teacher knows why before filing the same thing again.
    # Only the columns shown, newest first through ix_request_status_decided (no sort of every refusal).
    refused = session.execute(
        select(Request.resource_name, Request.resource_link, Request.decided_at, Request.reason)
        .where(Request.status == RequestStatus.NOT_APPROVED.value)
        .order_by(Request.decided_at.desc(), Request.id.desc()).limit(200)
    )
    for r in refused:
        if (len(key_name) >= 3 and key_name in normalise_name(r.resource_name)) or (
            key_link and normalise_link(r.resource_link) == key_link
        ):
            matches.append(PriorDecision(r.resource_name, r.resource_link, False, None, r.decided_at,
                                         r.reason or "", None))
    return matches


def link_approved_request(session: Session, request: Request) -> CatalogResource:
    """Create or update the catalog entry for an approved request, matched by link, then by name."""
    key_name, key_link = normalise_name(request.resource_name), normalise_link(request.resource_link)
    # Two approvals of the same tool at once must not both find "no entry" and add two.
    locks.hold(session, locks.CATALOG)
    entry = _catalog_match(session, request)
    if entry is None:
        entry = CatalogResource(name=request.resource_name, normalised_name=key_name, grades="")
        session.add(entry)
    entry.link = request.resource_link or entry.link or ""
    entry.normalised_link = key_link or entry.normalised_link or ""
    entry.description = request.resource_description
    entry.permission = request.permission
    grades = set(_grades(entry.grades)) | set(_grades(request.grades))
    entry.grades = ",".join(g.value for g in sorted(grades, key=lambda g: g.order))
    entry.not_used_by_students = request.not_used_by_students and not grades
    entry.approved_at = request.decided_at
    session.flush()
    entry.last_request_id = request.id
    request.catalog_resource_id = entry.id
    return entry
