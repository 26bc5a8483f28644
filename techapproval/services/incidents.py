"""Breaches of security at contractors (C.G.S. 10-234dd): what happened, which student data, and when
each notice was given, with the law's deadlines worked out for today. Reviewers keep the record; nobody
else may see it, since it describes weaknesses in the handling of student data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..db.models import Contract, Contractor, Incident
from ..domain.contracts import format_day
from ..domain.deadlines import Obligation
from ..domain.incidents import (
    IncidentFacts,
    IncidentForm,
    IncidentTimeline,
    incident_obligations,
    incident_timeline,
    involves_text,
    parse_involves,
    store_involves,
    validate_incident,
)
from . import audit
from .access import REVIEWERS, acting
from .compliance_context import ComplianceContext, compliance_context
from .errors import Conflict, Invalid, NotFound

__all__ = [
    "IncidentForm",
    "IncidentView",
    "get_incident",
    "list_incidents",
    "open_obligations",
    "record_incident",
    "update_incident",
]

STUDENTS_UNKNOWN = "Not known yet"


@dataclass(frozen=True)
class IncidentView:
    id: int
    contractor_id: int
    contractor_name: str
    contract_id: int | None
    contract_label: str | None  # "Data privacy agreement (executed Mon 5 Oct 2026)"
    form: IncidentForm
    facts: IncidentFacts
    timeline: IncidentTimeline
    as_of: date  # the day the timeline was worked out for
    created_at: datetime
    updated_at: datetime
    version: int

    @property
    def reference(self) -> str:
        return f"Incident {self.id}"

    @property
    def involves_text(self) -> str:
        return involves_text(self.facts.involves)

    @property
    def students_text(self) -> str:
        n = self.form.students_affected
        return STUDENTS_UNKNOWN if n is None else f"{n:,}"

    @property
    def label(self) -> str:
        """How the incident is named in lists and titles."""
        return f"{self.reference}: {self.contractor_name}, discovered {format_day(self.facts.discovered_on)}"


def _contract_label(c: Contract) -> str:
    return f"{c.title or 'Contract'} (executed {format_day(c.executed_on)})"


def _form_of(i: Incident) -> IncidentForm:
    return IncidentForm(
        contractor_id=i.contractor_id, contract_id=i.contract_id, discovered_on=i.discovered_on,
        involves=parse_involves(i.involves), students_affected=i.students_affected, description=i.description,
        board_notified_on=i.board_notified_on, parents_notified_on=i.parents_notified_on,
        website_posted_on=i.website_posted_on,
    )


def _view(i: Incident, ctx: ComplianceContext) -> IncidentView:
    form = _form_of(i)
    facts = form.facts()
    assert facts is not None  # discovered_on is NOT NULL
    return IncidentView(
        i.id, i.contractor_id, i.contractor.name, i.contract_id, _contract_label(i.contract) if i.contract else None,
        form, facts, incident_timeline(facts, ctx.on, ctx.calendar), ctx.on, i.created_at, i.updated_at, i.version,
    )


def _flat(form: IncidentForm) -> dict:
    """The form as audit values: JSON-friendly and comparable."""
    return {
        "contractor": form.contractor_id,
        "contract": form.contract_id,
        "discovered_on": form.discovered_on.isoformat() if form.discovered_on else None,
        "involves": involves_text(form.involves),
        "students_affected": form.students_affected,
        "description": form.description,
        **{k: (getattr(form, k).isoformat() if getattr(form, k) else None)
           for k in ("board_notified_on", "parents_notified_on", "website_posted_on")},
    }


def _stale() -> Conflict:
    return Conflict("Someone else changed this incident while you were editing it. Nothing was overwritten; "
                    "reopen it to see their changes.")


# --- reading ---------------------------------------------------------------------------------------


def list_incidents(session: Session, actor_id: int, on: date | None = None) -> list[IncidentView]:
    """Every incident with its timeline as of `on` (today), most recently discovered first."""
    acting(session, actor_id, *REVIEWERS)
    ctx = compliance_context(session, on)
    query = select(Incident).order_by(Incident.discovered_on.desc(), Incident.id.desc())
    return [_view(i, ctx) for i in session.scalars(query).unique()]


def get_incident(session: Session, actor_id: int, incident_id: int, on: date | None = None) -> IncidentView:
    acting(session, actor_id, *REVIEWERS)
    i = session.get(Incident, incident_id)
    if i is None:
        raise NotFound(f"There is no incident {incident_id}.")
    return _view(i, compliance_context(session, on))


def open_obligations(session: Session, ctx: ComplianceContext) -> list[Obligation]:
    """What is still to be done about every incident, soonest first; `ref` is the incident id and `subject`
    the contractor's name. No role check: the caller (the deadlines list) has made its own."""
    found: list[Obligation] = []
    for i in session.scalars(select(Incident).order_by(Incident.id)).unique():
        facts = _form_of(i).facts()
        assert facts is not None
        found.extend(incident_obligations(i.id, i.contractor.name, facts, ctx.on, ctx.calendar))
    return sorted(found, key=lambda o: (o.due, o.subject.casefold(), o.ref))


# --- writing ---------------------------------------------------------------------------------------


def _check(session: Session, form: IncidentForm, today: date) -> None:
    errors = validate_incident(form, today)
    if form.contractor_id is not None and session.get(Contractor, form.contractor_id) is None:
        errors["contractor_id"] = "This contractor is no longer in the registry."
    if form.contract_id is not None:
        contract = session.get(Contract, form.contract_id)
        if contract is None:
            errors["contract_id"] = "This contract is no longer in the registry."
        elif form.contractor_id is not None and contract.contractor_id != form.contractor_id:
            errors["contract_id"] = "This contract is with another contractor: choose one of theirs, or none."
    if errors:
        raise Invalid(errors)


def _apply(i: Incident, form: IncidentForm) -> None:
    i.contractor_id, i.contract_id = form.contractor_id, form.contract_id
    i.discovered_on = form.discovered_on
    i.involves = store_involves(form.involves)
    i.students_affected = form.students_affected
    i.description = form.description
    i.board_notified_on, i.parents_notified_on = form.board_notified_on, form.parents_notified_on
    i.website_posted_on = form.website_posted_on


def record_incident(session: Session, actor_id: int, form: IncidentForm, today: date | None = None) -> IncidentView:
    """Record a breach the district has learned of. Reviewers only."""
    actor = acting(session, actor_id, *REVIEWERS)
    ctx = compliance_context(session, today)
    form = form.cleaned()
    _check(session, form, ctx.on)
    now = audit.now()
    i = Incident(created_at=now, updated_at=now)
    _apply(i, form)
    session.add(i)
    session.flush()
    audit.record(session, actor.id, "incident", i.id, "incident recorded", audit.diff({}, _flat(form)))
    session.refresh(i)
    return _view(i, ctx)


def update_incident(
    session: Session, actor_id: int, incident_id: int, form: IncidentForm, expected_version: int | None,
    today: date | None = None,
) -> IncidentView:
    """Change an incident, typically to record a notice as given. `expected_version` is the version the
    reviewer saw: someone else's change in between is refused, never overwritten."""
    actor = acting(session, actor_id, *REVIEWERS)
    ctx = compliance_context(session, today)
    i = session.get(Incident, incident_id)
    if i is None:
        raise NotFound(f"There is no incident {incident_id}.")
    if expected_version is not None and i.version != expected_version:
        raise _stale()
    form = form.cleaned()
    _check(session, form, ctx.on)
    old = _flat(_form_of(i))
    new = _flat(form)
    changes = audit.diff(old, new)
    if not changes:
        return _view(i, ctx)
    _apply(i, form)
    i.updated_at = audit.now()
    try:
        session.flush()
    except StaleDataError:
        raise _stale() from None
    audit.record(session, actor.id, "incident", i.id, "incident changed", changes)
    session.refresh(i)
    return _view(i, ctx)
