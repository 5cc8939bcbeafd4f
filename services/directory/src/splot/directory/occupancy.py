"""The places Splot referrals occupy in offers.

An accepted or in-progress referral to an offer occupies one of its places; completing,
failing, withdrawing or cancelling it frees the place. The referrals service records each change
in the transaction of the transition and delivers it here after the commit, retrying until it
gets through (``PUT /v1/internal/offer-occupancy/{referral_id}``). A delivery is idempotent: the
state of each referral is kept with the referral's version, and a state not newer than the one
stored changes nothing, so repeats and late retries are harmless.

When a referral starts or stops occupying a place, ``occupied`` is recounted from the stored
states, and the provider's live counter of free places (``capacity_available``) moves by one:
down (not below 0) when a place is taken, up (not above ``capacity_max``) when it is freed. The
provider may still report its free places at any time (``PUT …/capacity``, last write wins: it
also counts people who came outside Splot); later referral changes move the reported number.
Changes of one offer are serialised by locking the offer's row.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.errors import Problem
from splot.common.events import emit
from splot.directory import schemas
from splot.directory.models import OfferOccupancy, ServiceOffer
from splot.directory.service import offer_event_payload


def _free_places(offer: ServiceOffer, *, taken: bool) -> int | None:
    if offer.capacity_available is None:
        if offer.capacity_max is None:
            return None
        return max(0, offer.capacity_max - offer.occupied)
    if taken:
        return max(0, offer.capacity_available - 1)
    freed = offer.capacity_available + 1
    return freed if offer.capacity_max is None else min(freed, offer.capacity_max)


async def _locked_offer(session: AsyncSession, offer_id: uuid.UUID) -> ServiceOffer:
    offer = (
        await session.scalars(
            select(ServiceOffer)
            .where(ServiceOffer.id == offer_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    ).first()
    if offer is None:
        raise Problem(422, "unknown_offer", "no such offer in the directory")
    return offer


async def record(
    session: AsyncSession, *, referral_id: uuid.UUID, data: schemas.OccupancyState, now: datetime
) -> schemas.OccupancyRead:
    """Record one referral's state (idempotent; older versions are ignored)."""
    offer = await _locked_offer(session, data.offer_id)
    row = await session.get(OfferOccupancy, referral_id, with_for_update=True)
    if row is not None and row.offer_id != data.offer_id:
        raise Problem(409, "offer_mismatch", "this referral's occupancy is recorded for another offer")
    applied = row is None or data.version > row.version
    was_occupying = row is not None and row.occupying
    if applied:
        if row is None:
            row = OfferOccupancy(referral_id=referral_id, offer_id=offer.id)
            session.add(row)
        row.occupying = data.occupying
        row.version = data.version
        row.updated_at = now
        await session.flush()
        if was_occupying != data.occupying:
            await _recount(session, offer, taken=data.occupying, now=now)
    return schemas.OccupancyRead(
        referral_id=referral_id,
        offer_id=offer.id,
        occupying=row.occupying if row is not None else data.occupying,
        version=row.version if row is not None else data.version,
        applied=applied,
        occupied=offer.occupied,
        capacity_available=offer.capacity_available,
        capacity_max=offer.capacity_max,
    )


async def _recount(session: AsyncSession, offer: ServiceOffer, *, taken: bool, now: datetime) -> None:
    offer.occupied = (
        await session.scalar(
            select(func.count())
            .select_from(OfferOccupancy)
            .where(OfferOccupancy.offer_id == offer.id, OfferOccupancy.occupying.is_(True))
        )
    ) or 0
    offer.capacity_available = _free_places(offer, taken=taken)
    offer.capacity_updated_at = now
    await session.flush()
    await emit(
        session,
        "offer.capacity_changed",
        aggregate_type="offer",
        aggregate_id=offer.id,
        payload=offer_event_payload(offer),
    )
