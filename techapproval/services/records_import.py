"""Importing the district's own spreadsheet of approved resources and contracts: preview (no writes), apply
(one transaction: every row valid or nothing, or only the valid rows when asked), the imports so far, and
undoing one as a whole. Reviewers and administrators only. Reading and checking the file is
domain/records_import.py; this adds what the database already holds, the writes and the audit trail.

Undo removes every record the import created, or nothing: it is refused while any of them has changed since
(its version is not the one recorded at import) or is in use by something the import did not create (a
request linked to the resource, an IEP/504 exception for it, another resource covered by the contract, a
contract, incident or deletion request of the contractor). Contracts and contractors already in the
registry that imported resources were linked to are not the import's, and stay.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from ..db import locks
from ..db.models import (
    AccessibilityReview,
    CatalogResource,
    Contract,
    Contractor,
    ContractProvision,
    DeletionRequest,
    Incident,
    PlanException,
    RecordsImport,
    RecordsImportItem,
    Request,
)
from ..domain.contracts import Coverage, Provision
from ..domain.district_time import LOCAL
from ..domain.records_import import (
    ContractRecord,
    Existing,
    ImportField,
    ImportPlan,
    ResourceRecord,
    Sheet,
    column_name,
    plan_import,
    to_fix_csv,
)
from ..domain.validation import normalise_link, normalise_name
from . import audit
from .access import REVIEWERS, acting
from .errors import Invalid, NotFound, Refused

CONTRACTOR, CONTRACT, RESOURCE = "contractor", "contract", "catalog_resource"
AUDIT_ENTITY = "records_import"
# The audit trail's names for the records (as the rest of the app writes them).
AUDIT_NAMES = {CONTRACTOR: "contractor", CONTRACT: "contract", RESOURCE: "catalog"}
MAX_REASONS = 8  # an undo refused for many records names the first few, and counts the rest


@dataclass(frozen=True)
class ImportResult:
    import_id: int
    resources: int
    contracts: int
    contractors: int
    skipped: int
    left_out: int
    to_fix_csv: bytes | None  # the rows left out, with their problems, when only valid rows were imported


@dataclass(frozen=True)
class ImportView:
    id: int
    file_name: str
    imported_at: datetime
    imported_by: str
    rows: int
    resources: int
    contracts: int
    contractors: int
    skipped: int
    left_out: int
    undone_at: datetime | None
    undone_by: str

    @property
    def undone(self) -> bool:
        return self.undone_at is not None


def _existing(session: Session) -> Existing:
    names: dict[str, str] = {}
    links: dict[str, str] = {}
    for key_name, key_link, name in session.execute(
            select(CatalogResource.normalised_name, CatalogResource.normalised_link, CatalogResource.name)):
        names.setdefault(key_name, name)
        if key_link:
            links.setdefault(key_link, name)
    contracts: dict[tuple[str, date], int] = {}
    for contract_id, contractor, executed in session.execute(
            select(Contract.id, Contractor.normalised_name, Contract.executed_on).join(Contract.contractor)
            .order_by(Contract.id)):
        contracts.setdefault((contractor, executed), contract_id)
    contractors = {name: cid for name, cid in session.execute(select(Contractor.normalised_name, Contractor.id))}
    return Existing(names, links, contracts, contractors)


def preview(session: Session, actor_id: int, sheet: Sheet, mapping: Mapping[int, ImportField],
            today: date | None = None) -> ImportPlan:
    """What an import of the sheet with this mapping would do, row by row. Writes nothing."""
    acting(session, actor_id, *REVIEWERS)
    return plan_import(sheet, mapping, _existing(session), today or date.today())


def apply(session: Session, actor_id: int, file_name: str, sheet: Sheet, mapping: Mapping[int, ImportField],
          valid_only: bool = False, today: date | None = None) -> ImportResult:
    """Import the sheet in this transaction: every row, refused if any has a problem; or, with valid_only,
    the rows without problems, returning the others as a CSV to fix."""
    actor = acting(session, actor_id, *REVIEWERS)
    locks.hold(session, locks.CATALOG)  # checked and written with no other approval or import in between
    plan = plan_import(sheet, mapping, _existing(session), today or date.today())
    if any(p.row == 0 for p in plan.problems):
        raise Invalid({"mapping": " ".join(p.reason for p in plan.problems)})
    if plan.problems and not valid_only:
        raise Refused(f"{len(plan.invalid_rows)} row(s) have problems, so nothing was imported. Fix them in the "
                      "spreadsheet and import it again, or import only the valid rows.")
    if plan.nothing_new:
        raise Refused(f"{len(plan.already_rows)} row(s) already imported; nothing new to import.")
    if not plan.records:
        raise Refused("There is nothing to import: every row was skipped or has a problem.")
    now = audit.now()
    record = RecordsImport(file_name=file_name[-255:], imported_at=now, imported_by_id=actor.id,
                           rows=len(sheet.rows), skipped=len(plan.skipped_rows), left_out=len(plan.invalid_rows))
    session.add(record)
    session.flush()
    created: list[tuple[str, object, int]] = []  # (kind, record, source row)
    contractors: dict[str, Contractor] = {}
    contracts: dict[tuple, Contract] = {}
    existing = {c.normalised_name: c for c in session.scalars(select(Contractor))}
    registered = {(c.contractor.normalised_name, c.executed_on): c
                  for c in session.scalars(select(Contract).order_by(Contract.id.desc()))}  # the oldest wins
    for row in plan.records:
        contract = None
        if row.contract is not None:
            contract = contracts.get(row.contract.key)
            if contract is None:
                key = (normalise_name(row.contract.contractor), row.contract.executed_on)
                contract = registered.get(key)
                if contract is None:
                    contractor = contractors.get(key[0]) or existing.get(key[0])
                    if contractor is None:
                        contractor = Contractor(name=row.contract.contractor, normalised_name=key[0])
                        session.add(contractor)
                        created.append((CONTRACTOR, contractor, row.row))
                    contractors[key[0]] = contractor
                    contract = _contract(row.contract, contractor, now)
                    session.add(contract)
                    created.append((CONTRACT, contract, row.row))
                contracts[row.contract.key] = contract
        if row.resource is not None:
            resource = _resource(row.resource, contract, now)
            session.add(resource)
            created.append((RESOURCE, resource, row.row))
    session.flush()
    for kind, obj, source_row in created:
        session.add(RecordsImportItem(import_id=record.id, entity=kind, entity_id=obj.id, source_row=source_row,
                                      version=obj.version))
        audit.record(session, actor.id, AUDIT_NAMES[kind], obj.id, "imported",
                     {"import": record.id, "row": source_row, **_values(kind, obj)})
    counts = {kind: sum(1 for k, _o, _r in created if k == kind) for kind in (RESOURCE, CONTRACT, CONTRACTOR)}
    audit.record(session, actor.id, AUDIT_ENTITY, record.id, "imported", {
        "file": record.file_name, "rows": record.rows, "resources": counts[RESOURCE], "contracts": counts[CONTRACT],
        "contractors": counts[CONTRACTOR], "skipped": record.skipped, "left_out": record.left_out,
        "columns": {column_name(sheet.headers, i): f.value for i, f in sorted(mapping.items())},
    })
    session.flush()
    return ImportResult(record.id, counts[RESOURCE], counts[CONTRACT], counts[CONTRACTOR], record.skipped,
                        record.left_out, to_fix_csv(plan) if plan.problems else None)


def _contract(c: ContractRecord, contractor: Contractor, now: datetime) -> Contract:
    return Contract(
        contractor=contractor, title=c.title, purpose=c.purpose, description=c.description,
        information_allowed=",".join(x.value for x in c.information), information_details="",
        executed_on=c.executed_on, starts_on=c.starts_on, expires_on=c.expires_on,
        uses_state_addendum=c.uses_state_addendum, notice_posted_on=c.notice_posted_on,
        provisions=[ContractProvision(provision=p.value, position=n, clause="")
                    for n, p in enumerate(Provision, start=1) if p in c.provisions],
        created_at=now, updated_at=now,
    )


def _resource(r: ResourceRecord, contract: Contract | None, now: datetime) -> CatalogResource:
    if contract is not None:
        coverage, note = Coverage.CONTRACT, ""
    elif r.no_contract_reason:
        coverage, note = Coverage.NOT_REQUIRED, r.no_contract_reason
    else:
        coverage, note = Coverage.NONE, ""
    approved_at = (datetime.combine(r.approved_on, time(12), tzinfo=LOCAL).astimezone(UTC)
                   if r.approved_on else now)
    return CatalogResource(
        name=r.name, normalised_name=normalise_name(r.name), link=r.link, normalised_link=normalise_link(r.link),
        description=r.description, permission=r.permission.value, grades=",".join(g.value for g in r.grades),
        not_used_by_students=r.not_used_by_students, approved_at=approved_at, coverage=coverage.value,
        contract=contract, coverage_note=note,
    )


def _values(kind: str, obj) -> dict:
    """What the audit trail keeps of a created record: {field: [None, value]}."""
    if kind == CONTRACTOR:
        values = {"name": obj.name}
    elif kind == CONTRACT:
        values = {"contractor": obj.contractor_id, "title": obj.title, "purpose": obj.purpose,
                  "description": obj.description, "information_allowed": obj.information_allowed,
                  "executed_on": obj.executed_on.isoformat(),
                  "starts_on": obj.starts_on.isoformat() if obj.starts_on else None,
                  "expires_on": obj.expires_on.isoformat() if obj.expires_on else None,
                  "uses_state_addendum": obj.uses_state_addendum,
                  "provisions": ", ".join(p.provision for p in obj.provisions),
                  "notice_posted_on": obj.notice_posted_on.isoformat() if obj.notice_posted_on else None}
    else:
        values = {"name": obj.name, "link": obj.link, "description": obj.description, "permission": obj.permission,
                  "grades": obj.grades, "not_used_by_students": obj.not_used_by_students,
                  "approved_at": obj.approved_at.isoformat(), "coverage": obj.coverage, "contract": obj.contract_id,
                  "note": obj.coverage_note}
    return audit.diff({}, values)


# --- past imports, and undo --------------------------------------------------------------------------


def list_imports(session: Session, actor_id: int) -> list[ImportView]:
    """Every import, newest first, with what it created (kept after an undo, to say what was removed)."""
    acting(session, actor_id, *REVIEWERS)
    counts: dict[tuple[int, str], int] = {
        (import_id, entity): n for import_id, entity, n in session.execute(
            select(RecordsImportItem.import_id, RecordsImportItem.entity, func.count())
            .group_by(RecordsImportItem.import_id, RecordsImportItem.entity))
    }
    imports = session.scalars(select(RecordsImport).order_by(RecordsImport.id.desc())
                              .options(selectinload(RecordsImport.imported_by), selectinload(RecordsImport.undone_by)))
    return [ImportView(i.id, i.file_name, i.imported_at, i.imported_by.name, i.rows,
                       counts.get((i.id, RESOURCE), 0), counts.get((i.id, CONTRACT), 0),
                       counts.get((i.id, CONTRACTOR), 0), i.skipped, i.left_out, i.undone_at,
                       i.undone_by.name if i.undone_by else "") for i in imports]


def undo_import(session: Session, actor_id: int, import_id: int) -> None:
    """Remove every record the import created, as a whole; refused, with the reasons, while any of them has
    changed since or is in use."""
    actor = acting(session, actor_id, *REVIEWERS)
    locks.hold(session, locks.CATALOG)
    record = session.get(RecordsImport, import_id, with_for_update=True)
    if record is None:
        raise NotFound(f"There is no import {import_id}.")
    if record.undone_at is not None:
        raise Refused(f"This import was already undone, on {record.undone_at.astimezone(LOCAL):%m/%d/%Y}.")
    ids = {kind: {i.entity_id: i for i in record.items if i.entity == kind}
           for kind in (RESOURCE, CONTRACT, CONTRACTOR)}
    resources = list(session.scalars(select(CatalogResource).where(CatalogResource.id.in_(ids[RESOURCE]))))
    contracts = list(session.scalars(select(Contract).where(Contract.id.in_(ids[CONTRACT]))))
    contractors = list(session.scalars(select(Contractor).where(Contractor.id.in_(ids[CONTRACTOR]))))
    reasons = _why_not(session, ids, resources, contracts, contractors)
    if reasons:
        shown = reasons[:MAX_REASONS]
        more = f" (and {len(reasons) - len(shown)} more)" if len(reasons) > len(shown) else ""
        raise Refused("This import cannot be undone, because what it created is in use or has changed since: "
                      + "; ".join(shown) + more + ". Nothing was removed.")
    for kind, rows in ((RESOURCE, resources), (CONTRACT, contracts), (CONTRACTOR, contractors)):
        for obj in rows:
            audit.record(session, actor.id, AUDIT_NAMES[kind], obj.id, "removed: import undone",
                         {"import": record.id, "name": [_label(kind, obj), None]})
            session.delete(obj)
        session.flush()  # resources before their contracts, contracts before their contractors
    record.undone_at, record.undone_by_id = audit.now(), actor.id
    audit.record(session, actor.id, AUDIT_ENTITY, record.id, "undone",
                 {"resources": len(resources), "contracts": len(contracts), "contractors": len(contractors)})
    session.flush()


def _label(kind: str, obj) -> str:
    if kind == CONTRACT:
        title = f" \u201c{obj.title}\u201d" if obj.title else ""
        return f"the contract with {obj.contractor.name}{title} signed {obj.executed_on:%m/%d/%Y}"
    return obj.name


def _why_not(session: Session, ids: dict[str, dict[int, RecordsImportItem]], resources: list[CatalogResource],
             contracts: list[Contract], contractors: list[Contractor]) -> list[str]:
    reasons: list[str] = []
    for kind, rows in ((RESOURCE, resources), (CONTRACT, contracts), (CONTRACTOR, contractors)):
        found = {obj.id for obj in rows}
        reasons += [f"a {kind.replace('catalog_', '')} it created ({n}) has since been removed"
                    for n in sorted(set(ids[kind]) - found)]
        for obj in rows:
            if obj.version != ids[kind][obj.id].version:
                reasons.append(f"{_label(kind, obj)} has been changed since the import")
    resource_ids, contract_ids, contractor_ids = set(ids[RESOURCE]), set(ids[CONTRACT]), set(ids[CONTRACTOR])
    names = {r.id: r.name for r in resources}
    if resource_ids:
        for rid, resource_id in session.execute(
                select(Request.id, func.coalesce(Request.catalog_resource_id, Request.renewal_of_id))
                .where(or_(Request.catalog_resource_id.in_(resource_ids), Request.renewal_of_id.in_(resource_ids)))
                .order_by(Request.id)):
            reasons.append(f"{names.get(resource_id, resource_id)} is linked to request {rid}")
        for resource_id in session.scalars(select(AccessibilityReview.catalog_resource_id).distinct()
                                           .where(AccessibilityReview.catalog_resource_id.in_(resource_ids))):
            reasons.append(f"{names.get(resource_id, resource_id)} has an accessibility review")
        for resource_id, case in session.execute(select(PlanException.catalog_resource_id,
                                                        PlanException.case_reference)
                                                 .where(PlanException.catalog_resource_id.in_(resource_ids))):
            reasons.append(f"{names.get(resource_id, resource_id)} has an IEP/504 exception ({case})")
    if contract_ids:
        for name in session.scalars(
                select(CatalogResource.name)
                .where(CatalogResource.contract_id.in_(contract_ids), CatalogResource.id.not_in(resource_ids))):
            reasons.append(f"{name}, not from this import, is covered by a contract it created")
        for what, model in (("an incident", Incident), ("a deletion request", DeletionRequest)):
            if session.scalar(select(func.count()).select_from(model).where(model.contract_id.in_(contract_ids))):
                reasons.append(f"{what} is recorded against a contract it created")
    if contractor_ids:
        others = session.scalar(select(func.count()).select_from(Contract).where(
            Contract.contractor_id.in_(contractor_ids), Contract.id.not_in(contract_ids)))
        if others:
            reasons.append(f"{others} contract(s) not from this import are with a contractor it created")
        for what, model in (("an incident", Incident), ("a deletion request", DeletionRequest)):
            if session.scalar(select(func.count()).select_from(model).where(model.contractor_id.in_(contractor_ids))):
                reasons.append(f"{what} is recorded against a contractor it created")
    return reasons
