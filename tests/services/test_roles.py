"""Every use case checks the caller's role itself, on every call, whatever the screens offer.

Each public use case (a services function taking `session, actor_id`) is listed below as reviewers'
work, administrators' work, or open to every signed-in person with the reason. A new use case that
is not listed fails the first test, so nobody adds one without deciding who may call it.
"""

import importlib
import inspect
import pkgutil

import pytest
from sqlalchemy import update

import techapproval.services as services
from techapproval.db.models import Person
from techapproval.domain.enums import Role
from techapproval.services import audit
from techapproval.services.errors import NotAllowed

REVIEWERS_ONLY = {
    "accessibility.record_review", "accessibility.reviews_for_request", "accessibility.reviews_for_resource",
    "accessibility.review_document", "accessibility.status_for_request",
    "catalog.status_for_request", "compliance.deadlines", "compliance.overdue_count",
    "compliance.record_annual_notice", "contracts.attach_document", "contracts.link_resource",
    "contracts.list_contractors", "contracts.record_notice_posted", "contracts.save_contract",
    "contracts.save_contractor", "deletions.close_deletion_request", "deletions.confirm_contract_deletion",
    "deletions.get_deletion_request", "deletions.list_deletion_requests", "deletions.list_expired_unconfirmed",
    "deletions.record_deletion_request", "exceptions.attach_evidence", "exceptions.evidence_content",
    "exceptions.get_exception", "exceptions.list_exceptions", "exceptions.record_exception",
    "exceptions.resource_choices", "exceptions.set_condition", "exceptions.set_conditions",
    "incidents.get_incident", "incidents.list_incidents",
    "incidents.record_incident", "incidents.update_incident", "permissions.annual_notice_email",
    "printing.decided_between", "requests.decide_request", "requests.list_queue", "requests.queue_counts",
    "requests.return_request",
    "renewals.open_due_renewals", "renewals.open_renewal", "renewals.renewal_staff_choices",
    "website.check_may_record_posted",
    "records_import.preview", "records_import.apply", "records_import.list_imports", "records_import.undo_import",
    "mailings.send_annual_notice",
}
ADMINISTRATORS_ONLY = {
    "compliance.add_closure", "compliance.remove_closure", "maintenance.check_may_maintain",
    "people.add_person", "people.change_role",
    "people.list_people", "people.reset_password", "people.set_active", "settings.update_settings",
    "outbox.email_settings", "outbox.update_email_settings", "outbox.list_failures", "outbox.retry_failed",
    "outbox.outbox_counts",
}
OPEN = {  # to every active account; what each one shows is limited inside it
    "catalog.find_matches": "staff check whether a tool is already approved before they ask",
    "catalog.get_entry": "the approved list is for every teacher",
    "catalog.list_catalog": "the approved list is for every teacher",
    "compliance.annual_notice": "a date and a status, no personal data",
    "compliance.list_closures": "the district calendar",
    "contracts.contract_choices": "contracts are public: the law has them posted on the website",
    "contracts.check_document": "reads the signed contract, which is posted on the website",
    "contracts.contract_history": "the changes to a public contract (the evidence for its provisions)",
    "contracts.document_content": "signed contracts are posted on the website",
    "contracts.gap_report": "what a public contract lacks, with the law's words",
    "contracts.get_contract": "contracts are public",
    "contracts.list_contracts": "contracts are public",
    "website.website_data": "it is the public website",
    "people.change_password": "each person's own password",
    "permissions.delete_tally": "the requester keeps the permission-slip counts of their own request",
    "permissions.list_tallies": "their own request only",
    "permissions.outstanding": "their own request only",
    "permissions.save_tally": "their own request only",
    "printing.decision_sheet": "their own request only (reviewers: any)",
    "requests.get_request": "their own request only (reviewers: any)",
    "renewals.renewal_comparison": "their own renewal only (reviewers: any)",
    "requests.list_my_requests": "their own requests",
    "requests.resubmit_request": "their own request only",
    "requests.save_draft": "their own request only",
    "requests.delete_draft": "their own draft only, never submitted",
    "requests.submit_request": "their own request only",
    "requests.withdraw_request": "their own request only",
    "notifications.my_preferences": "each person's own email preferences",
    "notifications.set_my_preferences": "each person's own email preferences",
    "notifications.remember_language": "each person's own email language",
}
NOT_USE_CASES = {"access.acting", "audit.record", "settings.write"}  # helpers the use cases call
# Use cases that take the Database (they open transactions of their own around long work), by the roles
# allowed: each is called below by someone outside them and must refuse before doing anything.
DATABASE_USE_CASES = {
    "maintenance.backup_database": (Role.ADMINISTRATOR,),
    "maintenance.restore_database": (Role.ADMINISTRATOR,),
    "printing.save_decision_sheets": (Role.REVIEWER, Role.ADMINISTRATOR),
    "records_export.export_records": (Role.REVIEWER, Role.ADMINISTRATOR),
    "website.export_site": (Role.REQUESTER, Role.REVIEWER, Role.ADMINISTRATOR),  # the public website
}


def use_cases() -> dict[str, object]:
    found = {}
    for info in pkgutil.iter_modules(services.__path__):
        module = importlib.import_module(f"techapproval.services.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            params = list(inspect.signature(fn).parameters)
            if fn.__module__ == module.__name__ and not name.startswith("_") and params[:1] == ["session"] \
                    and len(params) > 1 and params[1] in ("actor_id", "admin_id"):
                found[f"{info.name}.{name}"] = fn
    return found


def call(district, fn, actor_id: int) -> None:
    """Call with placeholder arguments: the role check comes first, before anything is looked up."""
    params = list(inspect.signature(fn).parameters.values())[2:]
    kwargs = {p.name: None for p in params if p.default is inspect.Parameter.empty}
    with district.db.transaction() as s:
        fn(s, actor_id, **kwargs)


def test_every_use_case_is_classified():
    listed = REVIEWERS_ONLY | ADMINISTRATORS_ONLY | set(OPEN) | NOT_USE_CASES
    assert set(use_cases()) - listed == set(), "decide who may call these, and list them here"
    assert listed - set(use_cases()) == set(), "these are listed but no longer exist"


@pytest.mark.parametrize("name", sorted(REVIEWERS_ONLY | ADMINISTRATORS_ONLY))
def test_a_requester_is_refused(district, name):
    with district.db.transaction() as s:
        before = audit.change_count(s)
    with pytest.raises(NotAllowed):
        call(district, use_cases()[name], district.teacher)
    with district.db.transaction() as s:
        assert audit.change_count(s) == before


@pytest.mark.parametrize("name", sorted(ADMINISTRATORS_ONLY))
def test_a_reviewer_is_refused_administration(district, name):
    with pytest.raises(NotAllowed, match="administrator"):
        call(district, use_cases()[name], district.reviewer)


@pytest.mark.parametrize("name", sorted(REVIEWERS_ONLY | ADMINISTRATORS_ONLY | set(OPEN)))
def test_a_switched_off_account_is_refused_everything(district, name):
    with district.db.transaction() as s:
        s.execute(update(Person).where(Person.id == district.admin).values(active=False))
    with pytest.raises(NotAllowed, match="not active"):
        call(district, use_cases()[name], district.admin)


def test_a_draft_is_deleted_by_its_author_only_whatever_the_role(district):
    from techapproval.domain.validation import RequestForm
    from techapproval.services import requests

    with district.db.transaction() as s:
        draft = requests.save_draft(s, district.teacher, None, RequestForm(resource_name="Mine"))
    with district.db.transaction() as s:
        before = audit.change_count(s)
    for other in (district.reviewer, district.admin, district.other_teacher):
        with pytest.raises(NotAllowed), district.db.transaction() as s:
            requests.delete_draft(s, other, draft)
    with district.db.transaction() as s:
        assert audit.change_count(s) == before


def test_an_unknown_account_is_refused(district):
    with pytest.raises(NotAllowed):
        call(district, use_cases()["requests.list_my_requests"], 9999)


def test_use_cases_taking_the_database_are_listed():
    found = set()
    for info in pkgutil.iter_modules(services.__path__):
        module = importlib.import_module(f"techapproval.services.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            params = list(inspect.signature(fn).parameters)
            if fn.__module__ == module.__name__ and not name.startswith("_") and params[:2] == ["db", "actor_id"]:
                found.add(f"{info.name}.{name}")
    assert found == set(DATABASE_USE_CASES), "decide who may call these, and list them in DATABASE_USE_CASES"


@pytest.mark.parametrize("name", sorted(DATABASE_USE_CASES))
def test_a_database_use_case_refuses_the_roles_it_does_not_allow(district, tmp_path, name):
    module, function = name.split(".")
    fn = getattr(importlib.import_module(f"techapproval.services.{module}"), function)
    allowed = DATABASE_USE_CASES[name]
    target = tmp_path / "target"
    arguments = {"maintenance.backup_database": (target,), "maintenance.restore_database": (target,),
                 "printing.save_decision_sheets": ([], target), "records_export.export_records": (target,),
                 "website.export_site": (target,)}[name]
    for who in ("teacher", "reviewer", "admin"):
        with district.db.transaction() as s:
            role = Role(s.get(Person, getattr(district, who)).role)
            before = audit.change_count(s)
        if role in allowed:
            continue
        with pytest.raises(NotAllowed):
            fn(district.db, getattr(district, who), *arguments)
        assert not target.exists()
        with district.db.transaction() as s:
            assert audit.change_count(s) == before
