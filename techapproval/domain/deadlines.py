"""What the district must do next, and by when: the contract deadlines of C.G.S. 10-234bb and the
yearly notice to families, as one list soonest first."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .calendar import BusinessCalendar
from .contracts import (
    DEFAULT_AMEND_DAYS,
    EXPIRY_WARNING_DAYS,
    ContractTerms,
    amendment_due,
    format_day,
    website_notice_deadline,
    words,
)


class ObligationKind(StrEnum):
    WEBSITE_NOTICE = "website_notice"
    NOTICE_TO_AMEND = "notice_to_amend"
    AMENDMENT_DUE = "amendment_due"
    CONTRACT_EXPIRING = "contract_expiring"
    DELETION_UNCONFIRMED = "deletion_unconfirmed"
    ANNUAL_NOTICE = "annual_notice"
    BREACH_CONTRACTOR_NOTICE = "breach_contractor_notice"  # the contractor tells the Board (30 or 60 days)
    BREACH_FAMILY_NOTICE = "breach_family_notice"  # the Board tells students and parents (2 business days)
    DELETION_DUE = "deletion_due"
    ACCESSIBILITY_REVIEW = "accessibility_review"  # an approved tool not yet reviewed (ADA Title II)
    RENEWAL_DUE = "renewal_due"  # an approval due for re-review
    CONTRACT_DETAILS = "contract_details"  # a contract imported without its purpose, description or data

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    ObligationKind.WEBSITE_NOTICE: "Post website notice",
    ObligationKind.NOTICE_TO_AMEND: "Send notice to amend",
    ObligationKind.AMENDMENT_DUE: "Amendment due",
    ObligationKind.CONTRACT_EXPIRING: "Contract expiring",
    ObligationKind.DELETION_UNCONFIRMED: "Deletion not confirmed",
    ObligationKind.ANNUAL_NOTICE: "Annual notice to families",
    ObligationKind.BREACH_CONTRACTOR_NOTICE: "Breach: contractor's notice to the Board",
    ObligationKind.BREACH_FAMILY_NOTICE: "Breach: notify students and parents",
    ObligationKind.DELETION_DUE: "Deletion due",
    ObligationKind.ACCESSIBILITY_REVIEW: "Accessibility review",
    ObligationKind.RENEWAL_DUE: "Renewal due",
    ObligationKind.CONTRACT_DETAILS: "Contract details to complete",
}
_KIND_ORDER = {kind: i for i, kind in enumerate(ObligationKind)}


@dataclass(frozen=True)
class Obligation:
    kind: ObligationKind
    subject: str  # contractor name, or "School year 2026–27"
    due: date
    overdue: bool
    text: str  # what to do, in words
    ref: object | None = None  # the caller's id (a contract id; the start year for the annual notice)


@dataclass(frozen=True)
class ContractForDeadlines:
    ref: object
    name: str
    terms: ContractTerms


def school_year_of(day: date) -> int:
    """The calendar year the school year starts in: July 1 onwards belongs to the new one."""
    return day.year if day.month >= 7 else day.year - 1


def school_year_label(start_year: int) -> str:
    return f"{start_year}\u2013{(start_year + 1) % 100:02d}"


def annual_notice_due(start_year: int) -> date:
    return date(start_year, 9, 1)


def _contract_obligations(
    c: ContractForDeadlines, on: date, calendar: BusinessCalendar, amend_days: int
) -> Iterable[Obligation]:
    t, name = c.terms, c.name

    if t.notice_posted is None:
        due = website_notice_deadline(t.executed, calendar)
        when = f"it was due {format_day(due)}" if on > due else f"due {format_day(due)}"
        yield Obligation(
            ObligationKind.WEBSITE_NOTICE,
            name,
            due,
            on > due,
            f"Post the website notice for the contract with {name} executed {format_day(t.executed)}: "
            f"the contract, its date, a brief description and purpose, and the student data it may collect; {when}.",
            c.ref,
        )

    if t.to_complete:
        # Record keeping, with no date of its own in the law: due the day it is seen, like the notice to amend.
        unknown = " (whether any is missing is not known, so no notice to amend is listed yet)" \
            if t.provisions_unknown else ""
        yield Obligation(
            ObligationKind.CONTRACT_DETAILS,
            name,
            on,
            False,
            f"Complete the contract with {name} executed {format_day(t.executed)}: its "
            f"{words(t.details_missing)} are not recorded{unknown}.",
            c.ref,
        )

    missing = t.missing()
    if missing:
        codes = ", ".join(p.value for p in missing)
        if t.amend_notice_sent is None:
            # The law sets no date for the notice itself, but the time to amend only starts with it: due today.
            yield Obligation(
                ObligationKind.NOTICE_TO_AMEND,
                name,
                on,
                False,
                f"Send {name} notice to amend the contract: it lacks {codes}.",
                c.ref,
            )
        else:
            due = amendment_due(t.amend_notice_sent, amend_days)
            text = (
                f"{name} did not amend the contract (missing {codes}) by {format_day(due)}: it is void."
                if on > due
                else f"{name} must amend the contract to add {codes} by {format_day(due)}."
            )
            yield Obligation(ObligationKind.AMENDMENT_DUE, name, due, on > due, text, c.ref)

    if t.expires is not None:
        if on <= t.expires <= on + timedelta(days=EXPIRY_WARNING_DAYS):
            yield Obligation(
                ObligationKind.CONTRACT_EXPIRING,
                name,
                t.expires,
                False,
                f"The contract with {name} ends {format_day(t.expires)}: renew it, or plan for the contractor "
                "to delete student data.",
                c.ref,
            )
        elif on > t.expires and t.deletion_confirmed is None:
            yield Obligation(
                ObligationKind.DELETION_UNCONFIRMED,
                name,
                t.expires + timedelta(days=1),
                True,
                f"The contract with {name} ended {format_day(t.expires)}: get the contractor's confirmation "
                "that it retains no student data.",
                c.ref,
            )


def obligations(
    contracts: Iterable[ContractForDeadlines],
    on: date,
    calendar: BusinessCalendar,
    amend_days: int = DEFAULT_AMEND_DAYS,
    annual_notices_sent: Mapping[int, date] | None = None,
) -> list[Obligation]:
    """Every open obligation, soonest first (overdue ones come first as their dates are past); ties by
    kind, then subject, then the order given."""
    found: list[Obligation] = []
    for c in contracts:
        found.extend(_contract_obligations(c, on, calendar, amend_days))

    year = school_year_of(on)
    if year not in (annual_notices_sent or {}):
        due = annual_notice_due(year)
        label = school_year_label(year)
        found.append(
            Obligation(
                ObligationKind.ANNUAL_NOTICE,
                f"School year {label}",
                due,
                on > due,
                f"Notify students and parents electronically of the address of the district's contracts website "
                f"for {label}, on or before {format_day(due)}.",
                year,
            )
        )

    return soonest_first(found)


def soonest_first(items: Iterable[Obligation]) -> list[Obligation]:
    """The dashboard's order: by date, then kind, then subject; stable for equal keys."""
    return sorted(items, key=lambda o: (o.due, _KIND_ORDER[o.kind], o.subject.casefold(), o.subject))
