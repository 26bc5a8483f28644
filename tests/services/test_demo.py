"""The demo district: every state present, made through the real services, and never seeded twice."""

import pytest
from sqlalchemy import func, select

from techapproval.db.models import AuditEvent, Message, Person, Request
from techapproval.domain.enums import RequestStatus, Role
from techapproval.services import catalog, people, settings
from techapproval.services.demo import STAFF, seed_demo
from techapproval.services.errors import Refused
from tests.conftest import make_district


def counts(db) -> tuple[int, ...]:
    with db.transaction() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) for t in (Person, Request, Message, AuditEvent))


def test_fresh_database_gets_every_state_and_a_catalog(db):
    summary = seed_demo(db, password="a demo password")
    assert all(summary.requests[status] >= 1 for status in RequestStatus)
    assert summary.administrator_created
    assert [p.email for p in summary.people][0] == "admin@riverside.example"
    admin = people.sign_in(db, "admin@riverside.example", "a demo password")
    assert admin.role is Role.ADMINISTRATOR and admin.name == "Dana Whitfield"
    rosa = people.sign_in(db, "rosa.martinez@riverside.example", "a demo password")
    assert rosa.role is Role.REVIEWER
    with db.transaction() as s:
        assert settings.read(s)["district_name"] == "Riverside"
        by_status = {RequestStatus(st): n for st, n in
                     s.execute(select(Request.status, func.count()).group_by(Request.status))}
        assert by_status == {st: n for st, n in summary.requests.items() if n}
        approved = set(s.scalars(select(Request.resource_name).where(Request.status == "approved")))
        assert {e.name for e in catalog.list_catalog(s, admin.id)} == approved
        assert {"Kahoot!", "Seesaw"} <= approved
        refused = s.scalar(select(Request).where(Request.status == "not_approved"))
        assert refused.resource_name == "FreeGamesNow" and "ads" in refused.reason
        # The audit trail is the services' own: every non-draft request was submitted by its requester.
        submits = s.scalars(select(AuditEvent).where(AuditEvent.action == "submit")).all()
        renewal = s.scalar(select(Request).where(Request.renewal_of_id.is_not(None)))  # opened by the app
        assert renewal.resource_name == "Desmos" and renewal.status == "submitted"
        assert len(submits) == sum(n for st, n in summary.requests.items() if st is not RequestStatus.DRAFT) - 1
        # Two tools reviewed for accessibility; the others wait on the deadlines dashboard.
        reviewed = {e.name: e.accessibility.state.value for e in catalog.list_catalog(s, admin.id)}
        assert (reviewed["Seesaw"], reviewed["Canva for Education"], reviewed["Kahoot!"]) == (
            "conforms", "alternative_plan", "not_reviewed")
        resubmitted = s.scalar(select(Request).where(Request.status == "resubmitted"))
        assert [m.kind for m in resubmitted.messages] == ["question", "answer"]


def test_second_run_is_refused_and_changes_nothing(db):
    seed_demo(db)
    before = counts(db)
    with pytest.raises(Refused, match="Demo data is already here"):
        seed_demo(db)
    assert counts(db) == before


def test_existing_district_keeps_its_settings_and_administrator(db):
    district = make_district(db)
    with db.transaction() as s:
        settings.update_settings(s, district.admin, {"approver_title": "Principal"})
    summary = seed_demo(db)
    assert not summary.administrator_created
    assert [p.name for p in summary.people] == [name for _, name, _, _ in STAFF]
    with db.transaction() as s:
        admins = s.scalars(select(Person).where(Person.role == "administrator")).all()
        assert [(a.id, a.name) for a in admins] == [(district.admin, "Dana Admin")]
        assert settings.read(s)["approver_title"] == "Principal"
        # The administrator decided the reviewer's own request: nobody decides their own.
        assert s.scalar(select(Request.decided_by_id).where(Request.resource_name == "SignUpGenius")) == district.admin



def test_the_demo_registry_shows_every_kind_of_status_and_duty(db):
    from techapproval.domain.contracts import ComplianceState
    from techapproval.domain.deadlines import ObligationKind
    from techapproval.services import compliance

    seed_demo(db, password="a demo password")
    with db.transaction() as s:
        reviewer = s.scalar(select(Person.id).where(Person.role == Role.REVIEWER.value))
        states = {e.name: e.status.state for e in catalog.list_catalog(s, reviewer)}
        kinds = {o.kind for o in compliance.deadlines(s, reviewer)}
    assert states["Seesaw"] is ComplianceState.COMPLIANT
    assert states["Canva for Education"] is ComplianceState.MISSING_PROVISIONS
    assert states["Kahoot!"] is ComplianceState.NOTICE_DUE
    assert states["Desmos"] is ComplianceState.NOT_REQUIRED
    assert states["SignUpGenius"] is ComplianceState.NO_CONTRACT
    assert states["Learning Ally"] is ComplianceState.EXCEPTION_INCOMPLETE
    assert {ObligationKind.BREACH_FAMILY_NOTICE, ObligationKind.DELETION_DUE, ObligationKind.AMENDMENT_DUE,
            ObligationKind.DELETION_UNCONFIRMED, ObligationKind.WEBSITE_NOTICE} <= kinds
