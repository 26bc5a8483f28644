from datetime import date

import pytest

from techapproval.domain.calendar import BusinessCalendar
from techapproval.domain.contracts import ContractTerms, Provision
from techapproval.domain.deadlines import (
    ContractForDeadlines,
    ObligationKind,
    annual_notice_due,
    obligations,
    school_year_label,
    school_year_of,
)

D = date.fromisoformat
K = ObligationKind
CAL = BusinessCalendar()
ALL = frozenset(Provision)
SENT_2026 = {2026: D("2026-08-20")}


def contract(ref, name, **terms):
    values = dict(executed=D("2026-10-01"), provisions=ALL, notice_posted=D("2026-10-02"))
    values.update(terms)
    return ContractForDeadlines(ref, name, ContractTerms(**values))


@pytest.mark.parametrize(
    ("day", "year"),
    [("2026-06-30", 2025), ("2026-07-01", 2026), ("2027-01-15", 2026), ("2026-12-31", 2026), ("2027-01-01", 2026)],
)
def test_school_year_of(day, year):
    assert school_year_of(D(day)) == year


@pytest.mark.parametrize(("year", "label"), [(2026, "2026\u201327"), (2099, "2099\u201300"), (2009, "2009\u201310")])
def test_school_year_label(year, label):
    assert school_year_label(year) == label


def test_annual_notice_due():
    assert annual_notice_due(2026) == D("2026-09-01")


def test_a_mixed_registry_soonest_first():
    on = D("2026-12-10")
    registry = [
        # executed the Wed before Thanksgiving, never posted: due Thu 3 Dec 2026
        contract("a", "Alpha", executed=D("2026-11-25"), notice_posted=None),
        # executed Wed 9 Dec: notice due Wed 16 Dec; lacks P4 with no notice to amend yet
        contract("b", "Bravo", executed=D("2026-12-09"), notice_posted=None, provisions=ALL - {Provision.P4}),
        # notice to amend sent Mon 2 Nov, 30 days: due Wed 2 Dec, now void
        contract("c", "Charlie", provisions=ALL - {Provision.P9}, amend_notice_sent=D("2026-11-02")),
        contract("d", "Delta", expires=D("2027-01-31")),
        contract("e", "Echo", expires=D("2026-11-30")),
        contract("f", "Foxtrot", expires=D("2026-11-30"), deletion_confirmed=D("2026-12-04")),
        contract("g", "Golf", expires=D("2027-02-09")),  # 61 days away: not yet
        contract("h", "Hotel", provisions=frozenset(), uses_state_addendum=True),
    ]
    found = [(o.kind, o.subject, o.due, o.overdue, o.ref) for o in obligations(registry, on, CAL)]
    assert found == [
        (K.ANNUAL_NOTICE, "School year 2026\u201327", D("2026-09-01"), True, 2026),
        (K.DELETION_UNCONFIRMED, "Echo", D("2026-12-01"), True, "e"),
        (K.AMENDMENT_DUE, "Charlie", D("2026-12-02"), True, "c"),
        (K.WEBSITE_NOTICE, "Alpha", D("2026-12-03"), True, "a"),
        (K.NOTICE_TO_AMEND, "Bravo", D("2026-12-10"), False, "b"),
        (K.WEBSITE_NOTICE, "Bravo", D("2026-12-16"), False, "b"),
        (K.CONTRACT_EXPIRING, "Delta", D("2027-01-31"), False, "d"),
    ]


def test_nothing_to_do_when_all_is_in_order():
    registry = [contract(1, "Kahoot"), contract(2, "Seesaw", expires=D("2027-06-30"))]
    assert obligations(registry, D("2026-12-10"), CAL, annual_notices_sent=SENT_2026) == []


@pytest.mark.parametrize(
    ("on", "overdue"),
    [("2026-12-03", False), ("2026-12-04", True)],
)
def test_website_notice_overdue_boundary(on, overdue):
    registry = [contract(1, "Alpha", executed=D("2026-11-25"), notice_posted=None)]
    [o] = obligations(registry, D(on), CAL, annual_notices_sent=SENT_2026)
    assert (o.kind, o.due, o.overdue) == (K.WEBSITE_NOTICE, D("2026-12-03"), overdue)
    assert "Alpha" in o.text and "Thu 3 Dec 2026" in o.text


def test_snow_day_moves_the_website_notice_obligation():
    registry = [contract(1, "Alpha", executed=D("2026-01-12"), notice_posted=None)]
    snowy = BusinessCalendar({D("2026-01-14"): "Snow day"})
    [o] = obligations(registry, D("2026-01-13"), snowy, annual_notices_sent={2025: D("2025-08-30")})
    assert o.due == D("2026-01-21")


@pytest.mark.parametrize(
    ("on", "amend_days", "due", "overdue", "words"),
    [
        ("2026-12-02", 30, "2026-12-02", False, "must amend the contract to add P9 by Wed 2 Dec 2026"),
        ("2026-12-03", 30, "2026-12-02", True, "it is void"),
        ("2026-11-20", 10, "2026-11-12", True, "it is void"),
    ],
)
def test_amendment_due_boundary(on, amend_days, due, overdue, words):
    registry = [contract(1, "Charlie", provisions=ALL - {Provision.P9}, amend_notice_sent=D("2026-11-02"))]
    [o] = obligations(registry, D(on), CAL, amend_days, annual_notices_sent=SENT_2026)
    assert (o.kind, o.due, o.overdue) == (K.AMENDMENT_DUE, D(due), overdue)
    assert words in o.text


@pytest.mark.parametrize(
    ("on", "kind", "due"),
    [
        ("2027-05-01", K.CONTRACT_EXPIRING, "2027-06-30"),  # exactly 60 days ahead
        ("2027-04-30", None, None),  # 61 days ahead
        ("2027-06-30", K.CONTRACT_EXPIRING, "2027-06-30"),  # last day in effect
        ("2027-07-01", K.DELETION_UNCONFIRMED, "2027-07-01"),
    ],
)
def test_expiry_window(on, kind, due):
    registry = [contract(1, "Delta", expires=D("2027-06-30"))]
    sent = {2026: D("2026-08-20"), 2027: D("2027-08-20")}
    found = obligations(registry, D(on), CAL, annual_notices_sent=sent)
    assert [(o.kind, o.due, o.overdue) for o in found] == (
        [] if kind is None else [(kind, D(due), kind is K.DELETION_UNCONFIRMED)]
    )


def test_confirmed_deletion_closes_the_obligation():
    registry = [contract(1, "Echo", expires=D("2027-06-30"), deletion_confirmed=D("2027-07-02"))]
    assert obligations(registry, D("2027-07-10"), CAL, annual_notices_sent={2027: D("2027-08-01")}) == []


@pytest.mark.parametrize(
    ("on", "subject", "due", "overdue"),
    [
        ("2026-06-30", "School year 2025\u201326", "2025-09-01", True),
        ("2026-07-01", "School year 2026\u201327", "2026-09-01", False),
        ("2026-09-01", "School year 2026\u201327", "2026-09-01", False),
        ("2026-09-02", "School year 2026\u201327", "2026-09-01", True),
    ],
)
def test_annual_notice(on, subject, due, overdue):
    [o] = obligations([], D(on), CAL)
    assert (o.kind, o.subject, o.due, o.overdue) == (K.ANNUAL_NOTICE, subject, D(due), overdue)
    assert obligations([], D(on), CAL, annual_notices_sent={school_year_of(D(on)): D(on)}) == []


def test_ties_break_by_kind_then_subject_whatever_the_input_order():
    # All due Wed 2 Dec 2026: two website notices (executed Tue 24 Nov) and one amendment.
    registry = [
        contract(1, "beta", executed=D("2026-11-24"), notice_posted=None),
        contract(2, "Alpha", executed=D("2026-11-24"), notice_posted=None),
        contract(3, "Able", provisions=ALL - {Provision.P1}, amend_notice_sent=D("2026-11-02")),
    ]
    expected = [(K.WEBSITE_NOTICE, "Alpha"), (K.WEBSITE_NOTICE, "beta"), (K.AMENDMENT_DUE, "Able")]
    for ordering in (registry, registry[::-1]):
        found = obligations(ordering, D("2026-11-30"), CAL, annual_notices_sent=SENT_2026)
        assert all(o.due == D("2026-12-02") for o in found)
        assert [(o.kind, o.subject) for o in found] == expected


def test_every_kind_has_its_own_label():
    labels = [k.label for k in K]
    assert all(labels) and len(set(labels)) == len(labels)
    assert K.WEBSITE_NOTICE.label == "Post website notice"


def test_a_contract_with_details_to_complete_is_an_obligation_until_they_are_recorded():
    on = D("2026-12-10")
    imported = contract(7, "Kahoot! ASA", to_complete=("purpose", "student information it may collect"))
    [item] = obligations([imported], on, CAL, annual_notices_sent=SENT_2026)
    assert (item.kind, item.ref, item.due, item.overdue) == (K.CONTRACT_DETAILS, 7, on, False)
    assert item.kind.label == "Contract details to complete"
    assert "its purpose and student information it may collect are not recorded." in item.text
    # Nothing known of its provisions: to record, and no notice to amend for them yet.
    bare = contract(8, "Seesaw", provisions=frozenset(), to_complete=("purpose",))
    [item] = obligations([bare], on, CAL, annual_notices_sent=SENT_2026)
    assert item.kind is K.CONTRACT_DETAILS and "purpose and provisions it contains" in item.text
    assert "no notice to amend is listed yet" in item.text
    assert obligations([contract(7, "Kahoot! ASA")], on, CAL, annual_notices_sent=SENT_2026) == []
