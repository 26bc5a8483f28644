"""The ADA Title II dates, a tool's accessibility status, and the checks of a review: tables of cases."""

from __future__ import annotations

from datetime import date

import pytest

from techapproval.domain.accessibility import (
    AccessibilityState,
    Population,
    ReviewFacts,
    ReviewForm,
    accessibility_status,
    compliance_date,
    population_of,
    validate_review,
)
from techapproval.domain.enums import AccessibilityFinding, ClaimedConformance
from techapproval.domain.validation import LIMITS

D = date.fromisoformat
LARGE, SMALL = D("2027-04-26"), D("2028-04-26")
TODAY = D("2026-11-25")


@pytest.mark.parametrize(("population", "due"), [
    (Population.LARGE, LARGE),
    (Population.SMALL, SMALL),
    (Population.SPECIAL_DISTRICT, SMALL),  # a regional school district: the later date, whatever its size
    (None, LARGE),  # not set: the earlier date, so no deadline shows later than it may be
])
def test_compliance_date(population, due):
    assert compliance_date(population) == due


@pytest.mark.parametrize(("value", "population"), [
    ("50000_or_more", Population.LARGE), ("under_50000", Population.SMALL),
    ("special_district", Population.SPECIAL_DISTRICT), ("", None), ("50,000", None),
])
def test_population_of_a_stored_setting(value, population):
    assert population_of(value) is population


def facts(finding: AccessibilityFinding) -> ReviewFacts:
    return ReviewFacts(finding, ClaimedConformance.WCAG_21_AA, D("2026-11-01"), True)


@pytest.mark.parametrize(("review", "on", "state", "text"), [
    (None, TODAY, AccessibilityState.NOT_REVIEWED, "\u26a0 Not reviewed: review before Mon 26 Apr 2027"),
    (None, LARGE, AccessibilityState.NOT_REVIEWED, "\u26a0 Not reviewed: review before Mon 26 Apr 2027"),
    (None, D("2027-04-27"), AccessibilityState.NOT_REVIEWED, "\u26a0 Not reviewed: overdue since Mon 26 Apr 2027"),
    (facts(AccessibilityFinding.UNKNOWN), TODAY, AccessibilityState.UNKNOWN,
     "\u26a0 Conformance unknown: review before Mon 26 Apr 2027"),
    (facts(AccessibilityFinding.UNKNOWN), D("2028-01-01"), AccessibilityState.UNKNOWN,
     "\u26a0 Conformance unknown: overdue since Mon 26 Apr 2027"),
    (facts(AccessibilityFinding.CONFORMS), D("2028-01-01"), AccessibilityState.CONFORMS,
     "\u2714 Conforms to WCAG 2.1 AA"),
    (facts(AccessibilityFinding.PARTIALLY_CONFORMS), TODAY, AccessibilityState.ALTERNATIVE_PLAN,
     "\u25d1 Partially conforms: alternative plan on file"),
    (facts(AccessibilityFinding.DOES_NOT_CONFORM), TODAY, AccessibilityState.ALTERNATIVE_PLAN,
     "\u25d1 Does not conform: alternative plan on file"),
])
def test_accessibility_status(review, on, state, text):
    status = accessibility_status(review, LARGE, on)
    assert (status.state, status.text) == (state, text)
    assert status.needs_review == (state in (AccessibilityState.NOT_REVIEWED, AccessibilityState.UNKNOWN))


def form(**overrides) -> ReviewForm:
    values = dict(finding=AccessibilityFinding.CONFORMS, reviewed_on=TODAY)
    values.update(overrides)
    return ReviewForm(**values)


@pytest.mark.parametrize(("review", "fields"), [
    (form(), set()),
    (form(finding=AccessibilityFinding.UNKNOWN), set()),  # an honest "unknown" needs no plan
    (form(finding=None), {"finding"}),
    (form(reviewed_on=None), {"reviewed_on"}),
    (form(reviewed_on=D("2026-11-26")), {"reviewed_on"}),  # tomorrow
    (form(finding=AccessibilityFinding.PARTIALLY_CONFORMS), {"alternative_plan"}),
    (form(finding=AccessibilityFinding.DOES_NOT_CONFORM, alternative_plan=" \n "), {"alternative_plan"}),
    (form(finding=AccessibilityFinding.DOES_NOT_CONFORM, alternative_plan="Printed copies and a reader."), set()),
    (form(alternative_plan="x" * (LIMITS["alternative_plan"] + 1)), {"alternative_plan"}),
    (form(notes="x" * (LIMITS["review_notes"] + 1)), {"notes"}),
    (form(finding=None, reviewed_on=None, notes="x" * 6000), {"finding", "reviewed_on", "notes"}),
])
def test_validate_review(review, fields):
    errors = validate_review(review, TODAY)
    assert set(errors) == fields
    assert all(message.endswith(".") for message in errors.values())
