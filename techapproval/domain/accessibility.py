"""Accessibility of the tools a district provides: the ADA Title II web rule (28 CFR part 35,
subpart H) requires WCAG 2.1 Level AA of web content and apps a public entity provides, third-party
edtech included, from a compliance date that depends on the population it serves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .contracts import format_day
from .enums import AccessibilityFinding, ClaimedConformance
from .validation import too_long


class Population(StrEnum):
    """The district setting that picks the compliance date (28 CFR 35.200(b))."""

    LARGE = "50000_or_more"  # the city or town's total population is 50,000 or more
    SMALL = "under_50000"
    SPECIAL_DISTRICT = "special_district"  # e.g. a regional school district

    @property
    def label(self) -> str:
        return _POPULATION_LABELS[self]


_POPULATION_LABELS = {
    Population.LARGE: "50,000 or more",
    Population.SMALL: "Under 50,000",
    Population.SPECIAL_DISTRICT: "Special district government (e.g. a regional school district)",
}

# As extended by the Department of Justice's interim final rule of April 20, 2026 (91 FR 20902),
# from April 24, 2026 and April 26, 2027.
LARGE_ENTITY_DATE = date(2027, 4, 26)
SMALL_ENTITY_DATE = date(2028, 4, 26)


def compliance_date(population: Population | None) -> date:
    """The date the district's tools must conform. Not yet set: the earlier date, so that no deadline is
    shown later than it may be."""
    if population in (Population.SMALL, Population.SPECIAL_DISTRICT):
        return SMALL_ENTITY_DATE
    return LARGE_ENTITY_DATE


def population_of(value: str) -> Population | None:
    try:
        return Population(value)
    except ValueError:
        return None


class AccessibilityState(StrEnum):
    NOT_REVIEWED = "not_reviewed"
    UNKNOWN = "unknown"  # reviewed, but conformance could not be established
    CONFORMS = "conforms"
    ALTERNATIVE_PLAN = "alternative_plan"  # falls short, with an equally effective alternative on file

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]

    @property
    def symbol(self) -> str:
        """Shown beside the label, so the status is never told by colour alone."""
        return {"conforms": "\u2714", "alternative_plan": "\u25d1"}.get(self.value, "\u26a0")

    @property
    def needs_review(self) -> bool:
        """Listed on the deadlines dashboard until the compliance date, and overdue after it."""
        return self in (AccessibilityState.NOT_REVIEWED, AccessibilityState.UNKNOWN)


_STATE_LABELS = {
    AccessibilityState.NOT_REVIEWED: "Not reviewed",
    AccessibilityState.UNKNOWN: "Conformance unknown",
    AccessibilityState.CONFORMS: "Conforms",
    AccessibilityState.ALTERNATIVE_PLAN: "Alternative plan",
}


@dataclass(frozen=True)
class ReviewFacts:
    """What status needs of a tool's latest accessibility review."""

    finding: AccessibilityFinding
    claimed: ClaimedConformance | None
    reviewed_on: date
    acr_on_file: bool


@dataclass(frozen=True)
class AccessibilityStatus:
    state: AccessibilityState
    text: str  # words and a symbol, never colour alone

    @property
    def needs_review(self) -> bool:
        return self.state.needs_review


def accessibility_status(review: ReviewFacts | None, due: date, on: date) -> AccessibilityStatus:
    """A tool's accessibility status on `on`, from its latest review (None: never reviewed)."""
    if review is None or review.finding is AccessibilityFinding.UNKNOWN:
        state = AccessibilityState.NOT_REVIEWED if review is None else AccessibilityState.UNKNOWN
        when = (f"overdue since {format_day(due)}" if on > due else f"review before {format_day(due)}")
        return AccessibilityStatus(state, f"\u26a0 {state.label}: {when}")
    if review.finding is AccessibilityFinding.CONFORMS:
        return AccessibilityStatus(AccessibilityState.CONFORMS, "\u2714 Conforms to WCAG 2.1 AA")
    return AccessibilityStatus(AccessibilityState.ALTERNATIVE_PLAN,
                               f"\u25d1 {review.finding.label}: alternative plan on file")


@dataclass
class ReviewForm:
    """The reviewer's accessibility review of a tool."""

    finding: AccessibilityFinding | None = None
    claimed: ClaimedConformance | None = None
    acr_on_file: bool = False
    reviewed_on: date | None = None
    alternative_plan: str = ""  # the equally effective alternative, where the tool falls short
    notes: str = ""


def validate_review(form: ReviewForm, today: date) -> dict[str, str]:
    """Errors by field: a finding, a date not in the future, and a plan where the tool falls short."""
    errors: dict[str, str] = {}
    if form.finding is None:
        errors["finding"] = "Choose the finding: conforms, partially conforms, does not conform, or unknown."
    elif form.finding.needs_plan and not form.alternative_plan.strip():
        errors["alternative_plan"] = ("Describe the equally effective alternative the district will provide "
                                      "where the tool falls short.")
    if form.reviewed_on is None:
        errors["reviewed_on"] = "Give the date of the review."
    elif form.reviewed_on > today:
        errors["reviewed_on"] = "The review date cannot be in the future."
    for name, limit_name in (("alternative_plan", "alternative_plan"), ("notes", "review_notes")):
        if name not in errors and (message := too_long(limit_name, getattr(form, name))):
            errors[name] = message
    return errors
