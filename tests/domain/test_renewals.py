"""When an approval comes back for re-review."""

from datetime import date

import pytest

from techapproval.domain.renewals import LEAD_DAYS, add_years, opens_on, renewal_due

D = date


@pytest.mark.parametrize(("approved", "years", "expires", "at_expiry", "due"), [
    (D(2026, 3, 10), 3, None, True, D(2029, 3, 10)),  # the period alone
    (D(2024, 2, 29), 3, None, True, D(2027, 2, 28)),  # 29 February: 28 February in a common year
    (D(2024, 2, 29), 4, None, True, D(2028, 2, 29)),  # ... and itself in a leap year
    (D(2026, 3, 10), 3, D(2027, 6, 30), True, D(2027, 6, 30)),  # the contract ends first
    (D(2026, 3, 10), 3, D(2030, 6, 30), True, D(2029, 3, 10)),  # the period ends first
    (D(2026, 3, 10), 3, D(2027, 6, 30), False, D(2029, 3, 10)),  # the district ignores contract expiry
    (D(2026, 3, 10), 3, D(2026, 1, 31), True, D(2029, 3, 10)),  # contract ended before the approval
    (D(2026, 3, 10), 3, D(2026, 3, 10), True, D(2029, 3, 10)),  # ... or on its day
    (D(2026, 3, 10), 0, D(2027, 6, 30), True, D(2027, 6, 30)),  # no period: only the contract
    (D(2026, 3, 10), 0, None, True, None),  # no period, no contract end: never
    (D(2026, 3, 10), 0, D(2027, 6, 30), False, None),  # no period, expiry ignored: never
    (D(2026, 3, 10), 0, D(2026, 1, 31), True, None),  # no period, contract already over: never
])
def test_renewal_due(approved, years, expires, at_expiry, due):
    assert renewal_due(approved, years, expires, at_expiry) == due


def test_a_renewal_opens_the_lead_time_before_it_is_due():
    assert LEAD_DAYS == 30
    assert opens_on(D(2029, 3, 10)) == D(2029, 2, 8)
    assert opens_on(D(2029, 1, 15)) == D(2028, 12, 16)  # across a year's end


def test_add_years():
    assert add_years(D(2023, 12, 31), 1) == D(2024, 12, 31)
    assert add_years(D(2028, 2, 29), 1) == D(2029, 2, 28)
