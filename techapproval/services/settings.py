"""District settings: read by anyone signed in, changed by an administrator."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import locks
from ..db.models import Setting
from ..domain.enums import Role
from ..domain.settings import SETTINGS, normalised_setting, setting_problem
from . import audit
from .access import acting
from .errors import Conflict, Invalid


def read(session: Session) -> dict[str, str]:
    stored = {s.key: s.value for s in session.scalars(select(Setting))}
    return {key: stored.get(key, spec.default) for key, spec in SETTINGS.items()}


def write(session: Session, actor_id: int, values: dict[str, str]) -> None:
    """Without a role check: used by setup (which has its own) and by update_settings."""
    current = read(session)
    changes = {}
    for key, value in values.items():
        value = value.strip()
        if current.get(key) != value:
            changes[key] = [current.get(key), value]
            row = session.get(Setting, key)
            if row is None:
                session.add(Setting(key=key, value=value))
            else:
                row.value = value
    if changes:
        audit.record(session, actor_id, "setting", 0, "settings changed", changes)


def update_settings(
    session: Session, actor_id: int, values: dict[str, str], read_as: dict[str, str] | None = None
) -> dict[str, str]:
    """Change the settings in `values`. `read_as` is what the administrator saw before typing: if
    someone else changed one of these settings since, nothing is saved and Conflict says what it is now.
    Settings left out of `values` are not touched, so two administrators may change different ones."""
    acting(session, actor_id, Role.ADMINISTRATOR)
    unknown = set(values) - set(SETTINGS)
    if unknown:
        raise Invalid({k: "Not a setting." for k in unknown})
    errors = {k: m for k, v in values.items() if (m := setting_problem(k, v))}
    if errors:
        raise Invalid(errors)
    values = {k: normalised_setting(k, v) for k, v in values.items()}
    locks.hold(session, locks.SETTINGS)  # the comparison below and the write are one step
    current = read(session)
    if read_as is not None:
        changed = [k for k, v in values.items() if current[k] != read_as.get(k, current[k]) and current[k] != v]
        if changed:
            now = "; ".join(f"{SETTINGS[k].title}: \u201c{current[k]}\u201d" for k in changed)
            raise Conflict(f"Someone else changed these settings since you opened them. They are now: {now}. "
                           "Nothing was saved; check them and save again.")
    write(session, actor_id, values)
    return read(session)
