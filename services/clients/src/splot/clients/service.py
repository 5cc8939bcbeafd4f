"""Business rules of the client registry: persons, matching, registrations, case attributes,
consents, break-glass, merge, and the audit queries. Keyword-only, ``flush()`` never ``commit()``."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients import events, identity, schemas
from splot.clients.access import (
    Access,
    Actor,
    AuditContext,
    access_to,
    active_grant_clause,
    log_access,
    may_see_attribute,
    visible_person_ids,
)
from splot.clients.config import ClientsSettings
from splot.clients.matching import Match, Probe, find_matches
from splot.clients.models import (
    AccessGrant,
    AccessLog,
    AttributeDefinition,
    BreakGlass,
    CaseAttribute,
    Consent,
    ExternalRef,
    Person,
    PersonStatus,
    Registration,
)
from splot.common.auth import Principal, Role
from splot.common.db import UTCDateTime, utcnow
from splot.common.errors import Problem, forbidden, not_found
from splot.common.etag import check_if_match
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
    table = Person.__table__
    await session.execute(
        update(table)
        .where(table.c.id == person_id)
        .values(last_activity_at=utcnow(), updated_at=table.c.updated_at)
    )


# --- reading persons -------------------------------------------------------------------------


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


async def _definitions(session: AsyncSession) -> dict[str, AttributeDefinition]:
    return {d.code: d for d in (await session.scalars(select(AttributeDefinition))).all()}


async def person_read(
    session: AsyncSession, *, person: Person, actor: Actor, access: Access
) -> schemas.PersonRead:
    definitions = await _definitions(session)
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
            stmt = stmt.where(
                or_(
                    Person.first_name_norm.startswith(token),
                    Person.last_name_norm.startswith(token),
                    Person.last_name_norm.contains(" " + token),
                )
            )
    if birth_date is not None:
        stmt = stmt.where(Person.birth_date == birth_date)
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


async def lookup_identity(
    session: AsyncSession, *, actor: Actor, data: schemas.IdentityLookup, audit: AuditContext
) -> schemas.IdentityLookupResult:
    """Global identity search: exact PESEL or document number only, and only the minimum."""
    stmt = select(Person).where(Person.status == PersonStatus.active)
    if data.pesel:
        stmt = stmt.where(Person.pesel == data.pesel)
    else:
        stmt = stmt.where(Person.document_number == data.document_number)
    found = list((await session.scalars(stmt.order_by(Person.id).limit(10))).all())
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[p.id for p in found],
        action="lookup",
        legal_basis="identity_lookup",
    )
    return schemas.IdentityLookupResult(
        items=[
            schemas.IdentityHint(
                id=p.id, initials=identity.initials(p.first_name, p.last_name), birth_year=p.birth_year
            )
            for p in found
        ]
    )


# --- matching and creation -------------------------------------------------------------------


def _probe(
    *,
    pesel: str | None,
    document_number: str | None,
    first_name: str,
    last_name: str,
    birth_date: date | None,
) -> Probe:
    return Probe(
        pesel=pesel,
        document_number=document_number,
        first_norm=identity.normalise_name(first_name),
        last_norm=identity.normalise_name(last_name),
        birth_date=birth_date,
    )


async def _split_visible(
    session: AsyncSession, *, actor: Actor, matches: list[Match]
) -> tuple[list[Match], list[Match]]:
    now = utcnow()
    if not matches:
        return [], []
    ids = [m.person_id for m in matches]
    visible = set(
        (
            await session.scalars(
                select(Person.id).where(Person.id.in_(ids), Person.id.in_(visible_person_ids(actor, now)))
            )
        ).all()
    )
    return [m for m in matches if m.person_id in visible], [m for m in matches if m.person_id not in visible]


def _candidates(matches: list[Match]) -> list[dict[str, Any]]:
    return [{"person_id": str(m.person_id), "match": m.kind, "score": m.score} for m in matches]


HIDDEN_MATCH = "a matching person exists; request access"


async def match_person(
    session: AsyncSession,
    *,
    actor: Actor,
    data: schemas.MatchQuery,
    settings: ClientsSettings,
    audit: AuditContext,
) -> schemas.MatchResult:
    try:
        pesel, birth_date, _ = identity.reconcile(pesel=data.pesel, birth_date=data.birth_date, sex=None)
    except identity.IdentityError as exc:
        if exc.code != "sex_required":
            raise identity_problem(exc) from exc
        pesel, birth_date = data.pesel, data.birth_date
    probe = _probe(
        pesel=pesel,
        document_number=data.document_number,
        first_name=data.first_name,
        last_name=data.last_name,
        birth_date=birth_date,
    )
    matches = await find_matches(
        session, probe, threshold=settings.match_name_threshold, limit=settings.match_max_candidates
    )
    visible, hidden = await _split_visible(session, actor=actor, matches=matches)
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[m.person_id for m in visible],
        action="match",
        legal_basis="duplicate_check",
    )
    return schemas.MatchResult(
        likely_duplicate=bool(matches),
        candidates=[
            schemas.MatchCandidate(person_id=m.person_id, match=m.kind, score=m.score) for m in visible
        ],
        detail=HIDDEN_MATCH if hidden else None,
    )


async def _external_ref_taken(
    session: AsyncSession, *, institution_id: uuid.UUID, external_id: str
) -> uuid.UUID | None:
    return await session.scalar(
        select(ExternalRef.person_id).where(
            ExternalRef.institution_id == institution_id, ExternalRef.external_id == external_id
        )
    )


async def create_person(
    session: AsyncSession,
    *,
    actor: Actor,
    data: schemas.PersonCreate,
    settings: ClientsSettings,
    audit: AuditContext,
) -> tuple[Person, Access]:
    try:
        pesel, birth_date, sex = identity.reconcile(
            pesel=data.pesel, birth_date=data.birth_date, sex=data.sex.value if data.sex else None
        )
    except identity.IdentityError as exc:
        raise identity_problem(exc) from exc
    probe = _probe(
        pesel=pesel,
        document_number=data.document_number,
        first_name=data.first_name,
        last_name=data.last_name,
        birth_date=birth_date,
    )
    matches = await find_matches(
        session, probe, threshold=settings.match_name_threshold, limit=settings.match_max_candidates
    )
    strong = any(m.strong for m in matches)
    if matches and (strong or not data.override_reason):
        # Only ids of persons the caller already sees are named (the 409 rolls back, so nothing
        # is logged: no person data is disclosed).
        visible, hidden = await _split_visible(session, actor=actor, matches=matches)
        raise Problem(
            409,
            "likely_duplicate",
            HIDDEN_MATCH
            if hidden and not visible
            else "a likely duplicate of this person is already registered",
            candidates=_candidates(visible),
            overridable=not strong,
        )
    if data.external_id and await _external_ref_taken(
        session, institution_id=actor.institution_id, external_id=data.external_id
    ):
        raise Problem(409, "external_id_taken", "your institution already uses this external_id for a person")
    now = utcnow()
    person = Person(
        pesel=pesel,
        document_number=data.document_number,
        first_name=data.first_name,
        last_name=data.last_name,
        first_name_norm=probe.first_norm,
        last_name_norm=probe.last_norm,
        birth_date=birth_date,
        birth_year=birth_date.year,
        sex=sex,
        citizenship=data.citizenship,
        street=data.street,
        postal_code=data.postal_code,
        city=data.city,
        gmina=data.gmina,
        phone=data.phone,
        email=data.email,
        preferred_contact=data.preferred_contact.value if data.preferred_contact else None,
        registered_by_institution_id=actor.institution_id,
        last_activity_at=now,
    )
    session.add(person)
    await session.flush()
    session.add(
        Registration(
            person_id=person.id,
            institution_id=actor.institution_id,
            registered_by=actor.subject[:128],
            how="created",
        )
    )
    if data.external_id:
        session.add(
            ExternalRef(
                institution_id=actor.institution_id, external_id=data.external_id, person_id=person.id
            )
        )
    await session.flush()
    await events.person_event(session, "person.created", person)
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person.id],
        action="create",
        legal_basis="registration",
    )
    if matches:
        # Overriding a likely duplicate is audited against every candidate it was warned about.
        await log_access(
            session,
            principal=actor.principal,
            audit=audit,
            person_ids=[m.person_id for m in matches],
            action="override_duplicate",
            legal_basis="registration",
            basis_ref=str(person.id),
            reason=data.override_reason,
        )
    return person, Access(registered=True)


async def update_person(
    session: AsyncSession,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    data: schemas.PersonUpdate,
    if_match: str | None,
    audit: AuditContext,
) -> tuple[Person, Access]:
    person, access = await visible_person(session, actor=actor, person_id=person_id)
    if not access.registered:
        raise forbidden("only institutions that registered the person change its identity data")
    check_if_match(if_match, person.id, person.version)
    changes = data.model_dump(exclude_unset=True, mode="json")
    if {"pesel", "birth_date", "sex"} & changes.keys():
        new_pesel = changes.get("pesel", person.pesel)
        try:
            pesel, birth_date, sex = identity.reconcile(
                pesel=new_pesel,
                birth_date=data.birth_date
                if "birth_date" in changes
                else (None if new_pesel else person.birth_date),
                sex=changes.get("sex") if "sex" in changes else (None if new_pesel else person.sex),
            )
        except identity.IdentityError as exc:
            raise identity_problem(exc) from exc
        if pesel and pesel != person.pesel:
            taken = await session.scalar(
                select(Person.id).where(Person.pesel == pesel, Person.id != person.id)
            )
            if taken is not None:
                raise Problem(
                    409, "duplicate_pesel", "another record has this PESEL; ask a coordinator to merge"
                )
        person.pesel, person.birth_date, person.birth_year, person.sex = (
            pesel,
            birth_date,
            birth_date.year,
            sex,
        )
    for field in (
        "document_number",
        "citizenship",
        "street",
        "postal_code",
        "city",
        "gmina",
        "phone",
        "email",
    ):
        if field in changes:
            setattr(person, field, changes[field])
    if "preferred_contact" in changes:
        person.preferred_contact = changes["preferred_contact"]
    for field in ("first_name", "last_name"):
        if field in changes:
            setattr(person, field, changes[field])
            setattr(person, f"{field}_norm", identity.normalise_name(changes[field]))
    if person.preferred_contact == "phone" and not person.phone:
        raise Problem(422, "contact_unreachable", "preferred_contact phone needs a phone number")
    if person.preferred_contact == "email" and not person.email:
        raise Problem(422, "contact_unreachable", "preferred_contact email needs an e-mail address")
    person.last_activity_at = utcnow()
    await session.flush()
    await events.person_event(session, "person.updated", person)
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person.id],
        action="update",
        legal_basis="registration",
    )
    return person, access


async def register_person(
    session: AsyncSession,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    data: schemas.RegistrationCreate,
    audit: AuditContext,
) -> tuple[Person, Access, bool]:
    """Register a person your institution serves, proving it with their PESEL or document."""
    person = await session.get(Person, person_id)
    proven = (
        person is not None
        and person.status == PersonStatus.active
        and (
            (data.pesel is not None and person.pesel == data.pesel)
            or (data.document_number is not None and person.document_number == data.document_number)
        )
    )
    if not proven or person is None:
        raise not_found("person")
    existing = await session.scalar(
        select(Registration.id).where(
            Registration.person_id == person.id, Registration.institution_id == actor.institution_id
        )
    )
    if data.external_id:
        owner = await _external_ref_taken(
            session, institution_id=actor.institution_id, external_id=data.external_id
        )
        if owner is not None and owner != person.id:
            raise Problem(
                409, "external_id_taken", "your institution already uses this external_id for a person"
            )
        if owner is None:
            session.add(
                ExternalRef(
                    institution_id=actor.institution_id, external_id=data.external_id, person_id=person.id
                )
            )
    created = existing is None
    if created:
        session.add(
            Registration(
                person_id=person.id,
                institution_id=actor.institution_id,
                registered_by=actor.subject[:128],
                how="identifier",
            )
        )
        await session.flush()
        await events.person_event(
            session, "person.registered", person, institution_id=str(actor.institution_id)
        )
        await touch(session, person.id)
    await session.flush()
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person.id],
        action="register",
        legal_basis="registration",
    )
    return person, Access(registered=True), created


# --- case attributes ---------------------------------------------------------------------------


async def list_attribute_definitions(session: AsyncSession) -> list[AttributeDefinition]:
    return list((await session.scalars(select(AttributeDefinition).order_by(AttributeDefinition.code))).all())


def attribute_key(attribute: CaseAttribute | schemas.AttributeRead) -> str:
    """The resource id in an attribute's ETag: person, recording institution and code."""
    return f"{attribute.person_id}.{attribute.institution_id}.{attribute.code}"


def attribute_read(attribute: CaseAttribute, definition: AttributeDefinition | None) -> schemas.AttributeRead:
    return schemas.AttributeRead(
        person_id=attribute.person_id,
        institution_id=attribute.institution_id,
        code=attribute.code,
        value=attribute.value,
        sensitive=definition.sensitive if definition else True,
        recorded_at=attribute.recorded_at,
        updated_at=attribute.updated_at,
        version=attribute.version,
    )


async def list_attributes(
    session: AsyncSession,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    cursor: str | None,
    limit: int | None,
    audit: AuditContext,
) -> tuple[list[schemas.AttributeRead], str | None]:
    person, access = await visible_person(session, actor=actor, person_id=person_id)
    definitions = await _definitions(session)
    # A person has a few dozen attributes at most: decide visibility row by row (the rule is
    # one function, shared with the person's record), then page over the visible ones.
    candidates = (
        await session.scalars(select(CaseAttribute).where(CaseAttribute.person_id == person.id))
    ).all()
    visible_ids = [
        a.id
        for a in candidates
        if may_see_attribute(a, definition=definitions.get(a.code), actor=actor, access=access)
    ]
    stmt: Select[Any] = select(CaseAttribute).where(CaseAttribute.id.in_(visible_ids))
    rows, next_cursor = await paginate(
        session, stmt, order_by=[CaseAttribute.code, CaseAttribute.id], cursor=cursor, limit=limit
    )
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person.id],
        action="read",
        legal_basis=access.basis,
        basis_ref=access.basis_ref,
    )
    return [attribute_read(a, definitions.get(a.code)) for a in rows], next_cursor


def _check_value(definition: AttributeDefinition, value: Any) -> Any:
    kind = definition.value_type
    ok = False
    if kind == "boolean":
        ok = isinstance(value, bool)
    elif kind == "integer":
        ok = isinstance(value, int) and not isinstance(value, bool) and -1_000_000 <= value <= 1_000_000
    elif kind == "text":
        ok = isinstance(value, str) and 0 < len(value.strip()) <= 2000
        value = value.strip() if ok else value
    elif kind == "date":
        if isinstance(value, str) and len(value) == 10:
            try:
                date.fromisoformat(value)
                ok = True
            except ValueError:
                ok = False
    elif kind == "enum":
        ok = isinstance(value, str) and value in (definition.allowed_values or [])
    if not ok:
        expected = kind if kind != "enum" else "one of " + ", ".join(definition.allowed_values or [])
        raise Problem(
            422,
            "invalid_attribute_value",
            f"{definition.code} takes {expected}",
            errors=[
                {"loc": ["body", "value"], "msg": f"expected {expected}", "type": "invalid_attribute_value"}
            ],
        )
    return value


async def _writable_person(
    session: AsyncSession, *, actor: Actor, person_id: uuid.UUID
) -> tuple[Person, Access]:
    person, access = await visible_person(session, actor=actor, person_id=person_id)
    if not (access.registered or access.grants):
        raise forbidden("break-glass access is read-only")
    return person, access


async def set_attribute(
    session: AsyncSession,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    code: str,
    data: schemas.AttributeSet,
    if_match: str | None,
    audit: AuditContext,
) -> tuple[schemas.AttributeRead, bool]:
    """Record your institution's value of an attribute (only the recording institution writes it)."""
    person, access = await _writable_person(session, actor=actor, person_id=person_id)
    definition = await session.get(AttributeDefinition, code)
    if definition is None or not definition.active:
        raise not_found("attribute definition")
    recorder_type = actor.principal.institution_type
    if definition.institution_types and recorder_type not in definition.institution_types:
        raise Problem(
            403,
            "attribute_not_for_institution",
            f"{code} is recorded by " + ", ".join(definition.institution_types) + " institutions only",
            institution_types=list(definition.institution_types),
        )
    value = _check_value(definition, data.value)
    attribute = await session.scalar(
        select(CaseAttribute).where(
            CaseAttribute.person_id == person.id,
            CaseAttribute.institution_id == actor.institution_id,
            CaseAttribute.code == code,
        )
    )
    created = attribute is None
    if attribute is None:
        attribute = CaseAttribute(
            person_id=person.id,
            institution_id=actor.institution_id,
            code=code,
            value=value,
            recorded_by=actor.subject[:128],
        )
        session.add(attribute)
    else:
        check_if_match(if_match, attribute_key(attribute), attribute.version)
        attribute.value = value
        attribute.recorded_by = actor.subject[:128]
    await session.flush()
    await touch(session, person.id)
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person.id],
        action="attribute_write",
        legal_basis=access.basis,
        basis_ref=code,
    )
    return attribute_read(attribute, definition), created


async def delete_attribute(
    session: AsyncSession,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    code: str,
    if_match: str | None,
    audit: AuditContext,
) -> None:
    person, access = await _writable_person(session, actor=actor, person_id=person_id)
    attribute = await session.scalar(
        select(CaseAttribute).where(
            CaseAttribute.person_id == person.id,
            CaseAttribute.institution_id == actor.institution_id,
            CaseAttribute.code == code,
        )
    )
    if attribute is None:
        raise not_found("attribute")
    check_if_match(if_match, attribute_key(attribute), attribute.version)
    await session.delete(attribute)
    await session.flush()
    await touch(session, person.id)
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person.id],
        action="attribute_delete",
        legal_basis=access.basis,
        basis_ref=code,
    )


# --- consents ----------------------------------------------------------------------------------


def consent_read(consent: Consent, now: datetime | None = None) -> schemas.ConsentRead:
    return schemas.ConsentRead.model_validate(
        {
            **{k: getattr(consent, k) for k in schemas.ConsentRead.model_fields if k != "state"},
            "state": consent.state_at(now or utcnow()),
        }
    )


async def create_consent(
    session: AsyncSession,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    data: schemas.ConsentCreate,
    audit: AuditContext,
) -> Consent:
    person, access = await _writable_person(session, actor=actor, person_id=person_id)
    now = utcnow()
    given_at = data.given_at or now
    if given_at > now + timedelta(minutes=5):
        raise Problem(422, "consent_in_future", "given_at cannot be in the future")
    if data.expires_at is not None and data.expires_at <= now:
        raise Problem(422, "consent_expired", "expires_at is already past")
    consent = Consent(
        person_id=person.id,
        purpose=data.purpose.value,
        recipient_institution_id=data.recipient_institution_id,
        recipient_institution_type=data.recipient_institution_type,
        service_type_code=data.service_type_code,
        covers_sensitive=data.covers_sensitive,
        given_at=given_at,
        expires_at=data.expires_at,
        evidence_reference=data.evidence_reference,
        recorded_by_institution_id=actor.institution_id,
        recorded_by=actor.subject[:128],
    )
    session.add(consent)
    await session.flush()
    await events.consent_event(session, "consent.given", consent)
    await touch(session, person.id)
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person.id],
        action="consent_record",
        legal_basis=access.basis,
        basis_ref=str(consent.id),
    )
    return consent


async def list_consents(
    session: AsyncSession,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    cursor: str | None,
    limit: int | None,
    audit: AuditContext,
) -> tuple[list[Consent], str | None]:
    person, access = await visible_person(session, actor=actor, person_id=person_id)
    rows, next_cursor = await paginate(
        session,
        select(Consent).where(Consent.person_id == person.id),
        order_by=[Consent.created_at, Consent.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person.id],
        action="read",
        legal_basis=access.basis,
        basis_ref=access.basis_ref,
    )
    return rows, next_cursor


async def _visible_consent(
    session: AsyncSession, *, actor: Actor, consent_id: uuid.UUID
) -> tuple[Consent, Access]:
    consent = await session.get(Consent, consent_id)
    if consent is None:
        raise not_found("consent")
    try:
        _, access = await visible_person(session, actor=actor, person_id=consent.person_id)
    except PersonMerged as exc:  # consents move with a merge; a stale row cannot exist
        raise not_found("consent") from exc
    except Problem as exc:
        raise not_found("consent") from exc
    return consent, access


async def get_consent(
    session: AsyncSession, *, actor: Actor, consent_id: uuid.UUID, audit: AuditContext
) -> Consent:
    consent, access = await _visible_consent(session, actor=actor, consent_id=consent_id)
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[consent.person_id],
        action="read",
        legal_basis=access.basis,
        basis_ref=access.basis_ref,
    )
    return consent


async def withdraw_consent(
    session: AsyncSession,
    *,
    actor: Actor,
    consent_id: uuid.UUID,
    data: schemas.ConsentWithdraw,
    audit: AuditContext,
) -> Consent:
    """Withdrawal takes effect at once: grants based on the consent stop giving access."""
    consent, access = await _visible_consent(session, actor=actor, consent_id=consent_id)
    if consent.recorded_by_institution_id != actor.institution_id:
        raise forbidden("only the institution that recorded the consent withdraws it")
    if consent.withdrawn_at is not None:
        return consent
    consent.withdrawn_at = utcnow()
    consent.withdrawal_reason = data.reason
    await session.flush()
    await events.consent_event(session, "consent.withdrawn", consent)
    await touch(session, consent.person_id)
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[consent.person_id],
        action="consent_withdraw",
        legal_basis=access.basis,
        basis_ref=str(consent.id),
    )
    return consent


# --- grants, break-glass -----------------------------------------------------------------------


def grant_read(
    grant: AccessGrant, *, consent: Consent | None, now: datetime | None = None
) -> schemas.GrantRead:
    now = now or utcnow()
    active = grant.expires_at is None or grant.expires_at > now
    if grant.legal_basis == "consent":
        active = active and consent is not None and consent.state_at(now) == "valid"
    return schemas.GrantRead(
        id=grant.id,
        person_id=grant.person_id,
        institution_id=grant.institution_id,
        referral_id=grant.referral_id,
        legal_basis=schemas.LegalBasis(grant.legal_basis),
        consent_id=grant.consent_id,
        covers_sensitive=grant.covers_sensitive,
        sender_institution_id=grant.sender_institution_id,
        service_type_code=grant.service_type_code,
        accepted_at=grant.accepted_at,
        active=active,
        granted_at=grant.granted_at,
        revoked_at=grant.revoked_at,
        expires_at=grant.expires_at,
        version=grant.version,
    )


async def grant_reads(session: AsyncSession, grants: list[AccessGrant]) -> list[schemas.GrantRead]:
    consent_ids = {g.consent_id for g in grants if g.consent_id}
    consents = (
        {c.id: c for c in (await session.scalars(select(Consent).where(Consent.id.in_(consent_ids)))).all()}
        if consent_ids
        else {}
    )
    now = utcnow()
    return [
        grant_read(g, consent=consents.get(g.consent_id) if g.consent_id else None, now=now) for g in grants
    ]


async def list_person_grants(
    session: AsyncSession,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    cursor: str | None,
    limit: int | None,
    audit: AuditContext,
) -> tuple[list[schemas.GrantRead], str | None]:
    person, access = await visible_person(session, actor=actor, person_id=person_id)
    rows, next_cursor = await paginate(
        session,
        select(AccessGrant).where(AccessGrant.person_id == person.id),
        order_by=[AccessGrant.granted_at, AccessGrant.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person.id],
        action="read",
        legal_basis=access.basis,
        basis_ref=access.basis_ref,
    )
    return await grant_reads(session, rows), next_cursor


def break_glass_read(glass: BreakGlass, now: datetime | None = None) -> schemas.BreakGlassRead:
    return schemas.BreakGlassRead(
        id=glass.id,
        person_id=glass.person_id,
        institution_id=glass.institution_id,
        subject=glass.subject,
        reason=glass.reason,
        opened_at=glass.opened_at,
        expires_at=glass.expires_at,
        active=glass.expires_at > (now or utcnow()),
    )


async def open_break_glass(
    session: AsyncSession,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    data: schemas.BreakGlassCreate,
    settings: ClientsSettings,
    audit: AuditContext,
) -> BreakGlass:
    """A coordinator's emergency access to a person: personal, time-boxed, reasoned, audited and
    listed to the person's registering institutions."""
    person = await session.get(Person, person_id)
    if person is None or person.status != PersonStatus.active:
        raise not_found("person")
    hours = data.hours or settings.break_glass_default_hours
    if hours > settings.break_glass_max_hours:
        raise Problem(
            422,
            "break_glass_too_long",
            f"break-glass access lasts at most {settings.break_glass_max_hours} hours",
            errors=[{"loc": ["body", "hours"], "msg": "too long", "type": "break_glass_too_long"}],
        )
    now = utcnow()
    access = await access_to(session, actor=actor, person_id=person.id, now=now)
    if access.registered or access.grants:
        raise Problem(409, "access_exists", "your institution already has access to this person")
    glass = BreakGlass(
        person_id=person.id,
        institution_id=actor.institution_id,
        subject=actor.subject[:128],
        reason=data.reason,
        opened_at=now,
        expires_at=now + timedelta(hours=hours),
    )
    session.add(glass)
    await session.flush()
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person.id],
        action="break_glass",
        legal_basis="break_glass",
        basis_ref=str(glass.id),
        reason=data.reason,
    )
    return glass


async def list_break_glass(
    session: AsyncSession,
    *,
    principal: Principal,
    actor: Actor | None,
    person_id: uuid.UUID | None,
    active: bool | None,
    cursor: str | None,
    limit: int | None,
) -> tuple[list[BreakGlass], str | None]:
    """Auditors: all. Front-line: break-glass accesses to persons your institution registered,
    and those opened by your institution."""
    stmt: Select[Any] = select(BreakGlass)
    if actor is not None:
        own_persons = select(Registration.person_id).where(
            Registration.institution_id == actor.institution_id
        )
        stmt = stmt.where(
            or_(BreakGlass.person_id.in_(own_persons), BreakGlass.institution_id == actor.institution_id)
        )
    elif not principal.has_role(Role.auditor):
        raise forbidden("your role does not give access to break-glass records")
    if person_id is not None:
        stmt = stmt.where(BreakGlass.person_id == person_id)
    now = utcnow()
    if active is True:
        stmt = stmt.where(BreakGlass.expires_at > now)
    elif active is False:
        stmt = stmt.where(BreakGlass.expires_at <= now)
    return await paginate(
        session,
        stmt,
        order_by=[BreakGlass.opened_at, BreakGlass.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )


# --- audit -------------------------------------------------------------------------------------


async def list_access_log(
    session: AsyncSession,
    *,
    principal: Principal,
    person_id: uuid.UUID | None,
    institution_id: uuid.UUID | None,
    subject: str | None,
    action: str | None,
    since: date | None,
    until: date | None,
    cursor: str | None,
    limit: int | None,
    audit: AuditContext,
) -> tuple[list[AccessLog], str | None]:
    stmt: Select[Any] = select(AccessLog)
    if person_id is not None:
        stmt = stmt.where(AccessLog.person_id == person_id)
    if institution_id is not None:
        stmt = stmt.where(AccessLog.institution_id == institution_id)
    if subject:
        stmt = stmt.where(AccessLog.subject == subject)
    if action:
        stmt = stmt.where(AccessLog.action == action)
    if since is not None:
        stmt = stmt.where(AccessLog.occurred_at >= _day_start(since))
    if until is not None:
        stmt = stmt.where(AccessLog.occurred_at < _day_start(until) + timedelta(days=1))
    rows, next_cursor = await paginate(
        session,
        stmt,
        order_by=[AccessLog.occurred_at, AccessLog.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )
    await log_access(
        session,
        principal=principal,
        audit=audit,
        person_ids=[person_id],
        action="access_log_query",
        legal_basis="audit",
    )
    return rows, next_cursor


def _day_start(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


@dataclass
class ReportScope:
    person_ids: list[uuid.UUID]
    basis: str


async def _report_scope(
    session: AsyncSession, *, principal: Principal, actor: Actor | None, person_id: uuid.UUID
) -> ReportScope:
    if principal.has_role(Role.auditor) and actor is None:
        person = await session.get(Person, person_id)
        if person is None or person.status == PersonStatus.merged:
            raise not_found("person")
        basis = "audit"
    elif actor is not None:
        person, access = await visible_person(session, actor=actor, person_id=person_id)
        basis = access.basis
    else:
        raise forbidden("your role does not give access to person data")
    merged = (await session.scalars(select(Person.id).where(Person.merged_into_id == person.id))).all()
    return ReportScope([person.id, *merged], basis)


async def access_report(
    session: AsyncSession,
    *,
    principal: Principal,
    actor: Actor | None,
    person_id: uuid.UUID,
    cursor: str | None,
    limit: int | None,
    audit: AuditContext,
) -> schemas.AccessReport:
    """GDPR art. 15: institutions that accessed the record (and records merged into it), when and
    on what basis. Staff identities are not part of the person's report (auditors see them)."""
    scope = await _report_scope(session, principal=principal, actor=actor, person_id=person_id)
    in_scope = AccessLog.person_id.in_(scope.person_ids)
    summary_rows = (
        await session.execute(
            select(
                AccessLog.institution_id,
                func.count(),
                func.min(AccessLog.occurred_at),
                func.max(AccessLog.occurred_at),
            )
            .where(in_scope)
            .group_by(AccessLog.institution_id)
        )
    ).all()
    bases: dict[uuid.UUID | None, set[str]] = defaultdict(set)
    for inst, basis in (
        await session.execute(
            select(AccessLog.institution_id, AccessLog.legal_basis).where(in_scope).distinct()
        )
    ).all():
        bases[inst].add(basis)
    as_utc = UTCDateTime()
    institutions = sorted(
        (
            schemas.AccessReportInstitution(
                institution_id=inst,
                accesses=count,
                first_at=_aware(first, as_utc),
                last_at=_aware(last, as_utc),
                legal_bases=sorted(bases[inst]),
            )
            for inst, count, first, last in summary_rows
        ),
        key=lambda i: i.last_at,
        reverse=True,
    )
    rows, next_cursor = await paginate(
        session,
        select(AccessLog).where(in_scope),
        order_by=[AccessLog.occurred_at, AccessLog.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )
    await log_access(
        session,
        principal=principal,
        audit=audit,
        person_ids=[scope.person_ids[0]],
        action="access_report",
        legal_basis=scope.basis,
    )
    return schemas.AccessReport(
        person_id=scope.person_ids[0],
        generated_at=utcnow(),
        institutions=institutions,
        items=[schemas.AccessReportEntry.model_validate(r) for r in rows],
        next_cursor=next_cursor,
    )


def _aware(value: Any, as_utc: Any) -> datetime:
    # Aggregates bypass the column type: SQLite returns naive text/datetimes, PostgreSQL aware ones.
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return as_utc.process_result_value(value, None)
