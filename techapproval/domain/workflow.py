"""The request workflow as one state machine.

draft → submitted → (returned ⇄ resubmitted) → approved | not approved; withdrawn by the requester
once submitted and before a decision (a draft never submitted is deleted instead: services.requests.
delete_draft). Who may take each action is part of the rule: the requester owns submit, resubmit and
withdraw; a reviewer owns return and the decision.
"""

from __future__ import annotations

from enum import StrEnum

from .enums import RequestStatus as S


class Action(StrEnum):
    SUBMIT = "submit"
    RESUBMIT = "resubmit"
    RETURN = "return"
    APPROVE = "approve"
    NOT_APPROVE = "not_approve"
    WITHDRAW = "withdraw"

    @property
    def label(self) -> str:
        return _ACTION_LABELS[self]

    @property
    def by_reviewer(self) -> bool:
        return self in (Action.RETURN, Action.APPROVE, Action.NOT_APPROVE)


_ACTION_LABELS = {
    Action.SUBMIT: "Submitted",
    Action.RESUBMIT: "Resubmitted with answers",
    Action.RETURN: "Returned for more information",
    Action.APPROVE: "Approved",
    Action.NOT_APPROVE: "Not approved",
    Action.WITHDRAW: "Withdrawn",
}

TRANSITIONS: dict[tuple[S, Action], S] = {
    (S.DRAFT, Action.SUBMIT): S.SUBMITTED,
    (S.SUBMITTED, Action.RETURN): S.RETURNED,
    (S.SUBMITTED, Action.APPROVE): S.APPROVED,
    (S.SUBMITTED, Action.NOT_APPROVE): S.NOT_APPROVED,
    (S.SUBMITTED, Action.WITHDRAW): S.WITHDRAWN,
    (S.RETURNED, Action.RESUBMIT): S.RESUBMITTED,
    (S.RETURNED, Action.WITHDRAW): S.WITHDRAWN,
    (S.RESUBMITTED, Action.RETURN): S.RETURNED,
    (S.RESUBMITTED, Action.APPROVE): S.APPROVED,
    (S.RESUBMITTED, Action.NOT_APPROVE): S.NOT_APPROVED,
    (S.RESUBMITTED, Action.WITHDRAW): S.WITHDRAWN,
}

# Statuses in which the requester may still change the form's fields.
EDITABLE = frozenset({S.DRAFT, S.RETURNED})


class WorkflowError(ValueError):
    """An action that the state machine does not allow from the current status."""


def allowed_actions(status: S) -> list[Action]:
    return [action for (state, action) in TRANSITIONS if state == status]


def next_status(status: S, action: Action) -> S:
    try:
        return TRANSITIONS[(status, action)]
    except KeyError:
        raise WorkflowError(_refusal(status, action)) from None


def _refusal(status: S, action: Action) -> str:
    if status.is_decided:
        return f"This request was already decided ({status.label.lower()}); it cannot be changed."
    if status == S.WITHDRAWN:
        return "This request was withdrawn; it cannot be changed."
    if status == S.DRAFT and action is Action.WITHDRAW:
        return "A draft that was never submitted is not withdrawn: delete it instead."
    if action.by_reviewer and status in (S.DRAFT, S.RETURNED):
        return (
            "This request is not waiting for a reviewer"
            f" (it is {status.label.lower()}); it cannot be {action.label.lower()} now."
        )
    return f"A request that is {status.label.lower()} cannot be {action.label.lower()}."
