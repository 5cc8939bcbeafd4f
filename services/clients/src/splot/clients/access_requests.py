"""Access requests: an institution that found a likely duplicate it may not see (a 409 on
registering a person, naming it by an opaque candidate id) asks the institutions that registered
the person for access, with a declared reason. A caseworker or coordinator of a registering
institution approves it — the requester is then registered on the person with that reason, as if
it had proven the person's identifier — or declines it with a reason. A request without a
decision expires after ``access_request_days`` and grants nothing. Every step is audited and
evented. Keyword-only, ``flush()`` never ``commit()``."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients import candidates, events, identity, schemas
from splot.clients.access import Actor, AuditContext, log_access
from splot.clients.config import ClientsSettings
from splot.clients.models import AccessRequest, AccessRequestStatus, Person, PersonStatus, Registration
from splot.clients.persons import touch
from splot.common.db import utcnow
from splot.common.errors import Problem, forbidden, not_found
from splot.common.pagination import paginate

Status = AccessRequestStatus


def state_of(request: AccessRequest, now: datetime) -> str:
    """A pending request past its expiry is expired at once (the retention job records it)."""
    if request.status == Status.pending and request.expires_at <= now:
        return Status.expired
    return request.status


def _pending_clause(now: datetime) -> ColumnElement[bool]:
    return and_(AccessRequest.status == Status.pending, AccessRequest.expires_at > now)


def _registered_by(institution_id: uuid.UUID) -> Select[Any]:
    return select(Registration.person_id).where(Registration.institution_id == institution_id)


# --- asking ----------------------------------------------------------------------------------


async def create_request(
    session: AsyncSession,
    *,
    actor: Actor,
    data: schemas.AccessRequestCreate,
    settings: ClientsSettings,
    audit: AuditContext,
) -> schemas.AccessRequestRead:
    person_id = candidates.resolve(settings, data.candidate_id, institution_id=actor.institution_id)
    person = await session.get(Person, person_id) if person_id else None
    if person is None or person.status != PersonStatus.active:
        raise Problem(
            422,
            "candidate_unknown",
            "the candidate id is unknown, another institution's or too old; register the person again",
        )
    if await _is_registered(session, person_id=person.id, institution_id=actor.institution_id):
        raise Problem(409, "already_registered", "your institution has already registered this person")
    now = utcnow()
    await _expire(session, _due(now).where(AccessRequest.person_id == person.id), now=now)
    pending = await session.scalar(
        select(AccessRequest.id).where(
            AccessRequest.person_id == person.id,
            AccessRequest.requester_institution_id == actor.institution_id,
            AccessRequest.status == Status.pending,
        )
    )
    if pending is not None:
        raise Problem(
            409, "access_request_pending", "your institution already asked for access to this person"
        )
    request = AccessRequest(
        person_id=person.id,
        requester_institution_id=actor.institution_id,
        requested_by=actor.subject[:128],
        reason=data.reason,
        status=Status.pending,
        created_at=now,
        expires_at=now + timedelta(days=settings.access_request_days),
    )
    session.add(request)
    await session.flush()
    await events.access_request_event(session, request, state=Status.pending)
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person.id],
        action="access_request",
        legal_basis="duplicate_check",
        basis_ref=str(request.id),
        reason=data.reason,
    )
    return _as_read(request, person, now=now, full=False)


async def _is_registered(session: AsyncSession, *, person_id: uuid.UUID, institution_id: uuid.UUID) -> bool:
    found = await session.scalar(
        select(Registration.id).where(
            Registration.person_id == person_id, Registration.institution_id == institution_id
        )
    )
    return found is not None


# --- reading ---------------------------------------------------------------------------------


def _as_read(
    request: AccessRequest, person: Person, *, now: datetime, full: bool
) -> schemas.AccessRequestRead:
    """``full``: the reader sees the person (a registering institution, or an approved requester)."""
    return schemas.AccessRequestRead(
        id=request.id,
        state=schemas.AccessRequestState(state_of(request, now)),
        person=schemas.AccessRequestPerson(
            id=person.id if full else None,
            initials=identity.initials(person.first_name, person.last_name),
            birth_year=person.birth_year,
            first_name=person.first_name if full else None,
            last_name=person.last_name if full else None,
        ),
        requester_institution_id=request.requester_institution_id,
        reason=request.reason,
        created_at=request.created_at,
        expires_at=request.expires_at,
        decided_at=request.decided_at,
        decided_by_institution_id=request.decided_by_institution_id,
        decision_reason=request.decision_reason,
        version=request.version,
    )


def _box(actor: Actor, box: schemas.AccessRequestBox) -> Select[Any]:
    if box is schemas.AccessRequestBox.outgoing:
        return select(AccessRequest).where(AccessRequest.requester_institution_id == actor.institution_id)
    return select(AccessRequest).where(
        AccessRequest.person_id.in_(_registered_by(actor.institution_id)),
        AccessRequest.requester_institution_id != actor.institution_id,
    )


def _state_filter(state: schemas.AccessRequestState, now: datetime) -> ColumnElement[bool]:
    if state is schemas.AccessRequestState.pending:
        return _pending_clause(now)
    if state is schemas.AccessRequestState.expired:
        return or_(
            AccessRequest.status == Status.expired,
            and_(AccessRequest.status == Status.pending, AccessRequest.expires_at <= now),
        )
    return AccessRequest.status == state.value


async def list_requests(
    session: AsyncSession,
    *,
    actor: Actor,
    box: schemas.AccessRequestBox,
    state: schemas.AccessRequestState | None,
    cursor: str | None,
    limit: int | None,
    audit: AuditContext,
) -> tuple[list[schemas.AccessRequestRead], str | None]:
    """Incoming: requests to persons the caller's institution registered (with the person's
    name); outgoing: the institution's own requests (initials and birth year until approved)."""
    now = utcnow()
    stmt = _box(actor, box)
    if state is not None:
        stmt = stmt.where(_state_filter(state, now))
    rows, next_cursor = await paginate(
        session,
        stmt,
        order_by=[AccessRequest.created_at, AccessRequest.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )
    persons = {
        p.id: p
        for p in (
            await session.scalars(select(Person).where(Person.id.in_({r.person_id for r in rows})))
        ).all()
    }
    seen = set(
        (
            await session.scalars(
                _registered_by(actor.institution_id).where(Registration.person_id.in_(persons))
            )
        ).all()
    )
    items = [
        _as_read(
            r,
            persons[r.person_id],
            now=now,
            full=r.person_id in seen and persons[r.person_id].status == PersonStatus.active,
        )
        for r in rows
    ]
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=sorted(seen),
        action="list",
        legal_basis="registration",
    )
    return items, next_cursor


async def counts(session: AsyncSession, *, actor: Actor) -> schemas.AccessRequestCounts:
    now = utcnow()

    async def count(box: schemas.AccessRequestBox) -> int:
        stmt = _box(actor, box).where(_pending_clause(now))
        return int(await session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)

    return schemas.AccessRequestCounts(
        incoming_pending=await count(schemas.AccessRequestBox.incoming),
        outgoing_pending=await count(schemas.AccessRequestBox.outgoing),
    )


# --- deciding --------------------------------------------------------------------------------


async def decide(
    session: AsyncSession,
    *,
    actor: Actor,
    request_id: uuid.UUID,
    approve: bool,
    reason: str | None,
    audit: AuditContext,
) -> schemas.AccessRequestRead:
    """Approve (register the requester) or decline, by a registering institution of the person."""
    request = await session.get(AccessRequest, request_id)
    if request is None:
        raise not_found("access request")
    if request.requester_institution_id == actor.institution_id:
        raise forbidden("an institution does not decide its own access request")
    if not await _is_registered(session, person_id=request.person_id, institution_id=actor.institution_id):
        raise not_found("access request")
    now = utcnow()
    state = state_of(request, now)
    if state == Status.expired:
        raise Problem(
            409, "access_request_expired", "the request expired without a decision; it grants nothing"
        )
    if state != Status.pending:
        raise Problem(409, "access_request_decided", f"the request was already {state}")
    person = await session.get(Person, request.person_id)
    if person is None or person.status != PersonStatus.active:
        raise Problem(409, "person_not_active", "the person's record was merged or anonymised")
    request.status = Status.approved if approve else Status.declined
    request.decided_at = now
    request.decided_by = actor.subject[:128]
    request.decided_by_institution_id = actor.institution_id
    request.decision_reason = reason
    await session.flush()
    if approve:
        await _register_requester(session, request=request, person=person)
    await events.access_request_event(session, request, state=request.status)
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person.id],
        action="access_request_" + ("approve" if approve else "decline"),
        legal_basis="registration",
        basis_ref=str(request.id),
        reason=reason,
    )
    return _as_read(request, person, now=now, full=True)


async def _register_requester(session: AsyncSession, *, request: AccessRequest, person: Person) -> None:
    """The requester becomes a further registrant of the person, with the request's reason."""
    if await _is_registered(session, person_id=person.id, institution_id=request.requester_institution_id):
        return
    session.add(
        Registration(
            person_id=person.id,
            institution_id=request.requester_institution_id,
            registered_by=request.requested_by,
            how="access_request",
            reason=request.reason,
        )
    )
    await session.flush()
    await events.person_event(
        session, "person.registered", person, institution_id=str(request.requester_institution_id)
    )
    await touch(session, person.id)


# --- expiry ----------------------------------------------------------------------------------


def _due(now: datetime) -> Select[Any]:
    return select(AccessRequest).where(
        AccessRequest.status == Status.pending, AccessRequest.expires_at <= now
    )


async def _expire(session: AsyncSession, stmt: Select[Any], *, now: datetime) -> int:
    expired = list((await session.scalars(stmt.where(AccessRequest.status == Status.pending))).all())
    for request in expired:
        request.status = Status.expired
    await session.flush()
    for request in expired:
        await events.access_request_event(session, request, state=Status.expired)
    return len(expired)


async def expire_due(session: AsyncSession, *, limit: int = 500) -> int:
    """Record the requests that ran out (``access_request.expired``); the retention job runs it."""
    now = utcnow()
    return await _expire(session, _due(now).order_by(AccessRequest.expires_at).limit(limit), now=now)


async def follow_merge(session: AsyncSession, *, survivor_id: uuid.UUID, merged_id: uuid.UUID) -> list[str]:
    """Pending requests for a merged record now ask for the survivor (decided by its registering
    institutions, which include the merged record's), unless the requester already registered the
    survivor or already asks for it: those stay, and expire. Returns the ids moved (for the undo)."""
    registered = select(Registration.institution_id).where(Registration.person_id == survivor_id)
    asking = select(AccessRequest.requester_institution_id).where(
        AccessRequest.person_id == survivor_id, AccessRequest.status == AccessRequestStatus.pending
    )
    ids = list(
        (
            await session.scalars(
                select(AccessRequest.id).where(
                    AccessRequest.person_id == merged_id,
                    AccessRequest.status == AccessRequestStatus.pending,
                    AccessRequest.requester_institution_id.not_in(registered),
                    AccessRequest.requester_institution_id.not_in(asking),
                )
            )
        ).all()
    )
    if ids:
        await session.execute(
            update(AccessRequest)
            .where(AccessRequest.id.in_(ids))
            .values(person_id=survivor_id)
            .execution_options(synchronize_session=False)
        )
    return [str(i) for i in ids]
