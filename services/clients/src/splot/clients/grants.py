"""Access grants as the registry answers them: whether a grant works now (not expired, its consent
neither withdrawn nor expired), and the grants held on a person. Grants are written by the
referrals service (:mod:`splot.clients.internal`)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients import schemas
from splot.clients.access import Actor, AuditContext, log_access
from splot.clients.models import AccessGrant, Consent, GrantLike
from splot.clients.persons import visible_person
from splot.common.db import utcnow
from splot.common.pagination import paginate


def grant_read(
    grant: GrantLike, *, consent: Consent | None, now: datetime | None = None
) -> schemas.GrantRead:
    now = now or utcnow()
    active = grant.expires_at is None or grant.expires_at > now
    if grant.legal_basis == "consent":
        active = active and consent is not None and consent.state_at(now) == "valid"
    return schemas.GrantRead(
        id=grant.id,
        person_id=grant.person_id,
        institution_id=grant.institution_id,
        referral_id=grant.referral_id,
        legal_basis=schemas.LegalBasis(grant.legal_basis),
        consent_id=grant.consent_id,
        covers_sensitive=grant.covers_sensitive,
        sender_institution_id=grant.sender_institution_id,
        service_type_code=grant.service_type_code,
        accepted_at=grant.accepted_at,
        active=active,
        granted_at=grant.granted_at,
        revoked_at=grant.revoked_at,
        expires_at=grant.expires_at,
        version=grant.version,
    )


async def grant_reads(session: AsyncSession, grants: Sequence[GrantLike]) -> list[schemas.GrantRead]:
    consent_ids = {g.consent_id for g in grants if g.consent_id}
    consents = (
        {c.id: c for c in (await session.scalars(select(Consent).where(Consent.id.in_(consent_ids)))).all()}
        if consent_ids
        else {}
    )
    now = utcnow()
    return [
        grant_read(g, consent=consents.get(g.consent_id) if g.consent_id else None, now=now) for g in grants
    ]


async def list_person_grants(
    session: AsyncSession,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    cursor: str | None,
    limit: int | None,
    audit: AuditContext,
) -> tuple[list[schemas.GrantRead], str | None]:
    person, access = await visible_person(session, actor=actor, person_id=person_id)
    rows, next_cursor = await paginate(
        session,
        select(AccessGrant).where(AccessGrant.person_id == person.id),
        order_by=[AccessGrant.granted_at, AccessGrant.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person.id],
        action="read",
        legal_basis=access.basis,
        basis_ref=access.basis_ref,
    )
    return await grant_reads(session, rows), next_cursor
