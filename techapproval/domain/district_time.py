"""The district's clock: Connecticut's time zone, in which dates are shown, printed and counted."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

LOCAL = ZoneInfo("America/New_York")


def local_day(when: datetime) -> date:
    """The district's calendar day of an aware moment (stored in UTC)."""
    return when.astimezone(LOCAL).date()
