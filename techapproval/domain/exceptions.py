"""Policy 3520.13 section 7 (C.G.S. 10-234bb): no contract is required for a website, online service or
app that is unique and necessary to implement a child's IEP or Section 504 plan and cannot comply,
provided every one of the law's conditions is met. The child is identified by a case reference only.

What counts: a condition is met when it has the date it was met. Evidence attached to it is shown (and
printed for a parent who asks) but does not count by itself, and its absence does not undo a dated
condition: the signed agreement or the record of the effort to contract may rightly stay in the child's
paper file, where the app cannot see it. A date says when the district satisfied itself; the evidence
column says what the app can hand over.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from .deletions import case_reference_problem

NOTES_MAX = 5_000


class Plan(StrEnum):
    IEP = "iep"
    SECTION_504 = "504"

    @property
    def label(self) -> str:
        return {"iep": "IEP (individualized education program)", "504": "Section 504 plan"}[self.value]

    @property
    def short(self) -> str:
        return {"iep": "IEP", "504": "504 plan"}[self.value]


class Condition(StrEnum):
    FERPA_HIPAA = "ferpa_hipaa"
    REASONABLE_EFFORT = "reasonable_effort"
    OPERATOR_COMPLIES = "operator_complies"
    PARENT_SIGNATURE = "parent_signature"
    PPT_SIGNATURE = "ppt_signature"

    @property
    def label(self) -> str:
        """The condition as the policy states it."""
        return _LABELS[self][0]

    @property
    def short(self) -> str:
        """A few words, for lists of what is missing and for control names."""
        return _LABELS[self][1]


_LABELS = {
    Condition.FERPA_HIPAA: (
        "The resource complies with FERPA (20 USC 1232g) and HIPAA (P.L. 104-191)",
        "FERPA and HIPAA compliance",
    ),
    Condition.REASONABLE_EFFORT: (
        "The Board made a reasonable effort to contract with the operator and to find an equivalent "
        "resource that complies",
        "Reasonable effort to contract and to find an equivalent",
    ),
    Condition.OPERATOR_COMPLIES: (
        "The operator complies with C.G.S. 10-234cc for this use",
        "Operator complies with C.G.S. 10-234cc",
    ),
    Condition.PARENT_SIGNATURE: (
        "The parent or guardian signed an agreement acknowledging the resource cannot comply and authorizing "
        "its use",
        "Parent signed the agreement",
    ),
    Condition.PPT_SIGNATURE: (
        "A member of the planning and placement team signed the agreement (IEP only)",
        "Planning and placement team member signed (IEP only)",
    ),
}


def required_conditions(plan: Plan | str) -> tuple[Condition, ...]:
    """Every condition, in the policy's order; the planning and placement team signs only for an IEP."""
    plan = Plan(plan)
    return tuple(c for c in Condition if plan is Plan.IEP or c is not Condition.PPT_SIGNATURE)


class ExceptionStatus(NamedTuple):
    complete: bool
    missing: list[Condition]
    words: str


def exception_status(
    plan: Plan | str, met: Mapping[Condition, date | None], evidence: Set[Condition] = frozenset()
) -> ExceptionStatus:
    """Whether the exception holds: complete when every required condition has a date met. `evidence`
    (the conditions with a file attached) only changes the words."""
    required = required_conditions(plan)
    missing = [c for c in required if met.get(c) is None]
    attached = sum(1 for c in required if c in evidence)
    files = f"evidence attached for {attached} of {len(required)}"
    if not missing:
        return ExceptionStatus(True, [], f"\u2714 Complete: all {len(required)} conditions met; {files}.")
    done = len(required) - len(missing)
    return ExceptionStatus(
        False, missing,
        f"\u26a0 Incomplete: {done} of {len(required)} conditions met; missing "
        f"{'; '.join(c.short for c in missing)}; {files}.",
    )


@dataclass(frozen=True)
class RecordedException:
    """One exception as the resource status needs it."""

    case_reference: str
    plan: Plan
    met: Mapping[Condition, date | None]


def resource_exception_outcome(exceptions: Iterable[RecordedException]) -> tuple[bool | None, str]:
    """For a resource covered by the IEP/504 exception: (complete, detail) for domain.contracts.resource_status.
    None when no exception is recorded. Complete when any one exception is complete (its child's use is
    lawful); the detail is then the complete ones' case references, otherwise what each one lacks."""
    exceptions = list(exceptions)
    if not exceptions:
        return None, ""
    complete = [e for e in exceptions if exception_status(e.plan, e.met).complete]
    if complete:
        return True, ", ".join(e.case_reference for e in complete)
    parts = []
    for e in exceptions:
        lacking = "; ".join(c.short for c in exception_status(e.plan, e.met).missing)
        parts.append(f"case {e.case_reference} ({e.plan.short}) lacks {lacking}")
    return False, " \u2014 ".join(parts)


def validate_exception(case_reference: str, plan: str, notes: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if problem := case_reference_problem(case_reference):
        errors["case_reference"] = problem
    try:
        Plan(plan)
    except ValueError:
        errors["plan"] = "Choose the child's plan: an IEP or a Section 504 plan."
    if len(notes.strip()) > NOTES_MAX:
        errors["notes"] = f"This is {len(notes.strip()):,} characters long; the limit is {NOTES_MAX:,}."
    return errors
