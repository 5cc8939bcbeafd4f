"""Consents: recorded by an institution that may write the person's case data, read by anyone
who sees the person, withdrawn (effective at once) by the institution that recorded them.
Keyword-only, ``flush()`` never ``commit()``."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients import events, schemas
from splot.clients.access import Access, Actor, AuditContext, log_access
from splot.clients.models import Consent
from splot.clients.persons import PersonMerged, touch, visible_person, writable_person
from splot.common.db import utcnow
from splot.common.errors import Problem, forbidden, not_found
from splot.common.pagination import paginate


def consent_read(consent: Consent, now: datetime | None = None) -> schemas.ConsentRead:
    return schemas.ConsentRead.model_validate(
        {
            **{k: getattr(consent, k) for k in schemas.ConsentRead.model_fields if k != "state"},
            "state": consent.state_at(now or utcnow()),
        }
    )


async def create_consent(
    session: AsyncSession,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    data: schemas.ConsentCreate,
    audit: AuditContext,
) -> Consent:
    person, access = await writable_person(session, actor=actor, person_id=person_id)
    now = utcnow()
    given_at = data.given_at or now
    if given_at > now + timedelta(minutes=5):
        raise Problem(422, "consent_in_future", "given_at cannot be in the future")
    if data.expires_at is not None and data.expires_at <= now:
        raise Problem(422, "consent_expired", "expires_at is already past")
    consent = Consent(
        person_id=person.id,
        purpose=data.purpose.value,
        recipient_institution_id=data.recipient_institution_id,
        recipient_institution_type=data.recipient_institution_type,
        service_type_code=data.service_type_code,
        covers_sensitive=data.covers_sensitive,
        given_at=given_at,
        expires_at=data.expires_at,
        evidence_reference=data.evidence_reference,
        recorded_by_institution_id=actor.institution_id,
        recorded_by=actor.subject[:128],
    )
    session.add(consent)
    await session.flush()
    await events.consent_event(session, "consent.given", consent)
    await touch(session, person.id)
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person.id],
        action="consent_record",
        legal_basis=access.basis,
        basis_ref=str(consent.id),
    )
    return consent


async def list_consents(
    session: AsyncSession,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    cursor: str | None,
    limit: int | None,
    audit: AuditContext,
) -> tuple[list[Consent], str | None]:
    person, access = await visible_person(session, actor=actor, person_id=person_id)
    rows, next_cursor = await paginate(
        session,
        select(Consent).where(Consent.person_id == person.id),
        order_by=[Consent.created_at, Consent.id],
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
    return rows, next_cursor


async def _visible_consent(
    session: AsyncSession, *, actor: Actor, consent_id: uuid.UUID
) -> tuple[Consent, Access]:
    consent = await session.get(Consent, consent_id)
    if consent is None:
        raise not_found("consent")
    try:
        _, access = await visible_person(session, actor=actor, person_id=consent.person_id)
    except PersonMerged as exc:  # consents move with a merge; a stale row cannot exist
        raise not_found("consent") from exc
    except Problem as exc:
        raise not_found("consent") from exc
    return consent, access


async def get_consent(
    session: AsyncSession, *, actor: Actor, consent_id: uuid.UUID, audit: AuditContext
) -> Consent:
    consent, access = await _visible_consent(session, actor=actor, consent_id=consent_id)
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[consent.person_id],
        action="read",
        legal_basis=access.basis,
        basis_ref=access.basis_ref,
    )
    return consent


async def withdraw_consent(
    session: AsyncSession,
    *,
    actor: Actor,
    consent_id: uuid.UUID,
    data: schemas.ConsentWithdraw,
    audit: AuditContext,
) -> Consent:
    """Withdrawal takes effect at once: grants based on the consent stop giving access."""
    consent, access = await _visible_consent(session, actor=actor, consent_id=consent_id)
    if consent.recorded_by_institution_id != actor.institution_id:
        raise forbidden("only the institution that recorded the consent withdraws it")
    if consent.withdrawn_at is not None:
        return consent
    consent.withdrawn_at = utcnow()
    consent.withdrawal_reason = data.reason
    await session.flush()
    await events.consent_event(session, "consent.withdrawn", consent)
    await touch(session, consent.person_id)
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[consent.person_id],
        action="consent_withdraw",
        legal_basis=access.basis,
        basis_ref=str(consent.id),
    )
    return consent
