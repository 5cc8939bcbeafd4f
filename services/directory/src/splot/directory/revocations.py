"""The directory's side of access-token revocation (the verifying side, kinds and matching rules
are in :mod:`splot.common.revocation`).

Each change that must end access before tokens expire records a revocation in the same
transaction as the change: deactivation, role, analyst-scope and password changes raise the
user's security stamp (``user``); a sign-out or a reused refresh token ends a session
(``session``, the refresh-token family); revoking an API client (``client``) and deactivating an
institution (``institution``) refuse what was issued until then. Services poll
``GET /v1/token-revocations``; the directory reads the table itself (:class:`OwnRevocations`).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from splot.common.db import utcnow
from splot.common.revocation import Kind, Revocation
from splot.directory.config import DirectorySettings
from splot.directory.models import TokenRevocation, User

#: Taken (transaction-scoped) before inserting on PostgreSQL, so that ids are committed in
#: order and a consumer's cursor (the highest id it saw) can never pass one still uncommitted.
REVOCATION_LOCK_KEY = 0x5350_4C4F_5452  # "SPLOTR"


async def revoke(
    session: AsyncSession,
    *,
    settings: DirectorySettings,
    kind: Kind,
    value: str,
    min_stamp: int | None = None,
    not_after: datetime | None = None,
) -> TokenRevocation:
    assert session.bind is not None
    if session.bind.dialect.name == "postgresql":
        await session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": REVOCATION_LOCK_KEY})
    now = utcnow()
    # Revocations older than the longest token lifetime cover nothing any more.
    await session.execute(delete(TokenRevocation).where(TokenRevocation.expires_at <= now))
    row = TokenRevocation(
        kind=kind,
        value=value,
        min_stamp=min_stamp,
        not_after=not_after,
        created_at=now,
        expires_at=now + timedelta(seconds=settings.longest_token_ttl_seconds),
    )
    session.add(row)
    await session.flush()
    return row


async def raise_security_stamp(session: AsyncSession, *, settings: DirectorySettings, user: User) -> None:
    """The user's access tokens issued so far stop working (within the services' refresh
    interval); tokens issued from now on carry the new stamp."""
    user.security_stamp = (user.security_stamp or 1) + 1
    await session.flush()
    await revoke(session, settings=settings, kind="user", value=str(user.id), min_stamp=user.security_stamp)


async def end_session(session: AsyncSession, *, settings: DirectorySettings, family_id: object) -> None:
    await revoke(session, settings=settings, kind="session", value=str(family_id))


async def list_revocations(session: AsyncSession, *, after: int, limit: int) -> list[TokenRevocation]:
    """Unexpired revocations with an id above ``after``, oldest first."""
    return list(
        (
            await session.scalars(
                select(TokenRevocation)
                .where(TokenRevocation.id > after, TokenRevocation.expires_at > utcnow())
                .order_by(TokenRevocation.id)
                .limit(limit)
            )
        ).all()
    )


def as_revocation(row: TokenRevocation) -> Revocation:
    return Revocation(
        id=row.id,
        kind=row.kind,
        value=row.value,
        expires_at=row.expires_at,
        min_stamp=row.min_stamp,
        not_after=row.not_after,
    )


class OwnRevocations:
    """The directory verifies its own tokens too: the revocation source read straight from its
    table (the app refreshes ``token_verifier.revocations`` from it like any service does)."""

    PAGE = 1000

    def __init__(self, app_state: Any) -> None:
        self._state = app_state

    async def fetch(self, after: int) -> list[Revocation]:
        maker: async_sessionmaker[AsyncSession] = self._state.sessionmaker
        found: list[Revocation] = []
        async with maker() as session:
            while True:
                rows = await list_revocations(session, after=after, limit=self.PAGE)
                found += [as_revocation(r) for r in rows]
                if len(rows) < self.PAGE:
                    return found
                after = rows[-1].id
