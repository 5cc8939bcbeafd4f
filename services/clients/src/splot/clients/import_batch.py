"""One batch of a bulk import: load what its rows refer to (one query per index), decide every row
(:mod:`splot.clients.import_rows`), and write the results in bulk, in the batch's transaction
(new rows by ``COPY`` on PostgreSQL, :func:`splot.common.bulk.copy_rows`; the rows' outcomes by one
statement over arrays)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection
from datetime import date
from functools import partial
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    String,
    Uuid,
    bindparam,
    delete,
    func,
    null,
    select,
    update,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients.import_parse import Parsed, StagedRow, parse_row
from splot.clients.import_rows import (
    UPDATABLE,
    Batch,
    DryRunMemory,
    JobContext,
    PersonState,
    RegistryView,
    RowDecisions,
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
from splot.common.bulk import copy_rows
from splot.common.db import among, select_each, table_of, utcnow
from splot.common.events import emit_many

_rows = table_of(ImportRow)

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
    session: AsyncSession, *, ctx: JobContext, memory: DryRunMemory, rows: list[StagedRow]
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
    among = _among_for(session)
    refs: dict[str, uuid.UUID] = {}
    if parsed:
        refs = dict(
            (
                await session.execute(
                    select_each(
                        session,
                        (ExternalRef.external_id, ExternalRef.person_id),
                        key=ExternalRef.external_id,
                        values=[p.rec.external_id for p in parsed],
                        where=ExternalRef.institution_id == institution_id,
                    )
                )
            ).all()
        )
    rows = await _candidate_rows(session, refs=refs, parsed=parsed, among=among)
    persons = {r.id: _state(r) for r in rows.values()}
    registered: set[uuid.UUID] = set()
    if persons:
        registered = set(
            (
                await session.scalars(
                    select_each(
                        session,
                        (Registration.person_id,),
                        key=Registration.person_id,
                        values=list(persons),
                        where=Registration.institution_id == institution_id,
                    )
                )
            ).all()
        )
    return RegistryView(refs=refs, persons=persons, registered=registered)


def _among_for(session: AsyncSession) -> Callable[[Any, Collection[Any]], ColumnElement[bool]]:
    """``column IN (values)`` for this session (:func:`splot.common.db.among`: ``= ANY`` of one
    array parameter on PostgreSQL)."""
    return partial(among, session)


async def _candidate_rows(
    session: AsyncSession,
    *,
    refs: dict[str, uuid.UUID],
    parsed: list[Parsed],
    among: Callable[[Any, Collection[Any]], ColumnElement[bool]],
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
    if refs:
        await load(among(Person.id, set(refs.values())))
    if pesels:
        await load(among(Person.pesel, pesels))
    if docs:
        await load(among(Person.document_number, docs))
    known_pesels = {r.pesel for r in rows.values() if r.pesel}
    pending = [p.probe for p in parsed if p.rec.external_id not in refs and p.probe.pesel not in known_pesels]
    all_dates: set[date] = {p.birth_date for p in pending if p.birth_date and not p.pesel}
    unpesel_dates = {p.birth_date for p in pending if p.birth_date and p.pesel} - all_dates
    if all_dates:
        await load(among(Person.birth_date, all_dates))
    if unpesel_dates:
        await load(among(Person.birth_date, unpesel_dates) & Person.pesel.is_(None))
    survivors = {r.merged_into_id for r in rows.values() if r.merged_into_id} - set(rows)
    if survivors:
        await load(among(Person.id, survivors))
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
        await copy_rows(session, table, batch.persons)
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
    await copy_rows(session, tokens, token_rows)
    await copy_rows(session, table_of(Registration), batch.registrations)
    await copy_rows(session, table_of(ExternalRef), batch.refs)
    if batch.events:
        await emit_many(session, batch.events)
    await copy_rows(session, table_of(AccessLog), batch.audit)
    await _write_results(session, batch.results)


#: A processed row's outcome; a rejected row keeps its data (for the download of rejected rows).
_DONE = (
    update(_rows)
    .where(_rows.c.id == bindparam("row_id"))
    .values(outcome=bindparam("outcome"), person_id=bindparam("person_id"), problem=null(), data=null())
)
_REJECTED = (
    update(_rows)
    .where(_rows.c.id == bindparam("row_id"))
    .values(outcome="rejected", person_id=None, problem=bindparam("problem", type_=_rows.c.problem.type))
)


#: :data:`_DONE` for a whole batch in one statement (PostgreSQL): the rows' ids, outcomes and
#: persons as three arrays.
_done = select(
    func.unnest(bindparam("row_ids", type_=postgresql.ARRAY(BigInteger()))).label("row_id"),
    func.unnest(bindparam("outcomes", type_=postgresql.ARRAY(String()))).label("outcome"),
    func.unnest(bindparam("person_ids", type_=postgresql.ARRAY(Uuid()))).label("person_id"),
).cte("done")
_DONE_ARRAYS = (
    update(_rows)
    .where(_rows.c.id == _done.c.row_id)
    .values(outcome=_done.c.outcome, person_id=_done.c.person_id, problem=null(), data=null())
)


async def _write_results(session: AsyncSession, results: list[dict[str, Any]]) -> None:
    """The rows' outcomes: Core statements by primary key (no ORM bulk-update bookkeeping); on
    PostgreSQL one statement for the processed rows."""
    done = [
        {"row_id": r["id"], "outcome": r["outcome"], "person_id": r["person_id"]}
        for r in results
        if r["outcome"] != "rejected"
    ]
    rejected = [{"row_id": r["id"], "problem": r["problem"]} for r in results if r["outcome"] == "rejected"]
    if done and session.bind is not None and session.bind.dialect.name == "postgresql":
        await session.execute(
            _DONE_ARRAYS,
            {
                "row_ids": [d["row_id"] for d in done],
                "outcomes": [d["outcome"] for d in done],
                "person_ids": [d["person_id"] for d in done],
            },
        )
    elif done:
        await session.execute(_DONE, done)
    if rejected:
        await session.execute(_REJECTED, rejected)
