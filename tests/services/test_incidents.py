"""Breach incidents against a real database: who may record them, what is refused and where, the audit
trail, and the obligations they put on the deadlines list."""

from datetime import date

import pytest
from sqlalchemy import select

from techapproval.db.models import Contract, Incident
from techapproval.domain.deadlines import ObligationKind
from techapproval.domain.incidents import IncidentForm, IncidentState, Involves, StepState
from techapproval.services import audit, compliance
from techapproval.services import incidents as svc
from techapproval.services.compliance_context import compliance_context
from techapproval.services.errors import Conflict, Invalid, NotAllowed, NotFound
from tests.helpers import registered_contract

D = date.fromisoformat
DISCOVERED = D("2027-01-11")  # a Monday
TODAY = D("2027-01-20")
EXECUTED = D("2025-09-01")


def contractor_of(district, contract_id: int) -> int:
    with district.db.transaction() as s:
        return s.get(Contract, contract_id).contractor_id


@pytest.fixture
def acme(district):
    """(contractor id, contract id) of a registered contractor."""
    cid = registered_contract(district, "Acme Learning", EXECUTED, title="Data privacy agreement")
    return contractor_of(district, cid), cid


def form(contractor_id, contract_id=None, **overrides) -> IncidentForm:
    values = dict(contractor_id=contractor_id, contract_id=contract_id, discovered_on=DISCOVERED,
                  involves=frozenset({Involves.STUDENT_INFORMATION}), students_affected=42,
                  description="A misconfigured export exposed class rosters.")
    values.update(overrides)
    return IncidentForm(**values)


def record(district, f: IncidentForm, today: date = TODAY, actor=None) -> svc.IncidentView:
    with district.db.transaction() as s:
        return svc.record_incident(s, actor or district.reviewer, f, today=today)


def test_reviewer_records_an_incident_and_sees_its_timeline(district, acme):
    kid, cid = acme
    view = record(district, form(kid, cid, description="  Rosters exposed.  "))
    assert (view.contractor_id, view.contractor_name, view.contract_id) == (kid, "Acme Learning", cid)
    assert view.contract_label == "Data privacy agreement (executed Mon 1 Sep 2025)"
    assert view.form.description == "Rosters exposed."
    assert view.students_text == "42" and view.reference == f"Incident {view.id}" and view.version == 1
    assert view.timeline.contractor_notice.due == D("2027-02-10")
    assert view.timeline.contractor_notice.words == "due Wed 10 Feb 2027"
    assert view.as_of == TODAY
    with district.db.transaction() as s:
        row = s.get(Incident, view.id)
        assert row.involves == "student_information" and row.students_affected == 42
        [listed] = svc.list_incidents(s, district.admin, on=D("2027-02-11"))
        assert listed.id == view.id
        assert listed.timeline.contractor_notice.state is StepState.OVERDUE
        assert listed.timeline.state is IncidentState.OVERDUE
        assert svc.get_incident(s, district.reviewer, view.id, on=TODAY).timeline.state is IncidentState.OPEN


def test_requesters_may_neither_record_nor_read_incidents(district, acme):
    kid, _ = acme
    view = record(district, form(kid))
    attempts = [
        lambda s: svc.record_incident(s, district.teacher, form(kid), today=TODAY),
        lambda s: svc.update_incident(s, district.teacher, view.id, form(kid, students_affected=1), 1, today=TODAY),
        lambda s: svc.list_incidents(s, district.teacher),
        lambda s: svc.get_incident(s, district.teacher, view.id),
    ]
    for attempt in attempts:
        with pytest.raises(NotAllowed, match="Only a reviewer"), district.db.transaction() as s:
            attempt(s)
    with district.db.transaction() as s:
        assert [i.students_affected for i in s.scalars(select(Incident))] == [42]


def test_problems_are_told_by_field_and_nothing_is_saved(district, acme):
    kid, _ = acme
    bad = form(kid, discovered_on=D("2027-01-21"), involves=frozenset(), students_affected=-3, description="",
               parents_notified_on=D("2027-01-19"))
    with pytest.raises(Invalid) as caught, district.db.transaction() as s:
        svc.record_incident(s, district.reviewer, bad, today=TODAY)
    assert set(caught.value.errors) == {"discovered_on", "involves", "students_affected", "description",
                                        "parents_notified_on"}
    assert "future" in caught.value.errors["discovered_on"]
    with pytest.raises(Invalid) as caught, district.db.transaction() as s:
        svc.record_incident(s, district.reviewer, form(kid, description="x" * 5_001), today=TODAY)
    assert list(caught.value.errors) == ["description"] and "5,000" in caught.value.errors["description"]
    with pytest.raises(Invalid) as caught, district.db.transaction() as s:
        svc.record_incident(s, district.reviewer, form(kid, board_notified_on=D("2027-01-10")), today=TODAY)
    assert list(caught.value.errors) == ["board_notified_on"]
    with district.db.transaction() as s:
        assert s.scalars(select(Incident)).all() == []


def test_contractor_and_contract_must_exist_and_match(district, acme):
    kid, cid = acme
    other = registered_contract(district, "Padlet Inc.", EXECUTED)
    cases = [
        (form(None), "contractor_id"),
        (form(9_999), "contractor_id"),
        (form(kid, 9_999), "contract_id"),
        (form(kid, other), "contract_id"),
    ]
    for bad, field in cases:
        with pytest.raises(Invalid) as caught, district.db.transaction() as s:
            svc.record_incident(s, district.reviewer, bad, today=TODAY)
        assert field in caught.value.errors, (bad, caught.value.errors)
    assert "another contractor" in caught.value.errors["contract_id"]


def test_updates_are_audited_with_old_and_new_values(district, acme):
    kid, cid = acme
    view = record(district, form(kid, cid))
    changed = form(kid, cid, board_notified_on=D("2027-02-12"), parents_notified_on=D("2027-02-16"),
                   involves=frozenset({Involves.STUDENT_INFORMATION, Involves.STUDENT_RECORDS}), students_affected=None)
    with district.db.transaction() as s:
        after = svc.update_incident(s, district.reviewer, view.id, changed, view.version, today=D("2027-02-20"))
    assert after.version == 2 and after.students_text == "Not known yet"
    assert after.timeline.contractor_notice.words == "late by 2 days"
    assert after.timeline.family_notice.words == "on time"
    assert after.timeline.website_notice.state is StepState.OVERDUE
    with district.db.transaction() as s:
        history = audit.history(s, "incident", view.id)
    assert [(h.actor, h.action) for h in history] == [("Rita Reviewer", "incident recorded"),
                                                      ("Rita Reviewer", "incident changed")]
    assert history[0].changes["discovered_on"] == [None, "2027-01-11"]
    assert history[0].changes["involves"] == [None, "Student information (other than directory information)"]
    assert history[1].changes == {
        "involves": ["Student information (other than directory information)",
                     "Student information (other than directory information), Student records"],
        "students_affected": [42, None],
        "board_notified_on": [None, "2027-02-12"],
        "parents_notified_on": [None, "2027-02-16"],
    }
    with district.db.transaction() as s:  # saving the same values again records nothing
        same = svc.update_incident(s, district.reviewer, view.id, changed, after.version, today=D("2027-02-20"))
        assert same.version == 2
        assert len(audit.history(s, "incident", view.id)) == 2


def test_a_stale_edit_is_refused_and_a_missing_incident_is_not_found(district, acme):
    kid, _ = acme
    view = record(district, form(kid))
    with district.db.transaction() as s:
        svc.update_incident(s, district.admin, view.id, form(kid, students_affected=50), view.version, today=TODAY)
    with pytest.raises(Conflict, match="Someone else changed this incident"), district.db.transaction() as s:
        svc.update_incident(s, district.reviewer, view.id, form(kid, students_affected=60), view.version,
                            today=TODAY)
    with pytest.raises(NotFound), district.db.transaction() as s:
        svc.update_incident(s, district.reviewer, 9_999, form(kid), None, today=TODAY)
    with pytest.raises(NotFound), district.db.transaction() as s:
        svc.get_incident(s, district.reviewer, 9_999)
    with district.db.transaction() as s:
        assert svc.get_incident(s, district.reviewer, view.id).form.students_affected == 50


def test_open_obligations_follow_each_incident(district, acme):
    kid, cid = acme
    waiting = record(district, form(kid, cid))  # student information: due Wed 10 Feb
    directory = record(district, form(kid, involves=frozenset({Involves.DIRECTORY_INFORMATION}),
                                      discovered_on=D("2027-01-12")))  # due Sat 13 Mar
    notified = record(district, form(kid, discovered_on=D("2027-01-13")))
    with district.db.transaction() as s:
        svc.update_incident(s, district.reviewer, notified.id,
                            form(kid, discovered_on=D("2027-01-13"), board_notified_on=D("2027-02-12")),
                            notified.version, today=D("2027-02-12"))
    closed = record(district, form(kid, discovered_on=D("2027-01-04"), board_notified_on=D("2027-01-05"),
                                   parents_notified_on=D("2027-01-06"), website_posted_on=D("2027-01-06")))

    with district.db.transaction() as s:
        found = svc.open_obligations(s, compliance_context(s, D("2027-02-15")))
    assert [(o.kind, o.ref, o.due, o.overdue, o.subject) for o in found] == [
        (ObligationKind.BREACH_CONTRACTOR_NOTICE, waiting.id, D("2027-02-10"), True, "Acme Learning"),
        (ObligationKind.BREACH_FAMILY_NOTICE, notified.id, D("2027-02-17"), False, "Acme Learning"),
        (ObligationKind.BREACH_CONTRACTOR_NOTICE, directory.id, D("2027-03-13"), False, "Acme Learning"),
    ]
    assert closed.id not in {o.ref for o in found}

    # A snow day on Tue 16 Feb (a district closure) moves the Board's two business days.
    with district.db.transaction() as s:
        compliance.add_closure(s, district.admin, D("2027-02-16"), "Snow day")
    with district.db.transaction() as s:
        found = svc.open_obligations(s, compliance_context(s, D("2027-02-15")))
        assert [o.due for o in found if o.ref == notified.id] == [D("2027-02-18")]
        # No role check: the deadlines list calls it after making its own.
        assert svc.list_incidents(s, district.reviewer, on=D("2027-02-15"))[0].id == notified.id


def test_the_database_refuses_what_the_service_would(district, acme):
    """The schema's CHECKs back the rules up for anything that bypasses the service."""
    from sqlalchemy.exc import IntegrityError

    kid, _ = acme
    view = record(district, form(kid))
    with pytest.raises(IntegrityError), district.db.transaction() as s:
        s.get(Incident, view.id).parents_notified_on = D("2027-01-15")
