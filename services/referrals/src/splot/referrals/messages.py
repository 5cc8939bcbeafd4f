"""Messages between the two institutions of a referral, with read receipts per institution.

Only the referral's two parties see its messages (an ancestor's parties in a chain see statuses
and outcomes through the chain, never messages). A message can be edited by its author until the
other side has read it.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError

from splot.common.db import utcnow
from splot.common.errors import Problem, forbidden, not_found
from splot.common.etag import check_if_match
from splot.common.pagination import paginate
from splot.referrals import notifications, schemas
from splot.referrals.config import ReferralsSettings
from splot.referrals.models import Message, MessageReceipt, Referral
from splot.referrals.reading import get_referral, require_reader, require_writer
from splot.referrals.workflow import Actor, Side, Status, sides_of


def _other_side(referral: Referral, actor: Actor) -> uuid.UUID | None:
    if actor.institution_id == referral.sender_institution_id:
        return referral.target_institution_id
    return referral.sender_institution_id


async def _receipts(session: AsyncSession, ids: list[uuid.UUID]) -> dict[uuid.UUID, list[MessageReceipt]]:
    found: dict[uuid.UUID, list[MessageReceipt]] = {i: [] for i in ids}
    if ids:
        for receipt in (
            await session.scalars(
                select(MessageReceipt)
                .where(MessageReceipt.message_id.in_(ids))
                .order_by(MessageReceipt.read_at)
            )
        ).all():
            found[receipt.message_id].append(receipt)
    return found


def message_read(message: Message, receipts: list[MessageReceipt], actor: Actor) -> schemas.MessageRead:
    mine = message.author_institution_id == actor.institution_id
    read_by_other = any(r.institution_id != message.author_institution_id for r in receipts)
    return schemas.MessageRead(
        id=message.id,
        referral_id=message.referral_id,
        author_institution_id=message.author_institution_id,
        author_subject=message.author_subject,
        text=message.text,
        created_at=message.created_at,
        edited_at=message.edited_at,
        version=message.version,
        mine=mine,
        editable=mine and message.author_subject == actor.subject and not read_by_other,
        read_receipts=[schemas.ReceiptRead.model_validate(r) for r in receipts],
    )


async def _party_referral(session: AsyncSession, referral_id: uuid.UUID, actor: Actor) -> Referral:
    return await get_referral(session, referral_id=referral_id, actor=actor)


async def list_messages(
    session: AsyncSession, *, referral_id: uuid.UUID, actor: Actor, cursor: str | None, limit: int | None
) -> schemas.MessagePage:
    await _party_referral(session, referral_id, actor)
    stmt: Select[Any] = select(Message).where(Message.referral_id == referral_id)
    rows, next_cursor = await paginate(
        session, stmt, order_by=[Message.created_at, Message.id], cursor=cursor, limit=limit
    )
    receipts = await _receipts(session, [m.id for m in rows])
    return schemas.MessagePage(
        items=[message_read(m, receipts[m.id], actor) for m in rows], next_cursor=next_cursor
    )


async def post_message(
    session: AsyncSession,
    *,
    referral_id: uuid.UUID,
    data: schemas.MessageCreate,
    actor: Actor,
    settings: ReferralsSettings,
) -> schemas.MessageRead:
    require_writer(actor)
    referral = await _party_referral(session, referral_id, actor)
    if referral.status in (Status.draft, Status.entered_in_error):
        raise Problem(
            409, "messages_closed", "messages are exchanged on sent referrals", current_status=referral.status
        )
    assert actor.institution_id is not None
    message = Message(
        referral_id=referral.id,
        author_institution_id=actor.institution_id,
        author_subject=actor.subject or "",
        author_kind=actor.kind,
        text=data.text,
        created_at=utcnow(),
    )
    session.add(message)
    await session.flush()
    other = _other_side(referral, actor)
    if other is not None:
        sides = sides_of(actor, referral)
        user = referral.assignee_user_id if Side.sender in sides else referral.sender_user_id
        await notifications.notify(
            session,
            settings=settings,
            kind="message.created",
            institution_id=other,
            user_id=user,
            referral=referral,
        )
    return message_read(message, [], actor)


async def edit_message(
    session: AsyncSession,
    *,
    referral_id: uuid.UUID,
    message_id: uuid.UUID,
    data: schemas.MessageUpdate,
    actor: Actor,
    if_match: str | None,
) -> schemas.MessageRead:
    require_writer(actor)
    await _party_referral(session, referral_id, actor)
    message = (
        await session.scalars(
            select(Message)
            .where(Message.id == message_id, Message.referral_id == referral_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    ).first()
    if message is None:
        raise not_found("message")
    if message.author_institution_id != actor.institution_id or message.author_subject != actor.subject:
        raise forbidden("only the author edits a message")
    check_if_match(if_match, message.id, message.version)
    receipts = (await _receipts(session, [message.id]))[message.id]
    if any(r.institution_id != message.author_institution_id for r in receipts):
        raise Problem(409, "message_already_read", "the other side has read this message; write a new one")
    message.text = data.text
    message.edited_at = utcnow()
    try:
        await session.flush()
    except StaleDataError as exc:
        raise Problem(412, "stale_etag", "the message was changed meanwhile; reload it") from exc
    return message_read(message, receipts, actor)


async def mark_read(session: AsyncSession, *, referral_id: uuid.UUID, actor: Actor) -> int:
    """Record that the caller's institution has read every message the other side wrote."""
    require_reader(actor)
    await _party_referral(session, referral_id, actor)
    assert actor.institution_id is not None
    unread = (
        await session.scalars(
            select(Message.id).where(
                Message.referral_id == referral_id,
                Message.author_institution_id != actor.institution_id,
                ~select(MessageReceipt.message_id)
                .where(
                    MessageReceipt.message_id == Message.id,
                    MessageReceipt.institution_id == actor.institution_id,
                )
                .exists(),
            )
        )
    ).all()
    now = utcnow()
    for message_id in unread:
        session.add(
            MessageReceipt(
                message_id=message_id,
                institution_id=actor.institution_id,
                reader_subject=actor.subject or "",
                read_at=now,
            )
        )
    await session.flush()
    return len(unread)
