"""Lock-out after wrong passwords, changing one's password, and an administrator's reset.

Time is handed in (`now`), so a lock can be waited out without sleeping.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher

from techapproval.db.models import Person
from techapproval.domain.enums import Role
from techapproval.services import audit, people, requests
from techapproval.services.errors import Invalid, NotAllowed, NotFound, SignInFailed
from tests.conftest import PASSWORD

EMAIL = "teacher@riverside.example"
NOW = datetime(2026, 3, 2, 19, 0, tzinfo=UTC)  # 14:00 in Connecticut
WRONG = "The email address or password is not right."
LOCKED = "Too many wrong passwords for this account. Try again after {}, or ask an administrator to reset the password."


def refused(district, password: str, now: datetime, email: str = EMAIL) -> str:
    with pytest.raises(SignInFailed) as e:
        people.sign_in(district.db, email, password, now=now)
    return e.value.message


def person(district, person_id: int) -> Person:
    with district.db.transaction() as s:
        return s.get(Person, person_id)


def events(district, person_id: int, action: str):
    with district.db.transaction() as s:
        return [e for e in audit.history(s, "person", person_id) if e.action == action]


def lock(district, now: datetime = NOW) -> None:
    for i in range(5):
        refused(district, f"wrong password {i}", now)


def test_five_wrong_passwords_lock_the_account_for_five_minutes(district):
    for i in range(4):
        assert refused(district, f"wrong password {i}", NOW + timedelta(seconds=i)) == WRONG
    assert person(district, district.teacher).failed_sign_ins == 4  # counted although each attempt raised
    assert refused(district, "wrong password 5", NOW) == LOCKED.format("14:05")
    row = person(district, district.teacher)
    assert (row.failed_sign_ins, row.locked_until) == (5, NOW + timedelta(minutes=5))

    [event] = events(district, district.teacher, "locked out")
    assert event.actor == "System"
    assert event.changes == {"failed_sign_ins": [4, 5], "locked_until": [None, "2026-03-02T19:05:00+00:00"]}
    assert EMAIL not in str(event.changes) and "wrong" not in str(event.changes)


def test_while_locked_even_the_right_password_is_refused_and_attempts_do_not_stretch_the_lock(district):
    lock(district)
    for minute in (0, 1, 4):
        assert refused(district, PASSWORD, NOW + timedelta(minutes=minute)) == LOCKED.format("14:05")
        assert refused(district, "wrong again", NOW + timedelta(minutes=minute)) == LOCKED.format("14:05")
    row = person(district, district.teacher)
    assert (row.failed_sign_ins, row.locked_until) == (5, NOW + timedelta(minutes=5))
    # Other accounts are not affected.
    assert people.sign_in(district.db, "reviewer@riverside.example", PASSWORD, now=NOW).id == district.reviewer


def test_the_lock_ends_on_its_own_and_a_right_password_clears_the_count(district):
    lock(district)
    later = NOW + timedelta(minutes=5)
    assert people.sign_in(district.db, EMAIL, PASSWORD, now=later).id == district.teacher
    row = person(district, district.teacher)
    assert (row.failed_sign_ins, row.locked_until) == (0, None)
    assert refused(district, "wrong password", later) == WRONG  # a fresh start: five tries again


def test_each_wrong_password_after_a_lock_doubles_the_next_one(district):
    lock(district)
    at = NOW + timedelta(minutes=5)
    assert refused(district, "wrong password", at) == LOCKED.format("14:15")  # 10 minutes
    at += timedelta(minutes=10)
    assert refused(district, "wrong password", at) == LOCKED.format("14:35")  # 20 minutes
    assert person(district, district.teacher).failed_sign_ins == 7
    assert len(events(district, district.teacher, "locked out")) == 3


def test_an_unknown_email_is_told_the_same_and_locks_nothing(district):
    for _ in range(7):
        assert refused(district, PASSWORD, NOW, email="nobody@riverside.example") == WRONG
    assert people.sign_in(district.db, "Teacher@Riverside.example ", PASSWORD, now=NOW).id == district.teacher


def test_a_switched_off_account_is_told_so_only_with_the_right_password(district):
    with district.db.transaction() as s:
        s.get(Person, district.teacher).active = False
    assert refused(district, "wrong password", NOW) == WRONG
    assert refused(district, PASSWORD, NOW) == "This account is switched off. Ask district IT."


def test_a_hash_made_with_older_parameters_is_renewed_at_sign_in(district, monkeypatch):
    before = person(district, district.teacher).password_hash
    monkeypatch.setattr(people, "_hasher", PasswordHasher(time_cost=2, memory_cost=64, parallelism=1))
    people.sign_in(district.db, EMAIL, PASSWORD, now=NOW)
    after = person(district, district.teacher).password_hash
    assert after != before and "t=2" in after
    assert people.sign_in(district.db, EMAIL, PASSWORD, now=NOW).id == district.teacher


def test_an_administrator_reset_ends_the_lock_and_asks_for_a_new_password(district):
    lock(district)
    with district.db.transaction() as s:
        view = people.reset_password(s, district.admin, district.teacher, "temporary-2026")
    assert view.must_change_password
    row = person(district, district.teacher)
    assert (row.failed_sign_ins, row.locked_until, row.must_change_password) == (0, None, True)

    assert refused(district, PASSWORD, NOW) == WRONG  # the old password is gone
    signed_in = people.sign_in(district.db, EMAIL, "temporary-2026", now=NOW + timedelta(minutes=1))
    assert signed_in.id == district.teacher and signed_in.must_change_password

    [event] = events(district, district.teacher, "password reset")
    assert event.actor == "Dana Admin"
    assert event.changes == {"must_change_password": [False, True], "failed_sign_ins": [5, 0],
                             "locked_until": ["2026-03-02T19:05:00+00:00", None]}
    assert "temporary" not in str(event.changes)


@pytest.mark.parametrize("who", ["reviewer", "teacher"])
def test_only_an_administrator_may_reset_a_password(district, who):
    with pytest.raises(NotAllowed, match="Only an administrator"), district.db.transaction() as s:
        people.reset_password(s, getattr(district, who), district.other_teacher, "temporary-2026")
    assert people.sign_in(district.db, "other_teacher@riverside.example", PASSWORD, now=NOW)


def test_a_reset_needs_an_acceptable_password_and_an_existing_person(district):
    with pytest.raises(Invalid) as e, district.db.transaction() as s:
        people.reset_password(s, district.admin, district.teacher, "short")
    assert set(e.value.errors) == {"password"}
    with pytest.raises(NotFound), district.db.transaction() as s:
        people.reset_password(s, district.admin, 9999, "temporary-2026")
    assert not person(district, district.teacher).must_change_password


def test_change_password_checks_the_current_one_and_the_new_one(district):
    def change(current, new):
        with pytest.raises(Invalid) as e, district.db.transaction() as s:
            people.change_password(s, district.teacher, current, new)
        return e.value.errors

    assert change("not my password", "a brand new passphrase") == {"current": "This is not your current password."}
    assert change(PASSWORD, "short") == {"new": "Use at least 10 characters."}
    assert change(PASSWORD, PASSWORD) == {"new": "Choose a password different from the current one."}

    with district.db.transaction() as s:
        people.change_password(s, district.teacher, PASSWORD, "a brand new passphrase")
    assert refused(district, PASSWORD, NOW) == WRONG
    assert people.sign_in(district.db, EMAIL, "a brand new passphrase", now=NOW).id == district.teacher
    [event] = events(district, district.teacher, "password changed")
    assert event.actor == "Nguyễn Thị Ánh" and event.changes == {}


def test_choosing_a_new_password_after_a_reset_clears_the_flag(district):
    with district.db.transaction() as s:
        people.reset_password(s, district.admin, district.teacher, "temporary-2026")
    with district.db.transaction() as s:
        view = people.change_password(s, district.teacher, "temporary-2026", "my own passphrase")
    assert not view.must_change_password
    assert not people.sign_in(district.db, EMAIL, "my own passphrase", now=NOW).must_change_password
    [event] = events(district, district.teacher, "password changed")
    assert event.changes == {"must_change_password": [True, False]}


def test_district_it_resets_from_the_command_line_as_system(district):
    lock(district)
    with district.db.transaction() as s:
        people.reset_password_as_system(s, " Teacher@Riverside.example", "temporary-2026")
    assert people.sign_in(district.db, EMAIL, "temporary-2026", now=NOW).must_change_password
    [event] = events(district, district.teacher, "password reset")
    assert event.actor == "System"
    with pytest.raises(NotFound, match="nobody@riverside.example"), district.db.transaction() as s:
        people.reset_password_as_system(s, "nobody@riverside.example", "temporary-2026")


def test_an_administrator_can_be_locked_out_and_reset_like_anyone(district):
    for i in range(5):
        refused(district, f"wrong {i}", NOW, email="admin@riverside.example")
    with district.db.transaction() as s:
        people.reset_password_as_system(s, "admin@riverside.example", "temporary-2026")
    admin = people.sign_in(district.db, "admin@riverside.example", "temporary-2026", now=NOW)
    assert admin.role is Role.ADMINISTRATOR and admin.must_change_password


def test_until_the_temporary_password_is_replaced_it_opens_nothing_else(district):
    with district.db.transaction() as s:
        people.reset_password(s, district.admin, district.teacher, "temporary-pass-123")
    with pytest.raises(NotAllowed, match="new password first"), district.db.transaction() as s:
        requests.list_my_requests(s, district.teacher)
    with district.db.transaction() as s:
        people.change_password(s, district.teacher, "temporary-pass-123", "my-own-pass-2026")
    with district.db.transaction() as s:
        assert requests.list_my_requests(s, district.teacher) == []
