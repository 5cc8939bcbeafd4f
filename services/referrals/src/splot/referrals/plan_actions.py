"""Referrals that serve plan actions (issue #14): a referral created from an action of an
individual plan in the client registry carries its ``plan_action_id``, and the action follows
the referral's status, outcome and receiver.

Every transition of such a referral (the send included) writes the new state as a
:class:`~splot.referrals.models.PlanActionSync` row *in the transaction of the transition*
(:func:`follow`, called by :func:`splot.referrals.recording.record`); after the commit the request
hands it to the registry (``PUT /v1/internal/plan-actions/{action_id}/referral``) and the
scheduler retries whatever did not get through, with back-off. So the action never shows a
transition that did not commit and never misses one that did. The registry keeps the newest state
by the referral's version, so repeats are harmless; an older pending state of the same referral
is superseded when a newer one is written. Drafts write nothing: an action's draft referral is
its sender's only (``GET /v1/referrals?plan_action_id=`` shows it to the sender).

A state the registry refuses for good (no such action, or not this referral's: 404, 409, 422) is
not retried: the row is closed with ``last_error`` ``refused_<status>``.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.background import Backoff
from splot.common.db import table_of
from splot.referrals import handover
from splot.referrals.models import PlanActionSync, Referral
from splot.referrals.peers import Peers
from splot.referrals.peers_clients_plans import PlanActionRefused, PlanActionState
from splot.referrals.workflow import Status

#: Waits between attempts to hand a state to the registry: 30 s, doubling, at most an hour.
RETRY = Backoff.seconds(30)

_WRITTEN = "splot.referrals.plan_action_syncs"


async def follow(session: AsyncSession, referral: Referral, *, now: datetime) -> None:
    """After a recorded transition (flushed, version moved): record the referral's new state for
    the plan action it serves."""
    if (
        referral.plan_action_id is None
        or referral.status == Status.draft.value
        or referral.target_institution_id is None
    ):
        return
    await session.execute(
        update(PlanActionSync)
        .where(
            PlanActionSync.referral_id == referral.id,
            PlanActionSync.done_at.is_(None),
            PlanActionSync.superseded_at.is_(None),
        )
        .values(superseded_at=now)
        .execution_options(synchronize_session=False)
    )
    outcomes = list(referral.outcome_codes or [])
    session.add(
        PlanActionSync(
            referral_id=referral.id,
            plan_action_id=referral.plan_action_id,
            person_id=referral.person_id,
            sender_institution_id=referral.sender_institution_id,
            status=referral.status,
            outcome_code=outcomes[0] if outcomes else None,
            receiver_institution_id=referral.target_institution_id,
            version=referral.version,
            next_attempt_at=now,
            created_at=now,
        )
    )
    session.info.setdefault(_WRITTEN, set()).add(referral.id)


def written(session: AsyncSession) -> list[uuid.UUID]:
    """The referrals whose states this session wrote (and forgets them): what to deliver after
    the commit, such as the parent of a forwarded referral."""
    ids: set[uuid.UUID] = session.info.pop(_WRITTEN, set())
    return sorted(ids)


def _refused(exc: Exception) -> str | None:
    """A state the registry refuses for good (no such action, or not this referral's)."""
    return f"refused_{exc.status}" if isinstance(exc, PlanActionRefused) else None


#: Plan actions' referrals, handed to the registry; the columns that make a state (named as its
#: fields).
CHANNEL = handover.Channel(
    table_of(PlanActionSync),
    (
        "plan_action_id",
        "referral_id",
        "person_id",
        "sender_institution_id",
        "status",
        "outcome_code",
        "receiver_institution_id",
        "version",
    ),
    retry=RETRY,
    deferred="plan_action_sync_deferred",
    final=_refused,
)


def state_of(sync: PlanActionSync | Mapping[Any, Any]) -> PlanActionState:
    """What a queued row (or its columns by name) hands to the registry."""
    if not isinstance(sync, Mapping):
        return PlanActionState(**{name: getattr(sync, name) for name in CHANNEL.columns})
    return PlanActionState(**{name: sync[name] for name in CHANNEL.columns})


def _call(peers: Peers) -> handover.Call:
    return lambda row: peers.put_plan_action_referral(state_of(row))


async def send_due(maker: handover.Maker, peers: Peers, *, now: datetime) -> bool | None:
    """The scheduler's attempt on the state due the longest (see :meth:`handover.Channel.send_due`)."""
    return await CHANNEL.send_due(maker, _call(peers), now=now)


async def deliver_pending(maker: handover.Maker, peers: Peers, referral_ids: list[uuid.UUID]) -> None:
    """Right after the commit of a transition: hand its plan action states to the registry
    (:mod:`~splot.referrals.handover`; the scheduler catches anything that fails here)."""
    await CHANNEL.deliver(maker, referral_ids, _call(peers))
