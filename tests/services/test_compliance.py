"""Compliance on a real database, with real dates: the catalog's contract status end to end, district
closures, the amendment period setting, the deadlines dashboard and the yearly notice to families."""

from datetime import date

import pytest

from techapproval.db.models import Request
from techapproval.domain.contract_form import ContractForm, ContractorForm
from techapproval.domain.contracts import ComplianceState, Coverage, Provision
from techapproval.domain.deadlines import ObligationKind
from techapproval.domain.enums import Decision, InfoCategory, Permission
from techapproval.services import audit, catalog, compliance, settings
from techapproval.services import contracts as reg
from techapproval.services import requests as rq
from techapproval.services.compliance_context import compliance_context
from techapproval.services.errors import Invalid, NotAllowed, NotFound
from tests.helpers import complete_form

D = date.fromisoformat
TODAY = date(2026, 11, 25)
S = ComplianceState
K = ObligationKind
ALL = {p: "" for p in Provision}
WITHOUT_P9 = {p: "" for p in Provision if p is not Provision.P9}


def contract_form(contractor_id: int, /, **overrides) -> ContractForm:
    values = dict(
        contractor_id=contractor_id,
        purpose="Classroom use.",
        description="An online service used in class.",
        information_allowed=[InfoCategory.FULL_NAME],
        executed_on=D("2026-11-25"),
        provisions=dict(ALL),
    )
    values.update(overrides)
    return ContractForm(**values)


def contract(district, contractor: str, today: date = TODAY, **overrides) -> int:
    """Add the contractor (once) and a contract with it; return the contract id."""
    with district.db.transaction() as s:
        existing = {c.name: c.id for c in reg.list_contractors(s, district.reviewer)}
        kid = existing.get(contractor) or reg.save_contractor(
            s, district.reviewer, None, ContractorForm(name=contractor)).id
        return reg.save_contract(s, district.reviewer, None, contract_form(kid, **overrides), today=today).id


def submitted(district, **form_overrides) -> int:
    with district.db.transaction() as s:
        rid = rq.save_draft(s, district.teacher, None, complete_form(**form_overrides))
        rq.submit_request(s, district.teacher, rid)
    return rid


def approved(district, **form_overrides) -> int:
    """Submit and approve a request; return its catalog entry's id."""
    rid = submitted(district, **form_overrides)
    with district.db.transaction() as s:
        rq.decide_request(s, district.reviewer, rid, Decision.APPROVED, Permission.NONE_REQUIRED)
        return s.get(Request, rid).catalog_resource_id


def link(district, entry: int, contract_id: int) -> None:
    with district.db.transaction() as s:
        reg.link_resource(s, district.reviewer, entry, Coverage.CONTRACT, contract_id)


def status(district, entry: int, on: str):
    with district.db.transaction() as s:
        return catalog.get_entry(s, district.teacher, entry, on=D(on)).status


# --- district closures -----------------------------------------------------------------------------


def test_only_an_administrator_adds_or_removes_closures(district):
    for person in (district.teacher, district.reviewer):
        with pytest.raises(NotAllowed, match="Only an administrator"), district.db.transaction() as s:
            compliance.add_closure(s, person, D("2026-12-01"), "Snow day")
    with district.db.transaction() as s:
        compliance.add_closure(s, district.admin, D("2026-12-01"), "  Snow day ")
    for person in (district.teacher, district.reviewer):
        with pytest.raises(NotAllowed, match="Only an administrator"), district.db.transaction() as s:
            compliance.remove_closure(s, person, D("2026-12-01"))
    # Everyone signed in may read them.
    for person in (district.teacher, district.reviewer, district.admin):
        with district.db.transaction() as s:
            assert compliance.list_closures(s, person) == [(D("2026-12-01"), "Snow day")]


def test_closures_are_listed_in_order_relabelled_removed_and_audited(district):
    with district.db.transaction() as s:
        compliance.add_closure(s, district.admin, D("2026-12-23"), "Winter recess")
        compliance.add_closure(s, district.admin, D("2026-12-01"), "Snow day")
        compliance.add_closure(s, district.admin, D("2026-12-01"), "Ice storm")
        compliance.add_closure(s, district.admin, D("2026-12-01"), "Ice storm")  # unchanged: no event
        assert compliance.list_closures(s, district.reviewer) == [(D("2026-12-01"), "Ice storm"),
                                                                  (D("2026-12-23"), "Winter recess")]
    with district.db.transaction() as s:
        compliance.remove_closure(s, district.admin, D("2026-12-23"))
    with district.db.transaction() as s:
        assert compliance.list_closures(s, district.reviewer) == [(D("2026-12-01"), "Ice storm")]
        dec1 = audit.history(s, "closure", D("2026-12-01").toordinal())
        dec23 = audit.history(s, "closure", D("2026-12-23").toordinal())
    assert [(h.action, h.changes) for h in dec1] == [
        ("closure added", {"2026-12-01": [None, "Snow day"]}),
        ("closure changed", {"2026-12-01": ["Snow day", "Ice storm"]}),
    ]
    assert [h.action for h in dec23] == ["closure added", "closure removed"]
    assert dec23[-1].changes == {"2026-12-23": ["Winter recess", None]} and dec23[-1].actor == "Dana Admin"


@pytest.mark.parametrize("label", ["", "   ", "x" * 101])
def test_closure_needs_a_short_label(district, label):
    with pytest.raises(Invalid) as e, district.db.transaction() as s:
        compliance.add_closure(s, district.admin, D("2026-12-01"), label)
    assert set(e.value.errors) == {"label"}
    with district.db.transaction() as s:
        assert compliance.list_closures(s, district.admin) == []


def test_removing_a_day_that_is_no_closure(district):
    with pytest.raises(NotFound), district.db.transaction() as s:
        compliance.remove_closure(s, district.admin, D("2026-12-01"))


# --- settings used by compliance -------------------------------------------------------------------


def test_amend_days_setting_defaults_to_30_and_follows_the_administrator(district):
    with district.db.transaction() as s:
        assert compliance_context(s, D("2026-11-25")).amend_days == 30
        assert settings.update_settings(s, district.admin, {"amend_days": " 10 "})["amend_days"] == "10"
    with district.db.transaction() as s:
        ctx = compliance_context(s, D("2026-11-25"))
    assert (ctx.on, ctx.amend_days) == (D("2026-11-25"), 10)
    with pytest.raises(NotAllowed), district.db.transaction() as s:
        settings.update_settings(s, district.reviewer, {"amend_days": "60"})


@pytest.mark.parametrize("value", ["", "0", "366", "-5", "ten", "1.5"])
def test_amend_days_must_be_1_to_365(district, value):
    with pytest.raises(Invalid) as e, district.db.transaction() as s:
        settings.update_settings(s, district.admin, {"amend_days": value})
    assert set(e.value.errors) == {"amend_days"}
    with district.db.transaction() as s:
        assert compliance_context(s).amend_days == 30


def test_amend_days_superscript_digit_is_invalid_not_a_crash(district):
    with pytest.raises(Invalid) as e, district.db.transaction() as s:
        settings.update_settings(s, district.admin, {"amend_days": "\u00b2"})
    assert set(e.value.errors) == {"amend_days"}


@pytest.mark.parametrize("value", ["ftp://riverside.example/contracts", "https://river side.example", "not a link"])
def test_contracts_website_must_be_a_web_link(district, value):
    with pytest.raises(Invalid) as e, district.db.transaction() as s:
        settings.update_settings(s, district.admin, {"contracts_website": value})
    assert set(e.value.errors) == {"contracts_website"}


def test_contracts_website_accepts_a_link_and_may_be_empty(district):
    with district.db.transaction() as s:
        assert settings.update_settings(s, district.admin, {"contracts_website": "https://riverside.example/dpa"})[
            "contracts_website"] == "https://riverside.example/dpa"
        assert settings.update_settings(s, district.admin, {"contracts_website": ""})["contracts_website"] == ""


def test_contracts_website_is_stored_as_the_link_it_was_checked_as(district):
    with district.db.transaction() as s:
        values = settings.update_settings(s, district.admin, {"contracts_website": "riverside.example/contracts"})
    assert values["contracts_website"] == "https://riverside.example/contracts"


# --- the status of an approved resource, end to end ------------------------------------------------


def test_status_end_to_end_with_website_notice_and_a_snow_day(district):
    entry = approved(district)
    first = status(district, entry, "2026-12-03")
    assert (first.state, first.state.label) == (S.NO_CONTRACT, "No contract on file")

    # Executed Wed 25 Nov 2026; Thanksgiving Thu 26 Nov is a state holiday: due Thu 3 Dec.
    cid = contract(district, "Kahoot! ASA")
    link(district, entry, cid)
    due = status(district, entry, "2026-12-03")
    assert (due.state, due.due) == (S.NOTICE_DUE, D("2026-12-03"))
    assert due.reason == "Website notice due by Thu 3 Dec 2026."
    late = status(district, entry, "2026-12-04")
    assert (late.state, late.due) == (S.NOTICE_NOT_POSTED, D("2026-12-03"))

    # A snow day on Tue 1 Dec moves the deadline to Fri 4 Dec.
    with district.db.transaction() as s:
        compliance.add_closure(s, district.admin, D("2026-12-01"), "Snow day")
    moved = status(district, entry, "2026-12-04")
    assert (moved.state, moved.due) == (S.NOTICE_DUE, D("2026-12-04"))
    assert status(district, entry, "2026-12-05").state is S.NOTICE_NOT_POSTED
    with district.db.transaction() as s:
        contract_view = reg.get_contract(s, district.teacher, cid, on=D("2026-12-04"))
        assert (contract_view.status.state, contract_view.status.due) == (S.NOTICE_DUE, D("2026-12-04"))

    # Removing the closure brings the deadline back.
    with district.db.transaction() as s:
        compliance.remove_closure(s, district.admin, D("2026-12-01"))
    assert status(district, entry, "2026-12-04").state is S.NOTICE_NOT_POSTED

    with district.db.transaction() as s:
        reg.record_notice_posted(s, district.reviewer, [cid], D("2026-12-02"), today=D("2026-12-02"))
    posted = status(district, entry, "2026-12-07")
    assert posted.state is S.COMPLIANT
    assert "posted Wed 2 Dec 2026" in posted.reason


def test_missing_provision_is_void_after_the_amendment_period_set_by_the_district(district):
    entry = approved(district)
    cid = contract(district, "Kahoot! ASA", today=D("2026-11-02"), executed_on=D("2026-10-28"),
                   notice_posted_on=D("2026-10-29"), provisions=dict(WITHOUT_P9), amend_notice_sent_on=D("2026-11-02"))
    link(district, entry, cid)
    # The default 30 days: due Wed 2 Dec.
    pending = status(district, entry, "2026-11-13")
    assert (pending.state, pending.due) == (S.MISSING_PROVISIONS, D("2026-12-02"))
    assert "Missing P9" in pending.reason

    with district.db.transaction() as s:
        settings.update_settings(s, district.admin, {"amend_days": "10"})
    last_day = status(district, entry, "2026-11-12")
    assert (last_day.state, last_day.due) == (S.MISSING_PROVISIONS, D("2026-11-12"))
    void = status(district, entry, "2026-11-13")
    assert void.state is S.VOID
    assert void.reason.startswith("Void since Fri 13 Nov 2026")
    with district.db.transaction() as s:
        assert reg.get_contract(s, district.reviewer, cid, on=D("2026-11-13")).status.state is S.VOID

    # Amended (with P9 ticked) it is compliant again, the late amendment noted for the record.
    with district.db.transaction() as s:
        form = reg.get_contract(s, district.reviewer, cid).form
        form.provisions = dict(ALL)
        form.amended_on = D("2026-11-20")
        reg.save_contract(s, district.reviewer, cid, form, today=D("2026-11-25"))
    amended = status(district, entry, "2026-11-25")
    assert amended.state is S.COMPLIANT
    assert any("Amended late" in p for p in amended.problems)


def test_expired_contract(district):
    entry = approved(district)
    cid = contract(district, "Kahoot! ASA", executed_on=D("2025-08-01"), notice_posted_on=D("2025-08-04"),
                   expires_on=D("2026-06-30"))
    link(district, entry, cid)
    assert status(district, entry, "2026-06-30").state is S.COMPLIANT
    expired = status(district, entry, "2026-07-01")
    assert expired.state is S.EXPIRED
    assert "deletion of student data not confirmed" in expired.reason
    with district.db.transaction() as s:
        form = reg.get_contract(s, district.reviewer, cid).form
        form.deletion_confirmed_on = D("2026-07-15")
        reg.save_contract(s, district.reviewer, cid, form, today=D("2026-11-25"))
    confirmed = status(district, entry, "2026-11-25")
    assert confirmed.state is S.EXPIRED
    assert "confirmed deletion on Wed 15 Jul 2026" in confirmed.reason


def test_list_catalog_filters_by_state(district):
    kahoot = approved(district)
    padlet = approved(district, resource_name="Padlet", resource_link="https://padlet.com")
    quizlet = approved(district, resource_name="Quizlet", resource_link="https://quizlet.com")
    wiki = approved(district, resource_name="Wikipedia", resource_link="https://wikipedia.org")
    link(district, kahoot, contract(district, "Kahoot! ASA", today=D("2026-11-02"), executed_on=D("2026-10-28"),
                                    notice_posted_on=D("2026-10-29"), provisions=dict(WITHOUT_P9),
                                    amend_notice_sent_on=D("2026-11-02")))
    link(district, padlet, contract(district, "Padlet Inc.", executed_on=D("2026-11-02"),
                                    notice_posted_on=D("2026-11-03")))
    with district.db.transaction() as s:
        reg.link_resource(s, district.reviewer, wiki, Coverage.NOT_REQUIRED, note="Public site, no accounts.")
        on = D("2026-12-03")  # 31 days after the notice to amend: Kahoot's contract is void
        everything = catalog.list_catalog(s, district.teacher, on=on)
        assert [(e.id, e.status.state) for e in everything] == [
            (kahoot, S.VOID), (padlet, S.COMPLIANT), (quizlet, S.NO_CONTRACT), (wiki, S.NOT_REQUIRED)]
        outside_the_law = {st for st in S if not st.within_law}
        assert [e.id for e in catalog.list_catalog(s, district.teacher, states=outside_the_law, on=on)] == [
            kahoot, quizlet]
        assert [e.id for e in catalog.list_catalog(s, district.teacher, states={S.COMPLIANT}, on=on)] == [padlet]
        assert catalog.list_catalog(s, district.teacher, states={S.EXPIRED}, on=on) == []
        assert [e.id for e in catalog.list_catalog(s, district.teacher, search="pad", states={S.COMPLIANT, S.VOID},
                                                   on=on)] == [padlet]
        # A day earlier Kahoot's amendment was still pending.
        earlier = catalog.list_catalog(s, district.teacher, states={S.MISSING_PROVISIONS}, on=D("2026-12-02"))
        assert [e.id for e in earlier] == [kahoot]


def test_resources_sharing_a_contract_each_show_their_contracts_status(district):
    """list_catalog works out each contract's status once per read: both resources of a shared contract
    show it, the resource of another contract executed the same day shows that one's, and a read for
    another day works it out afresh. Each as get_entry has it, resource by resource."""
    kahoot = approved(district)
    quizzes = approved(district, resource_name="Kahoot! Academy", resource_link="https://kahoot.it")
    padlet = approved(district, resource_name="Padlet", resource_link="https://padlet.com")
    shared = contract(district, "Kahoot! ASA", executed_on=D("2026-11-25"))  # notice due Wed 2 Dec
    own = contract(district, "Padlet Inc.", executed_on=D("2026-11-25"), notice_posted_on=D("2026-11-25"))
    for entry, cid in ((kahoot, shared), (quizzes, shared), (padlet, own)):
        link(district, entry, cid)
    expected = {"2026-11-25": (S.NOTICE_DUE, S.COMPLIANT), "2026-12-04": (S.NOTICE_NOT_POSTED, S.COMPLIANT)}
    with district.db.transaction() as s:
        for on, (shared_state, own_state) in expected.items():
            listed = {e.id: e.status for e in catalog.list_catalog(s, district.teacher, on=D(on))}
            assert listed == {e: catalog.get_entry(s, district.teacher, e, on=D(on)).status
                              for e in (kahoot, quizzes, padlet)}
            assert [listed[e].state for e in (kahoot, quizzes, padlet)] == [shared_state, shared_state, own_state]


def test_unknown_catalog_entry(district):
    with pytest.raises(NotFound), district.db.transaction() as s:
        catalog.get_entry(s, district.teacher, 9999)


# --- status for a request under review ----------------------------------------------------------------


def test_status_for_request_reports_the_matching_catalog_entry(district):
    entry = approved(district)  # Kahoot!, https://kahoot.com
    link(district, entry, contract(district, "Kahoot! ASA"))
    same_link = submitted(district, resource_name="Kahoot quizzes for maths", resource_link="http://www.kahoot.com/")
    new_tool = submitted(district, resource_name="Padlet", resource_link="https://padlet.com")
    with district.db.transaction() as s:
        expected = catalog.get_entry(s, district.reviewer, entry, on=D("2026-12-04")).status
        found = catalog.status_for_request(s, district.reviewer, same_link, on=D("2026-12-04"))
        unknown = catalog.status_for_request(s, district.admin, new_tool, on=D("2026-12-04"))
    assert found == expected
    assert found.state is S.NOTICE_NOT_POSTED
    assert (unknown.state, unknown.reason) == (S.NO_CONTRACT, "No contract on file.")


def test_status_for_request_matches_by_name_without_a_link(district):
    entry = approved(district)
    with district.db.transaction() as s:
        reg.link_resource(s, district.reviewer, entry, Coverage.IEP_504_EXCEPTION, note="Case 12")
    rid = submitted(district, resource_name="KAHOOT", resource_link="")
    with district.db.transaction() as s:
        assert catalog.status_for_request(s, district.reviewer, rid).state is S.IEP_504_EXCEPTION


def test_status_for_request_is_refused_to_a_requester(district):
    rid = submitted(district)
    with pytest.raises(NotAllowed), district.db.transaction() as s:
        catalog.status_for_request(s, district.teacher, rid)
    with pytest.raises(NotFound), district.db.transaction() as s:
        catalog.status_for_request(s, district.reviewer, 9999)


# --- deadlines ------------------------------------------------------------------------------------


def mixed_registry(district) -> dict[str, int]:
    return {
        # Executed Wed 25 Nov, notice not posted: due Thu 3 Dec.
        "alpha": contract(district, "Alpha Learning"),
        # Missing P9, notice to amend sent Mon 2 Nov: amendment due Wed 2 Dec (30 days).
        "beta": contract(district, "Beta Books", executed_on=D("2026-11-02"), notice_posted_on=D("2026-11-03"),
                         provisions=dict(WITHOUT_P9), amend_notice_sent_on=D("2026-11-02")),
        # Compliant, ends Thu 31 Dec: expiring within 60 days.
        "gamma": contract(district, "Gamma Games", executed_on=D("2026-10-01"), notice_posted_on=D("2026-10-02"),
                          expires_on=D("2026-12-31")),
        # Missing P1, no notice to amend yet: send it today.
        "delta": contract(district, "Delta Draw", executed_on=D("2026-09-01"), notice_posted_on=D("2026-09-02"),
                          provisions={p: "" for p in Provision if p is not Provision.P1}),
        # Ended Tue 30 Jun, deletion never confirmed.
        "epsilon": contract(district, "Epsilon Ed", executed_on=D("2025-09-01"), notice_posted_on=D("2025-09-02"),
                            expires_on=D("2026-06-30")),
        # All in order: nothing to do.
        "zeta": contract(district, "Zeta Zoom", executed_on=D("2026-09-01"), notice_posted_on=D("2026-09-02"),
                         uses_state_addendum=True, provisions={}),
    }


def test_deadlines_of_a_mixed_registry_soonest_first(district):
    ids = mixed_registry(district)
    with district.db.transaction() as s:
        found = compliance.deadlines(s, district.reviewer, on=D("2026-12-04"))
        count = compliance.overdue_count(s, district.admin, on=D("2026-12-04"))
    assert [(o.kind, o.ref, o.due, o.overdue) for o in found] == [
        (K.DELETION_UNCONFIRMED, ids["epsilon"], D("2026-07-01"), True),
        (K.ANNUAL_NOTICE, 2026, D("2026-09-01"), True),
        (K.AMENDMENT_DUE, ids["beta"], D("2026-12-02"), True),
        (K.WEBSITE_NOTICE, ids["alpha"], D("2026-12-03"), True),
        (K.NOTICE_TO_AMEND, ids["delta"], D("2026-12-04"), False),
        (K.CONTRACT_EXPIRING, ids["gamma"], D("2026-12-31"), False),
    ]
    assert [o.subject for o in found] == ["Epsilon Ed", "School year 2026\u201327", "Beta Books", "Alpha Learning",
                                          "Delta Draw", "Gamma Games"]
    assert count == 4


def test_deadlines_follow_closures_and_the_amendment_setting(district):
    ids = mixed_registry(district)
    with district.db.transaction() as s:
        compliance.add_closure(s, district.admin, D("2026-12-01"), "Snow day")
        settings.update_settings(s, district.admin, {"amend_days": "45"})
    with district.db.transaction() as s:
        found = {o.ref: o for o in compliance.deadlines(s, district.reviewer, on=D("2026-12-04"))}
        count = compliance.overdue_count(s, district.reviewer, on=D("2026-12-04"))
    assert (found[ids["alpha"]].due, found[ids["alpha"]].overdue) == (D("2026-12-04"), False)
    assert (found[ids["beta"]].due, found[ids["beta"]].overdue) == (D("2026-12-17"), False)
    assert count == 2  # the deletion and the yearly notice


def test_nothing_overdue_in_an_orderly_registry(district):
    contract(district, "Zeta Zoom", executed_on=D("2026-09-01"), notice_posted_on=D("2026-09-02"))
    with district.db.transaction() as s:
        compliance.record_annual_notice(s, district.reviewer, 2026, D("2026-08-20"), D("2026-08-25"),
                                        today=D("2026-11-25"))
        assert compliance.deadlines(s, district.reviewer, on=D("2026-11-25")) == []
        assert compliance.overdue_count(s, district.reviewer, on=D("2026-11-25")) == 0


def test_requester_cannot_see_deadlines(district):
    with pytest.raises(NotAllowed), district.db.transaction() as s:
        compliance.deadlines(s, district.teacher, on=D("2026-12-04"))
    with pytest.raises(NotAllowed), district.db.transaction() as s:
        compliance.overdue_count(s, district.teacher, on=D("2026-12-04"))


def test_annual_notice_sent_removes_that_years_obligation(district):
    mixed_registry(district)
    on = D("2026-12-04")
    with district.db.transaction() as s:
        # Another year's notice, or a notice only drafted, does not count.
        compliance.record_annual_notice(s, district.reviewer, 2025, D("2025-08-01"), D("2025-08-15"), today=on)
        compliance.record_annual_notice(s, district.reviewer, 2026, D("2026-08-20"), None, today=on)
        kinds = [o.kind for o in compliance.deadlines(s, district.reviewer, on=on)]
        assert K.ANNUAL_NOTICE in kinds
        assert compliance.overdue_count(s, district.reviewer, on=on) == 4
    with district.db.transaction() as s:
        view = compliance.record_annual_notice(s, district.reviewer, 2026, D("2026-08-20"), D("2026-08-28"),
                                               today=on)
    assert (view.school_year, view.label, view.due, view.drafted_on, view.sent_on) == (
        2026, "2026\u201327", D("2026-09-01"), D("2026-08-20"), D("2026-08-28"))
    with district.db.transaction() as s:
        kinds = [o.kind for o in compliance.deadlines(s, district.reviewer, on=on)]
        assert K.ANNUAL_NOTICE not in kinds and len(kinds) == 5
        assert compliance.overdue_count(s, district.reviewer, on=on) == 3
        assert compliance.annual_notice(s, district.teacher, 2026).sent_on == D("2026-08-28")
        history = audit.history(s, "annual_notice", 2026)
    assert [h.action for h in history] == ["yearly notice recorded", "yearly notice recorded"]
    assert history[0].changes == {"drafted_on": [None, "2026-08-20"]}
    assert history[1].changes == {"sent_on": [None, "2026-08-28"]}
    # The next school year needs its own notice.
    with district.db.transaction() as s:
        next_year = [o for o in compliance.deadlines(s, district.reviewer, on=D("2027-07-01"))
                     if o.kind is K.ANNUAL_NOTICE]
    assert [(o.ref, o.due, o.overdue) for o in next_year] == [(2027, D("2027-09-01"), False)]


def test_annual_notice_not_yet_recorded(district):
    with district.db.transaction() as s:
        view = compliance.annual_notice(s, district.teacher, 2027)
    assert (view.label, view.due, view.drafted_on, view.sent_on) == ("2027\u201328", D("2027-09-01"), None, None)


@pytest.mark.parametrize(
    ("drafted", "sent", "fields"),
    [
        ("2026-11-26", None, {"drafted_on"}),
        ("2026-08-20", "2026-11-26", {"sent_on"}),
        ("2026-08-20", "2026-08-19", {"sent_on"}),
        ("2026-11-30", "2026-11-26", {"drafted_on", "sent_on"}),
    ],
)
def test_record_annual_notice_refuses_future_dates_and_sent_before_drafted(district, drafted, sent, fields):
    with pytest.raises(Invalid) as e, district.db.transaction() as s:
        compliance.record_annual_notice(s, district.reviewer, 2026, D(drafted), sent and D(sent),
                                        today=D("2026-11-25"))
    assert set(e.value.errors) == fields
    with district.db.transaction() as s:
        assert compliance.annual_notice(s, district.reviewer, 2026).drafted_on is None
        assert audit.history(s, "annual_notice", 2026) == []


def test_requester_cannot_record_the_annual_notice(district):
    with pytest.raises(NotAllowed), district.db.transaction() as s:
        compliance.record_annual_notice(s, district.teacher, 2026, D("2026-08-20"), D("2026-08-28"),
                                        today=D("2026-11-25"))
