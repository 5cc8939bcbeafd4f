"""The reporting side: feeds read straight from the source databases' outboxes (to ingest what
the demo seed wrote, and to rebuild in tests), the directory's dimensions and events, the cubes
built with the service's own set-based refresh, and the consumer's cursors at each feed's head."""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

import splot.directory.events  # noqa: F401 - declares the institution and offer events
from splot.common.db import create_sessionmaker
from splot.common.events import check_payload, read_events
from splot.embedded.national.bulk import Loader, dumps
from splot.embedded.national.institutions import Institution, new_uuid
from splot.reporting import cubes
from splot.reporting.consumer import ingest_until_caught_up
from splot.reporting.ingestion import IngestContext
from splot.reporting.models import DirtyMonth, ReferralFact
from splot.reporting.sources import FeedEvent, FeedPage, Sources

SOURCES = ("directory", "clients", "referrals")
#: The facts' index by cohort month (``sent_year``, ``sent_month``): the cubes' refresh reads by it.
COHORT_INDEX = "ix_referral_fact_cohort"


@dataclass
class OutboxSource:
    """A feed read from a source database's outbox, as ``GET /v1/events`` would serve it."""

    name: str
    engine: AsyncEngine

    async def fetch(self, *, after: int, limit: int) -> FeedPage:
        async with create_sessionmaker(self.engine)() as session:
            page = await read_events(session, after=after, limit=limit)
        items = [FeedEvent.from_json(item.model_dump()) for item in page.items]
        return FeedPage(items=items, last_seq=page.last_seq, head_seq=page.head_seq)


@dataclass
class DirectoryCatalogue:
    """The directory's service-type and programme catalogues, read from its database."""

    engine: AsyncEngine

    async def _rows(self, sql: str) -> list[dict[str, Any]]:
        async with self.engine.connect() as conn:
            return [dict(r) for r in (await conn.execute(text(sql))).mappings().all()]

    async def service_types(self) -> list[dict[str, Any]]:
        return await self._rows("SELECT code, category, sensitive FROM service_type")

    async def programmes(self) -> list[dict[str, Any]]:
        return await self._rows("SELECT code, name, kind, active FROM programme")


async def ingest_feeds(
    reporting: AsyncEngine,
    sources: dict[str, AsyncEngine],
    ctx: IngestContext,
    *,
    batch_size: int = 500,
    only: tuple[str, ...] = SOURCES,
) -> None:
    """Ingest the source databases' feeds into ``reporting`` with the consumer's own code."""
    feeds = Sources(
        feeds=[OutboxSource(name, sources[name]) for name in only],
        catalogue=DirectoryCatalogue(sources["directory"]),
    )
    await ingest_until_caught_up(create_sessionmaker(reporting), feeds, ctx, batch_size=batch_size)


async def load_directory(
    directory: Loader, reporting: Loader, rng: random.Random, institutions: list[Institution], now: datetime,
    *, events: bool,
) -> None:  # fmt: skip
    """The institutions' and offers' dimensions, and their ``*.created`` events."""
    dims, offers, outbox = [], [], []
    for inst in institutions:
        payload = {
            "id": str(inst.id), "type": inst.type, "name": inst.name[:300], "teryt": inst.teryt,
            "powiat_code": inst.teryt[:4], "voivodeship_code": inst.teryt[:2], "active": True, "version": 1,
        }  # fmt: skip
        dims.append({**payload, "id": inst.id})
        outbox.append(_event(rng, "institution.created", "institution", payload, now))
        for offer_id, code, capacity in inst.offers:
            offer = {
                "id": str(offer_id), "institution_id": str(inst.id), "service_type_code": code,
                "teryt": inst.teryt, "capacity_available": capacity, "capacity_max": capacity,
                "active": True, "version": 1,
            }  # fmt: skip
            offers.append({**offer, "id": offer_id, "institution_id": inst.id})
            outbox.append(_event(rng, "offer.created", "offer", offer, now))
    await reporting.copy("institution_dim", dims)
    await reporting.copy("offer_dim", offers)
    if events:
        await directory.number(outbox)
        for kind in ("institution.created", "offer.created"):
            check_payload(kind, next(e["payload"] for e in outbox if e["type"] == kind))
        for row in outbox:
            row["payload"] = dumps(row["payload"])
        await directory.copy_outbox(outbox)


def _event(
    rng: random.Random, kind: str, aggregate: str, payload: dict[str, Any], at: datetime
) -> dict[str, Any]:
    return {
        "id": new_uuid(rng), "type": kind, "aggregate_type": aggregate,
        "aggregate_id": payload["id"], "occurred_at": at, "payload": payload,
    }  # fmt: skip


async def build_cubes(reporting: AsyncEngine, *, sessions: int = 2) -> int:
    """Every cohort month of every cube computed with the service's own set-based refresh of a
    month (what ``mark_all_dirty`` then ``refresh_dirty`` do), the months shared out over
    ``sessions`` connections working side by side (the load holds the store alone: no other
    refresh runs, so the refresh lock is not needed; each month's cubes in their order, parents
    first). The facts are first ordered on disk by cohort month (``CLUSTER``), so that each
    month's refresh reads that month's pages only. Returns the months built."""
    sessionmaker = create_sessionmaker(reporting)
    async with sessionmaker() as session, session.begin():
        await _cluster_by_cohort(session)
        f = ReferralFact.__table__
        cohorts = select(f.c.sent_year, f.c.sent_month).where(f.c.sent_year.is_not(None)).distinct()
        # The months the demo's ingestion marked dirty too (refresh_dirty would refresh them all).
        marked = select(DirtyMonth.year, DirtyMonth.month)
        months = sorted(
            {(y, m) for y, m in (*await session.execute(cohorts), *await session.execute(marked))}
        )
        await session.execute(delete(DirtyMonth))

    async def refresh(share: list[tuple[int, int]]) -> None:
        async with sessionmaker() as session, session.begin():
            for year, month in share:
                for cube in cubes.CUBES:
                    await cubes._refresh_cube(session, cube, year, month)

    await asyncio.gather(*(refresh(months[n :: max(1, sessions)]) for n in range(max(1, sessions))))
    return len(months)


async def _cluster_by_cohort(session: AsyncSession) -> None:
    found = await session.scalar(
        text("SELECT 1 FROM pg_indexes WHERE tablename = 'referral_fact' AND indexname = :name"),
        {"name": COHORT_INDEX},
    )
    if found:
        await session.execute(text(f"CLUSTER referral_fact USING {COHORT_INDEX}"))
        await session.execute(text("ANALYZE referral_fact"))


async def set_cursors(reporting: Loader, heads: dict[str, int], applied: dict[str, int]) -> None:
    """The consumer's cursors at each feed's head: the running service does not re-ingest."""
    for source, head in heads.items():
        await reporting.conn.execute(
            "INSERT INTO source_cursor (source, last_seq, head_seq, events_applied, consecutive_failures)"
            " VALUES ($1, $2, $2, $3, 0) ON CONFLICT (source) DO UPDATE SET last_seq = $2, head_seq = $2,"
            " events_applied = source_cursor.events_applied + $3",
            source,
            head,
            applied.get(source, 0),
        )
