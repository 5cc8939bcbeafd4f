"""The state rules of plan actions and goals as data, in one place: which status an action may
move to from which, the goal's assessment values and when a reason is required, what a linked
referral's status proposes for its action, and what a goal's actions propose for its assessment.
Every check of the casework rules reads these tables."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from splot.common.errors import Problem


class ActionStatus(StrEnum):
    planned = "planned"
    in_progress = "in_progress"
    done = "done"
    not_done = "not_done"
    cancelled = "cancelled"


class GoalStatus(StrEnum):
    open = "open"
    assessed = "assessed"


class Assessment(StrEnum):
    achieved = "achieved"
    partly_achieved = "partly_achieved"
    not_achieved = "not_achieved"
    abandoned = "abandoned"


A = ActionStatus
#: From each action status, the statuses it may move to. A finished action (done, not done) may be
#: reopened while the plan runs; a cancelled one stays cancelled (plan a new action instead).
ACTION_TRANSITIONS: dict[ActionStatus, frozenset[ActionStatus]] = {
    A.planned: frozenset({A.in_progress, A.done, A.not_done, A.cancelled}),
    A.in_progress: frozenset({A.done, A.not_done, A.cancelled}),
    A.done: frozenset({A.in_progress}),
    A.not_done: frozenset({A.in_progress}),
    A.cancelled: frozenset(),
}
#: Finished actions: they count for the goal's proposed assessment (cancelled ones do not count).
ACTION_FINISHED = frozenset({A.done, A.not_done, A.cancelled})
#: Statuses that need a result (what was delivered, or why not).
ACTION_RESULT_REQUIRED = frozenset({A.not_done})

#: From each goal status, the statuses it may move to: ``assess`` closes it, ``reopen`` opens it.
GOAL_TRANSITIONS: dict[GoalStatus, frozenset[GoalStatus]] = {
    GoalStatus.open: frozenset({GoalStatus.assessed}),
    GoalStatus.assessed: frozenset({GoalStatus.open}),
}
#: Assessments that need a reason.
ASSESSMENT_REASON_REQUIRED = frozenset({Assessment.abandoned})

#: A linked referral's status and what it proposes as its action's result (others: nothing yet).
REFERRAL_PROPOSES: dict[str, ActionStatus] = {
    "completed": A.done,
    "rejected": A.not_done,
    "failed": A.not_done,
    "withdrawn": A.not_done,
    "cancelled": A.not_done,
}


def check_action_transition(current: str, target: str) -> ActionStatus:
    """The target status, or 409 ``invalid_transition`` when the table does not allow it."""
    to = ActionStatus(target)
    if to not in ACTION_TRANSITIONS[ActionStatus(current)]:
        raise Problem(
            409,
            "invalid_transition",
            f"an action that is {current} cannot become {target}",
            allowed=sorted(ACTION_TRANSITIONS[ActionStatus(current)]),
        )
    return to


def check_goal_transition(current: str, target: GoalStatus) -> None:
    if target not in GOAL_TRANSITIONS[GoalStatus(current)]:
        raise Problem(409, "invalid_transition", f"a goal that is {current} cannot become {target}")


def check_assessment(assessment: Assessment, reason: str | None) -> None:
    if assessment in ASSESSMENT_REASON_REQUIRED and not (reason and reason.strip()):
        raise Problem(
            422,
            "reason_required",
            f"an assessment of {assessment} needs a reason",
            errors=[{"loc": ["body", "reason"], "msg": "a reason is required", "type": "reason_required"}],
        )


def proposed_result(referral_status: str | None) -> ActionStatus | None:
    return REFERRAL_PROPOSES.get(referral_status or "")


def proposed_assessment(action_statuses: Iterable[str]) -> Assessment | None:
    """What a goal's actions propose once every one is finished: all delivered → achieved, some →
    partly achieved, none → not achieved. Nothing while an action is open or none counts."""
    statuses = [ActionStatus(s) for s in action_statuses]
    if not statuses or any(s not in ACTION_FINISHED for s in statuses):
        return None
    counted = [s for s in statuses if s is not A.cancelled]
    if not counted:
        return None
    done = sum(1 for s in counted if s is A.done)
    if done == len(counted):
        return Assessment.achieved
    return Assessment.partly_achieved if done else Assessment.not_achieved
