"""Consents: a person's consents, recording one, reading one, and withdrawing it."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, Response, status

from splot.clients import consents, schemas
from splot.clients.persons import PersonMerged
from splot.clients.routes.deps import (
    PERSON_READ_RESPONSES,
    Audit,
    PersonId,
    Reader,
    Writer,
    merged_redirect,
)
from splot.common.api import READ_RESPONSES, WRITE_RESPONSES, Cursor, Limit
from splot.common.db import SessionDep
from splot.common.etag import etag_on, set_etag

router = APIRouter(prefix="/v1", tags=["consents"])


@router.get(
    "/persons/{person_id:uuid}/consents",
    response_model=schemas.ConsentPage,
    responses=PERSON_READ_RESPONSES,
)
async def list_consents(
    session: SessionDep,
    actor: Reader,
    audit: Audit,
    person_id: PersonId,
    request: Request,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.ConsentPage:
    """The person's consents (withdrawn and expired ones included, with their state)."""
    try:
        items, next_cursor = await consents.list_consents(
            session, actor=actor, person_id=person_id, cursor=cursor, limit=limit, audit=audit
        )
    except PersonMerged as moved:
        raise merged_redirect(request, moved, person_id) from None
    return schemas.ConsentPage(items=[consents.consent_read(c) for c in items], next_cursor=next_cursor)


@router.post(
    "/persons/{person_id:uuid}/consents",
    response_model=schemas.ConsentRead,
    status_code=status.HTTP_201_CREATED,
    responses={**WRITE_RESPONSES, **etag_on(201)},
)
async def create_consent(
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    person_id: PersonId,
    data: schemas.ConsentCreate,
    response: Response,
) -> schemas.ConsentRead:
    """Record the person's consent to share their data with an institution or institution type."""
    consent = await consents.create_consent(session, actor=actor, person_id=person_id, data=data, audit=audit)
    set_etag(response, consent.id, consent.version)
    response.headers["Location"] = f"../../consents/{consent.id}"  # /v1/consents/{id}
    return consents.consent_read(consent)


@router.get(
    "/consents/{consent_id}", response_model=schemas.ConsentRead, responses={**READ_RESPONSES, **etag_on(200)}
)
async def get_consent(
    session: SessionDep, actor: Reader, audit: Audit, consent_id: uuid.UUID, response: Response
) -> schemas.ConsentRead:
    """One consent of a person you may see."""
    consent = await consents.get_consent(session, actor=actor, consent_id=consent_id, audit=audit)
    set_etag(response, consent.id, consent.version)
    return consents.consent_read(consent)


@router.post(
    "/consents/{consent_id}/withdraw",
    response_model=schemas.ConsentRead,
    responses={**WRITE_RESPONSES, **etag_on(200)},
)
async def withdraw_consent(
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    consent_id: uuid.UUID,
    data: schemas.ConsentWithdraw,
    response: Response,
) -> schemas.ConsentRead:
    """Withdraw a consent (the institution that recorded it); effective immediately."""
    consent = await consents.withdraw_consent(
        session, actor=actor, consent_id=consent_id, data=data, audit=audit
    )
    set_etag(response, consent.id, consent.version)
    return consents.consent_read(consent)
