"""Service-to-service rules for the referrals service: may this referral carry the person's data,
grant and revoke an institution's access, and a name-free summary of a person."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Row, bindparam, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients import events, schemas
from splot.clients.access import AuditContext, active_grant_clause, log_access
from splot.clients.config import ClientsSettings
from splot.clients.grants import grant_reads
from splot.clients.models import AccessGrant, Consent, GrantLike, Person, PersonStatus, Registration
from splot.clients.persons import touch
from splot.common.auth import Principal
from splot.common.db import table_of, utcnow
from splot.common.errors import Problem, not_found

REFERRAL_PURPOSE = "referral"


def _covers_target(consent: Consent, data: schemas.ReferralCheckRequest) -> bool:
    recipient_ok = consent.recipient_institution_id == data.target_institution_id or (
        consent.recipient_institution_id is None
        and consent.recipient_institution_type == data.target_institution_type
    )
    service_ok = consent.service_type_code is None or consent.service_type_code == data.service_type_code
    return (
        recipient_ok
        and service_ok
        and consent.purpose == REFERRAL_PURPOSE
        and (consent.covers_sensitive or not data.sensitive)
    )


def _refusal(code: str, detail: str) -> schemas.ReferralCheckResult:
    return schemas.ReferralCheckResult(allowed=False, code=code, detail=detail)


async def _sender_sees(
    session: AsyncSession, *, person_id: uuid.UUID, institution_id: uuid.UUID, now: datetime
) -> bool:
    registered = await session.scalar(
        select(Registration.id).where(
            Registration.person_id == person_id, Registration.institution_id == institution_id
        )
    )
    if registered is not None:
        return True
    granted = await session.scalar(
        select(AccessGrant.id).where(
            AccessGrant.person_id == person_id,
            AccessGrant.institution_id == institution_id,
            active_grant_clause(now),
        )
    )
    return granted is not None


async def referral_check(
    session: AsyncSession, *, principal: Principal, data: schemas.ReferralCheckRequest, audit: AuditContext
) -> schemas.ReferralCheckResult:
    """May ``sender`` refer this person to ``target`` on this legal basis? Break-glass access
    never counts: it is for reading in an emergency, not for passing data on."""
    now = utcnow()
    person = await session.get(Person, data.person_id)
    if person is None or person.status != PersonStatus.active:
        return _refusal(
            "person_not_found", "no active person with this id (merged or anonymised records refer nowhere)"
        )
    await log_access(
        session,
        principal=principal,
        audit=audit,
        person_ids=[person.id],
        action="referral_check",
        legal_basis="service",
        basis_ref=str(data.sender_institution_id),
    )
    if not await _sender_sees(
        session, person_id=person.id, institution_id=data.sender_institution_id, now=now
    ):
        return _refusal("sender_not_allowed", "the sending institution has no access to this person")
    if data.legal_basis is schemas.LegalBasis.statutory:
        return schemas.ReferralCheckResult(allowed=True)
    if data.consent_id is not None:
        consent = await session.get(Consent, data.consent_id)
        if consent is None or consent.person_id != person.id or not _covers_target(consent, data):
            return _refusal("consent_missing", "the consent does not cover this recipient, service or data")
        candidates = [consent]
    else:
        candidates = [
            c
            for c in (
                await session.scalars(
                    select(Consent)
                    .where(
                        Consent.person_id == person.id,
                        or_(
                            Consent.recipient_institution_id == data.target_institution_id,
                            Consent.recipient_institution_type == data.target_institution_type,
                        ),
                    )
                    .order_by(Consent.given_at.desc(), Consent.id)
                )
            ).all()
            if _covers_target(c, data)
        ]
    states = {c.id: c.state_at(now) for c in candidates}
    valid = [c for c in candidates if states[c.id] == "valid"]
    if valid:
        return schemas.ReferralCheckResult(allowed=True, consent_id=valid[0].id)
    if any(s == "withdrawn" for s in states.values()):
        return _refusal("consent_withdrawn", "the person withdrew the consent")
    if any(s == "expired" for s in states.values()):
        return _refusal("consent_expired", "the consent has expired")
    return _refusal("consent_missing", "no valid consent covers this recipient, service and data")


#: Only what a grant needs of the person (no record, no identity map: a hand-over per transition).
_PERSON_STATUS = select(Person.status, Person.merged_into_id)


async def _person_state(session: AsyncSession, person_id: uuid.UUID) -> tuple[str, uuid.UUID | None] | None:
    row = (await session.execute(_PERSON_STATUS.where(Person.id == person_id))).one_or_none()
    return None if row is None else (row.status, row.merged_into_id)


async def _active_person(
    session: AsyncSession, person_id: uuid.UUID, known: tuple[str, uuid.UUID | None] | None = None
) -> uuid.UUID:
    """The id of the active person: follows a merge to the survivor (same human); anonymised or
    absent is a 404. ``known``: the person's (status, merged into), read with the grant."""
    state = known if known is not None else await _person_state(session, person_id)
    if state is not None and state[0] == PersonStatus.merged and state[1]:
        person_id = state[1]
        state = await _person_state(session, person_id)
    if state is None or state[0] != PersonStatus.active:
        raise not_found("person")
    return person_id


async def _check_consent(
    session: AsyncSession, data: schemas.GrantCreate, person_id: uuid.UUID
) -> Consent | None:
    if data.legal_basis is not schemas.LegalBasis.consent:
        return None
    if data.consent_id is None:
        raise Problem(422, "consent_required", "a consent-based grant names its consent_id")
    consent = await session.get(Consent, data.consent_id)
    if consent is None or consent.person_id != person_id:
        raise Problem(422, "consent_missing", "no such consent for this person")
    state = consent.state_at(utcnow())
    if state != "valid":
        raise Problem(
            422, f"consent_{state}" if state != "not_yet_valid" else "consent_missing", f"consent is {state}"
        )
    return consent


_GRANTS = table_of(AccessGrant)
_PERSONS = table_of(Person)
#: The grant of a (referral, receiver), locked, with its person's status: one round trip.
_LOCKED_GRANT = (
    select(_GRANTS, _PERSONS.c.status.label("p_status"), _PERSONS.c.merged_into_id.label("p_merged_into"))
    .join_from(_GRANTS, _PERSONS, _PERSONS.c.id == _GRANTS.c.person_id)
    .where(
        _GRANTS.c.referral_id == bindparam("referral_id"),
        _GRANTS.c.institution_id == bindparam("institution_id"),
    )
    .with_for_update(of=_GRANTS)
)
_STATE_COLUMNS = (
    "legal_basis",
    "consent_id",
    "covers_sensitive",
    "sender_institution_id",
    "service_type_code",
    "accepted_at",
    "source_version",
)
_WRITTEN = (*_STATE_COLUMNS, "revoked_at", "expires_at")
#: A stored grant brought to the referral's new state, as the unit of work would write it (the
#: version moves by one; the row is locked, so no other writer can have moved it).
_UPDATE_STATE = (
    update(_GRANTS)
    .where(_GRANTS.c.id == bindparam("grant_id"))
    .values(
        {c: bindparam(f"p_{c}", type_=_GRANTS.c[c].type) for c in _WRITTEN}
        | {"version": _GRANTS.c.version + 1}
    )
    .returning(*_GRANTS.c)
)


def _state_values(
    data: schemas.GrantCreate, consent: Consent | None, accepted_at: datetime | None, now: datetime
) -> dict[str, Any]:
    """The grant's columns for the referral's state (the rule of :func:`_apply_state`)."""
    return {
        "legal_basis": data.legal_basis.value,
        "consent_id": consent.id if consent is not None else None,
        "covers_sensitive": data.covers_sensitive,
        "sender_institution_id": data.sender_institution_id,
        "service_type_code": data.service_type_code,
        "accepted_at": None if not data.accepted else (accepted_at or now),
        "source_version": data.version,
    }


def _apply_state(
    grant: AccessGrant, data: schemas.GrantCreate, consent: Consent | None, now: datetime
) -> None:
    for name, value in _state_values(data, consent, grant.accepted_at, now).items():
        setattr(grant, name, value)


async def create_grant(
    session: AsyncSession,
    *,
    principal: Principal,
    data: schemas.GrantCreate,
    audit: AuditContext,
    settings: ClientsSettings | None = None,
) -> tuple[schemas.GrantRead | None, bool]:
    """Bring the grant of (referral, receiver) to the state the referral is in: created, updated
    (accepted, covering), ended (access continues for the retention window) or active again (a
    reopened referral). Idempotent; a state older than the grant's own (``version``) is ignored,
    so that updates arriving late or twice never undo a newer one. Returns ``None`` when an
    ended referral never had a grant (nothing to end)."""
    now = utcnow()
    row: Row[Any] | None = (
        await session.execute(
            _LOCKED_GRANT, {"referral_id": data.referral_id, "institution_id": data.institution_id}
        )
    ).one_or_none()
    if row is not None and data.version < row.source_version:
        return (await grant_reads(session, [row]))[0], False
    if row is None and not data.active:
        return None, False
    consent = None
    if data.active:
        known = (row.p_status, row.p_merged_into) if row is not None else None
        person_id = await _active_person(
            session, data.person_id if row is None else row.person_id, known=known
        )
        consent = await _check_consent(session, data, person_id)
    if row is None:
        grant = AccessGrant(
            person_id=person_id,
            institution_id=data.institution_id,
            referral_id=data.referral_id,
            granted_at=now,
        )
        _apply_state(grant, data, consent, now)
        session.add(grant)
        await session.flush()
        await _grant_changed(session, principal, audit, grant, "access.granted", "grant")
        return (await grant_reads(session, [grant]))[0], True
    values = _next_state(row, data, consent, now, settings)
    if all(row._mapping[name] == value for name, value in values.items()):
        return (await grant_reads(session, [row]))[0], False  # delivered again: no new version
    updated = (
        await session.execute(_UPDATE_STATE, {"grant_id": row.id, **{f"p_{k}": v for k, v in values.items()}})
    ).one()
    # Access starting again or ending is an event and an audit entry; a new state of a running
    # grant (accepted, covering: the hand-over of most transitions) is neither.
    was_active = row.revoked_at is None
    if data.active and not was_active:
        await _grant_changed(session, principal, audit, updated, "access.granted", "grant")
    elif not data.active and was_active:
        await _grant_changed(session, principal, audit, updated, "access.revoked", "revoke")
    return (await grant_reads(session, [updated]))[0], False


def _next_state(
    row: Row[Any],
    data: schemas.GrantCreate,
    consent: Consent | None,
    now: datetime,
    settings: ClientsSettings | None,
) -> dict[str, Any]:
    """The stored grant's columns for the referral's new state: running (access again if it had
    ended), or ended now (access continues for the retention window), or still ended."""
    if data.active:
        return _state_values(data, consent, row.accepted_at, now) | {"revoked_at": None, "expires_at": None}
    values = {name: row._mapping[name] for name in _WRITTEN} | {"source_version": data.version}
    if row.revoked_at is None:
        retention = settings.grant_retention_days if settings is not None else 30
        days = data.retention_days if data.retention_days is not None else retention
        values |= {"revoked_at": now, "expires_at": now + timedelta(days=days)}
    return values


async def _grant_changed(
    session: AsyncSession,
    principal: Principal,
    audit: AuditContext,
    grant: GrantLike,
    event_type: str,
    action: str,
) -> None:
    await events.grant_event(session, event_type, grant)
    await touch(session, grant.person_id)
    await log_access(
        session,
        principal=principal,
        audit=audit,
        person_ids=[grant.person_id],
        action=action,
        legal_basis="service",
        basis_ref=str(grant.id),
    )


async def person_summary(
    session: AsyncSession, *, principal: Principal, person_id: uuid.UUID, audit: AuditContext
) -> schemas.PersonInternalSummary:
    person = await session.get(Person, person_id)
    if person is None:
        raise not_found("person")
    await log_access(
        session,
        principal=principal,
        audit=audit,
        person_ids=[person.id],
        action="service_read",
        legal_basis="service",
    )
    return schemas.PersonInternalSummary(
        id=person.id,
        birth_year=person.birth_year,
        sex=schemas.Sex(person.sex),
        gmina=person.gmina,
        status=person.status,
        merged_into=person.merged_into_id,
    )
