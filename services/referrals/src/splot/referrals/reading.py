"""What every referral rule starts with: who may read or change referrals, loading one the caller
may see (404 for absent and not yours alike), the table's rules from the settings, the referral
as the API shows it, and the flush that bumps its version (412 when someone was faster)."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError

from splot.common.db import utcnow
from splot.common.errors import Problem, forbidden, not_found
from splot.referrals import schemas
from splot.referrals.config import ReferralsSettings
from splot.referrals.models import Referral
from splot.referrals.workflow import Actor, Rules, Side, allowed, sides_of


def rules(settings: ReferralsSettings) -> Rules:
    return Rules(
        reopen_window=timedelta(days=settings.reopen_window_days), max_chain_depth=settings.max_chain_depth
    )


def require_reader(actor: Actor) -> None:
    if not actor.can_read:
        raise forbidden("referrals are read by caseworkers and coordinators (or systems with referrals:read)")


def require_writer(actor: Actor) -> None:
    require_reader(actor)
    if not actor.roles:
        raise forbidden("your role or token does not allow changing referrals")


def is_party(referral: Referral, actor: Actor) -> bool:
    """The actor's institution sent it, or received it (a draft is its sender's only)."""
    return bool(sides_of(actor, referral) - {Side.system})


async def load_referral(
    session: AsyncSession, referral_id: uuid.UUID, actor: Actor, *, for_update: bool = False
) -> Referral:
    stmt = select(Referral).where(Referral.id == referral_id).execution_options(populate_existing=True)
    if for_update:
        # Concurrent transitions queue here; the loser then sees the new version: 412.
        stmt = stmt.with_for_update()
    referral = (await session.scalars(stmt)).first()
    if referral is None or (not actor.is_system and not is_party(referral, actor)):
        raise not_found("referral")
    return referral


async def get_referral(session: AsyncSession, *, referral_id: uuid.UUID, actor: Actor) -> Referral:
    require_reader(actor)
    return await load_referral(session, referral_id, actor)


async def flush_change(session: AsyncSession) -> None:
    """Flush a referral's change; a version that moved meanwhile is a 412."""
    try:
        await session.flush()
    except StaleDataError as exc:
        raise Problem(
            412, "stale_etag", "the referral was changed by someone else; reload it and try again"
        ) from exc


def referral_read(
    referral: Referral, actor: Actor, settings: ReferralsSettings, now: datetime | None = None
) -> schemas.ReferralRead:
    now = now or utcnow()
    legal_basis = None
    if referral.legal_basis_kind:
        legal_basis = schemas.LegalBasisRead(
            kind=referral.legal_basis_kind,
            article=referral.legal_basis_article,
            consent_id=referral.consent_id,
        )
    actions = allowed(actor, referral, rules(settings), now) if actor.roles else []
    data = {
        name: getattr(referral, name) for name in schemas.ReferralRead.model_fields if hasattr(referral, name)
    }
    data.update(
        overdue=referral.overdue_at(now),
        legal_basis=legal_basis,
        outcome_codes=list(referral.outcome_codes or []),
        my_sides=sorted(sides_of(actor, referral) - {Side.system}),
        allowed_actions=[
            schemas.AllowedAction(
                action=t.action,
                endpoint=t.endpoint,
                required_fields=list(t.required),
                optional_fields=list(t.optional),
            )
            for t in actions
        ],
    )
    return schemas.ReferralRead.model_validate(data)
