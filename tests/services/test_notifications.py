"""Each event writes its messages to the outbox in its own transaction, to the right people, in their
language, escaped, with no student data."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from techapproval.db.models import OutboxMessage
from techapproval.domain.enums import Decision, Permission
from techapproval.domain.letters import Language
from techapproval.domain.notifications import NotificationKind
from techapproval.services import mailings, notifications, outbox
from techapproval.services import requests as svc
from techapproval.services.errors import Invalid
from tests.helpers import complete_form, submitted_request
from tests.mail_server import configure


def messages(district) -> list[OutboxMessage]:
    with district.db.transaction() as s:
        rows = s.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()
        s.expunge_all()
        return list(rows)


def test_no_message_is_written_while_email_is_off(district):
    submitted_request(district)
    assert messages(district) == []


def test_a_submission_tells_the_reviewers_in_its_own_transaction(district):
    configure(district)
    rid = submitted_request(district, resource_name="Kahoot!")
    [m] = messages(district)  # the reviewer; not the administrator while there is a reviewer
    assert m.recipient == "reviewer@riverside.example" and m.kind == "submitted" and m.request_id == rid
    assert f"Request {rid} waits for your review: Kahoot!" == m.subject
    assert "Nguyễn Thị Ánh submitted request" in m.body_text and "review queue" in m.body_text
    assert m.message_id.startswith("<ta.submitted.") and m.message_id.endswith("@riverside.example>")


def test_a_message_is_rolled_back_with_its_change(district):
    configure(district)
    with district.db.transaction() as s:
        rid = svc.save_draft(s, district.teacher, None, complete_form())
    with pytest.raises(RuntimeError), district.db.transaction() as s:
        svc.submit_request(s, district.teacher, rid)
        assert s.scalar(select(OutboxMessage.id)) is not None  # written in this transaction...
        raise RuntimeError("the change fails after the message was written")
    assert messages(district) == []  # ...and gone with it
    with district.db.transaction() as s:
        assert svc.get_request(s, district.teacher, rid).status.value == "draft"


def test_a_question_goes_to_the_requester_with_the_question_escaped(district):
    configure(district)
    rid = submitted_request(district, resource_name="Tools <b>&</b> more")
    with district.db.transaction() as s:
        svc.return_request(s, district.reviewer, rid, 'Which grades? <script>alert("x")</script>')
    m = messages(district)[-1]
    assert m.recipient == "teacher@riverside.example" and m.kind == "returned"
    assert 'Which grades? <script>alert("x")</script>' in m.body_text  # plain text as typed
    assert "<script>" not in m.body_html and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in m.body_html
    assert "Tools &lt;b&gt;&amp;&lt;/b&gt; more" in m.body_html and "<b>&</b>" not in m.body_html


def test_a_decision_tells_the_requester_the_permission_choice_or_the_reason(district):
    configure(district)
    first, second = submitted_request(district), submitted_request(district, resource_name="Quizlet")
    with district.db.transaction() as s:
        svc.decide_request(s, district.reviewer, first, Decision.APPROVED, Permission.PARENTAL_REQUIRED)
        svc.decide_request(s, district.reviewer, second, Decision.NOT_APPROVED, reason="No contract yet.")
    approved, refused = [m for m in messages(district) if m.kind == "decided"]
    assert approved.recipient == refused.recipient == "teacher@riverside.example"
    assert "Rita Reviewer approved your request" in approved.body_text
    assert "parental notification and permission is required" in approved.body_text
    assert f"find request {first} under My requests" in approved.body_text
    assert "did not approve" in refused.body_text and "No contract yet." in refused.body_text


def test_a_spanish_speaking_person_gets_spanish(district):
    configure(district)
    with district.db.transaction() as s:
        notifications.remember_language(s, district.teacher, Language.ES)
        assert notifications.my_preferences(s, district.teacher).language is Language.ES
    rid = submitted_request(district)
    with district.db.transaction() as s:
        svc.decide_request(s, district.reviewer, rid, Decision.APPROVED, Permission.NONE_REQUIRED)
    m = messages(district)[-1]
    assert m.language == "es" and m.subject.startswith(f"Se decidió su solicitud {rid}")
    assert "Hola, Nguyễn Thị Ánh:" in m.body_text and "No se requiere" in m.body_text
    assert '<html lang="es">' in m.body_html


def test_a_kind_turned_off_is_not_written(district):
    configure(district)
    with district.db.transaction() as s:
        notifications.set_my_preferences(s, district.reviewer, Language.EN,
                                         frozenset({NotificationKind.SUBMITTED}))
    submitted_request(district)
    assert messages(district) == []


def test_no_student_data_reaches_a_message(district):
    configure(district)
    rid = submitted_request(district, planned_use="Reading groups with Jimena Alvarez and Tyler Brooks.",
                            information_details="Jimena Alvarez, grade 3", who_has_access="Tyler Brooks's aide")
    with district.db.transaction() as s:
        svc.return_request(s, district.reviewer, rid, "Which tools do the groups use?")
    with district.db.transaction() as s:
        svc.resubmit_request(s, district.teacher, rid, "The same ones as Jimena Alvarez's group.")
        svc.decide_request(s, district.reviewer, rid, Decision.APPROVED, Permission.NONE_REQUIRED)
    found = messages(district)
    assert {m.kind for m in found} == {"submitted", "returned", "decided"}
    for m in found:
        for name in ("Jimena", "Alvarez", "Tyler", "Brooks"):
            assert name not in m.subject + m.body_text + m.body_html


def test_the_digest_lists_what_is_due_once_a_day_and_nothing_when_nothing(district):
    from techapproval.services import compliance

    configure(district, mail_digest_days="30")
    morning = datetime(2026, 9, 14, 13, 0, tzinfo=UTC)  # 9:00 in Connecticut
    with district.db.transaction() as s:
        due = compliance.deadlines(s, district.reviewer, date(2026, 9, 14))
        assert due  # at least the yearly notice to families
        assert mailings.queue_digests(s, morning) == 1
        assert mailings.queue_digests(s, morning) == 0  # the same day: already written
    [m] = [m for m in messages(district) if m.kind == "digest"]
    assert m.recipient == "reviewer@riverside.example" and m.message_id.startswith("<ta.digest.p")
    assert "Yearly notice to families" in m.body_text
    configure(district, mail_digest_days="0")
    with district.db.transaction() as s:  # early July: the new school year's notice is two months off
        assert all(not o.overdue for o in compliance.deadlines(s, district.reviewer, date(2027, 7, 2)))
        assert mailings.queue_digests(s, datetime(2027, 7, 2, 13, 0, tzinfo=UTC)) == 0
        assert mailings.queue_digests(s, datetime(2027, 9, 14, 10, 0, tzinfo=UTC)) == 0  # before 7:00 there


def test_the_yearly_notice_goes_to_the_mailing_list_once(district):
    from techapproval.services import settings

    configure(district, mail_family_list="families@lists.riverside.example")
    with district.db.transaction() as s:
        settings.update_settings(s, district.admin, {"contracts_website": "https://riverside.example/contracts"})
        assert mailings.send_annual_notice(s, district.reviewer, 2026, Language.ES) == \
            "families@lists.riverside.example"
    with pytest.raises(Invalid), district.db.transaction() as s:
        mailings.send_annual_notice(s, district.reviewer, 2026, Language.ES)
    [m] = messages(district)
    assert m.kind == "annual_notice" and m.language == "es" and "riverside.example/contracts" in m.body_text


def test_email_settings_keep_the_password_out_of_views_and_the_audit_trail(district):
    from techapproval.db.models import AuditEvent

    with district.db.transaction() as s:
        view = outbox.update_email_settings(s, district.admin, {"mail_host": "smtp-relay.gmail.com"},
                                            password="hunter2-secret")
        assert view.password_stored and "hunter2" not in repr(view)
        events = s.scalars(select(AuditEvent)).all()
        assert all("hunter2" not in str(e.changes) for e in events)
        assert outbox.relay(s).password == "hunter2-secret"
    with pytest.raises(Invalid), district.db.transaction() as s:
        outbox.update_email_settings(s, district.admin, {"mail_from": "a@b.example\r\nBcc: x@evil.example"})
