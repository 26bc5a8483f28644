"""Renewals: approved tools back in the review queue when the district's renewal period or their
contract runs out.

A renewal is a Request (renewal_of_id: the catalog entry), so the queue, the request window, questions
and answers, the decision and its PDF all work for it. Approved, it renews the entry (approved_at moves,
and with it the next renewal date); not approved, the tool's approval ends (catalog.record_decision).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db import locks
from ..db.models import CatalogResource, Contract, Person, Request
from ..domain.contracts import Coverage, format_day
from ..domain.deadlines import Obligation, ObligationKind
from ..domain.district_time import local_day
from ..domain.enums import Decision, Grade, InfoCategory, Permission, RequestStatus, format_grades
from ..domain.renewals import MAX_OPEN, RenewalRef, opens_on
from ..domain.validation import RequestForm
from . import audit, notifications
from .access import REVIEWERS, acting
from .compliance_context import ComplianceContext, compliance_context
from .errors import Invalid, NotFound, Refused
from .requests import apply_form, check_visible, form_of, form_values, load_request

OPEN = (RequestStatus.SUBMITTED.value, RequestStatus.RETURNED.value, RequestStatus.RESUBMITTED.value)
NOT_RECORDED = "Not recorded (approved before this version)"


# --- which tools are due --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Previous:
    request_id: int
    requester_id: int
    requester_name: str
    active: bool


@dataclass(frozen=True)
class _DueTool:
    resource_id: int
    name: str
    due: date
    open_request: tuple[int, datetime | None] | None  # (id, submitted_at) of its open renewal
    withdrawn: bool  # a renewal for this due date was withdrawn: it is not opened again by itself
    previous: _Previous | None  # the requester of its latest approved request


def _due_tools(session: Session, ctx: ComplianceContext) -> list[_DueTool]:
    """The approved tools whose renewal has opened (its lead time reached) on ctx.on, by due date: in
    three statements, however many tools there are."""
    rows = session.execute(
        select(CatalogResource.id, CatalogResource.name, CatalogResource.approved_at, CatalogResource.coverage,
               Contract.expires_on)
        .outerjoin(Contract, Contract.id == CatalogResource.contract_id)
        .where(CatalogResource.approval_ended_at.is_(None))
        .order_by(CatalogResource.id)
    ).all()
    due: dict[int, tuple[str, date]] = {}
    for r in rows:
        expires = r.expires_on if r.coverage == Coverage.CONTRACT.value else None
        day = ctx.renewal_due(r.approved_at, expires)
        if day is not None and opens_on(day) <= ctx.on:
            due[r.id] = (r.name, day)
    ids = select(CatalogResource.id).where(CatalogResource.approval_ended_at.is_(None))
    renewals: dict[int, list] = {}
    for r in session.execute(
        select(Request.renewal_of_id, Request.id, Request.status, Request.submitted_at, Request.renewal_due_on)
        .where(Request.renewal_of_id.in_(ids)).order_by(Request.id)
    ):
        renewals.setdefault(r.renewal_of_id, []).append(r)
    latest: dict[int, _Previous] = {}
    for r in session.execute(
        select(Request.catalog_resource_id, Request.id, Request.requester_id, Person.name, Person.active)
        .join(Request.requester)
        .where(Request.status == RequestStatus.APPROVED.value, Request.catalog_resource_id.in_(ids))
        .order_by(Request.decided_at, Request.id)
    ):
        latest[r.catalog_resource_id] = _Previous(r.id, r.requester_id, r.name, r.active)  # newest wins
    found = []
    for resource_id, (name, day) in due.items():
        mine = renewals.get(resource_id, [])
        open_ = next(((r.id, r.submitted_at) for r in mine if r.status in OPEN), None)
        withdrawn = any(r.status == RequestStatus.WITHDRAWN.value and r.renewal_due_on == day for r in mine)
        found.append(_DueTool(resource_id, name, day, open_, withdrawn, latest.get(resource_id)))
    return sorted(found, key=lambda t: (t.due, t.resource_id))


# --- opening renewals -------------------------------------------------------------------------------


def _basis(session: Session, entry: CatalogResource, previous: Request | None) -> dict:
    """What the renewal re-reviews: the previous decision as it was, and what it rested on."""
    if previous is None:  # imported, or approved before requests were kept: the entry is the record
        return {"request_id": None, "decision": Decision.APPROVED.value, "permission": entry.permission,
                "decided_on": local_day(entry.approved_at).isoformat(), "decided_by": "",
                "information_shared": None, "grades": entry.grades,
                "not_used_by_students": entry.not_used_by_students, "decided_context": None}
    return {"request_id": previous.id, "decision": previous.decision, "permission": previous.permission,
            "decided_on": local_day(previous.decided_at).isoformat() if previous.decided_at else None,
            "decided_by": previous.decided_by.name if previous.decided_by else "",
            "information_shared": previous.information_shared, "grades": previous.grades,
            "not_used_by_students": previous.not_used_by_students, "decided_context": previous.decided_context}


def _form_from_entry(entry: CatalogResource) -> RequestForm:
    """For a tool with no request on file: what the catalog knows; the reviewer asks for the rest."""
    return RequestForm(
        grades=[Grade(g) for g in entry.grades.split(",") if g], not_used_by_students=entry.not_used_by_students,
        resource_name=entry.name, resource_description=entry.description, resource_link=entry.link,
    )


def _latest_approved(session: Session, entry_id: int) -> Request | None:
    return session.scalar(
        select(Request).where(Request.catalog_resource_id == entry_id, Request.status == RequestStatus.APPROVED.value)
        .order_by(Request.decided_at.desc(), Request.id.desc()).limit(1)
    )


def _open(session: Session, actor: Person, entry: CatalogResource, requester_id: int, due: date | None) -> Request:
    previous = _latest_approved(session, entry.id)
    form = form_of(previous) if previous is not None else _form_from_entry(entry)
    values = form_values(form)
    now = audit.now()
    r = Request(requester_id=requester_id, status=RequestStatus.SUBMITTED.value, created_at=now, updated_at=now,
                submitted_at=now, submitted_form=values, renewal_of_id=entry.id,
                renews_request_id=previous.id if previous is not None else None, renewal_due_on=due,
                renewal_basis=_basis(session, entry, previous))
    apply_form(r, form)
    session.add(r)
    session.flush()
    audit.record(session, actor.id, "request", r.id, "renewal opened",
                 {"status": [None, r.status], "renewal_of": [None, entry.id],
                  "renews_request": [None, r.renews_request_id],
                  "renewal_due_on": [None, due.isoformat() if due else None], **audit.diff({}, values)})
    notifications.renewal_opened(session, r)
    return r


def open_due_renewals(session: Session, actor_id: int, on: date | None = None) -> int:
    """Put every approved tool whose renewal has opened back in the review queue, as a renewal request by
    the staff member who asked for it last (if they are still active: otherwise a reviewer chooses, see
    open_renewal). Safe to call any number of times: returns how many it opened."""
    actor = acting(session, actor_id, *REVIEWERS)
    locks.hold(session, locks.RENEWALS)  # two desks refreshing at once must not open the same renewal twice
    ctx = compliance_context(session, on)
    tools = _due_tools(session, ctx)
    room = MAX_OPEN - _open_count(session)
    opened = 0
    for tool in tools:  # soonest due first
        if opened >= room:
            break
        if tool.open_request is not None or tool.withdrawn or tool.previous is None or not tool.previous.active:
            continue
        _open(session, actor, session.get(CatalogResource, tool.resource_id), tool.previous.requester_id, tool.due)
        opened += 1
    return opened


def _open_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Request)
                          .where(Request.renewal_of_id.is_not(None), Request.status.in_(OPEN))) or 0


@dataclass(frozen=True)
class StaffChoice:
    id: int
    name: str
    position: str


def renewal_staff_choices(session: Session, actor_id: int) -> list[StaffChoice]:
    """Who may be named as using a tool whose renewal is opened by hand: active staff, not the reviewer
    who opens it (a reviewer does not decide their own request)."""
    actor = acting(session, actor_id, *REVIEWERS)
    people = session.scalars(select(Person).where(Person.active.is_(True), Person.id != actor.id)
                             .order_by(Person.name, Person.id))
    return [StaffChoice(p.id, p.name, p.position) for p in people]


def open_renewal(session: Session, actor_id: int, resource_id: int, staff_id: int | None) -> int:
    """A reviewer opens a tool's renewal now, naming the staff member who uses it (for a tool imported
    without a request, or whose requester has left). Returns the renewal request's id."""
    actor = acting(session, actor_id, *REVIEWERS)
    locks.hold(session, locks.RENEWALS)
    entry = session.get(CatalogResource, resource_id) if resource_id is not None else None
    if entry is None:
        raise NotFound("This resource is no longer in the catalog.")
    if entry.approval_ended_at is not None:
        raise Refused(f"{entry.name} is no longer approved: its last renewal was not approved. A staff member "
                      "who wants to use it files a new request.")
    if staff_id is None:
        raise Invalid({"staff": "Choose the staff member who uses this tool."})
    staff = session.get(Person, staff_id)
    if staff is None or not staff.active:
        raise Invalid({"staff": "Choose an active staff member."})
    if staff.id == actor.id:
        raise Invalid({"staff": "You cannot review or decide your own request: choose the staff member who "
                                "uses the tool, or ask another reviewer to open it."})
    already = session.scalar(select(Request.id).where(Request.renewal_of_id == entry.id, Request.status.in_(OPEN))
                             .limit(1))
    if already is not None:
        raise Refused(f"The renewal of {entry.name} is already in the review queue (request {already}).")
    ctx = compliance_context(session)
    contract = session.get(Contract, entry.contract_id) if entry.contract_id else None
    due = ctx.renewal_due(entry.approved_at, contract.expires_on if contract is not None else None)
    return _open(session, actor, entry, staff.id, due).id


# --- the comparison ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ComparisonRow:
    label: str
    previous: str
    now: str
    changed: bool
    known: bool = True  # False: the previous value was not recorded, so whether it changed is not known


def _decision_words(decision: str | None, permission: str | None) -> str:
    if decision == Decision.APPROVED.value and permission:
        return f"{Decision.APPROVED.label}: {Permission(permission).short_label.lower()}"
    return Decision(decision).label if decision else ""


def _information(text: str | None) -> str:
    cats = [InfoCategory(c) for c in (text or "").split(",") if c]
    return ", ".join(c.label for c in cats) if cats else "Nothing listed"


def _grades(text: str | None, not_used: bool) -> str:
    return format_grades([Grade(g) for g in (text or "").split(",") if g], not_used) or "None listed"


def renewal_comparison(session: Session, actor_id: int, request_id: int) -> list[ComparisonRow]:
    """A renewal's previous decision beside what is true now: the decision, the contract status, the
    accessibility status, the information shared and the grades. For reviewers and the renewal's requester."""
    actor = acting(session, actor_id)
    r = load_request(session, request_id)
    check_visible(actor, r)  # the requester's own, or a reviewer's
    if r.renewal_of_id is None:
        return []
    from . import accessibility  # with the catalog's status rules: loaded when a comparison is first shown
    from .catalog import ONE_RESOURCE_LOADS, resource_status_of, status_words

    basis = r.renewal_basis or {}
    context = basis.get("decided_context") or {}
    ctx = compliance_context(session)
    entry = session.get(CatalogResource, r.renewal_of_id, options=ONE_RESOURCE_LOADS)
    rows = []

    decided_on = basis.get("decided_on")
    when = format_day(date.fromisoformat(decided_on)) if decided_on else ""
    by = basis.get("decided_by") or ("imported with the catalog" if basis.get("request_id") is None else "")
    previous = ", ".join(p for p in (_decision_words(basis.get("decision"), basis.get("permission")),
                                     f"on {when}" if when else "", f"by {by}" if by else "") if p)
    if RequestStatus(r.status).is_decided:
        now = ", ".join(p for p in (_decision_words(r.decision, r.permission),
                                    f"on {format_day(local_day(r.decided_at))}",
                                    f"by {r.decided_by.name}" if r.decided_by else "") if p)
        changed = (r.decision, r.permission) != (basis.get("decision"), basis.get("permission"))
    else:
        now = f"Under review: decide by {format_day(r.renewal_due_on)}" if r.renewal_due_on else "Under review"
        changed = False
    rows.append(ComparisonRow("Decision", previous, now, changed))

    status = resource_status_of(entry, ctx)
    contract_now = status_words(status)
    if context.get("contract_state"):
        rows.append(ComparisonRow("Contract status", context.get("contract", ""), contract_now,
                                  context["contract_state"] != status.state.value))
    else:
        rows.append(ComparisonRow("Contract status", NOT_RECORDED, contract_now, False, known=False))

    access = accessibility.status_of_resource(session, entry.id, ctx)
    if context.get("accessibility_state"):
        rows.append(ComparisonRow("Accessibility", context.get("accessibility", ""), access.text,
                                  context["accessibility_state"] != access.state.value))
    else:
        rows.append(ComparisonRow("Accessibility", NOT_RECORDED, access.text, False, known=False))

    info_now = _information(r.information_shared)
    if basis.get("information_shared") is None:
        rows.append(ComparisonRow("Information shared", "Not recorded (no request on file)", info_now, False,
                                  known=False))
    else:
        before = {c for c in basis["information_shared"].split(",") if c}
        rows.append(ComparisonRow("Information shared", _information(basis["information_shared"]), info_now,
                                  before != {c for c in r.information_shared.split(",") if c}))

    grades_before = _grades(basis.get("grades"), bool(basis.get("not_used_by_students")))
    grades_now = _grades(r.grades, r.not_used_by_students)
    rows.append(ComparisonRow("Grades", grades_before, grades_now, grades_before != grades_now))
    return rows


# --- the dashboard ----------------------------------------------------------------------------------


def open_obligations(session: Session, ctx: ComplianceContext) -> list[Obligation]:
    """One RENEWAL_DUE obligation per approved tool whose renewal has opened or is overdue; `ref` is a
    RenewalRef. No role check: the caller (compliance.deadlines) has made it."""
    found = []
    full = _open_count(session) >= MAX_OPEN
    for tool in _due_tools(session, ctx):
        if tool.open_request is not None:
            request_id, since = tool.open_request
            text = (f"In the review queue since {format_day(local_day(since)) if since else 'today'}; "
                    f"decide by {format_day(tool.due)}.")
        elif tool.withdrawn:
            text = "The renewal was withdrawn: choose who uses it to open the renewal again."
            request_id = None
        elif tool.previous is not None and tool.previous.active:
            when = (f"once fewer than {MAX_OPEN} renewals wait there" if full
                    else "when the queue is next read")
            text = (f"Opens in the review queue for {tool.previous.requester_name} {when}; "
                    f"decide by {format_day(tool.due)}.")
            request_id = None
        else:
            text = "No staff member on file: choose who uses it to open the renewal."
            request_id = None
        found.append(Obligation(ObligationKind.RENEWAL_DUE, tool.name, tool.due, ctx.on > tool.due, text,
                                RenewalRef(tool.resource_id, request_id)))
    return found
