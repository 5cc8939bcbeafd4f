"""Applying a run of the registry's person events in bulk (issue #17; a rebuild replays millions
of them): ``person.created``, ``person.updated``, ``person.registered`` and ``person.anonymised``
(merges are applied one by one, they move facts). Same result as
:func:`splot.reporting.clients_feed.person_event` applied event by event:

- each person's dimensions are those of its last event in the run; the registering institution
  the last one named; anonymised once any event says so;
- the cohort months of the person's facts are marked dirty when the dimensions differ from the
  stored ones (a new person always);
- a registration (created, or registered by another institution) is a contact of the person (or
  of the survivor it was merged into) with that institution in the local month of the event.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import structlog
from sqlalchemy import Table, select
from sqlalchemy import func as _func
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.bulk import upsert_rows
from splot.reporting import cubes
from splot.reporting.clients_feed import fact_months, gmina_or_none, resolve_person, uuid_or_none
from splot.reporting.ingest_batch import expire_facts
from splot.reporting.models import PersonContact, PersonDim, ReferralFact
from splot.reporting.sources import FeedEvent

if TYPE_CHECKING:
    from splot.reporting.ingestion import IngestContext

log = structlog.get_logger("splot.reporting.ingest_persons")

_CONTACT_KEY = [column.name for column in PersonContact.__table__.primary_key]
PERSON_EVENTS = frozenset({"person.created", "person.updated", "person.registered", "person.anonymised"})


@dataclass
class _Person:
    birth_year: int | None = None
    sex: str | None = None
    gmina: str | None = None
    registered_by: uuid.UUID | None = None
    anonymised: bool = False
    contacts: list[tuple[uuid.UUID, Any]] = field(default_factory=list)


def _decode(event: FeedEvent, ctx: IngestContext) -> tuple[str, dict[str, Any], uuid.UUID | None]:
    p = event.payload
    pseudonym = ctx.pseudonymise(p["person_id"])
    assert pseudonym is not None
    birth_year = p.get("birth_year")
    values: dict[str, Any] = {
        "birth_year": int(birth_year) if birth_year is not None else None,
        "sex": p.get("sex") if p.get("sex") in ("F", "M") else None,
        "gmina": gmina_or_none(p.get("gmina")),
        "registered_by": uuid_or_none(p.get("registering_institution_id")),
    }
    contact: uuid.UUID | None = None
    if event.type == "person.created":
        contact = values["registered_by"]
    elif event.type == "person.registered":
        contact = uuid_or_none(p.get("institution_id"))
    return pseudonym, values, contact


async def apply_persons(
    session: AsyncSession, source: str, events: list[FeedEvent], ctx: IngestContext
) -> tuple[int, int]:
    """Apply a run of person events; returns (applied, skipped)."""
    people: dict[str, _Person] = {}
    skipped = 0
    for event in events:
        try:
            pseudonym, values, contact = _decode(event, ctx)
        except (KeyError, ValueError, TypeError, AssertionError) as exc:
            skipped += 1
            log.warning(
                "event_skipped", source=source, seq=event.seq, type=event.type, error=type(exc).__name__
            )
            continue
        person = people.setdefault(pseudonym, _Person())
        person.birth_year, person.sex, person.gmina = values["birth_year"], values["sex"], values["gmina"]
        if values["registered_by"] is not None:
            person.registered_by = values["registered_by"]
        person.anonymised = person.anonymised or event.type == "person.anonymised"
        if contact is not None:
            person.contacts.append((contact, event.occurred_at))
    if not people:
        return len(events) - skipped, skipped

    table: Table = PersonDim.__table__  # type: ignore[assignment]
    stored = {
        row.pseudonym: row
        for row in await session.execute(
            select(
                table.c.pseudonym, table.c.birth_year, table.c.sex, table.c.gmina, table.c.merged_into
            ).where(table.c.pseudonym.in_(list(people)))
        )
    }
    changed = [
        pseudonym
        for pseudonym, person in people.items()
        if (row := stored.get(pseudonym)) is None
        or (
            (row.birth_year, row.sex, row.gmina) != (person.birth_year, person.sex, person.gmina)
            and row.merged_into is None
        )
    ]
    await upsert_rows(
        session,
        table,
        [
            {"pseudonym": pseudonym, "birth_year": p.birth_year, "sex": p.sex, "gmina": p.gmina,
             "registered_by_institution_id": p.registered_by, "anonymised": p.anonymised, "merged_into": None}
            for pseudonym, p in people.items()
        ],
        key=["pseudonym"],
        update=lambda upsert: {
            "birth_year": upsert.excluded.birth_year,
            "sex": upsert.excluded.sex,
            "gmina": upsert.excluded.gmina,
            "registered_by_institution_id": _func.coalesce(
                upsert.excluded.registered_by_institution_id, table.c.registered_by_institution_id
            ),
            "anonymised": table.c.anonymised | upsert.excluded.anonymised,
        },
    )  # fmt: skip
    if changed:
        f = ReferralFact.__table__
        await cubes.mark_dirty(session, await fact_months(session, f.c.person_pseudonym.in_(changed)))
    contacts = []
    for pseudonym, person in people.items():
        if not person.contacts:
            continue
        row = stored.get(pseudonym)
        effective = (
            pseudonym if row is None or row.merged_into is None else await resolve_person(session, pseudonym)
        )
        if not effective:
            continue
        for institution_id, when in person.contacts:
            day = ctx.calendar.local_date(when)
            contacts.append(
                {
                    "pseudonym": effective,
                    "institution_id": institution_id,
                    "year": day.year,
                    "month": day.month,
                }
            )
    if contacts:
        contact_table: Table = PersonContact.__table__  # type: ignore[assignment]
        await upsert_rows(session, contact_table, contacts, key=_CONTACT_KEY, update=None)
    expire_facts(session)
    return len(events) - skipped, skipped
