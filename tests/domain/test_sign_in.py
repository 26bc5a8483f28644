"""The lock-out rule, as a table."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from techapproval.domain.sign_in import is_locked, lock_duration, lock_until, locked_message, temporary_password

NOW = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)
NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("failures", "minutes"),
    [(0, None), (1, None), (4, None), (5, 5), (6, 10), (7, 20), (8, 40), (9, 60), (10, 60), (50, 60), (10**6, 60)],
)
def test_lock_after_five_wrong_passwords_doubling_to_an_hour(failures, minutes):
    expected = None if minutes is None else timedelta(minutes=minutes)
    assert lock_duration(failures) == expected
    assert lock_until(failures, NOW) == (None if expected is None else NOW + expected)


@pytest.mark.parametrize(
    ("locked_until", "now", "locked"),
    [
        (None, NOW, False),
        (NOW + timedelta(seconds=1), NOW, True),
        (NOW, NOW, False),  # the lock ends at its time
        (NOW - timedelta(minutes=1), NOW, False),
    ],
)
def test_is_locked(locked_until, now, locked):
    assert is_locked(locked_until, now) is locked


@pytest.mark.parametrize(
    ("until_utc", "shown"),
    [
        (datetime(2026, 3, 2, 19, 5, tzinfo=UTC), "14:05"),  # EST, on the minute
        (datetime(2026, 3, 2, 19, 5, 1, tzinfo=UTC), "14:06"),  # rounded up: "after 14:05" would be too early
        (datetime(2026, 7, 2, 18, 5, 30, tzinfo=UTC), "14:06"),  # EDT
        (datetime(2026, 3, 2, 4, 59, 59, tzinfo=UTC), "00:00"),  # rounds over midnight
    ],
)
def test_locked_message_names_the_local_time(until_utc, shown):
    assert locked_message(until_utc, NEW_YORK) == (
        f"Too many wrong passwords for this account. Try again after {shown}, "
        "or ask an administrator to reset the password."
    )


def test_temporary_passwords_are_long_readable_and_different():
    made = {temporary_password() for _ in range(50)}
    assert len(made) == 50
    for password in made:
        assert re.fullmatch(r"[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}", password)
        assert not set(password) & set("01ilo")
