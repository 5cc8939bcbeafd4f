"""The rebuild path (issue #17): new facts, outcomes and processed-event ids are copied in (COPY on
PostgreSQL, a plain INSERT elsewhere) in pages of the feeds' largest size; the store must be
exactly what ingesting the same feeds event by event gives, and a key that exists after all must
fall back to the per-event path without losing or doubling anything."""

from sqlalchemy import func, select, text
from test_ingest_batch import _Spy
from test_ingest_batch import _store as _facts_and_cubes

from splot.reporting import consumer, ingest_batch, ingestion, page_events
from splot.reporting import rebuild as rebuilding
from splot.reporting.ingestion import IngestContext
from splot.reporting.models import (
    FollowupFact,
    InstitutionDim,
    OfferDim,
    ProcessedEvent,
    ReferralFact,
    ReferralOutcome,
)

from sample import Feeds, fixed_dataset, ingest


async def _store(session) -> dict[str, list[tuple]]:
    """Facts, outcomes, persons and cubes, plus the directory's dimensions."""
    out = await _facts_and_cubes(session)
    for table in (InstitutionDim.__table__, OfferDim.__table__):
        rows = (await session.execute(select(table))).all()
        out[table.name] = sorted((tuple(str(v) for v in row) for row in rows), key=repr)
    return out


class _NewRows:
    """Counts the rows :func:`ingest_batch.insert_new_rows` writes, per table."""

    def __init__(self, monkeypatch) -> None:
        self.rows: dict[str, int] = {}
        original = ingest_batch.insert_new_rows

        async def spy(session, table, rows):
            await original(session, table, rows)
            self.rows[table.name] = self.rows.get(table.name, 0) + len(rows)

        monkeypatch.setattr(ingest_batch, "insert_new_rows", spy)


async def test_rebuild_gives_the_same_store_as_event_by_event(sessionmaker, session, settings, monkeypatch):
    data = fixed_dataset()
    monkeypatch.setattr(page_events, "BATCHED", False)
    await ingest(sessionmaker, data.feeds, settings, batch_size=1)  # one event per transaction
    reference = await _store(session)
    await session.commit()

    monkeypatch.setattr(page_events, "BATCHED", True)
    spy = _Spy(monkeypatch)
    directory = _Spy(monkeypatch, ingestion, "apply_directory")
    new_rows = _NewRows(monkeypatch)
    pages: list[int] = []
    original_fetch = type(data.feeds.referrals).fetch

    async def fetch(self, *, after, limit):
        pages.append(limit)
        return await original_fetch(self, after=after, limit=limit)

    monkeypatch.setattr(type(data.feeds.referrals), "fetch", fetch)
    ctx = IngestContext.from_settings(settings)
    results = await consumer.rebuild(sessionmaker, data.feeds.sources(), ctx, batch_size=50)
    assert set(pages) == {consumer.REBUILD_PAGE}  # the feeds' largest page, whatever the setting
    assert spy.runs > 0 and spy.failures == []
    assert directory.runs > 0 and directory.failures == []
    assert results["referrals"].skipped == 0
    facts = int(await session.scalar(select(func.count()).select_from(ReferralFact)) or 0)
    assert facts > 0 and new_rows.rows["referral_fact"] == facts  # every fact copied in once
    assert new_rows.rows["referral_outcome"] > 0
    events = sum(
        len(feed.events) for feed in (data.feeds.directory, data.feeds.clients, data.feeds.referrals)
    )
    assert new_rows.rows["processed_event"] == events
    assert await _store(session) == reference


async def test_a_fact_stored_under_the_bulk_path_falls_back_to_event_by_event(
    sessionmaker, session, settings, monkeypatch
):
    """insert_new_rows must fail on an existing key (never overwrite nor duplicate it): the run is
    then applied event by event, which updates the stored fact to the newest snapshot."""
    data = fixed_dataset()
    monkeypatch.setattr(page_events, "BATCHED", False)
    await ingest(sessionmaker, data.feeds, settings, batch_size=1000)
    reference = await _store(session)
    await session.commit()
    async with sessionmaker() as fresh, fresh.begin():
        await consumer.reset(fresh)

    monkeypatch.setattr(page_events, "BATCHED", True)
    original_stored = ingest_batch._stored

    async def nothing_stored(session, ids):
        await original_stored(session, ids)
        return {}  # every fact looks new: those that exist make the copy fail

    monkeypatch.setattr(ingest_batch, "_stored", nothing_stored)
    spy = _Spy(monkeypatch)
    results = await ingest(sessionmaker, data.feeds, settings, batch_size=3)
    assert spy.failures  # at least one run met a stored fact and fell back
    assert results["referrals"].skipped == 0
    assert await _store(session) == reference
    outcomes = (
        await session.execute(select(ReferralOutcome.referral_id, ReferralOutcome.outcome_code))
    ).all()
    assert len(outcomes) == len(set(outcomes))
    events = await session.scalar(select(func.count()).select_from(ProcessedEvent))
    assert events == sum(len(feed.events) for feed in data.feeds.sources().feeds)  # type: ignore[attr-defined]


async def test_a_run_of_followups_gives_the_same_store_as_event_by_event(
    sessionmaker, session, settings, monkeypatch
):
    feeds = Feeds()
    pup = feeds.institution("PUP", "1219053")
    ops = feeds.institution("OPS", "1219053")
    person = feeds.person(1990, "F", "1219053", pup)
    refs = []
    for outcomes in (["employed"], ["goals_met"], ["employed"]):
        ref = feeds.referral(pup, ops, person, "job_placement").send("2025-03-03", due="2025-03-10")
        refs.append(ref.accept("2025-03-04").start("2025-03-05").complete("2025-04-01", outcomes))
    orphan = feeds.referral(ops, pup, person, "job_placement")  # its snapshot never arrives
    # a run of answers: two for one due month (the later one wins), one for a fact not yet stored
    refs[0].followup(3, "dropped_out", "2025-07-01").followup(3, "employed", "2025-07-02")
    refs[0].followup(6, "employed", "2025-10-01")
    refs[1].followup(3, "employed", "2025-07-03")
    refs[2].followup(6, "dropped_out", "2025-10-02")
    orphan.followup(3, "employed", "2025-07-04")
    refs[0].acknowledge("2025-07-05")  # a snapshot after the answers (they are applied last)
    orphan.send("2025-07-06", due="2025-07-13")
    refs[2].followup(3, "employed", "2025-07-07")

    monkeypatch.setattr(page_events, "BATCHED", False)
    await ingest(sessionmaker, feeds, settings, batch_size=1)  # strictly in feed order
    reference = await _store(session)
    reference["followup_fact"] = await _followup_rows(session)
    await session.commit()
    async with sessionmaker() as fresh, fresh.begin():
        await consumer.reset(fresh)

    monkeypatch.setattr(page_events, "BATCHED", True)
    spy = _Spy(monkeypatch, ingest_batch, "apply_followups")
    results = await ingest(sessionmaker, feeds, settings, batch_size=1000)
    assert spy.runs == 1 and spy.failures == []  # every answer of the page in one run
    assert results["referrals"].skipped == 0
    batched = await _store(session)
    batched["followup_fact"] = await _followup_rows(session)
    employed = (await session.execute(select(ReferralFact.followup_3m_employed))).scalars().all()
    assert sorted(employed) == [0, 0, 1, 1]  # R0's later answer, R2; R1 has no employment outcome
    assert batched == reference


async def _followup_rows(session) -> list[tuple]:
    rows = (await session.execute(select(FollowupFact))).scalars().all()
    return sorted((str(r.referral_id), r.due_months, r.outcome_code, str(r.answered_at)) for r in rows)


async def test_a_run_of_directory_events_gives_the_same_store_as_event_by_event(
    sessionmaker, session, settings, monkeypatch
):
    """Institutions and offers in one run: created, relocated (the months of its facts recomputed),
    a stale update ignored, a malformed event skipped; the facts ingested first (sources out of order)."""
    feeds = Feeds()
    pup = feeds.institution("PUP", "1219053")
    ops = feeds.institution("OPS", "1261011")
    person = feeds.person(1990, "F", "1219053", pup)
    feeds.referral(pup, ops, person, "social_work").send("2025-03-03", due="2025-03-10")
    feeds.offer(ops, "social_work")
    directory_events = list(feeds.directory.events)
    feeds.directory.events.clear()
    moved = {**feeds.institution_payload(ops), "teryt": "1465011", "powiat_code": "1465", "version": 2}
    stale = {**feeds.institution_payload(ops), "name": "stale", "version": 1}
    for event in directory_events:
        feeds.directory.append(event.type, event.payload, occurred_at=event.occurred_at)
    when = directory_events[0].occurred_at
    feeds.directory.append("institution.updated", moved, occurred_at=when)
    feeds.directory.append("institution.updated", stale, occurred_at=when)
    feeds.directory.append(
        "institution.updated", {"id": str(ops.id), "version": 3}, occurred_at=when
    )  # no teryt
    feeds.directory.append("offer.updated", {"id": "not-a-uuid"}, occurred_at=when)
    referrals_first = type(feeds.sources())(feeds=feeds.sources().feeds[::-1], catalogue=None)

    async def run(batch_size: int) -> tuple[dict, int]:
        ctx = IngestContext.from_settings(settings)
        results = await consumer.ingest_until_caught_up(
            sessionmaker, referrals_first, ctx, batch_size=batch_size
        )
        return await _store(session), results["directory"].skipped

    monkeypatch.setattr(page_events, "BATCHED", False)
    reference, reference_skipped = await run(1)
    await session.commit()
    async with sessionmaker() as fresh, fresh.begin():
        await consumer.reset(fresh)
    monkeypatch.setattr(page_events, "BATCHED", True)
    spy = _Spy(monkeypatch, ingestion, "apply_directory")
    batched, skipped = await run(1000)
    assert spy.runs == 1 and spy.failures == []
    assert skipped == reference_skipped == 2
    rows = [r for r in batched["institution_dim"] if r[0] == str(ops.id)]
    assert rows and rows[0][3] == "1465011"  # moved, and the stale update ignored
    assert [r for r in batched["agg_referral_powiat"] if "1465" in r]  # its fact's month recomputed
    assert batched == reference


def test_the_rebuild_is_still_reachable_from_the_consumer_module():
    assert consumer.rebuild is rebuilding.rebuild and consumer.reset is rebuilding.reset
    assert consumer.ANALYTICAL_TABLES is rebuilding.ANALYTICAL_TABLES
    assert consumer.REBUILD_PAGE == rebuilding.REBUILD_PAGE


async def test_a_rebuild_refreshes_the_planner_statistics_as_the_tables_grow(
    sessionmaker, session, settings, monkeypatch
):
    """The tables start empty: the rebuild analyses them each time the events applied since the
    start have doubled, and once more before the cubes (PostgreSQL keeps the row counts it saw)."""
    data = fixed_dataset()
    monkeypatch.setattr(rebuilding, "ANALYZE_FIRST", 1)
    seen: list[int] = []  # events recorded when each ANALYZE ran
    original = rebuilding.analyze

    async def analyze(maker):
        await original(maker)
        seen.append(int(await session.scalar(select(func.count()).select_from(ProcessedEvent)) or 0))

    monkeypatch.setattr(rebuilding, "analyze", analyze)
    monkeypatch.setattr(rebuilding, "REBUILD_PAGE", 10)
    await rebuilding.rebuild(
        sessionmaker, data.feeds.sources(), IngestContext.from_settings(settings), batch_size=1
    )
    events = sum(len(feed.events) for feed in data.feeds.sources().feeds)  # type: ignore[attr-defined]
    during, last = seen[:-1], seen[-1]
    assert len(during) >= 3 and during[0] >= 1 and last == events
    assert all(later >= 2 * earlier for earlier, later in zip(during, during[1:], strict=False))
    assert during[-1] * 2 > events or during[-1] == events  # no doubling left unanalysed
    if ingest_batch.is_postgresql(session):
        counted = await session.scalar(
            text("SELECT reltuples FROM pg_class WHERE oid = 'processed_event'::regclass")
        )
        assert counted == events
