"""Breaches of security at a contractor (C.G.S. 10-234dd, policy 3520.13 "Notice of Breach of Security"):
when the contractor must tell the Board, when the Board must tell the students and parents affected and
post a notice on its website, and how each step went, in words.

The two periods, as the policy puts the statute:

* a breach that releases student information, *excluding* directory information: the contractor
  notifies the Board without unreasonable delay and no later than 30 days from discovery;
* a breach that releases directory information, student records or student-generated content: no later
  than 60 days from discovery.

"Student records" sit with the 60-day group in the text (as directory information and student-generated
content do). A breach involving several kinds takes the shortest period that applies: any student
information (other than directory information) makes it 30 days.

Once the Board has the contractor's notice it has two business days (state holidays and district
closures skipped, the day of receipt never counting) to notify the students and parents electronically,
and it must also post a notice of the breach on its website; the app holds the website notice to the
same two business days.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from enum import StrEnum

from .calendar import BusinessCalendar
from .contracts import format_day
from .deadlines import Obligation, ObligationKind
from .validation import clean_text

STUDENT_INFORMATION_DAYS = 30
OTHER_DATA_DAYS = 60
FAMILY_NOTICE_BUSINESS_DAYS = 2
MAX_STUDENTS_AFFECTED = 1_000_000
INCIDENT_LIMITS = {"description": 5_000}


class Involves(StrEnum):
    """The kinds of student data a breach can involve; the values are what the database stores."""

    STUDENT_INFORMATION = "student_information"
    DIRECTORY_INFORMATION = "directory_information"
    STUDENT_RECORDS = "student_records"
    STUDENT_GENERATED_CONTENT = "student_generated_content"

    @property
    def label(self) -> str:
        return _INVOLVES_LABELS[self]


_INVOLVES_LABELS = {
    Involves.STUDENT_INFORMATION: "Student information (other than directory information)",
    Involves.DIRECTORY_INFORMATION: "Directory information",
    Involves.STUDENT_RECORDS: "Student records",
    Involves.STUDENT_GENERATED_CONTENT: "Student-generated content",
}


def parse_involves(text: str) -> frozenset[Involves]:
    """The stored comma-separated values; unknown ones are ignored rather than failing a whole list."""
    known = {i.value: i for i in Involves}
    return frozenset(known[v] for v in (part.strip() for part in text.split(",")) if v in known)


def store_involves(involves: Iterable[Involves]) -> str:
    chosen = set(involves)
    return ",".join(i.value for i in Involves if i in chosen)


def involves_text(involves: Iterable[Involves]) -> str:
    """The kinds in their fixed order, as words: "Directory information, Student records"."""
    chosen = set(involves)
    return ", ".join(i.label for i in Involves if i in chosen)


def contractor_notice_days(involves: Iterable[Involves]) -> int:
    """30 days when student information other than directory information is involved, else 60. With
    nothing ticked yet the shorter period is shown: the scope is not known, so assume the worst."""
    chosen = set(involves)
    if not chosen or Involves.STUDENT_INFORMATION in chosen:
        return STUDENT_INFORMATION_DAYS
    return OTHER_DATA_DAYS


def contractor_notice_due(discovered_on: date, involves: Iterable[Involves]) -> date:
    return discovered_on + timedelta(days=contractor_notice_days(involves))


def family_notice_due(board_notified_on: date, calendar: BusinessCalendar) -> date:
    return calendar.add_business_days(board_notified_on, FAMILY_NOTICE_BUSINESS_DAYS)


@dataclass(frozen=True)
class IncidentFacts:
    discovered_on: date
    involves: frozenset[Involves]
    board_notified_on: date | None = None  # the contractor's notice reached the Board
    parents_notified_on: date | None = None  # the affected students and parents were told
    website_posted_on: date | None = None  # notice of the breach posted on the district website


class StepState(StrEnum):
    WAITING = "waiting"  # cannot start yet: the Board has no notice
    DUE = "due"
    OVERDUE = "overdue"
    ON_TIME = "on_time"
    LATE = "late"

    @property
    def mark(self) -> str:
        """A symbol shown with the words, so that the state is never told by colour alone."""
        return _STEP_MARKS[self]

    @property
    def done(self) -> bool:
        return self in (StepState.ON_TIME, StepState.LATE)


_STEP_MARKS = {
    StepState.WAITING: "\u2026",  # …
    StepState.DUE: "\u25f7",  # ◷
    StepState.OVERDUE: "\u26a0",  # ⚠
    StepState.ON_TIME: "\u2714",  # ✔
    StepState.LATE: "\u26a0",
}


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n:,} days"


@dataclass(frozen=True)
class Step:
    title: str  # "Contractor's notice to the Board"
    rule: str  # "within 30 days of discovery (student information)"
    due: date | None  # None while the step waits for an earlier one
    done: date | None
    state: StepState
    words: str  # "on time", "late by 3 days", "due Wed 10 Feb 2027", "overdue since Thu 11 Feb 2027", ...

    @property
    def summary(self) -> str:
        """The mark, the words and the dates that explain them: "⚠ overdue since Thu 11 Feb 2027 (was due
        Wed 10 Feb 2027)", "✔ on time (done Tue 9 Feb 2027)"."""
        text = f"{self.state.mark} {self.words}"
        if self.state is StepState.OVERDUE and self.due is not None:
            text += f" (was due {format_day(self.due)})"
        elif self.done is not None:
            text += f" (done {format_day(self.done)}"
            text += f", due {format_day(self.due)})" if self.state is StepState.LATE and self.due else ")"
        return text


def _step(title: str, rule: str, due: date | None, done: date | None, on: date, waiting: str) -> Step:
    if due is None:
        return Step(title, rule, None, done, StepState.WAITING, waiting)
    if done is not None:
        if done <= due:
            return Step(title, rule, due, done, StepState.ON_TIME, "on time")
        return Step(title, rule, due, done, StepState.LATE, f"late by {_days((done - due).days)}")
    if on > due:
        return Step(title, rule, due, None, StepState.OVERDUE, f"overdue since {format_day(due + timedelta(days=1))}")
    return Step(title, rule, due, None, StepState.DUE, f"due {format_day(due)}")


class IncidentState(StrEnum):
    """The incident as a whole, worst first."""

    OVERDUE = "overdue"
    OPEN = "open"
    CLOSED_LATE = "closed_late"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return _INCIDENT_STATES[self][0]

    @property
    def mark(self) -> str:
        return _INCIDENT_STATES[self][1]


_INCIDENT_STATES = {
    IncidentState.OVERDUE: ("Overdue", "\u26a0"),
    IncidentState.OPEN: ("Open", "\u25f7"),
    IncidentState.CLOSED_LATE: ("Closed, with late notices", "\u2714"),
    IncidentState.CLOSED: ("Closed, every notice on time", "\u2714"),
}
INCIDENT_STATE_ORDER = list(IncidentState)


@dataclass(frozen=True)
class IncidentTimeline:
    notice_days: int  # 30 or 60
    contractor_notice: Step
    family_notice: Step
    website_notice: Step
    state: IncidentState
    headline: str  # the state's mark and what matters most now, in one sentence

    @property
    def steps(self) -> tuple[Step, Step, Step]:
        return (self.contractor_notice, self.family_notice, self.website_notice)


CONTRACTOR_NOTICE = "Contractor's notice to the Board"
FAMILY_NOTICE = "Notice to affected students and parents"
WEBSITE_NOTICE = "Notice posted on the district website"
WAITING_FOR_NOTICE = "waiting for the contractor's notice"


def incident_timeline(facts: IncidentFacts, on: date, calendar: BusinessCalendar) -> IncidentTimeline:
    """Each step's due date, when it was done and how it went, as of `on`; and a headline."""
    days = contractor_notice_days(facts.involves)
    why = "student information" if days == STUDENT_INFORMATION_DAYS and facts.involves else (
        "the kinds of data are not recorded yet" if not facts.involves else
        "directory information, student records or student-generated content")
    contractor = _step(CONTRACTOR_NOTICE, f"within {days} days of discovery: {why}",
                       contractor_notice_due(facts.discovered_on, facts.involves), facts.board_notified_on, on, "")
    board_due = family_notice_due(facts.board_notified_on, calendar) if facts.board_notified_on else None
    family = _step(FAMILY_NOTICE, "within 2 business days of receiving the contractor's notice", board_due,
                   facts.parents_notified_on, on, WAITING_FOR_NOTICE)
    website = _step(WEBSITE_NOTICE, "with the notice to families, within 2 business days of receiving the "
                    "contractor's notice", board_due, facts.website_posted_on, on, WAITING_FOR_NOTICE)
    state, headline = _headline(contractor, family, website)
    return IncidentTimeline(days, contractor, family, website, state, headline)


_SHORT = {CONTRACTOR_NOTICE: "the contractor's notice", FAMILY_NOTICE: "the notice to families",
          WEBSITE_NOTICE: "the website notice"}


def _headline(contractor: Step, family: Step, website: Step) -> tuple[IncidentState, str]:
    steps = (contractor, family, website)
    if all(s.state.done for s in steps):
        late = [s for s in steps if s.state is StepState.LATE]
        if not late:
            return IncidentState.CLOSED, f"{IncidentState.CLOSED.mark} Closed: every notice was given on time."
        which = "; ".join(f"{_SHORT[s.title]} was {s.words}" for s in late)
        return IncidentState.CLOSED_LATE, f"{IncidentState.CLOSED_LATE.mark} Closed, but {which}."
    overdue, open_ = IncidentState.OVERDUE, IncidentState.OPEN
    if contractor.state is StepState.OVERDUE:
        return overdue, (f"{overdue.mark} Overdue: the contractor has not notified the Board; the notice was due "
                         f"{format_day(contractor.due)}.")
    if contractor.state is StepState.DUE:
        return open_, (f"{open_.mark} Waiting for the contractor's notice to the Board, due "
                       f"{format_day(contractor.due)} at the latest.")
    todo = []
    if not family.state.done:
        todo.append("notify the affected students and parents")
    if not website.state.done:
        todo.append("post notice of the breach on the district website")
    what = " and ".join(todo)
    due = format_day(family.due)  # the website notice has the same due date
    if StepState.OVERDUE in (family.state, website.state):
        return overdue, f"{overdue.mark} Overdue: the Board must {what}; it was due {due}."
    return open_, f"{open_.mark} The Board must {what} by {due}."


def incident_obligations(
    ref: object, subject: str, facts: IncidentFacts, on: date, calendar: BusinessCalendar
) -> list[Obligation]:
    """What is still to be done about one incident: the contractor's notice while the Board has none;
    then the notice to families and the website notice (one obligation, saying which remain)."""
    t = incident_timeline(facts, on, calendar)
    kinds = involves_text(facts.involves).lower() or "student data"
    found: list[Obligation] = []
    c = t.contractor_notice
    if not c.state.done:
        assert c.due is not None
        overdue = c.state is StepState.OVERDUE
        text = (f"{subject} has not notified the Board of the breach discovered {format_day(facts.discovered_on)} "
                f"({kinds}); the notice was due {format_day(c.due)}. Ask the contractor for it in writing."
                if overdue else
                f"{subject} must notify the Board of the breach discovered {format_day(facts.discovered_on)} "
                f"({kinds}) without unreasonable delay, by {format_day(c.due)} at the latest "
                f"({t.notice_days} days). Record the day the notice arrives.")
        found.append(Obligation(ObligationKind.BREACH_CONTRACTOR_NOTICE, subject, c.due, overdue, text, ref))
        return found
    f, w = t.family_notice, t.website_notice
    if f.state.done and w.state.done:
        return found
    assert f.due is not None
    todo = []
    if not f.state.done:
        todo.append("notify electronically the students and parents whose data was involved")
    if not w.state.done:
        todo.append("post notice of the breach on the district website")
    overdue = StepState.OVERDUE in (f.state, w.state)
    when = f"it was due {format_day(f.due)}" if overdue else f"due {format_day(f.due)}"
    text = (f"Breach at {subject} ({kinds}), notice received {format_day(facts.board_notified_on)}: "
            f"{' and '.join(todo)}; {when}.")
    found.append(Obligation(ObligationKind.BREACH_FAMILY_NOTICE, subject, f.due, overdue, text, ref))
    return found


# --- what the reviewer types ---------------------------------------------------------------------


@dataclass
class IncidentForm:
    contractor_id: int | None = None
    contract_id: int | None = None
    discovered_on: date | None = None
    involves: frozenset[Involves] = field(default_factory=frozenset)
    students_affected: int | None = None  # None: not known yet
    description: str = ""
    board_notified_on: date | None = None
    parents_notified_on: date | None = None
    website_posted_on: date | None = None

    def cleaned(self) -> IncidentForm:
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values["description"] = clean_text(self.description)
        values["involves"] = frozenset(Involves(i) for i in self.involves)
        return IncidentForm(**values)

    def facts(self) -> IncidentFacts | None:
        """The facts the deadlines are computed from; None until the discovery date is known."""
        if self.discovered_on is None:
            return None
        return IncidentFacts(self.discovered_on, frozenset(self.involves), self.board_notified_on,
                             self.parents_notified_on, self.website_posted_on)


FUTURE = "This date is in the future; record it when it has happened."


def validate_incident(form: IncidentForm, today: date) -> dict[str, str]:
    """Field name → message; empty means valid. The contractor's and contract's existence are the
    service's to check."""
    errors: dict[str, str] = {}
    if form.contractor_id is None:
        errors["contractor_id"] = "Choose the contractor where the breach happened."
    d = form.discovered_on
    if d is None:
        errors["discovered_on"] = "Enter the day the contractor discovered the breach."
    elif d > today:
        errors["discovered_on"] = "A breach cannot be discovered in the future; record it once it has been."
    if not form.involves:
        errors["involves"] = "Tick at least one kind of student data the breach involved."
    n = form.students_affected
    if n is not None and (isinstance(n, bool) or not isinstance(n, int) or n < 0):
        errors["students_affected"] = "Enter the number of students affected: 0 or more (or leave it unknown)."
    elif n is not None and n > MAX_STUDENTS_AFFECTED:
        errors["students_affected"] = f"Enter at most {MAX_STUDENTS_AFFECTED:,} students."
    limit = INCIDENT_LIMITS["description"]
    if len(form.description) > limit:
        errors["description"] = (f"This is {len(form.description):,} characters long; the limit is {limit:,}. "
                                 "Shorten it (nothing was saved).")
    elif not form.description.strip():
        errors["description"] = "Say what happened: the report and the letter to parents print it."
    board = form.board_notified_on
    if board is not None:
        if board > today:
            errors["board_notified_on"] = FUTURE
        elif d is not None and board < d:
            errors["board_notified_on"] = "The Board cannot receive the notice before the breach was discovered."
    for key, what in (("parents_notified_on", "Students and parents cannot be notified"),
                      ("website_posted_on", "The website notice cannot be posted")):
        value = getattr(form, key)
        if value is None:
            continue
        if value > today:
            errors[key] = FUTURE
        elif d is not None and value < d:
            errors[key] = "This cannot come before the breach was discovered."
        elif board is None:
            errors[key] = ("Record first when the contractor's notice reached the Board: the Board's two business "
                           "days start then.")
        elif value < board:
            errors[key] = f"{what} before the Board received the contractor's notice ({format_day(board)})."
    return errors
