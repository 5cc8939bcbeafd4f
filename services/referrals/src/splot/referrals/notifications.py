"""In-app notifications and the e-mail outbox.

A notification is addressed to an institution, optionally narrowed to one role in it
(``coordinator`` for escalations) or to one user (the assignee or the sending caseworker). So no
user lookup is ever needed: a user sees what is addressed to them, and what is addressed to their
institution with no role or with one of their roles. Read state is per user.

E-mails go to the institution's mailbox from the directory (resolved by the scheduler when it
sends them). They carry the referral's number and a link, never personal data.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, exists, func, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.auth import Principal, PrincipalKind
from splot.common.db import table_of, utcnow
from splot.common.errors import Problem, not_found
from splot.common.pagination import paginate
from splot.referrals import schemas
from splot.referrals.config import ReferralsSettings
from splot.referrals.models import EmailMessage, Notification, NotificationReceipt, Referral

#: Notification titles (Polish, as the SPA shows them); ``{number}`` is the referral's number.
TITLES: dict[str, str] = {
    "referral.sent": "Nowe skierowanie {number}",
    "referral.accepted": "Skierowanie {number} zostało przyjęte",
    "referral.rejected": "Skierowanie {number} zostało odrzucone",
    "referral.withdrawn": "Skierowanie {number} zostało wycofane przez nadawcę",
    "referral.started": "Rozpoczęto realizację skierowania {number}",
    "referral.held": "Realizacja skierowania {number} została wstrzymana",
    "referral.resumed": "Realizacja skierowania {number} została wznowiona",
    "referral.completed": "Skierowanie {number} zostało zrealizowane — jest wynik",
    "referral.failed": "Skierowanie {number} zakończyło się niepowodzeniem",
    "referral.cancellation_requested": "Nadawca prosi o anulowanie skierowania {number}",
    "referral.cancelled": "Skierowanie {number} zostało anulowane",
    "referral.marked_in_error": "Skierowanie {number} oznaczono jako wprowadzone omyłkowo",
    "referral.reopened": "Skierowanie {number} zostało ponownie otwarte",
    "referral.acknowledged": "Nadawca potwierdził wynik skierowania {number}",
    "referral.expired": "Skierowanie {number} wygasło bez odpowiedzi",
    "referral.forwarded": "Skierowanie {number} zostało przekazane dalej",
    "referral.business_status_changed": "Zmiana etapu realizacji skierowania {number}",
    "referral.overdue": "Minął termin odpowiedzi na skierowanie {number}",
    "referral.assigned": "Przydzielono Ci skierowanie {number}",
    "message.created": "Nowa wiadomość w skierowaniu {number}",
    "followup.due": "Czas sprawdzić sytuację osoby po skierowaniu {number}",
}

#: Kinds that also go out by e-mail to the institution's mailbox.
EMAIL_KINDS = frozenset(
    {
        "referral.sent",
        "referral.rejected",
        "referral.completed",
        "referral.failed",
        "referral.cancellation_requested",
        "referral.expired",
        "referral.overdue",
        "followup.due",
    }
)


def referral_link(settings: ReferralsSettings, referral_id: uuid.UUID) -> str:
    return f"{settings.app_base_url.rstrip('/')}/skierowania/{referral_id}"


async def notify(
    session: AsyncSession,
    *,
    settings: ReferralsSettings,
    kind: str,
    institution_id: uuid.UUID,
    referral: Referral,
    role: str | None = None,
    user_id: uuid.UUID | None = None,
    followup_id: uuid.UUID | None = None,
) -> None:
    """Write the notification (and its e-mail for :data:`EMAIL_KINDS`): Core inserts, no ORM
    unit of work on a transition's path."""
    title = TITLES[kind].format(number=referral.number)
    now = utcnow()
    await session.execute(
        _INSERT_NOTIFICATION,
        dict(
            recipient_institution_id=institution_id,
            recipient_role=role,
            recipient_user_id=user_id,
            kind=kind,
            title=title,
            referral_id=referral.id,
            referral_number=referral.number,
            followup_id=followup_id,
            created_at=now,
        ),
    )
    if kind in EMAIL_KINDS:
        await session.execute(
            _INSERT_EMAIL,
            dict(
                institution_id=institution_id,
                subject=f"Splot: {title}",
                body=(
                    f"{title}.\n\n"
                    f"Szczegóły po zalogowaniu: {referral_link(settings, referral.id)}\n\n"
                    "Wiadomość wysłana automatycznie przez system Splot; nie odpowiadaj na nią.\n"
                ),
                next_attempt_at=now,
            ),
        )


_INSERT_NOTIFICATION = insert(table_of(Notification))
_INSERT_EMAIL = insert(table_of(EmailMessage))


def _require_user(principal: Principal) -> uuid.UUID:
    if principal.kind is not PrincipalKind.user or principal.institution_id is None:
        raise Problem(403, "users_only", "notifications are for staff users; systems use webhooks")
    try:
        return uuid.UUID(principal.subject)
    except ValueError as exc:
        raise Problem(403, "users_only", "notifications are for staff users") from exc


def _visible(principal: Principal, user_id: uuid.UUID) -> Any:
    return or_(
        Notification.recipient_user_id == user_id,
        and_(
            Notification.recipient_institution_id == principal.institution_id,
            Notification.recipient_user_id.is_(None),
            or_(
                Notification.recipient_role.is_(None),
                Notification.recipient_role.in_(sorted(principal.roles)),
            ),
        ),
    )


def _read_by(user_id: uuid.UUID) -> Any:
    return exists().where(
        NotificationReceipt.notification_id == Notification.id, NotificationReceipt.user_id == user_id
    )


async def unread_count(session: AsyncSession, *, principal: Principal) -> int:
    user_id = _require_user(principal)
    stmt = (
        select(func.count()).select_from(Notification).where(_visible(principal, user_id), ~_read_by(user_id))
    )
    return int((await session.execute(stmt)).scalar_one())


async def list_notifications(
    session: AsyncSession,
    *,
    principal: Principal,
    unread: bool | None,
    referral_id: uuid.UUID | None,
    cursor: str | None,
    limit: int | None,
) -> schemas.NotificationPage:
    user_id = _require_user(principal)
    stmt: Select[Any] = select(Notification).where(_visible(principal, user_id))
    if unread is True:
        stmt = stmt.where(~_read_by(user_id))
    elif unread is False:
        stmt = stmt.where(_read_by(user_id))
    if referral_id is not None:
        stmt = stmt.where(Notification.referral_id == referral_id)
    rows, next_cursor = await paginate(
        session,
        stmt,
        order_by=[Notification.created_at, Notification.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )
    read_at: dict[uuid.UUID, datetime] = {}
    if rows:
        receipts = await session.execute(
            select(NotificationReceipt.notification_id, NotificationReceipt.read_at).where(
                NotificationReceipt.user_id == user_id,
                NotificationReceipt.notification_id.in_([n.id for n in rows]),
            )
        )
        read_at = {nid: at for nid, at in receipts.all()}
    return schemas.NotificationPage(
        items=[_read(n, read_at.get(n.id)) for n in rows],
        next_cursor=next_cursor,
        unread_count=await unread_count(session, principal=principal),
    )


def _read(n: Notification, read_at: datetime | None) -> schemas.NotificationRead:
    return schemas.NotificationRead(
        id=n.id,
        kind=n.kind,
        title=n.title,
        referral_id=n.referral_id,
        referral_number=n.referral_number,
        followup_id=n.followup_id,
        recipient_institution_id=n.recipient_institution_id,
        recipient_role=n.recipient_role,
        recipient_user_id=n.recipient_user_id,
        created_at=n.created_at,
        read_at=read_at,
    )


async def mark_read(
    session: AsyncSession, *, principal: Principal, notification_id: uuid.UUID
) -> schemas.NotificationRead:
    user_id = _require_user(principal)
    notification = (
        await session.scalars(
            select(Notification).where(Notification.id == notification_id, _visible(principal, user_id))
        )
    ).first()
    if notification is None:
        raise not_found("notification")
    receipt = await session.get(NotificationReceipt, (notification.id, user_id))
    if receipt is None:
        receipt = NotificationReceipt(notification_id=notification.id, user_id=user_id, read_at=utcnow())
        session.add(receipt)
        await session.flush()
    return _read(notification, receipt.read_at)


async def mark_all_read(session: AsyncSession, *, principal: Principal) -> int:
    user_id = _require_user(principal)
    ids = list(
        (
            await session.scalars(
                select(Notification.id).where(_visible(principal, user_id), ~_read_by(user_id)).limit(10_000)
            )
        ).all()
    )
    if ids:
        now = utcnow()
        await session.execute(
            insert(NotificationReceipt),
            [{"notification_id": i, "user_id": user_id, "read_at": now} for i in ids],
        )
    return len(ids)
