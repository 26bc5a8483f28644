"""Hostile text through the services and the database (SQLite, or PostgreSQL with
TECHAPPROVAL_TEST_DATABASE_URL set): saved as cleaned and read back the same, or refused with field
errors; never a database error. PostgreSQL refuses a NUL in any text, which a paste can carry."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from techapproval.domain.contract_form import ContractForm, ContractorForm
from techapproval.domain.contracts import Provision
from techapproval.domain.enums import Decision, InfoCategory
from techapproval.domain.validation import clean_text
from techapproval.services import catalog, contracts, people
from techapproval.services import requests as svc
from techapproval.services.errors import Invalid
from tests.helpers import complete_form
from tests.properties.strategies import SCALE, hostile_text

# One district for all the examples of a test: the rows pile up, which is fine.
ON_ONE_DATABASE = settings(max_examples=15 * SCALE, deadline=None,
                           suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
with_nul = st.builds(lambda a, b: f"{a}\x00{b}", hostile_text, hostile_text)
text = st.one_of(hostile_text, with_nul)


@ON_ONE_DATABASE
@given(name=text, planned=text, question=text, reason=text)
def test_typed_text_is_stored_cleaned_and_read_back(district, name, planned, question, reason):
    form = complete_form(resource_name=name, planned_use=planned)
    try:
        with district.db.transaction() as s:
            rid = svc.save_draft(s, district.teacher, None, form)
            svc.submit_request(s, district.teacher, rid)
    except Invalid as refused:  # a name or a use that is blank once cleaned, or too long
        assert set(refused.errors) <= {"resource_name", "planned_use"} and all(refused.errors.values())
        return
    with district.db.transaction() as s:
        stored = svc.get_request(s, district.reviewer, rid).form
    assert stored == form.cleaned()
    assert "\x00" not in stored.resource_name + stored.planned_use

    try:
        with district.db.transaction() as s:
            svc.return_request(s, district.reviewer, rid, question)
            svc.resubmit_request(s, district.teacher, rid, question)
    except Invalid as refused:
        assert not clean_text(question) and list(refused.errors) == ["message"]
    else:
        with district.db.transaction() as s:
            assert [m.body for m in svc.get_request(s, district.reviewer, rid).messages] == [clean_text(question)] * 2

    try:
        with district.db.transaction() as s:
            svc.decide_request(s, district.reviewer, rid, Decision.NOT_APPROVED, reason=reason)
    except Invalid as refused:
        assert not clean_text(reason) and list(refused.errors) == ["reason"]
    else:
        with district.db.transaction() as s:
            assert svc.get_request(s, district.reviewer, rid).reason == clean_text(reason)


@ON_ONE_DATABASE
@given(search=text)
def test_any_search_text_is_answered(district, search):
    with district.db.transaction() as s:
        svc.list_queue(s, district.reviewer, search=search)
        catalog.list_catalog(s, district.teacher, search=search)
        catalog.find_matches(s, district.teacher, search, search)


@ON_ONE_DATABASE
@given(name=text, purpose=text, person=text)
def test_contractors_contracts_and_people_take_any_text(district, name, purpose, person):
    try:
        with district.db.transaction() as s:
            contractor = contracts.save_contractor(s, district.reviewer, None, ContractorForm(name=name))
            contract = contracts.save_contract(s, district.reviewer, None, ContractForm(
                contractor_id=contractor.id, purpose=purpose, description=purpose,
                information_allowed=[InfoCategory.FULL_NAME], executed_on=date(2026, 1, 5),
                provisions={p: "" for p in Provision}))
    except Invalid as refused:
        assert all(refused.errors.values())
    else:
        with district.db.transaction() as s:
            stored = contracts.get_contract(s, district.reviewer, contract.id)
        assert (stored.contractor_name, stored.form.purpose) == (clean_text(name), clean_text(purpose))
    try:
        with district.db.transaction() as s:
            people.add_person(s, district.admin, name=person, position=person, email=f"p{abs(hash(person))}@x.example",
                              role="requester", password="correct horse battery")
    except Invalid as refused:
        assert all(refused.errors.values())
