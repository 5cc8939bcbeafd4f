"""Password checks under the sign-in throttle: the password grant and changing one's own password.

The order is what makes the throttle hold under parallel guessing and keeps SQLite's single
writer free: (1) reserve a slot on the throttle counters and read the stored hash, in a short
transaction of its own that is committed at once (the count stands whatever follows); (2) check
the password with argon2 in a worker thread, outside any transaction; (3) only when it is right,
write the outcome in the request's own transaction. This module is therefore the one place,
besides the request session, that opens and commits transactions of its own.

Unknown logins, wrong passwords, inactive accounts and inactive institutions get the same answer
(400 ``invalid_grant``) and are counted alike; a wait is the same 429 for all of them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from splot.common.auth import Principal
from splot.common.errors import Problem, forbidden
from splot.directory import accounts, throttle, tokens
from splot.directory.config import DirectorySettings
from splot.directory.models import Institution, User
from splot.directory.roles import actor_user_id
from splot.directory.security import hash_password, needs_rehash, password_work, verify_password

WRONG_CREDENTIALS = "wrong login or password, or the account is inactive"


@dataclass(frozen=True)
class _Stored:
    user_id: uuid.UUID
    password_hash: str
    active: bool


async def _reserve_and_read(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    settings: DirectorySettings,
    keys: throttle.Keys,
    now: datetime,
    where: ColumnElement[bool],
) -> _Stored | None:
    async with sessionmaker() as tx:
        decision = await throttle.reserve(tx, settings=settings, keys=keys, now=now)
        row = None
        if decision.allowed:
            row = (await tx.execute(select(User.id, User.password_hash, User.active).where(where))).first()
        await tx.commit()
    if not decision.allowed:
        raise throttle.too_many_attempts(decision.retry_after)
    return _Stored(row.id, row.password_hash, row.active) if row else None


async def password_grant(
    session: AsyncSession,
    *,
    sessionmaker: async_sessionmaker[AsyncSession],
    settings: DirectorySettings,
    username: str,
    password: str,
    source: str,
    now: datetime,
) -> tokens.IssuedTokens:
    """Tokens for the right password, else 400 (counted) or 429 (while the throttle makes the
    attempt wait; not counted)."""
    login = username.strip().lower()
    keys = throttle.keys_for(settings, subject=throttle.login_subject(login), source=source)
    stored = await _reserve_and_read(
        sessionmaker, settings=settings, keys=keys, now=now, where=User.email == login
    )
    # argon2 costs ~25 ms of CPU: off the event loop, and with no transaction open. An unknown
    # login is checked against a dummy hash so that the timing does not tell either.
    valid = await password_work(verify_password, stored.password_hash if stored else None, password)
    if stored is None or not valid or not stored.active:
        raise tokens.invalid_grant(WRONG_CREDENTIALS)
    user = await session.get(User, stored.user_id, populate_existing=True)
    if user is None or not user.active or user.password_hash != stored.password_hash:
        raise tokens.invalid_grant(WRONG_CREDENTIALS)  # changed meanwhile: as if it were wrong
    institution = await session.get(Institution, user.institution_id)
    if institution is None or not institution.active:
        raise tokens.invalid_grant(WRONG_CREDENTIALS)
    await throttle.succeeded(session, keys=keys)
    if needs_rehash(user.password_hash):
        # Made with older argon2 parameters: the password is at hand, store today's hash (not a
        # change of password: sessions and tokens stay).
        user.password_hash = await password_work(hash_password, password)
    return await tokens.issue_for_user(session, settings=settings, user=user)


async def change_own_password(
    session: AsyncSession,
    *,
    sessionmaker: async_sessionmaker[AsyncSession],
    settings: DirectorySettings,
    actor: Principal,
    current_password: str,
    new_password: str,
    source: str,
    now: datetime,
) -> None:
    """Under the same throttle as sign-in, keyed by the user and the source: a wrong current
    password counts as a failed attempt. Ends every session and access token of the account."""
    user_id = actor_user_id(actor)
    if user_id is None:
        raise forbidden("only signed-in staff can change their password")
    keys = throttle.keys_for(settings, subject=throttle.user_subject(user_id), source=source)
    stored = await _reserve_and_read(
        sessionmaker, settings=settings, keys=keys, now=now, where=User.id == user_id
    )
    if stored is None or not stored.active:
        raise forbidden("only signed-in staff can change their password")
    if not await password_work(verify_password, stored.password_hash, current_password):
        raise Problem(422, "wrong_password", "the current password is not correct")
    new_hash = await password_work(hash_password, new_password)
    user = await session.get(User, user_id, populate_existing=True)
    if user is None or not user.active:
        raise forbidden("only signed-in staff can change their password")
    if user.password_hash != stored.password_hash:
        raise Problem(409, "password_changed", "the password was changed meanwhile; sign in again")
    # Throttle rows before the user's row, in every transaction that writes both.
    await throttle.succeeded(session, keys=keys)
    await accounts.set_password(session, settings=settings, actor=actor, user=user, password_hash=new_hash)
