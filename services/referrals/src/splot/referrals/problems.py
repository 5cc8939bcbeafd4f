"""The problem documents of the referral workflow, with the members a client acts on."""

from __future__ import annotations

from splot.common.errors import ProblemDetail


class WorkflowProblem(ProblemDetail):
    """403 or 409 of a workflow action: why it is refused and what is allowed instead
    (``illegal_transition`` names ``allowed_actions``; ``wrong_side`` the ``action`` and ``side``;
    ``role_required`` the ``required_roles``)."""

    #: The referral's status when the action was refused.
    current_status: str | None = None
    #: The referral's flags then (``cancellation_requested``, ``acknowledged``).
    flags: list[str] | None = None
    #: What the caller may do now (``POST .../transitions`` actions).
    allowed_actions: list[str] | None = None
    action: str | None = None
    #: Which side takes the action (``sender`` or ``receiver``).
    side: str | None = None
    required_roles: list[str] | None = None
