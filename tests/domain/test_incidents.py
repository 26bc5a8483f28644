"""The breach deadlines of C.G.S. 10-234dd on real dates: 30 or 60 days for the contractor, then two
business days (Connecticut holidays and district closures skipped) for the Board."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from techapproval.domain.calendar import BusinessCalendar, holiday_name
from techapproval.domain.deadlines import ObligationKind
from techapproval.domain.incidents import (
    IncidentFacts,
    IncidentForm,
    IncidentState,
    Involves,
    StepState,
    contractor_notice_days,
    incident_obligations,
    incident_timeline,
    involves_text,
    parse_involves,
    store_involves,
    validate_incident,
)

D = date.fromisoformat
CAL = BusinessCalendar()
DISCOVERED = D("2027-01-11")  # a Monday
SI = frozenset({Involves.STUDENT_INFORMATION})
DIRECTORY = frozenset({Involves.DIRECTORY_INFORMATION})


def facts(involves=SI, **kw) -> IncidentFacts:
    return IncidentFacts(kw.pop("discovered_on", DISCOVERED), frozenset(involves), **kw)


def test_the_dates_used_here_are_what_the_tests_assume():
    assert DISCOVERED.strftime("%a") == "Mon"
    assert holiday_name(D("2027-02-12")) == "Lincoln's Birthday"  # a Connecticut state holiday, a Friday
    assert holiday_name(D("2027-02-15")) == "Washington's Birthday"  # the Monday after


def test_labels_are_the_policy_words():
    assert [i.label for i in Involves] == [
        "Student information (other than directory information)",
        "Directory information",
        "Student records",
        "Student-generated content",
    ]
    assert [i.value for i in Involves] == [
        "student_information", "directory_information", "student_records", "student_generated_content"]


@pytest.mark.parametrize(
    ("involves", "days"),
    [
        ({Involves.STUDENT_INFORMATION}, 30),
        ({Involves.DIRECTORY_INFORMATION}, 60),
        ({Involves.STUDENT_RECORDS}, 60),  # with directory information and content in the policy's 60-day group
        ({Involves.STUDENT_GENERATED_CONTENT}, 60),
        ({Involves.DIRECTORY_INFORMATION, Involves.STUDENT_RECORDS, Involves.STUDENT_GENERATED_CONTENT}, 60),
        (set(Involves), 30),  # the shortest period that applies
        ({Involves.STUDENT_RECORDS, Involves.STUDENT_INFORMATION}, 30),
        (set(), 30),  # nothing ticked yet: assume the worst
    ],
)
def test_contractor_notice_period(involves, days):
    assert contractor_notice_days(involves) == days


def test_student_information_is_due_in_thirty_days():
    t = incident_timeline(facts(), D("2027-01-20"), CAL)
    assert t.notice_days == 30
    c = t.contractor_notice
    assert c.due == D("2027-02-10")  # Wed
    assert c.state is StepState.DUE and c.words == "due Wed 10 Feb 2027"
    assert c.summary == "\u25f7 due Wed 10 Feb 2027"
    assert t.family_notice.state is StepState.WAITING and t.family_notice.due is None
    assert t.family_notice.words == "waiting for the contractor's notice"
    assert t.state is IncidentState.OPEN
    assert t.headline == ("\u25f7 Waiting for the contractor's notice to the Board, due Wed 10 Feb 2027 at the "
                          "latest.")


def test_directory_information_only_is_due_in_sixty_days():
    t = incident_timeline(facts(DIRECTORY), D("2027-02-11"), CAL)
    assert t.notice_days == 60
    assert t.contractor_notice.due == D("2027-03-12")
    assert t.contractor_notice.state is StepState.DUE  # a day past the 30 that would apply to student information


def test_the_due_day_itself_is_not_overdue_the_next_day_is():
    on_due = incident_timeline(facts(), D("2027-02-10"), CAL)
    assert on_due.contractor_notice.state is StepState.DUE
    after = incident_timeline(facts(), D("2027-02-11"), CAL)
    assert after.contractor_notice.state is StepState.OVERDUE
    assert after.contractor_notice.words == "overdue since Thu 11 Feb 2027"
    assert after.contractor_notice.summary == "\u26a0 overdue since Thu 11 Feb 2027 (was due Wed 10 Feb 2027)"
    assert after.state is IncidentState.OVERDUE
    assert after.headline.startswith("\u26a0 Overdue: the contractor has not notified the Board")


def test_notice_received_on_a_holiday_before_a_holiday_weekend():
    # Received Fri 12 Feb 2027 (Lincoln's Birthday); Mon 15 Feb is Washington's Birthday: Tue 16, Wed 17.
    f = facts(board_notified_on=D("2027-02-12"))
    t = incident_timeline(f, D("2027-02-16"), CAL)
    assert t.contractor_notice.state is StepState.LATE and t.contractor_notice.words == "late by 2 days"
    assert t.family_notice.due == D("2027-02-17")
    assert t.website_notice.due == D("2027-02-17")
    assert t.family_notice.words == "due Wed 17 Feb 2027"
    assert t.headline == ("\u25f7 The Board must notify the affected students and parents and post notice of the "
                          "breach on the district website by Wed 17 Feb 2027.")


def test_notice_received_the_day_before_the_holidays():
    # Wed 10 Feb: Thu 11 is one business day; Fri 12 and Mon 15 are holidays; Tue 16 is the second.
    t = incident_timeline(facts(board_notified_on=D("2027-02-10")), D("2027-02-10"), CAL)
    assert t.contractor_notice.state is StepState.ON_TIME and t.contractor_notice.words == "on time"
    assert t.family_notice.due == D("2027-02-16")


def test_a_district_closure_moves_the_family_notice():
    snow = BusinessCalendar({D("2027-02-16"): "Snow day"})
    t = incident_timeline(facts(board_notified_on=D("2027-02-12")), D("2027-02-12"), snow)
    assert t.family_notice.due == D("2027-02-18")


def test_family_notice_on_time_late_and_overdue():
    base = dict(board_notified_on=D("2027-02-12"))
    on_time = incident_timeline(facts(**base, parents_notified_on=D("2027-02-17"),
                                      website_posted_on=D("2027-02-16")), D("2027-03-01"), CAL)
    assert [s.words for s in on_time.steps] == ["late by 2 days", "on time", "on time"]
    assert on_time.family_notice.summary == "\u2714 on time (done Wed 17 Feb 2027)"
    assert on_time.state is IncidentState.CLOSED_LATE
    assert on_time.headline == "\u2714 Closed, but the contractor's notice was late by 2 days."

    late = incident_timeline(facts(**base, parents_notified_on=D("2027-02-18"), website_posted_on=D("2027-02-22")),
                             D("2027-03-01"), CAL)
    assert [s.state for s in late.steps] == [StepState.LATE, StepState.LATE, StepState.LATE]
    assert late.family_notice.words == "late by 1 day"
    assert late.website_notice.words == "late by 5 days"
    assert late.website_notice.summary == "\u26a0 late by 5 days (done Mon 22 Feb 2027, due Wed 17 Feb 2027)"

    overdue = incident_timeline(facts(**base, website_posted_on=D("2027-02-16")), D("2027-02-18"), CAL)
    assert overdue.family_notice.state is StepState.OVERDUE
    assert overdue.family_notice.words == "overdue since Thu 18 Feb 2027"
    assert overdue.website_notice.state is StepState.ON_TIME
    assert overdue.state is IncidentState.OVERDUE
    assert overdue.headline == ("\u26a0 Overdue: the Board must notify the affected students and parents; it was "
                                "due Wed 17 Feb 2027.")


def test_everything_on_time_closes_the_incident():
    f = facts(board_notified_on=D("2027-02-01"), parents_notified_on=D("2027-02-02"),
              website_posted_on=D("2027-02-03"))
    t = incident_timeline(f, D("2027-06-01"), CAL)
    assert t.state is IncidentState.CLOSED
    assert t.headline == "\u2714 Closed: every notice was given on time."
    assert incident_obligations(7, "Acme", f, D("2027-06-01"), CAL) == []


def test_obligations_follow_the_steps():
    before = incident_obligations(7, "Acme Learning", facts(), D("2027-01-20"), CAL)
    assert [(o.kind, o.due, o.overdue, o.ref, o.subject) for o in before] == [
        (ObligationKind.BREACH_CONTRACTOR_NOTICE, D("2027-02-10"), False, 7, "Acme Learning")]
    assert "by Wed 10 Feb 2027" in before[0].text and "student information" in before[0].text

    [late] = incident_obligations(7, "Acme Learning", facts(), D("2027-02-11"), CAL)
    assert late.overdue and "was due Wed 10 Feb 2027" in late.text

    notified = facts(board_notified_on=D("2027-02-12"))
    [family] = incident_obligations(7, "Acme Learning", notified, D("2027-02-17"), CAL)
    assert (family.kind, family.due, family.overdue) == (ObligationKind.BREACH_FAMILY_NOTICE, D("2027-02-17"), False)
    assert "students and parents" in family.text and "website" in family.text

    [family] = incident_obligations(7, "Acme Learning", notified, D("2027-02-18"), CAL)
    assert family.overdue and "it was due Wed 17 Feb 2027" in family.text

    told = facts(board_notified_on=D("2027-02-12"), parents_notified_on=D("2027-02-16"))
    [website] = incident_obligations(7, "Acme Learning", told, D("2027-02-18"), CAL)
    assert website.kind is ObligationKind.BREACH_FAMILY_NOTICE and website.overdue
    assert "website" in website.text and "parents" not in website.text


def test_involves_round_trip_and_text():
    chosen = {Involves.STUDENT_GENERATED_CONTENT, Involves.DIRECTORY_INFORMATION}
    stored = store_involves(chosen)
    assert stored == "directory_information,student_generated_content"
    assert parse_involves(stored) == chosen
    assert parse_involves("") == frozenset()
    assert parse_involves("student_records,something_else") == {Involves.STUDENT_RECORDS}
    assert involves_text(chosen) == "Directory information, Student-generated content"


TODAY = D("2027-02-20")


def form(**overrides) -> IncidentForm:
    values = dict(contractor_id=1, discovered_on=DISCOVERED, involves=SI, students_affected=40,
                  description="A misconfigured export exposed class rosters.")
    values.update(overrides)
    return IncidentForm(**values)


def test_a_complete_form_is_valid():
    assert validate_incident(form(board_notified_on=D("2027-02-12"), parents_notified_on=D("2027-02-16"),
                                  website_posted_on=D("2027-02-12")), TODAY) == {}
    assert validate_incident(form(students_affected=None), TODAY) == {}  # not known yet
    assert validate_incident(form(students_affected=0), TODAY) == {}


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        (dict(contractor_id=None), "contractor_id"),
        (dict(discovered_on=None), "discovered_on"),
        (dict(discovered_on=TODAY + timedelta(days=1)), "discovered_on"),
        (dict(involves=frozenset()), "involves"),
        (dict(students_affected=-1), "students_affected"),
        (dict(students_affected=True), "students_affected"),
        (dict(students_affected=1_000_001), "students_affected"),
        (dict(description="   "), "description"),
        (dict(description="x" * 5_001), "description"),
        (dict(board_notified_on=DISCOVERED - timedelta(days=1)), "board_notified_on"),
        (dict(board_notified_on=TODAY + timedelta(days=1)), "board_notified_on"),
        (dict(parents_notified_on=D("2027-02-16")), "parents_notified_on"),  # the Board has no notice yet
        (dict(board_notified_on=D("2027-02-12"), parents_notified_on=D("2027-02-11")), "parents_notified_on"),
        (dict(board_notified_on=D("2027-02-12"), parents_notified_on=TODAY + timedelta(days=1)),
         "parents_notified_on"),
        (dict(board_notified_on=D("2027-02-12"), parents_notified_on=DISCOVERED - timedelta(days=1)),
         "parents_notified_on"),
        (dict(website_posted_on=D("2027-02-16")), "website_posted_on"),
        (dict(board_notified_on=D("2027-02-12"), website_posted_on=D("2027-02-01")), "website_posted_on"),
    ],
)
def test_each_problem_is_told_at_its_field(overrides, field):
    errors = validate_incident(form(**overrides), TODAY)
    assert list(errors) == [field], errors
    assert errors[field].endswith(".")


def test_cleaned_trims_and_normalises():
    cleaned = form(description="  Zoe\u0308 ", involves={"student_records"}).cleaned()
    assert cleaned.description == "Zo\u00eb"
    assert cleaned.involves == {Involves.STUDENT_RECORDS}
    assert form(discovered_on=None).facts() is None


@given(
    discovered=st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)),
    involves=st.sets(st.sampled_from(list(Involves)), min_size=1),
    receipt_after=st.integers(min_value=0, max_value=90),
)
def test_deadlines_hold_for_any_dates(discovered, involves, receipt_after):
    received = discovered + timedelta(days=receipt_after)
    t = incident_timeline(IncidentFacts(discovered, frozenset(involves), received), received, CAL)
    days = 30 if Involves.STUDENT_INFORMATION in involves else 60
    assert t.contractor_notice.due == discovered + timedelta(days=days)
    assert t.contractor_notice.state is (StepState.ON_TIME if receipt_after <= days else StepState.LATE)
    due = t.family_notice.due
    assert due > received and CAL.is_business_day(due)
    between = [received + timedelta(days=n) for n in range(1, (due - received).days)]
    assert sum(CAL.is_business_day(d) for d in between) == 1  # exactly one business day in between
    assert t.family_notice.state is StepState.DUE and t.state is IncidentState.OPEN
