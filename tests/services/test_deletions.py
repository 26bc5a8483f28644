"""Deletion requests and the confirmation of deletion after expiry, against a real database."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from techapproval.db.models import Contract, DeletionRequest
from techapproval.domain.deadlines import ObligationKind
from techapproval.domain.deletions import DeletionRef, Outcome, Requester
from techapproval.services import audit, compliance, settings
from techapproval.services import deletions as svc
from techapproval.services.compliance_context import compliance_context
from techapproval.services.errors import Conflict, Invalid, NotAllowed, NotFound, Refused
from tests.helpers import registered_contract

D = date.fromisoformat
TODAY = D("2026-11-25")
ASKED = D("2026-11-02")


def contractor_of(district, contract_id: int) -> int:
    with district.db.transaction() as s:
        return s.get(Contract, contract_id).contractor_id


def record(district, contractor_id, actor=None, **overrides):
    values = dict(requested_by=Requester.PARENT, case_reference="DEL-2026-014", requested_on=ASKED,
                  what="The child's account and essays.", today=TODAY)
    values.update(overrides)
    with district.db.transaction() as s:
        return svc.record_deletion_request(s, actor or district.reviewer, contractor_id, **values)


@pytest.fixture
def contract(district) -> int:
    return registered_contract(district, "Kahoot! ASA", D("2026-01-10"))


def test_record_fixes_the_due_date_from_the_setting_at_the_time(district, contract):
    kid = contractor_of(district, contract)
    first = record(district, kid, contract_id=contract)
    assert (first.due_on, first.outcome, first.overdue) == (D("2026-12-02"), Outcome.OPEN, False)
    assert first.contract_label.startswith("Kahoot! ASA (executed")
    assert first.state == "\u25f7 Open: deletion due by Wed 2 Dec 2026 (requested Mon 2 Nov 2026)."
    with district.db.transaction() as s:
        settings.update_settings(s, district.admin, {"deletion_days": "10"})
    second = record(district, kid, case_reference="DEL-2026-015")
    assert second.due_on == D("2026-11-12")
    with district.db.transaction() as s:
        assert svc.get_deletion_request(s, district.reviewer, first.id, on=TODAY).due_on == D("2026-12-02")
        history = audit.history(s, "deletion_request", first.id)
    assert [h.action for h in history] == ["deletion requested"]
    assert history[0].actor == "Rita Reviewer"
    assert history[0].changes["case_reference"] == [None, "DEL-2026-014"]
    assert history[0].changes["due_on"] == [None, "2026-12-02"]


def test_record_validation(district, contract):
    kid = contractor_of(district, contract)
    with pytest.raises(Invalid) as e:
        record(district, kid, case_reference="Maria Lopez", requested_on=TODAY + timedelta(days=1), what="")
    assert set(e.value.errors) == {"case_reference", "requested_on", "what"}
    with pytest.raises(Invalid) as e:
        record(district, kid, case_reference="", requested_by="student")
    assert set(e.value.errors) == {"case_reference"}
    with pytest.raises(Invalid) as e:
        record(district, 9999)
    assert set(e.value.errors) == {"contractor_id"}
    other = registered_contract(district, "Padlet Inc.", D("2026-01-10"))
    with pytest.raises(Invalid) as e:
        record(district, kid, contract_id=other)  # not this contractor's contract
    assert set(e.value.errors) == {"contract_id"}
    board = record(district, kid, requested_by="board", case_reference="")
    assert (board.requested_by, board.case_reference) == (Requester.BOARD, "")
    with district.db.transaction() as s:
        assert s.scalar(select(DeletionRequest.id).where(DeletionRequest.requested_by == "parent")) is None


@pytest.mark.parametrize("who", ["teacher", "other_teacher"])
def test_requesters_may_not_see_or_record_deletion_requests(district, contract, who):
    kid = contractor_of(district, contract)
    record(district, kid)
    with pytest.raises(NotAllowed):
        record(district, kid, actor=getattr(district, who))
    with pytest.raises(NotAllowed), district.db.transaction() as s:
        svc.list_deletion_requests(s, getattr(district, who))
    with pytest.raises(NotAllowed), district.db.transaction() as s:
        svc.list_expired_unconfirmed(s, getattr(district, who))


def test_close_deleted_and_kept_with_a_note(district, contract):
    kid = contractor_of(district, contract)
    a = record(district, kid)
    b = record(district, kid, case_reference="DEL-2026-016")
    with district.db.transaction() as s:
        closed = svc.close_deletion_request(s, district.reviewer, a.id, Outcome.DELETED, D("2026-11-20"),
                                            expected_version=a.version, today=TODAY)
    assert (closed.outcome, closed.closed_on, closed.overdue) == (Outcome.DELETED, D("2026-11-20"), False)
    assert closed.state.startswith("\u2714 Deleted on Fri 20 Nov 2026")
    with pytest.raises(Invalid) as e, district.db.transaction() as s:
        svc.close_deletion_request(s, district.reviewer, b.id, "legal_retention", D("2026-11-20"), "  ",
                                   today=TODAY)
    assert set(e.value.errors) == {"note"}
    with district.db.transaction() as s:
        kept = svc.close_deletion_request(s, district.admin, b.id, "legal_retention", D("2026-11-20"),
                                          "State records retention schedule M8", today=TODAY)
        history = audit.history(s, "deletion_request", b.id)
    assert kept.note == "State records retention schedule M8"
    assert history[-1].action == "deletion request closed"
    assert history[-1].changes == {"outcome": ["open", "legal_retention"], "closed_on": [None, "2026-11-20"],
                                   "note": ["", "State records retention schedule M8"]}
    with pytest.raises(Refused), district.db.transaction() as s:
        svc.close_deletion_request(s, district.reviewer, a.id, "deleted", D("2026-11-21"), today=TODAY)


def test_close_is_refused_on_a_stale_version_and_for_requesters(district, contract):
    kid = contractor_of(district, contract)
    a = record(district, kid)
    with pytest.raises(Conflict), district.db.transaction() as s:
        svc.close_deletion_request(s, district.reviewer, a.id, "deleted", D("2026-11-20"),
                                   expected_version=a.version + 1, today=TODAY)
    with pytest.raises(NotAllowed), district.db.transaction() as s:
        svc.close_deletion_request(s, district.teacher, a.id, "deleted", D("2026-11-20"), today=TODAY)
    with pytest.raises(NotFound), district.db.transaction() as s:
        svc.close_deletion_request(s, district.reviewer, 9999, "deleted", D("2026-11-20"), today=TODAY)
    with district.db.transaction() as s:
        assert svc.get_deletion_request(s, district.reviewer, a.id).outcome is Outcome.OPEN


def test_list_puts_open_requests_first_soonest_due(district, contract):
    kid = contractor_of(district, contract)
    late = record(district, kid, case_reference="DEL-1", requested_on=D("2026-10-01"))
    soon = record(district, kid, case_reference="DEL-2", requested_on=D("2026-11-20"))
    done = record(district, kid, case_reference="DEL-3", requested_on=D("2026-09-01"))
    with district.db.transaction() as s:
        svc.close_deletion_request(s, district.reviewer, done.id, "deleted", D("2026-09-10"), today=TODAY)
        rows = svc.list_deletion_requests(s, district.reviewer, on=TODAY)
    assert [r.id for r in rows] == [late.id, soon.id, done.id]
    assert [r.overdue for r in rows] == [True, False, False]
    assert rows[0].state.startswith("\u26a0 Overdue")


def test_open_obligations_for_the_deadlines(district, contract):
    kid = contractor_of(district, contract)
    late = record(district, kid, case_reference="DEL-1", requested_on=D("2026-10-01"))
    soon = record(district, kid, case_reference="DEL-2", requested_on=D("2026-11-20"))
    done = record(district, kid, case_reference="DEL-3", requested_on=D("2026-09-01"))
    with district.db.transaction() as s:
        svc.close_deletion_request(s, district.reviewer, done.id, "deleted", D("2026-09-10"), today=TODAY)
    with district.db.transaction() as s:
        found = svc.open_obligations(s, compliance_context(s, TODAY))
    assert [(o.kind, o.ref, o.due, o.overdue) for o in found] == [
        (ObligationKind.DELETION_DUE, DeletionRef(late.id), D("2026-10-31"), True),
        (ObligationKind.DELETION_DUE, DeletionRef(soon.id), D("2026-12-20"), False),
    ]
    assert found[0].subject == "Kahoot! ASA"
    assert "(case DEL-1)" in found[0].text


def test_confirm_deletion_after_expiry(district):
    cid = registered_contract(district, "Kahoot! ASA", D("2025-08-01"), expires_on=D("2026-06-30"))
    current = registered_contract(district, "Padlet Inc.", D("2025-08-01"), expires_on=D("2027-06-30"))
    open_ended = registered_contract(district, "Seesaw", D("2025-08-01"))
    with district.db.transaction() as s:
        expired = svc.list_expired_unconfirmed(s, district.reviewer, on=TODAY)
    assert [e.id for e in expired] == [cid]
    assert expired[0].expires_on == D("2026-06-30")
    with district.db.transaction() as s:
        for contract_id, problem in ((current, "in effect until"), (open_ended, "no expiry date")):
            with pytest.raises(Refused) as e:
                svc.confirm_contract_deletion(s, district.reviewer, contract_id, D("2026-11-01"), today=TODAY)
            assert problem in e.value.message
        for day in (TODAY + timedelta(days=1), D("2025-07-01"), None):
            with pytest.raises(Invalid):
                svc.confirm_contract_deletion(s, district.reviewer, cid, day, today=TODAY)
    with pytest.raises(NotAllowed), district.db.transaction() as s:
        svc.confirm_contract_deletion(s, district.teacher, cid, D("2026-07-15"), today=TODAY)
    with district.db.transaction() as s:
        svc.confirm_contract_deletion(s, district.reviewer, cid, D("2026-07-15"), expected_version=expired[0].version,
                                      today=TODAY)
    with district.db.transaction() as s:
        assert s.get(Contract, cid).deletion_confirmed_on == D("2026-07-15")
        assert svc.list_expired_unconfirmed(s, district.reviewer, on=TODAY) == []
        last = audit.history(s, "contract", cid)[-1]
        kinds = {o.kind for o in compliance.deadlines(s, district.reviewer, on=TODAY) if o.ref == cid}
    assert (last.action, last.changes) == ("deletion confirmed", {"deletion_confirmed_on": [None, "2026-07-15"]})
    assert ObligationKind.DELETION_UNCONFIRMED not in kinds
    with pytest.raises(Conflict), district.db.transaction() as s:
        svc.confirm_contract_deletion(s, district.reviewer, cid, D("2026-07-16"), expected_version=expired[0].version,
                                      today=TODAY)
