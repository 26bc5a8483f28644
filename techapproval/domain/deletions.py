"""Requests that a contractor delete student data (policy 3520.13; C.G.S. 10-234bb(a)(2) and 10-234cc):
who may ask, how a request ends, and where it stands on a given day.

A student, a parent or guardian, or the Board may ask. The contractor deletes within a reasonable time
(a district setting, fixed on the request when it is recorded) unless state or federal law requires the
data to be kept, or the only copy left is a disaster-recovery copy that is inaccessible to the public and
unusable in the normal course of business. Who asked is recorded as a case reference, never a name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .contracts import format_day
from .deadlines import Obligation, ObligationKind

CASE_REFERENCE_MAX = 100
WHAT_MAX = 5_000
NOTE_MAX = 2_000


class Requester(StrEnum):
    STUDENT = "student"
    PARENT = "parent"
    BOARD = "board"

    @property
    def label(self) -> str:
        return {"student": "Student", "parent": "Parent or guardian", "board": "Board of Education"}[self.value]

    @property
    def needs_case_reference(self) -> bool:
        """A student's or family's request is identified by a case reference; the Board's own need not be."""
        return self is not Requester.BOARD


class Outcome(StrEnum):
    OPEN = "open"
    DELETED = "deleted"
    LEGAL_RETENTION = "legal_retention"
    DISASTER_RECOVERY = "disaster_recovery"

    @property
    def label(self) -> str:
        return _OUTCOME_LABELS[self]

    @property
    def needs_note(self) -> bool:
        """Keeping the data is the exception the law allows: say which law, or which copy."""
        return self in (Outcome.LEGAL_RETENTION, Outcome.DISASTER_RECOVERY)


_OUTCOME_LABELS = {
    Outcome.OPEN: "Open: waiting for the contractor",
    Outcome.DELETED: "Deleted (confirmed by the contractor)",
    Outcome.LEGAL_RETENTION: "Kept: state or federal law requires retention",
    Outcome.DISASTER_RECOVERY: "Kept: inaccessible disaster-recovery copy",
}

CLOSING_OUTCOMES: tuple[Outcome, ...] = (Outcome.DELETED, Outcome.LEGAL_RETENTION, Outcome.DISASTER_RECOVERY)

# The statute's proviso, shown where a disaster-recovery outcome is chosen or displayed.
DISASTER_RECOVERY_PROVISO = (
    "If the contractor later uses that copy to repopulate accessible data after a disaster recovery, the "
    "student, parent or guardian, or the Board may request its deletion again."
)


@dataclass(frozen=True)
class DeletionRef:
    """The `ref` of a deletion obligation: a deletion request's id, never mistaken for a contract id."""

    request_id: int


def deletion_due(requested_on: date, days: int) -> date:
    if days < 1:
        raise ValueError(f"The time to delete must be at least 1 day, not {days}")
    return requested_on + timedelta(days=days)


def case_reference_problem(text: str, required: bool = True) -> str | None:
    """A case reference identifies a file, not a child. A plain name has no number in it, so a reference
    must have one (e.g. "DEL-2026-014"); an email address is refused too. This catches a typed name, not
    a name with a number added: the placeholder and the label say why, the check only backs them up."""
    text = text.strip()
    if not text:
        return "Give the case reference (e.g. DEL-2026-014), never the student's name." if required else None
    if len(text) > CASE_REFERENCE_MAX:
        return f"Use at most {CASE_REFERENCE_MAX} characters for the case reference."
    if "@" in text:
        return "A case reference is not an email address. Use the file's reference, e.g. DEL-2026-014."
    if not any(ch.isdecimal() for ch in text):
        return ("A case reference has a number in it, e.g. DEL-2026-014. Never enter a student's name: "
                "use the reference of the student's file instead.")
    return None


def deletion_state(
    requested_on: date, due_on: date, outcome: Outcome | str, closed_on: date | None, on: date
) -> tuple[str, bool]:
    """Where a deletion request stands on `on`, in words with a mark (never colour alone), and whether
    the contractor is overdue. A request closed late is not overdue any more; its words say it was late."""
    outcome = Outcome(outcome)
    asked = f"requested {format_day(requested_on)}"
    if outcome is Outcome.OPEN:
        if on > due_on:
            return f"\u26a0 Overdue: deletion was due {format_day(due_on)} ({asked}).", True
        return f"\u25f7 Open: deletion due by {format_day(due_on)} ({asked}).", False
    when = f" on {format_day(closed_on)}" if closed_on else ""
    late = f"; late, it was due {format_day(due_on)}" if closed_on and closed_on > due_on else ""
    if outcome is Outcome.DELETED:
        return f"\u2714 Deleted{when} (confirmed by the contractor{late}).", False
    return f"\u2716 {outcome.label} (recorded{when}{late}).", False


_WHO = {Requester.STUDENT: "a student", Requester.PARENT: "a parent or guardian", Requester.BOARD: "the Board"}


def deletion_obligation(
    subject: str,
    requested_by: Requester | str,
    case_reference: str,
    requested_on: date,
    due_on: date,
    outcome: Outcome | str,
    on: date,
    ref: object | None = None,
) -> Obligation | None:
    """The open duty a deletion request puts on the contractor (and the Board, to follow it up): due on
    `due_on`, overdue once `on` is past it; None once the request is closed."""
    if Outcome(outcome) is not Outcome.OPEN:
        return None
    who = _WHO[Requester(requested_by)]
    case = f" (case {case_reference.strip()})" if case_reference.strip() else ""
    when = f"it was due {format_day(due_on)}" if on > due_on else f"due {format_day(due_on)}"
    text = (f"{subject} must delete the student data {who}{case} asked on {format_day(requested_on)} to have "
            f"deleted, or say which law requires keeping it; {when}.")
    return Obligation(ObligationKind.DELETION_DUE, subject, due_on, on > due_on, text, ref)


def validate_deletion_request(
    requested_by: str, case_reference: str, requested_on: date | None, what: str, today: date
) -> dict[str, str]:
    errors: dict[str, str] = {}
    try:
        who = Requester(requested_by)
    except ValueError:
        errors["requested_by"] = "Say who asked: a student, a parent or guardian, or the Board."
        who = None
    if problem := case_reference_problem(case_reference, required=who is None or who.needs_case_reference):
        errors["case_reference"] = problem
    if requested_on is None:
        errors["requested_on"] = "Enter the date the deletion was requested."
    elif requested_on > today:
        errors["requested_on"] = "This date is in the future; record the request once it has been made."
    what = what.strip()
    if not what:
        errors["what"] = "Say which data is to be deleted, e.g. the account and work of this case."
    elif len(what) > WHAT_MAX:
        errors["what"] = f"This is {len(what):,} characters long; the limit is {WHAT_MAX:,}."
    return errors


def validate_closing(
    outcome: str, closed_on: date | None, note: str, requested_on: date, today: date
) -> dict[str, str]:
    errors: dict[str, str] = {}
    try:
        chosen = Outcome(outcome)
    except ValueError:
        chosen = None
    if chosen is None or chosen is Outcome.OPEN:
        errors["outcome"] = "Choose how the request ended: deleted, or kept under one of the law's exceptions."
    if closed_on is None:
        errors["closed_on"] = "Enter the date the contractor confirmed it."
    elif closed_on > today:
        errors["closed_on"] = "This date is in the future; record it when it has happened."
    elif closed_on < requested_on:
        errors["closed_on"] = f"This is before the request was made ({format_day(requested_on)})."
    note = note.strip()
    if chosen is not None and chosen.needs_note and not note:
        errors["note"] = ("Say which law requires the data to be kept." if chosen is Outcome.LEGAL_RETENTION
                          else "Describe the disaster-recovery copy the contractor keeps, and how it is "
                               "inaccessible to the public and unused in the normal course of business.")
    elif len(note) > NOTE_MAX:
        errors["note"] = f"This is {len(note):,} characters long; the limit is {NOTE_MAX:,}."
    return errors
