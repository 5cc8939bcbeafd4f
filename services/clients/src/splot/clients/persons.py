"""Persons as every rule of the registry sees them: the caller's view of a record (404 when it is
not theirs, ``PersonMerged`` when it moved), the record as answered, and the reads — one person,
the persons a caller may see, and the global identity lookup. Writes are in
:mod:`splot.clients.person_writes`. Keyword-only, ``flush()`` never ``commit()``."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import BindParameter, Select, Uuid, bindparam, exists, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients import identity, schemas
from splot.clients.access import (
    Access,
    Actor,
    AuditContext,
    access_to,
    active_grant_clause,
    append_log,
    log_access,
    log_entry,
    log_parameters,
    logged_rows_of,
    may_see_attribute,
    visible_person_ids,
)
from splot.clients.models import (
    AccessGrant,
    AttributeDefinition,
    BreakGlass,
    CaseAttribute,
    Person,
    PersonNameToken,
    PersonStatus,
    Registration,
)
from splot.common.db import UTCDateTime, table_of, utcnow
from splot.common.errors import Problem, forbidden, not_found
from splot.common.pagination import paginate

#: Identity fields cleared when a record is anonymised or merged away (birth year, sex and gmina
#: stay: reporting needs them and they do not identify anyone on their own).
IDENTIFYING_FIELDS = (
    "pesel",
    "document_number",
    "first_name",
    "last_name",
    "first_name_norm",
    "last_name_norm",
    "birth_date",
    "citizenship",
    "street",
    "postal_code",
    "city",
    "phone",
    "email",
    "preferred_contact",
)


class PersonMerged(Problem):
    """The record was merged into another one that the caller may see."""

    def __init__(self, survivor_id: uuid.UUID) -> None:
        super().__init__(
            409,
            "person_merged",
            "this record was merged into another one; use merged_into",
            merged_into=str(survivor_id),
        )
        self.survivor_id = survivor_id


def identity_problem(exc: identity.IdentityError, *, prefix: str = "body") -> Problem:
    return Problem(
        422,
        exc.code,
        exc.message,
        errors=[{"loc": [prefix, exc.field], "msg": exc.message, "type": exc.code}],
    )


async def touch(session: AsyncSession, person_id: uuid.UUID) -> None:
    """Record activity on the person (drives retention) without bumping its ETag version."""
    table = table_of(Person)
    await session.execute(
        update(table)
        .where(table.c.id == person_id)
        .values(last_activity_at=utcnow(), updated_at=table.c.updated_at)
    )


# --- the caller's view of a record ----------------------------------------------------------


async def visible_person(
    session: AsyncSession, *, actor: Actor, person_id: uuid.UUID, now: datetime | None = None
) -> tuple[Person, Access]:
    """The person and the caller's basis for seeing it; 404 when absent or not visible, and
    ``PersonMerged`` when merged into a record the caller sees."""
    now = now or utcnow()
    person = await session.get(Person, person_id)
    if person is None or person.status == PersonStatus.anonymised:
        raise not_found("person")
    if person.status == PersonStatus.merged:
        survivor_id = person.merged_into_id
        if survivor_id is not None:
            survivor_access = await access_to(session, actor=actor, person_id=survivor_id, now=now)
            if survivor_access.visible:
                raise PersonMerged(survivor_id)
        raise not_found("person")
    access = await access_to(session, actor=actor, person_id=person_id, now=now)
    if not access.visible:
        raise not_found("person")
    return person, access


async def writable_person(
    session: AsyncSession, *, actor: Actor, person_id: uuid.UUID
) -> tuple[Person, Access]:
    """``visible_person`` for writing case data: break-glass access is read-only (403)."""
    person, access = await visible_person(session, actor=actor, person_id=person_id)
    if not (access.registered or access.grants):
        raise forbidden("break-glass access is read-only")
    return person, access


async def attribute_definitions(session: AsyncSession) -> dict[str, AttributeDefinition]:
    """The attribute catalogue by code."""
    return {d.code: d for d in (await session.scalars(select(AttributeDefinition))).all()}


# --- reading persons -------------------------------------------------------------------------


async def person_read(
    session: AsyncSession, *, person: Person, actor: Actor, access: Access
) -> schemas.PersonRead:
    definitions = await attribute_definitions(session)
    registrations = (
        await session.scalars(
            select(Registration)
            .where(Registration.person_id == person.id)
            .order_by(Registration.registered_at)
        )
    ).all()
    attributes = (
        await session.scalars(
            select(CaseAttribute)
            .where(CaseAttribute.person_id == person.id)
            .order_by(CaseAttribute.institution_id, CaseAttribute.code)
        )
    ).all()
    groups: dict[uuid.UUID, dict[str, Any]] = {}
    for attribute in attributes:
        definition = definitions.get(attribute.code)
        if may_see_attribute(attribute, definition=definition, actor=actor, access=access):
            groups.setdefault(attribute.institution_id, {})[attribute.code] = attribute.value
    return schemas.PersonRead(
        id=person.id,
        status=person.status,
        pesel=person.pesel,
        document_number=person.document_number,
        first_name=person.first_name,
        last_name=person.last_name,
        birth_date=person.birth_date,
        birth_year=person.birth_year,
        sex=schemas.Sex(person.sex),
        citizenship=person.citizenship,
        street=person.street,
        postal_code=person.postal_code,
        city=person.city,
        gmina=person.gmina,
        phone=person.phone,
        email=person.email,
        preferred_contact=schemas.ContactChannel(person.preferred_contact)
        if person.preferred_contact
        else None,
        registered_by_institution_id=person.registered_by_institution_id,
        registrations=[schemas.RegistrationRead.model_validate(r) for r in registrations],
        access_basis=access.basis,
        case_attributes=[
            schemas.CaseAttributeGroup(institution_id=inst, values=values) for inst, values in groups.items()
        ],
        version=person.version,
        created_at=person.created_at,
        updated_at=person.updated_at,
    )


async def get_person(
    session: AsyncSession, *, actor: Actor, person_id: uuid.UUID, audit: AuditContext
) -> schemas.PersonRead:
    person, access = await visible_person(session, actor=actor, person_id=person_id)
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person.id],
        action="read",
        legal_basis=access.basis,
        basis_ref=access.basis_ref,
    )
    return await person_read(session, person=person, actor=actor, access=access)


async def _bases(
    session: AsyncSession, *, actor: Actor, person_ids: list[uuid.UUID], now: datetime
) -> dict[uuid.UUID, str]:
    if not person_ids:
        return {}
    registered = set(
        (
            await session.scalars(
                select(Registration.person_id).where(
                    Registration.institution_id == actor.institution_id,
                    Registration.person_id.in_(person_ids),
                )
            )
        ).all()
    )
    granted = set(
        (
            await session.scalars(
                select(AccessGrant.person_id).where(
                    AccessGrant.institution_id == actor.institution_id,
                    AccessGrant.person_id.in_(person_ids),
                    active_grant_clause(now),
                )
            )
        ).all()
    )
    return {
        pid: "registration" if pid in registered else "access_grant" if pid in granted else "break_glass"
        for pid in person_ids
    }


async def list_persons(
    session: AsyncSession,
    *,
    actor: Actor,
    q: str | None,
    birth_date: date | None,
    cursor: str | None,
    limit: int | None,
    audit: AuditContext,
    ids: list[uuid.UUID] | None = None,
) -> tuple[list[schemas.PersonListItem], str | None]:
    """Persons the caller may see (never everybody); ``q`` searches names within them."""
    now = utcnow()
    stmt: Select[Any] = select(Person).where(
        Person.status == PersonStatus.active, Person.id.in_(visible_person_ids(actor, now))
    )
    if q:
        tokens = identity.normalise_name(q).split()
        if not tokens:
            raise Problem(422, "invalid_query", "the search needs letters or digits")
        for token in tokens[:5]:
            # A prefix of a name word, as a range of the token index (a LIKE pattern in a
            # prepared statement's generic plan could not use it).
            stmt = stmt.where(
                Person.id.in_(
                    select(PersonNameToken.person_id).where(
                        PersonNameToken.token >= token, PersonNameToken.token < identity.next_prefix(token)
                    )
                )
            )
    if birth_date is not None:
        stmt = stmt.where(Person.birth_date == birth_date)
    if ids:
        stmt = stmt.where(Person.id.in_(ids))
    rows, next_cursor = await paginate(
        session,
        stmt,
        order_by=[Person.last_name_norm, Person.first_name_norm, Person.id],
        cursor=cursor,
        limit=limit,
    )
    bases = await _bases(session, actor=actor, person_ids=[p.id for p in rows], now=now)
    by_basis: dict[str, list[uuid.UUID]] = defaultdict(list)
    for pid, basis in bases.items():
        by_basis[basis].append(pid)
    for basis, ids in by_basis.items():
        await log_access(
            session, principal=actor.principal, audit=audit, person_ids=ids, action="list", legal_basis=basis
        )
    items = [
        schemas.PersonListItem(
            id=p.id,
            first_name=p.first_name,
            last_name=p.last_name,
            birth_date=p.birth_date,
            sex=schemas.Sex(p.sex),
            gmina=p.gmina,
            access_basis=bases[p.id],
        )
        for p in rows
    ]
    return items, next_cursor


def _lookup_statement(key: str) -> Select[Any]:
    """Active persons with the given PESEL (``key="pesel"``, its unique index) or document number,
    the minimum about each, and whether the caller may see it (one round trip: the three bases as
    EXISTS on their indexes). Built once; values are bound per call."""
    person = table_of(Person)
    registration, grant, glass = table_of(Registration), table_of(AccessGrant), table_of(BreakGlass)
    institution_id: BindParameter[uuid.UUID] = bindparam("institution_id", type_=Uuid())
    now: BindParameter[datetime] = bindparam("now", type_=UTCDateTime())
    visible = or_(
        exists().where(
            registration.c.person_id == person.c.id, registration.c.institution_id == institution_id
        ),
        exists().where(
            grant.c.person_id == person.c.id,
            grant.c.institution_id == institution_id,
            active_grant_clause(now),
        ),
        exists().where(
            glass.c.person_id == person.c.id,
            glass.c.institution_id == institution_id,
            glass.c.subject == bindparam("subject"),
            glass.c.expires_at > now,
        ),
    )
    return (
        select(
            person.c.id,
            person.c.first_name,
            person.c.last_name,
            person.c.birth_year,
            visible.label("visible"),
        )
        .where(person.c.status == PersonStatus.active, person.c[key] == bindparam("value"))
        .order_by(person.c.id)
        .limit(10)
    )


def _audited(lookup: Select[Any]) -> Select[Any]:
    """``lookup`` and the access-log rows of what it finds in one statement (PostgreSQL): the
    lookup's read and its audit were two round trips (issue #17)."""
    found = lookup.cte("found")
    return select(*found.c).add_cte(logged_rows_of(found, "id")).order_by(found.c.id)


_LOOKUP_BY_PESEL = _lookup_statement("pesel")
_LOOKUP_BY_DOCUMENT = _lookup_statement("document_number")
_AUDITED_LOOKUP_BY_PESEL = _audited(_LOOKUP_BY_PESEL)
_AUDITED_LOOKUP_BY_DOCUMENT = _audited(_LOOKUP_BY_DOCUMENT)


async def lookup_identity(
    session: AsyncSession, *, actor: Actor, data: schemas.IdentityLookup, audit: AuditContext
) -> schemas.IdentityLookupResult:
    """Global identity search: exact PESEL or document number only, and only the minimum. Every
    person found is logged (``lookup``, on the basis ``identity_lookup``): on PostgreSQL in the
    same statement as the search, elsewhere by a second one."""
    now = utcnow()
    parameters = {
        "value": data.pesel or data.document_number,
        "institution_id": actor.institution_id,
        "subject": actor.subject,
        "now": now,
    }
    entry = log_entry(
        principal=actor.principal, audit=audit, action="lookup", legal_basis="identity_lookup", now=now
    )
    if session.get_bind().dialect.name == "postgresql":
        statement = _AUDITED_LOOKUP_BY_PESEL if data.pesel else _AUDITED_LOOKUP_BY_DOCUMENT
        found = (await session.execute(statement, {**parameters, **log_parameters(entry)})).all()
    else:
        statement = _LOOKUP_BY_PESEL if data.pesel else _LOOKUP_BY_DOCUMENT
        found = (await session.execute(statement, parameters)).all()
        await append_log(session, entry, [p.id for p in found])
    return schemas.IdentityLookupResult(
        items=[
            schemas.IdentityHint(
                id=p.id,
                initials=identity.initials(p.first_name, p.last_name),
                birth_year=p.birth_year,
                visible=bool(p.visible),
            )
            for p in found
        ]
    )
