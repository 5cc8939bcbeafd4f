"""Writing persons: registering a new person (after the duplicate check), registering an existing
record for one more institution (proven by the person's PESEL or document number), and changing
identity or contact data. Keyword-only, ``flush()`` never ``commit()``."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients import events, identity, schemas
from splot.clients.access import Access, Actor, AuditContext, log_access
from splot.clients.config import ClientsSettings
from splot.clients.duplicates import external_ref_taken, probe_of, refuse_likely_duplicates
from splot.clients.matching import Match, Probe
from splot.clients.models import ExternalRef, Person, PersonStatus, Registration
from splot.clients.persons import identity_problem, touch, visible_person
from splot.common.db import utcnow
from splot.common.errors import Problem, forbidden, not_found
from splot.common.etag import check_if_match

EXTERNAL_ID_TAKEN = "your institution already uses this external_id for a person"
#: Fields an update copies as given (names are normalised as well; PESEL, birth date and sex are
#: reconciled first).
_PLAIN_FIELDS = ("document_number", "citizenship", "street", "postal_code", "city", "gmina", "phone", "email")


# --- a new person ------------------------------------------------------------------------------


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
    probe = probe_of(
        pesel=pesel,
        document_number=data.document_number,
        first_name=data.first_name,
        last_name=data.last_name,
        birth_date=birth_date,
    )
    matches = await refuse_likely_duplicates(
        session, actor=actor, probe=probe, override_reason=data.override_reason, settings=settings
    )
    if data.external_id and await external_ref_taken(
        session, institution_id=actor.institution_id, external_id=data.external_id
    ):
        raise Problem(409, "external_id_taken", EXTERNAL_ID_TAKEN)
    person = _new_person(data, probe=probe, birth_date=birth_date, sex=sex, actor=actor)
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
    await _log_creation(session, actor=actor, audit=audit, person=person, matches=matches, data=data)
    return person, Access(registered=True)


def _new_person(
    data: schemas.PersonCreate, *, probe: Probe, birth_date: date, sex: str, actor: Actor
) -> Person:
    return Person(
        pesel=probe.pesel,
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
        last_activity_at=utcnow(),
    )


async def _log_creation(
    session: AsyncSession,
    *,
    actor: Actor,
    audit: AuditContext,
    person: Person,
    matches: list[Match],
    data: schemas.PersonCreate,
) -> None:
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


# --- changing identity and contact data -------------------------------------------------------


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
        await _change_identity(session, person=person, data=data, changes=changes)
    _change_fields(person, changes)
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


async def _change_identity(
    session: AsyncSession, *, person: Person, data: schemas.PersonUpdate, changes: dict[str, Any]
) -> None:
    """PESEL, birth date and sex, reconciled with each other; a PESEL another record has is a 409."""
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
        taken = await session.scalar(select(Person.id).where(Person.pesel == pesel, Person.id != person.id))
        if taken is not None:
            raise Problem(409, "duplicate_pesel", "another record has this PESEL; ask a coordinator to merge")
    person.pesel, person.birth_date, person.birth_year, person.sex = (
        pesel,
        birth_date,
        birth_date.year,
        sex,
    )


def _change_fields(person: Person, changes: dict[str, Any]) -> None:
    """Contact data and names as given; the preferred channel must stay reachable (422)."""
    for field in _PLAIN_FIELDS:
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


# --- registering an existing record -----------------------------------------------------------


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
        await _link_external_id(session, actor=actor, person=person, external_id=data.external_id)
    created = existing is None
    if created:
        session.add(
            Registration(
                person_id=person.id,
                institution_id=actor.institution_id,
                registered_by=actor.subject[:128],
                how="identifier",
                reason=data.reason,
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
        reason=data.reason,
    )
    return person, Access(registered=True), created


async def _link_external_id(session: AsyncSession, *, actor: Actor, person: Person, external_id: str) -> None:
    """The institution's own id for the person; 409 when it already names someone else."""
    owner = await external_ref_taken(session, institution_id=actor.institution_id, external_id=external_id)
    if owner is not None and owner != person.id:
        raise Problem(409, "external_id_taken", EXTERNAL_ID_TAKEN)
    if owner is None:
        session.add(
            ExternalRef(institution_id=actor.institution_id, external_id=external_id, person_id=person.id)
        )
