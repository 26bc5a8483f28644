"""The IEP/Section 504 exceptions register (policy 3520.13 section 7): a resource used without a compliant
contract because it is unique and necessary for one child's plan, with each of the law's conditions, the
date it was met and its evidence. Reviewers only: a case reference stands for the child, never a name.

Evidence files go into the same content-addressed store as signed contracts (ContractDocument, by
SHA-256), so a backup of the database carries them and a damaged copy is caught before use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from ..db.models import CatalogResource, ContractDocument, PlanException, PlanExceptionCondition
from ..domain.contracts import ComplianceStatus, Coverage
from ..domain.exceptions import (
    Condition,
    ExceptionStatus,
    Plan,
    exception_status,
    required_conditions,
    validate_exception,
)
from . import audit, contracts, documents
from .access import REVIEWERS, acting
from .catalog import resource_status_of
from .compliance_context import ComplianceContext, compliance_context
from .errors import Conflict, Invalid, NotFound, Refused


@dataclass(frozen=True)
class ConditionView:
    condition: Condition
    met_on: date | None
    document_name: str | None
    document_sha256: str | None
    document_size: int | None


@dataclass(frozen=True)
class ExceptionView:
    id: int
    case_reference: str
    plan: Plan
    resource_id: int
    resource_name: str
    resource_link: str
    notes: str
    conditions: tuple[ConditionView, ...]  # the plan's required conditions, in the policy's order
    status: ExceptionStatus
    resource_status: ComplianceStatus  # the approved resource's status, all its exceptions considered
    created_at: datetime
    version: int

    def condition(self, condition: Condition) -> ConditionView:
        return next(c for c in self.conditions if c.condition is condition)

    @property
    def met_count(self) -> int:
        return sum(1 for c in self.conditions if c.met_on is not None)


def _stale() -> Conflict:
    return Conflict("Someone else changed this exception while you were working on it. Nothing was overwritten; "
                    "look at it again.")


def _rows(e: PlanException) -> dict[Condition, PlanExceptionCondition]:
    return {Condition(c.condition): c for c in e.conditions}


def _view(session: Session, e: PlanException, sizes: dict[str, int] | None = None,
          ctx: ComplianceContext | None = None) -> ExceptionView:
    resource = session.get(CatalogResource, e.catalog_resource_id)
    rows = _rows(e)
    if sizes is None:
        digests = {c.document_sha256 for c in e.conditions if c.document_sha256}
        sizes = dict(session.execute(select(ContractDocument.sha256, ContractDocument.size)
                                     .where(ContractDocument.sha256.in_(digests))).all()) if digests else {}
    conditions = []
    for condition in required_conditions(e.plan):
        row = rows.get(condition)
        digest = row.document_sha256 if row else None
        conditions.append(ConditionView(condition, row.met_on if row else None, row.document_name if row else None,
                                        digest, sizes.get(digest) if digest else None))
    status = exception_status(e.plan, {c.condition: c.met_on for c in conditions},
                              {c.condition for c in conditions if c.document_sha256})
    return ExceptionView(
        e.id, e.case_reference, Plan(e.plan), resource.id, resource.name, resource.link, e.notes, tuple(conditions),
        status, resource_status_of(resource, ctx or compliance_context(session)), e.created_at, e.version,
    )


def _get(session: Session, exception_id: int) -> PlanException:
    e = session.get(PlanException, exception_id)
    if e is None:
        raise NotFound(f"There is no IEP/504 exception {exception_id}.")
    return e


def _row_for(e: PlanException, condition: Condition | str) -> PlanExceptionCondition:
    try:
        condition = Condition(condition)
    except ValueError:
        raise Invalid({"condition": "Choose one of the law's conditions."}) from None
    if condition not in required_conditions(e.plan):
        raise Invalid({"condition": f"{condition.label}: this applies to an IEP only, not to a "
                                    f"{Plan(e.plan).label}."})
    rows = _rows(e)
    if condition not in rows:  # a row is made for each required condition; this repairs one that is missing
        row = PlanExceptionCondition(condition=condition.value, position=list(Condition).index(condition) + 1)
        e.conditions.append(row)
        return row
    return rows[condition]


def _touch(session: Session, e: PlanException, expected_version: int | None) -> None:
    """A change to a condition is a change to the exception: check and bump its version."""
    if expected_version is not None and e.version != expected_version:
        raise _stale()
    flag_modified(e, "notes")
    try:
        session.flush()
    except StaleDataError:
        raise _stale() from None


# --- use cases ---------------------------------------------------------------------------------------


def record_exception(
    session: Session, actor_id: int, case_reference: str, plan: Plan | str, resource_id: int, notes: str = "",
) -> ExceptionView:
    """Register an exception for an approved resource and one child's plan. The resource's coverage becomes
    the IEP/504 exception, with the case references of its exceptions as the coverage note. A resource
    covered by a contract is refused: the exception is for an operator that cannot sign one."""
    actor = acting(session, actor_id, *REVIEWERS)
    case_reference, notes = case_reference.strip(), notes.strip()
    errors = validate_exception(case_reference, str(plan), notes)
    resource = session.get(CatalogResource, resource_id) if resource_id is not None else None
    if resource is None:
        errors["resource_id"] = "Choose the approved resource the child's plan needs."
    if errors:
        raise Invalid(errors)
    if resource.coverage == Coverage.CONTRACT.value:
        raise Refused(f"{resource.name} is covered by a contract. The IEP/504 exception is for a resource whose "
                      "operator cannot comply; change its coverage under Approved resources first if the "
                      "contract no longer covers it.")
    plan = Plan(plan)
    taken = {e.case_reference.casefold() for e in resource.plan_exceptions}
    if case_reference.casefold() in taken:
        raise Invalid({"case_reference": f"Case {case_reference} already has an exception for {resource.name}."})
    e = PlanException(
        case_reference=case_reference, plan=plan.value, catalog_resource_id=resource.id, notes=notes,
        created_at=audit.now(),
        conditions=[PlanExceptionCondition(condition=c.value, position=list(Condition).index(c) + 1)
                    for c in required_conditions(plan)],
    )
    session.add(e)
    session.flush()
    audit.record(session, actor.id, "plan_exception", e.id, "exception recorded", audit.diff({}, {
        "case_reference": case_reference, "plan": plan.value, "resource": resource.id, "notes": notes}))
    session.refresh(resource, ["plan_exceptions"])
    note = ", ".join(x.case_reference for x in resource.plan_exceptions)
    contracts.link_resource(session, actor.id, resource.id, Coverage.IEP_504_EXCEPTION, note=note)
    return _view(session, e)


def set_condition(
    session: Session, actor_id: int, exception_id: int, condition: Condition | str, met_on: date | None,
    expected_version: int | None = None, today: date | None = None,
) -> ExceptionView:
    """Record the date a condition was met (None: not met). The exception is complete once every condition
    of its plan has a date."""
    actor = acting(session, actor_id, *REVIEWERS)
    e = _get(session, exception_id)
    row = _row_for(e, condition)
    if met_on is not None and met_on > (today or date.today()):
        raise Invalid({"met_on": "This date is in the future; record it when it has happened."})
    old = row.met_on
    if old != met_on:
        row.met_on = met_on
        _touch(session, e, expected_version)
        audit.record(session, actor.id, "plan_exception", e.id, "condition met" if met_on else "condition cleared",
                     {row.condition: [old.isoformat() if old else None, met_on.isoformat() if met_on else None]})
    elif expected_version is not None and e.version != expected_version:
        raise _stale()
    return _view(session, e)


def set_conditions(
    session: Session, actor_id: int, exception_id: int, dates: dict[Condition, date | None],
    expected_version: int | None = None, today: date | None = None,
) -> ExceptionView:
    """Record several conditions' dates at once: all of them, or (a refusal, a conflict) none."""
    view = get_exception(session, actor_id, exception_id)
    version = expected_version
    for condition, met_on in dates.items():
        view = set_condition(session, actor_id, exception_id, condition, met_on, version, today)
        version = view.version
    return view


def attach_evidence(
    session: Session, actor_id: int, exception_id: int, condition: Condition | str, filename: str, content: bytes,
    expected_version: int | None = None,
) -> str:
    """Keep a file of evidence for one condition (the signed agreement, the record of the effort to
    contract, ...), addressed by its SHA-256 (returned). A second file replaces the first; the audit trail
    keeps both names and checksums. Attaching evidence does not date the condition."""
    actor = acting(session, actor_id, *REVIEWERS)
    e = _get(session, exception_id)
    row = _row_for(e, condition)
    name = documents.accept(filename, content, "evidence")  # size and kind checked before anything changes
    digest = documents.store(session, content)
    old = f"{row.document_name} ({row.document_sha256})" if row.document_sha256 else None
    row.document_sha256, row.document_name = digest, name
    _touch(session, e, expected_version)
    audit.record(session, actor.id, "plan_exception", e.id, "evidence attached",
                 {f"evidence {row.condition}": [old, f"{name} ({digest})"]})
    return digest


def evidence_content(session: Session, actor_id: int, exception_id: int, condition: Condition | str
                     ) -> tuple[str, bytes]:
    """The evidence file's name and bytes, checked against its SHA-256 before use."""
    acting(session, actor_id, *REVIEWERS)
    e = _get(session, exception_id)
    row = _rows(e).get(Condition(condition))
    if row is None or not row.document_sha256:
        raise NotFound("No evidence is attached for this condition.")
    return row.document_name or "evidence", documents.load(session, row.document_sha256, "evidence")


def list_exceptions(session: Session, actor_id: int) -> list[ExceptionView]:
    """Every exception, by resource name then case reference."""
    acting(session, actor_id, *REVIEWERS)
    query = (select(PlanException).join(CatalogResource, CatalogResource.id == PlanException.catalog_resource_id)
             .order_by(CatalogResource.normalised_name, PlanException.case_reference, PlanException.id)
             .options(selectinload(PlanException.conditions)))
    found = list(session.scalars(query))
    digests = {c.document_sha256 for e in found for c in e.conditions if c.document_sha256}
    sizes = dict(session.execute(select(ContractDocument.sha256, ContractDocument.size)
                                 .where(ContractDocument.sha256.in_(digests))).all()) if digests else {}
    ctx = compliance_context(session)
    return [_view(session, e, sizes, ctx) for e in found]


def get_exception(session: Session, actor_id: int, exception_id: int) -> ExceptionView:
    acting(session, actor_id, *REVIEWERS)
    return _view(session, _get(session, exception_id))


def resource_choices(session: Session, actor_id: int) -> list[tuple[int, str]]:
    """(id, name) of the approved resources an exception may be recorded for: those not covered by a contract."""
    acting(session, actor_id, *REVIEWERS)
    query = (select(CatalogResource).where(CatalogResource.coverage != Coverage.CONTRACT.value)
             .order_by(CatalogResource.normalised_name, CatalogResource.id))
    return [(r.id, r.name) for r in session.scalars(query)]
