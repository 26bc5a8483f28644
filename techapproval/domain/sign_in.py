"""The lock-out rule for wrong passwords, and temporary passwords for a reset.

After FREE_TRIES wrong passwords in a row the account is locked for FIRST_LOCK. The count is not
cleared when a lock ends: each further wrong password locks it again for twice as long, up to
LONGEST_LOCK. While locked, every attempt is refused without looking at the password (so the right
one is refused too, and hammering does not stretch the lock). A successful sign-in, or an
administrator's reset, clears the count.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta, tzinfo

FREE_TRIES = 5
FIRST_LOCK = timedelta(minutes=5)
LONGEST_LOCK = timedelta(minutes=60)


def lock_duration(failures: int) -> timedelta | None:
    """How long the account waits after this many wrong passwords in a row; None: not locked."""
    if failures < FREE_TRIES:
        return None
    doublings = min(failures - FREE_TRIES, 10)  # 2**10 × 5 min is far past the cap already
    return min(FIRST_LOCK * 2**doublings, LONGEST_LOCK)


def lock_until(failures: int, now: datetime) -> datetime | None:
    duration = lock_duration(failures)
    return None if duration is None else now + duration


def is_locked(locked_until: datetime | None, now: datetime) -> bool:
    return locked_until is not None and now < locked_until


def locked_message(locked_until: datetime, zone: tzinfo) -> str:
    """The refusal while locked, with the time rounded up to the minute so "after 14:05" is never early."""
    local = locked_until.astimezone(zone)
    if local.second or local.microsecond:
        local = local.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return (f"Too many wrong passwords for this account. Try again after {local:%H:%M}, "
            "or ask an administrator to reset the password.")


# No look-alikes (0/o, 1/l/i): read aloud or copied from a screen without mistakes.
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def temporary_password() -> str:
    """Three groups of four, e.g. "k7mq-3vxp-9trd": 14 characters, about 59 bits of randomness."""
    return "-".join("".join(secrets.choice(_ALPHABET) for _ in range(4)) for _ in range(3))
