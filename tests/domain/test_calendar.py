from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from techapproval.domain import calendar as calendar_module
from techapproval.domain.calendar import BusinessCalendar

D = date.fromisoformat
SNOW = {D("2026-01-14"): "Snow day"}


@pytest.mark.parametrize(
    ("day", "why"),
    [
        ("2026-11-26", "Thanksgiving Day"),
        ("2026-11-27", None),  # the day after Thanksgiving is not a CT state holiday
        ("2026-02-12", "Lincoln's Birthday"),
        ("2026-02-16", "Washington's Birthday"),
        ("2027-03-26", "Good Friday"),
        ("2026-06-19", "Juneteenth National Independence Day"),
        ("2027-06-18", "Juneteenth National Independence Day (observed)"),
        ("2027-07-05", "Independence Day (observed)"),
        ("2027-12-24", "Christmas Day (observed)"),
        ("2027-12-31", "New Year's Day (observed)"),
        ("2028-02-11", "Lincoln's Birthday (observed)"),
        ("2026-07-04", "Independence Day"),  # a Saturday: named as the holiday
        ("2026-03-07", "Saturday"),
        ("2026-03-08", "Sunday"),
        ("2026-03-09", None),
        ("2026-01-14", "District closure: Snow day"),
        ("2026-01-13", None),
    ],
)
def test_closed_because(day, why):
    cal = BusinessCalendar(SNOW)
    assert cal.closed_because(D(day)) == why
    assert cal.is_business_day(D(day)) is (why is None)


@pytest.mark.parametrize(
    ("start", "n", "expected", "closures"),
    [
        # Wed before Thanksgiving: Fri 27, Mon 30, Tue 1, Wed 2, Thu 3
        ("2026-11-25", 5, "2026-12-03", {}),
        # Good Friday week 2027: Tue 23, Wed 24, Thu 25, Mon 29, Tue 30
        ("2027-03-22", 5, "2027-03-30", {}),
        ("2027-03-25", 1, "2027-03-29", {}),
        # Lincoln's (Thu 12) and Washington's (Mon 16) birthdays 2026: Wed 11, Fri 13, Tue 17, Wed 18, Thu 19
        ("2026-02-10", 5, "2026-02-19", {}),
        # Independence Day observed Mon 5 Jul 2027: Thu 1, Fri 2, Tue 6, Wed 7, Thu 8
        ("2027-06-30", 5, "2027-07-08", {}),
        # New Year's Day 2028 observed Fri 31 Dec 2027: Tue 28, Wed 29, Thu 30, Mon 3, Tue 4
        ("2027-12-27", 5, "2028-01-04", {}),
        # Christmas observed Fri 24 Dec too: Mon 27, Tue 28, Wed 29, Thu 30, Mon 3
        ("2027-12-23", 5, "2028-01-03", {}),
        # Lincoln's Birthday 2028 observed Fri 11 Feb: Thu 10, Mon 14, Tue 15, Wed 16, Thu 17
        ("2028-02-09", 5, "2028-02-17", {}),
        # Juneteenth 2027 observed Fri 18 Jun: Thu 17, Mon 21
        ("2027-06-16", 2, "2027-06-21", {}),
        # Executed on a weekend or holiday: that day never counts
        ("2026-03-07", 5, "2026-03-13", {}),
        ("2026-03-08", 5, "2026-03-13", {}),
        ("2026-11-26", 1, "2026-11-27", {}),
        # MLK Day Mon 19 Jan 2026: Tue 13, Wed 14, Thu 15, Fri 16, Tue 20
        ("2026-01-12", 5, "2026-01-20", {}),
        # ... and a snow day on Wed 14 pushes it to Wed 21
        ("2026-01-12", 5, "2026-01-21", SNOW),
    ],
)
def test_add_business_days(start, n, expected, closures):
    assert BusinessCalendar(closures).add_business_days(D(start), n) == D(expected)


@pytest.mark.parametrize("n", [0, -1, True, 2.0])
def test_add_business_days_refuses_a_bad_count(n):
    with pytest.raises(ValueError):
        BusinessCalendar().add_business_days(D("2026-11-25"), n)


def test_closures_are_copied_from_the_callers_mapping():
    closures = dict(SNOW)
    cal = BusinessCalendar(closures)
    closures[D("2026-01-15")] = "Ice"
    assert cal.is_business_day(D("2026-01-15"))
    assert not cal.is_business_day(D("2026-01-14"))


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        ("2027-12-31", "New Year's Day (observed)"),
        ("2028-01-01", "New Year's Day"),
        ("2021-12-31", "New Year's Day (observed)"),
    ],
)
def test_year_boundary_is_right_whichever_year_is_looked_up_first(monkeypatch, first, expected):
    monkeypatch.setattr(calendar_module, "_ct", None)
    monkeypatch.setattr(calendar_module, "_names", {})
    monkeypatch.setattr(calendar_module, "_loaded", set())
    assert BusinessCalendar().closed_because(D(first)) == expected


@settings(deadline=None)  # a date past the written-out years imports the holidays library: a second, once
@given(
    start=st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)),
    n=st.integers(min_value=1, max_value=40),
    closed=st.sets(st.integers(min_value=0, max_value=80), max_size=10),
)
def test_add_business_days_counts_exactly_n_business_days(start, n, closed):
    cal = BusinessCalendar({start + timedelta(days=k): "Closed" for k in closed})
    result = cal.add_business_days(start, n)
    assert result > start
    assert cal.is_business_day(result)
    between = [start + timedelta(days=k) for k in range(1, (result - start).days + 1)]
    assert sum(cal.is_business_day(d) for d in between) == n


def test_the_written_out_holidays_are_the_librarys():
    """ct_holidays spares a start the import of the holidays library: it must say what the library says.
    When this fails, write the file again: uv run python resources/calendar/generate.py"""
    from techapproval.domain import ct_holidays

    years = ct_holidays.written_years()
    assert years.start <= date.today().year and years.stop > date.today().year + 5  # this year and those ahead
    for year in years:
        assert ct_holidays.holidays_of(year) == calendar_module.library_holidays(year), year
    assert ct_holidays.holidays_of(years.start - 1) is None
    assert ct_holidays.holidays_of(years.stop) is None


@pytest.mark.parametrize(
    ("day", "why"),
    [
        ("1999-12-31", "New Year's Day (observed)"),  # the library's year, for the written-out 2000's holiday
        ("1999-07-05", "Independence Day (observed)"),
        ("2061-07-04", "Independence Day"),
        ("2061-11-24", "Thanksgiving Day"),
    ],
)
def test_years_not_written_out_come_from_the_library(monkeypatch, day, why):
    monkeypatch.setattr(calendar_module, "_names", {})
    monkeypatch.setattr(calendar_module, "_loaded", set())
    assert BusinessCalendar().closed_because(D(day)) == why
