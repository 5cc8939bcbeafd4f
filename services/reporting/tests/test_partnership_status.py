"""A partnership's status in reporting is the directory's, on every day: the directory's demo
partnership (its agreement confirmed by every party, an amendment pending) is written by the
directory's own code on its own migrated database, its event feed is ingested here, and the
status reporting gives is compared with the directory's. Confirming, terminating and superseding
an agreement write ``agreement.*`` events only, and an agreement starts and expires with the days,
so a status kept from the last ``partnership.*`` event (``initiative`` at the partnership's
creation) went stale."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import date, datetime, timedelta

import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from splot.common.auth import Principal, PrincipalKind
from splot.common.db import create_engine
from splot.common.events import read_events
from splot.common.testing import ServiceSpec, migrated_database
from splot.directory import demo as directory_demo
from splot.directory.config import DirectorySettings
from splot.directory.main import SERVICE_DIR as DIRECTORY_DIR
from splot.directory.main import create_app as create_directory
from splot.directory.partnerships import agreements, core
from splot.directory.partnerships import demo as partnership_demo
from splot.directory.partnerships.models import Partnership
from splot.reporting import partnerships
from splot.reporting.facts import Calendar
from splot.reporting.models import PartnershipDim

from sample import Feeds, Institution, ingest


def _directory_app(url: str) -> FastAPI:
    return create_directory(DirectorySettings(database_url=url, log_json=True))


@pytest.fixture(scope="session")
async def directory_database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    spec = ServiceSpec(name="directory", service_dir=DIRECTORY_DIR, create_app=_directory_app)
    return await migrated_database(spec, "splot_test_directory_for_partnership_status", tmp_path_factory)


@pytest.fixture
async def directory(directory_database_url: str) -> AsyncIterator[AsyncSession]:
    """A session on the directory's database with the demo seeded (rolled back afterwards)."""
    engine = create_engine(directory_database_url)
    try:
        async with engine.connect() as connection:
            transaction = await connection.begin()
            maker = async_sessionmaker(
                bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
            )
            async with maker() as session:
                await directory_demo.seed(session, service_secrets={})
                await session.flush()
                yield session
            await transaction.rollback()
    finally:
        await engine.dispose()


async def _feed(directory: AsyncSession, feeds: Feeds, after: int = 0) -> int:
    """The directory's events after position ``after`` into the in-memory feed reporting reads."""
    page = await read_events(directory, after=after, limit=10_000)
    for event in page.items:
        feeds.directory.append(
            event.type,
            dict(event.payload),
            occurred_at=event.occurred_at,
            aggregate_type=event.aggregate_type,
            aggregate_id=event.aggregate_id,
        )
    return page.last_seq


async def _directory_status(directory: AsyncSession, pid: uuid.UUID, day: date) -> str:
    return core.status_of(await agreements.of_partnership(directory, pid), day)


async def _reporting_status(session, pid: uuid.UUID, day: date) -> str:
    row = await session.get(PartnershipDim, pid, populate_existing=True)
    assert row is not None
    return await partnerships.status_on(session, row, day)


def _days(first: date, last: date, step: int = 7) -> list[date]:
    return [first + timedelta(days=n) for n in range(0, (last - first).days + 1, step)]


async def test_the_demo_partnership_has_the_directory_status_on_every_day(
    directory, sessionmaker, session, settings, client, staff
):
    feeds = Feeds()
    await _feed(directory, feeds)
    await ingest(sessionmaker, feeds, settings)
    pid = directory_demo.demo_id("partnership", "wieliczka")
    today = datetime.now(Calendar.named(settings.timezone).zone).date()

    # the directory: in force (the first agreement, confirmed by every party); the only
    # partnership event was written before any agreement existed
    assert await _directory_status(directory, pid, today) == "in_force"
    assert (await session.get(PartnershipDim, pid)).status == "initiative"
    for day in _days(partnership_demo.JOINED_ON - timedelta(days=30), today + timedelta(days=800)):
        assert await _reporting_status(session, pid, day) == await _directory_status(directory, pid, day), day

    # what a party sees on the measures endpoint
    party = Institution(directory_demo.demo_id("institution", "pup-wieliczka"), "PUP", "1219053", "PUP")
    response = await client.get(
        f"/v1/partnerships/{pid}/measures",
        params={"from": "2026-03", "to": "2026-03"},
        headers=staff(party, "coordinator"),
    )
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "in_force"


async def test_a_terminated_agreement_ends_the_partnership_status_in_reporting(
    directory, sessionmaker, session, settings
):
    feeds = Feeds()
    seen = await _feed(directory, feeds)
    pid = directory_demo.demo_id("partnership", "wieliczka")
    partnership = await directory.get(Partnership, pid)
    assert partnership is not None
    versions = await agreements.of_partnership(directory, pid)
    pup = directory_demo.demo_id("institution", "pup-wieliczka")
    actor = Principal(
        subject=str(uuid.uuid4()),
        kind=PrincipalKind.user,
        institution_id=pup,
        institution_type="PUP",
        teryt="1219053",
        roles=frozenset({"coordinator"}),
    )
    today = datetime.now(Calendar.named(settings.timezone).zone).date()
    # the pending amendment and the agreement in force, both ended by a party
    for version in reversed(versions):
        await agreements.terminate(
            directory, agreement=version, actor=actor, reason="Koniec współpracy", day=today
        )
    await directory.flush()
    await _feed(directory, feeds, seen)
    await ingest(sessionmaker, feeds, settings)
    assert await _directory_status(directory, pid, today) == "terminated"
    for day in (today - timedelta(days=1), today, today + timedelta(days=400)):
        assert await _reporting_status(session, pid, day) == await _directory_status(directory, pid, day), day
