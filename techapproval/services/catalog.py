"""The district's approved-resources catalog: searched before filing, filled by approvals."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from functools import lru_cache

from sqlalchemy import ColumnElement, Select, literal_column, or_, select, table, update
from sqlalchemy.orm import Session, defaultload

from ..db import locks
from ..db import search as search_index
from ..db.models import (
    AccessibilityReview,
    CatalogResource,
    Contract,
    Person,
    PlanException,
    PlanExceptionCondition,
    Request,
)
from ..domain.accessibility import AccessibilityStatus
from ..domain.contracts import ComplianceState, ComplianceStatus, ContractTerms, Coverage, resource_status
from ..domain.enums import Decision, Grade, Permission, RequestStatus
from ..domain.exceptions import Condition, Plan, RecordedException, resource_exception_outcome
from ..domain.matching import MIN_CHARS, GradeFit, grade_fit, matcher, trigrams
from ..domain.validation import clean_text, compact_name, normalise_link, normalise_name
from . import accessibility, audit
from .access import REVIEWERS, acting
from .catalog_match import catalog_match
from .compliance_context import ComplianceContext, compliance_context, contract_terms, contract_terms_in
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
    accessibility: AccessibilityStatus | None = None  # from the latest accessibility review (services/accessibility.py)
    renewal_due: date | None = None  # when the approval comes back for re-review (ComplianceContext.renewal_due)
    approval_ended_at: datetime | None = None  # its renewal was not approved: no longer approved since then

    @property
    def ended(self) -> bool:
        return self.approval_ended_at is not None


class Shown(StrEnum):
    """Which approvals the catalog lists: the tools approved now, those whose approval ended, or both."""

    CURRENT = "current"
    ENDED = "ended"
    ALL = "all"


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
    grades: tuple[Grade, ...] = ()  # an approval: the grades it covers
    not_used_by_students: bool = False  # an approval for staff use only
    fit: GradeFit | None = None  # an approval: how its grades stand to the grades asked for


@lru_cache(maxsize=4096)  # the same grade lists ("6,7,8") recur over thousands of resources
def _grades(text: str) -> tuple[Grade, ...]:
    return tuple(Grade(g) for g in text.split(",") if g)


def _entry(r: CatalogResource, ctx: ComplianceContext) -> CatalogEntry:
    return CatalogEntry(r.id, r.name, r.link, r.description, Permission(r.permission), _grades(r.grades),
                        r.not_used_by_students, r.approved_at, Coverage(r.coverage), r.contract_id,
                        r.coverage_note, resource_status_of(r, ctx), r.version,
                        renewal_due=None if r.approval_ended_at else ctx.renewal_due(
                            r.approved_at, r.contract.expires_on if r.contract else None),
                        approval_ended_at=r.approval_ended_at)


def resource_status_of(r: CatalogResource, ctx: ComplianceContext) -> ComplianceStatus:
    coverage = Coverage(r.coverage)
    terms = contract_terms(r.contract) if r.contract is not None else None
    # Exceptions are read (and, for one resource, loaded) only for a resource covered by the exception.
    exceptions = ([RecordedException(e.case_reference, Plan(e.plan),
                                     {Condition(c.condition): c.met_on for c in e.conditions})
                   for e in r.plan_exceptions] if coverage is Coverage.IEP_504_EXCEPTION else [])
    return _status(coverage, r.coverage_note, terms, exceptions, ctx)


def _status(coverage: Coverage, note: str, terms: ContractTerms | None, exceptions: list[RecordedException],
            ctx: ComplianceContext) -> ComplianceStatus:
    detail, complete = note, None
    if coverage is Coverage.IEP_504_EXCEPTION and exceptions:
        # The exceptions register decides: lawful while one exception has every condition met.
        complete, detail = resource_exception_outcome(exceptions)
    return resource_status(coverage, terms, ctx.on, ctx.calendar, ctx.amend_days, detail=detail,
                           exception_complete=complete)


# What list_catalog reads of each resource: plain columns, not ORM objects (building thousands of
# resources with their contracts, provisions and exceptions was most of its time).
ENTRY_COLUMNS = (
    CatalogResource.id, CatalogResource.name, CatalogResource.link, CatalogResource.description,
    CatalogResource.permission, CatalogResource.grades, CatalogResource.not_used_by_students,
    CatalogResource.approved_at, CatalogResource.coverage, CatalogResource.contract_id,
    CatalogResource.coverage_note, CatalogResource.version, CatalogResource.approval_ended_at,
)


def _exceptions_in(session: Session, resource_ids: Select) -> dict[int, list[RecordedException]]:
    """The recorded exceptions of the resources `resource_ids` selects, by resource, in one statement;
    each resource's in id order, each one's conditions in the policy's order (as the relationships are)."""
    rows = session.execute(
        select(PlanException.catalog_resource_id, PlanException.id, PlanException.case_reference, PlanException.plan,
               PlanExceptionCondition.condition, PlanExceptionCondition.met_on)
        .outerjoin(PlanException.conditions)
        .where(PlanException.catalog_resource_id.in_(resource_ids))
        .order_by(PlanException.id, PlanExceptionCondition.position)
    )
    found: dict[int, dict[int, tuple[str, Plan, dict[Condition, date | None]]]] = {}
    for resource_id, exception_id, case_reference, plan, condition, met_on in rows:
        _, _, met = found.setdefault(resource_id, {}).setdefault(exception_id, (case_reference, Plan(plan), {}))
        if condition is not None:  # an exception with no condition recorded has one row, of NULL conditions
            met[Condition(condition)] = met_on
    return {resource_id: [RecordedException(*e) for e in by_id.values()] for resource_id, by_id in found.items()}


def _entries(rows: Iterable, terms: dict[int, ContractTerms], exceptions: dict[int, list[RecordedException]],
             ctx: ComplianceContext, access: dict[int, AccessibilityStatus]) -> list[CatalogEntry]:
    """The entries of rows of ENTRY_COLUMNS, each with its status on ctx.on, its accessibility status from
    `access` (accessibility.statuses_in) and its renewal date."""
    by_contract: dict[int, ComplianceStatus] = {}  # several resources share one contract: its status once

    def status(r, coverage: Coverage) -> ComplianceStatus:
        if coverage is Coverage.CONTRACT and r.contract_id in terms:  # the contract's status, whatever the note
            if r.contract_id not in by_contract:
                by_contract[r.contract_id] = _status(coverage, "", terms[r.contract_id], [], ctx)
            return by_contract[r.contract_id]
        return _status(coverage, r.coverage_note, terms.get(r.contract_id), exceptions.get(r.id, []), ctx)

    entries = []
    for r in rows:
        coverage = Coverage(r.coverage)
        expires = terms[r.contract_id].expires if coverage is Coverage.CONTRACT and r.contract_id in terms else None
        entries.append(CatalogEntry(r.id, r.name, r.link, r.description, Permission(r.permission), _grades(r.grades),
                                    r.not_used_by_students, r.approved_at, coverage, r.contract_id, r.coverage_note,
                                    status(r, coverage), r.version, access.get(r.id),
                                    None if r.approval_ended_at else ctx.renewal_due(r.approved_at, expires),
                                    r.approval_ended_at))
    return entries


# For one resource: its contract and exceptions load when read (exceptions only for an IEP/504
# exception), each with its provisions or conditions in one more statement, not one per exception.
ONE_RESOURCE_LOADS = (
    defaultload(CatalogResource.contract).selectinload(Contract.provisions),
    defaultload(CatalogResource.plan_exceptions).selectinload(PlanException.conditions),
)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _matching(session: Session, words: str, link: str) -> ColumnElement[bool]:
    """Resources with `words` in their name or `link` in their link (both as normalised): through the
    search index (db/search.py) when the database has one and both are long enough for trigrams."""
    conn = session.connection()
    if (min(len(words), len(link)) >= search_index.MIN_CHARS
            and search_index.in_use(conn)):
        table_ = search_index.CATALOG_TABLE
        wanted = f"normalised_name : {search_index.phrase(words)} OR normalised_link : {search_index.phrase(link)}"
        found = select(literal_column("rowid")).select_from(table(table_)).where(
            literal_column(table_).op("MATCH")(wanted))
        return CatalogResource.id.in_(found)
    return or_(CatalogResource.normalised_name.like(_like(words), escape="\\"),
               CatalogResource.normalised_link.like(_like(link), escape="\\"))


def list_catalog(
    session: Session, actor_id: int, search: str = "", states: set[ComplianceState] | None = None,
    on: date | None = None, show: Shown = Shown.CURRENT,
) -> list[CatalogEntry]:
    """Approved resources with their compliance status on `on` (today), optionally only those states, and
    when each comes back for renewal. A tool whose renewal was not approved is listed only when `show`
    asks for ended approvals (ENDED or ALL), with the day its approval ended and no renewal date."""
    acting(session, actor_id)
    ctx = compliance_context(session, on)
    query = select(*ENTRY_COLUMNS).order_by(CatalogResource.normalised_name, CatalogResource.id)
    if Shown(show) is Shown.CURRENT:
        query = query.where(CatalogResource.approval_ended_at.is_(None))
    elif Shown(show) is Shown.ENDED:
        query = query.where(CatalogResource.approval_ended_at.is_not(None))
    if words := normalise_name(search):
        query = query.where(_matching(session, words, clean_text(search).lower()))
    rows = session.execute(query).all()
    # The listed resources' contracts and exceptions, through the same query as a subquery: a fixed
    # number of statements, whatever the number of rows.
    listed = query.order_by(None)
    terms = contract_terms_in(session, listed.with_only_columns(CatalogResource.contract_id))
    exceptions = _exceptions_in(session, listed.with_only_columns(CatalogResource.id).where(
        CatalogResource.coverage == Coverage.IEP_504_EXCEPTION.value))
    access = accessibility.statuses_in(session, listed.with_only_columns(CatalogResource.id), ctx)
    entries = _entries(rows, terms, exceptions, ctx, access)
    return [e for e in entries if states is None or e.status.state in states]


def get_entry(session: Session, actor_id: int, resource_id: int, on: date | None = None) -> CatalogEntry:
    acting(session, actor_id)
    r = session.get(CatalogResource, resource_id, options=ONE_RESOURCE_LOADS)
    if r is None:
        raise NotFound("This resource is no longer in the catalog.")
    ctx = compliance_context(session, on)
    return replace(_entry(r, ctx), accessibility=accessibility.status_of_resource(session, r.id, ctx))


def status_for_request(session: Session, actor_id: int, request_id: int, on: date | None = None) -> ComplianceStatus:
    """The compliance status the resource of a request has (or would have once approved): the catalog
    entry it is linked to or matches by link or name; a resource new to the catalog has no contract."""
    acting(session, actor_id, *REVIEWERS)
    request = session.get(Request, request_id)
    if request is None:
        raise NotFound(f"There is no request {request_id}.")
    ctx = compliance_context(session, on)
    linked = request.catalog_resource_id or request.renewal_of_id  # a renewal's entry, whatever its name now
    entry = session.get(CatalogResource, linked, options=ONE_RESOURCE_LOADS) if linked else None
    entry = entry or catalog_match(session, request, ONE_RESOURCE_LOADS)
    if entry is None:
        return resource_status(Coverage.NONE, None, ctx.on, ctx.calendar, ctx.amend_days)
    return resource_status_of(entry, ctx)


MATCH_CANDIDATES = 200  # catalog names sharing the most three-letter pieces with the one typed, checked one by one
MAX_MATCHES = 20


def _name_candidates(session: Session, name: str) -> ColumnElement[bool]:
    """Catalog entries whose name shares a three-letter piece with the compact form of `name` (spaces
    dropped, matching.trigrams): through the search index's trigrams when the database has one (the
    entries sharing the most pieces first), else LIKE (PostgreSQL's pg_trgm index serves it)."""
    pieces = trigrams(name)
    if search_index.in_use(session.connection()):
        table_ = search_index.CATALOG_TABLE
        wanted = "normalised_name : (" + " OR ".join(search_index.phrase(p) for p in pieces) + ")"
        found = (select(literal_column("rowid")).select_from(table(table_))
                 .where(literal_column(table_).op("MATCH")(wanted))
                 .order_by(literal_column("rank")).limit(MATCH_CANDIDATES))
        return CatalogResource.id.in_(found)
    return or_(*(CatalogResource.normalised_name.like(_like(p), escape="\\") for p in pieces))


def find_matches(session: Session, actor_id: int, name: str, link: str, grades: Iterable[Grade] | None = None,
                 not_used_by_students: bool = False) -> list[PriorDecision]:
    """What the district already decided about a resource with this name (or a close spelling of it:
    domain.matching.names_match) or this link. Each approval says how its grades stand to `grades`
    (or to staff use, with `not_used_by_students`), the grades the teacher is asking for."""
    acting(session, actor_id)
    key_link = normalise_link(link)
    compact = compact_name(name)
    if len(compact) < MIN_CHARS and not key_link:
        return []
    conditions = []
    if len(compact) >= MIN_CHARS:
        conditions.append(_name_candidates(session, name))
    if key_link:
        conditions.append(CatalogResource.normalised_link == key_link)
    asked = tuple(grades or ())
    same_name = matcher(name)
    candidates = session.execute(
        select(CatalogResource.id, CatalogResource.name, CatalogResource.normalised_name, CatalogResource.link,
               CatalogResource.normalised_link, CatalogResource.permission, CatalogResource.approved_at,
               CatalogResource.grades, CatalogResource.not_used_by_students)
        .where(or_(*conditions), CatalogResource.approval_ended_at.is_(None))
        .order_by(CatalogResource.id).limit(MATCH_CANDIDATES))
    matches = []
    for r in candidates:
        if not ((key_link and r.normalised_link == key_link) or same_name(r.normalised_name.replace(" ", ""))):
            continue
        approved = _grades(r.grades)
        matches.append(PriorDecision(r.name, r.link, True, Permission(r.permission), r.approved_at, "", r.id,
                                     approved, r.not_used_by_students,
                                     grade_fit(approved, r.not_used_by_students, asked, not_used_by_students)))
        if len(matches) == MAX_MATCHES:
            break
    # Earlier refusals, so a teacher knows why before filing the same thing again.
    # Only the columns shown, newest first through ix_request_status_decided (no sort of every refusal).
    refused = session.execute(
        select(Request.resource_name, Request.resource_link, Request.decided_at, Request.reason)
        .where(Request.status == RequestStatus.NOT_APPROVED.value)
        .order_by(Request.decided_at.desc(), Request.id.desc()).limit(200)
    )
    for r in refused:
        if (len(compact) >= MIN_CHARS and same_name(compact_name(r.resource_name))) or (
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
    # A renewal renews its own entry, whatever its name or link has become.
    entry = session.get(CatalogResource, request.renewal_of_id) if request.renewal_of_id else None
    entry = entry or catalog_match(session, request)
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
    entry.approval_ended_at = None  # approved again after a renewal was refused
    session.flush()
    entry.last_request_id = request.id
    request.catalog_resource_id = entry.id
    # The accessibility reviews recorded while the request was reviewed are the tool's from now on.
    session.execute(update(AccessibilityReview)
                    .where(AccessibilityReview.request_id == request.id,
                           AccessibilityReview.catalog_resource_id.is_(None))
                    .values(catalog_resource_id=entry.id))
    return entry


def record_decision(session: Session, actor: Person, request: Request) -> None:
    """What a request's decision does to the catalog: approved, the tool's entry is made or updated
    (link_approved_request) and the decision keeps what the approval rests on (approval_context); a renewal
    not approved ends the tool's approval. The entry then stays, for the record and for the contracts,
    deletions and exceptions that point at it; the catalog lists only approved tools."""
    if request.decision == Decision.APPROVED.value:
        entry = link_approved_request(session, request)
        audit.record(session, actor.id, "catalog", entry.id, "approved request linked",
                     {"request": [None, request.id], "permission": [None, entry.permission]})
        session.flush()
        request.decided_context = approval_context(session, entry)
    elif request.renewal_of_id is not None:
        entry = session.get(CatalogResource, request.renewal_of_id)
        if entry is None or entry.approval_ended_at is not None:
            return
        entry.approval_ended_at = audit.now()
        audit.record(session, actor.id, "catalog", entry.id, "approval ended",
                     {"renewal": [None, request.id], "reason": [None, request.reason]})


def approval_context(session: Session, entry: CatalogResource) -> dict:
    """What an approval rests on as it is made, kept with the decision for its renewal to compare:
    the entry's compliance and accessibility status, as state codes and the words shown."""
    ctx = compliance_context(session)
    status = resource_status_of(session.get(CatalogResource, entry.id, options=ONE_RESOURCE_LOADS), ctx)
    access = accessibility.status_of_resource(session, entry.id, ctx)
    return {"on": ctx.on.isoformat(), "contract_state": status.state.value,
            "contract": status_words(status),
            "accessibility_state": access.state.value, "accessibility": access.text}


def status_words(status: ComplianceStatus) -> str:
    """A compliance status in one line: its state and reason, the state once when the reason starts with it."""
    label = status.state.label
    return status.reason if status.reason.startswith(label) else f"{label}: {status.reason}"
