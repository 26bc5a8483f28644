"""Renewals: an approval does not last forever. The district chooses how often approved tools come back
for re-review, and whether a tool's contract ending brings it back sooner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

# A renewal enters the queue this many days before it is due, so the review can end by then.
LEAD_DAYS = 30
MAX_YEARS = 10
# At most this many renewals wait in the queue at once; the next open as those are decided. A district
# that upgrades with years of approvals, or imports them, would otherwise find hundreds in its queue at once.
MAX_OPEN = 20


def add_years(day: date, years: int) -> date:
    """The same date `years` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def renewal_due(approved_on: date, every_years: int, contract_expires: date | None,
                at_contract_expiry: bool) -> date | None:
    """When an approval made on `approved_on` must be reviewed again: after `every_years` (0: no fixed
    period) or when its contract expires (if the district chose so), whichever comes first. None: never."""
    candidates = []
    if every_years > 0:
        candidates.append(add_years(approved_on, every_years))
    # A contract that had already ended when the tool was (re)approved does not bring it back at once.
    if at_contract_expiry and contract_expires is not None and contract_expires > approved_on:
        candidates.append(contract_expires)
    return min(candidates) if candidates else None


def opens_on(due: date) -> date:
    """The day the renewal enters the review queue."""
    return due - timedelta(days=LEAD_DAYS)


@dataclass(frozen=True)
class RenewalRef:
    """The `ref` of a renewal obligation: the catalog entry, and its open renewal request if there is one
    (None: nobody is on file to renew it, so a reviewer chooses who uses it)."""

    resource_id: int
    request_id: int | None
