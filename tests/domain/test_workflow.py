import pytest

from techapproval.domain.enums import RequestStatus as S
from techapproval.domain.workflow import TRANSITIONS, Action, WorkflowError, allowed_actions, next_status


@pytest.mark.parametrize(
    ("status", "action", "expected"),
    [
        (S.DRAFT, Action.SUBMIT, S.SUBMITTED),
        (S.SUBMITTED, Action.RETURN, S.RETURNED),
        (S.RETURNED, Action.RESUBMIT, S.RESUBMITTED),
        (S.RESUBMITTED, Action.RETURN, S.RETURNED),
        (S.SUBMITTED, Action.APPROVE, S.APPROVED),
        (S.RESUBMITTED, Action.NOT_APPROVE, S.NOT_APPROVED),
        (S.SUBMITTED, Action.WITHDRAW, S.WITHDRAWN),
        (S.RETURNED, Action.WITHDRAW, S.WITHDRAWN),
    ],
)
def test_allowed_transitions(status, action, expected):
    assert next_status(status, action) is expected


@pytest.mark.parametrize(
    ("status", "action", "words"),
    [
        (S.APPROVED, Action.NOT_APPROVE, "already decided"),
        (S.NOT_APPROVED, Action.WITHDRAW, "already decided"),
        (S.WITHDRAWN, Action.SUBMIT, "withdrawn"),
        (S.DRAFT, Action.WITHDRAW, "delete it instead"),  # a draft never submitted is deleted
        (S.DRAFT, Action.APPROVE, "not waiting for a reviewer"),
        (S.RETURNED, Action.APPROVE, "not waiting for a reviewer"),
        (S.SUBMITTED, Action.SUBMIT, "cannot be submitted"),
        (S.SUBMITTED, Action.RESUBMIT, "cannot be resubmitted"),
    ],
)
def test_refused_transitions_say_why(status, action, words):
    with pytest.raises(WorkflowError, match=words):
        next_status(status, action)


def test_every_pair_is_either_a_transition_or_refused():
    for status in S:
        for action in Action:
            if (status, action) in TRANSITIONS:
                assert action in allowed_actions(status)
            else:
                assert action not in allowed_actions(status)
                with pytest.raises(WorkflowError):
                    next_status(status, action)


def test_decided_and_withdrawn_are_final():
    for status in (S.APPROVED, S.NOT_APPROVED, S.WITHDRAWN):
        assert allowed_actions(status) == []
