"""Drafts: creating a referral (and sending it at once with ``send``), editing and discarding a
draft, and referral numbers."""

from __future__ import annotations

import hashlib
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.db import new_id, utcnow
from splot.common.errors import Problem, not_found
from splot.common.etag import check_if_match
from splot.referrals import legal_bases, programmes, schemas
from splot.referrals.config import ReferralsSettings
from splot.referrals.models import Referral
from splot.referrals.peers import Peers
from splot.referrals.reading import flush_change, load_referral, require_writer, rules
from splot.referrals.sending import dates_consistent, send
from splot.referrals.workflow import Actor, Status, authorise

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def referral_number(referral_id: uuid.UUID, year: int) -> str:
    """``SK-2026-7K3QM-A9X2F``: 50 bits of a hash of the id in Crockford base32 (no I, L, O, U)."""
    value = int.from_bytes(hashlib.sha256(referral_id.bytes).digest()[:8]) >> 14
    chars = []
    for _ in range(10):
        chars.append(_CROCKFORD[value & 31])
        value >>= 5
    code = "".join(reversed(chars))
    return f"SK-{year}-{code[:5]}-{code[5:]}"


async def new_referral_id(session: AsyncSession, year: int) -> tuple[uuid.UUID, str]:
    """A fresh id and its number, unique among the referrals (checked before the insert)."""
    while True:
        referral_id = new_id()
        number = referral_number(referral_id, year)
        if (await session.scalars(select(Referral.id).where(Referral.number == number))).first() is None:
            return referral_id, number


def apply_fields(referral: Referral, values: dict[str, Any]) -> None:
    """Copy the fields of a create, update or forward request onto the referral."""
    for name, value in values.items():
        if name == "legal_basis":
            if value is None:
                referral.legal_basis_kind = referral.legal_basis_article = None
                referral.legal_basis_code = referral.consent_id = None
            else:
                # The citation is copied from the catalogue (splot.referrals.legal_bases).
                referral.legal_basis_kind = value["kind"]
                referral.legal_basis_code = value.get("code")
                referral.legal_basis_article = None
                referral.consent_id = value.get("consent_id")
        elif name == "priority":
            referral.priority = value or "routine"
        else:
            setattr(referral, name, value)


async def create_referral(
    session: AsyncSession,
    *,
    data: schemas.ReferralCreate,
    actor: Actor,
    peers: Peers,
    settings: ReferralsSettings,
    now: datetime | None = None,
    referral_id: uuid.UUID | None = None,
) -> Referral:
    """Save a draft of the actor's institution; with ``send`` it is sent at once."""
    require_writer(actor)
    assert actor.institution_id is not None
    now = now or utcnow()
    if referral_id is None:
        referral_id, number = await new_referral_id(session, now.year)
    else:
        number = referral_number(referral_id, now.year)
    referral = Referral(
        id=referral_id,
        number=number,
        person_id=data.person_id,
        sender_institution_id=actor.institution_id,
        sender_user_id=actor.user_id,
        created_by=actor.subject or "system",
        chain_root_id=referral_id,
        chain_depth=0,
        status=Status.draft.value,
        outcome_codes=[],
        created_at=now,
        updated_at=now,
    )
    apply_fields(referral, data.model_dump(exclude={"person_id", "send"}))
    await legal_bases.check_draft(referral, peers=peers)
    await programmes.check(referral.programme, peers=peers)
    session.add(referral)
    await session.flush()
    if data.send:
        t = authorise("send", actor, referral, rules(settings), now)
        await send(session, referral, t, actor=actor, peers=peers, settings=settings, now=now, text=None)
    return referral


async def update_draft(
    session: AsyncSession,
    *,
    referral_id: uuid.UUID,
    data: schemas.ReferralUpdate,
    actor: Actor,
    if_match: str | None,
    peers: Peers,
) -> Referral:
    require_writer(actor)
    referral = await load_referral(session, referral_id, actor, for_update=True)
    if actor.institution_id != referral.sender_institution_id:
        raise not_found("referral")
    check_if_match(if_match, referral.id, referral.version)
    if referral.status != Status.draft:
        raise Problem(
            409,
            "not_a_draft",
            "only drafts are edited; a sent referral changes through its transitions",
            current_status=referral.status,
        )
    changes = data.model_dump(exclude_unset=True)
    if "person_id" in changes and changes["person_id"] is None:
        raise Problem(422, "field_required", "a referral is always about a person: person_id cannot be null")
    apply_fields(referral, changes)
    if "legal_basis" in changes:
        await legal_bases.check_draft(referral, peers=peers)
    if "programme" in changes:
        await programmes.check(referral.programme, peers=peers)
    dates_consistent(referral)
    referral.updated_at = utcnow()
    await flush_change(session)
    return referral


async def discard_draft(
    session: AsyncSession,
    *,
    referral_id: uuid.UUID,
    actor: Actor,
    if_match: str | None,
    settings: ReferralsSettings,
) -> None:
    """Delete a draft: the only thing that is ever deleted."""
    require_writer(actor)
    referral = await load_referral(session, referral_id, actor, for_update=True)
    check_if_match(if_match, referral.id, referral.version)
    authorise("discard", actor, referral, rules(settings), utcnow())
    await session.delete(referral)
    await session.flush()
