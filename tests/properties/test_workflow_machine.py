"""The request workflow as a rule-based state machine over the real services and a real SQLite database.

Hypothesis plays a teacher, a second teacher, a reviewer and an administrator taking any action on any
request, allowed or not: saving drafts, submitting, answering, withdrawing, asking a question, deciding,
with stale versions and on their own requests. A model kept here from the rules of domain/workflow.py
says what each action must do. After every step: each request's status is the model's, a refused action
changed nothing at all, an accepted one added exactly the audit events it should (none lost, none extra),
the audit chain verifies, and every approved request has its catalog entry.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlalchemy import func, select

from techapproval.db.database import Database, open_database
from techapproval.db.models import AuditEvent, AuditHead, CatalogResource, Message, Request
from techapproval.domain.enums import Decision, Permission, RequestStatus
from techapproval.domain.validation import LIMITS, RequestForm, clean_text, normalise_link, normalise_name
from techapproval.domain.workflow import TRANSITIONS, Action
from techapproval.services import audit
from techapproval.services import requests as svc
from techapproval.services.audit import verify_chain
from techapproval.services.errors import Conflict, Invalid, NotAllowed, Refused, ServiceError
from tests.conftest import make_district
from tests.helpers import complete_form
from tests.properties.strategies import SCALE

S = RequestStatus
HOSTILE = '<script>alert(1)</script> "Quiz" &amp; \u202eمدرسة\u202c 👩🏽\u200d🏫 =SUM(A1)'

# (form, complete: passes the submission checks, valid: may be saved at all)
FORMS = {
    "kahoot": (complete_form(), True, True),
    "kahoot again": (complete_form(resource_name="KAHOOT!", resource_link="https://www.Kahoot.com/"), True, True),
    "padlet": (complete_form(resource_name="Padlet", resource_link=""), True, True),
    "office use": (complete_form(resource_name="Gradebook export", grades=[], not_used_by_students=True,
                                 student_accounts=None, download_required=None,
                                 app_requires_parental_permission=None), True, True),
    "hostile": (complete_form(resource_name=HOSTILE, planned_use=f"{HOSTILE}\x00\x07 pasted",
                              resource_link="kahoot.com/play?x=<y>"), True, True),
    "half typed": (RequestForm(resource_name="Half-typed"), False, True),
    "no answers": (complete_form(student_accounts=None), False, True),
    "javascript link": (complete_form(resource_link="javascript:alert(1)"), True, False),
    "grades and office use": (complete_form(not_used_by_students=True), True, False),
    "huge paste": (complete_form(planned_use="y" * (LIMITS["planned_use"] + 1)), True, False),
}
# Mostly what lets the story go on, sometimes what must be refused: a repeated entry is drawn more often.
TEXTS = ["Which student data does it collect?"] * 3 + [HOSTILE, "  ", "\x00 \t", "x" * (LIMITS["message"] + 1)]
PEOPLE = ["teacher", "other_teacher", "reviewer", "admin"]  # the first two are requesters
REVIEWER_ROLES = {"admin", "reviewer"}
AS_REQUESTER = ["the author"] * 3 + ["someone else"]
AS_REVIEWER = ["a reviewer"] * 3 + ["the author", "a teacher"]
VERSIONS = ["none", "current", "current", "stale"]  # the version the reviewer's screen was opened at
CHOICES = {  # decide_request(decision, permission, reason)
    "approve, parental permission": (Decision.APPROVED, Permission.PARENTAL_REQUIRED, ""),
    "approve, nothing more": (Decision.APPROVED, Permission.NONE_REQUIRED, "ignored"),
    "not approved, reason": (Decision.NOT_APPROVED, None, f"No privacy agreement. {HOSTILE}"),
    "not approved, no reason": (Decision.NOT_APPROVED, Permission.NONE_REQUIRED, " \n "),
    "approve, no permission": (Decision.APPROVED, None, ""),
    "nothing chosen": (None, None, ""),
}
VALID_CHOICES = ["approve, parental permission", "approve, nothing more", "not approved, reason"]
CHOICE_DRAWS = VALID_CHOICES * 2 + [c for c in CHOICES if c not in VALID_CHOICES]


def blank(text: str) -> bool:
    """Nothing left once cleaned (control characters dropped, trimmed)."""
    return not clean_text(text)


@cache
def template() -> Path:
    """A migrated database with the district's four people, made once; each run starts from a copy."""
    folder = Path(tempfile.mkdtemp(prefix="techapproval-machine-template-"))
    atexit.register(shutil.rmtree, folder, True)
    db = open_database(f"sqlite:///{folder / 'district.db'}")
    ids = make_district(db)
    db.dispose()  # checkpoints the WAL into the file, so a plain copy is complete
    (folder / "ids").write_text(" ".join(str(getattr(ids, p)) for p in PEOPLE))
    return folder


@dataclass
class Expected:
    owner: str
    status: S
    complete: bool
    messages: int = 0
    decided_by: str | None = None
    decision: Decision | None = None


def any_request(self) -> bool:
    return bool(self.model)


class RequestWorkflow(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="techapproval-machine-"))
        shutil.copy(template() / "district.db", self.folder / "district.db")
        self.db: Database = open_database(f"sqlite:///{self.folder / 'district.db'}")
        self.ids = dict(zip(PEOPLE, map(int, (template() / "ids").read_text().split()), strict=True))
        self.model: dict[int, Expected] = {}
        with self.db.transaction() as s:
            self.events = audit.change_count(s)

    def teardown(self):
        self.db.dispose()
        shutil.rmtree(self.folder, ignore_errors=True)

    # --- carrying out an action and checking what it did ---------------------------------------------

    def snapshot(self) -> tuple:
        """Everything an action may change (the audit trail is insert-only: its head says if it grew), and
        the last audit event's id."""
        with self.db.transaction() as s:
            return tuple(
                tuple(tuple(row) for row in s.execute(select(table).order_by(*table.primary_key.columns)))
                for table in (Request.__table__, Message.__table__, CatalogResource.__table__, AuditHead.__table__)
            ) + (s.scalar(select(func.max(AuditEvent.id))) or 0,)

    def attempt(self, refusals: set[type[ServiceError]], expected_events: list[tuple], call):
        """Run call(session) in a transaction. With refusals it must raise one of them and change nothing;
        without, it must succeed and add exactly expected_events: (entity, action, actor), in order."""
        before = self.snapshot()
        last = before[-1]
        try:
            with self.db.transaction() as s:
                result = call(s)
        except ServiceError as exc:
            assert refusals, f"an allowed action was refused: {exc!r}"
            assert type(exc) in refusals, f"refused with {type(exc).__name__}, expected one of {refusals}: {exc}"
            assert exc.message.strip()
            assert self.snapshot() == before, "a refused action changed something"
            return None
        assert not refusals, f"accepted, but should have been refused with one of {refusals}"
        with self.db.transaction() as s:
            added = [(e.entity, e.action, e.actor_id)
                     for e in s.scalars(select(AuditEvent).where(AuditEvent.id > last).order_by(AuditEvent.id))]
        assert added == [(entity, action, self.ids[actor]) for entity, action, actor in expected_events]
        self.events += len(added)
        return result

    @staticmethod
    def allowed(action: Action, refusals: set, expected: Expected) -> bool:
        """Adds the workflow's own refusal when the status does not allow the action; True when nothing
        refuses it."""
        if (expected.status, action) not in TRANSITIONS:
            refusals.add(Refused)
        return not refusals

    @staticmethod
    def person(who: str, e: Expected) -> str:
        """Who acts on request e, from their part in the story."""
        if who == "the author":
            return e.owner
        if who == "someone else":
            return PEOPLE[(PEOPLE.index(e.owner) + 1) % len(PEOPLE)]
        if who == "a reviewer":
            return "reviewer" if e.owner != "reviewer" else "admin"
        return "teacher" if e.owner != "teacher" else "other_teacher"  # a teacher, never a reviewer

    def version(self, rid: int, mode: str) -> int | None:
        if mode == "none":
            return None
        with self.db.transaction() as s:
            current = s.get(Request, rid).version
        return current if mode == "current" else current - 1

    # --- the requester ---------------------------------------------------------------------------------

    # At most three requests open at a time: the steps go to moving them along.
    @precondition(lambda self: sum(not (e.status.is_decided or e.status is S.WITHDRAWN)
                                   for e in self.model.values()) < 3)
    @rule(author=st.sampled_from(PEOPLE), form=st.sampled_from([k for k, v in FORMS.items() if v[2]]))
    def start_draft(self, author, form):
        rid = self.attempt(set(), [("request", "draft started", author)],
                           lambda s: svc.save_draft(s, self.ids[author], None, FORMS[form][0]))
        assert rid not in self.model
        self.model[rid] = Expected(author, S.DRAFT, FORMS[form][1])

    # Every run starts with a teacher's complete draft and someone's submitted request (a reviewer's, now
    # and then: they must not decide it themselves), so that short runs get somewhere too.
    @initialize(form=st.sampled_from([k for k, v in FORMS.items() if v[1] and v[2]]))
    def a_draft(self, form):
        self.start_draft("teacher", form)

    @initialize(author=st.sampled_from(PEOPLE), form=st.sampled_from([k for k, v in FORMS.items() if v[1] and v[2]]))
    def a_submitted_request(self, author, form):
        self.start_draft(author, form)
        rid = max(self.model)
        self.submit(None, rid, "the author")

    # One rule per side. Most often the side takes the next step on a request waiting for it (a repeated
    # entry is drawn more often); now and then any of its actions on any request, which is mostly refused.
    # (Hypothesis picks rules evenly: one rule per action would end most stories early, in a withdrawal
    # or in refusals of actions on requests in the wrong state.)
    @precondition(any_request)
    @rule(data=st.data(), who=st.sampled_from(AS_REQUESTER), stray=st.integers(0, 4))
    def requester_acts(self, data, who, stray):
        self.act(data, who, stray, {S.DRAFT: ["submit", "submit", "edit", "withdraw"],
                                    S.RETURNED: ["resubmit", "resubmit", "edit", "withdraw"]})

    @precondition(any_request)
    @rule(data=st.data(), who=st.sampled_from(AS_REVIEWER), stray=st.integers(0, 4),
          mode=st.sampled_from(VERSIONS))
    def reviewer_acts(self, data, who, stray, mode):
        self.act(data, who, stray, {S.SUBMITTED: ["decide", "decide", "return_with_question"],
                                    S.RESUBMITTED: ["decide", "return_with_question"]}, mode)

    def act(self, data, who, stray, next_steps: dict, *mode):
        waiting = sorted(rid for rid, e in self.model.items() if e.status in next_steps)
        if waiting and stray < 4:  # (hypothesis draws 0 most often)
            rid = data.draw(st.sampled_from(waiting), label="request")
            what = data.draw(st.sampled_from(next_steps[self.model[rid].status]), label="action")
        else:
            rid = data.draw(st.sampled_from(sorted(self.model)), label="request")
            what = data.draw(st.sampled_from(sorted({a for steps in next_steps.values() for a in steps})),
                             label="action")
        getattr(self, what)(data, rid, who, *mode)

    def edit(self, data, rid, who):
        e = self.model[rid]
        actor = self.person(who, e)
        form, complete, valid = FORMS[data.draw(st.sampled_from(sorted(FORMS)), label="form")]
        refusals = set()
        if not valid:
            refusals.add(Invalid)
        if actor != e.owner:
            refusals.add(NotAllowed)
        if e.status not in (S.DRAFT, S.RETURNED):
            refusals.add(Refused)
        done = self.attempt(refusals, [], lambda s: svc.save_draft(s, self.ids[actor], rid, form))
        if done is not None:
            assert done == rid
            e.complete = complete

    def submit(self, data, rid, who):
        e = self.model[rid]
        actor = self.person(who, e)
        refusals = {NotAllowed} if actor != e.owner else set()
        if e.status is S.DRAFT and not e.complete:
            refusals.add(Invalid)
        call = lambda s: svc.submit_request(s, self.ids[actor], rid)  # noqa: E731
        if self.allowed(Action.SUBMIT, refusals, e):
            assert self.attempt(set(), [("request", "submit", actor)], call) is S.SUBMITTED
            e.status = S.SUBMITTED
        else:
            self.attempt(refusals, [], call)

    def resubmit(self, data, rid, who):
        e = self.model[rid]
        actor = self.person(who, e)
        answer = data.draw(st.sampled_from(TEXTS), label="answer")
        refusals = {NotAllowed} if actor != e.owner else set()
        if blank(answer) or len(answer.strip()) > LIMITS["message"]:
            refusals.add(Invalid)
        if e.status is S.RETURNED and not e.complete:
            refusals.add(Invalid)
        call = lambda s: svc.resubmit_request(s, self.ids[actor], rid, answer)  # noqa: E731
        if self.allowed(Action.RESUBMIT, refusals, e):
            assert self.attempt(set(), [("request", "resubmit", actor)], call) is S.RESUBMITTED
            e.status, e.messages = S.RESUBMITTED, e.messages + 1
        else:
            self.attempt(refusals, [], call)

    def withdraw(self, data, rid, who):
        e = self.model[rid]
        actor = self.person(who, e)
        refusals = {NotAllowed} if actor != e.owner else set()
        call = lambda s: svc.withdraw_request(s, self.ids[actor], rid)  # noqa: E731
        if self.allowed(Action.WITHDRAW, refusals, e):
            assert self.attempt(set(), [("request", "withdraw", actor)], call) is S.WITHDRAWN
            e.status = S.WITHDRAWN
        else:
            self.attempt(refusals, [], call)

    # --- the reviewer ----------------------------------------------------------------------------------

    def review_refusals(self, actor: str, e: Expected, mode: str) -> set:
        refusals = set()
        if actor not in REVIEWER_ROLES or actor == e.owner:
            refusals.add(NotAllowed)  # a requester, or a reviewer's own request
        if mode == "stale":
            refusals.add(Conflict)
        return refusals

    def return_with_question(self, data, rid, who, mode):
        e = self.model[rid]
        actor = self.person(who, e)
        question = data.draw(st.sampled_from(TEXTS), label="question")
        refusals = self.review_refusals(actor, e, mode)
        if blank(question) or len(question.strip()) > LIMITS["message"]:
            refusals.add(Invalid)
        version = self.version(rid, mode)
        call = lambda s: svc.return_request(s, self.ids[actor], rid, question, version)  # noqa: E731
        if self.allowed(Action.RETURN, refusals, e):
            assert self.attempt(set(), [("request", "return", actor)], call) is S.RETURNED
            e.status, e.messages = S.RETURNED, e.messages + 1
        else:
            self.attempt(refusals, [], call)

    def decide(self, data, rid, who, mode):
        e = self.model[rid]
        actor = self.person(who, e)
        decision, permission, reason = CHOICES[data.draw(st.sampled_from(CHOICE_DRAWS), label="choice")]
        refusals = self.review_refusals(actor, e, mode)
        if decision is None or (decision is Decision.APPROVED and permission is None) or (
                decision is Decision.NOT_APPROVED and blank(reason)):
            refusals.add(Invalid)
        action = Action.NOT_APPROVE if decision is Decision.NOT_APPROVED else Action.APPROVE
        version = self.version(rid, mode)
        call = lambda s: svc.decide_request(s, self.ids[actor], rid, decision, permission, reason, version)  # noqa: E731
        if self.allowed(action, refusals, e):
            events = [("request", action.value, actor)]
            if decision is Decision.APPROVED:
                events.append(("catalog", "approved request linked", actor))
            assert self.attempt(set(), events, call) is TRANSITIONS[(e.status, action)]
            e.status, e.decided_by, e.decision = TRANSITIONS[(e.status, action)], actor, decision
        else:
            self.attempt(refusals, [], call)

    # --- after every step --------------------------------------------------------------------------------

    @invariant()
    def database_matches_the_model(self):
        with self.db.transaction() as s:
            rows = {r.id: r for r in s.scalars(select(Request))}
            assert set(rows) == set(self.model)
            messages = dict(s.execute(select(Message.request_id, func.count()).group_by(Message.request_id)).all())
            for rid, e in self.model.items():
                r = rows[rid]
                assert S(r.status) is e.status, (rid, r.status, e.status)
                assert r.requester_id == self.ids[e.owner]
                assert messages.get(rid, 0) == e.messages
                if e.status.is_decided:
                    assert r.decided_by_id == self.ids[e.decided_by] != r.requester_id
                    assert r.decision == e.decision.value
                else:
                    assert r.decided_by_id is None and r.decision is None
                if e.status is S.APPROVED:  # every approval is in the catalog, under its link or its name
                    entry = s.get(CatalogResource, r.catalog_resource_id)
                    assert entry is not None, f"approved request {rid} has no catalog entry"
                    key_link = normalise_link(r.resource_link)
                    assert (entry.normalised_link == key_link if key_link
                            else entry.normalised_name == normalise_name(r.resource_name))
                else:
                    assert r.catalog_resource_id is None
                for text in (r.resource_name, r.planned_use, r.reason or ""):
                    assert "\x00" not in text

    @invariant()
    def audit_trail_is_whole_and_verifies(self):
        with self.db.transaction() as s:
            assert audit.change_count(s) == self.events  # no event lost, none extra
            assert s.scalar(select(func.count()).select_from(AuditEvent)) == self.events
            report = verify_chain(s)
            assert report.problem is None, report.problem
            assert report.events == self.events


RequestWorkflow.TestCase.settings = settings(
    max_examples=25 * SCALE, stateful_step_count=20, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestRequestWorkflow = RequestWorkflow.TestCase
