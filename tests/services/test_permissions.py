"""Parental permission slips per class or case, and the yearly notice as an email."""

from __future__ import annotations

from email import message_from_bytes, policy
from email.parser import BytesParser

import pytest

from techapproval.domain.enums import Decision, Permission
from techapproval.domain.letters import Language
from techapproval.services import audit, settings
from techapproval.services import permissions as svc
from techapproval.services import requests as requests_svc
from techapproval.services.errors import Conflict, Invalid, NotAllowed, NotFound, Refused
from tests.helpers import submitted_request


def approved(district, permission: Permission = Permission.PARENTAL_REQUIRED, **form) -> int:
    rid = submitted_request(district, **form)
    with district.db.transaction() as s:
        requests_svc.decide_request(s, district.reviewer, rid, Decision.APPROVED, permission)
    return rid


def save(district, actor: int, rid: int, label: str = "Grade 3 \u2013 Room 12", expected=25, granted=0, refused=0,
         tally_id: int | None = None, expected_version: int | None = None) -> svc.TallyView:
    with district.db.transaction() as s:
        return svc.save_tally(s, actor, rid, tally_id, label, expected, granted, refused,
                              expected_version=expected_version)


def outstanding(district, actor: int, rid: int) -> int:
    with district.db.transaction() as s:
        return svc.outstanding(s, actor, rid)


def tallies(district, actor: int, rid: int) -> list[svc.TallyView]:
    with district.db.transaction() as s:
        return svc.list_tallies(s, actor, rid)


# --- who may ---------------------------------------------------------------------------------------


def test_the_requester_and_reviewers_keep_the_slips_another_teacher_may_not(district) -> None:
    rid = approved(district)
    save(district, district.teacher, rid, "Grade 3 \u2013 Room 12", 25)
    save(district, district.reviewer, rid, "Grade 4 \u2013 Room 7", 20)
    save(district, district.admin, rid, "Case 2026-014", 1)
    assert [t.label for t in tallies(district, district.teacher, rid)] == [
        "Case 2026-014", "Grade 3 \u2013 Room 12", "Grade 4 \u2013 Room 7"]
    with pytest.raises(NotAllowed, match="reviewer or the staff member who made this request"):
        save(district, district.other_teacher, rid, "Grade 5", 10)
    with pytest.raises(NotAllowed):
        tallies(district, district.other_teacher, rid)
    with pytest.raises(NotAllowed):
        outstanding(district, district.other_teacher, rid)
    victim = tallies(district, district.teacher, rid)[0]
    with pytest.raises(NotAllowed), district.db.transaction() as s:
        svc.delete_tally(s, district.other_teacher, rid, victim.id)
    assert len(tallies(district, district.reviewer, rid)) == 3


def test_only_for_a_resource_approved_with_parental_permission_required(district) -> None:
    no_permission = approved(district, Permission.NONE_REQUIRED, resource_name="Desmos")
    with pytest.raises(Refused, match="additional parental notification and permission"):
        save(district, district.reviewer, no_permission)
    undecided = submitted_request(district, resource_name="Seesaw")
    with pytest.raises(Refused):
        save(district, district.teacher, undecided)
    with pytest.raises(NotFound), district.db.transaction() as s:
        svc.list_tallies(s, district.reviewer, 9999)


def test_a_tally_belongs_to_its_request(district) -> None:
    first = approved(district)
    second = approved(district, resource_name="Flip")
    tally = save(district, district.reviewer, first)
    with pytest.raises(NotFound):
        save(district, district.reviewer, second, "Taken over", 5, tally_id=tally.id)
    with pytest.raises(NotFound), district.db.transaction() as s:
        svc.delete_tally(s, district.reviewer, second, tally.id)
    assert [t.label for t in tallies(district, district.reviewer, first)] == [tally.label]


# --- validation ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("values", "field", "words"), [
    (dict(label="   "), "label", "never a student\u2019s name"),
    (dict(label="x" * 101), "label", "at most 100"),
    (dict(expected=0), "expected", "less than 1"),
    (dict(granted=-1), "granted", "less than 0"),
    (dict(refused=-2), "refused", "less than 0"),
    (dict(expected=5000), "expected", "more than 2000"),
    (dict(expected=True), "expected", "whole number"),
    (dict(granted="3"), "granted", "whole number"),
    (dict(expected=10, granted=8, refused=3), "expected", "8 granted and 3 refused make 11"),
])
def test_problems_are_named_by_field(district, values, field, words) -> None:
    rid = approved(district)
    with pytest.raises(Invalid) as caught:
        save(district, district.teacher, rid, **values)
    assert set(caught.value.errors) == {field}
    assert words in caught.value.errors[field]
    assert tallies(district, district.teacher, rid) == []


def test_the_same_class_twice_is_refused_whatever_its_case(district) -> None:
    rid = approved(district)
    save(district, district.teacher, rid, "Grade 3 Room 12")
    with pytest.raises(Invalid) as caught:
        save(district, district.teacher, rid, "  grade 3   ROOM 12 ")
    assert caught.value.errors == {"label": "Grade 3 Room 12 is already on the list; change its counts instead."}


def test_a_label_is_trimmed_and_its_placeholder_warns_against_names(district) -> None:
    assert "never a student" in svc.LABEL_PLACEHOLDER
    rid = approved(district)
    assert save(district, district.teacher, rid, "  Grade 3 \n  Room 12 ", 1, 1).label == "Grade 3 Room 12"


# --- counting --------------------------------------------------------------------------------------


def test_outstanding_is_expected_minus_granted_minus_refused(district) -> None:
    rid = approved(district)
    assert outstanding(district, district.teacher, rid) == 0
    room12 = save(district, district.teacher, rid, "Grade 3 \u2013 Room 12", 25, 20, 2)
    save(district, district.teacher, rid, "Case 2026-014", 1)
    assert outstanding(district, district.teacher, rid) == 3 + 1
    assert {t.label: t.outstanding for t in tallies(district, district.reviewer, rid)} == {
        "Grade 3 \u2013 Room 12": 3, "Case 2026-014": 1}

    changed = save(district, district.reviewer, rid, "Grade 3 \u2013 Room 12", 25, 23, 2, tally_id=room12.id,
                   expected_version=room12.version)
    assert changed.version == room12.version + 1
    assert outstanding(district, district.teacher, rid) == 0 + 1
    with district.db.transaction() as s:
        svc.delete_tally(s, district.teacher, rid, changed.id, expected_version=changed.version)
    assert outstanding(district, district.teacher, rid) == 1


def test_a_stale_version_is_not_overwritten(district) -> None:
    rid = approved(district)
    first = save(district, district.teacher, rid, "Grade 3", 25, 10)
    save(district, district.reviewer, rid, "Grade 3", 25, 12, tally_id=first.id, expected_version=first.version)
    with pytest.raises(Conflict, match="Someone else changed"):
        save(district, district.teacher, rid, "Grade 3", 25, 11, tally_id=first.id, expected_version=first.version)
    with pytest.raises(Conflict), district.db.transaction() as s:
        svc.delete_tally(s, district.teacher, rid, first.id, expected_version=first.version)
    assert [t.granted for t in tallies(district, district.teacher, rid)] == [12]


def test_every_change_is_in_the_requests_history(district) -> None:
    rid = approved(district)
    tally = save(district, district.teacher, rid, "Grade 3", 25)
    tally = save(district, district.reviewer, rid, "Grade 3", 25, 20, 1, tally_id=tally.id)
    save(district, district.reviewer, rid, "Grade 3", 25, 20, 1, tally_id=tally.id)  # nothing changed
    with district.db.transaction() as s:
        svc.delete_tally(s, district.reviewer, rid, tally.id)
        history = [e for e in audit.history(s, "request", rid) if "permission slips" in e.action]
    assert [(e.actor, e.action) for e in history] == [
        ("Nguy\u1ec5n Th\u1ecb \u00c1nh", "permission slips added"),
        ("Rita Reviewer", "permission slips changed"),
        ("Rita Reviewer", "permission slips removed"),
    ]
    assert history[0].changes == {"label": [None, "Grade 3"], "expected": [None, 25], "granted": [None, 0],
                                  "refused": [None, 0]}
    assert history[1].changes == {"class_or_case": "Grade 3", "granted": [0, 20], "refused": [0, 1]}
    assert history[2].changes["label"] == ["Grade 3", None]


# --- the yearly notice as an email --------------------------------------------------------------------


def set_website(district, address: str = "riverside.example/contracts") -> None:
    with district.db.transaction() as s:
        settings.update_settings(s, district.admin, {"contracts_website": address})


def notice(district, language: Language = Language.EN, year: int = 2026, actor: int | None = None) -> bytes:
    with district.db.transaction() as s:
        return svc.annual_notice_email(s, actor or district.reviewer, year, language)


def test_the_email_parses_back_with_the_website_and_the_school_year(district) -> None:
    set_website(district)
    data = notice(district)
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert message["Subject"] == "Riverside Public Schools: our student data privacy contracts website for 2026\u201327"
    assert message["To"] == "undisclosed-recipients:;"
    assert message["Date"] == "Sat, 01 Aug 2026 09:00:00 -0400"
    assert message["Message-ID"] is None and message["From"] is None
    assert message.get_content_type() == "text/plain" and message.get_content_charset() == "utf-8"
    body = message.get_content().replace("\r\n", "\n")
    assert "\nhttps://riverside.example/contracts\n" in body  # stored with its https:// by the settings
    assert "For the 2026\u201327 school year" in body
    assert "Riverside Board of Education" in body and "10-234bb" in body
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")  # RFC 5322 line endings


def test_the_email_is_the_same_bytes_every_time(district) -> None:
    set_website(district)
    assert notice(district) == notice(district)
    assert notice(district, year=2027) != notice(district)
    assert message_from_bytes(notice(district, year=2027), policy=policy.default)["Date"].startswith("Sun, 01 Aug 2027")


def test_the_spanish_email(district) -> None:
    set_website(district)
    message = BytesParser(policy=policy.default).parsebytes(notice(district, Language.ES))
    assert message["Subject"].startswith("Escuelas P\u00fablicas de Riverside:")
    assert message["Content-Language"] == "es"
    body = message.get_content().replace("\r\n", "\n")
    assert "Para el a\u00f1o escolar 2026\u201327" in body and "https://riverside.example/contracts" in body
    assert "school year" not in body


def test_the_email_needs_the_website_and_a_reviewer(district) -> None:
    with pytest.raises(Invalid) as caught:
        notice(district)
    assert "contracts_website" in caught.value.errors
    set_website(district)
    with pytest.raises(NotAllowed):
        notice(district, actor=district.teacher)


def test_a_line_break_in_a_setting_cannot_add_a_header(district) -> None:
    set_website(district)
    with district.db.transaction() as s:
        settings.write(s, district.admin, {"district_name": "Riverside\nBcc: everyone@example.com"})
    message = BytesParser(policy=policy.default).parsebytes(notice(district))
    assert message["Bcc"] is None
    assert "Riverside Bcc: everyone@example.com Public Schools" in message["Subject"]
