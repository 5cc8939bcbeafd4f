"""Access to a person beyond registration: the referral grants held on a person, and break-glass
(opening one, and the list shown to registering institutions and auditors)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, status

from splot.clients import break_glass, grants, schemas
from splot.clients.persons import PersonMerged
from splot.clients.routes.deps import (
    PERSON_READ_RESPONSES,
    Audit,
    AuditorOrReader,
    Coordinator,
    PersonId,
    Reader,
    Settings,
    merged_redirect,
)
from splot.common.api import LIST_RESPONSES, WRITE_RESPONSES, Cursor, Limit
from splot.common.db import SessionDep

router = APIRouter(prefix="/v1", tags=["access"])


@router.get(
    "/persons/{person_id:uuid}/access-grants",
    response_model=schemas.GrantPage,
    responses=PERSON_READ_RESPONSES,
)
async def list_person_grants(
    session: SessionDep,
    actor: Reader,
    audit: Audit,
    person_id: PersonId,
    request: Request,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.GrantPage:
    """Which institutions hold (or held) referral access to the person."""
    try:
        items, next_cursor = await grants.list_person_grants(
            session, actor=actor, person_id=person_id, cursor=cursor, limit=limit, audit=audit
        )
    except PersonMerged as moved:
        raise merged_redirect(request, moved, person_id) from None
    return schemas.GrantPage(items=items, next_cursor=next_cursor)


@router.post(
    "/persons/{person_id:uuid}/break-glass",
    response_model=schemas.BreakGlassRead,
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_RESPONSES,
    openapi_extra={
        "x-no-location": "break-glass access has no URL of its own (GET /v1/break-glass lists it)"
    },
)
async def open_break_glass(
    session: SessionDep,
    actor: Coordinator,
    audit: Audit,
    settings: Settings,
    person_id: PersonId,
    data: schemas.BreakGlassCreate,
) -> schemas.BreakGlassRead:
    """Emergency access for you alone (coordinators): time-boxed, reasoned, audited, shown to the owner."""
    glass = await break_glass.open_break_glass(
        session, actor=actor, person_id=person_id, data=data, settings=settings, audit=audit
    )
    return break_glass.break_glass_read(glass)


@router.get("/break-glass", response_model=schemas.BreakGlassPage, responses=LIST_RESPONSES)
async def list_break_glass(
    session: SessionDep,
    who: AuditorOrReader,
    person_id: uuid.UUID | None = None,
    active: bool | None = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.BreakGlassPage:
    """Break-glass accesses to persons your institution registered, and those it opened (auditors: all)."""
    principal, actor = who
    items, next_cursor = await break_glass.list_break_glass(
        session,
        principal=principal,
        actor=actor,
        person_id=person_id,
        active=active,
        cursor=cursor,
        limit=limit,
    )
    return schemas.BreakGlassPage(
        items=[break_glass.break_glass_read(g) for g in items], next_cursor=next_cursor
    )
