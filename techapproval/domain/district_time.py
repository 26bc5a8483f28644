"""The district's clock: Connecticut's time zone, in which dates are shown, printed and counted."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

LOCAL = ZoneInfo("America/New_York")


def local_day(when: datetime) -> date:
    """The district's calendar day of an aware moment (stored in UTC)."""
    return when.astimezone(LOCAL).date()


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def spelled_day(d: date) -> str:
    """ "December 7, 2026": the services' English messages, spelled out so they never depend on the locale
    (the GUI writes its own dates in the person's language, gui/common.people_day)."""
    return f"{_MONTHS[d.month - 1]} {d.day}, {d.year}"
