"""The reporting side: feeds read straight from the source databases' outboxes (to ingest what
the demo seed wrote, and to rebuild in tests), the directory's dimensions and events, the cubes
built with the service's own set-based refresh, and the consumer's cursors at each feed's head."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

import splot.directory.events  # noqa: F401 - declares the institution and offer events
from splot.common.db import create_sessionmaker
from splot.common.events import check_payload, read_events
from splot.embedded.national.bulk import Loader, dumps
from splot.embedded.national.institutions import Institution, new_uuid
from splot.reporting import cubes
from splot.reporting.consumer import ingest_until_caught_up
from splot.reporting.ingestion import IngestContext
from splot.reporting.sources import FeedEvent, FeedPage, Sources

SOURCES = ("directory", "clients", "referrals")


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
        from sqlalchemy import text

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


async def build_cubes(reporting: AsyncEngine) -> int:
    """Every cohort month dirty, then the service's own set-based refresh."""
    async with create_sessionmaker(reporting)() as session, session.begin():
        await cubes.mark_all_dirty(session)
        return await cubes.refresh_dirty(session)


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
