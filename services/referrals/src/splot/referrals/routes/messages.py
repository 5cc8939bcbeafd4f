"""Messages between a referral's two institutions, edits until read, and read receipts."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from splot.common.api import READ_RESPONSES, WRITE_RESPONSES, Cursor, Limit
from splot.common.db import SessionDep
from splot.common.etag import IfMatch, etag_on, set_etag
from splot.referrals import messages, schemas
from splot.referrals.routes.deps import ActorDep, SettingsDep

router = APIRouter(prefix="/v1", tags=["messages"])


@router.get(
    "/referrals/{referral_id:splot_id}/messages", response_model=schemas.MessagePage, responses=READ_RESPONSES
)
async def list_messages(
    session: SessionDep, actor: ActorDep, referral_id: uuid.UUID, cursor: Cursor = None, limit: Limit = None
) -> schemas.MessagePage:
    """Messages between the referral's two institutions, oldest first, with read receipts."""
    return await messages.list_messages(
        session, referral_id=referral_id, actor=actor, cursor=cursor, limit=limit
    )


@router.post(
    "/referrals/{referral_id:splot_id}/messages",
    response_model=schemas.MessageRead,
    status_code=status.HTTP_201_CREATED,
    responses={**WRITE_RESPONSES, **etag_on(201)},
)
async def post_message(
    session: SessionDep,
    actor: ActorDep,
    settings: SettingsDep,
    referral_id: uuid.UUID,
    data: schemas.MessageCreate,
    response: Response,
) -> schemas.MessageRead:
    """Write to the other institution of the referral."""
    message = await messages.post_message(
        session, referral_id=referral_id, data=data, actor=actor, settings=settings
    )
    set_etag(response, message.id, message.version)
    response.headers["Location"] = f"messages/{message.id}"
    return message


@router.patch(
    "/referrals/{referral_id:splot_id}/messages/{message_id:splot_id}",
    response_model=schemas.MessageRead,
    responses=WRITE_RESPONSES,
)
async def edit_message(
    *,
    session: SessionDep,
    actor: ActorDep,
    referral_id: uuid.UUID,
    message_id: uuid.UUID,
    data: schemas.MessageUpdate,
    if_match: IfMatch = None,
    response: Response,
) -> schemas.MessageRead:
    """Correct your message while the other side has not read it (If-Match required)."""
    message = await messages.edit_message(
        session, referral_id=referral_id, message_id=message_id, data=data, actor=actor, if_match=if_match
    )
    set_etag(response, message.id, message.version)
    return message


@router.post(
    "/referrals/{referral_id:splot_id}/messages/read",
    response_model=schemas.MarkedRead,
    responses=WRITE_RESPONSES,
)
async def mark_messages_read(
    session: SessionDep, actor: ActorDep, referral_id: uuid.UUID
) -> schemas.MarkedRead:
    """Record that your institution has read the other side's messages (read receipts)."""
    return schemas.MarkedRead(marked=await messages.mark_read(session, referral_id=referral_id, actor=actor))
