"""The receiver's access to the person follows the referral — only once the referral committed.

Each change that alters what the receiver may see (sent, accepted, ended, reopened) writes the
new grant state as an :class:`~splot.referrals.models.AccessSync` row *in the transaction of the
change*; after the commit the request hands it to the client registry, and the scheduler retries
whatever did not get through. So a grant never exists for a referral that did not commit (a crash
before the commit leaves neither), and a committed referral always gets its grant (a crash after
the commit leaves the row for the scheduler). Only the newest state of a (referral, receiver)
is kept pending, and the registry ignores a state older than the one it has (``version``).
"""

from __future__ import annotations

import uuid
from datetime import datetime

import structlog
from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from splot.common import failpoints
from splot.common.background import Backoff
from splot.common.db import table_of, utcnow
from splot.referrals.models import AccessSync, Referral
from splot.referrals.peers import AccessState, Peers

log = structlog.get_logger("splot.referrals.access")

#: Waits between attempts to hand a state to the registry: 30 s, doubling, at most an hour.
RETRY = Backoff.seconds(30)


def state_of(referral: Referral, *, active: bool, retention_days: int | None) -> AccessState:
    assert referral.target_institution_id is not None
    assert referral.service_type_code is not None and referral.legal_basis_kind is not None
    return AccessState(
        person_id=referral.person_id,
        institution_id=referral.target_institution_id,
        referral_id=referral.id,
        sender_institution_id=referral.sender_institution_id,
        service_type_code=referral.service_type_code,
        legal_basis=referral.legal_basis_kind,
        consent_id=referral.consent_id,
        covers_sensitive=referral.sensitive,
        accepted=referral.accepted_at is not None,
        active=active,
        retention_days=retention_days,
        version=referral.version,
    )


async def enqueue(
    session: AsyncSession,
    referral: Referral,
    *,
    active: bool,
    retention_days: int | None = None,
    now: datetime,
) -> None:
    """Record the receiver's access as of the referral's current (flushed) version."""
    if referral.target_institution_id is None:
        return
    await session.execute(
        update(AccessSync)
        .where(
            AccessSync.referral_id == referral.id,
            AccessSync.institution_id == referral.target_institution_id,
            AccessSync.done_at.is_(None),
            AccessSync.superseded_at.is_(None),
        )
        .values(superseded_at=now)
        .execution_options(synchronize_session=False)
    )
    state = state_of(referral, active=active, retention_days=retention_days)
    await session.execute(
        _INSERT_SYNC,
        dict(
            referral_id=referral.id,
            institution_id=referral.target_institution_id,
            version=referral.version,
            state=state.to_json(),
            next_attempt_at=now,
            created_at=now,
        ),
    )
    session.info.setdefault(_WRITTEN, set()).add(referral.id)


_INSERT_SYNC = insert(table_of(AccessSync))
_WRITTEN = "splot.referrals.access_syncs"


def written(session: AsyncSession) -> set[uuid.UUID]:
    """The referrals whose access states this session wrote (and forgets them): what to hand to
    the registry right after the commit."""
    ids: set[uuid.UUID] = session.info.pop(_WRITTEN, set())
    return ids


async def send(sync: AccessSync, *, peers: Peers, now: datetime) -> bool:
    """One attempt to hand the state to the registry; records the outcome on the row."""
    try:
        await peers.put_access(AccessState.from_json(sync.state))
    except Exception as exc:  # retried by the scheduler, never dropped
        sync.attempts += 1
        sync.last_error = type(exc).__name__
        sync.next_attempt_at = now + RETRY.delay(sync.attempts)
        return False
    sync.done_at = now
    return True


async def deliver_pending(
    maker: async_sessionmaker[AsyncSession], peers: Peers, referral_ids: list[uuid.UUID]
) -> None:
    """Right after the commit of a change: hand its access states to the registry, so that the
    receiver can open the person at once (the scheduler catches anything that fails here)."""
    failpoints.hit("referrals.access_after_commit")
    for referral_id in referral_ids:
        try:
            async with maker() as session, session.begin():
                pending = (
                    await session.scalars(
                        select(AccessSync)
                        .where(
                            AccessSync.referral_id == referral_id,
                            AccessSync.done_at.is_(None),
                            AccessSync.superseded_at.is_(None),
                        )
                        .order_by(AccessSync.version, AccessSync.created_at)
                        .with_for_update(skip_locked=True)
                    )
                ).all()
                for sync in pending:
                    await send(sync, peers=peers, now=utcnow())
        except Exception as exc:  # the response is already sent; the scheduler retries
            log.warning("access_sync_deferred", referral_id=str(referral_id), error_type=type(exc).__name__)
