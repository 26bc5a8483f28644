"""The request use cases: drafts, submission, questions and answers, decisions.

Each takes a session and the acting person's id, checks the role and the workflow, and writes
the audit trail. Nothing here trusts the screen to have checked anything.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from enum import StrEnum

from sqlalchemy import ColumnElement, and_, case, column, func, literal_column, or_, select, table
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..db import search as search_index
from ..db.models import Message, Person, Request
from ..domain.district_time import local_day, spelled_day
from ..domain.enums import Answer, ClaimedConformance, Decision, Grade, InfoCategory, Permission, RequestStatus, Role
from ..domain.validation import RequestForm, clean_text, too_long, validate_decision, validate_form
from ..domain.workflow import EDITABLE, Action, WorkflowError, allowed_actions, next_status
from . import audit, notifications
from .access import REVIEWERS, acting
from .errors import Conflict, Invalid, NotAllowed, NotFound, Refused

# --- views handed to screens ------------------------------------------------------------------


@dataclass(frozen=True)
class RequestRow:
    id: int
    status: RequestStatus
    requester_name: str
    resource_name: str
    grades: tuple[Grade, ...]
    not_used_by_students: bool
    submitted_at: datetime | None
    updated_at: datetime
    permission: Permission | None
    app_requires_permission: Answer | None = None  # the requester's answer, shown until a decision
    renewal: bool = False  # an approved tool back for re-review (services/renewals.py)

    def days_waiting(self, now: datetime | None = None) -> int | None:
        """Days since (re)submission while the request waits for a reviewer."""
        if not self.status.awaits_reviewer or self.submitted_at is None:
            return None
        return max(0, ((now or datetime.now(UTC)) - self.submitted_at).days)


@dataclass(frozen=True)
class MessageView:
    at: datetime
    author: str
    kind: str
    body: str


@dataclass(frozen=True)
class RequestDetail:
    id: int
    version: int
    status: RequestStatus
    requester_id: int
    requester_name: str
    requester_position: str
    form: RequestForm
    created_at: datetime
    submitted_at: datetime | None
    decision: Decision | None
    permission: Permission | None
    reason: str
    decided_by: str
    decided_at: datetime | None
    messages: tuple[MessageView, ...]
    history: tuple[audit.HistoryEntry, ...]
    actions: tuple[Action, ...]  # what the person who asked may do now
    catalog_resource_id: int | None
    renewal_of_id: int | None = None  # a renewal: the catalog entry it renews (services/renewals.py)
    renewal_due_on: date | None = None


# --- mapping between the form and the row -----------------------------------------------------

FORM_FIELDS = [f.name for f in fields(RequestForm)]


def form_of(r: Request) -> RequestForm:
    def answer(v: str | None) -> Answer | None:
        return Answer(v) if v else None

    return RequestForm(
        grades=[Grade(g) for g in r.grades.split(",") if g],
        not_used_by_students=r.not_used_by_students,
        resource_name=r.resource_name,
        resource_description=r.resource_description,
        resource_link=r.resource_link,
        planned_use=r.planned_use,
        information_shared=[InfoCategory(c) for c in r.information_shared.split(",") if c],
        information_details=r.information_details,
        who_has_access=r.who_has_access,
        student_accounts=answer(r.student_accounts),
        download_required=answer(r.download_required),
        app_requires_parental_permission=answer(r.app_requires_parental_permission),
        acr_available=answer(r.acr_available),
        claimed_conformance=ClaimedConformance(r.claimed_conformance) if r.claimed_conformance else None,
        known_barriers=r.known_barriers or "",
    )


def form_values(form: RequestForm) -> dict[str, object]:
    """The form as JSON-ready values, for the row, the audit trail and the submitted snapshot."""
    values: dict[str, object] = {}
    for name in FORM_FIELDS:
        value = getattr(form, name)
        if isinstance(value, list):
            value = ",".join(v.value for v in value)
        elif isinstance(value, StrEnum):  # Answer, ClaimedConformance
            value = value.value
        values[name] = value
    return values


def apply_form(r: Request, form: RequestForm) -> None:
    for name, value in form_values(form).items():
        setattr(r, name, value)


# --- reading ----------------------------------------------------------------------------------


def load_request(session: Session, request_id: int) -> Request:
    r = session.get(Request, request_id)
    if r is None:
        raise NotFound(f"Request {request_id} does not exist.")
    return r


# What the review queue, its counts and the records export hold: requests that were submitted. A request
# never submitted (a draft, or one withdrawn as a draft) is its author's alone: never among the
# coordinator's withdrawn requests.
SUBMITTED_ONCE = (Request.status != RequestStatus.DRAFT.value, Request.submitted_at.is_not(None))


def check_visible(actor: Person, r: Request) -> None:
    """Requesters see their own requests; reviewers see everything but other people's drafts (and
    requests never submitted)."""
    if r.requester_id == actor.id:
        return
    if Role(actor.role) not in REVIEWERS:
        raise NotAllowed("You can only see your own requests.")
    if r.status == RequestStatus.DRAFT.value or r.submitted_at is None:
        raise NotAllowed("This request is still a draft; only its author can see it.")


def actions_for(actor: Person, r: Request) -> tuple[Action, ...]:
    own = r.requester_id == actor.id
    reviewer = Role(actor.role) in REVIEWERS
    return tuple(
        a for a in allowed_actions(RequestStatus(r.status))
        if (a.by_reviewer and reviewer and not own) or (not a.by_reviewer and own)
    )


def get_request(session: Session, actor_id: int, request_id: int) -> RequestDetail:
    actor = acting(session, actor_id)
    r = load_request(session, request_id)
    check_visible(actor, r)
    messages = session.scalars(
        select(Message).where(Message.request_id == r.id).order_by(Message.id)
    )
    return RequestDetail(
        id=r.id, version=r.version, status=RequestStatus(r.status), requester_id=r.requester_id,
        requester_name=r.requester.name, requester_position=r.requester.position, form=form_of(r),
        created_at=r.created_at, submitted_at=r.submitted_at,
        decision=Decision(r.decision) if r.decision else None,
        permission=Permission(r.permission) if r.permission else None,
        reason=r.reason or "", decided_by=r.decided_by.name if r.decided_by else "", decided_at=r.decided_at,
        messages=tuple(MessageView(m.created_at, m.author.name, m.kind, m.body) for m in messages),
        history=tuple(audit.history(session, "request", r.id)),
        actions=actions_for(actor, r), catalog_resource_id=r.catalog_resource_id,
        renewal_of_id=r.renewal_of_id, renewal_due_on=r.renewal_due_on,
    )


# What a list row shows, read as plain columns: sorting a page of 50,000 requests carries only these.
ROW_COLUMNS = (Request.id, Request.status, Person.name, Request.resource_name, Request.grades,
               Request.not_used_by_students, Request.submitted_at, Request.updated_at, Request.permission,
               Request.app_requires_parental_permission, Request.renewal_of_id)


def _row(r) -> RequestRow:
    return RequestRow(
        r.id, RequestStatus(r.status), r.name, r.resource_name,
        tuple(Grade(g) for g in r.grades.split(",") if g), r.not_used_by_students, r.submitted_at, r.updated_at,
        Permission(r.permission) if r.permission else None,
        Answer(r.app_requires_parental_permission) if r.app_requires_parental_permission else None,
        renewal=r.renewal_of_id is not None,
    )


def list_my_requests(session: Session, actor_id: int) -> list[RequestRow]:
    actor = acting(session, actor_id)
    query = (select(*ROW_COLUMNS).join(Request.requester).where(Request.requester_id == actor.id)
             .order_by(Request.updated_at.desc()))
    return [_row(r) for r in session.execute(query)]


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class QueueSort(StrEnum):
    """The review queue's columns, each sorted in the database: the queue is read a page at a time."""

    STATUS = "status"
    REQUESTER = "requester"
    RESOURCE = "resource"
    GRADES = "grades"
    SUBMITTED = "submitted"
    DAYS_WAITING = "days_waiting"
    PERMISSION = "permission"


QUEUE_PAGE = 100  # rows per read: a few screens


def _matching(session: Session, text: str) -> ColumnElement[bool]:
    """Requests with the text in their resource's name or link or their requester's name, any case:
    through the search index when the database has one (see db/search.py)."""
    conn = session.connection()
    pattern = _like(text.lower())
    if search_index.in_use(conn):
        table_ = search_index.REQUEST_TABLE
        if len(text) >= search_index.MIN_CHARS:
            found = (select(literal_column("rowid")).select_from(table(table_))
                     .where(literal_column(table_).op("MATCH")(search_index.phrase(text))))
        else:  # too short for trigrams: LIKE over the index's own narrow copy of the three columns
            columns = ("c0", "c1", "c2")  # FTS5's content table: its columns in order, c0 onwards
            stored = table(f"{table_}_content", column("id"), *(column(c) for c in columns))
            found = select(stored.c.id).where(or_(*(stored.c[c].like(pattern, escape="\\") for c in columns)))
        return Request.id.in_(found)
    return or_(
        func.lower(Request.resource_name).like(pattern, escape="\\"),
        func.lower(Request.resource_link).like(pattern, escape="\\"),
        func.lower(Person.name).like(pattern, escape="\\"),
    )


def _grade_order() -> ColumnElement[int]:
    """The lowest grade's place in school order (grades are stored in that order), 99 for none."""
    return case(*((or_(Request.grades == g.value, Request.grades.like(f"{g.value},%")), g.order) for g in Grade),
                else_=99)


def _permission_text() -> ColumnElement[str]:
    """What the Permission column shows, lower-cased: the decision's choice, or the requester's answer
    to "does the app require parental permission?" while the request is undecided."""
    undecided = Request.status.not_in([s.value for s in RequestStatus if s.is_decided])
    return case(
        *((Request.permission == p.value, p.short_label.casefold()) for p in Permission),
        *((and_(undecided, Request.app_requires_parental_permission == a.value),
           f"app needs permission? {a.label}".casefold()) for a in Answer),
        else_="",
    )


def _queue_order(sort: QueueSort, descending: bool) -> list[ColumnElement]:
    def way(column: ColumnElement, flip: bool = False) -> ColumnElement:
        return column.desc() if descending != flip else column.asc()

    submitted = Request.submitted_at
    first_submitted = [submitted.desc().nulls_first() if descending else submitted.asc().nulls_last()]
    match sort:
        case QueueSort.STATUS:
            keys = [way(case(*((Request.status == s.value, i) for i, s in enumerate(RequestStatus)))), *first_submitted]
        case QueueSort.REQUESTER:
            keys = [way(func.lower(Person.name)), *first_submitted]
        case QueueSort.RESOURCE:
            keys = [way(func.lower(Request.resource_name)), *first_submitted]
        case QueueSort.GRADES:
            keys = [way(_grade_order()), *first_submitted]
        case QueueSort.DAYS_WAITING:  # those not waiting count as -1 days; more days = submitted earlier
            waiting = case((Request.status.in_([s.value for s in RequestStatus if s.awaits_reviewer]), 1), else_=0)
            keys = [way(waiting), way(submitted, flip=True)]
        case QueueSort.PERMISSION:
            keys = [way(_permission_text()), *first_submitted]
        case _:
            keys = first_submitted
    return [*keys, Request.id]


def list_queue(
    session: Session, actor_id: int, statuses: set[RequestStatus] | None = None, search: str = "", *,
    sort: QueueSort = QueueSort.SUBMITTED, descending: bool = False, offset: int = 0, limit: int | None = None,
) -> list[RequestRow]:
    """Everything but drafts, oldest waiting first (or sorted by a column); filtered by status and by
    words in the resource, link or requester's name. `offset` and `limit` read one page of it."""
    acting(session, actor_id, *REVIEWERS)
    query = select(*ROW_COLUMNS).join(Request.requester).where(*SUBMITTED_ONCE)
    if statuses:
        query = query.where(Request.status.in_([s.value for s in statuses]))
    if text := clean_text(search):  # a pasted NUL would fail the query on PostgreSQL
        query = query.where(_matching(session, text))
    query = query.order_by(*_queue_order(sort, descending)).offset(offset).limit(limit)
    return [_row(r) for r in session.execute(query)]


def queue_counts(session: Session, actor_id: int) -> dict[RequestStatus, int]:
    acting(session, actor_id, *REVIEWERS)
    rows = session.execute(
        select(Request.status, func.count()).where(*SUBMITTED_ONCE)
        .group_by(Request.status)
    )
    counts = {s: 0 for s in RequestStatus if s is not RequestStatus.DRAFT}
    counts.update({RequestStatus(status): n for status, n in rows})
    return counts


# --- changing ---------------------------------------------------------------------------------


def save_draft(session: Session, actor_id: int, request_id: int | None, form: RequestForm) -> int:
    """Save the requester's form as they type. Creates the draft on first save; returns its id.

    A draft is private to its author, so its autosaves are not audited one by one: the audit trail
    records the whole form at submission, and what changed at each resubmission.
    """
    actor = acting(session, actor_id)
    form = form.cleaned()
    if errors := validate_form(form, submitting=False):
        raise Invalid(errors)
    now = audit.now()
    if request_id is None:
        r = Request(requester_id=actor.id, status=RequestStatus.DRAFT.value, created_at=now, updated_at=now)
        apply_form(r, form)
        session.add(r)
        session.flush()
        audit.record(session, actor.id, "request", r.id, "draft started", {})
        return r.id
    r = load_request(session, request_id)
    if r.requester_id != actor.id:
        raise NotAllowed("Only the person who wrote this request can change it.")
    if RequestStatus(r.status) not in EDITABLE:
        raise Refused(f"This request is {RequestStatus(r.status).label.lower()}; it can no longer be changed.")
    if form_values(form_of(r)) != form_values(form):
        apply_form(r, form)
        r.updated_at = now
    return r.id


def _transition(session: Session, r: Request, action: Action, actor: Person, expected_version: int | None,
                changes: dict | None = None) -> RequestStatus:
    if expected_version is not None and r.version != expected_version:
        raise _conflict(r)
    try:
        new = next_status(RequestStatus(r.status), action)
    except WorkflowError as exc:
        raise Refused(str(exc)) from None
    audit.record(session, actor.id, "request", r.id, action.value,
                 {"status": [r.status, new.value], **(changes or {})})
    r.status = new.value
    r.updated_at = audit.now()
    return new


def _conflict(r: Request) -> Conflict:
    status = RequestStatus(r.status)
    if status.is_decided:
        who = f" by {r.decided_by.name}" if r.decided_by else ""
        when = f" on {spelled_day(local_day(r.decided_at))}" if r.decided_at else ""
        what = Decision(r.decision).label
        if r.permission:
            what += f" ({Permission(r.permission).short_label.lower()})"
        elif r.reason:
            what += f": {r.reason}"
        end = "" if what.endswith((".", "!", "?")) else "."  # a reason has its own full stop
        return Conflict(f"Someone else already decided this request{who}{when}: {what}{end} Nothing was changed.")
    return Conflict(f"Someone else changed this request (it is now {status.label.lower()}). "
                    "Reopen it to see the latest; nothing was changed.")


def _own(actor: Person, r: Request) -> None:
    if r.requester_id != actor.id:
        raise NotAllowed("Only the person who wrote this request can do this.")


def _review(actor: Person, r: Request) -> None:
    if Role(actor.role) not in REVIEWERS:
        raise NotAllowed("Only a reviewer can do this.")
    if r.requester_id == actor.id:
        raise NotAllowed("You cannot review or decide your own request; another reviewer must.")


def _text(name: str, value: str, empty: str) -> str:
    value = clean_text(value)
    if not value:
        raise Invalid({name: empty})
    if message := too_long(name, value):
        raise Invalid({name: message})
    return value


def _add_message(session: Session, r: Request, actor: Person, kind: str, body: str) -> None:
    session.add(Message(request_id=r.id, author_id=actor.id, kind=kind, body=body, created_at=audit.now()))


def submit_request(session: Session, actor_id: int, request_id: int) -> RequestStatus:
    actor = acting(session, actor_id)
    r = load_request(session, request_id)
    _own(actor, r)
    form = form_of(r)
    if RequestStatus(r.status) is RequestStatus.DRAFT and (errors := validate_form(form, submitting=True)):
        raise Invalid(errors)
    values = form_values(form)
    status = _transition(session, r, Action.SUBMIT, actor, None, audit.diff({}, values))
    r.submitted_at = audit.now()
    r.submitted_form = values
    notifications.request_submitted(session, r)
    return status


def resubmit_request(session: Session, actor_id: int, request_id: int, answer: str) -> RequestStatus:
    """The requester answers the reviewer's question (and may have edited the form) and sends it back."""
    actor = acting(session, actor_id)
    r = load_request(session, request_id)
    _own(actor, r)
    body = _text("message", answer, "Write your answer to the reviewer's question.")
    form = form_of(r)
    if RequestStatus(r.status) is RequestStatus.RETURNED and (errors := validate_form(form, submitting=True)):
        raise Invalid(errors)
    values = form_values(form)
    status = _transition(session, r, Action.RESUBMIT, actor, None, audit.diff(r.submitted_form or {}, values))
    _add_message(session, r, actor, "answer", body)
    r.submitted_at = audit.now()
    r.submitted_form = values
    notifications.request_submitted(session, r)
    return status


def withdraw_request(session: Session, actor_id: int, request_id: int) -> RequestStatus:
    actor = acting(session, actor_id)
    r = load_request(session, request_id)
    _own(actor, r)
    return _transition(session, r, Action.WITHDRAW, actor, None)


def delete_draft(session: Session, actor_id: int, request_id: int) -> None:
    """The author deletes a draft that was never submitted: nobody else has seen it, so it goes, and the
    audit trail keeps that it was started and deleted (with its resource's name)."""
    actor = acting(session, actor_id)
    r = load_request(session, request_id)
    if r.requester_id != actor.id:
        raise NotAllowed("Only the person who wrote this draft can delete it.")
    if r.status != RequestStatus.DRAFT.value or r.submitted_at is not None:
        raise Refused(f"This request is {RequestStatus(r.status).label.lower()}: only a draft that was never "
                      "submitted can be deleted. Withdraw it instead if it has not been decided.")
    audit.record(session, actor.id, "request", r.id, "draft deleted",
                 {"status": [r.status, None], "resource_name": [r.resource_name or None, None]})
    session.delete(r)
    session.flush()


def return_request(
    session: Session, actor_id: int, request_id: int, question: str, expected_version: int | None = None
) -> RequestStatus:
    actor = acting(session, actor_id, *REVIEWERS)
    r = load_request(session, request_id)
    _review(actor, r)
    body = _text("message", question, "Write the question the requester should answer.")
    status = _transition(session, r, Action.RETURN, actor, expected_version)
    _add_message(session, r, actor, "question", body)
    notifications.request_returned(session, r, actor, body)
    return status


def decide_request(
    session: Session, actor_id: int, request_id: int, decision: Decision | None,
    permission: Permission | None = None, reason: str = "", expected_version: int | None = None,
) -> RequestStatus:
    """Exactly the form's choices; who decided and when are recorded; approval fills the catalog."""
    actor = acting(session, actor_id, *REVIEWERS)
    r = load_request(session, request_id)
    _review(actor, r)
    reason = clean_text(reason)
    if errors := validate_decision(decision, permission, reason):
        raise Invalid(errors)
    assert decision is not None
    if decision is Decision.APPROVED:
        reason = ""
        changes = {"decision": [None, decision.value], "permission": [None, permission.value]}
    else:
        permission = None
        changes = {"decision": [None, decision.value], "reason": [None, reason]}
    action = Action.APPROVE if decision is Decision.APPROVED else Action.NOT_APPROVE
    status = _transition(session, r, action, actor, expected_version, changes)
    r.decision = decision.value
    r.permission = permission.value if permission else None
    r.reason = reason or None
    r.decided_by_id = actor.id
    r.decided_at = audit.now()
    try:
        # The versioned UPDATE goes first and inside the guard: the catalog lookup below would
        # otherwise autoflush it where a lost race surfaces as a raw StaleDataError.
        session.flush()
        from . import catalog  # with its compliance rules, when a decision is made: not at start

        catalog.record_decision(session, actor, r)
    except StaleDataError:
        # Another reviewer's transaction got there between our read and our write.
        raise Conflict("Someone else decided or changed this request at the same moment. "
                       "Nothing was overwritten; reopen it to see their decision.") from None
    notifications.request_decided(session, r)
    return status
