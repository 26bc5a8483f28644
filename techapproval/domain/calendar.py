"""Business days for the law's deadlines: weekdays that are not Connecticut state holidays
(observed days included) and not district closures."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from datetime import MAXYEAR, MINYEAR, date, timedelta
from typing import TYPE_CHECKING

from . import ct_holidays

if TYPE_CHECKING:
    import holidays

_lock = threading.Lock()
_ct: holidays.HolidayBase | None = None
_names: dict[date, str] = {}  # every holiday of the years in _loaded, copied out: a dict lookup is cheap
_loaded: set[int] = set()


def library_holidays(year: int) -> dict[date, str]:
    """The holidays dated in `year` as the `holidays` library gives them (_load holds _lock around it)."""
    global _ct
    if _ct is None:
        # Imported and built on first use: together they take most of a second (the library imports
        # every country it knows), hence the years ct_holidays reads from a file.
        import holidays

        _ct = holidays.country_holidays("US", subdiv="CT")
    # An observed day can fall in the neighbouring year (New Year's Day 2028 is observed
    # Fri 31 Dec 2027): expand both neighbours so such a day is found whichever year files it.
    for y in range(max(year - 1, MINYEAR), min(year + 1, MAXYEAR) + 1):
        date(y, 7, 1) in _ct  # noqa: B015 - membership test is what expands the years
    return {d: name for d, name in _ct.items() if d.year == year}


def _load(year: int) -> None:
    with _lock:
        if year in _loaded:
            return
        written = ct_holidays.holidays_of(year)  # None outside the file's years
        _names.update(written if written is not None else library_holidays(year))
        _loaded.add(year)


def holiday_name(day: date) -> str | None:
    """The Connecticut state holiday on `day` ("Independence Day (observed)"), or None."""
    if day.year not in _loaded:
        _load(day.year)
    return _names.get(day)


class BusinessCalendar:
    def __init__(self, closures: Mapping[date, str] | None = None) -> None:
        self._closures = dict(closures or {})

    @property
    def closures(self) -> Mapping[date, str]:
        return dict(self._closures)

    def closed_because(self, day: date) -> str | None:
        """Why `day` is not a business day, or None when it is. A holiday on a weekend is named as the
        holiday (the observed weekday is a separate date)."""
        name = holiday_name(day)
        if name:
            return name
        if day in self._closures:
            return f"District closure: {self._closures[day]}"
        if day.weekday() >= 5:
            return "Saturday" if day.weekday() == 5 else "Sunday"
        return None

    def is_business_day(self, day: date) -> bool:
        if day.weekday() >= 5:
            return False
        return day not in self._closures and holiday_name(day) is None

    def add_business_days(self, start: date, n: int) -> date:
        """The n-th business day strictly after `start`; `start` never counts, whatever it is."""
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            raise ValueError(f"n must be a whole number of at least 1, not {n!r}")
        day = start
        while n:
            day += timedelta(days=1)
            if self.is_business_day(day):
                n -= 1
        return day
