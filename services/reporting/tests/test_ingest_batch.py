"""Batched ingestion (issue #17): a page of referral snapshots applied in bulk must give exactly
what applying its events one by one gives (dedupe, malformed events, newest snapshot wins, the
cubes maintained by delta, the per-event fallback)."""

import uuid

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from splot.reporting import consumer, cubes, ingest_batch, ingest_persons, page_events
from splot.reporting.models import (
    PersonContact,
    PersonDim,
    ProcessedEvent,
    ReferralFact,
    ReferralOutcome,
    SourceCursor,
)
from splot.reporting.sources import FeedEvent

from sample import Feeds, fixed_dataset, ingest


async def _store(session) -> dict[str, list[tuple]]:
    """Every fact, outcome and cube row (sorted), to compare two ways of ingesting the same feed."""
    out: dict[str, list[tuple]] = {}
    tables = (ReferralFact, ReferralOutcome, PersonDim, PersonContact)
    for table in (*(t.__table__ for t in tables), *(c.table for c in cubes.CUBES)):
        rows = (await session.execute(select(table))).all()
        out[table.name] = sorted((tuple(str(v) for v in row) for row in rows), key=repr)
    return out


class _Spy:
    """Counts the bulk runs and fails the test's expectations if one fell back."""

    def __init__(self, monkeypatch, module=ingest_batch, name="apply_referrals") -> None:
        self.runs = 0
        self.failures: list[BaseException] = []
        original = getattr(module, name)

        async def spy(*args, **kw):
            try:
                result = await original(*args, **kw)
            except BaseException as exc:
                self.failures.append(exc)
                raise
            self.runs += 1
            return result

        monkeypatch.setattr(module, name, spy)


def _single_referral_feed() -> tuple[Feeds, object]:
    feeds = Feeds()
    pup = feeds.institution("PUP", "1219053")
    ops = feeds.institution("OPS", "1219053")
    person = feeds.person(1990, "F", "1219053", pup)
    ref = feeds.referral(pup, ops, person, "social_work").send("2025-03-03", due="2025-03-10")
    return feeds, ref


@pytest.mark.parametrize("batch_size", [50, 1000])
async def test_bulk_gives_the_same_store_as_event_by_event(
    sessionmaker, session, settings, monkeypatch, batch_size
):
    data = fixed_dataset()
    monkeypatch.setattr(page_events, "BATCHED", False)
    await ingest(sessionmaker, data.feeds, settings, batch_size=batch_size)
    reference = await _store(session)
    await session.commit()
    async with sessionmaker() as fresh, fresh.begin():
        await consumer.reset(fresh)

    monkeypatch.setattr(page_events, "BATCHED", True)
    spy = _Spy(monkeypatch)
    persons = _Spy(monkeypatch, ingest_persons, "apply_persons")
    results = await ingest(sessionmaker, data.feeds, settings, batch_size=batch_size)
    assert spy.runs > 0 and spy.failures == []
    assert persons.runs > 0 and persons.failures == []
    assert results["referrals"].skipped == 0
    batched = await _store(session)
    assert reference["referral_fact"] and reference["agg_referral_region"] and reference["person_contact"]
    assert batched == reference


async def test_a_duplicate_event_in_one_page_is_applied_once(sessionmaker, session, settings, monkeypatch):
    feeds, ref = _single_referral_feed()
    ref.accept("2025-03-04")
    accepted = feeds.referrals.events[-1]
    feeds.referrals.events.append(FeedEvent(**{**accepted.__dict__, "seq": accepted.seq + 1}))  # same id
    ref.start("2025-03-05")
    spy = _Spy(monkeypatch)
    results = await ingest(sessionmaker, feeds, settings, batch_size=1000)
    assert spy.runs == 1
    assert results["referrals"].fetched == 4 and results["referrals"].applied == 3
    ids = (
        await session.scalars(select(ProcessedEvent.event_id).where(ProcessedEvent.source == "referrals"))
    ).all()
    assert len(ids) == len(set(ids)) == 3
    fact = await session.get(ReferralFact, ref.id)
    assert fact.status == "in_progress" and fact.accepted == 1 and fact.started == 1


async def test_a_malformed_event_among_good_ones_is_skipped_and_recorded(
    sessionmaker, session, settings, monkeypatch
):
    feeds, ref = _single_referral_feed()
    ref.accept("2025-03-04")
    bad = feeds.referrals.events[-1]
    broken = {
        **bad.payload,
        "referral": {**bad.payload["referral"], "version": 99, "sent_at": "2025-03-03T10:00"},
    }
    feeds.referrals.append(bad.type, broken, occurred_at=bad.occurred_at, aggregate_type="referral")
    ref.start("2025-03-05").complete("2025-03-20", ["employed"])
    spy = _Spy(monkeypatch)
    results = await ingest(sessionmaker, feeds, settings, batch_size=1000)
    assert spy.runs == 1 and spy.failures == []
    assert results["referrals"].skipped == 1 and results["referrals"].applied == 4
    processed = await session.scalar(
        select(ProcessedEvent).where(ProcessedEvent.seq == feeds.referrals.events[2].seq)
    )
    assert processed is not None  # recorded, so it is not retried for ever
    cursor = await session.get(SourceCursor, "referrals")
    assert cursor.last_seq == feeds.referrals.events[-1].seq
    fact = await session.get(ReferralFact, ref.id)
    assert fact.status == "completed" and fact.version != 99 and fact.outcome_codes == ["employed"]


async def test_the_newest_snapshot_of_a_referral_in_one_page_wins(
    sessionmaker, session, settings, monkeypatch
):
    feeds, ref = _single_referral_feed()
    ref.accept("2025-03-04").start("2025-03-05").complete("2025-03-20", ["goals_met"])
    # the "accepted" snapshot delivered again after the newer ones, within the same page
    stale = feeds.referrals.events[1]
    feeds.referrals.append(
        stale.type, stale.payload, occurred_at=stale.occurred_at, aggregate_type="referral"
    )
    spy = _Spy(monkeypatch)
    await ingest(sessionmaker, feeds, settings, batch_size=1000)
    assert spy.runs == 1
    fact = await session.get(ReferralFact, ref.id)
    assert fact.status == "completed" and fact.completed == 1 and fact.open == 0
    region = cubes.REGION.table
    rows = (await session.execute(select(region.c.status, region.c.referrals, region.c.completed))).all()
    assert [tuple(r) for r in rows] == [("completed", 1, 1)]


async def test_a_failing_bulk_statement_falls_back_to_event_by_event(
    sessionmaker, session, settings, monkeypatch
):
    feeds, ref = _single_referral_feed()
    ref.accept("2025-03-04").start("2025-03-05").complete("2025-03-20", ["goals_met"])

    async def broken(*args, **kw):
        raise SQLAlchemyError("simulated")

    monkeypatch.setattr(cubes, "apply_delta", broken)
    results = await ingest(sessionmaker, feeds, settings, batch_size=1000)
    assert results["referrals"].applied == 4 and results["referrals"].skipped == 0
    fact = await session.get(ReferralFact, ref.id)
    assert fact.status == "completed" and fact.referral_id == uuid.UUID(str(ref.id))
    region = cubes.REGION.table
    rows = (await session.execute(select(region.c.status, region.c.referrals))).all()
    assert [tuple(r) for r in rows] == [("completed", 1)]


class _Replacements:
    """Counts the stored facts :func:`ingest_batch.replace_facts` overwrites and checks, on
    PostgreSQL, that its staging table is empty again after each call (the batches of a test run
    in one transaction, so only the statement itself can have emptied it)."""

    def __init__(self, monkeypatch) -> None:
        self.rows = 0
        self.left_in_stage: list[int] = []
        original = ingest_batch.replace_facts

        async def spy(session, rows):
            await original(session, rows)
            self.rows += len(rows)
            if rows and ingest_batch.is_postgresql(session):
                left = await session.scalar(select(func.count()).select_from(ingest_batch._STAGE))
                self.left_in_stage.append(int(left or 0))

        monkeypatch.setattr(ingest_batch, "replace_facts", spy)


async def test_replaced_facts_give_the_same_store_as_event_by_event(
    sessionmaker, session, settings, monkeypatch
):
    """Pages of two events: nearly every snapshot replaces a fact stored by an earlier page (through
    the staging table on PostgreSQL), including outcome rows that change and a referral that moves
    back to requested; the store must be exactly the per-event one."""
    feeds = Feeds()
    pup = feeds.institution("PUP", "1219053")
    ops = feeds.institution("OPS", "1261011")
    person = feeds.person(1990, "F", "1219053", pup)
    refs = [
        feeds.referral(pup, ops, person, "job_placement").send(f"2025-0{m}-03", due=f"2025-0{m}-10")
        for m in (3, 4, 5)
    ]
    refs[0].accept("2025-03-04").start("2025-03-05").complete("2025-03-20", ["employed", "goals_met"])
    refs[0].complete("2025-03-21", ["goals_met"])  # a corrected report: "employed" must go
    refs[1].reject("2025-04-04", "no_capacity", "provider").reopen("2025-04-07").accept("2025-04-08")
    refs[2].accept("2025-05-06").start("2025-05-07").fail("2025-05-30", "client_dropped_out")
    refs[2].acknowledge("2025-06-02")

    monkeypatch.setattr(page_events, "BATCHED", False)
    await ingest(sessionmaker, feeds, settings, batch_size=1)
    reference = await _store(session)
    await session.commit()
    async with sessionmaker() as fresh, fresh.begin():
        await consumer.reset(fresh)

    monkeypatch.setattr(page_events, "BATCHED", True)
    spy = _Spy(monkeypatch)
    replaced = _Replacements(monkeypatch)
    results = await ingest(sessionmaker, feeds, settings, batch_size=2)
    assert spy.runs > 0 and spy.failures == []
    assert results["referrals"].skipped == 0
    assert replaced.rows == 7  # every snapshot but the three first ones (two pages hold one twice)
    if ingest_batch.is_postgresql(session):
        assert replaced.left_in_stage and set(replaced.left_in_stage) == {0}
    assert await _store(session) == reference
    outcomes = (
        await session.execute(
            select(ReferralOutcome.outcome_code).where(ReferralOutcome.referral_id == refs[0].id)
        )
    ).scalars()
    assert list(outcomes) == ["goals_met"]
    fact = await session.get(ReferralFact, refs[1].id)
    assert fact.status == "accepted" and fact.rejected == 0 and fact.accepted == 1
