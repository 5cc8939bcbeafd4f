"""In-app notifications: yours and your institution's (for your roles), read state per user."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from splot.common.api import LIST_RESPONSES, WRITE_RESPONSES, Cursor, Limit
from splot.common.auth import CurrentPrincipal
from splot.common.db import SessionDep
from splot.referrals import notifications, schemas

router = APIRouter(prefix="/v1", tags=["notifications"])


@router.get("/notifications", response_model=schemas.NotificationPage, responses=LIST_RESPONSES)
async def list_notifications(
    session: SessionDep,
    principal: CurrentPrincipal,
    unread: bool | None = None,
    referral_id: uuid.UUID | None = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.NotificationPage:
    """Your notifications and your institution's (for your roles), newest first."""
    return await notifications.list_notifications(
        session, principal=principal, unread=unread, referral_id=referral_id, cursor=cursor, limit=limit
    )


@router.get("/notifications/unread-count", response_model=schemas.UnreadCount, responses=LIST_RESPONSES)
async def unread_notifications(session: SessionDep, principal: CurrentPrincipal) -> schemas.UnreadCount:
    """How many of your notifications are unread (for the badge)."""
    return schemas.UnreadCount(unread=await notifications.unread_count(session, principal=principal))


@router.post(
    "/notifications/{notification_id:splot_id}/read",
    response_model=schemas.NotificationRead,
    responses=WRITE_RESPONSES,
)
async def read_notification(
    session: SessionDep, principal: CurrentPrincipal, notification_id: uuid.UUID
) -> schemas.NotificationRead:
    """Mark one notification read (for you)."""
    return await notifications.mark_read(session, principal=principal, notification_id=notification_id)


@router.post("/notifications/read-all", response_model=schemas.MarkedRead, responses=WRITE_RESPONSES)
async def read_all_notifications(session: SessionDep, principal: CurrentPrincipal) -> schemas.MarkedRead:
    """Mark all your notifications read."""
    return schemas.MarkedRead(marked=await notifications.mark_all_read(session, principal=principal))
