from dataclasses import replace
from datetime import date

import pytest

from techapproval.domain.calendar import BusinessCalendar
from techapproval.domain.contracts import (
    PROVISIONS,
    ComplianceState,
    ComplianceStatus,
    ContractTerms,
    Coverage,
    Provision,
    amendment_due,
    contract_status,
    format_day,
    resource_status,
    website_notice_deadline,
)

MISSING_P4_P9 = "Missing P4 (Students and parents may review PII and correct errors), P9 (Connecticut law governs)"

D = date.fromisoformat
S = ComplianceState
CAL = BusinessCalendar()
ALL = frozenset(Provision)
WITHOUT_P4_P9 = ALL - {Provision.P4, Provision.P9}

# Executed the Wednesday before Thanksgiving 2026; the website notice is due Thu 3 Dec 2026.
GOOD = ContractTerms(executed=D("2026-11-25"), provisions=ALL, notice_posted=D("2026-11-30"))


def test_provisions_in_order_with_their_words():
    assert [p.value for p in PROVISIONS] == [f"P{i}" for i in range(1, 12)]
    assert Provision.P9.text == "Connecticut law governs"
    assert Provision.P9.label == "P9 \u2014 Connecticut law governs"
    assert all(p.text and p.label.startswith(f"{p.value} \u2014 ") for p in PROVISIONS)


@pytest.mark.parametrize(
    ("day", "words"),
    [("2026-12-03", "Thu 3 Dec 2026"), ("2027-01-01", "Fri 1 Jan 2027"), ("2028-02-29", "Tue 29 Feb 2028")],
)
def test_format_day(day, words):
    assert format_day(D(day)) == words


@pytest.mark.parametrize(
    ("provisions", "addendum", "missing"),
    [
        (ALL, False, ()),
        (WITHOUT_P4_P9, False, (Provision.P4, Provision.P9)),
        (frozenset(), False, PROVISIONS),  # P10 and P11 last, not sorted as text
        (frozenset(), True, ()),  # the state addendum counts as all eleven
        (frozenset({Provision.P1}), True, ()),
    ],
)
def test_missing(provisions, addendum, missing):
    assert ContractTerms(D("2026-11-25"), provisions=provisions, uses_state_addendum=addendum).missing() == missing


def test_state_addendum_alone_is_compliant():
    terms = replace(GOOD, provisions=frozenset(), uses_state_addendum=True)
    status = contract_status(terms, D("2026-12-10"), CAL)
    assert status.state is S.COMPLIANT
    assert "state addendum" in status.reason
    assert contract_status(replace(terms, uses_state_addendum=False), D("2026-12-10"), CAL).state is (
        S.MISSING_PROVISIONS
    )


@pytest.mark.parametrize(
    ("executed", "closures", "deadline"),
    [
        ("2026-11-25", {}, "2026-12-03"),
        ("2027-03-22", {}, "2027-03-30"),
        ("2026-03-07", {}, "2026-03-13"),
        ("2026-01-12", {D("2026-01-14"): "Snow day"}, "2026-01-21"),
    ],
)
def test_website_notice_deadline(executed, closures, deadline):
    assert website_notice_deadline(D(executed), BusinessCalendar(closures)) == D(deadline)


@pytest.mark.parametrize(
    ("on", "state", "due", "reason"),
    [
        ("2026-11-25", S.NOTICE_DUE, "2026-12-03", "Website notice due by Thu 3 Dec 2026."),
        ("2026-12-03", S.NOTICE_DUE, "2026-12-03", "Website notice due by Thu 3 Dec 2026."),
        ("2026-12-04", S.NOTICE_NOT_POSTED, "2026-12-03", "Website notice not posted; it was due Thu 3 Dec 2026."),
        ("2026-11-01", S.NOTICE_DUE, "2026-12-03", "Website notice due by Thu 3 Dec 2026."),  # executed later
    ],
)
def test_website_notice_boundary(on, state, due, reason):
    status = contract_status(replace(GOOD, notice_posted=None), D(on), CAL)
    assert (status.state, status.due, status.reason) == (state, D(due), reason)
    assert status.problems == (reason,)


def test_snow_day_keeps_the_notice_due_a_day_longer():
    terms = ContractTerms(D("2026-01-12"), provisions=ALL)
    assert contract_status(terms, D("2026-01-21"), CAL).state is S.NOTICE_NOT_POSTED
    snowy = BusinessCalendar({D("2026-01-14"): "Snow day"})
    assert contract_status(terms, D("2026-01-21"), snowy).state is S.NOTICE_DUE
    assert contract_status(terms, D("2026-01-22"), snowy).state is S.NOTICE_NOT_POSTED


@pytest.mark.parametrize(
    ("posted", "problems"),
    [
        ("2026-12-03", ()),
        ("2026-12-04", ("Website notice posted late: on Fri 4 Dec 2026, it was due Thu 3 Dec 2026.",)),
    ],
)
def test_notice_posted_late_is_recorded_but_compliant(posted, problems):
    status = contract_status(replace(GOOD, notice_posted=D(posted)), D("2026-12-10"), CAL)
    assert status.state is S.COMPLIANT
    assert status.problems == problems


@pytest.mark.parametrize(
    ("sent", "amend_days", "on", "state", "due", "reason"),
    [
        (None, 30, "2027-03-01", S.MISSING_PROVISIONS, None, MISSING_P4_P9 + "; notice to amend not sent yet."),
        (
            "2026-11-02",
            30,
            "2026-11-20",
            S.MISSING_PROVISIONS,
            "2026-12-02",
            MISSING_P4_P9 + "; notice to amend sent Mon 2 Nov 2026, amendment due Wed 2 Dec 2026.",
        ),
        ("2026-11-02", 30, "2026-12-02", S.MISSING_PROVISIONS, "2026-12-02", None),
        ("2026-11-02", 30, "2026-12-03", S.VOID, None, "Void since Thu 3 Dec 2026: not amended"),
        ("2026-12-02", 30, "2027-01-01", S.MISSING_PROVISIONS, "2027-01-01", "amendment due Fri 1 Jan 2027"),
        ("2026-12-02", 30, "2027-01-02", S.VOID, None, "Void since Sat 2 Jan 2027"),
        ("2026-12-02", 10, "2026-12-12", S.MISSING_PROVISIONS, "2026-12-12", "amendment due Sat 12 Dec 2026"),
        ("2026-12-02", 10, "2026-12-13", S.VOID, None, "Void since Sun 13 Dec 2026"),
    ],
)
def test_missing_provisions_until_void(sent, amend_days, on, state, due, reason):
    terms = replace(GOOD, provisions=WITHOUT_P4_P9, amend_notice_sent=D(sent) if sent else None)
    status = contract_status(terms, D(on), CAL, amend_days)
    assert status.state is state
    assert status.due == (D(due) if due else None)
    if reason:
        assert reason in status.reason


def test_amended_contract_is_compliant_and_late_amendment_is_recorded():
    amended = replace(GOOD, amend_notice_sent=D("2026-11-02"), amended=D("2026-11-30"))
    status = contract_status(amended, D("2026-12-10"), CAL)
    assert (status.state, status.problems) == (S.COMPLIANT, ())
    late = contract_status(replace(amended, amended=D("2026-12-04")), D("2026-12-10"), CAL)
    assert late.state is S.COMPLIANT
    assert late.problems == ("Amended late: on Fri 4 Dec 2026, amendment was due Wed 2 Dec 2026.",)


@pytest.mark.parametrize(
    ("on", "deletion", "state", "words"),
    [
        ("2027-06-30", None, S.COMPLIANT, "in effect until Wed 30 Jun 2027"),
        ("2027-07-01", None, S.EXPIRED, "last day in effect was Wed 30 Jun 2027; deletion of student data not"),
        ("2027-07-07", "2027-07-06", S.EXPIRED, "contractor confirmed deletion on Tue 6 Jul 2027."),
    ],
)
def test_expiry(on, deletion, state, words):
    terms = replace(GOOD, expires=D("2027-06-30"), deletion_confirmed=D(deletion) if deletion else None)
    status = contract_status(terms, D(on), CAL)
    assert status.state is state
    assert words in status.reason
    assert status.due == (D("2027-06-30") if state is S.COMPLIANT else None)


def test_open_ended_compliant_contract():
    status = contract_status(GOOD, D("2030-01-01"), CAL)
    reason = "Compliant (all eleven provisions); website notice posted Mon 30 Nov 2026; open-ended."
    assert status == ComplianceStatus(S.COMPLIANT, reason, None, ())


@pytest.mark.parametrize(
    ("changes", "on", "headline", "states_in_problems"),
    [
        # void (P4, P9 not amended by 2 Dec 2026), expired and notice never posted
        (
            dict(provisions=WITHOUT_P4_P9, amend_notice_sent=D("2026-11-02"), notice_posted=None),
            "2027-07-01",
            S.VOID,
            ["Void since", "Expired:", "Website notice not posted"],
        ),
        (
            dict(provisions=WITHOUT_P4_P9, notice_posted=None),
            "2027-07-01",
            S.EXPIRED,
            ["Expired:", "Website notice not posted", MISSING_P4_P9],
        ),
        (
            dict(provisions=WITHOUT_P4_P9, notice_posted=None),
            "2026-12-04",
            S.NOTICE_NOT_POSTED,
            ["Website notice not posted", MISSING_P4_P9],
        ),
        (
            dict(provisions=WITHOUT_P4_P9, notice_posted=None),
            "2026-12-03",
            S.MISSING_PROVISIONS,
            [MISSING_P4_P9, "Website notice due"],
        ),
    ],
)
def test_headline_is_the_most_serious_and_problems_list_them_all(changes, on, headline, states_in_problems):
    terms = replace(GOOD, expires=D("2027-06-30"), **changes)
    status = contract_status(terms, D(on), CAL)
    assert status.state is headline
    assert status.reason == status.problems[0]
    assert len(status.problems) == len(states_in_problems)
    for line, words in zip(status.problems, states_in_problems, strict=True):
        assert line.startswith(words)


@pytest.mark.parametrize(
    ("coverage", "detail", "state", "reason"),
    [
        (Coverage.NONE, "", S.NO_CONTRACT, "No contract on file."),
        (Coverage.NOT_REQUIRED, "Designed for the general public; no student data.", S.NOT_REQUIRED, None),
        (Coverage.IEP_504_EXCEPTION, "IEP-2026-014", S.IEP_504_EXCEPTION, "IEP/504 exception, case IEP-2026-014."),
        ("not_required", "", S.NOT_REQUIRED, "No contract required; no reason recorded."),
    ],
)
def test_resource_status_without_a_contract(coverage, detail, state, reason):
    status = resource_status(coverage, None, D("2026-12-10"), CAL, detail=detail)
    assert status.state is state
    assert status.due is None
    assert status.reason == (reason or "No contract required: Designed for the general public; no student data.")


def test_resource_status_with_a_contract():
    status = resource_status(Coverage.CONTRACT, GOOD, D("2026-12-10"), CAL)
    assert status == contract_status(GOOD, D("2026-12-10"), CAL)
    with pytest.raises(ValueError):
        resource_status(Coverage.CONTRACT, None, D("2026-12-10"), CAL)


def test_amendment_due():
    assert amendment_due(D("2026-11-02"), 30) == D("2026-12-02")
    with pytest.raises(ValueError):
        amendment_due(D("2026-11-02"), 0)


EXPECTED_PRESENTATION = {
    S.COMPLIANT: ("Compliant", "\u2714", True),
    S.NOTICE_DUE: ("Website notice due", "\u25f7", True),
    S.NOTICE_NOT_POSTED: ("Website notice not posted", "\u26a0", False),
    S.MISSING_PROVISIONS: ("Missing provisions", "\u26a0", False),
    S.DETAILS_TO_COMPLETE: ("Contract details to complete", "\u26a0", False),
    S.VOID: ("Void", "\u2716", False),
    S.EXPIRED: ("Expired", "\u2716", False),
    S.NO_CONTRACT: ("No contract on file", "\u26a0", False),
    S.NOT_REQUIRED: ("No contract required", "\u2714", True),
    S.IEP_504_EXCEPTION: ("IEP/504 exception", "\u2714", True),
    S.EXCEPTION_INCOMPLETE: ("IEP/504 exception incomplete", "\u26a0", False),
}


@pytest.mark.parametrize("state", list(S))
def test_state_label_mark_and_within_law(state):
    assert (state.label, state.mark, state.within_law) == EXPECTED_PRESENTATION[state]


def test_every_state_is_reachable():
    on = D("2026-12-10")
    reached = {
        contract_status(GOOD, on, CAL).state,
        contract_status(replace(GOOD, notice_posted=None), D("2026-12-01"), CAL).state,
        contract_status(replace(GOOD, notice_posted=None), on, CAL).state,
        contract_status(replace(GOOD, provisions=WITHOUT_P4_P9), on, CAL).state,
        contract_status(replace(GOOD, provisions=WITHOUT_P4_P9, amend_notice_sent=D("2026-11-02")), on, CAL).state,
        contract_status(replace(GOOD, expires=D("2026-12-09")), on, CAL).state,
        contract_status(replace(GOOD, to_complete=("purpose",)), on, CAL).state,
    }
    reached |= {resource_status(c, None, on, CAL).state for c in Coverage if c is not Coverage.CONTRACT}
    reached.add(resource_status(Coverage.IEP_504_EXCEPTION, None, on, CAL, exception_complete=False).state)
    assert reached == set(S)


def test_iep_exception_status_follows_the_exceptions_register():
    on = D("2026-12-10")
    complete = resource_status(Coverage.IEP_504_EXCEPTION, None, on, CAL, detail="IEP-2026-014",
                               exception_complete=True)
    assert (complete.state, complete.reason) == (S.IEP_504_EXCEPTION, "IEP/504 exception, case IEP-2026-014.")
    assert complete.state.within_law
    incomplete = resource_status(Coverage.IEP_504_EXCEPTION, None, on, CAL,
                                 detail="case IEP-2026-014 (IEP) lacks Parent signed the agreement",
                                 exception_complete=False)
    assert incomplete.state is S.EXCEPTION_INCOMPLETE
    assert not incomplete.state.within_law
    assert incomplete.reason == (
        "IEP/504 exception incomplete: case IEP-2026-014 (IEP) lacks Parent signed the agreement.")
    assert incomplete.problems == (incomplete.reason,)
    bare = resource_status(Coverage.IEP_504_EXCEPTION, None, on, CAL, exception_complete=False)
    assert bare.reason == "IEP/504 exception incomplete: not every condition of the law is met."


def test_exception_outcome_only_matters_for_the_iep_504_coverage():
    on = D("2026-12-10")
    assert resource_status(Coverage.NONE, None, on, CAL, exception_complete=False).state is S.NO_CONTRACT
    assert resource_status(Coverage.NOT_REQUIRED, None, on, CAL, detail="Public site.",
                           exception_complete=False).state is S.NOT_REQUIRED
    assert resource_status(Coverage.CONTRACT, GOOD, on, CAL, exception_complete=False) == contract_status(GOOD, on, CAL)


def test_details_to_complete_are_named_from_what_is_recorded():
    from techapproval.domain.contracts import details_to_complete

    assert details_to_complete(True, True, True) == ()
    assert details_to_complete(False, True, False) == ("purpose", "student information it may collect")


def test_a_contract_with_details_to_complete_is_never_called_compliant():
    on = D("2026-12-10")
    complete = ContractTerms(executed=D("2026-11-25"), uses_state_addendum=True, notice_posted=D("2026-11-30"))
    assert contract_status(complete, on, CAL).state is S.COMPLIANT
    partial = replace(complete, to_complete=("purpose", "brief description"))
    status = contract_status(partial, on, CAL)
    assert status.state is S.DETAILS_TO_COMPLETE and not status.state.within_law
    assert status.reason == "Contract details to complete: purpose and brief description not recorded."
    assert status.state.mark == "\u26a0"  # said in words and a symbol, not by colour
    # Imported with no provision and no addendum recorded: the provisions are unknown, not missing (no
    # notice to amend on that account), and still to record; the notice not recorded comes first.
    imported = ContractTerms(executed=D("2025-08-01"), to_complete=("purpose",))
    assert imported.provisions_unknown and imported.missing() == ()
    status = contract_status(imported, on, CAL)
    assert status.state is S.NOTICE_NOT_POSTED
    assert not any(p.startswith("Missing") for p in status.problems)
    assert ("Contract details to complete: purpose and provisions it contains (P1 to P11, or the state addendum) "
            "not recorded.") in status.problems
    # Some provisions recorded: the others are missing, whatever else is to complete.
    some = replace(imported, provisions=frozenset({Provision.P1}), notice_posted=D("2025-08-04"))
    assert not some.provisions_unknown
    assert contract_status(some, on, CAL).state is S.MISSING_PROVISIONS
