"""Retention: anonymise persons with no activity for the retention period and no active grant.

What stays is what reporting needs and what identifies nobody: birth year, sex, gmina, the
registry UUID (with the append-only access log and the consent records, minus their evidence
references). Safe with several replicas: on PostgreSQL a run takes a transaction-scoped advisory
lock (a replica that cannot get it skips the run) and candidate rows are claimed with
``FOR UPDATE SKIP LOCKED`` so rows being edited concurrently are left for the next run.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

import structlog
from fastapi import FastAPI
from sqlalchemy import delete, exists, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from splot.clients import access_requests, events, merges
from splot.clients.access import active_grant_clause
from splot.clients.casework.retention import erase_casework_text
from splot.clients.config import ClientsSettings
from splot.clients.models import (
    AccessGrant,
    AccessLog,
    AccessRequest,
    AttributeChange,
    CaseAttribute,
    Consent,
    ExternalRef,
    Person,
    PersonMerge,
    PersonStatus,
    Registration,
)
from splot.clients.persons import IDENTIFYING_FIELDS
from splot.common.background import every
from splot.common.db import table_of, utcnow

log = structlog.get_logger("splot.clients.retention")

RETENTION_LOCK_KEY = 0x5350_4C4F_5452  # any constant unique among this database's advisory locks


async def anonymise_due(
    session: AsyncSession, *, settings: ClientsSettings, limit: int | None = None
) -> list[uuid.UUID]:
    """Anonymise up to ``limit`` persons whose retention has passed; returns their ids. Flushes."""
    if session.bind is not None and session.bind.dialect.name == "postgresql":
        got = await session.scalar(
            text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": RETENTION_LOCK_KEY}
        )
        if not got:
            return []
    now = utcnow()
    cutoff = now - timedelta(days=settings.retention_days)
    active_grant = exists(
        select(AccessGrant.id).where(AccessGrant.person_id == Person.id, active_grant_clause(now))
    )
    persons = list(
        (
            await session.scalars(
                select(Person)
                .where(Person.status == PersonStatus.active, Person.last_activity_at < cutoff, ~active_grant)
                .order_by(Person.last_activity_at, Person.id)
                .limit(limit or settings.retention_batch_size)
                .with_for_update(skip_locked=True)
            )
        ).all()
    )
    for person in persons:
        await anonymise(session, person=person)
    return [p.id for p in persons]


async def anonymise(session: AsyncSession, *, person: Person) -> None:
    now = utcnow()
    for field in IDENTIFYING_FIELDS:
        setattr(person, field, None)
    person.status = PersonStatus.anonymised
    person.anonymised_at = now
    await session.execute(delete(CaseAttribute).where(CaseAttribute.person_id == person.id))
    await session.execute(delete(AttributeChange).where(AttributeChange.person_id == person.id))
    await session.execute(delete(ExternalRef).where(ExternalRef.person_id == person.id))
    await erase_casework_text(session, person_id=person.id)
    await session.execute(
        update(Consent)
        .where(Consent.person_id == person.id)
        .values(evidence_reference=None, withdrawal_reason=None)
        .execution_options(synchronize_session=False)
    )
    # Declared reasons (of further registrations and access requests) describe the person's case.
    await session.execute(
        update(Registration)
        .where(Registration.person_id == person.id)
        .values(reason=None)
        .execution_options(synchronize_session=False)
    )
    await session.execute(
        update(AccessRequest)
        .where(AccessRequest.person_id == person.id)
        .values(reason="", decision_reason=None)
        .execution_options(synchronize_session=False)
    )
    # A merge's undo copy of this person's identity goes with the identity itself.
    await session.execute(
        update(PersonMerge)
        .where(or_(PersonMerge.survivor_id == person.id, PersonMerge.merged_id == person.id))
        .values(survivor_before={}, merged_before={}, images_erased_at=now)
        .execution_options(synchronize_session=False)
    )
    await session.flush()
    await events.person_event(session, "person.anonymised", person)
    await session.execute(
        table_of(AccessLog)
        .insert()
        .values(
            id=uuid.uuid4(),
            occurred_at=now,
            subject="service:clients",
            subject_kind="service",
            institution_id=None,
            person_id=person.id,
            action="anonymise",
            resource="job retention",
            legal_basis="retention",
        )
    )


async def run_once(maker: async_sessionmaker[AsyncSession], settings: ClientsSettings) -> int:
    """Run retention in batches, one transaction each, until nothing is due; then erase the
    identity copies kept by merges that can no longer be undone."""
    async with maker() as session:
        await merges.forget_expired_before_images(session)
        await access_requests.expire_due(session)
        await session.commit()
    total = 0
    while True:
        async with maker() as session:
            done = await anonymise_due(session, settings=settings)
            await session.commit()
        total += len(done)
        if len(done) < settings.retention_batch_size:
            return total


async def retention_loop(app: FastAPI) -> None:
    """Background task: run retention every ``retention_interval_seconds`` (0: never; the
    ``splot-clients anonymise`` command still runs it on demand)."""
    settings: ClientsSettings = app.state.settings

    async def run() -> None:
        count = await run_once(app.state.sessionmaker, settings)
        if count:
            log.info("retention_anonymised", count=count)

    await every(settings.retention_interval_seconds, run, name="retention")
