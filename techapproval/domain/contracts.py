"""Contract compliance under C.G.S. 10-234bb: the eleven provisions, the website notice, amendment
and expiry, reduced to one status with its reasons in words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .calendar import BusinessCalendar

WEBSITE_NOTICE_BUSINESS_DAYS = 5
DEFAULT_AMEND_DAYS = 30  # district "reasonable time" to amend, calendar days
EXPIRY_WARNING_DAYS = 60

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_day(d: date) -> str:
    """ "Thu 3 Dec 2026": spelled out here so the words never depend on the locale."""
    return f"{_WEEKDAYS[d.weekday()]} {d.day} {_MONTHS[d.month - 1]} {d.year}"


class Provision(StrEnum):
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    P4 = "P4"
    P5 = "P5"
    P6 = "P6"
    P7 = "P7"
    P8 = "P8"
    P9 = "P9"
    P10 = "P10"
    P11 = "P11"

    @property
    def text(self) -> str:
        return _PROVISION_TEXTS[self]

    @property
    def label(self) -> str:
        return f"{self.value} \u2014 {self.text}"


_PROVISION_TEXTS = {
    Provision.P1: "Student data remains the Board's property and under its control",
    Provision.P2: "Means for the Board to request deletion",
    Provision.P3: "No use of the data except for purposes the contract authorizes",
    Provision.P4: "Students and parents may review PII and correct errors",
    Provision.P5: "Contractor ensures security and confidentiality",
    Provision.P6: "Procedures for notifying the Board of an unauthorized release",
    Provision.P7: "No retention of student data after the contract expires",
    Provision.P8: "Contractor and Board ensure FERPA compliance",
    Provision.P9: "Connecticut law governs",
    Provision.P10: "Severability",
    Provision.P11: "No use of PII for advertising or any unauthorized purpose",
}

# Declaration order, not string order: "P10" sorts before "P2" as text.
PROVISIONS: tuple[Provision, ...] = tuple(Provision)


@dataclass(frozen=True)
class ContractTerms:
    executed: date
    expires: date | None = None  # last day the contract is in effect; None = open-ended
    provisions: frozenset[Provision] = frozenset()
    uses_state_addendum: bool = False  # the state's uniform terms-of-service addendum: all eleven present
    amend_notice_sent: date | None = None  # notice to amend the missing provisions
    amended: date | None = None  # recorded together with ticking the added provisions
    notice_posted: date | None = None  # website notice posted
    deletion_confirmed: date | None = None  # contractor confirmed deletion after expiry
    # What the registry does not hold yet of what the website notice must give (details_to_complete):
    # a contract imported from a district's spreadsheet with only the columns it had.
    to_complete: tuple[str, ...] = ()

    @property
    def provisions_unknown(self) -> bool:
        """Nobody has checked the contract's provisions yet: its details are still to complete and it
        records neither a provision nor the state addendum (a contract imported from a sheet with no
        provisions column). Not "missing": nobody knows, so no notice to amend is due on that account."""
        return bool(self.to_complete) and not self.provisions and not self.uses_state_addendum

    @property
    def details_missing(self) -> tuple[str, ...]:
        """Every detail still to record: to_complete, and the provisions when they are unknown."""
        return self.to_complete + ((PROVISIONS_DETAIL,) if self.provisions_unknown else ())

    def missing(self) -> tuple[Provision, ...]:
        if self.uses_state_addendum or self.provisions_unknown:
            return ()
        return tuple(p for p in PROVISIONS if p not in self.provisions)


# What the website notice must give of a contract besides its date (C.G.S. 10-234bb(d)), as the
# registry names them when one is not recorded.
CONTRACT_DETAILS = ("purpose", "brief description", "student information it may collect")
PROVISIONS_DETAIL = "provisions it contains (P1 to P11, or the state addendum)"


def words(items: tuple[str, ...] | list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return " and ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else "".join(items)


def details_to_complete(purpose: bool, description: bool, information: bool) -> tuple[str, ...]:
    """The contract details not recorded yet, from whether each is: its purpose, its brief description,
    the student information it may collect. The contract form requires all three; a contract imported
    from a sheet without those columns has them empty until someone completes it."""
    return tuple(name for name, present in zip(CONTRACT_DETAILS, (purpose, description, information), strict=True)
                 if not present)


class Coverage(StrEnum):
    """How an approved resource stands with respect to the contract requirement."""

    CONTRACT = "contract"
    NOT_REQUIRED = "not_required"
    IEP_504_EXCEPTION = "iep_504_exception"
    NONE = "none"

    @property
    def label(self) -> str:
        return {
            "contract": "Contract",
            "not_required": "No contract required",
            "iep_504_exception": "IEP/504 exception",
            "none": "No contract on file",
        }[self.value]


class ComplianceState(StrEnum):
    COMPLIANT = "compliant"
    NOTICE_DUE = "notice_due"
    NOTICE_NOT_POSTED = "notice_not_posted"
    MISSING_PROVISIONS = "missing_provisions"
    DETAILS_TO_COMPLETE = "details_to_complete"  # purpose, description or student data not recorded yet
    VOID = "void"
    EXPIRED = "expired"
    NO_CONTRACT = "no_contract"
    NOT_REQUIRED = "not_required"
    IEP_504_EXCEPTION = "iep_504_exception"
    EXCEPTION_INCOMPLETE = "exception_incomplete"  # an IEP/504 exception with a condition not met yet

    @property
    def label(self) -> str:
        return _STATE_LABELS[self][0]

    @property
    def mark(self) -> str:
        """A symbol shown beside the label so the status is never told by colour alone."""
        return _STATE_LABELS[self][1]

    @property
    def within_law(self) -> bool:
        return self in _WITHIN_LAW


_STATE_LABELS = {
    ComplianceState.COMPLIANT: ("Compliant", "\u2714"),
    ComplianceState.NOTICE_DUE: ("Website notice due", "\u25f7"),
    ComplianceState.NOTICE_NOT_POSTED: ("Website notice not posted", "\u26a0"),
    ComplianceState.MISSING_PROVISIONS: ("Missing provisions", "\u26a0"),
    ComplianceState.DETAILS_TO_COMPLETE: ("Contract details to complete", "\u26a0"),
    ComplianceState.VOID: ("Void", "\u2716"),
    ComplianceState.EXPIRED: ("Expired", "\u2716"),
    ComplianceState.NO_CONTRACT: ("No contract on file", "\u26a0"),
    ComplianceState.NOT_REQUIRED: ("No contract required", "\u2714"),
    ComplianceState.IEP_504_EXCEPTION: ("IEP/504 exception", "\u2714"),
    ComplianceState.EXCEPTION_INCOMPLETE: ("IEP/504 exception incomplete", "\u26a0"),
}

# NOTICE_DUE is within the law: the five business days are still running.
_WITHIN_LAW = frozenset(
    {
        ComplianceState.COMPLIANT,
        ComplianceState.NOTICE_DUE,
        ComplianceState.NOT_REQUIRED,
        ComplianceState.IEP_504_EXCEPTION,
    }
)

# Most serious first: the headline is the first state that applies.
_PRIORITY = (
    ComplianceState.VOID,
    ComplianceState.EXPIRED,
    ComplianceState.NOTICE_NOT_POSTED,
    ComplianceState.MISSING_PROVISIONS,
    ComplianceState.DETAILS_TO_COMPLETE,
    ComplianceState.NOTICE_DUE,
)


@dataclass(frozen=True)
class ComplianceStatus:
    state: ComplianceState
    reason: str  # the headline, in words, with dates
    due: date | None = None  # the deadline that matters for this state, if any
    problems: tuple[str, ...] = ()  # every concern in words, headline first, then notes for the record


def website_notice_deadline(executed: date, calendar: BusinessCalendar) -> date:
    return calendar.add_business_days(executed, WEBSITE_NOTICE_BUSINESS_DAYS)


def amendment_due(sent: date, amend_days: int) -> date:
    if amend_days < 1:
        raise ValueError(f"The time to amend must be at least 1 day, not {amend_days}")
    return sent + timedelta(days=amend_days)


def _codes(provisions: tuple[Provision, ...]) -> str:
    """ "P9 (Connecticut law governs), P10 (Severability)": the number the contract form uses, and what it
    means for whoever does not know the list by heart; just the numbers when most of the list is missing."""
    if len(provisions) > 3:
        return ", ".join(p.value for p in provisions)
    return ", ".join(f"{p.value} ({p.text})" for p in provisions)


def contract_status(
    terms: ContractTerms, on: date, calendar: BusinessCalendar, amend_days: int = DEFAULT_AMEND_DAYS
) -> ComplianceStatus:
    found: dict[ComplianceState, tuple[str, date | None]] = {}
    notes: list[str] = []  # for the record only: they never change the state

    missing = terms.missing()
    if missing:
        if terms.amend_notice_sent is None:
            found[ComplianceState.MISSING_PROVISIONS] = (
                f"Missing {_codes(missing)}; notice to amend not sent yet.",
                None,
            )
        else:
            due = amendment_due(terms.amend_notice_sent, amend_days)
            sent = format_day(terms.amend_notice_sent)
            if on <= due:
                found[ComplianceState.MISSING_PROVISIONS] = (
                    f"Missing {_codes(missing)}; notice to amend sent {sent}, amendment due {format_day(due)}.",
                    due,
                )
            else:
                found[ComplianceState.VOID] = (
                    f"Void since {format_day(due + timedelta(days=1))}: not amended "
                    f"(missing {_codes(missing)}; notice to amend sent {sent}, amendment was due {format_day(due)}).",
                    None,
                )
    elif terms.amended is not None and terms.amend_notice_sent is not None:
        due = amendment_due(terms.amend_notice_sent, amend_days)
        if terms.amended > due:
            notes.append(f"Amended late: on {format_day(terms.amended)}, amendment was due {format_day(due)}.")

    deadline = website_notice_deadline(terms.executed, calendar)
    if terms.notice_posted is None:
        if on <= deadline:
            found[ComplianceState.NOTICE_DUE] = (f"Website notice due by {format_day(deadline)}.", deadline)
        else:
            found[ComplianceState.NOTICE_NOT_POSTED] = (
                f"Website notice not posted; it was due {format_day(deadline)}.",
                deadline,
            )
    elif terms.notice_posted > deadline:
        notes.append(
            f"Website notice posted late: on {format_day(terms.notice_posted)}, it was due {format_day(deadline)}."
        )

    if terms.to_complete:
        # Not known to be within the law: the registry cannot show what the website notice gave.
        found[ComplianceState.DETAILS_TO_COMPLETE] = (
            f"Contract details to complete: {words(terms.details_missing)} not recorded.",
            None,
        )

    if terms.expires is not None and on > terms.expires:
        ended = f"Expired: last day in effect was {format_day(terms.expires)}"
        if terms.deletion_confirmed is None:
            found[ComplianceState.EXPIRED] = (f"{ended}; deletion of student data not confirmed.", None)
        else:
            found[ComplianceState.EXPIRED] = (
                f"{ended}; contractor confirmed deletion on {format_day(terms.deletion_confirmed)}.",
                None,
            )

    concerns = [(state, *found[state]) for state in _PRIORITY if state in found]
    problems = tuple(reason for _, reason, _ in concerns) + tuple(notes)
    if concerns:
        state, reason, due = concerns[0]
        return ComplianceStatus(state, reason, due, problems)

    basis = "state addendum" if terms.uses_state_addendum else "all eleven provisions"
    posted = format_day(terms.notice_posted) if terms.notice_posted else ""
    until = f"in effect until {format_day(terms.expires)}" if terms.expires else "open-ended"
    return ComplianceStatus(
        ComplianceState.COMPLIANT,
        f"Compliant ({basis}); website notice posted {posted}; {until}.",
        terms.expires,
        problems,
    )


def resource_status(
    coverage: Coverage,
    terms: ContractTerms | None,
    on: date,
    calendar: BusinessCalendar,
    amend_days: int = DEFAULT_AMEND_DAYS,
    *,
    detail: str = "",
    exception_complete: bool | None = None,
) -> ComplianceStatus:
    """The status an approved resource shows: its contract's, or why it needs none. `detail` is the
    recorded reason (not required) or the case reference (IEP/504 exception; never a child's name).

    For an IEP/504 exception, `exception_complete` is the exceptions register's verdict: True when every
    condition of the law is met (`detail`: the case reference), False when one is not (`detail`: what is
    missing, in words), None when the register holds no exception for the resource (the coverage's own
    case reference is shown, as before the register existed)."""
    coverage = Coverage(coverage)
    detail = detail.strip().rstrip(".")
    if coverage is Coverage.CONTRACT:
        if terms is None:
            raise ValueError("A resource covered by a contract needs the contract's terms")
        return contract_status(terms, on, calendar, amend_days)
    if coverage is Coverage.NONE:
        reason = "No contract on file."
        return ComplianceStatus(ComplianceState.NO_CONTRACT, reason, None, (reason,))
    if coverage is Coverage.NOT_REQUIRED:
        reason = f"No contract required: {detail}." if detail else "No contract required; no reason recorded."
        return ComplianceStatus(ComplianceState.NOT_REQUIRED, reason)
    if exception_complete is False:
        reason = (f"IEP/504 exception incomplete: {detail}." if detail
                  else "IEP/504 exception incomplete: not every condition of the law is met.")
        return ComplianceStatus(ComplianceState.EXCEPTION_INCOMPLETE, reason, None, (reason,))
    reason = f"IEP/504 exception, case {detail}." if detail else "IEP/504 exception; no case reference recorded."
    return ComplianceStatus(ComplianceState.IEP_504_EXCEPTION, reason)
