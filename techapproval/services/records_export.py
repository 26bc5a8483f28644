"""Export the records (requests and their decisions, approved resources, contracts, incidents, deletion
requests, IEP/504 exceptions, the audit trail) as CSV or XLSX, for a public-records request or an auditor.
Reviewers and administrators.

Read a page at a time: each page is a short transaction of its own (on SQLite a transaction holds the write
lock others wait for), selecting plain columns, never ORM objects, so ten years of a district cost the
memory of one page. Each table is read up to the last record that existed when the export began, by
record number, so rows added meanwhile do not make it longer than the progress bar said.

What is exported is what the app keeps: staff names and positions (public records here), case references
as recorded (never a student's name: the app stores none). Drafts are not exported: a draft is its author's
own until submitted, and only its author sees it. Dates are ISO 8601 (YYYY-MM-DD) in CSV; times are
Connecticut's, with their UTC offset in CSV; a cell is empty where there is nothing.

The export is recorded in the audit trail (who, the format, which tables and how many rows; not the data)
in the same transaction that renames the file into place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from ..db.database import Database
from ..db.models import (
    AccessibilityReview,
    AuditEvent,
    CatalogResource,
    Contract,
    Contractor,
    ContractProvision,
    DeletionRequest,
    Incident,
    Person,
    PlanException,
    PlanExceptionCondition,
    Request,
)
from ..domain.contract_form import ContractorKind
from ..domain.contracts import (
    PROVISIONS,
    ContractTerms,
    Coverage,
    Provision,
    contract_status,
    details_to_complete,
    website_notice_deadline,
)
from ..domain.deletions import Outcome, Requester, deletion_state
from ..domain.district_time import LOCAL
from ..domain.enums import (
    AccessibilityFinding,
    Answer,
    ClaimedConformance,
    Decision,
    Grade,
    InfoCategory,
    Permission,
    RequestStatus,
)
from ..domain.exceptions import Condition, Plan, exception_status, required_conditions
from ..domain.incidents import IncidentFacts, incident_timeline, involves_text, parse_involves
from ..domain.workflow import Action
from ..export.writers import TableFormat, TableLayout, open_writer
from . import accessibility, audit
from .access import REVIEWERS, acting
from .catalog import ENTRY_COLUMNS, _entries, _exceptions_in
from .compliance_context import ComplianceContext, compliance_context, contract_terms_in
from .errors import Invalid

PAGE = 2_000  # rows per read: a short transaction each
AUDIT_ENTITY = "records_export"

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class Column:
    header: str
    width: int = 12  # in characters, for the sheet


# --- cell values ------------------------------------------------------------------------------------


def _local(t: datetime | None) -> datetime | None:
    return t.astimezone(LOCAL) if t is not None else None


@lru_cache(maxsize=1024)
def _label(enum: type, value: str | None) -> str | None:
    """The words people see for a stored value; the value itself if it is not one the app knows."""
    if value is None or value == "":
        return None
    try:
        return enum(value).label
    except ValueError:
        return value


_GRADE_ORDER = {g.value: g.order for g in Grade}


@lru_cache(maxsize=4096)  # the same grade lists recur over thousands of rows
def _grades(text: str) -> str:
    grades = [g for g in text.split(",") if g]
    return ", ".join(sorted(grades, key=lambda g: _GRADE_ORDER.get(g, 99)))


@lru_cache(maxsize=4096)
def _categories(text: str) -> str:
    return "; ".join(_label(InfoCategory, c) or "" for c in text.split(",") if c)


def _words(text: str) -> str:
    """A status sentence without the mark (✔ ⚠ ◷ ✖ …) the screens show before it."""
    if text[:1] and not text[:1].isalnum() and text[1:2] == " ":
        return text[2:]
    return text


def _none_if_empty(text: str | None) -> str | None:
    return text if text else None


# --- the tables -------------------------------------------------------------------------------------
# Each reader returns one page of rows, each row a tuple of cell values whose first is the record's number
# (the page's key): the records numbered after `after` up to `upto`, at most `limit`, in number order.


@dataclass(frozen=True)
class Reading:
    """What every page is computed against: the day and calendar of the compliance rules."""

    compliance: ComplianceContext


Reader = Callable[[Session, Reading, int, int, int], list[tuple]]


@dataclass(frozen=True)
class RecordTable:
    key: str  # for the command line and the audit trail
    title: str  # the sheet's name, and the table's name in the dialog
    file_stem: str  # the CSV file's name
    columns: tuple[Column, ...]
    id_column: object  # the record number, counted and paged by
    where: tuple = ()  # which records are exported
    read: Reader | None = None

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)

    def layout(self) -> TableLayout:
        return TableLayout(self.title, self.file_stem, self.headers, tuple(c.width for c in self.columns))


REQUEST_COLUMNS = (
    Column("Request number", 10), Column("Status", 16), Column("Requester", 24), Column("Position", 20),
    Column("Submitted (Connecticut time)", 20), Column("Grades", 14), Column("Not used by students", 10),
    Column("Name of the resource", 30), Column("Description", 40), Column("Link", 30),
    Column("How the requester plans to use it", 40), Column("Information shared", 40),
    Column("Details of the information shared", 30), Column("Who will have access", 30),
    Column("Students sign up for an account", 12), Column("Students download an application", 12),
    Column("The application requires parental permission", 12),
    Column("Accessibility report (VPAT/ACR) available", 12), Column("Accessibility the vendor claims", 20),
    Column("Known accessibility barriers", 30), Column("Decision", 24),
    Column("Parental permission", 30), Column("Reason (not approved)", 40), Column("Decided by", 24),
    Column("Decided (Connecticut time)", 20), Column("Approved resource number", 10),
    Column("Renewal of resource number", 10), Column("Renewal due", 11),
    Column("Last changed (Connecticut time)", 20),
)

_decider = aliased(Person)


def _read_requests(session: Session, reading: Reading, after: int, upto: int, limit: int) -> list[tuple]:
    rows = session.execute(
        select(Request.id, Request.status, Person.name, Person.position, Request.submitted_at, Request.grades,
               Request.not_used_by_students, Request.resource_name, Request.resource_description,
               Request.resource_link, Request.planned_use, Request.information_shared,
               Request.information_details, Request.who_has_access, Request.student_accounts,
               Request.download_required, Request.app_requires_parental_permission, Request.acr_available,
               Request.claimed_conformance, Request.known_barriers, Request.decision,
               Request.permission, Request.reason, _decider.name, Request.decided_at, Request.catalog_resource_id,
               Request.renewal_of_id, Request.renewal_due_on, Request.updated_at)
        .join(Person, Person.id == Request.requester_id)
        .outerjoin(_decider, _decider.id == Request.decided_by_id)
        .where(*REQUESTS_WHERE, Request.id > after, Request.id <= upto)
        .order_by(Request.id).limit(limit)
    )
    return [
        (r[0], _label(RequestStatus, r[1]), r[2], _none_if_empty(r[3]), _local(r[4]), _none_if_empty(_grades(r[5])),
         r[6], *(_none_if_empty(v) for v in r[7:11]), _none_if_empty(_categories(r[11])),
         _none_if_empty(r[12]), _none_if_empty(r[13]), _label(Answer, r[14]), _label(Answer, r[15]),
         _label(Answer, r[16]), _label(Answer, r[17]), _label(ClaimedConformance, r[18]), _none_if_empty(r[19]),
         _label(Decision, r[20]), _label(Permission, r[21]), r[22], r[23], _local(r[24]), r[25], r[26], r[27],
         _local(r[28]))
        for r in rows
    ]


REQUESTS_WHERE = (Request.status != RequestStatus.DRAFT.value, Request.submitted_at.is_not(None))  # never drafts

CONTRACT_COLUMNS = (
    Column("Contract number", 10), Column("Contractor", 28), Column("Contractor type", 16),
    Column("Contractor website", 28), Column("Title", 28), Column("Purpose", 36), Column("Description", 36),
    Column("Student data allowed", 40), Column("Details of the data allowed", 30), Column("Executed", 11),
    Column("Starts", 11), Column("Expires", 11), Column("Uses the state addendum", 10),
    *(Column(f"{p.value}: {p.text}", 14) for p in PROVISIONS),
    Column("Provisions missing", 16), Column("Notice to amend sent", 11), Column("Amended", 11),
    Column("Website notice due", 11), Column("Website notice posted", 11), Column("Deletion confirmed", 11),
    Column("Compliance status", 20), Column("Compliance details", 50), Column("Signed document", 24),
    Column("Recorded (Connecticut time)", 20), Column("Last changed (Connecticut time)", 20),
)


def _read_contracts(session: Session, reading: Reading, after: int, upto: int, limit: int) -> list[tuple]:
    rows = session.execute(
        select(Contract.id, Contractor.name, Contractor.kind, Contractor.website, Contract.title, Contract.purpose,
               Contract.description, Contract.information_allowed, Contract.information_details,
               Contract.executed_on, Contract.starts_on, Contract.expires_on, Contract.uses_state_addendum,
               Contract.amend_notice_sent_on, Contract.amended_on, Contract.notice_posted_on,
               Contract.deletion_confirmed_on, Contract.document_name, Contract.created_at, Contract.updated_at)
        .join(Contractor, Contractor.id == Contract.contractor_id)
        .where(Contract.id > after, Contract.id <= upto).order_by(Contract.id).limit(limit)
    ).all()
    clauses: dict[int, dict[Provision, str]] = {}
    if rows:
        for contract_id, provision, clause in session.execute(
            select(ContractProvision.contract_id, ContractProvision.provision, ContractProvision.clause)
            .where(ContractProvision.contract_id.in_([r.id for r in rows]))
        ):
            try:
                clauses.setdefault(contract_id, {})[Provision(provision)] = clause
            except ValueError:
                continue
    ctx = reading.compliance
    found = []
    for r in rows:
        contained = clauses.get(r.id, {})
        terms = ContractTerms(
            executed=r.executed_on, expires=r.expires_on, provisions=frozenset(contained),
            uses_state_addendum=r.uses_state_addendum, amend_notice_sent=r.amend_notice_sent_on,
            amended=r.amended_on, notice_posted=r.notice_posted_on, deletion_confirmed=r.deletion_confirmed_on,
            to_complete=details_to_complete(bool(r.purpose), bool(r.description), bool(r.information_allowed)),
        )
        status = contract_status(terms, ctx.on, ctx.calendar, ctx.amend_days)
        found.append((
            r.id, r.name, ContractorKind.LABELS.get(r.kind, r.kind), _none_if_empty(r.website),
            _none_if_empty(r.title), _none_if_empty(r.purpose), _none_if_empty(r.description),
            _none_if_empty(_categories(r.information_allowed)), _none_if_empty(r.information_details),
            r.executed_on, r.starts_on, r.expires_on, r.uses_state_addendum,
            *(_provision(p, contained, r.uses_state_addendum) for p in PROVISIONS),
            _none_if_empty(", ".join(p.value for p in terms.missing())),
            r.amend_notice_sent_on, r.amended_on, website_notice_deadline(r.executed_on, ctx.calendar),
            r.notice_posted_on, r.deletion_confirmed_on, status.state.label, " ".join(status.problems) or status.reason,
            r.document_name, _local(r.created_at), _local(r.updated_at),
        ))
    return found


def _provision(p: Provision, contained: dict[Provision, str], addendum: bool) -> str:
    if p in contained:
        clause = contained[p].strip()
        return f"Yes ({clause})" if clause else "Yes"
    return "Yes (state addendum)" if addendum else "Missing"


CATALOG_COLUMNS = (
    Column("Resource number", 10), Column("Name", 30), Column("Link", 30), Column("Description", 40),
    Column("Parental permission", 26), Column("Grades", 14), Column("Not used by students", 10),
    Column("Approved (Connecticut time)", 20), Column("Request number", 10), Column("Coverage", 20),
    Column("Contract number", 10), Column("Reason no contract is required, or case reference", 30),
    Column("Compliance status", 20), Column("Compliance details", 50), Column("Due", 11),
    Column("Accessibility", 20), Column("Accessibility details", 40), Column("Renewal due", 11),
    Column("Approval ended, renewal not approved (Connecticut time)", 20),
)


def _read_catalog(session: Session, reading: Reading, after: int, upto: int, limit: int) -> list[tuple]:
    page = (select(*ENTRY_COLUMNS, CatalogResource.last_request_id, CatalogResource.approval_ended_at)
            .where(CatalogResource.id > after, CatalogResource.id <= upto).order_by(CatalogResource.id).limit(limit))
    rows = session.execute(page).all()
    if not rows:
        return []
    ids = [r.id for r in rows]
    terms = contract_terms_in(session, select(CatalogResource.contract_id).where(CatalogResource.id.in_(ids)))
    exceptions = _exceptions_in(session, select(CatalogResource.id).where(
        CatalogResource.id.in_(ids), CatalogResource.coverage == Coverage.IEP_504_EXCEPTION.value))
    access = accessibility.statuses_in(session, select(CatalogResource.id).where(CatalogResource.id.in_(ids)),
                                       reading.compliance)
    found = []
    for r, e in zip(rows, _entries(rows, terms, exceptions, reading.compliance, access), strict=True):
        a = e.accessibility
        renewal_due = e.renewal_due if r.approval_ended_at is None else None
        found.append((
            e.id, e.name, _none_if_empty(e.link), _none_if_empty(e.description), e.permission.short_label,
            _none_if_empty(_grades(r.grades)), e.not_used_by_students, _local(e.approved_at), r.last_request_id,
            e.coverage.label, e.contract_id, _none_if_empty(e.coverage_note.strip()), e.status.state.label,
            " ".join(e.status.problems) or e.status.reason, e.status.due,
            a.state.label if a else None, a.text if a else None, renewal_due, _local(r.approval_ended_at),
        ))
    return found


INCIDENT_COLUMNS = (
    Column("Incident number", 10), Column("Contractor", 28), Column("Contract number", 10),
    Column("Discovered by the contractor", 11), Column("Involves", 40), Column("Students affected", 10),
    Column("Description", 40), Column("Contractor's notice due", 11), Column("Board notified", 11),
    Column("Notice to students and parents due", 11), Column("Students and parents notified", 11),
    Column("Posted on the district website", 11), Column("Status", 20), Column("Status details", 50),
    Column("Recorded (Connecticut time)", 20), Column("Last changed (Connecticut time)", 20),
)


def _read_incidents(session: Session, reading: Reading, after: int, upto: int, limit: int) -> list[tuple]:
    rows = session.execute(
        select(Incident.id, Contractor.name, Incident.contract_id, Incident.discovered_on, Incident.involves,
               Incident.students_affected, Incident.description, Incident.board_notified_on,
               Incident.parents_notified_on, Incident.website_posted_on, Incident.created_at, Incident.updated_at)
        .join(Contractor, Contractor.id == Incident.contractor_id)
        .where(Incident.id > after, Incident.id <= upto).order_by(Incident.id).limit(limit)
    )
    ctx = reading.compliance
    found = []
    for r in rows:
        involves = parse_involves(r.involves)
        timeline = incident_timeline(
            IncidentFacts(r.discovered_on, involves, r.board_notified_on, r.parents_notified_on, r.website_posted_on),
            ctx.on, ctx.calendar,
        )
        found.append((
            r.id, r.name, r.contract_id, r.discovered_on, _none_if_empty(involves_text(involves)),
            r.students_affected, _none_if_empty(r.description), timeline.contractor_notice.due, r.board_notified_on,
            timeline.family_notice.due, r.parents_notified_on, r.website_posted_on, timeline.state.label,
            _words(timeline.headline), _local(r.created_at), _local(r.updated_at),
        ))
    return found


DELETION_COLUMNS = (
    Column("Deletion request number", 10), Column("Contractor", 28), Column("Contract number", 10),
    Column("Requested by", 18), Column("Case reference", 18), Column("Requested", 11),
    Column("What is to be deleted", 40), Column("Due", 11), Column("Outcome", 30), Column("Closed", 11),
    Column("Note", 30), Column("Status", 50), Column("Recorded (Connecticut time)", 20),
)


def _read_deletions(session: Session, reading: Reading, after: int, upto: int, limit: int) -> list[tuple]:
    rows = session.execute(
        select(DeletionRequest.id, Contractor.name, DeletionRequest.contract_id, DeletionRequest.requested_by,
               DeletionRequest.case_reference, DeletionRequest.requested_on, DeletionRequest.what,
               DeletionRequest.due_on, DeletionRequest.outcome, DeletionRequest.closed_on, DeletionRequest.note,
               DeletionRequest.created_at)
        .join(Contractor, Contractor.id == DeletionRequest.contractor_id)
        .where(DeletionRequest.id > after, DeletionRequest.id <= upto).order_by(DeletionRequest.id).limit(limit)
    )
    on = reading.compliance.on
    return [
        (r.id, r.name, r.contract_id, _label(Requester, r.requested_by), _none_if_empty(r.case_reference),
         r.requested_on, _none_if_empty(r.what), r.due_on, _label(Outcome, r.outcome), r.closed_on,
         _none_if_empty(r.note), _words(deletion_state(r.requested_on, r.due_on, r.outcome, r.closed_on, on)[0]),
         _local(r.created_at))
        for r in rows
    ]


EXCEPTION_COLUMNS = (
    Column("Exception number", 10), Column("Case reference", 18), Column("Plan", 12),
    Column("Resource number", 10), Column("Resource", 28),
    *(Column(f"Met on: {c.short}", 14) for c in Condition),
    Column("Conditions with evidence attached", 10), Column("Status", 14), Column("Conditions missing", 40),
    Column("Notes", 40), Column("Recorded (Connecticut time)", 20),
)
NOT_FOR_504 = "Not required for a 504 plan"


def _read_exceptions(session: Session, reading: Reading, after: int, upto: int, limit: int) -> list[tuple]:
    rows = session.execute(
        select(PlanException.id, PlanException.case_reference, PlanException.plan,
               PlanException.catalog_resource_id, CatalogResource.name, PlanException.notes, PlanException.created_at)
        .join(CatalogResource, CatalogResource.id == PlanException.catalog_resource_id)
        .where(PlanException.id > after, PlanException.id <= upto).order_by(PlanException.id).limit(limit)
    ).all()
    met: dict[int, dict[Condition, date | None]] = {}
    evidence: dict[int, set[Condition]] = {}
    if rows:
        for exception_id, condition, met_on, document in session.execute(
            select(PlanExceptionCondition.exception_id, PlanExceptionCondition.condition,
                   PlanExceptionCondition.met_on, PlanExceptionCondition.document_name)
            .where(PlanExceptionCondition.exception_id.in_([r.id for r in rows]))
        ):
            try:
                c = Condition(condition)
            except ValueError:
                continue
            met.setdefault(exception_id, {})[c] = met_on
            if document:
                evidence.setdefault(exception_id, set()).add(c)
    found = []
    for r in rows:
        try:
            plan = Plan(r.plan)
        except ValueError:
            plan = Plan.IEP  # every condition applies
        required = required_conditions(plan)
        status = exception_status(plan, met.get(r.id, {}), evidence.get(r.id, set()))
        dates = tuple(met.get(r.id, {}).get(c) if c in required else NOT_FOR_504 for c in Condition)
        attached = sum(1 for c in required if c in evidence.get(r.id, set()))
        found.append((
            r.id, r.case_reference, plan.short, r.catalog_resource_id, r.name, *dates,
            f"{attached} of {len(required)}", "Complete" if status.complete else "Incomplete",
            _none_if_empty("; ".join(c.short for c in status.missing)), _none_if_empty(r.notes),
            _local(r.created_at),
        ))
    return found


REVIEW_COLUMNS = (
    Column("Review number", 10), Column("Approved resource number", 10), Column("Resource", 30),
    Column("Request number", 10), Column("Finding", 20), Column("Conformance the vendor claims", 20),
    Column("Accessibility report on file", 10), Column("Report file", 24), Column("Reviewed", 11),
    Column("Reviewed by", 24), Column("Equally effective alternative plan", 50), Column("Notes", 40),
    Column("Recorded (Connecticut time)", 20),
)
_reviewer = aliased(Person)


def _read_reviews(session: Session, reading: Reading, after: int, upto: int, limit: int) -> list[tuple]:
    rows = session.execute(
        select(AccessibilityReview.id, AccessibilityReview.catalog_resource_id,
               func.coalesce(CatalogResource.name, Request.resource_name), AccessibilityReview.request_id,
               AccessibilityReview.finding, AccessibilityReview.claimed, AccessibilityReview.acr_on_file,
               AccessibilityReview.document_name, AccessibilityReview.reviewed_on, _reviewer.name,
               AccessibilityReview.alternative_plan, AccessibilityReview.notes, AccessibilityReview.created_at)
        .outerjoin(CatalogResource, CatalogResource.id == AccessibilityReview.catalog_resource_id)
        .outerjoin(Request, Request.id == AccessibilityReview.request_id)
        .join(_reviewer, _reviewer.id == AccessibilityReview.reviewed_by_id)
        .where(AccessibilityReview.id > after, AccessibilityReview.id <= upto)
        .order_by(AccessibilityReview.id).limit(limit)
    )
    return [
        (r[0], r[1], r[2], r[3], _label(AccessibilityFinding, r[4]), _label(ClaimedConformance, r[5]), r[6], r[7],
         r[8], r[9], _none_if_empty(r[10]), _none_if_empty(r[11]), _local(r[12]))
        for r in rows
    ]


AUDIT_COLUMNS = (
    Column("Event number", 10), Column("When (Connecticut time)", 20), Column("Who", 24),
    Column("Record type", 18), Column("Record number", 10), Column("What happened", 24), Column("Details", 60),
    Column("Hash", 20), Column("Previous hash", 20),
)
ENTITY_LABELS = {
    "request": "Request", "catalog": "Approved resource", "contract": "Contract", "contractor": "Contractor",
    "closure": "District closure", "annual_notice": "Yearly notice to parents", "setting": "Settings",
    "deletion_request": "Deletion request", "plan_exception": "IEP/504 exception", "person": "Person",
    "incident": "Incident", "accessibility_review": "Accessibility review", AUDIT_ENTITY: "Records export",
}


def _read_audit(session: Session, reading: Reading, after: int, upto: int, limit: int) -> list[tuple]:
    rows = session.execute(
        select(AuditEvent.id, AuditEvent.at, AuditEvent.actor_id, Person.name, AuditEvent.entity,
               AuditEvent.entity_id, AuditEvent.action, AuditEvent.changes, AuditEvent.hash, AuditEvent.prev_hash)
        .outerjoin(Person, Person.id == AuditEvent.actor_id)
        .where(AuditEvent.id > after, AuditEvent.id <= upto).order_by(AuditEvent.id).limit(limit)
    )
    return [
        (r.id, _local(r.at), r.name if r.actor_id is not None else "System",
         ENTITY_LABELS.get(r.entity, r.entity.replace("_", " ").capitalize()), r.entity_id, _action(r.action),
         _none_if_empty(details_text(r.changes)), r.hash, r.prev_hash)
        for r in rows
    ]


@lru_cache(maxsize=256)
def _action(action: str) -> str:
    """A request's workflow step in the form's words ("not_approve": "Not approved"); other events are
    recorded in words already ("contract added")."""
    return _label(Action, action) or action


def details_text(changes: object) -> str:
    """An event's details in words: "status: submitted → approved; note: …"."""
    if not isinstance(changes, dict):
        return _value_text(changes)
    parts = []
    for key, value in changes.items():
        if isinstance(value, list) and len(value) == 2:
            parts.append(f"{key}: {_value_text(value[0])} \u2192 {_value_text(value[1])}")
        else:
            parts.append(f"{key}: {_value_text(value)}")
    return "; ".join(parts)


def _value_text(value: object) -> str:
    if value is None:
        return "(none)"
    if value == "":
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(_value_text(v) for v in value) or "(none)"
    if isinstance(value, dict):
        return "{" + details_text(value) + "}"
    return str(value)


TABLES: tuple[RecordTable, ...] = (
    RecordTable("requests", "Requests", "requests", REQUEST_COLUMNS, Request.id, REQUESTS_WHERE, _read_requests),
    RecordTable("resources", "Approved resources", "approved-resources", CATALOG_COLUMNS, CatalogResource.id,
                read=_read_catalog),
    RecordTable("contracts", "Contracts", "contracts", CONTRACT_COLUMNS, Contract.id, read=_read_contracts),
    RecordTable("incidents", "Incidents", "incidents", INCIDENT_COLUMNS, Incident.id, read=_read_incidents),
    RecordTable("deletions", "Deletion requests", "deletion-requests", DELETION_COLUMNS, DeletionRequest.id,
                read=_read_deletions),
    RecordTable("exceptions", "IEP-504 exceptions", "iep-504-exceptions", EXCEPTION_COLUMNS, PlanException.id,
                read=_read_exceptions),
    RecordTable("accessibility", "Accessibility reviews", "accessibility-reviews", REVIEW_COLUMNS,
                AccessibilityReview.id, read=_read_reviews),
    RecordTable("audit", "Audit trail", "audit-trail", AUDIT_COLUMNS, AuditEvent.id, read=_read_audit),
)
TABLE_KEYS: tuple[str, ...] = tuple(t.key for t in TABLES)
_BY_KEY = {t.key: t for t in TABLES}


# --- the export -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportResult:
    destination: Path
    format: TableFormat
    files: tuple[Path, ...]  # what was written (nothing when cancelled)
    rows: dict[str, int]  # rows written per table, by key, in export order
    total: int  # rows the export expected when it began
    cancelled: bool

    @property
    def row_count(self) -> int:
        return sum(self.rows.values())


def chosen_tables(keys: Iterable[str] | None) -> tuple[RecordTable, ...]:
    """The tables by key, in the export's own order; all of them for None."""
    if keys is None:
        return TABLES
    wanted = set(keys)
    unknown = wanted - set(TABLE_KEYS)
    if unknown:
        raise Invalid({"tables": f"No table is called {', '.join(sorted(unknown))}; the tables are "
                                 f"{', '.join(TABLE_KEYS)}."})
    if not wanted:
        raise Invalid({"tables": "Choose at least one table to export."})
    return tuple(t for t in TABLES if t.key in wanted)


def check_destination(fmt: TableFormat | str, destination: Path) -> None:
    """A plain refusal before any reading: a file format given a folder, or CSV files given a file."""
    fmt, destination = TableFormat(fmt), Path(destination)
    if fmt is TableFormat.CSV:
        if destination.exists() and not destination.is_dir():
            raise Invalid({"destination": f"{destination} is a file; CSV files are saved into a folder."})
    elif destination.is_dir():
        raise Invalid({"destination": f"{destination} is a folder; give the name of the file to save."})


def export_records(
    db: Database, actor_id: int, destination: Path, fmt: TableFormat | str = TableFormat.XLSX,
    tables: Iterable[str] | None = None, *, progress: Progress | None = None, cancelled: Cancelled | None = None,
    on: date | None = None, page_size: int = PAGE,
) -> ExportResult:
    """Write the chosen tables (default: all) to `destination`: an .xlsx workbook, a folder of .csv files, or
    a .zip of them. `progress(done, total)` is called with rows written, starting with (0, total); when
    `cancelled()` turns true the export stops before the next page and nothing is left under the final
    names. Compliance is computed for the day `on` (today). Reviewers and administrators."""
    fmt, destination = TableFormat(fmt), Path(destination)
    chosen = chosen_tables(tables)
    check_destination(fmt, destination)
    stop = cancelled or (lambda: False)
    with db.transaction() as session:
        acting(session, actor_id, *REVIEWERS)
        reading = Reading(compliance_context(session, on))
        limits = {t.key: _limit(session, t) for t in chosen}
    total = sum(count for _, count in limits.values())
    if progress:
        progress(0, total)
    if fmt is not TableFormat.CSV:
        destination.parent.mkdir(parents=True, exist_ok=True)
    writer = open_writer(fmt, destination)
    written: dict[str, int] = {}
    try:
        for table in chosen:
            writer.table(table.layout())
            upto, _ = limits[table.key]
            after, written[table.key] = 0, 0
            while True:
                if stop():
                    writer.discard()
                    return ExportResult(destination, fmt, (), written, total, True)
                with db.transaction() as session:
                    rows = table.read(session, reading, after, upto, page_size)
                if not rows:
                    break
                writer.rows(rows)
                after = rows[-1][0]
                written[table.key] += len(rows)
                if progress:
                    progress(min(sum(written.values()), total), total)
                if len(rows) < page_size:
                    break
        if stop():
            writer.discard()
            return ExportResult(destination, fmt, (), written, total, True)
        writer.finish()  # the slow part (a workbook is zipped here): before the transaction, not in it
        files = _commit(db, actor_id, writer, fmt, destination, chosen, written)
    except BaseException:
        writer.discard()
        raise
    return ExportResult(destination, fmt, tuple(files), written, total, False)


def _limit(session: Session, table: RecordTable) -> tuple[int, int]:
    """(the last record number now, how many records up to it are exported)."""
    upto = session.scalar(select(func.max(table.id_column))) or 0
    count = session.scalar(select(func.count()).select_from(table.id_column.table)
                           .where(*table.where, table.id_column <= upto)) or 0
    return upto, count


def _commit(db: Database, actor_id: int, writer, fmt: TableFormat, destination: Path,
            chosen: Sequence[RecordTable], written: dict[str, int]) -> list[Path]:
    """Record the export and rename the files into place in one short transaction (renames only): a refusal
    (the person's role changed meanwhile) or a failure to record it leaves no file; a failed rename records
    nothing."""
    files: list[Path] = []
    try:
        with db.transaction() as session:
            actor = acting(session, actor_id, *REVIEWERS)
            audit.record(session, actor.id, AUDIT_ENTITY, 0, "records exported", {
                "format": fmt.value, "file": destination.name,
                "tables": {t.title: written.get(t.key, 0) for t in chosen}, "rows": sum(written.values()),
            })
            files = writer.commit()
    except BaseException:
        for path in files:  # renamed, but the export could not be recorded: take it back
            path.unlink(missing_ok=True)
        raise
    return files


def table_titles() -> list[tuple[str, str]]:
    """(key, title) of every table, in export order: for the dialog's and the command line's lists."""
    return [(t.key, t.title) for t in TABLES]


def headers_of(key: str) -> tuple[str, ...]:
    return _BY_KEY[key].headers
