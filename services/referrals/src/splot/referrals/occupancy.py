"""Places in offers: an accepted, in-progress or on-hold referral to an offer occupies one of its
places; completing, failing, withdrawing, cancelling it (or marking it entered in error) frees
the place. The directory keeps the offer's occupancy; this module tells it, reliably.

Each transition that moves a referral in or out of the occupying statuses writes the new state as
an :class:`~splot.referrals.models.OccupancySync` row *in the transaction of the transition*;
after the commit the request hands it to the directory (``PUT /v1/internal/offer-occupancy/…``),
and the scheduler retries whatever did not get through, with back-off. So the directory never
counts a place for a transition that did not commit, and never misses one that did. The directory
keeps each referral's newest state by version, so repeats are harmless.

Sending to an offer with no free places still succeeds: the answer carries a capacity warning
(:func:`note_warning`, read back by the route with :func:`warning_of`).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.background import Backoff
from splot.common.db import table_of
from splot.referrals import handover, schemas
from splot.referrals.models import OccupancySync, Referral
from splot.referrals.peers import OccupancyState, OfferInfo, Peers
from splot.referrals.workflow import Status

#: Statuses in which a referral holds a place of its offer.
OCCUPYING = frozenset({Status.accepted.value, Status.in_progress.value, Status.on_hold.value})

#: Waits between attempts to hand a state to the directory: 30 s, doubling, at most an hour.
RETRY = Backoff.seconds(30)

_WARNINGS = "splot.referrals.capacity_warnings"


async def follow(session: AsyncSession, referral: Referral, *, from_status: str, now: datetime) -> None:
    """After a transition (flushed): record the new state when the referral started or stopped
    occupying a place of its offer."""
    if referral.target_offer_id is None:
        return
    occupying = referral.status in OCCUPYING
    if occupying == (from_status in OCCUPYING):
        return
    await session.execute(
        update(OccupancySync)
        .where(
            OccupancySync.referral_id == referral.id,
            OccupancySync.done_at.is_(None),
            OccupancySync.superseded_at.is_(None),
        )
        .values(superseded_at=now)
        .execution_options(synchronize_session=False)
    )
    session.add(
        OccupancySync(
            referral_id=referral.id,
            offer_id=referral.target_offer_id,
            occupying=occupying,
            version=referral.version,
            next_attempt_at=now,
            created_at=now,
        )
    )
    session.info.setdefault(_WRITTEN, set()).add(referral.id)


_WRITTEN = "splot.referrals.occupancy_syncs"


def written(session: AsyncSession) -> set[uuid.UUID]:
    """The referrals whose occupancy states this session wrote (and forgets them)."""
    ids: set[uuid.UUID] = session.info.pop(_WRITTEN, set())
    return ids


#: Places in offers, handed to the directory; the columns that make a state (named as its fields).
CHANNEL = handover.Channel(
    table_of(OccupancySync),
    ("referral_id", "offer_id", "occupying", "version"),
    retry=RETRY,
    deferred="occupancy_sync_deferred",
)


def _call(peers: Peers) -> handover.Call:
    return lambda row: peers.put_occupancy(OccupancyState(**{name: row[name] for name in CHANNEL.columns}))


async def send_due(maker: handover.Maker, peers: Peers, *, now: datetime) -> bool | None:
    """The scheduler's attempt on the state due the longest (see :meth:`handover.Channel.send_due`)."""
    return await CHANNEL.send_due(maker, _call(peers), now=now)


async def deliver_pending(maker: handover.Maker, peers: Peers, referral_ids: list[uuid.UUID]) -> None:
    """Right after the commit of a transition: hand its occupancy states to the directory
    (:mod:`~splot.referrals.handover`; the scheduler catches anything that fails here)."""
    await CHANNEL.deliver(maker, referral_ids, _call(peers))


def note_warning(session: AsyncSession, referral: Referral, offer: OfferInfo | None) -> None:
    """While sending: remember a warning for the answer when the offer has no free places."""
    if offer is None or offer.capacity_available is None or offer.capacity_available > 0:
        return
    session.info.setdefault(_WARNINGS, {})[referral.id] = schemas.CapacityWarning(
        offer_id=offer.id, capacity_available=offer.capacity_available, capacity_max=offer.capacity_max
    )


def warning_of(session: AsyncSession, referral_id: uuid.UUID) -> schemas.CapacityWarning | None:
    """The capacity warning noted while sending this referral in this session, if any."""
    warnings: dict[uuid.UUID, schemas.CapacityWarning] = session.info.get(_WARNINGS, {})
    return warnings.pop(referral_id, None)
