"""The schema. Constraints that matter live here as CHECKs, not only in code."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator):
    """Aware UTC datetimes in, aware UTC datetimes out, on SQLite (which keeps no zone) and PostgreSQL."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use datetime.now(UTC)")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _in(column: str, values: list[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


STATUSES = ["draft", "submitted", "returned", "resubmitted", "approved", "not_approved", "withdrawn"]
ANSWERS = ["yes", "no", "not_sure"]
COVERAGES = ["none", "contract", "not_required", "iep_504_exception"]
PROVISION_IDS = [f"P{n}" for n in range(1, 12)]


class Setting(Base):
    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Person(Base):
    __tablename__ = "person"
    __table_args__ = (CheckConstraint(_in("role", ["requester", "reviewer", "administrator"]), name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    position: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(254), unique=True)  # stored casefolded
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Wrong passwords in a row; at the limit the account waits until locked_until (domain/sign_in.py).
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Set by an administrator's reset: the temporary password must be replaced at the next sign-in.
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class CatalogResource(Base):
    """A district-approved resource: what teachers search before filing a request."""

    __tablename__ = "catalog_resource"
    __table_args__ = (
        CheckConstraint(_in("permission", ["parental_required", "none_required"]), name="permission"),
        CheckConstraint(_in("coverage", COVERAGES), name="coverage"),
        # A contract link exactly when covered by a contract; a reason when none is required.
        CheckConstraint(
            "(coverage = 'contract') = (contract_id IS NOT NULL)"
            " AND (coverage <> 'not_required' OR length(trim(coverage_note)) > 0)",
            name="coverage_link",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    normalised_name: Mapped[str] = mapped_column(String(200), index=True)
    link: Mapped[str] = mapped_column(String(2000), default="")
    normalised_link: Mapped[str] = mapped_column(String(2000), default="", index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    permission: Mapped[str] = mapped_column(String(20))
    grades: Mapped[str] = mapped_column(String(64), default="")  # comma-separated Grade values
    not_used_by_students: Mapped[bool] = mapped_column(Boolean, default=False)
    approved_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_request_id: Mapped[int | None] = mapped_column(
        ForeignKey("request.id", use_alter=True, name="fk_catalog_resource_last_request_id_request")
    )
    # What makes the district's use of it lawful: a contract, no contract needed (with the reason),
    # an IEP/504 exception (the exceptions register comes later; `coverage_note` holds its case
    # reference until then), or nothing on file yet.
    coverage: Mapped[str] = mapped_column(String(20), default="none")
    contract_id: Mapped[int | None] = mapped_column(ForeignKey("contract.id"), index=True)
    coverage_note: Mapped[str] = mapped_column(Text, default="")
    # Set when a renewal was not approved: the tool is no longer approved, and its record stays.
    approval_ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)

    contract: Mapped[Contract | None] = relationship(back_populates="resources")
    plan_exceptions: Mapped[list[PlanException]] = relationship(order_by="PlanException.id")

    __mapper_args__ = {"version_id_col": version}


class Request(Base):
    """A staff request for approval of a technology resource: the paper form plus its workflow."""

    __tablename__ = "request"
    __table_args__ = (
        CheckConstraint(_in("status", STATUSES), name="status"),
        CheckConstraint(f"student_accounts IS NULL OR {_in('student_accounts', ANSWERS)}", name="student_accounts"),
        CheckConstraint(f"download_required IS NULL OR {_in('download_required', ANSWERS)}", name="download_required"),
        CheckConstraint(
            f"app_requires_parental_permission IS NULL OR {_in('app_requires_parental_permission', ANSWERS)}",
            name="app_permission",
        ),
        # The form's choices: approved ⇒ exactly one permission choice and no reason;
        # not approved ⇒ a reason and no permission choice; undecided ⇒ neither.
        CheckConstraint(
            "(decision IS NULL AND permission IS NULL AND reason IS NULL)"
            " OR (decision = 'approved' AND permission IS NOT NULL"
            "     AND permission IN ('parental_required', 'none_required') AND reason IS NULL)"
            " OR (decision = 'not_approved' AND permission IS NULL AND reason IS NOT NULL"
            "     AND length(trim(reason)) > 0)",
            name="decision_choice",
        ),
        # A decided status always has its decision, who made it and when; nothing else has one.
        CheckConstraint(
            "(decision IS NULL AND status NOT IN ('approved', 'not_approved')"
            "  AND decided_by_id IS NULL AND decided_at IS NULL)"
            " OR (decision IS NOT NULL AND decision = status AND decided_by_id IS NOT NULL AND decided_at IS NOT NULL)",
            name="decision_status",
        ),
        CheckConstraint("decided_by_id IS NULL OR decided_by_id <> requester_id", name="not_own_decision"),
        Index("ix_request_status_submitted", "status", "submitted_at"),
        # The latest refusals, newest first (the request form's "already decided" lookup).
        Index("ix_request_status_decided", "status", "decided_at"),
        # "All requests" in the queue, oldest first, read a page at a time.
        Index("ix_request_submitted", "submitted_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    requester_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    grades: Mapped[str] = mapped_column(String(64), default="")  # comma-separated Grade values
    not_used_by_students: Mapped[bool] = mapped_column(Boolean, default=False)
    resource_name: Mapped[str] = mapped_column(String(200), default="")
    resource_description: Mapped[str] = mapped_column(Text, default="")
    resource_link: Mapped[str] = mapped_column(String(2000), default="")
    planned_use: Mapped[str] = mapped_column(Text, default="")
    information_shared: Mapped[str] = mapped_column(String(1000), default="")  # comma-separated InfoCategory
    information_details: Mapped[str] = mapped_column(Text, default="")
    who_has_access: Mapped[str] = mapped_column(Text, default="")
    student_accounts: Mapped[str | None] = mapped_column(String(10))
    download_required: Mapped[str | None] = mapped_column(String(10))
    app_requires_parental_permission: Mapped[str | None] = mapped_column(String(10))

    decision: Mapped[str | None] = mapped_column(String(20))
    permission: Mapped[str | None] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    catalog_resource_id: Mapped[int | None] = mapped_column(ForeignKey("catalog_resource.id"))
    # The form as last submitted, so a resubmission's audit event can say what the requester changed.
    submitted_form: Mapped[dict | None] = mapped_column(JSON)
    # Not on the paper form: what the requester knows of the tool's accessibility.
    acr_available: Mapped[str | None] = mapped_column(String(10))
    claimed_conformance: Mapped[str | None] = mapped_column(String(20))
    known_barriers: Mapped[str] = mapped_column(Text, default="")
    # A renewal: the approved tool back for re-review (services/renewals.py), the decision it renews
    # (none for a tool imported without one), when it is due, and what the previous approval rested on.
    renewal_of_id: Mapped[int | None] = mapped_column(ForeignKey("catalog_resource.id"), index=True)
    renews_request_id: Mapped[int | None] = mapped_column(ForeignKey("request.id"))
    renewal_due_on: Mapped[date | None] = mapped_column(Date)
    renewal_basis: Mapped[dict | None] = mapped_column(JSON)
    # What an approval rested on when it was made (contract and accessibility status, as codes and
    # words), so that its renewal can show what changed since.
    decided_context: Mapped[dict | None] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, default=1)

    requester: Mapped[Person] = relationship(foreign_keys=[requester_id], lazy="joined", innerjoin=True)
    decided_by: Mapped[Person | None] = relationship(foreign_keys=[decided_by_id])
    renewal_of: Mapped[CatalogResource | None] = relationship(foreign_keys=[renewal_of_id])
    messages: Mapped[list[Message]] = relationship(back_populates="request", order_by="Message.id")

    __mapper_args__ = {"version_id_col": version}


class Message(Base):
    """The conversation on a request: a reviewer's question, the requester's answer, comments."""

    __tablename__ = "message"
    __table_args__ = (CheckConstraint(_in("kind", ["question", "answer", "comment"]), name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("request.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    kind: Mapped[str] = mapped_column(String(10))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())

    request: Mapped[Request] = relationship(back_populates="messages")
    author: Mapped[Person] = relationship(lazy="joined")


class AuditEvent(Base):
    """Append-only: the migration adds triggers that refuse UPDATE and DELETE."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_entity", "entity", "entity_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(40))
    # {"field": [old, new], ...} for changes; {"note": ...} for other details
    changes: Mapped[dict] = mapped_column(JSON, default=dict)
    # The hash chain (domain/audit_chain.py): this event's hash covers its content and prev_hash.
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    actor: Mapped[Person | None] = relationship(lazy="joined")


class AuditHead(Base):
    """The end of the audit chain, one row. Appending events locks it, so the chain follows commit order
    even with many desks writing; its event count is also the change counter that open lists poll."""

    __tablename__ = "audit_head"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    events: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))


class Contractor(Base):
    """An operator or consultant (C.G.S. 10-234aa) that receives student data under a contract."""

    __tablename__ = "contractor"
    __table_args__ = (CheckConstraint(_in("kind", ["operator", "consultant"]), name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    normalised_name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="operator")
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    contact_phone: Mapped[str] = mapped_column(String(50), default="")
    website: Mapped[str] = mapped_column(String(2000), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    contracts: Mapped[list[Contract]] = relationship(back_populates="contractor", order_by="Contract.executed_on")

    __mapper_args__ = {"version_id_col": version}


class ContractDocument(Base):
    """A signed contract file, kept inside the database so that every desk on a shared server sees
    the same document, and a backup of the database carries it. Content-addressed by SHA-256."""

    __tablename__ = "contract_document"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    size: Mapped[int] = mapped_column(Integer)


class Contract(Base):
    __tablename__ = "contract"
    __table_args__ = (
        CheckConstraint("expires_on IS NULL OR expires_on >= executed_on", name="expiry_after_execution"),
        CheckConstraint(
            "starts_on IS NULL OR expires_on IS NULL OR expires_on >= starts_on", name="expiry_after_start"
        ),
        CheckConstraint("amended_on IS NULL OR amend_notice_sent_on IS NOT NULL", name="amended_after_notice"),
        CheckConstraint("deletion_confirmed_on IS NULL OR expires_on IS NOT NULL", name="deletion_after_expiry"),
        CheckConstraint(
            "(document_sha256 IS NULL) = (document_name IS NULL)", name="document_named",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contractor_id: Mapped[int] = mapped_column(ForeignKey("contractor.id"), index=True)
    title: Mapped[str] = mapped_column(String(200), default="")  # e.g. "Data privacy agreement 2026"
    purpose: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    information_allowed: Mapped[str] = mapped_column(String(1000), default="")  # comma-separated InfoCategory
    information_details: Mapped[str] = mapped_column(Text, default="")
    executed_on: Mapped[date] = mapped_column(Date)
    starts_on: Mapped[date | None] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date, index=True)
    uses_state_addendum: Mapped[bool] = mapped_column(Boolean, default=False)
    amend_notice_sent_on: Mapped[date | None] = mapped_column(Date)
    amended_on: Mapped[date | None] = mapped_column(Date)
    notice_posted_on: Mapped[date | None] = mapped_column(Date)
    deletion_confirmed_on: Mapped[date | None] = mapped_column(Date)
    document_sha256: Mapped[str | None] = mapped_column(ForeignKey("contract_document.sha256"))
    document_name: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)

    contractor: Mapped[Contractor] = relationship(back_populates="contracts", lazy="joined", innerjoin=True)
    provisions: Mapped[list[ContractProvision]] = relationship(
        back_populates="contract", cascade="all, delete-orphan", order_by="ContractProvision.position"
    )
    resources: Mapped[list[CatalogResource]] = relationship(back_populates="contract")

    __mapper_args__ = {"version_id_col": version}


class ContractProvision(Base):
    """One of the eleven provisions the contract contains, with where it says so."""

    __tablename__ = "contract_provision"
    __table_args__ = (CheckConstraint(_in("provision", PROVISION_IDS), name="provision"),)

    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"), primary_key=True)
    provision: Mapped[str] = mapped_column(String(3), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)  # 1..11, for ordering
    clause: Mapped[str] = mapped_column(String(200), default="")  # e.g. "§ 4.2"
    # The sentence the coordinator accepted from the clause check as where the contract says so, and its page.
    evidence_quote: Mapped[str] = mapped_column(Text, default="", server_default="")
    evidence_page: Mapped[int | None] = mapped_column(Integer)

    contract: Mapped[Contract] = relationship(back_populates="provisions")


class DistrictClosure(Base):
    """A day the district is closed (snow day, recess): not a business day for the deadlines."""

    __tablename__ = "district_closure"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    label: Mapped[str] = mapped_column(String(100), default="")


class AnnualNotice(Base):
    """The yearly notice to students and parents of the contracts website's address (due September 1)."""

    __tablename__ = "annual_notice"

    school_year: Mapped[int] = mapped_column(Integer, primary_key=True)  # the year it starts
    drafted_on: Mapped[date | None] = mapped_column(Date)
    sent_on: Mapped[date | None] = mapped_column(Date)


# --- the law's other duties (C.G.S. 10-234dd, policy 3520.13 sections 5–7) ------------------------

INCIDENT_INVOLVES = ["student_information", "directory_information", "student_records", "student_generated_content"]


class Incident(Base):
    """An unauthorized release, disclosure or acquisition of student data at a contractor."""

    __tablename__ = "incident"
    __table_args__ = (
        CheckConstraint("students_affected IS NULL OR students_affected >= 0", name="students_affected"),
        CheckConstraint(
            "board_notified_on IS NULL OR board_notified_on >= discovered_on", name="notice_after_discovery"
        ),
        CheckConstraint("parents_notified_on IS NULL OR board_notified_on IS NOT NULL", name="parents_after_board"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contractor_id: Mapped[int] = mapped_column(ForeignKey("contractor.id"), index=True)
    contract_id: Mapped[int | None] = mapped_column(ForeignKey("contract.id"))
    discovered_on: Mapped[date] = mapped_column(Date)  # by the contractor
    involves: Mapped[str] = mapped_column(String(200), default="")  # comma-separated INCIDENT_INVOLVES
    students_affected: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text, default="")
    board_notified_on: Mapped[date | None] = mapped_column(Date)  # the contractor's notice reached the Board
    parents_notified_on: Mapped[date | None] = mapped_column(Date)  # affected students and parents told
    website_posted_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)

    contractor: Mapped[Contractor] = relationship(lazy="joined", innerjoin=True)
    contract: Mapped[Contract | None] = relationship()

    __mapper_args__ = {"version_id_col": version}


class DeletionRequest(Base):
    """A request that a contractor delete student data; who asked is a case reference, never a name."""

    __tablename__ = "deletion_request"
    __table_args__ = (
        CheckConstraint(_in("requested_by", ["student", "parent", "board"]), name="requested_by"),
        CheckConstraint(_in("outcome", ["open", "deleted", "legal_retention", "disaster_recovery"]), name="outcome"),
        CheckConstraint("(outcome = 'open') = (closed_on IS NULL)", name="closed_when_decided"),
        CheckConstraint("due_on >= requested_on", name="due_after_request"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contractor_id: Mapped[int] = mapped_column(ForeignKey("contractor.id"), index=True)
    contract_id: Mapped[int | None] = mapped_column(ForeignKey("contract.id"))
    requested_by: Mapped[str] = mapped_column(String(10))
    case_reference: Mapped[str] = mapped_column(String(100), default="")
    requested_on: Mapped[date] = mapped_column(Date)
    what: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[date] = mapped_column(Date)  # fixed when recorded, from the district's setting then
    outcome: Mapped[str] = mapped_column(String(20), default="open")
    closed_on: Mapped[date | None] = mapped_column(Date)  # deletion confirmed, or the exception recorded
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)

    contractor: Mapped[Contractor] = relationship(lazy="joined", innerjoin=True)

    __mapper_args__ = {"version_id_col": version}


EXCEPTION_CONDITIONS = ["ferpa_hipaa", "reasonable_effort", "operator_complies", "parent_signature", "ppt_signature"]


class PlanException(Base):
    """Policy 3520.13 section 7: a resource unique and necessary for a child's IEP or 504 plan, used
    without a compliant contract under the law's conditions. Identified by a case reference only."""

    __tablename__ = "plan_exception"
    __table_args__ = (CheckConstraint(_in("plan", ["iep", "504"]), name="plan"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_reference: Mapped[str] = mapped_column(String(100))
    plan: Mapped[str] = mapped_column(String(3))
    catalog_resource_id: Mapped[int] = mapped_column(ForeignKey("catalog_resource.id"), index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)

    conditions: Mapped[list[PlanExceptionCondition]] = relationship(
        back_populates="exception", cascade="all, delete-orphan", order_by="PlanExceptionCondition.position"
    )

    __mapper_args__ = {"version_id_col": version}


class PlanExceptionCondition(Base):
    """One condition of the exception, met on a date, with its evidence in the document store."""

    __tablename__ = "plan_exception_condition"
    __table_args__ = (
        CheckConstraint(_in("condition", EXCEPTION_CONDITIONS), name="condition"),
        CheckConstraint("(document_sha256 IS NULL) = (document_name IS NULL)", name="document_named"),
    )

    exception_id: Mapped[int] = mapped_column(ForeignKey("plan_exception.id", ondelete="CASCADE"), primary_key=True)
    condition: Mapped[str] = mapped_column(String(20), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    met_on: Mapped[date | None] = mapped_column(Date)
    document_sha256: Mapped[str | None] = mapped_column(ForeignKey("contract_document.sha256"))
    document_name: Mapped[str | None] = mapped_column(String(255))

    exception: Mapped[PlanException] = relationship(back_populates="conditions")


class PermissionTally(Base):
    """Parental permission for a tool approved with "additional parental notification and permission":
    per class (counts) or per student case reference (expected 1), never a student's name."""

    __tablename__ = "permission_tally"
    __table_args__ = (
        CheckConstraint("expected >= 0 AND granted >= 0 AND refused >= 0", name="non_negative"),
        CheckConstraint("granted + refused <= expected", name="not_more_than_expected"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("request.id"), index=True)
    label: Mapped[str] = mapped_column(String(100))  # "Grade 3 – Room 12" or a case reference
    expected: Mapped[int] = mapped_column(Integer)
    granted: Mapped[int] = mapped_column(Integer, default=0)
    refused: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


IMPORTED_ENTITIES = ["contractor", "contract", "catalog_resource"]


class RecordsImport(Base):
    """One import of a district's own spreadsheet of approved resources and contracts, with the records it
    created (records_import_item), so that it can be undone as a whole."""

    __tablename__ = "records_import"
    __table_args__ = (CheckConstraint("(undone_at IS NULL) = (undone_by_id IS NULL)", name="undone_by"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(255))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime())
    imported_by_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    rows: Mapped[int] = mapped_column(Integer)  # data rows in the file
    skipped: Mapped[int] = mapped_column(Integer, default=0)  # repeats and resources already approved
    left_out: Mapped[int] = mapped_column(Integer, default=0)  # rows with problems, when only valid rows were imported
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    undone_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))

    imported_by: Mapped[Person] = relationship(foreign_keys=[imported_by_id])
    undone_by: Mapped[Person | None] = relationship(foreign_keys=[undone_by_id])
    items: Mapped[list[RecordsImportItem]] = relationship(
        back_populates="records_import", cascade="all, delete-orphan", order_by="RecordsImportItem.source_row"
    )


class RecordsImportItem(Base):
    """A record an import created: which, from which row, and its version then (a later change to it
    shows as another version, and keeps the import from being undone)."""

    __tablename__ = "records_import_item"
    __table_args__ = (
        CheckConstraint(_in("entity", IMPORTED_ENTITIES), name="entity"),
        Index("ix_records_import_item_record", "entity", "entity_id"),
    )

    import_id: Mapped[int] = mapped_column(ForeignKey("records_import.id", ondelete="CASCADE"), primary_key=True)
    entity: Mapped[str] = mapped_column(String(20), primary_key=True)
    entity_id: Mapped[int] = mapped_column(Integer, primary_key=True)  # no foreign key: undo deletes the record
    source_row: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)

    records_import: Mapped[RecordsImport] = relationship(back_populates="items")


def _drop_nul(_target, value, _oldvalue, _initiator):
    return value.replace("\x00", "") if isinstance(value, str) and "\x00" in value else value


# PostgreSQL's text types cannot hold NUL (U+0000): psycopg refuses the whole statement. Nobody types it,
# but a paste can carry it into any field. The forms' cleaning drops it before validation
# (domain.validation.clean_text); this drops it from every other text as it is set, so the object in the
# session and the stored row agree on either engine.
for _mapper in Base.registry.mappers:
    for _column in _mapper.column_attrs:
        if isinstance(_column.columns[0].type, String):  # Text too
            event.listen(_column.class_attribute, "set", _drop_nul, retval=True)


# --- accessibility of the tools (ADA Title II) -----------------------------------------------------

FINDINGS = ["conforms", "partially_conforms", "does_not_conform", "unknown"]
CLAIMS = ["wcag_22_aa", "wcag_21_aa", "wcag_20_aa", "partial", "none", "not_sure"]


class AccessibilityReview(Base):
    """A reviewer's accessibility review of a tool, kept as history: the newest is the tool's status.
    Recorded on a request (before the tool is in the catalog) or on the catalog entry; a request's
    reviews join its entry when it is approved."""

    __tablename__ = "accessibility_review"
    __table_args__ = (
        CheckConstraint(_in("finding", FINDINGS), name="finding"),
        CheckConstraint(f"claimed IS NULL OR {_in('claimed', CLAIMS)}", name="claimed"),
        # Falling short of WCAG 2.1 AA needs an equally effective alternative on record.
        CheckConstraint("finding NOT IN ('partially_conforms', 'does_not_conform')"
                        " OR length(trim(alternative_plan)) > 0", name="plan_when_short"),
        CheckConstraint("request_id IS NOT NULL OR catalog_resource_id IS NOT NULL", name="of_something"),
        CheckConstraint("(document_sha256 IS NULL) = (document_name IS NULL)", name="document_named"),
        CheckConstraint("document_sha256 IS NULL OR acr_on_file", name="document_is_acr"),
        Index("ix_accessibility_review_resource", "catalog_resource_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    catalog_resource_id: Mapped[int | None] = mapped_column(ForeignKey("catalog_resource.id"))
    request_id: Mapped[int | None] = mapped_column(ForeignKey("request.id"), index=True)
    acr_on_file: Mapped[bool] = mapped_column(Boolean, default=False)
    # The ACR itself, in the same content-addressed store as signed contracts.
    document_sha256: Mapped[str | None] = mapped_column(ForeignKey("contract_document.sha256"))
    document_name: Mapped[str | None] = mapped_column(String(255))
    claimed: Mapped[str | None] = mapped_column(String(20))
    finding: Mapped[str] = mapped_column(String(20))
    alternative_plan: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    reviewed_on: Mapped[date] = mapped_column(Date)
    reviewed_by_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())

    reviewed_by: Mapped[Person] = relationship(lazy="joined")


# --- notifications: the outbox of email messages ----------------------------------------------------

OUTBOX_STATUSES = ["pending", "sent", "failed"]
LANGUAGES = ["en", "es"]


class OutboxMessage(Base):
    """An email written in the same transaction as the change that causes it, waiting for the sender
    (techapproval/mail). `message_id` is its Message-ID header, unique: a message is written once, and a
    message sent again after a crash carries the same id. `claimed_until` keeps two senders off one message."""

    __tablename__ = "outbox_message"
    __table_args__ = (
        CheckConstraint(_in("status", OUTBOX_STATUSES), name="status"),
        CheckConstraint(_in("language", LANGUAGES), name="language"),
        Index("ix_outbox_message_due", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[str] = mapped_column(String(255), unique=True)
    kind: Mapped[str] = mapped_column(String(30))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("request.id"))
    recipient: Mapped[str] = mapped_column(String(254))
    language: Mapped[str] = mapped_column(String(5))
    subject: Mapped[str] = mapped_column(String(300))
    body_text: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class NotificationPreference(Base):
    """What one person wants by email: their language, the kinds they turned off, their digest's hour."""

    __tablename__ = "notification_preference"
    __table_args__ = (
        CheckConstraint(_in("language", LANGUAGES), name="language"),
        CheckConstraint("digest_hour >= 0 AND digest_hour <= 23", name="digest_hour"),
    )

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), primary_key=True)
    language: Mapped[str] = mapped_column(String(5), default="en")
    turned_off: Mapped[str] = mapped_column(String(200), default="")  # comma-separated kinds
    digest_hour: Mapped[int] = mapped_column(Integer, default=7)
