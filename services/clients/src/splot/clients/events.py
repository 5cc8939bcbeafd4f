"""Event payloads of the clients service. None carries a direct identifier: no names, PESEL,
document numbers, contact data or free text; persons appear only by their registry UUID (which
reporting pseudonymises on ingestion), birth year, sex and gmina."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients.models import AccessGrant, Consent, Person
from splot.common.events import emit


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def person_payload(person: Person) -> dict[str, Any]:
    return {
        "person_id": str(person.id),
        "birth_year": person.birth_year,
        "sex": person.sex,
        "gmina": person.gmina,
        "registering_institution_id": str(person.registered_by_institution_id),
        "status": person.status,
    }


def consent_payload(consent: Consent) -> dict[str, Any]:
    return {
        "consent_id": str(consent.id),
        "person_id": str(consent.person_id),
        "purpose": consent.purpose,
        "recipient_institution_id": str(consent.recipient_institution_id)
        if consent.recipient_institution_id
        else None,
        "recipient_institution_type": consent.recipient_institution_type,
        "service_type_code": consent.service_type_code,
        "covers_sensitive": consent.covers_sensitive,
        "recorded_by_institution_id": str(consent.recorded_by_institution_id),
        "given_at": _iso(consent.given_at),
        "expires_at": _iso(consent.expires_at),
        "withdrawn_at": _iso(consent.withdrawn_at),
    }


def grant_payload(grant: AccessGrant) -> dict[str, Any]:
    return {
        "grant_id": str(grant.id),
        "person_id": str(grant.person_id),
        "institution_id": str(grant.institution_id),
        "referral_id": str(grant.referral_id),
        "legal_basis": grant.legal_basis,
        "consent_id": str(grant.consent_id) if grant.consent_id else None,
        "covers_sensitive": grant.covers_sensitive,
        "granted_at": _iso(grant.granted_at),
        "revoked_at": _iso(grant.revoked_at),
        "expires_at": _iso(grant.expires_at),
    }


async def person_event(session: AsyncSession, event_type: str, person: Person, **extra: Any) -> None:
    await emit(
        session,
        event_type,
        aggregate_type="person",
        aggregate_id=person.id,
        payload={**person_payload(person), **extra},
    )


async def consent_event(session: AsyncSession, event_type: str, consent: Consent) -> None:
    await emit(
        session,
        event_type,
        aggregate_type="consent",
        aggregate_id=consent.id,
        payload=consent_payload(consent),
    )


async def grant_event(session: AsyncSession, event_type: str, grant: AccessGrant) -> None:
    await emit(
        session,
        event_type,
        aggregate_type="access_grant",
        aggregate_id=grant.id,
        payload=grant_payload(grant),
    )
