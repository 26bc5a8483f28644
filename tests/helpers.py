"""Small builders shared by tests."""

from __future__ import annotations

import sqlalchemy

from techapproval.domain.enums import Answer, Grade, InfoCategory
from techapproval.domain.validation import RequestForm


def complete_form(**overrides) -> RequestForm:
    values = dict(
        grades=[Grade.G3, Grade.G4],
        resource_name="Kahoot!",
        resource_description="Game-based quizzes for review sessions.",
        resource_link="https://kahoot.com",
        planned_use="Weekly vocabulary review games in class.",
        information_shared=[InfoCategory.FULL_NAME, InfoCategory.STUDENT_GENERATED_CONTENT],
        information_details="First names only as nicknames.",
        who_has_access="My students and me.",
        student_accounts=Answer.NO,
        download_required=Answer.NO,
        app_requires_parental_permission=Answer.NOT_SURE,
    )
    values.update(overrides)
    return RequestForm(**values)


def submitted_request(district, **form_overrides) -> int:
    from techapproval.services import requests as svc

    with district.db.transaction() as s:
        rid = svc.save_draft(s, district.teacher, None, complete_form(**form_overrides))
        svc.submit_request(s, district.teacher, rid)
    return rid


def approved_resource(district, **form_overrides) -> int:
    """Approve a request as the reviewer; returns the catalog entry's id."""
    from techapproval.domain.enums import Decision, Permission
    from techapproval.services import requests as svc

    rid = submitted_request(district, **form_overrides)
    with district.db.transaction() as s:
        svc.decide_request(s, district.reviewer, rid, Decision.APPROVED, Permission.NONE_REQUIRED)
        return svc.get_request(s, district.reviewer, rid).catalog_resource_id


def registered_contract(district, name: str, executed, *, missing=(), **form_values) -> int:
    """A contractor and its contract with every provision except `missing`; returns the contract id."""
    from techapproval.domain.contract_form import ContractForm, ContractorForm
    from techapproval.domain.contracts import Provision
    from techapproval.services import contracts

    with district.db.transaction() as s:
        contractor = contracts.save_contractor(s, district.reviewer, None, ContractorForm(name))
        form = ContractForm(
            contractor_id=contractor.id, purpose="Classroom quizzes.", description=f"{name} for schools.",
            information_allowed=[InfoCategory.FULL_NAME], executed_on=executed,
            provisions={p: "" for p in Provision if p not in missing}, **form_values,
        )
        return contracts.save_contract(s, district.reviewer, None, form).id


def sql(url: str, *statements: str) -> list:
    """Run statements with a plain engine (not the app's code) and return the last one's rows."""
    engine = sqlalchemy.create_engine(url)
    try:
        with engine.begin() as conn:
            results = [conn.execute(sqlalchemy.text(s)) for s in statements]
            last = results[-1]
            return [tuple(row) for row in last] if last.returns_rows else []
    finally:
        engine.dispose()
