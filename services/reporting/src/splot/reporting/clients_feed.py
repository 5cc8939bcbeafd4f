"""Handlers of the client registry's feed: pseudonymous persons, their merges, their contacts
with institutions (registrations and access grants, for shared clients) and consents.

The registry's person payload (services/clients ``events.person_payload`` and the bulk import's
``_event``) is ``person_id``, ``birth_year``, ``sex``, ``gmina``, ``registering_institution_id``
and ``status``; ``person.registered`` adds ``institution_id`` (the institution that registered an
existing person), ``person.merged`` adds ``merged_person_id`` (the payload itself is the
survivor's, after the merge). ``access.granted`` carries ``person_id`` and ``institution_id``;
consents ``consent_id``, ``recipient_institution_id``/``_type``, ``purpose`` and their dates.
The registry id is replaced by its pseudonym here and never stored.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.db import table_of
from splot.reporting import cubes
from splot.reporting.facts import parse_datetime
from splot.reporting.models import ConsentFact, PersonContact, PersonDim, ReferralFact
from splot.reporting.sources import FeedEvent

if TYPE_CHECKING:
    from splot.reporting.ingestion import IngestContext

# --- helpers (also used by the other feeds' handlers) -------------------------------------


def uuid_or_none(value: Any) -> uuid.UUID | None:
    return uuid.UUID(str(value)) if value not in (None, "") else None


def gmina_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and len(value) == 7 and value.isdigit() else None


async def fact_months(session: AsyncSession, *conditions: Any) -> list[tuple[int, int]]:
    f = ReferralFact.__table__
    rows = await session.execute(
        select(f.c.sent_year, f.c.sent_month).where(or_(*conditions), f.c.sent_year.is_not(None)).distinct()
    )
    return [(y, m) for y, m in rows.all()]


async def resolve_person(session: AsyncSession, pseudonym: str | None) -> str | None:
    """The pseudonym facts are kept under: follows merges to the surviving person."""
    current = pseudonym
    for _ in range(20):
        if current is None:
            return None
        row = await session.get(PersonDim, current)
        if row is None or row.merged_into is None:
            return current
        current = row.merged_into
    return current


async def add_contact(
    session: AsyncSession, pseudonym: str, institution_id: uuid.UUID, when: Any, ctx: IngestContext
) -> None:
    moment = parse_datetime(when)
    if moment is None:
        return
    day = ctx.calendar.local_date(moment)
    key = (pseudonym, institution_id, day.year, day.month)
    if await session.get(PersonContact, key) is None:
        session.add(
            PersonContact(pseudonym=pseudonym, institution_id=institution_id, year=day.year, month=day.month)
        )


# --- clients -------------------------------------------------------------------------------------


async def apply_person(session: AsyncSession, pseudonym: str, p: dict[str, Any], event_type: str) -> None:
    """Update a person's dimensions from a person payload; marks the months of their facts dirty
    when a dimension changed."""
    person = await session.get(PersonDim, pseudonym)
    if person is None:
        person = PersonDim(pseudonym=pseudonym, anonymised=False)
        session.add(person)
        before = None
    else:
        before = (person.birth_year, person.sex, person.gmina)
    birth_year = p.get("birth_year")
    person.birth_year = int(birth_year) if birth_year is not None else None
    person.sex = p.get("sex") if p.get("sex") in ("F", "M") else None
    person.gmina = gmina_or_none(p.get("gmina"))
    registering = uuid_or_none(p.get("registering_institution_id"))
    if registering is not None:
        person.registered_by_institution_id = registering
    if event_type == "person.anonymised":
        person.anonymised = True
    await session.flush()
    if before != (person.birth_year, person.sex, person.gmina) and person.merged_into is None:
        f = ReferralFact.__table__
        await cubes.mark_dirty(session, await fact_months(session, f.c.person_pseudonym == pseudonym))


async def person_event(session: AsyncSession, event: FeedEvent, ctx: IngestContext) -> None:
    p = event.payload
    pseudonym = ctx.pseudonymise(p["person_id"])
    assert pseudonym is not None
    await apply_person(session, pseudonym, p, event.type)
    effective = await resolve_person(session, pseudonym)
    # A registration is a contact of the person with the registering institution: the first one
    # (person.created) and each later one by another institution (person.registered).
    if event.type == "person.created":
        registering = uuid_or_none(p.get("registering_institution_id"))
    elif event.type == "person.registered":
        registering = uuid_or_none(p.get("institution_id"))
    else:
        registering = None
    if registering is not None and effective:
        await add_contact(session, effective, registering, event.occurred_at, ctx)


async def person_merged(session: AsyncSession, event: FeedEvent, ctx: IngestContext) -> None:
    p = event.payload
    merged = ctx.pseudonymise(p["merged_person_id"])
    survivor = await resolve_person(session, ctx.pseudonymise(p["person_id"]))
    if merged is None or survivor is None or merged == survivor:
        return
    # The payload is the survivor as it is after the merge (fields filled in from the merged record).
    await apply_person(session, survivor, p, event.type)
    row = await session.get(PersonDim, merged)
    if row is None:
        row = PersonDim(pseudonym=merged, anonymised=False)
        session.add(row)
    row.merged_into = survivor
    await session.flush()
    await session.execute(
        update(PersonDim).where(PersonDim.merged_into == merged).values(merged_into=survivor)
    )
    f = table_of(ReferralFact)
    months = await fact_months(session, f.c.person_pseudonym == merged)
    await session.execute(update(f).where(f.c.person_pseudonym == merged).values(person_pseudonym=survivor))
    contacts = (
        await session.execute(
            select(PersonContact.institution_id, PersonContact.year, PersonContact.month).where(
                PersonContact.pseudonym == merged
            )
        )
    ).all()
    await session.execute(delete(PersonContact).where(PersonContact.pseudonym == merged))
    for institution_id, year, month in contacts:
        if await session.get(PersonContact, (survivor, institution_id, year, month)) is None:
            session.add(
                PersonContact(pseudonym=survivor, institution_id=institution_id, year=year, month=month)
            )
    await cubes.mark_dirty(session, months)


async def consent_event(session: AsyncSession, event: FeedEvent, ctx: IngestContext) -> None:
    p = event.payload
    consent_id = uuid.UUID(str(p["consent_id"]))
    consent = await session.get(ConsentFact, consent_id)
    if consent is None:
        consent = ConsentFact(consent_id=consent_id)
        session.add(consent)
    consent.recipient_institution_id = uuid_or_none(p.get("recipient_institution_id"))
    consent.recipient_institution_type = p.get("recipient_institution_type")
    consent.purpose = str(p["purpose"])[:64] if p.get("purpose") is not None else None
    consent.given_at = parse_datetime(p.get("given_at"))
    consent.expires_at = parse_datetime(p.get("expires_at"))
    consent.withdrawn_at = parse_datetime(p.get("withdrawn_at"))


async def access_granted(session: AsyncSession, event: FeedEvent, ctx: IngestContext) -> None:
    p = event.payload
    pseudonym = await resolve_person(session, ctx.pseudonymise(p["person_id"]))
    institution_id = uuid_or_none(p.get("institution_id"))
    if pseudonym and institution_id:
        await add_contact(session, pseudonym, institution_id, event.occurred_at, ctx)
