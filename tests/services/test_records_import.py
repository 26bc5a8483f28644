"""Importing the sample spreadsheets into a real database: all or nothing, valid rows only, the audit trail,
who may, and undo (refused while what the import created has changed or is in use)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from techapproval.db.models import (
    AuditEvent,
    CatalogResource,
    Contract,
    Contractor,
    ContractProvision,
    RecordsImport,
    RecordsImportItem,
)
from techapproval.domain.contract_form import ContractorForm
from techapproval.domain.contracts import ComplianceState, Coverage, Provision
from techapproval.domain.deadlines import ObligationKind
from techapproval.domain.district_time import LOCAL
from techapproval.domain.enums import Decision, Grade, InfoCategory, Permission
from techapproval.domain.records_import import guess_mapping, read_sheet
from techapproval.services import audit, catalog, compliance, contracts, exceptions
from techapproval.services import records_import as svc
from techapproval.services import requests as rq
from techapproval.services.errors import Invalid, NotAllowed, NotFound, Refused
from tests.helpers import approved_resource, complete_form

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "import-samples"
TODAY = date(2026, 11, 26)


def load(name: str):
    sheet = read_sheet(name, (SAMPLES / name).read_bytes())
    return sheet, guess_mapping(sheet.headers)


def run(district, name: str, valid_only: bool = False, actor: int | None = None) -> svc.ImportResult:
    sheet, mapping = load(name)
    with district.db.transaction() as s:
        return svc.apply(s, actor or district.reviewer, name, sheet, mapping, valid_only=valid_only, today=TODAY)


def counts(district) -> tuple[int, int, int, int]:
    with district.db.transaction() as s:
        return tuple(s.scalar(select(func.count()).select_from(m))
                     for m in (CatalogResource, Contract, Contractor, RecordsImport))


def catalog_names(district) -> list[str]:
    with district.db.transaction() as s:
        return [e.name for e in catalog.list_catalog(s, district.reviewer)]


# --- importing -----------------------------------------------------------------------------------


def test_the_clean_sample_imports_every_row(district):
    result = run(district, "approved-resources-clean.csv")
    assert (result.resources, result.contracts, result.contractors) == (6, 4, 4)  # Google's contract covers two
    assert result.to_fix_csv is None and result.left_out == 0
    assert counts(district) == (6, 4, 4, 1)
    with district.db.transaction() as s:
        entries = {e.name: e for e in catalog.list_catalog(s, district.reviewer, on=TODAY)}
        docs, classroom = entries["Google Docs"], entries["Google Classroom"]
        assert docs.contract_id == classroom.contract_id and docs.coverage is Coverage.CONTRACT
        assert entries["Seesaw"].permission is Permission.PARENTAL_REQUIRED
        assert entries["Seesaw"].grades == (Grade.K, Grade.G1, Grade.G2)
        assert entries["Kahoot!"].status.state is ComplianceState.COMPLIANT  # state addendum, notice posted
        assert entries["Desmos Graphing Calculator"].coverage is Coverage.NOT_REQUIRED
        assert entries["Canva for Education"].not_used_by_students
        assert entries["Canva for Education"].status.state is ComplianceState.MISSING_PROVISIONS
        google = s.get(Contract, docs.contract_id)
        assert [p.provision for p in google.provisions] == [p.value for p in Provision]
        assert google.contractor.name == "Google LLC" and google.executed_on == date(2024, 7, 1)
        # The catalog search finds an imported resource (the search index is kept by triggers).
        assert [e.name for e in catalog.list_catalog(s, district.teacher, search="graphing")] == [
            "Desmos Graphing Calculator"]


def test_the_xlsx_sample_imports(district):
    result = run(district, "approved-resources-merged.xlsx")
    assert (result.resources, result.contracts) == (3, 3)
    with district.db.transaction() as s:
        assert set(s.scalars(select(Contract.executed_on))) == {date(2025, 8, 1)}


def test_a_file_with_problems_imports_nothing(district):
    approved_resource(district, resource_name="Padlet", resource_link="https://padlet.com")
    before = counts(district)
    with pytest.raises(Refused, match="3 row"):
        run(district, "approved-resources-messy.csv")
    assert counts(district) == before
    assert catalog_names(district) == ["Padlet"]


def test_valid_rows_only_and_the_rest_to_fix(district):
    padlet = approved_resource(district, resource_name="Padlet", resource_link="https://padlet.com")
    with district.db.transaction() as s:
        version = s.get(CatalogResource, padlet).version
    result = run(district, "approved-resources-messy.csv", valid_only=True)
    assert (result.resources, result.contracts, result.skipped, result.left_out) == (4, 4, 2, 3)
    assert sorted(catalog_names(district)) == ["Caf\u00e9 Fran\u00e7ais", "Flip", "Newsela", "Padlet", "Quizlet"]
    rows = list(csv.reader(io.StringIO(result.to_fix_csv.decode("utf-8-sig"))))
    assert [r[0] for r in rows[1:]] == ["Prodigy Math", "Epic!", "Typing Club"]
    with district.db.transaction() as s:
        assert s.get(CatalogResource, padlet).version == version  # the approved resource is left as it was


def test_a_contract_already_in_the_registry_is_linked_not_duplicated(district):
    from tests.helpers import registered_contract

    contract_id = registered_contract(district, "Google LLC", date(2024, 7, 1))
    result = run(district, "approved-resources-clean.csv")
    assert (result.contracts, result.contractors) == (3, 3)
    with district.db.transaction() as s:
        linked = s.scalars(select(CatalogResource.name).where(CatalogResource.contract_id == contract_id)).all()
        assert sorted(linked) == ["Google Classroom", "Google Docs"]


def test_the_import_is_in_the_audit_trail(district):
    result = run(district, "approved-resources-clean.csv")
    with district.db.transaction() as s:
        [event] = audit.history(s, "records_import", result.import_id)
        assert event.action == "imported" and event.actor == "Rita Reviewer"
        assert event.changes["file"] == "approved-resources-clean.csv" and event.changes["resources"] == 6
        assert event.changes["columns"]["App"] == "resource_name"
        kahoot = s.scalar(select(CatalogResource.id).where(CatalogResource.name == "Kahoot!"))
        [created] = audit.history(s, "catalog", kahoot)
        assert created.changes["import"] == result.import_id and created.changes["row"] == 2
        assert created.changes["name"] == [None, "Kahoot!"]
        assert audit.verify_chain(s).problem is None


@pytest.mark.parametrize("role", ["reviewer", "admin"])
def test_reviewers_and_administrators_may_import(district, role):
    assert run(district, "approved-resources-merged.xlsx", actor=getattr(district, role)).resources == 3


def test_a_teacher_may_not_preview_import_list_or_undo(district):
    sheet, mapping = load("approved-resources-clean.csv")
    result = run(district, "approved-resources-clean.csv")
    with district.db.transaction() as s:
        for call in (lambda: svc.preview(s, district.teacher, sheet, mapping),
                     lambda: svc.apply(s, district.teacher, "x.csv", sheet, mapping),
                     lambda: svc.list_imports(s, district.teacher),
                     lambda: svc.undo_import(s, district.teacher, result.import_id)):
            with pytest.raises(NotAllowed):
                call()


def test_preview_writes_nothing(district):
    sheet, mapping = load("approved-resources-messy.csv")
    with district.db.transaction() as s:
        plan = svc.preview(s, district.reviewer, sheet, mapping, today=TODAY)
    assert plan.invalid_rows == (10, 11, 12) and len(plan.records) == 5  # Padlet is new here
    assert counts(district) == (0, 0, 0, 0)


def test_a_mapping_without_the_name_column_is_refused(district):
    sheet, _mapping = load("approved-resources-clean.csv")
    with district.db.transaction() as s, pytest.raises(Invalid, match="resource name"):
        svc.apply(s, district.reviewer, "x.csv", sheet, {1: guess_mapping(["URL"])[0]})


def test_the_same_file_twice_skips_everything_the_second_time(district):
    run(district, "approved-resources-clean.csv")
    sheet, mapping = load("approved-resources-clean.csv")
    with district.db.transaction() as s:
        again = svc.preview(s, district.reviewer, sheet, mapping, today=TODAY)
    assert again.nothing_new and again.counts()["already"] == 6  # said as already imported, not as a failure
    with pytest.raises(Refused, match=r"6 row\(s\) already imported; nothing new to import"):
        run(district, "approved-resources-clean.csv")
    assert counts(district) == (6, 4, 4, 1)


def test_a_district_sheet_without_contract_details_imports_with_details_to_complete(district):
    """App, website, grades, permission, vendor, DPA signed, expiry: every row comes in, each contract with
    what the sheet gives, its compliance not called compliant, and listed on the Deadlines tab."""
    result = run(district, "approved-resources-first-week.csv")
    assert (result.resources, result.contracts, result.contractors, result.left_out) == (5, 4, 4, 0)
    with district.db.transaction() as s:
        entries = {e.name: e for e in catalog.list_catalog(s, district.reviewer, on=TODAY)}
        assert set(entries) == {"Kahoot!", "Seesaw", "Google Classroom", "Google Docs", "Newsela"}
        kahoot = entries["Kahoot!"]
        assert kahoot.coverage is Coverage.CONTRACT and kahoot.grades == (Grade.G3, Grade.G4, Grade.G5)
        assert entries["Seesaw"].permission is Permission.PARENTAL_REQUIRED
        assert entries["Google Docs"].contract_id == entries["Google Classroom"].contract_id
        contract = s.get(Contract, kahoot.contract_id)
        assert (contract.contractor.name, contract.executed_on, contract.expires_on) == (
            "Kahoot! ASA", date(2025, 8, 1), date(2027, 7, 31))
        assert (contract.purpose, contract.description, contract.information_allowed) == ("", "", "")
        for entry in entries.values():
            assert not entry.status.state.within_law
            assert any(p.startswith("Contract details to complete") for p in entry.status.problems)
        view = contracts.get_contract(s, district.reviewer, kahoot.contract_id, on=TODAY)
        assert ("Contract details to complete: purpose, brief description, student information it may collect and "
                "provisions it contains (P1 to P11, or the state addendum) not recorded.") in view.status.problems
        assert not any(p.startswith("Missing") for p in view.status.problems)  # unknown, not missing
        obligations = compliance.deadlines(s, district.reviewer, on=TODAY)
        due = [o for o in obligations if o.kind is ObligationKind.CONTRACT_DETAILS]
        assert sorted(o.ref for o in due) == sorted({e.contract_id for e in entries.values()})
        assert all(not o.overdue for o in due)
        # Nobody knows yet which provisions the agreements have: no vendor is told to amend on that account.
        assert not [o for o in obligations if o.kind is ObligationKind.NOTICE_TO_AMEND]


def test_completing_an_imported_contract_takes_it_off_the_deadlines(district):
    run(district, "approved-resources-first-week.csv")
    with district.db.transaction() as s:
        kahoot = next(e for e in catalog.list_catalog(s, district.reviewer) if e.name == "Kahoot!")
        view = contracts.get_contract(s, district.reviewer, kahoot.contract_id)
        form = replace(view.form, purpose="Classroom quizzes.", description="Game-based quizzes.",
                       information_allowed=[InfoCategory.FULL_NAME])
        contracts.save_contract(s, district.reviewer, view.id, form, today=TODAY)
        due = {o.ref for o in compliance.deadlines(s, district.reviewer, on=TODAY)
               if o.kind is ObligationKind.CONTRACT_DETAILS}
        assert kahoot.contract_id not in due and len(due) == 3
        assert contracts.get_contract(s, district.reviewer, view.id, on=TODAY).status.state \
            is not ComplianceState.DETAILS_TO_COMPLETE


def test_the_approval_date_is_the_sheets_when_it_has_one_and_the_import_day_otherwise(district):
    run(district, "approved-resources-clean.csv")  # a "Date approved" column
    run(district, "approved-resources-first-week.csv")  # no approval column (Kahoot! etc. are new names there)
    with district.db.transaction() as s:
        approved = {e.name: e.approved_at.astimezone(LOCAL).date() for e in catalog.list_catalog(s, district.reviewer)}
    assert approved["Seesaw"] == date(2025, 9, 2) and approved["Desmos Graphing Calculator"] == date(2023, 9, 12)
    assert approved["Newsela"] == datetime.now(LOCAL).date()  # the import day: said in the check's remarks


# --- past imports and undo ---------------------------------------------------------------------------


def test_undo_removes_everything_the_import_created(district):
    kept = approved_resource(district, resource_name="Padlet", resource_link="https://padlet.com")
    first = run(district, "approved-resources-clean.csv")
    second = run(district, "approved-resources-merged.xlsx")
    with district.db.transaction() as s:
        svc.undo_import(s, district.reviewer, first.import_id)
    assert sorted(catalog_names(district)) == ["Book Creator", "Nearpod", "Padlet", "Scratch"]
    with district.db.transaction() as s:
        assert s.get(CatalogResource, kept) is not None
        assert s.scalar(select(func.count()).select_from(ContractProvision)) == 0  # the xlsx's contracts have none
        assert s.scalar(select(func.count()).select_from(Contract)) == 3
        views = svc.list_imports(s, district.reviewer)
        assert [v.id for v in views] == [second.import_id, first.import_id]
        undone = views[1]
        assert undone.undone and undone.undone_by == "Rita Reviewer" and undone.resources == 6
        assert not views[0].undone
        assert [e.action for e in audit.history(s, "records_import", first.import_id)] == ["imported", "undone"]
        google = s.scalar(select(RecordsImportItem.entity_id).where(
            RecordsImportItem.import_id == first.import_id, RecordsImportItem.entity == "contract"))
        assert audit.history(s, "contract", google)[-1].action == "removed: import undone"
        assert audit.verify_chain(s).problem is None
    with district.db.transaction() as s, pytest.raises(Refused, match="already undone"):
        svc.undo_import(s, district.reviewer, first.import_id)
    with district.db.transaction() as s, pytest.raises(NotFound):
        svc.undo_import(s, district.reviewer, 999)


def test_after_an_undo_the_file_can_be_imported_again(district):
    first = run(district, "approved-resources-clean.csv")
    with district.db.transaction() as s:
        svc.undo_import(s, district.admin, first.import_id)
    assert run(district, "approved-resources-clean.csv").resources == 6


def _id(district, model, **where):
    with district.db.transaction() as s:
        return s.scalar(select(model.id).filter_by(**where))


def _refused(district, import_id: int, reason: str) -> None:
    before = counts(district)
    with district.db.transaction() as s, pytest.raises(Refused, match=reason) as refused:
        svc.undo_import(s, district.reviewer, import_id)
    assert "Nothing was removed" in refused.value.message
    assert counts(district) == before


def test_undo_is_refused_once_a_contract_was_edited(district):
    result = run(district, "approved-resources-clean.csv")
    contract_id = _id(district, Contract, title="Data privacy agreement 2025")
    with district.db.transaction() as s:
        s.get(Contract, contract_id).title = "Data privacy agreement 2025 (amended)"
    _refused(district, result.import_id, "Kahoot! ASA .*has been changed since the import")


def test_undo_is_refused_once_a_resource_is_linked_to_a_request(district):
    result = run(district, "approved-resources-clean.csv")
    with district.db.transaction() as s:  # a teacher asks for Kahoot again; approving it updates the entry
        rid = rq.save_draft(s, district.teacher, None, complete_form(resource_link="https://kahoot.com"))
        rq.submit_request(s, district.teacher, rid)
    with district.db.transaction() as s:
        rq.decide_request(s, district.reviewer, rid, Decision.APPROVED, Permission.NONE_REQUIRED)
    _refused(district, result.import_id, f"linked to request {rid}")


def test_undo_is_refused_while_a_resource_has_an_iep_504_exception(district):
    result = run(district, "approved-resources-clean.csv")
    desmos = _id(district, CatalogResource, name="Desmos Graphing Calculator")
    with district.db.transaction() as s:
        exceptions.record_exception(s, district.reviewer, "IEP-7", "iep", desmos, "Accessible graphing.")
    _refused(district, result.import_id, r"Desmos Graphing Calculator has an IEP/504 exception \(IEP-7\)")


def test_undo_is_refused_while_a_resource_not_from_the_import_uses_its_contract(district):
    result = run(district, "approved-resources-clean.csv")
    padlet = approved_resource(district, resource_name="Padlet", resource_link="https://padlet.com")
    google = _id(district, Contract, title="Workspace for Education DPA")
    with district.db.transaction() as s:
        contracts.link_resource(s, district.reviewer, padlet, Coverage.CONTRACT, google)
    _refused(district, result.import_id, "Padlet, not from this import, is covered by a contract it created")


def test_undo_is_refused_once_a_contractor_it_created_was_edited(district):
    result = run(district, "approved-resources-merged.xlsx")
    with district.db.transaction() as s:
        contractor = s.scalar(select(Contractor).where(Contractor.name == "Nearpod Inc."))
        contracts.save_contractor(s, district.reviewer, contractor.id,
                                  ContractorForm(name="Nearpod Inc.", contact_email="privacy@nearpod.example"))
    _refused(district, result.import_id, "Nearpod Inc. has been changed since the import")


def test_the_records_an_import_created_are_listed_with_their_rows(district):
    result = run(district, "approved-resources-clean.csv")
    with district.db.transaction() as s:
        items = s.execute(select(RecordsImportItem.entity, RecordsImportItem.source_row)
                          .where(RecordsImportItem.import_id == result.import_id)
                          .order_by(RecordsImportItem.entity, RecordsImportItem.source_row)).all()
        assert [tuple(i) for i in items if i.entity == "catalog_resource"] == [
            ("catalog_resource", n) for n in range(2, 8)]
        assert sorted(r for e, r in items if e == "contract") == [2, 3, 4, 7]
        assert s.scalar(select(func.count()).select_from(AuditEvent)
                        .where(AuditEvent.action == "imported")) == 6 + 4 + 4 + 1
