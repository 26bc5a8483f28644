"""Deletion of student data at a contractor: requests from a student, a parent or guardian or the Board,
how each ended, and the contractor's confirmation once a contract has expired. Reviewers keep them; who
asked is a case reference, never a name. Every change goes into the audit trail with old and new values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..db.models import Contract, Contractor, DeletionRequest
from ..domain.contracts import format_day
from ..domain.deadlines import Obligation
from ..domain.deletions import (
    DeletionRef,
    Outcome,
    Requester,
    deletion_due,
    deletion_obligation,
    deletion_state,
    validate_closing,
    validate_deletion_request,
)
from ..domain.settings import days_setting
from . import audit
from .access import REVIEWERS, acting
from .compliance_context import ComplianceContext, compliance_context
from .errors import Conflict, Invalid, NotFound, Refused
from .settings import read as read_settings


@dataclass(frozen=True)
class DeletionRequestView:
    id: int
    contractor_id: int
    contractor_name: str
    contract_id: int | None
    contract_label: str  # "" when the request names no particular contract
    requested_by: Requester
    case_reference: str
    requested_on: date
    what: str
    due_on: date
    outcome: Outcome
    closed_on: date | None
    note: str
    state: str  # where it stands, in words with a mark, for the day it was read
    overdue: bool
    version: int

    @property
    def is_open(self) -> bool:
        return self.outcome is Outcome.OPEN


@dataclass(frozen=True)
class ExpiredContractView:
    """A contract past its last day in effect whose contractor has not confirmed deleting student data."""

    id: int
    label: str
    expires_on: date
    version: int


def _contract_label(c: Contract) -> str:
    title = f" \u2014 {c.title}" if c.title else ""
    return f"{c.contractor.name}{title} (executed {format_day(c.executed_on)})"


def _view(d: DeletionRequest, on: date, contract: Contract | None) -> DeletionRequestView:
    words, overdue = deletion_state(d.requested_on, d.due_on, d.outcome, d.closed_on, on)
    return DeletionRequestView(
        d.id, d.contractor_id, d.contractor.name, d.contract_id, _contract_label(contract) if contract else "",
        Requester(d.requested_by), d.case_reference, d.requested_on, d.what, d.due_on, Outcome(d.outcome),
        d.closed_on, d.note, words, overdue, d.version,
    )


def _flat(d: DeletionRequest) -> dict:
    return {
        "contractor": d.contractor_id, "contract": d.contract_id, "requested_by": d.requested_by,
        "case_reference": d.case_reference, "requested_on": d.requested_on.isoformat(), "what": d.what,
        "due_on": d.due_on.isoformat(), "outcome": d.outcome,
        "closed_on": d.closed_on.isoformat() if d.closed_on else None, "note": d.note,
    }


def _stale() -> Conflict:
    return Conflict("Someone else changed this deletion request while you were working on it. Nothing was "
                    "overwritten; look at it again.")


def record_deletion_request(
    session: Session, actor_id: int, contractor_id: int, requested_by: Requester | str, case_reference: str,
    requested_on: date, what: str, contract_id: int | None = None, today: date | None = None,
) -> DeletionRequestView:
    """Record that a student, parent or guardian, or the Board asked the contractor to delete data. The
    due date is the request date plus the district's reasonable time as set today; a later change of the
    setting does not move it."""
    actor = acting(session, actor_id, *REVIEWERS)
    ctx = compliance_context(session, today)
    case_reference, what = case_reference.strip(), what.strip()
    errors = validate_deletion_request(str(requested_by), case_reference, requested_on, what, ctx.on)
    contractor = session.get(Contractor, contractor_id) if contractor_id is not None else None
    if contractor is None:
        errors["contractor_id"] = "Choose the contractor that holds the data."
    contract = session.get(Contract, contract_id) if contract_id is not None else None
    if contract_id is not None and (contract is None or contract.contractor_id != contractor_id):
        errors["contract_id"] = "Choose one of this contractor's contracts, or none."
    if errors:
        raise Invalid(errors)
    days = days_setting(read_settings(session), "deletion_days")
    d = DeletionRequest(
        contractor_id=contractor_id, contract_id=contract_id, requested_by=Requester(requested_by).value,
        case_reference=case_reference, requested_on=requested_on, what=what,
        due_on=deletion_due(requested_on, days), outcome=Outcome.OPEN.value, closed_on=None, note="",
        created_at=audit.now(),
    )
    session.add(d)
    session.flush()
    audit.record(session, actor.id, "deletion_request", d.id, "deletion requested", audit.diff({}, _flat(d)))
    return _view(d, ctx.on, contract)


def close_deletion_request(
    session: Session, actor_id: int, request_id: int, outcome: Outcome | str, closed_on: date | None,
    note: str = "", expected_version: int | None = None, today: date | None = None,
) -> DeletionRequestView:
    """The contractor confirmed deleting the data, or kept it under one of the law's two exceptions (which
    need a note: the law requiring retention, or the disaster-recovery copy)."""
    actor = acting(session, actor_id, *REVIEWERS)
    ctx = compliance_context(session, today)
    d = session.get(DeletionRequest, request_id)
    if d is None:
        raise NotFound(f"There is no deletion request {request_id}.")
    if expected_version is not None and d.version != expected_version:
        raise _stale()
    if d.outcome != Outcome.OPEN.value:
        raise Refused(f"This request is already closed: {Outcome(d.outcome).label}.")
    note = note.strip()
    errors = validate_closing(str(outcome), closed_on, note, d.requested_on, ctx.on)
    if errors:
        raise Invalid(errors)
    old = _flat(d)
    d.outcome, d.closed_on, d.note = Outcome(outcome).value, closed_on, note
    try:
        session.flush()
    except StaleDataError:
        raise _stale() from None
    audit.record(session, actor.id, "deletion_request", d.id, "deletion request closed", audit.diff(old, _flat(d)))
    return _view(d, ctx.on, session.get(Contract, d.contract_id) if d.contract_id else None)


def list_deletion_requests(session: Session, actor_id: int, on: date | None = None) -> list[DeletionRequestView]:
    """Open requests first, soonest due first; then closed ones, most recently closed first."""
    acting(session, actor_id, *REVIEWERS)
    ctx = compliance_context(session, on)
    rows = list(session.scalars(select(DeletionRequest)))
    contracts = {c.id: c for c in session.scalars(
        select(Contract).where(Contract.id.in_({d.contract_id for d in rows if d.contract_id})))}
    rows.sort(key=lambda d: (d.outcome != Outcome.OPEN.value,
                             d.due_on.toordinal() if d.outcome == Outcome.OPEN.value else -d.closed_on.toordinal(),
                             d.id))
    return [_view(d, ctx.on, contracts.get(d.contract_id)) for d in rows]


def get_deletion_request(session: Session, actor_id: int, request_id: int, on: date | None = None
                         ) -> DeletionRequestView:
    acting(session, actor_id, *REVIEWERS)
    d = session.get(DeletionRequest, request_id)
    if d is None:
        raise NotFound(f"There is no deletion request {request_id}.")
    return _view(d, compliance_context(session, on).on, session.get(Contract, d.contract_id) if d.contract_id else None)


def open_obligations(session: Session, ctx: ComplianceContext) -> list[Obligation]:
    """Every open deletion request as a DELETION_DUE obligation, soonest first; `ref` is a DeletionRef.
    No role check: the caller (compliance.deadlines) has made it."""
    found = []
    query = (select(DeletionRequest).where(DeletionRequest.outcome == Outcome.OPEN.value)
             .order_by(DeletionRequest.due_on, DeletionRequest.id))
    for d in session.scalars(query):
        o = deletion_obligation(d.contractor.name, d.requested_by, d.case_reference, d.requested_on, d.due_on,
                                d.outcome, ctx.on, DeletionRef(d.id))
        if o is not None:
            found.append(o)
    return found


# --- expired contracts ------------------------------------------------------------------------------


def list_expired_unconfirmed(session: Session, actor_id: int, on: date | None = None) -> list[ExpiredContractView]:
    """Contracts past their last day in effect with no confirmation that the contractor deleted the data;
    longest expired first."""
    acting(session, actor_id, *REVIEWERS)
    ctx = compliance_context(session, on)
    query = (select(Contract).where(Contract.expires_on.is_not(None), Contract.expires_on < ctx.on,
                                    Contract.deletion_confirmed_on.is_(None))
             .order_by(Contract.expires_on, Contract.id))
    return [ExpiredContractView(c.id, _contract_label(c), c.expires_on, c.version)
            for c in session.scalars(query).unique()]


def confirm_contract_deletion(
    session: Session, actor_id: int, contract_id: int, confirmed_on: date | None,
    expected_version: int | None = None, today: date | None = None,
) -> ExpiredContractView:
    """Record the contractor's confirmation that it retains no student data after the contract expired."""
    actor = acting(session, actor_id, *REVIEWERS)
    ctx = compliance_context(session, today)
    c = session.get(Contract, contract_id)
    if c is None:
        raise NotFound(f"There is no contract {contract_id}.")
    if expected_version is not None and c.version != expected_version:
        raise Conflict("Someone else changed this contract while you were working on it. Nothing was "
                       "overwritten; look at it again.")
    if c.expires_on is None:
        raise Refused("This contract has no expiry date. Deletion is confirmed once a contract has expired; "
                      "for data a student, parent or the Board asked to delete, record a deletion request.")
    if ctx.on <= c.expires_on:
        raise Refused(f"This contract is in effect until {format_day(c.expires_on)}. Confirm deletion after it "
                      "has expired.")
    if confirmed_on is None:
        raise Invalid({"confirmed_on": "Enter the date the contractor confirmed deleting the data."})
    if confirmed_on > ctx.on:
        raise Invalid({"confirmed_on": "This date is in the future; record it when it has happened."})
    if confirmed_on < c.executed_on:
        raise Invalid({"confirmed_on": f"This is before the contract was executed ({format_day(c.executed_on)})."})
    old = c.deletion_confirmed_on
    if old != confirmed_on:
        c.deletion_confirmed_on = confirmed_on
        c.updated_at = audit.now()
        try:
            session.flush()
        except StaleDataError:
            raise Conflict("Someone else changed this contract while you were working on it. Nothing was "
                           "overwritten; look at it again.") from None
        audit.record(session, actor.id, "contract", c.id, "deletion confirmed",
                     {"deletion_confirmed_on": [old.isoformat() if old else None, confirmed_on.isoformat()]})
    return ExpiredContractView(c.id, _contract_label(c), c.expires_on, c.version)
