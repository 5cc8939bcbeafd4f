"""Event payloads of the clients service: their published schemas (``openapi/events/clients.json``)
and the one function that builds each. None carries a direct identifier: no names, PESEL,
document numbers, contact data or free text; persons appear only by their registry UUID (which
reporting pseudonymises on ingestion), birth year, sex and gmina."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import ConfigDict
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients.models import AccessRequest, Consent, GrantLike, Person
from splot.common.events import EventPayload, declare, emit

SERVICE = "clients"
_PERSON = "0b6f3c1e-5d2a-4c8e-9f10-2a3b4c5d6e7f"
_INSTITUTION = "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"


_PERSON_EXAMPLE: dict[str, Any] = {
    "person_id": _PERSON,
    "birth_year": 1985,
    "sex": "F",
    "gmina": "1219053",
    "registering_institution_id": _INSTITUTION,
    "status": "active",
}


class PersonPayload(EventPayload):
    model_config = ConfigDict(json_schema_extra={"examples": [_PERSON_EXAMPLE]})

    person_id: uuid.UUID
    birth_year: int
    sex: Literal["F", "M"]
    #: TERYT code of the gmina of residence, when known.
    gmina: str | None
    #: The institution that created the record.
    registering_institution_id: uuid.UUID
    status: Literal["active", "merged", "anonymised"]


class PersonRegisteredPayload(PersonPayload):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **_PERSON_EXAMPLE,
                    "institution_id": "3d4e5f60-7182-4394-a5b6-c7d8e9f0a1b2",
                }
            ]
        }
    )

    #: The institution that registered the person now (a second registrant, an import).
    institution_id: uuid.UUID


class PersonMergedPayload(PersonPayload):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **_PERSON_EXAMPLE,
                    "merged_person_id": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
                }
            ]
        }
    )

    #: The record merged into this one (it now redirects here).
    merged_person_id: uuid.UUID


class PersonUnmergedPayload(PersonPayload):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **_PERSON_EXAMPLE,
                    "survivor_person_id": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
                }
            ]
        }
    )

    #: The record this one had been merged into (a merge undone).
    survivor_person_id: uuid.UUID


class ConsentPayload(EventPayload):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "consent_id": "5f6e7d8c-9b0a-4c1d-8e2f-3a4b5c6d7e8f",
                    "person_id": _PERSON,
                    "purpose": "referral",
                    "recipient_institution_id": None,
                    "recipient_institution_type": "NGO",
                    "service_type_code": None,
                    "covers_sensitive": False,
                    "recorded_by_institution_id": _INSTITUTION,
                    "given_at": "2026-11-02T09:30:00+00:00",
                    "expires_at": None,
                    "withdrawn_at": None,
                }
            ]
        }
    )

    consent_id: uuid.UUID
    person_id: uuid.UUID
    purpose: Literal["referral", "information_exchange", "service_delivery"]
    recipient_institution_id: uuid.UUID | None
    recipient_institution_type: str | None
    service_type_code: str | None
    covers_sensitive: bool
    recorded_by_institution_id: uuid.UUID
    given_at: datetime
    expires_at: datetime | None
    withdrawn_at: datetime | None


class GrantPayload(EventPayload):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "grant_id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                    "person_id": _PERSON,
                    "institution_id": "3d4e5f60-7182-4394-a5b6-c7d8e9f0a1b2",
                    "referral_id": "6e5d4c3b-2a19-4807-b6a5-f4e3d2c1b0a9",
                    "legal_basis": "statutory",
                    "consent_id": None,
                    "covers_sensitive": False,
                    "granted_at": "2026-11-02T10:00:00+00:00",
                    "revoked_at": None,
                    "expires_at": None,
                }
            ]
        }
    )

    grant_id: uuid.UUID
    person_id: uuid.UUID
    #: The institution given access (a referral's receiver).
    institution_id: uuid.UUID
    referral_id: uuid.UUID
    legal_basis: Literal["statutory", "consent"]
    consent_id: uuid.UUID | None
    covers_sensitive: bool
    granted_at: datetime
    revoked_at: datetime | None
    expires_at: datetime | None


class AccessRequestPayload(EventPayload):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "access_request_id": "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9",
                    "person_id": _PERSON,
                    "requester_institution_id": "3d4e5f60-7182-4394-a5b6-c7d8e9f0a1b2",
                    "state": "approved",
                    "decided_by_institution_id": _INSTITUTION,
                    "created_at": "2026-03-02T09:15:00Z",
                    "expires_at": "2026-03-16T09:15:00Z",
                    "decided_at": "2026-03-03T11:40:00Z",
                }
            ]
        }
    )

    access_request_id: uuid.UUID
    person_id: uuid.UUID
    #: The institution asking for access (registered on approval).
    requester_institution_id: uuid.UUID
    state: Literal["pending", "approved", "declined", "expired"]
    #: The registering institution that approved or declined it.
    decided_by_institution_id: uuid.UUID | None
    created_at: datetime
    expires_at: datetime
    decided_at: datetime | None


declare(
    SERVICE,
    "access_request",
    AccessRequestPayload,
    access_request__created="An institution asked a person's registering institutions for access to the record.",
    access_request__approved="A registering institution approved an access request: the requester is registered.",
    access_request__declined="A registering institution declined an access request.",
    access_request__expired="An access request ran out without a decision: it grants nothing.",
)
declare(
    SERVICE,
    "person",
    PersonPayload,
    person__created="A person was registered in the registry (a new record).",
    person__updated="A person's record changed (identity, contact or gmina).",
    person__anonymised="Retention anonymised a person: only birth year, sex and gmina remain.",
)
declare(
    SERVICE,
    "person",
    PersonRegisteredPayload,
    person__registered="Another institution registered the person.",
)
declare(
    SERVICE, "person", PersonMergedPayload, person__merged="A duplicate record was merged into this person."
)
declare(
    SERVICE,
    "person",
    PersonUnmergedPayload,
    person__unmerged="A merge was undone: this record is active again.",
)
declare(
    SERVICE,
    "consent",
    ConsentPayload,
    consent__given="A person's consent was recorded.",
    consent__withdrawn="A person withdrew a consent.",
)
declare(
    SERVICE,
    "access_grant",
    GrantPayload,
    access__granted="An institution was given access to a person for a referral (or given it again).",
    access__revoked="A referral ended: the access runs out at expires_at.",
)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def person_payload(person: Person) -> dict[str, Any]:
    return person_payload_of(
        person_id=person.id,
        birth_year=person.birth_year,
        sex=person.sex,
        gmina=person.gmina,
        registering_institution_id=person.registered_by_institution_id,
        status=person.status,
    )


def person_payload_of(
    *,
    person_id: uuid.UUID,
    birth_year: int,
    sex: str,
    gmina: str | None,
    registering_institution_id: uuid.UUID,
    status: str,
) -> dict[str, Any]:
    """The ``person.*`` payload (also built by the bulk import, which works on rows, not models)."""
    return {
        "person_id": str(person_id),
        "birth_year": birth_year,
        "sex": sex,
        "gmina": gmina,
        "registering_institution_id": str(registering_institution_id),
        "status": status,
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


def grant_payload(grant: GrantLike) -> dict[str, Any]:
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


async def grant_event(session: AsyncSession, event_type: str, grant: GrantLike) -> None:
    await emit(
        session,
        event_type,
        aggregate_type="access_grant",
        aggregate_id=grant.id,
        payload=grant_payload(grant),
    )


def access_request_payload(request: AccessRequest, *, state: str) -> dict[str, Any]:
    return {
        "access_request_id": str(request.id),
        "person_id": str(request.person_id),
        "requester_institution_id": str(request.requester_institution_id),
        "state": state,
        "decided_by_institution_id": str(request.decided_by_institution_id)
        if request.decided_by_institution_id
        else None,
        "created_at": _iso(request.created_at),
        "expires_at": _iso(request.expires_at),
        "decided_at": _iso(request.decided_at),
    }


async def access_request_event(session: AsyncSession, request: AccessRequest, *, state: str) -> None:
    await emit(
        session,
        f"access_request.{state}" if state != "pending" else "access_request.created",
        aggregate_type="access_request",
        aggregate_id=request.id,
        payload=access_request_payload(request, state=state),
    )
