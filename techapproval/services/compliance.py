"""What compliance is computed against: today, the district's closures and its amendment period;
plus the closures themselves, the yearly notice to parents, and the deadlines dashboard."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Row, Select, func, select
from sqlalchemy.orm import Session

from ..db.models import AnnualNotice, Contract, Contractor, ContractProvision, DistrictClosure
from ..domain.accessibility import LARGE_ENTITY_DATE, compliance_date, population_of
from ..domain.calendar import BusinessCalendar
from ..domain.contracts import ContractTerms, Provision, details_to_complete
from ..domain.deadlines import (
    ContractForDeadlines,
    Obligation,
    annual_notice_due,
    obligations,
    school_year_label,
    soonest_first,
)
from ..domain.enums import Role
from ..domain.settings import amend_days, renewal_at_contract_expiry, renewal_years
from . import audit
from .access import REVIEWERS, acting
from .errors import Invalid, NotFound
from .settings import read as read_settings


@dataclass(frozen=True)
class ComplianceContext:
    on: date
    calendar: BusinessCalendar
    amend_days: int
    ada_due: date = LARGE_ENTITY_DATE  # the ADA Title II compliance date for the district's population
    renewal_years: int = 3  # approvals come back for re-review after this many years (0: never) ...
    renewal_at_expiry: bool = True  # ... or when the tool's contract expires, whichever is first


def compliance_context(session: Session, on: date | None = None) -> ComplianceContext:
    closures = {c.day: c.label for c in session.scalars(select(DistrictClosure))}
    values = read_settings(session)
    return ComplianceContext(on or date.today(), BusinessCalendar(closures), amend_days(values),
                             compliance_date(population_of(values.get("district_population", ""))),
                             renewal_years(values), renewal_at_contract_expiry(values))


def contract_terms(c: Contract) -> ContractTerms:
    to_complete = details_to_complete(bool(c.purpose), bool(c.description), bool(c.information_allowed))
    return _terms(c, frozenset(Provision(p.provision) for p in c.provisions), to_complete)


def _terms(c: Contract | Row, provisions: frozenset[Provision], to_complete: tuple[str, ...]) -> ContractTerms:
    """The terms from a contract, or from a row of TERMS_COLUMNS (the same attribute names)."""
    return ContractTerms(
        executed=c.executed_on, expires=c.expires_on, provisions=provisions,
        uses_state_addendum=c.uses_state_addendum, amend_notice_sent=c.amend_notice_sent_on, amended=c.amended_on,
        notice_posted=c.notice_posted_on, deletion_confirmed=c.deletion_confirmed_on, to_complete=to_complete,
    )


TERMS_COLUMNS = (
    Contract.id, Contract.executed_on, Contract.expires_on, Contract.uses_state_addendum,
    Contract.amend_notice_sent_on, Contract.amended_on, Contract.notice_posted_on, Contract.deletion_confirmed_on,
    # Whether each detail the website notice gives is recorded, not the texts themselves.
    (func.length(Contract.purpose) > 0).label("has_purpose"),
    (func.length(Contract.description) > 0).label("has_description"),
    (func.length(Contract.information_allowed) > 0).label("has_information"),
)


def contract_terms_in(session: Session, contract_ids: Select) -> dict[int, ContractTerms]:
    """The terms of the contracts whose ids `contract_ids` selects, by id, in two statements. Plain rows,
    not ORM objects: a list of hundreds of contracts spent most of its time building them."""
    provisions: defaultdict[int, set[Provision]] = defaultdict(set)
    for contract_id, provision in session.execute(
        select(ContractProvision.contract_id, ContractProvision.provision)
        .where(ContractProvision.contract_id.in_(contract_ids))
    ):
        provisions[contract_id].add(Provision(provision))
    rows = session.execute(select(*TERMS_COLUMNS).where(Contract.id.in_(contract_ids)))
    return {c.id: _terms(c, frozenset(provisions.get(c.id, ())),
                         details_to_complete(bool(c.has_purpose), bool(c.has_description), bool(c.has_information)))
            for c in rows}


# --- district closures ---------------------------------------------------------------------------


def list_closures(session: Session, actor_id: int) -> list[tuple[date, str]]:
    acting(session, actor_id)
    return [(c.day, c.label) for c in session.scalars(select(DistrictClosure).order_by(DistrictClosure.day))]


def add_closure(session: Session, actor_id: int, day: date, label: str) -> None:
    """A snow day or recess: deadlines counted in business days move past it."""
    actor = acting(session, actor_id, Role.ADMINISTRATOR)
    label = label.strip()
    if not label:
        raise Invalid({"label": "Say what the closure is, e.g. \u201cSnow day\u201d."})
    if len(label) > 100:
        raise Invalid({"label": "Use at most 100 characters."})
    existing = session.get(DistrictClosure, day)
    if existing is None:
        session.add(DistrictClosure(day=day, label=label))
        audit.record(session, actor.id, "closure", day.toordinal(), "closure added", {day.isoformat(): [None, label]})
    elif existing.label != label:
        audit.record(session, actor.id, "closure", day.toordinal(), "closure changed",
                     {day.isoformat(): [existing.label, label]})
        existing.label = label
    session.flush()


def remove_closure(session: Session, actor_id: int, day: date) -> None:
    actor = acting(session, actor_id, Role.ADMINISTRATOR)
    existing = session.get(DistrictClosure, day)
    if existing is None:
        raise NotFound(f"{day.isoformat()} is not a district closure.")
    audit.record(session, actor.id, "closure", day.toordinal(), "closure removed",
                 {day.isoformat(): [existing.label, None]})
    session.delete(existing)
    session.flush()


# --- the yearly notice of the contracts website ----------------------------------------------------


@dataclass(frozen=True)
class AnnualNoticeView:
    school_year: int
    label: str  # "2026–27"
    due: date
    drafted_on: date | None
    sent_on: date | None


def annual_notice(session: Session, actor_id: int, school_year: int) -> AnnualNoticeView:
    acting(session, actor_id)
    row = session.get(AnnualNotice, school_year)
    return AnnualNoticeView(school_year, school_year_label(school_year), annual_notice_due(school_year),
                            row.drafted_on if row else None, row.sent_on if row else None)


def record_annual_notice(
    session: Session, actor_id: int, school_year: int, drafted_on: date | None, sent_on: date | None,
    today: date | None = None,
) -> AnnualNoticeView:
    actor = acting(session, actor_id, *REVIEWERS)
    today = today or date.today()
    errors = {}
    for key, value in (("drafted_on", drafted_on), ("sent_on", sent_on)):
        if value and value > today:
            errors[key] = "This date is in the future; record it when it has happened."
    if drafted_on and sent_on and sent_on < drafted_on:
        errors["sent_on"] = "The notice cannot be sent before it was drafted."
    if errors:
        raise Invalid(errors)
    row = session.get(AnnualNotice, school_year)
    if row is None:
        row = AnnualNotice(school_year=school_year)
        session.add(row)
    old = {"drafted_on": row.drafted_on, "sent_on": row.sent_on}
    row.drafted_on, row.sent_on = drafted_on, sent_on
    new = {"drafted_on": drafted_on, "sent_on": sent_on}
    changes = {k: [v.isoformat() if v else None for v in pair] for k, pair in audit.diff(old, new).items()}
    if changes:
        audit.record(session, actor.id, "annual_notice", school_year, "yearly notice recorded", changes)
    session.flush()
    return annual_notice(session, actor_id, school_year)


# --- deadlines -------------------------------------------------------------------------------------


def deadlines(session: Session, actor_id: int, on: date | None = None) -> list[Obligation]:
    """Every open obligation, soonest first; overdue ones carry overdue=True. `ref` is the contract id
    (or the school year for the yearly notice)."""
    acting(session, actor_id, *REVIEWERS)
    ctx = compliance_context(session, on)
    terms = contract_terms_in(session, select(Contract.id))  # plain rows: no ORM object per provision
    rows = session.execute(select(Contract.id, Contractor.name, Contract.title).join(Contract.contractor)
                           .order_by(Contractor.normalised_name, Contract.id))
    items = [ContractForDeadlines(r.id, f"{r.name}{f' — {r.title}' if r.title else ''}", terms[r.id]) for r in rows]
    sent = {n.school_year: n.sent_on for n in session.scalars(select(AnnualNotice)) if n.sent_on}
    from . import accessibility, deletions, incidents, renewals  # the other registers build on this module

    return soonest_first([*obligations(items, ctx.on, ctx.calendar, ctx.amend_days, sent),
                          *incidents.open_obligations(session, ctx), *deletions.open_obligations(session, ctx),
                          *accessibility.open_obligations(session, ctx), *renewals.open_obligations(session, ctx)])


def overdue_count(session: Session, actor_id: int, on: date | None = None) -> int:
    return sum(o.overdue for o in deadlines(session, actor_id, on))
