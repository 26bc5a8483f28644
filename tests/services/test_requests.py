"""The request use cases against a real database, refusals included."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.exc import IntegrityError

from techapproval.db.models import AuditEvent, CatalogResource, Request
from techapproval.domain.enums import Decision, InfoCategory, Permission, RequestStatus, Role
from techapproval.domain.validation import RequestForm
from techapproval.domain.workflow import Action
from techapproval.services import audit, catalog, people, printing
from techapproval.services import requests as svc
from techapproval.services.errors import Conflict, Invalid, NotAllowed, Refused
from tests.helpers import complete_form


def submitted(district, **form_overrides) -> int:
    with district.db.transaction() as s:
        rid = svc.save_draft(s, district.teacher, None, complete_form(**form_overrides))
        svc.submit_request(s, district.teacher, rid)
    return rid


def test_draft_saves_and_comes_back(district):
    with district.db.transaction() as s:
        rid = svc.save_draft(s, district.teacher, None, RequestForm(resource_name="Half-typed"))
    with district.db.transaction() as s:
        svc.save_draft(s, district.teacher, rid, RequestForm(resource_name="Half-typed name", planned_use="Wi"))
    with district.db.transaction() as s:
        detail = svc.get_request(s, district.teacher, rid)
    assert detail.status is RequestStatus.DRAFT
    assert detail.form.resource_name == "Half-typed name"
    assert detail.form.planned_use == "Wi"
    assert detail.actions == (Action.SUBMIT,)  # a draft is deleted, not withdrawn (delete_draft)


def test_incomplete_draft_cannot_be_submitted(district):
    with district.db.transaction() as s:
        rid = svc.save_draft(s, district.teacher, None, RequestForm(resource_name="Padlet"))
    with pytest.raises(Invalid) as refused, district.db.transaction() as s:
        svc.submit_request(s, district.teacher, rid)
    assert "planned_use" in refused.value.errors
    with district.db.transaction() as s:
        assert svc.get_request(s, district.teacher, rid).status is RequestStatus.DRAFT


def test_huge_paste_is_refused_and_previous_text_kept(district):
    with district.db.transaction() as s:
        rid = svc.save_draft(s, district.teacher, None, complete_form())
    with pytest.raises(Invalid), district.db.transaction() as s:
        svc.save_draft(s, district.teacher, rid, complete_form(planned_use="y" * 100_000))
    with district.db.transaction() as s:
        assert svc.get_request(s, district.teacher, rid).form.planned_use == complete_form().planned_use


def test_full_flow_with_question_answer_and_approval(district):
    rid = submitted(district)
    with district.db.transaction() as s:
        assert [r.id for r in svc.list_queue(s, district.reviewer)] == [rid]
        svc.return_request(s, district.reviewer, rid, "Which student data does it collect?")
    with district.db.transaction() as s:
        svc.save_draft(s, district.teacher, rid, complete_form(information_details="Nicknames only, no real names."))
        svc.resubmit_request(s, district.teacher, rid, "Only nicknames; I set up the game.")
    with district.db.transaction() as s:
        svc.decide_request(s, district.reviewer, rid, Decision.APPROVED, Permission.PARENTAL_REQUIRED)
    with district.db.transaction() as s:
        detail = svc.get_request(s, district.teacher, rid)
    assert detail.status is RequestStatus.APPROVED
    assert detail.decided_by == "Rita Reviewer"
    assert detail.decided_at is not None
    assert [(m.kind, m.author) for m in detail.messages] == [("question", "Rita Reviewer"),
                                                             ("answer", "Nguyễn Thị Ánh")]
    actions = [h.action for h in detail.history]
    assert actions == ["draft started", "submit", "return", "resubmit", "approve"]
    resubmit = detail.history[3]
    assert resubmit.changes["information_details"] == ["First names only as nicknames.",
                                                       "Nicknames only, no real names."]
    assert resubmit.changes["status"] == ["returned", "resubmitted"]
    assert detail.history[0].changes == {}
    assert detail.history[1].changes["resource_name"] == [None, "Kahoot!"]


def test_approval_fills_the_catalog_and_matches_are_found(district):
    rid = submitted(district)
    with district.db.transaction() as s:
        svc.decide_request(s, district.reviewer, rid, Decision.APPROVED, Permission.NONE_REQUIRED)
    with district.db.transaction() as s:
        entries = catalog.list_catalog(s, district.other_teacher)
        assert [(e.name, e.permission, e.status.state.label) for e in entries] == [
            ("Kahoot!", Permission.NONE_REQUIRED, "No contract on file")]
        by_link = catalog.find_matches(s, district.other_teacher, "", "http://www.kahoot.com/")
        by_name = catalog.find_matches(s, district.other_teacher, "kahoot", "")
        assert [m.name for m in by_link] == [m.name for m in by_name] == ["Kahoot!"]
        assert catalog.find_matches(s, district.other_teacher, "Padlet", "https://padlet.com") == []
    # A second approval of the same tool (other link spelling) updates the one entry.
    rid2 = submitted(district, resource_link="https://www.kahoot.com/", resource_name="Kahoot")
    with district.db.transaction() as s:
        svc.decide_request(s, district.reviewer, rid2, Decision.APPROVED, Permission.PARENTAL_REQUIRED)
        assert s.scalar(select(CatalogResource.permission)) == "parental_required"
        assert len(s.scalars(select(CatalogResource)).all()) == 1


def test_refusal_is_shown_to_the_next_teacher(district):
    rid = submitted(district, resource_name="SpyApp", resource_link="https://spyapp.example")
    with district.db.transaction() as s:
        svc.decide_request(s, district.reviewer, rid, Decision.NOT_APPROVED, reason="Sells student data.")
    with district.db.transaction() as s:
        matches = catalog.find_matches(s, district.other_teacher, "spyapp", "")
    assert [(m.approved, m.reason) for m in matches] == [(False, "Sells student data.")]


def test_requester_cannot_decide_or_see_others(district):
    rid = submitted(district)
    with pytest.raises(NotAllowed, match="Only a reviewer"), district.db.transaction() as s:
        svc.decide_request(s, district.other_teacher, rid, Decision.APPROVED, Permission.NONE_REQUIRED)
    with pytest.raises(NotAllowed, match="your own requests"), district.db.transaction() as s:
        svc.get_request(s, district.other_teacher, rid)
    with pytest.raises(NotAllowed), district.db.transaction() as s:
        svc.list_queue(s, district.teacher)
    with pytest.raises(NotAllowed), district.db.transaction() as s:
        svc.withdraw_request(s, district.other_teacher, rid)


def test_nobody_decides_their_own_request(district):
    with district.db.transaction() as s:
        rid = svc.save_draft(s, district.reviewer, None, complete_form())
        svc.submit_request(s, district.reviewer, rid)
    with pytest.raises(NotAllowed, match="your own request"), district.db.transaction() as s:
        svc.decide_request(s, district.reviewer, rid, Decision.APPROVED, Permission.NONE_REQUIRED)
    with district.db.transaction() as s:
        assert Action.APPROVE not in svc.get_request(s, district.reviewer, rid).actions
        assert Action.APPROVE in svc.get_request(s, district.admin, rid).actions


def test_schema_refuses_own_decision_even_without_services(district):
    rid = submitted(district)
    with pytest.raises(IntegrityError), district.db.transaction() as s:
        s.execute(text("UPDATE request SET status='approved', decision='approved', permission='none_required',"
                       " decided_by_id=requester_id, decided_at=CURRENT_TIMESTAMP WHERE id=:id"), {"id": rid})


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE request SET status='approved', decision='approved', decided_by_id=:r, decided_at=CURRENT_TIMESTAMP",
        "UPDATE request SET status='not_approved', decision='not_approved', reason='  ', decided_by_id=:r,"
        " decided_at=CURRENT_TIMESTAMP",
        "UPDATE request SET status='approved', decision='approved', permission='none_required', reason='x',"
        " decided_by_id=:r, decided_at=CURRENT_TIMESTAMP",
        "UPDATE request SET status='approved'",
    ],
)
def test_schema_check_refuses_impossible_decisions(district, sql):
    submitted(district)
    with pytest.raises(IntegrityError), district.db.transaction() as s:
        s.execute(text(sql), {"r": district.reviewer})


def test_invalid_transition_is_refused_with_a_reason(district):
    rid = submitted(district)
    with district.db.transaction() as s:
        svc.decide_request(s, district.reviewer, rid, Decision.NOT_APPROVED, reason="Not needed.")
    with pytest.raises(Refused, match="already decided"), district.db.transaction() as s:
        svc.withdraw_request(s, district.teacher, rid)
    with pytest.raises(Refused), district.db.transaction() as s:
        svc.save_draft(s, district.teacher, rid, complete_form(resource_name="Changed after the fact"))


def test_decision_needs_reason_or_permission(district):
    rid = submitted(district)
    with pytest.raises(Invalid) as e, district.db.transaction() as s:
        svc.decide_request(s, district.reviewer, rid, Decision.NOT_APPROVED, reason="")
    assert "reason" in e.value.errors
    with pytest.raises(Invalid) as e, district.db.transaction() as s:
        svc.decide_request(s, district.reviewer, rid, Decision.APPROVED)
    assert "permission" in e.value.errors


def test_second_reviewer_sees_the_decision_already_made(district):
    rid = submitted(district)
    with district.db.transaction() as s:
        version = svc.get_request(s, district.reviewer, rid).version
        svc.decide_request(s, district.reviewer, rid, Decision.APPROVED, Permission.NONE_REQUIRED,
                           expected_version=version)
    with pytest.raises(Conflict, match="already decided this request by Rita Reviewer") as e, \
            district.db.transaction() as s:
        svc.decide_request(s, district.admin, rid, Decision.NOT_APPROVED, reason="No.", expected_version=version)
    assert "Approved for use" in e.value.message



def test_the_decision_already_made_is_told_in_plain_words(district, monkeypatch):
    """The day as people write it (no zero padding), and the reason's own full stop is not doubled."""
    rid = submitted(district)
    decided_at = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)
    monkeypatch.setattr(audit, "now", lambda: decided_at)
    with district.db.transaction() as s:
        version = svc.get_request(s, district.reviewer, rid).version
        svc.decide_request(s, district.reviewer, rid, Decision.NOT_APPROVED, reason="Not now.",
                           expected_version=version)
    with pytest.raises(Conflict) as e, district.db.transaction() as s:
        svc.decide_request(s, district.admin, rid, Decision.APPROVED, Permission.NONE_REQUIRED,
                           expected_version=version)
    assert "on December 7, 2026: Not approved for use at this time: Not now. Nothing was changed." in e.value.message
    assert ".." not in e.value.message


def test_reviewers_never_see_other_peoples_drafts(district):
    with district.db.transaction() as s:
        rid = svc.save_draft(s, district.teacher, None, complete_form())
        assert svc.list_queue(s, district.reviewer) == []
    with pytest.raises(NotAllowed, match="draft"), district.db.transaction() as s:
        svc.get_request(s, district.reviewer, rid)


def test_queue_filter_search_and_counts(district):
    a = submitted(district, resource_name="Padlet", resource_link="https://padlet.com")
    b = submitted(district, resource_name="Quizlet", resource_link="https://quizlet.com")
    with district.db.transaction() as s:
        svc.return_request(s, district.reviewer, b, "Which grades?")
        assert [r.id for r in svc.list_queue(s, district.reviewer, {RequestStatus.SUBMITTED})] == [a]
        assert [r.id for r in svc.list_queue(s, district.reviewer, search="quiz")] == [b]
        assert [r.id for r in svc.list_queue(s, district.reviewer, search="nguyễn")] in ([a, b], [])
        assert [r.id for r in svc.list_queue(s, district.reviewer, search="100%")] == []
        counts = svc.queue_counts(s, district.reviewer)
    assert counts[RequestStatus.SUBMITTED] == 1 and counts[RequestStatus.RETURNED] == 1
    assert RequestStatus.DRAFT not in counts


def test_withdraw_before_decision(district):
    rid = submitted(district)
    with district.db.transaction() as s:
        assert svc.withdraw_request(s, district.teacher, rid) is RequestStatus.WITHDRAWN


def test_the_author_deletes_a_draft_never_submitted(district):
    with district.db.transaction() as s:
        rid = svc.save_draft(s, district.teacher, None, RequestForm(resource_name="Half-typed"))
    with district.db.transaction() as s:
        svc.delete_draft(s, district.teacher, rid)
    with district.db.transaction() as s:
        assert s.get(Request, rid) is None
        assert svc.list_my_requests(s, district.teacher) == []
        events = audit.history(s, "request", rid)
        assert [e.action for e in events] == ["draft started", "draft deleted"]
        assert events[-1].actor == "Nguyễn Thị Ánh" and events[-1].changes["resource_name"] == ["Half-typed", None]
        assert audit.verify_chain(s).problem is None


def test_only_the_author_deletes_and_only_a_draft_never_submitted(district):
    with district.db.transaction() as s:
        draft = svc.save_draft(s, district.teacher, None, RequestForm(resource_name="Mine"))
    for other in (district.other_teacher, district.reviewer, district.admin):
        with pytest.raises(NotAllowed, match="Only the person who wrote"), district.db.transaction() as s:
            svc.delete_draft(s, other, draft)
    sent = submitted(district)
    with pytest.raises(Refused, match="only a draft that was never submitted"), district.db.transaction() as s:
        svc.delete_draft(s, district.teacher, sent)
    with district.db.transaction() as s:
        svc.return_request(s, district.reviewer, sent, "Which grades?")
    with pytest.raises(Refused, match="returned"), district.db.transaction() as s:
        svc.delete_draft(s, district.teacher, sent)  # returned: submitted once, so the reviewer has it
    with district.db.transaction() as s:
        assert s.get(Request, draft) is not None and s.get(Request, sent) is not None


def test_a_draft_is_not_withdrawn_and_never_counts_among_the_withdrawn(district):
    with district.db.transaction() as s:
        draft = svc.save_draft(s, district.teacher, None, RequestForm(resource_name="Never sent"))
    with pytest.raises(Refused, match="delete it instead"), district.db.transaction() as s:
        svc.withdraw_request(s, district.teacher, draft)
    # One withdrawn without being submitted (an older database holds such requests): not the coordinator's.
    with district.db.transaction() as s:
        s.execute(update(Request).where(Request.id == draft).values(status=RequestStatus.WITHDRAWN.value))
    sent = submitted(district)
    with district.db.transaction() as s:
        svc.withdraw_request(s, district.teacher, sent)
    with district.db.transaction() as s:
        assert svc.queue_counts(s, district.reviewer)[RequestStatus.WITHDRAWN] == 1
        assert [r.id for r in svc.list_queue(s, district.reviewer, {RequestStatus.WITHDRAWN})] == [sent]
        assert [r.id for r in svc.list_queue(s, district.reviewer)] == [sent]
        with pytest.raises(NotAllowed, match="draft"):
            svc.get_request(s, district.reviewer, draft)


def test_audit_trail_is_append_only(district):
    submitted(district)
    with pytest.raises(Exception, match="append-only"), district.db.transaction() as s:
        s.execute(text("UPDATE audit_event SET action='forged'"))
    with pytest.raises(Exception, match="append-only"), district.db.transaction() as s:
        s.execute(text("DELETE FROM audit_event"))
    with district.db.transaction() as s:
        assert s.scalar(select(AuditEvent).where(AuditEvent.action == "submit")) is not None


def test_decision_sheet_carries_the_form_and_decision(district):
    rid = submitted(district, information_shared=[InfoCategory.NONE], information_details="")
    with district.db.transaction() as s:
        svc.decide_request(s, district.reviewer, rid, Decision.APPROVED, Permission.PARENTAL_REQUIRED)
        sheet = printing.decision_sheet(s, district.teacher, rid)
    assert sheet.district_name == "Riverside"
    assert sheet.requester_name == "Nguyễn Thị Ánh"
    assert sheet.decision is Decision.APPROVED and sheet.permission is Permission.PARENTAL_REQUIRED
    assert sheet.decided_by == "Rita Reviewer" and sheet.decided_on is not None
    assert sheet.information_shared == (InfoCategory.NONE,)
    with pytest.raises(NotAllowed), district.db.transaction() as s:
        printing.decision_sheet(s, district.other_teacher, rid)


def test_people_and_roles(district):
    with pytest.raises(NotAllowed), district.db.transaction() as s:
        people.add_person(s, district.reviewer, name="X", position="", email="x@example.org",
                          role=Role.REQUESTER, password="long enough password")
    with district.db.transaction() as s:
        people.change_role(s, district.admin, district.other_teacher, Role.REVIEWER)
    with district.db.transaction() as s:
        assert svc.list_queue(s, district.other_teacher) == []
    with pytest.raises(Refused, match="only administrator"), district.db.transaction() as s:
        people.change_role(s, district.admin, district.admin, Role.REQUESTER)
    with pytest.raises(Invalid) as e, district.db.transaction() as s:
        people.add_person(s, district.admin, name="", position="", email="teacher@riverside.example",
                          role=Role.REQUESTER, password="short")
    assert set(e.value.errors) == {"name", "email", "password"}


def test_sign_in(district):
    from tests.conftest import PASSWORD

    assert people.sign_in(district.db, "Teacher@Riverside.example", PASSWORD).id == district.teacher
    from techapproval.services.errors import SignInFailed

    for email, password in (("teacher@riverside.example", "wrong password"), ("nobody@x.org", PASSWORD)):
        with pytest.raises(SignInFailed, match="not right"):
            people.sign_in(district.db, email, password)


def test_setup_only_once(district):
    with pytest.raises(Refused), district.db.transaction() as s:
        people.complete_setup(s, district_name="X", town="Y", approver_title="Z", name="Eve", position="",
                              email="eve@example.org", password="long enough password")


def test_request_row_has_no_student_names(district):
    """Privacy: the request table holds no column for a student's name."""
    assert not any("student_name" in c.name for c in Request.__table__.columns)
