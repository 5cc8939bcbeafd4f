"""Occupancy deliveries arriving in parallel (several referrals service replicas, retries after a
timeout): the offer's row lock serialises them, so the count of occupied places and the free
places end exactly where the states say, and a repeat racing its original changes nothing."""

import asyncio
import os
import uuid

import httpx
import pytest
from sqlalchemy import select

from splot.directory.models import Institution, OfferOccupancy, ServiceOffer

PARALLEL = 24
ON_POSTGRES = os.environ.get("SPLOT_TEST_DATABASE_URL", "").startswith("postgresql")


@pytest.mark.skipif(not ON_POSTGRES, reason="parallel writers need PostgreSQL (SQLite has one writer)")
async def test_parallel_deliveries_count_every_place_once(committed_app, tokens):
    async with committed_app.state.sessionmaker() as session:
        ngo = Institution(type="NGO", teryt="1219053", name=f"NGO {uuid.uuid4().hex[:6]}")
        session.add(ngo)
        await session.flush()
        offer = ServiceOffer(
            institution_id=ngo.id,
            service_type_code="kis",
            name="KIS",
            teryt=ngo.teryt,
            capacity_available=PARALLEL // 2,
            capacity_max=PARALLEL,
        )
        session.add(offer)
        await session.commit()
        offer_id = offer.id
    headers = tokens.service_headers("referrals", "directory:occupancy")
    referrals = [uuid.uuid4() for _ in range(PARALLEL)]
    transport = httpx.ASGITransport(app=committed_app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver", timeout=120) as client:

        async def put(referral_id: uuid.UUID, occupying: bool, version: int) -> httpx.Response:
            return await client.put(
                f"/v1/internal/offer-occupancy/{referral_id}",
                json={"offer_id": str(offer_id), "occupying": occupying, "version": version},
                headers=headers,
            )

        # Every referral takes a place, each delivered twice at once (a retry racing the original).
        taken = await asyncio.gather(*(put(r, True, 2) for r in referrals for _ in range(2)))
        assert {r.status_code for r in taken} == {200}, [r.text for r in taken if r.status_code != 200]
        assert sum(r.json()["applied"] for r in taken) == PARALLEL
        # Half of them end, in parallel, while late copies of their older state arrive too.
        ended = referrals[: PARALLEL // 2]
        mixed = await asyncio.gather(*(put(r, False, 5) for r in ended), *(put(r, True, 3) for r in ended))
        assert {r.status_code for r in mixed} == {200}
        offer_read = (await client.get(f"/v1/offers/{offer_id}", headers=headers)).json()

    async with committed_app.state.sessionmaker() as session:
        rows = (
            await session.scalars(select(OfferOccupancy).where(OfferOccupancy.offer_id == offer_id))
        ).all()
    occupying = {r.referral_id for r in rows if r.occupying}
    # The version decides, whatever the order of arrival: v5 (free) beats v3 (occupy) everywhere.
    assert occupying == set(referrals[PARALLEL // 2 :])
    assert offer_read["occupied"] == PARALLEL // 2
    # Free places went to 0 (never below) as places were taken, then one up per place freed.
    assert offer_read["capacity_available"] == PARALLEL // 2
