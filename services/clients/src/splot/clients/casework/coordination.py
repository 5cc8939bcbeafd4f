"""Case coordination: a person's lead worker (one institution's staff member, visible to every
institution with access; set and reassigned by a coordinator of the lead worker's institution,
audited, the history kept) and case conferences (who took part, whether the person was there,
the decisions, the plan actions they created). Keyword-only, ``flush()`` only."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients.access import Actor, AuditContext, log_access
from splot.clients.casework import events
from splot.clients.casework.models import CaseConference, LeadWorker, PlanAction
from splot.clients.casework.visibility import institution_sees_person, person_access, require_writable
from splot.clients.persons import touch
from splot.clients.schemas.casework import (
    CaseConferenceCreate,
    CaseConferenceRead,
    ConferenceParticipantRead,
    LeadWorkerEntry,
    LeadWorkerRead,
    LeadWorkerSet,
)
from splot.common.db import utcnow
from splot.common.errors import Problem, forbidden
from splot.common.etag import check_if_match
from splot.common.pagination import paginate


def lead_worker_key(person_id: uuid.UUID) -> str:
    return f"lead-worker.{person_id}"


async def _lead_worker_read(session: AsyncSession, person_id: uuid.UUID) -> LeadWorkerRead:
    rows = (
        await session.scalars(
            select(LeadWorker)
            .where(LeadWorker.person_id == person_id)
            .order_by(LeadWorker.assigned_at.desc(), LeadWorker.id)
        )
    ).all()
    entries = [
        LeadWorkerEntry(
            institution_id=r.institution_id,
            user_sub=r.user_sub,
            display_name=r.display_name,
            assigned_at=r.assigned_at,
            assigned_by=r.assigned_by,
            ended_at=r.ended_at,
        )
        for r in rows
    ]
    current = next((e for e in entries if e.ended_at is None), None)
    return LeadWorkerRead(person_id=person_id, current=current, history=entries, version=len(entries))


async def get_lead_worker(
    session: AsyncSession, *, actor: Actor, person_id: uuid.UUID, audit: AuditContext
) -> LeadWorkerRead:
    access = await person_access(session, actor=actor, person_id=person_id)
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person_id],
        action="read",
        legal_basis=access.basis,
        basis_ref=access.basis_ref,
    )
    return await _lead_worker_read(session, person_id)


async def set_lead_worker(
    session: AsyncSession,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    data: LeadWorkerSet,
    if_match: str | None,
    audit: AuditContext,
) -> tuple[LeadWorkerRead, bool]:
    """A coordinator makes a member of its own institution the lead worker (If-Match once one
    was assigned); the previous assignment ends and stays in the history."""
    if not actor.is_coordinator:
        raise forbidden("only a coordinator assigns a lead worker")
    access = await person_access(session, actor=actor, person_id=person_id)
    require_writable(access)
    count = await session.scalar(
        select(func.count()).select_from(LeadWorker).where(LeadWorker.person_id == person_id)
    )
    if count:
        check_if_match(if_match, lead_worker_key(person_id), int(count))
    current = await session.scalar(
        select(LeadWorker)
        .where(LeadWorker.person_id == person_id, LeadWorker.ended_at.is_(None))
        .with_for_update()
    )
    now = utcnow()
    previous = None
    if current is not None:
        current.ended_at = now
        previous = current.institution_id
    worker = LeadWorker(
        person_id=person_id,
        institution_id=actor.institution_id,
        user_sub=data.user_sub,
        display_name=data.display_name,
        assigned_at=now,
        assigned_by=actor.subject[:128],
    )
    session.add(worker)
    await session.flush()
    await events.lead_worker_event(session, worker, previous)
    await touch(session, person_id)
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person_id],
        action="lead_worker_set",
        legal_basis=access.basis,
        basis_ref=str(worker.id),
        reason=data.reason,
    )
    return await _lead_worker_read(session, person_id), current is None


async def _conference_read(session: AsyncSession, conference: CaseConference) -> CaseConferenceRead:
    action_ids = (
        await session.scalars(
            select(PlanAction.id)
            .where(PlanAction.conference_id == conference.id)
            .order_by(PlanAction.created_at)
        )
    ).all()
    return CaseConferenceRead(
        id=conference.id,
        person_id=conference.person_id,
        organiser_institution_id=conference.organiser_institution_id,
        held_on=conference.held_on,
        person_present=conference.person_present,
        participants=[ConferenceParticipantRead.model_validate(p) for p in conference.participants],
        decisions=conference.decisions,
        action_ids=list(action_ids),
        created_at=conference.created_at,
    )


async def record_conference(
    session: AsyncSession,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    data: CaseConferenceCreate,
    audit: AuditContext,
) -> CaseConferenceRead:
    access = await person_access(session, actor=actor, person_id=person_id)
    require_writable(access)
    participants = {p.institution_id: p for p in data.participants}
    if len(participants) != len(data.participants):
        raise Problem(422, "duplicate_participant", "list each institution once")
    if actor.institution_id not in participants:
        raise Problem(422, "organiser_not_participant", "your institution must be among the participants")
    for institution_id in participants:
        if institution_id != actor.institution_id and not await institution_sees_person(
            session, institution_id=institution_id, person_id=person_id
        ):
            raise Problem(
                422,
                "institution_without_access",
                "a participating institution has no access to the person (registration or a referral's grant)",
            )
    conference = CaseConference(
        person_id=person_id,
        organiser_institution_id=actor.institution_id,
        held_on=data.held_on,
        person_present=data.person_present,
        participants=[
            {"institution_id": str(p.institution_id), "staff": list(p.staff)} for p in data.participants
        ],
        decisions=data.decisions,
        recorded_by=actor.subject[:128],
    )
    session.add(conference)
    await session.flush()
    await events.conference_event(session, conference)
    await touch(session, person_id)
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person_id],
        action="casework_write",
        legal_basis=access.basis,
        basis_ref=str(conference.id),
    )
    return await _conference_read(session, conference)


async def list_conferences(
    session: AsyncSession,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    cursor: str | None,
    limit: int | None,
    audit: AuditContext,
) -> tuple[list[CaseConferenceRead], str | None]:
    """The person's case conferences the caller's institution took part in (all in break-glass)."""
    access = await person_access(session, actor=actor, person_id=person_id)
    candidates = (
        await session.execute(
            select(CaseConference.id, CaseConference.participants).where(
                CaseConference.person_id == person_id
            )
        )
    ).all()
    mine = str(actor.institution_id)
    ids = [
        cid
        for cid, participants in candidates
        if access.read_only or any(p["institution_id"] == mine for p in participants)
    ]
    page, next_cursor = await paginate(
        session,
        select(CaseConference).where(CaseConference.id.in_(ids)),
        order_by=[CaseConference.created_at, CaseConference.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person_id],
        action="read",
        legal_basis=access.basis,
        basis_ref=access.basis_ref,
    )
    return [await _conference_read(session, c) for c in page], next_cursor
