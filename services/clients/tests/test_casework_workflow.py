"""The state rules of plan actions and goals, written out here independently of
``splot.clients.casework.workflow`` and compared with it pair by pair."""

import itertools

import pytest

from splot.clients.casework import workflow
from splot.common.errors import Problem

ACTION_STATUSES = ["planned", "in_progress", "done", "not_done", "cancelled"]
#: (from, to) pairs that are allowed; every other pair is refused.
ALLOWED_ACTION_MOVES = {
    ("planned", "in_progress"),
    ("planned", "done"),
    ("planned", "not_done"),
    ("planned", "cancelled"),
    ("in_progress", "done"),
    ("in_progress", "not_done"),
    ("in_progress", "cancelled"),
    ("done", "in_progress"),
    ("not_done", "in_progress"),
}
GOAL_MOVES = {("open", "assessed"), ("assessed", "open")}
ASSESSMENTS = {"achieved", "partly_achieved", "not_achieved", "abandoned"}
NEEDS_REASON = {"abandoned"}
REFERRAL_PROPOSES = {
    "draft": None,
    "requested": None,
    "accepted": None,
    "in_progress": None,
    "on_hold": None,
    "completed": "done",
    "rejected": "not_done",
    "failed": "not_done",
    "withdrawn": "not_done",
    "cancelled": "not_done",
    "entered_in_error": None,
}


@pytest.mark.parametrize(("current", "target"), list(itertools.product(ACTION_STATUSES, ACTION_STATUSES)))
def test_action_moves(current, target):
    if (current, target) in ALLOWED_ACTION_MOVES:
        assert workflow.check_action_transition(current, target) == target
    else:
        with pytest.raises(Problem) as refused:
            workflow.check_action_transition(current, target)
        assert refused.value.status == 409 and refused.value.code == "invalid_transition"


def test_the_tables_name_exactly_these_statuses_and_values():
    assert set(workflow.ActionStatus) == set(ACTION_STATUSES)
    assert set(workflow.Assessment) == ASSESSMENTS
    assert {(a, b) for a, bs in workflow.ACTION_TRANSITIONS.items() for b in bs} == ALLOWED_ACTION_MOVES
    assert {(a, b) for a, bs in workflow.GOAL_TRANSITIONS.items() for b in bs} == GOAL_MOVES


@pytest.mark.parametrize(("current", "target"), list(itertools.product(["open", "assessed"], repeat=2)))
def test_goal_moves(current, target):
    if (current, target) in GOAL_MOVES:
        workflow.check_goal_transition(current, workflow.GoalStatus(target))
    else:
        with pytest.raises(Problem):
            workflow.check_goal_transition(current, workflow.GoalStatus(target))


@pytest.mark.parametrize("assessment", sorted(ASSESSMENTS))
@pytest.mark.parametrize("reason", [None, "", "   ", "moved abroad"])
def test_which_assessments_need_a_reason(assessment, reason):
    refused = assessment in NEEDS_REASON and not (reason or "").strip()
    if refused:
        with pytest.raises(Problem) as problem:
            workflow.check_assessment(workflow.Assessment(assessment), reason)
        assert problem.value.status == 422 and problem.value.code == "reason_required"
    else:
        workflow.check_assessment(workflow.Assessment(assessment), reason)


@pytest.mark.parametrize(("status", "proposed"), sorted(REFERRAL_PROPOSES.items()))
def test_a_referral_status_proposes_the_action_result(status, proposed):
    assert workflow.proposed_result(status) == proposed


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([], None),
        (["planned"], None),
        (["done", "in_progress"], None),
        (["done"], "achieved"),
        (["done", "done", "cancelled"], "achieved"),
        (["done", "not_done"], "partly_achieved"),
        (["not_done", "cancelled"], "not_achieved"),
        (["cancelled", "cancelled"], None),
    ],
)
def test_finished_actions_propose_the_goal_assessment(statuses, expected):
    assert workflow.proposed_assessment(statuses) == expected
