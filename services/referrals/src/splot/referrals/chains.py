"""Forwarding chains: the receiver refers the person on (a child referral, sent at once, and a
``forward`` transition of the parent), the part of a chain a caller may see, and a referral's
immutable history."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.db import utcnow
from splot.common.etag import check_if_match
from splot.referrals import programmes, schemas
from splot.referrals.config import ReferralsSettings
from splot.referrals.drafts import apply_fields, new_referral_id, referral_number
from splot.referrals.models import Referral, ReferralEvent
from splot.referrals.peers import Peers
from splot.referrals.reading import (
    get_referral,
    is_party,
    load_referral,
    read_referral,
    require_reader,
    require_writer,
    rules,
)
from splot.referrals.recording import record
from splot.referrals.sending import send
from splot.referrals.workflow import TRANSITIONS, Actor, Status, authorise


async def _child_of(
    session: AsyncSession,
    parent: Referral,
    data: schemas.ForwardRequest,
    *,
    actor: Actor,
    now: datetime,
    child_id: uuid.UUID | None,
) -> Referral:
    """The child referral as a draft of the actor's institution, in the parent's chain (flushed)."""
    assert actor.institution_id is not None
    if child_id is None:
        child_id, number = await new_referral_id(session, now.year)
    else:
        number = referral_number(child_id, now.year)
    child = Referral(
        id=child_id,
        number=number,
        person_id=parent.person_id,
        sender_institution_id=actor.institution_id,
        sender_user_id=actor.user_id,
        created_by=actor.subject or "system",
        parent_referral_id=parent.id,
        chain_root_id=parent.chain_root_id,
        chain_depth=parent.chain_depth + 1,
        status=Status.draft.value,
        outcome_codes=[],
        created_at=now,
        updated_at=now,
    )
    apply_fields(child, data.model_dump())
    if "programme" not in data.model_fields_set:
        child.programme = parent.programme  # inherited unless the forward names one (or null)
    session.add(child)
    await session.flush()
    return child


async def forward(
    session: AsyncSession,
    *,
    referral_id: uuid.UUID,
    data: schemas.ForwardRequest,
    actor: Actor,
    if_match: str | None,
    peers: Peers,
    settings: ReferralsSettings,
    now: datetime | None = None,
    child_id: uuid.UUID | None = None,
) -> Referral:
    """The receiver refers the person on: a child referral, sent at once, in the same chain."""
    require_writer(actor)
    assert actor.institution_id is not None
    now = now or utcnow()
    parent = await load_referral(session, referral_id, actor, for_update=True)
    check_if_match(if_match, parent.id, parent.version)
    t = authorise("forward", actor, parent, rules(settings), now)
    if data.programme is not None:
        await programmes.check(data.programme, peers=peers)
    child = await _child_of(session, parent, data, actor=actor, now=now, child_id=child_id)
    await send(
        session,
        child,
        TRANSITIONS["send"],
        actor=actor,
        peers=peers,
        settings=settings,
        now=now,
        text=None,
    )
    parent.updated_at = now  # the parent's version moves too: forwarding is one of its transitions
    await record(
        session,
        parent,
        t,
        actor=actor,
        from_status=parent.status,
        settings=settings,
        now=now,
        text=None,
        details={"child_referral_id": str(child.id)},
    )
    return child


async def chain(session: AsyncSession, *, referral_id: uuid.UUID, actor: Actor) -> schemas.ChainRead:
    """The whole tree, for every party of the chain (an institution that sent or received any of
    its referrals). Nodes you are not a party of show status, dates, parties and outcome; a
    sensitive one of someone else's shows not even its service type or outcome."""
    require_reader(actor)
    referral, _ = await read_referral(session, referral_id=referral_id, actor=actor)
    nodes = list(
        (
            await session.scalars(
                select(Referral)
                .where(
                    Referral.chain_root_id == referral.chain_root_id, Referral.status != Status.draft.value
                )
                .order_by(Referral.chain_depth, Referral.created_at, Referral.id)
            )
        ).all()
    )
    if referral.status == Status.draft.value:
        nodes = [referral]
    now = utcnow()
    return schemas.ChainRead(
        chain_root_id=referral.chain_root_id, items=[_node(n, actor, now) for n in nodes]
    )


def _node(n: Referral, actor: Actor, now: datetime) -> schemas.ChainNode:
    party = is_party(n, actor)
    hide = n.sensitive and not party
    return schemas.ChainNode(
        id=n.id,
        number=n.number,
        parent_referral_id=n.parent_referral_id,
        chain_depth=n.chain_depth,
        status=n.status,
        business_status=n.business_status,
        outcome_codes=[] if hide else list(n.outcome_codes or []),
        sender_institution_id=n.sender_institution_id,
        target_institution_id=n.target_institution_id,
        service_type_code=None if hide else n.service_type_code,
        priority=n.priority,
        overdue=n.overdue_at(now),
        sent_at=n.sent_at,
        ended_at=n.ended_at,
        party=party,
        sensitive=n.sensitive,
    )


async def referral_events(
    session: AsyncSession, *, referral_id: uuid.UUID, actor: Actor
) -> list[ReferralEvent]:
    await get_referral(session, referral_id=referral_id, actor=actor)
    return list(
        (
            await session.scalars(
                select(ReferralEvent)
                .where(ReferralEvent.referral_id == referral_id)
                .order_by(ReferralEvent.version, ReferralEvent.occurred_at)
            )
        ).all()
    )
