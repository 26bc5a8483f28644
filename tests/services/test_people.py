"""Switching accounts off and on: someone leaves the district, and nothing they did is lost."""

from __future__ import annotations

import pytest

from techapproval.domain.enums import Role
from techapproval.services import audit, people, requests
from techapproval.services.errors import NotAllowed, Refused, SignInFailed
from tests.conftest import PASSWORD
from tests.helpers import complete_form


def switch(district, person_id: int, active: bool, actor: int | None = None):
    with district.db.transaction() as s:
        return people.set_active(s, actor or district.admin, person_id, active)


def test_a_switched_off_teacher_cannot_sign_in_but_their_requests_stay(district):
    with district.db.transaction() as s:
        rid = requests.save_draft(s, district.teacher, None, complete_form(resource_name="Kahoot!"))
        requests.submit_request(s, district.teacher, rid)
    assert switch(district, district.teacher, False).active is False
    with pytest.raises(SignInFailed, match="switched off"):
        people.sign_in(district.db, "teacher@riverside.example", PASSWORD)
    with pytest.raises(NotAllowed, match="not active"), district.db.transaction() as s:
        requests.list_my_requests(s, district.teacher)
    with district.db.transaction() as s:
        assert requests.get_request(s, district.reviewer, rid).form.resource_name == "Kahoot!"
        assert [e.action for e in audit.history(s, "person", district.teacher)][-1] == "switched off"

    assert switch(district, district.teacher, True).active is True
    assert people.sign_in(district.db, "teacher@riverside.example", PASSWORD).id == district.teacher


def test_nobody_switches_off_their_own_account_so_an_administrator_always_remains(district):
    with pytest.raises(Refused, match="your own account"):
        switch(district, district.admin, False)
    with district.db.transaction() as s:
        people.change_role(s, district.admin, district.reviewer, Role.ADMINISTRATOR)
    assert switch(district, district.admin, False, actor=district.reviewer).active is False
    with pytest.raises(NotAllowed):  # the switched-off administrator can do nothing
        switch(district, district.reviewer, False)
