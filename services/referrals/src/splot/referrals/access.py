"""The receiver's access to the person follows the referral — only once the referral committed.

Each change that alters what the receiver may see (sent, accepted, ended, reopened) writes the
new grant state as an :class:`~splot.referrals.models.AccessSync` row *in the transaction of the
change*; after the commit the request hands it to the client registry (with no database
connection held during the call: :mod:`~splot.referrals.handover`), and the scheduler retries
whatever did not get through. So a grant never exists for a referral that did not commit (a crash
before the commit leaves neither), and a committed referral always gets its grant (a crash after
the commit leaves the row for the scheduler). Only the newest state of a (referral, receiver)
is kept pending, and the registry ignores a state older than the one it has (``version``).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Insert, Update, bindparam, insert, update
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common import failpoints
from splot.common.background import Backoff
from splot.common.db import new_id, table_of
from splot.referrals import handover
from splot.referrals.models import AccessSync, Referral
from splot.referrals.peers import AccessState, Peers

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
    state = state_of(referral, active=active, retention_days=retention_days)
    # Bound as p_<column>: keys named like columns would add them to the UPDATE's SET as well;
    # every value given (the Python defaults are not applied to an INSERT carrying a CTE).
    values = dict(
        p_id=new_id(),
        p_referral_id=referral.id,
        p_institution_id=referral.target_institution_id,
        p_version=referral.version,
        p_state=state.to_json(),
        p_attempts=0,
        p_next_attempt_at=now,
        p_created_at=now,
        p_superseded_at=now,
    )
    if session.get_bind().dialect.name == "postgresql":
        # One round trip: the older pending states superseded in the INSERT's own statement (its
        # sub-statements share one snapshot: the new row is not among those superseded).
        await session.execute(_SUPERSEDE_AND_INSERT, values)
    else:
        await session.execute(_SUPERSEDE, values)
        await session.execute(_INSERT_SYNC, values)
    session.info.setdefault(_WRITTEN, set()).add(referral.id)


def _supersede() -> Update:
    """Older pending states of the (referral, receiver): only the newest is sent."""
    table = table_of(AccessSync)
    return (
        update(table)
        .where(
            table.c.referral_id == bindparam("p_referral_id"),
            table.c.institution_id == bindparam("p_institution_id"),
            table.c.done_at.is_(None),
            table.c.superseded_at.is_(None),
        )
        .values(superseded_at=bindparam("p_superseded_at", type_=table.c.superseded_at.type))
    )


_INSERTED = (
    "id",
    "referral_id",
    "institution_id",
    "version",
    "state",
    "attempts",
    "next_attempt_at",
    "created_at",
)


def _insert_sync() -> Insert:
    table = table_of(AccessSync)
    return insert(table).values(
        {name: bindparam(f"p_{name}", type_=table.c[name].type) for name in _INSERTED}
    )


#: Built once; the values are bound at execution (no statement construction per transition).
_SUPERSEDE = _supersede()
_INSERT_SYNC = _insert_sync()
_SUPERSEDE_AND_INSERT = _INSERT_SYNC.add_cte(_SUPERSEDE.cte("superseded"))
_WRITTEN = "splot.referrals.access_syncs"


def written(session: AsyncSession) -> set[uuid.UUID]:
    """The referrals whose access states this session wrote (and forgets them): what to hand to
    the registry right after the commit."""
    ids: set[uuid.UUID] = session.info.pop(_WRITTEN, set())
    return ids


#: The receiver's access, handed to the client registry.
CHANNEL = handover.Channel(table_of(AccessSync), ("state",), retry=RETRY, deferred="access_sync_deferred")


def _call(peers: Peers) -> handover.Call:
    return lambda row: peers.put_access(AccessState.from_json(row["state"]))


async def send_due(maker: handover.Maker, peers: Peers, *, now: datetime) -> bool | None:
    """The scheduler's attempt on the state due the longest (see :meth:`handover.Channel.send_due`)."""
    return await CHANNEL.send_due(maker, _call(peers), now=now)


async def deliver_pending(maker: handover.Maker, peers: Peers, referral_ids: list[uuid.UUID]) -> None:
    """Right after the commit of a change: hand its access states to the registry, so that the
    receiver can open the person at once (:mod:`~splot.referrals.handover`: no connection is held
    while the registry answers; the scheduler catches anything that fails here)."""
    failpoints.hit("referrals.access_after_commit")
    await CHANNEL.deliver(maker, referral_ids, _call(peers))
