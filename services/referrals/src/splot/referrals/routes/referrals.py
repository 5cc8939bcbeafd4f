"""Referrals: drafts (create, read, edit, discard), the inbox and outbox with their counts, the
referrals serving a plan action."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status

from splot.common.api import (
    LIST_RESPONSES,
    PEER_WRITE_RESPONSES,
    READ_RESPONSES,
    WRITE_RESPONSES,
    Cursor,
    Limit,
    responses,
)
from splot.common.db import SessionDep
from splot.common.etag import IfMatch, etag_on, set_etag
from splot.common.validation import IsoDate
from splot.referrals import drafts, occupancy, queries, reading, schemas
from splot.referrals.routes.deps import ActorDep, PeersDep, SettingsDep, commit_then_sync_access
from splot.referrals.workflow import Status

router = APIRouter(prefix="/v1", tags=["referrals"])


@router.post(
    "/referrals",
    response_model=schemas.ReferralRead,
    status_code=status.HTTP_201_CREATED,
    responses={**PEER_WRITE_RESPONSES, **etag_on(201)},
)
async def create_referral(
    request: Request,
    session: SessionDep,
    actor: ActorDep,
    peers: PeersDep,
    settings: SettingsDep,
    data: schemas.ReferralCreate,
    response: Response,
) -> schemas.ReferralRead:
    """Save a draft referral of your institution (or send it at once with ``send: true``)."""
    referral = await drafts.create_referral(session, data=data, actor=actor, peers=peers, settings=settings)
    if referral.status != "draft":
        await commit_then_sync_access(request, session, referral.id)
    set_etag(response, referral.id, referral.version)
    response.headers["Location"] = f"referrals/{referral.id}"
    return reading.referral_read(referral, actor, settings).model_copy(
        update={"capacity_warning": occupancy.warning_of(session, referral.id)}
    )


@router.get("/referrals", response_model=schemas.ReferralPage, responses=LIST_RESPONSES)
async def referrals_of_plan_action(
    session: SessionDep,
    actor: ActorDep,
    settings: SettingsDep,
    plan_action_id: Annotated[uuid.UUID, Query(description="An action of an individual plan")],
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.ReferralPage:
    """The referrals serving a plan action that your institution sent (its drafts too) or
    received, newest first."""
    items, next_cursor = await queries.for_plan_action(
        session, plan_action_id=plan_action_id, actor=actor, cursor=cursor, limit=limit
    )
    return schemas.ReferralPage(
        items=[reading.referral_read(r, actor, settings) for r in items], next_cursor=next_cursor
    )


async def _box_filters(
    status_: Annotated[list[Status] | None, Query(alias="status", max_length=10)] = None,
    overdue: bool | None = None,
    service_type: Annotated[str | None, Query(pattern=r"^[a-z][a-z0-9_]{0,47}$")] = None,
    assignee: Annotated[
        str | None,
        Query(
            pattern=r"^(me|none|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$",
            description='A user id, "me" or "none" (unassigned)',
        ),
    ] = None,
    priority: schemas.Priority | None = None,
    sent_from: IsoDate | None = None,
    sent_to: IsoDate | None = None,
    person_id: Annotated[
        list[uuid.UUID] | None,
        Query(max_length=50, description="A person's id (repeatable: any of up to 50 persons)"),
    ] = None,
    number: Annotated[
        str | None,
        Query(
            min_length=2,
            max_length=32,
            pattern=r"^[A-Za-z0-9-]+$",
            description="Part of the referral number, any case",
        ),
    ] = None,
) -> queries.BoxFilters:
    return queries.BoxFilters(
        status=[s.value for s in status_] if status_ else None,
        overdue=overdue,
        service_type=service_type,
        assignee=assignee,
        priority=priority.value if priority else None,
        sent_from=sent_from,
        sent_to=sent_to,
        person_ids=person_id,
        number=number,
    )


Filters = Annotated[queries.BoxFilters, Depends(_box_filters)]


@router.get("/referrals/inbox", response_model=schemas.ReferralPage, responses=LIST_RESPONSES)
async def inbox(
    session: SessionDep,
    actor: ActorDep,
    settings: SettingsDep,
    filters: Filters,
    sort: schemas.BoxSort = schemas.BoxSort.newest,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.ReferralPage:
    """Referrals your institution received, newest first (or ``sort=due``: deadline soonest first)."""
    items, next_cursor = await queries.list_box(
        session,
        box=schemas.Box.inbox,
        actor=actor,
        filters=filters,
        settings=settings,
        cursor=cursor,
        limit=limit,
        sort=sort,
    )
    return schemas.ReferralPage(
        items=[reading.referral_read(r, actor, settings) for r in items], next_cursor=next_cursor
    )


@router.get("/referrals/outbox", response_model=schemas.ReferralPage, responses=LIST_RESPONSES)
async def outbox(
    session: SessionDep,
    actor: ActorDep,
    settings: SettingsDep,
    filters: Filters,
    sort: schemas.BoxSort = schemas.BoxSort.newest,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.ReferralPage:
    """Referrals your institution sent (and its drafts), newest first (or ``sort=due``: deadline
    soonest first, without drafts)."""
    items, next_cursor = await queries.list_box(
        session,
        box=schemas.Box.outbox,
        actor=actor,
        filters=filters,
        settings=settings,
        cursor=cursor,
        limit=limit,
        sort=sort,
    )
    return schemas.ReferralPage(
        items=[reading.referral_read(r, actor, settings) for r in items], next_cursor=next_cursor
    )


@router.get("/referrals/counts", response_model=schemas.CountsRead, responses=LIST_RESPONSES)
async def referral_counts(session: SessionDep, actor: ActorDep, box: schemas.Box) -> schemas.CountsRead:
    """How many referrals of your inbox or outbox are in each status, and how many are overdue."""
    return await queries.counts(session, box=box, actor=actor)


@router.get(
    "/referrals/{referral_id:splot_id}", response_model=schemas.ReferralRead, responses=READ_RESPONSES
)
async def get_referral(
    session: SessionDep, actor: ActorDep, settings: SettingsDep, referral_id: uuid.UUID, response: Response
) -> schemas.ReferralRead:
    """One referral, with the actions you may take on it now. A party of another referral of its
    chain gets the chain view (``view: chain``): status, dates, parties and outcome only."""
    referral, view = await reading.read_referral(session, referral_id=referral_id, actor=actor)
    set_etag(response, referral.id, referral.version)
    return reading.referral_read(referral, actor, settings, view=view)


@router.get(
    "/referrals/{referral_id:splot_id}/sender-contact",
    response_model=schemas.SenderContact,
    responses=responses(503, base=(400, 401, 403, 404, 422)),
)
async def get_sender_contact(
    session: SessionDep, actor: ActorDep, peers: PeersDep, referral_id: uuid.UUID
) -> schemas.SenderContact:
    """The caseworker who sent the referral: name and work e-mail (the referral's two parties)."""
    return await reading.sender_contact(session, referral_id=referral_id, actor=actor, peers=peers)


@router.patch(
    "/referrals/{referral_id:splot_id}", response_model=schemas.ReferralRead, responses=WRITE_RESPONSES
)
async def update_draft(
    *,
    session: SessionDep,
    actor: ActorDep,
    peers: PeersDep,
    settings: SettingsDep,
    referral_id: uuid.UUID,
    data: schemas.ReferralUpdate,
    if_match: IfMatch = None,
    response: Response,
) -> schemas.ReferralRead:
    """Change a draft (sent referrals change only through transitions)."""
    referral = await drafts.update_draft(
        session, referral_id=referral_id, data=data, actor=actor, if_match=if_match, peers=peers
    )
    set_etag(response, referral.id, referral.version)
    return reading.referral_read(referral, actor, settings)


@router.delete(
    "/referrals/{referral_id:splot_id}", status_code=status.HTTP_204_NO_CONTENT, responses=WRITE_RESPONSES
)
async def discard_draft(
    *,
    session: SessionDep,
    actor: ActorDep,
    settings: SettingsDep,
    referral_id: uuid.UUID,
    if_match: IfMatch = None,
) -> Response:
    """Discard a draft (the only thing ever deleted)."""
    await drafts.discard_draft(
        session, referral_id=referral_id, actor=actor, if_match=if_match, settings=settings
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)
