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
    "exceptions.resource_choices", "exceptions.set_condition", "incidents.get_incident", "incidents.list_incidents",
    "incidents.record_incident", "incidents.update_incident", "permissions.annual_notice_email",
    "printing.decided_between", "requests.decide_request", "requests.list_queue", "requests.queue_counts",
    "requests.return_request",
    "renewals.open_due_renewals", "renewals.open_renewal", "renewals.renewal_staff_choices",
    "website.check_may_record_posted",
    "records_import.preview", "records_import.apply", "records_import.list_imports", "records_import.undo_import",
}
ADMINISTRATORS_ONLY = {
    "compliance.add_closure", "compliance.remove_closure", "people.add_person", "people.change_role",
    "people.list_people", "people.reset_password", "people.set_active", "settings.update_settings",
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
    "requests.submit_request": "their own request only",
    "requests.withdraw_request": "their own request only",
}
NOT_USE_CASES = {"access.acting", "audit.record", "settings.write"}  # helpers the use cases call


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


def test_an_unknown_account_is_refused(district):
    with pytest.raises(NotAllowed):
        call(district, use_cases()["requests.list_my_requests"], 9999)
