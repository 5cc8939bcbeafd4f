"""The referral state machine as data: one table says, for every action, from which statuses it may
be taken, by which side and roles, what it must carry and what it leads to. Every check of the
service (and the ``allowed_actions`` the SPA builds its buttons from) reads this table."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

from splot.common.auth import Principal, PrincipalKind, Role
from splot.common.errors import Problem


class Status(StrEnum):
    draft = "draft"
    requested = "requested"
    accepted = "accepted"
    rejected = "rejected"
    in_progress = "in_progress"
    on_hold = "on_hold"
    completed = "completed"
    failed = "failed"
    cancelled = "cancelled"
    entered_in_error = "entered_in_error"


TERMINAL = frozenset(
    {Status.rejected, Status.completed, Status.failed, Status.cancelled, Status.entered_in_error}
)
OPEN_AFTER_ACCEPTANCE = frozenset({Status.accepted, Status.in_progress, Status.on_hold})
ALL_BUT_DRAFT = frozenset(Status) - {Status.draft}


class Side(StrEnum):
    sender = "sender"
    receiver = "receiver"
    system = "system"


class BusinessStatus(StrEnum):
    contact_attempted = "contact_attempted"
    appointment_scheduled = "appointment_scheduled"
    no_show = "no_show"
    waiting_list = "waiting_list"
    interim_report = "interim_report"


class DeclinedBy(StrEnum):
    client = "client"
    provider = "provider"


#: Roles that do casework. API clients with ``referrals:write`` act for their institution as a
#: coordinator would (they are the institution's own system).
CASEWORK = frozenset({Role.caseworker.value, Role.coordinator.value})
COORDINATOR = frozenset({Role.coordinator.value})
READ_SCOPES = ("referrals:read", "referrals:write")
WRITE_SCOPE = "referrals:write"

#: Payload fields a transition request may carry (anything else is refused by the schema).
PAYLOAD_FIELDS = (
    "reason_code",
    "declined_by",
    "text",
    "outcome_codes",
    "delivered",
    "assignee_user_id",
    "planned_start_date",
    "business_status",
)

DELETED = "deleted"


@dataclass(frozen=True)
class Transition:
    action: str
    from_statuses: frozenset[str]
    side: Side
    #: The resulting status; ``None`` keeps the status (a flag or a sub-state changes instead).
    to_status: str | None
    #: Outbox event type; ``None`` only for discarding a draft (drafts never reach the feed).
    event_type: str | None
    roles: frozenset[str] = CASEWORK
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    sets_flag: str | None = None
    requires_flag: str | None = None
    #: The action is not offered again once this flag is set.
    unless_flag: str | None = None
    #: Caseworkers (not coordinators) may act only on referrals assigned to them or to nobody.
    assignee_bound: bool = False
    #: Named extra condition checked by :func:`guard_passes`.
    guard: str | None = None
    #: Where the action is posted: the transitions endpoint, ``/forward`` or ``DELETE``.
    endpoint: str = "transitions"

    def fields(self) -> set[str]:
        return set(self.required) | set(self.optional)


_S = Status
_R = Side.receiver
_SND = Side.sender

TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        Transition("send", frozenset({_S.draft}), _SND, _S.requested, "referral.sent"),
        Transition("discard", frozenset({_S.draft}), _SND, DELETED, None, endpoint="delete"),
        Transition(
            "accept",
            frozenset({_S.requested}),
            _R,
            _S.accepted,
            "referral.accepted",
            optional=("assignee_user_id", "planned_start_date", "text"),
        ),
        Transition(
            "reject",
            frozenset({_S.requested}),
            _R,
            _S.rejected,
            "referral.rejected",
            required=("reason_code", "declined_by", "text"),
        ),
        Transition(
            "withdraw",
            frozenset({_S.requested}),
            _SND,
            _S.cancelled,
            "referral.withdrawn",
            required=("reason_code", "text"),
        ),
        Transition(
            "start",
            frozenset({_S.accepted}),
            _R,
            _S.in_progress,
            "referral.started",
            optional=("text",),
            assignee_bound=True,
        ),
        Transition(
            "hold",
            frozenset({_S.accepted, _S.in_progress}),
            _R,
            _S.on_hold,
            "referral.held",
            required=("text",),
            optional=("reason_code",),
            assignee_bound=True,
        ),
        Transition(
            "resume",
            frozenset({_S.on_hold}),
            _R,
            _S.in_progress,
            "referral.resumed",
            optional=("text",),
            assignee_bound=True,
        ),
        Transition(
            "complete",
            OPEN_AFTER_ACCEPTANCE,
            _R,
            _S.completed,
            "referral.completed",
            required=("outcome_codes", "delivered"),
            optional=("text",),
            assignee_bound=True,
        ),
        Transition(
            "fail",
            OPEN_AFTER_ACCEPTANCE,
            _R,
            _S.failed,
            "referral.failed",
            required=("reason_code", "text"),
            assignee_bound=True,
        ),
        Transition(
            "request_cancellation",
            OPEN_AFTER_ACCEPTANCE,
            _SND,
            None,
            "referral.cancellation_requested",
            required=("text",),
            optional=("reason_code",),
            sets_flag="cancellation_requested",
            unless_flag="cancellation_requested",
        ),
        Transition(
            "confirm_cancellation",
            OPEN_AFTER_ACCEPTANCE,
            _R,
            _S.cancelled,
            "referral.cancelled",
            optional=("text",),
            requires_flag="cancellation_requested",
        ),
        Transition(
            "cancel",
            OPEN_AFTER_ACCEPTANCE,
            _R,
            _S.cancelled,
            "referral.cancelled",
            required=("reason_code",),
            optional=("text",),
            assignee_bound=True,
        ),
        Transition(
            "mark_in_error",
            ALL_BUT_DRAFT - {_S.entered_in_error},
            _SND,
            _S.entered_in_error,
            "referral.marked_in_error",
            roles=COORDINATOR,
            required=("text",),
        ),
        Transition(
            "reopen",
            frozenset({_S.rejected, _S.cancelled, _S.failed}),
            _SND,
            _S.requested,
            "referral.reopened",
            roles=COORDINATOR,
            required=("text",),
            guard="reopen_window",
        ),
        Transition(
            "acknowledge",
            frozenset({_S.completed, _S.failed}),
            _SND,
            None,
            "referral.acknowledged",
            optional=("text",),
            sets_flag="acknowledged",
            unless_flag="acknowledged",
        ),
        Transition(
            "set_business_status",
            frozenset({_S.requested}) | OPEN_AFTER_ACCEPTANCE,
            _R,
            None,
            "referral.business_status_changed",
            required=("business_status",),
            optional=("text",),
        ),
        Transition(
            "forward",
            frozenset({_S.accepted, _S.in_progress}),
            _R,
            None,
            "referral.forwarded",
            required=("target_institution_id", "service_type_code", "legal_basis"),
            optional=(
                "target_offer_id",
                "priority",
                "needs_description",
                "programme",
                "planned_start_date",
                "planned_end_date",
            ),
            assignee_bound=True,
            endpoint="forward",
        ),
        Transition(
            "assign",
            frozenset({_S.requested}) | OPEN_AFTER_ACCEPTANCE,
            _R,
            None,
            "referral.assigned",
            required=("assignee_user_id",),
            optional=("text",),
            guard="assignable",
        ),
        Transition("expire", frozenset({_S.requested}), Side.system, _S.cancelled, "referral.expired"),
    )
}

#: Actions a person or system may post to ``/transitions`` (forward and discard have their own
#: endpoints; discard is also accepted there as an alias of ``DELETE``).
USER_ACTIONS = tuple(a for a, t in TRANSITIONS.items() if t.side is not Side.system and a != "forward")


@dataclass(frozen=True)
class Actor:
    """Who acts: a staff user, an institution's API client, or the system (scheduler)."""

    kind: str
    subject: str | None
    institution_id: uuid.UUID | None
    roles: frozenset[str]
    user_id: uuid.UUID | None = None
    can_read: bool = False

    @property
    def is_system(self) -> bool:
        return self.kind == "system"

    @classmethod
    def from_principal(cls, principal: Principal) -> Actor:
        user_id = None
        if principal.kind is PrincipalKind.user:
            roles = frozenset(principal.roles & CASEWORK)
            can_read = bool(roles)
            try:
                user_id = uuid.UUID(principal.subject)
            except ValueError:
                user_id = None
        elif principal.kind is PrincipalKind.client:
            roles = COORDINATOR if WRITE_SCOPE in principal.scopes else frozenset()
            can_read = bool(principal.scopes & set(READ_SCOPES))
        else:
            roles, can_read = frozenset(), False
        return cls(
            kind=principal.kind.value,
            subject=principal.subject,
            institution_id=principal.institution_id,
            roles=roles,
            user_id=user_id,
            can_read=can_read and principal.institution_id is not None,
        )


SYSTEM = Actor(kind="system", subject=None, institution_id=None, roles=frozenset(), can_read=True)


class ReferralState(Protocol):
    """What the table needs to know about a referral (the model satisfies it)."""

    status: str
    sender_institution_id: uuid.UUID
    target_institution_id: uuid.UUID | None
    assignee_user_id: uuid.UUID | None
    cancellation_requested: bool
    acknowledged: bool
    ended_at: datetime | None
    chain_depth: int


@dataclass(frozen=True)
class Rules:
    """The configurable parts the table's guards consult."""

    reopen_window: timedelta
    max_chain_depth: int


def sides_of(actor: Actor, referral: ReferralState) -> set[Side]:
    if actor.is_system:
        return {Side.system}
    sides = set()
    if actor.institution_id is not None and actor.institution_id == referral.sender_institution_id:
        sides.add(Side.sender)
    if actor.institution_id is not None and actor.institution_id == referral.target_institution_id:
        if referral.status != Status.draft:
            sides.add(Side.receiver)
    return sides


def _status_allows(t: Transition, referral: ReferralState) -> bool:
    if referral.status not in t.from_statuses:
        return False
    if t.requires_flag and not getattr(referral, t.requires_flag):
        return False
    return not (t.unless_flag and getattr(referral, t.unless_flag))


def guard_passes(t: Transition, referral: ReferralState, rules: Rules, now: datetime) -> bool:
    if t.guard == "reopen_window":
        return referral.ended_at is not None and now - referral.ended_at <= rules.reopen_window
    if t.endpoint == "forward":
        return referral.chain_depth + 1 <= rules.max_chain_depth
    return True


def _role_allows(t: Transition, actor: Actor) -> bool:
    return actor.is_system or bool(actor.roles & t.roles)


def _assignee_allows(t: Transition, actor: Actor, referral: ReferralState) -> bool:
    if actor.is_system or Role.coordinator.value in actor.roles:
        return True
    if t.guard == "assignable":
        # A caseworker takes an unassigned referral (for themselves); reassigning is a coordinator's.
        return referral.assignee_user_id is None
    if not t.assignee_bound:
        return True
    return referral.assignee_user_id is None or referral.assignee_user_id == actor.user_id


def allowed(actor: Actor, referral: ReferralState, rules: Rules, now: datetime) -> list[Transition]:
    """The actions ``actor`` may take on ``referral`` now, in table order."""
    sides = sides_of(actor, referral)
    return [
        t
        for t in TRANSITIONS.values()
        if t.side in sides
        and _status_allows(t, referral)
        and guard_passes(t, referral, rules, now)
        and _role_allows(t, actor)
        and _assignee_allows(t, actor, referral)
    ]


def authorise(action: str, actor: Actor, referral: ReferralState, rules: Rules, now: datetime) -> Transition:
    """The transition for ``action`` if ``actor`` may take it now, else the problem that says why."""
    t = TRANSITIONS[action]
    sides = sides_of(actor, referral)
    if t.side not in sides:
        raise Problem(
            403,
            "wrong_side",
            f"'{action}' is taken by the {t.side.value}, not by your institution",
            action=action,
            side=t.side.value,
        )
    if not _status_allows(t, referral):
        raise illegal(action, referral, allowed(actor, referral, rules, now))
    if not guard_passes(t, referral, rules, now):
        if t.guard == "reopen_window":
            raise Problem(409, "reopen_window_passed", "the referral ended too long ago to be reopened")
        raise Problem(409, "chain_too_deep", "this chain cannot be forwarded any further")
    if not _role_allows(t, actor):
        raise Problem(
            403,
            "role_required",
            f"'{action}' requires one of the roles: " + ", ".join(sorted(t.roles)),
            required_roles=sorted(t.roles),
        )
    if not _assignee_allows(t, actor, referral):
        raise Problem(403, "not_assignee", "the referral is assigned to someone else; ask a coordinator")
    return t


def illegal(action: str, referral: ReferralState, allowed_now: list[Transition]) -> Problem:
    flags = [f for f in ("cancellation_requested", "acknowledged") if getattr(referral, f)]
    return Problem(
        409,
        "illegal_transition",
        f"'{action}' is not allowed while the referral is {referral.status}",
        current_status=referral.status,
        flags=flags,
        allowed_actions=[t.action for t in allowed_now],
    )
