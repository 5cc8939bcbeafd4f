"""One batch of a bulk import: load what its rows refer to (one query per index), decide every row
(:mod:`splot.clients.import_rows`), and write the results in bulk, in the batch's transaction."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients.import_rows import (
    UPDATABLE,
    Batch,
    DryRunMemory,
    JobContext,
    Parsed,
    PersonState,
    RegistryView,
    RowDecisions,
    parse_row,
)
from splot.clients.models import (
    AccessLog,
    ExternalRef,
    ImportRow,
    Person,
    PersonNameToken,
    Registration,
    name_token_rows,
)
from splot.common.db import table_of, utcnow
from splot.common.events import emit_many

_PERSON_COLUMNS = (
    Person.id,
    Person.status,
    Person.merged_into_id,
    Person.pesel,
    Person.document_number,
    Person.first_name_norm,
    Person.last_name_norm,
    Person.birth_date,
    Person.first_name,
    Person.last_name,
    Person.citizenship,
    Person.street,
    Person.postal_code,
    Person.city,
    Person.gmina,
    Person.phone,
    Person.email,
    Person.preferred_contact,
    Person.version,
    Person.birth_year,
    Person.sex,
    Person.registered_by_institution_id,
)


async def process_batch(
    session: AsyncSession, *, ctx: JobContext, memory: DryRunMemory, rows: list[ImportRow]
) -> Batch:
    """Decide ``rows`` in order and write what they decided (nothing but outcomes in a dry run)."""
    batch = Batch()
    now = utcnow()
    parsed: list[Parsed] = []
    for row in rows:
        outcome = parse_row(row.id, row.data or {})
        if isinstance(outcome, Parsed):
            parsed.append(outcome)
        else:
            batch.reject(row.id, outcome)
    view = await load_view(session, institution_id=ctx.institution_id, parsed=parsed)
    decisions = RowDecisions(ctx, view, memory, batch)
    for item in parsed:
        decisions.row(item, now)
    await write(session, batch)
    return batch


async def load_view(
    session: AsyncSession, *, institution_id: uuid.UUID, parsed: list[Parsed]
) -> RegistryView:
    """The persons the rows may refer to: by external id, PESEL and document number, and by birth
    date for rows that still need fuzzy matching."""
    refs: dict[str, uuid.UUID] = dict(
        (
            await session.execute(
                select(ExternalRef.external_id, ExternalRef.person_id).where(
                    ExternalRef.institution_id == institution_id,
                    ExternalRef.external_id.in_([p.rec.external_id for p in parsed]),
                )
            )
        ).all()
    )
    rows = await _candidate_rows(session, refs=refs, parsed=parsed)
    persons = {r.id: _state(r) for r in rows.values()}
    registered = set(
        (
            await session.scalars(
                select(Registration.person_id).where(
                    Registration.institution_id == institution_id,
                    Registration.person_id.in_(list(persons)),
                )
            )
        ).all()
    )
    return RegistryView(refs=refs, persons=persons, registered=registered)


async def _candidate_rows(
    session: AsyncSession, *, refs: dict[str, uuid.UUID], parsed: list[Parsed]
) -> dict[uuid.UUID, Any]:
    # One query per index (an OR across columns would scan the whole table on SQLite), and
    # birth-date candidates only for rows that still need fuzzy matching: a row with a PESEL
    # can only resemble a record without one (two different PESELs are two people).
    rows: dict[uuid.UUID, Any] = {}

    async def load(condition: ColumnElement[bool]) -> None:
        for r in (await session.execute(select(*_PERSON_COLUMNS).where(condition))).all():
            rows[r.id] = r

    pesels = [p.probe.pesel for p in parsed if p.probe.pesel]
    docs = [p.probe.document_number for p in parsed if p.probe.document_number]
    await load(Person.id.in_(set(refs.values())))
    if pesels:
        await load(Person.pesel.in_(pesels))
    if docs:
        await load(Person.document_number.in_(docs))
    known_pesels = {r.pesel for r in rows.values() if r.pesel}
    pending = [p.probe for p in parsed if p.rec.external_id not in refs and p.probe.pesel not in known_pesels]
    all_dates: set[date] = {p.birth_date for p in pending if p.birth_date and not p.pesel}
    unpesel_dates = {p.birth_date for p in pending if p.birth_date and p.pesel} - all_dates
    if all_dates:
        await load(Person.birth_date.in_(all_dates))
    if unpesel_dates:
        await load(Person.birth_date.in_(unpesel_dates) & Person.pesel.is_(None))
    survivors = {r.merged_into_id for r in rows.values() if r.merged_into_id} - set(rows)
    if survivors:
        await load(Person.id.in_(survivors))
    return rows


def _state(row: Any) -> PersonState:
    return PersonState(
        id=row.id,
        status=row.status,
        merged_into_id=row.merged_into_id,
        pesel=row.pesel,
        document_number=row.document_number,
        first_norm=row.first_name_norm,
        last_norm=row.last_name_norm,
        birth_date=row.birth_date,
        fields={f: getattr(row, f) for f in UPDATABLE},
        version=row.version,
        birth_year=row.birth_year,
        sex=row.sex,
        gmina=row.gmina,
        registered_by=row.registered_by_institution_id,
    )


async def write(session: AsyncSession, batch: Batch) -> None:
    """Everything the batch decided, in bulk (row outcomes erase the rows' data)."""
    table, tokens = table_of(Person), table_of(PersonNameToken)
    token_rows: list[dict[str, Any]] = []
    renamed: list[uuid.UUID] = []
    if batch.persons:
        await session.execute(insert(table), batch.persons)
        for p in batch.persons:
            token_rows += name_token_rows(p["id"], p["first_name_norm"], p["last_name_norm"])
    for values in batch.person_updates:
        changes = {k: v for k, v in values.items() if k != "id"}
        if "first_name_norm" in changes or "last_name_norm" in changes:
            (person_id, first, last) = (
                await session.execute(
                    update(table)
                    .where(table.c.id == values["id"])
                    .values(**changes)
                    .returning(table.c.id, table.c.first_name_norm, table.c.last_name_norm)
                )
            ).one()
            renamed.append(person_id)
            token_rows += name_token_rows(person_id, first, last)
        else:
            await session.execute(update(table).where(table.c.id == values["id"]).values(**changes))
    if renamed:
        await session.execute(delete(tokens).where(tokens.c.person_id.in_(renamed)))
    if token_rows:
        await session.execute(insert(tokens), token_rows)
    if batch.registrations:
        await session.execute(insert(table_of(Registration)), batch.registrations)
    if batch.refs:
        await session.execute(insert(table_of(ExternalRef)), batch.refs)
    if batch.events:
        await emit_many(session, batch.events)
    if batch.audit:
        await session.execute(insert(table_of(AccessLog)), batch.audit)
    if batch.results:
        await session.execute(update(ImportRow), batch.results)
