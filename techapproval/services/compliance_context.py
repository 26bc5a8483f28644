"""What compliance is computed against: today, the district's closures, its amendment period, its ADA
compliance date and its renewal rules (so a catalog entry's renewal date); and a contract's terms as the
domain rules read them. The registers (compliance, catalog, accessibility, renewals, deletions, incidents,
exceptions, the export) build on it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Row, Select, func, select
from sqlalchemy.orm import Session

from ..db.models import Contract, ContractProvision, DistrictClosure
from ..domain.accessibility import LARGE_ENTITY_DATE, compliance_date, population_of
from ..domain.calendar import BusinessCalendar
from ..domain.contracts import ContractTerms, Provision, details_to_complete
from ..domain.district_time import local_day
from ..domain.renewals import renewal_due
from ..domain.settings import amend_days, renewal_at_contract_expiry, renewal_years
from .settings import read as read_settings


@dataclass(frozen=True)
class ComplianceContext:
    on: date
    calendar: BusinessCalendar
    amend_days: int
    ada_due: date = LARGE_ENTITY_DATE  # the ADA Title II compliance date for the district's population
    renewal_years: int = 3  # approvals come back for re-review after this many years (0: never) ...
    renewal_at_expiry: bool = True  # ... or when the tool's contract expires, whichever is first

    def renewal_due(self, approved_at: datetime, contract_expires: date | None) -> date | None:
        """A catalog entry's renewal date: `contract_expires` is its contract's last day when it is covered
        by a contract (None otherwise). None: it never comes back."""
        return renewal_due(local_day(approved_at), self.renewal_years, contract_expires, self.renewal_at_expiry)


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
